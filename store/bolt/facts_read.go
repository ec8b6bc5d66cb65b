package bolt

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"

	"acctdesk/domain"
	"acctdesk/store"

	bbolt "go.etcd.io/bbolt"
)

// Facts reads the facts of at most limit accounts whose codes come after
// after, in code order, in one read transaction (a limit below 1 reads one).
//
// Every book-wide reader reads the book through these pages, so they are
// guarded against what the value sums cannot see, records that went
// missing (a damaged count or key in a page bbolt does not checksum): the
// seek to after is checked (seekChecked), the codes come strictly
// increasing, every account's ledger is there if and only if its facts say
// it has one, and the last page walks every code of the book and compares
// their number with the sealed count of accounts. A page that cannot show
// that it holds exactly the accounts after after is an error.
func (s *Store) Facts(after string, limit int) (store.FactsPage, error) {
	limit = max(limit, 1)
	var p store.FactsPage
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := pageOf(tx, &p)
		if err != nil {
			return err
		}
		var raws []rawFacts
		c, k, v, err := seekChecked(b.facts, bucketFacts, []byte(after), false)
		if err != nil {
			return err
		}
		if k != nil && string(k) == after {
			k, v = c.Next()
		}
		prev := []byte(after)
		for ; k != nil && len(raws) < limit; k, v = c.Next() {
			if bytes.Compare(k, prev) <= 0 {
				return damaged(bucketFacts, k, errors.New("keys out of order"))
			}
			raws = append(raws, rawFacts{code: k, facts: v})
			prev = k
		}
		p.More = k != nil
		if p.More {
			if err := stopKey(bucketFacts, k, v, false); err != nil {
				return err
			}
		} else if err := countFacts(b); err != nil {
			return err
		}
		// The ledgers are keyed alike: walk them alongside.
		if len(raws) > 0 {
			lc := b.ledgers.Cursor()
			lk, lv := lc.Seek(raws[0].code)
			for i := range raws {
				for lk != nil && bytes.Compare(lk, raws[i].code) < 0 {
					lk, lv = lc.Next()
				}
				if bytes.Equal(lk, raws[i].code) {
					raws[i].ledger = lv
				}
			}
		}
		p.Facts, err = decodeAll(raws)
		return err
	})
	if err != nil {
		return store.FactsPage{}, err
	}
	return p, nil
}

// FactsOf reads the facts of the named accounts in one read transaction;
// codes not in the book are left out.
func (s *Store) FactsOf(codes []string) (store.FactsPage, error) {
	codes = slices.Compact(slices.Sorted(slices.Values(codes)))
	var p store.FactsPage
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := pageOf(tx, &p)
		if err != nil {
			return err
		}
		var raws []rawFacts
		for _, code := range codes {
			k := []byte(code)
			fk, v := b.facts.Cursor().Seek(k)
			if !bytes.Equal(fk, k) {
				// Not in the book, or its facts were lost: the row says which.
				if a, err := get(b.accounts, bucketAccounts, k); err != nil || a != nil {
					return damaged(bucketFacts, k, errors.New("missing, but the account exists"))
				}
				continue
			}
			lk, lv := b.ledgers.Cursor().Seek(k)
			if !bytes.Equal(lk, k) {
				lv = nil
			}
			raws = append(raws, rawFacts{code: k, facts: v, ledger: lv})
		}
		p.Facts, err = decodeAll(raws)
		return err
	})
	if err != nil {
		return store.FactsPage{}, err
	}
	return p, nil
}

// pageOf fills a page's settings and change counter.
func pageOf(tx *bbolt.Tx, p *store.FactsPage) (*buckets, error) {
	b, err := bucketsOf(tx)
	if err != nil {
		return nil, err
	}
	if p.Settings, err = readSettings(b); err != nil {
		return nil, err
	}
	p.Changes, err = readChanges(b)
	return b, err
}

// rawFacts is an account's stored facts, as the transaction maps them, sealed.
type rawFacts struct {
	code, facts, ledger []byte // ledger: nil when the book holds none for the account
}

// countFacts walks every code of the facts bucket and checks that they come
// strictly increasing and are as many as the book's sealed count of
// accounts: no account is missing from the pages a reader was given.
func countFacts(b *buckets) error {
	want, err := readAccounts(b)
	if err != nil {
		return err
	}
	var n uint64
	var prev []byte
	c := b.facts.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if prev != nil && bytes.Compare(k, prev) <= 0 {
			return damaged(bucketFacts, k, errors.New("keys out of order"))
		}
		prev = k
		n++
	}
	if n != want {
		return damaged(bucketFacts, nil, fmt.Errorf("%d accounts have facts, the book holds %d", n, want))
	}
	return nil
}

// decodeFrom is how many accounts make decodeAll spread the work.
const decodeFrom = 64

