//go:build !linux

package bolt

import bbolt "go.etcd.io/bbolt"

// releaseMapped does nothing where the resident set is not worth the system call.
func releaseMapped(*bbolt.Tx) {}
