// Package storetest is the contract every store.Store implementation must
// keep. An implementation's tests call Run with a function that opens a new,
// empty book for each subtest.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
	"acctdesk/store"
)

// Run runs the contract suite; open must return a fresh, empty book.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"EmptyBook", testEmptyBook},
		{"RoundTripEveryKind", testRoundTrip},
		{"UpsertCounts", testUpsertCounts},
		{"BadRowWritesNothing", testBadRow},
		{"CurrencyMismatch", testCurrencyMismatch},
		{"DuplicateNumberAcrossAccounts", testDuplicateNumber},
		{"DuplicateKeyInBatch", testDuplicateInBatch},
		{"ApplicationToAnotherAccount", testForeignApplication},
		{"MissingAccount", testMissingAccount},
		{"CreateAccounts", testCreateAccounts},
		{"Defaults", testDefaults},
		{"AccountCurrencyChange", testCurrencyChange},
		{"DryRun", testDryRun},
		{"LogActivity", testLogActivity},
		{"LogActivityUnknownAccount", testLogActivityUnknown},
		{"LogActivityInvalid", testLogActivityInvalid},
		{"LogActivityWithContact", testLogActivityWithContact},
		{"OpenEscalation", testOpenEscalation},
		{"Mark", testMark},
		{"UpdateByID", testUpdateByID},
		{"Settings", testSettings},
		{"UpdateSettings", testUpdateSettings},
		{"LoadAccount", testLoadAccount},
		{"Check", testCheck},
		{"StampsOfHistory", testStampsOfHistory},
		{"NoAuthor", testNoAuthor},
		{"FactsFollowWrites", testFactsFollowWrites},
		{"FactsPaging", testFactsPaging},
		{"Changed", testChanged},
		{"Assign", testAssign},
		{"Guard", testGuard},
		{"AssignRefused", testAssignRefused},
		{"PlacesOfEveryKind", testPlaces},
		{"CountsByKind", testCountsByKind},
		{"SameAmountAnyForm", testSameAmountAnyForm},
		{"TargetsAndBalances", testTargetsAndBalances},
		{"TargetsAndBalancesRefused", testTargetsAndBalancesRefused},
		{"Settled", testSettled},
		{"SettledRefused", testSettledRefused},
		{"SurveysUpsertByDay", testSurveysByDay},
		{"ContractNumbers", testContractNumbers},
		{"EveryBookErrorInOneRun", testEveryBookError},
		{"ReimportAccounts", testReimportAccounts},
		{"ReimportWithoutColumns", testReimportWithoutColumns},
		{"ReimportDocuments", testReimportDocuments},
		{"ReimportContacts", testReimportContacts},
		{"CreatedAccountsCurrency", testCreatedCurrency},
		{"SettledRepeats", testSettledRepeats},
		{"ReimportSurveysTargets", testReimportSurveysTargets},
		{"ReimportContracts", testReimportContracts},
		{"SettledNeverRewritesAPayment", testSettledNeverRewritesAPayment},
		{"ReplacePlan", testReplacePlan},
		{"ImportDisputes", testImportDisputes},
		{"RaiseResolveDispute", testRaiseResolveDispute},
		{"DisputesRefused", testDisputesRefused},
		{"ResolveEscalation", testResolveEscalation},
		{"ManagerRecords", testManagerRecords},
		{"ManagerRefused", testManagerRefused},
		{"RemoveContacts", testRemoveContacts},
		{"FactsLinesAndRebates", testFactsLinesAndRebates},
		{"AdminRecords", testAdminRecords},
		{"AdminRefused", testAdminRefused},
		{"FactsAuthors", testFactsAuthors},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open(t)) })
	}
}

// --- helpers

// ctx carries the author of the suite's writes.
var ctx = store.WithAuthor(context.Background(), "tester")

func apply(t *testing.T, s store.Store, b *store.Batch) store.Result {
	t.Helper()
	res, err := s.Apply(ctx, b)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	return res
}

// book is every account's file, in code order, with the settings.
type book struct {
	Settings domain.Settings
	Files    []*domain.AccountFile
}

// load lists every account a few at a time (Facts pages) and reads each
// one's file (LoadAccount).
func load(t *testing.T, s store.Store) *book {
	t.Helper()
	set, err := s.Settings()
	if err != nil {
		t.Fatalf("Settings: %v", err)
	}
	b := &book{Settings: set}
	for after := ""; ; {
		p, err := s.Facts(after, 2)
		if err != nil {
			t.Fatalf("Facts(%q, 2): %v", after, err)
		}
		for _, x := range p.Facts {
			f, err := s.LoadAccount(x.Account.Code)
			if err != nil {
				t.Fatalf("LoadAccount(%s): %v", x.Account.Code, err)
			}
			b.Files = append(b.Files, f)
		}
		if !p.More {
			return b
		}
		if len(p.Facts) == 0 {
			t.Fatalf("Facts(%q, 2): an empty page says more follow", after)
		}
		after = p.Facts[len(p.Facts)-1].Account.Code
	}
}

