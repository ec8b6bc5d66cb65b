package form

import (
	"fmt"
	"strings"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
	"acctdesk/ui/keymap"
)

// Escalation form fields, in the order of SPEC §8.
const (
	eCategory = iota
	eSeverity
	eTo
	eSummary
	eDue
)

type escBody struct {
	c core
	t Target
}

// NewEscalation opens the escalation form on an account.
func NewEscalation(c common.Common, t Target) *Model {
	b := &escBody{t: t}
	b.c.fields = []*field{
		{label: "Category", kind: choiceField, choices: c.Keys.Categories},
		{label: "Severity", kind: choiceField, choices: c.Keys.Severities},
		{label: "To", kind: choiceField, choices: c.Keys.Teams},
		{label: "Summary", kind: textField, text: common.Field{Limit: 2000}, example: "what is escalated, in a few words"},
		{label: "Due", kind: textField},
	}
	return newModel(c, t, b)
}

func (b *escBody) core() *core { return &b.c }

func (b *escBody) title() string { return fmt.Sprintf("Escalate · %s %s", b.t.Code, b.t.Name) }

func (b *escBody) choose(k string) bool {
	i := b.c.focus
	f := b.c.fields[i]
	ch, ok := keymap.Find(f.choices, k)
	if !ok {
		return false
	}
	f.choice = ch.Value
	b.c.to(i + 1)
	return true
}

func (b *escBody) changed() {
	f := b.c.fields[eDue]
	f.example = "default " + common.LongDay(desk.DefaultEscalationDue(b.t.Today))
	f.hint = ""
	if s := strings.TrimSpace(f.text.String()); s != "" {
		if d, err := resolveDate(s, b.t.Today); err == nil {
			f.hint = "→ " + common.LongDay(d)
		}
	}
}

func (b *escBody) validate() (*Submission, bool) {
	f := b.c.fields
	t := b.t
	ok := true
	b.c.clearErrors()
	for _, i := range []int{eCategory, eSeverity, eTo} {
		if f[i].choice == "" {
			f[i].err = "choose one: " + keysOf(f[i].choices)
			ok = false
		}
	}
	summary := b.c.text(eSummary)
	if summary == "" {
		f[eSummary].err = "say in a few words what is escalated"
		ok = false
	}
	due := desk.DefaultEscalationDue(t.Today)
	if s := b.c.text(eDue); s != "" {
		d, err := resolveDate(s, t.Today)
		switch {
		case err != nil:
			f[eDue].err = err.Error()
			ok = false
		case d < t.Today:
			f[eDue].err = common.LongDay(d) + " is in the past"
			ok = false
		}
		due = d
	}
	if !ok {
		return nil, false
	}
	e := domain.Escalation{Category: f[eCategory].choice, Severity: f[eSeverity].choice, To: f[eTo].choice, Summary: summary, Due: due}
	what := fmt.Sprintf("%s escalation to %s, due %s", e.Severity, e.To, common.WeekDay(due, t.Today))
	return &Submission{Kind: Escalation, Escalation: e, What: what}, true
}

func (b *escBody) fieldOf(name string) int {
	switch name {
	case "category":
		return eCategory
	case "severity":
		return eSeverity
	case "to":
		return eTo
	case "summary", "note", "text":
		return eSummary
	case "due":
		return eDue
	}
	return -1
}
