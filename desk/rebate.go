package desk

import (
	"context"

	"acctdesk/domain"
	"acctdesk/store"
)

// Rebates (SPEC §10.4). What an account's contracts give for a period is
// domain.AccountRebates as of the business date; applying it records, in
// one transaction, a credit note (reason rebate) for each contract and
// calendar period with something still due, numbered RB-<contract>-<period>
// (-2, -3, … when that number is taken and more has come due since), dated
// the period's end or the business date while the period runs. What a note
// gives counts as credited at once, so applying again adds nothing. Giving
// credit is a lead's decision (SPEC §12). The command line (rebate), the
// account's Contracts tab (r on a rebate line) and the rebates report read
// the same lines.

// Rebated is an account's rebate lines for a period and its credit notes.
type Rebated struct {
	Account domain.Account
	Period  domain.Period
	Lines   []domain.RebateLine // as they stood before anything was applied
	// Notes are the credit notes recorded (ApplyRebate), or that applying
	// would record (Rebates): one per line with something due.
	Notes []domain.CreditNote
}

// Rebates are an account's rebate lines for p and the credit notes that
// applying them would record; nothing is written.
func (d *Desk) Rebates(code string, p domain.Period) (Rebated, error) {
	f, err := d.st.LoadAccount(code)
	if err != nil {
		return Rebated{}, err
	}
	return d.rebates(f, p, "")
}

// ApplyRebate records the credit notes of an account's rebate lines for p
// that have something due; none when nothing is (Rebated.Notes is empty).
func (d *Desk) ApplyRebate(ctx context.Context, code string, p domain.Period) (Rebated, error) {
	return d.applyRebate(ctx, code, p, "")
}

// ApplyRebateLine records the credit note of one rebate line: contract's,
// for the calendar period named period (2026-Q3, 2026-11).
func (d *Desk) ApplyRebateLine(ctx context.Context, code, contract, period string) (Rebated, error) {
	p, err := domain.ParsePeriod(period, d.opt.AsOf)
	if err != nil {
		return Rebated{}, fieldError("period", err.Error())
	}
	return d.applyRebate(ctx, code, p, contract)
}

func (d *Desk) applyRebate(ctx context.Context, code string, p domain.Period, contract string) (Rebated, error) {
	if err := permit(ctx, Lead, "crediting a rebate"); err != nil {
		return Rebated{}, err
	}
	f, err := d.st.LoadAccount(code)
	if err != nil {
		return Rebated{}, err
	}
	if contract != "" {
		k, err := contractOf(f, contract)
		if err != nil {
			return Rebated{}, err
		}
		contract = k.ID
	}
	r, err := d.rebates(f, p, contract)
	if err != nil || len(r.Notes) == 0 {
		return r, err
	}
	b := &store.Batch{On: d.opt.AsOf}
	for _, n := range r.Notes {
		b.Credits = append(b.Credits, store.Rec[domain.CreditNote]{V: n})
	}
	if _, err := d.st.Apply(ctx, b); err != nil {
		return Rebated{}, asFields(err)
	}
	d.wrote()
	if g, err := d.st.LoadAccount(f.Account.Code); err == nil { // the notes as stored, stamped
		for i, n := range r.Notes {
			for _, c := range g.Credits {
				if c.Number == n.Number {
					r.Notes[i] = c
				}
			}
		}
	}
	return r, nil
}

// rebates are the file's rebate lines for p as of the business date (only
// contract's, when given) and their draft credit notes, numbered clear of
// every credit note the account has.
func (d *Desk) rebates(f *domain.AccountFile, p domain.Period, contract string) (Rebated, error) {
	x, err := domain.FactsOf(f)
	if err != nil {
		return Rebated{}, err
	}
	lines := domain.AccountRebates(&x, p, d.opt.AsOf)
	if contract != "" {
		var mine []domain.RebateLine
		for _, l := range lines {
			if l.Contract == contract {
				mine = append(mine, l)
			}
		}
		lines = mine
	}
	numbers := make(map[string]bool, len(f.Credits))
	for _, c := range f.Credits {
		numbers[c.Number] = true
	}
	notes := domain.RebateDrafts(lines, func(n string) bool { return numbers[n] })
	return Rebated{Account: f.Account, Period: p, Lines: lines, Notes: notes}, nil
}
