package main

import (
	"errors"
	"fmt"
	"strings"

	"acctdesk/desk"
	"acctdesk/domain"
)

func (c *cli) log(args []string) error {
	if len(args) == 0 {
		return errors.New("log needs call or escalation")
	}
	sub, rest := firstWord(args)
	switch sub {
	case "call":
		return c.logCall(rest)
	case "escalation":
		return c.logEscalation(rest)
	}
	return fmt.Errorf("log %q: use log call or log escalation", sub)
}

func (c *cli) logCall(args []string) error {
	fs, g := newFlags("log call")
	outcome := fs.String("outcome", "", "reached, no-answer, voicemail, promise, dispute, call-back, refused, wrong-number")
	contact := fs.String("contact", "", "who was called (default the primary contact)")
	promise := fs.String("promise", "", "AMOUNT@DATE")
	confirm := fs.Bool("confirm", false, "save a promise over ten times the AR, or a date more than a year away")
	next := fs.String("next", "", "next follow-up date")
	note := fs.String("note", "", "what was said")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errors.New("log call needs one ACCOUNT")
	}
	if err := checkAccountArg(pos[0]); err != nil {
		return err
	}
	today, err := g.date()
	if err != nil {
		return err
	}
	st, err := g.openExisting(c.stderr)
	if err != nil {
		return err
	}
	d, err := g.desk(st)
	if err != nil {
		return err
	}
	call := domain.Call{Outcome: *outcome, Contact: *contact, Note: *note, Confirmed: *confirm}
	if *promise != "" {
		amount, date, ok := strings.Cut(*promise, "@")
		if !ok {
			return fmt.Errorf("--promise %q: write AMOUNT@DATE, e.g. 1500.00@2026-11-27", *promise)
		}
		f, err := d.Account(pos[0])
		if err != nil {
			return err
		}
		if call.PromiseAmount, err = domain.ParseAmount(amount, f.Account.Currency); err != nil {
			return fmt.Errorf("--promise: %v", err)
		}
		if call.PromiseDue, err = domain.ParseRelative(date, today); err != nil {
			return fmt.Errorf("--promise: %v", err)
		}
	}
	if *next != "" {
		if call.Next, err = domain.ParseRelative(*next, today); err != nil {
			return fmt.Errorf("--next: %v", err)
		}
	}
	got, err := d.LogCall(g.ctx(), pos[0], call)
	var unlikely domain.Unlikely
	if errors.As(err, &unlikely) {
		return fmt.Errorf("%s: give --confirm to save it", strings.Join(unlikely, "; "))
	}
	if err != nil {
		return err
	}
	code := got.Account.Code
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
	category := fs.String("category", "", strings.Join(domain.EscalationCategories, ", "))
	severity := fs.String("severity", "", strings.Join(domain.Severities, ", "))
	to := fs.String("to", "", strings.Join(domain.Teams, ", "))
	note := fs.String("note", "", "summary")
	due := fs.String("due", "", "due date (default +2 working days)")
	confirm := fs.Bool("confirm", false, "save a due date more than a year away")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errors.New("log escalation needs one ACCOUNT")
	}
	if err := checkAccountArg(pos[0]); err != nil {
		return err
	}
	today, err := g.date()
	if err != nil {
		return err
	}
	esc := domain.Escalation{Category: *category, Severity: *severity, To: *to, Summary: *note}
	if *due != "" {
		if esc.Due, err = domain.ParseRelative(*due, today); err != nil {
			return fmt.Errorf("--due: %v", err)
		}
	}
	st, err := g.openExisting(c.stderr)
	if err != nil {
		return err
	}
	d, err := g.desk(st)
	if err != nil {
		return err
	}
	got, err := d.Escalate(g.ctx(), pos[0], esc, desk.Confirm(*confirm))
	var unlikely domain.Unlikely
	if errors.As(err, &unlikely) {
		return fmt.Errorf("%s: give --confirm to save it", strings.Join(unlikely, "; "))
	}
	if err != nil {
		return err
	}
	e := got.Escalation
	fmt.Fprintln(c.stdout, shown(fmt.Sprintf("escalated %s to %s (%s, %s), due %s", e.Account, e.To, e.Category, e.Severity, e.Due)))
	return nil
}
