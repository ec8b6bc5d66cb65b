package desk

import (
	"errors"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"

	"github.com/shopspring/decimal"
)

// A collector raises disputes; resolving one is a lead's decision (SPEC
// §12): a collector or a viewer is refused, saying why, and nothing is
// stored. Raising twice, or on an invoice of no such number, is refused.
func TestDisputeRoles(t *testing.T) {
	st := teamBook(t)
	inv := domain.Invoice{Account: "OKAF01", Number: "INV-7", Issued: asOf.AddDays(-40), Due: asOf.AddDays(-10),
		Amount: decimal.NewFromInt(1000), Currency: "NGN"}
	if _, err := st.Apply(ada, &store.Batch{Invoices: []store.Rec[domain.Invoice]{{V: inv}}}); err != nil {
		t.Fatal(err)
	}
	d := New(st, Options{AsOf: asOf})
	if _, err := d.RaiseDispute(WithRole(bisi, Viewer), "OKAF01", DisputeRequest{Invoice: "INV-7", Reason: "x"}); !errors.Is(err, ErrNotPermitted) {
		t.Errorf("a viewer raised a dispute: %v", err)
	}
	got, err := d.RaiseDispute(WithRole(bisi, Collector), "OKAF01", DisputeRequest{Invoice: "inv-7", Reason: "price"})
	if err != nil || got.Dispute.Owner != "bisi" || got.Dispute.OpenedOn != asOf || got.Dispute.Seq != 1 {
		t.Fatalf("a collector's dispute: %+v, %v", got, err)
	}
	if _, err := d.RaiseDispute(WithRole(bisi, Collector), "OKAF01", DisputeRequest{Invoice: "INV-7", Reason: "again"}); err == nil ||
		!strings.Contains(err.Error(), "already disputed") {
		t.Errorf("raised twice: %v", err)
	}
	if _, err := d.RaiseDispute(WithRole(bisi, Collector), "OKAF01", DisputeRequest{Invoice: "INV-8", Reason: "x"}); err == nil ||
		!strings.Contains(err.Error(), "did you mean INV-7?") {
		t.Errorf("no such invoice: %v", err)
	}
	n, _ := st.Changes()
	for role, want := range map[Role]string{Collector: "resolving a dispute needs a lead", Viewer: "read-only: ask a lead"} {
		if _, err := d.ResolveDispute(WithRole(bisi, role), "OKAF01", Resolution{Invoice: "INV-7", Resolution: "ok"}); !errors.Is(err, ErrNotPermitted) ||
			!strings.Contains(err.Error(), want) {
			t.Errorf("%s resolved: %v; want %q", role, err, want)
		}
	}
	if m, _ := st.Changes(); m != n {
		t.Errorf("refused resolutions moved the change counter %d → %d", n, m)
	}
	// A lead resolves it with a credit note of 250 (of the 1,000 owed): it
	// owes 750 after, and the invoice is no longer disputed.
	r, err := d.ResolveDispute(WithRole(bisi, Lead), "OKAF01", Resolution{Invoice: "INV-7", Resolution: "ok", Credit: decimal.NewFromInt(250)})
	if err != nil || r.Credit == nil || r.Credit.Number != "DC-INV-7-1" || r.Credit.Reason != "price-correction" {
		t.Fatalf("a lead's resolution: %+v, %v", r, err)
	}
	f, _ := d.Account("OKAF01")
	pos, _ := domain.PositionOf(f, asOf)
	if f.Invoices[0].Disputed || !pos.Items[0].Outstanding.Equal(decimal.NewFromInt(750)) {
		t.Errorf("after: disputed %v, owes %s", f.Invoices[0].Disputed, pos.Items[0].Outstanding)
	}
}
