package bolt_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/bolt"
	"acctdesk/store/storetest"

	"github.com/shopspring/decimal"
	bbolt "go.etcd.io/bbolt"
)

var fixedNow = time.Date(2025, 3, 15, 9, 30, 0, 0, time.UTC)

func testOptions() bolt.Options {
	return bolt.Options{Now: func() time.Time { return fixedNow }, Timeout: 500 * time.Millisecond}
}

// ctx carries the author of the tests' writes.
var ctx = store.WithAuthor(context.Background(), "tester")

// openTemp opens a new book in a temp dir and checks it at cleanup, as
// bbolt's own btesting does.
func openTemp(t testing.TB) *bolt.Store {
	t.Helper()
	s, err := bolt.Open(filepath.Join(t.TempDir(), "book.db"), testOptions())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Check(); err != nil {
			t.Errorf("Check at cleanup: %v", err)
		}
	})
	return s
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}

func TestStampsUseAuthorAndClock(t *testing.T) {
	s := openTemp(t)
	mustApply(t, s, sampleBatch(1, 1))
	f, err := s.LoadAccount("A00000")
	if err != nil {
		t.Fatal(err)
	}
	st := f.Invoices[0].Stamp
	if st.By != "tester" || !st.At.Equal(fixedNow) || st.At.Location() != time.UTC {
		t.Errorf("stamp = %+v; want tester at %v UTC", st, fixedNow)
	}
}

func TestFileModes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "acctdesk")
	path := filepath.Join(dir, "book.db")
	if _, err := bolt.Open(path, testOptions()); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]os.FileMode{path: 0o600, dir: 0o700 | os.ModeDir, filepath.Dir(dir): 0o700 | os.ModeDir} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode() != want {
			t.Errorf("%s has mode %v, want %v", p, info.Mode(), want)
		}
	}
}

func TestOpenIsIdempotentAndRecordsMigrations(t *testing.T) {
	path := filepath.Join(t.TempDir(), "book.db")
	if _, err := bolt.Open(path, testOptions()); err != nil {
		t.Fatal(err)
	}
	s, err := bolt.Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if s.Path() != path {
		t.Errorf("Path = %s, want %s", s.Path(), path)
	}
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = db.View(func(tx *bbolt.Tx) error {
		n := 0
		_ = tx.Bucket([]byte("migrations")).ForEach(func(k, v []byte) error { n++; return nil })
		if n != 7 {
			t.Errorf("%d migrations recorded, want 7", n)
		}
		if v := tx.Bucket([]byte("meta")).Get([]byte("schema")); len(v) != 12 || v[7] != 7 {
			t.Errorf("schema = %x, want version 7 and its checksum", v)
		}
		return nil
	})
}

