package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestCashForecastReport: report cash-forecast on the small book of
// TestImportAndReports, with a promise and a disputed invoice, rows
// computed by hand (SPEC §9.4).
func TestCashForecastReport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	must(t, db, "import", "invoices", write(t, dir, "togo.csv", "account,number,issue_date,due_date,amount,disputed,paid_on\n"+
		"TOGO,T-0,2026-09-01,2026-10-01,50000,no,2026-10-01\n"+
		"TOGO,T-2,2026-11-15,2026-12-15,20000,yes,\n"+
		"TOGO,T-3,2026-11-20,2026-12-20,5000,no,\n"), "--as-of", "2026-12-01") // T-2's dispute opens on the import's day
	must(t, db, "log", "call", "ACME", "--outcome", "promise", "--promise", "500000@2026-12-04", "--as-of", "2026-12-01")

	// As of Tue 2026-12-01; weeks from Mon 11-30; 13 weeks end before 2027-03-01.
	// ACME open: A-2 200,000.25 due 2024-03-30; A-1 700,000.00 due 08-31; A-3 300,000.00 due 12-01.
	//   L: nothing settled in the year; are open and overdue, counted as paid on 12-01:
	//   A-2 2024-03-30 → 2026-12-01 = 365 + 365 + 246 = 976 days, A-1 92 days, weighted by amount:
	//   (250,000.50 × 976 + 1,000,000.00 × 92) / 1,250,000.50 = 336,000,488 / 1,250,000.50 = 268.80… → 269.
	//   The promise (500,000 due 12-04) covers A-2 200,000.25 and 500,000 − 200,000.25 = 299,999.75 of
	//   A-1, on 12-04. A-1's rest 400,000.25 on 08-31 + 269 = 2027-05-27 and A-3 on 12-01 + 269 =
	//   2027-08-27: both later.
	//   Week 11-30: 200,000.25 + 299,999.75 = 500,000.00, all promised, 2 invoices.
	//   Later: 400,000.25 + 300,000.00 = 700,000.25, 2 invoices.
	//   TOTAL 500,000.00 + 700,000.25 = 1,200,000.25 = the aging total; 3 invoices.
	// TOGO: T-0 50,000 due 10-01 paid on the day (0 late); T-1 100,000 of 150,001 open, due 10-31 (31
	//   days late as of 12-01); T-2 20,000 disputed; T-3 5,000 due 12-20 (not yet due: not in L).
	//   L = (50,000 × 0 + 150,001 × 31) / 200,001 = 4,650,031 / 200,001 = 23.25… → 23.
	//   T-1 on 10-31 + 23 = 11-23, before 12-01: 12-01, week 11-30. T-3 on 12-20 + 23 = 2027-01-12:
	//   the week of 2027-01-11. T-2: disputed.
	//   TOTAL 100,000 + 5,000 + 20,000 = 125,000 = the aging total (current 20,000 + 5,000, 31–60 100,000).
	got := must(t, db, "report", "cash-forecast", "--format", "csv", "--as-of", "2026-12-01")
	var want strings.Builder
	want.WriteString("currency,week,expected,promised,invoices\n")
	weeks := []string{"2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21", "2026-12-28", "2027-01-04", "2027-01-11",
		"2027-01-18", "2027-01-25", "2027-02-01", "2027-02-08", "2027-02-15", "2027-02-22"}
	for i, w := range weeks {
		if i == 0 {
			want.WriteString("NGN," + w + ",500000.00,500000.00,2\n")
		} else {
			want.WriteString("NGN," + w + ",0.00,0.00,0\n")
		}
	}
	want.WriteString("NGN,later,700000.25,0.00,2\nNGN,disputed,0.00,0.00,0\nNGN,TOTAL,1200000.25,500000.00,3\n")
	for _, w := range weeks {
		switch w {
		case "2026-11-30":
			want.WriteString("XOF," + w + ",100000,0,1\n")
		case "2027-01-11":
			want.WriteString("XOF," + w + ",5000,0,1\n")
		default:
			want.WriteString("XOF," + w + ",0,0,0\n")
		}
	}
	want.WriteString("XOF,later,0,0,0\nXOF,disputed,20000,0,1\nXOF,TOTAL,125000,0,3\n")
	if got != want.String() {
		t.Fatalf("cash-forecast:\n%s\nwant:\n%s", got, want.String())
	}
	if aging := must(t, db, "report", "aging", "--format", "csv", "--as-of", "2026-12-01"); !strings.Contains(aging, "TOTAL,NGN,300000.00,0.00,0.00,0.00,700000.00,200000.25,1200000.25,") ||
		!strings.Contains(aging, "TOTAL,XOF,25000,0,100000,0,0,0,125000,") {
		t.Errorf("aging totals are not the forecast's:\n%s", aging)
	}

	// --weeks 2: weeks 11-30 and 12-07, T-3 (2027-01-12) now later.
	got = must(t, db, "report", "cash-forecast", "--format", "csv", "--as-of", "2026-12-01", "--weeks", "2")
	if !strings.Contains(got, "XOF,2026-12-07,0,0,0\nXOF,later,5000,0,1\nXOF,disputed,20000,0,1\nXOF,TOTAL,125000,0,3\n") {
		t.Errorf("--weeks 2:\n%s", got)
	}
	if _, err := acctdesk(t, db, "report", "aging", "--weeks", "2"); err == nil || !strings.Contains(err.Error(), "--weeks is for report cash-forecast") {
		t.Errorf("--weeks on aging: %v", err)
	}

	// json: each part says its basis.
	js := must(t, db, "report", "cash-forecast", "--format", "json", "--as-of", "2026-12-01")
	for _, part := range []string{
		`{"account": "ACME", "invoice_issued": "2024-02-29", "invoice_due": "2024-03-30", "amount": 200000.25, "expected": "2026-12-04", "basis": "promise", "promise": 1, "promise_due": "2026-12-04", "late_days": null}`,
		`{"account": "ACME", "invoice_issued": "2026-08-01", "invoice_due": "2026-08-31", "amount": 400000.25, "expected": "2027-05-27", "basis": "terms+L", "promise": null, "promise_due": "", "late_days": 269}`,
		`{"account": "TOGO", "invoice_issued": "2026-10-01", "invoice_due": "2026-10-31", "amount": 100000, "expected": "2026-12-01", "basis": "terms+L", "promise": null, "promise_due": "", "late_days": 23}`,
		`{"account": "TOGO", "invoice_issued": "2026-11-15", "invoice_due": "2026-12-15", "amount": 20000, "expected": "", "basis": "disputed", "promise": null, "promise_due": "", "late_days": null}`,
		`{"currency": "XOF", "week": "TOTAL", "expected": 125000, "promised": 0, "invoices": 3, "parts": []}`,
	} {
		if !strings.Contains(js, part) {
			t.Errorf("json lacks %s:\n%s", part, js)
		}
	}
}

