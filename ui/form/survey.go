package form

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
	"acctdesk/ui/keymap"
)

// The survey form (v, SPEC §10.8): the kind in one key (n NPS 0–10, c
// CSAT 1–5), the score, the date it was given (today unless typed) and
// the customer's comment. The account's latest scores are shown above.
const (
	sKind = iota
	sScore
	sOn
	sComment
)

type surveyBody struct {
	c      core
	t      Target
	latest domain.Surveys
}

// NewSurvey opens the survey form on an account; surveys are the
// account's scores so far (for the latest and its trend).
func NewSurvey(c common.Common, t Target, surveys []domain.Survey) *Model {
	b := &surveyBody{t: t, latest: domain.LatestSurveys(surveys, t.Today)}
	b.c.fields = []*field{
		{label: "Kind", kind: choiceField, choices: []keymap.Choice{
			{Key: "n", Value: domain.SurveyNPS, Label: "NPS 0–10"}, {Key: "c", Value: domain.SurveyCSAT, Label: "CSAT 1–5"}}},
		{label: "Score", kind: textField, text: common.Field{Limit: 2}},
		{label: "Given on", kind: textField, text: common.Field{Limit: 20}},
		{label: "Comment", kind: textField, text: common.Field{Limit: 2000}, example: "optional: their words"},
	}
	return newModel(c, t, b)
}

func (b *surveyBody) noun() string { return "survey score" }
func (b *surveyBody) core() *core  { return &b.c }
func (b *surveyBody) title() string {
	return fmt.Sprintf("Survey score · %s %s", b.t.Code, b.t.Name)
}

func (b *surveyBody) choose(k string) bool {
	f := b.c.fields[sKind]
	ch, ok := keymap.Find(f.choices, k)
	if !ok || b.c.focus != sKind {
		return false
	}
	f.choice = ch.Value
	b.c.to(sScore)
	return true
}

// brief is the latest scores with their trend, or that there are none.
func (b *surveyBody) brief(cm common.Common, w int) []string {
	s := cm.Styles
	var parts []string
	for _, x := range []domain.SurveyScore{b.latest.NPS, b.latest.CSAT} {
		if x.Has {
			parts = append(parts, fmt.Sprintf("%s (%s)", x, common.Day(x.Latest.On, b.t.Today)))
		}
	}
	if len(parts) == 0 {
		return []string{s.Muted.Render(common.Cut("No survey score on file yet.", w)), ""}
	}
	return []string{s.Label.Render(common.Cut("Latest: "+strings.Join(parts, " · "), w)), ""}
}

func (b *surveyBody) changed() {
	f := b.c.fields
	switch f[sKind].choice {
	case domain.SurveyNPS:
		f[sScore].example = "0–10: would recommend"
	case domain.SurveyCSAT:
		f[sScore].example = "1–5: how satisfied"
	default:
		f[sScore].example = "choose the kind first"
	}
	f[sOn].example = "default today"
	f[sOn].hint = ""
	if s := b.c.text(sOn); s != "" {
		if d, err := resolveDate(s, b.t.Today); err == nil {
			f[sOn].hint = "→ " + common.LongDay(d)
		}
	}
}

func (b *surveyBody) validate() (*Submission, bool) {
	f := b.c.fields
	b.c.clearErrors()
	ok := true
	s := domain.Survey{Kind: f[sKind].choice, Comment: b.c.text(sComment)}
	if s.Kind == "" {
		f[sKind].err, ok = "choose one: "+keysOf(f[sKind].choices), false
	}
	lo, hi := 0, 10
	if s.Kind == domain.SurveyCSAT {
		lo, hi = 1, 5
	}
	if n, err := strconv.Atoi(b.c.text(sScore)); err != nil || n < lo || n > hi {
		f[sScore].err, ok = fmt.Sprintf("a score from %d to %d", lo, hi), false
	} else {
		s.Score = n
	}
	if txt := b.c.text(sOn); txt != "" {
		d, err := resolveDate(txt, b.t.Today)
		switch {
		case err != nil:
			f[sOn].err, ok = err.Error(), false
		case d > b.t.Today:
			f[sOn].err, ok = common.LongDay(d)+" is after today", false
		}
		s.On = d
	}
	if !ok {
		return nil, false
	}
	code := b.t.Code
	what := fmt.Sprintf("%s %d", domain.SurveyLabel(s.Kind), s.Score)
	if !s.On.IsZero() && s.On != b.t.Today {
		what += " given " + common.WeekDay(s.On, b.t.Today)
	}
	return &Submission{Kind: Custom, Noun: b.noun(), What: what,
		Do: func(ctx context.Context, d *desk.Desk, _ bool) (Saved, error) {
			x, err := d.AddSurvey(ctx, code, s)
			return Saved{At: x.Activity.Stamp.At}, err
		}}, true
}

func (b *surveyBody) fieldOf(name string) int {
	switch name {
	case "kind":
		return sKind
	case "score":
		return sScore
	case "date":
		return sOn
	case "comment":
		return sComment
	}
	return -1
}
