package desk

import (
	"context"
	"fmt"
	"strings"

	"acctdesk/domain"
	"acctdesk/store"
)

// Surveyed is what a survey score became.
type Surveyed struct {
	Survey   domain.Survey   // as stored, with its id
	Replaced *domain.Survey  // the score of the same kind and day it replaced, if any
	Activity domain.Activity // its timeline entry
}

// AddSurvey enters a survey score on an account (SPEC §10.8, v on the
// account pane): NPS 0–10 or CSAT 1–5, dated the business date unless
// given (never after it), with an optional comment; with its timeline
// entry (domain.KindSurvey) in one batch. A score of the kind already
// entered for that day is replaced (surveys are kept by account, date and
// kind, as an import keeps them), and the entry says what it was.
func (d *Desk) AddSurvey(ctx context.Context, code string, s domain.Survey) (Surveyed, error) {
	if err := permit(ctx, Collector, "entering a survey score"); err != nil {
		return Surveyed{}, err
	}
	kind, err := domain.ParseSurveyKind(s.Kind)
	if err != nil {
		return Surveyed{}, fieldError("kind", err.Error())
	}
	s.ID, s.Kind, s.Stamp = 0, kind, domain.Stamp{}
	s.Comment = strings.TrimSpace(s.Comment)
	if s.On.IsZero() {
		s.On = d.opt.AsOf
	}
	if s.On > d.opt.AsOf {
		return Surveyed{}, fieldError("date", fmt.Sprintf("%s is after today (%s): a score is entered once given", s.On, d.opt.AsOf))
	}
	var out Surveyed
	var note domain.Activity
	_, _, err = d.readModifyWrite(ctx, code, func(f *domain.AccountFile) (*store.Batch, error) {
		s.Account = f.Account.Code
		if err := s.Validate(); err != nil {
			return nil, err
		}
		out = Surveyed{}
		text := fmt.Sprintf("%s %d", domain.SurveyLabel(kind), s.Score)
		if s.On != d.opt.AsOf {
			text += " given " + s.On.String()
		}
		for _, x := range f.Surveys {
			if x.Kind == kind && x.On == s.On {
				was := x
				out.Replaced = &was
				text += fmt.Sprintf(" (replaces %d)", x.Score)
			}
		}
		if s.Comment != "" {
			text += ": " + s.Comment
		}
		note = domain.Activity{Account: s.Account, On: d.opt.AsOf, Kind: domain.KindSurvey, Outcome: kind, Text: text}
		return &store.Batch{On: d.opt.AsOf, Surveys: []store.Rec[domain.Survey]{{V: s}}, Activities: []store.ActivityEntry{{Activity: note}}}, nil
	})
	if err != nil {
		return Surveyed{}, err
	}
	out.Survey, out.Activity = s, note
	if after, err := d.st.LoadAccount(s.Account); err == nil {
		out.Activity = newestOf(after.Activities, domain.KindSurvey)
		for _, x := range after.Surveys {
			if x.Kind == kind && x.On == s.On {
				out.Survey = x
			}
		}
	}
	return out, nil
}
