package main

import (
	"path/filepath"
	"testing"
)

// TestReimportBlankCellsKeep: an empty cell of a column whose field has a
// default (currency, tier, status, terms) keeps the stored value, as a
// column the file does not have would; on an account with documents the
// row is taken, not refused over a currency nobody asked to change.
func TestReimportBlankCellsKeep(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	must(t, db, "import", "accounts", write(t, dir, "a.csv",
		"code,name,currency,tier,status,terms,payment_terms_days\n"+
			"A1,Alpha,USD,1,active,term,45\n"+
			"A2,Beta,USD,2,churned,cash,0\n"))
	must(t, db, "import", "invoices", write(t, dir, "i.csv", "account,number,issue_date,amount\nA1,I1,2025-11-01,100.00\n"))
	got := importTwice(t, db, "accounts", write(t, dir, "b.csv",
		"code,name,currency,tier,status,terms,payment_terms_days\n"+
			"A1,Alpha renamed,,,,,\n"+
			"A2,Beta2,,,,,\n"))
	if got != "2 accounts updated" {
		t.Fatalf("blank cells: %q", got)
	}
	a1, a2 := loadAccount(t, db, "A1").Account, loadAccount(t, db, "A2").Account
	if a1.Name != "Alpha renamed" || a1.Currency != "USD" || a1.Tier != 1 || a1.Status != "active" || a1.Terms != "term" || a1.TermsDays != 45 {
		t.Errorf("A1 = %+v", a1)
	}
	if a2.Name != "Beta2" || a2.Currency != "USD" || a2.Tier != 2 || a2.Status != "churned" || a2.Terms != "cash" || a2.TermsDays != 0 {
		t.Errorf("A2 = %+v", a2)
	}
}

// TestReimportMovedIssueDate: without a due_date column, a stored due date
// stays while the issue date does, and follows a corrected issue date
// (the account's 45 days from the new one) instead of refusing the row.
func TestReimportMovedIssueDate(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	must(t, db, "import", "accounts", write(t, dir, "a.csv", "code,name,currency,payment_terms_days\nA1,Alpha,USD,45\n"))
	must(t, db, "import", "invoices", write(t, dir, "d1.csv", "account,number,issue_date,amount\nA1,I1,2025-11-01,100\n"))
	// 2025-11-01 + 45 days = 2025-12-16.
	if due := loadAccount(t, db, "A1").Invoices[0].Due.String(); due != "2025-12-16" {
		t.Fatalf("due %s, want 2025-12-16", due)
	}
	if got := importTwice(t, db, "invoices", write(t, dir, "d2.csv", "account,number,issue_date,amount\nA1,I1,2026-01-15,100\n")); got != "1 invoice updated" {
		t.Fatalf("corrected issue date: %q", got)
	}
	// 2026-01-15 + 45 days = 2026-03-01.
	if due := loadAccount(t, db, "A1").Invoices[0].Due.String(); due != "2026-03-01" {
		t.Errorf("due %s, want 2026-03-01", due)
	}
}

// TestReimportSameNumbersOtherForm: a credit limit and a quantity are one
// record however the file writes them (a CSV's 5000.00 and 2.50, a
// workbook's 5000 and 2.5): the second form changes nothing.
func TestReimportSameNumbersOtherForm(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	must(t, db, "import", "accounts", write(t, dir, "a.csv", "code,name,currency,credit_limit\nA1,Alpha,USD,5000.00\n"))
	if got := importTwice(t, db, "accounts", write(t, dir, "a2.csv", "code,name,currency,credit_limit\nA1,Alpha,USD,5000\n")); got != "1 account unchanged" {
		t.Errorf("credit limit 5000 after 5000.00: %q", got)
	}
	must(t, db, "import", "invoices", write(t, dir, "i.csv", "account,number,issue_date,amount,quantity\nA1,I1,2025-11-01,100,2.50\n"))
	if got := importTwice(t, db, "invoices", write(t, dir, "i2.csv", "account,number,issue_date,amount,quantity\nA1,I1,2025-11-01,100.00,2.5\n")); got != "1 invoice unchanged" {
		t.Errorf("quantity 2.5 after 2.50: %q", got)
	}
}
