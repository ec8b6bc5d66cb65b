package dashboard

import (
	"math"
	"sync"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
)

// The charts' spans: the month ends of the aging and the DSO line, and the
// whole weeks of the forecast against what came in.
const (
	Months = 12
	Weeks  = 8
)

// frame is the dates a view's dashboard is worked out for, and where each
// figure sits in an account's amounts.
type frame struct {
	asOf    domain.Date
	ends    []domain.Date // the last Months month ends on or before asOf, oldest first
	mondays []domain.Date // the Mondays of the Weeks whole weeks before asOf's, oldest first
	month   domain.Date   // the first day of asOf's month
	year    domain.Period // the 12 months ending asOf (12m)
	grace   int           // the promise grace, in days
	edges   []int         // the aging bucket edges
	dsoDays int           // the DSO period
}

func frameOf(set domain.Settings, asOf domain.Date) frame {
	f := frame{asOf: asOf, month: asOf.MonthStart(), grace: set.Thresholds.PromiseGraceDays,
		edges: set.AgingEdges, dsoDays: set.DSOPeriodDays}
	f.year, _ = domain.ParsePeriod("12m", asOf)
	end := asOf
	if asOf.AddDays(1).MonthStart() == asOf.MonthStart() {
		end = asOf.MonthStart().AddDays(-1) // asOf is not a month's last day
	}
	f.ends = make([]domain.Date, Months)
	for i := Months - 1; i >= 0; i-- {
		f.ends[i] = end
		end = end.MonthStart().AddDays(-1)
	}
	week := domain.WeekOf(asOf)
	f.mondays = make([]domain.Date, Weeks)
	for i := range f.mondays {
		f.mondays[i] = week.AddDays(-7 * (Weeks - i))
	}
	return f
}

// same reports whether two frames are for the same dates and settings.
func (f frame) same(g frame) bool {
	if f.asOf != g.asOf || f.grace != g.grace || f.dsoDays != g.dsoDays || len(f.edges) != len(g.edges) {
		return false
	}
	for i := range f.edges {
		if f.edges[i] != g.edges[i] {
			return false
		}
	}
	return true
}

// buckets is how many aging buckets the edges make (current, then one
// after each edge).
func (f frame) buckets() int { return len(f.edges) + 2 }

// An account's amounts (the figures of its part, in the ledger's units):
// first today's net AR, its current part and the sales of the DSO period;
// then per month end its buckets, its unapplied credit and its sales in the
// DSO period ending it; then this month's collections.
const (
	todayNet = iota
	todayCurrent
	todaySales
	todayLen
)

func (f frame) stride() int { return f.buckets() + 2 }

func (f frame) point(m int) int { return todayLen + m*f.stride() }

func (f frame) collections() int { return f.point(Months) }

const (
	fellDue  = iota // invoiced amounts due from the 1st of the month to today
	settled         // what of them is settled as of today (paid or credited)
	dueLater        // what is still owed of those due after today in the month
	collectedLen
)

func (f frame) size() int { return f.collections() + collectedLen }

// A week's amounts, in the forecast's part: what the forecast as of its
// Monday expected in it, and the payments dated in it.
func weekAt(w int) int { return 2 * w }

const weeksSize = 2 * Weeks

// promises counts the promises whose deadline passed (due + grace ≤ today)
// by their status as of today (SPEC §11.1's promise kept %).
type promises struct{ kept, partly, broken int }

func (p promises) plus(q promises, sign int) promises {
	return promises{p.kept + sign*q.kept, p.partly + sign*q.partly, p.broken + sign*q.broken}
}

// amounts are one account's figures in units of 10^exp (v), or as decimals
// (big) for the rare account whose sums do not fit 64 bits.
type amounts struct {
	code, owner string
	cur         domain.Currency
	exp         int32
	v           []int64
	big         []decimal.Decimal
}

// part is what the dashboard keeps of one account from its facts and its
// summary, made again only when the account changes.
type part struct {
	amounts
	// year are the promises due in the 12 months ending today (up to
	// today − grace), month those due this month.
	year, month promises
	metrics     any // the metrics report's part of the account (nil without the report)
}

// weeksPart is the account's forecasts of the last weeks and what came in:
// worked out after the rest (a forecast per week is the dearest figure).
type weeksPart struct{ amounts }

// adder is where an account's amounts are added up: in 64 bits, or in
// decimal when they would not fit.
type adder interface {
	units(i int, u int64)
	amount(i int, d decimal.Decimal)
}

type intAdder struct {
	v    []int64
	exp  int32
	over bool // a sum did not fit: add up in decimal instead
}

func (a *intAdder) units(i int, u int64) {
	if (u > 0 && a.v[i] > math.MaxInt64-u) || (u < 0 && a.v[i] < math.MinInt64-u) {
		a.over = true
		return
	}
	a.v[i] += u
}

// amount adds a decimal that is whole in the ledger's units (the amounts
// of a ledger's figures are).
func (a *intAdder) amount(i int, d decimal.Decimal) {
	if d.IsZero() {
		return
	}
	c, ok := unitsOf(d, a.exp)
	if !ok {
		a.over = true
		return
	}
	a.units(i, c)
}

// unitsOf is d in units of 10^exp, when it is whole in them and fits.
func unitsOf(d decimal.Decimal, exp int32) (int64, bool) {
	if d.NumDigits() > 18 || d.Exponent() < exp {
		return 0, false
	}
	return scaled(d.CoefficientInt64(), d.Exponent()-exp)
}

