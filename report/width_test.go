package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestTableAlignsWideCharacters: a name in CJK or with an emoji takes two
// terminal columns a character; the table pads by what a terminal shows,
// so every column after it starts at the same column on every line (issue
// 10, item 19). Counting runes instead puts "ada" two columns early on the
// line of 東京物流 for each of its four characters.
func TestTableAlignsWideCharacters(t *testing.T) {
	tb := &Table{Columns: []Column{{"account", Text, ""}, {"name", Text, ""}, {"owner", Text, ""}, {"ar", Number, ""}}}
	for _, r := range [][]string{
		{"TOKY01", "東京物流", "ada", "1,000.00"},
		{"TRUCK1", "Fleet 🚚 Ltd", "tunde", "12.50"},
		{"CAFE01", "Café Ré", "ngozi", "3.00"},       // é as one precomposed character
		{"COMB01", "Cafe\u0301 Ltd", "bola", "4.00"}, // e + combining acute: one column
	} {
		row := make([]Cell, len(r))
		for i, s := range r {
			row[i] = T(s)
		}
		tb.Rows = append(tb.Rows, row)
	}
	var b bytes.Buffer
	if err := tb.Write(&b, "table"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	// Where the owner column starts, in terminal columns, on each line.
	ownerAt := func(line, owner string) int {
		i := strings.Index(line, owner+" ")
		if i < 0 {
			t.Fatalf("no %q in %q", owner, line)
		}
		return ansi.StringWidth(line[:i])
	}
	want := ownerAt(lines[0], "OWNER")
	for i, owner := range []string{"ada", "tunde", "ngozi", "bola"} {
		if got := ownerAt(lines[i+1], owner); got != want {
			t.Errorf("line %d: owner at column %d, heading at %d:\n%s", i+1, got, want, b.String())
		}
	}
	// Right-aligned numbers end at the same column too.
	end := ansi.StringWidth(lines[0])
	for _, l := range lines[1:] {
		if w := ansi.StringWidth(l); w != end {
			t.Errorf("line %q ends at column %d, the heading at %d", l, w, end)
		}
	}
}
