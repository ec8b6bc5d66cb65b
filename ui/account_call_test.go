package ui

import (
	"context"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/ui/internal/sample"
)

// Tests of issue 10, items 5–9 and 24: the account pane and the call form.
// Each drives the workstation over the sample book (as of Tue 17 Nov 2026)
// by its keys, without a program and without timing.

// openAccount opens ACC001 from the queue (its top item).
func openAccount(t *testing.T, w, h int) (*Model, func() string) {
	t.Helper()
	m, _ := loaded(t, w, h)
	press(m, "enter")
	if m.Current() != "Account" || accountOf(m).Code() != "ACC001" {
		t.Fatalf("enter on the queue opened %s %s", m.Current(), accountOf(m).Code())
	}
	return m, m.View
}

// Item 5: a row cursor on every tab; enter shows the whole entry; every
// contact's phone and email in a Contacts tab.
func TestAccountRowCursorAndDetail(t *testing.T) {
	long := "Spoke to the finance director about the August invoice: remittance advice promised by Thursday, " +
		"the transfer is waiting on a second signature from the group treasurer in Abuja, ask for the MT103."
	st := sample.Store()
	d := newDesk(st)
	if _, err := d.Note(store.WithAuthor(context.Background(), "ada"), "ACC001", "note", long, 0); err != nil {
		t.Fatal(err)
	}
	m := New(d, testOptions())
	drive(m, windowSize(120, 40), firstLoad(d)())
	// The note makes ACC001's items worked, so they leave the top of the
	// queue: open the account by its code.
	press(m, ":", "ACC001", "enter", "tab", "tab") // the account, its Activity tab
	v := m.View()
	if !strings.Contains(v, "Activity") || !strings.Contains(v, "▸ 17 Nov    note") {
		t.Fatalf("no cursor on the newest activity:\n%s", v)
	}
	if strings.Contains(v, "ask for the MT103") {
		t.Fatalf("the long note fits at 120 columns? the test needs a longer one:\n%s", v)
	}
	press(m, "j") // the cursor moves to the next row
	if v := m.View(); !strings.Contains(v, "▸ 03 Nov    call") {
		t.Fatalf("j did not move the cursor:\n%s", v)
	}
	press(m, "k", "enter")
	v = m.View()
	flat := strings.Join(strings.Fields(v), " ")
	if !strings.Contains(flat, long) || !strings.Contains(v, "What was said") || !strings.Contains(v, "esc or enter closes") {
		t.Fatalf("the detail does not show the whole entry:\n%s", v)
	}
	press(m, "esc")
	if m.Current() != "Account" || !strings.Contains(m.View(), "▸ 17 Nov    note") {
		t.Fatalf("esc closed more than the detail: %s\n%s", m.Current(), m.View())
	}
	// The recap of a promise is part of its entry.
	press(m, "j", "enter")
	if v := m.View(); !strings.Contains(v, "promised ₦4,200,000.00 by 10 Nov") {
		t.Fatalf("the promise's detail:\n%s", v)
	}
	press(m, "esc")

	// At 80×24 every contact's phone and email, whole, in the Contacts tab.
	m2, view := openAccount(t, 80, 24)
	press(m2, "shift+tab")
	v = view()
	for _, want := range []string{"[Contacts]", "Tunde Bakare", "+234 803 555 0101", "Ngozi Eze", "+234 803 555 0102", "ngozi@dangote-haulage.ng"} {
		if !strings.Contains(v, want) {
			t.Fatalf("the Contacts tab lacks %q:\n%s", want, v)
		}
	}
	press(m2, "j", "enter")
	if v := view(); !strings.Contains(v, "Email") || !strings.Contains(v, "ngozi@dangote-haulage.ng") || !strings.Contains(v, "Phone") {
		t.Fatalf("a contact's detail:\n%s", v)
	}
}

