package form

import (
	"context"
	"fmt"
	"time"

	"acctdesk/desk"
)

// Saved is what a submission became, for the status line.
type Saved struct {
	At    time.Time // when the store wrote it; zero when it does not say
	Recap string    // the written recap kept with it ("" without one)
	Said  string    // what it did, in words, when the status line says that instead (an assignment)
}

// Save writes the submission through the desk's use case, as the author ctx
// carries. It blocks on the store: run it in a tea.Cmd.
func (s Submission) Save(ctx context.Context, d *desk.Desk) (Saved, error) {
	switch s.Kind {
	case Call:
		c := s.Call
		c.Confirmed = s.Confirmed
		l, err := d.LogCall(ctx, s.Code, c)
		return Saved{At: l.Activity.Stamp.At, Recap: l.Recap}, err
	case Escalation:
		e, err := d.Escalate(ctx, s.Code, s.Escalation, desk.Confirm(s.Confirmed))
		return Saved{At: e.Escalation.Stamp.At, Recap: e.Recap}, err
	case Note:
		l, err := d.Note(ctx, s.Code, "note", s.Text, s.Next)
		return Saved{At: l.Activity.Stamp.At}, err
	case FollowUp:
		_, err := d.FollowUp(ctx, s.Code, s.Due, s.Reason, desk.Confirm(s.Confirmed))
		return Saved{}, err
	case Snooze:
		return Saved{}, d.Snooze(ctx, s.Item, s.Until)
	case Plan:
		p, err := d.Plan(ctx, s.Code, s.Instalments, s.Replace, desk.Confirm(s.Confirmed))
		return Saved{At: p.Plan.Stamp.At, Recap: p.Recap}, err
	case Dispute:
		x, err := d.RaiseDispute(ctx, s.Code, s.Dispute)
		return Saved{At: x.Dispute.Stamp.At}, err
	case Resolve:
		x, err := d.ResolveDispute(ctx, s.Code, s.Resolution)
		return Saved{At: x.Dispute.Stamp.At}, err
	case Custom:
		if s.Do == nil {
			return Saved{}, fmt.Errorf("a %s cannot be saved", s.Noun)
		}
		return s.Do(ctx, d, s.Confirmed)
	case Assign:
		a, err := d.Assign(ctx, s.Codes, s.Owner)
		if err != nil {
			return Saved{}, err
		}
		out := Saved{Said: a.Said()}
		if len(a.Changed) > 0 {
			out.At = a.Changed[0].Activity.Stamp.At
		}
		return out, nil
	}
	return Saved{}, fmt.Errorf("a %s cannot be saved", s.Kind)
}
