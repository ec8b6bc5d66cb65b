package form

import (
	"context"
	"fmt"
	"strings"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
	"acctdesk/ui/keymap"
)

// The objectives form (O, SPEC §10.9): the account plan's objectives listed
// above the fields; one key picks one to change (1…9) or n a new one. Its
// fields: kind, what is measured, target, due date, owner, status, then its
// steps one per line, "TEXT @ DATE", with "done" (and a date) once done; a
// new empty step line follows the last one.
const (
	oWhich = iota
	oKind
	oMeasure
	oTarget
	oDue
	oOwner
	oStatus
	oSteps // the first step; the others follow
)

type objectiveBody struct {
	c    core
	t    Target
	objs []domain.Objective
	sel  int // the objective picked (index into objs), -1 a new one, -2 none yet
}

// NewObjectives opens the objectives form on an account with its
// objectives; users are the book's users, which ↑/↓ offers as the owner.
func NewObjectives(c common.Common, t Target, objs []domain.Objective, users []string) *Model {
	b := &objectiveBody{t: t, objs: append([]domain.Objective(nil), objs...), sel: -2}
	var which []keymap.Choice
	for i, o := range b.objs {
		which = append(which, keymap.Choice{Key: pickKey(i), Value: fmt.Sprint(i), Label: common.Cut(common.Clean(o.Measure), 18)})
	}
	which = append(which, keymap.Choice{Key: "n", Value: pickNew, Label: "new objective"})
	b.c.fields = []*field{
		{label: "Objective", kind: choiceField, choices: which},
		prefilled("Kind", "", 20, "revenue, volume… (↑/↓)", domain.ObjectiveKinds),
		prefilled("Measure", "", 200, "e.g. PMS litres a month", nil),
		prefilled("Target", "", 200, "e.g. 20,000 L", nil),
		prefilled("Due", "", 20, "when: 2026-12-31, +30, fri", nil),
		prefilled("Owner", "", 64, "default you; ↑/↓ users", users),
		prefilled("Status", "", 20, "open, met… (↑/↓)", domain.ObjectiveStatuses),
	}
	if len(b.objs) == 0 {
		b.c.fields[oWhich].disabled, b.c.fields[oWhich].hidden = true, true
		b.pick(-1)
		b.c.focus = oKind
	}
	return newModel(c, t, b)
}

func (b *objectiveBody) noun() string { return "objective" }
func (b *objectiveBody) core() *core  { return &b.c }
func (b *objectiveBody) title() string {
	return fmt.Sprintf("Account plan · %s %s", b.t.Code, b.t.Name)
}

// stepField is the field of step n (from 1).
func stepField(n int, text string) *field {
	return prefilled(fmt.Sprintf("Step %d", n), text, 500, "TEXT @ DATE [done]", nil)
}

// stepLine is a step as its field holds it: "Price offer @ 2026-11-20 done 2026-11-19".
func stepLine(s domain.Step) string {
	line := s.Text + " @ " + dateText(s.Due)
	if s.Done {
		line += " done"
		if !s.DoneOn.IsZero() {
			line += " " + s.DoneOn.String()
		}
	}
	return line
}

// parseStep reads a step's line: TEXT @ DATE [done [DATE]].
func parseStep(s string, today domain.Date) (domain.Step, error) {
	at := strings.LastIndex(s, "@")
	if at < 0 {
		return domain.Step{}, fmt.Errorf("write TEXT @ DATE, e.g. price offer @ fri")
	}
	st := domain.Step{Text: strings.TrimSpace(s[:at])}
	if st.Text == "" {
		return domain.Step{}, fmt.Errorf("say what the step is before @")
	}
	rest := strings.Fields(s[at+1:])
	if len(rest) == 0 {
		return domain.Step{}, fmt.Errorf("a date after @: 2026-12-01, +7, fri")
	}
	due, err := resolveDate(rest[0], today)
	if err != nil {
		return domain.Step{}, err
	}
	st.Due = due
	switch {
	case len(rest) == 1:
	case strings.EqualFold(rest[1], "done") && len(rest) <= 3:
		st.Done = true
		if len(rest) == 3 {
			if st.DoneOn, err = resolveDate(rest[2], today); err != nil {
				return domain.Step{}, fmt.Errorf("done on: %v", err)
			}
		}
	default:
		return domain.Step{}, fmt.Errorf("after the date only done (and the day it was done)")
	}
	return st, nil
}

// pick shows objective i in the fields (-1: empty ones for a new one).
func (b *objectiveBody) pick(i int) {
	b.sel = i
	o := domain.Objective{Status: domain.ObjectiveOpen}
	if i >= 0 {
		o = b.objs[i]
	}
	for k, v := range map[int]string{oKind: o.Kind, oMeasure: o.Measure, oTarget: o.Target, oDue: dateText(o.Due), oOwner: o.Owner, oStatus: o.Status} {
		f := b.c.fields[k]
		f.text = common.Field{Limit: f.text.Limit}
		f.text.Set(v)
		f.initial, f.err = v, ""
	}
	b.c.fields = b.c.fields[:oSteps]
	for n, s := range o.Steps {
		b.c.fields = append(b.c.fields, stepField(n+1, stepLine(s)))
	}
}