func changes(t *testing.T, s store.Store) uint64 {
	t.Helper()
	n, err := s.Changes()
	if err != nil {
		t.Fatalf("Changes: %v", err)
	}
	return n
}

func file(t *testing.T, b *book, code string) *domain.AccountFile {
	t.Helper()
	for _, f := range b.Files {
		if f.Account.Code == code {
			return f
		}
	}
	t.Fatalf("account %s not in the book", code)
	return nil
}

// rowErrors applies a batch that must be refused and returns its row errors.
func rowErrors(t *testing.T, s store.Store, b *store.Batch) store.RowErrors {
	t.Helper()
	res, err := s.Apply(ctx, b)
	var rows store.RowErrors
	if !errors.As(err, &rows) {
		t.Fatalf("Apply = %v, %v; want RowErrors", res, err)
	}
	if res.Totals() != (store.Result{}) {
		t.Errorf("refused batch reported %v", res)
	}
	return rows
}

// wantRow checks that a row error names line and field, with reason containing text.
func wantRow(t *testing.T, rows store.RowErrors, line int, field, text string) {
	t.Helper()
	for _, r := range rows {
		if r.Line == line && r.Field == field && strings.Contains(r.Reason, text) {
			return
		}
	}
	t.Errorf("no error on line %d field %s containing %q in:\n%v", line, field, text, rows)
}

// base is the three fixture accounts and ACME's two invoices.
func base(t *testing.T, s store.Store) {
	t.Helper()
	b := fullBatch()
	apply(t, s, &store.Batch{Accounts: b.Accounts, Invoices: b.Invoices})
}

// unchanged runs fn, which must refuse its batch, and checks the book is
// exactly as before and the change counter did not move.
func unchanged(t *testing.T, s store.Store, fn func()) {
	t.Helper()
	before, n := dump(load(t, s)), changes(t, s)
	fn()
	if after := dump(load(t, s)); after != before {
		t.Errorf("a refused batch changed the book:\nbefore %s\nafter  %s", before, after)
	}
	if m := changes(t, s); m != n {
		t.Errorf("a refused batch moved the change counter %d → %d", n, m)
	}
}

// --- the contract

func testEmptyBook(t *testing.T, s store.Store) {
	empty, err := s.Empty()
	if err != nil || !empty {
		t.Fatalf("Empty = %v, %v; want true", empty, err)
	}
	b := load(t, s)
	if len(b.Files) != 0 {
		t.Errorf("new book holds %d accounts", len(b.Files))
	}
	same(t, "settings", b.Settings, domain.DefaultSettings())
	if err := s.Check(); err != nil {
		t.Errorf("Check on a new book: %v", err)
	}
	if _, err := s.LoadAccount("NOPE"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("LoadAccount(NOPE) = %v; want ErrNotFound", err)
	}
}

func testRoundTrip(t *testing.T, s store.Store) {
	in := fullBatch()
	res := apply(t, s, in)
	// 3 accounts, 2 contacts, 1 contract, 4 invoices, 2 payments, 1 credit,
	// 1 activity, 1 plan, 1 escalation, 1 issue, 1 follow-up, 1 survey, 1 mark,
	// and the open dispute the disputed invoice (inv2) stands for = 21
	if res.Totals() != (store.Result{Added: 21}) {
		t.Errorf("Apply = %v; want 21 added", res)
	}
	if empty, _ := s.Empty(); empty {
		t.Error("Empty after Apply")
	}
	b := load(t, s)
	if len(b.Files) != 3 {
		t.Fatalf("%d accounts, want 3", len(b.Files))
	}
	for i, want := range accounts() {
		got := b.Files[i].Account
		if got.Stamp.At.IsZero() {
			t.Errorf("account %s has no stamp", got.Code)
		}
		got.Stamp = domain.Stamp{}
		same(t, "account "+want.Code, got, want)
	}
	acme, beta, gamma := file(t, b, "ACME"), file(t, b, "BETA"), file(t, b, "GAMMA")
	u := unstamped(acme)
	same(t, "contacts", u.Contacts, []domain.Contact{in.Contacts[0].V, in.Contacts[1].V})
	same(t, "contracts", u.Contracts, []domain.Contract{in.Contracts[0].V})
	same(t, "ACME invoices", u.Invoices, []domain.Invoice{in.Invoices[0].V, in.Invoices[1].V})
	same(t, "ACME payments", u.Payments, []domain.Payment{in.Payments[0].V})
	same(t, "credits", u.Credits, []domain.CreditNote{in.Credits[0].V})
	same(t, "surveys", stripIDs(u.Surveys, func(x *domain.Survey) { x.ID = 0 }), []domain.Survey{in.Surveys[0].V})
	same(t, "escalations", stripIDs(u.Escalations, func(x *domain.Escalation) { x.ID = 0 }), []domain.Escalation{in.Escalations[0].V})
	ub := unstamped(beta)
	same(t, "BETA invoices", ub.Invoices, []domain.Invoice{in.Invoices[2].V})
	same(t, "BETA payments", ub.Payments, []domain.Payment{in.Payments[1].V})
	same(t, "plans", stripIDs(ub.Plans, func(x *domain.PaymentPlan) { x.ID = 0 }), []domain.PaymentPlan{in.Plans[0].V})
	same(t, "activities", stripIDs(ub.Activities, func(x *domain.Activity) { x.ID = 0 }), []domain.Activity{in.Activities[0].Activity})
	ug := unstamped(gamma)
	same(t, "GAMMA invoices", ug.Invoices, []domain.Invoice{in.Invoices[3].V})
	same(t, "issues", stripIDs(ug.Issues, func(x *domain.ServiceIssue) { x.ID = 0 }), []domain.ServiceIssue{in.Issues[0].V})
	same(t, "follow-ups", stripIDs(ug.FollowUps, func(x *domain.FollowUp) { x.ID = 0 }), []domain.FollowUp{in.FollowUps[0].V})
	for _, f := range []*domain.AccountFile{acme, beta, gamma} {
		for _, a := range f.Activities {
			if a.ID == 0 {
				t.Errorf("activity without an id: %+v", a)
			}
		}
	}
	same(t, "marks", u.Marks, []domain.QueueMark{in.Marks[0].V})
	for _, f := range []*domain.AccountFile{beta, gamma} {
		if len(f.Marks) != 0 {
			t.Errorf("%s has marks %+v", f.Account.Code, f.Marks)
		}
	}
}

