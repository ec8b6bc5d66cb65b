package server

import (
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
