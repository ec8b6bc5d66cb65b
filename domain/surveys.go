package domain

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Survey kinds (SPEC §2, §10.8).
const (
	SurveyNPS  = "nps"  // Net Promoter Score question, 0–10
	SurveyCSAT = "csat" // customer satisfaction, 1–5
)

// SurveyKinds are the words a survey's kind may be.
var SurveyKinds = []string{SurveyNPS, SurveyCSAT}

// SurveyLabel is a kind as people write it: NPS, CSAT.
func SurveyLabel(kind string) string { return strings.ToUpper(kind) }

// Trends of a survey score: the latest against the one before.
const (
	TrendUp   = "↑"
	TrendDown = "↓"
	TrendSame = "="
)

// SurveyScore is an account's latest score of one kind as of a date, and
// the one before it (for the trend).
type SurveyScore struct {
	Kind    string
	Latest  Survey
	Has     bool // there is a score of the kind on or before the date
	Prev    Survey
	HasPrev bool
}

// Trend is the latest score against the one before: TrendUp, TrendDown,
// TrendSame, or "" when there is no score before it.
func (s SurveyScore) Trend() string {
	switch {
	case !s.Has || !s.HasPrev:
		return ""
	case s.Latest.Score > s.Prev.Score:
		return TrendUp
	case s.Latest.Score < s.Prev.Score:
		return TrendDown
	}
	return TrendSame
}

// String is the score as the header shows it: "NPS 9 ↑", "CSAT 4" (no
// score before it); "" without a score.
func (s SurveyScore) String() string {
	if !s.Has {
		return ""
	}
	out := fmt.Sprintf("%s %d", SurveyLabel(s.Kind), s.Latest.Score)
	if t := s.Trend(); t != "" {
		out += " " + t
	}
	return out
}

// LatestSurvey is the latest score of kind dated on or before asOf, and
// the one before it: by date, then by id (the later entered) on the same
// date.
func LatestSurvey(ss []Survey, kind string, asOf Date) SurveyScore {
	out := SurveyScore{Kind: kind}
	var of []Survey
	for _, s := range ss {
		if s.Kind == kind && s.On <= asOf {
			of = append(of, s)
		}
	}
	slices.SortStableFunc(of, func(a, b Survey) int {
		if c := cmp.Compare(a.On, b.On); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	if n := len(of); n > 0 {
		out.Latest, out.Has = of[n-1], true
		if n > 1 {
			out.Prev, out.HasPrev = of[n-2], true
		}
	}
	return out
}

// Surveys is an account's latest NPS and CSAT as of a date.
type Surveys struct{ NPS, CSAT SurveyScore }

// LatestSurveys are an account's latest NPS and CSAT as of asOf, each with
// its trend.
func LatestSurveys(ss []Survey, asOf Date) Surveys {
	return Surveys{NPS: LatestSurvey(ss, SurveyNPS, asOf), CSAT: LatestSurvey(ss, SurveyCSAT, asOf)}
}

// String is both as the header shows them, "NPS 9 ↑ · CSAT 4 =", or "".
func (s Surveys) String() string {
	var parts []string
	for _, x := range []SurveyScore{s.NPS, s.CSAT} {
		if x.Has {
			parts = append(parts, x.String())
		}
	}
	return strings.Join(parts, " · ")
}

// NPS of a set of 0–10 scores (SPEC §2): the per cent of promoters (9–10)
// less the per cent of detractors (0–6), rounded half away from zero to one
// decimal; false for no scores.
func NPS(scores []int) (decimal.Decimal, bool) {
	if len(scores) == 0 {
		return decimal.Zero, false
	}
	net := 0
	for _, s := range scores {
		switch {
		case s >= 9:
			net++
		case s <= 6:
			net--
		}
	}
	// (promoters − detractors) × 100 ÷ n: one division, then the rounding.
	return decimal.NewFromInt(int64(net * 100)).Div(decimal.NewFromInt(int64(len(scores)))).Round(1), true
}

// ParseSurveyKind reads a survey's kind as people type it (nps, NPS, csat).
func ParseSurveyKind(s string) (string, error) {
	if k, ok := MatchWord(strings.TrimSpace(s), SurveyKinds); ok {
		return k, nil
	}
	return "", fmt.Errorf("%q is not nps or csat", s)
}
