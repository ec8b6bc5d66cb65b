package bolt_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/bolt"

	"github.com/shopspring/decimal"
	bbolt "go.etcd.io/bbolt"
)

// BenchmarkFacts reads every account's facts, a page at a time, from a book
// of 1,000 accounts × 100 invoices: what a workstation does at start.
func BenchmarkFacts(b *testing.B) {
	s, err := bolt.Open(filepath.Join(b.TempDir(), "book.db"), testOptions())
	if err != nil {
		b.Fatal(err)
	}
	mustApply(b, s, sampleBatch(1000, 100))
	benchFacts(b, s, 1000)
}

// benchFacts reads every page of facts, 500 accounts a page (the desk's),
// keeping them all as the desk does (so the collector works as it would).
func benchFacts(b *testing.B, s *bolt.Store, accounts int) {
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		all := make([]*domain.Facts, 0, accounts)
		for after := ""; ; {
			p, err := s.Facts(after, 500)
			if err != nil {
				b.Fatal(err)
			}
			all = append(all, p.Facts...)
			if !p.More {
				break
			}
			after = p.Facts[len(p.Facts)-1].Account.Code
		}
		if len(all) != accounts {
			b.Fatalf("%d accounts, want %d", len(all), accounts)
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
		_, err := s.LogActivity(ctx, store.ActivityEntry{
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
// same book, the same buckets and keys (activity, promise, follow-up, the
// account's facts, the change counter and its log entry) with values of the
// same size, in one Update on a database kept open: no open, no checks, no
// encoding, no facts made. LogActivity ÷ this is the cost of the short-lock
// rule and of everything acctdesk does around the write.
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

// factsGrowth is about what a logged call with a promise and a follow-up
// adds to the account's facts: a touch, a promise and a follow-up.
const factsGrowth = 130

func benchSameWrites(b *testing.B, update func(func(*bbolt.Tx) error) error) {
	val := make([]byte, 110)
	entry := make([]byte, 10)
	var seq uint64
	b.ReportAllocs()
	for b.Loop() {
		seq++
		err := update(func(tx *bbolt.Tx) error {
			code := fmt.Sprintf("A%05d", seq%100)
			key := binary.BigEndian.AppendUint64([]byte(code+"\x00"), seq)
			for _, name := range []string{"activities", "promises", "followups"} {
				bk := tx.Bucket([]byte(name))
				if _, err := bk.NextSequence(); err != nil {
					return err
				}
				if err := bk.Put(key, val); err != nil {
					return err
				}
			}
			facts := tx.Bucket([]byte("facts"))
			grown := append(bytes.Clone(facts.Get([]byte(code))), make([]byte, factsGrowth)...)
			if err := facts.Put([]byte(code), grown); err != nil {
				return err
			}
			meta := tx.Bucket([]byte("meta"))
			n := binary.BigEndian.Uint64(meta.Get([]byte("changes"))) + 1
			if err := meta.Put([]byte("changes"), binary.BigEndian.AppendUint64(nil, n)); err != nil {
				return err
			}
			return tx.Bucket([]byte("changelog")).Put(binary.BigEndian.AppendUint64(nil, n), entry)
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

// BenchmarkChanged is a workstation's refresh after a colleague's call: what
// the last write touched.
func BenchmarkChanged(b *testing.B) {
	s, err := bolt.Open(filepath.Join(b.TempDir(), "book.db"), testOptions())
	if err != nil {
		b.Fatal(err)
	}
	mustApply(b, s, sampleBatch(10, 1))
	n, err := s.Changes()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if ch, err := s.Changed(n - 1); err != nil || len(ch.Accounts) != 10 {
			b.Fatal(ch, err)
		}
	}
}

// BenchmarkApplyPaymentRestates is the price of keeping facts: a payment on
// one account of 30 invoices, its ledger made again in the same write.
func BenchmarkApplyPaymentRestates(b *testing.B) {
	s, err := bolt.Open(filepath.Join(b.TempDir(), "book.db"), testOptions())
	if err != nil {
		b.Fatal(err)
	}
	mustApply(b, s, sampleBatch(300, 30))
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		i++
		if _, err := s.Apply(ctx, &store.Batch{Payments: []store.Rec[domain.Payment]{{V: domain.Payment{
			Account: "A00007", Reference: fmt.Sprintf("BENCH-%d", i), Received: domain.MustDate("2025-03-01"), Amount: decimal.NewFromInt(1)}}}}); err != nil {
			b.Fatal(err)
		}
	}
}

// The L book (10,000 accounts, 1,000,000 invoices; BENCHMARKS.md says how
// to build it). ACCTDESK_BENCH_L names a copy to read: opening it migrates
// it to this schema first, in place. ACCTDESK_BENCH_L2 names a book of
// schema 2 that BenchmarkMigrateL copies, never writes, and migrates.

// BenchmarkFactsL reads every account's facts of the L book, 500 a page.
func BenchmarkFactsL(b *testing.B) {
	path := os.Getenv("ACCTDESK_BENCH_L")
	if path == "" {
		b.Skip("ACCTDESK_BENCH_L names no L book")
	}
	s, err := bolt.Open(path, bolt.Options{})
	if err != nil {
		b.Fatal(err)
	}
	benchFacts(b, s, 10_000)
}

// BenchmarkMigrateL opens a copy of a schema-2 L book: every account's
// facts and ledger made, the change log begun, the standings dropped.
func BenchmarkMigrateL(b *testing.B) {
	src := os.Getenv("ACCTDESK_BENCH_L2")
	if src == "" {
		b.Skip("ACCTDESK_BENCH_L2 names no schema-2 L book")
	}
	for b.Loop() {
		b.StopTimer()
		dst := filepath.Join(b.TempDir(), "L.db")
		copyFile(b, src, dst)
		b.StartTimer()
		if _, err := bolt.Open(dst, bolt.Options{}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if info, err := os.Stat(dst); err == nil {
			b.ReportMetric(float64(info.Size()), "bytes")
		}
		os.Remove(dst)
		b.StartTimer()
	}
}

func copyFile(t testing.TB, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// reportCPU reports the process's CPU time per op (user and system, every
// thread: the collector's too) when the returned func runs: on a machine
// shared with other work, wall time per op says more of the neighbours.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		if b.N > 0 {
			b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
		}
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
