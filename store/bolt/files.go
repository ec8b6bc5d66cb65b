package bolt

// Files written whole — a backup, a demo book, a new book — never go straight
// to their place (SPEC §6, Durability). Each is written to a temporary file
// beside its target, created exclusively (O_EXCL, 0600) and named
// .NAME.KIND-PID-RANDOM, whose writer holds an owner lock on it (see
// files_linux.go) for as long as it writes; it is synced and then renamed
// into place, and the directory is synced so the rename survives a crash.
//
// Before anything is written the target is resolved (symlinks followed: the
// file a link points at is the one replaced, and the link stays) and refused
// when it is a directory, a device or any other special file. The rename
// happens under the target's own locks — the writers' gate and bbolt's
// exclusive flock — and only when the target is still the very file that was
// looked at when the work began (same inode, size and modification time): a
// book another process holds, or wrote to meanwhile, is never replaced. When
// there was no file, the rename refuses to replace one that appeared since.
//
// A temporary file whose writer died (kill -9 included) is swept by the next
// command that would create one beside the same target, and when the book
// beside it is opened (sweepStale).

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"acctdesk/store"

	bbolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Kinds of temporary file, as they appear in the names.
const (
	kindBackup = "tmp"      // .NAME.tmp-PID-RANDOM: a backup being written
	kindDemo   = "demo-tmp" // .NAME.demo-tmp-PID-RANDOM: a demo book being built
	kindNew    = "new-tmp"  // .NAME.new-tmp-PID-RANDOM: a new book being created
)

// When a temporary file counts as stale (see tempStale): a file of this
// version whose owner lock is free is stale at once when the process named
// in it is gone, else after staleAfter without a change (the microseconds
// between creating a file and locking it, a recycled process id); a file
// named as older versions named them, which took no owner lock, after
// legacyStaleAfter.
const (
	staleAfter       = time.Minute
	legacyStaleAfter = time.Hour
)

// errAppeared: a file appeared at a target that had none when the work began.
var errAppeared = errors.New("appeared meanwhile")

// tempFile is a temporary file this process is writing and owns.
type tempFile struct {
	path string
	f    *os.File // open for as long as the file is ours: it holds the owner lock
}

// createTemp creates a temporary file of kind for the target base in dir,
// exclusively: an existing file or a symlink planted at the name is never
// opened (O_EXCL).
func createTemp(dir, base, kind string) (*tempFile, error) {
	var random [6]byte
	for range 100 {
		_, _ = rand.Read(random[:])
		p := filepath.Join(dir, fmt.Sprintf(".%s.%s-%d-%s", base, kind, os.Getpid(), hex.EncodeToString(random[:])))
		f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if err := lockOwner(f); err != nil {
			f.Close()
			os.Remove(p)
			return nil, err
		}
		return &tempFile{path: p, f: f}, nil
	}
	return nil, fmt.Errorf("no free temporary name beside %s", filepath.Join(dir, base))
}

// remove deletes the temporary file.
func (t *tempFile) remove() {
	t.f.Close()
	os.Remove(t.path)
}

// tempName says whether name, in the directory of the target base, is one
// of acctdesk's temporary files for it: legacy (named as older versions
// named them, with no owner lock) or carrying the id of its process.
func tempName(base, name string) (ok, legacy bool, pid int) {
	if name == base+".demo-tmp" {
		return true, true, 0
	}
	rest, found := strings.CutPrefix(name, "."+base+".")
	if !found {
		return false, false, 0
	}
	for _, kind := range []string{kindBackup, kindDemo, kindNew} {
		tail, found := strings.CutPrefix(rest, kind+"-")
		if !found {
			continue
		}
		if p, r, two := strings.Cut(tail, "-"); two {
			n, err := strconv.Atoi(p)
			if _, herr := hex.DecodeString(r); err == nil && herr == nil && n > 0 && len(r) == 12 {
				return true, false, n
			}
			continue
		}
		if _, err := strconv.ParseUint(tail, 10, 64); err == nil && kind == kindBackup {
			return true, true, 0 // os.CreateTemp's .NAME.tmp-DIGITS
		}
	}
	return false, false, 0
}

