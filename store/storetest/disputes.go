package storetest

import (
	"fmt"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"
)

// Disputes (SPEC §9.1): raised and resolved as batches of the invoice's
// flag, the dispute and its timeline entry (and a credit note), in one
// transaction; opened and resolved by an import's disputed column.

// disputesBook is ACME (NGN) with I-1 (1,000.00) and I-2 (500.00), and
// BETA (USD) with B-1.
func disputesBook(t *testing.T, s store.Store) {
	t.Helper()
	as := accounts()
	apply(t, s, &store.Batch{
		Accounts: []store.Rec[domain.Account]{{V: as[0]}, {V: as[1]}},
		Invoices: []store.Rec[domain.Invoice]{
			{V: invoice("ACME", "I-1", "2026-10-01", "2026-10-31", "1000.00", "NGN")},
			{V: invoice("ACME", "I-2", "2026-10-05", "2026-11-04", "500.00", "NGN")},
			{V: invoice("BETA", "B-1", "2026-10-01", "2026-10-31", "70.00", "USD")},
		},
	})
}

// importRows is an invoices import of ACME's I-1 and I-2 with the disputed
// column (and its reason) as given, on the business date on.
func importRows(on string, disputed1, disputed2 bool) *store.Batch {
	i1 := invoice("ACME", "I-1", "2026-10-01", "2026-10-31", "1000.00", "NGN")
	i1.Disputed, i1.DisputeReason = disputed1, "wrong price"
	i2 := invoice("ACME", "I-2", "2026-10-05", "2026-11-04", "500.00", "NGN")
	i2.Disputed = disputed2
	return &store.Batch{On: d(on), Columns: []string{"account", "number", "issue_date", "due_date", "amount", "disputed", "dispute_reason"},
		Invoices: []store.Rec[domain.Invoice]{{Line: 2, V: i1}, {Line: 3, V: i2}}}
}

func disputeSummary(ds []domain.Dispute) string {
	out := ""
	for _, x := range ds {
		out += fmt.Sprintf("%s#%d %s %s→%s %q by %s imported=%v credit=%s; ", x.Invoice, x.Seq, x.Status, x.OpenedOn, x.ResolvedOn, x.Resolution, x.Owner, x.Imported, x.Credit)
	}
	return out
}

func wantDisputes(t *testing.T, s store.Store, what, want string) {
	t.Helper()
	f := loadFile(t, s, "ACME")
	if got := disputeSummary(f.Disputes); got != want {
		t.Errorf("%s: disputes\n  %s\nwant\n  %s", what, got, want)
	}
	p, err := s.FactsOf([]string{"ACME"})
	if err != nil || len(p.Facts) != 1 {
		t.Fatalf("FactsOf: %v", err)
	}
	if got := disputeSummary(p.Facts[0].Disputes); got != want {
		t.Errorf("%s: the facts' disputes\n  %s\nwant\n  %s", what, got, want)
	}
	// Each disputed invoice's place in the ledger: I-1 (due 10-31) is
	// first, I-2 (due 11-04) second.
	for i, x := range p.Facts[0].Disputes {
		if want := map[string]int32{"I-1": 0, "I-2": 1}[x.Invoice]; p.Facts[0].DisputeInvoices[i] != want {
			t.Errorf("%s: dispute %s#%d at ledger invoice %d, want %d", what, x.Invoice, x.Seq, p.Facts[0].DisputeInvoices[i], want)
		}
	}
	// The flag follows the latest dispute: open → disputed.
	for _, inv := range f.Invoices {
		open := domain.OpenDisputeOf(f.Disputes, inv.Number) != nil
		if inv.Disputed != open {
			t.Errorf("%s: invoice %s disputed=%v, open dispute %v", what, inv.Number, inv.Disputed, open)
		}
	}
	if err := s.Check(); err != nil {
		t.Errorf("%s: Check: %v", what, err)
	}
}

