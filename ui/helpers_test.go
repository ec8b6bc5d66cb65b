package ui

import (
	"io"
	"os"
	"reflect"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"acctdesk/desk"
	"acctdesk/store"
	"acctdesk/store/memstore"
	"acctdesk/ui/common"
	"acctdesk/ui/internal/sample"
	"acctdesk/ui/pages/account"
	"acctdesk/ui/pages/aging"
	"acctdesk/ui/pages/book"
	"acctdesk/ui/pages/queue"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	time.Local = time.UTC
	os.Exit(m.Run())
}

func testOptions() Options {
	return Options{BookName: "Lagos fuel book", AsOf: sample.AsOf, User: "ada", Today: sample.AsOf, Clipboard: io.Discard}
}

// newDesk is a desk over st as of the sample's date.
func newDesk(st store.Store) *desk.Desk { return desk.New(st, desk.Options{AsOf: sample.AsOf}) }

// keyMsg builds the key message for a name: "enter", "tab", "esc", … or runes.
func keyMsg(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "shift+tab":
		return tea.KeyMsg{Type: tea.KeyShiftTab}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	case "home":
		return tea.KeyMsg{Type: tea.KeyHome}
	case "end":
		return tea.KeyMsg{Type: tea.KeyEnd}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	case "pgup":
		return tea.KeyMsg{Type: tea.KeyPgUp}
	case "left":
		return tea.KeyMsg{Type: tea.KeyLeft}
	case "right":
		return tea.KeyMsg{Type: tea.KeyRight}
	case "ctrl+s":
		return tea.KeyMsg{Type: tea.KeyCtrlS}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case " ":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

// keys turns "c p 250000 tab fri enter" into key messages; a word that is
// not a key name is typed rune by rune.
func keys(seq ...string) []tea.KeyMsg {
	var out []tea.KeyMsg
	for _, s := range seq {
		switch s {
		case "enter", "tab", "shift+tab", "esc", "up", "down", "backspace", "ctrl+s", "ctrl+c", " ",
			"home", "end", "pgdown", "pgup", "left", "right":
			out = append(out, keyMsg(s))
		default:
			for _, r := range s {
				out = append(out, keyMsg(string(r)))
			}
		}
	}
	return out
}

// drive runs messages through the model without a program (process), then
// does what the desk's watcher and the model's subscription do in a
// program: it brings the desk's view up to date and, when the view moved,
// tells the model, until nothing moves.
func drive(m *Model, msgs ...tea.Msg) {
	for {
		process(m, msgs...)
		// Against the view the model shows, not the desk's before the
		// refresh: a write refreshes the desk's view on its own too, and
		// a refresh that finds it already new must still tell the model.
		if v, _ := m.c.Desk.Refresh(); v == nil || v == m.view {
			return
		}
		msgs = []tea.Msg{changedMsg{}}
	}
}

// process runs messages through the model, running the commands they
// return (and theirs) until none is left. A command that does not answer
// within 10 s is dropped: nothing the model asks for waits that long
// without a program (the desk's subscription starts in Init, which drive
// never calls).
func process(m *Model, msgs ...tea.Msg) {
	queue := append([]tea.Msg{}, msgs...)
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
		_, cmd := m.Update(msg)
		if r := run(cmd); r != nil {
			queue = append(queue, r)
		}
	}
}

// commands are the commands of a batch, or of a sequence (tea.Sequence,
// whose message type bubbletea does not export: a slice of commands), which
// the program would run in order.
func commands(msg tea.Msg) ([]tea.Cmd, bool) {
	if b, ok := msg.(tea.BatchMsg); ok {
		return b, true
	}
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeFor[tea.Cmd]() {
		return nil, false
	}
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return out, true
}

func run(cmd tea.Cmd) tea.Msg {
	if cmd == nil {
		return nil
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	select {
	case msg := <-ch:
		return msg
	case <-time.After(10 * time.Second):
		return nil
	}
}

// loaded is a model over the sample book, sized and loaded, driven without a program.
func loaded(t testing.TB, w, h int) (*Model, *memstore.Store) {
	t.Helper()
	st := sample.Store()
	m := New(newDesk(st), testOptions())
	drive(m, tea.WindowSizeMsg{Width: w, Height: h}, firstLoad(m.c.Desk)())
	if m.view == nil {
		t.Fatal("the book did not load")
	}
	return m, st
}

func press(m *Model, seq ...string) {
	for _, k := range keys(seq...) {
		drive(m, k)
	}
}

func width(s string) int { return common.Width(s) }

func windowSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

// pageOf is the model's page of type P.
func pageOf[P common.Page](m *Model) P {
	for _, p := range m.pages {
		if x, ok := p.(P); ok {
			return x
		}
	}
	panic("no such page")
}

func queueOf(m *Model) *queue.Page     { return pageOf[*queue.Page](m) }
func bookOf(m *Model) *book.Page       { return pageOf[*book.Page](m) }
func agingOf(m *Model) *aging.Page     { return pageOf[*aging.Page](m) }
func accountOf(m *Model) *account.Page { return pageOf[*account.Page](m) }
