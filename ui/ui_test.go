package ui

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/memstore"
	"acctdesk/ui/components"
	"acctdesk/ui/internal/sample"
)

// start runs the workstation on a desk at a fixed size, with the desk's
// watcher running as the command line runs it, and waits until the book is
// shown.
func start(t *testing.T, d *desk.Desk, w, h int, opt Options) *teatest.TestModel {
	t.Helper()
	ctx, stop := context.WithCancel(context.Background())
	t.Cleanup(stop)
	go d.Watch(ctx)
	tm := teatest.NewTestModel(t, New(d, opt), teatest.WithInitialTermSize(w, h))
	waitOutput(t, tm, "handled today") // the queue's title, once the book and the day's progress are in
	return tm
}

func waitOutput(t *testing.T, tm *teatest.TestModel, s string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
		teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

func send(tm *teatest.TestModel, seq ...string) {
	for _, k := range keys(seq...) {
		tm.Send(k)
	}
}

func final(t *testing.T, tm *testing.T, m *teatest.TestModel) *Model {
	t.Helper()
	if err := m.Quit(); err != nil {
		t.Fatal(err)
	}
	fm := m.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
	// The program is over: the test drives the model by hand from here on,
	// as the desk's watcher and the subscription would (drive).
	fm.unsubscribe()
	fm.events = nil
	return fm
}

// waitStore polls the store until cond holds of what it recorded.
func waitStore(t *testing.T, st *memstore.Store, cond func(r memstore.Recorded) bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if cond(st.Recorded()) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the store never got the expected write")
}

// TestGolden keeps a golden View() of each pane at 80×24 and 160×48.
// Regenerate with: go test ./ui -run TestGolden -update
func TestGolden(t *testing.T) {
	type step struct {
		keys   []string
		marker string // text on screen once the keys took effect
	}
	k := func(marker string, ks ...string) step { return step{ks, marker} }
	panes := []struct {
		name  string
		steps []step
	}{
		{"queue", nil},
		{"book", []step{k("Book ·", "2")}},
		{"aging", []step{k("Aging as of", "3")}},
		{"account", []step{k("Book ·", "2"), k("Contacts:", "enter")}},
		{"account_activity", []step{k("Book ·", "2"), k("Contacts:", "enter"), k("What was said", "tab", "tab")}},
		{"account_promises", []step{k("Book ·", "2", "j", "j"), k("Contacts:", "enter"), k("Payment plan #30", "tab", "tab", "tab")}},
		{"call_form", []step{k("Fri 20 Nov 2026", "c", "p", "250000", "tab", "fri")}},
		{"escalation_form", []step{k("Summary", "e", "o", "3")}},
		// P on ACC001: ₦1,000,000.00 in 3 monthly from Fri 20 Nov, previewed.
		{"plan_form", []step{k("Book ·", "2"), k("Contacts:", "enter"), k("Payment plan ·", "P"),
			k("Wed 20 Jan 2027", "1000000", "tab", "3", "tab", "m", "fri")}},
		// R on ACC001: its reminder letter previewed over the tabs.
		{"account_reminder", []step{k("Book ·", "2"), k("Contacts:", "enter"), k("enter or w writes it", "R")}},
		{"help", []step{k("Keys ·", "?")}},
		{"queue_grouped", []step{k("group: reason", "g")}},
		{"queue_by_owner", []step{k("group: owner", "g", "g")}},
		{"followup_form", []step{k("Schedule a follow-up", "f")}},
		{"recap", []step{k("(y shows the recap)", "c", "p", "250000", "tab", "fri", "enter"), k("copied · esc closes", "y")}},
		{"account_past", []step{k("Aging as of Sat 17 Oct", "3", "<"), k("not Tue 17 Nov", "enter")}},
		{"aging_forecast", []step{k("Aging as of", "3"), k("(the aging's)", "w")}},
	}
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		for _, p := range panes {
			if size[0] == 160 && strings.Contains(p.name, "_") {
				continue // the extra screens at one size only
			}
			t.Run(fmt.Sprintf("%s_%dx%d", p.name, size[0], size[1]), func(t *testing.T) {
				tm := start(t, newDesk(sample.Store()), size[0], size[1], testOptions())
				for _, st := range p.steps {
					send(tm, st.keys...)
					waitOutput(t, tm, st.marker)
				}
				m := final(t, nil, tm)
				view := m.View()
				checkFits(t, view, size[0], size[1])
				golden.RequireEqual(t, []byte(view))
			})
		}
	}
}

