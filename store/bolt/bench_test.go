package bolt_test

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"acctdesk/demo"
	"acctdesk/domain"
	"acctdesk/report"
	"acctdesk/store"
	"acctdesk/store/bolt"

	"github.com/shopspring/decimal"
	bbolt "go.etcd.io/bbolt"
)

// BenchmarkLoad reads a book of 1,000 accounts × 100 invoices.
func BenchmarkLoad(b *testing.B) {
	s, err := bolt.Open(filepath.Join(b.TempDir(), "book.db"), testOptions())
	if err != nil {
		b.Fatal(err)
	}
	mustApply(b, s, sampleBatch(1000, 100))
	b.ReportAllocs()
	for b.Loop() {
		book, err := s.Load()
		if err != nil || len(book.Accounts) != 1000 {
			b.Fatal(err)
		}
	}
}

// BenchmarkApplyInvoices writes 100,000 invoices (and 1,000 accounts) in one batch.
func BenchmarkApplyInvoices(b *testing.B) {
	batch := sampleBatch(1000, 100)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		s, err := bolt.Open(filepath.Join(b.TempDir(), "book.db"), testOptions())
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		mustApply(b, s, batch)
	}
}

// BenchmarkReapplyUnchanged re-imports the same 100,000 invoices: all unchanged.
func BenchmarkReapplyUnchanged(b *testing.B) {
	s, err := bolt.Open(filepath.Join(b.TempDir(), "book.db"), testOptions())
	if err != nil {
		b.Fatal(err)
	}
	batch := sampleBatch(1000, 100)
	mustApply(b, s, batch)
	b.ReportAllocs()
	for b.Loop() {
		if res := mustApply(b, s, batch); res.Unchanged != 101000 {
			b.Fatal(res)
		}
	}
}

