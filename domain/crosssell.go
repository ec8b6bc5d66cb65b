package domain

import (
	"slices"

	"github.com/shopspring/decimal"
)

// Cross-sell (SPEC §10.5, §2): an account's products at a date are the
// distinct products invoiced to it in the 12 months ending that date —
// invoices issued from d − 364 to d, by issue date, day-exact (Ledger.Lines,
// not the monthly Volume). An invoice without a product names none: it
// makes no account multi-product.

// ProductWindowDays is the length of the window an account's products are
// read over: the 12 months ending the date, as revenue's (D − 364 … D).
const ProductWindowDays = 365

// ProductsAt are the distinct products invoiced to the account from
// d − 364 to d, sorted by name.
func (l *Ledger) ProductsAt(d Date) []string {
	from := d.AddDays(1 - ProductWindowDays)
	seen := make([]bool, len(l.Products))
	n := 0
	for i, x := range l.Invoices {
		if x.Issued < from || x.Issued > d || i >= len(l.Lines) {
			continue
		}
		if p := l.Lines[i].Product; !seen[p] && l.Products[p] != "" {
			seen[p] = true
			n++
		}
	}
	out := make([]string, 0, n)
	for p, ok := range seen {
		if ok {
			out = append(out, l.Products[p]) // Products is sorted
		}
	}
	return out
}

// SingleProduct reports whether exactly one product was invoiced to the
// account in the 12 months ending d.
func (l *Ledger) SingleProduct(d Date) bool { return len(l.ProductsAt(d)) == 1 }

// ConvertedIn says how an account counts in the cross-sell conversion of a
// period (SPEC §2: single-product accounts at the start that are
// multi-product at the end ÷ single-product accounts at the start).
//
// The reading, which report metrics shares: the start is the day before
// the period begins (its products as of p.From − 1, the 12 months ending
// then), the end is the period's last day or the as-of date when that is
// earlier (its products as of min(p.To, asOf)). single: the account was
// single-product at the start (it is in the base); converted: it was, and
// had two products or more at the end. An account with no product at the
// start is in no base: there was nothing to cross-sell from.
func (l *Ledger) ConvertedIn(p Period, asOf Date) (single, converted bool) {
	if !l.SingleProduct(p.From.AddDays(-1)) {
		return false, false
	}
	return true, len(l.ProductsAt(min(p.To, asOf))) >= 2
}

// Conversion is the cross-sell conversion of some accounts over a period:
// how many were single-product at the start, and how many of those were
// multi-product at the end.
type Conversion struct {
	Single, Converted int
}

// Add counts an account (ConvertedIn).
func (c *Conversion) Add(l *Ledger, p Period, asOf Date) {
	single, converted := l.ConvertedIn(p, asOf)
	if single {
		c.Single++
	}
	if converted {
		c.Converted++
	}
}

// Pct is Converted ÷ Single × 100, unrounded (round it for display); ok is
// false when no account was single-product at the start.
func (c Conversion) Pct() (pct decimal.Decimal, ok bool) {
	if c.Single == 0 {
		return decimal.Zero, false
	}
	return decimal.NewFromInt(int64(c.Converted)).Mul(hundred).Div(decimal.NewFromInt(int64(c.Single))), true
}

// BookProducts are the products invoiced to any of the accounts, ever (by
// issue date up to asOf), sorted: the columns of the cross-sell view, and
// what a QBR pack offers an account that does not buy them.
func BookProducts(ledgers []*Ledger, asOf Date) []string {
	seen := map[string]bool{}
	for _, l := range ledgers {
		if !slices.ContainsFunc(l.Products, func(p string) bool { return p != "" && !seen[p] }) {
			continue // nothing new to find here
		}
		for i, x := range l.Invoices {
			if x.Issued > asOf || i >= len(l.Lines) {
				continue
			}
			if p := l.Products[l.Lines[i].Product]; p != "" {
				seen[p] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}
