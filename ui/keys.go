package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/ui/common"
	"acctdesk/ui/components"
	"acctdesk/ui/form"
)

// keyMsg takes a key message apart. A terminal (or tmux, or a fast typist
// over ssh) may deliver several keys in one read, which Bubble Tea reports
// as one message with many runes. Outside a paste they are handled one by
// one, so "cn" is c then n. A paste goes whole into a text field, and
// nowhere else: a pasted "ddd" must not mark three items done.
func (m *Model) keyMsg(msg tea.KeyMsg) tea.Cmd {
	if msg.Type != tea.KeyRunes || len(msg.Runes) <= 1 {
		return m.key(msg)
	}
	if msg.Paste {
		if !m.typing() {
			return nil
		}
		return m.key(msg)
	}
	var cmds []tea.Cmd
	for _, r := range msg.Runes {
		cmds = append(cmds, m.key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
	}
	return tea.Batch(cmds...)
}

// typing reports whether a text field has the keyboard.
func (m *Model) typing() bool {
	if top := m.top(); top != nil {
		return top.HoldsKeyboard()
	}
	in, ok := m.page().(common.Typing)
	return ok && in.InputFocused()
}

// key routes one key, in the order the package comment gives.
func (m *Model) key(km tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	// 1. A form or the prompt holds the keyboard; help and the recap keep
	// their own keys and let quit and the page keys through.
	if top := m.top(); top != nil {
		if !top.HoldsKeyboard() {
			switch i := m.pageKey(km); {
			case key.Matches(km, k.Quit):
				return m.quit()
			case i >= 0:
				m.pop()
				m.show(i)
				return nil
			}
		}
		cmd, done := top.Key(km)
		if done {
			m.pop()
		}
		return cmd
	}
	// 2. A filter being typed.
	p := m.page()
	if in, ok := p.(common.Typing); ok && in.InputFocused() {
		return p.Update(km)
	}
	// 3. Global keys.
	switch i := m.pageKey(km); {
	case key.Matches(km, k.Quit):
		return m.quit()
	case i >= 0:
		m.show(i)
		return nil
	case key.Matches(km, k.Help):
		m.push(components.NewHelp(m.c, p.Info().Name, p))
		return nil
	case key.Matches(km, k.Jump):
		// Open even while the book loads: what is typed waits for it
		// (not once the load failed: the status line says why).
		if m.view == nil && m.loadFailed {
			return nil
		}
		m.jump.Open()
		m.push(m.jump)
		return nil
	case key.Matches(km, k.Recap):
		return m.copyRecap()
	case key.Matches(km, k.Call), key.Matches(km, k.Escalate), key.Matches(km, k.Note), key.Matches(km, k.FollowUp):
		if t, ok := p.(keyTaker); ok && t.TakesKey(km) {
			return p.Update(km) // the queue's summary line: c lists what changed
		}
		if m.readOnly() {
			return nil
		}
		m.openFormOn(km)
		return nil
	}
	// 4. The page.
	return p.Update(km)
}

// keyTaker is a page that handles some of the account keys itself where
// its cursor is on no account (the queue's line of what changed).
type keyTaker interface{ TakesKey(tea.KeyMsg) bool }

// pageKey is the index of the page whose number key km is, or -1.
func (m *Model) pageKey(km tea.KeyMsg) int {
	for i, b := range m.c.Keys.Pages {
		if key.Matches(km, b) {
			return i
		}
	}
	return -1
}

// ReadOnly is what a viewer's write keys say (SPEC §12).
const ReadOnly = common.ReadOnly

// readOnly says so on the status line, and reports true, when the session's
// user may not write.
func (m *Model) readOnly() bool {
	if m.opt.Role != desk.Viewer {
		return false
	}
	m.setStatus(components.Problem, ReadOnly)
	return true
}

func (m *Model) quit() tea.Cmd {
	if m.unsubscribe != nil {
		m.unsubscribe()
	}
	return tea.Quit
}

// openFormOn opens the form of a key on the page's current account.
func (m *Model) openFormOn(km tea.KeyMsg) {
	k := m.c.Keys
	sel, ok := m.page().(common.Selector)
	if !ok {
		return
	}
	code, item := sel.Selected()
	for _, pg := range m.pages {
		if o, ok := pg.(interface{ Opening() string }); ok && o.Opening() != "" {
			code, item = o.Opening(), "" // being opened: the key is for it
		}
	}
	if code == "" || m.view == nil {
		m.setStatus(components.Info, "Choose an account first")
		return
	}
	t := form.TargetOf(m.view, code, item, m.opt.AsOf)
	switch {
	case key.Matches(km, k.Call):
		m.openForm(form.NewCall(m.c, t))
	case key.Matches(km, k.Escalate):
		m.openForm(form.NewEscalation(m.c, t))
	case key.Matches(km, k.FollowUp):
		m.openForm(form.NewFollowUp(m.c, t))
	default:
		m.openForm(form.NewNote(m.c, t))
	}
}

// copyRecap copies a recap (or writes it to a file, when the terminal is
// not known to take copies) and shows it: the page's own (the latest of an
// account's timeline, on its activity tab), else the last one saved while
// fresh.
func (m *Model) copyRecap() tea.Cmd {
	r := m.recap
	if src, ok := m.page().(common.RecapSource); ok {
		if own, ok := src.Recap(); ok {
			r = own
		}
	}
	if r.Text == "" {
		m.setStatus(components.Info, "No recap to copy: y works after a promise (c p), an escalation (e) or a payment plan (P) is saved, or on an activity tab with a recap")
		return nil
	}
	clip, env, dir := m.clip, m.clipEnv, m.opt.RecapDir
	toClipboard := func() tea.Cmd {
		if dir != "" {
			return fileCmd(dir, r, clip, env)
		}
		return copyCmd(clip, r.Text, env)
	}
	m.push(components.NewRecapView(m.c, r, toClipboard))
	return toClipboard()
}
