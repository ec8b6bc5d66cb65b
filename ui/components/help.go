package components

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/ui/common"
)

// Help is the help screen: the page's own keys on top, then every binding
// of the KeyMap in columns of one screen's height, ↓ and ↑ moving through
// the columns.
type Help struct {
	common.Common
	page   string      // the page's name
	keys   help.KeyMap // the page's keys
	scroll int         // the first column shown
}

// NewHelp is the help over a page.
func NewHelp(c common.Common, page string, keys help.KeyMap) *Help {
	return &Help{Common: c, page: page, keys: keys}
}

// SetSize sets the size.
func (h *Help) SetSize(w, ht int) { h.Width, h.Height = w, ht }

// HoldsKeyboard is false: quit and the page keys still work over the help.
func (h *Help) HoldsKeyboard() bool { return false }

// Key handles a key; done is true when the help closes.
func (h *Help) Key(km tea.KeyMsg) (cmd tea.Cmd, done bool) {
	k := h.Keys
	switch {
	case key.Matches(km, k.Help), key.Matches(km, k.Back):
		return nil, true
	case key.Matches(km, k.Down), key.Matches(km, k.PageDown):
		h.scroll++
	case key.Matches(km, k.Up), key.Matches(km, k.PageUp):
		h.scroll = max(h.scroll-1, 0)
	}
	return nil, false
}

// pageHelp is the page's own keys, from its ShortHelp, on as many lines as
// it takes up to three (the last cut when still too long).
func (h *Help) pageHelp(w int) []string {
	s := h.Styles
	head := h.page + " pane: "
	sep := " · "
	var lines []string
	line, lw := s.GroupHeader.Render(head), common.Width(head)
	for i, b := range h.keys.ShortHelp() {
		kh := b.Help()
		part := s.Key.Render(kh.Key) + " " + s.Desc.Render(kh.Desc)
		pw := common.Width(kh.Key) + 1 + common.Width(kh.Desc)
		if i > 0 {
			if lw+common.Width(sep)+pw > w && len(lines) < 2 {
				lines = append(lines, line)
				line, lw = strings.Repeat(" ", common.Width(head)), common.Width(head)
			} else {
				line += s.Muted.Render(sep)
				lw += common.Width(sep)
			}
		}
		line += part
		lw += pw
	}
	return append(lines, common.Cut(line, w))
}

// View lists every binding of the KeyMap, in columns as wide as the widest
// binding needs (so no help text is cut when the screen has room), each
// section whole in one column where it fits (a heading never sits at the
// foot of one column with its keys in the next), a section longer than a
// column going on under its heading again.
func (h *Help) View() string {
	s := h.Styles
	w, ht := h.Width, h.Height
	secs := h.Keys.Sections()
	keyW, descW := 0, 0
	for _, sec := range secs {
		for _, b := range sec.Bindings {
			hk := b.Help()
			keyW, descW = max(keyW, common.Width(hk.Key)), max(descW, common.Width(hk.Desc))
		}
	}
	keyW = min(keyW, 14)
	colW := keyW + 1 + descW + 1 // a space between columns: two columns at 80
	if colW > w {
		colW = w
	}
	paneKeys := h.pageHelp(w)
	rows := max(ht-1-len(paneKeys), 1) // under the title and the page's keys
	heading := func(t string) string { return s.GroupHeader.Render(common.Cut(t, colW-1)) }
	var cols [][]string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			cols = append(cols, cur)
			cur = nil
		}
	}
	for _, sec := range secs {
		items := make([]string, 0, len(sec.Bindings))
		for _, b := range sec.Bindings {
			hk := b.Help()
			items = append(items, s.Key.Render(common.Fit(hk.Key, keyW))+" "+s.Desc.Render(common.Cut(hk.Desc, max(colW-keyW-2, 1))))
		}
		// a new column when the section does not fit under what is there
		if len(cur) > 0 && len(cur)+1+1+len(items) > rows {
			flush()
		}
		if len(cur) > 0 {
			cur = append(cur, "")
		}
		title := sec.Title
		for {
			cur = append(cur, heading(title))
			room := max(rows-len(cur), 1)
			if room >= len(items) || rows < 3 {
				cur = append(cur, items...)
				break
			}
			cur = append(cur, items[:room]...)
			items = items[room:]
			flush()
			title = sec.Title + " (cont.)"
		}
	}
	flush()
	for i, c := range cols { // a column taller than the screen (rows < 3) is cut
		if len(c) > rows {
			cols[i] = c[:rows]
		}
	}
	ncol := max(w/colW, 1)
	first := max(min(h.scroll, len(cols)-ncol), 0)
	title := "Keys · ? or esc closes"
	if len(cols) > ncol {
		title += fmt.Sprintf(" · ↑/↓ more (%d–%d of %d columns)", first+1, min(first+ncol, len(cols)), len(cols))
	}
	lines := append([]string{s.Title.Render(common.Cut(title, w))}, paneKeys...)
	for r := 0; r < rows; r++ {
		var b strings.Builder
		for c := first; c < first+ncol && c < len(cols); c++ {
			cell := ""
			if r < len(cols[c]) {
				cell = cols[c][r]
			}
			b.WriteString(common.Fit(cell, colW))
		}
		lines = append(lines, b.String())
	}
	return common.Lines(lines, w, ht)
}
