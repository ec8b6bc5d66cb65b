package domain

import (
	"time"

	"github.com/shopspring/decimal"
)

// DSO holds the days-sales-outstanding figures of an account or a book, unrounded.
type DSO struct {
	AR         decimal.Decimal // net AR as of the date (total − unapplied)
	CurrentAR  decimal.Decimal // the not-yet-due part of the AR
	Sales      decimal.Decimal // invoices issued in the period
	PeriodDays int
	// Valid is false when there were no sales in the period; the figures are then zero.
	Valid bool
	Days  decimal.Decimal // simple DSO = AR ÷ Sales × P
	Best  decimal.Decimal // best possible DSO = current AR ÷ Sales × P
	ADD   decimal.Decimal // average days delinquent = Days − Best
}

// SalesIn sums the invoices issued in [from, to].
func SalesIn(invoices []Invoice, from, to Date) decimal.Decimal {
	sum := decimal.Zero
	for _, inv := range invoices {
		if inv.Issued >= from && inv.Issued <= to {
			sum = sum.Add(inv.Amount)
		}
	}
	return sum
}

// NewDSO computes the ratios from the parts (also used for book totals).
func NewDSO(ar, current, sales decimal.Decimal, period int) DSO {
	d := DSO{AR: ar, CurrentAR: current, Sales: sales, PeriodDays: period,
		Days: decimal.Zero, Best: decimal.Zero, ADD: decimal.Zero}
	if !sales.IsPositive() {
		return d
	}
	p := decimal.NewFromInt(int64(period))
	d.Valid = true
	d.Days = ar.Mul(p).Div(sales)
	d.Best = current.Mul(p).Div(sales)
	d.ADD = d.Days.Sub(d.Best)
	return d
}

// RoundDays rounds a day figure half away from zero to one decimal.
func RoundDays(d decimal.Decimal) decimal.Decimal { return d.Round(1) }

// CountbackDSO walks back month by month from asOf: each whole month whose
// sales the AR still covers adds its days; the month that covers the rest
// adds its share. months bounds the walk (AR older than that adds nothing more).
func CountbackDSO(ar decimal.Decimal, l *Ledger, asOf Date, months int) decimal.Decimal {
	starts := countbackStarts(asOf, months)
	return countback(ar, asOf, starts, func(m int) decimal.Decimal {
		end := asOf
		if m > 0 {
			end = starts[m-1]
		}
		return l.Sales(starts[m]+1, end)
	})
}

// countbackStarts are the days before each month of the walk back from
// asOf: month m is (starts[m], starts[m−1]], month 0 ends on asOf.
func countbackStarts(asOf Date, months int) []Date {
	starts := make([]Date, months)
	for m := range starts {
		starts[m] = monthsBack(asOf, m+1)
	}
	return starts
}

// countback is the walk of CountbackDSO over the months of starts, sales(m)
// being the sales of month m (a group's metrics add them up over accounts).
func countback(ar decimal.Decimal, asOf Date, starts []Date, sales func(m int) decimal.Decimal) decimal.Decimal {
	days := decimal.Zero
	left := ar
	end := asOf
	for m := 0; m < len(starts) && left.IsPositive(); m++ {
		start := starts[m] // the month is (start, end]
		n := end.DaysSince(start)
		s := sales(m)
		switch {
		case !s.IsPositive():
			days = days.Add(decimal.NewFromInt(int64(n)))
		case left.GreaterThanOrEqual(s):
			days = days.Add(decimal.NewFromInt(int64(n)))
			left = left.Sub(s)
		default:
			days = days.Add(left.Div(s).Mul(decimal.NewFromInt(int64(n))))
			left = decimal.Zero
		}
		end = start
	}
	return days
}

// monthsBack is asOf moved back n months; from a month's last day it lands on
// last days, so that 30 Jun walks back to 31 May, 30 Apr, …
func monthsBack(asOf Date, n int) Date {
	y, m, day := asOf.Parts()
	if day == DaysIn(y, m) {
		return NewDate(y, m-time.Month(n)+1, 0)
	}
	return asOf.AddMonths(-n)
}

// CEI is the collection effectiveness index over a period, in percent:
// (opening AR + sales − closing AR) ÷ (opening AR + sales − closing current AR) × 100.
// ok is false when the denominator is zero.
func CEI(opening, sales, closing, closingCurrent decimal.Decimal) (pct decimal.Decimal, ok bool) {
	den := opening.Add(sales).Sub(closingCurrent)
	if den.IsZero() {
		return decimal.Zero, false
	}
	return opening.Add(sales).Sub(closing).Mul(decimal.NewFromInt(100)).Div(den), true
}
