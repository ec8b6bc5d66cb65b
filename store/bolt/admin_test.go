package bolt_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/bolt"

	"github.com/shopspring/decimal"
	bbolt "go.etcd.io/bbolt"
)

// beforeAdmin makes a book look as the releases before the
// administrator's records left it: without their buckets or the migration
// that makes them, its settings of version 3 (no required documents, no
// targets). The older-book fixtures all begin so.
func beforeAdmin(t *testing.T, tx *bbolt.Tx) {
	t.Helper()
	for _, name := range []string{"documents", "blockages", "reconciled"} {
		if err := tx.DeleteBucket([]byte(name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Bucket([]byte("migrations")).Delete(binary.BigEndian.AppendUint64(nil, 7)); err != nil {
		t.Fatal(err)
	}
	meta, key := tx.Bucket([]byte("meta")), []byte("settings")
	v3, err := bolt.SettingsV3(mustUnseal(t, "meta", key, meta.Get(key)))
	if err != nil {
		t.Fatal(err)
	}
	if err := meta.Put(key, bolt.Seal([]byte("meta"), key, v3)); err != nil {
		t.Fatal(err)
	}
}

// setSchemaSealed sets a book's schema version, sealed as a book of
// schema 3 or later holds it.
func setSchemaSealed(t *testing.T, tx *bbolt.Tx, v uint64) {
	t.Helper()
	schema := []byte("schema")
	if err := tx.Bucket([]byte("meta")).Put(schema, bolt.Seal([]byte("meta"), schema, binary.BigEndian.AppendUint64(nil, v))); err != nil {
		t.Fatal(err)
	}
}

// Two authors of a timeline.
var (
	ngozi = store.WithAuthor(context.Background(), "ngozi")
	bola  = store.WithAuthor(context.Background(), "bola")
)

// schema6Book is a book as the release before the administrator's
// records left it: schema 6, without their buckets or migration, its
// settings of version 3, its facts of version 3 (no targets, balances or
// authors of touches) and its ledgers of version 2 (no invoice numbers).
// A00000 has calls by ngozi, then bola, then ngozi again; A00001 one by
// bola; A00002 none. A00000 has a sales target and a balance.
func schema6Book(t *testing.T) string {
	t.Helper()
	s := openUnchecked(t)
	mustApply(t, s, sampleBatch(3, 2))
	for _, c := range []struct {
		ctx     context.Context
		account string
		on      string
	}{{ngozi, "A00000", "2025-03-03"}, {bola, "A00000", "2025-03-04"}, {ngozi, "A00000", "2025-03-05"}, {bola, "A00001", "2025-03-05"}} {
		if _, err := s.LogActivity(c.ctx, store.ActivityEntry{Activity: domain.Activity{Account: c.account, On: domain.MustDate(c.on),
			Kind: "call", Outcome: "reached", Text: "spoke"}}); err != nil {
			t.Fatal(err)
		}
	}
	mustApply(t, s, &store.Batch{
		Targets: []store.Rec[domain.Target]{{V: domain.Target{Account: "A00000", Month: domain.MustDate("2025-03-01"), Product: "AGO",
			Quantity: decimal.NewFromInt(5000), Amount: decimal.NewFromInt(4500000)}}},
		Balances: []store.Rec[domain.Balance]{{V: domain.Balance{Account: "A00000", On: domain.MustDate("2025-02-28"),
			Balance: decimal.RequireFromString("12345.67")}}},
	})
	path := s.Path()
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		beforeAdmin(t, tx)
		rewrite(t, tx, "facts", func(k, body []byte) []byte {
			v3, err := bolt.FactsV3(string(k), body)
			if err != nil {
				t.Fatal(err)
			}
			return v3
		})
		rewrite(t, tx, "ledgers", func(k, body []byte) []byte {
			v2, err := bolt.LedgerV2(body)
			if err != nil {
				t.Fatal(err)
			}
			return v2
		})
		setSchemaSealed(t, tx, 6)
		return nil
	})
	return path
}

// TestMigrateSchema6Book: a schema 6 book opens at schema 7 with every
// record where it was and the three new buckets; its settings read with
// no required documents and the SPEC's targets; every account's facts are
// those of its file — the authors of its touches, its targets and
// balances and its invoices' numbers included; Check passes; then
// documents, blockages, reconciliation marks and settings of version 4
// can be written and are read back.
func TestMigrateSchema6Book(t *testing.T) {
	path := schema6Book(t)
	before := rawCounts(t, path)
	s := migrated(t, path)
	if got := rawCounts(t, path); fmt.Sprint(got) != fmt.Sprint(before) {
		t.Errorf("records after the migration %v, before %v", got, before)
	}
	rawView(t, path, func(tx *bbolt.Tx) error {
		for _, name := range []string{"documents", "blockages", "reconciled"} {
			if bk := tx.Bucket([]byte(name)); bk == nil || bk.Stats().KeyN != 0 {
				t.Errorf("bucket %s after the migration: %v", name, bk)
			}
		}
		return nil
	})
	set, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	if set.Targets != domain.DefaultTargets() || set.RequiredDocs != nil {
		t.Errorf("version 3 settings read with targets %+v, required documents %v", set.Targets, set.RequiredDocs)
	}
	files, facts, err := readAll(s)
	if err != nil || len(files) != 3 {
		t.Fatalf("%d accounts, %v", len(files), err)
	}
	for i, f := range files {
		want, err := domain.FactsOf(f)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := fmt.Sprintf("%+v", *facts[i]), fmt.Sprintf("%+v", want); g != w {
			t.Errorf("%s: migrated facts\n got %s\nwant %s", f.Account.Code, g, w)
		}
	}
	// A00000's calls: ngozi, bola, ngozi — two authors, by first call.
	a0 := facts[0]
	var by []string
	for _, tc := range a0.Touches {
		by = append(by, a0.Author(tc))
	}
	if !slices.Equal(a0.Authors, []string{"ngozi", "bola"}) || !slices.Equal(by, []string{"ngozi", "bola", "ngozi"}) {
		t.Errorf("A00000's authors %v, its touches' %v", a0.Authors, by)
	}
	if len(a0.Targets) != 1 || !a0.Targets[0].Quantity.Equal(decimal.NewFromInt(5000)) ||
		len(a0.Balances) != 1 || a0.Balances[0].Balance.String() != "12345.67" {
		t.Errorf("A00000's targets %+v, balances %+v", a0.Targets, a0.Balances)
	}
	if n := a0.Ledger.Numbers; n.Len() != 2 || n.At(0) != "A00000-I0000" || n.At(1) != "A00000-I0001" {
		t.Errorf("A00000's invoice numbers %+v", n)
	}
	if len(facts[2].Touches) != 0 || facts[2].Authors != nil {
		t.Errorf("A00002 has no touches, yet authors %v", facts[2].Authors)
	}

	res := mustApply(t, s, &store.Batch{
		Documents: []store.Rec[domain.Document]{{V: domain.Document{Account: "A00001", Kind: "tax-identifier",
			Received: domain.MustDate("2025-03-10"), File: "scans/A00001/tin.pdf", SHA256: strings.Repeat("ab", 32)}}},
		Blockages:  []store.Rec[domain.Blockage]{{V: domain.Blockage{Account: "A00001", Reason: "no signed contract", Since: domain.MustDate("2025-03-10")}}},
		Reconciled: []store.Rec[domain.Reconciliation]{{V: domain.Reconciliation{Account: "A00000", AsOf: domain.MustDate("2025-02-28")}}},
	})
	if res.Summary() != "1 document added, 1 blockage added, 1 reconciliation added" {
		t.Errorf("after the migration: %q", res.Summary())
	}
	set.RequiredDocs = map[string][]string{"": {"signed-contract"}, "Manufacturing": {"company-registration", "signed-contract"}}
	set.Targets = domain.Targets{NRRPct: 105, LogoChurnPct: 4, BadDebtPct: 2, DSODays: 45}
	if err := s.SaveSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Settings(); err != nil || fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", set) {
		t.Errorf("settings saved as\n %+v, %v\nwant %+v", got, err, set)
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}

// TestMigrateSchema7Idempotent: the migration to schema 7 run again on its
// own result (the schema set back to 6, its record removed) changes no
// record, ledger or facts value.
func TestMigrateSchema7Idempotent(t *testing.T) {
	path := schema6Book(t)
	migrated(t, path)
	first := rawValues(t, path)
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		if err := tx.Bucket([]byte("migrations")).Delete(binary.BigEndian.AppendUint64(nil, 7)); err != nil {
			return err
		}
		setSchemaSealed(t, tx, 6)
		return nil
	})
	migrated(t, path)
	second := rawValues(t, path)
	for _, k := range slices.Sorted(maps.Keys(first)) {
		if first[k] != second[k] {
			t.Errorf("%q changed when the migration ran again", k)
		}
	}
	if len(first) != len(second) {
		t.Errorf("%d values after the migration, %d after it ran again", len(first), len(second))
	}
}

