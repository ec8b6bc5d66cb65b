package ui

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"strings"
	"sync"
	"testing"

	"acctdesk/domain"
	dq "acctdesk/domain/queue"
	"acctdesk/store/memstore"
	"acctdesk/ui/internal/sample"
)

// clipboard is a writer the OSC 52 sequence can be written to from a command.
type clipboard struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (c *clipboard) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.b.Write(p)
}

func (c *clipboard) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.b.String()
}

// plainTerminal makes the clipboard sequence that of a terminal outside tmux
// and screen, whatever the test runs in.
func plainTerminal(t *testing.T) {
	t.Setenv("TMUX", "")
	t.Setenv("TERM", "xterm-256color")
}

// keysOf is the keys of the items shown, in order.
func keysOf(m *Model) []string {
	var out []string
	for _, it := range queueOf(m).Items() {
		out = append(out, it.Key)
	}
	return out
}

func contains(keys []string, k string) bool {
	for _, x := range keys {
		if x == k {
			return true
		}
	}
	return false
}

// next is the key after k in keys, past the reminder-due item of k's
// account: work on the account marks it worked, which lists it below the
// items still unworked (queue.ByStanding).
func next(keys []string, k string) string {
	acct := strings.Split(k, ":")[1]
	for i, x := range keys {
		if x != k {
			continue
		}
		for _, y := range keys[i+1:] {
			if !strings.HasPrefix(y, "reminder-due:"+acct+":") {
				return y
			}
		}
	}
	return ""
}

func title(m *Model) string { return strings.SplitN(queueOf(m).View(), "\n", 2)[0] }

// The morning review, as a program: open the queue, log a no-answer call on
// the first item with `c n enter`. The broken promise leaves the list (a call
// was logged since it broke) and so does the follow-up the call answered;
// the cursor is on what was the second item; the counter went from 0 to 2 of
// the day's 27 (21 and six reminder-due).
func TestMorningReviewNoAnswer(t *testing.T) {
	st := sample.Store()
	tm := start(t, newDesk(st), 100, 30, testOptions()) // the queue is shown, "0 of 27 handled today"
	send(tm, "c", "n", "enter")
	waitStore(t, st, func(r memstore.Recorded) bool { return len(r.Entries) == 1 })
	waitOutput(t, tm, "2 of 27 handled today")
	m := final(t, nil, tm)

	keys := keysOf(m)
	for _, gone := range []string{"broken-promise:ACC001:3", "follow-up:ACC001:4"} {
		if contains(keys, gone) {
			t.Errorf("%s is still in today's queue", gone)
		}
	}
	if _, k := queueOf(m).Selected(); k != "plan-missed:ACC003:30:1" {
		t.Fatalf("cursor on %s, want the next item (ACC003's missed instalment)", k)
	}
	// 27 items this morning, 2 handled: 25 left.
	if got := title(m); !strings.Contains(got, "25 to act on · 2 of 27 handled today") {
		t.Fatalf("title %q", got)
	}
	if len(keys) != 25 {
		t.Fatalf("%d items left, want 25", len(keys))
	}
}

