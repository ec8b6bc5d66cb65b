package domain

import (
	"strings"
	"testing"
	"time"
)

func TestDateArithmetic(t *testing.T) {
	if got := MustDate("2024-02-28").AddDays(1).String(); got != "2024-02-29" {
		t.Errorf("leap day: %s", got)
	}
	if got := MustDate("2026-03-01").DaysSince(MustDate("2026-02-01")); got != 28 {
		t.Errorf("days in Feb 2026: %d", got)
	}
	if got := MustDate("2026-03-31").AddMonths(-1).String(); got != "2026-02-28" {
		t.Errorf("31 Mar − 1 month: %s", got)
	}
	if got := MustDate("2024-01-31").AddMonths(1).String(); got != "2024-02-29" {
		t.Errorf("31 Jan 2024 + 1 month: %s", got)
	}
	if got := MustDate("2026-01-15").AddMonths(-13).String(); got != "2024-12-15" {
		t.Errorf("−13 months: %s", got)
	}
	if MustDate("2026-11-22").Weekday() != time.Sunday {
		t.Error("2026-11-22 is a Sunday")
	}
	// Friday 2026-11-20 + 1 working day = Monday 11-23.
	if got := MustDate("2026-11-20").AddWorkdays(1).String(); got != "2026-11-23" {
		t.Errorf("workday: %s", got)
	}
	if got := MustDate("2026-11-22").QuarterEnd().String(); got != "2026-12-31" {
		t.Errorf("quarter end %s", got)
	}
	if got := MustDate("2026-11-22").QuarterStart().String(); got != "2026-10-01" {
		t.Errorf("quarter start %s", got)
	}
	var zero Date
	if !zero.IsZero() || zero.String() != "" {
		t.Error("zero date")
	}
	if got, err := ParseDateLayout("2/29/2024", "1/2/2006"); err != nil || got.String() != "2024-02-29" {
		t.Errorf("layout: %v %v", got, err)
	}
	if _, err := ParseDate("2026-02-30"); err == nil {
		t.Error("30 Feb accepted")
	}
}

func TestParseRelative(t *testing.T) {
	today := MustDate("2026-11-22") // a Sunday
	cases := map[string]string{
		"today": "2026-11-22", "tomorrow": "2026-11-23", "+3": "2026-11-25", "+0": "2026-11-22",
		"fri": "2026-11-27", "friday": "2026-11-27", "sun": "2026-11-29", "mon": "2026-11-23",
		"2026-12-01": "2026-12-01", " TOMORROW ": "2026-11-23",
	}
	for in, want := range cases {
		got, err := ParseRelative(in, today)
		if err != nil || got.String() != want {
			t.Errorf("%q → %s %v, want %s", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "+x", "+-1", "frx", "2026-13-01", "next week"} {
		if _, err := ParseRelative(bad, today); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestDateErrorsSpeakPeoplesForms: a bad date names the form as people
// write it, never a Go layout.
func TestDateErrorsSpeakPeoplesForms(t *testing.T) {
	for layout, want := range map[string]string{"2006-01-02": "YYYY-MM-DD", "1/2/2006": "M/D/YYYY", "02.01.06": "DD.MM.YY", "2 Jan 2006": "D Mon YYYY"} {
		_, err := ParseDateLayout("31/31/31", layout)
		if err == nil || !strings.Contains(err.Error(), "in the form "+want) || strings.Contains(err.Error(), "2006") {
			t.Errorf("layout %s: %v; want the form %s", layout, err, want)
		}
	}
}
