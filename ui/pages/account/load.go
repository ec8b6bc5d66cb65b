package account

import (
	"errors"
	"fmt"
	"time"

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
	gone  bool   // the account is not in the book (rather than a read that failed)
}

// retryAfter is how long a failed read of the account shown waits before it
// is tried again (the book busy with a long write, say).
const retryAfter = time.Second

// retryMsg asks the page to read its account again after a failed read.
type retryMsg struct{}

// load reads one account's file through the desk and prepares it as of
// asOf. Everything it reads is passed in by value (the view's facts and
// settings are shared, never changed).
func load(seq int, d *desk.Desk, r request, facts *domain.Facts, set domain.Settings, asOf, today domain.Date) tea.Cmd {
	return func() tea.Msg {
		msg := loaded{seq: seq, req: r, facts: facts, set: set}
		f, err := d.Account(r.code)
		switch {
		case errors.Is(err, store.ErrNotFound) && r.open:
			msg.err, msg.gone = "No account "+r.code, true
		case errors.Is(err, store.ErrNotFound):
			msg.err, msg.gone = "Account "+r.code+" is no longer in the book", true
		case err == nil:
			msg.data, err = Prepare(f, set, asOf, today)
		}
		if err != nil && msg.err == "" {
			msg.err = fmt.Sprintf("Cannot read account %s: %v", r.code, err)
		}
		return msg
	}
}
