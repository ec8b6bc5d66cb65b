package server

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"acctdesk/demo"
	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/bolt"
	"acctdesk/ui"
)

var asOf = domain.MustDate("2026-11-18")

// fixture is a server on loopback over a demo book in a bbolt file, with a
// users file of the keys it made.
type fixture struct {
	t     *testing.T
	st    *bolt.Store
	d     *desk.Desk
	srv   *Server
	addr  string
	users string
	keys  map[string]gossh.Signer
	log   *syncBuffer
	codes []string // the book's account codes, in the view's order
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func userLine(name, role string, k gossh.Signer) string {
	return name + " " + role + " " + strings.TrimSpace(string(gossh.MarshalAuthorizedKey(k.PublicKey()))) + " " + name + "@test\n"
}

// newFixture serves a demo book of n accounts to the users given as
// "name role" pairs; tune changes the options before the server is made.
func newFixture(t *testing.T, accounts int, people []string, tune func(*Options, *Server)) *fixture {
	t.Helper()
	dir := t.TempDir()
	st, err := bolt.Open(filepath.Join(dir, "book.db"), bolt.Options{Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	seed := store.WithAuthor(context.Background(), "demo")
	if err := demo.Generate(demo.Options{AsOf: asOf, Seed: 1, Accounts: accounts, Author: "demo"}, func(b *store.Batch) error {
		_, err := st.Apply(seed, b)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, st: st, keys: map[string]gossh.Signer{}, log: &syncBuffer{}, users: filepath.Join(dir, "users")}
	var lines strings.Builder
	lines.WriteString("# the test team\n")
	for _, p := range people {
		name, role, _ := strings.Cut(p, " ")
		k := newKey(t)
		f.keys[name] = k
		lines.WriteString(userLine(name, role, k))
	}
	if err := os.WriteFile(f.users, []byte(lines.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	u, err := LoadUsers(f.users)
	if err != nil {
		t.Fatal(err)
	}
	f.d = desk.New(st, desk.Options{AsOf: asOf})
	v, err := f.d.View()
	if err != nil {
		t.Fatal(err)
	}
	for i := range v.Sums {
		f.codes = append(f.codes, v.Sums[i].Facts.Account.Code)
	}
	ctx, stop := context.WithCancel(context.Background())
	go f.d.Watch(ctx)
	lg := log.New(f.log)
	lg.SetLevel(log.DebugLevel)
	opt := Options{Users: u, HostKey: filepath.Join(dir, "host_key"), Log: lg, FailLimit: -1,
		UI: ui.Options{AsOf: asOf, Today: asOf, StatusFade: ui.StatusFade}}
	srv := &Server{}
	if tune != nil {
		tune(&opt, srv)
	}
	made, err := New(f.d, opt)
	if err != nil {
		t.Fatal(err)
	}
	made.wrap, made.offered = srv.wrap, srv.offered
	f.srv = made
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f.addr = ln.Addr().String()
	served := make(chan error, 1)
	go func() { served <- made.Serve(ln) }()
	t.Cleanup(func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := made.Shutdown(sctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
		if err := <-served; err != nil {
			t.Errorf("serve: %v", err)
		}
		stop()
		if err := st.Check(); err != nil {
			t.Errorf("the book after the server: %v", err)
		}
	})
	return f
}

func (f *fixture) dial(auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", f.addr, &gossh.ClientConfig{User: "someone", Auth: auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second})
}

// term is a session with a PTY, as a person's terminal: what the server
// draws is kept, and the terminal answers the server's colour query as a
// terminal does.
type term struct {
	t    testing.TB
	c    *gossh.Client
	s    *gossh.Session
	in   io.Writer
	mu   sync.Mutex
	raw  []byte
	done chan struct{}
}

func (f *fixture) open(t testing.TB, who gossh.AuthMethod) *term {
	t.Helper()
	c, err := f.dial(who)
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPty("xterm-256color", 40, 160, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	in, _ := s.StdinPipe()
	out, _ := s.StdoutPipe()
	tm := &term{t: t, c: c, s: s, in: in, done: make(chan struct{})}
	s.Stderr = tm // on a terminal, what the server says on stderr shows too
	go func() {
		defer close(tm.done)
		buf := make([]byte, 32*1024)
		answered := false
		for {
			n, err := out.Read(buf)
			tm.mu.Lock()
			tm.raw = append(tm.raw, buf[:n]...)
			ask := !answered && bytes.Contains(tm.raw, []byte("\x1b[c"))
			tm.mu.Unlock()
			if ask { // a dark background, and the primary device attributes
				answered = true
				io.WriteString(in, "\x1b]11;rgb:0000/0000/0000\x07\x1b[?62;22c")
			}
			if err != nil {
				return
			}
		}
	}()
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(); c.Close() })
	return tm
}

// Write takes the session's stderr.
func (tm *term) Write(p []byte) (int, error) {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	tm.raw = append(tm.raw, p...)
	return len(p), nil
}

// mark is where the output is now: waitFor looks at what comes after it.
func (tm *term) mark() int {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return len(tm.raw)
}

func (tm *term) since(from int) string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return ansi.Strip(string(tm.raw[from:]))
}

// waitFor waits until the screen drawn since from shows text. The time it
// is given is tripled: on a loaded CI machine a session can take seconds to
// draw, and the deadline only bounds a failure (a pass returns at once).
func (tm *term) waitFor(text string, from int, within time.Duration) {
	tm.t.Helper()
	deadline := time.Now().Add(3 * within)
	for {
		if strings.Contains(tm.since(from), text) {
			return
		}
		if time.Now().After(deadline) {
			s := tm.since(from)
			tm.t.Fatalf("the session never showed %q; since the mark it drew (%d bytes; runs of spaces and blank lines squeezed):\n%s", text, len(s), tail(squeeze(s), 3000))
		}
		time.Sleep(3 * time.Millisecond)
	}
}

// squeeze folds runs of spaces and of blank lines, so that a failure shows
// what a mostly empty screen says.
func squeeze(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

func (tm *term) send(keys string) {
	tm.t.Helper()
	if _, err := io.WriteString(tm.in, keys); err != nil {
		tm.t.Fatal(err)
	}
}

// ready waits for the workstation's first frame, with the book loaded.
func (tm *term) ready() {
	tm.t.Helper()
	tm.waitFor("accounts loaded", 0, 20*time.Second)
}

// openAccount jumps to an account with : CODE enter.
func (tm *term) openAccount(code string) {
	tm.t.Helper()
	at := tm.mark()
	tm.send(":")
	tm.waitFor("ump", at, 5*time.Second)
	tm.send(code + "\r")
	tm.waitFor("Account "+code, at, 5*time.Second)
}

// logCall logs a call with c, an outcome key and enter, and waits for the
// status line to say it was saved.
func (tm *term) logCall(code, outcome, label string) {
	tm.t.Helper()
	at := tm.mark()
	tm.send("c")
	tm.waitFor("Log a call · "+code, at, 10*time.Second)
	at = tm.mark()
	tm.send(outcome + "\r")
	tm.waitFor("saved call on "+code+": "+label, at, 10*time.Second)
}

// waitLog waits for the server's log to say something.
func (f *fixture) waitLog(text string) {
	f.t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(f.log.String(), text); {
		if time.Now().After(deadline) {
			f.t.Fatalf("the log never said %q:\n%s", text, f.log)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// drawn waits for the session to draw something after from.
func (tm *term) drawn(from int) {
	tm.t.Helper()
	for deadline := time.Now().Add(5 * time.Second); strings.TrimSpace(tm.since(from)) == ""; {
		if time.Now().After(deadline) {
			tm.t.Fatal("the session drew nothing")
		}
		time.Sleep(3 * time.Millisecond)
	}
}

// calls are the calls on an account by author.
func (f *fixture) calls(code, author string) []domain.Activity {
	f.t.Helper()
	af, err := f.d.Account(code)
	if err != nil {
		f.t.Fatal(err)
	}
	var out []domain.Activity
	for _, a := range af.Activities {
		if a.Kind == "call" && a.Stamp.By == author {
			out = append(out, a)
		}
	}
	return out
}

// TestKnownKeyWritesAsItsUser: a key in the users file gets a workstation
// whose writes carry its user.
func TestKnownKeyWritesAsItsUser(t *testing.T) {
	f := newFixture(t, 10, []string{"ada collector"}, nil)
	tm := f.open(t, gossh.PublicKeys(f.keys["ada"]))
	tm.ready()
	code := f.codes[3]
	tm.openAccount(code)
	tm.logCall(code, "n", "no answer")
	got := f.calls(code, "ada")
	if len(got) != 1 || got[0].Outcome != "no-answer" {
		t.Fatalf("ada's calls on %s: %+v", code, got)
	}
	if !strings.Contains(f.log.String(), "session opened user=ada role=collector") {
		t.Errorf("the log does not say who opened the session:\n%s", f.log)
	}
}

// TestUnknownKeyRefused: a key that is not in the users file gets no session.
func TestUnknownKeyRefused(t *testing.T) {
	f := newFixture(t, 3, []string{"ada collector"}, nil)
	c, err := f.dial(gossh.PublicKeys(newKey(t)))
	if err == nil {
		c.Close()
		t.Fatal("an unknown key was let in")
	}
	if !strings.Contains(err.Error(), "unable to authenticate") {
		t.Errorf("refused with %v", err)
	}
	f.waitLog("connection refused")
}

// offerOnly offers a public key it cannot sign with: the attacker of
// GHSA-pchf-49fh-w34r, who has the victim's public key and not its private
// key (soft-serve's maliciousSigner).
type offerOnly struct{ pub gossh.PublicKey }

func (o offerOnly) PublicKey() gossh.PublicKey { return o.pub }
func (o offerOnly) Sign(io.Reader, []byte) (*gossh.Signature, error) {
	// A format the server does not take: it refuses this attempt and goes
	// on (an invalid signature of a known format would end the connection,
	// x/crypto's server), as a client does that moves on to its next key.
	return &gossh.Signature{Format: "x-unsigned@acctdesk.test", Blob: []byte("no")}, nil
}

// TestOfferedKeyIsNotItsOwner is the GHSA-pchf-49fh-w34r scenario: a
// client offers the lead's public key (the server's public-key callback
// accepts it as one that may try), fails to sign with it, then
// authenticates with its own collector's key. The session is the
// collector's — its writes carry cole, not lena — and a client with only
// the offered key and an unknown one gets nothing.
func TestOfferedKeyIsNotItsOwner(t *testing.T) {
	var mu sync.Mutex
	offered := map[string]bool{}
	f := newFixture(t, 10, []string{"lena lead", "cole collector"}, func(_ *Options, s *Server) {
		s.offered = func(k gossh.PublicKey, known bool) {
			mu.Lock()
			defer mu.Unlock()
			offered[gossh.FingerprintSHA256(k)] = offered[gossh.FingerprintSHA256(k)] || known
		}
	})
	lena := f.keys["lena"].PublicKey()
	tm := f.open(t, gossh.PublicKeys(offerOnly{lena}, f.keys["cole"]))
	tm.ready()
	mu.Lock()
	wasOffered := offered[gossh.FingerprintSHA256(lena)]
	mu.Unlock()
	if !wasOffered {
		t.Fatal("the lead's key was never offered to the public-key callback: the scenario did not happen")
	}
	code := f.codes[2]
	tm.openAccount(code)
	tm.logCall(code, "n", "no answer")
	if got := f.calls(code, "lena"); len(got) != 0 {
		t.Fatalf("a key offered but not used made its owner the author: %+v", got)
	}
	if got := f.calls(code, "cole"); len(got) != 1 {
		t.Fatalf("cole's calls: %+v", got)
	}
	if !strings.Contains(tm.since(0), "you: cole") {
		t.Error("the session does not say it is cole's")
	}
	if lg := f.log.String(); strings.Contains(lg, "user=lena") || !strings.Contains(lg, "session opened user=cole role=collector") {
		t.Errorf("the log names the wrong user:\n%s", lg)
	}

	// The lead's key offered, then a key nobody knows: no session at all.
	if c, err := f.dial(gossh.PublicKeys(offerOnly{lena}, newKey(t))); err == nil {
		c.Close()
		t.Error("an offered key and an unknown one were let in")
	}
}

// TestPasswordAndKeyboardInteractiveRefused: neither method is offered nor
// taken, whatever is typed.
func TestPasswordAndKeyboardInteractiveRefused(t *testing.T) {
	f := newFixture(t, 3, []string{"ada collector"}, nil)
	if c, err := f.dial(gossh.Password("ada")); err == nil {
		c.Close()
		t.Error("a password was taken")
	} else if !strings.Contains(err.Error(), "no supported methods remain") {
		t.Errorf("password: %v", err)
	}
	asked := false
	ki := gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) {
		asked = true
		return []string{"ada"}, nil
	})
	if c, err := f.dial(ki); err == nil {
		c.Close()
		t.Error("keyboard-interactive was taken")
	} else if !strings.Contains(err.Error(), "no supported methods remain") {
		t.Errorf("keyboard-interactive: %v", err)
	}
	if asked {
		t.Error("the server asked keyboard-interactive questions")
	}
}

// TestViewerCannotWrite: a viewer's write keys say "read-only: ask a lead"
// without opening a form, and nothing is stored.
func TestViewerCannotWrite(t *testing.T) {
	f := newFixture(t, 10, []string{"vic viewer"}, nil)
	before, _ := f.st.Changes()
	tm := f.open(t, gossh.PublicKeys(f.keys["vic"]))
	tm.ready()
	for _, k := range []string{"c", "n", "e", "f", "d", "z"} {
		at := tm.mark()
		tm.send(k)
		tm.waitFor("read-only: ask a lead", at, 5*time.Second)
		at = tm.mark()
		tm.send("j") // a key between: the message goes (the cursor moves), and comes again
		tm.drawn(at)
	}
	at := tm.mark()
	tm.send("u")
	tm.waitFor("read-only: ask a lead", at, 5*time.Second)
	time.Sleep(100 * time.Millisecond)
	s := tm.since(0)
	for _, form := range []string{"Log a call", "Add a note", "Escalate", "Follow up", "Snooze"} {
		if strings.Contains(s, form+" · ") {
			t.Errorf("a viewer's key opened a form: %q", form)
		}
	}
	if after, _ := f.st.Changes(); after != before {
		t.Errorf("a viewer's keys stored something: changes %d → %d", before, after)
	}
}

// TestNoTerminalRefused: a session without a PTY (or with a command) gets a
// message and is closed; nothing else runs.
func TestNoTerminalRefused(t *testing.T) {
	f := newFixture(t, 3, []string{"ada collector"}, nil)
	c, err := f.dial(gossh.PublicKeys(f.keys["ada"]))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, err := s.CombinedOutput("")
	var exit *gossh.ExitError
	if !errors.As(err, &exit) || exit.ExitStatus() != 1 {
		t.Errorf("no PTY: %v, want exit status 1", err)
	}
	if !strings.Contains(string(out), "needs a terminal") {
		t.Errorf("no PTY: the session said %q", out)
	}
	s, err = c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	out, err = s.CombinedOutput("report book")
	if !errors.As(err, &exit) || !strings.Contains(string(out), "runs the workstation only") {
		t.Errorf("a command: %v %q", err, out)
	}
	if !strings.Contains(f.log.String(), "why=\"no terminal\"") {
		t.Errorf("the refusal is not in the log:\n%s", f.log)
	}
}

// TestSessionsSeeEachOther: a call logged in one session shows in another
// within a second — the desk's in-process notification, no polling.
func TestSessionsSeeEachOther(t *testing.T) {
	f := newFixture(t, 10, []string{"ada collector", "bob collector"}, nil)
	a := f.open(t, gossh.PublicKeys(f.keys["ada"]))
	b := f.open(t, gossh.PublicKeys(f.keys["bob"]))
	a.ready()
	b.ready()
	code := f.codes[1]
	a.openAccount(code)
	b.openAccount(code)
	at := b.mark()
	b.send("\t\t") // bob on the account's activity tab
	b.waitFor("Activity", at, 5*time.Second)
	var worst time.Duration
	for i, text := range []string{"seen-by-bob-1", "seen-by-bob-2", "seen-by-bob-3"} {
		at := a.mark()
		a.send("n")
		a.waitFor("Add a note · "+code, at, 5*time.Second)
		bat, aat := b.mark(), a.mark()
		a.send(text + "\r")
		sent := time.Now()
		b.waitFor(text, bat, 10*time.Second)
		seen := time.Since(sent)
		worst = max(worst, seen)
		t.Logf("note %d: ada pressed enter, bob's screen showed it %v later", i+1, seen.Round(time.Millisecond))
		// The form closed: ada's account page is drawn again (the status
		// line, "saved note on …", is the same for each note and is not).
		a.waitFor("[Open items]", aat, 5*time.Second)
	}
	t.Logf("cross-session visibility: worst %v of 3 (SPEC §12: within a second)", worst.Round(time.Millisecond))
}

// TestTenSessionsThousandCalls: ten sessions at once each log 100 calls
// through their PTY; all 1,000 are in the book, each with its session's
// author.
func TestTenSessionsThousandCalls(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("heavy: 1,000 calls through ten SSH sessions (runs in plain go test)")
	}
	const sessions, calls = 10, 100
	var people []string
	for i := range sessions {
		people = append(people, fmt.Sprintf("col%d collector", i))
	}
	f := newFixture(t, 12, people, nil)
	start := time.Now()
	var wg sync.WaitGroup
	for i := range sessions {
		name, code := fmt.Sprintf("col%d", i), f.codes[i]
		tm := f.open(t, gossh.PublicKeys(f.keys[name]))
		wg.Add(1)
		go func() {
			defer wg.Done()
			tm.ready()
			tm.openAccount(code)
			for n := range calls {
				// Outcomes alternate, so that each save's status line differs
				// from the one before and is drawn anew.
				if n%2 == 0 {
					tm.logCall(code, "n", "no answer")
				} else {
					tm.logCall(code, "v", "voicemail")
				}
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	t.Logf("%d sessions logged %d calls each in %v", sessions, calls, time.Since(start).Round(time.Millisecond))
	total := 0
	for i := range sessions {
		name, code := fmt.Sprintf("col%d", i), f.codes[i]
		got := f.calls(code, name)
		if len(got) != calls {
			t.Errorf("%s's calls on %s: %d, want %d", name, code, len(got), calls)
		}
		total += len(got)
		for j := range sessions {
			if j != i {
				if other := f.calls(code, fmt.Sprintf("col%d", j)); len(other) != 0 {
					t.Errorf("%d calls on %s by col%d, whose session worked elsewhere", len(other), code, j)
				}
			}
		}
	}
	if total != sessions*calls {
		t.Errorf("%d calls in the book, want %d", total, sessions*calls)
	}
}
