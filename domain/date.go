package domain

import (
	"fmt"
	"strings"
	"time"
)

// Date is a civil calendar date with no time zone, counted in days since
// 0001-01-01 plus one, so that the zero value means "no date".
type Date int32

const isoLayout = "2006-01-02"

// unixEpochDay is the Date of 1970-01-01.
const unixEpochDay = 719163 + 1

// NewDate builds a date from its parts; out-of-range parts normalise as time.Date does.
func NewDate(y int, m time.Month, d int) Date {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Date(t.Unix()/86400 + unixEpochDay)
}

// DateOf is the calendar date of an instant in its own location.
func DateOf(t time.Time) Date { return NewDate(t.Year(), t.Month(), t.Day()) }

// The dates a book holds lie in 1900–9999 (SPEC §6): what can be written
// as YYYY-MM-DD and read back.
var (
	FirstDate = NewDate(1900, time.January, 1)
	LastDate  = NewDate(9999, time.December, 31)
)

// InRange reports whether the date lies in FirstDate…LastDate.
func (d Date) InRange() bool { return d >= FirstDate && d <= LastDate }

// CheckDate says what is wrong with a date that must lie in 1900–9999.
func CheckDate(d Date) error {
	if !d.InRange() {
		return fmt.Errorf("%s is outside 1900–9999", d.Format("2006-01-02"))
	}
	return nil
}

// ParseDate reads ISO YYYY-MM-DD.
func ParseDate(s string) (Date, error) { return ParseDateLayout(s, isoLayout) }

// ParseDateLayout reads a date in a Go layout such as "1/2/2006".
func ParseDateLayout(s, layout string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("date is empty")
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a date in the form %s", s, LayoutWords(layout))
	}
	d := NewDate(t.Year(), t.Month(), t.Day())
	if !d.InRange() {
		return 0, fmt.Errorf("%q is outside 1900–9999", s)
	}
	return d, nil
}

// layoutWords spell a Go date layout's parts the way people write them.
var layoutWords = strings.NewReplacer("2006", "YYYY", "January", "Month", "Jan", "Mon", "01", "MM", "02", "DD", "06", "YY", "1", "M", "2", "D")

// LayoutWords is a Go date layout ("1/2/2006") as people write it (M/D/YYYY).
func LayoutWords(layout string) string { return layoutWords.Replace(layout) }

// MustDate parses an ISO date and panics; for literals in tests and tables.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == 0 }

// Time is midnight UTC of the date.
func (d Date) Time() time.Time { return time.Unix(int64(d-unixEpochDay)*86400, 0).UTC() }

// Parts returns year, month and day.
func (d Date) Parts() (int, time.Month, int) {
	t := d.Time()
	return t.Year(), t.Month(), t.Day()
}

// String is ISO form, or "" for the zero date.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return d.Time().Format(isoLayout)
}

// Format uses a Go layout.
func (d Date) Format(layout string) string {
	if d == 0 {
		return ""
	}
	return d.Time().Format(layout)
}

// AddDays moves the date by n days.
func (d Date) AddDays(n int) Date { return d + Date(n) }

// DaysSince is d − e in days.
func (d Date) DaysSince(e Date) int { return int(d - e) }

// Weekday of the date.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// AddMonths moves by n months, clamping to the last day of a shorter month
// (31 Mar − 1 month = 28 or 29 Feb).
func (d Date) AddMonths(n int) Date {
	y, m, day := d.Parts()
	total := int(m) - 1 + n
	ny := y + total/12
	nm := total % 12
	if nm < 0 {
		nm += 12
		ny--
	}
	last := DaysIn(ny, time.Month(nm+1))
	if day > last {
		day = last
	}
	return NewDate(ny, time.Month(nm+1), day)
}

// DaysIn is the number of days of a month.
func DaysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// AddWorkdays moves forward n working days (Monday to Friday).
func (d Date) AddWorkdays(n int) Date {
	for n > 0 {
		d++
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return d
}

// Next returns the first date after d that falls on wd.
func (d Date) Next(wd time.Weekday) Date {
	diff := (int(wd) - int(d.Weekday()) + 7) % 7
	if diff == 0 {
		diff = 7
	}
	return d.AddDays(diff)
}

// QuarterEnd is the last day of d's calendar quarter.
func (d Date) QuarterEnd() Date {
	y, m, _ := d.Parts()
	qm := time.Month(((int(m)-1)/3+1)*3) + 1
	return NewDate(y, qm, 0)
}

// QuarterStart is the first day of d's calendar quarter.
func (d Date) QuarterStart() Date {
	y, m, _ := d.Parts()
	return NewDate(y, time.Month((int(m)-1)/3*3+1), 1)
}

// MonthStart is the first day of d's month.
func (d Date) MonthStart() Date {
	y, m, _ := d.Parts()
	return NewDate(y, m, 1)
}

// MinDate is the earlier of two dates, ignoring zero.
func MinDate(a, b Date) Date {
	if a == 0 || (b != 0 && b < a) {
		return b
	}
	return a
}

var weekdays = map[string]time.Weekday{
	"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday,
}

// ParseRelative reads a date as people type it in a form: ISO, "+3" (days),
// "mon".."sun" (the next such day), "today", "tomorrow".
func ParseRelative(s string, today Date) (Date, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	switch {
	case t == "":
		return 0, fmt.Errorf("date is empty")
	case t == "today":
		return today, nil
	case t == "tomorrow" || t == "tom":
		return today + 1, nil
	case strings.HasPrefix(t, "+"):
		var n int
		if _, err := fmt.Sscanf(t, "+%d", &n); err != nil || n < 0 || n > 3650 || fmt.Sprintf("+%d", n) != t {
			return 0, fmt.Errorf("%q: use +N for N days ahead", s)
		}
		if d := today.AddDays(n); d.InRange() {
			return d, nil
		}
		return 0, fmt.Errorf("%q: that is after 9999", s)
	}
	if len(t) >= 3 {
		if wd, ok := weekdays[t[:3]]; ok && strings.HasPrefix(strings.ToLower(time.Weekday(wd).String()), t) {
			return today.Next(wd), nil
		}
	}
	d, err := ParseDate(t)
	if err != nil {
		return 0, fmt.Errorf("%q: use 2026-12-01, +3, mon…sun, today or tomorrow", s)
	}
	return d, nil
}
