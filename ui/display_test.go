package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/store"
	"acctdesk/store/memstore"
)

// screen is the model's view after the keys, as lines.
func screen(m *Model, seq ...string) []string {
	press(m, seq...)
	return strings.Split(m.View(), "\n")
}

// lineWith is the first line of the screen that holds every part, or "".
func lineWith(lines []string, parts ...string) string {
next:
	for _, l := range lines {
		for _, p := range parts {
			if !strings.Contains(l, p) {
				continue next
			}
		}
		return l
	}
	return ""
}

// Item 11: one date style, the day always and the year whenever it is not
// the as-of year (2026). ACC006's contract runs 1 Jul 2025 – 30 Jun 2027
// with 60 days' notice: notice by 1 May 2027. It showed "Jul'25", "Jun'27"
// and "notice by May'27".
func TestDatesKeepTheDay(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		m, _ := loaded(t, sz[0], sz[1])
		lines := screen(m, ":", "ACC006", "enter")
		if l := lineWith(lines, "notice by 01 May'27"); l == "" {
			t.Errorf("%dx%d: no \"notice by 01 May'27\" in the header:\n%s", sz[0], sz[1], strings.Join(lines, "\n"))
		}
		for i := 0; i < 8 && lineWith(lines, "K-TT-2025", "01 Jul'25") == ""; i++ {
			lines = screen(m, "tab")
		}
		if l := lineWith(lines, "K-TT-2025", "01 Jul'25", "30 Jun'27"); l == "" {
			t.Errorf("%dx%d: the contracts tab lacks 01 Jul'25 – 30 Jun'27:\n%s", sz[0], sz[1], strings.Join(lines, "\n"))
		}
	}
}

// loadedOn is a model over st, sized and loaded, driven without a program.
func loadedOn(t *testing.T, st store.Store, w, h int) *Model {
	t.Helper()
	m := New(newDesk(st), testOptions())
	drive(m, tea.WindowSizeMsg{Width: w, Height: h}, firstLoad(m.c.Desk)())
	if m.view == nil {
		t.Fatal("the book did not load")
	}
	return m
}

// helpScreens are the help's screens from the first column to the last.
func helpScreens(m *Model) [][]string {
	out := [][]string{screen(m, "?")}
	for i := 0; i < 12 && moreColumns(out[len(out)-1][1]); i++ {
		out = append(out, screen(m, "down"))
	}
	return out
}

// moreColumns reports whether the help's title says columns follow.
func moreColumns(title string) bool {
	var a, b, n int
	i := strings.Index(title, "more (")
	if i < 0 {
		return false
	}
	if _, err := fmt.Sscanf(strings.ReplaceAll(title[i:], "–", " "), "more (%d %d of %d", &a, &b, &n); err != nil {
		return false
	}
	return b < n
}

// Item 12: at 80×24 and 120×40, every section's heading sits directly above
// its first key in the same column (it was "Severity" at the foot of one
// column, its keys in the next), and no help text is cut ("esc close
// form/filter, or b…").
func TestHelpKeepsSectionsWhole(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		m, _ := loaded(t, sz[0], sz[1])
		screens := helpScreens(m)
		found := map[string]bool{}
		esc := false
		for _, lines := range screens {
			// the key columns: under the pane's keys, over the status line
			from := 2
			for from < len(lines) && (strings.Contains(lines[from], "pane: ") || strings.HasPrefix(lines[from], "            ")) {
				from++
			}
			area := lines[from : len(lines)-1]
			for i, l := range area {
				if strings.Contains(l, "esc") && strings.Contains(l, "close form/filter, or back") {
					esc = true
				}
				r := []rune(l)
				for _, sec := range m.c.Keys.Sections() {
					title := []rune(sec.Title)
					for x := 0; x+len(title) <= len(r); x++ {
						if string(r[x:x+len(title)]) != sec.Title || (x > 0 && r[x-1] != ' ') {
							continue
						}
						rest := string(r[x+len(title):])
						if rest != "" && !strings.HasPrefix(rest, "  ") && strings.TrimSpace(rest) != "" {
							continue // words in a line, not a heading
						}
						// its keys follow in order in the same column; a section
						// goes on in the next column only when it is taller than a column
						for j, b := range sec.Bindings {
							key := b.Help().Key
							if i+1+j >= len(area) {
								if len(sec.Bindings)+1 <= len(area) {
									t.Errorf("%dx%d: %q is split over two columns at key %q though it fits in one:\n%s", sz[0], sz[1], sec.Title, key, strings.Join(lines, "\n"))
								}
								break
							}
							below := []rune(area[i+1+j])
							if len(below) < x+len([]rune(key)) || !strings.HasPrefix(string(below[x:]), key+" ") {
								t.Errorf("%dx%d: under %q, line %d is %q, not its key %q:\n%s", sz[0], sz[1], sec.Title, j+1, string(below[min(x, len(below)):]), key, strings.Join(lines, "\n"))
								break
							}
						}
						found[sec.Title] = true
					}
				}
			}
		}
		for _, sec := range m.c.Keys.Sections() {
			if !found[sec.Title] {
				t.Errorf("%dx%d: no heading %q on any help screen", sz[0], sz[1], sec.Title)
			}
		}
		if !esc {
			t.Errorf("%dx%d: \"esc close form/filter, or back\" is cut or missing", sz[0], sz[1])
		}
	}
}

