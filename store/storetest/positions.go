package storetest

import (
	"testing"

	"acctdesk/domain"
	"acctdesk/store"
)

// testPositions: a store that offers store.Positions gives, for every date,
// what domain.PositionsOf gives from Load — before, at and after each
// account's latest document, and after documents change. Other stores skip.
func testPositions(t *testing.T, s store.Store) {
	ps, ok := s.(store.Positions)
	if !ok {
		t.Skip("the store does not offer Positions")
	}
	dates := []domain.Date{d("2024-12-31"), d("2025-01-15"), d("2025-01-20"), d("2025-02-10"), d("2025-02-11"),
		d("2025-02-12"), d("2025-03-01"), d("2025-03-02"), d("2025-06-30"), d("2027-01-01")}
	compare := func(stage string) {
		t.Helper()
		b := load(t, s)
		for _, asOf := range dates {
			got, err := ps.Positions(asOf)
			if err != nil {
				t.Fatalf("%s: Positions(%s): %v", stage, asOf, err)
			}
			want := domain.PositionsOf(b, asOf)
			same(t, stage+" settings", got.Settings, want.Settings)
			if got.AsOf != asOf || len(got.Accounts) != len(want.Accounts) {
				t.Fatalf("%s as of %s: %d accounts as of %s, want %d", stage, asOf, len(got.Accounts), got.AsOf, len(want.Accounts))
			}
			for i := range want.Accounts {
				same(t, stage+" "+asOf.String()+" "+want.Accounts[i].Account.Code,
					positionView(got.Accounts[i]), positionView(want.Accounts[i]))
			}
		}
	}
	apply(t, s, fullBatch())
	compare("after the first batch")

	// A payment that settles ACME's rest, an invoice changed in place, a
	// credit note on an account that had none, and an account with none.
	inv2 := invoice("ACME", "INV-002", "2025-02-05", "2025-03-07", "900000", "NGN")
	apply(t, s, &store.Batch{
		Accounts: []store.Rec[domain.Account]{{V: domain.Account{Code: "EMPTY", Name: "No documents", Currency: "NGN"}}},
		Invoices: []store.Rec[domain.Invoice]{{V: inv2}},
		Payments: []store.Rec[domain.Payment]{{V: domain.Payment{Account: "ACME", Reference: "RCPT-10", Received: d("2025-03-02"), Amount: dec("1380000"), Currency: "NGN"}}},
		Credits:  []store.Rec[domain.CreditNote]{{V: domain.CreditNote{Account: "GAMMA", Number: "GCN-1", Date: d("2025-03-02"), Amount: dec("50000"), Currency: "XOF", Reason: "discount"}}},
	})
	compare("after changes")

	// A shorter DSO period and other aging edges are read from the settings.
	set, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	set.DSOPeriodDays, set.AgingEdges = 30, []int{15, 45}
	if err := s.SaveSettings(set); err != nil {
		t.Fatal(err)
	}
	compare("after new settings")
	// A period longer than what a store may keep of sales.
	set.DSOPeriodDays = 3 * 365
	if err := s.SaveSettings(set); err != nil {
		t.Fatal(err)
	}
	compare("with a three-year period")
	if err := s.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
}

// positionView is what a position means for reports: decimals by value,
// the open items with their days past due, the account without its stamp.
func positionView(ap domain.AccountPosition) any {
	type item struct {
		Number              string
		Issued, Due         domain.Date
		Amount, Outstanding string
		DaysPastDue         int
	}
	var items []item
	for _, it := range ap.Position.Items {
		items = append(items, item{it.Invoice.Number, it.Invoice.Issued, it.Invoice.Due,
			it.Invoice.Amount.String(), it.Outstanding.String(), it.DaysPastDue})
	}
	a := ap.Account
	a.Stamp = domain.Stamp{}
	return struct {
		Account                 domain.Account
		AsOf                    domain.Date
		Currency                domain.Currency
		Total, Unapplied, Sales string
		Items                   []item
	}{a, ap.Position.AsOf, ap.Position.Currency, ap.Position.Total.String(), ap.Position.Unapplied.String(),
		ap.Sales.String(), items}
}
