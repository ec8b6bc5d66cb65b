package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"acctdesk/demo"
	"acctdesk/desk"
	"acctdesk/domain"
	dq "acctdesk/domain/queue"
	"acctdesk/store"
	"acctdesk/store/memstore"
	"acctdesk/ui/internal/sample"
)

// firstUnworked is the first item listed that nothing was done on today.
func firstUnworked(m *Model) dq.Item {
	for _, it := range queueOf(m).Items() {
		if !it.Worked() {
			return it
		}
	}
	return dq.Item{}
}

// rowOf is the queue's line on screen that shows an item of code whose text
// holds want, or "".
func rowOf(m *Model, code, want string) string {
	for _, l := range strings.Split(queueOf(m).View(), "\n") {
		if strings.Contains(l, " "+code+" ") && strings.Contains(l, want) {
			return l
		}
	}
	return ""
}

// Issue 10, item 1: two items leave at once and the cursor still lands on
// the highest-ranked item nobody has worked. `c n enter` on ACC001's broken
// promise, then `c r enter` on the new #1, ACC003's missed instalment: the
// call takes ACC003's overdue (the next row) off the list and leaves its
// other items worked, below. The cursor goes to ACC002's overdue, the new
// top item — not to whatever took the place of the row that left.
func TestQueueCursorToTopUnworked(t *testing.T) {
	m, _ := loaded(t, 100, 30)
	press(m, "c", "n", "enter")
	if _, k := queueOf(m).Selected(); k != "plan-missed:ACC003:30:1" {
		t.Fatalf("after the first call the cursor is on %s", k)
	}
	press(m, "c", "r", "enter")
	keys := keysOf(m)
	if contains(keys, "overdue:ACC003:5:2026-11-14") {
		t.Fatal("ACC003's overdue is still listed after a call that reached them")
	}
	want := firstUnworked(m)
	if want.Key != "overdue:ACC002:2:2026-11-01" || keys[0] != want.Key {
		t.Fatalf("the top unworked item is %s (list %v)", want.Key, keys)
	}
	if _, k := queueOf(m).Selected(); k != want.Key {
		t.Fatalf("cursor on %s, want the top unworked item %s", k, want.Key)
	}
	// And after every kind of save: a note, an escalation, done, snooze, a follow-up.
	for _, ks := range [][]string{
		{"n", "asked for the statement", "enter"},
		{"e", "o", "2", "f", "chase the remittance", "enter"},
		{"d"},
		{"z", "enter"},
		{"f", "tab", "call the MD", "enter"},
	} {
		press(m, ks...)
		if m.form() != nil {
			t.Fatalf("%v: the form stayed open: %s", ks, m.Status())
		}
		want := firstUnworked(m)
		if _, k := queueOf(m).Selected(); k != want.Key || want.Key == "" {
			t.Fatalf("%v: cursor on %s, want the top unworked item %s", ks, k, want.Key)
		}
	}
}

