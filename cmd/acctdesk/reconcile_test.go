package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// reconcileBook: accountsCSV, invoicesCSV and paymentsCSV, and accounting's
// balances of ACME on 2026-10-31 (900,000.00) and 2026-11-30
// (1,300,000.25).
func reconcileBook(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	must(t, db, "import", "accounts", write(t, dir, "accounts.csv", accountsCSV))
	must(t, db, "import", "invoices", write(t, dir, "invoices.csv", invoicesCSV))
	must(t, db, "import", "payments", write(t, dir, "payments.csv", paymentsCSV))
	must(t, db, "import", "balances", write(t, dir, "balances.csv", "account,date,balance\n"+
		"ACME,2026-10-31,900000.00\n"+
		"ACME,2026-11-30,1300000.25\n"))
	return db
}

// TestReconcileCommand: acctdesk reconcile marks the account reconciled as
// of --as-of and says what the book and accounting said; again the same day
// writes nothing; the words are checked before the book is opened.
func TestReconcileCommand(t *testing.T) {
	db := reconcileBook(t)
	out := must(t, db, "reconcile", "acme", "--as-of", "2026-12-01")
	if want := "ACME marked reconciled as of 2026-12-01: net AR ₦1,300,000.25; accounting's balance of 2026-11-30 ₦1,300,000.25: match\n"; out != want {
		t.Errorf("reconcile:\n%q\nwant\n%q", out, want)
	}
	out = must(t, db, "reconcile", "ACME", "--as-of", "2026-12-01")
	if !strings.HasPrefix(out, "ACME is already marked reconciled as of 2026-12-01 (by ada at ") || !strings.HasSuffix(out, " UTC): nothing written\n") {
		t.Errorf("reconcile again: %q", out)
	}
	// As of 11-10: A-3 (11-01) is invoiced, the payments are made: net AR
	// 1,300,000.25. Accounting's latest balance is of 10-31 (900,000.00): it
	// is compared with the book's net AR of 10-31, 900,000.25 (A-1 + A-2 −
	// P-1 − P-2 = 1,000,000.00 + 250,000.50 − 300,000.00 − 50,000.25; before A-3),
	// 0.25 apart — not with today's, 400,000.25 apart only because of A-3.
	out = must(t, db, "reconcile", "ACME", "--as-of", "2026-11-10")
	if want := "ACME marked reconciled as of 2026-11-10: net AR ₦1,300,000.25; accounting's balance of 2026-10-31 ₦900,000.00 " +
		"against the book's ₦900,000.25 that day: differs by ₦0.25\n"; out != want {
		t.Errorf("reconcile 11-10:\n%q\nwant\n%q", out, want)
	}
	if out := must(t, db, "reconcile", "TOGO", "--as-of", "2026-12-01"); !strings.HasSuffix(out, "; no balance from accounting on or before 2026-12-01 (import balances FILE)\n") {
		t.Errorf("reconcile TOGO: %q", out)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"reconcile"}, "reconcile needs an ACCOUNT"},
		{[]string{"reconcile", "ACME", "TOGO"}, "TOGO"},
		{[]string{"reconcile", "NOPE"}, `account "NOPE" not found`},
		{[]string{"reconcile", "ACME", "--to", "x"}, "--to"},
	} {
		if _, err := acctdesk(t, db, c.args...); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %v, want %q", c.args, err, c.want)
		}
	}
	if out, err := acctdesk(t, db, "help", "reconcile"); err == nil || !strings.Contains(err.Error(), "help") {
		t.Errorf("help reconcile: %q, %v", out, err)
	}
}

// TestReportReconciliationAfterReconcile: the report reads the marks and
// balances from the book's facts (it needs the bbolt store that keeps them:
// the store helper's part of issue 15).
func TestReportReconciliationAfterReconcile(t *testing.T) {
	db := reconcileBook(t)
	must(t, db, "reconcile", "ACME", "--as-of", "2026-11-10")
	must(t, db, "reconcile", "ACME", "--as-of", "2026-12-01")
	// 10-31: ACME owes A-1 and A-2 (A-3 is issued 11-01): 1,250,000.50 − 350,000.25 = 900,000.25 against
	// 900,000.00: 0.25 apart; its first mark on or after it is 11-10. 11-30: a match, marked 12-01.
	got := must(t, db, "report", "reconciliation", "--format", "csv", "--as-of", "2026-12-01")
	want := "account,currency,date,ours,theirs,difference,status,reconciled_on\n" +
		"ACME,NGN,2026-10-31,900000.25,900000.00,0.25,differs,2026-11-10\n" +
		"ACME,NGN,2026-11-30,1300000.25,1300000.25,0.00,match,2026-12-01\n"
	if got != want {
		t.Errorf("report reconciliation:\n%s\nwant\n%s", got, want)
	}
	table := must(t, db, "report", "reconciliation", "--as-of", "2026-12-01")
	// 11-10 is in the week of Monday 11-09, 12-01 in that of 11-30: one account each; November and December: one each.
	if !strings.HasSuffix(table, "per week (its Monday):\n  2026-11-09  1\n  2026-11-30  1\nper month:\n  2026-11     1\n  2026-12     1\n") {
		t.Errorf("report reconciliation table:\n%s", table)
	}
}