// scaled is c × 10^k (k ≥ 0), when it fits.
func scaled(c int64, k int32) (int64, bool) {
	if k < 0 {
		return 0, false
	}
	for ; k > 0; k-- {
		if c > math.MaxInt64/10 || c < math.MinInt64/10 {
			return 0, false
		}
		c *= 10
	}
	return c, true
}

type decAdder struct {
	v   []decimal.Decimal
	exp int32
}

func (a *decAdder) units(i int, u int64)            { a.v[i] = a.v[i].Add(decimal.New(u, a.exp)) }
func (a *decAdder) amount(i int, d decimal.Decimal) { a.v[i] = a.v[i].Add(d) }

// scratch is room for applying ledgers, one per worker at a time.
var scratch = sync.Pool{New: func() any { return &domain.Scratch{} }}

// amountsOf adds an account's figures up with add, in 64 bits when they fit.
func amountsOf(x *domain.Facts, n int, add func(adder)) amounts {
	a := amounts{code: x.Account.Code, owner: x.Account.Owner, cur: x.Account.Currency, exp: x.Ledger.Exp}
	ia := &intAdder{v: make([]int64, n), exp: a.exp}
	add(ia)
	if !ia.over {
		a.v = ia.v
		return a
	}
	da := &decAdder{v: make([]decimal.Decimal, n), exp: a.exp}
	add(da)
	a.big = da.v
	return a
}

// partOf works out an account's part from its summary as of today.
func partOf(f frame, s *domain.Summary) part {
	p := part{amounts: amountsOf(s.Facts, f.size(), func(a adder) { monthFigures(f, s, a) })}
	p.year, p.month = promisesOf(f, s.Facts)
	return p
}

// monthFigures adds up an account's figures of today, of the month ends and
// of this month.
func monthFigures(f frame, s *domain.Summary, a adder) {
	x := s.Facts
	l := &x.Ledger
	a.amount(todayNet, s.AR())
	a.amount(todayCurrent, s.Aging.Buckets[0])
	a.amount(todaySales, s.Sales)
	sc := scratch.Get().(*domain.Scratch)
	defer scratch.Put(sc)
	nb := f.buckets()
	for m, end := range f.ends {
		ap := l.Apply(end, sc)
		base := f.point(m)
		for i, owed := range ap.Owed {
			if owed > 0 {
				a.units(base+domain.BucketOf(end.DaysSince(l.Invoices[i].Due), f.edges), owed)
			}
		}
		a.amount(base+nb, ap.Unapplied)
		from := end.AddDays(1 - f.dsoDays)
		for i := range l.Invoices {
			if iv := &l.Invoices[i]; iv.Issued >= from && iv.Issued <= end {
				a.units(base+nb+1, iv.Amount)
			}
		}
	}
	// This month: what fell due up to today and what of it is settled, from
	// what today's summary says is still owed (its open items are in the
	// ledger's order).
	c := f.collections()
	monthEnd := f.month.AddMonths(1).AddDays(-1)
	open := s.Open
	for i := range l.Invoices {
		iv := &l.Invoices[i]
		var owed int64
		for len(open) > 0 && int(open[0].Invoice) < i {
			open = open[1:]
		}
		if len(open) > 0 && int(open[0].Invoice) == i {
			owed = open[0].Owed
		}
		switch {
		case iv.Issued > f.asOf || iv.Due < f.month || iv.Due > monthEnd:
		case iv.Due <= f.asOf:
			a.units(c+fellDue, iv.Amount)
			a.units(c+settled, iv.Amount-owed)
		default:
			a.units(c+dueLater, owed)
		}
	}
}

// weeksOf works out an account's forecasts of the last weeks: for each
// whole week, what the cash forecast as of its Monday (SPEC §9.4; disputed
// invoices are expected on no date) expected in it, and the payments dated
// in it.
func weeksOf(f frame, x *domain.Facts) weeksPart {
	return weeksPart{amountsOf(x, weeksSize, func(a adder) {
		l := &x.Ledger
		for w, monday := range f.mondays {
			fc := domain.ForecastOf(x, monday, 1, f.grace)
			for _, fp := range fc.Parts {
				if fc.Row(fp) == 0 {
					a.amount(weekAt(w), fp.Amount)
				}
			}
			sunday := monday.AddDays(6)
			for k, cr := range l.Credits {
				if cr.On > sunday {
					break
				}
				if cr.On >= monday && l.Kinds[k].IsPayment() {
					a.units(weekAt(w)+1, cr.Amount)
				}
			}
		}
	})}
}

// promisesOf counts the account's promises that fell due in the 12 months
// ending today and in this month, up to today − grace, by status as of
// today (SPEC §11.1: kept ÷ kept, partly kept or broken).
func promisesOf(f frame, x *domain.Facts) (year, month promises) {
	last := f.asOf.AddDays(-f.grace)
	for _, pr := range x.Promises {
		if pr.GivenOn > f.asOf || pr.DueOn > last || pr.DueOn < f.year.From {
			continue
		}
		var c promises
		switch domain.PromiseStatus(pr, &x.Ledger, f.asOf, f.grace).Status {
		case domain.PromiseKept:
			c.kept = 1
		case domain.PromisePartlyKept:
			c.partly = 1
		case domain.PromiseBroken:
			c.broken = 1
		}
		year = year.plus(c, 1)
		if pr.DueOn >= f.month {
			month = month.plus(c, 1)
		}
	}
	return year, month
}
