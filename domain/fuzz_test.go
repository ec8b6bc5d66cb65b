package domain

import (
	"testing"
)

// FuzzParseAmount: never panics; whatever it accepts round-trips through the
// currency's fixed form without losing value.
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"1500", "1500.50", "-3.2", "0.001", "1e3", "1,500", "1,500,000.50", "1,50", "1.500,00", "", ".", "+7", "99999999999999999999.99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range []Currency{"NGN", "XOF", "KWD", ""} {
			d, err := ParseAmount(s, c)
			if err != nil {
				continue
			}
			if c != "" && !d.Equal(d.Round(c.Places())) {
				t.Fatalf("%q in %s accepted with more places: %s", s, c, d)
			}
			back, err := ParseAmount(d.String(), c)
			if err != nil || !back.Equal(d) {
				t.Fatalf("%q → %s does not round-trip: %v", s, d, err)
			}
		}
	})
}

// FuzzParseDate: never panics; accepted dates print back to themselves.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-22", "2024-02-29", "2023-02-29", "0001-01-01", "9999-12-31", "+3", "fri", "tomorrow", "1/2/2006"} {
		f.Add(s)
	}
	today := MustDate("2026-11-22")
	f.Fuzz(func(t *testing.T, s string) {
		if d, err := ParseDate(s); err == nil {
			if back, err := ParseDate(d.String()); err != nil || back != d {
				t.Fatalf("%q → %s does not round-trip", s, d)
			}
		}
		if d, err := ParseRelative(s, today); err == nil && d.IsZero() {
			t.Fatalf("%q gave the zero date", s)
		}
		ParseDateLayout(s, "1/2/2006")
	})
}
