package components

import (
	"fmt"
	"strings"
	"testing"

	"acctdesk/ui/common"
)

func TestColumns(t *testing.T) {
	scale := func(v float64) string { return fmt.Sprint(v) }
	// Width 20, 2 lines: the top is 4 ("4", 1 cell), room 20 − 1 − 2 = 17, four
	// columns of 17 ÷ 4 = 4 cells, bars of 3. 2 lines are 16 eighths: a value
	// v is 16 × v ÷ 4 = 4v eighths. A 4 → 16 (two full cells); B 2 → 8 (the
	// lower cell); C 1 → 4 (▄ in the lower cell) with a forecast of 3 → 12:
	// the upper cell holds 12 − 8 = 4 eighths of it, half a cell: shaded;
	// D's forecast 2 → 8: the lower cell shaded, nothing above.
	got := Columns([]Column{
		{Label: "J", Value: 4},
		{Value: 2},
		{Label: "N", Pinned: true, Value: 1, Forecast: 3, HasForecast: true},
		{Forecast: 2, HasForecast: true},
	}, 20, 2, scale, ColumnStyles{})
	want := []string{
		"4 ┤███     ░░░     ",
		"  │███ ███ ▄▄▄ ░░░ ",
		"0 └" + strings.Repeat("─", 16),
		"   J       N",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i, l := range got {
		if common.Width(l) > 20 {
			t.Errorf("line %d is %d wide", i, common.Width(l))
		}
	}
}

func TestColumnsNarrowAndLabels(t *testing.T) {
	scale := func(v float64) string { return fmt.Sprint(v) }
	// Width 6: room 6 − 1 − 2 = 3 for five columns: the last three, one cell
	// each, no gap. A tiny value still shows an eighth; a tiny forecast a
	// shaded cell. The pinned label "now" would run past the end: it ends there.
	got := Columns([]Column{{Value: 9}, {Value: 9}, {Value: 8}, {Value: 0.01}, {Label: "now", Pinned: true, Forecast: 0.01, HasForecast: true}}, 6, 1, scale, ColumnStyles{})
	want := []string{"8 ┤█▁░", "0 └───", "   now"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Labels that would touch the one before are left out: "Jan" at 3 … 5, "Feb" at 5 is too close.
	got = Columns([]Column{{Label: "Jan", Value: 1}, {Label: "Feb", Value: 1}, {Label: "Mar", Value: 1}}, 9, 1, scale, ColumnStyles{})
	if l := got[len(got)-1]; l != "   Jan" {
		t.Fatalf("labels %q", l)
	}
	if Columns(nil, 2, 3, scale, ColumnStyles{}) != nil {
		t.Error("no room: nothing drawn")
	}
	if got := Columns(nil, 10, 1, scale, ColumnStyles{}); len(got) != 3 {
		t.Errorf("no columns: the axes, %q", got)
	}
}
