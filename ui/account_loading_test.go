package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestCallKeyWhileTheAccountLoads: c typed right after opening an account,
// before its file has been read, opens the call form on that account
// (it said "Choose an account first", or acted on the account shown
// before: under load a fast typist lost the key).
func TestCallKeyWhileTheAccountLoads(t *testing.T) {
	m, _ := loaded(t, 80, 24)
	press(m, ":")
	press(m, "ACC002")
	// enter opens the account; the page's read of its file is held back.
	var held []tea.Msg
	queue := []tea.Msg{keyMsg("enter")}
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		if b, ok := commands(msg); ok {
			for _, c := range b {
				if r := run(c); r != nil {
					queue = append(queue, r)
				}
			}
			continue
		}
		if fmt.Sprintf("%T", msg) == "account.loaded" {
			held = append(held, msg)
			continue
		}
		_, cmd := m.Update(msg)
		if r := run(cmd); r != nil {
			queue = append(queue, r)
		}
	}
	// The queue stays on the screen until the account is read; its
	// cursor is on ACC001, the queue's top item.
	if m.Current() != "Queue" || len(held) == 0 {
		t.Fatalf("before the read: %s, %d reads held", m.Current(), len(held))
	}
	process(m, keyMsg("c"))
	if v := m.View(); !strings.Contains(v, "Log a call · ACC002") {
		t.Fatalf("c while ACC002 loads:\n%s", v)
	}
	process(m, held...)
	if v := m.View(); !strings.Contains(v, "Log a call · ACC002") {
		t.Fatalf("once read, the form is still ACC002's:\n%s", v)
	}
}
