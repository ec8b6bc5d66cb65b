package common

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// Column describes one column of a table: how wide it likes to be, how narrow
// it may get, how much it may grow, and how soon it is dropped when the screen
// is narrow (a higher Drop number goes first; 0 is never dropped).
type Column struct {
	Title string
	Width int  // preferred width
	Min   int  // narrowest before the column is dropped instead; 0 means Width
	Max   int  // widest when there is room to spare; 0 means Width
	Drop  int  // drop order: higher drops first, 0 never
	Right bool // right-aligned (numbers)
	Fill  bool // takes the room left after the other columns reached their Max
}

// Gap is the space between columns.
const Gap = 1

// Layout fits columns into total cells and returns each column's width,
// 0 for a dropped column. Columns shrink to their Min first, then the column
// with the highest Drop number goes, and so on; spare room goes to columns
// with a Max, in order, up to their Max, Fill columns last.
func Layout(cols []Column, total int) []int {
	w := make([]int, len(cols))
	on := make([]bool, len(cols))
	for i, c := range cols {
		w[i], on[i] = c.Width, true
	}
	sum := func() int {
		s, n := 0, 0
		for i := range cols {
			if on[i] {
				s += w[i]
				n++
			}
		}
		if n > 1 {
			s += (n - 1) * Gap
		}
		return s
	}
	for sum() > total {
		// shrink the column with the most room above its Min
		best, room := -1, 0
		for i, c := range cols {
			min := c.Min
			if min == 0 {
				min = c.Width
			}
			if on[i] && w[i]-min > room {
				best, room = i, w[i]-min
			}
		}
		if best >= 0 {
			over := sum() - total
			if over > room {
				over = room
			}
			w[best] -= over
			continue
		}
		// drop the column that goes first
		drop, rank := -1, 0
		for i, c := range cols {
			if on[i] && c.Drop > rank {
				drop, rank = i, c.Drop
			}
		}
		if drop < 0 {
			break // nothing left to drop: cut at the edge
		}
		on[drop], w[drop] = false, 0
		for i, c := range cols { // give the others their room back
			if on[i] {
				w[i] = c.Width
			}
		}
	}
	spare := total - sum()
	for _, fill := range []bool{false, true} {
		for i, c := range cols {
			if spare <= 0 {
				break
			}
			if on[i] && c.Fill == fill && c.Max > w[i] {
				add := c.Max - w[i]
				if add > spare {
					add = spare
				}
				w[i] += add
				spare -= add
			}
		}
	}
	for i := range w {
		if !on[i] {
			w[i] = 0
		}
	}
	return w
}

// Cell is one cell's text and an optional style (ignored on the cursor row).
// Alt, when set, replaces Text when Text does not fit (₦4.2M for
// ₦4,200,000.00), so amounts are shortened rather than cut.
type Cell struct {
	Text  string
	Alt   string
	Style *lipgloss.Style
}

// Row joins cells into one line using the widths from Layout; dropped columns
// are skipped. plain renders without cell styles (for a highlighted row).
// Every cell is Clean here, whatever its page made of it: no table on the
// screen can carry a control sequence, or break a row in two.
func Row(cols []Column, widths []int, cells []Cell, plain bool) string {
	var b strings.Builder
	first := true
	for i, c := range cols {
		if widths[i] == 0 {
			continue
		}
		if !first {
			b.WriteString(strings.Repeat(" ", Gap))
		}
		first = false
		var txt string
		if i < len(cells) {
			txt = Clean(cells[i].Text)
			if cells[i].Alt != "" && Width(txt) > widths[i] {
				txt = Clean(cells[i].Alt)
			}
		}
		if c.Right {
			txt = FitRight(txt, widths[i])
		} else {
			txt = Fit(txt, widths[i])
		}
		if !plain && i < len(cells) && cells[i].Style != nil {
			txt = cells[i].Style.Render(txt)
		}
		b.WriteString(txt)
	}
	return b.String()
}

// Header renders the column titles.
func Header(cols []Column, widths []int) string {
	cells := make([]Cell, len(cols))
	for i, c := range cols {
		cells[i] = Cell{Text: c.Title}
	}
	return Row(cols, widths, cells, true)
}

// Visible reports whether the column with this title survived the layout.
func Visible(cols []Column, widths []int, title string) bool {
	for i, c := range cols {
		if c.Title == title {
			return widths[i] > 0
		}
	}
	return false
}
