package desk

import (
	"errors"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"

	"github.com/shopspring/decimal"
)

// Two processes at once, use case by use case (as TestCreditDecisionsAtOnce):
// the desk under test reads the account, another desk's write lands, then
// the first writes. Each write must be worked out from the account as it is
// when it lands, never write over the other's.

// atOnce is a desk on st whose first read of an account lets meanwhile
// (another desk on the same book) write before the desk's own write.
func atOnce(t *testing.T, st store.Store, meanwhile func(other *Desk) error) *Desk {
	t.Helper()
	other := New(st, Options{AsOf: asOf})
	is := &interleaved{Store: st}
	is.meanwhile = func() {
		if err := meanwhile(other); err != nil {
			t.Fatalf("the other desk's write: %v", err)
		}
	}
	return New(is, Options{AsOf: asOf})
}

// Two steps added to an issue at once are both kept (the second was lost),
// and an update racing a resolution is refused: the issue stays resolved
// with its resolution (it was put back in progress, the resolution lost).
func TestIssueWritesAtOnce(t *testing.T) {
	st := teamBook(t)
	base := New(st, Options{AsOf: asOf})
	open, err := base.OpenIssue(ada, "OKAF01", IssueRequest{Kind: "quality", SLA: asOf.AddDays(5), Summary: "water in the AGO"}, false)
	if err != nil {
		t.Fatal(err)
	}
	id := open.Issue.ID
	step := func(text string) domain.IssueUpdate {
		return domain.IssueUpdate{AddSteps: []domain.Step{{Text: text, Due: asOf.AddDays(2)}}}
	}
	d := atOnce(t, st, func(o *Desk) error {
		_, err := o.UpdateIssue(bisi, "OKAF01", id, step("test the tank"), false)
		return err
	})
	got, err := d.UpdateIssue(ada, "OKAF01", id, step("call the depot"), false)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(got.Issue.Steps); n != 2 {
		t.Errorf("the second update's issue has %d steps", n)
	}
	f, _ := st.LoadAccount("OKAF01")
	var steps []string
	for _, s := range f.Issues[0].Steps {
		steps = append(steps, s.Text)
	}
	if strings.Join(steps, ", ") != "test the tank, call the depot" {
		t.Errorf("steps stored: %v", steps)
	}

	d = atOnce(t, st, func(o *Desk) error {
		_, err := o.ResolveIssue(bisi, "OKAF01", id, "tank drained", true)
		return err
	})
	if _, err := d.UpdateIssue(ada, "OKAF01", id, domain.IssueUpdate{Status: domain.IssueInProgress}, false); err == nil {
		t.Error("an issue resolved meanwhile was put in progress")
	}
	f, _ = st.LoadAccount("OKAF01")
	if x := f.Issues[0]; x.Status != domain.IssueResolved || x.Resolution != "tank drained" {
		t.Errorf("the issue after both: %s, %q", x.Status, x.Resolution)
	}
}

