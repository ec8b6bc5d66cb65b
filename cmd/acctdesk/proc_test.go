package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"acctdesk/store/bolt"

	bbolt "go.etcd.io/bbolt"
)

// binary is the real acctdesk, built once for the tests that run it as a process.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "acctdesk-bin")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "acctdesk")
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// proc runs the built binary and returns stdout, stderr and the exit error.
func proc(t *testing.T, db string, args ...string) (string, string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, append([]string{"--db", db, "--user", "ada"}, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	return out.String(), errb.String(), err
}

func mustChanges(t *testing.T, db string) uint64 {
	t.Helper()
	st, err := bolt.Open(db, bolt.Options{Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	n, err := st.Changes()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestBookInUse(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	// Another holder takes the file's lock and keeps it.
	held, err := bbolt.Open(db, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	for _, args := range [][]string{
		{"report", "aging", "--format", "csv"},
		{"log", "call", "ACME", "--outcome", "reached"},
		{"import", "invoices", filepath.Join(dir, "invoices.csv")},
		{"backup", filepath.Join(dir, "copy.db")},
		{"check"},
	} {
		start := time.Now()
		_, stderr, err := proc(t, db, args...)
		took := time.Since(start)
		if err == nil {
			t.Errorf("%v succeeded while the book was held", args)
			continue
		}
		if !strings.Contains(stderr, "the book is in use by another process") {
			t.Errorf("%v said %q", args, stderr)
		}
		if strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("%v: error is not one line: %q", args, stderr)
		}
		// The rule is 2 s; the issue allows 5 s for the whole command.
		if took > 5*time.Second {
			t.Errorf("%v took %v", args, took)
		}
	}
}

func TestBackupAndCheck(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	must(t, db, "log", "call", "ACME", "--outcome", "promise", "--promise", "1500.00@2026-11-27", "--as-of", "2026-11-22")
	copyPath := filepath.Join(dir, "copy.db")
	if out, stderr, err := proc(t, db, "backup", copyPath); err != nil {
		t.Fatalf("backup: %v %s", err, stderr)
	} else if !strings.Contains(out, copyPath) {
		t.Errorf("backup said %q", out)
	}
	for _, name := range []string{"aging", "dso", "book", "promises", "escalations", "queue"} {
		a, _, err1 := proc(t, db, "report", name, "--format", "json", "--as-of", "2026-12-01")
		b, _, err2 := proc(t, copyPath, "report", name, "--format", "json", "--as-of", "2026-12-01")
		if err1 != nil || err2 != nil || a != b {
			t.Errorf("report %s differs between book and backup:\n%s\n---\n%s", name, a, b)
		}
	}
	if out, stderr, err := proc(t, db, "check"); err != nil || !strings.Contains(out, "ok") {
		t.Fatalf("check on a good book: %v %s %s", err, out, stderr)
	}

	// Damage pages in the middle of the copy: check fails with a clear message, no panic.
	data, err := os.ReadFile(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	page := 4096
	for p := 2; p*page < len(data)-page; p += 2 {
		for i := 0; i < 64; i++ {
			data[p*page+i*7] ^= 0x5a
		}
	}
	damaged := filepath.Join(dir, "damaged.db")
	if err := os.WriteFile(damaged, data, 0o600); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := proc(t, damaged, "check")
	if err == nil {
		t.Fatal("check passed on a damaged book")
	}
	if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine") || !strings.HasPrefix(stderr, "acctdesk: ") {
		t.Fatalf("damaged book: %q", stderr)
	}
	for _, args := range [][]string{{"report", "aging"}, {"log", "call", "ACME", "--outcome", "reached"}} {
		if _, stderr, err := proc(t, damaged, args...); err == nil && args[0] == "log" || strings.Contains(stderr, "goroutine") {
			t.Errorf("%v on a damaged book: %v %q", args, err, stderr)
		}
	}
}

func TestNotABookAndTruncated(t *testing.T) {
	dir := t.TempDir()
	notBook := write(t, dir, "notes.db", strings.Repeat("this is not a book\n", 500))
	_, stderr, err := proc(t, notBook, "report", "aging")
	if err == nil || !strings.Contains(stderr, "not an acctdesk book") || strings.Contains(stderr, "goroutine") {
		t.Errorf("not a book: %v %q", err, stderr)
	}
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	data, _ := os.ReadFile(db)
	trunc := write(t, dir, "trunc.db", string(data[:len(data)/3]))
	_, stderr, err = proc(t, trunc, "check")
	if err == nil || strings.Contains(stderr, "goroutine") || !strings.HasPrefix(stderr, "acctdesk: ") {
		t.Errorf("truncated: %v %q", err, stderr)
	}
}

func TestDemoRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	if _, stderr, err := proc(t, db, "demo", "--as-of", "2026-11-22"); err == nil || !strings.Contains(stderr, "--force") {
		t.Fatalf("demo over a book: %v %q", err, stderr)
	}
	out, stderr, err := proc(t, db, "demo", "--as-of", "2026-11-22", "--force", "--seed", "3")
	if err != nil {
		t.Fatalf("demo --force: %v %s", err, stderr)
	}
	if !strings.Contains(out, "30 accounts") {
		t.Errorf("demo said %q", out)
	}
	// Deterministic: the same seed gives the same reports.
	other := filepath.Join(dir, "other.db")
	proc(t, other, "demo", "--as-of", "2026-11-22", "--seed", "3")
	for _, name := range []string{"aging", "dso", "book"} {
		a, _, _ := proc(t, db, "report", name, "--format", "csv", "--as-of", "2026-11-22")
		b, _, _ := proc(t, other, "report", name, "--format", "csv", "--as-of", "2026-11-22")
		if a != b || a == "" {
			t.Errorf("report %s differs between two demos of seed 3", name)
		}
	}
	if info, err := os.Stat(db); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("demo book mode %v", info.Mode())
	}
}

// TestNewerSchemaRefused: a book written by a newer acctdesk gives a one-line
// error and a non-zero exit for every command, and is left as it was.
func TestNewerSchemaRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	held, err := bbolt.Open(db, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := held.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte{0, 0, 0, 0, 0, 0, 0, 99})
	}); err != nil {
		t.Fatal(err)
	}
	held.Close()
	before, _ := os.ReadFile(db)
	for _, args := range [][]string{{"report", "aging"}, {"check"}, {"log", "call", "ACME", "--outcome", "reached"}, {"import", "invoices", filepath.Join(dir, "invoices.csv")}} {
		_, stderr, err := proc(t, db, args...)
		if err == nil || !strings.Contains(stderr, "newer") || strings.Count(strings.TrimSpace(stderr), "\n") > 0 || strings.Contains(stderr, "goroutine") {
			t.Errorf("%v on a newer book: %v %q", args, err, stderr)
		}
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("the newer book was changed")
	}
}
