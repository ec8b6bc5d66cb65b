package storetest

import (
	"testing"

	"acctdesk/domain"
	"acctdesk/store"
)

// A re-import (Batch.Columns set) changes what its file says and keeps the
// rest of each stored record: a column the file does not have leaves the
// stored field as it is, and fields no import column sets (overdraft, notes,
// expansion notes, excluded) are always kept. Batches without Columns give
// every field, as before.

// reimportBase is base plus ACME's contacts, the payments and the credit note.
func reimportBase(t *testing.T, s store.Store) {
	t.Helper()
	base(t, s)
	b := fullBatch()
	apply(t, s, &store.Batch{Contacts: b.Contacts, Payments: b.Payments, Credits: b.Credits})
}

// imported is an account row as the importer makes it from a file with only
// code and name: every other field at the importer's default (base
// currency NGN, tier 3, active, term 30 days, no limit).
func imported(code, name string) domain.Account {
	return domain.Account{Code: code, Name: name, Tier: 3, Status: domain.StatusActive,
		Terms: "term", TermsDays: 30, Currency: "NGN"}
}

func testReimportAccounts(t *testing.T, s store.Store) {
	reimportBase(t, s)
	batch := &store.Batch{Columns: []string{"code", "name"}, Accounts: []store.Rec[domain.Account]{
		{Line: 2, V: imported("ACME", "Acme Haulage Ltd (renamed)")},
		// BETA trades in USD and has documents: a file without a currency
		// column must neither move it to NGN nor be refused for trying.
		{Line: 3, V: imported("BETA", "Beta Logistics")},
	}}
	dry := *batch
	dry.DryRun = true
	want := "1 account updated, 1 account unchanged"
	if res := apply(t, s, &dry); res.Summary() != want {
		t.Errorf("dry run: %q, want %q", res.Summary(), want)
	}
	if res := apply(t, s, batch); res.Summary() != want {
		t.Errorf("re-import: %q, want %q", res.Summary(), want)
	}
	b := load(t, s)
	// ACME is the fixture with its new name, every other field kept: tier
	// 1, owner ada, limit 5,000,000, its overdraft, products and notes.
	acme := accounts()[0]
	acme.Name = "Acme Haulage Ltd (renamed)"
	got := file(t, b, "ACME").Account
	got.Stamp = domain.Stamp{}
	same(t, "ACME after a code,name re-import", got, acme)
	beta := file(t, b, "BETA").Account
	beta.Stamp = domain.Stamp{}
	same(t, "BETA after a code,name re-import", beta, accounts()[1])

	// The columns the file has do change: GAMMA's limit, and its terms
	// (cash, whose days the file does not give: 0 with cash).
	gamma := imported("GAMMA", "Gamma SARL")
	gamma.CreditLimit, gamma.Terms, gamma.TermsDays = dec("750000"), "cash", 0
	res := apply(t, s, &store.Batch{Columns: []string{"code", "name", "credit_limit", "terms"},
		Accounts: []store.Rec[domain.Account]{{Line: 2, V: gamma}}})
	if res.Summary() != "1 account updated" {
		t.Errorf("GAMMA: %q", res.Summary())
	}
	wantG := accounts()[2]
	wantG.CreditLimit, wantG.Terms, wantG.TermsDays = dec("750000"), "cash", 0
	gotG := loadFile(t, s, "GAMMA").Account
	gotG.Stamp = domain.Stamp{}
	same(t, "GAMMA after code,name,credit_limit,terms", gotG, wantG)

	// A new account in a partial file gets the defaults, as before.
	apply(t, s, &store.Batch{Columns: []string{"code", "name"}, Accounts: []store.Rec[domain.Account]{{Line: 2, V: imported("NEWCO", "New Co")}}})
	gotN := loadFile(t, s, "NEWCO").Account
	gotN.Stamp = domain.Stamp{}
	same(t, "a new account of a partial file", gotN, imported("NEWCO", "New Co"))
}

