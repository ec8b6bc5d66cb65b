package form

import (
	"fmt"
	"strings"

	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/ui/common"
	"acctdesk/ui/keymap"
)

// Call form fields, in the order of SPEC §8.
const (
	fOutcome = iota
	fAmount
	fPromised
	fNext
	fContact
	fNote
)

type callBody struct {
	c core
	t Target
}

// NewCall opens the call form on an account, with the primary finance
// contact preselected.
func NewCall(c common.Common, t Target) *Model {
	b := &callBody{t: t}
	contact := common.NewField(t.Primary)
	b.c.fields = []*field{
		{label: "Outcome", kind: choiceField, choices: c.Keys.Outcomes},
		{label: "Promise amount", kind: textField, prefix: t.Currency.Symbol(), example: "e.g. 250000"},
		{label: "Promised for", kind: textField, example: "fri, +3, tomorrow, 2026-12-01"},
		{label: "Next follow-up", kind: textField},
		{label: "Contact", kind: textField, text: contact, initial: t.Primary, options: t.Contacts, example: "who you spoke to"},
		{label: "Note", kind: textField, text: common.Field{Limit: 4000}, example: "what was said"},
	}
	return newModel(c, t, b)
}

func (b *callBody) core() *core { return &b.c }

func (b *callBody) title() string {
	return fmt.Sprintf("Log a call · %s %s", b.t.Code, b.t.Name)
}

func (b *callBody) choose(k string) bool {
	ch, ok := keymap.Find(b.c.fields[fOutcome].choices, k)
	if !ok {
		return false
	}
	b.c.fields[fOutcome].choice = ch.Value
	b.changed()
	if ch.Value == "promise" {
		b.c.to(fAmount)
	} else {
		b.c.to(fNext)
	}
	return true
}

// DefaultNext is the next follow-up a call outcome suggests: the next working
// day after no answer or voicemail, the day after the promised date after a
// promise (zero while that date is not known), a week otherwise.
func DefaultNext(outcome string, today, promised domain.Date) domain.Date {
	switch outcome {
	case "no-answer", "voicemail":
		return today.AddWorkdays(1)
	case "promise":
		if promised.IsZero() {
			return 0
		}
		return promised.AddDays(1)
	case "":
		return 0
	}
	return today.AddDays(7)
}

func (b *callBody) promised() (domain.Date, error) {
	s := strings.TrimSpace(b.c.fields[fPromised].text.String())
	if s == "" {
		return 0, fmt.Errorf("say when they will pay: fri, +7, 2026-12-01")
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

func (b *callBody) changed() {
	f := b.c.fields
	outcome := f[fOutcome].choice
	promise := outcome == "promise"
	f[fAmount].disabled, f[fPromised].disabled = !promise, !promise
	// previews
	f[fPromised].hint = ""
	var pd domain.Date
	if promise {
		if d, err := b.promised(); err == nil {
			pd = d
			f[fPromised].hint = "→ " + common.LongDay(d)
		}
	}
	def := DefaultNext(outcome, b.t.Today, pd)
	switch {
	case outcome == "":
		f[fNext].example = "default from the outcome"
	case def.IsZero():
		f[fNext].example = "default: the day after the promised date"
	default:
		f[fNext].example = "default " + common.LongDay(def) + " · none for no follow-up"
	}
	f[fNext].hint = ""
	if s := strings.TrimSpace(f[fNext].text.String()); s != "" && !isNone(s) {
		if d, err := resolveDate(s, b.t.Today); err == nil {
			f[fNext].hint = "→ " + common.LongDay(d)
		}
	} else if isNone(s) {
		f[fNext].hint = "no follow-up"
	}
	if len(f[fContact].options) > 1 {
		f[fContact].hint = fmt.Sprintf("↑/↓ %d contacts", len(f[fContact].options))
	}
}

func isNone(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return s == "none" || s == "-"
}

func (b *callBody) validate() (*Submission, bool) {
	f := b.c.fields
	t := b.t
	for _, x := range f {
		x.err = ""
	}
	ok := true
	outcome := f[fOutcome].choice
	if outcome == "" {
		f[fOutcome].err = "choose an outcome: " + keysOf(f[fOutcome].choices)
		ok = false
	}
	var promise *domain.Promise
	var pd domain.Date
	if outcome == "promise" {
		amt, err := domain.ParseAmount(f[fAmount].text.String(), t.Currency)
		switch {
		case err != nil:
			f[fAmount].err = err.Error()
			ok = false
		case !amt.IsPositive():
			f[fAmount].err = "the promised amount must be more than zero"
			ok = false
		}
		d, err := b.promised()
		if err != nil {
			f[fPromised].err = err.Error()
			ok = false
		}
		pd = d
		promise = &domain.Promise{Account: t.Code, Amount: amt, Currency: t.Currency, GivenOn: t.Today, DueOn: d,
			Contact: strings.TrimSpace(f[fContact].text.String())}
	}
	next := DefaultNext(outcome, t.Today, pd)
	if s := strings.TrimSpace(f[fNext].text.String()); isNone(s) {
		next = 0
	} else if s != "" {
		d, err := resolveDate(s, t.Today)
		switch {
		case err != nil:
			f[fNext].err = err.Error()
			ok = false
		case d < t.Today:
			f[fNext].err = common.LongDay(d) + " is in the past"
			ok = false
		}
		next = d
	}
	if !ok {
		return nil, false
	}
	act := domain.Activity{
		Account: t.Code, On: t.Today, Kind: "call", Outcome: outcome,
		Contact: strings.TrimSpace(f[fContact].text.String()), Text: strings.TrimSpace(f[fNote].text.String()),
		NextFollow: next,
	}
	if err := act.Validate(); err != nil {
		b.mark(err)
		return nil, false
	}
	if promise != nil {
		if err := promise.Validate(); err != nil {
			b.mark(err)
			return nil, false
		}
	}
	what := keymap.Label(f[fOutcome].choices, outcome)
	if promise != nil {
		what = fmt.Sprintf("promise %s due %s", common.Money(promise.Amount, t.Currency), common.WeekDay(promise.DueOn, t.Today))
	}
	if !next.IsZero() {
		what += ", next " + common.WeekDay(next, t.Today)
	}
	return &Submission{Kind: Call, Entry: store.ActivityEntry{Activity: act, Promise: promise}, What: what}, true
}

// mark puts domain validation errors on their fields.
func (b *callBody) mark(err error) {
	if ve, ok := err.(domain.ValidationError); ok {
		for _, fe := range ve {
			if i := b.fieldOf(fe.Field); i >= 0 {
				b.c.fields[i].err = fe.Reason
				continue
			}
			b.c.fields[fNote].err = fe.Error()
		}
		return
	}
	b.c.fields[fNote].err = err.Error()
}

func (b *callBody) fieldOf(name string) int {
	switch name {
	case "outcome":
		return fOutcome
	case "promise", "amount":
		return fAmount
	case "next":
		return fNext
	case "contact":
		return fContact
	case "note", "text", "recap":
		return fNote
	}
	return -1
}

func keysOf(cs []keymap.Choice) string {
	ks := make([]string, len(cs))
	for i, c := range cs {
		ks[i] = c.Key
	}
	return strings.Join(ks, " ")
}
