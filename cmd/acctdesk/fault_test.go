package main

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/bolt"
)

var long = flag.Bool("long", false, "run the fault tests at full length (many kills, more calls)")

// notes gathers the notes of every activity in the book, counting repeats.
func notes(t *testing.T, db string) map[string]int {
	t.Helper()
	st, err := bolt.Open(db, bolt.Options{Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]int{}
	for _, f := range files(t, st) {
		for _, a := range f.Activities {
			m[a.Text]++
		}
	}
	return m
}

// files reads every account's whole file, one account at a time.
func files(t *testing.T, st store.Reader) []*domain.AccountFile {
	t.Helper()
	var out []*domain.AccountFile
	for after := ""; ; {
		p, err := st.Facts(after, 100)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range p.Facts {
			f, err := st.LoadAccount(x.Account.Code)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, f)
			after = x.Account.Code
		}
		if !p.More {
			return out
		}
	}
}

// TestKillDuringLogCall kills `log call` with SIGKILL at random moments; every
// call that printed success must be in the book afterwards, and check passes.
func TestKillDuringLogCall(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	kills, want := 12, 12
	if *long {
		kills, want = 60, 60
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var acknowledged []string
	killed := 0
	for i := 0; killed < want && i < kills*20; i++ {
		note := fmt.Sprintf("kill-test %d", i)
		cmd := exec.Command(binary, "--db", db, "--user", "ada", "log", "call", "ACME", "--outcome", "reached", "--note", note)
		var out bytes.Buffer
		cmd.Stdout = &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill somewhere in the life of the process: before, during or after the write.
		delay := time.Duration(rng.IntN(12000)) * time.Microsecond
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err == nil && strings.Contains(out.String(), "logged call") {
				acknowledged = append(acknowledged, note)
			}
			continue
		case <-time.After(delay):
		}
		cmd.Process.Signal(syscall.SIGKILL)
		err := <-done
		if err == nil && strings.Contains(out.String(), "logged call") {
			acknowledged = append(acknowledged, note)
		} else {
			killed++
		}
	}
	if killed < want {
		t.Fatalf("only %d processes were killed", killed)
	}
	if out, stderr, err := proc(t, db, "check"); err != nil {
		t.Fatalf("check after %d kills: %v %s %s", killed, err, out, stderr)
	}
	got := notes(t, db)
	for _, n := range acknowledged {
		if got[n] != 1 {
			t.Errorf("acknowledged call %q found %d times", n, got[n])
		}
	}
	t.Logf("%d kills, %d acknowledged calls all present, check passes", killed, len(acknowledged))
}

// TestConcurrentLoggers runs two loops of `log call` processes at once: every
// call lands once.
func TestConcurrentLoggers(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	n := 500
	if *long {
		n = 2000
	}
	var wg sync.WaitGroup
	errs := make(chan error, 2*n)
	for _, who := range []string{"A", "B"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < n; i++ {
				_, stderr, err := proc(t, db, "log", "call", "ACME", "--outcome", "no-answer", "--note", fmt.Sprintf("%s-%d", who, i))
				if err != nil {
					errs <- fmt.Errorf("%s-%d: %v %s", who, i, err, stderr)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	got := notes(t, db)
	for _, who := range []string{"A", "B"} {
		for i := 0; i < n; i++ {
			if c := got[fmt.Sprintf("%s-%d", who, i)]; c != 1 {
				t.Errorf("%s-%d present %d times", who, i, c)
			}
		}
	}
}
