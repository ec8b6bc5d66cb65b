package bolt

import (
	"fmt"
	"os"

	bbolt "go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the book to path while other processes
// keep using it: a read transaction's view goes to a temporary file beside
// the target (created exclusively, 0600), which is synced and renamed over
// the target under the target's locks, and the directory is synced so the
// rename itself survives a crash (files.go).
//
// Symlinks are followed: the file a link points at is the one written, and
// the link stays. Refused, with nothing written: the book itself (through a
// symlink or a hard link too), a directory, a device or another special
// file, a file another process holds for longer than the timeout, and a file
// another process wrote to while the copy was made. A file that is neither
// (an older backup) is replaced.
func (s *Store) Backup(path string) error {
	t, err := resolveTarget(path)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if t.info != nil {
		if book, err := os.Stat(s.path); err == nil && os.SameFile(book, t.info) {
			return fmt.Errorf("backup: %s is the book itself", path)
		}
	}
	r := &Replacement{what: "backup", target: t, opt: defaults(s.opt)}
	if err := r.start(kindBackup); err != nil {
		return err
	}
	defer r.Discard()
	err = s.view(func(tx *bbolt.Tx) error {
		_, err := tx.WriteTo(r.tmp.f)
		return err
	})
	if err != nil {
		return r.fail(err)
	}
	return r.Commit()
}