func testReimportWithoutColumns(t *testing.T, s store.Store) {
	reimportBase(t, s)
	// No Columns: the record is given whole, so ACME loses its owner and
	// limit, as a single write or the demo has always done.
	x := imported("ACME", "Acme Haulage Ltd")
	if res := apply(t, s, &store.Batch{Accounts: []store.Rec[domain.Account]{{Line: 2, V: x}}}); res.Summary() != "1 account updated" {
		t.Errorf("whole record: %q", res.Summary())
	}
	got := loadFile(t, s, "ACME").Account
	got.Stamp = domain.Stamp{}
	same(t, "ACME written whole", got, x)
}

func testReimportDocuments(t *testing.T, s store.Store) {
	reimportBase(t, s)
	// INV-002 is first moved to a due date its terms would not give
	// (2025-02-05 + 30 = 2025-03-07; stored 2025-03-20).
	inv2 := fullBatch().Invoices[1].V
	inv2.Due = d("2025-03-20")
	apply(t, s, &store.Batch{Invoices: []store.Rec[domain.Invoice]{{Line: 2, V: inv2}}})

	batch := &store.Batch{
		Columns: []string{"account", "number", "issue_date", "amount"},
		Invoices: []store.Rec[domain.Invoice]{
			// INV-001 at a new amount: product, quantity, unit and due kept.
			{Line: 2, V: invoice("ACME", "INV-001", "2025-01-05", "", "1400000", "")},
			// INV-002 as it is: due 2025-03-20, disputed, kept: unchanged.
			{Line: 3, V: invoice("ACME", "INV-002", "2025-02-05", "", "820000", "")},
			// B-77 stays excluded from follow-up.
			{Line: 4, V: invoice("BETA", "B-77", "2025-01-15", "", "1999.99", "")},
			// A new invoice gets its account's default due: 2025-03-10 + 45 = 2025-04-24.
			{Line: 5, V: invoice("GAMMA", "G-9", "2025-03-10", "", "1000", "")},
		},
	}
	dry := *batch
	dry.DryRun = true
	want := "1 invoice added, 1 invoice updated, 2 invoices unchanged"
	if res := apply(t, s, &dry); res.Summary() != want {
		t.Errorf("dry run: %q, want %q", res.Summary(), want)
	}
	if res := apply(t, s, batch); res.Summary() != want {
		t.Errorf("invoices: %q, want %q", res.Summary(), want)
	}
	b := load(t, s)
	acme := file(t, b, "ACME")
	inv1 := fullBatch().Invoices[0].V
	inv1.Amount = dec("1400000.00")
	inv2.Amount = dec("820000.00")
	same(t, "ACME invoices", cleared(acme.Invoices, func(x *domain.Invoice) { x.Stamp = domain.Stamp{} }), []domain.Invoice{inv1, inv2})
	if x := file(t, b, "BETA").Invoices[0]; !x.Excluded || x.Due != d("2025-01-15") {
		t.Errorf("B-77: excluded %v due %s; want excluded, due 2025-01-15", x.Excluded, x.Due)
	}
	if x := file(t, b, "GAMMA").Invoices[1]; x.Number != "G-9" || x.Due != d("2025-04-24") || x.Currency != "XOF" {
		t.Errorf("new invoice: %s due %s in %s; want G-9 due 2025-04-24 in XOF", x.Number, x.Due, x.Currency)
	}

	// A payment and a credit note at new amounts keep their applications,
	// the credit note its reason.
	res := apply(t, s, &store.Batch{
		Columns:  []string{"account", "reference", "number", "date", "amount"},
		Payments: []store.Rec[domain.Payment]{{Line: 2, V: domain.Payment{Account: "ACME", Reference: "RCPT-9", Received: d("2025-02-10"), Amount: dec("900000")}}},
		Credits:  []store.Rec[domain.CreditNote]{{Line: 2, V: domain.CreditNote{Account: "ACME", Number: "CN-1", Date: d("2025-02-12"), Amount: dec("25000")}}},
	})
	if res.Summary() != "1 payment updated, 1 credit note updated" {
		t.Errorf("payment and credit note: %q", res.Summary())
	}
	acme = loadFile(t, s, "ACME")
	if p := acme.Payments[0]; p.Invoice != "INV-001" || !p.Amount.Equal(dec("900000")) || p.Currency != "NGN" {
		t.Errorf("RCPT-9: %+v; want 900000 NGN applied to INV-001", p)
	}
	if c := acme.Credits[0]; c.Invoice != "INV-002" || c.Reason != "short-delivery" || !c.Amount.Equal(dec("25000")) {
		t.Errorf("CN-1: %+v; want 25000, short-delivery, applied to INV-002", c)
	}
}

