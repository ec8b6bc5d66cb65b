package domain

import (
	"strings"
	"testing"
)

func TestPromiseStatus(t *testing.T) {
	// Given 11-20, due 11-27, grace 3 → deadline 11-30.
	p := Promise{Account: "A", Amount: d("1500"), GivenOn: MustDate("2026-11-20"), DueOn: MustDate("2026-11-27")}
	cases := []struct {
		name string
		pays []Payment
		asOf string
		want string
		paid string
	}{
		{"nothing yet, before deadline", nil, "2026-11-25", PromiseOpen, "0"},
		{"nothing, last grace day", nil, "2026-11-30", PromiseOpen, "0"},
		{"nothing, day after deadline", nil, "2026-12-01", PromiseBroken, "0"},
		{"covered early is kept at once", []Payment{pay("P", "2026-11-22", "1500", "")}, "2026-11-23", PromiseKept, "1500"},
		{"covered in grace", []Payment{pay("P", "2026-11-30", "2000", "")}, "2026-12-10", PromiseKept, "2000"},
		{"paid after the deadline does not count", []Payment{pay("P", "2026-12-01", "1500", "")}, "2026-12-10", PromiseBroken, "0"},
		{"paid before given-on does not count", []Payment{pay("P", "2026-11-19", "1500", "")}, "2026-12-10", PromiseBroken, "0"},
		// 1000 of 1500 in time → partly kept after the deadline, open before it.
		{"partly kept", []Payment{pay("P", "2026-11-26", "1000", "")}, "2026-12-01", PromisePartlyKept, "1000"},
		{"partly paid still open", []Payment{pay("P", "2026-11-26", "1000", "")}, "2026-11-29", PromiseOpen, "1000"},
		// Two payments 700 + 800 = 1500 → kept.
		{"two payments add up", []Payment{pay("P1", "2026-11-21", "700", ""), pay("P2", "2026-11-29", "800", "")}, "2026-12-05", PromiseKept, "1500"},
		// As of 11-24 the 11-29 payment does not exist yet.
		{"future payment ignored", []Payment{pay("P1", "2026-11-29", "1500", "")}, "2026-11-24", PromiseOpen, "0"},
	}
	for _, c := range cases {
		st := PromiseStatus(p, &mustFacts(t, file(nil, c.pays, nil)).Ledger, MustDate(c.asOf), 3)
		if st.Status != c.want || st.Paid.String() != c.paid {
			t.Errorf("%s: %s paid %s, want %s paid %s", c.name, st.Status, st.Paid, c.want, c.paid)
		}
	}
}

func TestUtilisation(t *testing.T) {
	a := Account{CreditLimit: d("1000"), Overdraft: Overdraft{Amount: d("250"), Expires: MustDate("2026-11-30")}}
	// Overdraft in force: 1000 / (1000 + 250) = 80 %.
	if u, ok := Utilisation(a, d("1000"), MustDate("2026-11-30")); !ok || u.String() != "80" {
		t.Errorf("util %s", u)
	}
	// Expired the day after: 1000 / 1000 = 100 %.
	if u, _ := Utilisation(a, d("1000"), MustDate("2026-12-01")); u.String() != "100" {
		t.Errorf("util %s", u)
	}
	if _, ok := Utilisation(Account{}, d("1000"), MustDate("2026-12-01")); ok {
		t.Error("no limit, no utilisation")
	}
}

func TestAverageDaysLate(t *testing.T) {
	// I1 1000 due 01-31 settled 02-10 (10 late); I2 3000 due 02-28 settled 02-20 (early → 0);
	// I3 2000 due 03-31 open as of 04-10 (10 late).
	// (1000×10 + 3000×0 + 2000×10) / 6000 = 5.
	f := file([]Invoice{inv("I1", "2026-01-01", "2026-01-31", "1000"), inv("I2", "2026-01-29", "2026-02-28", "3000"), inv("I3", "2026-03-01", "2026-03-31", "2000")},
		[]Payment{pay("P1", "2026-02-10", "1000", "I1"), pay("P2", "2026-02-20", "3000", "I2")}, nil)
	got, ok := AverageDaysLate(mustPosition(t, f, MustDate("2026-04-10")), MustDate("2026-01-01"))
	if !ok || got.String() != "5" {
		t.Fatalf("avg days late %s", got)
	}
}

