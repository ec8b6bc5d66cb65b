//go:build !linux

package bolt

import (
	"os"
	"time"
)

// Elsewhere there are no OFD locks (see the Linux version): a temporary file
// carries no owner lock, the target is locked only as far as lockFile does
// (not at all), and a temporary file is stale when it has not changed for
// legacyStaleAfter.

func lockOwner(*os.File) error { return nil }

func processAlive(int) bool { return true }

func removeIfStale(p string, info os.FileInfo, _ bool, _ int) {
	if time.Since(info.ModTime()) >= legacyStaleAfter {
		os.Remove(p)
	}
}

type targetLock struct {
	f    *os.File
	info os.FileInfo
}

func lockTarget(path string, deadline time.Time) (*targetLock, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err == nil {
		err = regularFile(path, info)
	}
	if err == nil {
		err = lockFile(f, true, deadline)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return &targetLock{f: f, info: info}, nil
}

func (l *targetLock) release() { l.f.Close() }

// renameNoReplace links new to old's file, which fails when new exists, and
// removes old.
func renameNoReplace(old, new string) error {
	if err := os.Link(old, new); err != nil {
		return err
	}
	return os.Remove(old)
}
