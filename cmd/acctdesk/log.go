package main

import (
	"errors"
	"fmt"
	"strings"

	"acctdesk/desk"
	"acctdesk/domain"
)

// logs are the sub-commands of log: a call, an escalation, a dispute, an
// issue, and the contacts that are not calls (noteKinds).
var logs = append([]string{"call", "escalation", "dispute", "issue"}, noteKinds...)

// noteKinds are the activities log writes with a note and an optional next
// follow-up (SPEC §4 log note|visit|qbr): desk.Note.
var noteKinds = []string{"note", "visit", "qbr", "meeting", "email"}

const logWords = "call, escalation, dispute, issue, note, visit, qbr, meeting or email"

func (c *cli) log(args []string) error {
	sub, rest := firstWord(args)
	if sub == "" {
		fs, _ := newFlags("log")
		if _, err := parse(fs, args); err != nil {
			return err
		}
		return errors.New("log needs " + logWords + " (run acctdesk help log)")
	}
	switch w, _ := domain.MatchWord(sub, logs); w {
	case "call":
		return c.logCall(rest)
	case "escalation":
		return c.logEscalation(rest)
	case "dispute":
		return c.logDispute(rest)
	case "issue":
		return c.logIssue(rest)
	case "note", "visit", "qbr", "meeting", "email":
		return c.logNote(w, rest)
	}
	return unknownWord("log ", sub, logWords, logs)
}

// logNote logs a note, a visit, a QBR, a meeting or an e-mail on an
// account (kind), with its text and an optional next follow-up. A QBR
// logged clears the account's qbr-due for the quarter.
func (c *cli) logNote(kind string, args []string) error {
	name := "log " + kind
	fs, g := newFlags("log note") // one help for the five
	note := fs.String("note", "", "what happened, a `TEXT`")
	next := fs.String("next", "", "the next follow-up `DATE` (optional)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return fmt.Errorf("%s needs an ACCOUNT (run acctdesk help %s)", name, name)
	}
	if err := noMore(name, pos, 1); err != nil {
		return err
	}
	if err := checkAccountArg(pos[0]); err != nil {
		return err
	}
	if strings.TrimSpace(*note) == "" {
		return fmt.Errorf("%s needs --note TEXT: what happened", name)
	}
	today, err := g.date()
	if err != nil {
		return err
	}
	var when domain.Date
	if *next != "" {
		if when, err = relDate(*next, today); err != nil {
			return fmt.Errorf("--next: %v", err)
		}
		if when < today {
			return fmt.Errorf("--next: %s is before the day logged (%s)", when, today)
		}
	}
	d, code, err := g.deskOn(c.stderr, pos[0])
	if err != nil {
		return err
	}
	got, err := d.Note(g.ctx(), code, kind, strings.TrimSpace(*note), when)
	if err != nil {
		return err
	}
	msg := fmt.Sprintf("logged %s on %s, %s", kindWord(kind), got.Account.Code, got.Activity.On)
	if !got.Activity.NextFollow.IsZero() {
		msg += " (next follow-up " + got.Activity.NextFollow.String() + ")"
	}
	fmt.Fprintln(c.stdout, shown(msg))
	return nil
}

// kindWord is an activity kind as a sentence says it.
func kindWord(kind string) string {
	switch kind {
	case "qbr":
		return "a QBR"
	case "email":
		return "an e-mail"
	}
	return "a " + kind
}

