package domain

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"
)

// InvoiceCover is an open invoice as of a date with the part of it the
// account's open promises cover (SPEC §9.4).
type InvoiceCover struct {
	Invoice     int // index into the ledger's invoices
	Outstanding decimal.Decimal
	Disputed    bool
	Covered     decimal.Decimal // ≤ Outstanding; zero for a disputed invoice
}

// Uncovered is what of the invoice no open promise covers.
func (c InvoiceCover) Uncovered() decimal.Decimal { return c.Outstanding.Sub(c.Covered) }

// PromiseCover is each open invoice (outstanding > 0 as of asOf) of the
// account, in application order, with what the open promises cover of it
// (SPEC §9.4): the promises open as of asOf, in due-on order (then id), each
// with what is still unpaid of it (amount − payments dated from its given-on
// date to asOf), cover the undisputed open invoices oldest due first.
func PromiseCover(x *Facts, asOf Date) []InvoiceCover {
	l := &x.Ledger
	ap := l.Apply(asOf, nil)
	var out []InvoiceCover
	for i, owed := range ap.Owed {
		if owed > 0 {
			out = append(out, InvoiceCover{Invoice: i, Outstanding: l.Dec(owed), Disputed: l.IsDisputed(i)})
		}
	}
	grace := DefaultSettings().Thresholds.PromiseGraceDays
	var open []Promise
	for _, p := range x.Promises {
		if p.GivenOn <= asOf && PromiseStatus(p, l, asOf, grace).Status == PromiseOpen {
			open = append(open, p)
		}
	}
	slices.SortStableFunc(open, func(a, b Promise) int { return cmp.Or(cmp.Compare(a.DueOn, b.DueOn), cmp.Compare(a.ID, b.ID)) })
	next := 0
	for _, p := range open {
		left := p.Amount.Sub(l.Paid(p.GivenOn, asOf))
		for left.IsPositive() && next < len(out) {
			c := &out[next]
			room := c.Uncovered()
			if c.Disputed || !room.IsPositive() {
				next++
				continue
			}
			t := decimal.Min(room, left)
			c.Covered = c.Covered.Add(t)
			left = left.Sub(t)
		}
	}
	return out
}
