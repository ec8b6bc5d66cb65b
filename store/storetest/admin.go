package storetest

import (
	"context"
	"slices"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"
)

// The administrator's records (SPEC §11): the account-opening file's
// documents and blockages, reconciliation marks, the required documents
// and targets in the settings; and the facts that carry them, with the
// sales targets, accounting's balances and who logged each touch.

// contractSHA is the SHA-256 of GAMMA's signed contract scan.
var contractSHA = strings.Repeat("3f", 32)

// adminBatch is GAMMA's opening file (its registration received and
// validated, its contract received with its scan, its tax identifier not
// yet in), a blockage on GAMMA, ACME reconciled as of two month ends.
func adminBatch() *store.Batch {
	return &store.Batch{
		Documents: []store.Rec[domain.Document]{
			{Line: 2, V: domain.Document{Account: "GAMMA", Kind: "company-registration", Received: d("2025-03-02"),
				ValidatedOn: d("2025-03-03"), ValidatedBy: "ada", File: "scans/gamma/rccm.pdf", SHA256: strings.Repeat("0a", 32)}},
			{Line: 3, V: domain.Document{Account: "GAMMA", Kind: "signed-contract", Received: d("2025-03-04"),
				File: "scans/gamma/contract.pdf", SHA256: contractSHA, Note: "signed by the DG;\nstamp missing on page 2"}},
			{Line: 4, V: domain.Document{Account: "GAMMA", Kind: "tax-identifier", Note: "asked for on 3 March"}},
		},
		Blockages: []store.Rec[domain.Blockage]{{Line: 2, V: domain.Blockage{Account: "GAMMA",
			Reason: "no tax identifier yet", Since: d("2025-03-04"), Owner: "ada"}}},
		Reconciled: []store.Rec[domain.Reconciliation]{
			{Line: 2, V: domain.Reconciliation{Account: "ACME", AsOf: d("2025-01-31")}},
			{Line: 3, V: domain.Reconciliation{Account: "ACME", AsOf: d("2025-02-28")}},
		},
	}
}

