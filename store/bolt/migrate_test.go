package bolt_test

import (
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"acctdesk/domain"
	"acctdesk/store/bolt"

	bbolt "go.etcd.io/bbolt"
)

// testdata/schema2.db.gz is a book written by the release before facts
// (schema 2), with its own binary:
//
//	acctdesk demo --db X --accounts 12 --seed 5 --as-of 2026-11-22 --user demo
//	acctdesk log call ABAT01 --db X --as-of 2026-11-22 --user demo --outcome promise \
//	    --contact Chidi --promise 500000@2026-11-27 --next 2026-11-28 --note "pays Friday"
//
// That release had no command that marks; the tests add marks as it stored
// them (markV1).

// schema2Book unpacks the fixture into a temp file.
func schema2Book(t *testing.T) string {
	t.Helper()
	in, err := os.Open(filepath.Join("testdata", "schema2.db.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	z, err := gzip.NewReader(in)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.db")
	out, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, z); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// markV1 is a mark as schema 2 stored it: version 1, stamp, account, done,
// until, on.
func markV1(by string, at time.Time, account string, done bool, until, on domain.Date) []byte {
	b := []byte{1}
	b = binary.AppendUvarint(b, uint64(len(by)))
	b = append(b, by...)
	b = append(b, 1)
	b = binary.AppendVarint(b, at.UnixNano())
	b = binary.AppendUvarint(b, uint64(len(account)))
	b = append(b, account...)
	if done {
		b = append(b, 1)
	} else {
		b = append(b, 0)
	}
	b = binary.AppendVarint(b, int64(until))
	return binary.AppendVarint(b, int64(on))
}

// rawUpdate changes a closed book with bbolt itself.
func rawUpdate(t *testing.T, path string, fn func(tx *bbolt.Tx) error) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
}

// rawView looks at a closed book with bbolt itself.
func rawView(t *testing.T, path string, fn func(tx *bbolt.Tx) error) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.View(fn); err != nil {
		t.Fatal(err)
	}
}

func rawCounter(t *testing.T, path string) uint64 {
	t.Helper()
	var n uint64
	rawView(t, path, func(tx *bbolt.Tx) error {
		n = binary.BigEndian.Uint64(tx.Bucket([]byte("meta")).Get([]byte("changes")))
		return nil
	})
	return n
}

// rawCounts counts the records of every account bucket.
func rawCounts(t *testing.T, path string) map[string]int {
	t.Helper()
	out := map[string]int{}
	rawView(t, path, func(tx *bbolt.Tx) error {
		for _, name := range []string{"contacts", "contracts", "invoices", "payments", "credits", "activities",
			"promises", "plans", "escalations", "issues", "followups", "surveys"} {
			out[name] = tx.Bucket([]byte(name)).Stats().KeyN
		}
		return nil
	})
	return out
}

// filesCounts counts the same records in account files.
func filesCounts(files []*domain.AccountFile) map[string]int {
	out := map[string]int{}
	for _, f := range files {
		for name, n := range map[string]int{"contacts": len(f.Contacts), "contracts": len(f.Contracts),
			"invoices": len(f.Invoices), "payments": len(f.Payments), "credits": len(f.Credits),
			"activities": len(f.Activities), "promises": len(f.Promises), "plans": len(f.Plans),
			"escalations": len(f.Escalations), "issues": len(f.Issues), "followups": len(f.FollowUps),
			"surveys": len(f.Surveys)} {
			out[name] += n
		}
	}
	return out
}

var markedAt = time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC)