// Every action on the queue moves the cursor to the next item, and the
// counter moves whenever the item is handled: d and z remove it; an
// escalation or a note is logged but leaves the item standing (an escalation
// is not contact, nor is a note) and the cursor still moves on; the
// escalation answers the escalation past due, so it counts as handled, the
// note does not answer an overdue item; a call with someone reached answers
// the overdue item (it leaves) and the account's credit warning and
// overdraft (they stay, handled: issue 10, item 2).
func TestQueueWorkedTopDown(t *testing.T) {
	m, st := loaded(t, 100, 30)
	type step struct {
		keys    []string
		leaves  bool // the item leaves today's list
		handled int  // the counter afterwards, of 27 (reminder-due is answered only by a letter)
	}
	steps := []step{
		{[]string{"c", "n", "enter"}, true, 2},                                     // broken promise ACC001 (and its follow-up)
		{[]string{"d"}, true, 3},                                                   // ACC003 missed instalment
		{[]string{"z", "enter"}, true, 4},                                          // ACC003 overdue, snoozed to tomorrow
		{[]string{"e", "o", "2", "f", "legal has not replied", "enter"}, false, 5}, // ACC003 escalation past due
		{[]string{"n", "asked for the statement", "enter"}, false, 5},              // ACC002 overdue
		{[]string{"c", "r", "enter"}, true, 8},                                     // ACC010 overdue (its credit warning and overdraft stay)
	}
	for i, s := range steps {
		before := keysOf(m)
		_, cur := queueOf(m).Selected()
		want := next(before, cur)
		press(m, s.keys...)
		if m.form() != nil {
			t.Fatalf("step %d %v: the form stayed open: %s", i, s.keys, m.Status())
		}
		after := keysOf(m)
		if got := contains(after, cur); got == s.leaves {
			t.Errorf("step %d %v: %s still listed %v, want leaves=%v", i, s.keys, cur, got, s.leaves)
		}
		if _, k := queueOf(m).Selected(); k != want {
			t.Errorf("step %d %v: cursor on %s, want the next item %s", i, s.keys, k, want)
		}
		if got, wantT := title(m), fmt.Sprintf("%d of 27 handled today", s.handled); !strings.Contains(got, wantT) {
			t.Errorf("step %d %v: title %q, want %q", i, s.keys, got, wantT)
		}
	}
	marks := st.Recorded().Marks
	if len(marks) != 2 || !marks[0].Done || marks[0].Key != "plan-missed:ACC003:30:1" || marks[0].Account != "ACC003" || marks[0].On != sample.AsOf {
		t.Fatalf("done mark %+v", marks)
	}
	if z := marks[1]; z.Done || !strings.HasPrefix(z.Key, "overdue:ACC003:") || z.Until != sample.AsOf.AddDays(1) || z.On != sample.AsOf || z.Stamp.By != "ada" {
		t.Fatalf("snooze mark %+v", z)
	}
}

// z takes a typed date: fri from Tuesday 17 Nov is Friday 20 Nov.
func TestSnoozeTypedDate(t *testing.T) {
	m, st := loaded(t, 80, 24)
	_, first := queueOf(m).Selected()
	press(m, "z", "fri", "enter")
	marks := st.Recorded().Marks
	if len(marks) != 1 || marks[0].Key != first || marks[0].Until != domain.MustDate("2026-11-20") || marks[0].Done {
		t.Fatalf("marks %+v", marks)
	}
	if contains(keysOf(m), first) {
		t.Fatal("the snoozed item is still listed")
	}
	// A snooze to today is refused in the field; nothing is written.
	_, second := queueOf(m).Selected()
	press(m, "z", "today", "enter")
	if m.form() == nil || !strings.Contains(m.View(), "! snooze until a day after today") {
		t.Fatalf("view:\n%s", m.View())
	}
	if marks := st.Recorded().Marks; len(marks) != 1 {
		t.Fatal("wrote a snooze to today")
	}
	press(m, "esc", "y")
	if _, k := queueOf(m).Selected(); k != second {
		t.Fatalf("cancelling moved the cursor to %s", k)
	}
}

