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
func (s *Store) preflight(deadline time.Time) error {
	f, err := os.Open(s.path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := lockFile(f, false, deadline); err != nil {
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
	// Meta page 0 is at the start whatever the page size; it gives the page
	// size, and so where meta page 1 is.
	metas := [2]rawMeta{w.readMeta(0)}
	if m := metas[0]; m.err == "" && m.pageSize > 0 {
		w.pageSize = int(m.pageSize)
	}
	metas[1] = w.readMeta(1)
	var latest *rawMeta
	for i, m := range metas {
		if m.err != "" {
			// The write would put its meta page over the damaged one, and
			// with it the last commit, if the damaged one was the newer.
			return fmt.Errorf("%w: %s: %s", store.ErrDamaged, s.path, m.err)
		}
		if latest == nil || m.txid > latest.txid {
			latest = &metas[i]
		}
	}
	w.walkFrom(latest, false)
	if len(w.problems) > 0 {
		return fmt.Errorf("%w: %s: %s", store.ErrDamaged, s.path, strings.Join(w.problems, "; "))
	}
	return nil
}
