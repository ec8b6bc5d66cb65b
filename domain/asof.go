package domain

import (
	"fmt"
	"strings"
)

// ParseAsOf reads a business date as the command line takes it (--as-of,
// $ACCTDESK_AS_OF): every form a form's date field takes (ParseRelative:
// YYYY-MM-DD, +3, mon…sun for the next such day, today, tomorrow), and
// also yesterday and -N for N days back, since an as-of date is as often
// in the past. A date it cannot read is explained in YYYY-MM-DD terms,
// never in a Go layout.
func ParseAsOf(s string, today Date) (Date, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	switch {
	case t == "yesterday":
		return today - 1, nil
	case strings.HasPrefix(t, "-"):
		var n int
		if _, err := fmt.Sscanf(t, "-%d", &n); err != nil || n < 0 || n > 36500 || fmt.Sprintf("-%d", n) != t {
			return 0, fmt.Errorf("%q: use -N for N days back", s)
		}
		if d := today.AddDays(-n); d.InRange() {
			return d, nil
		}
		return 0, fmt.Errorf("%q: that is before 1900", s)
	case t == "":
		return 0, fmt.Errorf("the date is empty: use YYYY-MM-DD (e.g. %s), today, yesterday, +3, -3 or mon…sun", today)
	}
	if d, err := ParseDate(t); err == nil {
		return d, nil
	} else if isoShaped(t) && strings.Contains(err.Error(), "outside") {
		return 0, fmt.Errorf("%q is outside 1900–9999", s)
	}
	if d, err := ParseRelative(t, today); err == nil {
		return d, nil
	}
	return 0, fmt.Errorf("%q is not a date: use YYYY-MM-DD (e.g. %s), today, yesterday, tomorrow, +3, -3 or mon…sun", s, today)
}

// isoShaped reports whether s looks like YYYY-MM-DD, whatever the digits.
func isoShaped(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range s {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}
