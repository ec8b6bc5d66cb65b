package demo

import (
	"slices"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
)

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

// Targets are the demo book's dashboard targets (SPEC §11.4): the SPEC's
// NRR, logo churn and bad debt, and a DSO of at most 45 days.
func Targets() domain.Targets {
	t := domain.DefaultTargets()
	t.DSODays = 45
	return t
}

// RequiredDocs are the documents the demo book's segments require
// (domain.Settings.RequiredDocs): the defaults, and for mining also the
// mining licence.
func RequiredDocs() map[string][]string {
	return map[string][]string{"Mining": append(slices.Clone(domain.DefaultRequiredDocs), "mining-licence")}
}

// requiredDocsFor are the documents an account of the segment has in its
// opening file: as the demo's settings require them.
func requiredDocsFor(segment string) []string {
	return domain.Settings{RequiredDocs: RequiredDocs()}.RequiredDocsFor(segment)
}
