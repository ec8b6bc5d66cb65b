package common

import (
	"strings"
	"unicode"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// Field is a one-line text input: runes and a cursor. It is a plain value;
// Key applies one key press and reports whether the field used it.
type Field struct {
	Value       []rune
	Pos         int
	Placeholder string
	Limit       int // maximum runes; 0 for 500
}

// NewField is a field holding s with the cursor at its end.
func NewField(s string) Field {
	r := []rune(s)
	return Field{Value: r, Pos: len(r)}
}

// String is the text typed.
func (f Field) String() string { return string(f.Value) }

// Set replaces the text and puts the cursor at the end.
func (f *Field) Set(s string) { f.Value = []rune(s); f.Pos = len(f.Value) }

// Key applies an editing key. It returns false for keys it does not edit with
// (tab, enter, esc, up, down …) so the form can use them.
func (f *Field) Key(msg tea.KeyMsg) bool {
	limit := f.Limit
	if limit == 0 {
		limit = 500
	}
	switch msg.Type {
	case tea.KeyRunes, tea.KeySpace:
		rs := msg.Runes
		if msg.Type == tea.KeySpace {
			rs = []rune{' '}
		}
		ins := make([]rune, 0, len(rs))
		for _, r := range rs {
			if r == '\n' || r == '\t' {
				r = ' '
			}
			if unicode.IsControl(r) {
				continue
			}
			ins = append(ins, r)
		}
		if room := limit - len(f.Value); len(ins) > room {
			if room < 0 {
				room = 0
			}
			ins = ins[:room]
		}
		v := make([]rune, 0, len(f.Value)+len(ins))
		v = append(v, f.Value[:f.Pos]...)
		v = append(v, ins...)
		v = append(v, f.Value[f.Pos:]...)
		f.Value, f.Pos = v, f.Pos+len(ins)
	case tea.KeyBackspace:
		if f.Pos > 0 {
			f.Value = append(f.Value[:f.Pos-1:f.Pos-1], f.Value[f.Pos:]...)
			f.Pos--
		}
	case tea.KeyDelete:
		if f.Pos < len(f.Value) {
			f.Value = append(f.Value[:f.Pos:f.Pos], f.Value[f.Pos+1:]...)
		}
	case tea.KeyLeft:
		if f.Pos > 0 {
			f.Pos--
		}
	case tea.KeyRight:
		if f.Pos < len(f.Value) {
			f.Pos++
		}
	case tea.KeyHome, tea.KeyCtrlA:
		f.Pos = 0
	case tea.KeyEnd, tea.KeyCtrlE:
		f.Pos = len(f.Value)
	case tea.KeyCtrlU:
		f.Value = append([]rune{}, f.Value[f.Pos:]...)
		f.Pos = 0
	case tea.KeyCtrlK:
		f.Value = f.Value[:f.Pos:f.Pos]
	case tea.KeyCtrlW:
		i := f.Pos
		for i > 0 && f.Value[i-1] == ' ' {
			i--
		}
		for i > 0 && f.Value[i-1] != ' ' {
			i--
		}
		f.Value = append(f.Value[:i:i], f.Value[f.Pos:]...)
		f.Pos = i
	default:
		return false
	}
	return true
}

// View draws the field in w cells. A focused field shows its cursor; an empty
// one shows its placeholder. The text scrolls to keep the cursor in view.
// Each rune is drawn Clean: a field that opened on text from the book (a
// contact) or took a paste shows an escape sequence, a bidi or zero-width
// character as its visible escape, and the cursor still moves rune by rune.
func (f Field) View(w int, focused bool, text, cursor, placeholder lipgloss.Style) string {
	if w <= 0 {
		return ""
	}
	if len(f.Value) == 0 {
		ph := Cut(Clean(f.Placeholder), w-1)
		if focused {
			return cursor.Render(" ") + placeholder.Render(Fit(ph, w-1))
		}
		return placeholder.Render(Fit(ph, w))
	}
	shown := f.shown()
	join := func(a, b int) string { return strings.Join(shown[a:b], "") }
	width := func(a, b int) int { return ansi.StringWidth(join(a, b)) }
	if !focused {
		return text.Render(Fit(join(0, len(shown)), w))
	}
	// Find a window of runes [from, to) that fits w-1 cells and holds Pos.
	from := 0
	for width(from, f.Pos) > w-1 {
		from++
	}
	to := f.Pos
	for to < len(f.Value) && width(from, to+1) <= w-1 {
		to++
	}
	var b strings.Builder
	b.WriteString(text.Render(join(from, f.Pos)))
	under := " "
	if f.Pos < len(f.Value) {
		under = shown[f.Pos]
	}
	b.WriteString(cursor.Render(under))
	rest := ""
	if f.Pos < len(f.Value) && f.Pos+1 <= to {
		rest = join(f.Pos+1, to)
	}
	b.WriteString(text.Render(rest))
	used := width(from, f.Pos) + ansi.StringWidth(under) + ansi.StringWidth(rest)
	if used < w {
		b.WriteString(strings.Repeat(" ", w-used))
	}
	return b.String()
}

// shown is how each rune of the value is drawn: itself, or its escape.
func (f Field) shown() []string {
	out := make([]string, len(f.Value))
	for i, r := range f.Value {
		out[i] = Clean(string(r))
	}
	return out
}
