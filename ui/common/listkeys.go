package common

import (
	"acctdesk/ui/keymap"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// FilterEdit is what a key did to a list's filter while it was being typed.
type FilterEdit int

const (
	FilterKept    FilterEdit = iota // nothing to rebuild (typing ended, or the cursor moved)
	FilterChanged                   // the text changed: rebuild the rows, cursor to the top
	FilterDropped                   // esc: the filter is gone, rebuild keeping the selection
)

// FilterKey handles a key while a list's filter has focus (the list panes
// share it): enter ends typing and keeps the filter, esc drops it, up and
// down move the cursor, anything else edits the text. typing reports whether
// the filter still has focus.
func FilterKey(l List, f *Field, km tea.KeyMsg) (List, FilterEdit, bool) {
	switch km.Type {
	case tea.KeyEnter:
		return l, FilterKept, false
	case tea.KeyEsc:
		f.Set("")
		return l, FilterDropped, false
	case tea.KeyUp:
		return l.Move(-1), FilterKept, true
	case tea.KeyDown:
		return l.Move(1), FilterKept, true
	}
	if f.Key(km) {
		return l, FilterChanged, true
	}
	return l, FilterKept, true
}

// NavKey moves a list's cursor for the navigation keys (up, down, page up and
// down, top, bottom); ok is false for any other key.
func NavKey(l List, km tea.KeyMsg, k *keymap.KeyMap) (List, bool) {
	switch {
	case key.Matches(km, k.Up):
		return l.Move(-1), true
	case key.Matches(km, k.Down):
		return l.Move(1), true
	case key.Matches(km, k.PageUp):
		return l.Page(-1), true
	case key.Matches(km, k.PageDown):
		return l.Page(1), true
	case key.Matches(km, k.Top):
		return l.Top(), true
	case key.Matches(km, k.Bottom):
		return l.Bottom(), true
	}
	return l, false
}
