package reports

import (
	"fmt"
	"testing"

	"acctdesk/domain"
)

// The first column always shows; from the first scrolled to, each column
// whole while it fits, then a text column cut to what is left when that is
// 6 cells or more; a number is never cut.
func TestShownColumns(t *testing.T) {
	s := &sheet{cols: []column{{title: "ACCOUNT", width: 7}, {title: "NAME", width: 30}, {title: "AR", width: 12, right: true}, {title: "NOTE", width: 20}}}
	for _, c := range []struct {
		w, first    int
		idx, widths string
		span        string
	}{
		// 7, then 2 + 30 = 39 of 40; AR needs 2 + 12: no room.
		{40, 0, "[0 1]", "[7 30]", "columns 1–2 of 4"},
		// 7 leaves 23: NAME cut to 21.
		{30, 0, "[0 1]", "[7 21]", "columns 1–2 of 4"},
		// Scrolled one right: 7, AR 2 + 12 leaves 9, NOTE cut to 7.
		{30, 1, "[0 2 3]", "[7 12 7]", "columns 1, 3–4 of 4"},
		// 7 and AR leave 3 of 24: NOTE would be 1 cell, left out.
		{24, 1, "[0 2]", "[7 12]", "columns 1, 3 of 4"},
		// Room for all.
		{80, 0, "[0 1 2 3]", "[7 30 12 20]", "4 columns"},
		// Narrower than the first column: it is cut to the screen.
		{5, 0, "[0]", "[5]", "column 1 of 4"},
	} {
		s.first = c.first
		idx, widths := s.shown(c.w)
		if fmt.Sprint(idx) != c.idx || fmt.Sprint(widths) != c.widths || span(idx, 4) != c.span {
			t.Errorf("%d cells from %d: %v %v %q, want %s %s %q", c.w, c.first, idx, widths, span(idx, 4), c.idx, c.widths, c.span)
		}
	}
}

// Periods at the turns of months, quarters and years: last month of 1
// January is December before, the quarter before Q1 is Q4 before, 31 March's
// month before is February.
func TestPeriods(t *testing.T) {
	for asOf, want := range map[string]string{
		"2026-01-01": "[12m 2026-01 2025-12 2026-Q1 2025-Q4 2026 2025]",
		"2026-03-31": "[12m 2026-03 2026-02 2026-Q1 2025-Q4 2026 2025]",
		"2026-12-02": "[12m 2026-12 2026-11 2026-Q4 2026-Q3 2026 2025]",
		"2024-02-29": "[12m 2024-02 2024-01 2024-Q1 2023-Q4 2024 2023]",
	} {
		if got := fmt.Sprint(Periods(domain.MustDate(asOf))); got != want {
			t.Errorf("periods as of %s: %s, want %s", asOf, got, want)
		}
	}
}