// testAdminRecords: documents upsert by account and kind, blockages are
// added and resolved by id, reconciliation marks upsert by account and
// date; all are read back as written, stamped by their writer, and carried
// by the facts (domain.FactsOf of the file), as are targets and balances;
// a dry run counts the same and writes nothing; the settings keep the
// required documents by segment and the targets.
func testAdminRecords(t *testing.T, s store.Store) {
	base(t, s)
	set := domain.DefaultSettings()
	set.RequiredDocs = map[string][]string{"": {"company-registration", "signed-contract"}, "haulage": {"signed-contract", "fleet-list"}, "retail": {}}
	set.Targets = domain.Targets{NRRPct: 105, LogoChurnPct: 4, BadDebtPct: 2, DSODays: 45}
	if err := s.SaveSettings(ctx, set); err != nil {
		t.Fatalf("SaveSettings: %v", err)
	}
	got, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	same(t, "settings with required documents and targets", got, set)
	if docs := got.RequiredDocsFor("retail"); len(docs) != 0 {
		t.Errorf("retail requires %v; want none (named, with an empty list)", docs)
	}
	if docs := got.RequiredDocsFor("mining"); !slices.Equal(docs, []string{"company-registration", "signed-contract"}) {
		t.Errorf("a segment not named requires %v; want the list of \"\"", docs)
	}

	dry := adminBatch()
	dry.DryRun = true
	unchanged(t, s, func() {
		if res := apply(t, s, dry); res.Totals() != (store.Result{Added: 6}) {
			t.Errorf("dry run = %v; want 6 added", res)
		}
	})
	in := adminBatch()
	n := changes(t, s)
	res := apply(t, s, in)
	if ch, err := s.Changed(n); err != nil || !slices.Equal(ch.Accounts, []string{"ACME", "GAMMA"}) {
		t.Errorf("Changed after the batch = %+v, %v; want ACME, GAMMA", ch, err)
	}
	for k, want := range map[store.Kind]store.Counts{
		store.KindDocuments: {Added: 3}, store.KindBlockages: {Added: 1}, store.KindReconciled: {Added: 2},
	} {
		if c := res.ByKind[k]; c != want {
			t.Errorf("kind %d counted %+v; want %+v", k, c, want)
		}
	}
	if res.Summary() != "3 documents added, 1 blockage added, 2 reconciliations added" {
		t.Errorf("summary %q", res.Summary())
	}
	f := loadFile(t, s, "GAMMA")
	wantDocs := []domain.Document{in.Documents[0].V, in.Documents[1].V, in.Documents[2].V} // by kind
	same(t, "documents", unstamped(f).Documents, wantDocs)
	if bl := f.Blockages; len(bl) != 1 || bl[0].ID == 0 {
		t.Fatalf("blockages %+v; want one, with an id", bl)
	}
	wantBlock := in.Blockages[0].V
	wantBlock.ID = f.Blockages[0].ID
	same(t, "blockage", unstamped(f).Blockages, []domain.Blockage{wantBlock})
	acme := loadFile(t, s, "ACME")
	same(t, "reconciliation marks", unstamped(acme).Reconciled, []domain.Reconciliation{in.Reconciled[0].V, in.Reconciled[1].V})
	for _, st := range []domain.Stamp{f.Documents[0].Stamp, f.Blockages[0].Stamp, acme.Reconciled[1].Stamp} {
		if st.By != "tester" || st.At.IsZero() {
			t.Errorf("stamped %+v; want the writer's", st)
		}
	}
	sameFacts(t, s, "the administrator's records")
	p, err := s.FactsOf([]string{"GAMMA"})
	if err != nil || len(p.Facts) != 1 {
		t.Fatalf("FactsOf: %+v, %v", p, err)
	}
	if x := p.Facts[0]; len(x.Documents) != 3 || x.Documents[1].SHA256 != contractSHA || len(x.Blockages) != 1 || !x.Blockages[0].IsOpen() {
		t.Errorf("GAMMA's facts: documents %+v, blockages %+v", x.Documents, x.Blockages)
	}

	// The same documents and marks again change nothing (a blockage
	// without an id is always a new one); the tax identifier received,
	// the contract validated and the blockage resolved by id do, and a
	// reconciliation of another day is one more.
	again := adminBatch()
	again.Blockages = nil
	if res := apply(t, s, again); res.Totals() != (store.Result{Unchanged: 5}) || res.Changed() {
		t.Errorf("the batch again = %v; want 5 unchanged", res)
	}
	tin := in.Documents[2].V
	tin.Received, tin.File, tin.SHA256 = d("2025-03-06"), "scans/gamma/nif.pdf", strings.Repeat("c4", 32)
	contract := in.Documents[1].V
	contract.ValidatedOn, contract.ValidatedBy = d("2025-03-06"), "ada"
	resolved := wantBlock
	resolved.ResolvedOn = d("2025-03-06")
	res = apply(t, s, &store.Batch{
		Documents:  []store.Rec[domain.Document]{{V: tin}, {V: contract}},
		Blockages:  []store.Rec[domain.Blockage]{{V: resolved}},
		Reconciled: []store.Rec[domain.Reconciliation]{{V: domain.Reconciliation{Account: "ACME", AsOf: d("2025-03-31")}}},
	})
	if res.Totals() != (store.Result{Added: 1, Updated: 3}) {
		t.Errorf("updates = %v; want 1 added, 3 updated", res)
	}
	g := unstamped(loadFile(t, s, "GAMMA"))
	same(t, "documents after the updates", g.Documents, []domain.Document{in.Documents[0].V, contract, tin})
	same(t, "resolved blockage", g.Blockages, []domain.Blockage{resolved})
	if got := loadFile(t, s, "ACME").Reconciled; len(got) != 3 || got[2].AsOf != d("2025-03-31") {
		t.Errorf("reconciliation marks %+v; want three, the last of 31 March", got)
	}
	sameFacts(t, s, "updated by kind, id and date")

	// The facts carry the sales plan and accounting's balances too.
	apply(t, s, &store.Batch{
		Targets: []store.Rec[domain.Target]{{V: domain.Target{Account: "ACME", Month: d("2025-03-01"), Product: "AGO",
			Quantity: dec("12000"), Amount: dec("9600000")}}},
		Balances: []store.Rec[domain.Balance]{{V: domain.Balance{Account: "ACME", On: d("2025-02-28"), Balance: dec("1300000.00")}}},
	})
	p, err = s.FactsOf([]string{"ACME"})
	if err != nil || len(p.Facts) != 1 {
		t.Fatalf("FactsOf: %+v, %v", p, err)
	}
	if x := p.Facts[0]; len(x.Targets) != 1 || !x.Targets[0].Quantity.Equal(dec("12000")) || len(x.Balances) != 1 ||
		!x.Balances[0].Balance.Equal(dec("1300000")) || len(x.Reconciled) != 3 {
		t.Errorf("ACME's facts: targets %+v, balances %+v, reconciled %+v", x.Targets, x.Balances, x.Reconciled)
	}
	sameFacts(t, s, "targets and balances")
	if err := s.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
}