func stripIDs[T any](in []T, fn func(*T)) []T { return cleared(in, fn) }

func testUpsertCounts(t *testing.T, s store.Store) {
	b := fullBatch()
	batch := &store.Batch{Accounts: b.Accounts, Contacts: b.Contacts, Invoices: b.Invoices, Payments: b.Payments, Credits: b.Credits}
	// 3 accounts, 2 contacts, 4 invoices, 2 payments, 1 credit, and the open
	// dispute of the disputed invoice = 13
	if res := apply(t, s, batch); res.Totals() != (store.Result{Added: 13}) {
		t.Errorf("first Apply = %v; want 13 added", res)
	}
	n := changes(t, s)
	before := dump(load(t, s))
	// Re-importing the same file changes nothing, not even the counter.
	if res := apply(t, s, batch); res.Totals() != (store.Result{Unchanged: 12}) {
		t.Errorf("second Apply = %v; want 12 unchanged", res)
	}
	if m := changes(t, s); m != n {
		t.Errorf("re-apply moved the change counter %d → %d", n, m)
	}
	if after := dump(load(t, s)); after != before {
		t.Errorf("re-apply rewrote records:\nbefore %s\nafter  %s", before, after)
	}
	// One changed invoice is one update.
	b2 := fullBatch()
	b2.Invoices[1].V.Amount = dec("830000")
	if res := apply(t, s, &store.Batch{Invoices: b2.Invoices}); res.Totals() != (store.Result{Updated: 1, Unchanged: 3}) {
		t.Errorf("Apply with one change = %v; want 1 updated, 3 unchanged", res)
	}
	if m := changes(t, s); m != n+1 {
		t.Errorf("change counter %d after a change; want %d", m, n+1)
	}
	if got := file(t, load(t, s), "ACME").Invoices[1].Amount; !got.Equal(dec("830000")) {
		t.Errorf("updated amount = %s", got)
	}
}

func testBadRow(t *testing.T, s store.Store) {
	base(t, s)
	unchanged(t, s, func() {
		rows := rowErrors(t, s, &store.Batch{Invoices: []store.Rec[domain.Invoice]{
			{Line: 6, V: invoice("ACME", "INV-100", "2025-04-01", "2025-05-01", "100", "NGN")},
			{Line: 7, V: invoice("ACME", "INV-101", "2025-04-01", "2025-05-01", "-5", "NGN")},
			{Line: 8, V: invoice("ACME", "", "2025-04-01", "2025-05-01", "100", "NGN")},
			{Line: 9, V: invoice("ACME", "INV-102", "2025-04-01", "2025-03-01", "100", "NGN")},
		}})
		wantRow(t, rows, 7, "amount", "more than zero")
		wantRow(t, rows, 8, "number", "empty")
		wantRow(t, rows, 9, "due_date", "before")
		if len(rows) != 3 {
			t.Errorf("%d row errors, want 3: %v", len(rows), rows)
		}
		if !slices.IsSortedFunc(rows, func(a, b store.RowError) int { return a.Line - b.Line }) {
			t.Errorf("row errors not in line order: %v", rows)
		}
	})
}

func testCurrencyMismatch(t *testing.T, s store.Store) {
	base(t, s)
	unchanged(t, s, func() {
		rows := rowErrors(t, s, &store.Batch{
			Invoices: []store.Rec[domain.Invoice]{{Line: 4, V: invoice("ACME", "INV-200", "2025-04-01", "2025-05-01", "100", "USD")}},
			Payments: []store.Rec[domain.Payment]{{Line: 5, V: domain.Payment{Account: "GAMMA", Reference: "P-1", Received: d("2025-04-01"), Amount: dec("10"), Currency: "NGN"}}},
		})
		wantRow(t, rows, 4, "currency", "currency USD differs from account ACME's NGN")
		wantRow(t, rows, 5, "currency", "differs from account GAMMA's XOF")
	})
}

