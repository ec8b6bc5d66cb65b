package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/report"

	"github.com/shopspring/decimal"
)

// rebate prints an account's rebate lines for a period and, with --apply,
// records what is due as credit notes (SPEC §10.4): desk.ApplyRebate.
func (c *cli) rebate(args []string) error {
	fs, g := newFlags("rebate")
	period := fs.String("period", "", "the period `P`: 2026-11, 2026-Q3, 2026 or 12m (the 12 months ending the as-of date; the default without --apply)")
	apply := fs.Bool("apply", false, "record what is due as credit notes (reason rebate, RB-<contract>-<period>); needs --period")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return errors.New("rebate needs an ACCOUNT (run acctdesk help rebate)")
	}
	if err := noMore("rebate", pos, 1); err != nil {
		return err
	}
	if err := checkAccountArg(pos[0]); err != nil {
		return err
	}
	if *apply && strings.TrimSpace(*period) == "" {
		return errors.New("rebate --apply needs --period P: the period whose rebates are credited (2026-Q3, 2026-11, 2026 or 12m)")
	}
	asOf, err := g.date()
	if err != nil {
		return err
	}
	p, err := domain.ParsePeriod(*period, asOf)
	if err != nil {
		return fmt.Errorf("--period: %w", err)
	}
	d, code, err := g.deskOn(c.stderr, pos[0])
	if err != nil {
		return err
	}
	var got desk.Rebated
	if *apply {
		got, err = d.ApplyRebate(g.ctx(), code, p)
	} else {
		got, err = d.Rebates(code, p)
	}
	if err != nil {
		return err
	}
	span := fmt.Sprintf("%s (%s to %s)", p.Name, p.From, p.To)
	if len(got.Lines) == 0 {
		fmt.Fprintln(c.stdout, shown(fmt.Sprintf("%s has no contract with a rebate scheme over %s", got.Account.Code, span)))
		return nil
	}
	fmt.Fprintln(c.stdout, shown(fmt.Sprintf("rebates of %s over %s, as of %s:", got.Account.Code, span, asOf)))
	if err := report.RebatesTable(got.Lines).Write(c.stdout, "table"); err != nil {
		return err
	}
	cur := got.Account.Currency
	total := totalOf(got.Notes)
	switch {
	case len(got.Notes) == 0 && *apply:
		fmt.Fprintln(c.stdout, "nothing due: no credit note recorded")
	case len(got.Notes) == 0:
		fmt.Fprintln(c.stdout, "nothing due")
	case *apply:
		for _, n := range got.Notes {
			fmt.Fprintln(c.stdout, shown(fmt.Sprintf("recorded credit note %s: %s dated %s (rebate)", n.Number, domain.Money{Amount: n.Amount, Currency: cur}, n.Date)))
		}
	default:
		fmt.Fprintln(c.stdout, shown(fmt.Sprintf("due: %s in %s; --apply records %s", domain.Money{Amount: total, Currency: cur},
			plural(len(got.Notes), "credit note"), noteNumbers(got.Notes))))
	}
	return nil
}

// totalOf is what the credit notes give together.
func totalOf(notes []domain.CreditNote) decimal.Decimal {
	var s domain.Sum
	for _, n := range notes {
		s.Add(n.Amount)
	}
	return s.Decimal()
}

func noteNumbers(notes []domain.CreditNote) string {
	out := make([]string, len(notes))
	for i, n := range notes {
		out[i] = n.Number
	}
	return strings.Join(out, ", ")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// renew records a contract's renewal, or its lapse with --lapse (SPEC
// §10.1): desk.Renew, desk.Lapse.
func (c *cli) renew(args []string) error {
	fs, g := newFlags("renew")
	end := fs.String("end", "", "the renewal's last `DATE` (it starts the day after the contract ends)")
	number := fs.String("number", "", "the renewal's `NUMBER` (default <contract>-R1, or the next -R<n>)")
	notice := fs.Int("notice-days", 0, "the renewal's notice days (default the contract's)")
	sla := fs.String("sla", "", "the renewal's SLA summary, a `TEXT` (default the contract's)")
	rebate := fs.String("rebate", "", "the renewal's rebate `SCHEME` (BASIS/PERIOD:THRESHOLD=RATE,...; none for no rebate; default the contract's)")
	lapse := fs.Bool("lapse", false, "record that the contract lapses without a renewal instead")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		return errors.New("renew needs an ACCOUNT and a CONTRACT (run acctdesk help renew)")
	}
	if err := noMore("renew", pos, 2); err != nil {
		return err
	}
	if err := checkAccountArg(pos[0]); err != nil {
		return err
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if *lapse {
		for _, f := range []string{"end", "number", "notice-days", "sla", "rebate"} {
			if given[f] {
				return fmt.Errorf("--lapse records a lapse: --%s is for a renewal", f)
			}
		}
	} else if strings.TrimSpace(*end) == "" {
		return errors.New("renew needs --end DATE (the renewal's last day), or --lapse")
	}
	today, err := g.date()
	if err != nil {
		return err
	}
	r := desk.Renewal{Contract: pos[1], ID: *number}
	if !*lapse {
		if r.End, err = relDate(*end, today); err != nil {
			return fmt.Errorf("--end: %v", err)
		}
	}
	if given["notice-days"] {
		r.NoticeDays = notice
	}
	if given["sla"] {
		r.SLA = sla
	}
	if given["rebate"] {
		var sc domain.RebateScheme
		if w := strings.TrimSpace(*rebate); !strings.EqualFold(w, "none") {
			if sc, err = domain.ParseRebate(w); err != nil {
				return fmt.Errorf("--rebate: %v", err)
			}
		}
		r.Rebate = &sc
	}
	d, code, err := g.deskOn(c.stderr, pos[0])
	if err != nil {
		return err
	}
	var got desk.Contracted
	if *lapse {
		got, err = d.Lapse(g.ctx(), code, pos[1])
	} else {
		got, err = d.Renew(g.ctx(), code, r)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, shown(got.Account.Code+": "+got.Entry.Text))
	return nil
}
