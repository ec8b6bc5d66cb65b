package storetest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"
)

// The contract of what issue 12's imports bring: amounts within their
// currency's places, counts by kind, targets and balances, settled dates
// (paid_on), surveys by day, contracts by number, and every book error of
// a batch in one run.

// loadFile reads one account's file.
func loadFile(t *testing.T, s store.Store, code string) *domain.AccountFile {
	t.Helper()
	f, err := s.LoadAccount(code)
	if err != nil {
		t.Fatalf("LoadAccount %s: %v", code, err)
	}
	return f
}

func testPlaces(t *testing.T, s store.Store) {
	base(t, s) // ACME NGN (2 places), BETA USD (2), GAMMA XOF (0)
	bad := &store.Batch{
		// No currency given: each is checked against its account's.
		Payments: []store.Rec[domain.Payment]{
			{Line: 2, V: domain.Payment{Account: "BETA", Reference: "P-USD", Received: d("2025-03-01"), Amount: dec("0.005")}},   // 3 places > USD's 2
			{Line: 3, V: domain.Payment{Account: "ACME", Reference: "P-NGN", Received: d("2025-03-01"), Amount: dec("1.001")}},   // 3 places > NGN's 2
			{Line: 4, V: domain.Payment{Account: "GAMMA", Reference: "P-XOF", Received: d("2025-03-01"), Amount: dec("100.00")}}, // 100.00 is 100: fits XOF's 0
		},
		Credits: []store.Rec[domain.CreditNote]{
			{Line: 5, V: domain.CreditNote{Account: "GAMMA", Number: "CN-X", Date: d("2025-03-01"), Amount: dec("0.5")}}, // 1 place > XOF's 0
		},
		Invoices: []store.Rec[domain.Invoice]{
			{Line: 6, V: domain.Invoice{Account: "BETA", Number: "B-9", Issued: d("2025-03-01"), Amount: dec("349.995")}}, // 3 places > USD's 2
		},
		Plans: []store.Rec[domain.PaymentPlan]{{Line: 7, V: domain.PaymentPlan{Account: "GAMMA", Agreed: d("2025-03-01"),
			Instalments: []domain.Instalment{{Due: d("2025-04-01"), Amount: dec("1000")}, {Due: d("2025-05-01"), Amount: dec("999.5")}}}}}, // the 2nd: 1 place > XOF's 0
		Activities: []store.ActivityEntry{{Line: 8, Activity: domain.Activity{Account: "BETA", On: d("2025-03-01"), Kind: "call", Outcome: "promise"},
			Promise: &domain.Promise{Amount: dec("10.001"), DueOn: d("2025-03-05")}}}, // 3 places > USD's 2
		Targets: []store.Rec[domain.Target]{
			{Line: 9, V: domain.Target{Account: "GAMMA", Month: d("2026-11-01"), Amount: dec("100.5")}}, // 1 place > XOF's 0
		},
		Balances: []store.Rec[domain.Balance]{
			{Line: 10, V: domain.Balance{Account: "BETA", On: d("2026-11-30"), Balance: dec("-0.001")}}, // 3 places > USD's 2
		},
		Accounts: []store.Rec[domain.Account]{
			{Line: 11, V: domain.Account{Code: "DELTA", Name: "Delta", Currency: "XOF", CreditLimit: dec("5000000.5")}}, // 1 place > XOF's 0
		},
	}
	unchanged(t, s, func() {
		rows := rowErrors(t, s, bad)
		wantRow(t, rows, 2, "amount", "0.005 has more decimal places than USD allows (2)")
		wantRow(t, rows, 3, "amount", "1.001 has more decimal places than NGN allows (2)")
		wantRow(t, rows, 5, "amount", "0.5 has more decimal places than XOF allows (0)")
		wantRow(t, rows, 6, "amount", "349.995 has more decimal places than USD allows (2)")
		wantRow(t, rows, 7, "instalments", "instalment 2: 999.5 has more decimal places than XOF allows (0)")
		wantRow(t, rows, 8, "promise", "10.001 has more decimal places than USD allows (2)")
		wantRow(t, rows, 9, "amount", "100.5 has more decimal places than XOF allows (0)")
		wantRow(t, rows, 10, "balance", "-0.001 has more decimal places than USD allows (2)")
		wantRow(t, rows, 11, "credit_limit", "5000000.5 has more decimal places than XOF allows (0)")
		for _, r := range rows {
			if r.Line == 4 {
				t.Errorf("XOF 100.00 refused: %v", r)
			}
		}
		// 9 lines refused, one error each.
		if len(rows) != 9 {
			t.Errorf("%d row errors, want 9:\n%v", len(rows), rows)
		}
	})
	// Trailing zeros are harmless: XOF 100.00 lands as 100.
	apply(t, s, &store.Batch{Payments: bad.Payments[2:]})
	f := loadFile(t, s, "GAMMA")
	if len(f.Payments) != 1 || !f.Payments[0].Amount.Equal(dec("100")) || f.Payments[0].Currency != "XOF" {
		t.Errorf("GAMMA payments %+v; want one of XOF 100", f.Payments)
	}
}

