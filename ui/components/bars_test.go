package components

import (
	"strings"
	"testing"

	"acctdesk/ui/common"
)

func TestBars(t *testing.T) {
	// Width 30: labels 6 wide ("30 Nov"; the escape shows as the 5 cells "a\x1b"), texts 4 ("₦10M"):
	// room 30 − 6 − 4 − 4 ("  ", " │") = 16.
	// 10 of 10 → 16 cells, 3 promised → round(3/10 × 16) = round(4.8) = 5 █ then 11 ░;
	// 5 → 5/10 × 16 = 8 cells, none promised; 0.01 → at least 1, its part too; 0 → none.
	got := Bars([]Bar{
		{Label: "30 Nov", Value: 10, Part: 3, Text: "₦10M"},
		{Label: "later", Value: 5, Text: "₦5M"},
		{Label: "a\x1b", Value: 0.01, Part: 0.01, Text: "₦0"},
		{Label: "none", Value: 0, Text: "-"},
	}, 30, BarStyles{})
	want := []string{
		"30 Nov  ₦10M │" + strings.Repeat("█", 5) + strings.Repeat("░", 11),
		"later    ₦5M │" + strings.Repeat("░", 8),
		`a\x1b     ₦0 │█`,
		"none       - │",
	}
	for i := range want {
		if i >= len(got) || got[i] != want[i] {
			t.Errorf("line %d:\n got %q\nwant %q", i, got[i], want[i])
		}
		if n := common.Width(got[i]); n > 30 {
			t.Errorf("line %d is %d wide", i, n)
		}
	}
}