// Issue 10, item 2: an item worked today but still listed is marked with
// what was done, ranked below every unworked item, and counted as handled
// when the work answers its reason. An escalation on ACC002's credit breach
// answers it; a note on ACC005's promise due does not.
func TestQueueWorkedItemsMarked(t *testing.T) {
	m, _ := loaded(t, 120, 40)
	// Put the cursor on ACC002's credit breach and escalate it.
	for it, _ := queueOf(m).SelectedItem(); it.Reason != dq.CreditBreach; it, _ = queueOf(m).SelectedItem() {
		press(m, "j")
	}
	press(m, "e", "b", "3", "f", "over the limit for five weeks", "enter")
	if got := title(m); !strings.Contains(got, "27 to act on · 1 of 27 handled today") {
		t.Fatalf("after the escalation: %q", got)
	}
	items := queueOf(m).Items()
	var breach dq.Item
	seenWorked := false
	for _, it := range items {
		if it.Worked() {
			seenWorked = true
		} else if seenWorked {
			t.Fatalf("unworked %s listed below a worked item", it.Key)
		}
		if it.Reason == dq.CreditBreach {
			breach = it
		}
	}
	if !breach.Handled() || breach.Work.What != "escalated to finance" {
		t.Fatalf("the breach: %+v", breach.Work)
	}
	// ACC002's other items (its overdue, its stale contact) are worked, not handled.
	if row := rowOf(m, "ACC002", "✓ escalated to finance · over"); row == "" {
		t.Fatalf("the breach's row does not say it was handled:\n%s", queueOf(m).View())
	}
	if row := rowOf(m, "ACC002", "• escalated to finance · overdue"); row == "" {
		t.Fatalf("ACC002's overdue does not say it was worked:\n%s", queueOf(m).View())
	}
	// A note on the promise due: worked, not handled; the counter stays.
	press(m, "home")
	for it, _ := queueOf(m).SelectedItem(); it.Reason != dq.PromiseDue; it, _ = queueOf(m).SelectedItem() {
		press(m, "j")
	}
	press(m, "n", "they confirm the transfer for tomorrow", "enter")
	if got := title(m); !strings.Contains(got, "1 of 27 handled today") {
		t.Fatalf("a note counted as handling a promise due: %q", got)
	}
	if row := rowOf(m, "ACC005", "• note added · promise due tomorrow"); row == "" {
		t.Fatalf("the promise due does not say a note was added:\n%s", queueOf(m).View())
	}
	// The footer of a worked item says so.
	press(m, "end")
	if v := queueOf(m).View(); !strings.Contains(v, "worked today") && !strings.Contains(v, "handled today: ") {
		t.Fatalf("footer:\n%s", v)
	}
}

// Issue 10, item 2: d says what it did, u takes back the last done or
// snooze and puts the cursor on the item again, Z lists the done and
// snoozed items and u there takes back the selected one.
func TestQueueUndoAndMarksList(t *testing.T) {
	m, st := loaded(t, 100, 30)
	clock := time.Date(2026, 11, 17, 9, 0, 0, 0, time.UTC)
	st.Now = func() time.Time { clock = clock.Add(time.Minute); return clock } // the marks' order
	_, first := queueOf(m).Selected()
	press(m, "d")
	if s := m.Status(); !strings.Contains(s, "✓ Marked done (u undoes): ACC001 broken promise, due 10 Nov, off the queue until it arises anew") {
		t.Fatalf("d says %q", s)
	}
	_, second := queueOf(m).Selected()
	press(m, "z", "enter")
	if contains(keysOf(m), first) || contains(keysOf(m), second) {
		t.Fatal("done and snoozed items still listed")
	}
	press(m, "Z")
	if !queueOf(m).Marking() {
		t.Fatal("Z did not open the list of done and snoozed items")
	}
	v := queueOf(m).View()
	if got := keysOf(m); len(got) != 2 || got[0] != second || got[1] != first {
		t.Fatalf("Z lists %v, want %s then %s (newest first)", got, second, first)
	}
	if !strings.Contains(v, "Done and snoozed · everyone's · 2 items") || !strings.Contains(v, "snoozed until 18 Nov by ada") || !strings.Contains(v, "done by ada") {
		t.Fatalf("Z:\n%s", v)
	}
	press(m, "Z")
	// u: the snooze, the newest, comes back first, with the cursor on it.
	press(m, "u")
	if s := m.Status(); !strings.Contains(s, "Undone: snooze until 18 Nov on ACC003") {
		t.Fatalf("u says %q", s)
	}
	if !contains(keysOf(m), second) || contains(keysOf(m), first) {
		t.Fatalf("after u: %v", keysOf(m))
	}
	if _, k := queueOf(m).Selected(); k != second {
		t.Fatalf("cursor on %s, want the item put back %s", k, second)
	}
	// In Z's list, u takes back the selected one; esc goes back to the
	// queue, the cursor on the item put back.
	press(m, "Z", "u")
	if s := m.Status(); !queueOf(m).Marking() || len(keysOf(m)) != 0 || !strings.Contains(s, "Undone: done on ACC001 broken promise, due 10 Nov · back in the queue") {
		t.Fatalf("u in Z's list: %v, %q", keysOf(m), s)
	}
	press(m, "esc")
	if queueOf(m).Marking() || !contains(keysOf(m), first) {
		t.Fatalf("after u in Z's list: marking %v, %v", queueOf(m).Marking(), keysOf(m))
	}
	if _, k := queueOf(m).Selected(); k != first {
		t.Fatalf("cursor on %s, want %s", k, first)
	}
	press(m, "u")
	if s := m.Status(); !strings.Contains(s, "Nothing to undo") {
		t.Fatalf("u with nothing to undo says %q", s)
	}
	// The store keeps decisions: the undone marks hide nothing.
	for _, mk := range st.Recorded().Marks[2:] {
		if mk.Done || mk.Until != sample.AsOf {
			t.Fatalf("undo wrote %+v", mk)
		}
	}
	press(m, "?")
	if v := m.View(); !strings.Contains(v, "undo last done/snooze") || !strings.Contains(v, "done and snoozed items") {
		t.Fatalf("help:\n%s", v)
	}
}

