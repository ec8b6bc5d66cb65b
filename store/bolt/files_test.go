//go:build linux

package bolt

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"acctdesk/domain"
	"acctdesk/store"

	bbolt "go.etcd.io/bbolt"
)

var ftCtx = store.WithAuthor(context.Background(), "tester")

func ftOptions() Options { return Options{Timeout: 300 * time.Millisecond} }

// ftBook makes a small book at dir/name.
func ftBook(t *testing.T, dir, name string) *Store {
	t.Helper()
	s, err := Open(filepath.Join(dir, name), ftOptions())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Apply(ftCtx, &store.Batch{Accounts: []store.Rec[domain.Account]{{V: domain.Account{Code: "A1", Name: "One"}}}}); err != nil {
		t.Fatal(err)
	}
	return s
}

// ftTemps lists the temporary files in dir.
func ftTemps(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "tmp") {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestOpenEmptyFileIsNotABook(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for name, open := range map[string]func(string, Options) (*Store, error){"Open": Open, "OpenExisting": OpenExisting} {
		if _, err := open(empty, ftOptions()); !errors.Is(err, store.ErrNotABook) {
			t.Errorf("%s of an empty file = %v; want ErrNotABook", name, err)
		}
	}
	if info, _ := os.Stat(empty); info.Size() != 0 {
		t.Errorf("the empty file became %d bytes", info.Size())
	}
	// refuseEmpty is what keeps a later write from initialising it.
	f, _ := os.Open(empty)
	defer f.Close()
	if err := refuseEmpty(f, false); !errors.Is(err, store.ErrNotABook) {
		t.Errorf("refuseEmpty = %v", err)
	}
	missing := filepath.Join(dir, "sub", "missing.db")
	if _, err := OpenExisting(missing, ftOptions()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("OpenExisting of a missing book = %v", err)
	}
	if _, err := os.Stat(filepath.Dir(missing)); err == nil {
		t.Error("OpenExisting created the book's directory")
	}
}

func TestOpenRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{dir, fifo} {
		start := time.Now()
		if _, err := Open(p, ftOptions()); !errors.Is(err, store.ErrNotABook) {
			t.Errorf("Open(%s) = %v; want ErrNotABook", p, err)
		}
		// Not a wait for a writer or for the lock (2 s): far less. The bound is
		// loose so a loaded machine does not fail it; a FIFO opened for
		// reading would block for good.
		if took := time.Since(start); took > 10*time.Second {
			t.Errorf("Open(%s) took %v", p, took)
		}
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode().Type() != os.ModeNamedPipe {
		t.Errorf("the FIFO is now %v", info.Mode())
	}
}

func TestOpenCreatesWhole(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "new", "book.db")
	if _, err := Open(p, ftOptions()); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(p)
	if err != nil || info.Mode().Perm() != 0o600 || info.Size() == 0 {
		t.Fatalf("new book: %v %v", info, err)
	}
	if tmps := ftTemps(t, filepath.Dir(p)); len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
	// Through a dangling symlink: refused, nothing created.
	link := filepath.Join(dir, "link.db")
	os.Symlink(filepath.Join(dir, "nowhere.db"), link)
	if _, err := Open(link, ftOptions()); err == nil {
		t.Error("Open through a dangling symlink created a book")
	}
	if _, err := os.Stat(filepath.Join(dir, "nowhere.db")); err == nil {
		t.Error("a book appeared at the dangling symlink's target")
	}
}

