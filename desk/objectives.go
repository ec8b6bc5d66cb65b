package desk

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"acctdesk/domain"
	"acctdesk/store"
)

// SavedObjective is what saving an objective became.
type SavedObjective struct {
	Objective domain.Objective // as stored, with its id
	Added     bool             // a new objective (else one changed)
	Changes   []FieldChange    // a change's fields, old → new
	Activity  domain.Activity  // its timeline entry
}

// SaveObjective adds an objective to an account's plan (ID 0) or changes
// the one of that id (SPEC §10.9, O on the account pane): kind, what is
// measured, target, due date, owner (default the author), status (default
// open) and steps (text, due date, done; a step done without a date is done
// today). With its timeline entry (domain.KindObjective) in one batch; a
// change that changes nothing writes nothing (ErrNothingChanged).
func (d *Desk) SaveObjective(ctx context.Context, code string, o domain.Objective) (SavedObjective, error) {
	if err := permit(ctx, Collector, "saving an objective"); err != nil {
		return SavedObjective{}, err
	}
	o.Stamp = domain.Stamp{} // the store stamps the write
	o.Kind = strings.ToLower(strings.TrimSpace(o.Kind))
	if k, ok := domain.MatchWord(o.Kind, domain.ObjectiveKinds); ok {
		o.Kind = k
	}
	o.Status = strings.ToLower(strings.TrimSpace(o.Status))
	if o.Status == "" {
		o.Status = domain.ObjectiveOpen
	}
	o.Measure, o.Target = strings.TrimSpace(o.Measure), strings.TrimSpace(o.Target)
	o.Owner = strings.TrimSpace(o.Owner)
	if o.Owner == "" {
		o.Owner = store.AuthorOf(ctx)
	}
	o.Steps = slices.Clone(o.Steps)
	for i := range o.Steps {
		s := &o.Steps[i]
		s.Text = strings.TrimSpace(s.Text)
		if !s.Done {
			s.DoneOn = 0
		} else if s.DoneOn.IsZero() {
			s.DoneOn = d.opt.AsOf
		}
		if s.Done && s.DoneOn > d.opt.AsOf {
			return SavedObjective{}, fieldError("steps", fmt.Sprintf("step %d is done on %s, after today (%s)", i+1, s.DoneOn, d.opt.AsOf))
		}
	}
	out := SavedObjective{Added: o.ID == 0}
	var note domain.Activity
	_, _, err := d.readModifyWrite(ctx, code, func(f *domain.AccountFile) (*store.Batch, error) {
		o.Account = f.Account.Code
		if err := o.Validate(); err != nil {
			return nil, err
		}
		var text string
		out.Changes = nil
		if out.Added {
			text = "objective added: " + objectiveText(o)
		} else {
			// What it changes is told against the objective as stored
			// now: a change saved meanwhile that this one undoes is said.
			i := slices.IndexFunc(f.Objectives, func(x domain.Objective) bool { return x.ID == o.ID })
			if i < 0 {
				return nil, fieldError("objective", fmt.Sprintf("%s has no objective #%d", o.Account, o.ID))
			}
			out.Changes = objectiveChanges(f.Objectives[i], o)
			if len(out.Changes) == 0 {
				return nil, fmt.Errorf("%w: objective #%d is as it was", ErrNothingChanged, o.ID)
			}
			text = fmt.Sprintf("objective #%d changed: %s", o.ID, changesText(out.Changes))
		}
		note = domain.Activity{Account: o.Account, On: d.opt.AsOf, Kind: domain.KindObjective, Outcome: o.Status, Text: text}
		return &store.Batch{On: d.opt.AsOf, Objectives: []store.Rec[domain.Objective]{{V: o}}, Activities: []store.ActivityEntry{{Activity: note}}}, nil
	})
	if err != nil {
		return SavedObjective{}, err
	}
	out.Objective, out.Activity = o, note
	if after, err := d.st.LoadAccount(o.Account); err == nil {
		out.Activity = newestOf(after.Activities, domain.KindObjective)
		for _, x := range after.Objectives {
			// The one changed, or the newest (the store gives a new one the next id).
			if (!out.Added && x.ID == o.ID) || (out.Added && x.ID > out.Objective.ID) {
				out.Objective = x
			}
		}
	}
	return out, nil
}

// objectiveText is an objective in a line: "revenue — AGO volume, target
// 120000 L, due 2026-12-31, owner ada, 2 steps (1 done)", Safe.
func objectiveText(o domain.Objective) string {
	s := o.Kind + " — " + o.Measure
	if o.Target != "" {
		s += ", target " + o.Target
	}
	if !o.Due.IsZero() {
		s += ", due " + o.Due.String()
	}
	if o.Owner != "" {
		s += ", owner " + o.Owner
	}
	if o.Status != domain.ObjectiveOpen {
		s += ", " + o.Status
	}
	if n := len(o.Steps); n > 0 {
		s += ", " + stepsText(o.Steps)
	}
	return domain.Safe(s)
}

// stepsText is "2 steps (1 done)".
func stepsText(steps []domain.Step) string {
	done := 0
	for _, s := range steps {
		if s.Done {
			done++
		}
	}
	return fmt.Sprintf("%s (%d done)", plural(len(steps), "step"), done)
}

// objectiveChanges are the fields of an objective that differ, old → new;
// the steps one by one (added, removed, changed, done).
func objectiveChanges(old, o domain.Objective) []FieldChange {
	var cs []FieldChange
	add := func(field, a, b string) {
		if a != b {
			cs = append(cs, FieldChange{field, a, b})
		}
	}
	add("kind", old.Kind, o.Kind)
	add("measure", old.Measure, o.Measure)
	add("target", old.Target, o.Target)
	add("due", dateText(old.Due), dateText(o.Due))
	add("owner", old.Owner, o.Owner)
	add("status", old.Status, o.Status)
	for i := 0; i < max(len(old.Steps), len(o.Steps)); i++ {
		field := fmt.Sprintf("step %d", i+1)
		switch {
		case i >= len(old.Steps):
			add(field, "", stepText(o.Steps[i]))
		case i >= len(o.Steps):
			add(field, stepText(old.Steps[i]), "")
		default:
			add(field, stepText(old.Steps[i]), stepText(o.Steps[i]))
		}
	}
	return cs
}

// stepText is a step in words: "call the fleet manager by 2026-12-01,
// done 2026-11-20".
func stepText(s domain.Step) string {
	t := s.Text + " by " + dateText(s.Due)
	if s.Done {
		t += ", done"
		if !s.DoneOn.IsZero() {
			t += " " + s.DoneOn.String()
		}
	}
	return t
}