func testReimportContacts(t *testing.T, s store.Store) {
	reimportBase(t, s)
	res := apply(t, s, &store.Batch{Columns: []string{"account", "name", "phone"}, Contacts: []store.Rec[domain.Contact]{
		{Line: 2, V: domain.Contact{Account: "ACME", Name: "Ngozi Okafor", Phone: "+234 802 111 1111"}},
		{Line: 3, V: domain.Contact{Account: "ACME", Name: "Tunde Bello"}},
	}})
	if res.Summary() != "1 contact updated, 1 contact unchanged" {
		t.Errorf("contacts: %q", res.Summary())
	}
	got := cleared(loadFile(t, s, "ACME").Contacts, func(x *domain.Contact) { x.Stamp = domain.Stamp{} })
	want := []domain.Contact{
		{Account: "ACME", Name: "Ngozi Okafor", Role: "finance", Phone: "+234 802 111 1111", Email: "ngozi@acme.example", Primary: true},
		{Account: "ACME", Name: "Tunde Bello", Role: "operations"},
	}
	same(t, "contacts after account,name,phone", got, want)
}

// testCreatedCurrency: the accounts CreateAccounts makes take the batch's
// currency when the record names none, for every kind.
func testCreatedCurrency(t *testing.T, s store.Store) {
	base(t, s)
	res := apply(t, s, &store.Batch{CreateAccounts: true, Currency: "USD",
		Contacts:  []store.Rec[domain.Contact]{{Line: 2, V: domain.Contact{Account: "NEWCT", Name: "Jane", Role: "finance"}}},
		Contracts: []store.Rec[domain.Contract]{{Line: 2, V: domain.Contract{Account: "NEWCN", ID: "K-1", Start: d("2025-01-01"), End: d("2025-12-31"), Status: "active"}}},
		Surveys:   []store.Rec[domain.Survey]{{Line: 2, V: domain.Survey{Account: "NEWSV", On: d("2025-01-31"), Kind: "nps", Score: 8}}},
		Invoices:  []store.Rec[domain.Invoice]{{Line: 2, V: invoice("NEWIN", "N-1", "2025-04-01", "", "100", "")}},
	})
	if got, want := res.Summary(), "1 contact added, 1 contract added, 1 invoice added, 1 survey added, 4 accounts created"; got != want {
		t.Errorf("Apply: %q, want %q", got, want)
	}
	b := load(t, s)
	for _, code := range []string{"NEWCT", "NEWCN", "NEWSV", "NEWIN"} {
		if c := file(t, b, code).Account.Currency; c != "USD" {
			t.Errorf("%s created in %s, want the batch's USD", code, c)
		}
	}
}