// checkFits asserts the screen is exactly h lines of exactly w cells.
func checkFits(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("%d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if n := width(l); n != w {
			t.Fatalf("line %d is %d cells wide, want %d: %q", i+1, n, w, l)
		}
	}
}

// `c n enter` logs an unanswered call with tomorrow's follow-up, to the
// primary finance contact, and the queue moves to the next item.
func TestCallNoAnswer(t *testing.T) {
	st := sample.Store()
	tm := start(t, newDesk(st), 80, 24, testOptions())
	send(tm, "c", "n", "enter")
	waitStore(t, st, func(r memstore.Recorded) bool { return len(r.Entries) == 1 })
	waitOutput(t, tm, "2 of 27 handled today")
	m := final(t, nil, tm)

	entries := st.Recorded().Entries
	a := entries[0].Activity
	if a.Account != "ACC001" || a.Kind != "call" || a.Outcome != "no-answer" {
		t.Fatalf("logged %+v", a)
	}
	if want := domain.MustDate("2026-11-18"); a.NextFollow != want {
		t.Fatalf("next follow-up %s, want tomorrow %s", a.NextFollow, want)
	}
	if a.On != sample.AsOf || a.Contact != "Ngozi Eze" || a.Stamp.By != "ada" {
		t.Fatalf("on %s contact %q by %q", a.On, a.Contact, a.Stamp.By)
	}
	if entries[0].Promise != nil {
		t.Fatal("a no-answer call carries no promise")
	}
	if !strings.Contains(m.Status(), "✓ 09:30 saved call on ACC001: no answer, next Wed 18 Nov") {
		t.Fatalf("status %q", m.Status())
	}
	// The call answered the broken promise; the cursor went on to the next item.
	if code, key := queueOf(m).Selected(); code != "ACC003" || !strings.HasPrefix(key, "plan-missed:") {
		t.Fatalf("cursor on %s %s after the save, want the next item (ACC003 plan)", code, key)
	}
	if m.form() != nil {
		t.Fatal("the form stayed open")
	}
	// The call answered the broken promise and the follow-up due since 11 Nov.
	if v := m.View(); !strings.Contains(v, "Queue · everyone's · 25 to act on · 2 of 27 handled today") {
		t.Fatalf("progress:\n%s", v)
	}
}

// `c p 250000 tab fri enter` logs a promise of 250000 due the next Friday.
func TestCallPromise(t *testing.T) {
	st := sample.Store()
	tm := start(t, newDesk(st), 80, 24, testOptions())
	send(tm, "c", "p", "250000", "tab", "fri", "enter")
	waitStore(t, st, func(r memstore.Recorded) bool { return len(r.Entries) == 1 })
	waitOutput(t, tm, "saved call")
	m := final(t, nil, tm)

	entries := st.Recorded().Entries
	e := entries[0]
	if e.Activity.Outcome != "promise" || e.Promise == nil {
		t.Fatalf("logged %+v", e)
	}
	p := e.Promise
	if !p.Amount.Equal(domain.M("250000", "NGN").Amount) || p.Currency != "NGN" {
		t.Fatalf("promise %s %s", p.Amount, p.Currency)
	}
	// 17 Nov 2026 is a Tuesday: the next Friday is 20 Nov.
	if want := domain.MustDate("2026-11-20"); p.DueOn != want || p.GivenOn != sample.AsOf {
		t.Fatalf("promise given %s due %s, want due %s", p.GivenOn, p.DueOn, want)
	}
	// The day after the promised Friday is a Saturday: Monday (issue 10 item 9).
	if want := domain.MustDate("2026-11-23"); e.Activity.NextFollow != want {
		t.Fatalf("next follow-up %s, want the working day after the promised date %s", e.Activity.NextFollow, want)
	}
	if !strings.Contains(m.Status(), "saved call on ACC001 (y shows the recap): promise ₦250,000.00 due Fri 20 Nov, next Mon 23 Nov") {
		t.Fatalf("status %q", m.Status())
	}
}

