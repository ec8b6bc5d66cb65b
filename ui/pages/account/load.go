package account

import (
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/store"
)

// loaded is the answer to the read numbered seq.
type loaded struct {
	seq   int
	req   request
	facts *domain.Facts // the view's facts of the account when the read was asked for
	set   domain.Settings
	data  *Data
	err   string // what went wrong, for the status line
}

// load reads one account's file through the desk and prepares it as of
// asOf. Everything it reads is passed in by value (the view's facts and
// settings are shared, never changed).
func load(seq int, d *desk.Desk, r request, facts *domain.Facts, set domain.Settings, asOf, today domain.Date) tea.Cmd {
	return func() tea.Msg {
		msg := loaded{seq: seq, req: r, facts: facts, set: set}
		f, err := d.Account(r.code)
		switch {
		case errors.Is(err, store.ErrNotFound) && r.open:
			msg.err = "No account " + r.code
		case errors.Is(err, store.ErrNotFound):
			msg.err = "Account " + r.code + " is no longer in the book"
		case err == nil:
			msg.data, err = Prepare(f, set, asOf, today)
		}
		if err != nil && msg.err == "" {
			msg.err = fmt.Sprintf("Cannot read account %s: %v", r.code, err)
		}
		return msg
	}
}
