package bolt

import (
	"syscall"

	bbolt "go.etcd.io/bbolt"
)

// releaseMapped lets go of the file pages a read transaction has touched so
// far: they leave this process's resident set (the kernel maps whole runs of
// neighbouring cached pages on each fault, so a walk over one bucket would
// otherwise hold pages of every bucket) and stay in the page cache, where the
// next read finds them again. The mapping is shared and read-only, so its
// contents are unchanged; only the page-table entries go.
func releaseMapped(tx *bbolt.Tx) {
	info := tx.DB().Info()
	_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, info.Data, uintptr(tx.Size()), syscall.MADV_DONTNEED)
}
