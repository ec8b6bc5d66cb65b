package common

import (
	"strings"
	"testing"

	"acctdesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

func TestLayout(t *testing.T) {
	cols := []Column{
		{Title: "code", Width: 8},
		{Title: "name", Width: 20, Min: 10, Max: 30, Fill: true},
		{Title: "ar", Width: 9, Drop: 1},
		{Title: "owner", Width: 10, Max: 14, Drop: 3},
		{Title: "dso", Width: 4, Drop: 2},
	}
	cases := []struct {
		total int
		want  []int
	}{
		// 8+20+9+10+4 = 51 plus 4 gaps = 55: all at their width
		{55, []int{8, 20, 9, 10, 4}},
		// 5 spare: owner grows first (it is not a Fill column) by 4, then name by 1
		{60, []int{8, 21, 9, 14, 4}},
		// 10 short: name shrinks to 10
		{45, []int{8, 10, 9, 10, 4}},
		// 11 short: name cannot go below 10, so owner (drop 3) goes and name
		// gets its width back: 8+20+9+4 and 3 gaps = 44
		{44, []int{8, 20, 9, 0, 4}},
		// then dso (drop 2): 8+11+9 and 2 gaps = 30; then ar (drop 1)
		{30, []int{8, 11, 9, 0, 0}},
		{20, []int{8, 11, 0, 0, 0}},
		// code never drops: the row is cut at the edge
		{5, []int{8, 10, 0, 0, 0}},
	}
	for _, c := range cases {
		got := Layout(cols, c.total)
		if !equal(got, c.want) {
			t.Errorf("Layout(%d) = %v, want %v", c.total, got, c.want)
		}
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestRowUsesAltWhenNarrow(t *testing.T) {
	cols := []Column{{Title: "a", Width: 6, Right: true}}
	got := Row(cols, []int{6}, []Cell{{Text: "₦4,200,000.00", Alt: "₦4.2M"}}, true)
	if got != " ₦4.2M" {
		t.Fatalf("%q", got)
	}
	got = Row(cols, []int{6}, []Cell{{Text: "₦12.00", Alt: "₦12"}}, true)
	if got != "₦12.00" {
		t.Fatalf("%q", got)
	}
}

func TestListSkipsHeadings(t *testing.T) {
	heading := map[int]bool{0: true, 3: true, 4: true}
	l := List{Len: 8, Height: 3, Skip: func(i int) bool { return heading[i] }}.Move(0)
	if l.Cursor != 1 || l.Offset != 0 {
		t.Fatalf("start %+v", l)
	}
	l = l.Move(1).Move(1) // 2, then over 3 and 4 to 5
	if l.Cursor != 5 {
		t.Fatalf("cursor %d", l.Cursor)
	}
	if l.Offset != 3 { // keeps 5 in a window of 3 … and shows heading 4 above it
		t.Fatalf("offset %d", l.Offset)
	}
	l = l.Move(-1) // over the headings back to 2
	if l.Cursor != 2 {
		t.Fatalf("back to %d", l.Cursor)
	}
	l = l.Bottom()
	if l.Cursor != 7 || l.Offset != 5 {
		t.Fatalf("bottom %+v", l)
	}
	l = l.Top()
	if l.Cursor != 1 || l.Offset != 0 {
		t.Fatalf("top %+v", l)
	}
	l = l.Page(1)
	if l.Cursor != 5 {
		t.Fatalf("page down to %d", l.Cursor)
	}
	l = l.SetLen(2)
	if l.Cursor != 1 || l.Offset != 0 {
		t.Fatalf("shrunk %+v", l)
	}
	l = l.SetLen(0)
	if from, to := l.Window(); from != 0 || to != 0 {
		t.Fatalf("empty window %d %d", from, to)
	}
}

func TestFuzzy(t *testing.T) {
	order := []string{"acc001", "acc0012", "xacc001", "dangote haulage", "a c c 0 0 1"}
	var last = 1 << 30
	for _, target := range order {
		s, ok := Fuzzy("acc001", target)
		if !ok {
			if target == "dangote haulage" {
				continue
			}
			t.Fatalf("%q does not match", target)
		}
		if s > last {
			t.Fatalf("%q scores %d, more than the one before (%d)", target, s, last)
		}
		last = s
	}
	if _, ok := Fuzzy("dgh", "dangote haulage"); !ok {
		t.Fatal("letters in order must match")
	}
	if _, ok := Fuzzy("hd", "dangote haulage"); ok {
		t.Fatal("letters out of order must not match")
	}
	if a, _ := MatchCodeName("lek", "acc010", "lekki property mgmt"); a <= 0 {
		t.Fatal("a name prefix matches")
	}
}

func TestCutAndFit(t *testing.T) {
	cases := []struct {
		in   string
		w    int
		want string
	}{
		{"Dangote Haulage Ltd", 10, "Dangote H…"},
		{"Dangote", 10, "Dangote   "},
		{"東京商事 Tokyo", 6, "東京… "}, // a wide rune does not fit in the last cell
		{"Ọ̀yọ́ Transport", 6, "Ọ̀yọ́ T…"},
		{"", 3, "   "},
	}
	for _, c := range cases {
		got := Fit(c.in, c.w)
		if got != c.want || Width(got) != c.w {
			t.Errorf("Fit(%q, %d) = %q (%d cells), want %q", c.in, c.w, got, Width(got), c.want)
		}
	}
	if got := FitRight("₦4.2M", 7); got != "  ₦4.2M" {
		t.Errorf("FitRight %q", got)
	}
	// Clean is domain.Safe on one line: every control character, bidi or
	// zero-width character and stray byte is written out, visibly.
	for in, want := range map[string]string{
		"a\x1b[31mred\x07\nnext": `a\x1b[31mred\x07 next`,
		"tab\there\r":            `tab here\x0d`,
		"csi\u009b2J":            `csi\x9b2J`,
		"\u202eevil\u200b":       `\u202eevil\u200b`,
		"bad \xff byte":          `bad \xff byte`,
		"Lomé Transit SA, ₦4.2M": "Lomé Transit SA, ₦4.2M",
	} {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
	block := Lines([]string{"abc", strings.Repeat("x", 20)}, 5, 3)
	if block != "abc  \nxxxx…\n     " {
		t.Errorf("Lines %q", block)
	}
}

func TestField(t *testing.T) {
	var f Field
	type k = tea.KeyMsg
	for _, m := range []k{
		{Type: tea.KeyRunes, Runes: []rune("helo")},
		{Type: tea.KeyLeft},
		{Type: tea.KeyRunes, Runes: []rune("l")},
		{Type: tea.KeyEnd},
		{Type: tea.KeySpace},
		{Type: tea.KeyRunes, Runes: []rune("wörld")},
	} {
		if !f.Key(m) {
			t.Fatalf("%v not used", m)
		}
	}
	if f.String() != "hello wörld" || f.Pos != 11 {
		t.Fatalf("%q at %d", f.String(), f.Pos)
	}
	f.Key(k{Type: tea.KeyCtrlW})
	if f.String() != "hello " {
		t.Fatalf("ctrl+w: %q", f.String())
	}
	f.Key(k{Type: tea.KeyBackspace})
	f.Key(k{Type: tea.KeyHome})
	f.Key(k{Type: tea.KeyDelete})
	if f.String() != "ello" || f.Pos != 0 {
		t.Fatalf("%q at %d", f.String(), f.Pos)
	}
	if f.Key(k{Type: tea.KeyEnter}) || f.Key(k{Type: tea.KeyTab}) {
		t.Fatal("enter and tab belong to the form")
	}
	f.Key(k{Type: tea.KeyRunes, Runes: []rune("a\x1bb\tc"), Paste: true})
	if f.String() != "ab cello" {
		t.Fatalf("paste: %q", f.String())
	}
}

// One date style (issue 10, item 11): the day always, the year whenever it
// is not the as-of year, near or far ("Jul'27" beside "28 May" was the bug).
func TestDay(t *testing.T) {
	asOf := domain.MustDate("2026-11-22")
	for in, want := range map[string]string{
		"2026-11-16": "16 Nov", "2026-06-01": "01 Jun", "2026-01-01": "01 Jan", "2026-12-31": "31 Dec", // the as-of year
		"2027-01-16": "16 Jan'27", "2025-12-31": "31 Dec'25", // near, another year
		"2027-06-30": "30 Jun'27", "2025-03-01": "01 Mar'25", "2025-09-24": "24 Sep'25", // far: the day stays
	} {
		got := Day(domain.MustDate(in), asOf)
		if got != want {
			t.Errorf("Day(%s) = %q, want %q", in, got, want)
		}
		if Width(got) > DateWidth {
			t.Errorf("Day(%s) = %q is wider than a date column", in, got)
		}
	}
	if Day(0, asOf) != "" {
		t.Error("the zero date prints")
	}
}
