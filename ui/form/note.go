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

// The note form (n): the text, an optional follow-up date, and what it
// logs: a note unless another kind is chosen with one key (a visit, a QBR,
// a meeting, an e-mail: SPEC §10.7, §10.9; a QBR clears qbr-due). The kind
// comes last, so n, the text, tab, a date and enter still add a note, and
// shift+tab from the text reaches it: n, the text, shift+tab, q, enter
// logs a QBR.
const (
	nText = iota
	nNext
	nKind
)

type noteBody struct {
	c core
	t Target
}

// NewNote opens the note form on an account: the note, its kind and an
// optional follow-up date.
func NewNote(c common.Common, t Target) *Model {
	b := &noteBody{t: t}
	b.c.fields = []*field{
		{label: "Note", kind: textField, text: common.Field{Limit: 4000}, example: "what to remember"},
		{label: "Follow up on", kind: textField, example: "optional: fri, +3, 2026-12-01"},
		{label: "Logs", kind: choiceField, choices: c.Keys.NoteKinds},
	}
	return newModel(c, t, b)
}

func (b *noteBody) core() *core { return &b.c }

// kind is the activity kind chosen, a note by default.
func (b *noteBody) kind() string {
	if k := b.c.fields[nKind].choice; k != "" {
		return k
	}
	return "note"
}

// noun is the kind as people read it: note, visit, QBR, meeting, e-mail.
func (b *noteBody) noun() string { return keymap.Label(b.c.fields[nKind].choices, b.kind()) }

func (b *noteBody) title() string {
	if b.kind() == "note" {
		return fmt.Sprintf("Add a note · %s %s", b.t.Code, b.t.Name)
	}
	return fmt.Sprintf("Log a %s · %s %s", b.noun(), b.t.Code, b.t.Name)
}

func (b *noteBody) choose(k string) bool {
	f := b.c.fields[nKind]
	ch, ok := keymap.Find(f.choices, k)
	if !ok {
		return false
	}
	f.choice = ch.Value // the last field: enter saves from here
	return true
}

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
	text := b.c.text(nText)
	ok := true
	if text == "" {
		f[nText].err = "the note is empty"
		ok = false
	}
	var next domain.Date
	if s := b.c.text(nNext); s != "" {
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
	kind, noun := b.kind(), b.noun()
	what := noun
	if !next.IsZero() {
		what += ", next " + common.WeekDay(next, t.Today)
	}
	code := t.Code
	// Saved through the desk's Note use case, with its kind.
	do := func(ctx context.Context, d *desk.Desk, _ bool) (Saved, error) {
		l, err := d.Note(ctx, code, kind, text, next)
		return Saved{At: l.Activity.Stamp.At}, err
	}
	return &Submission{Kind: Custom, Noun: noun, Do: do, Text: text, Next: next, What: what}, true
}

func (b *noteBody) fieldOf(name string) int {
	switch name {
	case "note", "text":
		return nText
	case "kind":
		return nKind
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