// Item 6: while the call form is open, at 80×24, the selected contact's
// phone and email, the overdue total, the oldest overdue invoice and the last
// promise; the contact shown follows the contact field.
func TestCallFormShowsTheAccount(t *testing.T) {
	m, _ := loaded(t, 80, 24)
	press(m, "c")
	v := m.View()
	for _, want := range []string{
		"☎ Ngozi Eze (finance, primary)", "+234 803 555 0102", "ngozi@dangote-haulage.ng",
		"Overdue ₦25,500,000.00",
		// INV-1001: due 31 Aug, 78 days before 17 Nov, ₦12M less the ₦5M paid.
		"oldest overdue: due 31 Aug, 78 days late, ₦7,000,000.00 owed",
		"last promise ₦4,200,000.00 due 10 Nov, broken",
	} {
		if !strings.Contains(v, want) {
			t.Fatalf("the call form lacks %q:\n%s", want, v)
		}
	}
	checkFits(t, v, 80, 24)
	press(m, "r", "tab", "down") // the contact field, the next contact
	if v := m.View(); !strings.Contains(v, "☎ Tunde Bakare (procurement) · +234 803 555 0101") {
		t.Fatalf("the contact shown does not follow the field:\n%s", v)
	}
}

// Item 7: the contact is one of the account's, or added explicitly with a
// phone; a typo is refused in the form and nothing is written.
func TestCallContactPickedOrAdded(t *testing.T) {
	m, st := loaded(t, 80, 24)
	press(m, "c", "r", "tab", "p", "enter") // "Ngozi Ezep"
	v := m.View()
	if !strings.Contains(v, "Ngozi Ezep is not a contact of ACC001") || m.form() == nil {
		t.Fatalf("a typo in the contact was not refused:\n%s", v)
	}
	if n := len(st.Recorded().Entries); n != 0 {
		t.Fatalf("%d calls written to a contact who is not one", n)
	}
	if !strings.Contains(v, "New contact ☎") {
		t.Fatalf("no way to add them:\n%s", v)
	}
	// The typo fixed, the call goes to the contact.
	press(m, "backspace", "enter")
	es := st.Recorded().Entries
	if len(es) != 1 || es[0].Activity.Contact != "Ngozi Eze" || es[0].Contact != nil {
		t.Fatalf("call to Ngozi Eze: %+v", es)
	}
	// A new contact: a name and a phone, added with the call.
	press(m, "2", "enter", "c", "r", "tab")
	for range "Ngozi Eze" {
		press(m, "backspace")
	}
	press(m, "Musa Garba", "enter")
	if v := m.View(); !strings.Contains(v, "Musa Garba is not a contact of ACC001") {
		t.Fatalf("a new name with no phone:\n%s", v)
	}
	press(m, "tab", "+234 802 000 1111", "enter")
	es = st.Recorded().Entries
	if len(es) != 2 || es[1].Activity.Contact != "Musa Garba" || es[1].Contact == nil || es[1].Contact.Phone != "+234 802 000 1111" {
		t.Fatalf("call with a new contact: %+v", es[len(es)-1])
	}
	f, err := st.LoadAccount("ACC001")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Contacts) != 3 {
		t.Fatalf("contacts after the call: %+v", f.Contacts)
	}
	if !strings.Contains(m.Status(), "new contact Musa Garba") {
		t.Fatalf("status %q", m.Status())
	}
}

// Item 8: an amount with thousands separators, echoed grouped as it is typed.
func TestCallAmountWithSeparators(t *testing.T) {
	m, st := loaded(t, 80, 24)
	press(m, "c", "p", "1,500,000")
	if v := m.View(); !strings.Contains(v, "→ ₦1,500,000.00") {
		t.Fatalf("no grouped echo of the amount:\n%s", v)
	}
	press(m, "tab", "fri", "enter")
	es := st.Recorded().Entries
	if len(es) != 1 || es[0].Promise == nil || !es[0].Promise.Amount.Equal(domain.M("1500000", "NGN").Amount) {
		t.Fatalf("promise of 1,500,000: %+v", es)
	}
	// A comma that may be a decimal comma is refused, the text kept.
	press(m, "2", "enter", "c", "p", "1,50", "tab", "fri", "enter")
	if v := m.View(); !strings.Contains(v, "a comma only separates thousands") || !strings.Contains(v, "1,50") {
		t.Fatalf("1,50 not refused in words:\n%s", v)
	}
}

