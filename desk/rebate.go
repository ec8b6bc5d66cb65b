package desk

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"acctdesk/domain"
	"acctdesk/store"
)

// Rebates (SPEC §10.4). What an account's contracts give for a period is
// domain.AccountRebates as of the business date; applying it records, in
// one transaction, a credit note (reason rebate) for each contract and
// calendar period with something still due, counting every rebate note of
// the contract and period whatever its date (domain.AccountRebatesToCredit:
// applying as of an earlier day never gives a period twice), numbered
// RB-<contract>-<period>, or -2, -3, … when that number is taken (on this
// account, or on another: contract numbers are the account's, credit-note
// numbers the book's), dated the business date. What a note gives counts
// as credited at once, so applying again adds nothing. Giving credit is a
// lead's decision (SPEC §12). The command line (rebate), the account's
// Contracts tab (r on a rebate line) and the rebates report read the same
// lines.

// Rebated is an account's rebate lines for a period and its credit notes.
type Rebated struct {
	Account domain.Account
	Period  domain.Period
	Lines   []domain.RebateLine // as the report shows them, before anything was applied
	// Notes are the credit notes recorded (ApplyRebate), or that applying
	// would record (Rebates): one per line with something due, counting
	// every rebate note whatever its date.
	Notes []domain.CreditNote
}

// Rebates are an account's rebate lines for p and the credit notes that
// applying them would record; nothing is written.
func (d *Desk) Rebates(code string, p domain.Period) (Rebated, error) {
	f, err := d.st.LoadAccount(code)
	if err != nil {
		return Rebated{}, err
	}
	return d.rebates(f, p, "", nil)
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

// numberTries is how many numbers a rebate note tries, one after another,
// when the store finds each on another account.
const numberTries = 50

func (d *Desk) applyRebate(ctx context.Context, code string, p domain.Period, contract string) (Rebated, error) {
	if err := permit(ctx, Lead, "crediting a rebate"); err != nil {
		return Rebated{}, err
	}
	// elsewhere are the numbers the store said another account's credit
	// notes hold: the account's file cannot tell, so the write is tried
	// again with the next suffix.
	elsewhere := map[string]bool{}
	for range numberTries {
		var r Rebated
		f, _, err := d.readModifyWrite(ctx, code, func(f *domain.AccountFile) (*store.Batch, error) {
			id := contract
			if id != "" {
				k, err := contractOf(f, id)
				if err != nil {
					return nil, err
				}
				id = k.ID
			}
			var err error
			if r, err = d.rebates(f, p, id, elsewhere); err != nil {
				return nil, err
			}
			if len(r.Notes) == 0 {
				return nil, errNothing
			}
			b := &store.Batch{On: d.opt.AsOf}
			for _, n := range r.Notes {
				b.Credits = append(b.Credits, store.Rec[domain.CreditNote]{V: n})
			}
			return b, nil
		})
		if taken := takenElsewhere(err, r.Notes); len(taken) > 0 {
			for _, n := range taken {
				elsewhere[n] = true
			}
			continue
		}
		if err != nil || len(r.Notes) == 0 {
			return r, err
		}
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
	return Rebated{}, fmt.Errorf("no free credit-note number for the rebates of %s after %d tries", code, numberTries)
}

// takenElsewhere are the numbers of notes the store refused because another
// account's credit note has them.
func takenElsewhere(err error, notes []domain.CreditNote) []string {
	var ve domain.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var out []string
	for _, fe := range ve {
		for _, n := range notes {
			if fe.Field == "number" && strings.Contains(fe.Reason, "credit note "+n.Number+" is already on account ") {
				out = append(out, n.Number)
			}
		}
	}
	if len(out) < len(ve) {
		return nil // refused for something else too: said as it is
	}
	return out
}

// rebates are the file's rebate lines for p as of the business date (only
// contract's, when given) and their draft credit notes for what is due
// whatever the date of the notes already given (AccountRebatesToCredit),
// numbered clear of every credit note the account has and of the numbers
// known to be another account's (elsewhere).
func (d *Desk) rebates(f *domain.AccountFile, p domain.Period, contract string, elsewhere map[string]bool) (Rebated, error) {
	x, err := domain.FactsOf(f)
	if err != nil {
		return Rebated{}, err
	}
	mine := func(lines []domain.RebateLine) []domain.RebateLine {
		if contract == "" {
			return lines
		}
		var out []domain.RebateLine
		for _, l := range lines {
			if l.Contract == contract {
				out = append(out, l)
			}
		}
		return out
	}
	lines := mine(domain.AccountRebates(&x, p, d.opt.AsOf))
	numbers := make(map[string]bool, len(f.Credits))
	for _, c := range f.Credits {
		numbers[c.Number] = true
	}
	notes := domain.RebateDrafts(mine(domain.AccountRebatesToCredit(&x, p, d.opt.AsOf)), func(n string) bool { return numbers[n] || elsewhere[n] })
	return Rebated{Account: f.Account, Period: p, Lines: lines, Notes: notes}, nil
}
