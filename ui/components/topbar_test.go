package components

import (
	"testing"

	"github.com/charmbracelet/x/ansi"

	"acctdesk/domain"
	"acctdesk/ui/common"
	"acctdesk/ui/styles"
)

// A bar too narrow for every label shows the active tab's label and the
// others' keys alone, then as much of the book's name and date as fits.
func TestTopBarKeysWhenNarrow(t *testing.T) {
	c := common.Common{Styles: styles.DefaultStyles()}
	tabs := []string{"1 Queue", "2 Book", "3 Aging", "4 Account", "5 Dashboard", "6 Renewals", "7 Cross-sell", "8 Reports"}
	asOf := domain.MustDate("2026-11-17")
	for w, want := range map[int]string{
		160: " acctdesk  1 Queue   2 Book   3 Aging   4 Account  [5 Dashboard]  6 Renewals   7 Cross-sell   8 Reports                 Lagos fuel book · as of Tue 17 Nov 2026 ",
		80:  "  1   2   3   4  [5 Dashboard]  6   7   8   Lagos fuel book · as of 17 Nov 2026 ",
		50:  "  1   2   3   4  [5 Dashboard]  6   7   8         ",
		30:  "  1   2   3   4  [5 Dashboard…",
	} {
		if got := ansi.Strip(TopBar(c, tabs, 4, "Lagos fuel book", asOf, asOf, w)); got != want || common.Width(got) != w {
			t.Errorf("at %d:\n got %q\nwant %q", w, got, want)
		}
	}
}
