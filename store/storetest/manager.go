package storetest

import (
	"slices"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"

	"github.com/shopspring/decimal"
)

// The account manager's records (SPEC §10): credit decisions, objectives,
// service issues with a problem record, competitor notes, margin rates,
// contacts removed; and the facts that carry them.

// managerBatch is ACME's limit raised and its overdraft renewed (the second
// decision naming no currency: the account's), an objective of BETA's
// plan, a problem record on GAMMA, and ACME's competitor notes.
func managerBatch() *store.Batch {
	acme := accounts()[0]
	acme.Competitors = "TotalEnergies quotes AGO 2% under list"
	return &store.Batch{
		Accounts: []store.Rec[domain.Account]{{Line: 2, V: acme}},
		Issues: []store.Rec[domain.ServiceIssue]{{Line: 2, V: domain.ServiceIssue{
			Account: "GAMMA", Kind: "other", Opened: d("2025-03-02"), SLADeadline: d("2025-03-09"), Owner: "ops-lead",
			Status: domain.IssueInProgress, Summary: "meters read short\nat the Lomé depot", KPI: "metered litres vs dip", KPITarget: "within 0.5%",
			Steps: []domain.Step{{Text: "recalibrate meter 2", Due: d("2025-03-04"), Done: true, DoneOn: d("2025-03-05")},
				{Text: "joint dip check", Due: d("2025-03-12")}},
		}}},
		Decisions: []store.Rec[domain.CreditDecision]{
			{Line: 2, V: domain.CreditDecision{Account: "ACME", On: d("2025-03-10"), Field: domain.FieldCreditLimit,
				Old: dec("5000000"), New: dec("6000000"), Currency: "NGN", Reason: "volumes up 30%\nsince the fleet deal", ApprovedBy: "cfo",
				UtilisationAfter: dec("38.7"), HasUtilisation: true}},
			{Line: 3, V: domain.CreditDecision{Account: "ACME", On: d("2025-03-11"), Field: domain.FieldOverdraft,
				Old: dec("250000.50"), New: dec("400000"), OldExpires: d("2026-03-31"), NewExpires: d("2025-06-30"),
				Reason: "harvest season", ApprovedBy: "cfo", UtilisationAfter: dec("101.2"), HasUtilisation: true, ConfirmedOver: true}},
		},
		Objectives: []store.Rec[domain.Objective]{{Line: 2, V: domain.Objective{
			Account: "BETA", Kind: "cross-sell", Measure: "PMS bought a month", Target: "5000 litres", Due: d("2025-09-30"), Owner: "bola",
			Steps: []domain.Step{{Text: "PMS price to procurement", Due: d("2025-04-01")}},
		}}},
	}
}

