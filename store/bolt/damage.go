package bolt

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"acctdesk/domain"
	"acctdesk/store"
)

// A book found damaged stays read-only until check passes (SPEC §6:
// nothing is written to a book that fails its own checks). A process
// cannot check the whole book before every write — a logged call would
// cost as much as `acctdesk check` — so what one process finds is told to
// every other through a marker beside the book, BOOK.damaged: any reader or
// writer that meets damage, and Check when it fails, creates it (once,
// exclusively, synced, with the time and a one-line reason); every write
// refuses while it exists; Damaged reports it, so that the command line and
// the workstation warn that the book is read-only; and Check removes it
// when the whole book passes.

// markerSuffix names the marker: the book's path with this added.
const markerSuffix = ".damaged"

// markerMax bounds what is read of a marker (it holds one line).
const markerMax = 2048

func (s *Store) marker() string { return s.path + markerSuffix }

// Damaged reports whether the book was found damaged: nil when it was not,
// else a one-line error (wrapping store.ErrDamaged) saying when and what,
// and that the book is read-only until `acctdesk check` passes.
func (s *Store) Damaged() error {
	reason, at, ok := s.readMarker()
	if !ok {
		return nil
	}
	return fmt.Errorf("%w: %s failed its integrity check%s (%s); it is read-only until acctdesk check passes",
		store.ErrDamaged, s.path, at, reason)
}

// refuseDamaged is the error of a write while the marker exists.
func (s *Store) refuseDamaged() error {
	reason, at, ok := s.readMarker()
	if !ok {
		return nil
	}
	return fmt.Errorf("%w: %s failed its integrity check%s (%s): run acctdesk check (%w)",
		store.ErrReadOnly, s.path, at, reason, store.ErrDamaged)
}

// readMarker reads the marker: its reason and " at TIME", and whether it exists.
func (s *Store) readMarker() (reason, at string, ok bool) {
	f, err := os.Open(s.marker())
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", "", false
		}
		// Present but unreadable still refuses writes.
		return fmt.Sprintf("the marker %s cannot be read: %v", s.marker(), err), "", true
	}
	defer f.Close()
	b, _ := io.ReadAll(io.LimitReader(f, markerMax))
	line := strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0])
	when, rest, found := strings.Cut(line, " ")
	if t, err := time.Parse(time.RFC3339, when); err == nil && found {
		at, line = " at "+t.UTC().Format("2006-01-02 15:04:05 UTC"), rest
	}
	if line == "" {
		line = "no reason given"
	}
	return domain.Safe(line), at, true
}

// markDamaged leaves the marker for err, unless it is there already. A
// marker that cannot be made (a read-only directory) is left unmade: the
// error itself still reaches the caller.
func (s *Store) markDamaged(err error) {
	var errno syscall.Errno
	if err == nil || !errors.Is(err, store.ErrDamaged) || errors.Is(err, errNotDamage) || errors.As(err, &errno) {
		return // not damage, or an error of the system rather than of the file
	}
	if _, statErr := os.Lstat(s.marker()); statErr == nil {
		return
	}
	if _, statErr := os.Stat(s.path); statErr != nil {
		return // no book (deleted, never made): nothing to mark
	}
	f, ferr := os.OpenFile(s.marker(), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if ferr != nil {
		return // another process made it first, or the directory is read-only
	}
	reason := oneLine(strings.TrimPrefix(strings.TrimPrefix(err.Error(), store.ErrDamaged.Error()+": "), s.path+": "))
	_, werr := fmt.Fprintf(f, "%s %s\n", s.now().Format(time.RFC3339), reason)
	if serr := f.Sync(); werr == nil {
		werr = serr
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return
	}
	syncDirOf(s.marker())
}

// clearMarker removes the marker after a check that passed, if it is still
// the one that was there before the check began (before: its FileInfo then,
// nil when there was none): a marker left meanwhile by another process, for
// what it met after this check's transaction, stays.
func (s *Store) clearMarker(before os.FileInfo) error {
	if before == nil {
		return nil
	}
	now, err := os.Lstat(s.marker())
	if err != nil {
		return nil
	}
	if !os.SameFile(before, now) || !before.ModTime().Equal(now.ModTime()) || before.Size() != now.Size() {
		return nil
	}
	if err := os.Remove(s.marker()); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("the book passed its check, but its marker stays: %w", err)
	}
	syncDirOf(s.marker())
	return nil
}

// markerInfo is the marker's FileInfo, nil when there is none.
func (s *Store) markerInfo() os.FileInfo {
	info, err := os.Lstat(s.marker())
	if err != nil {
		return nil
	}
	return info
}

// errNotDamage marks errors that wrap store.ErrDamaged without the file
// being damaged (a book at another schema version than this code reads):
// they leave no marker.
var errNotDamage = errors.New("not damage")

// oneLine is an error message's first line (check's summary, when it lists
// problems), short enough for a marker.
func oneLine(msg string) string {
	msg, _, _ = strings.Cut(msg, "\n")
	msg = strings.TrimSuffix(strings.Join(strings.Fields(msg), " "), ":")
	if len(msg) > markerMax/2 {
		cut := markerMax / 2
		for cut > 0 && msg[cut]&0xC0 == 0x80 { // not inside a UTF-8 sequence
			cut--
		}
		msg = msg[:cut] + " …"
	}
	return msg
}

// syncDirOf syncs the directory holding path, so that a marker's creation
// or removal survives a crash.
func syncDirOf(path string) {
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