// Item 9: the follow-up defaults, in the form and as saved.
func TestCallFollowUpDefaults(t *testing.T) {
	// A Friday promise is followed up on Monday, not Saturday.
	m, _ := loaded(t, 80, 24)
	press(m, "c", "p", "250000", "tab", "fri")
	if v := m.View(); !strings.Contains(v, "default Mon 23 Nov 2026") {
		t.Fatalf("the follow-up of a Friday promise:\n%s", v)
	}
	// A call back requested: the next working day (Wed 18 Nov), not a week.
	m, st := loaded(t, 80, 24)
	press(m, "c", "b", "enter")
	if es := st.Recorded().Entries; len(es) != 1 || es[0].Activity.NextFollow != domain.MustDate("2026-11-18") {
		t.Fatalf("call back: %+v", es)
	}
	// Reached on ACC005, whose ₦3.4M promise falls due tomorrow: that day.
	m, st = loaded(t, 80, 24)
	press(m, ":", "ACC005", "enter", "c", "r")
	if v := m.View(); !strings.Contains(v, "default Wed 18 Nov 2026") {
		t.Fatalf("reached with a promise due tomorrow:\n%s", v)
	}
	press(m, "enter")
	if es := st.Recorded().Entries; len(es) != 1 || es[0].Activity.NextFollow != domain.MustDate("2026-11-18") {
		t.Fatalf("reached with a promise due tomorrow: %+v", es)
	}
}

// Item 24: / in the account pane searches its lists: an invoice number, a
// word in a note; typing q there does not quit.
func TestAccountSearch(t *testing.T) {
	m, view := openAccount(t, 120, 40)
	press(m, "/", "inv-1002")
	v := view()
	if !strings.Contains(v, "INV-1002") || strings.Contains(v, "INV-1003") || !strings.Contains(v, "1 match in this tab") {
		t.Fatalf("searching an invoice number:\n%s", v)
	}
	press(m, "enter", "enter") // keep the search; the entry whole
	if v := view(); !strings.Contains(v, "₦18,500,000.00") || !strings.Contains(v, "Outstanding") || !strings.Contains(v, "esc or enter closes") {
		t.Fatalf("the found invoice's detail:\n%s", v)
	}
	press(m, "esc", "esc") // the detail, then the search
	if v := view(); !strings.Contains(v, "INV-1003") {
		t.Fatalf("esc did not clear the search:\n%s", v)
	}
	// A word in a note: the tab that holds it is shown.
	press(m, "/", "depot")
	v = view()
	if !strings.Contains(v, "[Activity 1]") || !strings.Contains(v, "Site visit, new depot in Apapa") || strings.Contains(v, "Will pay part") {
		t.Fatalf("searching a word in a note:\n%s", v)
	}
	press(m, "esc", "/", "quiet")
	if m.Current() != "Account" || !strings.Contains(view(), "quiet") {
		t.Fatalf("typing q in the search left the account: %s\n%s", m.Current(), view())
	}
}

// TestAccountHeaderLastAttempt (issue 10, item 3): a call that reached
// nobody is shown as the last attempt, apart from the last contact.
func TestAccountHeaderLastAttempt(t *testing.T) {
	st := sample.Store()
	d := newDesk(st)
	if _, err := d.LogCall(store.WithAuthor(context.Background(), "ada"), "ACC001", domain.Call{Outcome: "no-answer"}); err != nil {
		t.Fatal(err)
	}
	m := New(d, testOptions())
	drive(m, windowSize(160, 48), firstLoad(d)())
	press(m, ":", "ACC001", "enter")
	v := m.View()
	if !strings.Contains(v, "last attempt 17 Nov") || strings.Contains(v, "last contact 17 Nov") {
		t.Fatalf("the account header does not keep the attempt apart from the last contact:\n%s", v)
	}
}