// TestCashForecastAddsUpToAging: on demo books, in every currency and at
// dates before, at and after their latest documents, the forecast's rows
// before TOTAL add up to TOTAL, and TOTAL is the aging total (SPEC §9.4).
func TestCashForecastAddsUpToAging(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	must(t, db, "demo", "--accounts", "40", "--seed", "2", "--as-of", "2026-11-22")
	for _, asOf := range []string{"2026-06-30", "2026-11-22", "2026-11-29", "2027-02-01"} {
		aging := map[string]decimal.Decimal{}
		for _, line := range strings.Split(must(t, db, "report", "aging", "--format", "csv", "--as-of", asOf), "\n") {
			if f := strings.Split(line, ","); f[0] == "TOTAL" {
				aging[f[1]] = decimal.RequireFromString(f[len(f)-3])
			}
		}
		rows, totals := map[string]decimal.Decimal{}, map[string]decimal.Decimal{}
		for _, line := range strings.Split(strings.TrimSpace(must(t, db, "report", "cash-forecast", "--format", "csv", "--as-of", asOf)), "\n")[1:] {
			f := strings.Split(line, ",")
			v := decimal.RequireFromString(f[2])
			if f[1] == "TOTAL" {
				totals[f[0]] = v
			} else {
				rows[f[0]] = rows[f[0]].Add(v)
			}
		}
		if len(totals) < 2 {
			t.Errorf("%s: the demo forecast has %d currencies, want NGN and XOF", asOf, len(totals))
		}
		for cur, a := range aging {
			if !a.IsZero() && (!rows[cur].Equal(a) || !totals[cur].Equal(a)) {
				t.Errorf("%s %s: rows add up to %s, TOTAL %s, aging total %s", asOf, cur, rows[cur], totals[cur], a)
			}
		}
	}
}
