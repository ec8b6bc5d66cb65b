package bolt_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/bolt"

	bbolt "go.etcd.io/bbolt"
)

// logCall is a logged call on account code of the sample books.
func logCall(s *bolt.Store, code string) error {
	_, err := s.LogActivity(ctx, store.ActivityEntry{Activity: domain.Activity{
		Account: code, On: domain.MustDate("2025-03-01"), Kind: "call", Outcome: "reached"}})
	return err
}

// TestDamageMakesTheBookReadOnly: a reader that meets a damaged value
// leaves the marker; every write is then refused (ErrReadOnly, saying to
// run check) while reads go on; Damaged says so in one line; a check that
// fails keeps the marker, and one that passes removes it.
func TestDamageMakesTheBookReadOnly(t *testing.T) {
	s := openUnchecked(t)
	mustApply(t, s, sampleBatch(4, 2))
	if err := s.Damaged(); err != nil {
		t.Fatalf("Damaged of a whole book: %v", err)
	}
	var saved []byte
	rawUpdate(t, s.Path(), func(tx *bbolt.Tx) error {
		facts := tx.Bucket([]byte("facts"))
		saved = append(saved, facts.Get([]byte("A00002"))...)
		bad := append([]byte(nil), saved...)
		bad[len(bad)/2] ^= 0x10
		return facts.Put([]byte("A00002"), bad)
	})
	if _, err := s.FactsOf([]string{"A00002"}); !errors.Is(err, store.ErrDamaged) || !strings.Contains(err.Error(), `facts "A00002": checksum mismatch`) {
		t.Fatalf("FactsOf of a damaged value = %v; want ErrDamaged naming it", err)
	}
	d := s.Damaged()
	if !errors.Is(d, store.ErrDamaged) || strings.Contains(d.Error(), "\n") || !strings.Contains(d.Error(), `facts "A00002"`) || !strings.Contains(d.Error(), "read-only") {
		t.Fatalf("Damaged = %v; want one line naming the record and saying read-only", d)
	}
	for name, write := range map[string]func() error{
		"LogActivity": func() error { return logCall(s, "A00001") },
		"Apply":       func() error { _, err := s.Apply(ctx, sampleBatch(5, 1)); return err },
		"Mark": func() error {
			return s.Mark(ctx, domain.QueueMark{Account: "A00001", Key: "k", Done: true, On: domain.MustDate("2025-03-01")})
		},
		"SaveSettings": func() error { return s.SaveSettings(ctx, domain.DefaultSettings()) },
	} {
		err := write()
		if !errors.Is(err, store.ErrReadOnly) || !strings.Contains(err.Error(), "run acctdesk check") {
			t.Errorf("%s on a damaged book = %v; want ErrReadOnly saying to run check", name, err)
		}
	}
	if _, err := s.Facts("", 1); err != nil {
		t.Errorf("reading the first accounts of a read-only book: %v", err)
	}
	if err := s.Check(); err == nil || s.Damaged() == nil {
		t.Fatalf("Check = %v, Damaged = %v; want both to say damaged", err, s.Damaged())
	}
	rawUpdate(t, s.Path(), func(tx *bbolt.Tx) error { return tx.Bucket([]byte("facts")).Put([]byte("A00002"), saved) })
	if err := s.Check(); err != nil {
		t.Fatalf("Check of the mended book: %v", err)
	}
	if err := s.Damaged(); err != nil {
		t.Errorf("Damaged after a check that passed: %v", err)
	}
	if err := logCall(s, "A00001"); err != nil {
		t.Errorf("a write after a check that passed: %v", err)
	}
}

// TestCheckListsEveryBadRecord: check names every damaged record, by
// bucket and key, however many there are.
func TestCheckListsEveryBadRecord(t *testing.T) {
	s := openUnchecked(t)
	mustApply(t, s, sampleBatch(30, 2))
	rawUpdate(t, s.Path(), func(tx *bbolt.Tx) error {
		inv := tx.Bucket([]byte("invoices"))
		for i := range 25 {
			k := []byte(fmt.Sprintf("A%05d\x00A%05d-I0001", i, i))
			v := append([]byte(nil), inv.Get(k)...)
			v[3] ^= 1
			if err := inv.Put(k, v); err != nil {
				return err
			}
		}
		return nil
	})
	err := s.Check()
	if err == nil {
		t.Fatal("Check passed 25 damaged invoices")
	}
	for i := range 25 {
		if want := fmt.Sprintf(`invoices "A%05d\x00A%05d-I0001": checksum mismatch`, i, i); !strings.Contains(err.Error(), want) {
			t.Errorf("Check does not list %s", want)
		}
	}
	if !strings.Contains(err.Error(), "invoices 25") {
		t.Errorf("Check does not count 25 bad invoices:\n%.400v", err)
	}
}

