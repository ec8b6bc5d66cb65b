package ui

import (
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/domain/queue"
	"acctdesk/ui/internal/sample"
)

// i on an account (SPEC §10.3): a new service issue with its KPI and a step;
// i on an open issue of the escalations & issues tab puts it in progress
// and adds a step, then resolves it confirmed in writing, its recap kept
// (y shows it). Each write is the desk's, on the timeline. As of Tue 17 Nov.
func TestIssueForms(t *testing.T) {
	m, st := loaded(t, 80, 24)
	press(m, ":", "ACC005", "enter", "i")
	if v := m.View(); !strings.Contains(v, "Service issue · ACC005 Abuja Logistics Partners") || !strings.Contains(v, "q quality") {
		t.Fatalf("i did not open the issue form:\n%s", v)
	}
	// The kind is one key; the target only applies with a KPI.
	press(m, "q", "fri", "tab", "tab", "water", " ", "in", " ", "tank", "tab", "water", " ", "ppm", "tab", "under", " ", "200",
		"tab", "lab", " ", "test@+1")
	v := m.View()
	checkFits(t, v, 80, 24)
	if !strings.Contains(v, "→ Fri 20 Nov 2026") || !strings.Contains(v, "1. lab test · by Wed 18 Nov") {
		t.Fatalf("the form as typed:\n%s", v)
	}
	press(m, "enter")
	if s := m.Status(); !strings.Contains(s, "saved service issue on ACC005: quality, SLA Fri 20 Nov, 1 step") {
		t.Fatalf("status %q\n%s", s, m.View())
	}
	f, err := st.LoadAccount("ACC005")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Issues) != 2 {
		t.Fatalf("issues %+v", f.Issues)
	}
	s := f.Issues[1]
	if s.Kind != "quality" || s.SLADeadline != domain.MustDate("2026-11-20") || s.Owner != "ada" || s.Opened != sample.AsOf ||
		s.Summary != "water in tank" || s.KPI != "water ppm" || s.KPITarget != "under 200" ||
		len(s.Steps) != 1 || s.Steps[0].Text != "lab test" || s.Steps[0].Due != sample.AsOf+1 {
		t.Errorf("stored %+v", s)
	}

	// The escalations & issues tab: #52 (SLA today) first, then the new one and its step.
	press(m, "tab", "tab", "tab", "tab")
	v = m.View()
	checkFits(t, v, 80, 24)
	for _, want := range []string{"[Escalations]", "Service issues · i on an open one updates it", "52 late delivery  17 Nov    open",
		"quality", "step 1       18 Nov    to do", "lab test", "Credit · limit ₦20,000,000.00 · L decides", "No credit decisions"} {
		if !strings.Contains(v, want) {
			t.Fatalf("the tab lacks %q:\n%s", want, v)
		}
	}
	press(m, "i")
	if v := m.View(); !strings.Contains(v, "Service issue #52 · late delivery · open, SLA Tue 17 Nov") {
		t.Fatalf("i on #52:\n%s", v)
	}
	press(m, "p", "call", " ", "the", " ", "depot@tomorrow", "enter")
	if s := m.Status(); !strings.Contains(s, "saved service issue on ACC005: #52 in progress (was open); step 1 added: call the depot by 18 Nov 2026") {
		t.Fatalf("status %q\n%s", s, m.View())
	}
	// Resolved: the steps and KPI no longer apply; confirmed in writing (y).
	press(m, "i", "r")
	if v := m.View(); !strings.Contains(v, "1 [ ] call the depot · due Wed 18 Nov") || !strings.Contains(v, "In writing") {
		t.Fatalf("resolving #52:\n%s", v)
	}
	press(m, "rerouted", " ", "via", " ", "Kubwa", "tab", "y", "enter")
	if s := m.Status(); !strings.Contains(s, "saved service issue on ACC005 (y shows the recap): #52 resolved, confirmed in writing") {
		t.Fatalf("status %q\n%s", s, m.View())
	}
	f, _ = st.LoadAccount("ACC005")
	r := f.Issues[0]
	if r.ID != 52 || r.Status != domain.IssueResolved || r.ResolvedOn != sample.AsOf || !r.ConfirmedInWriting || r.Resolution != "rerouted via Kubwa" ||
		r.Steps[0].Text != "call the depot" || !strings.Contains(r.Recap, "Dear Halima Yusuf,") ||
		!strings.Contains(r.Recap, "Thank you for confirming in writing that this is resolved.") {
		t.Errorf("resolved %+v", r)
	}
	var kinds []string
	for _, a := range f.Activities {
		if a.Kind == domain.KindIssue || a.Kind == domain.KindIssueResolved {
			kinds = append(kinds, a.Kind)
		}
	}
	if strings.Join(kinds, " ") != "issue issue issue-resolved" {
		t.Errorf("timeline kinds %v", kinds)
	}
	press(m, "y")
	if v := m.View(); !strings.Contains(v, "Recap of the service issue on ACC005") || !strings.Contains(v, "It was resolved on Tuesday 17 November 2026: rerouted via Kubwa") {
		t.Errorf("y:\n%s", v)
	}
	// Resolved, #52 goes below the open #53 (its row and its step's): i on
	// it opens a new issue, there is nothing to update on it.
	press(m, "esc", "down", "down")
	if v := m.View(); !strings.Contains(v, "▸    52 late delivery") || !strings.Contains(v, "rerouted via Kubwa") ||
		!strings.Contains(v, "step 1       18 Nov    not done") {
		t.Fatalf("the tab after the resolution:\n%s", v)
	}
	press(m, "i")
	if v := m.View(); !strings.Contains(v, "Service issue · ACC005") {
		t.Errorf("i on a resolved issue:\n%s", v)
	}
}

