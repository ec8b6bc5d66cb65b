package server

import (
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	gossh "golang.org/x/crypto/ssh"
)

// ended waits for the session to end, and says how.
func (tm *term) ended(within time.Duration) error {
	tm.t.Helper()
	done := make(chan error, 1)
	go func() { done <- tm.s.Wait() }()
	select {
	case err := <-done:
		<-tm.done
		return err
	case <-time.After(within):
		tm.t.Fatalf("the session is still open after %v", within)
		return nil
	}
}

// panicky panics in Update on !, and in a command on @.
type panicky struct{ tea.Model }

func (p panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch k.String() {
		case "!":
			var m map[string]int
			m["boom"]++ // a nil map: a runtime error
		case "@":
			return p, func() tea.Msg { panic("a command's panic with a customer's name, ACME Ltd") }
		}
	}
	m, cmd := p.Model.Update(msg)
	p.Model = m
	return p, cmd
}

// TestPanicClosesOneSession: a session whose model panics — in Update, or
// in a command — is closed alone and logged; the others go on.
func TestPanicClosesOneSession(t *testing.T) {
	f := newFixture(t, 10, []string{"ada collector", "bob collector", "cy collector"}, func(_ *Options, s *Server) {
		s.wrap = func(m tea.Model) tea.Model { return panicky{m} }
	})
	a := f.open(t, gossh.PublicKeys(f.keys["ada"]))
	b := f.open(t, gossh.PublicKeys(f.keys["bob"]))
	c := f.open(t, gossh.PublicKeys(f.keys["cy"]))
	a.ready()
	b.ready()
	c.ready()
	at := a.mark()
	a.send("!")
	if err := a.ended(5 * time.Second); err == nil {
		t.Error("the panicked session ended with status 0")
	}
	if !strings.Contains(a.since(at), "something went wrong in this session") {
		t.Errorf("the panicked session was not told: %q", tail(a.since(at), 300))
	}
	f.waitLog("session panicked; closed alone")
	if lg := f.log.String(); !strings.Contains(lg, "assignment to entry in nil map") || !strings.Contains(lg, "user=ada") {
		t.Errorf("the log does not say what panicked and whose session:\n%s", lg)
	}

	// A command's panic: caught in the session, not by Bubble Tea (which
	// would print it, text and all, on the server's stdout).
	stdout := os.Stdout
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	os.Stdout = w
	c.send("@")
	c.ended(5 * time.Second)
	os.Stdout = stdout
	w.Close()
	printed, _ := io.ReadAll(r)
	for deadline := time.Now().Add(5 * time.Second); strings.Count(f.log.String(), "session panicked") < 2; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the command's panic is not in the log:\n%s", f.log)
		}
	}
	if strings.Contains(f.log.String(), "ACME") || strings.Contains(string(printed), "ACME") {
		t.Errorf("the panic's text, which may come from the book, was logged or printed: %q", printed)
	}

	code := f.codes[4]
	b.openAccount(code) // bob's session goes on
	b.logCall(code, "n", "no answer")
	if got := f.calls(code, "bob"); len(got) != 1 {
		t.Errorf("bob's calls after the others' panics: %d", len(got))
	}
}

// TestMaxSessions: the session past --max-sessions is told the server is
// full and closed.
func TestMaxSessions(t *testing.T) {
	f := newFixture(t, 3, []string{"ada collector"}, func(o *Options, _ *Server) { o.MaxSessions = 2 })
	for range 2 {
		f.open(t, gossh.PublicKeys(f.keys["ada"])).ready()
	}
	tm := f.open(t, gossh.PublicKeys(f.keys["ada"]))
	var exit *gossh.ExitError
	if err := tm.ended(5 * time.Second); !errors.As(err, &exit) || exit.ExitStatus() != 1 {
		t.Errorf("the third session: %v, want exit status 1", err)
	}
	if s := tm.since(0); !strings.Contains(s, "the server is full: 2 sessions are open") {
		t.Errorf("the third session was told %q", s)
	}
}

