package domain

import (
	"cmp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// ItemState is an invoice as of a date: what is still owed on it.
type ItemState struct {
	Invoice     *Invoice // the account's own record; read, never changed
	Outstanding decimal.Decimal
	DaysPastDue int  // as-of − due; ≤ 0 means not yet due
	SettledOn   Date // when the last of it was paid, if fully paid
}

// Position is an account's receivable as of a date, after applying payments
// and credit notes by the rule of SPEC §2.
type Position struct {
	AsOf      Date
	Currency  Currency
	Items     []ItemState // invoices issued ≤ AsOf, oldest due first
	Total     decimal.Decimal
	Unapplied decimal.Decimal
}

// Net is total outstanding less unapplied credit.
func (p Position) Net() decimal.Decimal { return p.Total.Sub(p.Unapplied) }

// Open lists the items still owed.
func (p Position) Open() []ItemState {
	var out []ItemState
	for _, it := range p.Items {
		if it.Outstanding.IsPositive() {
			out = append(out, it)
		}
	}
	return out
}

// Overdue is the outstanding that is past its due date.
func (p Position) Overdue() decimal.Decimal {
	sum := decimal.Zero
	for _, it := range p.Items {
		if it.DaysPastDue > 0 {
			sum = sum.Add(it.Outstanding)
		}
	}
	return sum
}

// credit is a payment or credit note seen as money to apply.
type credit struct {
	date    Date
	ref     string
	amount  decimal.Decimal
	invoice string
}

// PositionOf applies the account's payments and credit notes as of asOf.
//
// Application is derived from the data, never from entry order:
//  1. explicit applications (a payment or credit note naming an invoice) come
//     first, oldest first, up to what the invoice still owes;
//  2. everything not yet applied, oldest first (date, then reference), pays the
//     invoices issued ≤ asOf that are still outstanding, oldest due date first
//     (then issue date, then number) — "balance forward";
//  3. what is left is the account's unapplied credit.
//
// Documents dated after asOf do not exist as of asOf.
func PositionOf(f *AccountFile, asOf Date) Position {
	return positionOf(f.Account.Currency, f.Invoices, f.Payments, f.Credits, asOf)
}

func positionOf(cur Currency, invoices []Invoice, payments []Payment, credits []CreditNote, asOf Date) Position {
	return positionUsing(cur, invoices, payments, credits, asOf, true)
}

// positionUsing is positionOf with the integer fast path on or off (the tests
// compare the two).
func positionUsing(cur Currency, invoices []Invoice, payments []Payment, credits []CreditNote, asOf Date, fast bool) Position {
	p := Position{AsOf: asOf, Currency: cur, Total: decimal.Zero, Unapplied: decimal.Zero}
	byNumber := make(map[string]int, len(invoices))
	p.Items = make([]ItemState, 0, len(invoices))
	for i := range invoices {
		if inv := &invoices[i]; inv.Issued <= asOf {
			p.Items = append(p.Items, ItemState{Invoice: inv, Outstanding: inv.Amount})
		}
	}
	slices.SortFunc(p.Items, func(x, y ItemState) int {
		a, b := x.Invoice, y.Invoice
		if c := cmp.Compare(a.Due, b.Due); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Issued, b.Issued); c != 0 {
			return c
		}
		return strings.Compare(a.Number, b.Number)
	})
	for i, it := range p.Items {
		byNumber[it.Invoice.Number] = i
	}

	cs := make([]credit, 0, len(payments)+len(credits))
	for _, pay := range payments {
		if pay.Received <= asOf {
			cs = append(cs, credit{pay.Received, pay.Reference, pay.Amount, pay.Invoice})
		}
	}
	for _, cn := range credits {
		if cn.Date <= asOf {
			cs = append(cs, credit{cn.Date, cn.Number, cn.Amount, cn.Invoice})
		}
	}
	slices.SortFunc(cs, func(a, b credit) int {
		if c := cmp.Compare(a.date, b.date); c != 0 {
			return c
		}
		return strings.Compare(a.ref, b.ref)
	})

	if !fast || !applyMinor(&p, cs, byNumber) {
		applyDecimal(&p, cs, byNumber)
	}
	for i := range p.Items {
		it := &p.Items[i]
		it.DaysPastDue = asOf.DaysSince(it.Invoice.Due)
		p.Total = p.Total.Add(it.Outstanding)
	}
	return p
}

