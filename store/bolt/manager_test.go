package bolt_test

import (
	"bytes"
	"encoding/binary"
	"errors"
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

// downgradeLedgers rewrites every ledger as vLedger 1 (no lines, products
// or rebate notes), as a book before schema 6 holds them.
func downgradeLedgers(t *testing.T, tx *bbolt.Tx) {
	t.Helper()
	rewrite(t, tx, "ledgers", func(k, body []byte) []byte {
		v1, err := bolt.LedgerV1(body)
		if err != nil {
			t.Fatal(err)
		}
		return v1
	})
}

// rewrite replaces every value of a bucket with what fn makes of its body,
// sealed.
func rewrite(t *testing.T, tx *bbolt.Tx, bucket string, fn func(k, body []byte) []byte) {
	t.Helper()
	bk := tx.Bucket([]byte(bucket))
	type kv struct{ k, v []byte }
	var out []kv
	_ = bk.ForEach(func(k, v []byte) error {
		k = bytes.Clone(k)
		out = append(out, kv{k, bolt.Seal([]byte(bucket), k, fn(k, mustUnseal(t, bucket, k, v)))})
		return nil
	})
	for _, p := range out {
		if err := bk.Put(p.k, p.v); err != nil {
			t.Fatal(err)
		}
	}
}

// schema5Book is a book as the release before the account manager's
// records left it: schema 5, without the decisions and objectives buckets
// or the migration that makes them, its facts and ledgers in their older
// versions (no decisions, objectives, lines or rebate notes), a service
// issue of version 1, and contract A00001 C-OLD "ended" (the demo's word
// for a churned account's contract then). A00001 has a rebate credit note
// and invoices of two products.
func schema5Book(t *testing.T) string {
	t.Helper()
	s := openUnchecked(t)
	mustApply(t, s, sampleBatch(3, 2))
	inv := domain.Invoice{Account: "A00001", Number: "A00001-PMS", Issued: domain.MustDate("2024-03-01"), Amount: decimal.NewFromInt(900),
		Product: "PMS", Quantity: decimal.RequireFromString("12.5"), Unit: "litre"}
	mustApply(t, s, &store.Batch{
		Invoices: []store.Rec[domain.Invoice]{{V: inv}},
		Credits: []store.Rec[domain.CreditNote]{{V: domain.CreditNote{Account: "A00001", Number: "RB-C-OLD-2024-Q1", Date: domain.MustDate("2024-04-02"),
			Amount: decimal.NewFromInt(40), Reason: "rebate"}}},
		Contracts: []store.Rec[domain.Contract]{
			{V: domain.Contract{Account: "A00001", ID: "C-OLD", Start: domain.MustDate("2023-01-01"), End: domain.MustDate("2024-06-30"), Status: "active"}},
			{V: domain.Contract{Account: "A00002", ID: "C-NEW", Start: domain.MustDate("2024-01-01"), End: domain.MustDate("2025-12-31"), Status: "renewed"}},
		},
		Issues: []store.Rec[domain.ServiceIssue]{{V: domain.ServiceIssue{Account: "A00002", Kind: "quality", Opened: domain.MustDate("2024-05-01"),
			Owner: "ops", Status: "resolved", Resolution: "tank flushed", ConfirmedInWriting: true}}},
	})
	path := s.Path()
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		beforeAdmin(t, tx)
		for _, name := range []string{"decisions", "objectives"} {
			if err := tx.DeleteBucket([]byte(name)); err != nil {
				return err
			}
		}
		rewrite(t, tx, "facts", func(k, body []byte) []byte {
			v2, err := bolt.FactsV2(string(k), body)
			if err != nil {
				t.Fatal(err)
			}
			return v2
		})
		downgradeLedgers(t, tx)
		rewrite(t, tx, "issues", func(k, body []byte) []byte {
			code, own, _ := bytes.Cut(k, []byte{0})
			v1, err := bolt.IssueV1(string(code), own, body)
			if err != nil {
				t.Fatal(err)
			}
			return v1
		})
		rewrite(t, tx, "contracts", func(k, body []byte) []byte {
			if string(k) != "A00001\x00C-OLD" {
				return body
			}
			return bolt.ContractValue(domain.Contract{Account: "A00001", ID: "C-OLD", Start: domain.MustDate("2023-01-01"),
				End: domain.MustDate("2024-06-30"), Status: "ended", Stamp: domain.Stamp{By: "demo", At: fixedNow}})
		})
		if err := tx.Bucket([]byte("migrations")).Delete(binary.BigEndian.AppendUint64(nil, 6)); err != nil {
			return err
		}
		schema := []byte("schema")
		return tx.Bucket([]byte("meta")).Put(schema, bolt.Seal([]byte("meta"), schema, binary.BigEndian.AppendUint64(nil, 5)))
	})
	return path
}

