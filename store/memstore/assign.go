package memstore

import (
	"context"

	"acctdesk/domain"
	"acctdesk/store"
)

// Assign gives accounts a new owner together, each changed account with its
// assignment entry on the timeline; an account not in the book refuses the
// whole assignment.
func (s *Store) Assign(ctx context.Context, as store.Assignment) ([]store.Reassigned, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.begin(ctx); err != nil {
		return nil, err
	}
	codes, err := store.CheckAssignment(as)
	if err != nil {
		return nil, err
	}
	a := newApplier(s, store.AuthorOf(ctx), false, false)
	var out []store.Reassigned
	for _, code := range codes {
		if err := a.known(code); err != nil {
			return nil, err
		}
		acc := s.files[code].Account
		if acc.Owner == as.Owner {
			continue
		}
		was := acc.Owner
		acc.Owner, acc.Stamp = as.Owner, domain.Stamp{}
		a.account(store.Rec[domain.Account]{V: acc})
		a.activity(store.ActivityEntry{Activity: domain.AssignmentEntry(code, as.On, was, as.Owner, a.stamp.By)})
		out = append(out, store.Reassigned{Account: code, Was: was})
	}
	if err := a.finish(); err != nil {
		return nil, asValidation(err)
	}
	for i := range out {
		out[i].Activity = a.activities[i]
	}
	a.flush()
	return out, nil
}