func testDuplicateNumber(t *testing.T, s store.Store) {
	base(t, s)
	unchanged(t, s, func() {
		rows := rowErrors(t, s, &store.Batch{Invoices: []store.Rec[domain.Invoice]{
			{Line: 3, V: invoice("BETA", "INV-001", "2025-04-01", "2025-04-01", "100", "USD")},
		}})
		wantRow(t, rows, 3, "number", "ACME")
	})
	apply(t, s, &store.Batch{Payments: []store.Rec[domain.Payment]{{V: domain.Payment{Account: "ACME", Reference: "R-1", Received: d("2025-04-01"), Amount: dec("1"), Currency: "NGN"}}}})
	unchanged(t, s, func() {
		rows := rowErrors(t, s, &store.Batch{Payments: []store.Rec[domain.Payment]{{Line: 12, V: domain.Payment{Account: "BETA", Reference: "R-1", Received: d("2025-04-01"), Amount: dec("1"), Currency: "USD"}}}})
		wantRow(t, rows, 12, "reference", "ACME")
	})
}

func testDuplicateInBatch(t *testing.T, s store.Store) {
	base(t, s)
	unchanged(t, s, func() {
		rows := rowErrors(t, s, &store.Batch{Invoices: []store.Rec[domain.Invoice]{
			{Line: 2, V: invoice("ACME", "X-1", "2025-04-01", "2025-05-01", "100", "NGN")},
			{Line: 3, V: invoice("ACME", "X-1", "2025-04-01", "2025-05-01", "200", "NGN")},
		}})
		wantRow(t, rows, 3, "number", "also on line 2")
	})
	// The same record twice is harmless: written once.
	same1 := invoice("ACME", "X-2", "2025-04-01", "2025-05-01", "100", "NGN")
	res := apply(t, s, &store.Batch{Invoices: []store.Rec[domain.Invoice]{{Line: 2, V: same1}, {Line: 3, V: same1}}})
	if res.Totals() != (store.Result{Added: 1, Unchanged: 1}) {
		t.Errorf("Apply of a repeated row = %v; want 1 added, 1 unchanged", res)
	}
}

func testForeignApplication(t *testing.T, s store.Store) {
	base(t, s)
	unchanged(t, s, func() {
		rows := rowErrors(t, s, &store.Batch{
			Payments: []store.Rec[domain.Payment]{{Line: 2, V: domain.Payment{Account: "BETA", Reference: "W-9", Received: d("2025-04-01"), Amount: dec("10"), Currency: "USD", Invoice: "INV-001"}}},
			Credits:  []store.Rec[domain.CreditNote]{{Line: 3, V: domain.CreditNote{Account: "ACME", Number: "CN-9", Date: d("2025-04-01"), Amount: dec("10"), Currency: "NGN", Reason: "other", Invoice: "NOPE"}}},
		})
		wantRow(t, rows, 2, "invoice", "belongs to account ACME")
		wantRow(t, rows, 3, "invoice", "not found")
	})
	// An invoice earlier in the same batch can be named.
	res := apply(t, s, &store.Batch{
		Invoices: []store.Rec[domain.Invoice]{{V: invoice("BETA", "B-9", "2025-04-01", "2025-04-01", "10", "USD")}},
		Payments: []store.Rec[domain.Payment]{{V: domain.Payment{Account: "BETA", Reference: "W-10", Received: d("2025-04-02"), Amount: dec("10"), Currency: "USD", Invoice: "B-9"}}},
	})
	if res.Added != 2 {
		t.Errorf("Apply = %v; want 2 added", res)
	}
}

func testMissingAccount(t *testing.T, s store.Store) {
	base(t, s)
	unchanged(t, s, func() {
		rows := rowErrors(t, s, &store.Batch{
			Invoices: []store.Rec[domain.Invoice]{{Line: 5, V: invoice("NEWCO", "N-1", "2025-04-01", "", "100", "")}},
			Contacts: []store.Rec[domain.Contact]{{Line: 6, V: domain.Contact{Account: "NOBODY", Name: "X"}}},
		})
		wantRow(t, rows, 5, "account", "account NEWCO not found")
		wantRow(t, rows, 6, "account", "account NOBODY not found")
		if len(rows) != 2 {
			t.Errorf("want exactly the two missing accounts, got %v", rows)
		}
	})
}

