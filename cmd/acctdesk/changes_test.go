package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestReportChanges: report changes --since on the small book of
// TestImportAndReports, with a promise, an escalation and a payment added,
// every row worked out by hand.
func TestReportChanges(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	// Given Fri 11-20, due 11-27: deadline 11-27 + 3 = 11-30; nothing paid
	// by then (ACME's last payment is 10-01): broken on 12-01.
	must(t, db, "log", "call", "ACME", "--outcome", "promise", "--promise", "1000.00@2026-11-27", "--as-of", "2026-11-20")
	must(t, db, "log", "escalation", "ACME", "--category", "overdue", "--severity", "high", "--to", "finance",
		"--note", "A-1 over 90 days", "--as-of", "2026-12-02")
	// T-1 (150,001 − 50,001 = 100,000) takes 20,000 more on 12-02: 80,000.
	must(t, db, "import", "payments", write(t, dir, "pays2.csv", "account,reference,date,amount,invoice\nTOGO,TP-2,2026-12-02,20000,\n"))

	head := "date,account,change,amount,currency,detail\n"
	// Since Mon 11-30, as of Wed 12-02:
	//   ACME promise broken on 11-30 + 1 = 12-01 (open at 11-30, its deadline).
	//   TOGO T-1 due 10-31: 30 days past due at 11-30 (1–30), 32 at 12-02 (31–60),
	//        entered 31–60 on 10-31 + 31 = 12-01; 80,000 outstanding.
	//   ACME escalation opened 12-02.
	//   ACME A-3 due 12-01: −1 day at 11-30, 1 day at 12-02: newly overdue on 12-02,
	//        400,000 − C-1 100,000 = 300,000.
	//   ACME A-1 (91 → 93 days) and A-2 (120+) stay in their buckets; A-4 is issued 12-05.
	//   TOGO payment TP-2 20,000 on 12-02.
	week := head +
		`2026-12-01,ACME,promise-broken,1000.00,NGN,"promised 2026-11-20, due 2026-11-27, nothing paid"` + "\n" +
		"2026-12-01,TOGO,bucket,80000,XOF,due 2026-10-31: 1–30 → 31–60 days past due\n" +
		`2026-12-02,ACME,escalation-opened,,,"overdue, high, to finance: A-1 over 90 days"` + "\n" +
		`2026-12-02,ACME,newly-overdue,300000.00,NGN,"due 2026-12-01, 1 day past due"` + "\n" +
		"2026-12-02,TOGO,payment,20000,XOF,on account (balance forward)\n"
	for _, since := range []string{"2026-11-30", "mon", "-2"} {
		if got := must(t, db, "report", "changes", "--format", "csv", "--as-of", "2026-12-02", "--since", since); got != week {
			t.Errorf("--since %s:\n%s\nwant:\n%s", since, got, week)
		}
	}
	// By default since the working day before Wed 12-02, Tue 12-01: the broken
	// promise (already broken at 12-01) and T-1 (31 days at 12-01) are not new.
	day := head +
		`2026-12-02,ACME,escalation-opened,,,"overdue, high, to finance: A-1 over 90 days"` + "\n" +
		`2026-12-02,ACME,newly-overdue,300000.00,NGN,"due 2026-12-01, 1 day past due"` + "\n" +
		"2026-12-02,TOGO,payment,20000,XOF,on account (balance forward)\n"
	if got := must(t, db, "report", "changes", "--format", "csv", "--as-of", "2026-12-02"); got != day {
		t.Errorf("default since:\n%s\nwant:\n%s", got, day)
	}
	if _, err := acctdesk(t, db, "report", "changes", "--as-of", "2026-12-02", "--since", "2026-12-02"); err == nil ||
		!strings.Contains(err.Error(), "before the as-of date") {
		t.Errorf("--since the as-of date: %v", err)
	}
	if _, err := acctdesk(t, db, "report", "aging", "--since", "mon"); err == nil || !strings.Contains(err.Error(), "--since is for report changes") {
		t.Errorf("--since on aging: %v", err)
	}
	says(t, 0, []string{"help", "report", "changes"}, "--since DATE", "already past due as of since",
		"never both newly-overdue and bucket", "dated the day after its deadline", "escalation-resolved")
}
