//go:build !linux

package bolt

import (
	"fmt"
	"strings"
	"time"

	"acctdesk/store"

	bbolt "go.etcd.io/bbolt"
)

// preflight looks at an existing book before a write maps it (see the Linux
// version), here through a read-only bbolt open.
func (s *Store) preflight(deadline time.Time) error {
	o := s.opt
	o.Timeout = max(time.Until(deadline), time.Millisecond)
	return (&Store{path: s.path, opt: o}).view(func(tx *bbolt.Tx) error {
		if problems := rawPreflight(tx); len(problems) > 0 {
			return fmt.Errorf("%w: %s: %s", store.ErrDamaged, s.path, strings.Join(problems, "; "))
		}
		return nil
	})
}