func testCreateAccounts(t *testing.T, s store.Store) {
	base(t, s)
	res := apply(t, s, &store.Batch{
		CreateAccounts: true,
		Invoices: []store.Rec[domain.Invoice]{
			{Line: 2, V: invoice("NEWCO", "N-1", "2025-04-01", "", "100", "USD")},
			{Line: 3, V: invoice("NEWCO", "N-2", "2025-04-02", "", "50", "")},
		},
		Payments: []store.Rec[domain.Payment]{{Line: 2, V: domain.Payment{Account: "OTHER", Reference: "O-1", Received: d("2025-04-01"), Amount: dec("5")}}},
	})
	if res.Totals() != (store.Result{Added: 5}) {
		t.Errorf("Apply = %v; want 5 added (2 accounts, 3 documents)", res)
	}
	b := load(t, s)
	nc := file(t, b, "NEWCO")
	want := domain.Account{Code: "NEWCO", Name: "NEWCO", Tier: 3, Status: domain.StatusActive, Terms: "term", TermsDays: 30, Currency: "USD"}
	got := nc.Account
	got.Stamp = domain.Stamp{}
	same(t, "created account", got, want)
	if len(nc.Invoices) != 2 || nc.Invoices[1].Currency != "USD" || nc.Invoices[0].Due != d("2025-05-01") {
		t.Errorf("NEWCO invoices: %+v", nc.Invoices)
	}
	if c := file(t, b, "OTHER").Account.Currency; c != b.Settings.BaseCurrency {
		t.Errorf("account created from a payment without currency is in %s, want the base %s", c, b.Settings.BaseCurrency)
	}
}

func testDefaults(t *testing.T, s store.Store) {
	base(t, s)
	apply(t, s, &store.Batch{
		Invoices: []store.Rec[domain.Invoice]{
			{V: domain.Invoice{Account: "GAMMA", Number: "G-2", Issued: d("2025-05-01"), Amount: dec("1000")}},
			{V: domain.Invoice{Account: "BETA", Number: "B-2", Issued: d("2025-05-01"), Amount: dec("10")}},
		},
		Credits: []store.Rec[domain.CreditNote]{{V: domain.CreditNote{Account: "GAMMA", Number: "GC-1", Date: d("2025-05-02"), Amount: dec("5")}}},
	})
	b := load(t, s)
	g := file(t, b, "GAMMA")
	// GAMMA trades in XOF on 45 days: 2025-05-01 + 45 = 2025-06-15.
	if x := g.Invoices[1]; x.Currency != "XOF" || x.Due != d("2025-06-15") {
		t.Errorf("GAMMA invoice defaults: currency %s due %s", x.Currency, x.Due)
	}
	if c := g.Credits[0]; c.Currency != "XOF" || c.Reason != "other" {
		t.Errorf("credit defaults: currency %s reason %q", c.Currency, c.Reason)
	}
	// BETA is on cash terms: due on the day.
	if x := file(t, b, "BETA").Invoices[1]; x.Number != "B-2" || x.Due != d("2025-05-01") || x.Currency != "USD" {
		t.Errorf("BETA invoice defaults: currency %s due %s", x.Currency, x.Due)
	}
}

func testCurrencyChange(t *testing.T, s store.Store) {
	base(t, s)
	acme := accounts()[0]
	acme.Currency = "USD"
	unchanged(t, s, func() {
		rows := rowErrors(t, s, &store.Batch{Accounts: []store.Rec[domain.Account]{{Line: 2, V: acme}}})
		wantRow(t, rows, 2, "currency", "cannot change")
	})
	// An account without documents can still change its currency.
	fresh := domain.Account{Code: "FRESH", Name: "Fresh", Tier: 3, Status: "active", Terms: "term", TermsDays: 30, Currency: "NGN"}
	apply(t, s, &store.Batch{Accounts: []store.Rec[domain.Account]{{V: fresh}}})
	fresh.Currency = "GHS"
	if res := apply(t, s, &store.Batch{Accounts: []store.Rec[domain.Account]{{V: fresh}}}); res.Totals() != (store.Result{Updated: 1}) {
		t.Errorf("currency change of an account without documents = %v; want 1 updated", res)
	}
}

func testDryRun(t *testing.T, s store.Store) {
	base(t, s)
	b := fullBatch()
	unchanged(t, s, func() {
		res, err := s.Apply(ctx, &store.Batch{DryRun: true, Accounts: b.Accounts, Invoices: b.Invoices, Payments: b.Payments})
		if err != nil {
			t.Fatalf("dry run: %v", err)
		}
		if res.Totals() != (store.Result{Added: 2, Unchanged: 7}) {
			t.Errorf("dry run = %v; want 2 added, 7 unchanged", res)
		}
	})
	unchanged(t, s, func() {
		rows := rowErrors(t, s, &store.Batch{DryRun: true, Invoices: []store.Rec[domain.Invoice]{{Line: 4, V: invoice("ACME", "Z", "2025-01-01", "", "0", "")}}})
		wantRow(t, rows, 4, "amount", "more than zero")
	})
}

