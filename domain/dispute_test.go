package domain

import "testing"

func TestAverageDisputeDays(t *testing.T) {
	asOf := MustDate("2026-11-30")
	res := func(open, resolved string) Dispute {
		return Dispute{Status: DisputeResolved, OpenedOn: MustDate(open), ResolvedOn: MustDate(resolved)}
	}
	for _, tc := range []struct {
		name string
		ds   []Dispute
		want string
		n    int
	}{
		{"none", nil, "", 0},
		{"open ones do not count", []Dispute{{Status: DisputeOpen, OpenedOn: MustDate("2026-10-01")}}, "", 0},
		// 2026-11-01 − 2026-10-22 = 10 days; 2026-11-20 − 2026-11-15 = 5 days; (10 + 5) / 2 = 7.5
		{"mean of two", []Dispute{res("2026-10-22", "2026-11-01"), res("2026-11-15", "2026-11-20")}, "7.5", 2},
		// the window is 2025-12-01 … 2026-11-30 (365 days ending D): resolved on
		// 2025-12-01 counts (30 days: 2025-11-01 → 2025-12-01), on 2025-11-30 not;
		// resolved after D does not exist yet. (30 + 1 + 1) / 3 = 10.666… → 10.7
		{"window edges", []Dispute{res("2025-11-01", "2025-12-01"), res("2025-10-01", "2025-11-30"),
			res("2026-11-29", "2026-11-30"), res("2026-11-30", "2026-12-01"), res("2026-01-01", "2026-01-02")}, "10.7", 3},
		// (0 + 1) / 2 = 0.5
		{"same-day resolution", []Dispute{res("2026-11-30", "2026-11-30"), res("2026-11-29", "2026-11-30")}, "0.5", 2},
	} {
		got, n, ok := AverageDisputeDays(tc.ds, asOf)
		if ok != (tc.n > 0) || n != tc.n || (ok && got.String() != tc.want) {
			t.Errorf("%s: AverageDisputeDays = %s, %d, %v; want %s over %d", tc.name, got, n, ok, tc.want, tc.n)
		}
	}
	// (1 + 2) / 2 = 1.5, then with a third of 1 day: (1 + 2 + 1) / 3 = 1.333… → 1.3
	ds := []Dispute{res("2026-11-01", "2026-11-02"), res("2026-11-01", "2026-11-03")}
	if got, _, _ := AverageDisputeDays(ds, asOf); got.String() != "1.5" {
		t.Errorf("(1+2)/2 = %s; want 1.5", got)
	}
	ds = append(ds, res("2026-11-05", "2026-11-06"))
	if got, _, _ := AverageDisputeDays(ds, asOf); got.String() != "1.3" {
		t.Errorf("(1+2+1)/3 = %s; want 1.3", got)
	}
}

func TestDisputeValidate(t *testing.T) {
	good := Dispute{Account: "ACME", Invoice: "INV-1", Seq: 1, Reason: "price", Owner: "ada", OpenedOn: MustDate("2026-11-01"), Status: DisputeOpen}
	if err := good.Validate(); err != nil {
		t.Fatalf("good: %v", err)
	}
	for name, change := range map[string]func(*Dispute){
		"no reason":            func(d *Dispute) { d.Reason = " " },
		"no owner":             func(d *Dispute) { d.Owner = "" },
		"seq 0":                func(d *Dispute) { d.Seq = 0 },
		"open with resolution": func(d *Dispute) { d.Resolution = "x" },
		"resolved, no date":    func(d *Dispute) { d.Status, d.Resolution = DisputeResolved, "ok" },
		"resolved before":      func(d *Dispute) { d.Status, d.Resolution, d.ResolvedOn = DisputeResolved, "ok", MustDate("2026-10-31") },
		"resolved, no text":    func(d *Dispute) { d.Status, d.ResolvedOn = DisputeResolved, MustDate("2026-11-02") },
		"unknown status":       func(d *Dispute) { d.Status = "closed" },
	} {
		d := good
		change(&d)
		if d.Validate() == nil {
			t.Errorf("%s: valid", name)
		}
	}
}
