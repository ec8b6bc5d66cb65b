//go:build linux

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	bbolt "go.etcd.io/bbolt"
)

// temps lists acctdesk's temporary files in dir.
func temps(dir string) []string {
	var out []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "tmp") {
			out = append(out, e.Name())
		}
	}
	return out
}

// saysOneLine fails unless stderr is one line starting "acctdesk: " and holding want.
func saysOneLine(t *testing.T, what, stderr, want string) {
	t.Helper()
	s := strings.TrimSpace(stderr)
	if !strings.HasPrefix(s, "acctdesk: ") || strings.Contains(s, "\n") || !strings.Contains(s, want) ||
		strings.Contains(s, "goroutine") {
		t.Errorf("%s said %q; want one line with %q", what, stderr, want)
	}
}

// logger logs calls on db from its own processes until stop closes, and
// keeps the notes of the calls that printed success.
type logger struct {
	mu    sync.Mutex
	acked []string
	wg    sync.WaitGroup
	stop  chan struct{}
}

func startLoggers(t *testing.T, db string, n int) *logger {
	l := &logger{stop: make(chan struct{})}
	for w := range n {
		l.wg.Add(1)
		go func() {
			defer l.wg.Done()
			for i := 0; ; i++ {
				select {
				case <-l.stop:
					return
				default:
				}
				note := fmt.Sprintf("w%d-%d", w, i)
				out, _, err := proc(t, db, "log", "call", "ACME", "--outcome", "reached", "--note", note)
				if err == nil && strings.Contains(out, "logged call") {
					l.mu.Lock()
					l.acked = append(l.acked, note)
					l.mu.Unlock()
				}
			}
		}()
	}
	return l
}

func (l *logger) finish() []string {
	close(l.stop)
	l.wg.Wait()
	return l.acked
}

func allLogged(t *testing.T, db string, acked []string) {
	t.Helper()
	if len(acked) == 0 {
		t.Fatal("no call was acknowledged")
	}
	if out, stderr, err := proc(t, db, "check"); err != nil {
		t.Fatalf("check: %v %s %s", err, out, stderr)
	}
	got := notes(t, db)
	lost := 0
	for _, n := range acked {
		if got[n] != 1 {
			lost++
		}
	}
	if lost > 0 {
		t.Errorf("%d of %d acknowledged calls lost", lost, len(acked))
	}
}

// TestBackupOntoTheBookWhileLogging: `backup` onto the book through a
// symlink or a hard link, while calls are logged, is refused every time; no
// acknowledged call is lost; a real backup meanwhile works.
func TestBackupOntoTheBookWhileLogging(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	link := filepath.Join(dir, "link.db")
	hard := filepath.Join(dir, "hard.db")
	if err := os.Symlink("book.db", link); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(db, hard); err != nil {
		t.Fatal(err)
	}
	l := startLoggers(t, db, 2)
	for i := range 8 {
		for _, target := range []string{link, hard, db} {
			_, stderr, err := proc(t, db, "backup", target)
			if err == nil {
				t.Errorf("backup onto %s succeeded", target)
			}
			saysOneLine(t, "backup onto "+target, stderr, "is the book itself")
		}
		// Each copy is made again and again: over an older backup, with --force.
		copyPath := filepath.Join(dir, fmt.Sprintf("copy%d.db", i%2))
		if _, stderr, err := proc(t, db, "backup", copyPath, "--force"); err != nil {
			t.Errorf("backup to %s while logging: %v %s", copyPath, err, stderr)
		}
	}
	acked := l.finish()
	allLogged(t, db, acked)
	if info, err := os.Lstat(link); err != nil || info.Mode().Type() != os.ModeSymlink {
		t.Error("the symlink to the book is gone")
	}
	if a, b := mustInfo(t, db), mustInfo(t, hard); !os.SameFile(a, b) {
		t.Error("the hard link no longer is the book")
	}
	if tmp := temps(dir); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
	t.Logf("%d acknowledged calls, all present", len(acked))
}

func mustInfo(t *testing.T, p string) os.FileInfo {
	t.Helper()
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return info
}