// testAdminRefused: a document of no account, of a kind that is no word,
// validated before it was received or with a SHA-256 that is not one; a
// blockage without a reason or a start, of an id the account does not
// have (another account's included); a reconciliation without a date; and
// one document or date twice in a batch with other values are each
// refused, naming line and field; nothing is written.
func testAdminRefused(t *testing.T, s store.Store) {
	base(t, s)
	apply(t, s, adminBatch())
	theirs := loadFile(t, s, "GAMMA").Blockages[0]
	unchanged(t, s, func() {
		moved := theirs
		moved.Account = "ACME"
		rows := rowErrors(t, s, &store.Batch{
			Documents: []store.Rec[domain.Document]{
				{Line: 2, V: domain.Document{Account: "NOPE", Kind: "signed-contract"}},
				{Line: 3, V: domain.Document{Account: "ACME", Kind: "Signed Contract"}},
				{Line: 4, V: domain.Document{Account: "ACME", Kind: "signed-contract", Received: d("2025-03-05"), ValidatedOn: d("2025-03-04")}},
				{Line: 5, V: domain.Document{Account: "ACME", Kind: "tax-identifier", SHA256: "ABC"}},
				{Line: 6, V: domain.Document{Account: "BETA", Kind: "tax-identifier", Note: "one"}},
				{Line: 7, V: domain.Document{Account: "BETA", Kind: "tax-identifier", Note: "two"}},
			},
			Blockages: []store.Rec[domain.Blockage]{
				{Line: 8, V: domain.Blockage{Account: "ACME", Since: d("2025-03-01")}},
				{Line: 9, V: domain.Blockage{Account: "ACME", Reason: "no contract"}},
				{Line: 10, V: moved},
				{Line: 11, V: domain.Blockage{ID: 999, Account: "GAMMA", Reason: "x", Since: d("2025-03-01")}},
			},
			Reconciled: []store.Rec[domain.Reconciliation]{
				{Line: 12, V: domain.Reconciliation{Account: "ACME"}},
				{Line: 13, V: domain.Reconciliation{Account: "NOPE", AsOf: d("2025-02-28")}},
			},
		})
		wantRow(t, rows, 2, "account", "account NOPE not found")
		wantRow(t, rows, 3, "kind", "not a word")
		wantRow(t, rows, 4, "validated", "before it was received")
		wantRow(t, rows, 5, "sha256", "not a SHA-256")
		wantRow(t, rows, 7, "kind", "also on line 6 with different values")
		wantRow(t, rows, 8, "reason", "say what blocks the account")
		wantRow(t, rows, 9, "since", "date is missing")
		wantRow(t, rows, 10, "id", "not found on account ACME")
		wantRow(t, rows, 11, "id", "blockage 999 not found on account GAMMA")
		wantRow(t, rows, 12, "as_of", "date is missing")
		wantRow(t, rows, 13, "account", "account NOPE not found")
		if len(rows) != 11 {
			t.Errorf("%d row errors, want 11:\n%v", len(rows), rows)
		}
	})
}

// testFactsAuthors: the facts name who logged each touch — each author
// once, in the order their first touch was logged — and follow a new
// author's call.
func testFactsAuthors(t *testing.T, s store.Store) {
	base(t, s)
	logBy := func(author, on string) {
		t.Helper()
		if _, err := s.LogActivity(store.WithAuthor(context.Background(), author), store.ActivityEntry{Activity: domain.Activity{
			Account: "ACME", On: d(on), Kind: "call", Outcome: "reached", Text: "spoke to finance"}}); err != nil {
			t.Fatal(err)
		}
	}
	authors := func() string {
		t.Helper()
		p, err := s.FactsOf([]string{"ACME"})
		if err != nil || len(p.Facts) != 1 {
			t.Fatalf("FactsOf: %+v, %v", p, err)
		}
		x := p.Facts[0]
		var by []string
		for _, tc := range x.Touches {
			by = append(by, x.Author(tc))
		}
		return strings.Join(x.Authors, ",") + " / " + strings.Join(by, ",")
	}
	logBy("ngozi", "2025-03-03")
	logBy("ngozi", "2025-03-04")
	if got := authors(); got != "ngozi / ngozi,ngozi" {
		t.Errorf("authors %s", got)
	}
	logBy("bola", "2025-03-05")
	logBy("ngozi", "2025-03-06")
	if got := authors(); got != "ngozi,bola / ngozi,ngozi,bola,ngozi" {
		t.Errorf("authors %s", got)
	}
	sameFacts(t, s, "touches of two authors")
}
