package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestPlanAndReport: acctdesk plan, then report plans, with rows computed
// by hand on the small book of TestImportAndReports.
func TestPlanAndReport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)

	// As of Fri 2026-11-20 ACME owes 1,000,000 + 250,000.50 + 400,000 − 300,000 − 50,000.25 − 100,000
	// = 1,200,000.25: three instalments of 400,000.00, 400,000.00, 400,000.25 add up to it exactly.
	out := must(t, db, "plan", "acme", "--as-of", "2026-11-20",
		"--instalment", "400000.00@wed", "--instalment", "400000.00@2026-12-02", "--instalment", "400000.25@+19")
	if want := "agreed plan #1 with ACME: ₦1,200,000.25 in 3 instalments, 2026-11-25 to 2026-12-09\n"; out != want {
		t.Fatalf("plan said %q, want %q", out, want)
	}
	// Paid 400,000 on 11-24 (the first, a day early: kept) and 300,000 on 12-04
	// (of the second's 400,000, due 12-02; grace 3 days ends 12-05).
	must(t, db, "import", "payments", write(t, dir, "plan-pays.csv", "account,reference,date,amount,invoice\n"+
		"ACME,P-3,2026-11-24,400000.00,\nACME,P-4,2026-12-04,300000.00,\n"))
	head := "account,plan,instalment,date,amount,paid,status,currency\n"
	// As of 12-05 the second is short 100,000 but still within grace: pending.
	got := must(t, db, "report", "plans", "--format", "csv", "--as-of", "2026-12-05")
	want := head +
		"ACME,1,1,2026-11-25,400000.00,400000.00,kept,NGN\n" +
		"ACME,1,2,2026-12-02,400000.00,300000.00,pending,NGN\n" +
		"ACME,1,3,2026-12-09,400000.25,0.00,pending,NGN\n"
	if got != want {
		t.Fatalf("plans as of 12-05:\n%s\nwant:\n%s", got, want)
	}
	// As of 12-06, past 12-02 + 3: missed, and in the queue.
	got = must(t, db, "report", "plans", "--format", "csv", "--as-of", "2026-12-06")
	want = head +
		"ACME,1,1,2026-11-25,400000.00,400000.00,kept,NGN\n" +
		"ACME,1,2,2026-12-02,400000.00,300000.00,missed,NGN\n" +
		"ACME,1,3,2026-12-09,400000.25,0.00,pending,NGN\n"
	if got != want {
		t.Fatalf("plans as of 12-06:\n%s\nwant:\n%s", got, want)
	}
	if q := must(t, db, "report", "queue", "--format", "csv", "--as-of", "2026-12-06"); !strings.Contains(q,
		"ACME,plan-missed,2026-12-02,") || !strings.Contains(q, "plan instalment 2 of 3, ₦400,000.00 due 2 Dec, ₦100,000.00 unpaid") {
		t.Errorf("queue as of 12-06 has no plan-missed for the 100,000 still unpaid:\n%s", q)
	}

	// A new plan needs --replace.
	if _, err := acctdesk(t, db, "plan", "ACME", "--as-of", "2026-12-06", "--instalment", "1000@2026-12-10"); err == nil ||
		!strings.Contains(err.Error(), "open payment plan (#1, agreed 2026-11-20, ₦1,200,000.25)") || !strings.Contains(err.Error(), "--replace") {
		t.Fatalf("a second plan without --replace: %v", err)
	}
	// As of 12-06 ACME owes 1,200,000.25 + A-4 999.00 (issued 12-05) − 700,000 = 500,999.25:
	// 250,000 + 251,000 = 501,000 is 0.75 above it: it needs --confirm.
	if _, err := acctdesk(t, db, "plan", "ACME", "--as-of", "2026-12-06", "--replace",
		"--instalment", "250000@2026-12-10", "--instalment", "251000@2026-12-17"); err == nil ||
		!strings.Contains(err.Error(), "the plan's total ₦501,000.00 is more than the account's outstanding ₦500,999.25: give --confirm") {
		t.Fatalf("a plan above the outstanding: %v", err)
	}
	// Errors name the instalment.
	if _, err := acctdesk(t, db, "plan", "ACME", "--as-of", "2026-12-06", "--replace",
		"--instalment", "250000@2026-12-10", "--instalment", "1@2026-12-10"); err == nil ||
		!strings.Contains(err.Error(), "instalment 2 (1@2026-12-10): the date must come after instalment 1's (2026-12-10)") {
		t.Fatalf("dates not rising: %v", err)
	}
	if _, err := acctdesk(t, db, "plan", "ACME", "--as-of", "2026-12-06", "--instalment", "1.000.5@fri"); err == nil ||
		!strings.Contains(err.Error(), `--instalment 1 "1.000.5@fri"`) {
		t.Fatalf("a bad amount: %v", err)
	}
	out = must(t, db, "plan", "ACME", "--as-of", "2026-12-06", "--replace",
		"--instalment", "250000@2026-12-10", "--instalment", "250999.25@2026-12-17")
	if want := "agreed plan #2 with ACME: ₦500,999.25 in 2 instalments, 2026-12-10 to 2026-12-17; plan #1 of 2026-11-20 closed\n"; out != want {
		t.Fatalf("replacing plan said %q, want %q", out, want)
	}
	// The open plan first; then plan 1, closed 12-06, as it stood that day: the
	// third instalment was still pending, so replaced. The missed instalment of
	// the closed plan is no longer in the queue.
	got = must(t, db, "report", "plans", "--format", "csv", "--as-of", "2026-12-06")
	want = head +
		"ACME,2,1,2026-12-10,250000.00,0.00,pending,NGN\n" +
		"ACME,2,2,2026-12-17,250999.25,0.00,pending,NGN\n" +
		"ACME,1,1,2026-11-25,400000.00,400000.00,kept,NGN\n" +
		"ACME,1,2,2026-12-02,400000.00,300000.00,missed,NGN\n" +
		"ACME,1,3,2026-12-09,400000.25,0.00,replaced,NGN\n"
	if got != want {
		t.Fatalf("plans after the replacement:\n%s\nwant:\n%s", got, want)
	}
	if q := must(t, db, "report", "queue", "--format", "csv", "--as-of", "2026-12-06"); strings.Contains(q, "plan-missed") {
		t.Errorf("the closed plan still raises plan-missed:\n%s", q)
	}
	// The 365 days ending 2027-12-06 start 2026-12-07: plan 1, closed 12-06,
	// is no longer listed; plan 2's instalments, unpaid, are missed.
	got = must(t, db, "report", "plans", "--format", "csv", "--as-of", "2027-12-06")
	want = head +
		"ACME,2,1,2026-12-10,250000.00,0.00,missed,NGN\n" +
		"ACME,2,2,2026-12-17,250999.25,0.00,missed,NGN\n"
	if got != want {
		t.Fatalf("plans a year on:\n%s\nwant:\n%s", got, want)
	}
	must(t, db, "check")
}