// Issue 10, item 3: an unanswered call is an attempt, not contact: ACC002's
// overdue and stale-contact items stay (worked), and the detail line shows
// the last contact and the later attempt apart.
func TestQueueAttemptIsNotContact(t *testing.T) {
	m, _ := loaded(t, 120, 40)
	for it, _ := queueOf(m).SelectedItem(); it.Account != "ACC002" || it.Reason != dq.Overdue; it, _ = queueOf(m).SelectedItem() {
		press(m, "j")
	}
	before := m.view.Summary("ACC002").LastContact
	press(m, "c", "n", "enter")
	var overdue, stale dq.Item
	for _, it := range queueOf(m).Items() {
		if it.Account == "ACC002" && it.Reason == dq.Overdue {
			overdue = it
		}
		if it.Account == "ACC002" && it.Reason == dq.StaleContact {
			stale = it
		}
	}
	if overdue.Key == "" || stale.Key == "" {
		t.Fatalf("an unanswered call cleared ACC002's overdue or stale contact: %v", keysOf(m))
	}
	if overdue.Work.What != "called (no answer)" || overdue.Handled() || stale.Handled() {
		t.Fatalf("work %+v / %+v", overdue.Work, stale.Work)
	}
	if s := m.view.Summary("ACC002"); s.LastContact != before || s.LastAttempt != sample.AsOf {
		t.Fatalf("last contact %s (was %s), last attempt %s", s.LastContact, before, s.LastAttempt)
	}
	for queueOf(m).SelectedItem(); ; press(m, "j") {
		if it, _ := queueOf(m).SelectedItem(); it.Key == stale.Key {
			break
		}
	}
	if v := queueOf(m).View(); !strings.Contains(v, "no contact for 42 days · last contact "+strings.TrimSpace(before.Format("02 Jan"))+" · last attempt 17 Nov") {
		t.Fatalf("detail line:\n%s", v)
	}
	// A call that reached them clears both.
	press(m, "c", "r", "enter")
	for _, it := range queueOf(m).Items() {
		if it.Account == "ACC002" && (it.Reason == dq.Overdue || it.Reason == dq.StaleContact) {
			t.Fatalf("%s still listed after a call that reached them", it.Key)
		}
	}
}

// Issue 10, item 4: at 120 columns the Why column has the room (Name takes
// at most 20) and does not repeat the amount At stake shows; the filter
// finds items by their reason.
func TestQueueWhyHasTheRoom(t *testing.T) {
	m, _ := loaded(t, 120, 40)
	v := queueOf(m).View()
	for _, want := range []string{
		"over the limit: utilisation 112 % since 10 Oct", // whole
		"plan instalment 2 of 3 missed, due 1 Nov",
		"high escalation to legal late since 10 Nov",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("Why %q cut or missing:\n%s", want, v)
		}
	}
	header := strings.Split(v, "\n")[1]
	if i, j := strings.Index(header, "Name"), strings.Index(header, "Why"); j-i > 21 {
		t.Errorf("Name takes %d columns:\n%s", j-i-1, header)
	}
	if row := rowOf(m, "ACC001", "broken promise"); row == "" || strings.Contains(row, "4,200,000") || !strings.Contains(row, "₦4.2M") {
		t.Errorf("the row repeats the amount or lost it: %q", row)
	}
	// The detail line keeps the full sentence.
	if !strings.Contains(v, "broken promise ₦4,200,000.00 due 10 Nov") {
		t.Errorf("detail line:\n%s", v)
	}
	// Filter by reason.
	press(m, "/", "promise")
	var got []string
	for _, it := range queueOf(m).Items() {
		got = append(got, it.Reason)
	}
	if len(got) != 2 || got[0] != dq.BrokenPromise || got[1] != dq.PromiseDue {
		t.Fatalf("/promise: %v", got)
	}
	press(m, "esc", "/", "overdue")
	n := 0
	for _, it := range queueOf(m).Items() {
		if it.Reason != dq.Overdue {
			t.Fatalf("/overdue lists %s", it.Key)
		}
		n++
	}
	if n != 5 {
		t.Fatalf("/overdue: %d items, want the 5 overdue", n)
	}
	// Codes and names still match as before.
	press(m, "esc", "/", "lekki")
	for _, it := range queueOf(m).Items() {
		if it.Account != "ACC010" {
			t.Fatalf("/lekki lists %s", it.Key)
		}
	}
}