// TestIdleSessionWarnedThenClosed: no key for Idle-IdleWarning: a warning
// on the status line; no key for Idle: closed, and told why. A session
// whose user types stays.
func TestIdleSessionWarnedThenClosed(t *testing.T) {
	f := newFixture(t, 3, []string{"ada collector", "bob collector"}, func(o *Options, _ *Server) {
		o.Idle, o.IdleWarning = 1500*time.Millisecond, time.Second
	})
	a := f.open(t, gossh.PublicKeys(f.keys["ada"]))
	b := f.open(t, gossh.PublicKeys(f.keys["bob"]))
	stop := make(chan struct{})
	go func() { // bob works
		for {
			select {
			case <-stop:
				return
			case <-time.After(200 * time.Millisecond):
				b.in.Write([]byte("j"))
			}
		}
	}()
	a.waitFor("this session closes in", 0, 5*time.Second)
	a.ended(5 * time.Second)
	if s := a.since(0); !strings.Contains(s, "closed after 1.5s without a key") {
		t.Errorf("the idle session was not told why it closed: %q", tail(s, 300))
	}
	close(stop)
	at := b.mark()
	b.send("k")
	b.drawn(at) // bob's is open still
	if strings.Contains(b.since(0), "this session closes in") {
		t.Error("a session in use was warned")
	}
}

// TestFailedAttemptsRateLimited: after FailLimit failed connections from
// an address, its connections are refused as they are accepted — even one
// with a good key — until the window passes.
func TestFailedAttemptsRateLimited(t *testing.T) {
	f := newFixture(t, 3, []string{"ada collector"}, func(o *Options, _ *Server) {
		o.FailLimit, o.FailWindow = 3, time.Minute
	})
	for i := range 3 {
		if c, err := f.dial(gossh.PublicKeys(newKey(t))); err == nil {
			c.Close()
			t.Fatalf("attempt %d: an unknown key was let in", i+1)
		}
	}
	f.waitLog("connection refused") // the third failure is counted once logged
	deadline := time.Now().Add(5 * time.Second)
	for strings.Count(f.log.String(), "connection refused") < 3 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	c, err := f.dial(gossh.PublicKeys(f.keys["ada"]))
	if err == nil {
		c.Close()
		t.Fatal("a fourth connection from an address that failed three times was let in")
	}
	f.waitLog("too many failed attempts from this address")

	// The window passes (the clock moved on): the good key gets in again.
	f.srv.fail.mu.Lock()
	f.srv.fail.now = func() time.Time { return time.Now().Add(2 * time.Minute) }
	f.srv.fail.mu.Unlock()
	c, err = f.dial(gossh.PublicKeys(f.keys["ada"]))
	if err != nil {
		t.Fatalf("after the window: %v", err)
	}
	c.Close()
}

// TestUsersFileReread: a line removed from the users file locks its key
// out at once, a line added lets a key in, without a restart.
func TestUsersFileReread(t *testing.T) {
	f := newFixture(t, 3, []string{"ada collector"}, nil)
	c, err := f.dial(gossh.PublicKeys(f.keys["ada"]))
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	newcomer := newKey(t)
	if err := os.WriteFile(f.users, []byte("# ada lost her laptop\n"+userLine("nia", "viewer", newcomer)), 0o600); err != nil {
		t.Fatal(err)
	}
	if c, err := f.dial(gossh.PublicKeys(f.keys["ada"])); err == nil {
		c.Close()
		t.Error("a key removed from the users file still gets in")
	}
	tm := f.open(t, gossh.PublicKeys(newcomer))
	tm.ready()
	if !strings.Contains(tm.since(0), "you: nia") {
		t.Error("the newcomer's session is not hers")
	}
}

// TestShutdownTellsSessions: Shutdown says the server is stopping on every
// status line, closes the sessions (saying so once the screen is back) and
// returns before its context's 5 s run out (Shutdown's error otherwise).
func TestShutdownTellsSessions(t *testing.T) {
	f := newFixture(t, 3, []string{"ada collector", "bob viewer"}, nil)
	a := f.open(t, gossh.PublicKeys(f.keys["ada"]))
	b := f.open(t, gossh.PublicKeys(f.keys["bob"]))
	a.ready()
	b.ready()
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := f.srv.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	for _, tm := range []*term{a, b} {
		tm.ended(5 * time.Second)
		s := tm.since(0)
		if !strings.Contains(s, "The server is stopping") || !strings.Contains(s, "acctdesk: the server stopped") {
			t.Errorf("a session was not told: %q", tail(s, 400))
		}
	}
	t.Logf("Shutdown with two sessions took %v", took.Round(time.Millisecond))
	if _, err := f.dial(gossh.PublicKeys(f.keys["ada"])); err == nil {
		t.Error("a connection after Shutdown was taken")
	}
}
