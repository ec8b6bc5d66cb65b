package domain

import "github.com/shopspring/decimal"

// Revenue12m is the revenue of the 12 months ending asOf: what was invoiced
// from asOf − 364 to asOf, by issue date (SPEC §10.1); Sales is any window.
func (l *Ledger) Revenue12m(asOf Date) decimal.Decimal { return l.Sales(asOf.AddDays(-364), asOf) }
