package server

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// openSessions is how many sessions the server counts.
func (s *Server) openSessions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sessions)
}

// TestSessionClosedConnectionKept: a client that closes its session but
// keeps the connection (OpenSSH's ControlMaster) ends the session on the
// server: it is no longer counted.
func TestSessionClosedConnectionKept(t *testing.T) {
	f := newFixture(t, 3, []string{"ada collector"}, nil)
	tm := f.open(t, gossh.PublicKeys(f.keys["ada"]))
	tm.ready()
	if n := f.srv.openSessions(); n != 1 {
		t.Fatalf("%d sessions open, want 1", n)
	}
	tm.s.Close() // the session, not the connection
	deadline := time.Now().Add(5 * time.Second)
	for f.srv.openSessions() != 0 {
		if time.Now().After(deadline) {
			t.Fatal("a session its client closed is still open on the server")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if _, _, err := tm.c.SendRequest("keepalive@openssh.com", true, nil); err != nil && !strings.Contains(err.Error(), "EOF") {
		t.Logf("the connection: %v", err)
	}
}

// TestResizeWhileConnecting: a client that resizes its window while the
// session starts (wish asks the terminal's colours and reads the session
// meanwhile) gets its workstation, and Shutdown is not held by it.
func TestResizeWhileConnecting(t *testing.T) {
	if raceEnabled {
		t.Skip("charmbracelet/ssh writes a PTY's size without a lock while wish's MakeRenderer reads it; this test makes both happen at once on purpose")
	}
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
	if err := s.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	out, err := s.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	in, err := s.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	for i := range 50 { // during the colour query, before the terminal answers it
		if err := s.WindowChange(40+i%5, 120+i%7); err != nil {
			t.Fatal(err)
		}
	}
	// Then the terminal answers the colour query, as a terminal does: with
	// the window changes stalled on the connection, the answer never came.
	if _, err := io.WriteString(in, "\x1b]11;rgb:0000/0000/0000\x07\x1b[?62;22c"); err != nil {
		t.Fatal(err)
	}
	seen := make(chan struct{})
	go func() {
		var got strings.Builder
		buf := make([]byte, 32*1024)
		for {
			n, err := out.Read(buf)
			got.Write(buf[:n])
			if strings.Contains(got.String(), "handled today") {
				close(seen)
				_, _ = io.Copy(io.Discard, out)
				return
			}
			if err != nil {
				return
			}
		}
	}()
	select {
	case <-seen:
	case <-time.After(10 * time.Second):
		t.Fatal("a session resized while it started never drew its queue")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := f.srv.Shutdown(ctx); err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
}
