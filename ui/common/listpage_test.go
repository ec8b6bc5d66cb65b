package common

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/ui/keymap"
	"acctdesk/ui/styles"
)

// item is a row of a list under test: a code, a name and a group.
type item struct{ code, name, group string }

func testList(h int) ListPage[item] {
	c := Common{Width: 40, Height: h, Styles: styles.DefaultStyles(), Keys: keymap.DefaultKeyMap()}
	l := NewListPage(c, ListSpec[item]{
		Key:      func(r *item) string { return r.code },
		Match:    func(r *item) (string, string) { return Fold(r.code), Fold(r.name) },
		Sorts:    []string{"code", "name"},
		Groups:   []string{"none", "group"},
		GroupKey: key.NewBinding(key.WithKeys("g")),
		Order: func(rows []*item, sort, group int) []int {
			idx := make([]int, len(rows))
			for i := range idx {
				idx[i] = i
			}
			slices.SortStableFunc(idx, func(a, b int) int {
				x, y := rows[a], rows[b]
				if group == 1 && x.group != y.group {
					return strings.Compare(x.group, y.group)
				}
				if sort == 1 {
					return strings.Compare(x.name, y.name)
				}
				return strings.Compare(x.code, y.code)
			})
			return idx
		},
		Group: func(rows []*item, order []int, group int) []Line {
			var out []Line
			prev := ""
			for _, i := range order {
				if group == 1 && rows[i].group != prev {
					prev = rows[i].group
					out = append(out, Line{Row: -1, Heading: prev})
				}
				out = append(out, Line{Row: i})
			}
			return out
		},
	})
	l.Resize(h)
	return l
}

func items(codes ...string) []*item {
	names := map[string]string{"A": "zulu", "B": "yankee", "C": "xray", "D": "whisky", "E": "victor"}
	groups := map[string]string{"A": "2", "B": "1", "C": "2", "D": "1", "E": "2"}
	var out []*item
	for _, c := range codes {
		out = append(out, &item{code: c, name: names[c], group: groups[c]})
	}
	return out
}

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

func (l *ListPage[R]) shownKeys() []string {
	var out []string
	for _, ln := range l.lines {
		if ln.Row >= 0 {
			out = append(out, l.spec.Key(l.rows[ln.Row]))
		}
	}
	return out
}

// The cursor follows its row through new data, a sort, a grouping and a
// filter dropped; a row that left leaves the cursor where it was.
func TestListKeepsSelection(t *testing.T) {
	l := testList(10)
	l.SetRows(items("A", "B", "C", "D"))
	l.HandleKey(tea.KeyMsg{Type: tea.KeyDown})
	if l.CurrentKey() != "B" {
		t.Fatalf("on %q", l.CurrentKey())
	}
	l.SetRows(items("E", "D", "C", "B", "A")) // new data, another order given
	if l.CurrentKey() != "B" {
		t.Fatalf("after new rows on %q", l.CurrentKey())
	}
	l.HandleKey(runes("s")) // by name: E victor, D whisky, C xray, B yankee, A zulu
	if got := l.shownKeys(); !slices.Equal(got, []string{"E", "D", "C", "B", "A"}) || l.CurrentKey() != "B" || l.SortName() != "name" {
		t.Fatalf("by name %v on %q", got, l.CurrentKey())
	}
	l.HandleKey(runes("g")) // group 1: D B; group 2: E C A — B is the second line of five rows and two headings
	if l.CurrentKey() != "B" || l.GroupName() != "group" || len(l.Lines()) != 7 {
		t.Fatalf("grouped on %q, %d lines", l.CurrentKey(), len(l.Lines()))
	}
	l.SetRows(items("A", "C", "D")) // B left: the cursor stays at its place
	if l.CurrentKey() == "" {
		t.Fatal("the cursor rests on a heading")
	}
}