func (b *objectiveBody) choose(k string) bool {
	f := b.c.fields[b.c.focus]
	ch, ok := keymap.Find(f.choices, k)
	if !ok || b.c.focus != oWhich {
		return false
	}
	f.choice = ch.Value
	i := -1
	if ch.Value != pickNew {
		fmt.Sscan(ch.Value, &i)
	}
	b.pick(i)
	b.changed()
	b.c.to(oKind)
	return true
}

func (b *objectiveBody) changed() {
	f := b.c.fields
	none := b.sel == -2
	for _, x := range f[oKind:] {
		x.hidden, x.disabled = none, none
	}
	if none {
		return
	}
	// Always one empty step line after the last.
	if n := len(b.c.fields); n == oSteps || strings.TrimSpace(b.c.fields[n-1].text.String()) != "" {
		b.c.fields = append(b.c.fields, stepField(n-oSteps+1, ""))
	}
	f = b.c.fields
	f[oDue].hint = ""
	if s := b.c.text(oDue); s != "" {
		if d, err := resolveDate(s, b.t.Today); err == nil {
			f[oDue].hint = "→ " + common.LongDay(d)
		}
	}
	for _, x := range f[oSteps:] {
		x.hint = ""
		s := strings.TrimSpace(x.text.String())
		if s == "" {
			continue
		}
		st, err := parseStep(s, b.t.Today)
		if err != nil {
			continue
		}
		switch { // short: the hint has what the field leaves of the line
		case st.Done && st.DoneOn.IsZero():
			x.hint = "→ by " + common.Day(st.Due, b.t.Today) + ", done today"
		case st.Done:
			x.hint = "→ by " + common.Day(st.Due, b.t.Today) + ", done " + common.Day(st.DoneOn, b.t.Today)
		default:
			x.hint = "→ by " + common.WeekDay(st.Due, b.t.Today)
		}
	}
}

// brief lists the plan's objectives, each with its key, kind, target, due
// date, status and steps done.
func (b *objectiveBody) brief(cm common.Common, w int) []string {
	s := cm.Styles
	if len(b.objs) == 0 {
		return []string{s.Muted.Render(common.Cut("No objectives yet: set the first one.", w)), ""}
	}
	var out []string
	for i, o := range b.objs {
		parts := []string{o.Kind + ": " + common.Clean(o.Measure)}
		if o.Target != "" {
			parts = append(parts, "target "+common.Clean(o.Target))
		}
		if !o.Due.IsZero() {
			parts = append(parts, "due "+common.Day(o.Due, b.t.Today))
		}
		parts = append(parts, o.Status)
		if n := len(o.Steps); n > 0 {
			done := 0
			for _, st := range o.Steps {
				if st.Done {
					done++
				}
			}
			parts = append(parts, fmt.Sprintf("%d/%d steps done", done, n))
		}
		out = append(out, pickLine(s, i, b.sel, parts, w))
	}
	return append(out, "")
}

func (b *objectiveBody) validate() (*Submission, bool) {
	f := b.c.fields
	b.c.clearErrors()
	if b.sel == -2 {
		f[oWhich].err = "pick an objective (" + keysOf(f[oWhich].choices) + ")"
		return nil, false
	}
	o := domain.Objective{Measure: b.c.text(oMeasure), Target: b.c.text(oTarget), Owner: b.c.text(oOwner)}
	if b.sel >= 0 {
		o.ID = b.objs[b.sel].ID
	}
	ok := true
	bad := func(i int, why string) { f[i].err, ok = why, false }
	if k, found := domain.MatchWord(b.c.text(oKind), domain.ObjectiveKinds); found {
		o.Kind = k
	} else {
		bad(oKind, "one of "+strings.Join(domain.ObjectiveKinds, ", "))
	}
	if o.Measure == "" {
		bad(oMeasure, "say what is measured")
	}
	if s := b.c.text(oStatus); s != "" {
		if st, found := domain.MatchWord(s, domain.ObjectiveStatuses); found {
			o.Status = st
		} else {
			bad(oStatus, "one of "+strings.Join(domain.ObjectiveStatuses, ", "))
		}
	}
	if s := b.c.text(oDue); s != "" {
		if d, err := resolveDate(s, b.t.Today); err != nil {
			bad(oDue, err.Error())
		} else {
			o.Due = d
		}
	}
	for i := oSteps; i < len(f); i++ {
		s := b.c.text(i)
		if s == "" {
			continue // an empty line is no step (clearing one removes it)
		}
		st, err := parseStep(s, b.t.Today)
		if err != nil {
			bad(i, err.Error())
			continue
		}
		o.Steps = append(o.Steps, st)
	}
	if !ok {
		return nil, false
	}
	code := b.t.Code
	what := "added " + o.Kind + ": " + common.Clean(o.Measure)
	if o.ID != 0 {
		what = fmt.Sprintf("changed #%d %s: %s", o.ID, o.Kind, common.Clean(o.Measure))
	}
	return &Submission{Kind: Custom, Noun: b.noun(), What: what,
		Do: func(ctx context.Context, d *desk.Desk, _ bool) (Saved, error) {
			x, err := d.SaveObjective(ctx, code, o)
			return Saved{At: x.Activity.Stamp.At}, err
		}}, true
}

func (b *objectiveBody) fieldOf(name string) int {
	switch name {
	case "kind":
		return oKind
	case "measure":
		return oMeasure
	case "target":
		return oTarget
	case "due":
		return oDue
	case "owner":
		return oOwner
	case "status":
		return oStatus
	case "steps":
		return oSteps
	case "objective":
		return oWhich
	}
	return -1
}