func testLogActivity(t *testing.T, s store.Store) {
	base(t, s)
	n := changes(t, s)
	e := store.ActivityEntry{
		Activity: domain.Activity{Account: "ACME", On: d("2025-03-10"), Kind: "call", Contact: "Ngozi Okafor",
			Outcome: "promise", Text: "will pay Friday", NextFollow: d("2025-03-15")},
		Promise: &domain.Promise{Amount: dec("400000"), DueOn: d("2025-03-14")},
	}
	got, err := s.LogActivity(ctx, e)
	if err != nil {
		t.Fatalf("LogActivity: %v", err)
	}
	if got.ID == 0 || got.Stamp.At.IsZero() {
		t.Errorf("LogActivity returned %+v; want an id and a stamp", got)
	}
	if m := changes(t, s); m != n+1 {
		t.Errorf("change counter %d after LogActivity, want %d", m, n+1)
	}
	second, err := s.LogActivity(ctx, store.ActivityEntry{Activity: domain.Activity{Account: "ACME", On: d("2025-03-11"), Kind: "note", Text: "second"}})
	if err != nil {
		t.Fatal(err)
	}
	if second.ID <= got.ID {
		t.Errorf("ids do not rise: %d then %d", got.ID, second.ID)
	}
	f, err := s.LoadAccount("ACME")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Activities) != 2 || f.Activities[0].ID != got.ID || f.Activities[1].ID != second.ID {
		t.Fatalf("activities: %+v", f.Activities)
	}
	same(t, "stored activity", f.Activities[0], got)
	if len(f.Promises) != 1 {
		t.Fatalf("promises: %+v", f.Promises)
	}
	p := f.Promises[0]
	want := domain.Promise{ID: p.ID, Account: "ACME", Amount: dec("400000"), Currency: "NGN", GivenOn: d("2025-03-10"),
		DueOn: d("2025-03-14"), Activity: got.ID, Contact: "Ngozi Okafor", Stamp: got.Stamp}
	same(t, "promise", p, want)
	if len(f.FollowUps) != 1 {
		t.Fatalf("follow-ups: %+v", f.FollowUps)
	}
	fu := f.FollowUps[0]
	wantFU := domain.FollowUp{ID: fu.ID, Account: "ACME", Due: d("2025-03-15"), Reason: "next step from call",
		Source: "manual", Status: domain.FollowOpen, Activity: got.ID, Stamp: got.Stamp}
	same(t, "follow-up", fu, wantFU)
	if err := s.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
}

func testLogActivityUnknown(t *testing.T, s store.Store) {
	base(t, s)
	unchanged(t, s, func() {
		_, err := s.LogActivity(ctx, store.ActivityEntry{Activity: domain.Activity{Account: "NOPE", On: d("2025-03-10"), Kind: "note"}})
		if !errors.Is(err, store.ErrNotFound) || !strings.Contains(err.Error(), "account NOPE not found") {
			t.Errorf("LogActivity on an unknown account = %v; want ErrNotFound", err)
		}
	})
}

func testLogActivityInvalid(t *testing.T, s store.Store) {
	base(t, s)
	unchanged(t, s, func() {
		_, err := s.LogActivity(ctx, store.ActivityEntry{
			Activity: domain.Activity{Account: "ACME", On: d("2025-03-10"), Kind: "call", Outcome: "shrug"},
			Promise:  &domain.Promise{Amount: dec("100"), DueOn: d("2025-03-01")},
		})
		var ve domain.ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("LogActivity of a bad call = %v; want a ValidationError", err)
		}
		fields := map[string]bool{}
		for _, f := range ve {
			fields[f.Field] = true
		}
		if !fields["outcome"] || !fields["promise"] {
			t.Errorf("want outcome and promise errors, got %v", ve)
		}
	})
}

func testOpenEscalation(t *testing.T, s store.Store) {
	base(t, s)
	e := domain.Escalation{Account: "ACME", Opened: d("2025-03-12"), Category: "credit-breach", Severity: "critical",
		To: "management", Summary: "limit exceeded by 40%", Due: d("2025-03-14")}
	got, err := s.OpenEscalation(ctx, e, domain.Activity{})
	if err != nil {
		t.Fatalf("OpenEscalation: %v", err)
	}
	if got.ID == 0 || got.Status != "open" {
		t.Errorf("OpenEscalation returned %+v", got)
	}
	f, err := s.LoadAccount("ACME")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Escalations) != 1 {
		t.Fatalf("escalations: %+v", f.Escalations)
	}
	same(t, "stored escalation", f.Escalations[0], got)
	if len(f.Activities) != 1 || f.Activities[0].Kind != "escalation" || f.Activities[0].On != d("2025-03-12") ||
		f.Activities[0].Text != e.Summary {
		t.Errorf("timeline entry: %+v", f.Activities)
	}
	if _, err := s.OpenEscalation(ctx, domain.Escalation{Account: "NOPE"}, domain.Activity{}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("OpenEscalation on an unknown account = %v", err)
	}
}