// TestMigrateSchema2Book: a book of the previous release opens at schema 3
// with every record where it was, every account's facts those of its file,
// its marks under their accounts (or dropped when they name none that
// exists), the change log begun and the standings gone; Check passes.
func TestMigrateSchema2Book(t *testing.T) {
	path := schema2Book(t)
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		marks := tx.Bucket([]byte("marks"))
		for k, v := range map[string][]byte{
			"overdue:ABAT01:31-60":  markV1("ngozi", markedAt, "ABAT01", true, 0, domain.MustDate("2026-11-21")),
			"stale-contact:BENI01":  markV1("tunde", markedAt, "", false, domain.MustDate("2026-11-30"), domain.MustDate("2026-11-21")),
			"promise:GHOST01:7":     markV1("musa", markedAt, "GHOST01", true, 0, domain.MustDate("2026-11-21")),
			"a key naming no code":  markV1("musa", markedAt, "", true, 0, domain.MustDate("2026-11-21")),
			"overdue:NOSUCH01:1-30": markV1("musa", markedAt, "", true, 0, domain.MustDate("2026-11-21")),
		} {
			if err := marks.Put([]byte(k), v); err != nil {
				return err
			}
		}
		return nil
	})
	before, counter := rawCounts(t, path), rawCounter(t, path)
	s := migrated(t, path)

	files, facts, err := readAll(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 12 {
		t.Fatalf("%d accounts after the migration, want 12", len(files))
	}
	if got := filesCounts(files); fmt.Sprint(got) != fmt.Sprint(before) {
		t.Errorf("records after the migration %v, before %v", got, before)
	}
	marks := map[string][]domain.QueueMark{}
	for i, f := range files {
		want, err := domain.FactsOf(f)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := fmt.Sprintf("%+v", *facts[i]), fmt.Sprintf("%+v", want); g != w {
			t.Errorf("%s: migrated facts\n got %s\nwant %s", f.Account.Code, g, w)
		}
		if len(f.Marks) > 0 {
			marks[f.Account.Code] = f.Marks
		}
	}
	want := map[string][]domain.QueueMark{
		"ABAT01": {{Key: "overdue:ABAT01:31-60", Account: "ABAT01", Done: true, On: domain.MustDate("2026-11-21"),
			Stamp: domain.Stamp{By: "ngozi", At: markedAt}}},
		"BENI01": {{Key: "stale-contact:BENI01", Account: "BENI01", Until: domain.MustDate("2026-11-30"), On: domain.MustDate("2026-11-21"),
			Stamp: domain.Stamp{By: "tunde", At: markedAt}}},
	}
	if fmt.Sprint(marks) != fmt.Sprint(want) {
		t.Errorf("marks after the migration\n got %v\nwant %v", marks, want)
	}
	if n, err := s.Changes(); err != nil || n != counter+1 {
		t.Errorf("change counter %d, %v; want %d", n, err, counter+1)
	}
	if ch, err := s.Changed(counter); err != nil || !ch.All {
		t.Errorf("Changed from before the migration = %+v, %v; want All", ch, err)
	}
	rawView(t, path, func(tx *bbolt.Tx) error {
		if tx.Bucket([]byte("summaries")) != nil {
			t.Error("the summaries bucket is still there")
		}
		return nil
	})
}

// TestMigrateSchema1Book: a book of schema 1 (no standings) goes through
// every migration in one open.
func TestMigrateSchema1Book(t *testing.T) {
	path := schema2Book(t)
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		if err := tx.DeleteBucket([]byte("summaries")); err != nil {
			return err
		}
		if err := tx.Bucket([]byte("migrations")).Delete([]byte{0, 0, 0, 0, 0, 0, 0, 2}); err != nil {
			return err
		}
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte{0, 0, 0, 0, 0, 0, 0, 1})
	})
	s := migrated(t, path)
	files, facts, err := readAll(s)
	if err != nil || len(files) != 12 {
		t.Fatalf("%d accounts, %v", len(files), err)
	}
	for i, f := range files {
		want, _ := domain.FactsOf(f)
		if g, w := fmt.Sprintf("%+v", *facts[i]), fmt.Sprintf("%+v", want); g != w {
			t.Errorf("%s: migrated facts differ from the file's", f.Account.Code)
		}
	}
}

// migrated opens an old book (which migrates it) and checks the result.
func migrated(t *testing.T, path string) *bolt.Store {
	t.Helper()
	s, err := bolt.Open(path, testOptions())
	if err != nil {
		t.Fatalf("Open of an old book: %v", err)
	}
	if err := s.Check(); err != nil {
		t.Fatalf("Check after the migration: %v", err)
	}
	rawView(t, path, func(tx *bbolt.Tx) error {
		if v := tx.Bucket([]byte("meta")).Get([]byte("schema")); len(v) != 12 || v[7] != 7 {
			t.Errorf("schema %x after the migration, want 7", v)
		}
		if n := tx.Bucket([]byte("migrations")).Stats().KeyN; n != 7 {
			t.Errorf("%d migrations recorded, want 7", n)
		}
		return nil
	})
	return s
}