// TestDemoForceOnAHeldBook: `demo --force` does not replace a book another
// process holds, nor one written to while the demo was built.
func TestDemoForceOnAHeldBook(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	before, _ := os.ReadFile(db)
	held, err := bbolt.Open(db, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, stderr, err := proc(t, db, "demo", "--force", "--accounts", "5", "--as-of", "2026-11-22")
	held.Close()
	if err == nil {
		t.Fatal("demo --force replaced a held book")
	}
	saysOneLine(t, "demo --force on a held book", stderr, "the book is in use by another process")
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("demo --force on a held book took %v", took)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("the held book changed")
	}
	if tmp := temps(dir); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}

	// Written to while the demo is built: refused, nothing acknowledged lost.
	l := startLoggers(t, db, 2)
	time.Sleep(200 * time.Millisecond)
	_, stderr, err = proc(t, db, "demo", "--force", "--accounts", "600", "--as-of", "2026-11-22")
	acked := l.finish()
	if err == nil {
		t.Error("demo --force replaced a book that calls were being logged to")
	} else if !strings.Contains(stderr, "changed while the demo was being written") && !strings.Contains(stderr, "in use") {
		t.Errorf("demo --force during writes said %q", stderr)
	}
	allLogged(t, db, acked)
	if tmp := temps(dir); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}

	// No one using it: replaced, and through a symlink the link stays.
	link := filepath.Join(dir, "link.db")
	os.Symlink("book.db", link)
	if _, stderr, err := proc(t, link, "demo", "--force", "--accounts", "5", "--as-of", "2026-11-22"); err != nil {
		t.Fatalf("demo --force through a symlink: %v %s", err, stderr)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode().Type() != os.ModeSymlink {
		t.Error("demo replaced the symlink instead of its book")
	}
	if out, _, _ := proc(t, db, "report", "aging", "--format", "csv", "--as-of", "2026-11-22"); strings.Contains(out, "ACME") {
		t.Error("the book was not replaced by the demo")
	}
}

// TestBackupOntoDeviceOrDirectory: backup and demo never write over a
// directory, a FIFO or a device, and no command opens one as a book.
func TestBackupOntoDeviceOrDirectory(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o700)
	targets := map[string]string{fifo: "special file", sub: "is a directory"}
	var null string
	if os.Geteuid() == 0 {
		// A null device node of our own, in the temp directory.
		null = filepath.Join(dir, "null")
		if err := syscall.Mknod(null, syscall.S_IFCHR|0o600, int(1<<8|3)); err != nil {
			t.Fatal(err)
		}
		targets[null] = "special file"
	} else {
		t.Log("not root: no device node made; a FIFO stands for one")
	}
	check := func(target, want string) {
		t.Helper()
		for _, args := range [][]string{{"--db", db, "backup", target}, {"--db", target, "demo", "--force", "--accounts", "3"}} {
			start := time.Now()
			_, stderr, err := proc(t, args[1], args[2:]...)
			if err == nil {
				t.Errorf("%v succeeded", args)
			}
			saysOneLine(t, strings.Join(args, " "), stderr, want)
			if took := time.Since(start); took > 5*time.Second {
				t.Errorf("%v took %v", args, took)
			}
		}
		_, stderr, err := proc(t, target, "report", "aging")
		if err == nil {
			t.Errorf("report on %s succeeded", target)
		}
		saysOneLine(t, "report on "+target, stderr, "not an acctdesk book")
	}
	for target, want := range targets {
		check(target, want)
	}
	if info, _ := os.Lstat(fifo); info.Mode().Type() != os.ModeNamedPipe {
		t.Error("the FIFO was replaced")
	}
	if entries, _ := os.ReadDir(sub); len(entries) > 0 {
		t.Error("something was written into the directory")
	}
	if null != "" {
		if info, _ := os.Lstat(null); info.Mode().Type() != os.ModeDevice|os.ModeCharDevice {
			t.Error("the device node was replaced")
		}
	}
	if tmp := temps(dir); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
	// /dev/null itself, as root, only once the node above was refused (so
	// this never replaces it). It is only looked at: no command opens it.
	if null == "" || t.Failed() {
		return
	}
	var st syscall.Stat_t
	if err := syscall.Lstat("/dev/null", &st); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFCHR {
		t.Skip("/dev/null is not a character device here")
	}
	_, stderr, err := proc(t, db, "backup", "/dev/null")
	if err == nil {
		t.Error("backup /dev/null succeeded")
	}
	saysOneLine(t, "backup /dev/null", stderr, "special file")
	var after syscall.Stat_t
	if err := syscall.Lstat("/dev/null", &after); err != nil || after.Ino != st.Ino || after.Rdev != st.Rdev {
		t.Fatal("/dev/null was replaced")
	}
	if tmp, _ := filepath.Glob("/dev/.null.*"); len(tmp) > 0 {
		t.Errorf("temporary files in /dev: %v", tmp)
	}
}

