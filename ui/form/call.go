package form

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
	"acctdesk/ui/common"
	"acctdesk/ui/keymap"
)

// Call form fields, in the order of SPEC §8.
const (
	fOutcome = iota
	fAmount
	fPromised
	fInvoices      // "dispute raised": the invoices disputed (SPEC §9.1)
	fDisputeReason // and why
	fNext
	fContact
	fPhone // a new contact's phone: only when the name typed is no contact of the account
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
		{label: "Disputed invoice", kind: textField, hidden: true, disabled: true, example: "its number; several: INV-1, INV-2"},
		{label: "Dispute reason", kind: textField, text: common.Field{Limit: 500}, hidden: true, disabled: true, example: "what they dispute"},
		{label: "Next follow-up", kind: textField},
		{label: "Contact", kind: textField, text: contact, initial: t.Primary, options: t.Contacts, example: "who you spoke to"},
		{label: "New contact ☎", kind: textField, text: common.Field{Limit: 40}, hidden: true, disabled: true, example: "their phone adds them as a contact"},
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
	switch ch.Value {
	case "promise":
		b.c.to(fAmount)
	case "dispute":
		b.c.to(fInvoices)
	default:
		b.c.to(fNext)
	}
	return true
}

// suggestedNext is the next follow-up the outcome suggests
// (domain.DefaultNext, which the desk applies), or zero while it is not
// known yet: no outcome chosen, or a promise with no date typed. upcoming is
// the due date of an open promise within three days (domain.CallBrief).
func suggestedNext(outcome string, today, promised, upcoming domain.Date) domain.Date {
	if outcome == "" || (outcome == "promise" && promised.IsZero()) {
		return 0
	}
	return domain.DefaultNext(outcome, today, promised, upcoming)
}

// contact is the account's contact the name typed means, and whether it
// means one ("" means the primary contact, which the desk fills in).
func (b *callBody) contact() (domain.Contact, bool) {
	typed := strings.TrimSpace(b.c.fields[fContact].text.String())
	if typed == "" {
		for _, c := range b.t.people() {
			if c.Name == b.t.Primary {
				return c, true
			}
		}
		return domain.Contact{}, true
	}
	c, err := domain.MatchContact(b.t.people(), typed, b.t.Code)
	return c, err == nil
}

// brief is what the caller needs in front of them: the contact's phone and
// email, the overdue total, the oldest overdue invoice and the last promise.
func (b *callBody) brief(cm common.Common, w int) []string {
	s := cm.Styles
	t := b.t
	var out []string
	if c, ok := b.contact(); ok && c.Name != "" {
		phone, email := c.Phone, c.Email
		if phone == "" {
			phone = "no phone on file"
		}
		for _, l := range wrapParts([]string{"☎ " + common.ContactName(c), common.Clean(phone), common.Clean(email)}, w) {
			out = append(out, s.Title.Render(l))
		}
	} else if !ok {
		out = append(out, s.Warn.Render(common.Cut(common.Clean(fmt.Sprintf("☎ %s is not a contact of %s: ↑/↓ picks one, or a phone adds them",
			strings.TrimSpace(b.c.fields[fContact].text.String()), t.Code)), w)))
	}
	if t.HasBrief {
		br := t.Brief
		money := func(d decimal.Decimal) string { return common.Money(d, t.Currency) }
		parts := []string{"Overdue " + money(br.Overdue)}
		if !br.OldestDue.IsZero() {
			old := fmt.Sprintf("oldest overdue: due %s, %d days late, %s owed", common.Day(br.OldestDue, t.Today), br.OldestDays, money(br.OldestOwed))
			if br.OldestDisp {
				old += " (disputed)"
			}
			parts = append(parts, old)
		}
		if p := br.LastPromise; p != nil {
			parts = append(parts, fmt.Sprintf("last promise %s due %s, %s", money(p.Amount), common.Day(p.DueOn, t.Today),
				strings.ReplaceAll(br.LastStatus, "-", " ")))
		} else {
			parts = append(parts, "no promise yet")
		}
		for _, l := range wrapParts(parts, w) {
			out = append(out, s.Muted.Render(l))
		}
	}
	if len(out) > 0 {
		out = append(out, "")
	}
	return out
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
	dispute := outcome == "dispute"
	f[fInvoices].disabled, f[fDisputeReason].disabled = !dispute, !dispute
	// previews
	f[fPromised].hint = ""
	var pd domain.Date
	if promise {
		if d, err := b.promised(); err == nil {
			pd = d
			f[fPromised].hint = "→ " + common.LongDay(d)
		}
	}
	def := suggestedNext(outcome, b.t.Today, pd, b.t.Brief.Upcoming)
	switch {
	case outcome == "":
		f[fNext].example = "default from the outcome"
	case def.IsZero():
		f[fNext].example = "default: the day after the promised date"
	default:
		f[fNext].example = "default " + common.LongDay(def) + " · none for no follow-up"
	}
	f[fNext].hint = ""
	if s := b.c.text(fNext); s != "" && !isNone(s) {
		if d, err := resolveDate(s, b.t.Today); err == nil {
			f[fNext].hint = "→ " + common.LongDay(d)
		}
	} else if isNone(s) {
		f[fNext].hint = "no follow-up"
	}
	f[fAmount].hint = ""
	if promise && b.c.text(fAmount) != "" {
		if amt, err := domain.ParseAmount(f[fAmount].text.String(), b.t.Currency); err == nil {
			f[fAmount].hint = "→ " + common.Money(amt, b.t.Currency)
		}
	}
	_, known := b.contact()
	f[fPhone].disabled = known
	f[fContact].hint = ""
	switch {
	case !known:
		f[fContact].hint = "not a contact: ↑/↓ picks one"
	case len(f[fContact].options) > 1:
		f[fContact].hint = fmt.Sprintf("↑/↓ %d contacts", len(f[fContact].options))
	}
}

