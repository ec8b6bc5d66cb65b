package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"acctdesk/domain"
	"acctdesk/store/bolt"

	"github.com/shopspring/decimal"
)

// loadAccount reads one account's file from the book at db.
func loadAccount(t *testing.T, db, code string) *domain.AccountFile {
	t.Helper()
	st, err := bolt.Open(db, bolt.Options{Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	f, err := st.LoadAccount(code)
	if err != nil {
		t.Fatalf("LoadAccount(%s): %v", code, err)
	}
	return f
}

// importTwice imports a file as a dry run, then for real, and checks both
// count the same; it returns what the real run says after "from FILE: ".
func importTwice(t *testing.T, db string, args ...string) string {
	t.Helper()
	dry := must(t, db, append(append([]string{"import"}, args...), "--dry-run")...)
	real := must(t, db, append([]string{"import"}, args...)...)
	_, d, _ := strings.Cut(dry, ": ")
	_, d, _ = strings.Cut(d, ": ")
	_, r, _ := strings.Cut(real, ": ")
	if d != r {
		t.Errorf("import %s: dry run says %q, the import %q", strings.Join(args, " "), d, r)
	}
	return strings.TrimSpace(r)
}

// TestReimportKeepsWhatTheFileDoesNotSay is the reviewer's repro: an
// accounts file of code and name only renames and changes nothing else.
func TestReimportKeepsWhatTheFileDoesNotSay(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	must(t, db, "import", "accounts", write(t, dir, "acc.csv",
		"code,name,currency,credit_limit,payment_terms_days\n"+
			"ACME,Acme Ltd,NGN,\"1,000,000.00\",30\n"+
			"XO,Xof Co,XOF,500000,30\n"+
			"US,Us Co,USD,,45\n"))
	must(t, db, "import", "invoices", write(t, dir, "us.csv", "account,number,issue_date,amount\nUS,U-1,2026-01-05,100.00\n"))

	// US is USD with a document: the good row is taken, USD stays, and so
	// do its 45 days (the file has no payment_terms_days column).
	if got := importTwice(t, db, "accounts", write(t, dir, "acc2.csv", "code,name\nUS,Us Co renamed\n")); got != "1 account updated" {
		t.Errorf("acc2.csv: %q", got)
	}
	us := loadAccount(t, db, "US").Account
	if us.Name != "Us Co renamed" || us.Currency != "USD" || us.TermsDays != 45 {
		t.Errorf("US: name %q currency %s days %d; want Us Co renamed, USD, 45", us.Name, us.Currency, us.TermsDays)
	}
	// ACME as it is, without its limit column: unchanged, 1,000,000.00 kept.
	if got := importTwice(t, db, "accounts", write(t, dir, "acc4.csv", "code,name\nACME,Acme Ltd\n")); got != "1 account unchanged" {
		t.Errorf("acc4.csv: %q", got)
	}
	if acme := loadAccount(t, db, "ACME").Account; !acme.CreditLimit.Equal(decimal.RequireFromString("1000000")) {
		t.Errorf("ACME's credit limit is %s, want 1000000.00", acme.CreditLimit)
	}
	// A column the file has does change: XO's limit, a credit decision
	// with its timeline entry (desk.Import).
	if got := importTwice(t, db, "accounts", write(t, dir, "acc3.csv", "code,name,credit_limit\nXO,Xof Co,\"600,000\"\n")); got != "1 account updated, 1 activity added, 1 credit decision added" {
		t.Errorf("acc3.csv: %q", got)
	}
	if xo := loadAccount(t, db, "XO").Account; !xo.CreditLimit.Equal(decimal.RequireFromString("600000")) || xo.Currency != "XOF" {
		t.Errorf("XO: limit %s in %s; want 600000 XOF", xo.CreditLimit, xo.Currency)
	}

	// An invoice re-imported without its due_date keeps the stored one
	// (2026-01-20, where US's 45 days would give 2026-01-05 + 45 = 2026-02-19).
	must(t, db, "import", "invoices", write(t, dir, "due.csv", "account,number,issue_date,due_date,amount\nUS,U-1,2026-01-05,2026-01-20,100.00\n"))
	if got := importTwice(t, db, "invoices", write(t, dir, "nodue.csv", "account,number,issue_date,amount\nUS,U-1,2026-01-05,120.00\n")); got != "1 invoice updated" {
		t.Errorf("nodue.csv: %q", got)
	}
	if inv := loadAccount(t, db, "US").Invoices[0]; inv.Due != domain.MustDate("2026-01-20") || !inv.Amount.Equal(decimal.RequireFromString("120")) {
		t.Errorf("U-1: due %s amount %s; want due 2026-01-20, 120.00", inv.Due, inv.Amount)
	}
}

// TestReimportCreatedAccountsCurrency: --create-accounts --currency USD
// makes the accounts a contacts file names in USD.
func TestReimportCreatedAccountsCurrency(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	got := importTwice(t, db, "contacts", write(t, dir, "ct.csv", "account,name,role\nNEWCO,Jane,finance\n"), "--create-accounts", "--currency", "USD")
	if got != "1 contact added, 1 account created" {
		t.Errorf("ct.csv: %q", got)
	}
	if c := loadAccount(t, db, "NEWCO").Account.Currency; c != "USD" {
		t.Errorf("NEWCO created in %s, want USD", c)
	}
}

// TestReimportPaidOnRepeats: d2.csv and d4.csv of the review.
func TestReimportPaidOnRepeats(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	must(t, db, "import", "invoices", write(t, dir, "d1.csv", "account,number,issue_date,amount,paid_on\nACME,D1,2026-01-05,100.00,2026-01-20\n"))
	// The same row twice with paid_on empty: PAID-D1 goes once.
	got := importTwice(t, db, "invoices", write(t, dir, "d2.csv",
		"account,number,issue_date,amount,paid_on\nACME,D1,2026-01-05,100.00,\nACME,D1,2026-01-05,100.00,\n"))
	if want := "2 invoices unchanged, 1 payment unchanged (from paid_on), 1 payment removed (from paid_on)"; got != want {
		t.Errorf("d2.csv: %q, want %q", got, want)
	}
	// A date and none for one invoice: refused, nothing imported.
	changes := mustChanges(t, db)
	path := write(t, dir, "d4.csv", "account,number,issue_date,amount,paid_on\nACME,D3,2026-01-05,100.00,2026-01-20\nACME,D3,2026-01-05,100.00,\n")
	_, err := acctdesk(t, db, "import", "invoices", path)
	if err == nil || err.Error() != path+": line 3: paid_on: paid_on also on line 2 with another value; nothing imported" {
		t.Errorf("d4.csv: %v", err)
	}
	if mustChanges(t, db) != changes {
		t.Error("a refused file changed the book")
	}
}
