package main

import (
	"errors"
	"fmt"
	"strings"

	"acctdesk/desk"
	"acctdesk/domain"
)

// instalmentFlags is --instalment, given once per instalment.
type instalmentFlags []string

func (f *instalmentFlags) String() string     { return strings.Join(*f, " ") }
func (f *instalmentFlags) Set(s string) error { *f = append(*f, s); return nil }

// plan agrees a payment plan on an account (SPEC §9.2): desk.Plan.
func (c *cli) plan(args []string) error {
	fs, g := newFlags("plan")
	var ins instalmentFlags
	fs.Var(&ins, "instalment", "one instalment `AMOUNT@DATE` (1500000.00@2026-12-05, 500@fri, 250.50@+14); give it once per instalment, in date order")
	replace := fs.Bool("replace", false, "replace the account's open plan (it is kept, closed today)")
	confirm := fs.Bool("confirm", false, "save a plan whose total is above the account's outstanding, or a last date more than a year away")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return errors.New("plan needs an ACCOUNT (run acctdesk help plan)")
	}
	if err := noMore("plan", pos, 1); err != nil {
		return err
	}
	if err := checkAccountArg(pos[0]); err != nil {
		return err
	}
	if len(ins) == 0 {
		return errors.New("plan needs at least one --instalment AMOUNT@DATE (run acctdesk help plan)")
	}
	today, err := g.date()
	if err != nil {
		return err
	}
	d, code, err := g.deskOn(c.stderr, pos[0])
	if err != nil {
		return err
	}
	f, err := d.Account(code)
	if err != nil {
		return err
	}
	var parsed []domain.Instalment
	for i, s := range ins {
		amount, date, ok := strings.Cut(s, "@")
		if !ok {
			return fmt.Errorf("--instalment %d %q: write AMOUNT@DATE, e.g. 1500000.00@2026-12-05 or 500@fri", i+1, s)
		}
		var in domain.Instalment
		if in.Amount, err = domain.ParseAmount(amount, f.Account.Currency); err != nil {
			return fmt.Errorf("--instalment %d %q: %v", i+1, s, err)
		}
		if in.Due, err = relDate(date, today); err != nil {
			return fmt.Errorf("--instalment %d %q: %v", i+1, s, err)
		}
		parsed = append(parsed, in)
	}
	got, err := d.Plan(g.ctx(), code, parsed, *replace, desk.Confirm(*confirm))
	var unlikely domain.Unlikely
	switch {
	case errors.As(err, &unlikely):
		return fmt.Errorf("%s: give --confirm to save it", strings.Join(unlikely, "; "))
	case errors.Is(err, desk.ErrOpenPlan):
		return fmt.Errorf("%v (--replace)", err)
	case err != nil:
		return err
	}
	p := got.Plan
	cur := got.Account.Currency
	msg := fmt.Sprintf("agreed plan #%d with %s: %s in %d instalments, %s to %s", p.ID, got.Account.Code,
		domain.Money{Amount: p.Total(), Currency: cur}, len(p.Instalments), p.Instalments[0].Due, p.Instalments[len(p.Instalments)-1].Due)
	if r := got.Replaced; r != nil {
		msg += fmt.Sprintf("; plan #%d of %s closed", r.ID, r.Agreed)
	}
	fmt.Fprintln(c.stdout, shown(msg))
	return nil
}