// decodeAll decodes every account's facts, on several goroutines when there
// are many: the values are read-only mapped memory, valid until the
// transaction ends, which is after this returns. Each goroutine has an
// interner of its own, and catches the faults and panics of damaged pages
// itself (run's recover cannot reach another goroutine).
func decodeAll(raws []rawFacts) ([]*domain.Facts, error) {
	slab := make([]domain.Facts, len(raws))
	out := make([]*domain.Facts, len(raws))
	errs := make([]error, len(raws))
	decode := func(lo, hi int) {
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer func() {
			if r := recover(); r != nil && lo < hi {
				errs[lo] = fmt.Errorf("%w: %v", store.ErrDamaged, r)
			}
		}()
		in := newInterner()
		for i := lo; i < hi; i++ {
			out[i] = &slab[i]
			errs[i] = decodeOne(raws[i], out[i], in)
		}
	}
	workers := min(runtime.GOMAXPROCS(0), 4, len(raws)/decodeFrom+1)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() { decode(w*len(raws)/workers, (w+1)*len(raws)/workers) })
	}
	wg.Wait()
	if err := firstError(errs); err != nil {
		return nil, err
	}
	return out, nil
}

func decodeOne(r rawFacts, x *domain.Facts, in *interner) error {
	fv, err := opened(bucketFacts, r.code, r.facts)
	if err != nil {
		return err
	}
	if !textOK(r.code, false) {
		return damaged(bucketFacts, r.code, errKey)
	}
	code := string(r.code)
	if in != nil {
		code = in.str(r.code)
	}
	hasLedger, err := decodeFacts(code, fv, x, in)
	if err != nil {
		return damaged(bucketFacts, r.code, err)
	}
	switch {
	case hasLedger && r.ledger == nil:
		return damaged(bucketLedgers, r.code, errors.New("missing: the account's facts say it has documents"))
	case !hasLedger && r.ledger != nil:
		return damaged(bucketLedgers, r.code, errors.New("stored, but the account's facts say it has no documents"))
	case !hasLedger:
		x.Ledger = emptyLedger()
		return nil
	}
	lv, err := opened(bucketLedgers, r.code, r.ledger)
	if err != nil {
		return err
	}
	if err := decodeLedger(lv, x, in); err != nil {
		return damaged(bucketLedgers, r.code, err)
	}
	return nil
}

// checkFile checks an account file read whole against the account's facts,
// read in the same transaction: as many records of each kind as the facts
// were made from. A record lost to a damaged page shows as one less.
func checkFile(b *buckets, f *domain.AccountFile) error {
	code := []byte(f.Account.Code)
	fk, fv := b.facts.Cursor().Seek(code)
	if !bytes.Equal(fk, code) {
		return damaged(bucketFacts, code, errors.New("missing"))
	}
	lk, lv := b.ledgers.Cursor().Seek(code)
	if !bytes.Equal(lk, code) {
		lv = nil
	}
	var x domain.Facts
	if err := decodeOne(rawFacts{code: code, facts: fv, ledger: lv}, &x, nil); err != nil {
		return err
	}
	pending := 0
	for _, fu := range f.FollowUps {
		if fu.Status != domain.FollowDone {
			pending++
		}
	}
	for _, n := range []struct {
		bucket     []byte
		file, fact int
	}{
		{bucketContacts, len(f.Contacts), len(x.Contacts)}, {bucketContracts, len(f.Contracts), len(x.Contracts)},
		{bucketActivities, len(f.Activities), len(x.Touches)}, {bucketPromises, len(f.Promises), len(x.Promises)},
		{bucketPlans, len(f.Plans), len(x.Plans)}, {bucketEscalations, len(f.Escalations), len(x.Escalations)},
		{bucketIssues, len(f.Issues), len(x.Issues)}, {bucketFollowUps, pending, len(x.FollowUps)},
		{bucketSurveys, len(f.Surveys), len(x.Surveys)}, {bucketMarks, len(f.Marks), len(x.Marks)},
		{bucketDisputes, len(f.Disputes), len(x.Disputes)},
		{bucketDecisions, len(f.Decisions), len(x.Decisions)}, {bucketObjectives, len(f.Objectives), len(x.Objectives)},
		{bucketDocuments, len(f.Documents), len(x.Documents)}, {bucketBlockages, len(f.Blockages), len(x.Blockages)},
		{bucketReconciled, len(f.Reconciled), len(x.Reconciled)},
		{bucketTargets, len(f.Targets), len(x.Targets)}, {bucketBalances, len(f.Balances), len(x.Balances)},
		{bucketInvoices, len(f.Invoices), len(x.Ledger.Invoices)},
		{bucketPayments, len(f.Payments) + len(f.Credits), len(x.Ledger.Credits)},
	} {
		if n.file != n.fact {
			return damaged(n.bucket, code, fmt.Errorf("the account's records here are %d, its facts were made from %d", n.file, n.fact))
		}
	}
	return nil
}