// L on an account (SPEC §10.2): the credit form shows the utilisation now
// and after as it is typed; a cut over 100 % asks, enter confirms; the
// decision is stored marked so, the tab and the queue show it.
func TestCreditForm(t *testing.T) {
	m, st := loaded(t, 80, 24)
	press(m, ":", "ACC005", "enter", "L")
	// ACC005 owes 3,400,000 + 2,000,000 = 5,400,000 on a 20,000,000 limit: 27.0 %.
	v := m.View()
	if !strings.Contains(v, "Credit decision · ACC005") || !strings.Contains(v, "AR ₦5,400,000.00 · utilisation now 27.0 % of ₦20,000,000.00") ||
		!strings.Contains(v, "now ₦20,000,000.00") {
		t.Fatalf("L:\n%s", v)
	}
	// 5,400,000 × 100 ÷ 6,000,000 = 90.0 %: a warning.
	press(m, "6000000")
	if v := m.View(); !strings.Contains(v, "After: 90.0 % of ₦6,000,000.00 · at or over the 80 % warning") {
		t.Fatalf("6,000,000:\n%s", v)
	}
	// 5,400,000 × 100 ÷ 5,000,000 = 108.0 %: over.
	press(m, "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "5000000")
	v = m.View()
	checkFits(t, v, 80, 24)
	if !strings.Contains(v, "After: 108.0 % of ₦5,000,000.00 · over the 100 % breach threshold") || !strings.Contains(v, "Expires         —") {
		t.Fatalf("5,000,000:\n%s", v)
	}
	press(m, "enter")
	if v := m.View(); !strings.Contains(v, "! say why: a credit decision needs a reason") {
		t.Fatalf("no reason:\n%s", v)
	}
	press(m, "paying", " ", "late", "enter") // the refusal put the cursor in the reason
	if v := m.View(); !strings.Contains(v, "Unlikely: utilisation after the decision is 108.0 %, over the 100 % breach") || !strings.Contains(v, "enter saves it anyway") {
		t.Fatalf("over the breach:\n%s", v)
	}
	f, _ := st.LoadAccount("ACC005")
	if len(f.Decisions) != 0 {
		t.Fatalf("saved before confirming: %+v", f.Decisions)
	}
	press(m, "enter")
	if s := m.Status(); !strings.Contains(s, "saved credit decision on ACC005: limit ₦20,000,000.00 → ₦5,000,000.00 · utilisation 108.0 %") {
		t.Fatalf("status %q\n%s", s, m.View())
	}
	f, _ = st.LoadAccount("ACC005")
	if len(f.Decisions) != 1 || !f.Decisions[0].ConfirmedOver || f.Decisions[0].ApprovedBy != "ada" || !f.Account.CreditLimit.Equal(amount("5000000")) {
		t.Fatalf("stored %+v, limit %s", f.Decisions, f.Account.CreditLimit)
	}
	press(m, "tab", "tab", "tab", "tab")
	v = m.View()
	if !strings.Contains(v, "Credit · limit ₦5,000,000.00 · L decides") || !strings.Contains(v, "17 Nov    limit     ₦20.0M → ₦5.0M           108.0 % !") {
		t.Errorf("the tab after the decision:\n%s", v)
	}
	// An overdraft: its expiry applies once an amount is typed.
	press(m, "L", "tab", "1000000")
	if v := m.View(); !strings.Contains(v, "the overdraft's last day") {
		t.Fatalf("overdraft:\n%s", v)
	}
	// 5,400,000 × 100 ÷ (5,000,000 + 1,000,000) = 90.0 %.
	press(m, "tab", "+30", "tab", "season", "tab", "backspace", "backspace", "backspace", "cfo", "enter")
	f, _ = st.LoadAccount("ACC005")
	if od := f.Account.Overdraft; !od.Amount.Equal(amount("1000000")) || od.Expires != sample.AsOf+30 || od.ApprovedBy != "cfo" || len(f.Decisions) != 2 {
		t.Fatalf("overdraft %+v, decisions %+v\n%s", od, f.Decisions, m.View())
	}
	// The breach is on the queue for the cut (the overdraft brought it back to 90 %: a warning).
	found := false
	for _, it := range m.view.Queue {
		found = found || (it.Account == "ACC005" && it.Reason == queue.CreditWarning)
	}
	if !found {
		t.Errorf("no credit-warning on ACC005 at 90 %%")
	}
}