func TestInUse(t *testing.T) {
	s := openTemp(t)
	mustApply(t, s, sampleBatch(2, 2))
	// Another process writing holds the exclusive lock.
	holder, err := bbolt.Open(s.Path(), 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	short := testOptions()
	short.Timeout = 100 * time.Millisecond
	other, err := bolt.Open(s.Path(), short)
	if !errors.Is(err, store.ErrInUse) || !strings.Contains(err.Error(), "in use by another process") {
		t.Errorf("Open while locked = %v; want ErrInUse", err)
	}
	if other != nil {
		t.Error("Open returned a store with an error")
	}
	if _, err := s.Facts("", 10); !errors.Is(err, store.ErrInUse) {
		t.Errorf("Facts while locked = %v; want ErrInUse", err)
	}
	if _, err := s.Apply(ctx, sampleBatch(1, 1)); !errors.Is(err, store.ErrInUse) {
		t.Errorf("Apply while locked = %v; want ErrInUse", err)
	}
	if _, err := s.Changes(); !errors.Is(err, store.ErrInUse) {
		t.Errorf("Changes while locked = %v; want ErrInUse", err)
	}
	holder.Close()
	if _, err := s.Facts("", 10); err != nil {
		t.Errorf("Facts after the lock went: %v", err)
	}
}

func TestReadersShareTheFile(t *testing.T) {
	s := openTemp(t)
	mustApply(t, s, sampleBatch(2, 2))
	reader, err := bbolt.Open(s.Path(), 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	if _, err := s.Facts("", 10); err != nil {
		t.Errorf("Facts beside another reader: %v", err)
	}
	if _, err := bolt.Open(s.Path(), testOptions()); err != nil {
		t.Errorf("Open of a current book beside a reader: %v", err)
	}
	short := testOptions()
	short.Timeout = 100 * time.Millisecond
	w, err := bolt.Open(s.Path(), short)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Apply(ctx, sampleBatch(1, 1)); !errors.Is(err, store.ErrInUse) {
		t.Errorf("Apply beside a reader = %v; want ErrInUse", err)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	s := openTemp(t)
	var sealed []byte
	rawView(t, s.Path(), func(tx *bbolt.Tx) error {
		sealed = append(sealed, tx.Bucket([]byte("meta")).Get([]byte("schema"))...)
		return nil
	})
	defer rawUpdate(t, s.Path(), func(tx *bbolt.Tx) error { // so the cleanup Check passes
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), sealed)
	})
	setSchema(t, s.Path(), 8)
	_, err := bolt.Open(s.Path(), testOptions())
	if !errors.Is(err, store.ErrNewer) || !strings.Contains(err.Error(), "8") || !strings.Contains(err.Error(), "7") {
		t.Errorf("Open of a newer book = %v; want ErrNewer naming 8 and 7", err)
	}
	if _, err := s.Facts("", 10); !errors.Is(err, store.ErrNewer) {
		t.Errorf("Facts of a newer book = %v; want ErrNewer", err)
	}
	// A current version without its checksum is damage.
	setSchema(t, s.Path(), 3)
	if _, err := s.Facts("", 10); !errors.Is(err, store.ErrDamaged) {
		t.Errorf("Facts of a book whose schema version lost its checksum = %v; want ErrDamaged", err)
	}
	os.Remove(s.Path() + ".damaged")
}

func setSchema(t *testing.T, path string, v byte) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte{0, 0, 0, 0, 0, 0, 0, v})
	}); err != nil {
		t.Fatal(err)
	}
}

