package form

import (
	"fmt"
	"strings"

	"acctdesk/domain"
	"acctdesk/ui/common"
)

const (
	nText = iota
	nNext
)

type noteBody struct {
	c core
	t Target
}

// NewNote opens the note form on an account: the note and an optional
// follow-up date.
func NewNote(c common.Common, t Target) *Model {
	b := &noteBody{t: t}
	b.c.fields = []*field{
		{label: "Note", kind: textField, text: common.Field{Limit: 4000}, example: "what to remember"},
		{label: "Follow up on", kind: textField, example: "optional: fri, +3, 2026-12-01"},
	}
	return newModel(c, t, b)
}

func (b *noteBody) core() *core          { return &b.c }
func (b *noteBody) title() string        { return fmt.Sprintf("Add a note · %s %s", b.t.Code, b.t.Name) }
func (b *noteBody) choose(k string) bool { return false }

func (b *noteBody) changed() {
	f := b.c.fields[nNext]
	f.hint = ""
	if s := strings.TrimSpace(f.text.String()); s != "" {
		if d, err := resolveDate(s, b.t.Today); err == nil {
			f.hint = "→ " + common.LongDay(d)
		}
	}
}

func (b *noteBody) validate() (*Submission, bool) {
	f := b.c.fields
	t := b.t
	f[nText].err, f[nNext].err = "", ""
	text := strings.TrimSpace(f[nText].text.String())
	ok := true
	if text == "" {
		f[nText].err = "the note is empty"
		ok = false
	}
	var next domain.Date
	if s := strings.TrimSpace(f[nNext].text.String()); s != "" {
		d, err := resolveDate(s, t.Today)
		switch {
		case err != nil:
			f[nNext].err = err.Error()
			ok = false
		case d < t.Today:
			f[nNext].err = common.LongDay(d) + " is in the past"
			ok = false
		}
		next = d
	}
	if !ok {
		return nil, false
	}
	what := "note"
	if !next.IsZero() {
		what += ", next " + common.WeekDay(next, t.Today)
	}
	return &Submission{Kind: Note, Text: text, Next: next, What: what}, true
}

func (b *noteBody) fieldOf(name string) int {
	switch name {
	case "note", "text":
		return nText
	case "next":
		return nNext
	}
	return -1
}

type snoozeBody struct {
	c core
	t Target
}

// NewSnooze asks until when to hide a queue item (+1 by default).
func NewSnooze(c common.Common, t Target) *Model {
	b := &snoozeBody{t: t}
	b.c.fields = []*field{{label: "Snooze until", kind: textField, example: "+1 by default"}}
	return newModel(c, t, b)
}

func (b *snoozeBody) core() *core          { return &b.c }
func (b *snoozeBody) choose(k string) bool { return false }

func (b *snoozeBody) title() string {
	if b.t.Item != nil {
		return fmt.Sprintf("Snooze · %s %s · %s", b.t.Code, b.t.Name, common.Clean(b.t.Item.Detail))
	}
	return fmt.Sprintf("Snooze · %s %s", b.t.Code, b.t.Name)
}

func (b *snoozeBody) until() (domain.Date, error) {
	s := strings.TrimSpace(b.c.fields[0].text.String())
	if s == "" {
		s = "+1"
	}
	d, err := resolveDate(s, b.t.Today)
	if err != nil {
		return 0, err
	}
	if d <= b.t.Today {
		return 0, fmt.Errorf("snooze until a day after today")
	}
	return d, nil
}

func (b *snoozeBody) changed() {
	f := b.c.fields[0]
	f.hint = ""
	if d, err := b.until(); err == nil {
		f.hint = "→ hidden until " + common.LongDay(d)
	}
}

func (b *snoozeBody) validate() (*Submission, bool) {
	f := b.c.fields[0]
	f.err = ""
	d, err := b.until()
	if err != nil {
		f.err = err.Error()
		return nil, false
	}
	if b.t.Item == nil {
		f.err = "no queue item to snooze"
		return nil, false
	}
	return &Submission{Kind: Snooze, Item: *b.t.Item, Until: d, What: "snoozed until " + common.WeekDay(d, b.t.Today)}, true
}

func (b *snoozeBody) fieldOf(string) int { return 0 }
