package bolt

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"acctdesk/domain"
	"acctdesk/store"

	bbolt "go.etcd.io/bbolt"
)

// fileKind is one account bucket as part of an account file.
type fileKind interface {
	name() []byte
	// loadOne reads one account's records with a prefix scan.
	// walked: Check has walked every key and value already (see seekChecked).
	loadOne(bk *bbolt.Bucket, f *domain.AccountFile, prefix []byte, in *interner, walked bool) error
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

func (k kindOf[T]) loadOne(bk *bbolt.Bucket, f *domain.AccountFile, prefix []byte, in *interner, walked bool) error {
	c, key, v, err := seekChecked(bk, k.bucket, prefix, walked)
	if err != nil {
		return err
	}
	n := 0 // counted first: growing the list one record at a time costs more
	for ; key != nil && bytes.HasPrefix(key, prefix); key, v = c.Next() {
		n++
	}
	if err := stopKey(k.bucket, key, v, walked); err != nil {
		return err
	}
	if n == 0 {
		return nil
	}
	*k.field(f) = slices.Grow(*k.field(f), n)
	for key, v := c.Seek(prefix); key != nil && bytes.HasPrefix(key, prefix); key, v = c.Next() {
		body, err := opened(k.bucket, key, v)
		if err != nil {
			return err
		}
		if err := k.add(f, f.Account.Code, key[len(prefix):], body, in); err != nil {
			return damaged(k.bucket, key, err)
		}
	}
	return nil
}

// documentKinds are what an account's ledger is made from; recordKinds,
// with the account row, the rest of its facts.
var (
	documentKinds = []fileKind{
		kindOf[domain.Invoice]{bucketInvoices, decodeInvoice,
			func(f *domain.AccountFile) *[]domain.Invoice { return &f.Invoices }},
		kindOf[domain.Payment]{bucketPayments, decodePayment,
			func(f *domain.AccountFile) *[]domain.Payment { return &f.Payments }},
		kindOf[domain.CreditNote]{bucketCredits, decodeCredit,
			func(f *domain.AccountFile) *[]domain.CreditNote { return &f.Credits }},
	}
	recordKinds = []fileKind{
		kindOf[domain.Contact]{bucketContacts, decodeContact,
			func(f *domain.AccountFile) *[]domain.Contact { return &f.Contacts }},
		kindOf[domain.Contract]{bucketContracts, worded(decodeContract, contractWords),
			func(f *domain.AccountFile) *[]domain.Contract { return &f.Contracts }},
		kindOf[domain.Activity]{bucketActivities, decodeActivity,
			func(f *domain.AccountFile) *[]domain.Activity { return &f.Activities }},
		kindOf[domain.Promise]{bucketPromises, decodePromise,
			func(f *domain.AccountFile) *[]domain.Promise { return &f.Promises }},
		kindOf[domain.PaymentPlan]{bucketPlans, decodePlan,
			func(f *domain.AccountFile) *[]domain.PaymentPlan { return &f.Plans }},
		kindOf[domain.Escalation]{bucketEscalations, decodeEscalation,
			func(f *domain.AccountFile) *[]domain.Escalation { return &f.Escalations }},
		kindOf[domain.ServiceIssue]{bucketIssues, worded(decodeIssue, issueWords),
			func(f *domain.AccountFile) *[]domain.ServiceIssue { return &f.Issues }},
		kindOf[domain.FollowUp]{bucketFollowUps, decodeFollowUp,
			func(f *domain.AccountFile) *[]domain.FollowUp { return &f.FollowUps }},
		kindOf[domain.Survey]{bucketSurveys, decodeSurvey,
			func(f *domain.AccountFile) *[]domain.Survey { return &f.Surveys }},
		kindOf[domain.QueueMark]{bucketMarks, decodeMark,
			func(f *domain.AccountFile) *[]domain.QueueMark { return &f.Marks }},
		kindOf[domain.Target]{bucketTargets, decodeTarget,
			func(f *domain.AccountFile) *[]domain.Target { return &f.Targets }},
		kindOf[domain.Balance]{bucketBalances, decodeBalance,
			func(f *domain.AccountFile) *[]domain.Balance { return &f.Balances }},
		kindOf[domain.Dispute]{bucketDisputes, decodeDispute,
			func(f *domain.AccountFile) *[]domain.Dispute { return &f.Disputes }},
		kindOf[domain.CreditDecision]{bucketDecisions, decodeDecision,
			func(f *domain.AccountFile) *[]domain.CreditDecision { return &f.Decisions }},
		kindOf[domain.Objective]{bucketObjectives, worded(decodeObjective, objectiveWords),
			func(f *domain.AccountFile) *[]domain.Objective { return &f.Objectives }},
		kindOf[domain.Document]{bucketDocuments, decodeDocument,
			func(f *domain.AccountFile) *[]domain.Document { return &f.Documents }},
		kindOf[domain.Blockage]{bucketBlockages, decodeBlockage,
			func(f *domain.AccountFile) *[]domain.Blockage { return &f.Blockages }},
		kindOf[domain.Reconciliation]{bucketReconciled, decodeReconciled,
			func(f *domain.AccountFile) *[]domain.Reconciliation { return &f.Reconciled }},
	}
	fileKinds = slices.Concat(documentKinds, recordKinds)
	// factKinds are recordKinds as the facts read them: an activity's
	// touch only (domain.TouchOf), not its text, so that making a busy
	// account's facts again after a logged call decodes no long strings.
	factKinds = slices.Concat(recordKinds[:2], []fileKind{kindOf[domain.Activity]{bucketActivities, decodeActivityTouch,
		func(f *domain.AccountFile) *[]domain.Activity { return &f.Activities }}}, recordKinds[3:])
)

// worded is a decoder that also refuses a record whose words are not the
// domain's — a status, a kind, a rebate scheme edited by hand and sealed
// again: wrong content is damage, never a different figure (SPEC §6).
func worded[T any](decode func(code string, own, v []byte, in *interner) (T, error), words func(T) error) func(string, []byte, []byte, *interner) (T, error) {
	return func(code string, own, v []byte, in *interner) (T, error) {
		x, err := decode(code, own, v, in)
		if err == nil {
			err = words(x)
		}
		return x, err
	}
}

func contractWords(c domain.Contract) error {
	if c.Status != "" && !slices.Contains(domain.ContractStatuses, c.Status) {
		return fmt.Errorf("contract %s: status %q is not one of %s", domain.Safe(c.ID), domain.Safe(c.Status), strings.Join(domain.ContractStatuses, ", "))
	}
	if err := c.Rebate.Validate(); err != nil {
		return fmt.Errorf("contract %s: rebate: %v", domain.Safe(c.ID), err)
	}
	return nil
}

func issueWords(x domain.ServiceIssue) error {
	if !slices.Contains(domain.ServiceKinds, x.Kind) || !slices.Contains(domain.IssueStatuses, x.Status) {
		return fmt.Errorf("service issue %d: kind %q or status %q is not the domain's", x.ID, domain.Safe(x.Kind), domain.Safe(x.Status))
	}
	return nil
}

func objectiveWords(o domain.Objective) error {
	if !slices.Contains(domain.ObjectiveKinds, o.Kind) || !slices.Contains(domain.ObjectiveStatuses, o.Status) {
		return fmt.Errorf("objective %d: kind %q or status %q is not the domain's", o.ID, domain.Safe(o.Kind), domain.Safe(o.Status))
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
		if file, err = loadFile(b, code, fileKinds, nil); err != nil {
			return err
		}
		return checkFile(b, file)
	})
	return file, err
}