func testMark(t *testing.T, s store.Store) {
	base(t, s)
	m := domain.QueueMark{Key: "stale-contact:ACME", Account: "ACME", Until: d("2025-03-20"), On: d("2025-03-13")}
	if err := s.Mark(ctx, m); err != nil {
		t.Fatal(err)
	}
	n := changes(t, s)
	if err := s.Mark(ctx, m); err != nil {
		t.Fatal(err)
	}
	if changes(t, s) != n {
		t.Error("marking the same again moved the change counter")
	}
	m.Done, m.Until = true, 0
	if err := s.Mark(ctx, m); err != nil {
		t.Fatal(err)
	}
	marks := file(t, load(t, s), "ACME").Marks
	if len(marks) != 1 || !marks[0].Done || marks[0].Until != 0 || marks[0].Account != "ACME" || marks[0].Stamp.By != "tester" {
		t.Errorf("marks after upsert: %+v", marks)
	}
	unchanged(t, s, func() {
		if err := s.Mark(ctx, domain.QueueMark{Key: "x", Account: "NOPE", Done: true}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Mark on an unknown account = %v; want ErrNotFound", err)
		}
		if err := s.Mark(ctx, domain.QueueMark{Key: "x", Done: true}); err == nil {
			t.Error("Mark naming no account was accepted")
		}
	})
}

func testUpdateByID(t *testing.T, s store.Store) {
	b := fullBatch()
	apply(t, s, &store.Batch{Accounts: b.Accounts, FollowUps: b.FollowUps, Escalations: b.Escalations})
	f := file(t, load(t, s), "GAMMA")
	fu := f.FollowUps[0]
	fu.Status = domain.FollowDone
	if res := apply(t, s, &store.Batch{FollowUps: []store.Rec[domain.FollowUp]{{V: fu}}}); res.Totals() != (store.Result{Updated: 1}) {
		t.Errorf("update by id = %v; want 1 updated", res)
	}
	if got := file(t, load(t, s), "GAMMA").FollowUps; len(got) != 1 || got[0].Status != domain.FollowDone {
		t.Errorf("follow-ups after update: %+v", got)
	}
	fu.ID = 9999
	unchanged(t, s, func() {
		rows := rowErrors(t, s, &store.Batch{FollowUps: []store.Rec[domain.FollowUp]{{Line: 4, V: fu}}})
		wantRow(t, rows, 4, "id", "not found")
	})
}

func testSettings(t *testing.T, s store.Store) {
	set := domain.DefaultSettings()
	set.Name, set.BaseCurrency, set.AgingEdges, set.Users = "west", "GHS", []int{15, 45}, []string{"ada", "bola"}
	set.Reminders = domain.Reminders{Levels: []int{3, 10, 21}, CadenceDays: 14}
	n := changes(t, s)
	if err := s.SaveSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	got, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	same(t, "settings", got, set)
	if m := changes(t, s); m != n+1 {
		t.Errorf("change counter %d after SaveSettings, want %d", m, n+1)
	}
	bad := set
	bad.BaseCurrency = "ZZZ"
	if err := s.SaveSettings(ctx, bad); err == nil {
		t.Error("SaveSettings accepted an unknown base currency")
	}
	bad = set
	bad.Reminders = domain.Reminders{Levels: []int{15, 1, 30}, CadenceDays: 7}
	if err := s.SaveSettings(ctx, bad); err == nil {
		t.Error("SaveSettings accepted reminder levels that do not rise")
	}
	// New accounts without a currency take the base currency.
	apply(t, s, &store.Batch{Accounts: []store.Rec[domain.Account]{{V: domain.Account{Code: "K", Name: "K"}}}})
	if c := file(t, load(t, s), "K").Account.Currency; c != "GHS" {
		t.Errorf("account currency %s; want the base GHS", c)
	}
}