func testImportDisputes(t *testing.T, s store.Store) {
	disputesBook(t, s)
	res := apply(t, s, importRows("2026-11-10", true, false))
	if c := res.ByKind[store.KindDisputes]; c.Added != 1 {
		t.Errorf("import: disputes %+v; want 1 added", c)
	}
	wantDisputes(t, s, "imported disputed", `I-1#1 open 2026-11-10→ "" by tester imported=true credit=; `)
	f := loadFile(t, s, "ACME")
	if f.Disputes[0].Reason != "wrong price" {
		t.Errorf("reason %q; want the file's", f.Disputes[0].Reason)
	}
	// The same file again, any day: nothing changes.
	n := changes(t, s)
	if res := apply(t, s, importRows("2026-11-12", true, false)); res.Changed() {
		t.Errorf("the same file again: %v", res)
	}
	if m := changes(t, s); m != n {
		t.Errorf("the same file again moved the change counter %d → %d", n, m)
	}
	// A file without the disputed column keeps it.
	b := importRows("2026-11-13", false, false)
	b.Columns = []string{"account", "number", "issue_date", "due_date", "amount"}
	apply(t, s, b)
	wantDisputes(t, s, "no disputed column", `I-1#1 open 2026-11-10→ "" by tester imported=true credit=; `)
	// disputed=no: resolved by the import, on its date.
	res = apply(t, s, importRows("2026-11-20", false, false))
	if c := res.ByKind[store.KindDisputes]; c.Updated != 1 {
		t.Errorf("re-import disputed=no: disputes %+v; want 1 updated", c)
	}
	wantDisputes(t, s, "disputed=no", `I-1#1 resolved 2026-11-10→2026-11-20 "resolved by import" by tester imported=true credit=; `)
	if res := apply(t, s, importRows("2026-11-21", false, false)); res.Changed() {
		t.Errorf("disputed=no again: %v", res)
	}
	// Disputed again in a later file: the invoice's second dispute.
	apply(t, s, importRows("2026-11-25", true, false))
	wantDisputes(t, s, "disputed again", `I-1#1 resolved 2026-11-10→2026-11-20 "resolved by import" by tester imported=true credit=; `+
		`I-1#2 open 2026-11-25→ "" by tester imported=true credit=; `)
}

// raiseBatch raises a dispute by hand: the flag, the record and its entry.
func raiseBatch(f *domain.AccountFile, number string, seq uint64, on string) *store.Batch {
	inv := *find(f.Invoices, number)
	inv.Disputed = true
	x := domain.Dispute{Account: "ACME", Invoice: number, Seq: seq, Reason: "price", Owner: "ada", OpenedOn: d(on), Status: domain.DisputeOpen}
	return &store.Batch{On: d(on), Invoices: []store.Rec[domain.Invoice]{{V: inv}}, Disputes: []store.Rec[domain.Dispute]{{V: x}},
		Activities: []store.ActivityEntry{{Activity: x.RaisedEntry()}}}
}

// resolveBatch resolves it, with a credit note of amount when not "".
func resolveBatch(f *domain.AccountFile, number, on, credit, creditNumber string) *store.Batch {
	inv := *find(f.Invoices, number)
	inv.Disputed = false
	x := *domain.OpenDisputeOf(f.Disputes, number)
	x.Status, x.ResolvedOn, x.Resolution = domain.DisputeResolved, d(on), "agreed"
	b := &store.Batch{On: d(on), Invoices: []store.Rec[domain.Invoice]{{V: inv}}}
	if credit != "" {
		x.Credit = creditNumber
		b.Credits = []store.Rec[domain.CreditNote]{{V: domain.CreditNote{Account: "ACME", Number: creditNumber, Date: d(on),
			Amount: dec(credit), Currency: "NGN", Reason: "price-correction", Invoice: number}}}
	}
	b.Disputes = []store.Rec[domain.Dispute]{{V: x}}
	b.Activities = []store.ActivityEntry{{Activity: x.ResolvedEntry()}}
	return b
}

func find(invs []domain.Invoice, number string) *domain.Invoice {
	for i := range invs {
		if invs[i].Number == number {
			return &invs[i]
		}
	}
	panic(number)
}