func isNone(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return s == "none" || s == "-"
}

// validate checks what can be checked on the spot; the desk checks the
// call again (domain.Call.Entry) and fills in the default follow-up.
func (b *callBody) validate() (*Submission, bool) {
	f := b.c.fields
	t := b.t
	b.c.clearErrors()
	ok := true
	call := domain.Call{
		Outcome: f[fOutcome].choice,
		Contact: b.c.text(fContact),
		Note:    b.c.text(fNote),
	}
	if call.Outcome == "" {
		f[fOutcome].err = "choose an outcome: " + keysOf(f[fOutcome].choices)
		ok = false
	}
	if call.Outcome == "promise" {
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
		call.PromiseAmount, call.PromiseDue = amt, d
	}
	if call.Outcome == "dispute" {
		call.Disputed = invoiceList(f[fInvoices].text.String())
		call.DisputeReason = b.c.text(fDisputeReason)
		switch {
		case len(call.Disputed) == 0:
			f[fInvoices].err = "which invoice do they dispute? its number"
			ok = false
		case call.DisputeReason == "":
			f[fDisputeReason].err = "say what they dispute"
			ok = false
		}
	}
	if who, known := b.contact(); known {
		call.Contact = who.Name
		if b.c.text(fContact) == "" {
			call.Contact = "" // the desk fills in the primary contact
		}
	} else if phone := b.c.text(fPhone); phone != "" {
		call.AddContact = &domain.Contact{Name: call.Contact, Phone: phone}
	} else {
		f[fContact].err = fmt.Sprintf("%s is not a contact of %s: ↑/↓ picks one, or a phone below adds them", call.Contact, t.Code)
		ok = false
	}
	next := suggestedNext(call.Outcome, t.Today, call.PromiseDue, t.Brief.Upcoming)
	if s := b.c.text(fNext); isNone(s) {
		call.NoNext, next = true, 0
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
		call.Next, next = d, d
	}
	if !ok {
		return nil, false
	}
	what := keymap.Label(f[fOutcome].choices, call.Outcome)
	if call.Outcome == "promise" {
		what = fmt.Sprintf("promise %s due %s", common.Money(call.PromiseAmount, t.Currency), common.WeekDay(call.PromiseDue, t.Today))
	}
	if !next.IsZero() {
		what += ", next " + common.WeekDay(next, t.Today)
	}
	if call.AddContact != nil {
		what += ", new contact " + call.Contact
	}
	if len(call.Disputed) > 0 {
		what += ", disputed " + strings.Join(call.Disputed, ", ")
	}
	return &Submission{Kind: Call, Call: call, What: what}, true
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
	case "phone":
		return fPhone
	case "note", "text", "recap":
		return fNote
	case "invoice":
		return fInvoices
	case "reason":
		return fDisputeReason
	}
	return -1
}

// invoiceList is the invoice numbers typed, split at commas and spaces.
func invoiceList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' })
}

func keysOf(cs []keymap.Choice) string {
	ks := make([]string, len(cs))
	for i, c := range cs {
		ks[i] = c.Key
	}
	return strings.Join(ks, " ")
}
