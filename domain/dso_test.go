package domain

import (
	"testing"
)

func TestDSO(t *testing.T) {
	// Period 90 days ending 2026-06-30 → 2026-04-02 … 2026-06-30.
	asOf := MustDate("2026-06-30")
	invs := []Invoice{
		inv("OLD", "2026-04-01", "2026-05-01", "1000"), // one day before the period: not a sale in it
		inv("IN1", "2026-04-02", "2026-05-02", "3000"), // first day of the period
		inv("IN2", "2026-06-30", "2026-07-30", "6000"), // last day, not yet due
	}
	// P1 3000 pays OLD (1000) then 2000 of IN1: AR = 1000 (IN1, 59 days late) + 6000 (current) = 7000.
	f := file(invs, []Payment{pay("P1", "2026-05-10", "3000", "")}, nil)
	set := DefaultSettings() // edges 30/60/90/120, period 90
	s := Summarize(mustFacts(t, f), asOf, set)
	got := s.DSO()
	// sales = 3000 + 6000 = 9000; DSO = 7000 / 9000 × 90 = 70.0
	// best = 6000 / 9000 × 90 = 60.0; ADD = 10.0
	if !got.Valid || got.Sales.String() != "9000" {
		t.Fatalf("sales %s valid %v", got.Sales, got.Valid)
	}
	if RoundDays(got.Days).String() != "70" || RoundDays(got.Best).String() != "60" || RoundDays(got.ADD).String() != "10" {
		t.Fatalf("dso %s best %s add %s", got.Days, got.Best, got.ADD)
	}
}

func TestDSORoundingAndNoSales(t *testing.T) {
	// AR 100, sales 300, P 90 → 30.0; AR 1, sales 3, P 1 → 0.333… → 0.3;
	// 0.25 → 0.3 (half away from zero); −0.25 → −0.3.
	if got := RoundDays(NewDSO(d("100"), d("0"), d("300"), 90).Days); got.StringFixed(1) != "30.0" {
		t.Errorf("got %s", got)
	}
	if got := RoundDays(d("0.25")).StringFixed(1); got != "0.3" {
		t.Errorf("0.25 → %s", got)
	}
	if got := RoundDays(d("-0.25")).StringFixed(1); got != "-0.3" {
		t.Errorf("-0.25 → %s", got)
	}
	if NewDSO(d("100"), d("0"), d("0"), 90).Valid {
		t.Error("no sales must give no DSO")
	}
	// ADD from unrounded figures: DSO 10/3×… e.g. AR 10, current 5, sales 3, P 1:
	// DSO 3.333…, best 1.666…, ADD 1.666… → 1.7 (rounding each first would give 3.3 − 1.7 = 1.6).
	x := NewDSO(d("10"), d("5"), d("3"), 1)
	if RoundDays(x.ADD).StringFixed(1) != "1.7" {
		t.Errorf("ADD %s", x.ADD)
	}
}

func TestCountbackDSO(t *testing.T) {
	// As of 2026-06-30: June (05-31, 06-30] has 30 days, May (04-30, 05-31] 31 days.
	// Sales June 4000, May 3100. AR 5550 covers June (30 days, 1550 left),
	// then 1550/3100 of May = 15.5 days → 45.5.
	invs := []Invoice{inv("J", "2026-06-10", "2026-07-10", "4000"), inv("M", "2026-05-10", "2026-06-09", "3100")}
	got := CountbackDSO(d("5550"), &mustFacts(t, file(invs, nil, nil)).Ledger, MustDate("2026-06-30"), 24)
	if got.StringFixed(1) != "45.5" {
		t.Fatalf("countback %s, want 45.5", got)
	}
}

func TestCEI(t *testing.T) {
	// opening 1000 + sales 500 − closing 600 = 900 collected;
	// 1000 + 500 − closing current 300 = 1200 collectable; 900/1200 = 75 %.
	got, ok := CEI(d("1000"), d("500"), d("600"), d("300"))
	if !ok || got.String() != "75" {
		t.Fatalf("CEI %s", got)
	}
	if _, ok := CEI(d("0"), d("0"), d("0"), d("0")); ok {
		t.Fatal("zero denominator must not give a CEI")
	}
}