// TestCheckKnowsTheOpeningFile: check decodes and validates every
// document, blockage and reconciliation mark: a damaged value, one of no
// account, one that does not validate, a key that names no date, a
// blockage whose id another account's has too and one past the bucket's
// sequence are each listed by bucket and key; so are the facts that can
// no longer be made from their records.
func TestCheckKnowsTheOpeningFile(t *testing.T) {
	s := openUnchecked(t)
	mustApply(t, s, sampleBatch(2, 1))
	mustApply(t, s, &store.Batch{
		Documents: []store.Rec[domain.Document]{
			{V: domain.Document{Account: "A00000", Kind: "signed-contract", Received: domain.MustDate("2025-03-01"),
				ValidatedOn: domain.MustDate("2025-03-02"), ValidatedBy: "ada", File: "scans/contract.pdf", SHA256: strings.Repeat("0f", 32), Note: "two copies"}},
			{V: domain.Document{Account: "A00001", Kind: "tax-identifier"}},
		},
		Blockages:  []store.Rec[domain.Blockage]{{V: domain.Blockage{Account: "A00000", Reason: "awaiting the signatory's ID", Since: domain.MustDate("2025-03-01"), Owner: "ada"}}},
		Reconciled: []store.Rec[domain.Reconciliation]{{V: domain.Reconciliation{Account: "A00001", AsOf: domain.MustDate("2025-02-28")}}},
	})
	if err := s.Check(); err != nil {
		t.Fatalf("Check of a good book: %v", err)
	}
	var blockKey []byte
	rawView(t, s.Path(), func(tx *bbolt.Tx) error {
		blockKey, _ = tx.Bucket([]byte("blockages")).Cursor().First()
		blockKey = bytes.Clone(blockKey)
		return nil
	})
	id := binary.BigEndian.Uint64(blockKey[7:])
	idKey := func(code string, id uint64) []byte { return binary.BigEndian.AppendUint64([]byte(code+"\x00"), id) }
	docKey, recKey := []byte("A00000\x00signed-contract"), []byte("A00001\x002025-02-28")
	rawUpdate(t, s.Path(), func(tx *bbolt.Tx) error {
		docs, blocks, recs := tx.Bucket([]byte("documents")), tx.Bucket([]byte("blockages")), tx.Bucket([]byte("reconciled"))
		doc := mustUnseal(t, "documents", docKey, docs.Get(docKey))
		block := mustUnseal(t, "blockages", blockKey, blocks.Get(blockKey))
		rec := mustUnseal(t, "reconciled", recKey, recs.Get(recKey))
		put := func(bk *bbolt.Bucket, name string, k, body []byte) {
			if err := bk.Put(k, bolt.Seal([]byte(name), k, body)); err != nil {
				t.Fatal(err)
			}
		}
		put(docs, "documents", []byte("GHOST\x00signed-contract"), doc)  // an account that does not exist
		put(docs, "documents", []byte("A00001\x00Signed Contract"), doc) // a kind that is no word
		put(blocks, "blockages", idKey("A00001", id), block)             // the same id as A00000's
		put(blocks, "blockages", idKey("A00001", id+50), block)          // an id past the sequence
		put(recs, "reconciled", []byte("A00000\x00someday"), rec)        // no date
		v := bytes.Clone(recs.Get(recKey))
		v[len(v)-1] ^= 1
		return recs.Put(recKey, v)
	})
	err := s.Check()
	if err == nil {
		t.Fatal("Check passed")
	}
	for _, want := range []string{
		`documents "GHOST\x00signed-contract": account GHOST does not exist`,
		`documents "A00001\x00Signed Contract": kind`,
		fmt.Sprintf("blockages %q: id %d is also %q's", idKey("A00001", id), id, blockKey),
		fmt.Sprintf("blockages sequence %d is behind the ids it gave (up to %d)", id, id+50),
		`reconciled "A00000\x00someday": key "someday": not a date`,
		fmt.Sprintf("reconciled %q: checksum mismatch", recKey),
		`facts "A00001": cannot be made from its records`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Check does not list %s:\n%v", want, err)
		}
	}
}