// UpdateSettings edits the settings as stored: writers at once each keep
// the other's change (a read-then-save would lose one); an edit's error or
// settings that do not validate write nothing.
func testUpdateSettings(t *testing.T, s store.Store) {
	const n = 20
	var wg sync.WaitGroup
	errs := make(chan error, 2*n)
	for i := range n {
		wg.Add(2)
		go func() {
			defer wg.Done()
			_, err := s.UpdateSettings(ctx, func(set *domain.Settings) error { set.Thresholds.StaleContactDays++; return nil })
			errs <- err
		}()
		go func() {
			defer wg.Done()
			_, err := s.UpdateSettings(ctx, func(set *domain.Settings) error {
				if set.MarginRates == nil {
					set.MarginRates = map[string]decimal.Decimal{}
				}
				set.MarginRates[fmt.Sprintf("P%02d", i)] = decimal.NewFromInt(int64(i))
				return nil
			})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	// 30 days to begin with, one more for each of the n edits.
	if got.Thresholds.StaleContactDays != 30+n || len(got.MarginRates) != n {
		t.Fatalf("after %d edits of each: stale-contact %d, %d margin rates; an edit was lost", n, got.Thresholds.StaleContactDays, len(got.MarginRates))
	}
	unchangedBy := func(what string, edit func(*domain.Settings) error) {
		t.Helper()
		before := changes(t, s)
		if _, err := s.UpdateSettings(ctx, edit); err == nil {
			t.Errorf("%s: no error", what)
		}
		after, _ := s.Settings()
		same(t, what, after, got)
		if m := changes(t, s); m != before {
			t.Errorf("%s: the change counter moved", what)
		}
	}
	unchangedBy("an edit's error", func(set *domain.Settings) error { set.Name = "x"; return errors.New("no") })
	unchangedBy("settings that do not validate", func(set *domain.Settings) error { set.BaseCurrency = "ZZZ"; return nil })
}

func testLoadAccount(t *testing.T, s store.Store) {
	apply(t, s, fullBatch())
	// A code that is a prefix of another must not pick up the other's records.
	apply(t, s, &store.Batch{
		Accounts: []store.Rec[domain.Account]{{V: domain.Account{Code: "ACM", Name: "Acm", Currency: "NGN"}}},
		Invoices: []store.Rec[domain.Invoice]{{V: invoice("ACM", "A-1", "2025-01-01", "", "1", "")}},
	})
	b := load(t, s)
	for _, want := range b.Files {
		got, err := s.LoadAccount(want.Account.Code)
		if err != nil {
			t.Fatalf("LoadAccount(%s): %v", want.Account.Code, err)
		}
		same(t, "LoadAccount("+want.Account.Code+")", *got, *want)
	}
	if n := len(file(t, b, "ACM").Invoices); n != 1 {
		t.Errorf("ACM has %d invoices, want 1", n)
	}
}

func testCheck(t *testing.T, s store.Store) {
	apply(t, s, fullBatch())
	if _, err := s.LogActivity(ctx, store.ActivityEntry{
		Activity: domain.Activity{Account: "GAMMA", On: d("2025-03-10"), Kind: "call", Outcome: "no-answer", NextFollow: d("2025-03-11")},
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err != nil {
		t.Errorf("Check on good data: %v", err)
	}
}

// testStampsOfHistory: a batch may bring complete stamps (a timeline written by
// others, imported); a single write is always stamped by the writer.
func testStampsOfHistory(t *testing.T, s store.Store) {
	base(t, s)
	past := domain.Stamp{By: "tunde", At: time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)}
	apply(t, s, &store.Batch{Activities: []store.ActivityEntry{{Activity: domain.Activity{
		Account: "ACME", On: d("2025-03-01"), Kind: "call", Outcome: "reached", Text: "history", Stamp: past}}}})
	got, err := s.LogActivity(ctx, store.ActivityEntry{Activity: domain.Activity{
		Account: "ACME", On: d("2025-03-02"), Kind: "note", Text: "now", Stamp: past}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := s.LoadAccount("ACME")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Activities) != 2 {
		t.Fatalf("activities %+v", f.Activities)
	}
	if f.Activities[0].Stamp != past {
		t.Errorf("imported stamp %+v, want %+v", f.Activities[0].Stamp, past)
	}
	if got.Stamp == past || f.Activities[1].Stamp.By == "tunde" {
		t.Errorf("a single write kept the caller's stamp: %+v", f.Activities[1].Stamp)
	}
}

// A call to someone added on the spot writes the contact and the activity in
// one transaction; a refused activity writes neither, and a refused contact
// keeps the activity out too. Facts carry the new contact (check agrees).
func testLogActivityWithContact(t *testing.T, s store.Store) {
	base(t, s)
	call := func(who, kind string) store.ActivityEntry {
		return store.ActivityEntry{
			Activity: domain.Activity{Account: "ACME", On: d("2025-03-10"), Kind: kind, Contact: who, Outcome: "reached"},
			Contact:  &domain.Contact{Name: who, Phone: "+234 802 111 2222"},
		}
	}
	unchanged(t, s, func() {
		if _, err := s.LogActivity(ctx, call("Musa Bello", "telepathy")); err == nil {
			t.Error("an activity of no kind was written")
		}
	})
	unchanged(t, s, func() {
		bad := call("Musa Bello", "call")
		bad.Contact.Role = "astrologer"
		if _, err := s.LogActivity(ctx, bad); err == nil {
			t.Error("a contact with a role that is not one was written")
		}
	})
	n := changes(t, s)
	got, err := s.LogActivity(ctx, call("Musa Bello", "call"))
	if err != nil {
		t.Fatalf("LogActivity with a contact: %v", err)
	}
	if m := changes(t, s); m != n+1 {
		t.Errorf("change counter %d, want %d: one transaction", m, n+1)
	}
	f, err := s.LoadAccount("ACME")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Activities) != 1 || f.Activities[0].ID != got.ID || f.Activities[0].Contact != "Musa Bello" {
		t.Fatalf("activities: %+v", f.Activities)
	}
	if len(f.Contacts) != 1 || f.Contacts[0].Name != "Musa Bello" || f.Contacts[0].Account != "ACME" ||
		f.Contacts[0].Phone != "+234 802 111 2222" || f.Contacts[0].Stamp.By != "tester" {
		t.Fatalf("contacts: %+v", f.Contacts)
	}
	p, err := s.FactsOf([]string{"ACME"})
	if err != nil || len(p.Facts) != 1 || len(p.Facts[0].Contacts) != 1 || p.Facts[0].Contacts[0].Name != "Musa Bello" {
		t.Fatalf("facts do not carry the new contact: %+v %v", p.Facts, err)
	}
	if err := s.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
}
