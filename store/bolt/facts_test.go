package bolt_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/bolt"

	"github.com/shopspring/decimal"
	bbolt "go.etcd.io/bbolt"
)

// openUnchecked opens a new book that a test damages on purpose.
func openUnchecked(t *testing.T) *bolt.Store {
	t.Helper()
	s, err := bolt.Open(filepath.Join(t.TempDir(), "book.db"), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestCheckFindsWrongFacts: a ledger or facts that differ from the records,
// are missing, belong to no account or do not decode, a change log entry
// that does not decode or lies ahead of the counter, and a mark of no
// account are all reported.
func TestCheckFindsWrongFacts(t *testing.T) {
	s := openUnchecked(t)
	mustApply(t, s, sampleBatch(6, 3))
	rawUpdate(t, s.Path(), func(tx *bbolt.Tx) error {
		ledgers, facts := tx.Bucket([]byte("ledgers")), tx.Bucket([]byte("facts"))
		log := tx.Bucket([]byte("changelog"))
		// resealed is another key's value sealed anew for key: its checksum
		// passes, what it says is wrong.
		resealed := func(bucket string, from, key string) []byte {
			body, err := bolt.Unseal([]byte(bucket), []byte(from), tx.Bucket([]byte(bucket)).Get([]byte(from)))
			if err != nil {
				t.Fatal(err)
			}
			return bolt.Seal([]byte(bucket), []byte(key), body)
		}
		for _, err := range []error{
			ledgers.Put([]byte("A00000"), resealed("ledgers", "A00001", "A00000")), // another account's
			ledgers.Delete([]byte("A00002")),
			ledgers.Put([]byte("GHOST"), resealed("ledgers", "A00001", "GHOST")),
			facts.Put([]byte("A00003"), []byte{1, 2, 3}),
			facts.Put([]byte("A00004"), resealed("facts", "A00001", "A00004")),
			facts.Delete([]byte("A00005")),
			log.Put([]byte{0, 0, 0, 0, 0, 0, 0, 1}, bolt.Seal([]byte("changelog"), []byte{0, 0, 0, 0, 0, 0, 0, 1}, []byte{9})),
			log.Put([]byte{0, 0, 0, 0, 0, 0, 1, 0}, bolt.Seal([]byte("changelog"), []byte{0, 0, 0, 0, 0, 0, 1, 0}, []byte{1, 0, 0})),
			tx.Bucket([]byte("marks")).Put([]byte("NOBODY\x00k"), bolt.Seal([]byte("marks"), []byte("NOBODY\x00k"), []byte{2, 0, 0, 1, 0, 0})),
			// Moved: a value under another key than it was sealed for.
			facts.Put([]byte("A00002"), facts.Get([]byte("A00001"))),
		} {
			if err != nil {
				return err
			}
		}
		return nil
	})
	err := s.Check()
	if !errors.Is(err, store.ErrDamaged) {
		t.Fatalf("Check = %v; want ErrDamaged", err)
	}
	for _, want := range []string{
		`ledgers "A00000": differs`, `ledgers "A00002": missing`, `ledgers "GHOST": account GHOST does not exist`,
		`facts "A00003": checksum mismatch`, `facts "A00004": differs`, `facts "A00005": missing`,
		`facts "A00002": checksum mismatch`,
		`changelog "\x00\x00\x00\x00\x00\x00\x00\x01": record version 9`, `changelog 256: beyond the change counter`,
		`marks "NOBODY\x00k": account NOBODY does not exist`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Check does not report %s:\n%v", want, err)
		}
	}
	if !strings.Contains(err.Error(), "problems (changelog 2, facts 4, ledgers 3, marks 1)") {
		t.Errorf("Check does not count the problems by bucket:\n%v", err)
	}
	if _, err := s.FactsOf([]string{"A00003"}); !errors.Is(err, store.ErrDamaged) {
		t.Errorf("FactsOf of facts that do not decode = %v; want ErrDamaged", err)
	}
}

// TestLoggingLeavesDocumentsAlone: a write of activities reads none of the
// account's documents (a damaged invoice does not stop it), one of
// documents does.
func TestLoggingLeavesDocumentsAlone(t *testing.T) {
	s := openUnchecked(t)
	mustApply(t, s, sampleBatch(3, 3))
	rawUpdate(t, s.Path(), func(tx *bbolt.Tx) error {
		return tx.Bucket([]byte("invoices")).Put([]byte("A00001\x00A00001-I0000"), []byte{1, 2})
	})
	if _, err := s.LogActivity(ctx, store.ActivityEntry{Activity: domain.Activity{
		Account: "A00001", On: domain.MustDate("2025-03-01"), Kind: "call", Outcome: "reached", NextFollow: domain.MustDate("2025-03-05")}}); err != nil {
		t.Errorf("LogActivity beside a damaged invoice: %v", err)
	}
	_, err := s.Apply(ctx, &store.Batch{Payments: []store.Rec[domain.Payment]{{V: domain.Payment{
		Account: "A00001", Reference: "P1", Received: domain.MustDate("2025-03-01"), Amount: decimal.NewFromInt(1)}}}})
	if !errors.Is(err, store.ErrDamaged) {
		t.Errorf("a payment beside a damaged invoice = %v; want ErrDamaged", err)
	}
}

// TestLedgerOutOfRangeRefused: documents whose amounts have no common
// integer form refuse the write, dry run or not, naming the record. Since
// every amount must fit its currency's places (issue 12), a payment of
// NGN 0.0000000001 is refused by its validation before the ledger is made:
// the write is refused all the same, naming the payment's field.
func TestLedgerOutOfRangeRefused(t *testing.T) {
	s := openTemp(t)
	mustApply(t, s, sampleBatch(1, 0))
	n, _ := s.Changes()
	for _, dry := range []bool{true, false} {
		_, err := s.Apply(ctx, &store.Batch{DryRun: dry,
			Invoices: []store.Rec[domain.Invoice]{{V: domain.Invoice{Account: "A00000", Number: "BIG", Issued: domain.MustDate("2025-01-01"), Amount: decimal.New(1, 15)}}},
			Payments: []store.Rec[domain.Payment]{{V: domain.Payment{Account: "A00000", Reference: "TINY", Received: domain.MustDate("2025-01-02"), Amount: decimal.New(1, -10)}}},
		})
		var rows store.RowErrors
		if !errors.As(err, &rows) || !strings.Contains(err.Error(), "amount: 0.0000000001 has more decimal places than NGN allows (2)") {
			t.Errorf("dry run %v: Apply = %v; want a row error naming the payment's places", dry, err)
		}
	}
	if m, _ := s.Changes(); m != n {
		t.Errorf("a refused write moved the counter %d → %d", n, m)
	}
	if f, err := s.LoadAccount("A00000"); err != nil || len(f.Invoices)+len(f.Payments) != 0 {
		t.Errorf("a refused write left documents: %+v, %v", f, err)
	}
}

// TestProgressSummarising: a large batch reports making its accounts' facts.
func TestProgressSummarising(t *testing.T) {
	s := openTemp(t)
	var last store.Progress
	if _, err := s.ApplyProgress(ctx, sampleBatch(600, 2), func(p store.Progress) {
		if p.Stage == "summarising" {
			last = p
		}
	}); err != nil {
		t.Fatal(err)
	}
	// 600 ledgers and 600 facts, reported every 512.
	if last.Done != 1024 || last.Total != 1200 {
		t.Errorf("last summarising report %+v; want 1024 of 1200", last)
	}
}

// TestBigWriteChangesAll: a write touching more accounts than the change
// log lists is logged as touching all of them.
func TestBigWriteChangesAll(t *testing.T) {
	s := openTemp(t)
	mustApply(t, s, sampleBatch(2, 0))
	n, _ := s.Changes()
	mustApply(t, s, sampleBatch(1003, 0)) // 1,001 new accounts
	if ch, err := s.Changed(n); err != nil || !ch.All || ch.Now != n+1 {
		t.Errorf("Changed after 1,001 accounts: All %v, %d accounts, now %d, %v; want All", ch.All, len(ch.Accounts), ch.Now, err)
	}
	mustApply(t, s, sampleBatch(1004, 0))
	if ch, err := s.Changed(n + 1); err != nil || ch.All || len(ch.Accounts) != 1 || ch.Accounts[0] != "A01003" {
		t.Errorf("Changed after one more account = %+v, %v; want A01003", ch, err)
	}
}
