package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"acctdesk/store/bolt"
)

// freePort is a loopback address nothing listens on.
func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestServeStopsOnSIGTERM runs acctdesk serve: a collector's session
// logs a call through its PTY; on SIGTERM the session is told the server
// is stopping and closed, the process exits 0 within 5 s, and the book
// passes check with the call in it by that collector.
func TestServeStopsOnSIGTERM(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	if _, stderr, err := proc(t, db, "demo", "--as-of", "2026-11-18"); err != nil {
		t.Fatalf("demo: %v %s", err, stderr)
	}
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, _ := gossh.NewSignerFromKey(priv)
	users := filepath.Join(dir, "users")
	line := "ada collector " + string(gossh.MarshalAuthorizedKey(signer.PublicKey()))
	if err := os.WriteFile(users, []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	addr := freePort(t)
	hostKey := filepath.Join(dir, "keys", "host_key")
	logb := &lockedBuffer{}
	cmd := exec.Command(binary, "serve", "--db", db, "--as-of", "2026-11-18", "--listen", addr, "--users", users, "--host-key", hostKey)
	cmd.Stderr = logb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer cmd.Process.Kill()

	var c *gossh.Client
	var err error
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		c, err = gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "ada", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
			HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
		if err == nil || time.Now().After(deadline) {
			break
		}
	}
	if err != nil {
		t.Fatalf("dial: %v\n%s", err, logb.String())
	}
	defer c.Close()
	if fi, err := os.Stat(hostKey); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the host key: %v %v, want made 0600", fi.Mode(), err)
	}
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPty("xterm", 40, 160, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	in, _ := s.StdinPipe()
	out, _ := s.StdoutPipe()
	screen := &lockedBuffer{}
	go func() {
		buf := make([]byte, 32*1024)
		answered := false
		for {
			n, err := out.Read(buf)
			screen.Write(buf[:n])
			if !answered && strings.Contains(screen.String(), "\x1b[c") {
				answered = true
				io.WriteString(in, "\x1b[?62c")
			}
			if err != nil {
				return
			}
		}
	}()
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	waitScreen := func(text string) {
		t.Helper()
		for deadline := time.Now().Add(15 * time.Second); !strings.Contains(screen.String(), text); time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("the session never showed %q:\n%s", text, screen.String())
			}
		}
	}
	waitScreen("accounts loaded")
	io.WriteString(in, ":")
	waitScreen("ump")
	io.WriteString(in, "MAID01\r")
	waitScreen("Account MAID01")
	io.WriteString(in, "c")
	waitScreen("Log a call")
	io.WriteString(in, "n\r")
	waitScreen("saved call on MAID01")

	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("serve exited with %v\n%s", err, logb.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("serve still running 5 s after SIGTERM\n%s", logb.String())
	}
	t.Logf("serve exited %v after SIGTERM", time.Since(start).Round(time.Millisecond))
	waitScreen("The server is stopping")
	waitScreen("acctdesk: the server stopped")
	var exit *gossh.ExitError
	if err := s.Wait(); err != nil && !errors.As(err, &exit) && !errors.Is(err, io.EOF) {
		var missing *gossh.ExitMissingError
		if !errors.As(err, &missing) {
			t.Errorf("the session ended with %v", err)
		}
	}

	if out, stderr, err := proc(t, db, "check"); err != nil || !strings.Contains(out, "ok") {
		t.Fatalf("check after serve: %v %s %s", err, out, stderr)
	}
	st, err := bolt.OpenExisting(db, bolt.Options{Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	f, err := st.LoadAccount("MAID01")
	if err != nil {
		t.Fatal(err)
	}
	byAda := 0
	for _, a := range f.Activities {
		if a.Kind == "call" && a.Stamp.By == "ada" {
			byAda++
		}
	}
	if byAda != 1 {
		t.Errorf("%d calls by ada on MAID01, want the one logged in the session", byAda)
	}
	lg := logb.String()
	for _, want := range []string{"session opened user=ada role=collector", "signal=terminated", "stopped"} {
		if !strings.Contains(lg, want) {
			t.Errorf("the server's log does not say %q:\n%s", want, lg)
		}
	}
	if strings.Contains(lg, "PRIVATE KEY") || strings.Contains(lg, "Maiduguri") {
		t.Errorf("the server's log holds a private key or the book's data:\n%s", lg)
	}
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
