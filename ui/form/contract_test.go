package form

import (
	"context"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/memstore"
	"acctdesk/ui/internal/sample"
)

var adaCtx = store.WithAuthor(context.Background(), "ada")

// sampleContract is the sample book's ACC001 contract: 9 Dec 2024 to 8 Dec
// 2026, 30 days' notice.
func sampleContract(t *testing.T) domain.Contract {
	t.Helper()
	f, err := sample.Store().LoadAccount("ACC001")
	if err != nil || len(f.Contracts) != 1 {
		t.Fatalf("sample ACC001: %v %+v", err, f)
	}
	return f.Contracts[0]
}

// saveOn saves a submission through a desk over st and returns the
// account's file after it.
func saveCustom(t *testing.T, st *memstore.Store, sub *Submission) *domain.AccountFile {
	t.Helper()
	if sub == nil {
		t.Fatal("nothing submitted")
	}
	if sub.Kind != Custom || sub.Do == nil || sub.Noun == "" {
		t.Fatalf("not a custom submission: %+v", sub)
	}
	if _, err := sub.Save(adaCtx, desk.New(st, desk.Options{AsOf: tue})); err != nil {
		t.Fatal(err)
	}
	f, err := st.LoadAccount(sub.Code)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func contractIn(f *domain.AccountFile, id string) *domain.Contract {
	for i := range f.Contracts {
		if f.Contracts[i].ID == id {
			return &f.Contracts[i]
		}
	}
	return nil
}

func TestDefaultRenewalEnd(t *testing.T) {
	for _, c := range [][3]string{
		{"2024-12-09", "2026-12-08", "2028-12-08"}, // 24 months: as long again
		{"2026-01-01", "2026-03-31", "2026-06-30"}, // a quarter
		{"2025-02-01", "2026-02-28", "2027-03-31"}, // 13 months: 1 Mar 2026 + 13 months − 1 day
		{"2026-01-15", "2026-03-20", "2027-03-20"}, // not whole months: a year on
	} {
		k := domain.Contract{Start: domain.MustDate(c[0]), End: domain.MustDate(c[1])}
		if got := DefaultRenewalEnd(k); got != domain.MustDate(c[2]) {
			t.Errorf("%s–%s: %s, want %s", c[0], c[1], got, c[2])
		}
	}
}

// r then enter renews on the defaults: as long again, the old contract's
// notice, SLA and rebate, the default number.
func TestRenewalFormDefaults(t *testing.T) {
	k := sampleContract(t)
	m := NewRenewal(cm(), target(), RenewalOn{Contract: k, Number: "K-2024-01-R1"})
	if m.Kind() != Custom {
		t.Fatalf("kind %s", m.Kind())
	}
	v := m.View()
	for _, want := range []string{"Renewal of contract K-2024-01 (ends Tue 8 Dec 2026) · ACC001", "▸ New end", "default 08 Dec'28",
		"default K-2024-01-R1", "[30", "[AGO within 48h of order", "Now: 09 Dec'24 to 08 Dec · notice 30 days (by 08 Nov)"} {
		if !strings.Contains(v, want) {
			t.Errorf("no %q in\n%s", want, v)
		}
	}
	if m.Dirty() {
		t.Error("a form with nothing typed is dirty")
	}
	out := typeKeys(m, "enter")
	f := saveCustom(t, sample.Store(), out.Submit)
	n := contractIn(f, "K-2024-01-R1")
	if n == nil || n.Start != domain.MustDate("2026-12-09") || n.End != domain.MustDate("2028-12-08") || n.NoticeDays != 30 ||
		n.SLA != "AGO within 48h of order" || n.Status != domain.ContractActive {
		t.Fatalf("renewal %+v", n)
	}
	if old := contractIn(f, "K-2024-01"); old.Status != domain.ContractRenewed {
		t.Fatalf("old %+v", old)
	}
	if w := out.Submit.What; w != "contract K-2024-01 renewed as K-2024-01-R1 to 08 Dec'28" || out.Submit.Noun != "renewal" {
		t.Errorf("what %q noun %q", w, out.Submit.Noun)
	}
}

func TestRenewalFormTyped(t *testing.T) {
	k := sampleContract(t)
	m := NewRenewal(cm(), target(), RenewalOn{Contract: k, Number: "K-2024-01-R1"})
	// An end not after the old one's, a bad notice and a bad scheme: each said by its field; nothing typed is lost.
	out := typeKeys(m, "2026-12-08", "tab", "K-25", "tab", "backspace", "backspace", "x", "tab", "tab", "quantity/week:0=1%", "enter")
	if out.Submit != nil {
		t.Fatal("saved bad values")
	}
	v := m.View()
	for _, want := range []string{"! the renewal starts Wed 9 Dec 2026: it must end after that", `! "x" is not a number of days from 0 to 3650`,
		`the period "week" is not month or quarter`, "[2026-12-08", "[K-25", "[quantity/week:0=1%"} {
		if !strings.Contains(v, want) {
			t.Errorf("no %q in\n%s", want, v)
		}
	}
	// Put right: to 31 Dec 2027, 45 days' notice, a monthly rebate; the SLA is left as it was.
	m = NewRenewal(cm(), target(), RenewalOn{Contract: k, Number: "K-2024-01-R1"})
	out = typeKeys(m, "2027-12-31", "tab", "K-25", "tab", "backspace", "backspace", "45", "tab", "tab", "quantity/month:0=1%", "enter")
	f := saveCustom(t, sample.Store(), out.Submit)
	n := contractIn(f, "K-25")
	if n == nil || n.Start != domain.MustDate("2026-12-09") || n.End != domain.MustDate("2027-12-31") || n.NoticeDays != 45 ||
		domain.FormatRebate(n.Rebate) != "quantity/month:0=1%" || n.SLA != "AGO within 48h of order" {
		t.Fatalf("renewal %+v", n)
	}
	var entry string
	for _, a := range f.Activities {
		if a.Kind == domain.KindContract {
			entry = a.Text
		}
	}
	if entry != "contract K-2024-01 renewed as K-25: 2026-12-09 to 2027-12-31, notice 45 days, rebate quantity/month:0=1%" {
		t.Errorf("timeline %q", entry)
	}
}

// shift+tab l enter records a lapse; the other fields no longer apply.
func TestRenewalFormLapse(t *testing.T) {
	k := sampleContract(t)
	m := NewRenewal(cm(), target(), RenewalOn{Contract: k, Number: "K-2024-01-R1"})
	typeKeys(m, "shift+tab", "l")
	if v := m.View(); !strings.Contains(v, "[l lapse: it ends without one]") || !strings.Contains(v, "New end         —") {
		t.Fatalf("after l:\n%s", v)
	}
	out := typeKeys(m, "enter")
	f := saveCustom(t, sample.Store(), out.Submit)
	if c := contractIn(f, "K-2024-01"); c.Status != domain.ContractLapsed || len(f.Contracts) != 1 {
		t.Fatalf("contracts %+v", f.Contracts)
	}
	if out.Submit.Noun != "lapse" || out.Submit.What != "contract K-2024-01 lapses without a renewal" {
		t.Errorf("%q %q", out.Submit.Noun, out.Submit.What)
	}
}

func TestContractForm(t *testing.T) {
	m := NewContract(cm(), target(), "ACC001-C2")
	out := typeKeys(m, "enter")
	if out.Submit != nil || !strings.Contains(m.View(), "! when does it end? (its last day)") {
		t.Fatalf("saved without an end:\n%s", m.View())
	}
	m = NewContract(cm(), target(), "ACC001-C2")
	out = typeKeys(m, "tab", "2027-01-01", "tab", "2026-12-31", "enter")
	if out.Submit != nil || !strings.Contains(m.View(), "! ends before it starts (Fri 1 Jan 2027)") {
		t.Fatalf("an end before the start:\n%s", m.View())
	}
	m = NewContract(cm(), target(), "ACC001-C2")
	out = typeKeys(m, "tab", "2027-01-01", "tab", "2027-12-31", "tab", "60", "tab", "Rescue within 2h", "tab", "NONE", "enter")
	f := saveCustom(t, sample.Store(), out.Submit)
	k := contractIn(f, "ACC001-C2")
	if k == nil || k.Start != domain.MustDate("2027-01-01") || k.End != domain.MustDate("2027-12-31") || k.NoticeDays != 60 ||
		k.SLA != "Rescue within 2h" || !k.Rebate.IsZero() || k.Status != domain.ContractActive || k.Stamp.By != "ada" {
		t.Fatalf("added %+v", k)
	}
	if out.Submit.What != "contract ACC001-C2, 01 Jan'27 to 31 Dec'27" {
		t.Errorf("what %q", out.Submit.What)
	}
	// The desk's refusal goes next to its field: the number is taken now.
	m = NewContract(cm(), target(), "ACC001-C3")
	out = typeKeys(m, "ACC001-C2", "tab", "tab", "2027-12-31", "enter")
	_, err := out.Submit.Save(adaCtx, desk.New(memstore.From(sample.Settings(), []*domain.AccountFile{f}), desk.Options{AsOf: tue}))
	m.Failed(err)
	if v := m.View(); !strings.Contains(v, "! the account already has contract ACC001-C2") || !strings.Contains(v, "▸ Number") {
		t.Fatalf("a taken number: %v\n%s", err, v)
	}
}

func TestRebateForm(t *testing.T) {
	d := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	file := &domain.AccountFile{
		Account: domain.Account{Code: "ACC001", Name: "Dangote Haulage Ltd", Tier: 1, Status: "active", Terms: "term", TermsDays: 30, Currency: "NGN"},
		Contracts: []domain.Contract{{Account: "ACC001", ID: "K1", Start: d2("2026-01-01"), End: d2("2026-12-31"),
			Rebate: domain.RebateScheme{Basis: domain.RebateQuantity, Period: domain.RebateQuarter, Tiers: []domain.VolumeTier{{From: d("10000"), Percent: d("1")}}}}},
		Invoices: []domain.Invoice{{Account: "ACC001", Number: "I1", Issued: d2("2026-08-01"), Due: d2("2026-08-31"), Amount: d("6000000"), Quantity: d("12000"), Currency: "NGN"}},
	}
	st := memstore.From(sample.Settings(), []*domain.AccountFile{file})
	r, err := desk.New(st, desk.Options{AsOf: tue}).Rebates("ACC001", domain.Period{Name: "2026-Q3", From: d2("2026-07-01"), To: d2("2026-09-30")})
	if err != nil || len(r.Lines) != 1 || len(r.Notes) != 1 {
		t.Fatalf("%+v %v", r, err)
	}
	// 12,000 ≥ 10,000: 1% × 6,000,000.00 = 60,000.00, dated the day it is given (Tue 17 Nov).
	m := NewRebateNote(cm(), target(), RebateOn{Line: r.Lines[0], Note: r.Notes[0]})
	v := m.View()
	for _, want := range []string{"Rebate credit note · contract K1 2026-Q3 · ACC001", "basis 12,000 units", "tier from 10,000 at 1%",
		"rebate ₦60,000.00", "Draft: credit note RB-K1-2026-Q3 · ₦60,000.00 · dated Tue 17 Nov 2026", "reason rebate"} {
		if !strings.Contains(v, want) {
			t.Errorf("no %q in\n%s", want, v)
		}
	}
	if out := typeKeys(m, "enter"); out.Submit != nil || !strings.Contains(m.View(), "! press y to record the credit note (esc cancels)") {
		t.Fatalf("saved without y:\n%s", m.View())
	}
	out := typeKeys(m, "y", "enter")
	f := saveCustom(t, st, out.Submit)
	if len(f.Credits) != 1 || f.Credits[0].Number != "RB-K1-2026-Q3" || !f.Credits[0].Amount.Equal(d("60000")) || f.Credits[0].Reason != "rebate" {
		t.Fatalf("credits %+v", f.Credits)
	}
	// Saved again (the line was credited meanwhile): nothing due, said so.
	if _, err := out.Submit.Save(adaCtx, desk.New(st, desk.Options{AsOf: tue})); err == nil || !strings.Contains(err.Error(), "nothing is due on K1 2026-Q3 any more") {
		t.Errorf("twice: %v", err)
	}
}

func d2(s string) domain.Date { return domain.MustDate(s) }
