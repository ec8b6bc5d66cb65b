package components

import (
	"math"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"acctdesk/ui/common"
)

// Glyphs of a bar: the part drawn first (a forecast's promised part) and
// the rest. They differ in shape, not only in colour, so a bar reads the
// same with NO_COLOR or on a monochrome terminal.
const (
	BarPartGlyph = "█"
	BarRestGlyph = "░"
)

// Bar is one line of a horizontal bar chart: a label, the whole Value
// (≥ 0), the Part of it drawn in BarPartGlyph first, and the text shown
// after the label (the amounts).
type Bar struct {
	Label string
	Value float64
	Part  float64
	Text  string
}

// BarStyles colour a chart's two glyphs and its text (zero styles draw plain).
type BarStyles struct {
	Part, Rest, Label, Text lipgloss.Style
}

// Bars draws one line per bar in width cells: the label, the text, then the
// bar scaled to the largest value in what room is left. A non-zero value
// always draws at least one cell; a part rounds on its own but never
// exceeds its bar. Labels and texts are made safe (common.Clean).
func Bars(bars []Bar, width int, st BarStyles) []string {
	lw, tw := 0, 0
	top := 0.0
	for _, b := range bars {
		lw = max(lw, common.Width(common.Clean(b.Label)))
		tw = max(tw, common.Width(common.Clean(b.Text)))
		top = math.Max(top, b.Value)
	}
	room := max(width-lw-tw-4, 0) // "label  text │bar"
	out := make([]string, len(bars))
	for i, b := range bars {
		whole, part := 0, 0
		if top > 0 && b.Value > 0 {
			whole = max(int(math.Round(b.Value/top*float64(room))), 1)
			part = min(int(math.Round(math.Min(b.Part, b.Value)/top*float64(room))), whole)
			if b.Part > 0 && part == 0 {
				part = 1
			}
			whole = min(whole, room)
			part = min(part, whole)
		}
		var s strings.Builder
		s.WriteString(st.Label.Render(common.Fit(common.Clean(b.Label), lw)))
		s.WriteString("  ")
		s.WriteString(st.Text.Render(common.FitRight(common.Clean(b.Text), tw)))
		s.WriteString(" │")
		if part > 0 {
			s.WriteString(st.Part.Render(strings.Repeat(BarPartGlyph, part)))
		}
		if whole > part {
			s.WriteString(st.Rest.Render(strings.Repeat(BarRestGlyph, whole-part)))
		}
		out[i] = s.String()
	}
	return out
}