// Issue 10, item 21 (part): a brand-new demo's queue starts at 0 handled.
func TestQueueFreshDemoStartsAtZero(t *testing.T) {
	for _, asOf := range []domain.Date{sample.AsOf, sample.AsOf.AddDays(2), sample.AsOf.AddDays(3)} {
		st := memstore.From(sample.Settings(), nil)
		ctx := store.WithAuthor(context.Background(), "demo")
		if err := demo.Generate(demo.Options{AsOf: asOf}, func(b *store.Batch) error {
			_, err := st.Apply(ctx, b)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		opt := testOptions()
		opt.AsOf, opt.Today = asOf, asOf
		m := New(desk.New(st, desk.Options{AsOf: asOf}), opt)
		drive(m, windowSize(120, 40), firstLoad(m.c.Desk)())
		n := len(queueOf(m).Items())
		if got := title(m); n == 0 || !strings.Contains(got, " to act on · 0 of ") {
			t.Fatalf("as of %s: %q (%d items)", asOf, got, n)
		}
	}
}

// TestQueueCursorToTopUnworkedWhenGrouped (issue 10, item 1): grouped by
// reason, after a save the cursor still goes to the highest-ranked item
// not yet worked, not to the first unworked row shown.
func TestQueueCursorToTopUnworkedWhenGrouped(t *testing.T) {
	m, _ := loaded(t, 120, 40)
	press(m, "g", "c", "n", "enter") // grouped by reason, a call on the first row shown
	var want *dq.Item
	for _, it := range queueOf(m).Items() {
		if !it.Worked() && (want == nil || dq.Compare(it, *want) < 0) {
			want = &it
		}
	}
	if _, k := queueOf(m).Selected(); want == nil || k != want.Key {
		t.Fatalf("after a save in the grouped queue the cursor is on %s, want the top unworked item %v", k, want)
	}
}

// TestQueueFilterByReasonWord (issue 10, item 4): "/promise" lists the
// items whose reason is about a promise, not an account whose name holds
// the letters p-r-o-m-i-s-e in order.
func TestQueueFilterByReasonWord(t *testing.T) {
	st := sample.Store()
	// An overdue account whose name holds p-r-o-m-i-s-e in order.
	b := &store.Batch{Accounts: []store.Rec[domain.Account]{{V: domain.Account{Code: "PHMS01", Name: "Port Harcourt Marine Services",
		Tier: 1, Owner: "Bola Ade", Status: domain.StatusActive, Terms: "term", TermsDays: 30, Currency: "NGN"}}},
		Invoices: []store.Rec[domain.Invoice]{{V: domain.Invoice{Account: "PHMS01", Number: "PH-1", Issued: sample.AsOf.AddDays(-60),
			Due: sample.AsOf.AddDays(-30), Amount: domain.M("1000000", "NGN").Amount, Currency: "NGN"}}}}
	if _, err := st.Apply(store.WithAuthor(context.Background(), "ada"), b); err != nil {
		t.Fatal(err)
	}
	m := loadedWith(t, 120, 40, st, testOptions())
	press(m, "/", "promise", "enter")
	items := queueOf(m).Items()
	if len(items) == 0 {
		t.Fatal("/promise lists nothing")
	}
	for _, it := range items {
		if !strings.Contains(it.Reason+" "+it.Why, "promise") {
			t.Errorf("/promise lists %s %s (%s)", it.Account, it.Reason, it.Why)
		}
	}
}
