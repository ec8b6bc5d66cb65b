package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/store/memstore"
	"acctdesk/ui/common"
	"acctdesk/ui/components"
	"acctdesk/ui/internal/sample"
)

// loadedWith is loaded with other options.
func loadedWith(t testing.TB, w, h int, st *memstore.Store, opt Options) *Model {
	t.Helper()
	m := New(newDesk(st), opt)
	drive(m, windowSize(w, h), firstLoad(m.c.Desk)())
	if m.view == nil {
		t.Fatal("the book did not load")
	}
	return m
}

// ticks records what the model asks to be sent later, instead of a timer:
// the test sends it when it wants (no test waits for a clock).
type ticks struct {
	after []time.Duration
	msgs  []tea.Msg
}

func (tk *ticks) tick(d time.Duration, msg tea.Msg) tea.Cmd {
	tk.after, tk.msgs = append(tk.after, d), append(tk.msgs, msg)
	return nil
}

func statusLine(m *Model) string {
	lines := strings.Split(m.View(), "\n")
	return lines[len(lines)-1]
}

// Item 10: an OK or neutral message fades StatusFade after it is shown; a
// tick for an older message does not take a newer one away; a problem
// stays (no tick) until the next key.
func TestStatusFades(t *testing.T) {
	m := loadedWith(t, 100, 30, sample.Store(), testOptions())
	var tk ticks
	m.tick = tk.tick
	m.opt.StatusFade = StatusFade

	press(m, "y") // nothing to copy yet: a neutral message
	const none = "No recap to copy"
	if !strings.Contains(statusLine(m), none) {
		t.Fatalf("status line %q", statusLine(m))
	}
	if len(tk.msgs) != 1 || tk.after[0] != 8*time.Second {
		t.Fatalf("fade ticks %v after %v, want one after 8s", tk.msgs, tk.after)
	}
	first := tk.msgs[0]
	press(m, "4", "c") // no account open: "Choose an account first"
	if !strings.Contains(m.Status(), "Choose an account first") || len(tk.msgs) != 2 {
		t.Fatalf("status %q, ticks %v", m.Status(), tk.msgs)
	}
	drive(m, first) // the first message's tick: stale, dropped
	if !strings.Contains(m.Status(), "Choose an account first") {
		t.Fatalf("a stale tick took the newer message away: %q", m.Status())
	}
	drive(m, tk.msgs[1])
	if m.Status() != "" || strings.Contains(statusLine(m), "Choose") {
		t.Fatalf("the message did not fade: %q", statusLine(m))
	}
	if !strings.Contains(statusLine(m), "you: ada") {
		t.Fatalf("the user went with the message: %q", statusLine(m))
	}

	// A problem: no tick, and it stays until a key.
	n := len(tk.msgs)
	drive(m, errorMsg("Not saved: the book is in use by another process"))
	if len(tk.msgs) != n {
		t.Fatalf("a problem was given a fade tick")
	}
	for _, msg := range tk.msgs {
		drive(m, msg)
	}
	if !strings.Contains(statusLine(m), "Not saved") {
		t.Fatalf("the problem faded: %q", statusLine(m))
	}
	press(m, "1")
	if m.Status() != "" {
		t.Fatalf("the problem stayed after a key: %q", m.Status())
	}
}

// Without StatusFade (tests, the goldens) messages stay until replaced.
func TestStatusNoFadeWhenOff(t *testing.T) {
	m := loadedWith(t, 100, 30, sample.Store(), testOptions())
	var tk ticks
	m.tick = tk.tick
	press(m, "y")
	if len(tk.msgs) != 0 {
		t.Fatalf("ticks %v with StatusFade 0", tk.msgs)
	}
}

// Item 10: "1 account loaded", not "1 accounts".
func TestOneAccountLoaded(t *testing.T) {
	st := memstore.From(sample.Settings(), sample.Files()[:1])
	m := loadedWith(t, 100, 30, st, testOptions())
	if m.Status() != "1 account loaded" {
		t.Fatalf("status %q", m.Status())
	}
	m = loadedWith(t, 100, 30, sample.Store(), testOptions())
	if m.Status() != "12 accounts loaded" {
		t.Fatalf("status %q", m.Status())
	}
}

