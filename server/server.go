// Package server serves the workstation over SSH to a team on one book
// (SPEC §12, `acctdesk serve`): one process owns the book and its desk —
// the use cases and the one read view, shared by every session — and each
// SSH session is its own workstation (ui.Model) with its own renderer,
// styles, size, clipboard (written through the session) and the session's
// user as the author of everything it writes.
//
// Who a session is comes from the key it authenticated with, looked up in
// the users file after authentication completed — never from a key merely
// offered (the lesson of soft-serve's GHSA-pchf-49fh-w34r: the public-key
// callback runs for every key a client offers, before any signature is
// checked, so it must decide nothing but "this key may try").
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"reflect"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	bm "github.com/charmbracelet/wish/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui"
	"acctdesk/ui/common"
)

// Options tune a server. The zero value of each limit is its default.
type Options struct {
	Users   *Users // who may connect, and as whom
	HostKey string // the host key's file, made (ed25519, 0600) when missing
	// MaxSessions is how many sessions may be open at once: 50.
	MaxSessions int
	// Idle closes a session no key was pressed in for that long: 30 minutes;
	// negative for never. IdleWarning is how long before it the session is
	// warned: a minute (half of Idle when Idle is two minutes or less).
	Idle, IdleWarning time.Duration
	// FailLimit failed connections from one address within FailWindow have
	// its next connections refused as they are accepted: 10 a minute.
	FailLimit  int
	FailWindow time.Duration
	// StopGrace is how long sessions are shown "the server is stopping"
	// before they are closed: a second.
	StopGrace time.Duration
	// Log is the server's structured log: connections, users, refusals.
	// Never a key's private part nor anything from the book.
	Log *log.Logger
	// UI is the base of every session's workstation options (the book's
	// name, the dates, the keymap, the theme); the session fills in its
	// user, role, renderer, clipboard and environment.
	UI ui.Options
}

func (o *Options) defaults() {
	if o.MaxSessions <= 0 {
		o.MaxSessions = 50
	}
	if o.Idle == 0 {
		o.Idle = 30 * time.Minute
	}
	if o.IdleWarning <= 0 {
		o.IdleWarning = time.Minute
		if o.Idle <= 2*time.Minute {
			o.IdleWarning = o.Idle / 2
		}
	}
	if o.FailLimit == 0 {
		o.FailLimit = 10
	}
	if o.FailWindow <= 0 {
		o.FailWindow = time.Minute
	}
	if o.StopGrace <= 0 {
		o.StopGrace = time.Second
	}
	if o.Log == nil {
		o.Log = log.New(io.Discard)
	}
}

// handshakeTimeout is how long a connection has to authenticate and open
// its session.
const handshakeTimeout = 30 * time.Second

// Server is the SSH server over one desk.
type Server struct {
	d    *desk.Desk
	opt  Options
	srv  *ssh.Server
	fail *failures
	log  *log.Logger

	mu       sync.Mutex
	sessions map[*session]struct{}
	stopping bool
	running  sync.WaitGroup
	nextID   atomic.Int64

	// Test hooks: wrap wraps each session's model; offered hears every
	// call of the public-key callback.
	wrap    func(tea.Model) tea.Model
	offered func(k gossh.PublicKey, known bool)
}

type rawConnKey struct{}

