package desk

import (
	"errors"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/report"
	"acctdesk/store"
	"acctdesk/store/memstore"

	"github.com/shopspring/decimal"
)

// reconcileStore: ACME (NGN) invoiced 1000.00 on 2026-10-01 and paid 400.00
// on 2026-10-20; accounting said 1000.00 on 2026-10-15 and 500.00 on
// 2026-10-31.
func reconcileStore(t *testing.T) *memstore.Store {
	t.Helper()
	st := memstore.New()
	day := domain.MustDate
	b := &store.Batch{
		Accounts: []store.Rec[domain.Account]{{V: domain.Account{Code: "ACME", Name: "Acme", Tier: 2, Owner: "ada", Status: "active",
			Terms: "term", TermsDays: 30, Currency: "NGN"}}},
		Invoices: []store.Rec[domain.Invoice]{{V: domain.Invoice{Account: "ACME", Number: "I1", Issued: day("2026-10-01"),
			Due: day("2026-10-31"), Amount: decimal.RequireFromString("1000.00"), Currency: "NGN"}}},
		Payments: []store.Rec[domain.Payment]{{V: domain.Payment{Account: "ACME", Reference: "P1", Received: day("2026-10-20"), Amount: decimal.RequireFromString("400.00")}}},
		Balances: []store.Rec[domain.Balance]{{V: domain.Balance{Account: "ACME", On: day("2026-10-15"), Balance: decimal.RequireFromString("1000.00")}},
			{V: domain.Balance{Account: "ACME", On: day("2026-10-31"), Balance: decimal.RequireFromString("500.00")}}},
	}
	if _, err := st.Apply(ada, b); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestReconcile: a lead marks an account reconciled as of the business
// date, stamped; the result says the net AR that day (1000.00 − 400.00 =
// 600.00) and accounting's latest balance on or before it (500.00 of
// 10-31) against the book's net AR of 10-31 (also 600.00, the payment was
// 10-20): 100.00 apart. Again the same day writes nothing. The report
// shows the mark for the balances dated on or before it.
func TestReconcile(t *testing.T) {
	st := reconcileStore(t)
	d := New(st, Options{AsOf: asOf}) // 2026-11-22
	r, err := d.Reconcile(WithRole(ada, Lead), "ACME")
	if err != nil {
		t.Fatal(err)
	}
	diff, ok := r.Difference()
	if r.Already || r.Mark.Account != "ACME" || r.Mark.AsOf != asOf || r.Mark.Stamp.By != "ada" || r.Mark.Stamp.At.IsZero() ||
		!r.NetAR.Equal(decimal.RequireFromString("600")) || !r.Ours.Equal(decimal.RequireFromString("600")) || r.Balance == nil || r.Balance.On != domain.MustDate("2026-10-31") || !ok || !diff.Equal(decimal.RequireFromString("100")) {
		t.Fatalf("reconciled %+v (difference %s, %v)", r, diff, ok)
	}
	f, err := st.LoadAccount("ACME")
	if err != nil || len(f.Reconciled) != 1 || f.Reconciled[0].AsOf != asOf || len(f.Activities) != 0 {
		t.Fatalf("stored marks %+v, timeline %+v (%v): want one mark, nothing on the timeline", f.Reconciled, f.Activities, err)
	}
	again, err := d.Reconcile(ada, "ACME")
	if err != nil || !again.Already || again.Mark.Stamp != r.Mark.Stamp {
		t.Fatalf("again: %+v, %v; want the earlier mark", again, err)
	}
	if f, _ := st.LoadAccount("ACME"); len(f.Reconciled) != 1 {
		t.Errorf("marks after again: %+v", f.Reconciled)
	}

	// A day before, it sees the book as it was: 10-20's payment but not a later balance.
	early := New(st, Options{AsOf: domain.MustDate("2026-10-16")})
	r, err = early.Reconcile(ada, "ACME")
	if diff, ok := r.Difference(); err != nil || !r.NetAR.Equal(decimal.RequireFromString("1000")) || !ok || !diff.IsZero() || r.Balance.On != domain.MustDate("2026-10-15") {
		t.Fatalf("as of 10-16: %+v (%s), %v", r, diff, err)
	}

	in := report.Input{AsOf: asOf}
	tab, err := d.Report("reconciliation", in)
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, row := range tab.Rows {
		var cells []string
		for _, c := range row {
			cells = append(cells, c.Plain)
		}
		rows = append(rows, strings.Join(cells, ","))
	}
	// 10-15: ours 1000.00 (the payment is 10-20), first mark on or after it 10-16; 10-31: 600.00 against 500.00, mark 11-22.
	want := []string{"ACME,NGN,2026-10-15,1000.00,1000.00,0.00,match,2026-10-16", "ACME,NGN,2026-10-31,600.00,500.00,100.00,differs,2026-11-22"}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("report reconciliation:\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
}

// TestReconcileRefused: a collector or a viewer may not mark an account
// reconciled, and nothing is stored; an unknown account is said to be one.
func TestReconcileRefused(t *testing.T) {
	st := reconcileStore(t)
	d := New(st, Options{AsOf: asOf})
	for role, want := range map[Role]string{
		Collector: "marking an account reconciled needs a lead",
		Viewer:    "read-only",
	} {
		if _, err := d.Reconcile(WithRole(ada, role), "ACME"); !errors.Is(err, ErrNotPermitted) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v; want %q", role, err, want)
		}
	}
	if f, _ := st.LoadAccount("ACME"); len(f.Reconciled) != 0 {
		t.Errorf("stored %+v after refusals", f.Reconciled)
	}
	if _, err := d.Reconcile(ada, "NOPE"); err == nil || !strings.Contains(err.Error(), "NOPE") {
		t.Errorf("unknown account: %v", err)
	}
}
