package desk

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/memstore"
)

// importStore: ACME, limit ₦10,000,000.00, owes ₦9,000,000.00 (A-1, AGO,
// issued 2026-10-01); BETA sells "Fleet" since 2026-09-01 and "fleet" since
// 2026-10-15 (a spelling made before imports matched products): the book's
// spelling is Fleet, its earliest.
func importStore() *memstore.Store {
	acct := func(code, limit string) domain.Account {
		return domain.Account{Code: code, Name: code + " Ltd", Tier: 2, Status: domain.StatusActive, Terms: "term", TermsDays: 30,
			Currency: "NGN", CreditLimit: decimal.RequireFromString(limit)}
	}
	inv := func(code, num, issued, amount, product string) domain.Invoice {
		return domain.Invoice{Account: code, Number: num, Issued: domain.MustDate(issued), Due: domain.MustDate(issued).AddDays(30),
			Amount: decimal.RequireFromString(amount), Currency: "NGN", Product: product}
	}
	a := &domain.AccountFile{Account: acct("ACME", "10000000.00"), Invoices: []domain.Invoice{inv("ACME", "A-1", "2026-10-01", "9000000", "AGO")}}
	b := &domain.AccountFile{Account: acct("BETA", "0.00"), Invoices: []domain.Invoice{
		inv("BETA", "B-2", "2026-10-15", "100", "fleet"), inv("BETA", "B-1", "2026-09-01", "100", "Fleet")}}
	return memstore.From(domain.DefaultSettings(), []*domain.AccountFile{a, b})
}

// TestImportCreditDecisions: a re-import that changes ACME's limit is a
// credit decision, as desk.Credit makes one, with its timeline entry; a
// limit the file leaves as it is, or an account the book does not have, is
// none. 9,000,000 × 100 ÷ 8,000,000 = 112.5 %: over the threshold, not
// refused, marked so.
func TestImportCreditDecisions(t *testing.T) {
	st := importStore()
	d := New(st, Options{AsOf: domain.MustDate("2026-11-05")})
	ctx := store.WithAuthor(context.Background(), "ada")
	b := &store.Batch{On: d.AsOf(), Columns: []string{"code", "name", "credit_limit"}, Accounts: []store.Rec[domain.Account]{
		{Line: 2, V: domain.Account{Code: "ACME", Name: "ACME Ltd", CreditLimit: decimal.RequireFromString("8000000")}},
		{Line: 3, V: domain.Account{Code: "BETA", Name: "BETA Ltd"}},
		{Line: 4, V: domain.Account{Code: "NEW", Name: "New Ltd", CreditLimit: decimal.RequireFromString("5000000")}},
	}}
	res, err := d.Import(ctx, b, "/tmp/in/accounts.csv", nil)
	if err != nil {
		t.Fatal(err)
	}
	// (memstore counts BETA updated: its limit's decimal is written anew.)
	if got := res.Summary(); !strings.HasPrefix(got, "1 account added, ") || !strings.HasSuffix(got, ", 1 activity added, 1 credit decision added") {
		t.Errorf("summary %q", got)
	}
	if g, _ := st.LoadAccount("BETA"); g == nil || len(g.Decisions) != 0 {
		t.Errorf("BETA, its limit as it was, has a decision: %+v", g)
	}
	if len(b.Decisions) != 0 || len(b.Activities) != 0 {
		t.Errorf("the batch given was changed: %+v %+v", b.Decisions, b.Activities)
	}
	f, err := st.LoadAccount("ACME")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Decisions) != 1 {
		t.Fatalf("decisions %+v", f.Decisions)
	}
	x := f.Decisions[0]
	if x.Field != domain.FieldCreditLimit || x.Old.String() != "10000000" || x.New.String() != "8000000" ||
		x.Reason != "imported from accounts.csv line 2" || x.ApprovedBy != "ada" || x.UtilisationAfter.String() != "112.5" ||
		!x.HasUtilisation || !x.ConfirmedOver || x.On != d.AsOf() || x.Stamp.By != "ada" {
		t.Errorf("decision %+v", x)
	}
	if !f.Account.CreditLimit.Equal(decimal.RequireFromString("8000000")) {
		t.Errorf("limit %s", f.Account.CreditLimit)
	}
	var entry *domain.Activity
	for i := range f.Activities {
		if f.Activities[i].Kind == domain.KindCreditDecision {
			entry = &f.Activities[i]
		}
	}
	if want := "Credit limit ₦10,000,000.00 → ₦8,000,000.00, approved by ada: imported from accounts.csv line 2. " +
		"Utilisation after 112.5 %, over the 100 % breach threshold: confirmed."; entry == nil || entry.Text != want {
		t.Errorf("timeline entry %+v\nwant %q", entry, want)
	}
	if g, _ := st.LoadAccount("NEW"); g == nil || len(g.Decisions) != 0 {
		t.Errorf("a new account has a decision: %+v", g)
	}

	// The same file again: nothing changes, no decision.
	res, err = d.Import(ctx, b, "accounts.csv", nil)
	if err != nil || res.Changed() {
		t.Errorf("again: %s %v", res.Summary(), err)
	}
}