func (c *cli) logCall(args []string) error {
	fs, g := newFlags("log call")
	outcome := fs.String("outcome", "", "what came of the call, a `WORD`: "+strings.Join(domain.Outcomes, ", "))
	contact := fs.String("contact", "", "who was called, a `NAME` of the account's contacts (default the primary contact)")
	newContact := fs.String("new-contact", "", "who was called, a `NAME` not yet among the account's contacts: added with the call (needs --phone)")
	phone := fs.String("phone", "", "the new contact's `PHONE`, with --new-contact")
	email := fs.String("email", "", "the new contact's `EMAIL`, with --new-contact")
	promise := fs.String("promise", "", "a promise to pay `AMOUNT@DATE`, with --outcome promise")
	confirm := fs.Bool("confirm", false, "save a promise over ten times the AR, or a date more than a year away")
	next := fs.String("next", "", "the next follow-up `DATE` (default from the outcome)")
	note := fs.String("note", "", "what was said, a `TEXT`")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return errors.New("log call needs an ACCOUNT (run acctdesk help log call)")
	}
	if err := noMore("log call", pos, 1); err != nil {
		return err
	}
	if err := checkAccountArg(pos[0]); err != nil {
		return err
	}
	if *outcome, err = word("outcome", *outcome, domain.Outcomes, "an outcome", true); err != nil {
		return err
	}
	today, err := g.date()
	if err != nil {
		return err
	}
	d, code, err := g.deskOn(c.stderr, pos[0])
	if err != nil {
		return err
	}
	call := domain.Call{Outcome: *outcome, Contact: *contact, Note: *note, Confirmed: *confirm}
	switch {
	case *newContact != "" && *contact != "":
		return errors.New("give --contact (one of the account's contacts) or --new-contact (a new one), not both")
	case *newContact != "":
		call.AddContact = &domain.Contact{Name: *newContact, Phone: *phone, Email: *email}
	case *phone != "" || *email != "":
		return errors.New("--phone and --email go with --new-contact NAME")
	}
	if *promise != "" {
		amount, date, ok := strings.Cut(*promise, "@")
		if !ok {
			return fmt.Errorf("--promise %q: write AMOUNT@DATE, e.g. 1500.00@2026-11-27 or 1500.00@fri", *promise)
		}
		f, err := d.Account(code)
		if err != nil {
			return err
		}
		if call.PromiseAmount, err = domain.ParseAmount(amount, f.Account.Currency); err != nil {
			return fmt.Errorf("--promise: %v", err)
		}
		if call.PromiseDue, err = relDate(date, today); err != nil {
			return fmt.Errorf("--promise: %v", err)
		}
	}
	if *next != "" {
		if call.Next, err = relDate(*next, today); err != nil {
			return fmt.Errorf("--next: %v", err)
		}
	}
	got, err := d.LogCall(g.ctx(), code, call)
	var unlikely domain.Unlikely
	if errors.As(err, &unlikely) {
		return fmt.Errorf("%s: give --confirm to save it", strings.Join(unlikely, "; "))
	}
	if err != nil {
		return err
	}
	code = got.Account.Code
	msg := fmt.Sprintf("logged call to %s (%s", code, got.Activity.Outcome)
	if p := got.Promise; p != nil {
		msg = fmt.Sprintf("logged call to %s (promise of %s due %s", code, domain.Money{Amount: p.Amount, Currency: got.Account.Currency}, p.DueOn)
	}
	if !got.Activity.NextFollow.IsZero() {
		msg += ", next follow-up " + got.Activity.NextFollow.String()
	}
	fmt.Fprintln(c.stdout, shown(msg+")"))
	return nil
}

// relDate is a date as a form takes it (domain.ParseRelative): YYYY-MM-DD,
// today, tomorrow, +3, mon…sun.
func relDate(s string, today domain.Date) (domain.Date, error) {
	d, err := domain.ParseRelative(s, today)
	if err != nil && !strings.ContainsAny(strings.TrimSpace(s), "+") {
		return 0, fmt.Errorf("%q is not a date: use YYYY-MM-DD (e.g. %s), today, tomorrow, +3 or mon…sun", s, today.AddDays(7))
	}
	return d, err
}

// checkAccountArg refuses an account code no book can hold (a control,
// bidi or zero-width character: domain.CheckCode), before it is looked up
// and echoed in "not found".
func checkAccountArg(code string) error {
	if err := domain.CheckCode(code); err != nil {
		return fmt.Errorf("account %q %v", code, err)
	}
	return nil
}

func (c *cli) logEscalation(args []string) error {
	fs, g := newFlags("log escalation")
	category := fs.String("category", "", "a `WORD`: "+strings.Join(domain.EscalationCategories, ", "))
	severity := fs.String("severity", "", "a `WORD`: "+strings.Join(domain.Severities, ", "))
	to := fs.String("to", "", "the team, a `WORD`: "+strings.Join(domain.Teams, ", "))
	note := fs.String("note", "", "the summary, a `TEXT`")
	due := fs.String("due", "", "the due `DATE` (default +2 working days)")
	confirm := fs.Bool("confirm", false, "save a due date more than a year away")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return errors.New("log escalation needs an ACCOUNT (run acctdesk help log escalation)")
	}
	if err := noMore("log escalation", pos, 1); err != nil {
		return err
	}
	if err := checkAccountArg(pos[0]); err != nil {
		return err
	}
	esc := domain.Escalation{Summary: *note}
	if esc.Category, err = word("category", *category, domain.EscalationCategories, "a category", true); err != nil {
		return err
	}
	if esc.Severity, err = word("severity", *severity, domain.Severities, "a severity", true); err != nil {
		return err
	}
	if esc.To, err = word("to", *to, domain.Teams, "a team", true); err != nil {
		return err
	}
	today, err := g.date()
	if err != nil {
		return err
	}
	if *due != "" {
		if esc.Due, err = relDate(*due, today); err != nil {
			return fmt.Errorf("--due: %v", err)
		}
	}
	d, code, err := g.deskOn(c.stderr, pos[0])
	if err != nil {
		return err
	}
	got, err := d.Escalate(g.ctx(), code, esc, desk.Confirm(*confirm))
	var unlikely domain.Unlikely
	if errors.As(err, &unlikely) {
		return fmt.Errorf("%s: give --confirm to save it", strings.Join(unlikely, "; "))
	}
	if err != nil {
		return err
	}
	e := got.Escalation
	fmt.Fprintln(c.stdout, shown(fmt.Sprintf("escalated %s to %s (%s, %s), due %s: escalation %d", e.Account, e.To, e.Category, e.Severity, e.Due, e.ID)))
	return nil
}