// New makes a server over a desk; whoever calls it runs desk.Watch, so that
// other processes' writes reach the sessions.
func New(d *desk.Desk, opt Options) (*Server, error) {
	if opt.Users == nil {
		return nil, errors.New("no users file")
	}
	opt.defaults()
	s := &Server{d: d, opt: opt, fail: newFailures(opt.FailLimit, opt.FailWindow), log: opt.Log, sessions: map[*session]struct{}{}}
	srv, err := wish.NewServer(
		wish.WithHostKeyPath(opt.HostKey),
		wish.WithPublicKeyAuth(s.publicKey),
		// No password handler and no keyboard-interactive handler: the
		// server offers neither method, and refuses both.
		func(srv *ssh.Server) error {
			srv.Version = "acctdesk"
			srv.Handler = s.handle
			srv.ConnCallback = func(ctx ssh.Context, c net.Conn) net.Conn {
				_ = c.SetDeadline(time.Now().Add(handshakeTimeout))
				ctx.SetValue(rawConnKey{}, c)
				return c
			}
			srv.ConnectionFailedCallback = func(c net.Conn, err error) {
				a := host(c.RemoteAddr())
				s.fail.fail(a)
				s.log.Warn("connection refused", "addr", a, "why", domain.Safe(err.Error()))
			}
			return nil
		},
	)
	if err != nil {
		return nil, fmt.Errorf("the SSH server: %w", err)
	}
	s.srv = srv
	return s, nil
}

// HostKeyFingerprint is the SHA256 fingerprint of the server's host key,
// for people to check on their first connection.
func (s *Server) HostKeyFingerprint() string {
	if len(s.srv.HostSigners) == 0 {
		return ""
	}
	return gossh.FingerprintSHA256(s.srv.HostSigners[0].PublicKey())
}

// Serve accepts connections on ln until Shutdown; it returns nil then.
func (s *Server) Serve(ln net.Listener) error {
	l := &limitedListener{Listener: ln, f: s.fail, refuse: func(a string) {
		s.log.Warn("connection refused", "addr", a, "why", "too many failed attempts from this address")
	}}
	s.log.Info("serving", "listen", ln.Addr().String(), "host_key", s.HostKeyFingerprint(), "users", s.opt.Users.Path())
	err := s.srv.Serve(l)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// publicKey is asked about every key a client offers, before the client
// proves it holds the key: it answers whether that key may try, and
// remembers nothing about whose it is.
func (s *Server) publicKey(ctx ssh.Context, k ssh.PublicKey) bool {
	_, ok := s.opt.Users.Lookup(k)
	if s.offered != nil {
		s.offered(k, ok)
	}
	s.log.Debug("key offered", "addr", host(ctx.RemoteAddr()), "fingerprint", gossh.FingerprintSHA256(k), "known", ok)
	return ok
}

// session is one open session.
type session struct {
	id   int64
	user User
	key  gossh.PublicKey // the key it authenticated with
	prog *tea.Program
	sess ssh.Session
	conn net.Conn     // the connection it came on: closing it frees a write stuck on a full window
	last atomic.Int64 // when a key last came, in UnixNano

	mu  sync.Mutex
	why string // why the server closed it, said after the screen is back
}

// kill ends the session's program at once and closes its channel, for a
// program that does not end when told (its client stopped reading).
func (s *Server) kill(ss *session) {
	s.mu.Lock()
	p, sess := ss.prog, ss.sess
	s.mu.Unlock()
	if p != nil {
		p.Kill()
	}
	if sess != nil {
		_ = sess.Close()
	}
	if conn := ss.conn; conn != nil {
		_ = conn.Close() // a write to a client that reads nothing returns only then
	}
}

// latest takes every window change from charmbracelet/ssh as it comes and
// keeps only the newest for the session. charmbracelet/ssh waits on each
// one, and while it waits the connection's other requests and data stall:
// a client that resized during wish's colour query (which reads the
// session and cannot be cancelled) would hang its session for good. The
// price is charmbracelet/ssh's own: it writes the PTY's size without a lock
// while MakeRenderer reads it, a race only while both happen at once.
func latest(in <-chan ssh.Window) <-chan ssh.Window {
	out := make(chan ssh.Window, 1)
	go func() {
		defer close(out)
		for w := range in {
			select {
			case <-out: // an older size nobody took: this one replaces it
			default:
			}
			out <- w
		}
	}()
	return out
}

// tell sends a message to a session's program without waiting: Send blocks
// while the program is stuck writing to a client that stopped reading, and
// no server goroutine may wait on one session.
func tell(p *tea.Program, msg tea.Msg) { go p.Send(msg) }

// stopKill is how long Shutdown waits, after telling the sessions to
// close, before it kills those still open.
const stopKill = 2 * time.Second

func (ss *session) setWhy(why string) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.why == "" {
		ss.why = why
	}
}

