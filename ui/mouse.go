package ui

import (
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"acctdesk/ui/common"
	"acctdesk/ui/keymap"
)

// The mouse, when Options.Mouse: a click on a tab shows its page, a click on
// a list's row selects it, a double-click opens it (as enter), the wheel
// scrolls the list, or the help and the recap. A form or a prompt holds the
// keyboard and ignores the mouse.

// doubleClick is how soon a second press on the same line is a double-click.
const doubleClick = 500 * time.Millisecond

// click is the last press of the left button, for double-clicks.
type click struct {
	at   time.Time
	page int
	y    int
}

func (m *Model) mouse(msg tea.MouseMsg) tea.Cmd {
	if !m.opt.Mouse || msg.Action != tea.MouseActionPress {
		return nil
	}
	top := m.top()
	if top != nil && top.HoldsKeyboard() {
		return nil
	}
	wheel := msg.Button == tea.MouseButtonWheelUp || msg.Button == tea.MouseButtonWheelDown
	if !wheel && msg.Button != tea.MouseButtonLeft {
		return nil
	}
	if msg.Button == tea.MouseButtonLeft && msg.Y == 0 {
		if i := m.tabAt(msg.X); i >= 0 {
			for m.top() != nil {
				m.pop()
			}
			m.show(i)
		}
		return nil
	}
	if top != nil { // the help or the recap: the wheel moves it, as ↑ and ↓
		if !wheel {
			return nil
		}
		b := m.c.Keys.Down
		if msg.Button == tea.MouseButtonWheelUp {
			b = m.c.Keys.Up
		}
		if km, ok := keyOf(b.Keys()); ok {
			cmd, done := top.Key(km)
			if done {
				m.pop()
			}
			return cmd
		}
		return nil
	}
	if msg.Y < 1 || msg.Y > m.bodyHeight() {
		return nil
	}
	p := m.page()
	cm := common.MouseMsg{Kind: common.Click, X: msg.X, Y: msg.Y - 1}
	switch {
	case msg.Button == tea.MouseButtonWheelUp:
		cm.Kind = common.WheelUp
	case msg.Button == tea.MouseButtonWheelDown:
		cm.Kind = common.WheelDown
	default:
		now := m.now()
		last := m.lastClick
		m.lastClick = click{at: now, page: m.cur, y: cm.Y}
		if last.page == m.cur && last.y == cm.Y && !last.at.IsZero() && now.Sub(last.at) <= doubleClick {
			cm.Kind = common.DoubleClick
			m.lastClick = click{} // a third press starts again
		}
	}
	h, ok := p.(common.MouseHandler)
	if !ok {
		return p.Update(cm)
	}
	cm.Screen = strings.Split(ansi.Strip(p.View()), "\n")
	if !h.HandleMouse(cm) || cm.Kind != common.DoubleClick {
		return nil
	}
	if km, ok := keyOf(m.c.Keys.Open.Keys()); ok {
		return p.Update(km)
	}
	return nil
}

// keyOf is the key message of a binding's first key.
func keyOf(keys []string) (tea.KeyMsg, bool) {
	if len(keys) == 0 {
		return tea.KeyMsg{}, false
	}
	return keymap.Msg(keys[0])
}

// tabAt is the tab at column x of the top bar, -1 for none: each tab's
// label (or its key alone, on a bar too narrow for the labels) is found on
// the bar as drawn, in order, and takes its brackets or spaces on either
// side.
func (m *Model) tabAt(x int) int {
	bar := ansi.Strip(m.topBar(m.cur))
	pos := 0
	for i, label := range m.tabs() {
		label = common.Clean(label)
		j := strings.Index(bar[pos:], label)
		if j < 0 {
			label, _, _ = strings.Cut(label, " ")
			if j = strings.Index(bar[pos:], label); j < 0 {
				return -1
			}
		}
		start := common.Width(bar[:pos+j])
		if x >= start-1 && x <= start+common.Width(label) {
			return i
		}
		pos += j + len(label)
	}
	return -1
}
