package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/ui/common"
	"acctdesk/ui/components"
)

// The workstation never polls and never reloads: it reads the desk's view
// once, then hears from the desk (Subscribe) whenever a newer view is in
// place or the desk's look at the book failed or worked again. Whoever
// runs desk.Watch keeps the view fresh; the pages refresh what it touched.

// loadedMsg is the desk's first view, or why the book could not be read.
type loadedMsg struct {
	view *desk.View
	err  error
}

// firstLoad reads the desk's view (the whole book's facts, the first time).
func firstLoad(d *desk.Desk) tea.Cmd {
	return func() tea.Msg {
		v, err := d.View()
		return loadedMsg{v, err}
	}
}

// changedMsg says the desk has news: a newer view, or a change in Err.
type changedMsg struct{}

// waitForChange waits for the desk's next news; the root re-arms it on
// each (bubbletea's examples/realtime).
func waitForChange(events <-chan struct{}) tea.Cmd {
	return func() tea.Msg {
		if _, ok := <-events; !ok {
			return nil
		}
		return changedMsg{}
	}
}

func (m *Model) loaded(msg loadedMsg) tea.Cmd {
	if msg.err != nil {
		if m.view == nil {
			m.loadFailed = true
			m.setStatus(components.Problem, "Could not read the book: "+msg.err.Error())
		}
		return nil
	}
	return m.showView(msg.view)
}

// changed reads the desk's news: the status line says whether the book can
// be read, and the pages get the newer view.
func (m *Model) changed() tea.Cmd {
	d := m.c.Desk
	switch err := d.Err(); {
	case err != nil:
		m.unreadable = true
		m.setStatus(components.Problem, "Cannot read the book right now: "+err.Error())
	case m.unreadable:
		m.unreadable = false
		m.setStatus(components.Info, "The book can be read again")
	}
	var again tea.Cmd
	if m.events != nil {
		again = waitForChange(m.events)
	}
	return tea.Batch(m.showView(d.Current()), again)
}

// showView sends the pages a view they have not had.
func (m *Model) showView(v *desk.View) tea.Cmd {
	if v == nil || v == m.view {
		return nil
	}
	if m.view == nil && (m.status.Text == "" || m.loadFailed) {
		m.setStatus(components.Info, common.Count(len(v.Sums), "account")+" loaded")
	}
	m.view, m.loadFailed = v, false
	return m.forward(common.ViewMsg{View: v})
}
