package bolt

import (
	bbolt "go.etcd.io/bbolt"
)

// Codes lists every account's code, in code order, from the keys of the
// accounts bucket alone: no record is read or decoded, so matching a code
// typed in another case (desk.ResolveCode) costs a walk of the keys, not a
// read of the book. A code found this way is then read as any other, its
// record checked.
func (s *Store) Codes() ([]string, error) {
	var codes []string
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := bucketsOf(tx)
		if err != nil {
			return err
		}
		c := b.accounts.Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			codes = append(codes, string(k))
		}
		return nil
	})
	return codes, err
}