// testManagerRecords: every new record and field is read back as written —
// the file, the facts (by page and by name, domain.FactsOf of the file)
// and the settings' margin rates; a dry run counts the same and writes
// nothing; an issue and an objective rewritten by id are updated.
func testManagerRecords(t *testing.T, s store.Store) {
	base(t, s)
	set := domain.DefaultSettings()
	set.MarginRates = map[string]decimal.Decimal{"AGO": dec("4.5"), "PMS": dec("3.25"), "LPG": dec("0")}
	if err := s.SaveSettings(ctx, set); err != nil {
		t.Fatalf("SaveSettings: %v", err)
	}
	got, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	same(t, "settings with margin rates", got, set)

	dry := managerBatch()
	dry.DryRun = true
	unchanged(t, s, func() {
		if res := apply(t, s, dry); res.Totals() != (store.Result{Added: 4, Updated: 1}) {
			t.Errorf("dry run = %v; want 4 added, 1 updated", res)
		}
	})
	in := managerBatch()
	n := changes(t, s)
	res := apply(t, s, in)
	if ch, err := s.Changed(n); err != nil || !slices.Equal(ch.Accounts, []string{"ACME", "BETA", "GAMMA"}) {
		t.Errorf("Changed after the batch = %+v, %v; want ACME, BETA, GAMMA", ch, err)
	}
	for k, want := range map[store.Kind]store.Counts{
		store.KindAccounts: {Updated: 1}, store.KindIssues: {Added: 1},
		store.KindDecisions: {Added: 2}, store.KindObjectives: {Added: 1},
	} {
		if c := res.ByKind[k]; c != want {
			t.Errorf("kind %d counted %+v; want %+v", k, c, want)
		}
	}
	b := load(t, s)
	acme, beta, gamma := unstamped(file(t, b, "ACME")), unstamped(file(t, b, "BETA")), unstamped(file(t, b, "GAMMA"))
	same(t, "account with competitor notes", acme.Account, in.Accounts[0].V)
	wantDecisions := []domain.CreditDecision{in.Decisions[0].V, in.Decisions[1].V}
	wantDecisions[1].Currency = "NGN" // the account's
	same(t, "decisions", stripIDs(acme.Decisions, func(x *domain.CreditDecision) { x.ID, x.Stamp = 0, domain.Stamp{} }), wantDecisions)
	if ds := acme.Decisions; len(ds) != 2 || ds[0].ID == 0 || ds[1].ID <= ds[0].ID {
		t.Errorf("decisions' ids %+v; want two, in the order written", ds)
	}
	wantObjective := in.Objectives[0].V
	wantObjective.Status = domain.ObjectiveOpen // the default
	same(t, "objectives", stripIDs(beta.Objectives, func(x *domain.Objective) { x.ID, x.Stamp = 0, domain.Stamp{} }), []domain.Objective{wantObjective})
	same(t, "problem record", stripIDs(gamma.Issues, func(x *domain.ServiceIssue) { x.ID = 0 }), []domain.ServiceIssue{in.Issues[0].V})
	for _, f := range b.Files {
		for _, x := range f.Decisions {
			if x.Stamp.By != "tester" || x.Stamp.At.IsZero() {
				t.Errorf("decision %d stamped %+v", x.ID, x.Stamp)
			}
		}
	}
	sameFacts(t, s, "the manager's records")

	// Resolved by id: the issue's steps done, its resolution, day and recap;
	// the objective met.
	is := file(t, b, "GAMMA").Issues[0]
	is.Status, is.Resolution, is.ResolvedOn, is.ConfirmedInWriting = domain.IssueResolved, "meter 2 replaced", d("2025-03-12"), true
	is.Steps[1].Done, is.Steps[1].DoneOn = true, d("2025-03-12")
	is.Recap = "Dear Kofi,\n\nmeter 2 is replaced; the joint dip check agreed."
	ob := file(t, b, "BETA").Objectives[0]
	ob.Status = "met"
	res = apply(t, s, &store.Batch{Issues: []store.Rec[domain.ServiceIssue]{{V: is}}, Objectives: []store.Rec[domain.Objective]{{V: ob}}})
	if res.Totals() != (store.Result{Updated: 2}) {
		t.Errorf("rewritten by id: %v; want 2 updated", res)
	}
	b = load(t, s)
	is.Stamp = domain.Stamp{}
	same(t, "resolved issue", unstamped(file(t, b, "GAMMA")).Issues[0], is)
	if o := file(t, b, "BETA").Objectives; len(o) != 1 || o[0].Status != "met" || o[0].ID != ob.ID {
		t.Errorf("objective after its rewrite: %+v", o)
	}
	sameFacts(t, s, "rewritten by id")
	if err := s.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
}

// sameFacts checks that every account's facts, by page and by name, are
// domain.FactsOf of its file.
func sameFacts(t *testing.T, s store.Store, stage string) {
	t.Helper()
	b := load(t, s)
	page, err := s.Facts("", 100)
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, f := range b.Files {
		codes = append(codes, f.Account.Code)
	}
	named, err := s.FactsOf(codes)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Facts) != len(b.Files) || len(named.Facts) != len(b.Files) {
		t.Fatalf("%s: %d facts by page, %d by name, for %d accounts", stage, len(page.Facts), len(named.Facts), len(b.Files))
	}
	for i, f := range b.Files {
		want, err := domain.FactsOf(f)
		if err != nil {
			t.Fatal(err)
		}
		same(t, stage+": Facts of "+f.Account.Code, *page.Facts[i], want)
		same(t, stage+": FactsOf "+f.Account.Code, *named.Facts[i], want)
	}
}

