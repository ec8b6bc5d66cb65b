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
	var issued []Invoice
	for _, x := range invoices {
		if x.Issued >= first && x.Issued <= asOf {
			issued = append(issued, x)
		}
	}
	fy, fm, _ := first.Parts()
	byProduct := map[string][]decimal.Decimal{}
	for _, v := range VolumeOf(issued) {
		months, ok := byProduct[v.Product]
		if !ok {
			months = make([]decimal.Decimal, n)
			for i := range months {
				months[i] = decimal.Zero
			}
			byProduct[v.Product] = months
		}
		y, m, _ := v.Month.Parts()
		months[(y-fy)*12+int(m-fm)] = v.Amount
	}
	out := make([]MonthlyVolume, 0, len(byProduct))
	for p, months := range byProduct {
		out = append(out, MonthlyVolume{Product: p, Months: months})
	}
	slices.SortFunc(out, func(a, b MonthlyVolume) int { return strings.Compare(a.Product, b.Product) })
	return out
}
