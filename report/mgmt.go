package report

import (
	"math"
	"strconv"

	"acctdesk/domain"

	"github.com/shopspring/decimal"
)

// What the management reports (SPEC §11.2) share: the stretch of the
// period they read, its months and weeks, and --by.

// span is the days of the report's period that exist as of the date:
// [Period.From, min(Period.To, AsOf)] (nothing dated after the as-of date
// exists as of it, SPEC §2). ok is false when the period starts after it.
func (in Input) span() (from, to domain.Date, ok bool) {
	p := in.period()
	to = min(p.To, in.AsOf)
	return p.From, to, p.From <= to
}

// weekOf is the Monday that starts d's week.
func weekOf(d domain.Date) domain.Date {
	return d.AddDays(-((int(d.Weekday()) + 6) % 7))
}

// monthEnd is the last day of d's month.
func monthEnd(d domain.Date) domain.Date { return d.MonthStart().AddMonths(1).AddDays(-1) }

// Intervals of report collections (--by).
const (
	ByDay   = "day"
	ByWeek  = "week"
	ByMonth = "month"
)

func init() { byWords["collections"] = []string{ByDay, ByWeek, ByMonth} }

// interval is a stretch of days a report groups by: a day, a Monday-start
// week or a calendar month.
type interval struct {
	from, to domain.Date
}

// intervalOf is the interval of the kind by (ByDay, ByWeek, ByMonth) that
// holds d.
func intervalOf(by string, d domain.Date) interval {
	switch by {
	case ByDay:
		return interval{d, d}
	case ByWeek:
		w := weekOf(d)
		return interval{w, w.AddDays(6)}
	}
	return interval{d.MonthStart(), monthEnd(d)}
}

// name is how the interval is written: the day, the week's Monday (both
// YYYY-MM-DD), or the month (2026-11).
func (iv interval) name(by string) string {
	if by == ByMonth || by == "" {
		return domain.MonthName(iv.from)
	}
	return iv.from.String()
}

// intervalIndex is the position, from 0, of the interval of the kind by
// that holds d among those of a period starting from.
func intervalIndex(by string, from, d domain.Date) int {
	switch by {
	case ByDay:
		return d.DaysSince(from)
	case ByWeek:
		return weekOf(d).DaysSince(weekOf(from)) / 7
	}
	y0, m0, _ := from.Parts()
	y, m, _ := d.Parts()
	return (y-y0)*12 + int(m-m0)
}

// unitSum adds amounts of one ledger in its units, as an int64 while they
// fit and as a domain.Sum beyond: a report's per-account rows then cost no
// decimal until they are added across accounts.
type unitSum struct {
	v       int64
	rest    domain.Sum
	spilled bool
}

func (s *unitSum) add(v int64, exp int32) {
	if (v > 0 && s.v > math.MaxInt64-v) || (v < 0 && s.v < math.MinInt64-v) {
		s.rest.AddInt(v, exp)
		s.spilled = true
		return
	}
	s.v += v
}

// addTo adds the sum (in units of 10^exp) to total in units of the
// currency's places, when it has no finer ones (a book's amounts have not):
// every account's sums then share total's exponent, and adding them up
// stays in integers (domain.Sum).
func (s *unitSum) addTo(total *domain.Sum, exp int32, c domain.Currency) {
	if s.v != 0 {
		places := c.Places()
		shift := exp + places
		switch {
		case shift == 0:
			total.AddInt(s.v, exp)
		case shift > 0 && shift < int32(len(pow10)) && s.v <= math.MaxInt64/pow10[shift] && s.v >= math.MinInt64/pow10[shift]:
			total.AddInt(s.v*pow10[shift], -places)
		default:
			total.AddInt(s.v, exp)
		}
	}
	if s.spilled {
		total.Add(s.rest.Decimal())
	}
}

var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

var hundred = decimal.NewFromInt(100)

// pctCell is part ÷ whole × 100 to one decimal (half away from zero),
// empty when whole is zero.
func pctCell(part, whole decimal.Decimal) Cell {
	if whole.IsZero() {
		return T("")
	}
	return T(part.Mul(hundred).Div(whole).Round(1).StringFixed(1))
}

// varianceCell is (actual − target) ÷ target × 100 to one decimal, empty
// without a target.
func varianceCell(actual, target decimal.Decimal) Cell {
	if target.IsZero() {
		return T("")
	}
	return pctCell(actual.Sub(target), target)
}

// count is a whole number cell.
func count(n int) Cell { return T(strconv.Itoa(n)) }

// qtyCell is a quantity cell: as it adds up, without trailing zeros.
func qtyCell(q decimal.Decimal) Cell {
	s := domain.Plainest(q).String()
	return Cell{Plain: s, Human: domain.Grouped(s)}
}
