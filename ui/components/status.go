package components

import (
	"acctdesk/desk"
	"acctdesk/ui/common"
)

// StatusKind is how a status message reads.
type StatusKind int

// Status kinds.
const (
	Info StatusKind = iota
	OK
	Problem
	Busy // the workstation is waiting: loading, saving
)

// Status is the status line's message.
type Status struct {
	Text string
	Kind StatusKind
}

// StatusLine is the line under the pages: the message first, then the
// user ("you: ada", the author of every write) and the help hints, which
// give way to the message when w is short.
func StatusLine(c common.Common, st Status, w int) string {
	s := c.Styles
	style := s.Status
	switch st.Kind {
	case OK:
		style = s.StatusOK
	case Problem:
		style = s.StatusErr
	case Busy:
		style = s.StatusBusy
	}
	msg := " " + common.Clean(st.Text) // errors may quote the book
	user := ""
	if c.User != "" {
		user = "you: " + common.Clean(c.User)
		if c.Role != desk.Lead { // a session's narrower rights (SPEC §12), said where they bite
			user += " (" + c.Role.String() + ")"
		}
		user += " · "
	}
	help := c.Keys.Help.Help().Key + " help" // as remapped
	quit := ""
	if ks := c.Keys.Quit.Keys(); len(ks) > 0 {
		quit = " · " + ks[0] + " quit"
	}
	right := ""
	for _, r := range []string{user + help + quit, user + help, help} {
		if common.Width(msg)+common.Width(r)+2 <= w {
			right = r
			break
		}
	}
	if right == "" {
		return style.Render(common.Fit(msg, w))
	}
	rw := common.Width(right)
	return style.Render(common.Fit(msg, w-rw-1)) + s.Status.Render(" "+right)
}
