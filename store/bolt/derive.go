package bolt

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"acctdesk/domain"
	"acctdesk/store"

	bbolt "go.etcd.io/bbolt"
)

// Each account's facts (domain.Facts) are kept beside its records and
// rewritten in the transaction that writes them: the ledger when its
// documents change, the rest when any other record of it (or its row) does,
// so logging a call never reads the account's documents. Both are made by
// the domain's functions from the records as the transaction sees them;
// Check makes them again and compares.

// touched names, sorted, the accounts a write changed.
type touched struct {
	documents []string // invoices, payments or credit notes written: the ledger is made again
	records   []string // the row or another record written: the rest of the facts is made again
}

// all is every touched account, sorted, each once.
func (t touched) all() []string {
	return slices.Compact(slices.Sorted(slices.Values(slices.Concat(t.documents, t.records))))
}

// restate rewrites the ledgers and facts of the touched accounts. An
// account's facts say whether it has a ledger, so an account that gains its
// first document (or loses its last) has its facts made again too.
func restate(b *buckets, t touched, report func(store.Progress)) error {
	var flagged []string
	for _, code := range t.documents {
		if _, found := slices.BinarySearch(t.records, code); found {
			continue
		}
		if had := b.ledgers.Get([]byte(code)) != nil; had != hasDocuments(b, code) || hasDisputes(b, code) {
			// An account with disputes keeps in its facts where each
			// disputed invoice is in the ledger (Facts.DisputeInvoices).
			flagged = append(flagged, code)
		}
	}
	if len(flagged) > 0 {
		t.records = slices.Sorted(slices.Values(slices.Concat(t.records, flagged)))
	}
	total, done := len(t.documents)+len(t.records), 0
	progress := func() {
		if done++; report != nil && done%512 == 0 {
			report(store.Progress{Stage: "summarising", Done: done, Total: total})
		}
	}
	in := newInterner()
	ledgers, errs := deriveLedgers(b, t.documents, in, progress)
	if err := firstError(errs); err != nil {
		return err
	}
	if err := putDerived(b.tx, bucketLedgers, t.documents, ledgers); err != nil {
		return err
	}
	// Whether an account has documents: looked up for those whose
	// documents were written, else as its facts say (a logged call then
	// reads nothing of the documents' buckets).
	facts, errs := deriveFacts(b, t.records, in, progress, func(code string) (bool, error) {
		if _, found := slices.BinarySearch(t.documents, code); found {
			return hasDocuments(b, code), nil
		}
		return storedLedgerFlag(b, code)
	})
	if err := firstError(errs); err != nil {
		return err
	}
	return putDerived(b.tx, bucketFacts, t.records, facts)
}

// deriveLedgers makes the ledger values of the accounts from their documents.
func deriveLedgers(b *buckets, codes []string, in *interner, progress func()) ([][]byte, []error) {
	return derive(codes, func(code string) (*domain.AccountFile, error) { return documentsOf(b, code, in) }, ledgerValue, progress)
}

// deriveFacts makes the facts values of the accounts from their other
// records and whether they have documents (ledger).
func deriveFacts(b *buckets, codes []string, in *interner, progress func(), ledger func(string) (bool, error)) ([][]byte, []error) {
	return derive(codes, func(code string) (*factsSource, error) {
		f, err := loadFile(b, code, factKinds, in)
		if err != nil {
			return nil, err
		}
		if len(f.Disputes) > 0 {
			// Where each disputed invoice is in the ledger: the invoices'
			// order, which nothing but the invoices decides.
			if err := documentKinds[0].loadOne(b.invoices, f, accountPrefix(code), in, b.walked); err != nil {
				return nil, err
			}
		}
		has, err := ledger(code)
		if err != nil {
			return nil, err
		}
		return &factsSource{f, has}, nil
	}, factsValue, progress)
}

// storedLedgerFlag is whether an account has documents as its stored facts
// say; an account without facts yet is looked up.
func storedLedgerFlag(b *buckets, code string) (bool, error) {
	v, err := get(b.facts, bucketFacts, []byte(code))
	if err != nil || v == nil {
		return hasDocuments(b, code), err
	}
	// An older version keeps its flags where this one does: migration 5
	// makes every account's facts again from version 1's.
	if len(v) < 2 || v[0] < 1 || v[0] > vFacts || v[1]&^factsLedger != 0 {
		return false, damaged(bucketFacts, []byte(code), errors.New("not a facts value"))
	}
	return v[1]&factsLedger != 0, nil
}

