package components

import (
	"math"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"acctdesk/ui/common"
)

// LinePoint is one point of a line chart: its value, when it has one (a
// month without sales has no DSO: the line breaks there), and its label
// on the axis (shown where it fits; a Pinned one first).
type LinePoint struct {
	Label  string
	Pinned bool
	Value  float64
	Valid  bool
}

// LineStyles colour a line chart (zero styles draw plain).
type LineStyles struct {
	Line, Target, Axis, Label lipgloss.Style
}

// TargetGlyph draws a line chart's target, a dotted rule under the line.
const TargetGlyph = "┄"

// Line draws a line chart in width cells: height lines of the line drawn
// with box-drawing corners (╭╮╰╯│─, so it reads the same without colour),
// its lines labelled on the left with their values (scale; every other
// line when there are more than 6), an axis line and
// a line of labels. The scale runs from the lowest to the highest value
// (and target, when hasTarget); each point takes the same slot, up to 6
// cells; when even one cell each does not fit, the oldest points are left
// out. The target is a dotted rule on its line.
func Line(points []LinePoint, width, height int, scale func(float64) string, target float64, hasTarget bool, st LineStyles) []string {
	height = max(height, 2)
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range points {
		if p.Valid {
			lo, hi = math.Min(lo, p.Value), math.Max(hi, p.Value)
		}
	}
	if hasTarget {
		lo, hi = math.Min(lo, target), math.Max(hi, target)
	}
	if math.IsInf(lo, 1) {
		lo, hi = 0, 1
	}
	if hi-lo < 1e-9 {
		lo, hi = lo-1, hi+1
	}
	step := (hi - lo) / float64(height-1)
	rowOf := func(v float64) int { return min(max(int(math.Round((v-lo)/step)), 0), height-1) }
	labels := make([]string, height)
	yw := 1
	for r := range labels {
		labels[r] = common.Clean(scale(lo + float64(r)*step))
		yw = max(yw, common.Width(labels[r]))
	}
	room := width - yw - 2 // "label ┤"
	if room < 1 {
		return nil
	}
	if len(points) > room {
		points = points[len(points)-room:]
	}
	n := len(points)
	slot := 1
	if n > 0 {
		slot = min(max(room/n, 1), 6)
	}
	cells := n * slot
	grid := make([][]string, height)
	kind := make([][]int, height) // 0 blank, 1 target, 2 line
	for r := range grid {
		grid[r] = make([]string, cells)
		kind[r] = make([]int, cells)
		for c := range grid[r] {
			grid[r][c] = " "
		}
	}
	if hasTarget {
		tr := rowOf(target)
		for c := range cells {
			grid[tr][c], kind[tr][c] = TargetGlyph, 1
		}
	}
	put := func(r, c int, g string) { grid[r][c], kind[r][c] = g, 2 }
	for i, p := range points {
		if !p.Valid {
			continue
		}
		y := rowOf(p.Value)
		from := i * slot
		if i > 0 && points[i-1].Valid {
			// The join with the point before, in this slot's first cell.
			py := rowOf(points[i-1].Value)
			switch {
			case py == y:
				put(y, from, "─")
			case py < y: // up
				put(py, from, "╯")
				for r := py + 1; r < y; r++ {
					put(r, from, "│")
				}
				put(y, from, "╭")
			default: // down
				put(py, from, "╮")
				for r := y + 1; r < py; r++ {
					put(r, from, "│")
				}
				put(y, from, "╰")
			}
			from++
		}
		for c := from; c < (i+1)*slot; c++ {
			put(y, c, "─")
		}
	}
	out := make([]string, 0, height+2)
	for r := height - 1; r >= 0; r-- {
		var b strings.Builder
		if height <= 6 || r%2 == 0 || r == height-1 {
			b.WriteString(st.Axis.Render(common.FitRight(labels[r], yw) + " ┤"))
		} else {
			b.WriteString(st.Axis.Render(strings.Repeat(" ", yw) + " │"))
		}
		for c := 0; c < cells; {
			k := kind[r][c]
			e := c
			var run strings.Builder
			for e < cells && kind[r][e] == k {
				run.WriteString(grid[r][e])
				e++
			}
			switch k {
			case 1:
				b.WriteString(st.Target.Render(run.String()))
			case 2:
				b.WriteString(st.Line.Render(run.String()))
			default:
				b.WriteString(run.String())
			}
			c = e
		}
		out = append(out, b.String())
	}
	out = append(out, st.Axis.Render(strings.Repeat(" ", yw)+" └"+strings.Repeat("─", cells)))
	ls := make([]axisLabel, n)
	for i, p := range points {
		ls[i] = axisLabel{p.Label, p.Pinned}
	}
	out = append(out, st.Label.Render(labelLine(ls, yw+2, slot)))
	return out
}

// axisLabel is a label under a chart's slot.
type axisLabel struct {
	text   string
	pinned bool
}

// labelLine places labels under slots of slot cells starting at indent,
// each where it runs into no other: the pinned ones first (ending at the
// line's end when they would run past it), then the others left to right.
func labelLine(labels []axisLabel, indent, slot int) string {
	line := []rune(strings.Repeat(" ", indent+len(labels)*slot))
	taken := make([]bool, len(line))
	put := func(i int, label string, pinned bool) {
		rs := []rune(common.Clean(label))
		at := indent + i*slot
		if pinned && at+len(rs) > len(line) {
			at = len(line) - len(rs)
		}
		if len(rs) == 0 || at < indent || at+len(rs) > len(line) {
			return
		}
		for k := at - 1; k < min(at+len(rs)+1, len(line)); k++ {
			if taken[k] {
				return
			}
		}
		for k, r := range rs {
			line[at+k], taken[at+k] = r, true
		}
	}
	for _, pinned := range []bool{true, false} {
		for i, l := range labels {
			if l.pinned == pinned {
				put(i, l.text, pinned)
			}
		}
	}
	return strings.TrimRight(string(line), " ")
}