func (ss *session) closedBecause() string {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return ss.why
}

// closeMsg ends a session's program.
type closeMsg struct{ why string }

// handle runs one SSH session, after authentication completed.
func (s *Server) handle(sess ssh.Session) {
	addr := host(sess.RemoteAddr())
	if c, ok := sess.Context().Value(rawConnKey{}).(net.Conn); ok {
		_ = c.SetDeadline(time.Time{}) // authenticated: no more handshake deadline
	}
	// Who this is: the key the session authenticated with (the
	// connection's permissions, set by the callback that accepted the
	// signature), looked up now, in the users file as it is now.
	k := sess.PublicKey()
	u, ok := s.opt.Users.Lookup(k)
	if !ok {
		s.log.Warn("session refused", "addr", addr, "why", "key not in the users file")
		wish.Fatalln(sess, "acctdesk: your key is not in the users file: ask a lead")
		return
	}
	lg := s.log.With("user", u.Name, "role", u.Role.String(), "addr", addr)
	pty, winCh, hasPty := sess.Pty()
	switch {
	case !hasPty:
		lg.Warn("session refused", "why", "no terminal")
		wish.Fatalln(sess, "acctdesk: the workstation needs a terminal: connect with ssh -t (no PTY was asked for)")
		return
	case sess.RawCommand() != "":
		lg.Warn("session refused", "why", "a command was given")
		wish.Fatalln(sess, "acctdesk: this server runs the workstation only: connect without a command (ssh -p PORT HOST)")
		return
	}
	ss, err := s.open(u)
	if err == nil {
		ss.key = k
		ss.conn, _ = sess.Context().Value(rawConnKey{}).(net.Conn)
	}
	if err != nil {
		lg.Warn("session refused", "why", err.Error())
		wish.Fatalln(sess, "acctdesk: "+err.Error())
		return
	}
	defer s.release(ss)
	lg = lg.With("session", ss.id)
	lg.Info("session opened", "fingerprint", gossh.FingerprintSHA256(k), "term", domain.Safe(pty.Term), "size", fmt.Sprintf("%dx%d", pty.Window.Width, pty.Window.Height))
	start := time.Now()
	status := s.run(sess, ss, pty, latest(winCh), lg)
	why := ss.closedBecause()
	if why != "" {
		fmt.Fprintf(sess, "\r\nacctdesk: %s\r\n", why)
	}
	lg.Info("session closed", "after", time.Since(start).Round(time.Second).String(), "why", why)
	_ = sess.Exit(status)
}

// open counts a session in, or says why not.
func (s *Server) open(u User) (*session, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.stopping:
		return nil, errors.New("the server is stopping; try again in a minute")
	case len(s.sessions) >= s.opt.MaxSessions:
		return nil, fmt.Errorf("the server is full: %d sessions are open, its most (--max-sessions %d); try again later", len(s.sessions), s.opt.MaxSessions)
	}
	ss := &session{id: s.nextID.Add(1), user: u}
	ss.last.Store(time.Now().UnixNano())
	s.sessions[ss] = struct{}{}
	s.running.Add(1)
	return ss, nil
}

func (s *Server) release(ss *session) {
	s.mu.Lock()
	delete(s.sessions, ss)
	s.mu.Unlock()
	s.running.Done()
}