// A bad amount keeps everything typed and says what is wrong next to the field.
func TestCallInvalidAmount(t *testing.T) {
	st := sample.Store()
	tm := start(t, newDesk(st), 80, 24, testOptions())
	send(tm, "c", "p", "25x000", "tab", "fri", "tab", "tab", "tab", "said next week", "enter")
	waitOutput(t, tm, "is not an amount")
	m := final(t, nil, tm)
	if e := st.Recorded().Entries; len(e) != 0 {
		t.Fatalf("wrote %d entries on a bad amount", len(e))
	}
	if m.form() == nil {
		t.Fatal("the form closed on a bad amount")
	}
	view := m.View()
	for _, want := range []string{"[₦ 25x000", "! \"25x000\" is not an amount", "[fri", "[said next week", "[p promise to pay]"} {
		if !strings.Contains(view, want) {
			t.Errorf("the form does not show %q:\n%s", want, view)
		}
	}
	// The cursor went back to the field in error.
	if !strings.Contains(view, "▸ Promise amount") {
		t.Errorf("focus is not on the amount:\n%s", view)
	}
}

// esc on an empty form closes it without asking; with something typed it asks.
func TestEscape(t *testing.T) {
	st := sample.Store()
	tm := start(t, newDesk(st), 80, 24, testOptions())
	send(tm, "c", "esc")
	waitOutput(t, tm, "Cancelled, nothing saved")
	send(tm, "c", "n", "esc")
	waitOutput(t, tm, "Discard what you typed?")
	m := final(t, nil, tm)
	if m.form() == nil {
		t.Fatal("esc on a typed form closed it without asking")
	}
	m.key(keyMsg("y"))
	if m.form() != nil {
		t.Fatal("y did not discard")
	}
	if e := st.Recorded().Entries; len(e) != 0 {
		t.Fatal("a cancelled form wrote")
	}
}

// Typing q (or 1, :, ?) into a note never quits or switches panes.
func TestTextSwallowsKeys(t *testing.T) {
	st := sample.Store()
	tm := start(t, newDesk(st), 80, 24, testOptions())
	send(tm, "c", "r", "tab", "tab", "quiet? q1:2 done", "enter")
	waitStore(t, st, func(r memstore.Recorded) bool { return len(r.Entries) == 1 })
	m := final(t, nil, tm)
	entries := st.Recorded().Entries
	if got := entries[0].Activity.Text; got != "quiet? q1:2 done" {
		t.Fatalf("note %q", got)
	}
	if want := sample.AsOf.AddDays(7); entries[0].Activity.NextFollow != want {
		t.Fatalf("reached: next %s, want +7 %s", entries[0].Activity.NextFollow, want)
	}
	if m.Current() != "Queue" {
		t.Fatalf("pane %s", m.Current())
	}
}

func TestEscalation(t *testing.T) {
	st := sample.Store()
	tm := start(t, newDesk(st), 80, 24, testOptions())
	send(tm, "2", "j", "e", "b", "4", "m", "over limit by 12 %", "enter")
	waitStore(t, st, func(r memstore.Recorded) bool { return len(r.Escalations) == 1 })
	waitOutput(t, tm, "saved escalation on ACC002")
	final(t, nil, tm)
	xs := st.Recorded().Escalations
	e := xs[0]
	if e.Account != "ACC002" || e.Category != "credit-breach" || e.Severity != "critical" || e.To != "management" || e.Summary != "over limit by 12 %" {
		t.Fatalf("escalation %+v", e)
	}
	// Tuesday + 2 working days = Thursday.
	if want := domain.MustDate("2026-11-19"); e.Due != want || e.Status != "open" {
		t.Fatalf("due %s status %s", e.Due, e.Status)
	}
}

