package common

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Line is one line of a list: a row, or a group heading.
type Line struct {
	Row     int // index into the rows; -1 for a heading
	Heading string
}

// ListSpec is what the list behaviour needs to know about one kind of row.
type ListSpec[R any] struct {
	// Key names a row across data changes: the cursor follows it.
	Key func(r *R) string
	// Match is the row's code and name, folded (Fold), for the filter.
	Match func(r *R) (code, name string)
	// Words, when set, is more of the row's text, folded: a filter found in
	// it at a word start matches too (the queue's reasons).
	Words func(r *R) string
	// Sorts and Groups name the orders s and the groupings GroupKey cycle
	// through; the first of each is the default.
	Sorts, Groups []string
	// SortColumns, one per sort (optional), name the column each sort
	// orders by and its direction, for the arrow in the column header.
	SortColumns []SortColumn
	// Last, when set, reports a row without the figure a sort orders by
	// (no limit, no DSO): such rows stay last when the sort is reversed.
	Last     func(r *R, sort int) bool
	GroupKey key.Binding
	// Order is every row's index in a sort order within a grouping.
	Order func(rows []*R, sort, group int) []int
	// Group puts a heading before each group of ordered rows (group 0: none).
	Group func(rows []*R, order []int, group int) []Line
}

// SortColumn is the column a sort orders by ("" for none shown) and its
// direction: Desc for the highest first.
type SortColumn struct {
	Column string
	Desc   bool
}

// ListPage is the list the queue, book and aging pages are made of, written
// once (lazygit's list controller, gh-dash's section): the rows, a filter
// typed after /, the sort cycled with s and the grouping with g, the cursor
// kept on its row across data changes, and only the lines on screen drawn.
// S reverses the sort, within each group.
type ListPage[R any] struct {
	Common
	spec        ListSpec[R]
	rows        []*R  // never changed: shared with the page's data
	order       []int // every row in the sort and grouping; nil until needed
	lines       []Line
	shown       int // rows that pass the filter
	nav         List
	filter      Field
	filtering   bool
	sort, group int
	reversed    bool
	// Blurred, when set, draws no cursor: the page's cursor is elsewhere
	// (the queue's line of what changed).
	Blurred bool
}

// NewListPage makes an empty list of one kind of row.
func NewListPage[R any](c Common, spec ListSpec[R]) ListPage[R] {
	l := ListPage[R]{Common: c, spec: spec}
	l.filter.Placeholder = "code or name"
	return l
}

// SetRows shows new rows. The cursor stays on the row it was on when that
// row is still there, else at the same place.
func (l *ListPage[R]) SetRows(rows []*R) {
	keep := l.CurrentKey()
	l.rows, l.order = rows, nil
	l.rebuild(keep)
}

// Resize sets how many lines the list has on screen.
func (l *ListPage[R]) Resize(h int) { l.nav = l.nav.Resize(max(h, 1)) }

func (l *ListPage[R]) rebuild(keep string) {
	if l.order == nil {
		l.order = l.spec.Order(l.rows, l.sort, l.group)
	}
	shown := FilterRowsWords(l.rows, l.order, l.filter.String(), l.spec.Match, l.spec.Words)
	l.shown = len(shown)
	l.lines = l.spec.Group(l.rows, shown, l.group)
	if l.reversed {
		l.reverseGroups()
	}
	lines := l.lines
	l.nav.Skip = func(i int) bool { return lines[i].Row < 0 }
	l.nav = l.nav.SetLen(len(lines))
	if keep == "" {
		return
	}
	for i, ln := range lines {
		if ln.Row >= 0 && l.spec.Key(l.rows[ln.Row]) == keep {
			l.nav.Cursor = i
			l.nav = l.nav.Scroll()
			return
		}
	}
}

// FilterRows keeps the rows of order whose code or name matches query
// (fuzzy, without regard to case or accents), in order.
func FilterRows[R any](rows []*R, order []int, query string, match func(*R) (code, name string)) []int {
	return FilterRowsWords(rows, order, query, match, nil)
}

// FilterRowsWords is FilterRows that also keeps the rows whose words (when
// words is not nil) hold the query at a word start. When some row's words
// do ("promise"), the query is a word, not a name typed in bits: the rows
// kept are those with the word, or whose code or name has it at a word
// start — not names that merely hold its letters in order.
func FilterRowsWords[R any](rows []*R, order []int, query string, match func(*R) (code, name string), words func(*R) string) []int {
	q := Fold(strings.TrimSpace(query))
	if q == "" {
		return order
	}
	byWord := func(i int) bool { return words != nil && HasWordPrefix(words(rows[i]), q) }
	asWord := false
	for _, i := range order {
		if byWord(i) {
			asWord = true
			break
		}
	}
	out := make([]int, 0, len(order))
	for _, i := range order {
		code, name := match(rows[i])
		switch {
		case byWord(i):
		case asWord && (HasWordPrefix(code, q) || HasWordPrefix(name, q)):
		case !asWord:
			if _, ok := MatchCodeName(q, code, name); !ok {
				continue
			}
		default:
			continue
		}
		out = append(out, i)
	}
	return out
}