// run is the session's workstation, until it quits, the client goes, the
// session is idle too long, or the server stops. A panic closes this
// session alone and is logged; it returns the exit status.
func (s *Server) run(sess ssh.Session, ss *session, pty ssh.Pty, winCh <-chan ssh.Window, lg *log.Logger) (status int) {
	defer func() {
		if r := recover(); r != nil {
			logPanic(lg, r, debug.Stack())
			ss.setWhy(panicked)
			status = 1
		}
	}()
	env := newSessionEnv(sess.Environ(), pty.Term)
	opt := s.opt.UI
	opt.User, opt.Role = ss.user.Name, ss.user.Role
	opt.Renderer = bm.MakeRenderer(sess) // the session's own: its terminal's colours and background
	opt.Clipboard = sess                 // y's OSC 52 goes to the session's terminal
	opt.Env = env.get
	opt.RecapDir = "" // the host's files are no one's clipboard
	m := ui.New(s.d, opt)
	defer m.Close() // no more news from the desk for a session gone
	var model tea.Model = m
	if s.wrap != nil {
		model = s.wrap(model)
	}
	sm := &sessionModel{inner: model, ss: ss, lg: lg}
	in := &keysIn{r: sess, last: &ss.last}
	popt := []tea.ProgramOption{
		tea.WithInput(in), tea.WithOutput(sess),
		tea.WithAltScreen(), tea.WithoutSignalHandler(), tea.WithEnvironment([]string(env)),
	}
	if opt.Mouse {
		popt = append(popt, tea.WithMouseCellMotion())
	}
	p := tea.NewProgram(sm, popt...)
	in.ended = func() { tell(p, closeMsg{}) }
	s.mu.Lock()
	ss.prog, ss.sess = p, sess
	stopping := s.stopping
	s.mu.Unlock()
	if stopping {
		ss.setWhy("the server is stopping")
		return 0
	}

	ctx, cancel := context.WithCancel(sess.Context())
	defer cancel()
	go func() {
		for {
			select {
			case <-ctx.Done():
				p.Quit()
				// charmbracelet/ssh hands every window change to winCh
				// and waits: keep taking them until the channel closes,
				// or its requests, and with them the connection, stall.
				for range winCh {
				}
				return
			case w, ok := <-winCh:
				if !ok { // the session's channel is gone, the connection may stay
					tell(p, closeMsg{})
					return
				}
				tell(p, tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
			}
		}
	}()
	if s.opt.Idle > 0 {
		go s.watchIdle(ctx, ss, p, lg)
	}
	go s.watchKey(ctx, ss, p, lg)
	_, err := p.Run()
	p.Kill()
	switch {
	case sm.panicked.Load():
		return 1
	case errors.Is(err, tea.ErrProgramPanic):
		lg.Error("session panicked in a command; closed")
		ss.setWhy(panicked)
		return 1
	case err != nil && !errors.Is(err, tea.ErrProgramKilled):
		lg.Warn("session ended with an error", "err", domain.Safe(err.Error()))
	}
	return 0
}

const panicked = "something went wrong in this session and it was closed (the others go on); the server's log has the details"

// watchIdle warns a session IdleWarning before Idle without a key, then
// closes it.
func (s *Server) watchIdle(ctx context.Context, ss *session, p *tea.Program, lg *log.Logger) {
	every := min(max(s.opt.IdleWarning/4, 20*time.Millisecond), 5*time.Second)
	t := time.NewTicker(every)
	defer t.Stop()
	warned := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		idle := time.Since(time.Unix(0, ss.last.Load()))
		switch {
		case idle >= s.opt.Idle:
			lg.Info("session idle; closing", "idle", idle.Round(time.Second).String())
			ss.setWhy(fmt.Sprintf("closed after %s without a key (--idle %s)", short(s.opt.Idle), short(s.opt.Idle)))
			s.end(ctx, ss, p)
			return
		case idle >= s.opt.Idle-s.opt.IdleWarning && !warned:
			warned = true
			tell(p, common.ErrorMsg{Text: fmt.Sprintf("No key for %s: this session closes in %s unless a key is pressed", short(idle), short(s.opt.Idle-idle))})
		case idle < s.opt.Idle-s.opt.IdleWarning:
			warned = false
		}
	}
}

