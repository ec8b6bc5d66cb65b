package storetest

import (
	"fmt"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"

	"github.com/shopspring/decimal"
)

// Fixtures: three accounts in three currencies and a few documents, written
// out in full (currency and due date given), so what the store reads back
// must equal them field for field.

var d = domain.MustDate

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func accounts() []domain.Account {
	return []domain.Account{
		{
			Code: "ACME", Name: "Acme Haulage Ltd", Tier: 1, Segment: "haulage", Owner: "ada",
			Salesperson: "bola", Status: domain.StatusActive, StatusSince: d("2024-01-20"), OpenedOn: d("2024-01-10"), LiveOn: d("2024-01-20"),
			Terms: "term", TermsDays: 30, Currency: "NGN", CreditLimit: dec("5000000"),
			Overdraft: domain.Overdraft{Amount: dec("250000.50"), Expires: d("2026-03-31"), ApprovedBy: "cfo"},
			Products:  []string{"AGO", "PMS"}, Notes: "pays on the 25th", ExpansionNotes: "fleet candidate",
		},
		{
			Code: "BETA", Name: "Beta Logistics", Tier: 2, Status: domain.StatusOnHold,
			Terms: "cash", Currency: "USD", Products: []string{"AGO"},
		},
		{
			Code: "GAMMA", Name: "Gamma SARL", Tier: 3, Status: domain.StatusOnboarding,
			Terms: "term", TermsDays: 45, Currency: "XOF",
		},
	}
}

// invoice builds an invoice; an empty due date is left for the store to fill.
func invoice(acct, number, issued, due, amount string, cur domain.Currency) domain.Invoice {
	x := domain.Invoice{Account: acct, Number: number, Issued: d(issued), Amount: dec(amount), Currency: cur}
	if due != "" {
		x.Due = d(due)
	}
	return x
}

// fullBatch holds one or more records of every kind.
func fullBatch() *store.Batch {
	b := &store.Batch{}
	for i, a := range accounts() {
		b.Accounts = append(b.Accounts, store.Rec[domain.Account]{Line: i + 2, V: a})
	}
	b.Contacts = []store.Rec[domain.Contact]{
		{Line: 2, V: domain.Contact{Account: "ACME", Name: "Ngozi Okafor", Role: "finance", Phone: "+234 801 000 0000", Email: "ngozi@acme.example", Primary: true}},
		{Line: 3, V: domain.Contact{Account: "ACME", Name: "Tunde Bello", Role: "operations"}},
	}
	b.Contracts = []store.Rec[domain.Contract]{{Line: 2, V: domain.Contract{
		Account: "ACME", ID: "C-2024", Start: d("2024-01-01"), End: d("2026-12-31"), NoticeDays: 60,
		SLA: "delivery in 48h", Status: "active",
		Rebate: domain.RebateScheme{Basis: domain.RebateAmount, Period: domain.RebateMonth,
			Tiers: []domain.VolumeTier{{From: dec("0")}, {From: dec("10000"), Percent: dec("1.5")}, {From: dec("50000"), PerUnit: dec("2.25")}}},
	}}}
	inv1 := invoice("ACME", "INV-001", "2025-01-05", "2025-02-04", "1500000.00", "NGN")
	inv1.Product, inv1.Quantity, inv1.Unit = "AGO", dec("1200.5"), "litre"
	inv2 := invoice("ACME", "INV-002", "2025-02-05", "2025-03-07", "820000", "NGN")
	inv2.Disputed, inv2.DisputeReason = true, "short delivery"
	inv3 := invoice("BETA", "B-77", "2025-01-15", "2025-01-15", "1999.99", "USD")
	inv3.Excluded = true
	inv4 := invoice("GAMMA", "G-1", "2025-03-01", "2025-04-15", "350000", "XOF")
	b.Invoices = []store.Rec[domain.Invoice]{{Line: 2, V: inv1}, {Line: 3, V: inv2}, {Line: 4, V: inv3}, {Line: 5, V: inv4}}
	b.Payments = []store.Rec[domain.Payment]{
		{Line: 2, V: domain.Payment{Account: "ACME", Reference: "RCPT-9", Received: d("2025-02-10"), Amount: dec("1000000"), Currency: "NGN", Invoice: "INV-001"}},
		{Line: 3, V: domain.Payment{Account: "BETA", Reference: "W-1", Received: d("2025-01-20"), Amount: dec("500"), Currency: "USD"}},
	}
	b.Credits = []store.Rec[domain.CreditNote]{
		{Line: 2, V: domain.CreditNote{Account: "ACME", Number: "CN-1", Date: d("2025-02-12"), Amount: dec("20000"), Currency: "NGN", Reason: "short-delivery", Invoice: "INV-002"}},
	}
	b.Plans = []store.Rec[domain.PaymentPlan]{{Line: 2, V: domain.PaymentPlan{
		Account: "BETA", Agreed: d("2025-02-01"),
		Instalments: []domain.Instalment{{Due: d("2025-03-01"), Amount: dec("700")}, {Due: d("2025-04-01"), Amount: dec("799.99")}},
	}}}
	b.Escalations = []store.Rec[domain.Escalation]{{Line: 2, V: domain.Escalation{
		Account: "ACME", Opened: d("2025-03-01"), Category: "overdue", Severity: "high", To: "finance",
		Summary: "INV-002 unpaid\nafter two calls", Due: d("2025-03-05"), Status: "open",
	}}}
	b.Issues = []store.Rec[domain.ServiceIssue]{{Line: 2, V: domain.ServiceIssue{
		Account: "GAMMA", Kind: "late-delivery", Opened: d("2025-03-02"), SLADeadline: d("2025-03-04"),
		Owner: "ops-lead", Status: "open",
	}}}
	b.FollowUps = []store.Rec[domain.FollowUp]{{Line: 2, V: domain.FollowUp{
		Account: "GAMMA", Due: d("2025-03-10"), Reason: "confirm go-live", Source: "manual", Status: domain.FollowOpen,
	}}}
	b.Surveys = []store.Rec[domain.Survey]{{Line: 2, V: domain.Survey{Account: "ACME", On: d("2025-01-31"), Kind: "nps", Score: 9, Comment: "good service"}}}
	b.Marks = []store.Rec[domain.QueueMark]{{Line: 2, V: domain.QueueMark{Key: "overdue:ACME:31-60", Account: "ACME", Done: true, On: d("2025-03-03")}}}
	b.Activities = []store.ActivityEntry{{Line: 2, Activity: domain.Activity{
		Account: "BETA", On: d("2025-02-20"), Kind: "call", Contact: "Jane", Outcome: "reached", Text: "asked for statement",
	}}}
	return b
}

