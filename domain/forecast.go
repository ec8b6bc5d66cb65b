package domain

import (
	"math"

	"github.com/shopspring/decimal"
)

// ForecastDays is the window of the average days late a forecast uses: the
// invoices settled in the 365 days ending D (SPEC §9.4).
const ForecastDays = 365

// ForecastWeeks is the number of weeks a cash forecast shows by default.
const ForecastWeeks = 13

// Forecast is when an account's open invoices are expected to be paid, as of
// a date (SPEC §9.4), part by part.
type Forecast struct {
	AsOf  Date
	Start Date // the Monday of the week holding AsOf
	Weeks int  // weeks shown one by one; later parts go to the later row
	Late  int  // L: the account's average days late, in whole days
	Parts []ForecastPart
}

// ForecastPart is a part of an open invoice expected on one date: what a
// promise covers (Promise ≥ 0), the rest on its due date + L (Promise < 0),
// or the whole of a disputed invoice (Disputed).
type ForecastPart struct {
	Invoice  int // index in Facts.Ledger.Invoices
	Amount   decimal.Decimal
	Basis    Date // the promise's due date, or the invoice's due date + L; zero for a disputed part
	On       Date // Basis, or AsOf when Basis is before it; zero for a disputed part
	Promise  int  // index in Facts.Promises; -1 when expected on terms
	Disputed bool
}

// Row is the forecast row a part falls in: 0 … Weeks−1 for the week, Weeks
// for later, Weeks+1 for disputed.
func (f *Forecast) Row(p ForecastPart) int {
	if p.Disputed {
		return f.Weeks + 1
	}
	w := p.On.DaysSince(f.Start) / 7
	return min(w, f.Weeks)
}

// WeekOf is the Monday of the week holding d.
func WeekOf(d Date) Date {
	return d.AddDays(-((int(d.Weekday()) + 6) % 7))
}

// RoundLate is days late rounded half away from zero to whole days (2.5 → 3).
func RoundLate(days decimal.Decimal) int {
	return int(days.Round(0).IntPart())
}

// ForecastOf is the account's cash forecast as of asOf over weeks weeks,
// with the book's promise grace (SPEC §9.4): the open promises cover the
// undisputed open invoices (PromiseCoverGrace), a covered part expected on
// the promise's due date; the rest of each invoice on its due date + L, L the
// account's average days late over the invoices settled in the 365 days
// ending asOf (Ledger.AverageDaysLate; 0 when none), rounded half away from
// zero; an expected date before asOf counts as asOf. Disputed invoices are
// expected on no date.
func ForecastOf(x *Facts, asOf Date, weeks, grace int) Forecast {
	l := &x.Ledger
	f := Forecast{AsOf: asOf, Start: WeekOf(asOf), Weeks: max(weeks, 0)}
	sc := scratch.Get().(*Scratch)
	defer scratch.Put(sc)
	ap := l.Apply(asOf, sc)
	if days, ok := l.AverageDaysLate(ap, asOf.AddDays(1-ForecastDays)); ok {
		f.Late = RoundLate(days)
	}
	at := func(d Date) Date { return max(d, asOf) }
	for _, c := range coverOf(x, ap, grace) {
		if c.Disputed {
			f.Parts = append(f.Parts, ForecastPart{Invoice: c.Invoice, Amount: c.Outstanding, Promise: -1, Disputed: true})
			continue
		}
		for _, p := range c.Parts {
			f.Parts = append(f.Parts, ForecastPart{Invoice: c.Invoice, Amount: p.Amount, Basis: p.On, On: at(p.On), Promise: p.Promise})
		}
		if rest := c.Uncovered(); rest.IsPositive() {
			basis := l.Invoices[c.Invoice].Due.AddDays(f.Late)
			f.Parts = append(f.Parts, ForecastPart{Invoice: c.Invoice, Amount: rest, Basis: basis, On: at(basis), Promise: -1})
		}
	}
	return f
}

// AverageDaysLate is AverageDaysLate (of a Position) from the account's
// ledger as applied as of ap.AsOf: amount-weighted (paid date − due date,
// floored at 0) over the invoices settled in [from, ap.AsOf], open overdue
// invoices counting with the as-of date as their paid date. It adds in the
// ledger's units (a book's forecast works it out for every account).
func (l *Ledger) AverageDaysLate(ap Applied, from Date) (days decimal.Decimal, ok bool) {
	weighted, weight := l.DaysLateWeights(ap, from)
	w := weight.Decimal()
	if w.IsZero() {
		return decimal.Zero, false
	}
	return weighted.Decimal().Div(w), true
}

// DaysLateWeights are the sums AverageDaysLate divides: Σ amount × days
// late and Σ amount over the invoices it counts (a group's metrics add them
// up over accounts).
func (l *Ledger) DaysLateWeights(ap Applied, from Date) (weighted, weight Sum) {
	for i := range l.Invoices {
		x := &l.Invoices[i]
		var paid Date
		switch {
		case x.Issued > ap.AsOf:
			continue
		case ap.Owed[i] > 0:
			if ap.AsOf <= x.Due {
				continue
			}
			paid = ap.AsOf
		case ap.SettledOn[i] != 0 && ap.SettledOn[i] >= from && ap.SettledOn[i] <= ap.AsOf:
			paid = ap.SettledOn[i]
		default:
			continue
		}
		late := int64(max(paid.DaysSince(x.Due), 0))
		if late > 0 && x.Amount > math.MaxInt64/late {
			weighted.Add(l.Dec(x.Amount).Mul(decimal.NewFromInt(late)))
		} else {
			l.add(&weighted, x.Amount*late)
		}
		l.add(&weight, x.Amount)
	}
	return weighted, weight
}

// averageDaysLate is the rule of AverageDaysLate over n invoices, item(i)
// giving an invoice's amount, whether it is still owed, its due date and
// the date it was settled.
func averageDaysLate(asOf, from Date, n int, item func(int) (amount decimal.Decimal, open bool, due, settled Date)) (decimal.Decimal, bool) {
	weighted, weight := decimal.Zero, decimal.Zero
	for i := range n {
		amount, open, due, settled := item(i)
		var paid Date
		switch {
		case open:
			if asOf.DaysSince(due) <= 0 {
				continue
			}
			paid = asOf
		case settled != 0 && settled >= from && settled <= asOf:
			paid = settled
		default:
			continue
		}
		late := max(paid.DaysSince(due), 0)
		weighted = weighted.Add(amount.Mul(decimal.NewFromInt(int64(late))))
		weight = weight.Add(amount)
	}
	if weight.IsZero() {
		return decimal.Zero, false
	}
	return weighted.Div(weight), true
}
