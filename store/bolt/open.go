// Package bolt keeps a book in one bbolt file. The Store holds no open file
// between calls: every method opens the file, runs one transaction and closes
// it, so several processes share the book politely (SPEC §6).
package bolt

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"syscall"
	"time"

	"acctdesk/domain"
	"acctdesk/store"

	bbolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Options tune a Store.
type Options struct {
	Now     func() time.Time // the clock; time.Now when nil
	Timeout time.Duration    // how long to wait for the file lock; 2s when zero
}

// DefaultTimeout is how long a method waits for another process to let go of the file.
const DefaultTimeout = 2 * time.Second

// Store is a book in a bbolt file.
type Store struct {
	path string
	opt  Options
}

var _ store.Store = (*Store)(nil)

// Open makes sure the book at path exists and is current: it creates the
// book (0600, parent directory 0700) when there is no file, in a temporary
// file renamed into place (files.go), and runs pending migrations. An empty
// file, a directory or a device is not an acctdesk book (store.ErrNotABook):
// only a missing file becomes a new book. The file is closed again before
// Open returns.
func Open(path string, opt Options) (*Store, error) {
	return openBook(path, opt, true)
}

func (s *Store) result(err error) (*Store, error) {
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Path is the book's file.
func (s *Store) Path() string { return s.path }

func (s *Store) now() time.Time { return s.opt.Now().UTC() }

// stamp is what a write's records are stamped with: the author its context
// carries, now. A write without an author is refused before it starts.
func (s *Store) stamp(ctx context.Context) (domain.Stamp, error) {
	if err := ctx.Err(); err != nil {
		return domain.Stamp{}, err
	}
	by := store.AuthorOf(ctx)
	if by == "" {
		return domain.Stamp{}, store.ErrNoAuthor
	}
	// Every record carries its author, and a record whose text holds a
	// control character is damage when read (SPEC §6): refuse it here.
	if err := domain.CheckText(by, true, maxAuthor); err != nil {
		return domain.Stamp{}, fmt.Errorf("author %q: %w", by, err)
	}
	return domain.Stamp{By: by, At: s.now()}, nil
}

// maxAuthor bounds an author's name.
const maxAuthor = 200

// view runs fn in a read-only transaction on a read-only open, so readers
// share the file lock.
//
// A reader that meets damage leaves the marker (markDamaged), so that no
// process writes to the book until check passes.
func (s *Store) view(fn func(tx *bbolt.Tx) error) error {
	o := txOpts{deadline: time.Now().Add(s.opt.Timeout)}
	err := s.run(o, nil, func(tx *bbolt.Tx) (bool, error) { return false, fn(tx) })
	s.markDamaged(err)
	return err
}

// write runs fn in a write transaction; fn says whether to commit (false
// when nothing changed, so an idle write neither syncs nor moves the counter).
// An existing file is first looked at under a shared lock (preflight).
func (s *Store) write(create bool, fn func(tx *bbolt.Tx) (bool, error)) error {
	return s.writeSized(create, 0, fn)
}

// writeSized is write for a transaction expected to add about grow bytes.
// bbolt remaps the file each time it outgrows its map, and every remap
// copies every page the transaction has touched onto the heap; mapping
// enough up front spares a large import a dozen such copies.
//
// A writer holds the gate (enterGate) from before the preflight until the
// file is closed: readers that come meanwhile wait behind it, so it waits
// only for those already in. The whole wait stays within one timeout.
//
// A book found damaged (its marker is there) is not written at all; a
// writer that meets damage leaves the marker, as a reader does.
func (s *Store) writeSized(create bool, grow int64, fn func(tx *bbolt.Tx) (bool, error)) error {
	if err := s.refuseDamaged(); err != nil {
		if _, statErr := os.Stat(s.path); !create || !errors.Is(statErr, os.ErrNotExist) {
			return err
		}
		// The book it was left for is gone; a new one starts whole.
		_ = os.Remove(s.marker())
	}
	err := s.writeChecked(create, grow, fn)
	s.markDamaged(err)
	return err
}

func (s *Store) writeChecked(create bool, grow int64, fn func(tx *bbolt.Tx) (bool, error)) error {
	o := txOpts{writable: true, create: create, deadline: time.Now().Add(s.opt.Timeout)}
	g, err := enterGate(s.path, true, create, o.deadline)
	if err != nil {
		return s.openError(err, true)
	}
	defer g.leave()
	var size int64
	if info, err := os.Stat(s.path); err == nil && info.Size() > 0 {
		size = info.Size()
		if err := s.preflight(o.deadline); err != nil {
			return err
		}
	}
	if grow > growHintFrom {
		o.mmap = int(min(size+grow, 1<<40))
	}
	return s.giveBackSpace(size, s.run(o, g, fn))
}

// growHintFrom is the size of write from which the file is mapped ahead.
// Below bbolt's allocation step (16 MiB) bbolt would also grow the file to
// the whole map, so small imports leave it to bbolt.
const growHintFrom = 16 << 20

// txOpts say how run opens the file.
type txOpts struct {
	writable, create bool
	deadline         time.Time // for the file's locks
	mmap             int       // initial map size; 0 lets bbolt choose
}

// run opens the file, runs one transaction and closes the file. A reader
// enters the gate here and leaves it as soon as it holds the file lock; a
// writer comes with the gate held (g). Damaged pages can make bbolt panic or
// fault inside the memory map; both are recovered here and reported as
// store.ErrDamaged, and the file is let go.
func (s *Store) run(o txOpts, g *gate, fn func(tx *bbolt.Tx) (bool, error)) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	var (
		file *os.File // bbolt's handle, captured so a panic can still release the lock
		db   *bbolt.DB
	)
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %s: %v", store.ErrDamaged, s.path, r)
			abandon(db, file)
		}
	}()
	if g == nil {
		if g, err = enterGate(s.path, false, false, o.deadline); err != nil {
			return s.openError(err, false)
		}
		defer g.leave()
	}
	db, err = bbolt.Open(s.path, 0o600, &bbolt.Options{
		// bbolt waits forever on a zero timeout.
		Timeout:         max(time.Until(o.deadline), time.Millisecond),
		ReadOnly:        !o.writable,
		InitialMmapSize: o.mmap,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			if !o.create {
				flag &^= os.O_CREATE // a book deleted under us is an error, not a new empty file
			}
			f, err := os.OpenFile(name, flag, perm)
			if err != nil {
				return nil, err
			}
			file = f
			if err := lockFile(f, o.writable, o.deadline); err != nil {
				f.Close()
				return nil, err
			}
			if err := refuseEmpty(f, o.create); err != nil {
				f.Close()
				return nil, err
			}
			return f, nil
		},
	})
	if err != nil {
		return s.openError(err, o.writable)
	}
	if !o.writable {
		g.leave()
	}
	if err := checkMetas(file, db.Info().PageSize); err != nil {
		_ = db.Close()
		return fmt.Errorf("%w: %s: %s", store.ErrDamaged, s.path, err)
	}
	err = runTx(db, file, o.writable, fn)
	if cerr := db.Close(); err == nil && cerr != nil {
		err = cerr
	}
	return err
}

