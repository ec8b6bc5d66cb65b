package form

import (
	"fmt"
	"strings"

	"acctdesk/domain"
	"acctdesk/ui/common"
)

// Follow-up form fields.
const (
	fuDue = iota
	fuReason
)

// DefaultFollowUp is when a follow-up set by hand falls due unless told: a week.
func DefaultFollowUp(today domain.Date) domain.Date { return today.AddDays(7) }

type followBody struct {
	c core
	t Target
}

// NewFollowUp schedules a follow-up on an account by hand: a date (+7 by
// default) and the reason, in words.
func NewFollowUp(c common.Common, t Target) *Model {
	b := &followBody{t: t}
	b.c.fields = []*field{
		{label: "Follow up on", kind: textField},
		{label: "Reason", kind: textField, text: common.Field{Limit: 500}, example: "e.g. confirm the remittance advice"},
	}
	return newModel(c, t, b)
}

func (b *followBody) core() *core          { return &b.c }
func (b *followBody) choose(k string) bool { return false }
func (b *followBody) title() string {
	return fmt.Sprintf("Schedule a follow-up · %s %s", b.t.Code, b.t.Name)
}

func (b *followBody) due() (domain.Date, error) {
	s := strings.TrimSpace(b.c.fields[fuDue].text.String())
	if s == "" {
		return DefaultFollowUp(b.t.Today), nil
	}
	d, err := resolveDate(s, b.t.Today)
	if err != nil {
		return 0, err
	}
	if d < b.t.Today {
		return 0, fmt.Errorf("%s is in the past", common.LongDay(d))
	}
	return d, nil
}

func (b *followBody) changed() {
	f := b.c.fields[fuDue]
	f.example = "default " + common.LongDay(DefaultFollowUp(b.t.Today)) + " · fri, +3, tomorrow, 2026-12-01"
	f.hint = ""
	if strings.TrimSpace(f.text.String()) != "" {
		if d, err := b.due(); err == nil {
			f.hint = "→ " + common.LongDay(d)
		}
	}
}

func (b *followBody) validate() (*Submission, bool) {
	f := b.c.fields
	f[fuDue].err, f[fuReason].err = "", ""
	d, err := b.due()
	if err != nil {
		f[fuDue].err = err.Error()
		return nil, false
	}
	t := b.t
	reason := b.c.text(fuReason)
	what := common.WeekDay(d, t.Today)
	if reason != "" {
		what += ", " + common.Clean(reason)
	}
	return &Submission{Kind: FollowUp, Due: d, Reason: reason, What: what}, true
}

func (b *followBody) fieldOf(name string) int {
	switch name {
	case "due":
		return fuDue
	case "reason":
		return fuReason
	}
	return -1
}
