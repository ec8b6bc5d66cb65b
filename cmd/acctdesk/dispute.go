package main

import (
	"errors"
	"fmt"
	"strings"

	"acctdesk/desk"
	"acctdesk/domain"
)

func (c *cli) logDispute(args []string) error {
	fs, g := newFlags("log dispute")
	invoice := fs.String("invoice", "", "the disputed invoice's `NUMBER`")
	reason := fs.String("reason", "", "what the customer disputes, a `TEXT`")
	owner := fs.String("owner", "", "who looks after it, a `NAME` (default you)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return errors.New("log dispute needs an ACCOUNT (run acctdesk help log dispute)")
	}
	if err := noMore("log dispute", pos, 1); err != nil {
		return err
	}
	if err := checkAccountArg(pos[0]); err != nil {
		return err
	}
	switch {
	case strings.TrimSpace(*invoice) == "":
		return errors.New("log dispute needs --invoice NUMBER")
	case strings.TrimSpace(*reason) == "":
		return errors.New("log dispute needs --reason TEXT: what the customer disputes")
	}
	if _, err := g.date(); err != nil {
		return err
	}
	d, code, err := g.deskOn(c.stderr, pos[0])
	if err != nil {
		return err
	}
	got, err := d.RaiseDispute(g.ctx(), code, desk.DisputeRequest{Invoice: *invoice, Reason: *reason, Owner: *owner})
	if err != nil {
		return err
	}
	x := got.Dispute
	fmt.Fprintln(c.stdout, shown(fmt.Sprintf("dispute raised on %s invoice %s (owner %s, opened %s)", x.Account, x.Invoice, x.Owner, x.OpenedOn)))
	return nil
}

// resolves are the sub-commands of resolve.
var resolves = []string{"dispute", "escalation", "issue", "block"}

func (c *cli) resolve(args []string) error {
	sub, rest := firstWord(args)
	if sub == "" {
		fs, _ := newFlags("resolve")
		if _, err := parse(fs, args); err != nil {
			return err
		}
		return errors.New("resolve needs dispute, escalation, issue or block (run acctdesk help resolve)")
	}
	switch w, _ := domain.MatchWord(sub, resolves); w {
	case "dispute":
		return c.resolveDispute(rest)
	case "escalation":
		return c.resolveEscalation(rest)
	case "issue":
		return c.resolveIssue(rest)
	case "block":
		return c.resolveBlock(rest)
	}
	return unknownWord("resolve ", sub, "dispute, escalation, issue or block", resolves)
}

func (c *cli) resolveDispute(args []string) error {
	fs, g := newFlags("resolve dispute")
	resolution := fs.String("resolution", "", "how it was resolved, a `TEXT`")
	credit := fs.String("credit", "", "a credit note of `AMOUNT` applied to the invoice")
	reason := fs.String("reason", "", "the credit note's reason, a `WORD`: "+strings.Join(domain.CreditReasons, ", ")+" (default price-correction)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		return errors.New("resolve dispute needs an ACCOUNT and an INVOICE (run acctdesk help resolve dispute)")
	}
	if err := noMore("resolve dispute", pos, 2); err != nil {
		return err
	}
	if err := checkAccountArg(pos[0]); err != nil {
		return err
	}
	if strings.TrimSpace(*resolution) == "" {
		return errors.New("resolve dispute needs --resolution TEXT: how it was resolved")
	}
	r := desk.Resolution{Invoice: pos[1], Resolution: *resolution}
	if *reason != "" {
		if *credit == "" {
			return errors.New("--reason goes with --credit AMOUNT")
		}
		if r.Reason, err = word("reason", *reason, domain.CreditReasons, "a credit reason", true); err != nil {
			return err
		}
	}
	if _, err := g.date(); err != nil {
		return err
	}
	d, code, err := g.deskOn(c.stderr, pos[0])
	if err != nil {
		return err
	}
	if *credit != "" {
		f, err := d.Account(code)
		if err != nil {
			return err
		}
		if r.Credit, err = domain.ParseAmount(*credit, f.Account.Currency); err != nil {
			return fmt.Errorf("--credit: %v", err)
		}
		if !r.Credit.IsPositive() {
			return fmt.Errorf("--credit %s: a credit must be more than zero", *credit)
		}
	}
	got, err := d.ResolveDispute(g.ctx(), code, r)
	if err != nil {
		return err
	}
	x := got.Dispute
	msg := fmt.Sprintf("dispute on %s invoice %s resolved after %s", x.Account, x.Invoice, days(x.DaysOpen(x.ResolvedOn)))
	if cn := got.Credit; cn != nil {
		msg += fmt.Sprintf(", credit note %s of %s (%s)", cn.Number, domain.Money{Amount: cn.Amount, Currency: cn.Currency}, cn.Reason)
	}
	fmt.Fprintln(c.stdout, shown(msg))
	return nil
}

func days(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}
