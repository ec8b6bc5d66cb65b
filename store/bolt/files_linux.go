package bolt

import (
	"errors"
	"io"
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// ownerOffset is the byte of a temporary file its writer holds an OFD write
// lock on while it writes the file. OFD locks belong to the open file: the
// lock lasts as long as the writer's descriptor and dies with its process,
// kill -9 included, and it is independent of bbolt's flock and of the gate's
// byte (gateOffset), so bbolt can build a book in the file meanwhile.
const ownerOffset = gateOffset + 1

func ownerLock(f *os.File) error {
	lk := unix.Flock_t{Type: unix.F_WRLCK, Whence: io.SeekStart, Start: ownerOffset, Len: 1}
	return unix.FcntlFlock(f.Fd(), unix.F_OFD_SETLK, &lk)
}

// lockOwner marks a temporary file as its creator's.
func lockOwner(f *os.File) error { return ownerLock(f) }

// processAlive says whether a process with the id runs (in this pid namespace).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// removeIfStale removes the temporary file at p if its writer is gone: its
// owner lock is free (a legacy file: bbolt's flock too) and tempStale says so.
func removeIfStale(p string, info os.FileInfo, legacy bool, pid int) {
	f, err := os.OpenFile(p, os.O_RDWR|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		return
	}
	defer f.Close() // after the removal: the lock taken here keeps the file ours till then
	if ownerLock(f) != nil {
		return // its writer holds it
	}
	if legacy && syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) != nil {
		return
	}
	now, err := f.Stat()
	if err != nil || !os.SameFile(now, info) || !tempStale(legacy, pid, time.Since(now.ModTime())) {
		return
	}
	os.Remove(p)
}

// targetLock holds a file about to be replaced as a writer would: the gate
// and bbolt's exclusive flock, on a descriptor of its own.
type targetLock struct {
	f    *os.File
	info os.FileInfo // the file as it is under the locks
}

// lockTarget takes a target's locks, waiting until deadline at most
// (store.ErrInUse). It opens the file without following a symlink and
// without blocking (a FIFO swapped in meanwhile), and refuses what is not a
// regular file. A file it may not open for writing gets the flock only.
func lockTarget(path string, deadline time.Time) (*targetLock, error) {
	const flags = syscall.O_NOFOLLOW | syscall.O_NONBLOCK
	writable := true
	f, err := os.OpenFile(path, os.O_RDWR|flags, 0)
	if errors.Is(err, os.ErrPermission) {
		writable = false
		f, err = os.OpenFile(path, os.O_RDONLY|flags, 0)
	}
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err == nil {
		err = regularFile(path, info)
	}
	if err == nil && writable {
		lk := unix.Flock_t{Type: unix.F_WRLCK, Whence: io.SeekStart, Start: gateOffset, Len: 1}
		err = retry(deadline, func() (bool, error) {
			err := unix.FcntlFlock(f.Fd(), unix.F_OFD_SETLK, &lk)
			if errors.Is(err, unix.EAGAIN) || errors.Is(err, unix.EACCES) {
				return false, nil
			}
			return err == nil, err
		})
	}
	if err == nil {
		err = lockFile(f, true, deadline)
	}
	if err == nil {
		info, err = f.Stat() // as it is now that no writer is in
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return &targetLock{f: f, info: info}, nil
}

// release lets the locks go.
func (l *targetLock) release() { l.f.Close() }

// renameNoReplace renames old to new unless new exists (os.ErrExist), in one
// step: renameat2(RENAME_NOREPLACE), or link and unlink where the file
// system has no such rename.
func renameNoReplace(old, new string) error {
	err := unix.Renameat2(unix.AT_FDCWD, old, unix.AT_FDCWD, new, unix.RENAME_NOREPLACE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.ENOTSUP) {
		if err := os.Link(old, new); err != nil {
			return err
		}
		return os.Remove(old)
	}
	if err != nil {
		return &os.LinkError{Op: "rename", Old: old, New: new, Err: err}
	}
	return nil
}