// keyCheck is how often an open session's key is looked up again.
const keyCheck = 2 * time.Second

// watchKey closes a session whose key was taken out of the users file (a
// lost laptop) or whose user or role changed there: what the file says
// holds for the sessions already open, not only for the next ones.
func (s *Server) watchKey(ctx context.Context, ss *session, p *tea.Program, lg *log.Logger) {
	t := time.NewTicker(keyCheck)
	defer t.Stop()
	gone := false // the last look did not find the key
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		u, ok, sure := s.opt.Users.Holds(ss.key)
		switch {
		case !sure: // the file unreadable or empty for now: ask again
			continue
		case !ok && !gone: // a removal is believed when seen twice
			gone = true
			continue
		case ok:
			gone = false
		}
		switch {
		case !ok:
			lg.Warn("session closed", "why", "its key was removed from the users file")
			ss.setWhy("your key was removed from the users file: ask a lead")
		case u != ss.user:
			lg.Info("session closed", "why", "its user or role changed in the users file", "now", u.Name, "role_now", u.Role.String())
			ss.setWhy("your entry in the users file changed: connect again")
		default:
			continue
		}
		s.end(ctx, ss, p)
		return
	}
}

// end tells a session's program to close, and kills it if it has not
// ended soon after (its client stopped reading): ctx ends with the session.
func (s *Server) end(ctx context.Context, ss *session, p *tea.Program) {
	tell(p, closeMsg{})
	select {
	case <-ctx.Done():
	case <-time.After(stopKill):
		s.kill(ss)
	}
}

// short is a duration as people say it: 1.5s, 59s, 30m, 1h30m.
func short(d time.Duration) string {
	if d < time.Minute {
		return d.Round(100 * time.Millisecond).String()
	}
	s := d.Round(time.Second).String()
	s = strings.TrimSuffix(s, "0s")
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// Shutdown stops the server: no new connections; every session is told the
// server is stopping, then closed; it waits for them until ctx ends, then
// drops every connection left.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.stopping = true
	var progs []*session
	for ss := range s.sessions {
		progs = append(progs, ss)
	}
	s.mu.Unlock()
	s.log.Info("stopping", "sessions", len(progs))
	go func() { _ = s.srv.Shutdown(ctx) }() // closes the listeners now, then waits for the connections
	for _, ss := range progs {
		if p := s.prog(ss); p != nil {
			tell(p, common.ErrorMsg{Text: "The server is stopping: this session closes in a moment"})
		}
	}
	if len(progs) > 0 {
		select {
		case <-time.After(s.opt.StopGrace):
		case <-ctx.Done():
		}
	}
	for _, ss := range progs {
		ss.setWhy("the server stopped")
		if p := s.prog(ss); p != nil {
			tell(p, closeMsg{})
		}
	}
	done := make(chan struct{})
	go func() { s.running.Wait(); close(done) }()
	var err error
	select {
	case <-done:
	case <-time.After(stopKill):
		// A client that stopped reading (a suspended ssh) holds its
		// program in a write: kill what is left and close its channel.
		for _, ss := range progs {
			s.kill(ss)
		}
		select {
		case <-done:
		case <-ctx.Done():
			err = ctx.Err()
		}
	case <-ctx.Done():
		err = ctx.Err()
	}
	if cerr := s.srv.Close(); err == nil && cerr != nil && !errors.Is(cerr, ssh.ErrServerClosed) {
		err = cerr
	}
	return err
}

func (s *Server) prog(ss *session) *tea.Program {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ss.prog
}

// sessionModel is a session's workstation with what the server adds: a
// panic in Update or View closes this session alone, and closeMsg ends it.
type sessionModel struct {
	inner    tea.Model
	ss       *session
	lg       *log.Logger
	panicked atomic.Bool
}

func (w *sessionModel) Init() (cmd tea.Cmd) {
	defer w.catch(&cmd)
	return w.safe(w.inner.Init())
}

