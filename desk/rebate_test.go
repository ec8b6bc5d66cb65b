package desk

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/report"
	"acctdesk/store"

	"github.com/shopspring/decimal"
)

// rebateBook is teamBook with OKAF01 on a quarterly rebate over 2026
// (1% from 10,000 litres), as of 22 Nov 2026.
func rebateBook(t *testing.T) (*Desk, store.Store) {
	t.Helper()
	st := teamBook(t)
	inv := func(n, issued, qty, amount string) store.Rec[domain.Invoice] {
		d := domain.MustDate(issued)
		return store.Rec[domain.Invoice]{V: domain.Invoice{Account: "OKAF01", Number: n, Issued: d, Due: d.AddDays(30),
			Amount: decimal.RequireFromString(amount), Quantity: decimal.RequireFromString(qty), Currency: "NGN", Product: "AGO"}}
	}
	if _, err := st.Apply(ada, &store.Batch{
		Contracts: []store.Rec[domain.Contract]{{V: domain.Contract{Account: "OKAF01", ID: "K1", Start: domain.MustDate("2026-01-01"),
			End: domain.MustDate("2026-12-31"), Rebate: mustRebate(t, "quantity/quarter:0=0%,10000=1%")}}},
		Invoices: []store.Rec[domain.Invoice]{
			inv("I-1", "2026-07-10", "12000", "6000000"),
			inv("I-2", "2026-10-05", "10000", "5000000.50"),
		},
		// A discount note holds Q3's number: Q3's rebate note must take another.
		Credits: []store.Rec[domain.CreditNote]{{V: domain.CreditNote{Account: "OKAF01", Number: "RB-K1-2026-Q3", Date: domain.MustDate("2026-08-01"),
			Amount: decimal.NewFromInt(1), Currency: "NGN", Reason: "discount"}}},
	}); err != nil {
		t.Fatal(err)
	}
	return New(st, Options{AsOf: asOf}), st
}