func TestNotABook(t *testing.T) {
	dir := t.TempDir()
	random := filepath.Join(dir, "random.bin")
	junk := make([]byte, 64*1024)
	r := rand.New(rand.NewPCG(9, 9))
	for i := range junk {
		junk[i] = byte(r.Uint32())
	}
	if err := os.WriteFile(random, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	text := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(text, []byte("not a database\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.db")
	db, err := bbolt.Open(other, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Update(func(tx *bbolt.Tx) error { _, err := tx.CreateBucket([]byte("widgets")); return err })
	db.Close()
	for _, p := range []string{random, text, other} {
		if _, err := bolt.Open(p, testOptions()); !errors.Is(err, store.ErrNotABook) {
			t.Errorf("Open(%s) = %v; want ErrNotABook", filepath.Base(p), err)
		}
	}
	// An empty bbolt file is as good as new.
	empty := filepath.Join(dir, "empty.db")
	db, err = bbolt.Open(empty, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := bolt.Open(empty, testOptions()); err != nil {
		t.Errorf("Open of an empty bbolt file: %v", err)
	}
}

// bigBook writes a book large enough to span many pages and closes it.
func bigBook(t testing.TB, accounts, invoices int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "book.db")
	s, err := bolt.Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	mustApply(t, s, sampleBatch(accounts, invoices))
	for i := range 50 {
		if _, err := s.LogActivity(ctx, store.ActivityEntry{Activity: domain.Activity{
			Account: fmt.Sprintf("A%05d", i%accounts), On: domain.MustDate("2025-03-01"), Kind: "note", Text: strings.Repeat("x", 200),
		}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Check(); err != nil {
		t.Fatalf("Check before damage: %v", err)
	}
	return path
}

// usedSize is how much of a book file holds pages (bbolt grows files ahead).
func usedSize(t testing.TB, path string) int {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int64
	_ = db.View(func(tx *bbolt.Tx) error { n = tx.Size(); return nil })
	return int(n)
}

// everything calls every method and reports the errors; a panic fails the test.
func everything(t *testing.T, path string) map[string]error {
	t.Helper()
	out := map[string]error{}
	s, err := bolt.Open(path, testOptions())
	out["Open"] = err
	if s == nil {
		// Open refused: try the methods on a handle to the same path anyway.
		s, _ = bolt.Open(filepath.Join(t.TempDir(), "scratch.db"), testOptions())
		s = retarget(t, s, path)
	}
	_, _, out["Read"] = readAll(s)
	out["Check"] = s.Check()
	_, out["LoadAccount"] = s.LoadAccount("A00003")
	_, out["Changes"] = s.Changes()
	_, out["Empty"] = s.Empty()
	_, out["Settings"] = s.Settings()
	_, out["Changed"] = s.Changed(0)
	_, out["Apply"] = s.Apply(ctx, sampleBatch(3, 2))
	_, out["LogActivity"] = s.LogActivity(ctx, store.ActivityEntry{Activity: domain.Activity{Account: "A00001", On: domain.MustDate("2025-03-01"), Kind: "note"}})
	out["Backup"] = s.Backup(filepath.Join(t.TempDir(), "copy.db"))
	for m, err := range out {
		// A damaged file must be let go: no method may leave it locked.
		if errors.Is(err, store.ErrInUse) {
			t.Errorf("%s: %v", m, err)
		}
	}
	return out
}

// retarget points a working store at another file by copying the other
// file over its own path, so methods can be called on a file Open refuses.
func retarget(t *testing.T, s *bolt.Store, path string) *bolt.Store {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.Path(), data, 0o600); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestDamagedPages(t *testing.T) {
	clean := bigBook(t, 600, 4)
	data, err := os.ReadFile(clean)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	pages := usedSize(t, clean) / page
	cases := []struct {
		name   string
		damage func(b []byte, r *rand.Rand)
	}{
		{"middle pages garbage", func(b []byte, r *rand.Rand) {
			for i := pages / 3 * page; i < 2*pages/3*page; i++ {
				b[i] = byte(r.Uint32())
			}
		}},
		{"page headers garbage", func(b []byte, r *rand.Rand) {
			for p := 3; p < pages; p += 3 {
				for i := range 16 {
					b[p*page+i] = byte(r.Uint32())
				}
			}
		}},
		{"element tables garbage", func(b []byte, r *rand.Rand) {
			for p := 3; p < pages; p += 2 {
				for i := 16; i < 200; i++ {
					b[p*page+i] = byte(r.Uint32())
				}
			}
		}},
		{"page ids swapped", func(b []byte, r *rand.Rand) {
			for p := 3; p+1 < pages; p += 4 {
				a, c := b[p*page:p*page+8], b[(p+1)*page:(p+1)*page+8]
				for i := range 8 {
					a[i], c[i] = c[i], a[i]
				}
			}
		}},
		{"scattered bytes flipped", func(b []byte, r *rand.Rand) {
			for i := 3 * page; i < pages*page; i += 97 + r.IntN(50) {
				b[i] ^= byte(1 + r.IntN(255))
			}
		}},
	}
	for seed, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			bad := append([]byte(nil), data...)
			tc.damage(bad, rand.New(rand.NewPCG(uint64(seed), 1)))
			path := filepath.Join(t.TempDir(), "damaged.db")
			if err := os.WriteFile(path, bad, 0o600); err != nil {
				t.Fatal(err)
			}
			errs := everything(t, path)
			if errs["Check"] == nil {
				t.Error("Check passed a damaged file")
			} else if !errors.Is(errs["Check"], store.ErrDamaged) && !errors.Is(errs["Check"], store.ErrNotABook) {
				t.Errorf("Check = %v; want ErrDamaged", errs["Check"])
			}
			if errs["Read"] == nil {
				t.Error("reading every account read a damaged file without error")
			}
			t.Logf("Check: %.300v", errs["Check"])
			t.Logf("Read: %.200v", errs["Read"])
		})
	}
}

// TestRandomDamage damages a real book in many small random ways: every
// method must answer with an error or a result, never panic or hang, and a
// book that passes Check must read.
func TestRandomDamage(t *testing.T) {
	clean := bigBook(t, 600, 4)
	data, err := os.ReadFile(clean)
	if err != nil {
		t.Fatal(err)
	}
	pages := usedSize(t, clean) / 4096
	for seed := range 120 {
		r := rand.New(rand.NewPCG(uint64(seed), 77))
		bad := append([]byte(nil), data...)
		switch seed % 4 {
		case 0: // one page of garbage
			p := 2 + r.IntN(pages-2)
			for i := p * 4096; i < (p+1)*4096; i++ {
				bad[i] = byte(r.Uint32())
			}
		case 1: // a few bytes anywhere after the meta pages
			for range 1 + r.IntN(8) {
				bad[8192+r.IntN(pages*4096-8192)] = byte(r.Uint32())
			}
		case 2: // one header field
			p := 2 + r.IntN(pages-2)
			off := r.IntN(16)
			bad[p*4096+off] = byte(r.Uint32())
		case 3: // copy one page over another
			a, b := 2+r.IntN(pages-2), 2+r.IntN(pages-2)
			copy(bad[a*4096:(a+1)*4096], data[b*4096:(b+1)*4096])
		}
		path := filepath.Join(t.TempDir(), "d.db")
		if err := os.WriteFile(path, bad, 0o600); err != nil {
			t.Fatal(err)
		}
		errs := everything(t, path)
		if errs["Check"] == nil && errs["Read"] != nil {
			t.Errorf("seed %d: Check passed but reading failed: %v", seed, errs["Read"])
		}
	}
}

func TestTruncatedFile(t *testing.T) {
	clean := bigBook(t, 600, 4)
	data, err := os.ReadFile(clean)
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []int{usedSize(t, clean) / 2, 3 * 4096, 100} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "short.db")
			if err := os.WriteFile(path, data[:size], 0o600); err != nil {
				t.Fatal(err)
			}
			errs := everything(t, path)
			for _, m := range []string{"Open", "Read", "Check"} {
				if errs[m] == nil {
					t.Errorf("%s on a truncated file succeeded", m)
				}
			}
			t.Logf("Open: %v", errs["Open"])
		})
	}
}

func TestReadOnlyFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes to read-only files")
	}
	s := openTemp(t)
	mustApply(t, s, sampleBatch(2, 2))
	if err := os.Chmod(s.Path(), 0o400); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(s.Path(), 0o600)
	if _, err := bolt.Open(s.Path(), testOptions()); err != nil {
		t.Errorf("Open of a current read-only book: %v", err)
	}
	if _, _, err := readAll(s); err != nil {
		t.Errorf("reading a read-only book: %v", err)
	}
	if _, err := s.Apply(ctx, sampleBatch(3, 1)); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("Apply to a read-only book = %v; want ErrReadOnly", err)
	}
}

func TestDeletedBookIsNotRecreated(t *testing.T) {
	s := openTemp(t)
	if err := os.Remove(s.Path()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Facts("", 10); err == nil {
		t.Error("Facts of a deleted book succeeded")
	}
	if _, err := s.Apply(ctx, sampleBatch(1, 1)); err == nil {
		t.Error("Apply to a deleted book succeeded")
	}
	if _, err := os.Stat(s.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a write recreated the deleted book: %v", err)
	}
	if _, err := bolt.Open(s.Path(), testOptions()); err != nil { // for the cleanup Check
		t.Fatal(err)
	}
}

func TestBackup(t *testing.T) {
	s := openTemp(t)
	mustApply(t, s, sampleBatch(20, 10))
	if _, err := s.LogActivity(ctx, store.ActivityEntry{
		Activity: domain.Activity{Account: "A00002", On: domain.MustDate("2025-03-01"), Kind: "call", Outcome: "promise"},
		Promise:  &domain.Promise{Amount: decimal.NewFromInt(100), DueOn: domain.MustDate("2025-03-05")},
	}); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(dest, []byte("old backup"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(dest); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(dest)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600", info.Mode().Perm())
	}
	copyStore, err := bolt.Open(dest, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if dumpBook(t, copyStore) != dumpBook(t, s) {
		t.Error("the backup loads differently from the original")
	}
	if err := copyStore.Check(); err != nil {
		t.Errorf("Check of the backup: %v", err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".*tmp*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	if err := s.Backup(s.Path()); err == nil {
		t.Error("Backup over the book itself succeeded")
	}
}

func TestCheckFindsBrokenIndex(t *testing.T) {
	path := filepath.Join(t.TempDir(), "book.db")
	s, err := bolt.Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	mustApply(t, s, sampleBatch(3, 3))
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Update(func(tx *bbolt.Tx) error {
		idx := tx.Bucket([]byte("idx_invoice_number"))
		_ = idx.Put([]byte("A00001-I0001"), []byte("A00002"))                         // points at the wrong account
		_ = idx.Put([]byte("GHOST"), []byte("A00001"))                                // points at nothing
		_ = tx.Bucket([]byte("invoices")).Put([]byte("NOBODY\x00X"), []byte{1, 0, 0}) // orphan, and garbage
		_ = tx.Bucket([]byte("payments")).Put([]byte("A00001\x00P"), []byte{9, 9})    // garbage
		return nil
	})
	db.Close()
	err = s.Check()
	if !errors.Is(err, store.ErrDamaged) {
		t.Fatalf("Check = %v; want ErrDamaged", err)
	}
	for _, want := range []string{"A00001-I0001", "GHOST", "NOBODY", `A00001\x00P`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Check does not mention %s:\n%v", want, err)
		}
	}
	if _, _, err := readAll(s); err == nil {
		t.Error("reading a book with a garbage record succeeded")
	}
}

// --- helpers

func mustApply(t testing.TB, s *bolt.Store, b *store.Batch) store.Result {
	t.Helper()
	res, err := s.Apply(ctx, b)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	return res
}

// sampleBatch is n accounts with m invoices each, codes A00000…, numbers A00000-I0000….
func sampleBatch(n, m int) *store.Batch {
	b := &store.Batch{}
	for i := range n {
		code := fmt.Sprintf("A%05d", i)
		b.Accounts = append(b.Accounts, store.Rec[domain.Account]{Line: i + 2, V: domain.Account{
			Code: code, Name: "Account " + code, Tier: 1 + i%3, Owner: []string{"ada", "bola", "chi"}[i%3],
			Status: domain.StatusActive, Terms: "term", TermsDays: 30, Currency: "NGN",
			CreditLimit: decimal.NewFromInt(int64(1000000 * (1 + i%7))), Products: []string{"AGO"},
		}})
		for j := range m {
			issued := domain.MustDate("2024-01-01").AddDays((i + j*3) % 420)
			b.Invoices = append(b.Invoices, store.Rec[domain.Invoice]{Line: len(b.Invoices) + 2, V: domain.Invoice{
				Account: code, Number: fmt.Sprintf("%s-I%04d", code, j), Issued: issued,
				Amount: decimal.New(int64(10000+(i*7919+j*104729)%5000000), -2), Product: "AGO",
				Quantity: decimal.NewFromInt(int64(100 + j)), Unit: "litre",
			}})
		}
	}
	return b
}

// readAll reads every account's facts, a page at a time, and its file.
func readAll(s *bolt.Store) ([]*domain.AccountFile, []*domain.Facts, error) {
	var files []*domain.AccountFile
	var facts []*domain.Facts
	for after := ""; ; {
		p, err := s.Facts(after, 100)
		if err != nil {
			return nil, nil, err
		}
		for _, x := range p.Facts {
			f, err := s.LoadAccount(x.Account.Code)
			if err != nil {
				return nil, nil, err
			}
			files, facts = append(files, f), append(facts, x)
		}
		if !p.More || len(p.Facts) == 0 {
			return files, facts, nil
		}
		after = p.Facts[len(p.Facts)-1].Account.Code
	}
}

// dumpBook is the settings, every account's file and facts, as text.
func dumpBook(t testing.TB, s *bolt.Store) string {
	t.Helper()
	set, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	files, facts, err := readAll(s)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%+v\n", set)
	for i, f := range files {
		fmt.Fprintf(&b, "%+v\n%+v\n", *f, *facts[i])
	}
	return b.String()
}

// TestFactsOfALargerBook crosses the sizes from which facts are made and
// decoded on several goroutines: every account's facts, read by pages,
// are domain.FactsOf of its file.
func TestFactsOfALargerBook(t *testing.T) {
	s := openTemp(t)
	mustApply(t, s, sampleBatch(700, 7))
	for i := range 40 {
		if _, err := s.LogActivity(ctx, store.ActivityEntry{Activity: domain.Activity{
			Account: fmt.Sprintf("A%05d", i*17), On: domain.MustDate("2025-03-01"), Kind: "call", Outcome: "reached",
			NextFollow: domain.MustDate("2025-03-09"),
		}}); err != nil {
			t.Fatal(err)
		}
	}
	files, facts, err := readAll(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 700 {
		t.Fatalf("%d accounts", len(files))
	}
	for i, f := range files {
		want, err := domain.FactsOf(f)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := fmt.Sprintf("%+v", *facts[i]), fmt.Sprintf("%+v", want); g != w {
			t.Fatalf("%s: facts\n got %s\nwant %s", f.Account.Code, g, w)
		}
	}
}
