package domain

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

func TestStandingOf(t *testing.T) {
	// I1 1000 due 01-31, I2 500 due 03-03, I3 200 due 04-30.
	// P1 700 names I2: pays it whole (500), 200 goes balance-forward to I1 (1000 → 800).
	// C1 100 on 04-10, balance-forward: I1 800 → 700.
	// Horizon = latest of 01-01, 02-01, 03-31, 03-01, 04-10 = 04-10.
	f := file(
		[]Invoice{inv("I1", "2026-01-01", "2026-01-31", "1000"), inv("I2", "2026-02-01", "2026-03-03", "500"), inv("I3", "2026-03-31", "2026-04-30", "200")},
		[]Payment{pay("P1", "2026-03-01", "700", "I2")},
		[]CreditNote{cn("C1", "2026-04-10", "100", "")},
	)
	s := StandingOf(f.Invoices, f.Payments, f.Credits)
	if s.Horizon != MustDate("2026-04-10") {
		t.Errorf("horizon %s", s.Horizon)
	}
	got := fmt.Sprint(s.Open)
	want := fmt.Sprint([]OpenItem{
		{"I1", MustDate("2026-01-01"), MustDate("2026-01-31"), d("1000"), d("700")},
		{"I3", MustDate("2026-03-31"), MustDate("2026-04-30"), d("200"), d("200")},
	})
	if got != want {
		t.Errorf("open\n got %s\nwant %s", got, want)
	}
	if !s.Unapplied.IsZero() {
		t.Errorf("unapplied %s", s.Unapplied)
	}
	// Sales: one entry per issue date, all three within 400 days of 04-10.
	if len(s.Sales) != 3 || s.Sales[0].On != MustDate("2026-01-01") || !s.Sales[2].Amount.Equal(d("200")) {
		t.Errorf("sales %v", s.Sales)
	}
	// As of 05-15 (≥ horizon): I1 104 days past due (120+ edge: 91–120), I3 15 days.
	p := s.PositionAt(MustDate("2026-05-15"), "A", "NGN")
	if len(p.Items) != 2 || p.Items[0].DaysPastDue != 104 || p.Items[1].DaysPastDue != 15 || !p.Total.Equal(d("900")) {
		t.Errorf("position %+v", p)
	}
	// Sales in the 90 days ending 05-15 (02-15 … 05-15): I3 200 only.
	if got := s.SalesIn(MustDate("2026-02-15"), MustDate("2026-05-15")); !got.Equal(d("200")) {
		t.Errorf("sales in period %s", got)
	}
	if !s.Covers(MustDate("2026-04-10"), 90) || s.Covers(MustDate("2026-04-09"), 90) || s.Covers(MustDate("2026-05-01"), SalesWindow+1) {
		t.Error("Covers")
	}
}

func TestStandingOfOverpaidAndEmpty(t *testing.T) {
	// 300 paid, 100 invoiced on the same day: 200 unapplied, nothing open.
	s := StandingOf([]Invoice{inv("I1", "2026-01-01", "2026-01-31", "100")}, []Payment{pay("P1", "2026-01-01", "300", "")}, nil)
	if len(s.Open) != 0 || !s.Unapplied.Equal(d("200")) || s.Horizon != MustDate("2026-01-01") {
		t.Errorf("%+v", s)
	}
	e := StandingOf(nil, nil, nil)
	if !e.Horizon.IsZero() || len(e.Open) != 0 || !e.Unapplied.IsZero() || !e.Covers(MustDate("2020-01-01"), 90) {
		t.Errorf("empty %+v", e)
	}
	// Sales older than the window are dropped: 500 days before the horizon.
	s = StandingOf([]Invoice{inv("I1", "2024-08-19", "2024-09-18", "100"), inv("I2", "2026-01-01", "2026-01-31", "50")}, nil, nil)
	if len(s.Sales) != 1 || s.Sales[0].On != MustDate("2026-01-01") {
		t.Errorf("window: %v", s.Sales)
	}
}

// TestStandingMatchesPositionOf: for every as-of date on or after the horizon,
// the standing gives what PositionOf gives from the documents (open items,
// totals, aging, DSO sales), on random accounts.
func TestStandingMatchesPositionOf(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	base := MustDate("2025-01-01")
	edges := DefaultSettings().AgingEdges
	for n := range 300 {
		f := randomFile(r, base)
		s := StandingOf(f.Invoices, f.Payments, f.Credits)
		for _, k := range []int{0, 1, 30, 95, 400} {
			asOf := s.Horizon.AddDays(k)
			if s.Horizon.IsZero() {
				asOf = base.AddDays(k)
			}
			for _, period := range []int{30, 90, 365} {
				want := AccountPositionOf(f, asOf, period)
				got := s.AccountPosition(f.Account, asOf, period)
				if w, g := positionText(want, edges), positionText(got, edges); w != g {
					t.Fatalf("file %d as of %s period %d:\nwant %s\n got %s", n, asOf, period, w, g)
				}
			}
		}
	}
}

func positionText(ap AccountPosition, edges []int) string {
	p := ap.Position
	s := fmt.Sprintf("total %s unapplied %s sales %s aging %v items:", p.Total.String(), p.Unapplied.String(),
		ap.Sales.String(), AgingOf(p, edges).Buckets)
	for _, it := range p.Items {
		s += fmt.Sprintf(" %s/%s/%s/%d/%s/%s", it.Invoice.Number, it.Invoice.Issued, it.Invoice.Due, it.DaysPastDue,
			it.Invoice.Amount, it.Outstanding)
	}
	return s
}

func randomFile(r *rand.Rand, base Date) *AccountFile {
	var invs []Invoice
	var pays []Payment
	var cns []CreditNote
	n := r.IntN(12)
	for i := range n {
		issued := base.AddDays(r.IntN(600))
		invs = append(invs, Invoice{Account: "A", Number: fmt.Sprintf("I%02d", i), Issued: issued,
			Due: issued.AddDays(r.IntN(60)), Amount: decimal.New(int64(1+r.IntN(100000)), -2), Currency: "NGN"})
	}
	for i := range r.IntN(10) {
		p := Payment{Account: "A", Reference: fmt.Sprintf("P%02d", i), Received: base.AddDays(r.IntN(650)),
			Amount: decimal.New(int64(1+r.IntN(80000)), -2), Currency: "NGN"}
		if n > 0 && r.IntN(2) == 0 {
			p.Invoice = fmt.Sprintf("I%02d", r.IntN(n))
		}
		pays = append(pays, p)
	}
	for i := range r.IntN(3) {
		c := CreditNote{Account: "A", Number: fmt.Sprintf("C%02d", i), Date: base.AddDays(r.IntN(650)),
			Amount: decimal.New(int64(1+r.IntN(20000)), -2), Currency: "NGN", Reason: "other"}
		if n > 0 && r.IntN(3) == 0 {
			c.Invoice = fmt.Sprintf("I%02d", r.IntN(n))
		}
		cns = append(cns, c)
	}
	return &AccountFile{Account: Account{Code: "A", Currency: "NGN"}, Invoices: invs, Payments: pays, Credits: cns}
}