func TestPromiseRecap(t *testing.T) {
	// Open: I1 1000 (oldest due), I2 500. A promise of 1200 covers I1 whole and 200 of I2.
	f := file([]Invoice{inv("I2", "2026-10-01", "2026-10-31", "500"), inv("I1", "2026-09-01", "2026-10-01", "1000")}, nil, nil)
	f.Account.Name = "Acme Ltd"
	p := Promise{Amount: d("1200"), DueOn: MustDate("2026-11-27"), Contact: "Ngozi Eze"}
	got, err := PromiseRecap(f, p, "ada", MustDate("2026-11-22"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Dear Ngozi Eze", "Acme Ltd will pay ₦1,200.00 by Friday 27 November 2026",
		"I1 of 1 Sep 2026, due 1 Oct 2026: ₦1,000.00\n", "I2 of 1 Oct 2026, due 31 Oct 2026: ₦200.00 (part of ₦500.00)", "ada"} {
		if !strings.Contains(got, want) {
			t.Errorf("recap lacks %q:\n%s", want, got)
		}
	}
}

func TestUtilisationAbove(t *testing.T) {
	// Limit 1000. I1 900 on 10-01 (90 %), I2 200 on 10-10 (110 %), P1 300 on 10-20 (80 %),
	// I3 400 on 11-01 (120 %). As of 11-05 the breach (> 100 %) runs since 11-01; the
	// warning (≥ 80 %) since 10-01, unbroken.
	f := file([]Invoice{inv("I1", "2026-10-01", "2026-10-31", "900"), inv("I2", "2026-10-10", "2026-11-09", "200"),
		inv("I3", "2026-11-01", "2026-12-01", "400")}, []Payment{pay("P1", "2026-10-20", "300", "")}, nil)
	f.Account.CreditLimit = d("1000")
	x := mustFacts(t, f)
	asOf := MustDate("2026-11-05")
	if got := x.UtilisationAbove(asOf, 100, false, 365); got != MustDate("2026-11-01") {
		t.Errorf("breach since %s, want 2026-11-01", got)
	}
	if got := x.UtilisationAbove(asOf, 80, true, 365); got != MustDate("2026-10-01") {
		t.Errorf("warning since %s, want 2026-10-01", got)
	}
	// As of 10-25 (80 %, not over 100 %): no breach.
	if got := x.UtilisationAbove(MustDate("2026-10-25"), 100, false, 365); got != 0 {
		t.Errorf("breach as of 10-25: %s", got)
	}
	// Bounded look-back: with 20 days the run is cut at 10-16.
	if got := x.UtilisationAbove(asOf, 80, true, 20); got != MustDate("2026-10-16") {
		t.Errorf("bounded: %s", got)
	}
	// Net AR as of 10-20 = 900 + 200 − 300 = 800.
	if got := x.Ledger.NetAR(MustDate("2026-10-20")); got.String() != "800" {
		t.Errorf("net %s", got)
	}
}

func TestUtilisationAboveWithOverdraft(t *testing.T) {
	// Limit 1000 + overdraft 250 until 11-03. AR 1100 since 10-01: 88 % while
	// the overdraft stands, 110 % from 11-04, the day after it expires.
	// Exactly at the threshold: 1000 of 1250 is 80 %, a warning (≥), not over 80 (>).
	f := file([]Invoice{inv("I1", "2026-10-01", "2026-10-31", "1100")}, nil, nil)
	f.Account.CreditLimit = d("1000")
	f.Account.Overdraft = Overdraft{Amount: d("250"), Expires: MustDate("2026-11-03")}
	x := mustFacts(t, f)
	if got := x.UtilisationAbove(MustDate("2026-11-10"), 100, false, 365); got != MustDate("2026-11-04") {
		t.Errorf("breach since %s, want 2026-11-04", got)
	}
	if got := x.UtilisationAbove(MustDate("2026-11-02"), 100, false, 365); got != 0 {
		t.Errorf("breach while the overdraft stands: %s", got)
	}
	g := file([]Invoice{inv("I1", "2026-10-01", "2026-10-31", "1000")}, nil, nil)
	g.Account.CreditLimit = d("1000")
	g.Account.Overdraft = f.Account.Overdraft
	y := mustFacts(t, g)
	if got := y.UtilisationAbove(MustDate("2026-11-02"), 80, true, 365); got != MustDate("2026-10-01") {
		t.Errorf("warning at exactly 80 %%: %s", got)
	}
	if got := y.UtilisationAbove(MustDate("2026-11-02"), 80, false, 365); got != 0 {
		t.Errorf("over 80 %% at exactly 80 %%: %s", got)
	}
}