// sweepStale removes the stale temporary files of the target base in dir.
// Whatever it cannot read or remove it leaves: sweeping is tidying, never a
// reason for a command to fail.
func sweepStale(dir, base string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	names, _ := d.Readdirnames(-1)
	d.Close()
	for _, name := range names {
		ok, legacy, pid := tempName(base, name)
		if !ok {
			continue
		}
		p := filepath.Join(dir, name)
		info, err := os.Lstat(p)
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		removeIfStale(p, info, legacy, pid)
	}
}

// tempStale is the rule for a temporary file whose owner lock is free.
func tempStale(legacy bool, pid int, age time.Duration) bool {
	if legacy {
		return age >= legacyStaleAfter
	}
	return !processAlive(pid) || age >= staleAfter
}

// resolved is a target as it was found: the file a path names once every
// symlink is followed, and what was there (nil: nothing).
type resolved struct {
	path string
	info os.FileInfo
}

// resolveTarget follows path's symlinks and refuses what acctdesk never
// writes over: a directory, a device or another special file, and a symlink
// whose file is missing (the file to create would be a guess).
func resolveTarget(path string) (resolved, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return resolved{}, err
	}
	// Another process may create or remove the file between two looks:
	// look again, a few times, rather than call a new file a dangling link.
	for range 3 {
		if r, err := resolveSteps(path, abs); !errors.Is(err, errChanged) {
			return r, err
		}
	}
	return resolved{}, fmt.Errorf("%s: other processes keep creating and removing it", path)
}

// errChanged is a file found to have appeared between two steps of a look.
var errChanged = errors.New("changed meanwhile")

// resolveSteps is one look of resolveTarget.
func resolveSteps(path, abs string) (resolved, error) {
	real, err := filepath.EvalSymlinks(abs)
	switch {
	case err == nil:
		info, err := os.Lstat(real)
		if err != nil {
			return resolved{}, err
		}
		if err := regularFile(path, info); err != nil {
			return resolved{}, err
		}
		return resolved{path: real, info: info}, nil
	case !errors.Is(err, os.ErrNotExist):
		return resolved{}, err
	}
	if fi, err := os.Lstat(abs); err == nil {
		if fi.Mode()&os.ModeSymlink == 0 {
			return resolved{}, errChanged // a file appeared since EvalSymlinks looked
		}
		if _, err := os.Stat(abs); err == nil {
			return resolved{}, errChanged // the link's file appeared meanwhile
		}
		return resolved{}, fmt.Errorf("%s is a symlink to a file that does not exist", path)
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(abs))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return resolved{}, fmt.Errorf("the directory %s does not exist", filepath.Dir(abs))
		}
		return resolved{}, err
	}
	return resolved{path: filepath.Join(dir, filepath.Base(abs))}, nil
}

// regularFile refuses anything but a regular file.
func regularFile(name string, info os.FileInfo) error {
	switch m := info.Mode(); {
	case m.IsDir():
		return fmt.Errorf("%s is a directory", name)
	case !m.IsRegular():
		return fmt.Errorf("%s is %s, not a regular file", name, special(m))
	}
	return nil
}

// special names a kind of special file.
func special(m os.FileMode) string {
	switch {
	case m&os.ModeCharDevice != 0:
		return "a character device (a special file)"
	case m&os.ModeDevice != 0:
		return "a block device (a special file)"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe (a special file)"
	case m&os.ModeSocket != 0:
		return "a socket (a special file)"
	}
	return "a special file"
}

// sameState says whether a file is still the one that was looked at: the
// same inode, unchanged since (every committed bbolt write changes the
// modification time).
func sameState(a, b os.FileInfo) bool {
	return os.SameFile(a, b) && a.Size() == b.Size() && a.ModTime().Equal(b.ModTime())
}

// Replacement is a file being written whole to replace the file at its
// target, or to appear there when there is none, in one rename (see the top
// of this file).
type Replacement struct {
	what   string // what is being written, for messages: "backup", "demo"
	target resolved
	tmp    *tempFile
	opt    Options
	done   bool
}