// TestEmptyFileIsNotABook: no command, a read included, makes a book of an
// empty file; demo replaces it only with --force.
func TestEmptyFileIsNotABook(t *testing.T) {
	dir := t.TempDir()
	db := write(t, dir, "book.db", "")
	importBook(t, filepath.Join(dir, "real.db"), dir)
	for _, args := range [][]string{
		{"check"},
		{"report", "aging"},
		{"log", "call", "ACME", "--outcome", "reached"},
		{"import", "accounts", filepath.Join(dir, "accounts.csv")},
		{"backup", filepath.Join(dir, "copy.db")},
		{"demo", "--accounts", "3"},
	} {
		_, stderr, err := proc(t, db, args...)
		if err == nil {
			t.Errorf("%v on an empty file succeeded", args)
		}
		saysOneLine(t, fmt.Sprint(args), stderr, "not an acctdesk book")
		if info, _ := os.Stat(db); info.Size() != 0 {
			t.Fatalf("%v made the empty file %d bytes", args, info.Size())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "copy.db")); err == nil {
		t.Error("backup of an empty file wrote a copy")
	}
	if _, stderr, err := proc(t, db, "demo", "--accounts", "3"); err == nil || !strings.Contains(stderr, "--force") {
		t.Errorf("demo over an empty file: %v %q", err, stderr)
	}
	if _, stderr, err := proc(t, db, "demo", "--force", "--accounts", "3"); err != nil {
		t.Errorf("demo --force over an empty file: %v %s", err, stderr)
	}
	if out, stderr, err := proc(t, db, "check"); err != nil {
		t.Errorf("check of the demo: %v %s %s", err, out, stderr)
	}
}

// TestStaleTempSwept: the full-size temporary file a killed demo leaves is
// swept by the next demo; old ones of older versions by backup and by
// opening the book; a recent one of an older version is left.
func TestStaleTempSwept(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	cmd := exec.Command(binary, "--db", db, "--user", "ada", "demo", "--accounts", "3000", "--as-of", "2026-11-22")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var tmp string
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline) && tmp == ""; time.Sleep(20 * time.Millisecond) {
		for _, name := range temps(dir) {
			if info, err := os.Stat(filepath.Join(dir, name)); err == nil && info.Size() > 256<<10 {
				tmp = name
			}
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if tmp == "" {
		t.Fatal("the demo made no sizeable temporary file")
	}
	if _, err := os.Stat(filepath.Join(dir, tmp)); err != nil {
		t.Fatalf("the killed demo left no temporary file: %v", err)
	}
	if _, err := os.Stat(db); err == nil {
		t.Fatal("the killed demo left a book")
	}
	if _, stderr, err := proc(t, db, "demo", "--accounts", "3", "--as-of", "2026-11-22"); err != nil {
		t.Fatalf("demo after a killed demo: %v %s", err, stderr)
	}
	if left := temps(dir); len(left) > 0 {
		t.Errorf("after the next demo, temporary files left: %v", left)
	}

	old := time.Now().Add(-2 * time.Hour)
	mk := func(name string, mtime time.Time) string {
		p := write(t, dir, name, strings.Repeat("x", 4096))
		os.Chtimes(p, mtime, mtime)
		return p
	}
	oldBackup := mk(".copy.db.tmp-2417733001", old)
	oldDemo := mk("book.db.demo-tmp", old)
	recent := mk(".copy.db.tmp-1234", time.Now())
	if _, stderr, err := proc(t, db, "backup", filepath.Join(dir, "copy.db")); err != nil {
		t.Fatalf("backup: %v %s", err, stderr)
	}
	if _, stderr, err := proc(t, db, "report", "aging"); err != nil {
		t.Fatalf("report: %v %s", err, stderr)
	}
	for _, p := range []string{oldBackup, oldDemo} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s was not swept", filepath.Base(p))
		}
	}
	if _, err := os.Stat(recent); err != nil {
		t.Errorf("a recent temporary file of an older version was swept: %v", err)
	}
}