func TestEscalationNeedsEveryChoice(t *testing.T) {
	m, st := loaded(t, 80, 24)
	press(m, "e", "o", "enter")
	if m.form() == nil {
		t.Fatal("saved without severity, team and summary")
	}
	v := m.View()
	for _, want := range []string{"! choose one: 1 2 3 4", "! choose one: f o m l", "! say in a few words what is escalated", "▸ Severity"} {
		if !strings.Contains(v, want) {
			t.Errorf("missing %q:\n%s", want, v)
		}
	}
	if xs := st.Recorded().Escalations; len(xs) != 0 {
		t.Fatal("wrote")
	}
}

func TestNote(t *testing.T) {
	m, st := loaded(t, 80, 24)
	press(m, "4") // no account open yet: nothing to note on
	press(m, "n")
	if m.form() != nil {
		t.Fatal("a note form opened with no account")
	}
	press(m, "1", "n", "asked for a statement", "tab", "+3", "enter")
	e := st.Recorded().Entries
	if len(e) != 1 || e[0].Activity.Kind != "note" || e[0].Activity.Text != "asked for a statement" || e[0].Activity.NextFollow != sample.AsOf.AddDays(3) {
		t.Fatalf("entries %+v", e)
	}
}

func TestDoneAndSnooze(t *testing.T) {
	m, st := loaded(t, 80, 24)
	first, firstKey := queueOf(m).Selected()
	press(m, "d")
	marks := st.Recorded().Marks
	if len(marks) != 1 || !marks[0].Done || marks[0].Key != firstKey || marks[0].Account != first {
		t.Fatalf("marks %+v", marks)
	}
	if _, k := queueOf(m).Selected(); k == firstKey {
		t.Fatal("the done item is still selected")
	}
	_, second := queueOf(m).Selected()
	press(m, "z", "enter")
	marks = st.Recorded().Marks
	if len(marks) != 2 || marks[1].Key != second || marks[1].Until != sample.AsOf.AddDays(1) {
		t.Fatalf("snooze %+v", marks)
	}
	for _, it := range queueOf(m).Items() {
		if it.Key == firstKey || it.Key == second {
			t.Fatalf("%s still in the queue", it.Key)
		}
	}
}

func TestSaveFailureKeepsForm(t *testing.T) {
	st := sample.Store()
	st.SetFailNext(store.ErrInUse)
	tm := start(t, newDesk(st), 80, 24, testOptions())
	send(tm, "c", "n", "tab", "tab", "left a message", "enter")
	waitOutput(t, tm, "Not saved")
	m := final(t, nil, tm)
	if m.form() == nil || m.form().Saving() {
		t.Fatal("the form closed or still waits after the store refused")
	}
	v := m.View()
	if !strings.Contains(v, "Not saved: the book is in use by another process") || !strings.Contains(v, "[left a message") {
		t.Fatalf("view:\n%s", v)
	}
	if e := st.Recorded().Entries; len(e) != 0 {
		t.Fatal("wrote")
	}
	// The same form saves once the book is free again.
	drive(m, keyMsg("enter"))
	if e := st.Recorded().Entries; len(e) != 1 || e[0].Activity.Text != "left a message" {
		t.Fatalf("entries %+v", e)
	}
}

func TestStoreValidationGoesToField(t *testing.T) {
	m, st := loaded(t, 80, 24)
	st.SetFailNext(domain.ValidationError{{Field: "contact", Reason: "no such contact"}})
	press(m, "c", "n", "enter")
	v := m.View()
	if !strings.Contains(v, "! no such contact") || !strings.Contains(v, "▸ Contact") {
		t.Fatalf("view:\n%s", v)
	}
}

