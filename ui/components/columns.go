package components

import (
	"math"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"acctdesk/ui/common"
)

// A column chart of months: what was (solid, in eighths of a cell) and
// what is forecast (shaded). The two differ in glyph, so the chart reads
// the same without colour; colour only helps.
const (
	ColumnGlyph   = "█"
	ForecastGlyph = "░"
)

// eighths are the partial tops of a solid column, 1/8 to 7/8 of a cell.
var eighths = [...]string{"▁", "▂", "▃", "▄", "▅", "▆", "▇"}

// Column is one column of a chart: Value drawn solid, Forecast (when
// HasForecast) shaded where Value does not already cover it; both ≥ 0.
// Label is the column's name on the axis (one cell a character), shown
// where it fits; a Pinned one is placed before the others.
type Column struct {
	Label       string
	Pinned      bool
	Value       float64
	Forecast    float64
	HasForecast bool
}

// ColumnStyles colour a chart (zero styles draw plain).
type ColumnStyles struct {
	Value, Forecast, Axis, Label lipgloss.Style
}

// Columns draws a column chart in width cells: height lines of columns
// under a scale whose top is the largest value or forecast (its label,
// scale(top), left of the first line), an axis line, and a line of labels.
// Each column takes the same slot, up to 6 cells with a gap of one; when
// even one cell each does not fit, the oldest columns are left out. A
// non-zero value always shows at least an eighth, a non-zero forecast at
// least one shaded cell. Labels are placed where they do not run into
// another: the pinned ones first (ending at the line's end when they would
// run past it), then the others left to right.
func Columns(cols []Column, width, height int, scale func(float64) string, st ColumnStyles) []string {
	height = max(height, 1)
	var top float64
	var topLabel string
	var yw, room int
	measure := func() {
		top = 0
		for _, c := range cols {
			top = math.Max(top, math.Max(c.Value, c.Forecast))
		}
		topLabel = common.Clean(scale(top))
		yw = max(common.Width(topLabel), 1)
		room = width - yw - 2 // "label ┤"
	}
	measure()
	if room < 1 {
		return nil
	}
	if len(cols) > room {
		cols = cols[len(cols)-room:]
		measure() // the scale of the columns shown
	}
	zero := "0"
	n := len(cols)
	slot := 1
	if n > 0 {
		slot = min(max(room/n, 1), 6)
	}
	bar := max(slot-1, 1)
	if slot == 1 {
		bar = 1
	}
	cells := float64(height * 8)
	level := func(v float64) int { // in eighths of a cell
		if top <= 0 || v <= 0 {
			return 0
		}
		return max(int(math.Round(v/top*cells)), 1)
	}
	var out []string
	for r := height - 1; r >= 0; r-- { // top line first
		var b strings.Builder
		if r == height-1 {
			b.WriteString(st.Axis.Render(common.FitRight(topLabel, yw) + " ┤"))
		} else {
			b.WriteString(st.Axis.Render(strings.Repeat(" ", yw) + " │"))
		}
		for _, c := range cols {
			glyph, style := " ", lipgloss.Style{}
			v := min(max(level(c.Value)-8*r, 0), 8)
			f := 0
			if c.HasForecast {
				f = min(max(level(c.Forecast)-8*r, 0), 8)
				if r == 0 && c.Forecast > 0 {
					f = max(f, 8) // a forecast always shows
				}
			}
			switch {
			case v == 8:
				glyph, style = ColumnGlyph, st.Value
			case v > 0:
				glyph, style = eighths[v-1], st.Value
			case f >= 4:
				glyph, style = ForecastGlyph, st.Forecast
			}
			b.WriteString(style.Render(strings.Repeat(glyph, bar)))
			if slot > bar {
				b.WriteString(strings.Repeat(" ", slot-bar))
			}
		}
		out = append(out, b.String())
	}
	out = append(out, st.Axis.Render(common.FitRight(zero, yw)+" └"+strings.Repeat("─", n*slot)))
	// The labels: the pinned ones first, then the others left to right.
	line := []rune(strings.Repeat(" ", yw+2+n*slot))
	taken := make([]bool, len(line))
	put := func(i int, label string, pinned bool) {
		rs := []rune(common.Clean(label))
		at := yw + 2 + i*slot
		if pinned && at+len(rs) > len(line) {
			at = len(line) - len(rs)
		}
		if len(rs) == 0 || at < yw+2 || at+len(rs) > len(line) {
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
		for i, c := range cols {
			if c.Pinned == pinned {
				put(i, c.Label, pinned)
			}
		}
	}
	out = append(out, st.Label.Render(strings.TrimRight(string(line), " ")))
	return out
}