// TestMissingRecordsAreCaught: records that went missing without a trace in
// any value (a damaged count in a page) are found by what readers compare:
// an account's file against its facts, the pages of facts against the
// count of accounts, the change log against the counter, a bucket's
// sequence against its ids.
func TestMissingRecordsAreCaught(t *testing.T) {
	t.Run("an invoice", func(t *testing.T) {
		s := openUnchecked(t)
		mustApply(t, s, sampleBatch(3, 3))
		rawUpdate(t, s.Path(), func(tx *bbolt.Tx) error {
			return tx.Bucket([]byte("invoices")).Delete([]byte("A00001\x00A00001-I0002"))
		})
		if _, err := s.LoadAccount("A00001"); !errors.Is(err, store.ErrDamaged) {
			t.Errorf("LoadAccount of an account that lost an invoice = %v; want ErrDamaged", err)
		}
	})
	t.Run("an account's facts", func(t *testing.T) {
		s := openUnchecked(t)
		mustApply(t, s, sampleBatch(5, 1))
		rawUpdate(t, s.Path(), func(tx *bbolt.Tx) error { return tx.Bucket([]byte("facts")).Delete([]byte("A00003")) })
		if _, _, err := readAll(s); !errors.Is(err, store.ErrDamaged) {
			t.Errorf("reading every page of a book that lost an account's facts = %v; want ErrDamaged", err)
		}
		if _, err := s.FactsOf([]string{"A00003"}); !errors.Is(err, store.ErrDamaged) {
			t.Errorf("FactsOf of an account that lost its facts = %v; want ErrDamaged", err)
		}
	})
	t.Run("an account and its facts", func(t *testing.T) {
		s := openUnchecked(t)
		mustApply(t, s, sampleBatch(5, 0))
		rawUpdate(t, s.Path(), func(tx *bbolt.Tx) error {
			_ = tx.Bucket([]byte("accounts")).Delete([]byte("A00004"))
			return tx.Bucket([]byte("facts")).Delete([]byte("A00004"))
		})
		if _, _, err := readAll(s); !errors.Is(err, store.ErrDamaged) || !strings.Contains(err.Error(), "4 accounts have facts, the book holds 5") {
			t.Errorf("reading every page = %v; want the count of accounts to disagree", err)
		}
	})
	t.Run("a ledger", func(t *testing.T) {
		s := openUnchecked(t)
		mustApply(t, s, sampleBatch(3, 2))
		rawUpdate(t, s.Path(), func(tx *bbolt.Tx) error { return tx.Bucket([]byte("ledgers")).Delete([]byte("A00001")) })
		if _, err := s.FactsOf([]string{"A00001"}); !errors.Is(err, store.ErrDamaged) {
			t.Errorf("FactsOf of an account that lost its ledger = %v; want ErrDamaged", err)
		}
	})
	t.Run("a change log entry", func(t *testing.T) {
		s := openUnchecked(t)
		for i := range 4 {
			mustApply(t, s, sampleBatch(i+1, 0))
		}
		n, _ := s.Changes()
		rawUpdate(t, s.Path(), func(tx *bbolt.Tx) error {
			return tx.Bucket([]byte("changelog")).Delete([]byte{0, 0, 0, 0, 0, 0, 0, byte(n - 1)})
		})
		if ch, err := s.Changed(n - 3); !errors.Is(err, store.ErrDamaged) {
			t.Errorf("Changed across a lost entry = %+v, %v; want ErrDamaged", ch, err)
		}
	})
	t.Run("a sequence behind its ids", func(t *testing.T) {
		s := openUnchecked(t)
		mustApply(t, s, sampleBatch(2, 0))
		for range 3 {
			if err := logCall(s, "A00001"); err != nil {
				t.Fatal(err)
			}
		}
		rawUpdate(t, s.Path(), func(tx *bbolt.Tx) error { return tx.Bucket([]byte("activities")).SetSequence(1) })
		if err := logCall(s, "A00001"); !errors.Is(err, store.ErrDamaged) {
			t.Errorf("a call whose new id is taken = %v; want ErrDamaged, not an overwritten call", err)
		}
		os.Remove(s.Path() + ".damaged")
		if err := s.Check(); err == nil || !strings.Contains(err.Error(), "activities sequence 1 is behind") {
			t.Errorf("Check = %v; want the sequence reported", err)
		}
	})
}

// TestAuthorWithControlsRefused: a record's author is text the book shows;
// one with a control character is refused before anything is written.
func TestAuthorWithControlsRefused(t *testing.T) {
	s := openTemp(t)
	mustApply(t, s, sampleBatch(1, 0))
	bad := store.WithAuthor(ctx, "eve\x1b[2J")
	if _, err := s.LogActivity(bad, store.ActivityEntry{Activity: domain.Activity{
		Account: "A00000", On: domain.MustDate("2025-03-01"), Kind: "note"}}); err == nil {
		t.Error("a write by an author with an escape sequence succeeded")
	}
}

// TestPreflightRefusesAFreelistOutOfOrder: the free pages a write would
// hand out are listed in order; an entry out of order is damage, found
// before the write.
func TestPreflightRefusesAFreelistOutOfOrder(t *testing.T) {
	s := openUnchecked(t)
	mustApply(t, s, sampleBatch(40, 3))
	for i := range 5 {
		if err := logCall(s, fmt.Sprintf("A%05d", i)); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	// The meta page of the latest transaction names the freelist page.
	const page = 4096
	var freelist uint64
	var txid uint64
	for id := range 2 {
		m := data[id*page+16:]
		if tx := le64(m[48:]); tx >= txid {
			txid, freelist = tx, le64(m[32:])
		}
	}
	p := data[int(freelist)*page:]
	count := int(uint16(p[10]) | uint16(p[11])<<8)
	if count < 2 {
		t.Skipf("the freelist holds %d pages", count)
	}
	// Swap the first two entries.
	a, b := p[16:24], p[24:32]
	for i := range 8 {
		a[i], b[i] = b[i], a[i]
	}
	if err := os.WriteFile(s.Path(), data, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := logCall(s, "A00001"); !errors.Is(err, store.ErrDamaged) || !strings.Contains(err.Error(), "out of order") {
		t.Errorf("a write to a book whose freelist is out of order = %v; want ErrDamaged", err)
	}
}

func le64(b []byte) uint64 {
	var v uint64
	for i := 7; i >= 0; i-- {
		v = v<<8 | uint64(b[i])
	}
	return v
}