func runTx(db *bbolt.DB, file *os.File, writable bool, fn func(tx *bbolt.Tx) (bool, error)) error {
	tx, err := db.Begin(writable)
	if err != nil {
		return err
	}
	if writable {
		defer guardTx(tx, file)()
	}
	done := false
	defer func() {
		if !done {
			_ = tx.Rollback()
		}
	}()
	if err := checkSize(tx); err != nil {
		return err
	}
	commit, err := fn(tx)
	if err != nil || !commit || !writable {
		return err // rolled back by the deferred call
	}
	err = tx.Commit()
	done = true // committed, or rolled back by Commit itself on error
	return err
}

// checkMetas reads both meta pages of the file: bbolt reads the book as of
// the newer valid one and ignores a damaged one without a word, so a
// damaged newer meta page would show the book as it was a commit ago, and
// the next write would put its own over it.
func checkMetas(f *os.File, pageSize int) error {
	w := &rawWalker{f: f, pageSize: pageSize}
	for id := range uint64(2) {
		if m := w.readMeta(id); m.err != "" {
			return errors.New(m.err)
		}
	}
	return nil
}

// checkSize refuses a file shorter than its own meta page says: reading the
// missing pages would fault.
func checkSize(tx *bbolt.Tx) error {
	info, err := os.Stat(tx.DB().Path())
	if err != nil {
		return err
	}
	if want := tx.Size(); info.Size() < want {
		return fmt.Errorf("%w: %s is truncated: %d bytes, the book needs %d", store.ErrDamaged, tx.DB().Path(), info.Size(), want)
	}
	return nil
}

// abandon lets go of a database after a panic. Close may block on locks the
// panicking transaction still holds, so it gets a moment, and then the file
// is closed directly, which releases the flock.
func abandon(db *bbolt.DB, file *os.File) {
	if db != nil {
		closed := make(chan struct{})
		go func() {
			defer func() { _ = recover(); close(closed) }()
			_ = db.Close()
		}()
		select {
		case <-closed:
			return
		case <-time.After(time.Second):
		}
	}
	if file != nil {
		_ = file.Close()
	}
}

// openError says what bbolt's refusal means for a book.
func (s *Store) openError(err error, writable bool) error {
	switch {
	case writable && errors.Is(err, os.ErrPermission):
		return fmt.Errorf("%w: %s: %v", store.ErrReadOnly, s.path, err)
	case errors.Is(err, berrors.ErrTimeout), errors.Is(err, store.ErrInUse):
		return fmt.Errorf("%w (%s)", store.ErrInUse, s.path)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch):
		return fmt.Errorf("%w: %s", store.ErrNotABook, s.path)
	case errors.Is(err, berrors.ErrChecksum):
		return fmt.Errorf("%w: %s: %v", store.ErrDamaged, s.path, err)
	case errors.Is(err, os.ErrNotExist), errors.Is(err, os.ErrPermission):
		return err
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return fmt.Errorf("%s: %w", s.path, err) // "no space left on device", not damage
	}
	// Kept with %w: an error of the system (a full disk, an I/O error) says
	// nothing of what the file holds, and leaves no damage marker.
	return fmt.Errorf("%w: %s: %w", store.ErrDamaged, s.path, err)
}