// m switches between the user's accounts and everyone's; the default is
// "mine" when the user owns an account, and the progress line is the scope's.
func TestQueueMineEveryone(t *testing.T) {
	opt := testOptions()
	opt.User = "ada obi" // the owner "Ada Obi", matched without regard to case
	m := New(newDesk(sample.Store()), opt)
	drive(m, windowSize(100, 30), firstLoad(m.c.Desk)())
	if !queueOf(m).Mine() {
		t.Fatal("a user who owns accounts starts on everyone's")
	}
	all := dq.Build(m.view.Book(), opt.AsOf, dq.Options{})
	mine := dq.Build(m.view.Book(), opt.AsOf, dq.Options{Owner: "Ada Obi"})
	if len(mine) == 0 || len(mine) == len(all) {
		t.Fatalf("sample: %d of %d items are Ada's", len(mine), len(all))
	}
	got := queueOf(m).Items()
	if len(got) != len(mine) {
		t.Fatalf("mine: %d items, want %d", len(got), len(mine))
	}
	for i, it := range got {
		if it.Owner != "Ada Obi" || it.Key != mine[i].Key {
			t.Fatalf("mine[%d] = %s of %s, want %s", i, it.Key, it.Owner, mine[i].Key)
		}
	}
	if tt := title(m); !strings.Contains(tt, fmt.Sprintf("Queue · mine (Ada Obi) · %d to act on · 0 of %d handled today", len(mine), len(mine))) {
		t.Fatalf("title %q", tt)
	}
	press(m, "m")
	if len(queueOf(m).Items()) != len(all) || queueOf(m).Mine() {
		t.Fatalf("everyone's: %d items, want %d", len(queueOf(m).Items()), len(all))
	}
	if tt := title(m); !strings.Contains(tt, fmt.Sprintf("Queue · everyone's · %d to act on · 0 of %d handled today", len(all), len(all))) {
		t.Fatalf("title %q", tt)
	}
	// Work an item of someone else's: only everyone's counter moves.
	for it, _ := queueOf(m).SelectedItem(); it.Owner == "Ada Obi"; it, _ = queueOf(m).SelectedItem() {
		press(m, "j")
	}
	press(m, "d")
	press(m, "m")
	if tt := title(m); !strings.Contains(tt, fmt.Sprintf("0 of %d handled today", len(mine))) {
		t.Fatalf("mine after someone else's item was done: %q", tt)
	}
	press(m, "home", "d")
	if tt := title(m); !strings.Contains(tt, fmt.Sprintf("1 of %d handled today", len(mine))) {
		t.Fatalf("mine after one of mine was done: %q", tt)
	}
	press(m, "?")
	if !strings.Contains(m.View(), "m mine / everyone's") {
		t.Fatalf("help:\n%s", m.View())
	}
}

// A user who owns no account starts on everyone's; m says plainly why "mine"
// is empty.
func TestQueueMineOwnsNothing(t *testing.T) {
	m, _ := loaded(t, 100, 30) // user "ada"; the owners are "Ada Obi", …
	if queueOf(m).Mine() {
		t.Fatal("a user who owns nothing starts on mine")
	}
	press(m, "m")
	v := m.View()
	for _, want := range []string{"Queue · mine · 0 to act on", "ada owns no accounts in this book. m shows everyone's."} {
		if !strings.Contains(v, want) {
			t.Errorf("missing %q:\n%s", want, v)
		}
	}
	if !strings.Contains(m.Status(), "ada owns no accounts in this book") {
		t.Errorf("status %q", m.Status())
	}
	press(m, "d", "z")
	if m.form() != nil {
		t.Fatal("z opened a form with nothing selected")
	}
}

// g cycles none → reason → owner → none; headings give counts and stakes, the
// cursor never rests on one, and work moves across a group's end.
func TestQueueGroups(t *testing.T) {
	m, _ := loaded(t, 120, 40)
	press(m, "g")
	h := queueOf(m).Headings()
	if len(h) == 0 || h[0] != "Broken promises · 1 item · ₦4.2M at stake" {
		t.Fatalf("reason headings %q", h)
	}
	want := []string{"Broken promises", "Promises due", "Missed plan instalments", "Follow-ups", "Overdue"}
	for i, w := range want {
		if !strings.HasPrefix(h[i], w+" · ") {
			t.Fatalf("heading %d = %q, want %s (SPEC §7 order)", i, h[i], w)
		}
	}
	if !strings.Contains(m.View(), "group: reason") {
		t.Fatalf("title:\n%s", m.View())
	}
	// The counts add up to the items.
	n := 0
	for _, x := range h {
		var k int
		fmt.Sscanf(x[strings.Index(x, " · ")+len(" · "):], "%d", &k)
		n += k
	}
	if n != 27 || len(queueOf(m).Items()) != 27 {
		t.Fatalf("headings count %d items, %d shown, want 27", n, len(queueOf(m).Items()))
	}
	// Done on the only broken promise: the cursor goes to the highest-ranked
	// item not yet worked (issue 10, item 1), in whichever group it is.
	press(m, "home")
	if _, k := queueOf(m).Selected(); k != "broken-promise:ACC001:3" {
		t.Fatalf("home: %s", k)
	}
	press(m, "d")
	if it, ok := queueOf(m).SelectedItem(); !ok || it.Key != "plan-missed:ACC003:30:1" {
		t.Fatalf("after done: %+v", it)
	}
	if queueOf(m).Headings()[0] != "Promises due · 1 item · ₦3.4M at stake" {
		t.Fatalf("headings %q", queueOf(m).Headings())
	}
	press(m, "g")
	h = queueOf(m).Headings()
	if len(h) != 4 || !strings.HasPrefix(h[0], "Owner: Ada Obi · ") || !strings.HasPrefix(h[3], "No owner · 1 item") {
		t.Fatalf("owner headings %q", h)
	}
	press(m, "g")
	if len(queueOf(m).Headings()) != 0 || !strings.Contains(title(m), "26 to act on") {
		t.Fatalf("none: %q %q", queueOf(m).Headings(), title(m))
	}
}