// TestTouchAuthorsCostLittle: an account whose touches are all one
// person's stores the name once and nothing per touch; a second author
// costs a byte a touch.
func TestTouchAuthorsCostLittle(t *testing.T) {
	s := openUnchecked(t)
	mustApply(t, s, sampleBatch(1, 0))
	size := func() int {
		var n int
		rawView(t, s.Path(), func(tx *bbolt.Tx) error {
			n = len(tx.Bucket([]byte("facts")).Get([]byte("A00000")))
			return nil
		})
		return n
	}
	log := func(c context.Context, on string) {
		t.Helper()
		if _, err := s.LogActivity(c, store.ActivityEntry{Activity: domain.Activity{Account: "A00000", On: domain.MustDate(on), Kind: "note", Text: "n"}}); err != nil {
			t.Fatal(err)
		}
	}
	log(ngozi, "2025-03-01")
	one := size()
	log(ngozi, "2025-03-02")
	two := size()
	log(ngozi, "2025-03-03")
	// Each touch of the one author: id delta, date delta, kind, outcome.
	if step := size() - two; step != 4 || two-one != 4 {
		t.Errorf("a touch of the only author costs %d, then %d bytes; want 4", two-one, step)
	}
	three := size()
	log(bola, "2025-03-04")
	// bola's name (5 bytes), 4 for the touch, an index for each of 4 touches.
	if got := size() - three; got != 5+4+4 {
		t.Errorf("a second author cost %d bytes; want 13", got)
	}
	p, err := s.FactsOf([]string{"A00000"})
	if err != nil {
		t.Fatal(err)
	}
	x := p.Facts[0]
	var by []string
	for _, tc := range x.Touches {
		by = append(by, x.Author(tc))
	}
	if !slices.Equal(by, []string{"ngozi", "ngozi", "ngozi", "bola"}) {
		t.Errorf("touches by %v", by)
	}
}
