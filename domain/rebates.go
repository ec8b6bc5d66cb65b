package domain

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Rebates (SPEC §10.4): what a contract's scheme gives for each calendar
// period of its own (a month or a quarter), what rebate credit notes have
// already given for it, and what is still due. The rebates report, the
// rebate command and the account's Contracts tab read the same lines.

// RebateLine is one contract's rebate for one calendar period of its scheme.
type RebateLine struct {
	Account  string
	Contract string
	Period   string // the calendar period's name: 2026-Q3 or 2026-11 (MonthName, QuarterName)
	From, To Date   // the calendar period
	Basis    string // the scheme's basis: RebateQuantity or RebateAmount
	// Value is what the thresholds count: the quantity or the amount
	// invoiced in the period, within the contract's dates and on or before
	// the as-of date. Invoiced and Quantity are both, whichever the basis.
	Value, Invoiced, Quantity decimal.Decimal
	Tier                      VolumeTier // the highest tier whose threshold is ≤ Value
	HasTier                   bool       // false: Value is below every threshold
	Rebate                    decimal.Decimal
	Credited                  decimal.Decimal // rebate credit notes for the contract and period, dated ≤ the as-of date
	Due                       decimal.Decimal // Rebate − Credited (negative when more was credited)
	Currency                  Currency
	// NoteOn is the date a credit note for what is due is given: the
	// day it is issued (the as-of date), never back in the period, so the
	// aging of a day already past stays what it was.
	NoteOn Date
}

// RebateNoteNumber is the number of the rebate credit note for a contract
// and a period, RB-<contract>-<period>; the second and later notes for the
// same contract and period add -2, -3, …
func RebateNoteNumber(contract, period string) string { return "RB-" + contract + "-" + period }

// IsRebateNoteFor reports whether a credit note's number is one of a
// contract's notes for a period: RB-<contract>-<period>, or that followed
// by - and a sequence number (so contract K1's notes are not K1-2's).
func IsRebateNoteFor(number, contract, period string) bool {
	base := RebateNoteNumber(contract, period)
	if number == base {
		return true
	}
	seq, ok := strings.CutPrefix(number, base+"-")
	return ok && seq != "" && strings.Trim(seq, "0123456789") == ""
}

// ThresholdText is the tier's threshold as the scheme writes it.
func (t VolumeTier) ThresholdText() string { return asWritten(t.From) }

// RateText is the tier's rate as the scheme writes it: 1%, 1.50/unit.
func (t VolumeTier) RateText() string {
	if !t.PerUnit.IsZero() {
		return asWritten(t.PerUnit) + "/unit"
	}
	return asWritten(t.Percent) + "%"
}

// TierFor is the tier of the scheme for a basis value: the one with the
// highest threshold at or below it; false when the value is below them all.
func (s RebateScheme) TierFor(value decimal.Decimal) (VolumeTier, bool) {
	var best VolumeTier
	found := false
	for _, t := range s.Tiers {
		if t.From.Cmp(value) <= 0 && (!found || t.From.GreaterThan(best.From)) {
			best, found = t, true
		}
	}
	return best, found
}

// RebateOf is the rebate a tier gives on a period's invoiced amount and
// quantity, on all units: a percentage of the amount or a rate per unit of
// the quantity, rounded half away from zero to the currency's places.
func RebateOf(t VolumeTier, invoiced, quantity decimal.Decimal, c Currency) decimal.Decimal {
	var r decimal.Decimal
	if !t.PerUnit.IsZero() {
		r = quantity.Mul(t.PerUnit)
	} else {
		r = invoiced.Mul(t.Percent).Shift(-2)
	}
	return r.Round(c.Places())
}

// PeriodOf is the calendar period of a scheme (RebateMonth or
// RebateQuarter) that holds d.
func PeriodOf(schemePeriod string, d Date) Period {
	if schemePeriod == RebateQuarter {
		from := d.QuarterStart()
		return Period{Name: QuarterName(d), From: from, To: from.AddMonths(3).AddDays(-1)}
	}
	from := d.MonthStart()
	return Period{Name: MonthName(d), From: from, To: from.AddMonths(1).AddDays(-1)}
}

// SchemePeriods are the calendar periods of k's scheme that overlap both
// the contract and p, oldest first, leaving out those that start after
// asOf (nothing can have been invoiced in them yet); none for a contract
// that has not started by asOf, or has no scheme.
func SchemePeriods(k Contract, p Period, asOf Date) []Period {
	if k.Rebate.IsZero() || k.Start > asOf {
		return nil
	}
	// A calendar period C overlaps both when C.From ≤ min(ends) and
	// C.To ≥ max(starts): from the one holding max(starts) onwards, up to
	// the last that starts by the earliest end and by asOf.
	last := min(k.End, p.To, asOf)
	var out []Period
	for c := PeriodOf(k.Rebate.Period, max(k.Start, p.From)); c.From <= last; c = PeriodOf(k.Rebate.Period, c.To.AddDays(1)) {
		out = append(out, c)
	}
	return out
}

// ContractRebates are contract k's rebate lines for the calendar periods
// of its scheme that overlap both the contract and p (SchemePeriods), as
// of asOf, from the account's facts: the ledger's invoices (issue date,
// amount, quantity) and its rebate credit notes.
//
// A renewal on the same scheme continues its contract: a period that
// straddles the day one ends and its renewal starts is one period, the
// renewal's, counting the invoices of both (so the customer does not lose
// the tier the whole period reaches); the contract that ended leaves it out.
func ContractRebates(x *Facts, k Contract, p Period, asOf Date) []RebateLine {
	return contractRebates(x, k, p, asOf, false)
}