// HandleKey applies the list's keys and reports whether the key was one.
// While the filter is typed every key is the filter's (enter keeps it, esc
// drops it, ↑ and ↓ still move); otherwise the navigation keys, / to type
// the filter, esc to clear it, s and the group key.
func (l *ListPage[R]) HandleKey(km tea.KeyMsg) bool {
	k := l.Keys
	if l.filtering {
		keep := l.CurrentKey()
		var edit FilterEdit
		l.nav, edit, l.filtering = FilterKey(l.nav, &l.filter, km)
		switch edit {
		case FilterDropped:
			l.rebuild(keep)
		case FilterChanged:
			l.rebuild("")
			l.nav = l.nav.Top()
		}
		return true
	}
	if nav, ok := NavKey(l.nav, km, k); ok {
		l.nav = nav
		return true
	}
	switch {
	case key.Matches(km, k.Filter):
		l.filtering = true
	case key.Matches(km, k.Back) && l.Filtered():
		keep := l.CurrentKey()
		l.filter.Set("")
		l.rebuild(keep)
	case key.Matches(km, k.Sort):
		l.cycle(&l.sort, len(l.spec.Sorts))
	case key.Matches(km, k.Reverse):
		keep := l.CurrentKey()
		l.reversed = !l.reversed
		l.rebuild(keep)
	case key.Matches(km, l.spec.GroupKey):
		l.cycle(&l.group, len(l.spec.Groups))
	default:
		return false
	}
	return true
}

func (l *ListPage[R]) cycle(mode *int, n int) {
	keep := l.CurrentKey()
	*mode = (*mode + 1) % n
	l.order = nil
	l.rebuild(keep)
}

// reverseGroups reverses the rows between headings (each group keeps its
// place and its heading); rows without the sort's figure stay last.
func (l *ListPage[R]) reverseGroups() {
	lines := slices.Clone(l.lines) // the spec's lines are its own
	for a := 0; a < len(lines); {
		if lines[a].Row < 0 {
			a++
			continue
		}
		b := a
		for b < len(lines) && lines[b].Row >= 0 {
			b++
		}
		run := lines[a:b]
		slices.Reverse(run)
		if l.spec.Last != nil {
			slices.SortStableFunc(run, func(x, y Line) int {
				return cmpBool(l.spec.Last(l.rows[x.Row], l.sort), l.spec.Last(l.rows[y.Row], l.sort))
			})
		}
		a = b
	}
	l.lines = lines
}

func cmpBool(x, y bool) int {
	switch {
	case x == y:
		return 0
	case x:
		return 1
	}
	return -1
}

// Current is the row under the cursor.
func (l *ListPage[R]) Current() (*R, bool) {
	if l.nav.Cursor >= len(l.lines) {
		return nil, false
	}
	r := l.lines[l.nav.Cursor].Row
	if r < 0 {
		return nil, false
	}
	return l.rows[r], true
}

// CurrentKey is the key of the row under the cursor, or "".
func (l *ListPage[R]) CurrentKey() string {
	if r, ok := l.Current(); ok {
		return l.spec.Key(r)
	}
	return ""
}

// Select puts the cursor on the row of key, when it is shown.
func (l *ListPage[R]) Select(key string) { l.rebuild(key) }

// HasWordPrefix reports whether q, folded, starts a word of s, folded.
func HasWordPrefix(s, q string) bool {
	for i := strings.Index(s, q); i >= 0; {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); i == 0 || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return true
		}
		j := strings.Index(s[i+1:], q)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// Advance moves to the next row if the cursor is still on key (its row was
// worked), so a list is worked top-down.
func (l *ListPage[R]) Advance(key string) {
	if key != "" && l.CurrentKey() == key {
		l.nav = l.nav.Move(1)
	}
}

// Rows are the rows, in the order they were given.
func (l *ListPage[R]) Rows() []*R { return l.rows }

// Count is the number of rows.
func (l *ListPage[R]) Count() int { return len(l.rows) }

// Shown is the number of rows that pass the filter.
func (l *ListPage[R]) Shown() int { return l.shown }

// Lines are the list's lines: the rows shown, in order, and the headings.
func (l *ListPage[R]) Lines() []Line { return l.lines }

// InputFocused reports whether the filter is being typed.
func (l *ListPage[R]) InputFocused() bool { return l.filtering }

// Filtered reports whether a filter is applied.
func (l *ListPage[R]) Filtered() bool { return l.filter.String() != "" }

