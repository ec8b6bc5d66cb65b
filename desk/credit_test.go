package desk

import (
	"errors"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/domain/queue"
	"acctdesk/store"

	"github.com/shopspring/decimal"
)

// creditBook is teamBook with OKAF01 owing 9,000,000.00 (one invoice due
// 2026-12-01) on a limit of 10,000,000.00: 90.0 % used.
func creditBook(t *testing.T) *Desk {
	t.Helper()
	st := teamBook(t)
	f, _ := st.LoadAccount("OKAF01")
	a := f.Account
	a.CreditLimit = decimal.RequireFromString("10000000")
	if _, err := st.Apply(ada, &store.Batch{Accounts: []store.Rec[domain.Account]{{V: a}},
		Invoices: []store.Rec[domain.Invoice]{{V: domain.Invoice{Account: "OKAF01", Number: "I-1", Issued: domain.MustDate("2026-11-01"),
			Due: domain.MustDate("2026-12-01"), Amount: decimal.RequireFromString("9000000"), Currency: "NGN"}}}}); err != nil {
		t.Fatal(err)
	}
	return New(st, Options{AsOf: asOf})
}

// A credit decision is a lead's; one that leaves utilisation over 100 % is
// refused until confirmed, then stored marked so, with the account's new
// limit and its timeline entry in one write; the view follows.
func TestCreditDecision(t *testing.T) {
	d := creditBook(t)
	st := d.Store()
	n, _ := st.Changes()
	cut := domain.CreditChange{SetLimit: true, Limit: decimal.RequireFromString("8000000"), Reason: "payments slowing"}
	if _, err := d.Credit(WithRole(bisi, Collector), "OKAF01", cut, false); !errors.Is(err, ErrNotPermitted) ||
		!strings.Contains(err.Error(), "a credit decision needs a lead") {
		t.Errorf("a collector decided: %v", err)
	}
	// 9,000,000 × 100 ÷ 8,000,000 = 112.5 %.
	var u domain.Unlikely
	if _, err := d.Credit(bisi, "OKAF01", cut, false); !errors.As(err, &u) ||
		err.Error() != "utilisation after the decision is 112.5 %, over the 100 % breach threshold: confirm to save it" {
		t.Errorf("over the breach, not confirmed: %v", err)
	}
	if m, _ := st.Changes(); m != n {
		t.Fatalf("refused decisions moved the change counter %d → %d", n, m)
	}
	got, err := d.Credit(bisi, "OKAF01", cut, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Decisions) != 1 {
		t.Fatalf("decisions %+v", got.Decisions)
	}
	x := got.Decisions[0]
	if x.ID == 0 || x.Field != domain.FieldCreditLimit || x.Old.String() != "10000000" || x.New.String() != "8000000" ||
		x.ApprovedBy != "bisi" || x.Stamp.By != "bisi" || !x.ConfirmedOver || x.UtilisationAfter.StringFixed(1) != "112.5" ||
		!x.HasUtilisation || x.On != asOf || x.Reason != "payments slowing" {
		t.Errorf("decision %+v", x)
	}
	f, _ := d.Account("OKAF01")
	last := f.Activities[len(f.Activities)-1]
	if !f.Account.CreditLimit.Equal(cut.Limit) || len(f.Decisions) != 1 || last.Kind != domain.KindCreditDecision || last.Stamp.By != "bisi" ||
		last.Text != "Credit limit ₦10,000,000.00 → ₦8,000,000.00, approved by bisi: payments slowing. "+
			"Utilisation after 112.5 %, over the 100 % breach threshold: confirmed." {
		t.Errorf("stored limit %s, decisions %+v, last entry %+v", f.Account.CreditLimit, f.Decisions, last)
	}
	// The view sees the breach.
	v, err := d.Refresh()
	if err != nil {
		t.Fatal(err)
	}
	breach := false
	for _, it := range v.Queue {
		breach = breach || (it.Account == "OKAF01" && it.Reason == queue.CreditBreach)
	}
	if !breach {
		t.Errorf("no credit-breach on OKAF01 after the cut: %+v", v.Queue)
	}

	// An overdraft approved by someone else: 9,000,000 × 100 ÷ (8,000,000 +
	// 2,000,000) = 90.0 %, not over: no confirmation needed.
	od := domain.CreditChange{SetOverdraft: true, Overdraft: decimal.RequireFromString("2000000"), Expires: domain.MustDate("2026-12-31"),
		Reason: "year-end peak", ApprovedBy: "cfo"}
	got, err = d.Credit(bisi, "OKAF01", od, false)
	if err != nil {
		t.Fatal(err)
	}
	f, _ = d.Account("OKAF01")
	x = got.Decisions[0]
	if o := f.Account.Overdraft; !o.Amount.Equal(od.Overdraft) || o.Expires != od.Expires || o.ApprovedBy != "cfo" ||
		x.ApprovedBy != "cfo" || x.Stamp.By != "bisi" || x.ConfirmedOver || x.UtilisationAfter.StringFixed(1) != "90.0" || len(f.Decisions) != 2 {
		t.Errorf("overdraft %+v, decision %+v", f.Account.Overdraft, x)
	}
	// The same again changes nothing, and says what the credit is.
	if _, err := d.Credit(bisi, "OKAF01", od, false); err == nil ||
		err.Error() != "nothing changes: the limit is ₦8,000,000.00 and its overdraft ₦2,000,000.00 to 2026-12-31" {
		t.Errorf("the same again: %v", err)
	}
	// A field the desk refuses is named.
	if _, err := d.Credit(bisi, "OKAF01", domain.CreditChange{SetLimit: true, Limit: decimal.RequireFromString("-5"), Reason: "x"}, false); !hasField(err, "credit_limit") {
		t.Errorf("a negative limit: %v", err)
	}
}
