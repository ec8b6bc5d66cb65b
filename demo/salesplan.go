package demo

import (
	"github.com/shopspring/decimal"

	"acctdesk/domain"
)

// The sales plan (SPEC §11.2 plan, §5 targets): every active tier-1
// account has a target per product it buys for each month from eleven
// months before the as-of month to two after it — the quantity of the same
// twelve months before, averaged, raised by the account's planned growth
// (3–12 %), rounded up to 1,000 litres (a whole call-out or vehicle-month
// for the services), and its amount at the average price of those months.
// A product with nothing invoiced in the twelve months before a month has
// no target for it.

// planMonths are the months of the plan: from planFrom months before the
// as-of month to planTo after it.
const planFrom, planTo = 11, 2

func (a *acct) salesPlan() {
	p, A := a.p, a.asOf
	if p.tier != 1 || p.status != "active" || len(a.inv) == 0 {
		return
	}
	uplift := int64(a.o.between(3, 12))
	m0 := A.MonthStart()
	first := m0.AddMonths(-planFrom - 12)
	// Quantity and amount invoiced per month (since first) and product.
	n := planFrom + 12 + planTo + 1
	qty := make([][len(products)]int64, n)
	amt := make([][len(products)]int64, n)
	for _, v := range a.inv {
		if v.issued < first {
			continue
		}
		i := monthsBetween(first, v.issued)
		if i < n {
			qty[i][v.product] += v.qty
			amt[i][v.product] += v.amount
		}
	}
	for m := -planFrom; m <= planTo; m++ {
		month := m0.AddMonths(m)
		at := m + planFrom + 12 // the month's index
		for x := range products {
			var q, s int64
			for i := at - 12; i < at; i++ {
				q, s = q+qty[i][x], s+amt[i][x]
			}
			if q == 0 {
				continue
			}
			step := int64(1000)
			if x == pRescue || x == pFleet {
				step = 1
			}
			target := roundUp((q*(100+uplift)+1199)/1200, step) // the monthly mean, raised
			price := s / q                                      // minor units per unit, rounded down
			amount := roundDown(target*price, a.unit)           // whole naira (or francs)
			a.targets = append(a.targets, domain.Target{Account: p.code, Month: month, Product: products[x].name,
				Quantity: decimal.NewFromInt(target), Amount: a.dec(amount), Currency: p.cur,
				Stamp: stamp(a.g.opt.Author, month.AddMonths(-1), 8*60)})
		}
	}
}

// monthsBetween is how many months d's month is after from's.
func monthsBetween(from, d domain.Date) int {
	fy, fm, _ := from.Parts()
	y, m, _ := d.Parts()
	return (y-fy)*12 + int(m) - int(fm)
}
