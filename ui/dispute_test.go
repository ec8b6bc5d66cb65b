package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/shopspring/decimal"

	"acctdesk/domain"
	"acctdesk/ui/internal/sample"
)

// D on the account's open items: the dispute form on the invoice under
// the cursor (reason, owner prefilled with the user), saved through the
// desk; D again on the now disputed invoice resolves it with a credit note.
// The form is checked against a golden at 80×24.
func TestDisputeFlow(t *testing.T) {
	st := sample.Store()
	tm := start(t, newDesk(st), 80, 24, testOptions())
	send(tm, "2")
	waitOutput(t, tm, "Book ·")
	send(tm, "enter")
	waitOutput(t, tm, "Contacts:")
	send(tm, "D")
	waitOutput(t, tm, "Dispute INV-1001")
	send(tm, "wrong", " ", "price")
	waitOutput(t, tm, "price")
	m := final(t, nil, tm)
	view := m.View()
	checkFits(t, view, 80, 24)
	golden.RequireEqual(t, []byte(view))

	// Saved: the invoice is disputed, owned by ada, opened on the business date.
	press(m, "enter")
	f, err := st.LoadAccount("ACC001")
	if err != nil {
		t.Fatal(err)
	}
	want := domain.Dispute{Account: "ACC001", Invoice: "INV-1001", Seq: 1, Reason: "wrong price", Owner: "ada", OpenedOn: sample.AsOf, Status: domain.DisputeOpen}
	if len(f.Disputes) != 1 || func() domain.Dispute { d := f.Disputes[0]; d.Stamp = domain.Stamp{}; return d }() != want {
		t.Fatalf("disputes %+v; want %+v", f.Disputes, want)
	}
	if !strings.Contains(m.Status(), "saved dispute on ACC001: dispute raised on INV-1001") {
		t.Errorf("status %q", m.Status())
	}
	// The open items say so, and D on it now resolves, with a credit note:
	// INV-1001 owes 7,000,000.00; 500,000.00 credited leaves 6,500,000.00.
	if v := m.View(); !strings.Contains(v, "₦7,000,000.00 disput…") || !strings.Contains(v, "Disputes 1 open · Aging:") {
		t.Errorf("open items after the dispute:\n%s", v)
	}
	press(m, "D")
	if v := m.View(); !strings.Contains(v, "Resolve the dispute on INV-1001") || !strings.Contains(v, "at most ₦7,000,000.00") {
		t.Fatalf("D on a disputed invoice:\n%s", v)
	}
	press(m, "price", " ", "agreed", "tab", "9000000", "enter")
	if v := m.View(); !strings.Contains(v, "more than the ₦7,000,000.00 INV-1001 still owes") {
		t.Fatalf("a credit over the outstanding:\n%s", v)
	}
	for range 7 {
		press(m, "backspace")
	}
	press(m, "500000", "enter")
	f, _ = st.LoadAccount("ACC001")
	if len(f.Disputes) != 1 || f.Disputes[0].Status != domain.DisputeResolved || f.Disputes[0].Credit != "DC-INV-1001-1" {
		t.Fatalf("after resolving: %+v", f.Disputes)
	}
	// Resolved on the day it was raised: 0 days open, the account's average.
	if v := m.View(); !strings.Contains(v, "Disputes 0 open, avg 0.0 days (1 resolved)") {
		t.Errorf("open items after the resolution:\n%s", v)
	}
	var credited bool
	for _, c := range f.Credits {
		if c.Number == "DC-INV-1001-1" && c.Invoice == "INV-1001" && c.Amount.Equal(decimal.RequireFromString("500000")) && c.Reason == "price-correction" {
			credited = true
		}
	}
	if !credited {
		t.Errorf("credits %+v", f.Credits)
	}
	pos, _ := domain.PositionOf(f, sample.AsOf)
	for _, it := range pos.Items {
		if it.Invoice.Number == "INV-1001" && !it.Outstanding.Equal(decimal.RequireFromString("6500000")) {
			t.Errorf("INV-1001 owes %s, want 6,500,000.00", it.Outstanding)
		}
	}
}

// The call outcome "dispute raised" (c d) asks which invoice and why, and
// raises the dispute with the call, in one write.
func TestCallRaisesDispute(t *testing.T) {
	m, st := loaded(t, 80, 24)
	press(m, "c", "d")
	if v := m.View(); !strings.Contains(v, "Disputed invoice") || !strings.Contains(v, "Dispute reason") {
		t.Fatalf("c d:\n%s", v)
	}
	press(m, "enter")
	if v := m.View(); !strings.Contains(v, "which invoice do they dispute?") {
		t.Fatalf("no invoice:\n%s", v)
	}
	press(m, "inv-1002", "tab", "short", " ", "delivery", "enter")
	f, err := st.LoadAccount("ACC001")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Disputes) != 1 || f.Disputes[0].Invoice != "INV-1002" || f.Disputes[0].Reason != "short delivery" || f.Disputes[0].Owner != "ada" {
		t.Fatalf("disputes %+v", f.Disputes)
	}
	var call bool
	for _, a := range f.Activities {
		if a.Kind == "call" && a.Outcome == "dispute" && a.On == sample.AsOf {
			call = true
		}
		if a.Kind == domain.KindDispute {
			t.Errorf("the call is the dispute's entry; another was written: %+v", a)
		}
	}
	if !call {
		t.Errorf("no dispute call on the timeline: %+v", f.Activities)
	}
	if !strings.Contains(m.Status(), "disputed inv-1002") && !strings.Contains(m.Status(), "disputed INV-1002") {
		t.Errorf("status %q", m.Status())
	}
}
