// Package common is what every pane shares: the size, the one Styles and
// KeyMap values, the messages panes send upward, and small pure helpers for
// text, columns, lists, fuzzy matching and text fields.
package common

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/domain"
	"acctdesk/ui/keymap"
	"acctdesk/ui/styles"
)

// Common is embedded by every pane.
type Common struct {
	Width, Height int
	Styles        *styles.Styles
	Keys          *keymap.KeyMap
}

// Component is a pane: a model that owns its keys, its help and its size.
type Component interface {
	help.KeyMap
	Update(msg tea.Msg) tea.Cmd
	View() string
	SetSize(w, h int)
}

// Inputter is a component that can hold the keyboard (a filter being typed).
type Inputter interface {
	InputFocused() bool
}

// Selector is a component with a current account (for c, e, n).
type Selector interface {
	// Selected is the account under the cursor and, in the queue, the item key.
	Selected() (code, itemKey string)
}

// OpenAccountMsg asks the root to open an account's pane, as of the
// workstation's date or, when AsOf is set, as of that date (a drill from the
// aging moved to another month).
type OpenAccountMsg struct {
	Code string
	AsOf domain.Date
}

// OpenAccount is a command that sends OpenAccountMsg.
func OpenAccount(code string) tea.Cmd {
	return func() tea.Msg { return OpenAccountMsg{Code: code} }
}

// OpenAccountAt is OpenAccount as of a date.
func OpenAccountAt(code string, asOf domain.Date) tea.Cmd {
	return func() tea.Msg { return OpenAccountMsg{Code: code, AsOf: asOf} }
}

// ErrorMsg reports an error for the status line.
type ErrorMsg struct{ Err error }

// ErrorCmd is a command that sends ErrorMsg.
func ErrorCmd(err error) tea.Cmd { return func() tea.Msg { return ErrorMsg{err} } }

// InfoMsg reports a neutral message for the status line.
type InfoMsg struct{ Text string }

// InfoCmd is a command that sends InfoMsg.
func InfoCmd(s string) tea.Cmd { return func() tea.Msg { return InfoMsg{s} } }

// TitleLine is a pane's title line, or the filter prompt while it is typed
// or applied.
func TitleLine(c Common, title string, f Field, typing bool, w int) string {
	s := c.Styles
	if !typing && f.String() == "" {
		return s.Title.Render(Cut(title, w))
	}
	label := "/ "
	if typing {
		fw := w / 2
		if fw < 20 {
			fw = 20
		}
		return s.Key.Render(label) + f.View(fw, true, s.Input, s.Cursor, s.Placeholder) + " " + s.Muted.Render(Cut(title, w-fw-3))
	}
	return s.Title.Render(Cut(title, w/2)) + " " + s.Key.Render(Cut("/ "+f.String()+" (esc clears)", w-w/2-1))
}