// testSettledRepeats: one invoice's paid_on twice in a batch.
func testSettledRepeats(t *testing.T, s store.Store) {
	base(t, s)
	apply(t, s, &store.Batch{Settled: []store.Rec[store.Settled]{{Line: 2, V: store.Settled{Account: "ACME", Invoice: "INV-001", On: d("2025-01-20")}}}})
	// Empty twice where PAID-INV-001 exists: one removal, the repeat unchanged.
	twice := &store.Batch{Settled: []store.Rec[store.Settled]{
		{Line: 2, V: store.Settled{Account: "ACME", Invoice: "INV-001"}},
		{Line: 3, V: store.Settled{Account: "ACME", Invoice: "INV-001"}},
	}}
	dry := *twice
	dry.DryRun = true
	want := "1 payment unchanged (from paid_on), 1 payment removed (from paid_on)"
	if res := apply(t, s, &dry); res.Summary() != want {
		t.Errorf("dry run: %q, want %q", res.Summary(), want)
	}
	if res := apply(t, s, twice); res.Summary() != want {
		t.Errorf("empty twice: %q, want %q", res.Summary(), want)
	}
	if p := paid(loadFile(t, s, "ACME")); len(p) != 0 {
		t.Errorf("payments from paid_on left: %+v", p)
	}
	// Again, with nothing to take back: nothing to count.
	if res := apply(t, s, twice); res.Summary() != "nothing to import" {
		t.Errorf("empty twice, nothing to remove: %q", res.Summary())
	}
	// A date and none, or two dates, contradict each other: refused.
	unchanged(t, s, func() {
		rows := rowErrors(t, s, &store.Batch{Settled: []store.Rec[store.Settled]{
			{Line: 2, V: store.Settled{Account: "ACME", Invoice: "INV-001", On: d("2025-01-20")}},
			{Line: 3, V: store.Settled{Account: "ACME", Invoice: "INV-001"}},
			{Line: 4, V: store.Settled{Account: "ACME", Invoice: "INV-002"}},
			{Line: 5, V: store.Settled{Account: "ACME", Invoice: "INV-002", On: d("2025-03-01")}},
			{Line: 6, V: store.Settled{Account: "BETA", Invoice: "B-77", On: d("2025-01-20")}},
			{Line: 7, V: store.Settled{Account: "BETA", Invoice: "B-77", On: d("2025-01-21")}},
		}})
		wantRow(t, rows, 3, "paid_on", "paid_on also on line 2 with another value")
		wantRow(t, rows, 5, "paid_on", "paid_on also on line 4 with another value")
		wantRow(t, rows, 7, "paid_on", "paid_on also on line 6 with another value")
		if len(rows) != 3 {
			t.Errorf("%d row errors, want 3:\n%v", len(rows), rows)
		}
	})
	// The same date twice: one payment added, the repeat unchanged.
	if res := apply(t, s, &store.Batch{Settled: []store.Rec[store.Settled]{
		{Line: 2, V: store.Settled{Account: "ACME", Invoice: "INV-002", On: d("2025-03-01")}},
		{Line: 3, V: store.Settled{Account: "ACME", Invoice: "INV-002", On: d("2025-03-01")}},
	}}); res.Summary() != "1 payment added (from paid_on), 1 payment unchanged (from paid_on)" {
		t.Errorf("same date twice: %q", res.Summary())
	}
}

// testReimportSurveysTargets: a surveys file without comments keeps the
// stored comment; a targets file with quantities only keeps the amounts.
func testReimportSurveysTargets(t *testing.T, s store.Store) {
	base(t, s)
	apply(t, s, &store.Batch{
		Surveys: []store.Rec[domain.Survey]{{Line: 2, V: domain.Survey{Account: "ACME", On: d("2025-01-31"), Kind: "nps", Score: 9, Comment: "good service"}}},
		Targets: []store.Rec[domain.Target]{{Line: 2, V: domain.Target{Account: "ACME", Month: d("2026-10-01"), Product: "AGO", Quantity: dec("40000"), Amount: dec("9000000")}}},
	})
	res := apply(t, s, &store.Batch{
		Columns: []string{"account", "date", "kind", "score", "month", "product", "quantity"},
		Surveys: []store.Rec[domain.Survey]{{Line: 2, V: domain.Survey{Account: "ACME", On: d("2025-01-31"), Kind: "nps", Score: 7}}},
		Targets: []store.Rec[domain.Target]{{Line: 2, V: domain.Target{Account: "ACME", Month: d("2026-10-01"), Product: "AGO", Quantity: dec("45000")}}},
	})
	if got, want := res.Summary(), "1 survey updated, 1 target updated"; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	f := unstamped(loadFile(t, s, "ACME"))
	if len(f.Surveys) != 1 || f.Surveys[0].Score != 7 || f.Surveys[0].Comment != "good service" {
		t.Errorf("surveys: %+v; want one, score 7, comment kept", f.Surveys)
	}
	same(t, "targets", f.Targets, []domain.Target{
		{Account: "ACME", Month: d("2026-10-01"), Product: "AGO", Quantity: dec("45000"), Amount: dec("9000000.00"), Currency: "NGN"},
	})
}