// Two renewals of a contract at once: one is recorded, the other refused
// (both were acknowledged, the second writing over the first's K1-R1); a
// lapse racing a renewal is refused; two contracts added at once both
// keep their own number.
func TestContractWritesAtOnce(t *testing.T) {
	base := contractBook(t)
	st := base.Store()
	renew := func(o *Desk) error {
		_, err := o.Renew(bisi, "OKAF01", Renewal{Contract: "K1", End: domain.MustDate("2027-12-10")})
		return err
	}
	d := atOnce(t, st, renew)
	if _, err := d.Renew(ada, "OKAF01", Renewal{Contract: "K1", End: domain.MustDate("2028-12-10")}); err == nil ||
		!strings.Contains(err.Error(), "contract K1 is already renewed") {
		t.Errorf("the second renewal: %v", err)
	}
	f, _ := st.LoadAccount("OKAF01")
	if k := contractOn(f, "K1-R1"); k == nil || k.End != domain.MustDate("2027-12-10") || contractOn(f, "K1-R2") != nil {
		t.Errorf("contracts after both: %+v", f.Contracts)
	}
	if n := len(accountEntries(t, base, "OKAF01", domain.KindContract)); n != 1 {
		t.Errorf("%d contract entries", n)
	}

	d = atOnce(t, st, func(o *Desk) error {
		_, err := o.Renew(bisi, "OKAF01", Renewal{Contract: "K1-R1", End: domain.MustDate("2029-12-10")})
		return err
	})
	if _, err := d.Lapse(ada, "OKAF01", "K1-R1"); err == nil || !strings.Contains(err.Error(), "already renewed") {
		t.Errorf("a lapse of a contract renewed meanwhile: %v", err)
	}

	d = atOnce(t, st, func(o *Desk) error {
		_, err := o.AddContract(bisi, "OKAF01", domain.Contract{Start: asOf, End: asOf.AddDays(365)})
		return err
	})
	got, err := d.AddContract(ada, "OKAF01", domain.Contract{Start: asOf, End: asOf.AddDays(200)})
	if err != nil {
		t.Fatal(err)
	}
	f, _ = st.LoadAccount("OKAF01")
	var ends []string
	for _, k := range f.Contracts {
		if k.Start == asOf {
			ends = append(ends, k.ID+" "+k.End.String())
		}
	}
	if len(ends) != 2 || got.Contract.End != asOf.AddDays(200) || contractOn(f, got.Contract.ID).End != asOf.AddDays(200) {
		t.Errorf("two contracts added at once: %v, the second %s", ends, got.Contract.ID)
	}
}

// Two rebate applications at once: the second finds the notes the first
// recorded and records (and acknowledges) nothing.
func TestRebateAppliedAtOnce(t *testing.T) {
	_, st := rebateBook(t)
	p, _ := domain.ParsePeriod("2026", asOf)
	d := atOnce(t, st, func(o *Desk) error {
		_, err := o.ApplyRebate(bisi, "OKAF01", p)
		return err
	})
	got, err := d.ApplyRebate(ada, "OKAF01", p)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Notes) != 0 {
		t.Errorf("the second application recorded %+v", got.Notes)
	}
	f, _ := st.LoadAccount("OKAF01")
	var rebates []string
	for _, c := range f.Credits {
		if c.Reason == "rebate" {
			rebates = append(rebates, c.Number+" "+c.Amount.String()+" "+c.Stamp.By)
		}
	}
	// Q3 60,000.00 and Q4 50,000.01 (TestApplyRebate), once each, by the first.
	if strings.Join(rebates, "; ") != "RB-K1-2026-Q3-2 60000 bisi; RB-K1-2026-Q4 50000.01 bisi" {
		t.Errorf("rebate notes: %v", rebates)
	}
}

// An account edit racing a credit decision keeps the new limit (the edit
// wrote back the limit it had read).
func TestEditAtOnce(t *testing.T) {
	base := creditBook(t)
	st := base.Store()
	f, _ := st.LoadAccount("OKAF01")
	opened := EditOf(f.Account)
	mine := opened
	mine.From, mine.Tier = &opened, 1
	d := atOnce(t, st, func(o *Desk) error {
		_, err := o.Credit(bisi, "OKAF01", domain.CreditChange{SetLimit: true, Limit: decimal.RequireFromString("12000000"), Reason: "volumes"}, false)
		return err
	})
	got, err := d.EditAccount(bisi, "OKAF01", mine)
	if err != nil {
		t.Fatal(err)
	}
	f, _ = st.LoadAccount("OKAF01")
	if f.Account.Tier != 1 || f.Account.CreditLimit.String() != "12000000" || got.Account.CreditLimit.String() != "12000000" {
		t.Errorf("after both: tier %d, limit %s", f.Account.Tier, f.Account.CreditLimit)
	}
}