func (w *sessionModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if w.panicked.Load() {
		return w, tea.Quit
	}
	switch msg := msg.(type) {
	case closeMsg:
		return w, tea.Quit
	case cmdPanicMsg:
		w.fell(msg.r, msg.stack)
		return w, tea.Quit
	}
	return w, w.update(msg)
}

func (w *sessionModel) update(msg tea.Msg) (cmd tea.Cmd) {
	defer w.catch(&cmd)
	m, cmd := w.inner.Update(msg)
	w.inner = m
	return w.safe(cmd)
}

// cmdPanicMsg is a panic in one of the session's commands, caught there.
type cmdPanicMsg struct {
	r     any
	stack []byte
}

var cmdType = reflect.TypeOf((tea.Cmd)(nil))

// safe wraps a command so that a panic in it comes back as a message to
// this session (Bubble Tea would catch it too, but print it, whatever it
// holds, on the server's stdout). The commands a command returns in a
// batch or a sequence (slices of tea.Cmd, whatever their type) are wrapped
// in turn.
func (w *sessionModel) safe(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = cmdPanicMsg{r, debug.Stack()}
			}
		}()
		msg = cmd()
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == cmdType {
			out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
			for i := range v.Len() {
				if c, _ := v.Index(i).Interface().(tea.Cmd); c != nil {
					out.Index(i).Set(reflect.ValueOf(w.safe(c)))
				}
			}
			return out.Interface()
		}
		return msg
	}
}

func (w *sessionModel) View() (v string) {
	if w.panicked.Load() {
		return ""
	}
	defer func() {
		if r := recover(); r != nil {
			w.fell(r, debug.Stack())
			v = ""
		}
	}()
	return w.inner.View()
}

func (w *sessionModel) catch(cmd *tea.Cmd) {
	if r := recover(); r != nil {
		w.fell(r, debug.Stack())
		*cmd = tea.Quit
	}
}

func (w *sessionModel) fell(r any, stack []byte) {
	if w.panicked.Swap(true) {
		return
	}
	logPanic(w.lg, r, stack)
	w.ss.setWhy(panicked)
}

// logPanic logs a session's panic: a runtime error says what it was (an
// index out of range, a nil pointer); any other value only its type, for
// it may hold text from the book. And where, from the stack.
func logPanic(lg *log.Logger, r any, stack []byte) {
	what := fmt.Sprintf("a %T", r)
	if re, ok := r.(runtime.Error); ok {
		what = re.Error()
	}
	lg.Error("session panicked; closed alone", "panic", what, "stack", stackFrames(stack))
}

// stackFrames keeps a stack's function and file lines (not its argument
// words).
func stackFrames(st []byte) string {
	var out []string
	for _, l := range strings.Split(string(st), "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "/") || strings.Contains(l, ".go:") {
			if i := strings.LastIndex(l, " +0x"); i > 0 {
				l = l[:i]
			}
			out = append(out, l)
		}
	}
	return strings.Join(out, " | ")
}

// keysIn is the session's input, noting when a key last came (for --idle).
type keysIn struct {
	r     io.Reader
	last  *atomic.Int64
	ended func() // called when the input ends
}

func (k *keysIn) Read(p []byte) (int, error) {
	n, err := k.r.Read(p)
	if n > 0 {
		k.last.Store(time.Now().UnixNano())
	}
	if err != nil && k.ended != nil {
		k.ended() // the client closed its side: the session ends
	}
	return n, err
}

// sessionEnv is the session's environment as the client sent it, with the
// terminal's type from its PTY request.
type sessionEnv []string

func newSessionEnv(env []string, term string) sessionEnv {
	return append(append(sessionEnv{}, env...), "TERM="+term)
}

func (e sessionEnv) get(k string) string {
	for i := len(e) - 1; i >= 0; i-- {
		if v, ok := strings.CutPrefix(e[i], k+"="); ok {
			return v
		}
	}
	return ""
}