func TestJump(t *testing.T) {
	st := sample.Store()
	tm := start(t, newDesk(st), 80, 24, testOptions())
	send(tm, ":", "lekki", "enter")
	waitOutput(t, tm, "Lekki Property Mgmt · tier 1")
	m := final(t, nil, tm)
	if m.Current() != "Account" || accountOf(m).Code() != "ACC010" {
		t.Fatalf("pane %s account %s", m.Current(), accountOf(m).Code())
	}
	press(m, "esc")
	if m.Current() != "Queue" {
		t.Fatalf("esc went to %s, want back to the queue", m.Current())
	}
}

func TestBookFilterSortGroup(t *testing.T) {
	m, _ := loaded(t, 100, 30)
	press(m, "2", "/", "qkano")
	if m.Current() != "Book" || !bookOf(m).InputFocused() {
		t.Fatal("q quit or switched while filtering")
	}
	press(m, "backspace", "backspace", "backspace", "backspace", "backspace", "kano", "enter")
	if code, _ := bookOf(m).Selected(); code != "ACC004" || bookOf(m).Shown() != 1 {
		t.Fatalf("filter kano: %s, %d shown", code, bookOf(m).Shown())
	}
	press(m, "esc")
	if bookOf(m).Shown() != 12 {
		t.Fatalf("esc kept the filter: %d shown", bookOf(m).Shown())
	}
	press(m, "s") // AR, highest first within a currency
	if code, _ := bookOf(m).Selected(); code != "ACC004" {
		t.Fatalf("sorting lost the cursor: %s", code)
	}
	press(m, "home")
	if code, _ := bookOf(m).Selected(); code != "ACC001" {
		t.Fatalf("highest NGN AR first: %s", code)
	}
	press(m, "g") // by owner
	v := m.View()
	for _, want := range []string{"Owner: Ada Obi · 4 accounts", "Owner: Bola Ade · 3 accounts", "No owner · 1 account", "group: owner"} {
		if !strings.Contains(v, want) {
			t.Errorf("missing %q:\n%s", want, v)
		}
	}
	if code, _ := bookOf(m).Selected(); code == "" {
		t.Fatal("the cursor rests on a heading")
	}
}

func TestAgingMonths(t *testing.T) {
	st := sample.Store()
	tm := start(t, newDesk(st), 100, 30, testOptions())
	send(tm, "3", "<")
	waitOutput(t, tm, "Aging as of Sat 17 Oct 2026")
	send(tm, ">", ">")
	waitOutput(t, tm, "Aging as of Thu 17 Dec 2026")
	send(tm, "enter")
	waitOutput(t, tm, "Contacts:")
	m := final(t, nil, tm)
	if m.Current() != "Account" {
		t.Fatalf("enter drilled into %s", m.Current())
	}
}