// BenchmarkLogActivity is one logged call with a promise and a follow-up:
// open, preflight, one write transaction (two fsyncs), close.
func BenchmarkLogActivity(b *testing.B) {
	s, err := bolt.Open(filepath.Join(b.TempDir(), "book.db"), testOptions())
	if err != nil {
		b.Fatal(err)
	}
	mustApply(b, s, sampleBatch(100, 10))
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		i++
		_, err := s.LogActivity(store.ActivityEntry{
			Activity: domain.Activity{Account: fmt.Sprintf("A%05d", i%100), On: domain.MustDate("2025-03-01"),
				Kind: "call", Outcome: "promise", Text: "will pay on Friday", NextFollow: domain.MustDate("2025-03-08")},
			Promise: &domain.Promise{Amount: domain.M("1000", "NGN").Amount, DueOn: domain.MustDate("2025-03-07")},
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBareBoltUpdate is the floor under LogActivity: three puts of
// similar size in one bbolt Update on a database kept open.
func BenchmarkBareBoltUpdate(b *testing.B) {
	db, err := bbolt.Open(filepath.Join(b.TempDir(), "bare.db"), 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	benchUpdates(b, func(fn func(*bbolt.Tx) error) error { return db.Update(fn) })
}

// BenchmarkBareBoltOpenUpdateClose adds what holding no file between calls
// costs: open, update, close.
func BenchmarkBareBoltOpenUpdateClose(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bare.db")
	benchUpdates(b, func(fn func(*bbolt.Tx) error) error {
		db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
		if err != nil {
			return err
		}
		defer db.Close()
		return db.Update(fn)
	})
}

// BenchmarkBareBoltSameWrites is LogActivity's own writes done bare: on the
// same book, the same buckets and keys (activity, promise, follow-up, change
// counter) with values of the same size, in one Update on a database kept
// open: no open, no checks, no encoding. LogActivity ÷ this is the cost of
// the short-lock rule and of everything acctdesk does around the write.
func BenchmarkBareBoltSameWrites(b *testing.B) {
	db, err := bbolt.Open(sameWritesBook(b), 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	benchSameWrites(b, func(fn func(*bbolt.Tx) error) error { return db.Update(fn) })
}

// BenchmarkBareBoltSameWritesOpenClose is the same with the file held only
// for the transaction (SPEC §6): open, Update, close.
func BenchmarkBareBoltSameWritesOpenClose(b *testing.B) {
	path := sameWritesBook(b)
	benchSameWrites(b, func(fn func(*bbolt.Tx) error) error {
		db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
		if err != nil {
			return err
		}
		defer db.Close()
		return db.Update(fn)
	})
}

// sameWritesBook is the book BenchmarkLogActivity writes to.
func sameWritesBook(b *testing.B) string {
	path := filepath.Join(b.TempDir(), "book.db")
	s, err := bolt.Open(path, testOptions())
	if err != nil {
		b.Fatal(err)
	}
	mustApply(b, s, sampleBatch(100, 10))
	return path
}

func benchSameWrites(b *testing.B, update func(func(*bbolt.Tx) error) error) {
	val := make([]byte, 110)
	var seq uint64
	b.ReportAllocs()
	for b.Loop() {
		seq++
		err := update(func(tx *bbolt.Tx) error {
			key := binary.BigEndian.AppendUint64([]byte(fmt.Sprintf("A%05d\x00", seq%100)), seq)
			for _, name := range []string{"activities", "promises", "followups"} {
				bk := tx.Bucket([]byte(name))
				if _, err := bk.NextSequence(); err != nil {
					return err
				}
				if err := bk.Put(key, val); err != nil {
					return err
				}
			}
			return tx.Bucket([]byte("meta")).Put([]byte("changes"), binary.BigEndian.AppendUint64(nil, seq))
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

func benchUpdates(b *testing.B, update func(func(*bbolt.Tx) error) error) {
	val := make([]byte, 80)
	if err := update(func(tx *bbolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists([]byte("b"))
		return err
	}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		err := update(func(tx *bbolt.Tx) error {
			bk := tx.Bucket([]byte("b"))
			for range 3 {
				id, _ := bk.NextSequence()
				if err := bk.Put(fmt.Appendf(nil, "A%05d\x00%08d", id%100, id), val); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkChanges is what a workstation's poll costs.
func BenchmarkChanges(b *testing.B) {
	s, err := bolt.Open(filepath.Join(b.TempDir(), "book.db"), testOptions())
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.Changes(); err != nil {
			b.Fatal(err)
		}
	}
}

// The aging report's storage side: every account's position from its
// standing, on a demo book built here (always run) and on the L book named
// by ACCTDESK_BENCH_L (10,000 accounts, 1,000,000 invoices; see
// BENCHMARKS.md for how to build it).

var benchAsOf = domain.MustDate("2026-11-22")

// benchDemo is a demo book of 300 accounts with 30 invoices each.
func benchDemo(b *testing.B) *bolt.Store {
	b.Helper()
	return demoBook(b, demo.Options{AsOf: benchAsOf, Seed: 7, Accounts: 300, InvoicesPerAccount: 30})
}

// benchL opens the L book, or skips.
func benchL(b *testing.B) *bolt.Store {
	b.Helper()
	path := os.Getenv("ACCTDESK_BENCH_L")
	if path == "" {
		b.Skip("ACCTDESK_BENCH_L names no L book")
	}
	s, err := bolt.Open(path, bolt.Options{Author: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

func benchPositions(b *testing.B, s *bolt.Store) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Positions(benchAsOf); err != nil {
			b.Fatal(err)
		}
	}
}

// benchAgingReport is what `report aging --format csv` does after opening
// the book: positions, the table, the csv.
func benchAgingReport(b *testing.B, s *bolt.Store) {
	b.ReportAllocs()
	for b.Loop() {
		ps, err := s.Positions(benchAsOf)
		if err != nil {
			b.Fatal(err)
		}
		t, err := report.Build("aging", report.Input{Positions: ps, AsOf: benchAsOf})
		if err != nil {
			b.Fatal(err)
		}
		if err := t.Write(io.Discard, "csv"); err != nil {
			b.Fatal(err)
		}
	}
}

// benchAgingFromLoad is the same report the way it was made before the
// standings: the whole book loaded, every account summarised.
func benchAgingFromLoad(b *testing.B, s *bolt.Store) {
	b.ReportAllocs()
	for b.Loop() {
		book, err := s.Load()
		if err != nil {
			b.Fatal(err)
		}
		t, err := report.Build("aging", report.Input{Book: book, AsOf: benchAsOf})
		if err != nil {
			b.Fatal(err)
		}
		if err := t.Write(io.Discard, "csv"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPositions(b *testing.B)      { benchPositions(b, benchDemo(b)) }
func BenchmarkAgingReport(b *testing.B)    { benchAgingReport(b, benchDemo(b)) }
func BenchmarkAgingFromLoad(b *testing.B)  { benchAgingFromLoad(b, benchDemo(b)) }
func BenchmarkPositionsL(b *testing.B)     { benchPositions(b, benchL(b)) }
func BenchmarkAgingReportL(b *testing.B)   { benchAgingReport(b, benchL(b)) }
func BenchmarkAgingFromLoadL(b *testing.B) { benchAgingFromLoad(b, benchL(b)) }

// BenchmarkPositionsBeforeHorizonL is a mid-history date on the L book: no
// standing covers it, so every account is computed from its documents.
func BenchmarkPositionsBeforeHorizonL(b *testing.B) {
	s := benchL(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Positions(benchAsOf.AddDays(-200)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApplyPaymentRestates is the price of keeping standings: a payment on one
// account of the demo book (its standing recomputed in the same write).
func BenchmarkApplyPaymentRestates(b *testing.B) {
	s := benchDemo(b)
	book, err := s.Load()
	if err != nil {
		b.Fatal(err)
	}
	code := book.Accounts[0].Account.Code
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		i++
		if _, err := s.Apply(&store.Batch{Payments: []store.Rec[domain.Payment]{{V: domain.Payment{
			Account: code, Reference: fmt.Sprintf("BENCH-%d", i), Received: benchAsOf, Amount: decimal.NewFromInt(1)}}}}); err != nil {
			b.Fatal(err)
		}
	}
}