// unstamped is a copy of a file with every Stamp cleared, for comparisons
// that must not depend on who wrote a record or when.
func unstamped(f *domain.AccountFile) domain.AccountFile {
	c := *f
	c.Account.Stamp = domain.Stamp{}
	c.Contacts = cleared(f.Contacts, func(x *domain.Contact) { x.Stamp = domain.Stamp{} })
	c.Contracts = cleared(f.Contracts, func(x *domain.Contract) { x.Stamp = domain.Stamp{} })
	c.Invoices = cleared(f.Invoices, func(x *domain.Invoice) { x.Stamp = domain.Stamp{} })
	c.Payments = cleared(f.Payments, func(x *domain.Payment) { x.Stamp = domain.Stamp{} })
	c.Credits = cleared(f.Credits, func(x *domain.CreditNote) { x.Stamp = domain.Stamp{} })
	c.Activities = cleared(f.Activities, func(x *domain.Activity) { x.Stamp = domain.Stamp{} })
	c.Promises = cleared(f.Promises, func(x *domain.Promise) { x.Stamp = domain.Stamp{} })
	c.Plans = cleared(f.Plans, func(x *domain.PaymentPlan) { x.Stamp = domain.Stamp{} })
	c.Escalations = cleared(f.Escalations, func(x *domain.Escalation) { x.Stamp = domain.Stamp{} })
	c.Issues = cleared(f.Issues, func(x *domain.ServiceIssue) { x.Stamp = domain.Stamp{} })
	c.FollowUps = cleared(f.FollowUps, func(x *domain.FollowUp) { x.Stamp = domain.Stamp{} })
	c.Surveys = cleared(f.Surveys, func(x *domain.Survey) { x.Stamp = domain.Stamp{} })
	c.Marks = cleared(f.Marks, func(x *domain.QueueMark) { x.Stamp = domain.Stamp{} })
	c.Targets = cleared(f.Targets, func(x *domain.Target) { x.Stamp = domain.Stamp{} })
	c.Balances = cleared(f.Balances, func(x *domain.Balance) { x.Stamp = domain.Stamp{} })
	c.Documents = cleared(f.Documents, func(x *domain.Document) { x.Stamp = domain.Stamp{} })
	c.Blockages = cleared(f.Blockages, func(x *domain.Blockage) { x.Stamp = domain.Stamp{} })
	c.Reconciled = cleared(f.Reconciled, func(x *domain.Reconciliation) { x.Stamp = domain.Stamp{} })
	return c
}

func cleared[T any](in []T, fn func(*T)) []T {
	if len(in) == 0 {
		return nil
	}
	out := make([]T, len(in))
	copy(out, in)
	for i := range out {
		fn(&out[i])
	}
	return out
}

// show prints a value with decimals by their value ("1500000" for
// "1500000.00") and a nil slice like an empty one, so two dumps are equal
// when the records are.
func show(v any) string { return fmt.Sprintf("%+v", v) }

// dump is a whole book as text, stamps included: two equal dumps are the same book.
func dump(b *book) string {
	var s strings.Builder
	fmt.Fprintf(&s, "settings %+v\n", b.Settings)
	for _, f := range b.Files {
		s.WriteString(show(*f) + "\n")
	}
	return s.String()
}

// same fails the test when got and want print differently.
func same(t *testing.T, what string, got, want any) {
	t.Helper()
	if g, w := show(got), show(want); g != w {
		t.Errorf("%s:\n got %s\nwant %s", what, g, w)
	}
}