// Item 21: the status bar labels the user.
func TestStatusLabelsUser(t *testing.T) {
	m := loadedWith(t, 100, 30, sample.Store(), testOptions())
	if l := statusLine(m); !strings.HasSuffix(l, "you: ada · ? help · q quit") {
		t.Fatalf("status line %q", l)
	}
	m = loadedWith(t, 40, 30, sample.Store(), testOptions())
	if l := statusLine(m); !strings.HasSuffix(l, "you: ada · ? help") || width(l) != 40 {
		t.Fatalf("status line at 40 %q", l)
	}
}

// Item 10: y on a terminal not known to take OSC 52 (RecapDir set) writes
// the recap to a file, says where, and does not say "copied".
func TestRecapToFile(t *testing.T) {
	plainTerminal(t)
	dir := filepath.Join(t.TempDir(), "state", "acctdesk")
	opt := testOptions()
	opt.RecapDir = dir
	var cb clipboard
	opt.Clipboard = &cb
	m := loadedWith(t, 100, 30, sample.Store(), opt)
	press(m, "c", "p", "250000", "tab", "fri", "enter", "y")
	path := filepath.Join(dir, "recap-ACC001-promise.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no recap file: %v", err)
	}
	if !strings.Contains(string(b), "Dear Ngozi Eze,") || !strings.Contains(string(b), "will pay ₦250,000.00 by Friday 20 November 2026") {
		t.Fatalf("recap file:\n%s", b)
	}
	if st := m.Status(); !strings.Contains(st, "Recap written to "+path) || strings.Contains(st, "copied") {
		t.Fatalf("status %q", st)
	}
	v := m.View()
	if !strings.Contains(v, "Recap of the promise on ACC001 · written to") || strings.Contains(v, "· copied") {
		t.Fatalf("the overlay:\n%s", v)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("recap file mode %v", fi.Mode())
	}
	// The sequence is still sent: a terminal not known to take it may.
	if !strings.Contains(cb.String(), "\x1b]52;c;") {
		t.Errorf("no OSC 52 sent")
	}
}

// A file that cannot be written is a problem on the status line.
func TestRecapFileFails(t *testing.T) {
	plainTerminal(t)
	f := filepath.Join(t.TempDir(), "file")
	os.WriteFile(f, nil, 0o600)
	opt := testOptions()
	opt.RecapDir = filepath.Join(f, "sub") // under a file: cannot be made
	m := loadedWith(t, 100, 30, sample.Store(), opt)
	press(m, "c", "p", "250000", "tab", "fri", "enter", "y")
	if st := m.Status(); !strings.HasPrefix(st, "Recap not written to ") || m.status.Kind != components.Problem {
		t.Fatalf("status %q", st)
	}
}

func TestTakesOSC52(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	for _, c := range []struct {
		env  func(string) string
		want bool
	}{
		{env("TERM", "xterm-kitty"), true},
		{env("TERM", "xterm-256color", "TERM_PROGRAM", "WezTerm"), true},
		{env("TERM", "xterm-ghostty"), true},
		{env("TERM", "foot"), true},
		{env("TERM", "alacritty"), true},
		{env("TERM", "xterm-256color", "WT_SESSION", "x"), true},
		{env("TERM", "xterm-256color"), false},
		{env("TERM", "xterm-256color", "TERM_PROGRAM", "Apple_Terminal"), false},
		{env("TERM", "tmux-256color", "TMUX", "/tmp/tmux-0/default,1,0", "KITTY_WINDOW_ID", "1"), false},
		{env("TERM", "screen"), false},
		{env(), false},
	} {
		if got := TakesOSC52(c.env); got != c.want {
			t.Errorf("%s %s: %v", c.env("TERM"), c.env("TERM_PROGRAM"), got)
		}
	}
}

// Item 10: the help says "copy the recap", not how.
func TestHelpSaysCopyTheRecap(t *testing.T) {
	m := loadedWith(t, 120, 40, sample.Store(), testOptions())
	press(m, "?")
	v := m.View()
	if !strings.Contains(v, "copy the recap") || strings.Contains(v, "OSC 52") {
		t.Fatalf("help:\n%s", v)
	}
}

func errorMsg(s string) tea.Msg { return common.ErrorMsg{Text: s} }
