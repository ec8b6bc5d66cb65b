package demo

import "github.com/shopspring/decimal"

// MarginRates are the demo book's margin per product, in per cent of the
// invoiced amount (domain.Settings.MarginRates): thin on fuel, where the
// pump price is set for everyone, fat on the services.
func MarginRates() map[string]decimal.Decimal {
	return map[string]decimal.Decimal{
		"AGO":    decimal.New(65, -1), // 6.5 %
		"PMS":    decimal.New(4, 0),
		"Rescue": decimal.New(35, 0),
		"Fleet":  decimal.New(22, 0),
	}
}
