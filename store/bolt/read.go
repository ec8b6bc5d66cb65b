package bolt

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"

	"acctdesk/domain"
	"acctdesk/store"

	bbolt "go.etcd.io/bbolt"
)

// fileKind is one account bucket as part of an account file.
type fileKind interface {
	name() []byte
	// loadAll walks the part of the bucket that holds files' records (a
	// contiguous run of accounts in code order) and hands each its records.
	loadAll(bk *bbolt.Bucket, files []*domain.AccountFile, in *interner) error
	// loadOne reads one account's records with a prefix scan.
	loadOne(bk *bbolt.Bucket, f *domain.AccountFile, prefix []byte, in *interner) error
	// add decodes one record into f (Check uses it on a scratch file).
	add(f *domain.AccountFile, code string, own, v []byte, in *interner) error
}

// kindOf binds a record type to its bucket, decoder and AccountFile field.
type kindOf[T any] struct {
	bucket []byte
	decode func(code string, own, v []byte, in *interner) (T, error)
	field  func(*domain.AccountFile) *[]T
}

func (k kindOf[T]) name() []byte { return k.bucket }

func (k kindOf[T]) add(f *domain.AccountFile, code string, own, v []byte, in *interner) error {
	x, err := k.decode(code, own, v, in)
	if err == nil {
		*k.field(f) = append(*k.field(f), x)
	}
	return err
}

func (k kindOf[T]) loadOne(bk *bbolt.Bucket, f *domain.AccountFile, prefix []byte, in *interner) error {
	c := bk.Cursor()
	for key, v := c.Seek(prefix); key != nil && bytes.HasPrefix(key, prefix); key, v = c.Next() {
		if err := k.add(f, f.Account.Code, key[len(prefix):], v, in); err != nil {
			return damaged(k.bucket, key, err)
		}
	}
	return nil
}

// loadAll walks the bucket once from the first file's records to past the
// last's. Keys start with the account code, so records arrive grouped in
// code order, as the files are: a merge, no lookups. Each account's records are decoded into a run of a shared slab
// (capacity capped, so a reader's append never spills into the next
// account's run); a run that outgrows its slab moves to a fresh one, which
// copies far less than growing one slice per account or one for all.
// Records of an account that does not exist are skipped; Check reports them.
func (k kindOf[T]) loadAll(bk *bbolt.Bucket, files []*domain.AccountFile, in *interner) error {
	if len(files) == 0 {
		return nil
	}
	var (
		slab  []T
		start int  // where the current account's run begins in slab
		cur   = -1 // index of the current account in files
		i     int  // merge position in files
	)
	closeRun := func() {
		if cur >= 0 && len(slab) > start {
			*k.field(files[cur]) = slab[start:len(slab):len(slab)]
		}
	}
	c := bk.Cursor()
	for key, v := c.Seek(accountPrefix(files[0].Account.Code)); key != nil; key, v = c.Next() {
		code, own, err := splitKey(key)
		if err != nil {
			return damaged(k.bucket, key, err)
		}
		for i < len(files) && files[i].Account.Code < string(code) {
			i++
		}
		if i == len(files) {
			break
		}
		f := files[i]
		if f.Account.Code != string(code) {
			continue
		}
		x, err := k.decode(f.Account.Code, own, v, in)
		if err != nil {
			return damaged(k.bucket, key, err)
		}
		if i != cur {
			closeRun()
			cur, start = i, len(slab)
		}
		if len(slab) == cap(slab) {
			run := slab[start:]
			slab = append(make([]T, 0, max(slabSize, 2*len(run))), run...)
			start = 0
		}
		slab = append(slab, x)
	}
	closeRun()
	return nil
}

// slabSize is how many records a slab holds.
const slabSize = 4096