// testManagerRefused: a decision of no account, an overdraft without an
// expiry, a decision in another currency than its account's, a decision
// or objective id the account does not have (another account's included),
// an objective of no kind the plan knows, and one id twice in a batch with
// other values are each refused, naming line and field; nothing is written.
func testManagerRefused(t *testing.T, s store.Store) {
	base(t, s)
	apply(t, s, managerBatch())
	f := loadFile(t, s, "BETA")
	theirs := f.Objectives[0] // BETA's
	limit := func(acct string, line int, cur domain.Currency) store.Rec[domain.CreditDecision] {
		return store.Rec[domain.CreditDecision]{Line: line, V: domain.CreditDecision{Account: acct, On: d("2025-03-12"), Field: domain.FieldCreditLimit,
			Old: dec("6000000"), New: dec("7000000"), Currency: cur, Reason: "more volume"}}
	}
	unchanged(t, s, func() {
		over := limit("ACME", 3, "NGN")
		over.V.Field, over.V.Old, over.V.New = domain.FieldOverdraft, dec("0"), dec("100000")
		unknown := limit("ACME", 5, "NGN")
		unknown.V.ID = 999
		moved := theirs
		moved.Account = "ACME"
		rows := rowErrors(t, s, &store.Batch{
			Decisions: []store.Rec[domain.CreditDecision]{limit("NOPE", 2, "NGN"), over, limit("ACME", 4, "USD"), unknown},
			Objectives: []store.Rec[domain.Objective]{
				{Line: 6, V: domain.Objective{Account: "BETA", Kind: "growth", Measure: "litres"}},
				{Line: 7, V: moved},
				{Line: 8, V: theirs},
				{Line: 9, V: func() domain.Objective { o := theirs; o.Target = "6000 litres"; return o }()},
			},
		})
		wantRow(t, rows, 2, "account", "account NOPE not found")
		wantRow(t, rows, 3, "expires", "a temporary overdraft needs an expiry date")
		wantRow(t, rows, 4, "currency", "currency USD differs from account ACME's NGN")
		wantRow(t, rows, 5, "id", "credit decision 999 not found on account ACME")
		wantRow(t, rows, 6, "kind", "growth")
		wantRow(t, rows, 7, "id", "not found on account ACME")
		wantRow(t, rows, 9, "id", "also on line 8 with different values")
		if len(rows) != 7 {
			t.Errorf("%d row errors, want 7:\n%v", len(rows), rows)
		}
	})
}