func testRaiseResolveDispute(t *testing.T, s store.Store) {
	disputesBook(t, s)
	n := changes(t, s)
	apply(t, s, raiseBatch(loadFile(t, s, "ACME"), "I-2", 1, "2026-11-10"))
	// The change log names the account the dispute was raised on.
	if c, err := s.Changed(n); err != nil || c.All || len(c.Accounts) != 1 || c.Accounts[0] != "ACME" {
		t.Errorf("Changed after the raise: %+v, %v", c, err)
	}
	wantDisputes(t, s, "raised", `I-2#1 open 2026-11-10→ "" by ada imported=false credit=; `)
	f := loadFile(t, s, "ACME")
	if n := len(f.Activities); n != 1 || f.Activities[0].Kind != domain.KindDispute {
		t.Errorf("timeline %+v; want the dispute's entry", f.Activities)
	}
	// An import saying I-2 is not disputed leaves a dispute raised here open.
	if res := apply(t, s, importRows("2026-11-12", false, false)); res.ByKind[store.KindDisputes] != (store.Counts{}) {
		t.Errorf("import over a hand-raised dispute: %v", res)
	}
	wantDisputes(t, s, "import over a raised one", `I-2#1 open 2026-11-10→ "" by ada imported=false credit=; `)
	// One transaction: a credit note whose number BETA already holds
	// refuses the whole resolution — the dispute stays open, the flag set,
	// no entry is added.
	apply(t, s, &store.Batch{Credits: []store.Rec[domain.CreditNote]{{V: domain.CreditNote{Account: "BETA", Number: "DC-TAKEN",
		Date: d("2026-11-01"), Amount: dec("1"), Currency: "USD", Reason: "other"}}}})
	unchanged(t, s, func() {
		if _, err := s.Apply(ctx, resolveBatch(loadFile(t, s, "ACME"), "I-2", "2026-11-15", "200.00", "DC-TAKEN")); err == nil {
			t.Error("a resolution with a taken credit number was written")
		}
	})
	apply(t, s, resolveBatch(loadFile(t, s, "ACME"), "I-2", "2026-11-15", "200.00", "DC-I-2-1"))
	wantDisputes(t, s, "resolved", `I-2#1 resolved 2026-11-10→2026-11-15 "agreed" by ada imported=false credit=DC-I-2-1; `)
	f = loadFile(t, s, "ACME")
	if len(f.Credits) != 1 || f.Credits[0].Invoice != "I-2" || len(f.Activities) != 2 || f.Activities[1].Kind != domain.KindDisputeResolved {
		t.Errorf("credits %+v, timeline %+v", f.Credits, f.Activities)
	}
	// I-2 owes 500.00 − 200.00 credited = 300.00, and is no longer disputed in the ledger.
	p, _ := s.FactsOf([]string{"ACME"})
	l := &p.Facts[0].Ledger
	if ap := l.Apply(d("2026-11-30"), nil); !l.Dec(ap.Owed[1]).Equal(dec("300")) || len(l.Disputed) != 0 {
		t.Errorf("I-2 owes %s, disputed %v; want 300 and none", l.Dec(ap.Owed[1]), l.Disputed)
	}
	// Disputed again after the resolution: the second dispute of I-2.
	apply(t, s, raiseBatch(loadFile(t, s, "ACME"), "I-2", 2, "2026-11-20"))
	wantDisputes(t, s, "raised again", `I-2#1 resolved 2026-11-10→2026-11-15 "agreed" by ada imported=false credit=DC-I-2-1; `+
		`I-2#2 open 2026-11-20→ "" by ada imported=false credit=; `)
	// An imported dispute resolved here by hand is not opened again by the
	// same file: I-1 imported disputed, resolved, the file imported again.
	apply(t, s, importRows("2026-11-21", true, true)) // I-2 is disputed already: nothing new for it
	wantDisputes(t, s, "I-1 imported", `I-1#1 open 2026-11-21→ "" by tester imported=true credit=; `+
		`I-2#1 resolved 2026-11-10→2026-11-15 "agreed" by ada imported=false credit=DC-I-2-1; `+
		`I-2#2 open 2026-11-20→ "" by ada imported=false credit=; `)
	apply(t, s, resolveBatch(loadFile(t, s, "ACME"), "I-1", "2026-11-22", "", ""))
	if res := apply(t, s, importRows("2026-11-23", true, true)); res.ByKind[store.KindDisputes] != (store.Counts{}) {
		t.Errorf("the file again after a resolution here: %v", res)
	}
	wantDisputes(t, s, "the file again", `I-1#1 resolved 2026-11-21→2026-11-22 "agreed" by tester imported=true credit=; `+
		`I-2#1 resolved 2026-11-10→2026-11-15 "agreed" by ada imported=false credit=DC-I-2-1; `+
		`I-2#2 open 2026-11-20→ "" by ada imported=false credit=; `)
}

func testDisputesRefused(t *testing.T, s store.Store) {
	disputesBook(t, s)
	good := domain.Dispute{Account: "ACME", Invoice: "I-1", Seq: 1, Reason: "price", Owner: "ada", OpenedOn: d("2026-11-10"), Status: domain.DisputeOpen}
	for name, x := range map[string]domain.Dispute{
		"another account's invoice": func() domain.Dispute { x := good; x.Invoice = "B-1"; return x }(),
		"no such invoice":           func() domain.Dispute { x := good; x.Invoice = "NOPE"; return x }(),
		"no such account":           func() domain.Dispute { x := good; x.Account = "NOPE"; return x }(),
		"no reason":                 func() domain.Dispute { x := good; x.Reason = ""; return x }(),
		"resolved without a date":   func() domain.Dispute { x := good; x.Status, x.Resolution = domain.DisputeResolved, "ok"; return x }(),
	} {
		unchanged(t, s, func() {
			if _, err := s.Apply(ctx, &store.Batch{Disputes: []store.Rec[domain.Dispute]{{Line: 2, V: x}}}); err == nil {
				t.Errorf("%s: written", name)
			}
		})
	}
	other := good
	other.Reason = "another"
	unchanged(t, s, func() {
		if _, err := s.Apply(ctx, &store.Batch{Disputes: []store.Rec[domain.Dispute]{{Line: 2, V: good}, {Line: 3, V: other}}}); err == nil {
			t.Error("the same dispute twice with different values: written")
		}
	})
}