// SortIndex is the sort in force.
func (l *ListPage[R]) SortIndex() int { return l.sort }

// GroupIndex is the grouping in force.
func (l *ListPage[R]) GroupIndex() int { return l.group }

// SortName names the sort in force, ", reversed" after it when S reversed it.
func (l *ListPage[R]) SortName() string {
	if l.reversed {
		return l.spec.Sorts[l.sort] + ", reversed"
	}
	return l.spec.Sorts[l.sort]
}

// Reversed reports whether S reversed the sort.
func (l *ListPage[R]) Reversed() bool { return l.reversed }

// SortDesc reports whether the sort in force puts the highest first (its
// own direction, turned by S).
func (l *ListPage[R]) SortDesc() bool {
	desc := false
	if l.sort < len(l.spec.SortColumns) {
		desc = l.spec.SortColumns[l.sort].Desc
	}
	return desc != l.reversed
}

// FilterText is the filter typed or applied, "" for none.
func (l *ListPage[R]) FilterText() string { return l.filter.String() }

// Header is the column titles with the sort's arrow on the column the sort
// in force orders by (SortColumns).
func (l *ListPage[R]) Header(cols []Column, widths []int) string {
	col := -1
	if l.sort < len(l.spec.SortColumns) {
		if name := l.spec.SortColumns[l.sort].Column; name != "" {
			for i, c := range cols {
				if c.Title == name {
					col = i
				}
			}
		}
	}
	return SortedHeader(cols, widths, col, l.SortDesc())
}

// SortedHeader is the column titles with ↑ (lowest first) or ↓ (highest
// first) after the title of column col (-1 for none). The arrow always
// shows: a title with no room for it loses its last letters, not the arrow.
func SortedHeader(cols []Column, widths []int, col int, desc bool) string {
	cells := make([]Cell, len(cols))
	for i, c := range cols {
		cells[i] = Cell{Text: c.Title}
	}
	if col >= 0 && col < len(cols) && widths[col] > 0 {
		arrow := "↑"
		if desc {
			arrow = "↓"
		}
		t := cols[col].Title
		if Width(t)+1 > widths[col] {
			t = ansi.Truncate(t, widths[col]-1, "")
		}
		cells[col].Text = t + arrow
	}
	return Row(cols, widths, cells, true)
}

// GroupName names the grouping in force.
func (l *ListPage[R]) GroupName() string { return l.spec.Groups[l.group] }

// TitleLine is the page's title, or the filter prompt while the filter is
// typed or applied.
func (l *ListPage[R]) TitleLine(title string) string {
	s, w := l.Styles, l.Width
	title = Clean(title)
	if !l.filtering && !l.Filtered() {
		return s.Title.Render(Cut(title, w))
	}
	if l.filtering {
		fw := max(w/2, 20)
		return s.Key.Render("/ ") + l.filter.View(fw, true, s.Input, s.Cursor, s.Placeholder) + " " + s.Muted.Render(Cut(title, w-fw-3))
	}
	return s.Title.Render(Cut(title, w/2)) + " " + s.Key.Render(Cut("/ "+Clean(l.filter.String())+" (esc clears)", w-w/2-1))
}

// Window draws the lines on screen, and only those: each heading, and each
// row from its cells in the columns, the cursor's row marked.
func (l *ListPage[R]) Window(cols []Column, widths []int, cells func(i int, r *R) []Cell) []string {
	s := l.Styles
	from, to := l.nav.Window()
	out := make([]string, 0, to-from)
	for i := from; i < to; i++ {
		ln := l.lines[i]
		if ln.Row < 0 {
			out = append(out, s.GroupHeader.Render(Cut("  "+Clean(ln.Heading), l.Width)))
			continue
		}
		sel := i == l.nav.Cursor && !l.Blurred
		line := Row(cols, widths, cells(ln.Row, l.rows[ln.Row]), sel)
		if sel {
			out = append(out, s.Selected.Render("▸ "+line))
		} else {
			out = append(out, "  "+line)
		}
	}
	return out
}

// GroupLines turns rows in order into list lines, with a heading line
// before each run of rows whose key is the same; heading writes it from the
// run's rows (in order). A nil key groups nothing: one line per row.
func GroupLines(order []int, key func(row int) string, heading func(run []int) string) []Line {
	if key == nil {
		out := make([]Line, len(order))
		for i, r := range order {
			out[i] = Line{Row: r}
		}
		return out
	}
	out := make([]Line, 0, len(order)+8)
	for i := 0; i < len(order); {
		j := i + 1
		for j < len(order) && key(order[j]) == key(order[i]) {
			j++
		}
		out = append(out, Line{Row: -1, Heading: heading(order[i:j])})
		for _, r := range order[i:j] {
			out = append(out, Line{Row: r})
		}
		i = j
	}
	return out
}