var fileKinds = []fileKind{
	kindOf[domain.Contact]{bucketContacts, decodeContact,
		func(f *domain.AccountFile) *[]domain.Contact { return &f.Contacts }},
	kindOf[domain.Contract]{bucketContracts, decodeContract,
		func(f *domain.AccountFile) *[]domain.Contract { return &f.Contracts }},
	kindOf[domain.Invoice]{bucketInvoices, decodeInvoice,
		func(f *domain.AccountFile) *[]domain.Invoice { return &f.Invoices }},
	kindOf[domain.Payment]{bucketPayments, decodePayment,
		func(f *domain.AccountFile) *[]domain.Payment { return &f.Payments }},
	kindOf[domain.CreditNote]{bucketCredits, decodeCredit,
		func(f *domain.AccountFile) *[]domain.CreditNote { return &f.Credits }},
	kindOf[domain.Activity]{bucketActivities, decodeActivity,
		func(f *domain.AccountFile) *[]domain.Activity { return &f.Activities }},
	kindOf[domain.Promise]{bucketPromises, decodePromise,
		func(f *domain.AccountFile) *[]domain.Promise { return &f.Promises }},
	kindOf[domain.PaymentPlan]{bucketPlans, decodePlan,
		func(f *domain.AccountFile) *[]domain.PaymentPlan { return &f.Plans }},
	kindOf[domain.Escalation]{bucketEscalations, decodeEscalation,
		func(f *domain.AccountFile) *[]domain.Escalation { return &f.Escalations }},
	kindOf[domain.ServiceIssue]{bucketIssues, decodeIssue,
		func(f *domain.AccountFile) *[]domain.ServiceIssue { return &f.Issues }},
	kindOf[domain.FollowUp]{bucketFollowUps, decodeFollowUp,
		func(f *domain.AccountFile) *[]domain.FollowUp { return &f.FollowUps }},
	kindOf[domain.Survey]{bucketSurveys, decodeSurvey,
		func(f *domain.AccountFile) *[]domain.Survey { return &f.Surveys }},
}

// LoadAccount reads one account's file.
func (s *Store) LoadAccount(code string) (*domain.AccountFile, error) {
	var file *domain.AccountFile
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := bucketsOf(tx)
		if err != nil {
			return err
		}
		if file, err = loadFile(b, code, nil); err != nil {
			return err
		}
		return attachStandings(b, []*domain.AccountFile{file}, nil)
	})
	return file, err
}

// loadFile reads one account with prefix scans of each bucket.
func loadFile(b *buckets, code string, in *interner) (*domain.AccountFile, error) {
	v := b.accounts.Get([]byte(code))
	if v == nil {
		return nil, fmt.Errorf("account %s %w", code, store.ErrNotFound)
	}
	a, err := decodeAccount(code, v, in)
	if err != nil {
		return nil, damaged(bucketAccounts, []byte(code), err)
	}
	f := &domain.AccountFile{Account: a}
	prefix := accountPrefix(code)
	for _, kind := range fileKinds {
		if err := kind.loadOne(b.tx.Bucket(kind.name()), f, prefix, in); err != nil {
			return nil, err
		}
	}
	sortFile(f)
	return f, nil
}

// sortFile puts documents in the order SPEC readers expect; contacts,
// contracts and the id-keyed records already come in key order.
func sortFile(f *domain.AccountFile) {
	sortIfNeeded(f.Invoices, func(a, b domain.Invoice) int {
		return cmp.Or(cmp.Compare(a.Issued, b.Issued), cmp.Compare(a.Number, b.Number))
	})
	sortIfNeeded(f.Payments, func(a, b domain.Payment) int {
		return cmp.Or(cmp.Compare(a.Received, b.Received), cmp.Compare(a.Reference, b.Reference))
	})
	sortIfNeeded(f.Credits, func(a, b domain.CreditNote) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.Number, b.Number))
	})
}

// sortIfNeeded skips the sort when numbers already follow dates, as they
// usually do.
func sortIfNeeded[T any](s []T, fn func(a, b T) int) {
	if !slices.IsSortedFunc(s, fn) {
		slices.SortFunc(s, fn)
	}
}

func readMarks(b *buckets, in *interner) ([]domain.QueueMark, error) {
	var out []domain.QueueMark
	c := b.marks.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		m, err := decodeMark(k, v, in)
		if err != nil {
			return nil, damaged(bucketMarks, k, err)
		}
		out = append(out, m)
	}
	return out, nil
}

func readSettings(b *buckets) (domain.Settings, error) {
	s, err := decodeSettings(b.meta.Get(metaSettings))
	if err != nil {
		return s, damaged(bucketMeta, metaSettings, err)
	}
	return s, nil
}

// Settings reads the book settings.
func (s *Store) Settings() (domain.Settings, error) {
	var out domain.Settings
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := bucketsOf(tx)
		if err != nil {
			return err
		}
		out, err = readSettings(b)
		return err
	})
	return out, err
}

// Changes reads the change counter; a workstation polls it to know when to reload.
func (s *Store) Changes() (uint64, error) {
	var n uint64
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := bucketsOf(tx)
		if err != nil {
			return err
		}
		n, err = readU64(b.meta.Get(metaChanges))
		if err != nil {
			return damaged(bucketMeta, metaChanges, err)
		}
		return nil
	})
	return n, err
}

// Empty reports whether the book holds no accounts.
func (s *Store) Empty() (bool, error) {
	empty := false
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := bucketsOf(tx)
		if err != nil {
			return err
		}
		k, _ := b.accounts.Cursor().First()
		empty = k == nil
		return nil
	})
	return empty, err
}
