package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/ui/common"
	"acctdesk/ui/form"
)

// modal is what is shown over the page and gets the keys first: a form,
// the jump prompt, the help, the recap.
type modal interface {
	// Key handles a key; done closes the modal.
	Key(km tea.KeyMsg) (cmd tea.Cmd, done bool)
	View() string
	SetSize(w, h int)
	// HoldsKeyboard is true for a form or a prompt, which take every key;
	// the help and the recap let quit and the page keys through (which
	// close them).
	HoldsKeyboard() bool
}

func (m *Model) top() modal {
	if len(m.modals) == 0 {
		return nil
	}
	return m.modals[len(m.modals)-1]
}

func (m *Model) push(md modal) {
	md.SetSize(m.c.Width, m.bodyHeight())
	m.modals = append(m.modals, md)
}

func (m *Model) pop() { m.modals = m.modals[:len(m.modals)-1] }

// formModal is a form in the modal stack: what it submits is saved.
type formModal struct {
	*form.Model
	save func(form.Submission) tea.Cmd
}

func (f formModal) HoldsKeyboard() bool { return true }

func (f formModal) Key(km tea.KeyMsg) (tea.Cmd, bool) {
	out := f.Model.Key(km)
	switch {
	case out.Submit != nil:
		return f.save(*out.Submit), false // open until the desk answers
	case out.Close:
		return common.InfoCmd("Cancelled, nothing saved"), true
	}
	return nil, false
}

func (m *Model) openForm(f *form.Model) {
	m.push(formModal{Model: f, save: func(sub form.Submission) tea.Cmd { return save(m.c, sub) }})
}

// form is the form on top, or nil.
func (m *Model) form() *form.Model {
	if f, ok := m.top().(formModal); ok {
		return f.Model
	}
	return nil
}

// saving reports whether a form waits for the desk.
func (m *Model) saving() bool {
	f := m.form()
	return f != nil && f.Saving()
}
