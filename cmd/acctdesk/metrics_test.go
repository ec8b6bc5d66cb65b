package main

import (
	"path/filepath"
	"testing"
)

// TestReportMetrics: report metrics on importBook's book for November 2026
// as of 1 Dec (S = 1 Nov, E = 30 Nov), as the book and --by owner.
//
// ACME (NGN, ada): revenue A-3 400,000.00; no revenue in the 12 months
// before 1 Dec 2025: no NRR, GRR. As of 30 Nov: AR 700,000 (A-1) +
// 200,000.25 (A-2) + 300,000 (A-3, current) = 1,200,000.25; sales 2 Sep …
// 30 Nov 400,000: DSO 270.0, best 67.5, ADD 202.5. Countback: November's
// 400,000 (30 days), October and September without sales (31 + 30), then
// 800,000.25 ÷ August's 1,000,000 × 31 = 24.8 → 115.8. CEI: opening (31 Oct)
// 900,000.25; (900,000.25 + 400,000 − 1,200,000.25) ÷ (1,300,000.25 −
// 300,000) = 10.0. Days late: nothing settled in November; open overdue
// A-1 91 days × 1,000,000 and A-2 975 days × 250,000.50 ÷ 1,250,000.50 = 267.8.
//
// TOGO (XOF, tunde): no revenue (no bad debt %). AR 100,000, overdue;
// sales T-1 150,001: DSO 60.0, best 0.0, ADD 60.0. Countback 30 + 100,000 ÷
// 150,001 × 31 = 50.7. CEI (150,001 − 100,000) ÷ 150,001 = 33.3. T-1 30 days late.
func TestReportMetrics(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	const (
		head = "group,currency,revenue,nrr_pct,grr_pct,logo_churn_pct,cross_sell_conversion_pct,bad_debt_pct,dso,countback_dso," +
			"best_possible_dso,add,cei_pct,avg_days_late,promise_kept_pct,nps,csat\n"
		acme = ",NGN,400000.00,,,0.0,,0.0,270.0,115.8,67.5,202.5,10.0,267.8,,,\n"
		togo = ",XOF,0,,,0.0,,,60.0,50.7,0.0,60.0,33.3,30.0,,,\n"
	)
	g := []string{"--db", db, "--as-of", "2026-12-01", "report", "metrics", "--period", "2026-11", "--format", "csv"}
	if got := says(t, 0, g); got != head+"book"+acme+"book"+togo {
		t.Errorf("book:\n%s", got)
	}
	if got := says(t, 0, append(g, "--by", "OWNER")); got != head+"owner:ada"+acme+"owner:tunde"+togo {
		t.Errorf("--by owner:\n%s", got)
	}
	says(t, 1, append(g, "--by", "region"), `--by "region" is not a grouping (owner, tier, segment)`)
	says(t, 1, []string{"--db", db, "--as-of", "2026-12-01", "report", "metrics", "--period", "2027"},
		"--period 2027 starts after the as-of date 2026-12-01: none of it has happened yet")
	says(t, 1, []string{"--db", db, "report", "aging", "--by", "owner"}, "--by is not for report aging (it is for metrics, collections)")
}
