package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// acctdesk settings margin sets the products' margin rates in the book's
// settings (spelt as the invoices spell the product), lists them, removes
// one with PRODUCT=, and refuses a rate out of range, naming it. It needs
// a bbolt store that keeps Settings.MarginRates and the ledger's products.
func TestSettingsMargin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "book.db")
	if _, stderr, err := proc(t, db, "demo", "--as-of", "2026-11-18"); err != nil {
		t.Fatalf("demo: %v %s", err, stderr)
	}
	// The demo book sets all four of its products (Fleet 22, Rescue 35 stay as it set them).
	out, stderr, err := proc(t, db, "settings", "margin", "ago=4.5", "PMS=3.25%", "Widget=2")
	if err != nil {
		t.Fatalf("settings margin: %v %s", err, stderr)
	}
	if want := "AGO=4.5\nFleet=22\nPMS=3.25\nRescue=35\nWidget=2  (no invoice of the book names this product)\n"; out != want {
		t.Fatalf("settings margin said:\n%s\nwant:\n%s", out, want)
	}
	if out, _, err = proc(t, db, "settings", "margin", "widget="); err != nil || out != "AGO=4.5\nFleet=22\nPMS=3.25\nRescue=35\n" {
		t.Fatalf("after removing Widget: %v\n%s", err, out)
	}
	if out, _, err = proc(t, db, "settings", "margin"); err != nil || out != "AGO=4.5\nFleet=22\nPMS=3.25\nRescue=35\n" {
		t.Fatalf("the list: %v\n%s", err, out)
	}
	_, stderr, err = proc(t, db, "settings", "margin", "Rescue=120")
	if err == nil || !strings.Contains(stderr, "margin rate of Rescue must be 0 to 100 %") {
		t.Fatalf("120 %%: %v %s", err, stderr)
	}
	_, stderr, err = proc(t, db, "settings", "margin", "AGO")
	if err == nil || !strings.Contains(stderr, `"AGO": write PRODUCT=PCT`) {
		t.Fatalf("no rate: %v %s", err, stderr)
	}
}

// acctdesk settings lists every setting KEY=VALUE; settings set changes
// them (all or none) and what the reports compute follows; settings
// documents sets a segment's opening file.
func TestSettingsSetAndDocuments(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	out := must(t, db, "settings")
	for _, want := range []string{"name=", "aging-edges=30,60,90,120\n", "promise-grace=3\n", "reminder-levels=1,15,30\n", "target-nrr=110\n", "target-dso=0\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("settings does not list %q:\n%s", want, out)
		}
	}
	if _, err := acctdesk(t, db, "settings", "set", "aging-edges=30,20", "promise-grace=2"); err == nil || !strings.Contains(err.Error(), `aging-edges: "30,20" does not rise`) {
		t.Fatalf("edges that fall: %v", err)
	}
	if out := must(t, db, "settings"); !strings.Contains(out, "promise-grace=3\n") {
		t.Errorf("a refused set changed promise-grace:\n%s", out)
	}
	if _, err := acctdesk(t, db, "settings", "set", "grace=2"); err == nil || !strings.Contains(err.Error(), `"grace"`) {
		t.Errorf("an unknown key: %v", err)
	}
	if _, err := acctdesk(t, db, "settings", "set", "util-warn=81", "Util-Warn=82"); err == nil || !strings.Contains(err.Error(), "given twice") {
		t.Errorf("a key twice: %v", err)
	}
	out = must(t, db, "settings", "set", "aging-edges=15,45", "Target-DSO=40")
	if !strings.Contains(out, "aging-edges=15,45\n") || !strings.Contains(out, "target-dso=40\n") {
		t.Fatalf("after set:\n%s", out)
	}
	if head := strings.SplitN(must(t, db, "report", "aging", "--format", "csv"), "\n", 2)[0]; head != "account,currency,current,d1_15,d16_45,d45_plus,total,unapplied,net" {
		t.Errorf("the aging after edges 15,45: %s", head)
	}
	if out := must(t, db, "settings", "documents"); out != "*=company-registration,tax-identifier,signatory-id,signed-contract  (the default)\n" {
		t.Errorf("documents at first:\n%s", out)
	}
	out = must(t, db, "settings", "documents", "*=signed-contract", "Solar=company-registration, power-licence", "Mining=none")
	const unknown = "  (no account of the book is in this segment)"
	if out != "*=signed-contract\nMining=none"+unknown+"\nSolar=company-registration,power-licence"+unknown+"\n" {
		t.Errorf("documents after:\n%s", out)
	}
	if out = must(t, db, "settings", "documents", "solar=", "*=", "mining="); out != "*=company-registration,tax-identifier,signatory-id,signed-contract  (the default)\n" {
		t.Errorf("documents reset:\n%s", out)
	}
}
