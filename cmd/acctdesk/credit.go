package main

import (
	"errors"
	"fmt"
	"strings"

	"acctdesk/desk"
	"acctdesk/domain"
)

// credit makes a credit decision on an account (SPEC §10.2): desk.Credit.
func (c *cli) credit(args []string) error {
	fs, g := newFlags("credit")
	limit := fs.String("limit", "", "the new credit `AMOUNT` (0: no limit)")
	overdraft := fs.String("overdraft", "", "a temporary overdraft `AMOUNT@DATE` (500000@2026-12-31, 500000@+30); 0 removes it")
	reason := fs.String("reason", "", "why, a `TEXT`")
	approver := fs.String("approved-by", "", "who approved it, a `NAME` (default you)")
	confirm := fs.Bool("confirm", false, "save a decision that leaves utilisation over the breach threshold (100 %), or an overdraft expiring more than a year away")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return errors.New("credit needs an ACCOUNT (run acctdesk help credit)")
	}
	if err := noMore("credit", pos, 1); err != nil {
		return err
	}
	if err := checkAccountArg(pos[0]); err != nil {
		return err
	}
	switch {
	case *limit == "" && *overdraft == "":
		return errors.New("credit needs --limit AMOUNT, --overdraft AMOUNT@DATE or both (run acctdesk help credit)")
	case strings.TrimSpace(*reason) == "":
		return errors.New("credit needs --reason TEXT: why the limit changes")
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
	cur := f.Account.Currency
	ch := domain.CreditChange{Reason: *reason, ApprovedBy: *approver}
	if *limit != "" {
		ch.SetLimit = true
		if ch.Limit, err = domain.ParseAmount(*limit, cur); err != nil {
			return fmt.Errorf("--limit: %v", err)
		}
	}
	if *overdraft != "" {
		ch.SetOverdraft = true
		amount, date, dated := strings.Cut(*overdraft, "@")
		if ch.Overdraft, err = domain.ParseAmount(amount, cur); err != nil {
			return fmt.Errorf("--overdraft: %v", err)
		}
		switch {
		case dated:
			if ch.Expires, err = relDate(date, today); err != nil {
				return fmt.Errorf("--overdraft: %v", err)
			}
		case !ch.Overdraft.IsZero():
			return fmt.Errorf("--overdraft %q: write AMOUNT@DATE, the date it expires (500000@2026-12-31), or 0 to remove it", *overdraft)
		}
	}
	got, err := d.Credit(g.ctx(), code, ch, desk.Confirm(*confirm))
	var unlikely domain.Unlikely
	switch {
	case errors.As(err, &unlikely):
		return fmt.Errorf("%s: give --confirm to save it", strings.Join(unlikely, "; "))
	case err != nil:
		return err
	}
	fmt.Fprintln(c.stdout, shown(creditSaid(got)))
	return nil
}

// creditSaid is what a decision did, in a line: "credit decision on ACME:
// limit ₦10,000,000.00 → ₦8,000,000.00; utilisation 12.0 % → 15.0 %".
func creditSaid(got desk.Decided) string {
	cur := got.Account.Currency
	money := func(v domain.Money) string {
		if !v.Amount.IsPositive() {
			return "none"
		}
		return v.String()
	}
	var parts []string
	for _, x := range got.Decisions {
		old, nw := money(domain.Money{Amount: x.Old, Currency: cur}), money(domain.Money{Amount: x.New, Currency: cur})
		switch x.Field {
		case domain.FieldCreditLimit:
			parts = append(parts, fmt.Sprintf("limit %s → %s", old, nw))
		default:
			if x.New.IsPositive() {
				nw += " to " + x.NewExpires.String()
			}
			parts = append(parts, fmt.Sprintf("overdraft %s → %s", old, nw))
		}
	}
	o := got.Outcome
	pct := func(ok bool, v string) string {
		if !ok {
			return "none (no limit)"
		}
		return v + " %"
	}
	msg := fmt.Sprintf("credit decision on %s: %s, approved by %s; utilisation %s → %s", got.Account.Code, strings.Join(parts, ", "),
		got.Decisions[0].ApprovedBy, pct(o.HasBefore, o.Before.StringFixed(1)), pct(o.HasAfter, o.AfterPct()))
	if o.Over {
		msg += fmt.Sprintf(", over the %d %% breach threshold (confirmed)", o.BreachPct)
	}
	return msg
}