// TestFullDisk, on a 2 MiB tmpfs: a new book, a demo or a backup on a full
// disk says "no space left on device" and leaves no file; an import that
// runs out of space gives the file back its size (and the disk its space),
// and the book is as it was.
func TestFullDisk(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a small tmpfs")
	}
	dir := t.TempDir()
	mnt := filepath.Join(dir, "mnt")
	os.Mkdir(mnt, 0o700)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", mnt).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", mnt, err, out)
		}
	})
	free := func() int64 {
		var fs syscall.Statfs_t
		if err := syscall.Statfs(mnt, &fs); err != nil {
			t.Fatal(err)
		}
		return int64(fs.Bavail) * fs.Bsize
	}

	// A book in the tmpfs, and an import too big for it.
	db := filepath.Join(mnt, "book.db")
	importBook(t, db, dir)
	var big strings.Builder
	big.WriteString("account,number,issue_date,due_date,amount\n")
	for i := range 40000 {
		fmt.Fprintf(&big, "ACME,BIG-%06d,2026-08-01,2026-08-31,%d.00\n", i, 100+i)
	}
	bigCSV := write(t, dir, "big.csv", big.String())
	aging, _, _ := proc(t, db, "report", "aging", "--format", "csv", "--as-of", "2026-12-01")
	size, space := mustInfo(t, db).Size(), free()
	_, stderr, err := proc(t, db, "import", "invoices", bigCSV)
	if err == nil {
		t.Fatal("an import bigger than the disk succeeded")
	}
	saysOneLine(t, "import on a full disk", stderr, "no space left on device")
	if strings.Contains(stderr, "damaged") {
		t.Errorf("import on a full disk: %q", stderr)
	}
	if after := mustInfo(t, db).Size(); after != size {
		t.Errorf("after the failed import the book is %d bytes, was %d (the hook in writeSized: giveBackSpace)", after, size)
	}
	if after := free(); after < space-64<<10 {
		t.Errorf("after the failed import %d bytes are free, were %d", after, space)
	}
	if out, stderr, err := proc(t, db, "check"); err != nil {
		t.Errorf("check after the failed import: %v %s %s", err, out, stderr)
	}
	if got, _, _ := proc(t, db, "report", "aging", "--format", "csv", "--as-of", "2026-12-01"); got != aging {
		t.Errorf("the book changed:\n%s\n---\n%s", aging, got)
	}

	// The disk full to the last byte.
	filler, err := os.Create(filepath.Join(mnt, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 4096)
	for {
		if _, err := filler.Write(chunk); err != nil {
			break
		}
	}
	filler.Close()
	for _, c := range []struct {
		db   string
		args []string
	}{
		{filepath.Join(mnt, "new.db"), []string{"import", "accounts", filepath.Join(dir, "accounts.csv")}},
		{filepath.Join(mnt, "demo.db"), []string{"demo", "--accounts", "3"}},
		{filepath.Join(dir, "real.db"), []string{"backup", filepath.Join(mnt, "copy.db")}},
	} {
		if c.args[0] == "backup" {
			importBook(t, c.db, dir)
		}
		_, stderr, err := proc(t, c.db, c.args...)
		if err == nil {
			t.Errorf("%v on a full disk succeeded", c.args)
		}
		saysOneLine(t, fmt.Sprint(c.args), stderr, "no space left on device")
		if strings.Contains(stderr, "damaged") {
			t.Errorf("%v on a full disk: %q", c.args, stderr)
		}
	}
	entries, _ := os.ReadDir(mnt)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "book.db filler" {
		t.Errorf("files left on the full disk: %v", names)
	}
}

// TestDemoMakesItsDirectory: a demo into a directory that is not there yet
// (a first `acctdesk --demo`) makes it.
func TestDemoMakesItsDirectory(t *testing.T) {
	db := filepath.Join(t.TempDir(), "new", "dir", "demo.db")
	if _, stderr, err := proc(t, db, "demo", "--accounts", "3"); err != nil {
		t.Fatalf("demo into a new directory: %v %s", err, stderr)
	}
	if info, err := os.Stat(filepath.Dir(db)); err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("the directory: %v %v", info, err)
	}
}
