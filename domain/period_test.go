package domain

import "testing"

func TestParsePeriod(t *testing.T) {
	asOf := MustDate("2026-11-22")
	for _, c := range []struct{ in, name, from, to string }{
		{"", "12m", "2025-11-23", "2026-11-22"}, // 2026-11-22 − 364 days: 365 days in all
		{"12m", "12m", "2025-11-23", "2026-11-22"},
		{"2026-11", "2026-11", "2026-11-01", "2026-11-30"},
		{"2024-02", "2024-02", "2024-02-01", "2024-02-29"}, // a leap February
		{"2026-q3", "2026-Q3", "2026-07-01", "2026-09-30"},
		{"2026-Q4", "2026-Q4", "2026-10-01", "2026-12-31"},
		{"2026", "2026", "2026-01-01", "2026-12-31"},
	} {
		p, err := ParsePeriod(c.in, asOf)
		if err != nil {
			t.Fatalf("%q: %v", c.in, err)
		}
		if p.Name != c.name || p.From != MustDate(c.from) || p.To != MustDate(c.to) {
			t.Errorf("%q: %s %s…%s, want %s %s…%s", c.in, p.Name, p.From, p.To, c.name, c.from, c.to)
		}
	}
	for _, bad := range []string{"2026-13", "2026-Q5", "26", "last year", "2026-00", "1899"} {
		if _, err := ParsePeriod(bad, asOf); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if QuarterName(MustDate("2026-11-22")) != "2026-Q4" || MonthName(MustDate("2026-01-05")) != "2026-01" {
		t.Error("period names")
	}
}

func TestNumbersPack(t *testing.T) {
	n := NumbersOf([]string{"INV-1", "", "INV-22", "Ω-3"})
	if n.Len() != 4 || n.At(0) != "INV-1" || n.At(1) != "" || n.At(2) != "INV-22" || n.At(3) != "Ω-3" {
		t.Fatalf("%+v", n)
	}
	if m := NumbersOf(nil); m.Len() != 0 {
		t.Fatal("empty")
	}
}