func TestBackupRefusals(t *testing.T) {
	dir := t.TempDir()
	s := ftBook(t, dir, "book.db")
	before, _ := os.ReadFile(s.Path())
	link := filepath.Join(dir, "link.db")
	hard := filepath.Join(dir, "hard.db")
	fifo := filepath.Join(dir, "fifo")
	sub := filepath.Join(dir, "sub")
	dangling := filepath.Join(dir, "dangling.db")
	os.Symlink("book.db", link)
	os.Link(s.Path(), hard)
	syscall.Mkfifo(fifo, 0o600)
	os.Mkdir(sub, 0o700)
	os.Symlink("gone.db", dangling)
	other := ftBook(t, dir, "other.db")
	held, err := bbolt.Open(other.Path(), 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	otherBefore, _ := os.ReadFile(other.Path())
	for target, want := range map[string]string{
		s.Path():         "the book itself",
		link:             "the book itself",
		hard:             "the book itself",
		fifo:             "special file",
		sub:              "is a directory",
		sub + "/":        "is a directory",
		dangling:         "does not exist",
		other.Path():     "in use by another process",
		"/nonexistent/x": "does not exist",
	} {
		err := s.Backup(target)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Backup(%s) = %v; want %q", target, err, want)
		}
		if want == "in use by another process" && !errors.Is(err, store.ErrInUse) {
			t.Errorf("Backup onto a held book: %v is not ErrInUse", err)
		}
	}
	if after, _ := os.ReadFile(s.Path()); !bytes.Equal(before, after) {
		t.Error("the book changed")
	}
	held.Close()
	if after, _ := os.ReadFile(other.Path()); !bytes.Equal(otherBefore, after) {
		t.Error("the held book changed")
	}
	if info, _ := os.Lstat(link); info.Mode().Type() != os.ModeSymlink {
		t.Error("the symlink is gone")
	}
	if info, _ := os.Lstat(fifo); info.Mode().Type() != os.ModeNamedPipe {
		t.Error("the FIFO is gone")
	}
	if tmps := ftTemps(t, dir); len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
	// A book no one holds, and a symlink to an older backup, are replaced;
	// the link stays a link.
	if err := s.Backup(other.Path()); err != nil {
		t.Errorf("Backup over a book no one holds: %v", err)
	}
	old := filepath.Join(dir, "old-backup.db")
	os.WriteFile(old, []byte("old"), 0o600)
	toOld := filepath.Join(dir, "latest.db")
	os.Symlink("old-backup.db", toOld)
	if err := s.Backup(toOld); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Lstat(toOld); info.Mode().Type() != os.ModeSymlink {
		t.Error("backup through a symlink replaced the link")
	}
	if c, err := Open(old, ftOptions()); err != nil {
		t.Errorf("the link's file is not the backup: %v", err)
	} else if err := c.Check(); err != nil {
		t.Errorf("check of the backup: %v", err)
	}
}

func TestReplaceRefusesAChangedBook(t *testing.T) {
	dir := t.TempDir()
	s := ftBook(t, dir, "book.db")
	r, err := ReplaceBook(s.Path(), ftOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer r.Discard()
	if _, err := r.NewBook(); err != nil {
		t.Fatal(err)
	}
	set := domain.DefaultSettings()
	set.Name = "written meanwhile"
	if err := s.SaveSettings(ftCtx, set); err != nil {
		t.Fatal(err)
	}
	if err := r.Commit(); err == nil || !strings.Contains(err.Error(), "changed while") {
		t.Fatalf("Commit over a book written meanwhile = %v", err)
	}
	r.Discard()
	if got, err := s.Settings(); err != nil || got.Name != "written meanwhile" {
		t.Errorf("the book lost its write: %v %v", got.Name, err)
	}
	if tmps := ftTemps(t, dir); len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}

	// No file at first, one appears: it stays.
	p := filepath.Join(dir, "new.db")
	r, err = ReplaceBook(p, ftOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer r.Discard()
	if _, err := r.NewBook(); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(p, []byte("mine"), 0o600)
	if err := r.Commit(); !errors.Is(err, errAppeared) {
		t.Errorf("Commit over a file that appeared = %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "mine" {
		t.Error("the file that appeared was replaced")
	}

	// A held book is refused at the start, before any work.
	held, err := bbolt.Open(s.Path(), 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if _, err := ReplaceBook(s.Path(), ftOptions()); !errors.Is(err, store.ErrInUse) {
		t.Errorf("ReplaceBook of a held book = %v", err)
	}
}

func TestSweepStale(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * time.Hour)
	mk := func(name string, mtime time.Time) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, mtime, mtime)
		return p
	}
	dead := 1 << 22 // above pid_max's default: no such process
	for processAlive(dead) {
		dead++
	}
	gone := []string{
		mk(fmt.Sprintf(".book.db.tmp-%d-0123456789ab", dead), time.Now()),      // its process is gone
		mk(fmt.Sprintf(".book.db.demo-tmp-%d-0123456789ab", os.Getpid()), old), // unlocked for long
		mk(".book.db.tmp-123456789", old),                                      // os.CreateTemp, old
		mk("book.db.demo-tmp", old),                                            // the old demo name
	}
	kept := []string{
		mk(fmt.Sprintf(".book.db.new-tmp-%d-0123456789ab", os.Getpid()), time.Now()), // maybe being locked this instant
		mk(".book.db.tmp-987654321", time.Now()),                                     // old style, recent
		mk(".book.db.tmp-notes", old),                                                // not ours
		mk(".other.db.tmp-123456789", old),                                           // another target's
		mk("book.db.backup", old),
	}
	live, err := createTemp(dir, "book.db", kindDemo)
	if err != nil {
		t.Fatal(err)
	}
	os.Chtimes(live.path, old, old)
	kept = append(kept, live.path)
	sweepStale(dir, "book.db")
	for _, p := range gone {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("%s was not swept", filepath.Base(p))
		}
	}
	for _, p := range kept {
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("%s was swept", filepath.Base(p))
		}
	}
	// Its writer gone (the descriptor closed), the same file is stale.
	live.f.Close()
	sweepStale(dir, "book.db")
	if _, err := os.Lstat(live.path); err == nil {
		t.Error("a temporary file whose writer is gone was not swept")
	}
	// Opening the book sweeps beside it too.
	p := mk(".book.db.tmp-55555", old)
	os.Remove(filepath.Join(dir, "book.db"))
	if _, err := Open(filepath.Join(dir, "book.db"), ftOptions()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(p); err == nil {
		t.Error("Open did not sweep a stale temporary file")
	}
}

