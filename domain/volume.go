package domain

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// MonthlyVolume is what one product was invoiced in each month of a run.
type MonthlyVolume struct {
	Product string
	Months  []decimal.Decimal // oldest month first
}

// VolumeByMonth is what each product was invoiced in each of the n months
// ending with asOf's month, counting the invoices issued by asOf; products
// in name order.
func VolumeByMonth(invoices []Invoice, asOf Date, n int) []MonthlyVolume {
	first := asOf.MonthStart().AddMonths(1 - n)
	fy, fm, _ := first.Parts()
	byProduct := map[string][]decimal.Decimal{}
	for _, x := range invoices {
		if x.Issued < first || x.Issued > asOf {
			continue
		}
		months, ok := byProduct[x.Product]
		if !ok {
			months = make([]decimal.Decimal, n)
			for i := range months {
				months[i] = decimal.Zero
			}
			byProduct[x.Product] = months
		}
		y, m, _ := x.Issued.Parts()
		k := (y-fy)*12 + int(m-fm)
		months[k] = months[k].Add(x.Amount)
	}
	out := make([]MonthlyVolume, 0, len(byProduct))
	for p, months := range byProduct {
		out = append(out, MonthlyVolume{Product: p, Months: months})
	}
	slices.SortFunc(out, func(a, b MonthlyVolume) int { return strings.Compare(a.Product, b.Product) })
	return out
}
