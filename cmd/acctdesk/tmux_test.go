package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// tmux drives the real binary in a terminal, as a person would.
type tmux struct {
	t    *testing.T
	name string
}

func startTmux(t *testing.T, w, h int, command string) *tmux {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Fatal("tmux is needed for the end-to-end test (.ci/run installs it)")
	}
	s := &tmux{t: t, name: "acctdesk-e2e-" + strings.ReplaceAll(t.Name(), "/", "-")}
	exec.Command("tmux", "kill-session", "-t", s.name).Run()
	args := []string{"new-session", "-d", "-s", s.name, "-x", strconv.Itoa(w), "-y", strconv.Itoa(h), command}
	if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("tmux", "kill-session", "-t", s.name).Run() })
	return s
}

func (s *tmux) keys(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		if out, err := exec.Command("tmux", "send-keys", "-t", s.name, k).CombinedOutput(); err != nil {
			s.t.Fatalf("send-keys %q: %v %s", k, err, out)
		}
		time.Sleep(80 * time.Millisecond)
	}
}

func (s *tmux) screen() string {
	out, _ := exec.Command("tmux", "capture-pane", "-p", "-t", s.name).Output()
	return string(out)
}

// waitFor polls the screen until it shows text.
func (s *tmux) waitFor(text string, within time.Duration) string {
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

func (s *tmux) exited(within time.Duration) bool {
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		if exec.Command("tmux", "has-session", "-t", s.name).Run() != nil {
			return true
		}
		time.Sleep(100 * time.Millisecond)
	}
	return false
}

// TestWorkstationLogsAPromise opens the workstation on a demo book, logs a
// promise on the first queue item with the keys of SPEC §8, quits, and finds
// the promise in the promises report.
func TestWorkstationLogsAPromise(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	cmd := binary + " --demo --db " + db + " --as-of 2026-11-18 --user e2e; sleep 30"
	s := startTmux(t, 120, 40, cmd)
	s.waitFor("Queue", 20*time.Second)
	s.waitFor("handled today", 10*time.Second) // the queue, loaded (the status line may say where the demo is)
	s.keys("c")
	s.waitFor("Outcome", 5*time.Second)
	s.keys("p", "250000", "Tab", "fri", "Enter")
	s.waitFor("saved call on", 5*time.Second)
	s.keys("q")
	time.Sleep(300 * time.Millisecond)

	out, stderr, err := proc(t, db, "report", "promises", "--format", "csv", "--as-of", "2026-11-18")
	if err != nil {
		t.Fatalf("report: %v %s", err, stderr)
	}
	// Wednesday 2026-11-18: "fri" is 2026-11-20.
	found := false
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, ",250000.00,NGN,2026-11-18,2026-11-20,open,") && strings.Contains(line, ",e2e,") {
			found = true
		}
	}
	if !found {
		t.Fatalf("the promise logged in the workstation is not in the report:\n%s", out)
	}
}

// TestWorkstationSeesOtherProcesses: with the workstation open, an import and
// a backup from another process succeed, and the new invoice shows up in the
// open workstation within a few seconds, without a restart.
func TestWorkstationSeesOtherProcesses(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if _, stderr, err := proc(t, db, "demo", "--as-of", "2026-11-18"); err != nil {
		t.Fatalf("demo: %v %s", err, stderr)
	}
	s := startTmux(t, 120, 40, binary+" --db "+db+" --as-of 2026-11-18 --user e2e; sleep 30")
	s.waitFor("accounts loaded", 20*time.Second)
	s.keys(":", "MAID01", "Enter")
	s.waitFor("Maiduguri", 5*time.Second)
	if strings.Contains(s.screen(), "INV-LIVE-1") {
		t.Fatal("the invoice is there before the import")
	}
	more := write(t, dir, "more.csv", "account,number,issue_date,amount\nMAID01,INV-LIVE-1,2026-11-17,123456.78\n")
	start := time.Now()
	if out, stderr, err := proc(t, db, "import", "invoices", more); err != nil || !strings.Contains(out, ": 1 invoice added") {
		t.Fatalf("import while the workstation is open: %v %s %s", err, out, stderr)
	}
	if _, stderr, err := proc(t, db, "backup", filepath.Join(dir, "copy.db")); err != nil {
		t.Fatalf("backup while the workstation is open: %v %s", err, stderr)
	}
	s.waitFor("INV-LIVE-1", 5*time.Second)
	t.Logf("the imported invoice appeared in the open workstation after %v", time.Since(start).Round(100*time.Millisecond))
	s.keys("q")
}

