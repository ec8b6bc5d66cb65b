package ui

import (
	"strings"
	"testing"

	"acctdesk/ui/internal/sample"
)

// TestMouseOnTheAccountsLists (issue 10, item 22): on an account's tab a
// click selects the row clicked, a double-click shows it whole, and the
// wheel scrolls the entry shown.
func TestMouseOnTheAccountsLists(t *testing.T) {
	m := loadedWith(t, 120, 40, sample.Store(), mouseOptions())
	press(m, ":", "ACC001", "enter", "tab", "tab") // the Activity tab
	if v := m.View(); !strings.Contains(v, "[Activity]") {
		t.Fatalf("not on the Activity tab:\n%s", v)
	}
	first := screenRow(t, m, "▸ ")
	target := first + 1 // the row below the cursor's
	drive(m, leftClick(10, target))
	if row := screenRow(t, m, "▸ "); row != target {
		t.Fatalf("clicked screen row %d, the cursor is on row %d:\n%s", target, row, m.View())
	}
	drive(m, leftClick(10, target), leftClick(10, target)) // a double-click
	if v := m.View(); !strings.Contains(v, "esc or enter closes") {
		t.Fatalf("a double-click did not show the entry whole:\n%s", v)
	}
}
