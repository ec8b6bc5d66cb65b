package bolt

import (
	"bytes"
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
func (s *Store) Facts(after string, limit int) (store.FactsPage, error) {
	limit = max(limit, 1)
	var p store.FactsPage
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := pageOf(tx, &p)
		if err != nil {
			return err
		}
		var raws []rawFacts
		c := b.facts.Cursor()
		k, v := c.Seek([]byte(after))
		if k != nil && string(k) == after {
			k, v = c.Next()
		}
		for ; k != nil && len(raws) < limit; k, v = c.Next() {
			raws = append(raws, rawFacts{code: k, facts: v})
		}
		p.More = k != nil
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
			if v := b.facts.Get(k); v != nil {
				raws = append(raws, rawFacts{code: k, facts: v, ledger: b.ledgers.Get(k)})
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

// rawFacts is an account's stored facts, as the transaction maps them.
type rawFacts struct {
	code, facts, ledger []byte // ledger: nil when the account has no documents
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
	code := in.str(r.code)
	if err := decodeFacts(code, r.facts, x, in); err != nil {
		return damaged(bucketFacts, r.code, err)
	}
	if r.ledger == nil {
		x.Ledger = emptyLedger()
		return nil
	}
	if err := decodeLedger(r.ledger, x, in); err != nil {
		return damaged(bucketLedgers, r.code, err)
	}
	return nil
}
