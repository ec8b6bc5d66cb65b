package domain

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Period is a stretch of business days, from From to To inclusive, as the
// command line names it (SPEC §4): a month 2026-11, a quarter 2026-Q3, a
// year 2026, or 12m, the 12 months ending the as-of date (D − 364 … D).
type Period struct {
	Name     string // as written, normalised: 2026-11, 2026-Q3, 2026, 12m
	From, To Date
}

// PeriodForm says how a period is written, for messages.
const PeriodForm = "a month 2026-11, a quarter 2026-Q3, a year 2026, or 12m (the 12 months ending the as-of date)"

// ParsePeriod reads a period; "" is 12m. asOf anchors 12m.
func ParsePeriod(s string, asOf Date) (Period, error) {
	w := strings.ToUpper(strings.TrimSpace(s))
	bad := func() (Period, error) {
		return Period{}, fmt.Errorf("period %q is not %s", Safe(s), PeriodForm)
	}
	switch {
	case w == "" || w == "12M":
		return Period{Name: "12m", From: asOf.AddDays(-364), To: asOf}, nil
	case len(w) == 4:
		y, err := strconv.Atoi(w)
		if err != nil || y < 1900 || y > 9999 {
			return bad()
		}
		return Period{Name: w, From: NewDate(y, time.January, 1), To: NewDate(y, time.December, 31)}, nil
	case len(w) == 7 && w[4] == '-' && w[5] == 'Q':
		y, err := strconv.Atoi(w[:4])
		q := int(w[6] - '0')
		if err != nil || y < 1900 || y > 9999 || q < 1 || q > 4 {
			return bad()
		}
		from := NewDate(y, time.Month(3*q-2), 1)
		return Period{Name: w, From: from, To: from.AddMonths(3).AddDays(-1)}, nil
	case len(w) == 7 && w[4] == '-':
		y, err1 := strconv.Atoi(w[:4])
		m, err2 := strconv.Atoi(w[5:])
		if err1 != nil || err2 != nil || y < 1900 || y > 9999 || m < 1 || m > 12 {
			return bad()
		}
		from := NewDate(y, time.Month(m), 1)
		return Period{Name: w, From: from, To: from.AddMonths(1).AddDays(-1)}, nil
	}
	return bad()
}

// Contains reports whether d lies in the period.
func (p Period) Contains(d Date) bool { return d >= p.From && d <= p.To }

// MonthName is the month of d as a period name, 2026-11.
func MonthName(d Date) string { return d.Format("2006-01") }

// QuarterName is the quarter of d as a period name, 2026-Q4.
func QuarterName(d Date) string {
	y, m, _ := d.Parts()
	return fmt.Sprintf("%04d-Q%d", y, (int(m)-1)/3+1)
}
