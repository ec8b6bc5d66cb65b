package components

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/ui/common"
)

// RecapView is a recap shown over the page after y: its text wrapped to the
// width (again on a resize), scrolled with ↑ and ↓; y copies it again.
type RecapView struct {
	common.Common
	recap       common.Recap
	toClipboard func() tea.Cmd // copies the recap
	lines       []string
	top         int
	done        string // what y did: "copied", "written to FILE"; "" while it works
}

// SetDone says what y did, for the title.
func (v *RecapView) SetDone(s string) { v.done = s }

// NewRecapView shows a recap; toClipboard is what y does.
func NewRecapView(c common.Common, r common.Recap, toClipboard func() tea.Cmd) *RecapView {
	v := &RecapView{Common: c, recap: r, toClipboard: toClipboard}
	v.wrap()
	return v
}

// SetSize sets the size and wraps the text again.
func (v *RecapView) SetSize(w, h int) {
	v.Width, v.Height = w, h
	v.wrap()
	v.scroll(0)
}

// HoldsKeyboard is false: quit and the page keys still work over the recap.
func (v *RecapView) HoldsKeyboard() bool { return false }

func (v *RecapView) wrap() {
	v.lines = v.lines[:0]
	for _, para := range strings.Split(strings.TrimRight(v.recap.Text, "\n"), "\n") {
		para = common.Clean(para)
		body := strings.TrimLeft(para, " ")
		if body == "" {
			v.lines = append(v.lines, "")
			continue
		}
		indent := para[:len(para)-len(body)]
		for _, l := range common.WrapWords(body, max(v.Width-2-len(indent), 10)) {
			v.lines = append(v.lines, "  "+indent+l)
		}
	}
}

func (v *RecapView) rows() int { return max(v.Height-2, 1) }

// scroll moves the first line shown by n, within the text.
func (v *RecapView) scroll(n int) {
	v.top = max(0, min(v.top+n, len(v.lines)-v.rows()))
}

// Key handles a key; done is true when the recap closes.
func (v *RecapView) Key(km tea.KeyMsg) (cmd tea.Cmd, done bool) {
	k := v.Keys
	switch {
	case key.Matches(km, k.Back), key.Matches(km, k.Help):
		return nil, true
	case key.Matches(km, k.Recap):
		return v.toClipboard(), false
	case key.Matches(km, k.Down):
		v.scroll(1)
	case key.Matches(km, k.Up):
		v.scroll(-1)
	case key.Matches(km, k.PageDown):
		v.scroll(v.rows())
	case key.Matches(km, k.PageUp):
		v.scroll(-v.rows())
	}
	return nil, false
}

// View shows the recap, as wrapped when it was opened or resized.
func (v *RecapView) View() string {
	s := v.Styles
	w := v.Width
	var title string
	switch v.recap.Kind {
	case "timeline":
		title = "Latest recap on " + common.Clean(v.recap.Code) + "'s timeline"
	default:
		title = "Recap of the " + v.recap.Kind + " on " + common.Clean(v.recap.Code)
	}
	done := v.done
	if done == "" {
		done = "copying…"
	}
	again := "y copies again"
	if strings.HasPrefix(done, "written") {
		again = "y writes it again"
	}
	title += " · " + common.Clean(done) + " · esc closes · " + again
	rows := v.rows()
	from := max(0, min(v.top, len(v.lines)-rows))
	end := min(from+rows, len(v.lines))
	if len(v.lines) > rows {
		title += fmt.Sprintf(" · ↑/↓ lines %d–%d of %d", from+1, end, len(v.lines))
	}
	lines := []string{s.Title.Render(common.Cut(title, w)), ""}
	lines = append(lines, v.lines[from:end]...)
	return common.Lines(lines, w, v.Height)
}