func TestGiveBackSpace(t *testing.T) {
	dir := t.TempDir()
	s := ftBook(t, dir, "book.db")
	info, _ := os.Stat(s.Path())
	before := info.Size()
	// What a write that ran out of space leaves: the file grown, some pages written.
	f, err := os.OpenFile(s.Path(), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(before + 1<<20)
	f.WriteAt(bytes.Repeat([]byte{0xAB}, 64<<10), before)
	f.Close()
	enospc := &os.PathError{Op: "write", Path: s.Path(), Err: syscall.ENOSPC}
	for _, in := range []error{enospc, fmt.Errorf("%w: %s: %v", store.ErrDamaged, s.Path(), enospc)} {
		err := s.giveBackSpace(before, in)
		if err == nil || !strings.Contains(err.Error(), "no space left on device") || strings.Contains(err.Error(), "\n") ||
			strings.Contains(err.Error(), "damaged") || !errors.Is(err, syscall.ENOSPC) {
			t.Errorf("giveBackSpace(%v) = %v", in, err)
		}
		if info, _ := os.Stat(s.Path()); info.Size() != before {
			t.Errorf("size after = %d; want %d", info.Size(), before)
		}
	}
	if err := s.Check(); err != nil {
		t.Errorf("check after giving the space back: %v", err)
	}
	other := errors.New("something else")
	if err := s.giveBackSpace(before, other); err != other {
		t.Errorf("giveBackSpace passed %v on as %v", other, err)
	}
	// Never below what the meta pages need.
	need, ok := metaNeeds(mustOpen(t, s.Path()))
	if !ok || need <= 0 || need > before {
		t.Fatalf("metaNeeds = %d %v (file %d)", need, ok, before)
	}
	if err := shrinkTo(s.Path(), need/2, time.Now().Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(s.Path()); info.Size() < need {
		t.Errorf("shrunk to %d, below the %d the meta needs", info.Size(), need)
	}
}

func mustOpen(t *testing.T, p string) *os.File {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestOpenCreatesOnce: processes (here goroutines: the locks are per open
// file) creating the same new book at once all end with the one book.
func TestOpenCreatesOnce(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "book.db")
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(p, Options{})
			if err == nil {
				_, err = s.Apply(ftCtx, &store.Batch{Accounts: []store.Rec[domain.Account]{{V: domain.Account{Code: "A1", Name: "One"}}}})
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if tmps := ftTemps(t, dir); len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
	s, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}

// TestWriteToATruncatedBook: a book truncated to nothing after Open is not
// made a new book by the next write or read (the refuseEmpty hook in run).
func TestWriteToATruncatedBook(t *testing.T) {
	s := ftBook(t, t.TempDir(), "book.db")
	if err := os.Truncate(s.Path(), 0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Apply(ftCtx, &store.Batch{Accounts: []store.Rec[domain.Account]{{V: domain.Account{Code: "A2", Name: "Two"}}}}); !errors.Is(err, store.ErrNotABook) {
		t.Errorf("Apply to an empty file = %v; want ErrNotABook", err)
	}
	if _, err := s.Settings(); !errors.Is(err, store.ErrNotABook) {
		t.Errorf("Settings of an empty file = %v; want ErrNotABook", err)
	}
	if info, _ := os.Stat(s.Path()); info.Size() != 0 {
		t.Errorf("the empty file became %d bytes", info.Size())
	}
}
