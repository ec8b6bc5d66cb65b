package ui

import (
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/ui/internal/sample"

	"github.com/shopspring/decimal"
)

// The payment plan form (SPEC §9.2, issue 13): P on the account pane; a total,
// a count and an interval fill the instalments, previewed; enter saves
// through the desk; the recap is kept on the timeline entry and y shows it;
// the Plans tab shows each instalment's status. As of Tue 17 Nov 2026.
func TestPlanFormSaves(t *testing.T) {
	m, st := loaded(t, 80, 24)
	press(m, ":", "ACC001", "enter")
	if m.Current() != "Account" {
		t.Fatalf("not on the account: %s", m.Current())
	}
	press(m, "P")
	if !strings.Contains(m.View(), "Payment plan · ACC001") {
		t.Fatalf("P did not open the plan form:\n%s", m.View())
	}
	// ₦1,000,000.00 in 3, fortnightly from Fri 20 Nov: 333,333.33 on 20 Nov and
	// 4 Dec, the remainder 333,333.34 on 18 Dec (20 + 14 = 34 − 30 = 4 Dec; + 14 = 18 Dec).
	press(m, "1000000", "tab", "3", "tab", "f", "fri")
	v := m.View()
	for _, want := range []string{"Preview · 3 fortnightly instalments · total ₦1,000,000.00",
		"1  Fri 20 Nov              ₦333,333.33", "2  Fri 4 Dec               ₦333,333.33", "3  Fri 18 Dec              ₦333,333.34"} {
		if !strings.Contains(v, want) {
			t.Fatalf("the preview lacks %q:\n%s", want, v)
		}
	}
	press(m, "enter")
	if s := m.Status(); !strings.Contains(s, "saved plan on ACC001 (y shows the recap): ₦1,000,000.00 in 3 instalments from Fri 20 Nov") {
		t.Fatalf("status %q", s)
	}
	f, err := st.LoadAccount("ACC001")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Plans) != 1 {
		t.Fatalf("plans: %+v", f.Plans)
	}
	p := f.Plans[0]
	want := []domain.Instalment{{Due: domain.MustDate("2026-11-20"), Amount: amount("333333.33")},
		{Due: domain.MustDate("2026-12-04"), Amount: amount("333333.33")}, {Due: domain.MustDate("2026-12-18"), Amount: amount("333333.34")}}
	if p.Agreed != sample.AsOf || p.Stamp.By != "ada" || len(p.Instalments) != 3 {
		t.Fatalf("stored plan %+v", p)
	}
	for i := range want {
		if p.Instalments[i].Due != want[i].Due || !p.Instalments[i].Amount.Equal(want[i].Amount) {
			t.Errorf("instalment %d: %+v, want %+v", i+1, p.Instalments[i], want[i])
		}
	}
	var entry *domain.Activity
	for i := range f.Activities {
		if f.Activities[i].Kind == domain.KindPlan {
			entry = &f.Activities[i]
		}
	}
	if entry == nil || entry.Recap != domain.PlanRecap(f, p, nil, "Ngozi Eze", "ada") ||
		!strings.Contains(entry.Recap, "Dear Ngozi Eze,") || !strings.Contains(entry.Recap, "  3. Friday 18 December 2026: ₦333,333.34") {
		t.Fatalf("the plan's timeline entry and recap: %+v", entry)
	}
	press(m, "y")
	if v := m.View(); !strings.Contains(v, "Recap of the plan on ACC001") || !strings.Contains(v, "will pay") ||
		!strings.Contains(v, "₦1,000,000.00 in 3 instalments:") {
		t.Fatalf("y does not show the plan's recap:\n%s", v)
	}
	press(m, "esc", "tab", "tab")
	if v := m.View(); !strings.Contains(v, "plan") || !strings.Contains(v, "▸ 17 Nov    plan                    Ngozi Eze      ada        [recap] Payment p") {
		t.Fatalf("the Activity tab does not show the plan's entry:\n%s", v)
	}
	press(m, "tab")
	if v := m.View(); !strings.Contains(v, "Payment plan #") || !strings.Contains(v, "open · agreed 17 Nov · 3 instalments · ₦1,000,000.00") ||
		strings.Count(v, "pending") != 3 {
		t.Fatalf("the Promises tab does not show the plan, every instalment pending:\n%s", v)
	}
}

// On ACC003, whose plan #30 is open, the form says it replaces it; the
// instalments typed by hand win over the split; the desk's refusal of a
// date before today shows at the field, and nothing is saved.
func TestPlanFormReplacesByHand(t *testing.T) {
	m, st := loaded(t, 80, 24)
	press(m, ":", "ACC003", "enter", "P")
	if v := m.View(); !strings.Contains(v, "Replaces plan #30 agreed 01 Sep (CFA 25,000,000), kept closed") {
		t.Fatalf("the form does not say it replaces plan #30:\n%s", v)
	}
	press(m, "tab", "tab", "tab", "tab", "5000000@2026-11-16, 20000000@+30")
	press(m, "enter")
	if v := m.View(); !strings.Contains(v, "the date is before today") {
		t.Fatalf("a date before today is not refused at the field:\n%s", v)
	}
	if f, _ := st.LoadAccount("ACC003"); len(f.Plans) != 1 {
		t.Fatalf("a refused plan was stored: %+v", f.Plans)
	}
	for range len("5000000@2026-11-16, 20000000@+30") {
		press(m, "backspace")
	}
	// 5,000,000 on Fri 20 Nov and 20,000,000 on Thu 17 Dec (+30): CFA 25,000,000,
	// above what ACC003 owes (25,000,000 − 5,000,000 paid = 20,000,000): the
	// preview says so, the first enter asks, the second saves.
	press(m, "5000000@fri 20000000@+30")
	if v := m.View(); !strings.Contains(v, "Preview · 2 instalments typed by hand · total CFA 25,000,000") ||
		!strings.Contains(v, "Above the outstanding CFA 20,000,000: saving asks to confirm") {
		t.Fatalf("the preview of the instalments typed by hand:\n%s", m.View())
	}
	press(m, "enter")
	if v := m.View(); !strings.Contains(v, "Unlikely: the plan's total CFA 25,000,000 is more than") ||
		!strings.Contains(v, "enter saves it anyway") {
		t.Fatalf("a plan above the outstanding is not questioned:\n%s", v)
	}
	if f, _ := st.LoadAccount("ACC003"); len(f.Plans) != 1 {
		t.Fatalf("an unconfirmed plan was stored: %+v", f.Plans)
	}
	press(m, "enter")
	if s := m.Status(); !strings.Contains(s, "saved plan on ACC003") || !strings.Contains(s, "replacing plan #30") {
		t.Fatalf("status %q", s)
	}
	f, _ := st.LoadAccount("ACC003")
	if len(f.Plans) != 2 {
		t.Fatalf("plans: %+v", f.Plans)
	}
	open := domain.OpenPlan(f.Plans, sample.AsOf)
	if open == nil || open.ID == 30 || len(open.Instalments) != 2 || open.Instalments[1].Due != domain.MustDate("2026-12-17") {
		t.Fatalf("the open plan: %+v", open)
	}
	for _, p := range f.Plans {
		if p.ID == 30 && p.Closed != sample.AsOf {
			t.Errorf("plan #30 is not kept closed: %+v", p)
		}
	}
}

func amount(s string) decimal.Decimal { return decimal.RequireFromString(s) }