// / types a filter that holds every key (q included) until enter or esc;
// esc drops it and the cursor stays on its row.
func TestListFilter(t *testing.T) {
	l := testList(10)
	l.SetRows(items("A", "B", "C", "D", "E"))
	l.HandleKey(runes("/"))
	for _, r := range "ray" {
		if !l.HandleKey(runes(string(r))) {
			t.Fatalf("%c was not the filter's", r)
		}
	}
	if got := l.shownKeys(); !slices.Equal(got, []string{"C"}) || l.Shown() != 1 || l.Count() != 5 || !l.InputFocused() {
		t.Fatalf("filter ray: %v", got)
	}
	l.HandleKey(tea.KeyMsg{Type: tea.KeyEnter})
	if l.InputFocused() || !l.Filtered() || l.HandleKey(runes("q")) {
		t.Fatal("enter did not end typing, or the list took q")
	}
	l.HandleKey(tea.KeyMsg{Type: tea.KeyEsc})
	if l.Filtered() || l.Shown() != 5 || l.CurrentKey() != "C" {
		t.Fatalf("esc: %d shown, on %q", l.Shown(), l.CurrentKey())
	}
}

// Only the lines on screen are drawn, headings included.
func TestListWindow(t *testing.T) {
	l := testList(3)
	var rows []*item
	for i := 0; i < 1000; i++ {
		rows = append(rows, &item{code: strings.Repeat("x", i%7) + string(rune('a'+i%26)), group: "1"})
	}
	l.SetRows(rows)
	drawn := 0
	cols := []Column{{Title: "code", Width: 10}}
	lines := l.Window(cols, Layout(cols, 38), func(_ int, r *item) []Cell { drawn++; return []Cell{{Text: r.code}} })
	if len(lines) != 3 || drawn != 3 || !strings.HasPrefix(lines[0], "▸ ") {
		t.Fatalf("%d lines, %d rows drawn: %q", len(lines), drawn, lines)
	}
	l.Advance(l.CurrentKey())
	if l.nav.Cursor != 1 {
		t.Fatalf("advance: cursor %d", l.nav.Cursor)
	}
}

// S reverses the sort within each group (headings stay), rows without the
// sort's figure stay last, the cursor keeps its row, and the header's arrow
// turns; a column too narrow for title and arrow gives up letters, not the
// arrow (issue 10, item 13: "…" for "T↑").
func TestListReverseAndArrow(t *testing.T) {
	l := testList(10)
	l.spec.SortColumns = []SortColumn{{Column: "code"}, {Column: "name", Desc: true}}
	l.spec.Last = func(r *item, _ int) bool { return r.code == "D" } // D has no figure
	l.SetRows(items("A", "B", "C", "D", "E"))
	cols := []Column{{Title: "code", Width: 5}, {Title: "name", Width: 6}, {Title: "T", Width: 1}}
	widths := Layout(cols, 20)
	if h := l.Header(cols, widths); !strings.HasPrefix(h, "code↑ name ") {
		t.Fatalf("header %q", h)
	}
	l.HandleKey(runes("g")) // group 1: B D; group 2: A C E
	l.HandleKey(tea.KeyMsg{Type: tea.KeyHome})
	l.HandleKey(tea.KeyMsg{Type: tea.KeyDown}) // on D (B, D under the first heading)
	if !l.HandleKey(runes("S")) {
		t.Fatal("S is not the list's")
	}
	// group 1 reversed: D B, D kept last: B D; group 2: E C A
	if got := l.shownKeys(); !slices.Equal(got, []string{"B", "D", "E", "C", "A"}) || l.Lines()[0].Row >= 0 || l.Lines()[3].Row >= 0 {
		t.Fatalf("reversed %v, lines %v", got, l.Lines())
	}
	if l.CurrentKey() != "D" || l.SortName() != "code, reversed" || !l.Reversed() {
		t.Fatalf("on %q, sort %q", l.CurrentKey(), l.SortName())
	}
	if h := l.Header(cols, widths); !strings.HasPrefix(h, "code↓ name ") {
		t.Fatalf("reversed header %q", h)
	}
	l.HandleKey(runes("S"))
	if got := l.shownKeys(); !slices.Equal(got, []string{"B", "D", "A", "C", "E"}) {
		t.Fatalf("S again %v", got)
	}
	// a one-cell column: the arrow, not "…"
	if h := SortedHeader(cols, widths, 2, false); !strings.HasSuffix(h, " ↑") {
		t.Fatalf("narrow header %q", h)
	}
}