// testRemoveContacts: contacts removed by account and name, before the
// batch's contacts, so a rename is a removal and an addition in one batch
// and a contact removed and given again is new; counted removed; a
// contact or account that is not there, and one removed twice, are
// refused naming it; a dry run writes nothing; the facts follow.
func testRemoveContacts(t *testing.T, s store.Store) {
	base(t, s)
	apply(t, s, &store.Batch{Contacts: fullBatch().Contacts})
	tunde := domain.Contact{Account: "ACME", Name: "Tunde Bello"}
	unchanged(t, s, func() {
		rows := rowErrors(t, s, &store.Batch{RemoveContacts: []store.Rec[domain.Contact]{
			{Line: 2, V: domain.Contact{Account: "ACME", Name: "Nobody \x1b[31mhere"}},
			{Line: 3, V: domain.Contact{Account: "NOPE", Name: "Tunde Bello"}},
			{Line: 4, V: tunde},
			{Line: 5, V: tunde},
			{Line: 6, V: domain.Contact{Name: "Tunde Bello"}},
		}})
		wantRow(t, rows, 2, "name", `contact Nobody \x1b[31mhere not found on account ACME`)
		wantRow(t, rows, 3, "account", "account NOPE not found")
		wantRow(t, rows, 5, "name", "contact Tunde Bello not found on account ACME")
		wantRow(t, rows, 6, "account", "")
		if len(rows) != 4 {
			t.Errorf("%d row errors, want 4:\n%v", len(rows), rows)
		}
		res := apply(t, s, &store.Batch{DryRun: true, RemoveContacts: []store.Rec[domain.Contact]{{V: tunde}}})
		if c := res.ByKind[store.KindContacts]; c != (store.Counts{Removed: 1}) {
			t.Errorf("dry run counted %+v; want 1 removed", c)
		}
	})

	n := changes(t, s)
	renamed := domain.Contact{Account: "ACME", Name: "Tunde A. Bello", Role: "operations", Phone: "+234 802 000 0000"}
	ngozi := fullBatch().Contacts[0].V
	ngozi.Phone = "+234 803 000 0000"
	res := apply(t, s, &store.Batch{
		RemoveContacts: []store.Rec[domain.Contact]{{Line: 2, V: tunde}, {Line: 3, V: domain.Contact{Account: "ACME", Name: ngozi.Name}}},
		Contacts:       []store.Rec[domain.Contact]{{Line: 2, V: renamed}, {Line: 3, V: ngozi}},
	})
	if c := res.ByKind[store.KindContacts]; c != (store.Counts{Added: 2, Removed: 2}) {
		t.Errorf("rename and re-add counted %+v; want 2 added, 2 removed", c)
	}
	f := unstamped(loadFile(t, s, "ACME"))
	same(t, "contacts after the rename", f.Contacts, []domain.Contact{ngozi, renamed})
	if ch, err := s.Changed(n); err != nil || !slices.Equal(ch.Accounts, []string{"ACME"}) {
		t.Errorf("Changed after the removals = %+v, %v; want ACME", ch, err)
	}
	apply(t, s, &store.Batch{RemoveContacts: []store.Rec[domain.Contact]{{V: renamed}, {V: ngozi}}})
	if f := loadFile(t, s, "ACME"); len(f.Contacts) != 0 {
		t.Errorf("contacts after removing both: %+v", f.Contacts)
	}
	sameFacts(t, s, "contacts removed")
	if err := s.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
}

// testFactsLinesAndRebates: the facts carry each invoice's product and
// quantity in ledger order (by due date: INV-001's AGO 1200.5, then
// INV-002's none, then P-3's PMS 40) and the rebate credit notes by number;
// both follow a write of documents.
func testFactsLinesAndRebates(t *testing.T, s store.Store) {
	base(t, s)
	pms := invoice("ACME", "P-3", "2025-02-20", "2025-03-20", "60000", "NGN")
	pms.Product, pms.Quantity = "PMS", dec("40")
	apply(t, s, &store.Batch{
		Invoices: []store.Rec[domain.Invoice]{{V: pms}},
		Credits: []store.Rec[domain.CreditNote]{
			{V: domain.CreditNote{Account: "ACME", Number: "RB-2", Date: d("2025-03-31"), Amount: dec("900"), Reason: "rebate"}},
			{V: domain.CreditNote{Account: "ACME", Number: "RB-1", Date: d("2025-03-31"), Amount: dec("1200"), Reason: "rebate"}},
			{V: domain.CreditNote{Account: "ACME", Number: "CN-9", Date: d("2025-03-31"), Amount: dec("50"), Reason: "discount"}},
		},
	})
	p, err := s.FactsOf([]string{"ACME"})
	if err != nil || len(p.Facts) != 1 {
		t.Fatalf("FactsOf: %+v, %v", p, err)
	}
	x := p.Facts[0]
	var lines []string
	for i := range x.Ledger.Invoices {
		lines = append(lines, x.Ledger.InvoiceProduct(i)+" "+x.Ledger.InvoiceQuantity(i).String())
	}
	same(t, "lines", lines, []string{"AGO 1200.5", " 0", "PMS 40"})
	same(t, "products", x.Ledger.Products, []string{"", "AGO", "PMS"})
	same(t, "rebate notes", x.RebateNotes, []domain.RebateNote{{Number: "RB-1", On: d("2025-03-31"), Amount: dec("1200")},
		{Number: "RB-2", On: d("2025-03-31"), Amount: dec("900")}})
	sameFacts(t, s, "lines and rebates")
}
