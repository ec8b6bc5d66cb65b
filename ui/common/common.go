// Package common is what every page shares: the Page contract, the one
// Common value (size, styles, keys, the desk, the session's user), the
// messages pages and the root send each other, the list behaviour the list
// pages are built on, and small pure helpers for text, columns, lists,
// fuzzy matching and text fields.
package common

import (
	"context"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/keymap"
	"acctdesk/ui/styles"
)

// Common is embedded by every page, form and component: one value per
// session, built at start and passed down.
type Common struct {
	Width, Height int
	Styles        *styles.Styles
	Keys          *keymap.KeyMap
	Desk          *desk.Desk
	AsOf          domain.Date // the workstation's business date: what is logged, and "today" on screen
	User          string      // the session's user
	Role          desk.Role   // the session's role (SPEC §12); Lead on the host
	// Author carries User as the author of every write (store.WithAuthor);
	// made once per session, passed to the desk's use cases.
	Author context.Context
	// DocsDir is where documents are written (S: the statement of
	// account), on the machine the workstation runs on; StatementFormat
	// the format S writes (docs.Formats).
	DocsDir         string
	StatementFormat string
	// Post hands a message to the root at once, within the Update that is
	// running (a form to open): the keys typed next then go to the form,
	// not to the page that asked for it. nil (a page tested alone): Ask
	// sends the message back as a command instead.
	Post func(tea.Msg) tea.Cmd
}

// Refuse is the status line's refusal when the session's role may not
// make a write that needs role need (desk.Allows), or nil: a page asks
// before it opens a form, so a collector does not fill one in for nothing.
func (c Common) Refuse(need desk.Role, what string) tea.Cmd {
	if c.Role == desk.Viewer {
		return ErrorCmd(ReadOnly)
	}
	if err := desk.Allows(c.Role, need, what); err != nil {
		return ErrorCmd(err.Error())
	}
	return nil
}

// ReadOnly is what a viewer's write keys say (SPEC §12).
const ReadOnly = "read-only: ask a lead"

// Ask gives the root msg at once when it can (Post), else as a command.
func (c Common) Ask(msg tea.Msg) tea.Cmd {
	if c.Post != nil {
		return c.Post(msg)
	}
	return func() tea.Msg { return msg }
}

// Page is one page of the workstation (soft-serve's component): a model
// that owns its data, its keys, its help and its size. It reads what it
// shows through the desk in commands, never in Update. The root sends it
// every message it does not keep for itself, and the keys while it is shown.
type Page interface {
	help.KeyMap
	Update(msg tea.Msg) tea.Cmd
	View() string
	SetSize(w, h int)
	Info() PageInfo
	// Tab is the page's label in the top bar: its name, and what it shows
	// when that matters ("Account ACC001").
	Tab() string
}

// PageInfo is what a page declares about itself.
type PageInfo struct {
	Name    string // "Queue": the help's "Queue pane:", and what ShowPage names
	KeyHelp string // what the page's number key says in the help: "queue"
	// Number is the page's number key (SPEC §8: 5 Dashboard, 6 Renewals,
	// 7 Cross-sell); 0: its place in the registry, from 1.
	Number int
}

// Typing is a page that can hold the keyboard (a filter being typed): its
// keys come before the global ones, so typing q does not quit.
type Typing interface {
	InputFocused() bool
}

// Selector is a page with a current account (for c, e, n, f).
type Selector interface {
	// Selected is the account under the cursor and, in the queue, the item key.
	Selected() (code, itemKey string)
}

// Recap is a written recap: of a promise or an escalation just saved, or
// the latest on an account's timeline.
type Recap struct {
	Code, Kind, Text string
}

// RecapSource is a page that has a recap of its own for y (the account's
// activity tab).
type RecapSource interface {
	Recap() (Recap, bool)
}