// TestImportDecisionWorkedOutAgain: an account written between the read
// and the write (another process's credit decision) refuses the guarded
// batch; the decision is worked out again from the new limit, so the trail
// chains 10M → 12M → 8M.
func TestImportDecisionWorkedOutAgain(t *testing.T) {
	st := importStore()
	d := New(st, Options{AsOf: domain.MustDate("2026-11-05")})
	ctx := store.WithAuthor(context.Background(), "ada")
	b := &store.Batch{On: d.AsOf(), Columns: []string{"code", "credit_limit"}, Accounts: []store.Rec[domain.Account]{
		{Line: 2, V: domain.Account{Code: "ACME", CreditLimit: decimal.RequireFromString("8000000")}}}}
	tries := 0
	apply := func(ctx context.Context, nb *store.Batch) (store.Result, error) {
		tries++
		if tries == 1 {
			if _, err := d.Credit(store.WithAuthor(context.Background(), "bola"), "ACME",
				domain.CreditChange{SetLimit: true, Limit: decimal.RequireFromString("12000000"), Reason: "season"}, false); err != nil {
				t.Fatal(err)
			}
		}
		return st.Apply(ctx, nb)
	}
	if _, err := d.Import(ctx, b, "accounts.csv", apply); err != nil {
		t.Fatal(err)
	}
	f, _ := st.LoadAccount("ACME")
	var chain []string
	for _, x := range f.Decisions {
		chain = append(chain, x.Old.String()+"→"+x.New.String())
	}
	if got := strings.Join(chain, " "); tries != 2 || got != "10000000→12000000 12000000→8000000" {
		t.Errorf("%d tries, chain %s", tries, got)
	}
}

// TestImportProductSpellings: products spelt as the book spells them
// without regard to case, the book's earliest spelling first (BETA's Fleet
// of 2026-09-01 over its fleet of 2026-10-15); a product new to the book
// takes its first row's spelling.
func TestImportProductSpellings(t *testing.T) {
	st := importStore()
	d := New(st, Options{AsOf: domain.MustDate("2026-11-05")})
	ctx := store.WithAuthor(context.Background(), "ada")
	inv := func(num, product string) store.Rec[domain.Invoice] {
		return store.Rec[domain.Invoice]{V: domain.Invoice{Account: "ACME", Number: num, Issued: domain.MustDate("2026-11-01"),
			Amount: decimal.RequireFromString("10"), Currency: "NGN", Product: product}}
	}
	b := &store.Batch{On: d.AsOf(), Invoices: []store.Rec[domain.Invoice]{
		inv("N-1", "FLEET"), inv("N-2", "ago"), inv("N-3", "Rescue"), inv("N-4", "RESCUE"), inv("N-5", "")},
		Targets: []store.Rec[domain.Target]{{V: domain.Target{Account: "ACME", Month: domain.MustDate("2026-12-01"), Product: "fleet",
			Quantity: decimal.RequireFromString("5"), Currency: "NGN"}}}}
	if _, err := d.Import(ctx, b, "invoices.csv", nil); err != nil {
		t.Fatal(err)
	}
	f, _ := st.LoadAccount("ACME")
	got := map[string]string{}
	for _, x := range f.Invoices {
		got[x.Number] = x.Product
	}
	for num, want := range map[string]string{"A-1": "AGO", "N-1": "Fleet", "N-2": "AGO", "N-3": "Rescue", "N-4": "Rescue", "N-5": ""} {
		if got[num] != want {
			t.Errorf("invoice %s: product %q, want %q", num, got[num], want)
		}
	}
	if len(f.Targets) != 1 || f.Targets[0].Product != "Fleet" {
		t.Errorf("targets %+v", f.Targets)
	}
}

// TestImportNeedsALead: an import is a lead's, as the credit decisions it
// may make are.
func TestImportNeedsALead(t *testing.T) {
	d := New(importStore(), Options{AsOf: domain.MustDate("2026-11-05")})
	ctx := WithRole(store.WithAuthor(context.Background(), "cole"), Collector)
	if _, err := d.Import(ctx, &store.Batch{}, "x.csv", nil); !errors.Is(err, ErrNotPermitted) {
		t.Errorf("a collector's import: %v", err)
	}
}
