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

// fileKind reads one account bucket into account files.
type fileKind struct {
	bucket []byte
	of     func(b *buckets) *bbolt.Bucket
	add    func(f *domain.AccountFile, code string, own, v []byte, in *interner) error
}

func push[T any](dst *[]T, x T, err error) error {
	if err == nil {
		*dst = append(*dst, x)
	}
	return err
}

var fileKinds = []fileKind{
	{bucketContacts, func(b *buckets) *bbolt.Bucket { return b.contacts },
		func(f *domain.AccountFile, c string, o, v []byte, in *interner) error {
			x, err := decodeContact(c, o, v, in)
			return push(&f.Contacts, x, err)
		}},
	{bucketContracts, func(b *buckets) *bbolt.Bucket { return b.contracts },
		func(f *domain.AccountFile, c string, o, v []byte, in *interner) error {
			x, err := decodeContract(c, o, v, in)
			return push(&f.Contracts, x, err)
		}},
	{bucketInvoices, func(b *buckets) *bbolt.Bucket { return b.invoices },
		func(f *domain.AccountFile, c string, o, v []byte, in *interner) error {
			x, err := decodeInvoice(c, o, v, in)
			return push(&f.Invoices, x, err)
		}},
	{bucketPayments, func(b *buckets) *bbolt.Bucket { return b.payments },
		func(f *domain.AccountFile, c string, o, v []byte, in *interner) error {
			x, err := decodePayment(c, o, v, in)
			return push(&f.Payments, x, err)
		}},
	{bucketCredits, func(b *buckets) *bbolt.Bucket { return b.credits },
		func(f *domain.AccountFile, c string, o, v []byte, in *interner) error {
			x, err := decodeCredit(c, o, v, in)
			return push(&f.Credits, x, err)
		}},
	{bucketActivities, func(b *buckets) *bbolt.Bucket { return b.activities },
		func(f *domain.AccountFile, c string, o, v []byte, in *interner) error {
			x, err := decodeActivity(c, o, v, in)
			return push(&f.Activities, x, err)
		}},
	{bucketPromises, func(b *buckets) *bbolt.Bucket { return b.promises },
		func(f *domain.AccountFile, c string, o, v []byte, in *interner) error {
			x, err := decodePromise(c, o, v, in)
			return push(&f.Promises, x, err)
		}},
	{bucketPlans, func(b *buckets) *bbolt.Bucket { return b.plans },
		func(f *domain.AccountFile, c string, o, v []byte, in *interner) error {
			x, err := decodePlan(c, o, v, in)
			return push(&f.Plans, x, err)
		}},
	{bucketEscalations, func(b *buckets) *bbolt.Bucket { return b.escalations },
		func(f *domain.AccountFile, c string, o, v []byte, in *interner) error {
			x, err := decodeEscalation(c, o, v, in)
			return push(&f.Escalations, x, err)
		}},
	{bucketIssues, func(b *buckets) *bbolt.Bucket { return b.issues },
		func(f *domain.AccountFile, c string, o, v []byte, in *interner) error {
			x, err := decodeIssue(c, o, v, in)
			return push(&f.Issues, x, err)
		}},
	{bucketFollowUps, func(b *buckets) *bbolt.Bucket { return b.followups },
		func(f *domain.AccountFile, c string, o, v []byte, in *interner) error {
			x, err := decodeFollowUp(c, o, v, in)
			return push(&f.FollowUps, x, err)
		}},
	{bucketSurveys, func(b *buckets) *bbolt.Bucket { return b.surveys },
		func(f *domain.AccountFile, c string, o, v []byte, in *interner) error {
			x, err := decodeSurvey(c, o, v, in)
			return push(&f.Surveys, x, err)
		}},
}

// Load reads the whole book in one read transaction. Each bucket is walked
// once with a cursor; since every key starts with its account code, records
// arrive grouped by account in code order and are matched to the accounts by
// a merge, without a lookup per record.
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
			a, err := decodeAccount(string(k), v, in)
			if err != nil {
				return damaged(bucketAccounts, k, err)
			}
			files = append(files, &domain.AccountFile{Account: a})
		}
		for _, kind := range fileKinds {
			if err := mergeKind(kind, kind.of(b), files, in); err != nil {
				return err
			}
		}
		for _, f := range files {
			sortFile(f)
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

// mergeKind walks one bucket and hands each record to its account's file.
// Records of an account that does not exist are skipped here; Check reports them.
func mergeKind(kind fileKind, bk *bbolt.Bucket, files []*domain.AccountFile, in *interner) error {
	i := 0
	c := bk.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		code, own, err := splitKey(k)
		if err != nil {
			return damaged(kind.bucket, k, err)
		}
		for i < len(files) && files[i].Account.Code < string(code) {
			i++
		}
		if i == len(files) {
			return nil
		}
		f := files[i]
		if f.Account.Code != string(code) {
			continue
		}
		if err := kind.add(f, f.Account.Code, own, v, in); err != nil {
			return damaged(kind.bucket, k, err)
		}
	}
	return nil
}

// LoadAccount reads one account's file.
func (s *Store) LoadAccount(code string) (*domain.AccountFile, error) {
	var file *domain.AccountFile
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := bucketsOf(tx)
		if err != nil {
			return err
		}
		file, err = loadFile(b, code, nil)
		return err
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
		c := kind.of(b).Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			if err := kind.add(f, a.Code, k[len(prefix):], v, in); err != nil {
				return nil, damaged(kind.bucket, k, err)
			}
		}
	}
	sortFile(f)
	return f, nil
}

// sortFile puts documents in the order SPEC readers expect; contacts,
// contracts and the id-keyed records already come in key order.
func sortFile(f *domain.AccountFile) {
	slices.SortFunc(f.Invoices, func(a, b domain.Invoice) int {
		return cmp.Or(cmp.Compare(a.Issued, b.Issued), cmp.Compare(a.Number, b.Number))
	})
	slices.SortFunc(f.Payments, func(a, b domain.Payment) int {
		return cmp.Or(cmp.Compare(a.Received, b.Received), cmp.Compare(a.Reference, b.Reference))
	})
	slices.SortFunc(f.Credits, func(a, b domain.CreditNote) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.Number, b.Number))
	})
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