func TestApplyRebate(t *testing.T) {
	d, st := rebateBook(t)
	p, _ := domain.ParsePeriod("2026", asOf)
	// Q1, Q2: nothing invoiced (the 0 tier, 0%). Q3: 12,000 litres ≥ 10,000: 1% × 6,000,000 = 60,000.00.
	// Q4 (running): 10,000 ≥ 10,000: 1% × 5,000,000.50 = 50,000.005 → 50,000.01. Both notes are dated
	// the day they are given, 22 Nov (never back in the quarter: a past day's aging stays).
	before, _ := st.Changes()
	draft, err := d.Rebates("OKAF01", p)
	if after, _ := st.Changes(); after != before {
		t.Fatal("Rebates wrote")
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(draft.Lines) != 4 || len(draft.Notes) != 2 {
		t.Fatalf("lines %+v notes %+v", draft.Lines, draft.Notes)
	}
	want := []struct{ number, amount, on string }{
		{"RB-K1-2026-Q3-2", "60000", "2026-11-22"}, // RB-K1-2026-Q3 is the discount note's
		{"RB-K1-2026-Q4", "50000.01", "2026-11-22"},
	}
	check := func(what string, notes []domain.CreditNote, stamped bool) {
		t.Helper()
		if len(notes) != len(want) {
			t.Fatalf("%s: %+v", what, notes)
		}
		for i, w := range want {
			n := notes[i]
			if n.Number != w.number || !n.Amount.Equal(decimal.RequireFromString(w.amount)) || n.Date != domain.MustDate(w.on) ||
				n.Reason != "rebate" || n.Account != "OKAF01" || n.Currency != "NGN" || n.Invoice != "" || (stamped && n.Stamp.By != "ada") {
				t.Errorf("%s %d: %+v, want %+v", what, i, n, w)
			}
		}
	}
	check("draft", draft.Notes, false)

	if _, err := d.ApplyRebate(WithRole(bisi, Collector), "OKAF01", p); !errors.Is(err, ErrNotPermitted) || !strings.Contains(err.Error(), "crediting a rebate needs a lead") {
		t.Errorf("a collector credited: %v", err)
	}
	got, err := d.ApplyRebate(ada, "OKAF01", p)
	if err != nil {
		t.Fatal(err)
	}
	check("applied", got.Notes, true)
	// Applying again adds nothing, and writes nothing.
	n0, _ := st.Changes()
	again, err := d.ApplyRebate(ada, "OKAF01", p)
	if n1, _ := st.Changes(); err != nil || len(again.Notes) != 0 || n1 != n0 {
		t.Fatalf("again: %+v, %v; changes %d → %d", again.Notes, err, n0, n1)
	}
	for _, l := range again.Lines {
		if !l.Due.IsZero() {
			t.Errorf("%s still due %s", l.Period, l.Due)
		}
	}

	// More is invoiced in Q4: 1% × (5,000,000.50 + 2,500,000) = 75,000.005 → 75,000.01; 50,000.01
	// credited: 25,000.00 due, on a second note for Q4, applied from its line.
	if _, err := st.Apply(ada, &store.Batch{Invoices: []store.Rec[domain.Invoice]{{V: domain.Invoice{Account: "OKAF01", Number: "I-3",
		Issued: domain.MustDate("2026-11-20"), Due: domain.MustDate("2026-12-20"), Amount: decimal.NewFromInt(2500000), Quantity: decimal.NewFromInt(5000),
		Currency: "NGN"}}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.ApplyRebateLine(ada, "OKAF01", "K7", "2026-Q4"); err == nil || !strings.Contains(err.Error(), `contract "K7" is not on account OKAF01`) {
		t.Errorf("no such contract: %v", err)
	}
	line, err := d.ApplyRebateLine(ada, "OKAF01", "k1", "2026-q4")
	if err != nil {
		t.Fatal(err)
	}
	if len(line.Lines) != 1 || len(line.Notes) != 1 || line.Notes[0].Number != "RB-K1-2026-Q4-2" || line.Notes[0].Amount.String() != "25000" ||
		line.Notes[0].Date != asOf {
		t.Fatalf("the line: %+v", line)
	}

	// The report counts every rebate note: Q4 credited 50,000.01 + 25,000.00 = 75,000.01, nothing due.
	tab, err := d.Report("rebates", report.Input{AsOf: asOf, Period: p})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := tab.Write(&buf, "csv"); err != nil {
		t.Fatal(err)
	}
	for _, row := range []string{
		"OKAF01,K1,2026-Q3,12000,6000000.00,10000,1%,60000.00,60000.00,0.00,NGN",
		"OKAF01,K1,2026-Q4,15000,7500000.50,10000,1%,75000.01,75000.01,0.00,NGN",
	} {
		if !strings.Contains(buf.String(), row+"\n") {
			t.Errorf("no row %s in\n%s", row, buf.String())
		}
	}
}

// Applying as of a day before a note already given credits nothing twice:
// Q3's 60,000.00 was given on 22 Nov; applied again as of 20 Nov (the
// report as of then does not count it yet) nothing is due.
func TestApplyRebateEarlierAsOf(t *testing.T) {
	d, st := rebateBook(t)
	p, _ := domain.ParsePeriod("2026-Q3", asOf)
	got, err := d.ApplyRebate(ada, "OKAF01", p)
	if err != nil || len(got.Notes) != 1 || got.Notes[0].Amount.String() != "60000" || got.Notes[0].Date != asOf {
		t.Fatalf("applied %+v, %v", got.Notes, err)
	}
	early := New(st, Options{AsOf: asOf.AddDays(-2)})
	n0, _ := st.Changes()
	again, err := early.ApplyRebate(ada, "OKAF01", p)
	if n1, _ := st.Changes(); err != nil || len(again.Notes) != 0 || n1 != n0 {
		t.Fatalf("as of 20 Nov: %+v, %v; changes %d → %d", again.Notes, err, n0, n1)
	}
	// The report as of the 20th still shows Q3 due: the note is dated after it.
	if len(again.Lines) != 1 || again.Lines[0].Due.String() != "60000" {
		t.Fatalf("lines as of the 20th: %+v", again.Lines)
	}
	draft, err := early.Rebates("OKAF01", p)
	if err != nil || len(draft.Notes) != 0 {
		t.Fatalf("draft as of the 20th: %+v, %v", draft.Notes, err)
	}
}

// Contract numbers are the account's, credit-note numbers the book's: when
// RB-K1-2026-Q4 (and -2) are another account's notes, OKAF01's K1 takes
// the next free suffix, -3, and that note counts as K1's: applying again
// adds nothing.
func TestApplyRebateNumberTakenElsewhere(t *testing.T) {
	d, st := rebateBook(t)
	other := func(n string) store.Rec[domain.CreditNote] {
		return store.Rec[domain.CreditNote]{V: domain.CreditNote{Account: "KANO01", Number: n, Date: domain.MustDate("2026-10-31"),
			Amount: decimal.NewFromInt(10), Currency: "NGN", Reason: "rebate"}}
	}
	if _, err := st.Apply(ada, &store.Batch{Credits: []store.Rec[domain.CreditNote]{other("RB-K1-2026-Q4"), other("RB-K1-2026-Q4-2")}}); err != nil {
		t.Fatal(err)
	}
	p, _ := domain.ParsePeriod("2026-Q4", asOf)
	got, err := d.ApplyRebate(ada, "OKAF01", p)
	if err != nil {
		t.Fatal(err)
	}
	// Q4: 1% × 5,000,000.50 = 50,000.01, on RB-K1-2026-Q4-3.
	if len(got.Notes) != 1 || got.Notes[0].Number != "RB-K1-2026-Q4-3" || got.Notes[0].Amount.String() != "50000.01" || got.Notes[0].Stamp.By != "ada" {
		t.Fatalf("notes %+v", got.Notes)
	}
	n0, _ := st.Changes()
	again, err := d.ApplyRebateLine(ada, "OKAF01", "K1", "2026-Q4")
	if n1, _ := st.Changes(); err != nil || len(again.Notes) != 0 || n1 != n0 || !again.Lines[0].Due.IsZero() || again.Lines[0].Credited.String() != "50000.01" {
		t.Fatalf("again: %+v %+v, %v; changes %d → %d", again.Lines, again.Notes, err, n0, n1)
	}
	// KANO01's notes are its own still.
	f, _ := st.LoadAccount("KANO01")
	if len(f.Credits) != 2 {
		t.Fatalf("KANO01's credits %+v", f.Credits)
	}
}