// header is the column header line of a list pane: the line with title.
func header(t *testing.T, lines []string, title string) string {
	t.Helper()
	for _, l := range lines[1:] {
		if strings.Contains(l, title) && !strings.Contains(l, "·") {
			return l
		}
	}
	t.Fatalf("no column header with %q:\n%s", title, strings.Join(lines, "\n"))
	return ""
}

// Item 13: every list marks its sort with an arrow, the tier's too (it
// was "…", the column one cell wide).
func TestSortArrows(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		m, _ := loaded(t, sz[0], sz[1])
		// the queue: rank, due, at stake (highest first), account (at 80
		// columns six cells wide: the title gives way to the arrow)
		for i, want := range []string{"#↑", "Due↑", "At stake↓", "Accou"} {
			var lines []string
			if i == 0 {
				lines = screen(m)
			} else {
				lines = screen(m, "s")
			}
			if h := header(t, lines, "Why"); !strings.Contains(h, want) || i == 3 && !strings.Contains(h, "↑") {
				t.Errorf("%dx%d queue sort %d: header %q lacks %q", sz[0], sz[1], i, h, want)
			}
		}
		// the book, sorted by tier: s eight times
		lines := screen(m, "2", "s", "s", "s", "s", "s", "s", "s", "s")
		if h := header(t, lines, "Account"); !strings.Contains(h, " T↑ ") || strings.Contains(h, "…") {
			t.Errorf("%dx%d book by tier: header %q, want T↑", sz[0], sz[1], h)
		}
		// the aging: account, total (highest first), oldest bucket
		for i, want := range []string{"Account↑", "Total↓", "120+↓"} {
			var lines []string
			if i == 0 {
				lines = screen(m, "3")
			} else {
				lines = screen(m, "s")
			}
			if h := header(t, lines, "Current"); !strings.Contains(h, want) {
				t.Errorf("%dx%d aging sort %d: header %q lacks %q", sz[0], sz[1], i, h, want)
			}
		}
	}
}

