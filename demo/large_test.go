package demo

import (
	"testing"

	"acctdesk/store"
)

// TestLargeBookCounts checks a big-book run (200 accounts × 100 invoices)
// against the proportions of a 10,000 × 100 book.
//
// Open-ness rule (a stand-in for the domain's application rules, which are
// written elsewhere): per account, add up every payment and credit note dated
// on or before as-of, then walk the invoices oldest due date first, each taking
// what it can from that sum; an invoice not fully covered is open.
func TestLargeBookCounts(t *testing.T) {
	const accounts, per = 200, 100
	b := book(t, Options{AsOf: asOf, Seed: 7, Accounts: accounts, InvoicesPerAccount: per})
	if len(b.Invoices) != accounts*per {
		t.Fatalf("%d invoices, want %d", len(b.Invoices), accounts*per)
	}
	perAcct := map[string]int{}
	for _, r := range b.Invoices {
		perAcct[r.V.Account]++
	}
	for code, n := range perAcct {
		if n != per {
			t.Errorf("%s has %d invoices, want %d", code, n, per)
		}
	}
	open := 0
	for _, l := range ledgers(b, asOf) {
		for _, o := range l.open {
			if o.IsPositive() {
				open++
			}
		}
	}
	frac := float64(open) / float64(len(b.Invoices))
	promises := 0
	for _, e := range b.Activities {
		if e.Promise != nil {
			promises++
		}
	}
	t.Logf("invoices %d open %d (%.1f%%) payments %d credits %d activities %d promises %d escalations %d issues %d follow-ups %d",
		len(b.Invoices), open, frac*100, len(b.Payments), len(b.Credits), len(b.Activities), promises, len(b.Escalations), len(b.Issues), len(b.FollowUps))
	if frac < 0.02 || frac > 0.10 {
		t.Errorf("open fraction %.1f%%, want 2–10%%", frac*100)
	}
	// About one payment per invoice or per few invoices.
	if n := len(b.Payments); n < accounts*per/3 || n > accounts*per*3/2 {
		t.Errorf("%d payments for %d invoices", n, accounts*per)
	}
	// About 5 % credit notes (50,000 per 1,000,000 invoices).
	if n := len(b.Credits); n < accounts*per*3/100 || n > accounts*per*7/100 {
		t.Errorf("%d credit notes, want about 5 %% of %d", n, accounts*per)
	}
	// About 20 activities per account (200,000 for 10,000 accounts).
	if n := len(b.Activities); n < accounts*15 || n > accounts*25 {
		t.Errorf("%d activities, want about %d", n, accounts*20)
	}
	if promises < accounts/10 || len(b.Escalations) < accounts/50 {
		t.Errorf("%d promises and %d escalations: too few for %d accounts", promises, len(b.Escalations), accounts)
	}
}

// TestDrawnBookIsValid: a book of drawn accounts trading naturally (two
// years, every situation sprinkled at its rate) holds only valid records.
func TestDrawnBookIsValid(t *testing.T) {
	b := book(t, Options{AsOf: asOf, Seed: 5, Accounts: 1000})
	for _, r := range records(b) {
		if v, ok := r.(validator); ok {
			if err := v.Validate(); err != nil {
				t.Fatalf("%T %+v: %v", r, r, err)
			}
		}
	}
	checkConsistency(t, b)
}

func TestLargeBookIsValid(t *testing.T) {
	b := book(t, Options{AsOf: asOf, Seed: 3, Accounts: 600, InvoicesPerAccount: 20})
	for _, r := range records(b) {
		if v, ok := r.(validator); ok {
			if err := v.Validate(); err != nil {
				t.Fatalf("%T %+v: %v", r, r, err)
			}
		}
	}
	checkConsistency(t, b)
}

// BenchmarkGenerateLarge generates 1,000 accounts × 100 invoices without writing them.
func BenchmarkGenerateLarge(b *testing.B) {
	for b.Loop() {
		n := 0
		err := Generate(Options{AsOf: asOf, Seed: 1, Accounts: 1000, InvoicesPerAccount: 100}, func(bt *store.Batch) error {
			n += len(bt.Invoices)
			return nil
		})
		if err != nil || n != 100_000 {
			b.Fatal(err, n)
		}
	}
}
