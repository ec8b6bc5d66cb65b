package bolt

import (
	"context"

	"acctdesk/domain"
	"acctdesk/store"

	bbolt "go.etcd.io/bbolt"
)

// Assign gives accounts a new owner in one write transaction, each changed
// account with its assignment entry on the timeline: the account records
// are rewritten through the applier, so they are stamped and sealed like
// every record, the touched accounts' facts are made again in the same
// transaction, and the change log names exactly those accounts. An account
// not in the book stops the whole write: nothing is stored.
func (s *Store) Assign(ctx context.Context, as store.Assignment) ([]store.Reassigned, error) {
	stamp, err := s.stamp(ctx)
	if err != nil {
		return nil, err
	}
	codes, err := store.CheckAssignment(as)
	if err != nil {
		return nil, err
	}
	var out []store.Reassigned
	err = s.writeSized(false, int64(len(codes))*1200, func(tx *bbolt.Tx) (bool, error) {
		out = out[:0]
		a, err := newApplier(tx, stamp, false)
		if err != nil {
			return false, err
		}
		for _, code := range codes {
			acc, err := readAccount(a.b, code, nil)
			if err != nil {
				return false, err
			}
			if acc.Owner == as.Owner {
				continue
			}
			was := acc.Owner
			acc.Owner, acc.Stamp = as.Owner, domain.Stamp{} // stamped by this write
			a.account(store.Rec[domain.Account]{V: acc})
			a.activity(store.ActivityEntry{Activity: domain.AssignmentEntry(code, as.On, was, as.Owner, stamp.By)})
			out = append(out, store.Reassigned{Account: code, Was: was})
		}
		if err := a.finish(); err != nil {
			return false, asValidation(err)
		}
		for i := range out {
			out[i].Activity = a.activities[i]
		}
		return a.flush()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
