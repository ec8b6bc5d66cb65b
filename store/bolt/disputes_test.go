package bolt_test

import (
	"encoding/binary"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/bolt"

	"github.com/shopspring/decimal"
	bbolt "go.etcd.io/bbolt"
)

// schema4Book is a book as the release before disputes left it: schema 4,
// without the disputes bucket or the migration that makes it (nor those
// of schema 6), its facts in their version 1 (no disputes) and its ledgers
// in theirs, and with invoice A00001-D flagged disputed by an import.
func schema4Book(t *testing.T) string {
	t.Helper()
	s := openUnchecked(t)
	mustApply(t, s, sampleBatch(3, 2))
	inv := domain.Invoice{Account: "A00001", Number: "A00001-D", Issued: domain.MustDate("2026-10-01"), Due: domain.MustDate("2026-10-31"),
		Amount: decimal.NewFromInt(900), Currency: "NGN", Disputed: true, DisputeReason: "wrong grade"}
	mustApply(t, s, &store.Batch{Invoices: []store.Rec[domain.Invoice]{{V: inv}}})
	path := s.Path()
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		beforeAdmin(t, tx)
		for _, name := range []string{"disputes", "decisions", "objectives"} {
			if err := tx.DeleteBucket([]byte(name)); err != nil {
				return err
			}
		}
		downgradeLedgers(t, tx)
		facts := tx.Bucket([]byte("facts"))
		type kv struct{ k, v []byte }
		var old []kv
		_ = facts.ForEach(func(k, v []byte) error {
			body := mustUnseal(t, "facts", k, v)
			v1, err := bolt.FactsV1(string(k), body)
			if err != nil {
				t.Fatal(err)
			}
			old = append(old, kv{append([]byte(nil), k...), bolt.Seal([]byte("facts"), k, v1)})
			return nil
		})
		for _, p := range old {
			if err := facts.Put(p.k, p.v); err != nil {
				return err
			}
		}
		for _, m := range []uint64{5, 6} {
			if err := tx.Bucket([]byte("migrations")).Delete(binary.BigEndian.AppendUint64(nil, m)); err != nil {
				return err
			}
		}
		schema := []byte("schema")
		return tx.Bucket([]byte("meta")).Put(schema, bolt.Seal([]byte("meta"), schema, binary.BigEndian.AppendUint64(nil, 4)))
	})
	return path
}

// TestMigrateSchema4Book: a schema 4 book opens at schema 5; its disputed
// invoice is an open imported dispute, opened on the day the invoice was
// written, by whoever wrote it, with its reason; Check passes and the facts
// carry it.
func TestMigrateSchema4Book(t *testing.T) {
	path := schema4Book(t)
	s := migrated(t, path)
	f, err := s.LoadAccount("A00001")
	if err != nil {
		t.Fatal(err)
	}
	var inv domain.Invoice
	for _, x := range f.Invoices {
		if x.Number == "A00001-D" {
			inv = x
		}
	}
	want := domain.Dispute{Account: "A00001", Invoice: "A00001-D", Seq: 1, Reason: "wrong grade", Owner: inv.Stamp.By,
		OpenedOn: domain.DateOf(inv.Stamp.At.UTC()), Status: domain.DisputeOpen, Imported: true, Stamp: inv.Stamp}
	if len(f.Disputes) != 1 || f.Disputes[0] != want {
		t.Fatalf("disputes %+v; want %+v", f.Disputes, want)
	}
	p, err := s.FactsOf([]string{"A00001"})
	if err != nil || len(p.Facts[0].Disputes) != 1 {
		t.Fatalf("facts: %+v, %v", p.Facts, err)
	}
}

// TestCheckKnowsDisputes: a dispute of an invoice not on its account, and
// an invoice whose flag disagrees with its latest dispute, are listed.
func TestCheckKnowsDisputes(t *testing.T) {
	s := openUnchecked(t)
	mustApply(t, s, sampleBatch(2, 1))
	inv := domain.Invoice{Account: "A00001", Number: "A00001-D", Issued: domain.MustDate("2026-10-01"), Amount: decimal.NewFromInt(900),
		Currency: "NGN", Disputed: true, DisputeReason: "wrong grade"}
	mustApply(t, s, &store.Batch{On: domain.MustDate("2026-11-02"), Invoices: []store.Rec[domain.Invoice]{{V: inv}}})
	if err := s.Check(); err != nil {
		t.Fatalf("Check of a good book: %v", err)
	}
	rawUpdate(t, s.Path(), func(tx *bbolt.Tx) error {
		bk := tx.Bucket([]byte("disputes"))
		k := append([]byte("A00001\x00A00001-D\x00"), binary.BigEndian.AppendUint64(nil, 1)...)
		body := mustUnseal(t, "disputes", k, bk.Get(k))
		ghost := append([]byte("A00001\x00NOPE\x00"), binary.BigEndian.AppendUint64(nil, 1)...)
		if err := bk.Put(ghost, bolt.Seal([]byte("disputes"), ghost, body)); err != nil {
			return err
		}
		return bk.Delete(k)
	})
	err := s.Check()
	if err == nil {
		t.Fatal("Check passed")
	}
	for _, w := range []string{`invoice NOPE is not on account A00001`, `disputed, but the invoice has no dispute`} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("Check does not list %q:\n%v", w, err)
		}
	}
}