// ReplaceBook starts building a new book to put at path (acctdesk demo): it
// resolves path, refuses a directory, a device and a book another process
// holds now, sweeps stale temporary files, notes the file that is there and
// creates the temporary file. Build the book with NewBook, then Commit, and
// Discard in every case (a no-op after Commit).
func ReplaceBook(path string, opt Options) (*Replacement, error) {
	return newReplacement(path, "demo", kindDemo, defaults(opt))
}

func defaults(opt Options) Options {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	return opt
}

func newReplacement(path, what, kind string, opt Options) (*Replacement, error) {
	t, err := resolveTarget(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	r := &Replacement{what: what, target: t, opt: opt}
	return r, r.start(kind)
}

// start looks at the target under its locks (a held book is refused now,
// not after the work) and creates the temporary file.
func (r *Replacement) start(kind string) error {
	dir, base := filepath.Split(r.target.path)
	sweepStale(dir, base)
	if r.target.info != nil {
		l, err := lockTarget(r.target.path, time.Now().Add(r.opt.Timeout))
		if err != nil {
			return r.lockError(err)
		}
		r.target.info = l.info
		l.release()
	}
	tmp, err := createTemp(dir, base, kind)
	if err != nil {
		return r.fail(err)
	}
	r.tmp = tmp
	return nil
}

// Target is the file the replacement goes to, symlinks followed.
func (r *Replacement) Target() string { return r.target.path }

// Existed says whether there was a file at the target when the work began.
func (r *Replacement) Existed() bool { return r.target.info != nil }

// NewBook makes the temporary file a new, current, empty book.
func (r *Replacement) NewBook() (*Store, error) {
	s := &Store{path: r.tmp.path, opt: r.opt}
	if err := s.write(true, func(tx *bbolt.Tx) (bool, error) { return migrate(tx, s.now()) }); err != nil {
		return nil, r.fail(err)
	}
	return s, nil
}

// Commit puts the temporary file in place. It refuses, and leaves the target
// as it is, when the target is held by another process for longer than the
// timeout, was changed or replaced since the work began, or appeared when
// there was none.
func (r *Replacement) Commit() error {
	if err := r.tmp.f.Sync(); err != nil {
		return r.fail(err)
	}
	dir := filepath.Dir(r.target.path)
	if r.target.info == nil {
		if err := renameNoReplace(r.tmp.path, r.target.path); err != nil {
			if errors.Is(err, os.ErrExist) {
				return fmt.Errorf("%s: %s %w while it was being written; nothing replaced: %w", r.what, r.target.path, errAppeared, err)
			}
			return r.fail(err)
		}
		return r.finish(dir, nil)
	}
	l, err := lockTarget(r.target.path, time.Now().Add(r.opt.Timeout))
	if err != nil {
		return r.lockError(err)
	}
	cur, err := os.Lstat(r.target.path)
	if err != nil || !sameState(l.info, r.target.info) || !os.SameFile(cur, l.info) {
		l.release()
		return fmt.Errorf("%s: %s changed while the %s was being written (another process wrote to it or replaced it); nothing replaced",
			r.what, r.target.path, r.what)
	}
	if err := os.Rename(r.tmp.path, r.target.path); err != nil {
		l.release()
		return r.fail(err)
	}
	// The directory is synced before the old file's locks go: whoever
	// writes to the new file next must find it there after a crash.
	return r.finish(dir, l)
}

func (r *Replacement) finish(dir string, l *targetLock) error {
	r.done = true
	// A damage marker (damage.go) was about the file that is gone.
	_ = os.Remove(r.target.path + markerSuffix)
	err := syncDir(dir)
	if l != nil {
		l.release()
	}
	r.tmp.f.Close() // lets the owner lock go; the name is the target's now
	if err != nil {
		return fmt.Errorf("%s: %w", r.what, err)
	}
	return nil
}

// Discard removes the temporary file unless Commit put it in place.
func (r *Replacement) Discard() {
	if r != nil && r.tmp != nil && !r.done {
		r.done = true
		r.tmp.remove()
		_ = os.Remove(r.tmp.path + markerSuffix) // what a failed write may have left (damage.go)
	}
}

// fail words an error of the work in one line, naming the target, and says
// "no space left on device" when that is what it was.
func (r *Replacement) fail(err error) error {
	if errors.Is(err, store.ErrInUse) || errors.Is(err, store.ErrReadOnly) {
		return err
	}
	if full, ok := diskFull(err); ok {
		return fmt.Errorf("%s %s: %w; nothing was written", r.what, r.target.path, full)
	}
	return fmt.Errorf("%s %s: %w", r.what, r.target.path, err)
}

func (r *Replacement) lockError(err error) error {
	if errors.Is(err, store.ErrInUse) {
		return fmt.Errorf("%s: %w (%s)", r.what, store.ErrInUse, r.target.path)
	}
	return r.fail(err)
}

// diskFull says whether err is the disk (or the user's quota) being full,
// and which: it looks at the message too, because openError words a bbolt
// error with %v.
func diskFull(err error) (error, bool) {
	for _, e := range []syscall.Errno{syscall.ENOSPC, syscall.EDQUOT} {
		if errors.Is(err, e) || strings.Contains(err.Error(), e.Error()) {
			return e, true
		}
	}
	return nil, false
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}

// openBook is Open (create) and OpenExisting.
func openBook(path string, opt Options, create bool) (*Store, error) {
	opt = defaults(opt)
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	s := &Store{path: abs, opt: opt}
	if create {
		if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
			return nil, fmt.Errorf("create the book's directory: %w", err)
		}
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		sweepStale(filepath.Dir(real), filepath.Base(real)) // where demo and a new book put theirs
	}
	for range 3 {
		info, err := os.Stat(abs)
		if errors.Is(err, os.ErrNotExist) && create {
			err := s.create()
			if errors.Is(err, errAppeared) {
				continue // another process created it first: open that one
			}
			return s.result(err)
		}
		if err != nil {
			return nil, err
		}
		if err := regularFile(abs, info); err != nil {
			return nil, fmt.Errorf("%w: %v", store.ErrNotABook, err)
		}
		if info.Size() == 0 {
			if err := s.notEmpty(); err != nil {
				return nil, err
			}
		}
		// An existing book: look without the write lock first, so opening a
		// current book never waits for, or blocks, other processes.
		var pending bool
		err = s.view(func(tx *bbolt.Tx) error {
			var err error
			pending, err = needsMigration(tx)
			return err
		})
		if err == nil && pending {
			err = s.write(false, func(tx *bbolt.Tx) (bool, error) { return migrate(tx, s.now()) })
		}
		return s.result(err)
	}
	return nil, fmt.Errorf("create the book %s: other processes keep creating and removing it", abs)
}

