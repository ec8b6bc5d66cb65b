package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportEveryBadRowInOneRun: a 10,000-row invoices file with bad rows
// of four kinds — a format error the importer finds, and an unknown
// account, another currency and a duplicate number (another account's, or
// twice in the file with other values) the book finds — lists
// every one of them in one run, with line and column, sorted by line, and
// changes nothing.
func TestImportEveryBadRowInOneRun(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	before := must(t, db, "report", "aging", "--format", "csv", "--as-of", "2026-12-01")
	changes := mustChanges(t, db)

	var b strings.Builder
	b.WriteString("Customer,number,issue_date,amount,currency\n") // line 1; Customer is mapped to account
	bad := map[int]string{
		1001: "ACME,N-1001,2026-11-01,12x,",      // format: not an amount
		2002: "NOPE,N-2002,2026-11-01,10.00,",    // book: no such account
		3003: "ACME,N-3003,2026-11-01,10.00,XOF", // book: ACME trades in NGN
		4004: "TOGO,A-1,2026-11-01,10,",          // book: A-1 is ACME's invoice already
		5005: "ACME,N-5005,2026-11-31,10.00,",    // format: no 31 November
		6006: "ACME,N-6005,2026-11-01,99.00,",    // book: line 6005's number again, another amount
	}
	for line := 2; line <= 10_001; line++ {
		if row, ok := bad[line]; ok {
			b.WriteString(row + "\n")
			continue
		}
		fmt.Fprintf(&b, "ACME,N-%d,2026-11-01,10.00,\n", line)
	}
	path := write(t, dir, "big.csv", b.String())
	_, err := acctdesk(t, db, "import", "invoices", path, "--map", "Customer=account")
	if err == nil {
		t.Fatal("a file with bad rows was imported")
	}
	msg := err.Error()
	lines := strings.Split(msg, "\n")
	if lines[0] != path+": 6 row problem(s), nothing imported" || len(lines) != 7 {
		t.Fatalf("the message:\n%s", msg)
	}
	want := []string{
		"line 1001: amount: ",
		"line 2002: account (Customer): ",
		"line 3003: currency: ",
		"line 4004: number: ",
		"line 5005: issue_date: ",
		"line 6006: number: invoice N-6005 also on line 6005 with different values",
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i+1], "  "+path+": "+w) {
			t.Errorf("problem %d: %q, want %q…", i+1, lines[i+1], w)
		}
	}
	if !strings.Contains(lines[2], "NOPE") || !strings.Contains(lines[3], "XOF") || !strings.Contains(lines[4], "A-1") {
		t.Errorf("the book's reasons do not name the values:\n%s", msg)
	}
	after := must(t, db, "report", "aging", "--format", "csv", "--as-of", "2026-12-01")
	if after != before || mustChanges(t, db) != changes {
		t.Fatalf("the book changed:\n%s", after)
	}
	// The good rows alone import: 9,994 invoices.
	var good strings.Builder
	for i, l := range strings.Split(b.String(), "\n") {
		if _, isBad := bad[i+1]; !isBad && l != "" {
			good.WriteString(l + "\n")
		}
	}
	out := must(t, db, "import", "invoices", write(t, dir, "good.csv", good.String()), "--map", "Customer=account")
	if !strings.Contains(out, ": 9,994 invoices added") {
		t.Fatalf("good rows: %q", out)
	}
}

// TestImportCreateAccountsNeedsCurrency: the accounts --create-accounts
// makes take --currency, so it is required rather than guessed.
func TestImportCreateAccountsNeedsCurrency(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	path := write(t, dir, "inv.csv", "account,number,issue_date,amount\nNEW,I1,2026-11-01,10\n")
	_, err := acctdesk(t, db, "import", "invoices", path, "--create-accounts")
	if err == nil || err.Error() != "--create-accounts needs --currency CODE: the accounts it creates take that currency" {
		t.Fatalf("err = %v", err)
	}
	out := must(t, db, "import", "invoices", path, "--create-accounts", "--currency", "GHS")
	if !strings.Contains(out, "added") {
		t.Fatalf("out = %q", out)
	}
	if aging := must(t, db, "report", "aging", "--format", "csv", "--as-of", "2026-11-01"); !strings.Contains(aging, "NEW,GHS,10.00") {
		t.Fatalf("aging:\n%s", aging)
	}
}

// TestImportIgnoredColumnsNamed: an ERP export's extra columns are named
// once in the summary.
func TestImportIgnoredColumnsNamed(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	path := write(t, dir, "inv.csv", "countryCode,account,number,issue_date,amount,PaperlessDate\n391,ACME,X-1,2026-11-01,10,4/6/2013\n391,ACME,X-2,2026-11-01,10,4/6/2013\n")
	out := must(t, db, "import", "invoices", path)
	if !strings.HasSuffix(out, "\nignored columns: countryCode, PaperlessDate\n") || strings.Count(out, "countryCode") != 1 {
		t.Fatalf("out = %q", out)
	}
}
