package desk

import (
	"context"
	"errors"
	"fmt"

	"acctdesk/domain"
	"acctdesk/store"
)

// guardedTries is how often a read-modify-write reads again when the
// account was written meanwhile before it gives up.
const guardedTries = 5

// errNothing is what work returns to write nothing (the account needs no change).
var errNothing = errors.New("nothing to write")

// readModifyWrite reads an account's file, lets work make the batch that
// changes it, and writes that batch guarded (store.Batch.Guard): when the
// account was written by someone else between the read and the write, the
// batch is refused whole and the file is read and worked out again, so two
// processes at once never write over each other's work (SPEC §6). It
// returns the file the written batch was made from, and the write's result;
// work returning errNothing writes nothing (and is no error).
func (d *Desk) readModifyWrite(ctx context.Context, code string, work func(f *domain.AccountFile) (*store.Batch, error)) (*domain.AccountFile, store.Result, error) {
	for range guardedTries {
		since, err := d.st.Changes()
		if err != nil {
			return nil, store.Result{}, err
		}
		f, err := d.st.LoadAccount(code)
		if err != nil {
			return nil, store.Result{}, err
		}
		b, err := work(f)
		if errors.Is(err, errNothing) {
			return f, store.Result{}, nil
		}
		if err != nil {
			return f, store.Result{}, err
		}
		b.Guard, b.Since = append(b.Guard, f.Account.Code), since
		res, err := d.st.Apply(ctx, b)
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err != nil {
			return f, res, asFields(err)
		}
		d.wrote()
		return f, res, nil
	}
	return nil, store.Result{}, fmt.Errorf("account %s kept changing while this was written: try again", code)
}