// Two contacts made primary at once: one primary at the end, the last
// (both were), and the entry says whom it cleared; a contact added twice
// at once is refused the second time (it wrote over the first).
func TestContactWritesAtOnce(t *testing.T) {
	st := contactBook(t)
	d := atOnce(t, st, func(o *Desk) error {
		_, err := o.SaveContact(bisi, "OKAF01", "", domain.Contact{Name: "Ada Obi", Phone: "+234 2", Primary: true})
		return err
	})
	got, err := d.SaveContact(ada, "OKAF01", "Tunde Bello", domain.Contact{Name: "Tunde Bello", Role: "operations", Phone: "+234 803 000 0002", Primary: true})
	if err != nil {
		t.Fatal(err)
	}
	f, _ := st.LoadAccount("OKAF01")
	var primaries []string
	for _, c := range f.Contacts {
		if c.Primary {
			primaries = append(primaries, c.Name)
		}
	}
	if strings.Join(primaries, ", ") != "Tunde Bello" || !strings.HasSuffix(got.Activity.Text, "no longer primary: Ada Obi") {
		t.Errorf("primaries %v, entry %q", primaries, got.Activity.Text)
	}

	d = atOnce(t, st, func(o *Desk) error {
		_, err := o.AddContact(bisi, "OKAF01", domain.Contact{Name: "Musa Garba", Phone: "+234 5"})
		return err
	})
	if _, err := d.AddContact(ada, "OKAF01", domain.Contact{Name: "Musa Garba", Phone: "+234 6"}); err == nil {
		t.Error("a contact added twice at once")
	}
	f, _ = st.LoadAccount("OKAF01")
	for _, c := range f.Contacts {
		if c.Name == "Musa Garba" && c.Phone != "+234 5" {
			t.Errorf("the first's contact was written over: %+v", c)
		}
	}
}

// An objective changed by one while another marks it met: the timeline
// says what the change really did (met → open), not only the target.
func TestObjectiveAtOnce(t *testing.T) {
	st := contactBook(t)
	base := New(st, Options{AsOf: asOf})
	got, err := base.SaveObjective(ada, "OKAF01", domain.Objective{Kind: "volume", Measure: "AGO litres", Target: "100000"})
	if err != nil {
		t.Fatal(err)
	}
	o := got.Objective
	met := o
	met.Status = "met"
	d := atOnce(t, st, func(other *Desk) error {
		_, err := other.SaveObjective(bisi, "OKAF01", met)
		return err
	})
	o.Target = "120000"
	got, err = d.SaveObjective(ada, "OKAF01", o)
	if err != nil {
		t.Fatal(err)
	}
	if want := "objective #1 changed: target: 100000 → 120000; status: met → open"; got.Activity.Text != want {
		t.Errorf("entry %q, want %q", got.Activity.Text, want)
	}
}

// Two NPS scores of the same day at once: the second says it replaces
// the first's (it said nothing, as if it were the only one).
func TestSurveyAtOnce(t *testing.T) {
	st := contactBook(t)
	d := atOnce(t, st, func(o *Desk) error {
		_, err := o.AddSurvey(bisi, "OKAF01", domain.Survey{Kind: "nps", Score: 9})
		return err
	})
	got, err := d.AddSurvey(ada, "OKAF01", domain.Survey{Kind: "nps", Score: 7})
	if err != nil {
		t.Fatal(err)
	}
	if got.Replaced == nil || got.Replaced.Score != 9 || got.Activity.Text != "NPS 7 (replaces 9)" {
		t.Errorf("replaced %+v, entry %q", got.Replaced, got.Activity.Text)
	}
}

