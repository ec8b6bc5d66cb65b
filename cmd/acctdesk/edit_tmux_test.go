package main

import (
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// socketTmux drives the real binary in a terminal on a tmux server of its
// own (tmux -L), so that it never touches anyone else's sessions.
type socketTmux struct {
	t            *testing.T
	socket, name string
}

func startSocketTmux(t *testing.T, socket string, w, h int, command string) *socketTmux {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Fatal("tmux is needed for the end-to-end test (.ci/run installs it)")
	}
	s := &socketTmux{t: t, socket: socket, name: "e2e"}
	s.run("kill-session", "-t", s.name) // a session left by a killed run
	if out, err := s.run("new-session", "-d", "-s", s.name, "-x", strconv.Itoa(w), "-y", strconv.Itoa(h), command); err != nil {
		t.Fatalf("tmux: %v %s", err, out)
	}
	t.Cleanup(func() { s.run("kill-session", "-t", s.name) }) // the server ends with its last session
	return s
}

func (s *socketTmux) run(args ...string) ([]byte, error) {
	return exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
}

func (s *socketTmux) keys(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		if out, err := s.run("send-keys", "-t", s.name, k); err != nil {
			s.t.Fatalf("send-keys %q: %v %s", k, err, out)
		}
		time.Sleep(80 * time.Millisecond)
	}
}

func (s *socketTmux) screen() string {
	out, _ := exec.Command("tmux", "-L", s.socket, "capture-pane", "-p", "-t", s.name).Output()
	return string(out)
}

func (s *socketTmux) waitFor(text string, within time.Duration) string {
	s.t.Helper()
	deadline := time.Now().Add(3 * within) // tripled for a loaded CI machine; a pass returns at once
	for {
		scr := s.screen()
		if strings.Contains(scr, text) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("screen never showed %q; it shows:\n%s", text, scr)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestWorkstationEditsAnAccount (SPEC §10.10): on a demo book at 80×24,
// E on KANO01 gives it a new owner and C adds a contact with a phone; after
// quitting, report book shows the owner and report contacts the contact.
func TestWorkstationEditsAnAccount(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	if _, stderr, err := proc(t, db, "demo", "--as-of", "2026-11-18"); err != nil {
		t.Fatalf("demo: %v %s", err, stderr)
	}
	s := startSocketTmux(t, "acctdesk-edit-e2e", 80, 24, binary+" --db "+db+" --as-of 2026-11-18 --user e2e; sleep 30")
	s.waitFor("accounts loaded", 20*time.Second)
	s.keys(":", "KANO01", "Enter")
	s.waitFor("Contacts:", 5*time.Second)

	s.keys("E")
	s.waitFor("Edit the account · KANO01", 5*time.Second)
	s.keys("C-u", "tunde", "Enter")
	s.waitFor("saved account edit on KANO01: changed owner", 5*time.Second)
	s.waitFor("owner tunde", 5*time.Second)

	s.keys("C")
	s.waitFor("Contacts · KANO01", 5*time.Second)
	s.keys("n")
	s.waitFor("▸ Name", 5*time.Second)
	s.keys("Amina Yusuf", "Tab", "finance", "Tab", "+234 803 555 7777", "Tab", "amina@kanoagro.ng", "Enter")
	s.waitFor("saved contact on KANO01: added Amina Yusuf", 5*time.Second)
	s.keys("Tab", "Tab") // the timeline shows both
	scr := s.waitFor("contact added: Am", 5*time.Second)
	if !strings.Contains(scr, "edited: owner: mu") {
		t.Errorf("the timeline does not show the edit:\n%s", scr)
	}
	s.keys("q")
	time.Sleep(300 * time.Millisecond)

	out, stderr, err := proc(t, db, "report", "book", "--format", "csv", "--as-of", "2026-11-18")
	if err != nil {
		t.Fatalf("report book: %v %s", err, stderr)
	}
	if !strings.Contains(out, "\nKANO01,Kano Agro Allied Ltd,2,tunde,active,") {
		t.Errorf("report book does not show the new owner:\n%s", out)
	}
	out, stderr, err = proc(t, db, "report", "contacts", "--format", "csv", "--as-of", "2026-11-18")
	if err != nil {
		t.Fatalf("report contacts: %v %s", err, stderr)
	}
	if !strings.Contains(out, "\nKANO01,Amina Yusuf,finance,+234 803 555 7777,amina@kanoagro.ng,no\n") {
		t.Errorf("report contacts does not show the contact:\n%s", out)
	}
}