// f schedules a follow-up by hand: +7 by default, any date the forms take,
// and a reason; it is written through Apply and is in the queue on its date.
func TestFollowUpByHand(t *testing.T) {
	m, st := loaded(t, 100, 30)
	press(m, "f")
	if m.form() == nil || !strings.Contains(m.View(), "Schedule a follow-up · ACC001") || !strings.Contains(m.View(), "default Tue 24 Nov 2026") {
		t.Fatalf("view:\n%s", m.View())
	}
	press(m, "tab", "confirm the remittance advice", "enter")
	fus := st.Recorded().FollowUps
	if len(fus) != 1 {
		t.Fatalf("follow-ups %+v", fus)
	}
	fu := fus[0]
	if fu.Account != "ACC001" || fu.Due != sample.AsOf.AddDays(7) || fu.Reason != "confirm the remittance advice" ||
		fu.Source != "manual" || fu.Status != domain.FollowOpen || fu.Activity != 0 || fu.Stamp.By != "ada" {
		t.Fatalf("follow-up %+v", fu)
	}
	if !strings.Contains(m.Status(), "saved follow-up on ACC001: Tue 24 Nov, confirm the remittance advice") {
		t.Fatalf("status %q", m.Status())
	}
	// Not in today's queue; in the queue of its day, as a follow-up item.
	for _, it := range queueOf(m).Items() {
		if it.Reason == dq.FollowUp && strings.Contains(it.Detail, "remittance") {
			t.Fatal("a follow-up for next week is in today's queue")
		}
	}
	found := false
	for _, it := range dq.Build(m.view.Book(), fu.Due, dq.Options{}) {
		if it.Key == fmt.Sprintf("follow-up:ACC001:%d", fu.ID) && it.Detail == "confirm the remittance advice, due today" {
			found = true
		}
	}
	if !found {
		t.Fatal("the follow-up is not in the queue of its day")
	}

	// One for today shows up at once; the date field takes the usual words.
	press(m, "2", "j", "f", "today", "tab", "send the revised statement", "enter", "1")
	var it *dq.Item
	for _, x := range queueOf(m).Items() {
		if x.Reason == dq.FollowUp && x.Account == "ACC002" {
			it = &x
		}
	}
	if it == nil || it.Detail != "send the revised statement, due today" {
		t.Fatalf("today's follow-up is not in the queue: %+v", queueOf(m).Items())
	}
	// A bad date keeps what was typed and says what is wrong.
	press(m, "f", "someday", "tab", "keep me", "enter")
	v := m.View()
	if m.form() == nil || !strings.Contains(v, "[someday") || !strings.Contains(v, "[keep me") || !strings.Contains(v, "! \"someday\": use 2026-12-01") {
		t.Fatalf("view:\n%s", v)
	}
	press(m, "esc", "y")
	if len(st.Recorded().FollowUps) != 2 {
		t.Fatal("a bad date wrote")
	}
}

func osc52Plain(s string) string {
	return "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(s)) + "\x07"
}

func TestOSC52(t *testing.T) {
	const text = "Dear Ngozi Eze,\nAs agreed: ₦250,000.00."
	b64 := base64.StdEncoding.EncodeToString([]byte(text))
	cases := []struct {
		env  clipEnv
		want string
	}{
		{clipEnv{term: "xterm-256color"}, "\x1b]52;c;" + b64 + "\x07"},
		// tmux: plain (set-clipboard on) and wrapped for passthrough.
		{clipEnv{term: "screen-256color", tmux: "/tmp/tmux-0/default,1,0"}, "\x1b]52;c;" + b64 + "\x07" + "\x1bPtmux;\x1b\x1b]52;c;" + b64 + "\x07\x1b\\"},
		// GNU screen: DCS-wrapped.
		{clipEnv{term: "screen"}, "\x1bP\x1b]52;c;" + b64 + "\x07\x1b\\"},
	}
	for _, c := range cases {
		if got := OSC52(text, c.env); got != c.want {
			t.Errorf("%+v:\n got %q\nwant %q", c.env, got, c.want)
		}
	}
	// The command writes the sequence in one piece.
	var cb clipboard
	if msg := copyCmd(&cb, text, clipEnv{})(); msg.(copiedMsg).err != nil || cb.String() != cases[0].want {
		t.Fatalf("wrote %q", cb.String())
	}
}