// An import in another process shows up once the desk has read it.
func TestLiveReload(t *testing.T) {
	st := sample.Store()
	d := newDesk(st)
	tm := start(t, d, 120, 30, testOptions())
	send(tm, "2")
	waitOutput(t, tm, "Book ·")
	_, err := st.Apply(store.WithAuthor(context.Background(), "import"), &store.Batch{Invoices: []store.Rec[domain.Invoice]{{V: domain.Invoice{
		Account: "ACC007", Number: "INV-7001", Issued: domain.MustDate("2026-11-17"), Due: domain.MustDate("2026-12-01"),
		Amount: domain.M("9876543", "NGN").Amount, Currency: "NGN"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Refresh(); err != nil {
		t.Fatal(err)
	}
	waitOutput(t, tm, "₦9.9M")
	final(t, nil, tm)
}

func TestQuit(t *testing.T) {
	tm := start(t, newDesk(sample.Store()), 80, 24, testOptions())
	send(tm, "q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// Keys that arrive in one read ("cp250000" from tmux or a fast typist) are
// handled one by one; a paste outside a text field does nothing.
func TestKeysInOneRead(t *testing.T) {
	m, st := loaded(t, 80, 24)
	drive(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("cp250000")}, keyMsg("tab"), tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("fri")}, keyMsg("enter"))
	e := st.Recorded().Entries
	if len(e) != 1 || e[0].Promise == nil || e[0].Promise.Amount.String() != "250000" || e[0].Promise.DueOn.String() != "2026-11-20" {
		t.Fatalf("entries %+v", e)
	}
	drive(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("ddd"), Paste: true})
	if marks := st.Recorded().Marks; len(marks) != 0 {
		t.Fatal("a paste marked items done")
	}
	press(m, "n")
	drive(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("pasted q text"), Paste: true}, keyMsg("enter"))
	if e := st.Recorded().Entries; len(e) != 2 || e[1].Activity.Text != "pasted q text" {
		t.Fatalf("paste into a note: %+v", e)
	}
}

// flakyStore fails every read while fail is set, as a book another process
// holds would.
type flakyStore struct {
	*memstore.Store
	fail atomic.Bool
}

func (f *flakyStore) Changes() (uint64, error) {
	if f.fail.Load() {
		return 0, store.ErrInUse
	}
	return f.Store.Changes()
}

func (f *flakyStore) Changed(since uint64) (store.Changed, error) {
	if f.fail.Load() {
		return store.Changed{}, store.ErrInUse
	}
	return f.Store.Changed(since)
}

func (f *flakyStore) Facts(after string, limit int) (store.FactsPage, error) {
	if f.fail.Load() {
		return store.FactsPage{}, store.ErrInUse
	}
	return f.Store.Facts(after, limit)
}

// A look at the book that fails says so, and says when it works again.
func TestPollError(t *testing.T) {
	st := &flakyStore{Store: sample.Store()}
	d := desk.New(st, desk.Options{AsOf: sample.AsOf, Poll: 10 * time.Millisecond})
	tm := start(t, d, 80, 24, testOptions())
	st.fail.Store(true)
	waitOutput(t, tm, "Cannot read the book right now: the book is in use by another process")
	st.fail.Store(false)
	waitOutput(t, tm, "The book can be read again")
	if m := final(t, nil, tm); m.Status() != "The book can be read again" {
		t.Fatalf("status %q", m.Status())
	}
}

// A first load that fails is tried again by the desk.
func TestFirstLoadRetried(t *testing.T) {
	st := &flakyStore{Store: sample.Store()}
	st.fail.Store(true)
	m := New(newDesk(st), testOptions())
	drive(m, windowSize(80, 24), firstLoad(m.c.Desk)())
	if m.view != nil || !strings.Contains(m.Status(), "Could not read the book: the book is in use by another process") {
		t.Fatalf("status %q", m.Status())
	}
	st.fail.Store(false)
	drive(m)
	if m.view == nil {
		t.Fatal("not retried")
	}
}

// TestReadOnlyWarningStays: a book opened read-only keeps its warning on
// the status line through ordinary news, and gives way to a problem
// (a refused write says why) only while that problem is shown.
func TestReadOnlyWarningStays(t *testing.T) {
	st := sample.Store()
	opt := testOptions()
	opt.Warning = "Read-only: the book failed its integrity check, run acctdesk check"
	m := New(newDesk(st), opt)
	drive(m, windowSize(100, 30), firstLoad(m.c.Desk)())
	last := func() string { lines := strings.Split(m.View(), "\n"); return lines[len(lines)-1] }
	if !strings.Contains(last(), "Read-only: the book failed") {
		t.Fatalf("status line after loading: %q; want the read-only warning", last())
	}
	m.setStatus(components.Info, "42 accounts loaded")
	if !strings.Contains(last(), "Read-only") {
		t.Fatalf("an info message hid the warning: %q", last())
	}
	m.setStatus(components.Problem, "Not saved: the book is open read-only")
	if !strings.Contains(last(), "Not saved") {
		t.Fatalf("a problem was not shown over the warning: %q", last())
	}
}
