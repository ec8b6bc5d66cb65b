package components

import (
	"strconv"
	"strings"
	"testing"

	"acctdesk/ui/common"
)

func TestLine(t *testing.T) {
	scale := func(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) }
	pts := []LinePoint{{Label: "a", Value: 10, Valid: true}, {Label: "b", Value: 20, Valid: true}, {Label: "c", Value: 15, Valid: true}}
	// Width 20, 3 lines from 10 to 20: a line every 5 (10, 15, 20), the
	// labels 2 wide, "10 ┤" then 16 cells: 3 points of 5 cells each. 10 is
	// on the bottom line, 20 on the top, 15 between; each join is drawn in
	// the first cell of the later point's slot.
	want := []string{
		"20 ┤     ╭────╮    ",
		"15 ┤     │    ╰────",
		"10 ┤─────╯         ",
		"   └───────────────",
		"    a    b    c",
	}
	check := func(got, want []string) {
		t.Helper()
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		for i, l := range got {
			if common.Width(l) > 20 {
				t.Errorf("line %d is %d wide", i, common.Width(l))
			}
		}
	}
	check(Line(pts, 20, 3, scale, 0, false, LineStyles{}), want)
	// A target of 12 rounds to the bottom line, 10: a dotted rule under
	// the line.
	want[2] = "10 ┤─────╯┄┄┄┄┄┄┄┄┄"
	check(Line(pts, 20, 3, scale, 12, true, LineStyles{}), want)
	// A point without a value breaks the line; the next one starts anew.
	// The scale is the values': 10 to 15, a line every 2.5.
	pts[1].Valid = false
	check(Line(pts, 20, 3, scale, 0, false, LineStyles{}), []string{
		"15 ┤          ─────",
		"12 ┤               ",
		"10 ┤─────          ",
		"   └───────────────",
		"    a    b    c",
	})
}

func TestStacked(t *testing.T) {
	// Width 20: labels 2 wide, texts 1: room 20 − 2 − 1 − 4 = 13, the
	// largest stack 4. a: 2 ends at round(2/4 × 13) = round(6.5) = 7, 3
	// at round(9.75) = 10, 4 at 13: 7, 3 and 3 cells. bb: 0.01 ends at
	// round(0.03) = 0, 1.01 at round(3.28) = 3: 0, 0, 3 cells, and the
	// 0.01 takes one of the largest's to show.
	got := Stacked([]Stack{
		{Label: "a", Parts: []float64{2, 1, 1}, Text: "4"},
		{Label: "bb", Parts: []float64{0, 0.01, 1}, Text: "1"},
		{Label: "c", Parts: []float64{0, 0}, Text: "-"},
	}, 20, StackStyles{})
	want := []string{
		"a   4 │·······░░░▒▒▒",
		"bb  1 │░▒▒",
		"c   - │",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Past the glyphs, the last one draws the rest.
	if StackGlyph(7) != "█" || StackGlyph(0) != "·" {
		t.Error("glyphs")
	}
}