// A promise saved from the call form carries its written recap
// (domain.PromiseRecap) on the activity; y copies it with OSC 52 and shows it
// until esc.
func TestRecapPromise(t *testing.T) {
	plainTerminal(t)
	st := sample.Store()
	var cb clipboard
	opt := testOptions()
	opt.Clipboard = &cb
	before, _ := st.LoadAccount("ACC001")
	tm := start(t, newDesk(st), 100, 30, opt)
	send(tm, "y")
	waitOutput(t, tm, "No recap to copy")
	send(tm, "c", "p", "250000", "tab", "fri", "enter")
	waitStore(t, st, func(r memstore.Recorded) bool { return len(r.Entries) == 1 })
	waitOutput(t, tm, "y shows the recap")
	send(tm, "y")
	waitOutput(t, tm, "Recap copied to the clipboard")
	m := final(t, nil, tm)

	entries := st.Recorded().Entries
	e := entries[0]
	want, _ := domain.PromiseRecap(before, *e.Promise, "ada", sample.AsOf)
	if e.Activity.Recap != want {
		t.Fatalf("recap on the activity:\n%s\nwant:\n%s", e.Activity.Recap, want)
	}
	for _, s := range []string{"Dear Ngozi Eze,", "will pay ₦250,000.00 by Friday 20 November 2026", "INV-1001", "Kind regards,\nada"} {
		if !strings.Contains(want, s) {
			t.Errorf("the recap does not say %q:\n%s", s, want)
		}
	}
	if got := cb.String(); got != osc52Plain(want) {
		t.Fatalf("clipboard bytes %q, want %q", got, osc52Plain(want))
	}
	v := m.View()
	for _, s := range []string{"Recap of the promise on ACC001 · copied · esc closes", "Dear Ngozi Eze,", "Kind regards,"} {
		if !strings.Contains(v, s) {
			t.Errorf("the overlay does not show %q:\n%s", s, v)
		}
	}
	checkFits(t, v, 100, 30)
	m.key(keyMsg("esc"))
	if m.top() != nil || strings.Contains(m.View(), "Kind regards,") {
		t.Fatal("esc did not close the recap")
	}
	// A later save without a recap ends its freshness.
	drive(m, keyMsg("d"))
	m.key(keyMsg("y"))
	if m.top() != nil || !strings.Contains(m.Status(), "No recap to copy") {
		t.Fatalf("status %q", m.Status())
	}
}

// An escalation's timeline entry carries the note to the team
// (domain.EscalationRecap); y copies it.
func TestRecapEscalation(t *testing.T) {
	plainTerminal(t)
	st := sample.Store()
	var cb clipboard
	opt := testOptions()
	opt.Clipboard = &cb
	m := New(newDesk(st), opt)
	drive(m, windowSize(100, 30), firstLoad(m.c.Desk)())
	sum := *m.view.Summary("ACC002")
	press(m, "2", "j", "e", "b", "4", "m", "over limit by 12 %", "enter")
	notes := st.Recorded().Notes
	xs := st.Recorded().Escalations
	if len(notes) != 1 || len(xs) != 1 {
		t.Fatalf("notes %+v", notes)
	}
	want := domain.EscalationRecap(sum, xs[0], "ada")
	if notes[0].Recap != want || !strings.Contains(want, "To management: escalation on") || !strings.Contains(want, "over limit by 12 %") {
		t.Fatalf("recap on the timeline entry:\n%s\nwant:\n%s", notes[0].Recap, want)
	}
	press(m, "y")
	if cb.String() != osc52Plain(want) {
		t.Fatalf("clipboard %q", cb.String())
	}
	if !strings.Contains(m.View(), "Recap of the escalation on ACC002 · copied") || !strings.Contains(m.Status(), "Recap copied") {
		t.Fatalf("view:\n%s\nstatus %q", m.View(), m.Status())
	}
}