// factsSource is what an account's facts value is made from.
type factsSource struct {
	file   *domain.AccountFile // without its documents
	ledger bool                // it has documents
}

// hasDocuments reports whether the book holds documents of an account.
func hasDocuments(b *buckets, code string) bool {
	prefix := accountPrefix(code)
	for _, bk := range []*bbolt.Bucket{b.invoices, b.payments, b.credits} {
		if k, _ := bk.Cursor().Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) {
			return true
		}
	}
	return false
}

// hasDisputes reports whether the book holds disputes of an account.
func hasDisputes(b *buckets, code string) bool {
	prefix := accountPrefix(code)
	k, _ := b.disputes.Cursor().Seek(prefix)
	return k != nil && bytes.HasPrefix(k, prefix)
}

// documentsOf reads an account's invoices, payments and credit notes.
func documentsOf(b *buckets, code string, in *interner) (*domain.AccountFile, error) {
	f := &domain.AccountFile{Account: domain.Account{Code: code}}
	prefix := accountPrefix(code)
	for _, kind := range documentKinds {
		if err := kind.loadOne(b.tx.Bucket(kind.name()), f, prefix, in, b.walked); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// ledgerValue is the encoded ledger of an account's documents, with its
// rebate credit notes; nil when it has none. The facts of the documents
// alone are what the domain makes of them: the same function as the rest.
func ledgerValue(f *domain.AccountFile) ([]byte, error) {
	if len(f.Invoices)+len(f.Payments)+len(f.Credits) == 0 {
		return nil, nil
	}
	x, err := domain.FactsOf(f)
	if err != nil {
		return nil, store.RowErrors{{Reason: fmt.Sprintf("account %s: %v", f.Account.Code, err)}}
	}
	return appendLedger(nil, &x.Ledger, x.RebateNotes), nil
}

// factsValue is the encoded rest of the facts of an account file read
// without its documents.
func factsValue(s *factsSource) ([]byte, error) {
	x, err := domain.FactsOf(s.file)
	if err != nil {
		return nil, err
	}
	return appendFacts(nil, &x, s.ledger), nil
}

// putDerived writes each account's value, or deletes it when it is nil.
func putDerived(tx *bbolt.Tx, name []byte, codes []string, vals [][]byte) error {
	bk := tx.Bucket(name)
	if len(codes) >= bulkFrom {
		bk.FillPercent = bulkFill
	}
	for i, code := range codes {
		if vals[i] == nil {
			if err := guardedDelete(bk, name, []byte(code)); err != nil {
				return fmt.Errorf("write %s %q: %w", name, code, err)
			}
			continue
		}
		if err := putSealed(bk, name, []byte(code), vals[i]); err != nil {
			return err
		}
	}
	return nil
}

// parallelFrom is how many accounts make derive spread the work.
const parallelFrom = 64

// derive makes one value per account, in the order of codes, and says what
// went wrong with each: read gathers an account's records on the caller's
// goroutine (a bbolt transaction is not for sharing), value turns them into
// the value, on several goroutines when there are many accounts.
func derive[S any](codes []string, read func(string) (*S, error),
	value func(*S) ([]byte, error), progress func()) ([][]byte, []error) {
	out := make([][]byte, len(codes))
	errs := make([]error, len(codes))
	workers := min(runtime.GOMAXPROCS(0), 4)
	if len(codes) < parallelFrom || workers < 2 {
		for i, code := range codes {
			f, err := read(code)
			if err == nil {
				out[i], err = value(f)
			}
			errs[i] = err
			progress()
		}
		return out, errs
	}
	type job struct {
		i int
		f *S
	}
	jobs := make(chan job, 4*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				out[j.i], errs[j.i] = value(j.f)
			}
		})
	}
	for i, code := range codes {
		f, err := read(code)
		if err != nil {
			errs[i] = err
			continue
		}
		jobs <- job{i, f}
		progress()
	}
	close(jobs)
	wg.Wait()
	return out, errs
}

// firstError is the first of errs that is not nil.
func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
