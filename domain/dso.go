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
	days := decimal.Zero
	left := ar
	end := asOf
	for m := 1; m <= months && left.IsPositive(); m++ {
		start := monthsBack(asOf, m) // the month is (start, end]
		n := end.DaysSince(start)
		sales := l.Sales(start+1, end)
		switch {
		case !sales.IsPositive():
			days = days.Add(decimal.NewFromInt(int64(n)))
		case left.GreaterThanOrEqual(sales):
			days = days.Add(decimal.NewFromInt(int64(n)))
			left = left.Sub(sales)
		default:
			days = days.Add(left.Div(sales).Mul(decimal.NewFromInt(int64(n))))
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
