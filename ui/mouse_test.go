package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"acctdesk/ui/internal/sample"
)

func mouseOptions() Options {
	opt := testOptions()
	opt.Mouse = true
	return opt
}

func leftClick(x, y int) tea.MouseMsg {
	return tea.MouseMsg{X: x, Y: y, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft}
}

func wheel(down bool, y int) tea.MouseMsg {
	b := tea.MouseButtonWheelUp
	if down {
		b = tea.MouseButtonWheelDown
	}
	return tea.MouseMsg{X: 10, Y: y, Action: tea.MouseActionPress, Button: b}
}

// screenRow is the screen row (0 the top bar) of the first line holding s.
func screenRow(t *testing.T, m *Model, s string) int {
	t.Helper()
	for i, l := range strings.Split(ansi.Strip(m.View()), "\n") {
		if strings.Contains(l, s) {
			return i
		}
	}
	t.Fatalf("%q is not on screen:\n%s", s, m.View())
	return -1
}

// rowText is how a queue row begins: its rank and account.
func rowText(rank int, code string) string { return fmt.Sprintf("%3d %s ", rank, code) }

// clock is a hand-moved clock for double-clicks.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// Item 22: a click selects the row under it, in the queue and in the book.
func TestMouseClickSelects(t *testing.T) {
	m := loadedWith(t, 100, 30, sample.Store(), mouseOptions())
	items := queueOf(m).Items()
	third := items[2]
	y := screenRow(t, m, rowText(3, third.Account))
	drive(m, leftClick(20, y))
	if _, k := queueOf(m).Selected(); k != third.Key {
		t.Fatalf("clicked row %d (%s), selected %s", y, third.Key, k)
	}
	if m.Current() != "Queue" {
		t.Fatalf("a single click opened %s", m.Current())
	}
	// Below the list, and on the title: nothing moves.
	drive(m, leftClick(20, 2), leftClick(20, 28))
	if _, k := queueOf(m).Selected(); k != third.Key {
		t.Fatalf("a click off the rows moved the cursor to %s", k)
	}

	press(m, "2")
	y = screenRow(t, m, "ACC007")
	drive(m, leftClick(5, y))
	if code, _ := bookOf(m).Selected(); code != "ACC007" {
		t.Fatalf("book: clicked ACC007, selected %s", code)
	}
	// A group heading is not a row.
	press(m, "g")
	before, _ := bookOf(m).Selected()
	drive(m, leftClick(5, screenRow(t, m, "Owner: Bola Ade")))
	if code, _ := bookOf(m).Selected(); code != before {
		t.Fatalf("a click on a heading moved the cursor from %s to %s", before, code)
	}
}

// Item 22: a double-click opens the row's account, as enter; two clicks
// far apart in time do not.
func TestMouseDoubleClickOpens(t *testing.T) {
	m := loadedWith(t, 100, 30, sample.Store(), mouseOptions())
	c := &clock{t: time.Date(2026, 11, 17, 9, 30, 0, 0, time.UTC)}
	m.now = c.now
	second := queueOf(m).Items()[1]
	y := screenRow(t, m, rowText(2, second.Account))
	drive(m, leftClick(20, y))
	c.t = c.t.Add(2 * time.Second)
	drive(m, leftClick(20, y))
	if m.Current() != "Queue" {
		t.Fatalf("two slow clicks opened %s", m.Current())
	}
	c.t = c.t.Add(200 * time.Millisecond)
	drive(m, leftClick(20, y))
	if m.Current() != "Account" || accountOf(m).Code() != second.Account {
		t.Fatalf("double-click: pane %s account %s, want %s", m.Current(), accountOf(m).Code(), second.Account)
	}
}

// Item 22: the wheel scrolls the list, the cursor dragged along only to
// stay on screen.
func TestMouseWheelScrolls(t *testing.T) {
	m := loadedWith(t, 100, 15, sample.Store(), mouseOptions()) // 6 rows of the queue on screen
	items := queueOf(m).Items()
	if len(items) < 12 {
		t.Fatalf("%d items", len(items))
	}
	top := func() string { return ansi.Strip(strings.Split(m.View(), "\n")[4]) } // the first row on screen, under the title, what changed and the header
	if !strings.Contains(top(), rowText(1, items[0].Account)) {
		t.Fatalf("first row %q", top())
	}
	drive(m, wheel(true, 5))
	if _, k := queueOf(m).Selected(); k != items[3].Key {
		t.Fatalf("after a turn down the cursor is on %s, want the new first row %s", k, items[3].Key)
	}
	drive(m, wheel(true, 5))
	if !strings.Contains(top(), rowText(7, items[6].Account)) {
		t.Fatalf("two turns down do not start at the 7th row:\n%s", m.View())
	}
	drive(m, wheel(false, 5))
	if _, k := queueOf(m).Selected(); k != items[6].Key {
		t.Fatalf("a turn up moved a cursor still on screen to %s", k)
	}
	if !strings.Contains(top(), rowText(4, items[3].Account)) {
		t.Fatalf("a turn up did not scroll back:\n%s", m.View())
	}
}

// Item 22: a click on a tab shows its page, over the help too.
func TestMouseClickTab(t *testing.T) {
	m := loadedWith(t, 160, 30, sample.Store(), mouseOptions()) // wide enough for the brand beside every page's tab
	bar := ansi.Strip(strings.Split(m.View(), "\n")[0])
	x := strings.Index(bar, "3 Aging")
	if x < 0 {
		t.Fatalf("top bar %q", bar)
	}
	drive(m, leftClick(x+3, 0))
	if m.Current() != "Aging" {
		t.Fatalf("clicked the Aging tab at %d: %s", x+3, m.Current())
	}
	drive(m, leftClick(1, 0)) // the brand: no tab
	if m.Current() != "Aging" {
		t.Fatalf("a click on the brand showed %s", m.Current())
	}
	press(m, "?")
	drive(m, leftClick(strings.Index(bar, "1 Queue")+1, 0))
	if m.Current() != "Queue" || m.top() != nil {
		t.Fatalf("a tab click over the help: %s, help still open %v", m.Current(), m.top() != nil)
	}
}

// A form holds the keyboard and the mouse; with the mouse off nothing is
// taken.
func TestMouseIgnoredInFormsAndWhenOff(t *testing.T) {
	m := loadedWith(t, 100, 30, sample.Store(), mouseOptions())
	press(m, "c")
	drive(m, leftClick(strings.Index(ansi.Strip(strings.Split(m.View(), "\n")[0]), "2 Book")+1, 0))
	if m.form() == nil || m.Current() != "Queue" {
		t.Fatal("a click closed the form or changed the page")
	}

	m = loadedWith(t, 100, 30, sample.Store(), testOptions()) // Mouse false
	third := queueOf(m).Items()[2]
	drive(m, leftClick(20, screenRow(t, m, rowText(3, third.Account))), leftClick(40, 0), wheel(true, 5))
	if _, k := queueOf(m).Selected(); k != queueOf(m).Items()[0].Key || m.Current() != "Queue" {
		t.Fatalf("with the mouse off a click selected %s on %s", k, m.Current())
	}
}