// applyDecimal applies the credits to the items: explicit applications first,
// then balance forward, the rest unapplied (see PositionOf).
func applyDecimal(p *Position, cs []credit, byNumber map[string]int) {
	apply := func(i int, c *credit) {
		it := &p.Items[i]
		take := decimal.Min(it.Outstanding, c.amount)
		if !take.IsPositive() {
			return
		}
		it.Outstanding = it.Outstanding.Sub(take)
		c.amount = c.amount.Sub(take)
		if it.Outstanding.IsZero() {
			it.SettledOn = c.date
		}
	}
	for k := range cs {
		if cs[k].invoice == "" {
			continue
		}
		if i, ok := byNumber[cs[k].invoice]; ok {
			apply(i, &cs[k])
		}
	}
	next := 0
	for k := range cs {
		for cs[k].amount.IsPositive() && next < len(p.Items) {
			if !p.Items[next].Outstanding.IsPositive() {
				next++
				continue
			}
			apply(next, &cs[k])
		}
		p.Unapplied = p.Unapplied.Add(cs[k].amount)
	}
}

// applyMinor is applyDecimal in integer minor units, which spares the
// allocations of decimal arithmetic on big books. It reports false, having
// changed nothing, when an amount does not fit (then applyDecimal runs).
func applyMinor(p *Position, cs []credit, byNumber map[string]int) bool {
	const maxDocs = 9000 // each amount < 10^15 units, so sums stay within int64
	if len(p.Items)+len(cs) > maxDocs {
		return false
	}
	places := int32(0)
	for _, it := range p.Items {
		places = max(places, -it.Outstanding.Exponent())
	}
	for _, c := range cs {
		places = max(places, -c.amount.Exponent())
	}
	if places > 6 {
		return false
	}
	owed := make([]int64, len(p.Items))
	orig := make([]int64, len(p.Items))
	for i, it := range p.Items {
		v, ok := toMinor(it.Outstanding, places)
		if !ok {
			return false
		}
		owed[i], orig[i] = v, v
	}
	left := make([]int64, len(cs))
	for k, c := range cs {
		v, ok := toMinor(c.amount, places)
		if !ok {
			return false
		}
		left[k] = v
	}
	settled := make([]Date, len(p.Items))
	apply := func(i, k int) {
		take := min(owed[i], left[k])
		if take <= 0 {
			return
		}
		owed[i] -= take
		left[k] -= take
		if owed[i] == 0 {
			settled[i] = cs[k].date
		}
	}
	for k := range cs {
		if cs[k].invoice == "" {
			continue
		}
		if i, ok := byNumber[cs[k].invoice]; ok {
			apply(i, k)
		}
	}
	next := 0
	var unapplied int64
	for k := range cs {
		for left[k] > 0 && next < len(p.Items) {
			if owed[next] <= 0 {
				next++
				continue
			}
			apply(next, k)
		}
		unapplied += left[k]
	}
	for i := range p.Items {
		it := &p.Items[i]
		it.SettledOn = settled[i]
		switch {
		case owed[i] == 0:
			it.Outstanding = decimal.Zero
		case owed[i] == orig[i]:
			// untouched: keep the invoice's own value
		default:
			it.Outstanding = decimal.New(owed[i], -places)
		}
	}
	if unapplied != 0 {
		p.Unapplied = decimal.New(unapplied, -places)
	}
	return true
}

// toMinor is d in units of 10^-places when it has at most 15 digits there.
func toMinor(d decimal.Decimal, places int32) (int64, bool) {
	shift := d.Exponent() + places
	if shift < 0 || d.NumDigits()+int(shift) > 15 {
		return 0, false
	}
	v := d.CoefficientInt64()
	for ; shift > 0; shift-- {
		v *= 10
	}
	return v, true
}
