package report

import (
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

// byWords are the words --by takes, per report.
var byWords = map[string][]string{
	"collections": {ByDay, ByWeek, ByMonth},
}

// ByWords are the words --by takes for a report; nil when it takes none.
func ByWords(name string) []string { return byWords[name] }

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
