package ui

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/memstore"
	"acctdesk/ui/form"
	"acctdesk/ui/internal/sample"
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

// flakyReads is a book whose next account reads fail, as a book kept busy
// by long writes makes them fail ("in use"): not an account that is gone.
type flakyReads struct {
	*memstore.Store
	fail atomic.Int32
}

func (s *flakyReads) LoadAccount(code string) (*domain.AccountFile, error) {
	if s.fail.Add(-1) >= 0 {
		return nil, fmt.Errorf("account %s: %w", code, store.ErrInUse)
	}
	return s.Store.LoadAccount(code)
}

// TestAFailedReadKeepsTheAccountShown: when the account shown changes and
// reading it again fails for a moment, the pane keeps what it showed, says
// why, reads again a little later, and c still logs a call on it. (It went
// blank, so that c said "Choose an account first" and the key was lost: the
// ten-session server test's flake on a loaded machine.)
func TestAFailedReadKeepsTheAccountShown(t *testing.T) {
	st := &flakyReads{Store: sample.Store()}
	m := loadedOn(t, st, 160, 30)
	press(m, ":", "ACC002", "enter")
	if v := m.View(); m.Current() != "Account" || !strings.Contains(v, "ACC002") {
		t.Fatalf("ACC002 not open:\n%s", v)
	}
	if _, err := m.c.Desk.LogCall(store.WithAuthor(context.Background(), "bola"), "ACC002", domain.Call{Outcome: "no-answer"}); err != nil {
		t.Fatal(err)
	}
	st.fail.Store(1)
	// The view's refresh makes the pane read ACC002 again: that read fails,
	// the one a second later does not.
	before := st.fail.Load()
	drive(m, changedMsg{})
	if st.fail.Load() >= before {
		t.Fatal("the pane did not read the changed account again")
	}
	v := m.View()
	if !strings.Contains(v, "ACC002") || strings.Contains(v, "no longer in the book") {
		t.Fatalf("after a failed read the account is not shown:\n%s", v)
	}
	if !strings.Contains(v, "last attempt 17 Nov · next follow-up 18 Nov") || !strings.Contains(v, "ACC002 is read again") {
		t.Fatalf("the read a second later did not bring the call, or did not say so:\n%s", v)
	}
	press(m, "c")
	if v := m.View(); !strings.Contains(v, "Log a call · ACC002") {
		t.Fatalf("c after a failed read:\n%s", v)
	}
}

// TestKeysAfterAFormKeyGoToTheForm: a form a page opens (z in the queue,
// P on an account) opens within the key's own Update, so what is typed
// right after it — in the same read from the terminal, as tmux or a fast
// typist over ssh delivers it — lands in the form, not on the page (a q
// there quit the workstation).
func TestKeysAfterAFormKeyGoToTheForm(t *testing.T) {
	m, _ := loaded(t, 100, 30)
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("zq")})
	if f := m.form(); f == nil || f.Kind() != form.Snooze {
		t.Fatalf("z then q: no snooze form:\n%s", m.View())
	}
	if msg := run(cmd); msg == (tea.QuitMsg{}) {
		t.Fatal("the q after z quit the workstation")
	}
	press(m, "esc", "y", "esc")
	press(m, ":", "ACC002", "enter")
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("P2")})
	if f := m.form(); f == nil || f.Kind() != form.Plan || !f.Dirty() {
		t.Fatalf("P then 2: the 2 is not in the plan form:\n%s", m.View())
	}
}
