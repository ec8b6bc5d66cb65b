package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestDisputes: log dispute, resolve dispute with a credit note, a second
// dispute of the same invoice, an imported dispute resolved by a later
// import, the refusals, and report disputes with hand-computed rows.
func TestDisputes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	// T-1 (TOGO, 150,001 − 50,001 = 100,000) paid in full on 11-05.
	must(t, db, "import", "payments", write(t, dir, "p2.csv", "account,reference,date,amount,invoice\nTOGO,TP-2,2026-11-05,100000,T-1\n"))

	out := must(t, db, "log", "dispute", "acme", "--invoice", "a-1", "--reason", "price not as agreed", "--as-of", "2026-11-20")
	if want := "dispute raised on ACME invoice A-1 (owner ada, opened 2026-11-20)\n"; out != want {
		t.Errorf("log dispute said %q, want %q", out, want)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"log", "dispute", "ACME", "--invoice", "A-1", "--reason", "again"}, "invoice A-1 is already disputed (since 2026-11-20, owner ada)"},
		{[]string{"log", "dispute", "ACME", "--invoice", "T-1", "--reason", "x"}, `invoice "T-1" is not on account ACME`},
		{[]string{"log", "dispute", "TOGO", "--invoice", "T-1", "--reason", "x", "--as-of", "2026-11-20"}, "invoice T-1 is fully paid as of 2026-11-20"},
		{[]string{"log", "dispute", "ACME", "--invoice", "A-3"}, "needs --reason"},
		{[]string{"resolve", "dispute", "ACME", "A-3", "--resolution", "x"}, "invoice A-3 has no open dispute"},
		// 1,000,000.00 − 300,000.00 (P-1, explicit) = 700,000.00 still owed.
		{[]string{"resolve", "dispute", "ACME", "A-1", "--resolution", "x", "--credit", "700000.01", "--as-of", "2026-11-28"},
			"a credit of ₦700,000.01 is more than the ₦700,000.00 invoice A-1 still owes"},
		{[]string{"resolve", "dispute", "ACME", "A-1", "--resolution", "x", "--credit", "5", "--reason", "gift"}, "gift"},
	} {
		_, err := acctdesk(t, db, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v; want an error saying %q", strings.Join(c.args, " "), err, c.want)
		}
	}
	out = must(t, db, "resolve", "dispute", "ACME", "a-1", "--resolution", "agreed 50k off", "--credit", "50000", "--reason", "Price Correction", "--as-of", "2026-11-28")
	// 2026-11-28 − 2026-11-20 = 8 days.
	if want := "dispute on ACME invoice A-1 resolved after 8 days, credit note DC-A-1-1 of ₦50,000.00 (price-correction)\n"; out != want {
		t.Errorf("resolve said %q, want %q", out, want)
	}
	// Disputed again after the resolution: the invoice's second dispute.
	must(t, db, "log", "dispute", "ACME", "--invoice", "A-1", "--reason", "short delivered", "--as-of", "2026-11-29")
	// An imported dispute, then a re-import that no longer calls it disputed.
	must(t, db, "import", "invoices", write(t, dir, "i5.csv", "account,number,issue_date,due_date,amount,disputed,dispute_reason\nACME,A-5,2026-11-02,2026-12-02,80000.00,yes,wrong quantity\n"), "--as-of", "2026-11-25")
	undisputed := write(t, dir, "i5b.csv", "account,number,issue_date,due_date,amount,disputed,dispute_reason\nACME,A-5,2026-11-02,2026-12-02,80000.00,no,\n")
	if out := must(t, db, "import", "invoices", undisputed, "--as-of", "2026-11-30"); !strings.Contains(out, "1 invoice updated, 1 dispute updated") {
		t.Errorf("re-import said %q", out)
	}
	if out := must(t, db, "import", "invoices", undisputed, "--as-of", "2026-11-30"); !strings.Contains(out, "1 invoice unchanged") || strings.Contains(out, "dispute") {
		t.Errorf("the same file again said %q", out)
	}

	got := must(t, db, "report", "disputes", "--format", "csv", "--as-of", "2026-12-01")
	// A-1 owes 1,000,000.00 − 300,000.00 (P-1) − 50,000.00 (DC-A-1-1) = 650,000.00.
	// Its first dispute: 11-20 → 11-28, 8 days; the second open since 11-29: 12-01 − 11-29 = 2.
	// A-5 owes all of its 80,000.00 (P-2's 50,000.25 went to A-2, due first);
	// imported on 11-25 by ada, resolved by the import of 11-30: 5 days.
	want := "account,invoice,amount,outstanding,currency,opened_on,days_open,reason,owner,status,resolved_on,resolution\n" +
		"ACME,A-1,1000000.00,650000.00,NGN,2026-11-20,8,price not as agreed,ada,resolved,2026-11-28,agreed 50k off\n" +
		"ACME,A-1,1000000.00,650000.00,NGN,2026-11-29,2,short delivered,ada,open,,\n" +
		"ACME,A-5,80000.00,80000.00,NGN,2026-11-25,5,wrong quantity,ada,resolved,2026-11-30,resolved by import\n"
	if got != want {
		t.Errorf("report disputes:\n%s\nwant:\n%s", got, want)
	}
	// As of 11-27 the first dispute of A-1 was open (7 days) and A-5's too (2 days);
	// A-1 then owed 700,000.00.
	got = must(t, db, "report", "disputes", "--format", "csv", "--as-of", "2026-11-27")
	want = "account,invoice,amount,outstanding,currency,opened_on,days_open,reason,owner,status,resolved_on,resolution\n" +
		"ACME,A-1,1000000.00,700000.00,NGN,2026-11-20,7,price not as agreed,ada,open,,\n" +
		"ACME,A-5,80000.00,80000.00,NGN,2026-11-25,2,wrong quantity,ada,open,,\n"
	if got != want {
		t.Errorf("report disputes as of 11-27:\n%s\nwant:\n%s", got, want)
	}
	// The timeline has each step, the credit note is applied to A-1, and the book checks clean.
	must(t, db, "check")
	// 2026-12-20: the open dispute (11-29) is 21 days old and the account's
	// last activity is that dispute's, 21 days ago: dispute-stale.
	q := must(t, db, "report", "queue", "--format", "csv", "--as-of", "2026-12-20")
	if !strings.Contains(q, ",ACME,dispute-stale,") {
		t.Errorf("queue on 12-20 has no dispute-stale for ACME:\n%s", q)
	}
	says(t, 0, []string{"help", "report", "disputes"}, "resolved in the 365 days ending it", "days_open")
	says(t, 0, []string{"help", "resolve", "dispute"}, "DC-<invoice>-<n>", "price-correction")
}
