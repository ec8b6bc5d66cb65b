package bolt

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"

	"acctdesk/domain"
	"acctdesk/store"

	bbolt "go.etcd.io/bbolt"
)

// Load reads the whole book in one consistent view. Accounts are read first;
// then every account bucket is decoded, split by ranges of accounts into
// tasks that several goroutines share. Each worker has a read transaction
// of its own on the same file (a bbolt Tx is not for sharing between
// goroutines); they all see the same data, as the shared file lock keeps
// writers out until Load is done.
func (s *Store) Load() (*domain.Book, error) {
	var book *domain.Book
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := bucketsOf(tx)
		if err != nil {
			return err
		}
		settings, err := readSettings(b)
		if err != nil {
			return err
		}
		in := newInterner()
		var files []*domain.AccountFile
		c := b.accounts.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			a, err := decodeAccount(in.str(k), v, in)
			if err != nil {
				return damaged(bucketAccounts, k, err)
			}
			files = append(files, &domain.AccountFile{Account: a})
		}
		if err := loadRecords(tx, files, in); err != nil {
			return err
		}
		if err := attachStandings(b, files, in); err != nil {
			return err
		}
		marks, err := readMarks(b, in)
		if err != nil {
			return err
		}
		book = domain.NewBook(settings, files, marks)
		return nil
	})
	return book, err
}

// parallelFrom is the number of accounts from which Load spreads the work.
const parallelFrom = 512

type loadTask struct {
	kind   fileKind
	lo, hi int // files[lo:hi]
}

// loadRecords fills every file with its records and sorts them.
func loadRecords(tx *bbolt.Tx, files []*domain.AccountFile, in *interner) error {
	workers := min(runtime.GOMAXPROCS(0), 8)
	if len(files) < parallelFrom || workers < 2 {
		for _, kind := range fileKinds {
			if err := kind.loadAll(tx.Bucket(kind.name()), files, in); err != nil {
				return err
			}
		}
		for _, f := range files {
			sortFile(f)
		}
		return nil
	}
	parts := workers * 4
	var tasks []loadTask
	for _, kind := range fileKinds {
		for p := range parts {
			tasks = append(tasks, loadTask{kind, p * len(files) / parts, (p + 1) * len(files) / parts})
		}
	}
	queue := make(chan loadTask, len(tasks))
	for _, t := range tasks {
		queue <- t
	}
	close(queue)
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	for range workers {
		wg.Go(func() {
			if err := loadWorker(tx.DB(), files, queue); err != nil {
				mu.Lock()
				if first == nil {
					first = err
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if first != nil {
		return first
	}
	// Sorting touches each file's own slices only: spread it too.
	for p := range workers {
		wg.Go(func() {
			for _, f := range files[p*len(files)/workers : (p+1)*len(files)/workers] {
				sortFile(f)
			}
		})
	}
	wg.Wait()
	return nil
}

// loadWorker runs tasks in a read transaction of its own. Damaged pages can
// make bbolt panic or fault here too, and a goroutine's panic cannot reach
// the caller's recover: it is caught here.
func loadWorker(db *bbolt.DB, files []*domain.AccountFile, queue <-chan loadTask) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %s: %v", store.ErrDamaged, db.Path(), r)
			for range queue { // drain, so the other workers finish quickly
			}
		}
	}()
	tx, err := db.Begin(false)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	in := newInterner()
	for t := range queue {
		if err := t.kind.loadAll(tx.Bucket(t.kind.name()), files[t.lo:t.hi], in); err != nil {
			for range queue {
			}
			return err
		}
	}
	return nil
}

// attachStandings gives every file the standing kept for it, so summaries as
// of a date on or after its horizon need not apply every document again. The
// standing's sales are left out: the file's own invoices give them.
func attachStandings(b *buckets, files []*domain.AccountFile, in *interner) error {
	c := b.summaries.Cursor()
	for _, f := range files {
		k, v := c.Seek([]byte(f.Account.Code))
		if k == nil || string(k) != f.Account.Code {
			continue
		}
		st, err := decodeStandingPart(v, in, false)
		if err != nil {
			return damaged(bucketSummaries, k, err)
		}
		f.Standing = &st
	}
	return nil
}
