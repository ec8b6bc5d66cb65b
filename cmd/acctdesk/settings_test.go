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