// ContractRebatesToCredit are ContractRebates as a credit note for what is
// due is worked out: Credited counts every rebate note of the contract and
// period whatever its date. A note dated after asOf has given its part
// already, so crediting as of an earlier day never gives it twice.
func ContractRebatesToCredit(x *Facts, k Contract, p Period, asOf Date) []RebateLine {
	return contractRebates(x, k, p, asOf, true)
}

// contractRebates are ContractRebates, counting as credited the notes
// dated on or before asOf, or every note (allNotes).
func contractRebates(x *Facts, k Contract, p Period, asOf Date, allNotes bool) []RebateLine {
	periods := SchemePeriods(k, p, asOf)
	if next, ok := continuation(x.Contracts, k, true); ok {
		periods = slices.DeleteFunc(periods, func(c Period) bool { return c.To > k.End && next.Start <= asOf })
	}
	if len(periods) == 0 {
		return nil
	}
	// Where a period begins before the contract, the contracts it renews
	// on the same scheme count for it: from the first of them.
	start, renews := k.Start, []string{k.ID}
	for prev, ok := continuation(x.Contracts, k, false); ok && periods[0].From < start; prev, ok = continuation(x.Contracts, prev, false) {
		start = prev.Start
		renews = append(renews, prev.ID)
	}
	l := &x.Ledger
	type sums struct{ amount, qty Sum }
	s := make([]sums, len(periods))
	// Each period counts the invoices issued within it, within the
	// contract's dates and on or before asOf.
	lo, hi := max(periods[0].From, start), min(periods[len(periods)-1].To, k.End, asOf)
	for i, inv := range l.Invoices {
		if inv.Issued < lo || inv.Issued > hi {
			continue
		}
		j, _ := slices.BinarySearchFunc(periods, inv.Issued, func(c Period, d Date) int {
			switch {
			case c.To < d:
				return -1
			case c.From > d:
				return 1
			}
			return 0
		})
		l.add(&s[j].amount, inv.Amount)
		if i < len(l.Lines) {
			s[j].qty.AddInt(l.Lines[i].Quantity, l.QtyExp)
		}
	}
	cur := x.Account.Currency
	out := make([]RebateLine, len(periods))
	for j, c := range periods {
		r := RebateLine{Account: x.Account.Code, Contract: k.ID, Period: c.Name, From: c.From, To: c.To, Basis: k.Rebate.Basis,
			Invoiced: s[j].amount.Decimal(), Quantity: s[j].qty.Decimal(), Currency: cur, NoteOn: asOf}
		r.Value = r.Quantity
		if k.Rebate.Basis == RebateAmount {
			r.Value = r.Invoiced
		}
		r.Rebate = decimal.Zero
		if r.Tier, r.HasTier = k.Rebate.TierFor(r.Value); r.HasTier {
			r.Rebate = RebateOf(r.Tier, r.Invoiced, r.Quantity, cur)
		}
		var credited Sum
		for _, n := range x.RebateNotes {
			if n.On > asOf && !allNotes {
				continue
			}
			for _, id := range renews { // a straddling period's notes may name the contract renewed
				if IsRebateNoteFor(n.Number, id, c.Name) && (id == k.ID || c.From < k.Start) {
					credited.Add(n.Amount)
				}
			}
		}
		r.Credited = credited.Decimal()
		r.Due = r.Rebate.Sub(r.Credited)
		out[j] = r
	}
	return out
}

// continuation is the contract that renews k on the same scheme (next) —
// it starts the day after k ends —, or the one k renews so (!next).
func continuation(cs []Contract, k Contract, next bool) (Contract, bool) {
	scheme := FormatRebate(k.Rebate)
	for _, c := range cs {
		if c.ID == k.ID || FormatRebate(c.Rebate) != scheme {
			continue
		}
		if next && c.Start == k.End.AddDays(1) || !next && c.End.AddDays(1) == k.Start {
			return c, true
		}
	}
	return Contract{}, false
}

// AccountRebates are the rebate lines of every contract of the account
// that has a scheme (ContractRebates), by contract id, then period.
func AccountRebates(x *Facts, p Period, asOf Date) []RebateLine {
	return accountRebates(x, p, asOf, false)
}

// AccountRebatesToCredit are AccountRebates as applying them works out
// what is due: every rebate note counts, whatever its date
// (ContractRebatesToCredit).
func AccountRebatesToCredit(x *Facts, p Period, asOf Date) []RebateLine {
	return accountRebates(x, p, asOf, true)
}

func accountRebates(x *Facts, p Period, asOf Date, allNotes bool) []RebateLine {
	ks := slices.Clone(x.Contracts)
	slices.SortStableFunc(ks, func(a, b Contract) int { return strings.Compare(a.ID, b.ID) })
	var out []RebateLine
	for _, k := range ks {
		out = append(out, contractRebates(x, k, p, asOf, allNotes)...)
	}
	return out
}

// RebateDrafts are the credit notes that would give what the lines still
// have due (Due > 0), one per line: reason rebate, dated the line's NoteOn,
// numbered RebateNoteNumber, or with -2, -3, … when that number is taken
// (taken reports a number the account's credit notes already use).
func RebateDrafts(lines []RebateLine, taken func(number string) bool) []CreditNote {
	var out []CreditNote
	used := map[string]bool{}
	isTaken := func(n string) bool { return used[n] || taken(n) }
	for _, r := range lines {
		if !r.Due.IsPositive() {
			continue
		}
		n := RebateNoteNumber(r.Contract, r.Period)
		for seq := 2; isTaken(n); seq++ {
			n = fmt.Sprintf("%s-%d", RebateNoteNumber(r.Contract, r.Period), seq)
		}
		used[n] = true
		out = append(out, CreditNote{Account: r.Account, Number: n, Date: r.NoteOn, Amount: r.Due, Currency: r.Currency, Reason: "rebate"})
	}
	return out
}
