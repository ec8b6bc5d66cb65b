package form

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/ui/internal/sample"
)

// creditOn is the sample's ACC001 (limit 50,000,000.00) owing 47,500,000.00
// as of Tue 17 Nov: INV-1001 12,000,000 + INV-1002 18,500,000 + INV-1003
// 22,000,000 − PAY-1001 5,000,000.
func creditOn() (Target, CreditOn) {
	t := target()
	t.Outstanding = decimal.RequireFromString("47500000")
	return t, CreditOn{Account: domain.Account{Code: "ACC001", Currency: "NGN", CreditLimit: decimal.RequireFromString("50000000")},
		Thresholds: domain.DefaultSettings().Thresholds}
}

// The preview follows what is typed: 47,500,000 × 100 ÷ 50,000,000 = 95.0 %
// now; ÷ 60,000,000 = 79.166… → 79.2 % after; a value that does not read
// says why; the expiry only applies to an overdraft.
func TestCreditPreview(t *testing.T) {
	tg, on := creditOn()
	m := NewCredit(cm(), tg, on)
	v := m.View()
	if !strings.Contains(v, "AR ₦47,500,000.00 · utilisation now 95.0 % of ₦50,000,000.00") || !strings.Contains(v, "now ₦50,000,000.00") ||
		!strings.Contains(v, "Expires         —") || !strings.Contains(v, "now none · empty keeps it") {
		t.Fatalf("opened:\n%s", v)
	}
	typeKeys(m, "60000000")
	if v := m.View(); !strings.Contains(v, "After: 79.2 % of ₦60,000,000.00") {
		t.Fatalf("60,000,000:\n%s", v)
	}
	typeKeys(m, "tab", "2,000,000")
	if v := m.View(); !strings.Contains(v, "After: a temporary overdraft needs an expiry date") || strings.Contains(v, "Expires         —") {
		t.Fatalf("an overdraft without expiry:\n%s", v)
	}
	// 47,500,000 × 100 ÷ (60,000,000 + 2,000,000) = 76.612… → 76.6 %.
	typeKeys(m, "tab", "+30")
	if v := m.View(); !strings.Contains(v, "→ Thu 17 Dec 2026") || !strings.Contains(v, "After: 76.6 % of ₦62,000,000.00") {
		t.Fatalf("with its expiry:\n%s", v)
	}
	typeKeys(m, "tab", "tab", "shift+tab", "shift+tab", "shift+tab", "shift+tab", "x")
	if v := m.View(); !strings.Contains(v, `After: "60000000x" is not an amount`) {
		t.Fatalf("a limit that does not read:\n%s", v)
	}
}

// Saved through the desk: a refusal goes next to its field; a cut over
// 100 % (47,500,000 × 100 ÷ 45,000,000 = 105.555… → 105.6 %) is saved only
// once the desk asked and enter confirmed, marked so.
func TestCreditSaves(t *testing.T) {
	st := sample.Store()
	d := desk.New(st, desk.Options{AsOf: tue})
	ctx := store.WithAuthor(context.Background(), "ada")
	tg, on := creditOn()
	m := NewCredit(cm(), tg, on)
	if out := typeKeys(m, "45000000", "enter"); out.Submit != nil {
		t.Fatal("saved without a reason")
	}
	if v := m.View(); !strings.Contains(v, "! say why: a credit decision needs a reason") {
		t.Fatalf("no reason:\n%s", v)
	}
	out := typeKeys(m, "slow", " ", "payer", "enter")
	if out.Submit == nil || out.Submit.Kind != Custom || out.Submit.Noun != "credit decision" ||
		out.Submit.What != "limit ₦50,000,000.00 → ₦45,000,000.00 · utilisation 105.6 %" {
		t.Fatalf("submission %+v\n%s", out.Submit, m.View())
	}
	_, err := out.Submit.Save(ctx, d)
	var u domain.Unlikely
	if !errors.As(err, &u) {
		t.Fatalf("over the breach saved without asking: %v", err)
	}
	m.Failed(err)
	if v := m.View(); !strings.Contains(v, "Unlikely: utilisation after the decision is 105.6 %") || !strings.Contains(v, "enter saves it anyway") {
		t.Fatalf("asked:\n%s", v)
	}
	out = typeKeys(m, "enter")
	if out.Submit == nil || !out.Submit.Confirmed {
		t.Fatalf("enter did not confirm: %+v", out.Submit)
	}
	saved, err := out.Submit.Save(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := st.LoadAccount("ACC001")
	if len(f.Decisions) != 1 || !f.Decisions[0].ConfirmedOver || f.Decisions[0].UtilisationAfter.StringFixed(1) != "105.6" ||
		!f.Account.CreditLimit.Equal(decimal.RequireFromString("45000000")) || saved.At.IsZero() {
		t.Errorf("stored %+v, limit %s, saved %+v", f.Decisions, f.Account.CreditLimit, saved)
	}

	// The desk's refusal of a field goes next to it: an expiry before today
	// (the form leaves the date rule to the domain).
	m = NewCredit(cm(), tg, on)
	typeKeys(m, "tab", "1000000", "tab", "2026-11-10", "tab", "peak", "enter")
	if v := m.View(); !strings.Contains(v, "! the overdraft must expire after 2026-11-17, not on") {
		t.Fatalf("an expiry in the past:\n%s", v)
	}
	// Nothing changes: said on the field given.
	m = NewCredit(cm(), tg, on)
	typeKeys(m, "50000000", "tab", "tab", "same", "enter")
	if v := m.View(); !strings.Contains(v, "! nothing changes: the limit is ₦50,000,000.00") {
		t.Fatalf("nothing changes:\n%s", v)
	}
}