// TestMigrateSchema5Book: a schema 5 book opens at schema 6 with every
// record where it was; its "ended" contract is terminated, with its stamp;
// its version 1 issue reads without a problem record; every account's facts
// are those of its file, lines, products and rebate notes included; Check
// passes; and credit decisions and objectives can then be written.
func TestMigrateSchema5Book(t *testing.T) {
	path := schema5Book(t)
	before := rawCounts(t, path)
	s := migrated(t, path)
	if got := rawCounts(t, path); fmt.Sprint(got) != fmt.Sprint(before) {
		t.Errorf("records after the migration %v, before %v", got, before)
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
	a1, a2 := files[1], files[2]
	// A00001: invoices of AGO (two, 100 and 101 litres) and PMS (12.5 litres):
	// quantities in tenths, 1000, 1010 and 125.
	l := facts[1].Ledger
	if !slices.Equal(l.Products, []string{"AGO", "PMS"}) || l.QtyExp != -1 || len(l.Lines) != 3 {
		t.Errorf("A00001's lines: products %v, exponent %d, %d lines", l.Products, l.QtyExp, len(l.Lines))
	}
	var qty []string
	for i := range l.Lines {
		qty = append(qty, l.InvoiceProduct(i)+" "+l.InvoiceQuantity(i).String())
	}
	slices.Sort(qty)
	if fmt.Sprint(qty) != "[AGO 100 AGO 101 PMS 12.5]" {
		t.Errorf("A00001's lines read %v", qty)
	}
	if n := facts[1].RebateNotes; len(n) != 1 || n[0].Number != "RB-C-OLD-2024-Q1" || !n[0].Amount.Equal(decimal.NewFromInt(40)) {
		t.Errorf("A00001's rebate notes %+v", n)
	}
	if len(a1.Contracts) != 1 || a1.Contracts[0].Status != domain.ContractTerminated || a1.Contracts[0].Stamp.By != "demo" {
		t.Errorf("the ended contract after the migration: %+v", a1.Contracts)
	}
	if len(a2.Contracts) != 1 || a2.Contracts[0].Status != domain.ContractRenewed {
		t.Errorf("the renewed contract after the migration: %+v", a2.Contracts)
	}
	if len(a2.Issues) != 1 || a2.Issues[0].Resolution != "tank flushed" || !a2.Issues[0].ResolvedOn.IsZero() || a2.Issues[0].Steps != nil {
		t.Errorf("the version 1 issue after the migration: %+v", a2.Issues)
	}

	res := mustApply(t, s, &store.Batch{
		Decisions: []store.Rec[domain.CreditDecision]{{V: domain.CreditDecision{Account: "A00001", On: domain.MustDate("2025-03-15"),
			Field: domain.FieldCreditLimit, Old: decimal.NewFromInt(2000000), New: decimal.NewFromInt(2500000), Reason: "volumes up"}}},
		Objectives: []store.Rec[domain.Objective]{{V: domain.Objective{Account: "A00002", Kind: "cross-sell", Measure: "PMS bought", Due: domain.MustDate("2025-06-30")}}},
	})
	if res.Summary() != "1 credit decision added, 1 objective added" {
		t.Errorf("after the migration: %q", res.Summary())
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}

// TestMigrateSchema6Idempotent: the migration to schema 6 run again on its
// own result (the schema set back to 5, its record removed) changes no
// record, ledger or facts value.
func TestMigrateSchema6Idempotent(t *testing.T) {
	path := schema5Book(t)
	migrated(t, path)
	first := rawValues(t, path)
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		if err := tx.Bucket([]byte("migrations")).Delete(binary.BigEndian.AppendUint64(nil, 6)); err != nil {
			return err
		}
		schema := []byte("schema")
		return tx.Bucket([]byte("meta")).Put(schema, bolt.Seal([]byte("meta"), schema, binary.BigEndian.AppendUint64(nil, 5)))
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

// rawValues is every value of the record and derived buckets, by bucket
// and key.
func rawValues(t *testing.T, path string) map[string]string {
	t.Helper()
	out := map[string]string{}
	rawView(t, path, func(tx *bbolt.Tx) error {
		return tx.ForEach(func(name []byte, bk *bbolt.Bucket) error {
			switch string(name) {
			case "meta", "migrations", "changelog":
				return nil // the counter, the instants the migrations ran
			}
			return bk.ForEach(func(k, v []byte) error {
				out[string(name)+" "+string(k)] = string(v)
				return nil
			})
		})
	})
	return out
}

// TestCheckKnowsDecisionsAndObjectives: check decodes and validates every
// credit decision and objective: a damaged value, one of no account, one
// that does not validate, one whose id another account's has too, and an
// id the bucket's sequence is behind are each listed by bucket and key;
// the facts that no longer match their records are listed too.
func TestCheckKnowsDecisionsAndObjectives(t *testing.T) {
	s := openUnchecked(t)
	mustApply(t, s, sampleBatch(2, 1))
	mustApply(t, s, &store.Batch{
		Decisions: []store.Rec[domain.CreditDecision]{{V: domain.CreditDecision{Account: "A00000", On: domain.MustDate("2025-03-15"),
			Field: domain.FieldOverdraft, New: decimal.NewFromInt(100000), NewExpires: domain.MustDate("2025-04-15"), Reason: "harvest season"}}},
		Objectives: []store.Rec[domain.Objective]{{V: domain.Objective{Account: "A00001", Kind: "volume", Measure: "litres a month",
			Target: "20000", Due: domain.MustDate("2025-12-31"), Steps: []domain.Step{{Text: "fleet visit", Due: domain.MustDate("2025-04-01")}}}}},
	})
	if err := s.Check(); err != nil {
		t.Fatalf("Check of a good book: %v", err)
	}
	key := func(code string, id uint64) []byte { return binary.BigEndian.AppendUint64([]byte(code+"\x00"), id) }
	var decisionKey, objectiveKey []byte
	rawView(t, s.Path(), func(tx *bbolt.Tx) error {
		decisionKey, _ = tx.Bucket([]byte("decisions")).Cursor().First()
		objectiveKey, _ = tx.Bucket([]byte("objectives")).Cursor().First()
		decisionKey, objectiveKey = bytes.Clone(decisionKey), bytes.Clone(objectiveKey)
		return nil
	})
	dID, oID := binary.BigEndian.Uint64(decisionKey[7:]), binary.BigEndian.Uint64(objectiveKey[7:])
	rawUpdate(t, s.Path(), func(tx *bbolt.Tx) error {
		dec, obj := tx.Bucket([]byte("decisions")), tx.Bucket([]byte("objectives"))
		dBody := mustUnseal(t, "decisions", decisionKey, dec.Get(decisionKey))
		oBody := mustUnseal(t, "objectives", objectiveKey, obj.Get(objectiveKey))
		put := func(bk *bbolt.Bucket, name string, k, body []byte) {
			if err := bk.Put(k, bolt.Seal([]byte(name), k, body)); err != nil {
				t.Fatal(err)
			}
		}
		put(dec, "decisions", key("GHOST", 90), dBody)       // an account that does not exist
		put(dec, "decisions", key("A00001", dID), dBody)     // the same id as A00000's
		put(obj, "objectives", key("A00000", oID+50), oBody) // an id past the sequence
		// An objective whose status is no status: its bytes decode, it
		// does not validate.
		bad := bytes.Replace(oBody, []byte("\x04open"), []byte("\x04shut"), 1)
		put(obj, "objectives", objectiveKey, bad)
		v := bytes.Clone(dec.Get(decisionKey))
		v[5] ^= 1
		return dec.Put(decisionKey, v)
	})
	err := s.Check()
	if err == nil {
		t.Fatal("Check passed")
	}
	for _, want := range []string{
		fmt.Sprintf("decisions %q: checksum mismatch", decisionKey),
		`decisions "GHOST\x00\x00\x00\x00\x00\x00\x00\x00Z": account GHOST does not exist`,
		fmt.Sprintf("decisions %q: id %d is also %q's", key("A00001", dID), dID, decisionKey),
		fmt.Sprintf(`objectives %q: objective 1: kind "volume" or status "shut" is not the domain's`, objectiveKey),
		fmt.Sprintf("objectives sequence %d is behind the ids it gave (up to %d)", oID, oID+50),
		`facts "A00001": cannot be made from its records`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Check does not list %s:\n%v", want, err)
		}
	}
}

// TestWordsEditedByHand: a contract whose rebate period, or an issue whose
// status, was edited by hand and sealed again decodes, but is not the
// domain's: reading the account fails naming the record, and check lists
// it — never a rebate worked out monthly from a quarterly scheme, or an
// issue shown "opeX".
func TestWordsEditedByHand(t *testing.T) {
	s := openUnchecked(t)
	mustApply(t, s, sampleBatch(2, 1))
	scheme, err := domain.ParseRebate("quantity/quarter:0=0%,1000=1%")
	if err != nil {
		t.Fatal(err)
	}
	mustApply(t, s, &store.Batch{
		Contracts: []store.Rec[domain.Contract]{{V: domain.Contract{Account: "A00000", ID: "K1", Start: domain.MustDate("2025-01-01"),
			End: domain.MustDate("2025-12-31"), Rebate: scheme}}},
		Issues: []store.Rec[domain.ServiceIssue]{{V: domain.ServiceIssue{Account: "A00001", Kind: "quality", Opened: domain.MustDate("2025-02-01")}}},
	})
	rawUpdate(t, s.Path(), func(tx *bbolt.Tx) error {
		for _, e := range []struct{ bucket, from, to string }{{"contracts", "\x07quarter", "\x07quartex"}, {"issues", "\x04open", "\x04opeX"}} {
			bk := tx.Bucket([]byte(e.bucket))
			k, v := bk.Cursor().First()
			k = bytes.Clone(k)
			body := mustUnseal(t, e.bucket, k, v)
			edited := bytes.Replace(body, []byte(e.from), []byte(e.to), 1)
			if bytes.Equal(edited, body) {
				t.Fatalf("%s: %q not found in the record", e.bucket, e.from)
			}
			if err := bk.Put(k, bolt.Seal([]byte(e.bucket), k, edited)); err != nil {
				return err
			}
		}
		return nil
	})
	for _, c := range []struct{ code, want string }{
		{"A00000", `contract K1: rebate: period "quartex" is not month or quarter`},
		{"A00001", `service issue 1: kind "quality" or status "opeX" is not the domain's`},
	} {
		if _, err := s.LoadAccount(c.code); err == nil || !errors.Is(err, store.ErrDamaged) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("LoadAccount(%s): %v, want damage saying %q", c.code, err, c.want)
		}
	}
	err = s.Check()
	for _, want := range []string{`contracts "A00000\x00K1": contract K1: rebate: period "quartex"`, `service issue 1: kind "quality" or status "opeX"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Check does not list %s:\n%v", want, err)
		}
	}
}
