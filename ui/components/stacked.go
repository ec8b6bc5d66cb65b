package components

import (
	"math"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"acctdesk/ui/common"
)

// StackGlyphs tell a stacked bar's segments apart by shape, lightest
// first, so that the chart reads without colour: the aging's current part
// "·", then darker the later it is. A bar of more segments draws the rest
// in the last glyph.
var StackGlyphs = []string{"·", "░", "▒", "▓", "█"}

// Stack is one line of a stacked bar chart: a label, the segments (each
// ≥ 0, drawn left to right) and the text shown after the label.
type Stack struct {
	Label string
	Parts []float64
	Text  string
}

// StackStyles colour a stacked chart: each segment's style (the last one
// for the segments past it), the label and the text.
type StackStyles struct {
	Parts       []lipgloss.Style
	Label, Text lipgloss.Style
}

// StackGlyph is the glyph of segment k.
func StackGlyph(k int) string { return StackGlyphs[min(k, len(StackGlyphs)-1)] }

// Stacked draws one line per stack in width cells: the label, the text,
// then the segments scaled together to the largest stack in what room is
// left. A segment's cells are the rounding of where it ends, so the
// segments add up to the bar; a non-zero segment always draws at least one
// cell (taken from the largest), and a non-zero bar too.
func Stacked(stacks []Stack, width int, st StackStyles) []string {
	lw, tw := 0, 0
	top := 0.0
	for _, s := range stacks {
		lw = max(lw, common.Width(common.Clean(s.Label)))
		tw = max(tw, common.Width(common.Clean(s.Text)))
		sum := 0.0
		for _, p := range s.Parts {
			sum += math.Max(p, 0)
		}
		top = math.Max(top, sum)
	}
	room := max(width-lw-tw-4, 0) // "label  text │bar"
	out := make([]string, len(stacks))
	for i, s := range stacks {
		cells := segments(s.Parts, top, room)
		var b strings.Builder
		b.WriteString(st.Label.Render(common.Fit(common.Clean(s.Label), lw)))
		b.WriteString("  ")
		b.WriteString(st.Text.Render(common.FitRight(common.Clean(s.Text), tw)))
		b.WriteString(" │")
		for k, n := range cells {
			if n > 0 {
				style := lipgloss.Style{}
				if len(st.Parts) > 0 {
					style = st.Parts[min(k, len(st.Parts)-1)]
				}
				b.WriteString(style.Render(strings.Repeat(StackGlyph(k), n)))
			}
		}
		out[i] = b.String()
	}
	return out
}

// segments are the cells of each part of a bar, scaled so that top fills
// room.
func segments(parts []float64, top float64, room int) []int {
	cells := make([]int, len(parts))
	if top <= 0 || room <= 0 {
		return cells
	}
	cum, prev := 0.0, 0
	for k, p := range parts {
		cum += math.Max(p, 0)
		end := int(math.Round(cum / top * float64(room)))
		cells[k] = end - prev
		prev = end
	}
	// A part too small to round to a cell still shows, at the cost of the
	// largest segment (a bar is never drawn wider than it is).
	for k, p := range parts {
		if p > 0 && cells[k] == 0 {
			big := 0
			for j := range cells {
				if cells[j] > cells[big] {
					big = j
				}
			}
			if cells[big] > 1 {
				cells[big]--
				cells[k] = 1
			} else if total(cells) < room {
				cells[k] = 1
			}
		}
	}
	return cells
}

func total(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}
