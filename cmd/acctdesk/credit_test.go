package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestCredit: acctdesk credit on the small book (ACME: limit 10,000,000.00,
// net AR 1,200,000.25 as of 2026-12-01: A-1 700,000.00 + A-2 200,000.25 +
// A-3 300,000.00). The refusals say what is wrong; a cut that leaves
// utilisation over 100 % needs --confirm; report book shows the new limit.
func TestCredit(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	on := "--as-of"
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"credit", "ACME", "--reason", "x"}, "needs --limit AMOUNT, --overdraft AMOUNT@DATE or both"},
		{[]string{"credit", "ACME", "--limit", "5"}, "needs --reason TEXT"},
		{[]string{"credit", "ACME", "--limit", "1,000.001", "--reason", "x"}, "--limit:"},
		{[]string{"credit", "ACME", "--limit", "-5", "--reason", "x"}, "credit_limit: cannot be negative"},
		{[]string{"credit", "ACME", "--overdraft", "500000", "--reason", "x"}, "write AMOUNT@DATE"},
		{[]string{"credit", "ACME", "--overdraft", "500000@2026-11-30", "--reason", "x", on, "2026-12-01"}, "expires: the overdraft must expire after 2026-12-01"},
		{[]string{"credit", "ACME", "--limit", "10000000", "--reason", "x", on, "2026-12-01"}, "nothing changes: the limit is ₦10,000,000.00 and no overdraft"},
		// 1,200,000.25 × 100 ÷ 1,000,000 = 120.000025 → 120.0 %, over 100.
		{[]string{"credit", "ACME", "--limit", "1000000", "--reason", "x", on, "2026-12-01"},
			"utilisation after the decision is 120.0 %, over the 100 % breach threshold: give --confirm to save it"},
		{[]string{"credit", "NOPE", "--limit", "5", "--reason", "x"}, `account "NOPE" not found`},
	} {
		_, err := acctdesk(t, db, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v; want an error saying %q", strings.Join(c.args, " "), err, c.want)
		}
	}
	// 1,200,000.25 × 100 ÷ 10,000,000 = 12.0000025 → 12.0 before;
	// ÷ (2,000,000 + 500,000) = 48.00001 → 48.0 after.
	out := must(t, db, "credit", "acme", "--limit", "2000000", "--overdraft", "500000@2026-12-31", "--reason", "slow payer",
		"--approved-by", "cfo", on, "2026-12-01")
	want := "credit decision on ACME: limit ₦10,000,000.00 → ₦2,000,000.00, overdraft none → ₦500,000.00 to 2026-12-31, " +
		"approved by cfo; utilisation 12.0 % → 48.0 %\n"
	if out != want {
		t.Errorf("credit said %q\nwant %q", out, want)
	}
	// The limit cut to 1,000,000 and the overdraft removed: 1,200,000.25 × 100 ÷ 1,000,000 = 120.0 %, over 100:
	// saved with --confirm, the approver defaulting to the author.
	out = must(t, db, "credit", "ACME", "--limit", "1000000", "--overdraft", "0", "--reason", "cut", "--confirm", on, "2026-12-01")
	if want := "credit decision on ACME: limit ₦2,000,000.00 → ₦1,000,000.00, overdraft ₦500,000.00 → none, approved by ada; " +
		"utilisation 48.0 % → 120.0 %, over the 100 % breach threshold (confirmed)\n"; out != want {
		t.Errorf("credit said %q\nwant %q", out, want)
	}
	book := must(t, db, "report", "book", "--format", "csv", on, "2026-12-01")
	if !strings.Contains(book, "ACME,Acme Haulage Ltd,1,ada,active,NGN,1000000.00,1200000.25,") || !strings.Contains(book, ",120.0,") {
		t.Errorf("report book:\n%s", book)
	}
	says(t, 0, []string{"help", "credit"}, "usage: acctdesk credit ACCOUNT [--limit AMOUNT] [--overdraft AMOUNT@DATE] --reason T",
		"--approved-by NAME", "needs --confirm and is marked so")
	says(t, 0, []string{"help", "report", "credit-decisions"}, "utilisation_after_pct", "confirmed_over", "one row per field changed")
}

// TestCreditDecisionsReport: the decisions are kept, one row per field.
// Needs the bbolt store to keep credit decisions (the store's part of
// issue 14).
func TestCreditDecisionsReport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	must(t, db, "credit", "ACME", "--limit", "2000000", "--overdraft", "500000@2026-12-31", "--reason", "slow payer",
		"--approved-by", "cfo", "--as-of", "2026-12-01")
	got := must(t, db, "report", "credit-decisions", "--format", "csv", "--as-of", "2026-12-01")
	lines := strings.Split(strings.TrimSpace(got), "\n")
	if len(lines) != 3 || lines[0] != "account,decided_at,by,approved_by,field,old,new,reason,utilisation_after_pct,confirmed_over" ||
		!strings.HasPrefix(lines[1], "ACME,") || !strings.HasSuffix(lines[1], ",ada,cfo,credit_limit,10000000.00,2000000.00,slow payer,48.0,no") ||
		!strings.HasSuffix(lines[2], ",ada,cfo,overdraft,0.00,500000.00,slow payer,48.0,no") {
		t.Errorf("report credit-decisions:\n%s", got)
	}
}