// OpenExisting is Open for a book that must already be there: it never
// creates one, nor the book's directory.
func OpenExisting(path string, opt Options) (*Store, error) {
	return openBook(path, opt, false)
}

// create makes the new book in a temporary file and renames it into place
// only if nothing appeared there meanwhile, so the book's name never holds a
// half-made or empty file, and a failure (a full disk) leaves nothing.
func (s *Store) create() error {
	r, err := newReplacement(s.path, "create the book", kindNew, s.opt)
	if err != nil {
		return err
	}
	defer r.Discard()
	if r.Existed() {
		return errAppeared
	}
	if _, err := r.NewBook(); err != nil {
		return err
	}
	if err := r.Commit(); err != nil {
		return err
	}
	if s.path != r.target.path {
		_ = os.Remove(s.marker()) // a marker left for a book that is gone
	}
	return nil
}

// notEmpty refuses an empty file: it is not a book, and no command but one
// that creates a book where there is no file turns it into one. A book
// another process (an older acctdesk) is creating this instant is empty until
// its creator has its locks, so the answer waits for them.
func (s *Store) notEmpty() error {
	deadline := time.Now().Add(s.opt.Timeout)
	g, err := enterGate(s.path, false, false, deadline)
	if err != nil {
		return s.openError(err, false)
	}
	defer g.leave()
	f, err := os.Open(s.path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := lockFile(f, false, deadline); err != nil {
		return s.openError(err, false)
	}
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if info.Size() == 0 {
		return fmt.Errorf("%w: %s is empty (0 bytes)", store.ErrNotABook, s.path)
	}
	return nil
}

// refuseEmpty keeps bbolt from making a book of an empty file: bbolt
// initialises any empty file it opens, so a book truncated to nothing under
// a running workstation would become a new empty book on the next write.
// For run's OpenFile, right after lockFile:
//
//	if err := refuseEmpty(f, o.create); err != nil { f.Close(); return nil, err }
//
// (berrors.ErrInvalid makes openError word it as store.ErrNotABook.)
func refuseEmpty(f *os.File, create bool) error {
	if create {
		return nil
	}
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if info.Size() == 0 {
		return fmt.Errorf("%w: %s is empty (%w)", store.ErrNotABook, f.Name(), berrors.ErrInvalid)
	}
	return nil
}

// giveBackSpace is for writeSized, on the result of its transaction:
//
//	return s.giveBackSpace(size, s.run(o, g, fn))
//
// bbolt grows the file before it writes the pages, so a write that runs out
// of space leaves the file grown and the disk full. The file gets back the
// size it had before the write (before; 0: unknown, left alone), under its
// exclusive lock (the writer still holds the gate), but never shorter than
// any valid meta page needs, and the error says so in one line.
func (s *Store) giveBackSpace(before int64, err error) error {
	if err == nil {
		return nil
	}
	full, ok := diskFull(err)
	if !ok {
		return err
	}
	if before > 0 {
		if serr := shrinkTo(s.path, before, time.Now().Add(s.opt.Timeout)); serr != nil {
			return fmt.Errorf("%s: %w; nothing was written, but the file could not be given back its size: %v", s.path, full, serr)
		}
	}
	return fmt.Errorf("%s: %w; nothing was written", s.path, full)
}

// shrinkTo truncates the book at path back to size, or to what its meta
// pages need if that is more.
func shrinkTo(path string, size int64, deadline time.Time) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := lockFile(f, true, deadline); err != nil {
		return err
	}
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if info.Size() <= size {
		return nil
	}
	need, ok := metaNeeds(f)
	if !ok {
		return errors.New("no valid meta page")
	}
	size = max(size, need)
	if info.Size() <= size {
		return nil
	}
	if err := f.Truncate(size); err != nil {
		return err
	}
	return f.Sync()
}