// testReimportContracts: a contracts file without notice_days, sla or
// rebate keeps them; an accounts file without status_since keeps the date.
func testReimportContracts(t *testing.T, s store.Store) {
	base(t, s)
	scheme, err := domain.ParseRebate("quantity/quarter:0=0%,10000=1%")
	if err != nil {
		t.Fatal(err)
	}
	c := domain.Contract{Account: "ACME", ID: "C-1", Start: d("2025-01-01"), End: d("2026-12-31"),
		NoticeDays: 60, SLA: "24h delivery", Status: "active", Rebate: scheme}
	apply(t, s, &store.Batch{Contracts: []store.Rec[domain.Contract]{{Line: 2, V: c}}})
	res := apply(t, s, &store.Batch{
		Columns:   []string{"account", "number", "start", "end"},
		Contracts: []store.Rec[domain.Contract]{{Line: 2, V: domain.Contract{Account: "ACME", ID: "C-1", Start: d("2025-01-01"), End: d("2027-06-30"), Status: "active"}}},
	})
	if got, want := res.Summary(), "1 contract updated"; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	f := unstamped(loadFile(t, s, "ACME"))
	want := c
	want.End, want.Stamp = d("2027-06-30"), domain.Stamp{}
	same(t, "contracts", f.Contracts, []domain.Contract{want})

	acc := f.Account
	acc.Status, acc.StatusSince = domain.StatusChurned, d("2026-05-31")
	apply(t, s, &store.Batch{Accounts: []store.Rec[domain.Account]{{Line: 2, V: acc}}})
	again := apply(t, s, &store.Batch{Columns: []string{"code", "name", "status"},
		Accounts: []store.Rec[domain.Account]{{Line: 2, V: domain.Account{Code: "ACME", Name: acc.Name, Status: domain.StatusChurned}}}})
	if got, want := again.Summary(), "1 account unchanged"; got != want {
		t.Errorf("accounts without status_since: %q, want %q", got, want)
	}
	if got := loadFile(t, s, "ACME").Account.StatusSince; got != d("2026-05-31") {
		t.Errorf("status_since = %v, want 2026-05-31 kept", got)
	}
}

// testSettledNeverRewritesAPayment: a payment PAID-<n> the user made —
// applied to another invoice, or to none — is theirs: the settled date of
// <n> is refused rather than recorded over it, and clearing it leaves it.
func testSettledNeverRewritesAPayment(t *testing.T, s store.Store) {
	base(t, s)
	mine := domain.Payment{Account: "ACME", Reference: store.SettledReference("INV-001"), Received: d("2025-01-05"),
		Amount: dec("70"), Invoice: "INV-002"}
	apply(t, s, &store.Batch{Payments: []store.Rec[domain.Payment]{{Line: 2, V: mine}}})
	unchanged(t, s, func() {
		rows := rowErrors(t, s, &store.Batch{Settled: []store.Rec[store.Settled]{
			{Line: 2, V: store.Settled{Account: "ACME", Invoice: "INV-001", On: d("2025-01-20")}}}})
		wantRow(t, rows, 2, "paid_on", "payment PAID-INV-001 is already on account ACME, applied to invoice INV-002")
	})
	if res := apply(t, s, &store.Batch{Settled: []store.Rec[store.Settled]{
		{Line: 2, V: store.Settled{Account: "ACME", Invoice: "INV-001"}}}}); res.Summary() != "nothing to import" {
		t.Errorf("clearing a settled date never made: %q", res.Summary())
	}
	var kept []domain.Payment
	for _, p := range unstamped(loadFile(t, s, "ACME")).Payments {
		if p.Reference == mine.Reference {
			kept = append(kept, p)
		}
	}
	if len(kept) != 1 || kept[0].Invoice != "INV-002" || !kept[0].Amount.Equal(dec("70")) {
		t.Errorf("the user's payment: %+v", kept)
	}
}
