package domain

import (
	"errors"
	"strings"
	"testing"
)

func TestPlanStatus(t *testing.T) {
	// The plan is agreed 2026-10-01; grace 3 days (the book's promise grace),
	// so an instalment due 10-20 is late when paid 10-21…10-23 and missed
	// from 10-24.
	four := []Instalment{{MustDate("2026-10-10"), d("100")}, {MustDate("2026-10-20"), d("100")},
		{MustDate("2026-10-30"), d("100")}, {MustDate("2026-11-30"), d("100")}}
	one := []Instalment{{MustDate("2026-10-10"), d("100")}}
	type want struct{ status, paid string }
	cases := []struct {
		name  string
		ins   []Instalment
		pays  []Payment
		cns   []CreditNote
		asOf  string
		grace int
		want  []want
	}{
		// 100 on 10-09 covers #1 before its date (kept); 100 on 10-22 covers #2,
		// due 10-20, within 10-20+3 = 10-23 (late); #3 due 10-30 is unpaid past
		// 10-30+3 = 11-02 as of 11-05 (missed); #4 due 11-30 is not due (pending).
		{"kept late missed pending", four,
			[]Payment{pay("P1", "2026-10-09", "100", ""), pay("P2", "2026-10-22", "100", "")}, nil, "2026-11-05", 3,
			[]want{{InstalmentKept, "100"}, {InstalmentLate, "100"}, {InstalmentMissed, "0"}, {InstalmentPending, "0"}}},
		// 200 on 10-10 pays #1 (100, on its date: kept) and #2 (the other 100,
		// ten days early: kept).
		{"one payment covers two", four,
			[]Payment{pay("P1", "2026-10-10", "200", "")}, nil, "2026-10-12", 3,
			[]want{{InstalmentKept, "100"}, {InstalmentKept, "100"}, {InstalmentPending, "0"}, {InstalmentPending, "0"}}},
		// 150 on 10-09: #1 takes 100 (kept), #2 the other 50 of its 100; as of
		// 10-23 (= 10-20+3) it is still within grace: pending, 50 paid.
		{"partial within grace", four,
			[]Payment{pay("P1", "2026-10-09", "150", "")}, nil, "2026-10-23", 3,
			[]want{{InstalmentKept, "100"}, {InstalmentPending, "50"}, {InstalmentPending, "0"}, {InstalmentPending, "0"}}},
		// The same as of 10-24: #2 is past 10-23 with 50 of 100 paid: missed.
		{"partial past grace", four,
			[]Payment{pay("P1", "2026-10-09", "150", "")}, nil, "2026-10-24", 3,
			[]want{{InstalmentKept, "100"}, {InstalmentMissed, "50"}, {InstalmentPending, "0"}, {InstalmentPending, "0"}}},
		// Due 10-10, grace 3: paid 10-13 (the last day of grace) is late.
		{"paid on the last day of grace", one, []Payment{pay("P1", "2026-10-13", "100", "")}, nil, "2026-10-20", 3,
			[]want{{InstalmentLate, "100"}}},
		// Paid 10-14, a day after grace: missed, though paid in full since.
		{"paid the day after grace", one, []Payment{pay("P1", "2026-10-14", "100", "")}, nil, "2026-10-20", 3,
			[]want{{InstalmentMissed, "100"}}},
		// Unpaid as of 10-13 (10-10+3): still pending; as of 10-14: missed.
		{"unpaid on the last day of grace", one, nil, nil, "2026-10-13", 3, []want{{InstalmentPending, "0"}}},
		{"unpaid the day after grace", one, nil, nil, "2026-10-14", 3, []want{{InstalmentMissed, "0"}}},
		// Grace 0: paid a day after the date is already missed.
		{"no grace", one, []Payment{pay("P1", "2026-10-11", "100", "")}, nil, "2026-10-20", 0,
			[]want{{InstalmentMissed, "100"}}},
		// A payment dated before the agreement (09-30) and a credit note do
		// not pay the plan; a payment dated after the as-of date does not exist.
		{"only payments from the plan's start to as-of", one,
			[]Payment{pay("P0", "2026-09-30", "100", ""), pay("P9", "2026-10-12", "100", "")},
			[]CreditNote{cn("C1", "2026-10-05", "100", "")}, "2026-10-11", 3,
			[]want{{InstalmentPending, "0"}}},
		// Instalments out of date order are paid in date order: 100 paid 10-09
		// goes to the one due 10-10 (listed second), not the one due 10-30.
		{"date order", []Instalment{{MustDate("2026-10-30"), d("100")}, {MustDate("2026-10-10"), d("100")}},
			[]Payment{pay("P1", "2026-10-09", "100", "")}, nil, "2026-10-15", 3,
			[]want{{InstalmentPending, "0"}, {InstalmentKept, "100"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			plan := PaymentPlan{Agreed: MustDate("2026-10-01"), Instalments: c.ins}
			f := file(nil, c.pays, c.cns)
			got := PlanStatus(plan, &mustFacts(t, f).Ledger, MustDate(c.asOf), c.grace)
			for i, w := range c.want {
				if got[i].Status != w.status || !got[i].Paid.Equal(d(w.paid)) {
					t.Errorf("instalment %d: %s paid %s, want %s paid %s", i+1, got[i].Status, got[i].Paid, w.status, w.paid)
				}
			}
		})
	}
}

func TestOpenPlan(t *testing.T) {
	// Plan 1 agreed 09-01, replaced (closed) 10-01 by plan 2; plan 3 agreed
	// 12-01 is still ahead as of 11-01.
	plans := []PaymentPlan{
		{ID: 1, Agreed: MustDate("2026-09-01"), Closed: MustDate("2026-10-01")},
		{ID: 2, Agreed: MustDate("2026-10-01")},
		{ID: 3, Agreed: MustDate("2026-12-01")},
	}
	for _, c := range []struct {
		asOf string
		want uint64
	}{{"2026-08-31", 0}, {"2026-09-30", 1}, {"2026-10-01", 2}, {"2026-11-01", 2}, {"2026-12-01", 3}} {
		got := OpenPlan(plans, MustDate(c.asOf))
		if (got == nil && c.want != 0) || (got != nil && got.ID != c.want) {
			t.Errorf("as of %s: %v, want plan %d", c.asOf, got, c.want)
		}
	}
	// A closed plan with no successor leaves no open plan.
	if got := OpenPlan(plans[:1], MustDate("2026-10-05")); got != nil {
		t.Errorf("closed only: %v", got)
	}
}

func TestSplitPlan(t *testing.T) {
	cases := []struct {
		total    string
		count    int
		interval string
		first    string
		cur      Currency
		amounts  []string
		dates    []string
	}{
		// 1,000,000.00 ÷ 3 = 333,333.33 r 0.01: 333,333.33 × 2 + 333,333.34.
		{"1000000.00", 3, "monthly", "2026-12-05", "NGN", []string{"333333.33", "333333.33", "333333.34"},
			[]string{"2026-12-05", "2027-01-05", "2027-02-05"}},
		// XOF has no minor unit: 1000 ÷ 3 = 333 r 1: 333, 333, 334.
		{"1000", 3, "weekly", "2026-12-01", "XOF", []string{"333", "333", "334"}, []string{"2026-12-01", "2026-12-08", "2026-12-15"}},
		// 100.00 ÷ 4 = 25 exactly; fortnightly: +14 days.
		{"100.00", 4, "fortnightly", "2026-12-01", "USD", []string{"25", "25", "25", "25"},
			[]string{"2026-12-01", "2026-12-15", "2026-12-29", "2027-01-12"}},
		// Monthly from 31 Jan clamps to 28 Feb, then 31 Mar.
		{"0.05", 2, "monthly", "2027-01-31", "NGN", []string{"0.02", "0.03"}, []string{"2027-01-31", "2027-02-28"}},
	}
	for _, c := range cases {
		got, err := SplitPlan(d(c.total), c.count, c.interval, MustDate(c.first), c.cur)
		if err != nil {
			t.Fatalf("%s in %d: %v", c.total, c.count, err)
		}
		sum := d("0")
		for i := range got {
			sum = sum.Add(got[i].Amount)
			if !got[i].Amount.Equal(d(c.amounts[i])) || got[i].Due != MustDate(c.dates[i]) {
				t.Errorf("%s in %d #%d: %s@%s, want %s@%s", c.total, c.count, i+1, got[i].Amount, got[i].Due, c.amounts[i], c.dates[i])
			}
		}
		if !sum.Equal(d(c.total)) {
			t.Errorf("%s in %d adds up to %s", c.total, c.count, sum)
		}
	}
	// 0.02 in 3 has no positive minor-unit share.
	if _, err := SplitPlan(d("0.02"), 3, "weekly", MustDate("2026-12-01"), "NGN"); err == nil {
		t.Error("0.02 in 3 split")
	}
}

func TestNewPlan(t *testing.T) {
	today := MustDate("2026-12-01")
	in := func(amount, due string) Instalment { return Instalment{MustDate(due), d(amount)} }
	plan := func(ins ...Instalment) PaymentPlan { return PaymentPlan{Account: "A", Agreed: today, Instalments: ins} }
	cases := []struct {
		name    string
		p       PaymentPlan
		out     string
		confirm bool
		want    string // "" accepted; else a part of the error
	}{
		{"fine", plan(in("100", "2026-12-01"), in("100", "2026-12-08")), "300", false, ""},
		{"none", plan(), "300", false, "at least one instalment"},
		{"before today", plan(in("100", "2026-11-30")), "300", false, "instalment 1 (100@2026-11-30): the date is before today"},
		{"not rising", plan(in("100", "2026-12-08"), in("100", "2026-12-08")), "300", false, "instalment 2 (100@2026-12-08): the date must come after instalment 1's"},
		{"zero", plan(in("0", "2026-12-08")), "300", false, "instalment 1 (0@2026-12-08): the amount must be more than zero"},
		{"places", plan(in("10.005", "2026-12-08")), "300", false, "instalment 1 (10.005@2026-12-08): NGN allows 2 decimal places"},
		// 100 + 250 = 350 > 300 outstanding: unlikely, saved when confirmed.
		{"above outstanding", plan(in("100", "2026-12-08"), in("250", "2026-12-15")), "300", false, "more than the account's outstanding"},
		{"above outstanding, confirmed", plan(in("100", "2026-12-08"), in("250", "2026-12-15")), "300", true, ""},
	}
	for _, c := range cases {
		err := NewPlan(c.p, "NGN", today, d(c.out), c.confirm)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	var u Unlikely
	if err := NewPlan(plan(in("400", "2026-12-08")), "NGN", today, d("300"), false); !errors.As(err, &u) {
		t.Errorf("above outstanding is %T, want Unlikely", err)
	}
}
