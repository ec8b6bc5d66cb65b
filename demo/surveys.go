package demo

import (
	"fmt"
	"strings"

	"acctdesk/domain"
)

var surveyComments = map[string][]string{
	"low":  {"Deliveries keep arriving late", "Invoices often do not match the waybills", "Hard to reach anyone after 5 pm"},
	"mid":  {"Service is fine, prices could be sharper", "Good drivers, slow credit notes"},
	"high": {"Reliable supply even during the scarcity", "Account manager always picks up", "Rescue team arrived in under an hour"},
}

// survey writes the account's scores over time (SPEC §10.8): the latest
// (its profile's score and comment) and, about a quarter apart before it,
// three to six earlier ones on a trend: a detractor (or an unhappy CSAT) was
// happier before, a promoter less so, a passive either way. Each score is
// on the timeline.
func (a *acct) survey() {
	p, r := a.p, a.m
	if p.survey == "" {
		return
	}
	lo, hi := 0, 10
	if p.survey == "csat" {
		lo, hi = 1, 5
	}
	band := func(score int) string {
		switch {
		case p.survey == "nps" && score <= 6, p.survey == "csat" && score <= 2:
			return "low"
		case p.survey == "nps" && score >= 9, p.survey == "csat" && score >= 5:
			return "high"
		}
		return "mid"
	}
	dir := r.IntN(3) - 1 // −1 falling to the latest, +1 rising to it
	switch band(p.score) {
	case "low":
		dir = -1
	case "high":
		dir = 1
	}
	latest := weekdayBack(a.asOf.AddDays(-r.between(10, 80)))
	n := r.between(3, 6)
	var out []domain.Survey
	for k := n; k >= 0; k-- {
		on := weekdayBack(latest.AddDays(-91*k + r.between(-10, 10)))
		if k == 0 {
			on = latest
		}
		if on < p.live {
			continue
		}
		score, comment := p.score, p.comment
		if k > 0 {
			drift := k
			if p.survey == "csat" {
				drift = (k + 1) / 2
			}
			noise := 0
			if k > 1 {
				noise = r.between(-1, 1) // the one before the latest is on the trend
			}
			score = min(hi, max(lo, p.score-dir*drift+noise))
			comment = ""
		}
		if comment == "" {
			comment = pick(r, surveyComments[band(score)])
		}
		out = append(out, domain.Survey{Account: p.code, On: on, Kind: p.survey, Score: score, Comment: comment,
			Stamp: stamp(a.g.opt.Author, on, 12*60)})
		a.acts = append(a.acts, act{on: on, minute: 12 * 60, kind: domain.KindSurvey, fixedNext: true,
			text: fmt.Sprintf("%s survey: %d (%s). %s", strings.ToUpper(p.survey), score, a.surveyWord(score), comment)})
	}
	a.surveys = append(a.surveys, out...)
}

// surveyWord names a score the way the NPS does (promoter, passive,
// detractor) or, for CSAT, satisfied or not.
func (a *acct) surveyWord(score int) string {
	if a.p.survey == "csat" {
		return [...]string{1: "very dissatisfied", 2: "dissatisfied", 3: "neutral", 4: "satisfied", 5: "very satisfied"}[score]
	}
	switch {
	case score >= 9:
		return "promoter"
	case score >= 7:
		return "passive"
	}
	return "detractor"
}