// Two payment plans agreed at once: the second is refused (an open plan),
// or with replace closes the first's: one open plan at the end (there
// were two).
func TestPlansAtOnce(t *testing.T) {
	st := contactBook(t)
	ins := func(amount string) []domain.Instalment {
		return []domain.Instalment{{Due: asOf.AddDays(7), Amount: decimal.RequireFromString(amount)}}
	}
	openPlans := func() []string {
		f, _ := st.LoadAccount("OKAF01")
		var out []string
		for _, p := range f.Plans {
			if p.Closed.IsZero() {
				out = append(out, p.Total().String())
			}
		}
		return out
	}
	d := atOnce(t, st, func(o *Desk) error {
		_, err := o.Plan(bisi, "OKAF01", ins("500000"), false, false)
		return err
	})
	if _, err := d.Plan(ada, "OKAF01", ins("600000"), false, false); !errors.Is(err, ErrOpenPlan) {
		t.Errorf("a second plan agreed at once: %v", err)
	}
	d = atOnce(t, st, func(o *Desk) error {
		_, err := o.Plan(bisi, "OKAF01", ins("700000"), true, false)
		return err
	})
	got, err := d.Plan(ada, "OKAF01", ins("800000"), true, false)
	if err != nil {
		t.Fatal(err)
	}
	if open := openPlans(); len(open) != 1 || open[0] != "800000" || got.Replaced == nil || got.Replaced.Total().String() != "700000" {
		t.Errorf("open plans %v, replaced %+v", open, got.Replaced)
	}
}

// A dispute raised twice at once on an invoice: the second is refused
// (both were acknowledged, the second writing over the first); a
// resolution racing another is refused, one credit note given.
func TestDisputesAtOnce(t *testing.T) {
	st := contactBook(t)
	d := atOnce(t, st, func(o *Desk) error {
		_, err := o.RaiseDispute(bisi, "OKAF01", DisputeRequest{Invoice: "INV-1", Reason: "price"})
		return err
	})
	if _, err := d.RaiseDispute(ada, "OKAF01", DisputeRequest{Invoice: "INV-1", Reason: "quantity"}); err == nil ||
		!strings.Contains(err.Error(), "already disputed") {
		t.Errorf("raised twice at once: %v", err)
	}
	f, _ := st.LoadAccount("OKAF01")
	if len(f.Disputes) != 1 || f.Disputes[0].Reason != "price" {
		t.Errorf("disputes %+v", f.Disputes)
	}
	d = atOnce(t, st, func(o *Desk) error {
		_, err := o.ResolveDispute(bisi, "OKAF01", Resolution{Invoice: "INV-1", Resolution: "agreed", Credit: decimal.NewFromInt(1000)})
		return err
	})
	if _, err := d.ResolveDispute(ada, "OKAF01", Resolution{Invoice: "INV-1", Resolution: "agreed too", Credit: decimal.NewFromInt(2000)}); err == nil ||
		!strings.Contains(err.Error(), "no open dispute") {
		t.Errorf("resolved twice at once: %v", err)
	}
	f, _ = st.LoadAccount("OKAF01")
	if len(f.Credits) != 1 || f.Credits[0].Amount.String() != "1000" || f.Disputes[0].Resolution != "agreed" {
		t.Errorf("credits %+v, dispute %+v", f.Credits, f.Disputes[0])
	}
}

// An escalation resolved twice at once: the second is refused (it wrote
// its resolution over the first's).
func TestEscalationResolvedAtOnce(t *testing.T) {
	st := teamBook(t)
	base := New(st, Options{AsOf: asOf})
	esc, err := base.Escalate(ada, "OKAF01", domain.Escalation{Category: "overdue", Severity: "high", To: "finance", Summary: "chase"}, false)
	if err != nil {
		t.Fatal(err)
	}
	id := esc.Escalation.ID
	d := atOnce(t, st, func(o *Desk) error {
		_, err := o.ResolveEscalation(bisi, "OKAF01", id, "paid in full")
		return err
	})
	if _, err := d.ResolveEscalation(ada, "OKAF01", id, "half paid"); err == nil || !strings.Contains(err.Error(), "already resolved") {
		t.Errorf("resolved twice at once: %v", err)
	}
	f, _ := st.LoadAccount("OKAF01")
	if x := f.Escalations[0]; x.Resolution != "paid in full" || x.ResolvedBy != "bisi" {
		t.Errorf("escalation %+v", x)
	}
}
