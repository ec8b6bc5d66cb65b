package bolt_test

import (
	"encoding/binary"
	"fmt"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/bolt"

	"github.com/shopspring/decimal"
	bbolt "go.etcd.io/bbolt"
)

// schema3Book is a book as the release before targets and balances left
// it: schema 3, without their buckets or the migration that makes them,
// nor those of the later schemas (the facts are rewritten whatever they
// hold: the last migration makes them).
func schema3Book(t *testing.T) string {
	t.Helper()
	s := openUnchecked(t)
	mustApply(t, s, sampleBatch(5, 3))
	path := s.Path()
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		beforeAdmin(t, tx)
		for _, name := range []string{"targets", "balances", "disputes", "decisions", "objectives"} {
			if err := tx.DeleteBucket([]byte(name)); err != nil {
				return err
			}
		}
		for _, m := range []uint64{4, 5, 6} {
			if err := tx.Bucket([]byte("migrations")).Delete(binary.BigEndian.AppendUint64(nil, m)); err != nil {
				return err
			}
		}
		schema := []byte("schema")
		return tx.Bucket([]byte("meta")).Put(schema, bolt.Seal([]byte("meta"), schema, binary.BigEndian.AppendUint64(nil, 3)))
	})
	return path
}

// TestMigrateSchema3Book: a schema 3 book opens at schema 4 with the two
// new buckets, every record where it was; Check passes, and targets and
// balances can then be written.
func TestMigrateSchema3Book(t *testing.T) {
	path := schema3Book(t)
	before := rawCounts(t, path)
	s := migrated(t, path) // the current schema, every migration recorded, Check passes
	if got := rawCounts(t, path); fmt.Sprint(got) != fmt.Sprint(before) {
		t.Errorf("records after the migration %v, before %v", got, before)
	}
	res := mustApply(t, s, &store.Batch{
		Targets:  []store.Rec[domain.Target]{{Line: 2, V: domain.Target{Account: "A00001", Month: domain.MustDate("2026-11-01"), Amount: decimal.NewFromInt(500000)}}},
		Balances: []store.Rec[domain.Balance]{{Line: 2, V: domain.Balance{Account: "A00001", On: domain.MustDate("2026-11-30"), Balance: decimal.NewFromInt(-20)}}},
	})
	if res.Summary() != "1 target added, 1 balance added" {
		t.Errorf("after the migration: %q", res.Summary())
	}
	f, err := s.LoadAccount("A00001")
	if err != nil || len(f.Targets) != 1 || len(f.Balances) != 1 || f.Targets[0].Currency != "NGN" {
		t.Errorf("LoadAccount: %+v %+v, %v", f.Targets, f.Balances, err)
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}

// TestCheckKnowsTargetsAndBalances: check decodes every target and balance:
// a damaged value, a target of no account, and a balance whose key is no
// date are each listed by bucket and key.
func TestCheckKnowsTargetsAndBalances(t *testing.T) {
	s := openUnchecked(t)
	mustApply(t, s, sampleBatch(2, 1))
	mustApply(t, s, &store.Batch{
		Targets:  []store.Rec[domain.Target]{{Line: 2, V: domain.Target{Account: "A00000", Month: domain.MustDate("2026-11-01"), Product: "AGO", Quantity: decimal.NewFromInt(7)}}},
		Balances: []store.Rec[domain.Balance]{{Line: 2, V: domain.Balance{Account: "A00001", On: domain.MustDate("2026-11-30"), Balance: decimal.NewFromInt(3)}}},
	})
	if err := s.Check(); err != nil {
		t.Fatalf("Check of a good book: %v", err)
	}
	rawUpdate(t, s.Path(), func(tx *bbolt.Tx) error {
		tg, bal := tx.Bucket([]byte("targets")), tx.Bucket([]byte("balances"))
		k := []byte("A00000\x002026-11\x00AGO")
		v := append([]byte(nil), tg.Get(k)...)
		ghost := []byte("GHOST\x002026-11\x00")
		if err := tg.Put(ghost, bolt.Seal([]byte("targets"), ghost, mustUnseal(t, "targets", k, v))); err != nil {
			return err
		}
		v[3] ^= 1
		if err := tg.Put(k, v); err != nil {
			return err
		}
		bk := []byte("A00001\x002026-11-30")
		body := mustUnseal(t, "balances", bk, bal.Get(bk))
		notADate := []byte("A00001\x00someday")
		return bal.Put(notADate, bolt.Seal([]byte("balances"), notADate, body))
	})
	err := s.Check()
	if err == nil {
		t.Fatal("Check passed a damaged target and balance")
	}
	for _, want := range []string{
		`targets "A00000\x002026-11\x00AGO": checksum mismatch`,
		`targets "GHOST\x002026-11\x00": account GHOST does not exist`,
		`balances "A00001\x00someday": key "someday": not a date`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Check does not list %s:\n%v", want, err)
		}
	}
}

func mustUnseal(t *testing.T, bucket string, k, v []byte) []byte {
	t.Helper()
	body, err := bolt.Unseal([]byte(bucket), k, v)
	if err != nil {
		t.Fatal(err)
	}
	return body
}