// On an account's activity tab, y shows the latest recap of its timeline.
func TestRecapActivityTab(t *testing.T) {
	plainTerminal(t)
	st := sample.Store()
	var cb clipboard
	opt := testOptions()
	opt.Clipboard = &cb
	m := New(newDesk(st), opt)
	drive(m, windowSize(120, 30), firstLoad(m.c.Desk)())
	press(m, "c", "p", "100000", "tab", "+3", "enter", "d") // the d ends the recap's freshness
	entries := st.Recorded().Entries
	recap := entries[0].Activity.Recap
	press(m, ":", "ACC001", "enter", "y")
	if m.top() != nil {
		t.Fatal("y copied on the open-items tab with no fresh recap")
	}
	press(m, "tab", "tab")
	v := m.View()
	if !strings.Contains(v, "Timeline · y shows the latest recap") || !strings.Contains(v, "[recap] promised ₦100,000.00") {
		t.Fatalf("activity tab:\n%s", v)
	}
	press(m, "y")
	if cb.String() != osc52Plain(recap) || m.top() == nil {
		t.Fatalf("clipboard %q", cb.String())
	}
}

// An account opened from the aging after < shows the aging's date, says so
// in its header, and keeps it across a reload; opened from the queue it is
// as of today again.
func TestAgingDrillKeepsDate(t *testing.T) {
	m, st := loaded(t, 120, 30)
	press(m, "3", "<")
	if got := agingOf(m).AsOf(); got != domain.MustDate("2026-10-17") {
		t.Fatalf("aging as of %s", got)
	}
	press(m, "enter")
	code := accountOf(m).Code()
	if m.Current() != "Account" || accountOf(m).AsOf() != domain.MustDate("2026-10-17") {
		t.Fatalf("%s opened as of %s", code, accountOf(m).AsOf())
	}
	head := strings.SplitN(accountOf(m).View(), "\n", 2)[0]
	if !strings.Contains(head, "[as of Sat 17 Oct 2026, not Tue 17 Nov]") {
		t.Fatalf("header %q", head)
	}
	// The figures are October's.
	oct := domain.Summarize(m.view.Facts(code), domain.MustDate("2026-10-17"), m.view.Settings)
	if !strings.Contains(m.View(), "AR "+domain.Money{Amount: oct.AR(), Currency: oct.Facts.Account.Currency}.String()) {
		t.Fatalf("not October's AR %s:\n%s", oct.AR(), m.View())
	}
	// A save reloads the book: the account stays in October.
	press(m, "n", "looked at October", "enter")
	if accountOf(m).AsOf() != domain.MustDate("2026-10-17") || !strings.Contains(accountOf(m).View(), "not Tue 17 Nov") {
		t.Fatalf("after a reload: as of %s", accountOf(m).AsOf())
	}
	// The note was logged today, not in October.
	if e := st.Recorded().Entries; len(e) != 1 || e[0].Activity.On != sample.AsOf {
		t.Fatalf("entries %+v", e)
	}
	press(m, "1", "enter")
	if accountOf(m).AsOf() != sample.AsOf || strings.Contains(accountOf(m).View(), "[as of") {
		t.Fatalf("from the queue: as of %s\n%s", accountOf(m).AsOf(), accountOf(m).View())
	}
}

// The screens this issue adds fit every size.
func TestQueueLayouts(t *testing.T) {
	plainTerminal(t)
	screens := [][]string{
		{"g"}, {"g", "g"}, {"m"}, {"f"}, {"f", "x", "enter"},
		{"c", "p", "250000", "tab", "fri", "enter", "y"},
		{"c", "p", "250000", "tab", "fri", "enter", "y", "down", "down", "down", "down", "down", "down", "down", "down"},
		{"3", "<", "enter"},
	}
	for _, ks := range screens {
		for _, sz := range [][2]int{{80, 24}, {100, 30}, {160, 48}, {40, 10}} {
			m, _ := loaded(t, sz[0], sz[1])
			press(m, ks...)
			checkFits(t, m.View(), sz[0], sz[1])
			drive(m, windowSize(80, 24))
			checkFits(t, m.View(), 80, 24)
		}
	}
}