// TestDemoCreationMessageVisible (issue 10, item 20): the workstation's
// first --demo says where it made the demo book and how to reset it, and
// the line is on the terminal once the workstation closes; a mistyped
// --db opens no workstation and makes no book.
func TestDemoCreationMessageVisible(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	s := startTmux(t, 120, 40, binary+" --demo --db "+db+" --as-of 2026-11-18 --user e2e; sleep 30")
	// The status line says where the demo book is while the workstation is
	// open, until the first key.
	s.waitFor("the demo book is at", 20*time.Second)
	s.keys("q")
	scr := s.waitFor("to make it anew: acctdesk --demo --reset", 5*time.Second)
	if !strings.Contains(strings.ReplaceAll(scr, "\n", ""), "the demo book is at "+db) {
		t.Errorf("the screen after the workstation does not say where the demo book is:\n%s", scr)
	}

	typo := filepath.Join(dir, "dmeo.db")
	s2 := startTmux(t, 120, 40, binary+" --db "+typo+" --user e2e; sleep 30")
	s2.waitFor("no book at "+typo, 10*time.Second)
	if _, err := os.Stat(typo); !os.IsNotExist(err) {
		t.Errorf("the workstation made a book at %s", typo)
	}
}

// TestWorkstationAgreesAPlan: P on the demo's KANO01 (whose plan is open)
// splits ₦1,000,000.00 into 3 weekly instalments from the default first date
// (a week from Wed 18 Nov: 25 Nov, 2 Dec, 9 Dec), replaces the open plan, and
// report plans lists the new one: 333,333.33 × 2 + 333,333.34.
func TestWorkstationAgreesAPlan(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	cmd := binary + " --demo --db " + db + " --as-of 2026-11-18 --user e2e; sleep 30"
	s := startTmux(t, 80, 24, cmd)
	s.waitFor("handled today", 30*time.Second)
	s.keys(":", "KANO01", "Enter")
	s.waitFor("Contacts:", 5*time.Second)
	s.keys("P")
	s.waitFor("Replaces plan #", 5*time.Second)
	s.keys("1000000", "Tab", "3", "Tab", "w")
	s.waitFor("Preview · 3 weekly instalments · total ₦1,000,000.00", 5*time.Second)
	s.keys("Enter")
	s.waitFor("saved plan on KANO01", 5*time.Second)
	s.keys("q")
	time.Sleep(300 * time.Millisecond)

	out, stderr, err := proc(t, db, "report", "plans", "--format", "csv", "--as-of", "2026-11-18")
	if err != nil {
		t.Fatalf("report: %v %s", err, stderr)
	}
	// KANO01's rows: the new plan (the book's plan 3; CROS01 holds plan 2),
	// then the one it replaced.
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "KANO01,") {
			lines = append(lines, l)
		}
	}
	want := []string{
		"KANO01,3,1,2026-11-25,333333.33,0.00,pending,NGN",
		"KANO01,3,2,2026-12-02,333333.33,0.00,pending,NGN",
		"KANO01,3,3,2026-12-09,333333.34,0.00,pending,NGN"}
	if len(lines) < 4 || strings.Join(lines[:3], "\n") != strings.Join(want, "\n") || !strings.HasPrefix(lines[3], "KANO01,1,1,") {
		t.Fatalf("report plans after P:\n%s", out)
	}
}