// loadFile reads the account row and the records of the given kinds of one
// account, with prefix scans.
func loadFile(b *buckets, code string, kinds []fileKind, in *interner) (*domain.AccountFile, error) {
	a, err := readAccount(b, code, in)
	if err != nil {
		return nil, err
	}
	f := &domain.AccountFile{Account: a}
	prefix := accountPrefix(code)
	for _, kind := range kinds {
		if err := kind.loadOne(b.tx.Bucket(kind.name()), f, prefix, in, b.walked); err != nil {
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

// readAccount reads an account's row. An account with no row but with
// facts was lost to damage, not never made.
func readAccount(b *buckets, code string, in *interner) (domain.Account, error) {
	v, err := get(b.accounts, bucketAccounts, []byte(code))
	if err != nil {
		return domain.Account{}, err
	}
	if v == nil {
		if f, ferr := get(b.facts, bucketFacts, []byte(code)); ferr != nil || f != nil {
			return domain.Account{}, damaged(bucketAccounts, []byte(code), errors.New("missing, but the account has facts"))
		}
		return domain.Account{}, fmt.Errorf("account %s %w", code, store.ErrNotFound)
	}
	a, err := decodeAccount(code, v, in)
	if err != nil {
		return domain.Account{}, damaged(bucketAccounts, []byte(code), err)
	}
	return a, nil
}

func readSettings(b *buckets) (domain.Settings, error) {
	v, err := must(b.meta, bucketMeta, metaSettings)
	if err != nil {
		return domain.Settings{}, err
	}
	s, err := decodeSettings(v)
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
		n, err = readChanges(b)
		return err
	})
	return n, err
}

func readChanges(b *buckets) (uint64, error) { return readCounter(b.meta, metaChanges) }

// readCounter reads a sealed counter of the meta bucket.
func readCounter(meta *bbolt.Bucket, key []byte) (uint64, error) {
	v, err := must(meta, bucketMeta, key)
	if err != nil {
		return 0, err
	}
	n, err := readU64(v)
	if err != nil {
		return 0, damaged(bucketMeta, key, err)
	}
	return n, nil
}

// readAccounts reads how many accounts the book holds.
func readAccounts(b *buckets) (uint64, error) { return readCounter(b.meta, metaAccounts) }

// Empty reports whether the book holds no accounts.
func (s *Store) Empty() (bool, error) {
	empty := false
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := bucketsOf(tx)
		if err != nil {
			return err
		}
		n, err := readAccounts(b)
		if err != nil {
			return err
		}
		k, _ := b.accounts.Cursor().First()
		if (k == nil) != (n == 0) {
			return damaged(bucketMeta, metaAccounts, fmt.Errorf("says %d accounts, the accounts bucket disagrees", n))
		}
		empty = n == 0
		return nil
	})
	return empty, err
}
