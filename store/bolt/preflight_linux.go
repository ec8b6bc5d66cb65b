package bolt

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"
	"time"

	"acctdesk/store"
)

// preflight looks at an existing book before a write maps it: the meta and
// freelist pages, read with pread under a shared lock, so that a damaged file
// is refused before bbolt could write to it. It reads a few pages and maps
// nothing, which keeps it a small part of a logged call.
func (s *Store) preflight(timeout time.Duration) error {
	f, err := os.Open(s.path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := lockShared(f, timeout); err != nil {
		if errors.Is(err, store.ErrInUse) {
			return fmt.Errorf("%w (%s)", err, s.path)
		}
		return err
	}
	defer syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	info, err := f.Stat()
	if err != nil {
		return err
	}
	w := &rawWalker{f: f, size: info.Size(), pageSize: os.Getpagesize(), seen: map[uint64]bool{}}
	if m := w.readMeta(0); m.err == "" && m.pageSize > 0 {
		w.pageSize = int(m.pageSize)
	}
	var txid uint64
	valid := false
	for id := uint64(0); id < 2; id++ {
		if m := w.readMeta(id); m.err == "" && (!valid || m.txid > txid) {
			txid, valid = m.txid, true
		}
	}
	if !valid {
		return fmt.Errorf("%w: %s: no valid meta page", store.ErrDamaged, s.path)
	}
	w.walk(txid, false)
	if len(w.problems) > 0 {
		return fmt.Errorf("%w: %s: %s", store.ErrDamaged, s.path, strings.Join(w.problems, "; "))
	}
	return nil
}

// lockShared takes a shared flock, waiting up to timeout as bbolt does.
func lockShared(f *os.File, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB)
		if err == nil {
			return nil
		}
		if err != syscall.EWOULDBLOCK {
			return err
		}
		if time.Now().After(deadline) {
			return store.ErrInUse
		}
		time.Sleep(50 * time.Millisecond)
	}
}
