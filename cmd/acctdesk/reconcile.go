package main

import (
	"errors"
	"fmt"

	"acctdesk/domain"
)

// reconcile marks an account reconciled with accounting as of --as-of
// (SPEC §11.2): desk.Reconcile. It says what the book and accounting's
// latest balance said that day.
func (c *cli) reconcile(args []string) error {
	fs, g := newFlags("reconcile")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return errors.New("reconcile needs an ACCOUNT (run acctdesk help reconcile)")
	}
	if err := noMore("reconcile", pos, 1); err != nil {
		return err
	}
	if err := checkAccountArg(pos[0]); err != nil {
		return err
	}
	d, code, err := g.deskOn(c.stderr, pos[0])
	if err != nil {
		return err
	}
	r, err := d.Reconcile(g.ctx(), code)
	if err != nil {
		return err
	}
	cur := r.Account.Currency
	m := r.Mark
	if r.Already {
		msg := fmt.Sprintf("%s is already marked reconciled as of %s", r.Account.Code, m.AsOf)
		if m.Stamp.By != "" {
			msg += " (by " + m.Stamp.By
			if !m.Stamp.At.IsZero() {
				msg += " at " + m.Stamp.At.UTC().Format("2006-01-02 15:04") + " UTC"
			}
			msg += ")"
		}
		fmt.Fprintln(c.stdout, shown(msg+": nothing written"))
		return nil
	}
	msg := fmt.Sprintf("%s marked reconciled as of %s: net AR %s", r.Account.Code, m.AsOf, domain.Money{Amount: r.NetAR, Currency: cur})
	if diff, ok := r.Difference(); ok {
		msg += fmt.Sprintf("; accounting's balance of %s %s", r.Balance.On, domain.Money{Amount: r.Balance.Balance, Currency: cur})
		if !r.Ours.Equal(r.NetAR) {
			msg += fmt.Sprintf(" against the book's %s that day", domain.Money{Amount: r.Ours, Currency: cur})
		}
		if diff.IsZero() {
			msg += ": match"
		} else {
			msg += fmt.Sprintf(": differs by %s", domain.Money{Amount: diff, Currency: cur})
		}
	} else {
		msg += fmt.Sprintf("; no balance from accounting on or before %s (import balances FILE)", m.AsOf)
	}
	fmt.Fprintln(c.stdout, shown(msg))
	return nil
}
