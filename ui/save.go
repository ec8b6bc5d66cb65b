package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	dq "acctdesk/domain/queue"
	"acctdesk/ui/common"
	"acctdesk/ui/components"
	"acctdesk/ui/form"
)

// Every write goes through a desk use case, in a command, with the
// session's author in its context. The view it changes comes back from the
// desk like anyone else's change.

// savedMsg is the desk's answer to a form.
type savedMsg struct {
	sub   form.Submission
	saved form.Saved
	err   error
}

// save writes a submitted form. The submission is a value: the command
// never looks at the model.
func save(c common.Common, sub form.Submission) tea.Cmd {
	return func() tea.Msg {
		s, err := sub.Save(c.Author, c.Desk)
		return savedMsg{sub, s, err}
	}
}

func (m *Model) saved(msg savedMsg) tea.Cmd {
	sub := msg.sub
	f := m.form()
	if msg.err != nil {
		if f != nil && f.Saving() {
			f.Failed(msg.err)
		}
		m.setStatus(components.Problem, "Not saved: "+oneLine(msg.err))
		return nil
	}
	if f != nil && f.Saving() {
		m.pop()
	}
	if sub.Kind == form.Assign {
		// Not work on an account: the queue stays where it is, and the
		// view brings the new owners.
		m.setStatus(components.OK, "✓ "+common.Clean(msg.saved.Said))
		return nil
	}
	when := ""
	if !msg.saved.At.IsZero() {
		when = msg.saved.At.Local().Format("15:04") + " "
	}
	// The recap stays fresh until the next thing is saved.
	m.recap = common.Recap{}
	hint := ""
	if msg.saved.Recap != "" {
		kind := sub.Kind.String()
		switch sub.Kind {
		case form.Call:
			kind = "promise"
		case form.Custom:
			kind = sub.Noun
		}
		m.recap = common.Recap{Code: sub.Code, Kind: kind, Text: msg.saved.Recap}
		hint = " (y shows the recap)"
	}
	noun := sub.Kind.String()
	if sub.Kind == form.Custom {
		noun = sub.Noun
	}
	m.setStatus(components.OK, fmt.Sprintf("✓ %ssaved %s on %s%s: %s", when, noun, sub.Code, hint, sub.What))
	return m.forward(common.SavedMsg{Code: sub.Code, ItemKey: sub.ItemKey})
}

func oneLine(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " …"
	}
	return s
}

// markedMsg is the desk's answer to "done".
type markedMsg struct {
	item dq.Item
	err  error
}

func markDone(c common.Common, it dq.Item) tea.Cmd {
	return func() tea.Msg { return markedMsg{it, c.Desk.Done(c.Author, it)} }
}

func (m *Model) marked(msg markedMsg) tea.Cmd {
	if msg.err != nil {
		m.setStatus(components.Problem, "Not marked done: "+msg.err.Error())
		return nil
	}
	m.recap = common.Recap{}
	m.setStatus(components.OK, fmt.Sprintf("✓ Marked done (u undoes): %s %s, off the queue until it arises anew", common.Clean(msg.item.Account), common.Clean(cmp.Or(msg.item.Why, msg.item.Detail))))
	return m.forward(common.SavedMsg{Code: msg.item.Account, ItemKey: msg.item.Key})
}

// openSnooze asks until when to hide a queue item.
func (m *Model) openSnooze(it dq.Item) {
	if m.view == nil {
		return
	}
	t := form.TargetOf(m.view, it.Account, it.Key, m.opt.AsOf)
	t.Item = &it
	m.openForm(form.NewSnooze(m.c, t))
}

// openDispute opens the dispute form on an invoice (D on the open items):
// to raise a dispute, or to resolve the open one.
func (m *Model) openDispute(msg common.DisputeMsg) {
	if m.view == nil {
		m.setStatus(components.Info, "The book is still loading")
		return
	}
	t := form.TargetOf(m.view, msg.Code, "", m.opt.AsOf)
	if t.Name == "" {
		t.Name = common.Clean(msg.Name)
	}
	if t.Currency == "" {
		t.Currency = msg.Currency
	}
	on := form.DisputeOn{Invoice: msg.Invoice, Outstanding: msg.Outstanding, Reason: msg.Reason}
	if msg.Disputed {
		m.openForm(form.NewResolve(m.c, t, on))
		return
	}
	m.openForm(form.NewDispute(m.c, t, on))
}

// openAssign asks whom to give accounts to (a on the book).
func (m *Model) openAssign(msg common.AssignMsg) {
	if m.view == nil {
		m.setStatus(components.Info, "The book is still loading")
		return
	}
	t := form.Target{Codes: msg.Codes, Filter: msg.Filter, Today: m.opt.AsOf, Users: m.users()}
	if msg.Filter == "" && len(msg.Codes) == 1 {
		t.Code, t.Name = msg.Codes[0], common.Clean(msg.Name)
	}
	m.openForm(form.NewAssign(m.c, t))
}

// openOn opens a form a page asked for on one of its accounts.
func (m *Model) openOn(msg form.OpenMsg) {
	if (!msg.ReadOnly && m.readOnly()) || msg.New == nil {
		return
	}
	if m.view == nil {
		m.setStatus(components.Info, "The book is still loading")
		return
	}
	m.openForm(msg.New(m.c, form.TargetOf(m.view, msg.Code, msg.Item, m.opt.AsOf)))
}

// openPlan opens the payment plan form on an account (P on the account page).
func (m *Model) openPlan(msg common.PlanMsg) {
	if m.readOnly() {
		return
	}
	if m.view == nil {
		m.setStatus(components.Info, "The book is still loading")
		return
	}
	m.openForm(form.NewPlan(m.c, form.TargetOf(m.view, msg.Code, "", m.opt.AsOf)))
}

// users are the names the book knows a user by: its accounts' owners and
// its settings' users, sorted, each once.
func (m *Model) users() []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for i := range m.view.Sums {
		add(m.view.Sums[i].Facts.Account.Owner)
	}
	for _, u := range m.view.Settings.Users {
		add(u)
	}
	slices.Sort(out)
	return out
}
