package bolt

import (
	"context"
	"errors"

	"acctdesk/domain"
	"acctdesk/store"

	bbolt "go.etcd.io/bbolt"
)

// The single-record writes go through the same applier as Apply, so they are
// stamped, checked and counted the same way. A refused record comes back as
// a domain.ValidationError (field by field, for the form that sent it); an
// unknown account as store.ErrNotFound.

// LogActivity appends an activity with its optional promise and follow-up.
func (s *Store) LogActivity(ctx context.Context, e store.ActivityEntry) (domain.Activity, error) {
	e.Activity.ID = 0 // always a new entry
	var out domain.Activity
	err := s.single(ctx, e.Activity.Account, func(a *applier) {
		a.activity(e)
	}, func(a *applier) {
		out = a.activities[0]
	})
	return out, err
}

// OpenEscalation stores a new escalation and its timeline entry in one transaction.
func (s *Store) OpenEscalation(ctx context.Context, e domain.Escalation, note domain.Activity) (domain.Escalation, error) {
	if e.Opened.IsZero() {
		e.Opened = note.On
	}
	if note.On.IsZero() {
		note.On = e.Opened
	}
	note.Account = e.Account
	if note.Text == "" {
		note.Text = e.Summary
	}
	note.Kind = "escalation"
	e.ID, note.ID = 0, 0 // always new
	var out domain.Escalation
	err := s.single(ctx, e.Account, func(a *applier) {
		a.escalation(store.Rec[domain.Escalation]{V: e})
		if len(a.errs) == 0 {
			a.activity(store.ActivityEntry{Activity: note})
		}
	}, func(a *applier) {
		out = a.escalations[0]
	})
	return out, err
}

// Mark stores a queue decision on its account, replacing an earlier one with
// the same key.
func (s *Store) Mark(ctx context.Context, m domain.QueueMark) error {
	return s.single(ctx, m.Account, func(a *applier) {
		a.mark(store.Rec[domain.QueueMark]{V: m})
	}, func(*applier) {})
}

// single runs one record's write: account check, plan, flush.
func (s *Store) single(ctx context.Context, account string, plan, done func(a *applier)) error {
	stamp, err := s.stamp(ctx)
	if err != nil {
		return err
	}
	return s.write(false, func(tx *bbolt.Tx) (bool, error) {
		a, err := newApplier(tx, stamp, false)
		if err != nil {
			return false, err
		}
		if account != "" && domain.CheckCode(account) == nil {
			if _, err := readAccount(a.b, account, nil); err != nil {
				return false, err
			}
		}
		plan(a)
		if err := a.finish(); err != nil {
			return false, asValidation(err)
		}
		done(a)
		return a.flush()
	})
}

// asValidation turns row errors of a single record into field errors.
func asValidation(err error) error {
	var rows store.RowErrors
	if !errors.As(err, &rows) {
		return err
	}
	out := make(domain.ValidationError, len(rows))
	for i, r := range rows {
		out[i] = domain.FieldError{Field: r.Field, Reason: r.Reason}
	}
	return out
}

// SaveSettings replaces the book settings.
func (s *Store) SaveSettings(ctx context.Context, set domain.Settings) error {
	if err := set.Validate(); err != nil {
		return err
	}
	_, err := s.UpdateSettings(ctx, func(stored *domain.Settings) error { *stored = set; return nil })
	return err
}

// UpdateSettings changes the settings as stored, inside the write.
func (s *Store) UpdateSettings(ctx context.Context, edit func(*domain.Settings) error) (domain.Settings, error) {
	if _, err := s.stamp(ctx); err != nil {
		return domain.Settings{}, err
	}
	var set domain.Settings
	err := s.write(false, func(tx *bbolt.Tx) (bool, error) {
		b, err := bucketsOf(tx)
		if err != nil {
			return false, err
		}
		if set, err = readSettings(b); err != nil {
			return false, err // damaged settings are not silently replaced
		}
		if err := edit(&set); err != nil {
			return false, err
		}
		if err := set.Validate(); err != nil {
			return false, err
		}
		val := appendSettings(nil, &set)
		old, _ := get(b.meta, bucketMeta, metaSettings)
		if string(old) == string(val) {
			return false, nil
		}
		if err := putSealed(b.meta, bucketMeta, metaSettings, val); err != nil {
			return false, err
		}
		return true, bumpChanges(tx, change{settings: true})
	})
	if err != nil {
		return domain.Settings{}, err
	}
	return set, nil
}
