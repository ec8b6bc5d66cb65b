package domain

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"
)

// InvoiceCover is what the account's open promises cover of one open invoice as of D (SPEC §9.4).
type InvoiceCover struct {
	Invoice     int             // index in Facts.Ledger.Invoices
	Outstanding decimal.Decimal // what remains of it as of D (> 0)
	Disputed    bool            // an open dispute: promises do not cover it
	Parts       []CoverPart     // the promise parts covering it, in promise order
	Covered     decimal.Decimal // sum of Parts
}

// CoverPart is what one promise covers of one invoice.
type CoverPart struct {
	Promise int // index in Facts.Promises
	Amount  decimal.Decimal
	On      Date // the promise's due date
}

// Uncovered is what no promise covers of the invoice: all of it when disputed.
func (c InvoiceCover) Uncovered() decimal.Decimal {
	if c.Covered.IsZero() {
		return c.Outstanding // most invoices: no promise covers them, and no decimal is worked out
	}
	return c.Outstanding.Sub(c.Covered)
}

// PromiseCover lists the account's open invoices (outstanding > 0 as of asOf) in
// application order with what its open promises cover of them. A promise's
// status is worked out with the SPEC's grace of 3 days (§2); PromiseCoverGrace
// takes the book's.
func PromiseCover(x *Facts, asOf Date) []InvoiceCover {
	return PromiseCoverGrace(x, asOf, DefaultSettings().Thresholds.PromiseGraceDays)
}

// PromiseCoverGrace is PromiseCover with the book's promise grace in days
// (Thresholds.PromiseGraceDays). The rule (§9.4): the open promises (status
// open as of asOf), in due-on order (then given-on, then id), each with what
// is still unpaid of it (its amount less the payments dated from its
// given-on date to asOf), cover the undisputed open invoices oldest due
// first (then issue date, then number: the ledger's order). What a promise
// promises beyond what is open covers nothing.
func PromiseCoverGrace(x *Facts, asOf Date, grace int) []InvoiceCover {
	return coverOf(x, x.Ledger.Apply(asOf, nil), grace)
}

// coverOf is PromiseCoverGrace from the ledger as applied (ap).
func coverOf(x *Facts, ap Applied, grace int) []InvoiceCover {
	l, asOf := &x.Ledger, ap.AsOf
	var out []InvoiceCover
	for i, owed := range ap.Owed {
		if owed > 0 {
			out = append(out, InvoiceCover{Invoice: i, Outstanding: l.Dec(owed), Disputed: x.DisputedAsOf(i, asOf), Covered: decimal.Zero})
		}
	}
	type open struct {
		k      int
		unpaid decimal.Decimal
	}
	var promises []open
	for k, p := range x.Promises {
		if p.GivenOn > asOf {
			continue // not given yet as of asOf
		}
		st := PromiseStatus(p, l, asOf, grace)
		if st.Status != PromiseOpen {
			continue
		}
		if unpaid := p.Amount.Sub(l.Paid(p.GivenOn, asOf)); unpaid.IsPositive() {
			promises = append(promises, open{k, unpaid})
		}
	}
	slices.SortStableFunc(promises, func(a, b open) int {
		pa, pb := &x.Promises[a.k], &x.Promises[b.k]
		return cmp.Or(cmp.Compare(pa.DueOn, pb.DueOn), cmp.Compare(pa.GivenOn, pb.GivenOn), cmp.Compare(pa.ID, pb.ID))
	})
	next := 0
	for _, p := range promises {
		left := p.unpaid
		for left.IsPositive() && next < len(out) {
			c := &out[next]
			if c.Disputed || !c.Uncovered().IsPositive() {
				next++
				continue
			}
			t := decimal.Min(left, c.Uncovered())
			c.Parts = append(c.Parts, CoverPart{Promise: p.k, Amount: t, On: x.Promises[p.k].DueOn})
			c.Covered = c.Covered.Add(t)
			left = left.Sub(t)
		}
	}
	return out
}