// Item 13: S reverses the sort in force, the arrow turns and the title says
// so; accounts without the figure (no limit) stay last either way.
func TestReverseSort(t *testing.T) {
	m, _ := loaded(t, 120, 40)
	press(m, "2", "s", "s", "s") // utilisation, highest first
	b := bookOf(m)
	order := func() []string {
		var out []string
		for _, ln := range b.Lines() {
			if ln.Row >= 0 {
				out = append(out, b.Rows()[ln.Row].Code)
			}
		}
		return out
	}
	// Utilisation: ACC002 112 %, ACC001 95 %, ACC010 80 %, ACC009 69 %,
	// ACC006 61 %, ACC005 27 %, ACC004 25 %; then those without: ACC003,
	// ACC007, ACC008 (in credit), ACC011, ACC012, by code.
	want := []string{"ACC002", "ACC001", "ACC010", "ACC009", "ACC006", "ACC005", "ACC004", "ACC003", "ACC007", "ACC008", "ACC011", "ACC012"}
	if got := order(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("by utilisation: %v", got)
	}
	lines := screen(m, "S")
	rev := []string{"ACC004", "ACC005", "ACC006", "ACC009", "ACC010", "ACC001", "ACC002", "ACC012", "ACC011", "ACC008", "ACC007", "ACC003"}
	if got := order(); strings.Join(got, " ") != strings.Join(rev, " ") {
		t.Errorf("reversed: %v, want %v", got, rev)
	}
	if h := header(t, lines, "Account"); !strings.Contains(h, "Util↑") {
		t.Errorf("reversed: header %q, want Util↑", h)
	}
	if lineWith(lines, "sort: utilisation, reversed") == "" {
		t.Errorf("the title does not say the sort is reversed:\n%s", strings.Join(lines, "\n"))
	}
	if code, _ := b.Selected(); code != "ACC001" {
		t.Errorf("the cursor left its account: on %s", code)
	}
	press(m, "S")
	if got := order(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("S again: %v", got)
	}
	// the queue reverses too: at stake, lowest first within a currency
	q := queueOf(m)
	press(m, "1", "s", "s")
	first := q.Lines()[0].Row
	press(m, "S")
	if ls := q.Lines(); ls[len(ls)-1].Row != first {
		t.Errorf("queue reversed: the first row did not go last")
	}
	if h := header(t, screen(m), "Why"); !strings.Contains(h, "At stake↑") {
		t.Errorf("queue reversed: header %q", h)
	}
}

// Item 13: the book's header totals are those of the accounts the filter
// shows: acc01 shows ACC001 ₦47,500,000.00, ACC010 ₦16,000,000.00, ACC011
// ₦0 and ACC012 ₦450,000.00, AR ₦63,950,000.00, overdue 25.5M + 16M +
// 0.45M = ₦41,950,000.00; and the book's again when esc clears it.
func TestBookTotalsFollowFilter(t *testing.T) {
	m, _ := loaded(t, 120, 40)
	lines := screen(m, "2", "/", "acc01", "enter")
	if lineWith(lines, "NGN · 4 accounts · AR ₦63,950,000.00 · overdue ₦41,950,000.00") == "" {
		t.Errorf("filtered totals:\n%s", strings.Join(lines, "\n"))
	}
	if lineWith(lines, "USD ·") != "" || lineWith(lines, "XOF ·") != "" {
		t.Errorf("currencies the filter hides are totalled:\n%s", strings.Join(lines, "\n"))
	}
	lines = screen(m, "esc")
	if lineWith(lines, "NGN · 10 accounts · AR ₦84,050,000.50") == "" || lineWith(lines, "USD · 1 account") == "" {
		t.Errorf("esc: the book's totals are not back:\n%s", strings.Join(lines, "\n"))
	}
}

// Item 13: the aging's title and its total rows count the same accounts
// (24 in the title beside "29 acco…" was the bug: the totals counted the
// accounts that owe nothing), uncut; a filter's rows are totalled alone.
func TestAgingTotalsCountTheRows(t *testing.T) {
	for _, sz := range [][2]int{{120, 40}, {160, 48}} {
		m, _ := loaded(t, sz[0], sz[1])
		lines := screen(m, "3")
		// listed: NGN ACC001 2 4 5 8 9 10 12 (8), USD ACC006, XOF ACC003
		if lineWith(lines, "10 accounts") == "" {
			t.Fatalf("%dx%d title:\n%s", sz[0], sz[1], strings.Join(lines, "\n"))
		}
		for _, want := range []string{"NGN total · 8 accounts", "USD total · 1 account", "XOF total · 1 account"} {
			if lineWith(lines, want) == "" {
				t.Errorf("%dx%d: no %q:\n%s", sz[0], sz[1], want, strings.Join(lines, "\n"))
			}
		}
		lines = screen(m, "/", "acc01", "enter")
		// ACC001 ₦47.5M, ACC010 ₦16.0M, ACC012 ₦450k: ₦63,950,000.00 (₦64.0M where it does not fit)
		if l := lineWith(lines, "NGN total · 3 accounts"); l == "" || !strings.Contains(l, "₦64.0M") && !strings.Contains(l, "₦63,950,000.00") || lineWith(lines, "USD total") != "" {
			t.Errorf("%dx%d filtered totals:\n%s", sz[0], sz[1], strings.Join(lines, "\n"))
		}
	}
}

