package bolt

import (
	"errors"
	"io"
	"os"
	"syscall"
	"time"

	"acctdesk/store"

	"golang.org/x/sys/unix"
)

// The gate puts writers first (SPEC §6: a writer is never refused because
// readers keep the file busy). bbolt's flock alone lets back-to-back readers,
// each holding a shared lock for a few milliseconds, overlap forever while a
// writer waits for a moment when none holds one. So every open first takes
// an OFD lock on one byte far past the end of the book — shared for a
// reader, exclusive for a writer — on a descriptor of its own: a reader
// holds it only until it has its flock, a writer until it has closed the
// file. New readers then wait behind a waiting writer, which waits only for
// the readers already in. OFD locks belong to the open file, not the
// process, so they also keep apart two opens in one process, and they are
// independent of flock.

// gateOffset is where the gate's byte lies: past any book's end, and no
// other lock touches it.
const gateOffset = 1 << 62

// gate is a held gate lock.
type gate struct{ f *os.File }

// enterGate takes the gate, waiting until deadline at most. A writer creates
// the book when it may (create), as bbolt would.
func enterGate(path string, exclusive, create bool, deadline time.Time) (*gate, error) {
	flag, typ := os.O_RDONLY, int16(unix.F_RDLCK)
	if exclusive {
		flag, typ = os.O_RDWR, unix.F_WRLCK // a write lock needs a descriptor open for writing
	}
	if create {
		flag |= os.O_CREATE
	}
	f, err := os.OpenFile(path, flag, 0o600)
	if err != nil {
		return nil, err
	}
	lk := unix.Flock_t{Type: typ, Whence: io.SeekStart, Start: gateOffset, Len: 1}
	err = retry(deadline, func() (bool, error) {
		err := unix.FcntlFlock(f.Fd(), unix.F_OFD_SETLK, &lk)
		if errors.Is(err, unix.EAGAIN) || errors.Is(err, unix.EACCES) {
			return false, nil
		}
		return err == nil, err
	})
	if err != nil {
		f.Close()
		return nil, err
	}
	return &gate{f}, nil
}

// leave lets the gate go (closing its descriptor drops the lock); again is a no-op.
func (g *gate) leave() {
	if g.f != nil {
		g.f.Close()
		g.f = nil
	}
}

// lockFile takes bbolt's flock on bbolt's own descriptor before bbolt does
// (bbolt's then succeeds at once): so a reader holds the gate only for an
// open and a flock, and a writer waiting for readers to finish retries
// more often than bbolt's 50 ms.
func lockFile(f *os.File, exclusive bool, deadline time.Time) error {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	return retry(deadline, func() (bool, error) {
		err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return false, nil
		}
		return err == nil, err
	})
}

// retry calls try until it succeeds, fails, or deadline passes
// (store.ErrInUse), waiting a little longer each time: locks here are held
// for milliseconds.
func retry(deadline time.Time, try func() (bool, error)) error {
	wait := 100 * time.Microsecond
	for {
		ok, err := try()
		if ok || err != nil {
			return err
		}
		if time.Now().After(deadline) {
			return store.ErrInUse
		}
		time.Sleep(min(wait, time.Until(deadline)))
		wait = min(2*wait, 5*time.Millisecond)
	}
}
