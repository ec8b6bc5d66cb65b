package ui

import (
	"fmt"
	"os"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/ui/internal/fakestore"
)

func TestPreview(t *testing.T) {
	if os.Getenv("PREVIEW") == "" {
		t.Skip()
	}
	st := fakestore.NewSample()
	m := NewModel(st, Options{AsOf: fakestore.SampleAsOf, User: "ada"})
	w, h := 80, 24
	fmt.Sscanf(os.Getenv("PREVIEW"), "%dx%d", &w, &h)
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	msg := load(st, m.loadSeq+1, m.opt.AsOf, 0, "")()
	m.loadSeq++
	m.Update(msg)
	show := func(label string) {
		fmt.Println("=====", label)
		fmt.Println(m.View())
	}
	show("queue")
	for _, keys := range []string{"2", "3", "\r", "?", "?", "c", "p", "2", "5", "\t", "f", "r"} {
		var km tea.KeyMsg
		switch keys {
		case "\r":
			km = tea.KeyMsg{Type: tea.KeyEnter}
		case "\t":
			km = tea.KeyMsg{Type: tea.KeyTab}
		default:
			km = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(keys)}
		}
		_, cmd := m.Update(km)
		for cmd != nil {
			msg := cmd()
			_, cmd = m.Update(msg)
		}
		show(fmt.Sprintf("%q", keys))
	}
}