// metaNeeds is the file size the book's valid meta pages need: the highest
// page id either gives, times the page size (layout: rawcheck.go). Both
// metas count, not only the latest: a commit that failed in its last step
// may have left a valid new meta that a reader would take.
func metaNeeds(f *os.File) (int64, bool) {
	const header, metaLen = 16, 56 // page header; meta fields before the checksum
	read := func(off int64) (pageSize uint32, pgid uint64, ok bool) {
		b := make([]byte, header+metaLen+8)
		if _, err := f.ReadAt(b, off); err != nil && !errors.Is(err, io.EOF) {
			return 0, 0, false
		}
		m := b[header:]
		h := fnv.New64a()
		h.Write(m[:metaLen])
		ne := binary.NativeEndian
		if ne.Uint32(m[0:]) != 0xED0CDAED || ne.Uint32(m[4:]) != 2 || ne.Uint64(m[metaLen:]) != h.Sum64() {
			return 0, 0, false
		}
		return ne.Uint32(m[8:]), ne.Uint64(m[40:]), true
	}
	var need int64
	ps, pgid, ok0 := read(0)
	if ok0 {
		need = int64(pgid) * int64(ps)
	}
	found := ok0
	for _, size := range []int64{int64(ps), 4096, int64(os.Getpagesize())} {
		if size <= 0 {
			continue
		}
		if ps1, pgid1, ok := read(size); ok && int64(ps1) == size {
			need, found = max(need, int64(pgid1)*size), true
			break
		}
	}
	return need, found
}