func testCountsByKind(t *testing.T, s store.Store) {
	res := apply(t, s, &store.Batch{CreateAccounts: true,
		Accounts: []store.Rec[domain.Account]{{Line: 2, V: accounts()[0]}},
		Invoices: []store.Rec[domain.Invoice]{
			{Line: 2, V: invoice("ACME", "I-1", "2025-01-01", "", "100", "")},
			{Line: 3, V: invoice("NEW1", "I-2", "2025-01-01", "", "200", "")},
			{Line: 4, V: invoice("NEW2", "I-3", "2025-01-01", "", "300", "")},
		},
		Settled: []store.Rec[store.Settled]{{Line: 2, V: store.Settled{Account: "ACME", Invoice: "I-1", On: d("2025-01-20")}}},
	})
	// 1 account, 2 created, 3 invoices, 1 payment from paid_on: 7 added.
	if got, want := res.Summary(), "1 account added, 3 invoices added, 1 payment added (from paid_on), 2 accounts created"; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	if res.Totals() != (store.Result{Added: 7}) {
		t.Errorf("totals %v, want 7 added", res)
	}
	if res.ByKind[store.KindAccountsCreated] != (store.Counts{Added: 2}) || res.ByKind[store.KindPaidOn] != (store.Counts{Added: 1}) {
		t.Errorf("by kind %+v", res.ByKind)
	}
	// A dry run counts the same and writes nothing.
	n := changes(t, s)
	dry, err := s.Apply(ctx, &store.Batch{DryRun: true, Invoices: []store.Rec[domain.Invoice]{
		{Line: 2, V: invoice("ACME", "I-1", "2025-01-01", "", "100", "")},
		{Line: 3, V: invoice("ACME", "I-4", "2025-01-01", "", "400", "")},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := dry.Summary(), "1 invoice added, 1 invoice unchanged"; got != want {
		t.Errorf("dry run Summary = %q, want %q", got, want)
	}
	if changes(t, s) != n {
		t.Error("a dry run moved the change counter")
	}
	if got := (store.Result{}).Summary(); got != "nothing to import" {
		t.Errorf("empty Summary = %q", got)
	}
}

func testTargetsAndBalances(t *testing.T, s store.Store) {
	base(t, s)
	batch := &store.Batch{
		Targets: []store.Rec[domain.Target]{
			{Line: 2, V: domain.Target{Account: "ACME", Month: d("2026-11-01"), Product: "AGO", Quantity: dec("50000")}},
			{Line: 3, V: domain.Target{Account: "ACME", Month: d("2026-11-01"), Amount: dec("12000000.50")}},
			{Line: 4, V: domain.Target{Account: "ACME", Month: d("2026-10-01"), Product: "AGO", Quantity: dec("40000"), Amount: dec("9000000"), Currency: "NGN"}},
			{Line: 5, V: domain.Target{Account: "ACME", Month: d("2026-11-01"), Product: "AGO", Quantity: dec("50000")}}, // line 2 again: the same
		},
		Balances: []store.Rec[domain.Balance]{
			{Line: 2, V: domain.Balance{Account: "ACME", On: d("2026-11-30"), Balance: dec("2300000")}},
			{Line: 3, V: domain.Balance{Account: "GAMMA", On: d("2026-11-30"), Balance: dec("-5000")}}, // in credit
			{Line: 4, V: domain.Balance{Account: "ACME", On: d("2026-10-31"), Balance: dec("0")}},
		},
	}
	res := apply(t, s, batch)
	if got, want := res.Summary(), "3 targets added, 1 target unchanged, 3 balances added"; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	f := loadFile(t, s, "ACME")
	got := unstamped(f)
	// Targets by month, then product ("" first); balances by date; the
	// currency is the account's.
	same(t, "ACME targets", got.Targets, []domain.Target{
		{Account: "ACME", Month: d("2026-10-01"), Product: "AGO", Quantity: dec("40000"), Amount: dec("9000000"), Currency: "NGN"},
		{Account: "ACME", Month: d("2026-11-01"), Amount: dec("12000000.50"), Currency: "NGN"},
		{Account: "ACME", Month: d("2026-11-01"), Product: "AGO", Quantity: dec("50000"), Currency: "NGN"},
	})
	same(t, "ACME balances", got.Balances, []domain.Balance{
		{Account: "ACME", On: d("2026-10-31"), Balance: dec("0"), Currency: "NGN"},
		{Account: "ACME", On: d("2026-11-30"), Balance: dec("2300000"), Currency: "NGN"},
	})
	same(t, "GAMMA balances", unstamped(loadFile(t, s, "GAMMA")).Balances, []domain.Balance{
		{Account: "GAMMA", On: d("2026-11-30"), Balance: dec("-5000"), Currency: "XOF"}})
	// Again: nothing changes, and the counter stays.
	n := changes(t, s)
	if res := apply(t, s, batch); res.Summary() != "4 targets unchanged, 3 balances unchanged" {
		t.Errorf("again: %q", res.Summary())
	}
	if changes(t, s) != n {
		t.Error("an unchanged import moved the change counter")
	}
	// A changed row is updated, by account+month+product and account+date,
	// and the change log names the account.
	res = apply(t, s, &store.Batch{
		Targets:  []store.Rec[domain.Target]{{Line: 2, V: domain.Target{Account: "ACME", Month: d("2026-11-01"), Product: "AGO", Quantity: dec("55000")}}},
		Balances: []store.Rec[domain.Balance]{{Line: 2, V: domain.Balance{Account: "ACME", On: d("2026-11-30"), Balance: dec("2299999.99")}}},
	})
	if res.Summary() != "1 target updated, 1 balance updated" {
		t.Errorf("changed: %q", res.Summary())
	}
	if ch, err := s.Changed(n); err != nil || !slices.Equal(ch.Accounts, []string{"ACME"}) {
		t.Errorf("Changed after a target and a balance = %+v, %v; want ACME", ch, err)
	}
	f = loadFile(t, s, "ACME")
	if len(f.Targets) != 3 || !f.Targets[2].Quantity.Equal(dec("55000")) || len(f.Balances) != 2 || !f.Balances[1].Balance.Equal(dec("2299999.99")) {
		t.Errorf("after the update: %+v %+v", f.Targets, f.Balances)
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}

func testTargetsAndBalancesRefused(t *testing.T, s store.Store) {
	base(t, s)
	unchanged(t, s, func() {
		rows := rowErrors(t, s, &store.Batch{
			Targets: []store.Rec[domain.Target]{
				{Line: 2, V: domain.Target{Account: "ACME", Month: d("2026-11-15"), Amount: dec("1")}},
				{Line: 3, V: domain.Target{Account: "ACME", Month: d("2026-11-01"), Product: "AGO"}},
				{Line: 4, V: domain.Target{Account: "ACME", Month: d("2026-12-01"), Quantity: dec("-1")}},
				{Line: 5, V: domain.Target{Account: "ACME", Month: d("2027-01-01"), Amount: dec("5"), Currency: "USD"}},
				{Line: 6, V: domain.Target{Account: "NOPE", Month: d("2027-01-01"), Amount: dec("5")}},
				{Line: 7, V: domain.Target{Account: "BETA", Month: d("2027-01-01"), Amount: dec("5")}},
				{Line: 8, V: domain.Target{Account: "BETA", Month: d("2027-01-01"), Amount: dec("6")}},
			},
			Balances: []store.Rec[domain.Balance]{
				{Line: 9, V: domain.Balance{Account: "ACME", Balance: dec("1")}},
				{Line: 10, V: domain.Balance{Account: "GAMMA", On: d("2026-11-30"), Balance: dec("1"), Currency: "NGN"}},
				{Line: 11, V: domain.Balance{Account: "GAMMA", On: d("2026-10-31"), Balance: dec("1")}},
				{Line: 12, V: domain.Balance{Account: "GAMMA", On: d("2026-10-31"), Balance: dec("2")}},
			},
		})
		wantRow(t, rows, 2, "month", "2026-11-15 is not the first day of a month")
		wantRow(t, rows, 3, "amount", "a target needs a quantity, an amount or both")
		wantRow(t, rows, 4, "quantity", "quantity cannot be negative")
		wantRow(t, rows, 5, "currency", "currency USD differs from account ACME's NGN")
		wantRow(t, rows, 6, "account", "account NOPE not found")
		wantRow(t, rows, 8, "month", "target of 2027-01 also on line 7 with different values")
		wantRow(t, rows, 9, "date", "date is missing")
		wantRow(t, rows, 10, "currency", "currency NGN differs from account GAMMA's XOF")
		wantRow(t, rows, 12, "date", "balance of 2026-10-31 also on line 11 with different values")
		if len(rows) != 9 {
			t.Errorf("%d row errors, want 9:\n%v", len(rows), rows)
		}
	})
}

// paid returns the payments of a file made from settled dates.
func paid(f *domain.AccountFile) []domain.Payment {
	var out []domain.Payment
	for _, p := range f.Payments {
		if strings.HasPrefix(p.Reference, "PAID-") {
			p.Stamp = domain.Stamp{}
			out = append(out, p)
		}
	}
	return out
}

func testSettled(t *testing.T, s store.Store) {
	base(t, s) // ACME: INV-001 NGN 1,500,000.00, INV-002 NGN 820,000
	inv3 := invoice("ACME", "INV-003", "2025-03-01", "", "250000.75", "")
	batch := &store.Batch{
		Invoices: []store.Rec[domain.Invoice]{{Line: 2, V: inv3}},
		Settled: []store.Rec[store.Settled]{
			{Line: 2, V: store.Settled{Account: "ACME", Invoice: "INV-003", On: d("2025-03-20")}}, // an invoice of this batch
			{Line: 3, V: store.Settled{Account: "ACME", Invoice: "INV-001", On: d("2025-02-28")}}, // one of the book
			{Line: 4, V: store.Settled{Account: "ACME", Invoice: "INV-002"}},                      // not settled: nothing to take back
		},
	}
	res := apply(t, s, batch)
	if got, want := res.Summary(), "1 invoice added, 2 payments added (from paid_on)"; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	want := []domain.Payment{
		{Account: "ACME", Reference: "PAID-INV-001", Received: d("2025-02-28"), Amount: dec("1500000.00"), Currency: "NGN", Invoice: "INV-001"},
		{Account: "ACME", Reference: "PAID-INV-003", Received: d("2025-03-20"), Amount: dec("250000.75"), Currency: "NGN", Invoice: "INV-003"},
	}
	same(t, "payments from paid_on", paid(loadFile(t, s, "ACME")), want)
	// Re-imported as it is: unchanged.
	n := changes(t, s)
	if res := apply(t, s, batch); res.Summary() != "1 invoice unchanged, 2 payments unchanged (from paid_on)" {
		t.Errorf("again: %q", res.Summary())
	}
	if changes(t, s) != n {
		t.Error("an unchanged import moved the change counter")
	}
	// A changed date, and a changed amount, update the payment.
	inv3.Amount = dec("250000.70")
	res = apply(t, s, &store.Batch{
		Invoices: []store.Rec[domain.Invoice]{{Line: 2, V: inv3}},
		Settled: []store.Rec[store.Settled]{
			{Line: 2, V: store.Settled{Account: "ACME", Invoice: "INV-003", On: d("2025-03-20")}},
			{Line: 3, V: store.Settled{Account: "ACME", Invoice: "INV-001", On: d("2025-03-01")}},
		},
	})
	if got, want := res.Summary(), "1 invoice updated, 2 payments updated (from paid_on)"; got != want {
		t.Errorf("changed: Summary = %q, want %q", got, want)
	}
	want[0].Received, want[1].Amount = d("2025-03-01"), dec("250000.70")
	same(t, "payments after the change", paid(loadFile(t, s, "ACME")), want)
	// paid_on cleared: the payment goes, its reference is free again, and
	// the book's facts follow (Check recomputes them).
	res = apply(t, s, &store.Batch{Settled: []store.Rec[store.Settled]{{Line: 3, V: store.Settled{Account: "ACME", Invoice: "INV-001"}}}})
	if got, want := res.Summary(), "1 payment removed (from paid_on)"; got != want {
		t.Errorf("cleared: Summary = %q, want %q", got, want)
	}
	if res.Removed != 1 || changes(t, s) == n {
		t.Errorf("cleared: %v, counter %d", res, changes(t, s))
	}
	same(t, "payments after paid_on was cleared", paid(loadFile(t, s, "ACME")), want[1:])
	if err := s.Check(); err != nil {
		t.Error(err)
	}
	if res := apply(t, s, &store.Batch{Settled: []store.Rec[store.Settled]{{Line: 3, V: store.Settled{Account: "ACME", Invoice: "INV-001"}}}}); res.Summary() != "nothing to import" {
		t.Errorf("cleared again: %q", res.Summary())
	}
	// The reference can be used again: on BETA, by a payment of its own.
	apply(t, s, &store.Batch{Payments: []store.Rec[domain.Payment]{{Line: 2, V: domain.Payment{Account: "BETA", Reference: "PAID-INV-001", Received: d("2025-03-02"), Amount: dec("1")}}}})
	// A payment the user recorded under such a reference, for no invoice,
	// is not taken back by a cleared paid_on.
	apply(t, s, &store.Batch{Payments: []store.Rec[domain.Payment]{{Line: 2, V: domain.Payment{Account: "ACME", Reference: "PAID-INV-002", Received: d("2025-03-02"), Amount: dec("5")}}}})
	if res := apply(t, s, &store.Batch{Settled: []store.Rec[store.Settled]{{Line: 4, V: store.Settled{Account: "ACME", Invoice: "INV-002"}}}}); res.Removed != 0 {
		t.Errorf("a user's payment was removed: %v", res)
	}
}

func testSettledRefused(t *testing.T, s store.Store) {
	base(t, s)
	unchanged(t, s, func() {
		rows := rowErrors(t, s, &store.Batch{
			Invoices: []store.Rec[domain.Invoice]{
				{Line: 5, V: invoice("ACME", "INV-005", "2025-03-01", "", "0", "")}, // refused for its amount: its paid_on says nothing more
			},
			Settled: []store.Rec[store.Settled]{
				{Line: 2, V: store.Settled{Account: "ACME", Invoice: "NOPE", On: d("2025-03-20")}},
				{Line: 3, V: store.Settled{Account: "ACME", Invoice: "B-77", On: d("2025-03-20")}}, // BETA's
				{Line: 4, V: store.Settled{Account: "ACME", Invoice: "INV-002", On: domain.NewDate(1899, 12, 31)}},
				{Line: 5, V: store.Settled{Account: "ACME", Invoice: "INV-005", On: d("2025-03-20")}},
			},
		})
		wantRow(t, rows, 2, "paid_on", "invoice NOPE not found on account ACME")
		wantRow(t, rows, 3, "paid_on", "invoice B-77 not found on account ACME")
		wantRow(t, rows, 4, "paid_on", "1899-12-31 is outside 1900–9999")
		wantRow(t, rows, 5, "amount", "amount must be more than zero")
		if len(rows) != 4 {
			t.Errorf("%d row errors, want 4:\n%v", len(rows), rows)
		}
	})
}

func testSurveysByDay(t *testing.T, s store.Store) {
	base(t, s)
	first := &store.Batch{Surveys: []store.Rec[domain.Survey]{
		{Line: 2, V: domain.Survey{Account: "ACME", On: d("2025-01-31"), Kind: "nps", Score: 9, Comment: "good service"}},
		{Line: 3, V: domain.Survey{Account: "ACME", On: d("2025-01-31"), Kind: "csat", Score: 4}},
	}}
	if res := apply(t, s, first); res.Summary() != "2 surveys added" {
		t.Errorf("first: %q", res.Summary())
	}
	if res := apply(t, s, first); res.Summary() != "2 surveys unchanged" {
		t.Errorf("again: %q", res.Summary())
	}
	// The same account, day and kind with another score: updated, not a second.
	res := apply(t, s, &store.Batch{Surveys: []store.Rec[domain.Survey]{
		{Line: 2, V: domain.Survey{Account: "ACME", On: d("2025-01-31"), Kind: "nps", Score: 7, Comment: "slower lately"}},
		{Line: 3, V: domain.Survey{Account: "ACME", On: d("2025-02-28"), Kind: "nps", Score: 8}},
	}})
	if res.Summary() != "1 survey added, 1 survey updated" {
		t.Errorf("changed: %q", res.Summary())
	}
	f := loadFile(t, s, "ACME")
	var got []string
	for _, x := range f.Surveys {
		got = append(got, fmt.Sprintf("%s %s %d %q", x.On, x.Kind, x.Score, x.Comment))
	}
	slices.Sort(got)
	same(t, "surveys", got, []string{`2025-01-31 csat 4 ""`, `2025-01-31 nps 7 "slower lately"`, `2025-02-28 nps 8 ""`})
	// Twice in one batch with other values: refused, both lines named.
	unchanged(t, s, func() {
		rows := rowErrors(t, s, &store.Batch{Surveys: []store.Rec[domain.Survey]{
			{Line: 4, V: domain.Survey{Account: "BETA", On: d("2025-03-01"), Kind: "csat", Score: 3}},
			{Line: 9, V: domain.Survey{Account: "BETA", On: d("2025-03-01"), Kind: "csat", Score: 5}},
		}})
		wantRow(t, rows, 9, "date", "csat survey of BETA on 2025-03-01 also on line 4 with different values")
	})
}

func testContractNumbers(t *testing.T, s store.Store) {
	base(t, s)
	batch := &store.Batch{Contracts: []store.Rec[domain.Contract]{
		{Line: 2, V: domain.Contract{Account: "ACME", ID: "C-2026-001", Start: d("2026-01-01"), End: d("2026-12-31"), Status: "active"}},
		{Line: 3, V: domain.Contract{Account: "BETA", ID: "4711", Start: d("2025-07-01"), End: d("2027-06-30"), NoticeDays: 90, Status: "active"}},
	}}
	if res := apply(t, s, batch); res.Summary() != "2 contracts added" {
		t.Errorf("first: %q", res.Summary())
	}
	if res := apply(t, s, batch); res.Summary() != "2 contracts unchanged" {
		t.Errorf("again: %q", res.Summary())
	}
	batch.Contracts[1].V.End = d("2028-06-30")
	if res := apply(t, s, batch); res.Summary() != "1 contract updated, 1 contract unchanged" {
		t.Errorf("changed: %q", res.Summary())
	}
	f := loadFile(t, s, "BETA")
	if len(f.Contracts) != 1 || f.Contracts[0].ID != "4711" || f.Contracts[0].End != d("2028-06-30") {
		t.Errorf("BETA contracts %+v", f.Contracts)
	}
	if f := loadFile(t, s, "ACME"); len(f.Contracts) != 1 || f.Contracts[0].ID != "C-2026-001" {
		t.Errorf("ACME contracts %+v", f.Contracts)
	}
}

// testEveryBookError: one bad record of each kind of book error in one
// batch: all of them come back from one Apply, dry run or not, sorted by
// line, each naming its field; nothing is written.
func testEveryBookError(t *testing.T, s store.Store) {
	base(t, s)
	for _, dry := range []bool{true, false} {
		unchanged(t, s, func() {
			rows := rowErrors(t, s, &store.Batch{DryRun: dry,
				Invoices: []store.Rec[domain.Invoice]{
					{Line: 9, V: invoice("ACME", "INV-10", "2025-03-01", "", "10", "")},  // fine
					{Line: 3, V: invoice("NOPE", "N-1", "2025-03-01", "", "10", "")},     // unknown account
					{Line: 4, V: invoice("ACME", "A-1", "2025-03-01", "", "10", "USD")},  // currency mismatch
					{Line: 5, V: invoice("ACME", "DUP", "2025-03-01", "", "10", "")},     // the first of two
					{Line: 6, V: invoice("ACME", "DUP", "2025-03-01", "", "11", "")},     // the same number, other values
					{Line: 7, V: invoice("BETA", "INV-001", "2025-03-01", "", "10", "")}, // already on ACME
					{Line: 8, V: invoice("BETA", "B-2", "2025-03-01", "", "10.005", "")}, // too many places for USD
					{Line: 2, V: invoice("ACME", "INV-11", "2025-03-01", "", "-5", "")},  // a bad value
				},
				Settled: []store.Rec[store.Settled]{{Line: 10, V: store.Settled{Account: "ACME", Invoice: "INV-404", On: d("2025-03-20")}}},
			})
			want := []store.RowError{
				{Line: 2, Field: "amount", Reason: "amount must be more than zero"},
				{Line: 3, Field: "account", Reason: "account NOPE not found"},
				{Line: 4, Field: "currency", Reason: "currency USD differs from account ACME's NGN"},
				{Line: 6, Field: "number", Reason: "invoice DUP also on line 5 with different values"},
				{Line: 7, Field: "number", Reason: "invoice INV-001 is already on account ACME"},
				{Line: 8, Field: "amount", Reason: "10.005 has more decimal places than USD allows (2)"},
				{Line: 10, Field: "paid_on", Reason: "invoice INV-404 not found on account ACME"},
			}
			same(t, fmt.Sprintf("row errors (dry run %v)", dry), rows, store.RowErrors(want))
		})
	}
}

// testSameAmountAnyForm: an amount is one record however a file writes it
// (CSV "55.90", a workbook's shortest form "55.9", "55.900"): a re-import
// in another form changes nothing.
func testSameAmountAnyForm(t *testing.T, s store.Store) {
	apply(t, s, &store.Batch{Accounts: []store.Rec[domain.Account]{{Line: 2, V: accounts()[0]}}})
	first := apply(t, s, &store.Batch{
		Invoices: []store.Rec[domain.Invoice]{{Line: 2, V: invoice("ACME", "I-1", "2025-01-01", "", "55.9", "")}},
		Payments: []store.Rec[domain.Payment]{{Line: 3, V: domain.Payment{Account: "ACME", Reference: "P-1",
			Received: d("2025-01-10"), Amount: dec("20")}}},
	})
	if got, want := first.Summary(), "1 invoice added, 1 payment added"; got != want {
		t.Fatalf("first import: %q, want %q", got, want)
	}
	again := apply(t, s, &store.Batch{
		Invoices: []store.Rec[domain.Invoice]{{Line: 2, V: invoice("ACME", "I-1", "2025-01-01", "", "55.900", "")}},
		Payments: []store.Rec[domain.Payment]{{Line: 3, V: domain.Payment{Account: "ACME", Reference: "P-1",
			Received: d("2025-01-10"), Amount: dec("20.00")}}},
	})
	if got, want := again.Summary(), "1 invoice unchanged, 1 payment unchanged"; got != want {
		t.Errorf("re-import in another form: %q, want %q", got, want)
	}
}
