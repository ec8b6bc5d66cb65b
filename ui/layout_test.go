package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Every screen, at every size from 80×24 to 250×70, is exactly the terminal:
// no line wraps or spills, none is short, nothing is missing at the bottom.
func TestLayoutSizes(t *testing.T) {
	screens := []struct {
		name string
		keys []string
	}{
		{"queue", nil},
		{"queue-filter", []string{"/", "abu"}},
		{"book", []string{"2"}},
		{"book-owner", []string{"2", "g", "s", "s"}},
		{"book-tier", []string{"2", "g", "g", "end"}},
		{"aging", []string{"3"}},
		{"aging-owner", []string{"3", "g", "<"}},
		{"account", []string{"2", "j", "enter"}},
		{"account-tabs", []string{"2", "j", "enter", "tab", "tab", "tab", "tab", "tab", "tab"}},
		{"account-cjk", []string{":", "ACC006", "enter", "tab", "tab"}},
		{"call", []string{"c", "p", "12x", "tab", "someday", "enter"}},
		{"escalation", []string{"2", "j", "j", "e", "enter"}},
		{"note", []string{"n", strings.Repeat("a very long note ", 30)}},
		{"snooze", []string{"z", "+2"}},
		{"jump", []string{":", "o"}},
		{"help", []string{"?", "down"}},
		{"discard", []string{"c", "r", "esc"}},
	}
	sizes := [][2]int{{80, 24}, {81, 25}, {99, 30}, {120, 40}, {160, 48}, {200, 60}, {250, 70}}
	for _, sc := range screens {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, sz[0], sz[1]), func(t *testing.T) {
				m, _ := loaded(t, sz[0], sz[1])
				press(m, sc.keys...)
				checkFits(t, m.View(), sz[0], sz[1])
				// and after a resize to the smallest supported size
				drive(m, tea.WindowSizeMsg{Width: 80, Height: 24})
				checkFits(t, m.View(), 80, 24)
			})
		}
	}
}

// Below 80×24 the screen is cramped but still exact and nothing panics.
func TestTinyTerminal(t *testing.T) {
	for _, sz := range [][2]int{{40, 10}, {20, 5}, {60, 3}} {
		m, _ := loaded(t, sz[0], sz[1])
		for _, k := range []string{"1", "2", "3", "4", "?", "?"} {
			press(m, k)
			checkFits(t, m.View(), sz[0], sz[1])
		}
		press(m, "2", "enter", "c")
		checkFits(t, m.View(), sz[0], sz[1])
	}
}

// With colours on (dark and light backgrounds) the escapes never change a width.
func TestLayoutInColour(t *testing.T) {
	defer lipgloss.SetColorProfile(termenv.Ascii)
	defer lipgloss.SetHasDarkBackground(true)
	for _, dark := range []bool{true, false} {
		lipgloss.SetColorProfile(termenv.TrueColor)
		lipgloss.SetHasDarkBackground(dark)
		m, _ := loaded(t, 100, 30)
		for _, k := range [][]string{nil, {"2", "j"}, {"3", "g"}, {"2", "enter", "tab", "tab"}, {"c", "p", "1"}, {"esc", "y", "?"}} {
			press(m, k...)
			v := m.View()
			if !strings.Contains(v, "\x1b[") {
				t.Fatal("no colour in the view")
			}
			checkFits(t, v, 100, 30)
		}
	}
}
