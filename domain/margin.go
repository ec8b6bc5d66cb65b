package domain

import "github.com/shopspring/decimal"

// MarginProxy is the Book pane's margin proxy of an account (SPEC §3): each
// invoice issued in the 12 months ending asOf (asOf − 364 … asOf, as
// Revenue12m) times its product's margin rate (per cent, book settings),
// added up and rounded half away from zero to the currency's places. ok is
// false when no invoice of those months has a product with a rate.
func MarginProxy(l *Ledger, rates map[string]decimal.Decimal, c Currency, asOf Date) (decimal.Decimal, bool) {
	if len(rates) == 0 || len(l.Lines) != len(l.Invoices) {
		return decimal.Zero, false
	}
	from := asOf.AddDays(-364)
	sum, ok := decimal.Zero, false
	for i, x := range l.Invoices {
		if x.Issued < from || x.Issued > asOf {
			continue
		}
		rate, has := rates[l.InvoiceProduct(i)]
		if !has {
			continue
		}
		ok = true
		sum = sum.Add(l.Dec(x.Amount).Mul(rate))
	}
	if !ok {
		return decimal.Zero, false
	}
	return sum.Shift(-2).Round(c.Places()), true // per cent: ÷ 100, exactly
}