// Item 13: a total row shows its figures in full where they fit (USD:
// current $42,500.00, 61–90 $80,000.00, total $122,500.00 at 160 columns;
// NGN's total ₦84,550,000.50), short where they do not ($123k at 80).
func TestAgingTotalsInFull(t *testing.T) {
	m, _ := loaded(t, 160, 48)
	l := totalLine(screen(m, "3"), "USD")
	for _, want := range []string{"$42,500.00", "$80,000.00", "$122,500.00"} {
		if !strings.Contains(l, want) {
			t.Errorf("160x48: the USD total row %q lacks %s", l, want)
		}
	}
	if l := totalLine(screen(m), "NGN"); !strings.Contains(l, "₦84,550,000.50") {
		t.Errorf("160x48: the NGN total row %q lacks ₦84,550,000.50", l)
	}
	m, _ = loaded(t, 80, 24)
	if l := totalLine(screen(m, "3"), "USD"); !strings.Contains(l, "$123k") || strings.Contains(l, "$122,500.00") {
		t.Errorf("80x24: the USD total row %q", l)
	}
}

// totalLine is the aging's total row of a currency: under the rule.
func totalLine(lines []string, cur string) string {
	for i, l := range lines {
		if strings.HasPrefix(l, "────") {
			return lineWith(lines[i:], "  "+cur)
		}
	}
	return ""
}

// Item 14: an account in credit (ACC008: unapplied ₦500,000, nothing owed)
// shows "credit ₦500k" where there is room, never a negative utilisation
// or DSO ("-2 %", "-6").
func TestCreditBalance(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		m, _ := loaded(t, sz[0], sz[1])
		l := lineWith(screen(m, "2"), "ACC008")
		if strings.Contains(l, "-2 %") || strings.Contains(l, " -6 ") {
			t.Errorf("%dx%d: %q shows a negative utilisation or DSO", sz[0], sz[1], l)
		}
		if sz[0] >= 120 && !strings.Contains(l, "credit ₦500k") {
			t.Errorf("%dx%d: %q does not say credit ₦500k", sz[0], sz[1], l)
		}
		// the header's totals of that account alone: a credit, no DSO
		lines := screen(m, "/", "acc008", "enter")
		if lineWith(lines, "NGN · 1 account · credit ₦500,000.00", "DSO —") == "" && lineWith(lines, "NGN · 1 acc · credit ₦500k", "DSO —") == "" {
			t.Errorf("%dx%d: the totals of a credit balance:\n%s", sz[0], sz[1], strings.Join(lines, "\n"))
		}
		press(m, "esc")
	}
}

// Item 15: an empty book's Book pane says what to do under its title, with
// no "No open items." over a column header of nothing.
func TestEmptyBook(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		m := loadedOn(t, memstore.New(), sz[0], sz[1])
		lines := screen(m, "2")
		if lineWith(lines, "No open items") != "" {
			t.Errorf("%dx%d: \"No open items.\" on an empty book:\n%s", sz[0], sz[1], strings.Join(lines, "\n"))
		}
		if !strings.Contains(lines[1], "Book · 0 accounts") || !strings.Contains(lines[2], "The book has no accounts yet") {
			t.Errorf("%dx%d: the title and what to do are not the first lines:\n%s", sz[0], sz[1], strings.Join(lines, "\n"))
		}
		if lineWith(lines, "Account", "Name", "Overdue") != "" {
			t.Errorf("%dx%d: a column header over no rows:\n%s", sz[0], sz[1], strings.Join(lines, "\n"))
		}
	}
}

// Item 14 on the account: ACC008 in credit shows "credit ₦500,000.00", no
// gauge at -2 % and no DSO of -6 days.
func TestCreditBalanceAccount(t *testing.T) {
	m, _ := loaded(t, 120, 40)
	lines := screen(m, ":", "ACC008", "enter")
	if lineWith(lines, "credit ₦500,000.00") == "" {
		t.Errorf("no credit ₦500,000.00:\n%s", strings.Join(lines, "\n"))
	}
	for _, bad := range []string{"-2 %", "DSO -6", "AR -₦500,000.00"} {
		if lineWith(lines, bad) != "" {
			t.Errorf("%q on the account of a credit balance:\n%s", bad, strings.Join(lines, "\n"))
		}
	}
}
