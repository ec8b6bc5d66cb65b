package domain

import (
	"fmt"
	"strings"
	"testing"
)

func TestRoundLate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{{"0", 0}, {"0.5", 1}, {"2.49", 2}, {"2.5", 3}, {"3.5", 4}, {"7.0001", 7}} {
		if got := RoundLate(d(c.in)); got != c.want {
			t.Errorf("RoundLate(%s) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestWeekOf(t *testing.T) {
	// 2026-11-30 is a Monday; 12-06 the Sunday of its week; 12-07 the next Monday.
	for in, want := range map[string]string{"2026-11-30": "2026-11-30", "2026-12-02": "2026-11-30", "2026-12-06": "2026-11-30", "2026-12-07": "2026-12-07"} {
		if got := WeekOf(MustDate(in)).String(); got != want {
			t.Errorf("WeekOf(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestForecastOf(t *testing.T) {
	// As of Wed 2026-12-02; weeks start Mon 11-30.
	// S1 900 due 10-31 paid on the day (0 late); O1 500 due 11-25 open, 7 days
	// late: L = (900×0 + 500×7) / (900 + 500) = 3500 / 1400 = 2.5 → 3 days.
	// O3 400 due 12-10 disputed; O2 800 due 12-20; O4 2000 due 2027-03-31
	// (neither due yet, so outside L).
	// Ledger order: 0 S1, 1 O1, 2 O3, 3 O2, 4 O4.
	f := file([]Invoice{
		inv("O2", "2026-11-20", "2026-12-20", "800"), inv("S1", "2026-10-01", "2026-10-31", "900"),
		inv("O4", "2026-12-01", "2027-03-31", "2000"), inv("O1", "2026-10-26", "2026-11-25", "500"),
		inv("O3", "2026-11-10", "2026-12-10", "400"),
	}, []Payment{pay("P1", "2026-10-31", "900", "S1")}, nil)
	f.Invoices[4].Disputed = true
	// Promises 0: 300 due 12-04; 1: 100 due 11-30, still open in its grace
	// (deadline 12-03). Due-on order: 1 then 0. They cover O1 (O3 is
	// disputed): 100 + 300, and O1's last 500 − 400 = 100 goes on terms.
	f.Promises = []Promise{promise("2026-12-01", "2026-12-04", "300"), promise("2026-11-27", "2026-11-30", "100")}
	fc := ForecastOf(mustFacts(t, f), MustDate("2026-12-02"), 13, 3)
	if fc.Late != 3 || fc.Start != MustDate("2026-11-30") {
		t.Fatalf("L %d start %s, want 3 and 2026-11-30", fc.Late, fc.Start)
	}
	var got []string
	for _, p := range fc.Parts {
		got = append(got, fmt.Sprintf("%d %s %s→%s p%d row %d", p.Invoice, p.Amount, p.Basis, p.On, p.Promise, fc.Row(p)))
	}
	want := []string{
		// Promise 1 due 11-30, before D: expected on D, week 0.
		"1 100 2026-11-30→2026-12-02 p1 row 0",
		"1 300 2026-12-04→2026-12-04 p0 row 0",
		// O1's rest on 11-25 + 3 = 11-28, before D: D.
		"1 100 2026-11-28→2026-12-02 p-1 row 0",
		// Disputed: the disputed row (13 + 1 = 14), no date.
		"2 400 → p-1 row 14",
		// O2 on 12-20 + 3 = 12-23: (12-23 − 11-30) / 7 = 23 / 7 → week 3.
		"3 800 2026-12-23→2026-12-23 p-1 row 3",
		// O4 on 03-31 + 3 = 04-03: past the 13 weeks (11-30 + 91 = 03-01): later, row 13.
		"4 2000 2027-04-03→2027-04-03 p-1 row 13",
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("parts:\n%s\nwant\n%s", g, w)
	}
	// No settled or overdue invoice: L = 0.
	g := file([]Invoice{inv("N1", "2026-11-20", "2026-12-20", "800")}, nil, nil)
	if fc := ForecastOf(mustFacts(t, g), MustDate("2026-12-02"), 13, 3); fc.Late != 0 || fc.Parts[0].On != MustDate("2026-12-20") {
		t.Errorf("no history: L %d on %s, want 0 and 2026-12-20", fc.Late, fc.Parts[0].On)
	}
}

func TestLedgerAverageDaysLate(t *testing.T) {
	// The figures of TestAverageDaysLate from the ledger: (1000×10 + 3000×0 + 2000×10) / 6000 = 5.
	f := file([]Invoice{inv("I1", "2026-01-01", "2026-01-31", "1000"), inv("I2", "2026-01-29", "2026-02-28", "3000"), inv("I3", "2026-03-01", "2026-03-31", "2000")},
		[]Payment{pay("P1", "2026-02-10", "1000", "I1"), pay("P2", "2026-02-20", "3000", "I2")}, nil)
	l := &mustFacts(t, f).Ledger
	if got, ok := l.AverageDaysLate(l.Apply(MustDate("2026-04-10"), nil), MustDate("2026-01-01")); !ok || got.String() != "5" {
		t.Errorf("avg days late %s", got)
	}
	// From 02-15 only I2 (settled 02-20) and the open I3: (3000×0 + 2000×10) / 5000 = 4.
	if got, ok := l.AverageDaysLate(l.Apply(MustDate("2026-04-10"), nil), MustDate("2026-02-15")); !ok || got.String() != "4" {
		t.Errorf("avg days late from 02-15 %s", got)
	}
}
