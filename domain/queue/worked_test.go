package queue

import (
	"testing"
	"time"

	"acctdesk/domain"
)

func byReason(items []Item, code string) map[string]Item {
	m := map[string]Item{}
	for _, it := range items {
		if it.Account == code {
			m[it.Reason] = it
		}
	}
	return m
}

// A call that reached nobody is an attempt, not contact (issue 10, item 3):
// it clears neither an overdue item nor a stale-contact one, and it does not
// set the last contact; the summary keeps it apart as the last attempt. A
// call that reached someone clears both.
func TestAttemptIsNotContact(t *testing.T) {
	for _, outcome := range []string{"no-answer", "voicemail", "wrong-number"} {
		f := acct("A", 2)
		f.Activities[0].On = asOf - 40                                // the last contact: 40 days ago, stale (over 30)
		f.Invoices = []domain.Invoice{invoice("A", "I1", 45, "1000")} // entered 31–60 fourteen days ago
		f.Activities = append(f.Activities, domain.Activity{ID: 2, Account: "A", On: asOf, Kind: "call", Outcome: outcome})
		b := bookOf(f)
		got := byReason(Build(b, asOf, Options{}), "A")
		for _, r := range []string{Overdue, StaleContact} {
			it, ok := got[r]
			if !ok {
				t.Errorf("%s: %s left the queue", outcome, r)
				continue
			}
			// Still listed, shown as worked today, not handled.
			if want := "called (" + map[string]string{"no-answer": "no answer", "voicemail": "voicemail", "wrong-number": "wrong number"}[outcome] + ")"; it.Work.What != want || it.Handled() {
				t.Errorf("%s: %s work %+v, want %q not handled", outcome, r, it.Work, want)
			}
		}
		if d := got[StaleContact].Detail; d != "no contact for 40 days" {
			t.Errorf("%s: stale detail %q", outcome, d)
		}
		s := domain.Summarize(b.Accounts[0], asOf, b.Settings)
		if s.LastContact != asOf-40 || s.LastAttempt != asOf {
			t.Errorf("%s: last contact %s, last attempt %s; want %s and %s", outcome, s.LastContact, s.LastAttempt, asOf-40, asOf)
		}
	}
	f := acct("A", 2)
	f.Activities[0].On = asOf - 40
	f.Invoices = []domain.Invoice{invoice("A", "I1", 45, "1000")}
	f.Activities = append(f.Activities, call(2, "A", asOf), reminded(3, "A", asOf-1, 3)) // a final notice yesterday: no reminder-due
	if got := byReason(build(f), "A"); len(got) != 0 {
		t.Errorf("a call that reached someone left %v", got)
	}
}

// Work done today on an account leaves its items listed but marked with
// what was done (issue 10, item 2); they rank below every unworked item, and
// count as handled when the work answers the reason: an escalation answers a
// credit breach, a call that reached someone answers a promise due, a note
// answers neither.
func TestWorkedItems(t *testing.T) {
	// A: a credit breach (limit 1,000, AR 5,000, not yet due) — the biggest item.
	a := acct("A", 1)
	a.Account.CreditLimit = dec("1000")
	a.Invoices = []domain.Invoice{invoice("A", "I1", -10, "5000")}
	// B: a promise of 300 due today.
	b := acct("B", 2)
	b.Promises = []domain.Promise{{ID: 3, Account: "B", Amount: dec("300"), Currency: "NGN", GivenOn: asOf - 5, DueOn: asOf}}
	// C: a small promise due tomorrow, untouched all day.
	c := acct("C", 3)
	c.Promises = []domain.Promise{{ID: 4, Account: "C", Amount: dec("10"), Currency: "NGN", GivenOn: asOf - 5, DueOn: asOf + 1}}
	start := build(a, b, c)
	if len(start) != 3 || start[0].Account != "A" || start[1].Account != "B" || start[2].Account != "C" {
		t.Fatalf("start %+v", start)
	}
	for _, it := range start {
		if it.Worked() {
			t.Fatalf("worked before anything was done: %+v", it)
		}
	}

	// Morning: A escalated to finance, a note on B.
	a.Escalations = []domain.Escalation{{ID: 1, Account: "A", Opened: asOf, Category: "credit-breach", Severity: "high", To: "finance", Due: asOf + 2, Status: "open"}}
	a.Activities = append(a.Activities, domain.Activity{ID: 2, Account: "A", On: asOf, Kind: "escalation", Outcome: "credit-breach"})
	b.Activities = append(b.Activities, domain.Activity{ID: 3, Account: "B", On: asOf, Kind: "note", Text: "asked for the remittance"})
	book := bookOf(a, b, c)
	now := Build(book, asOf, Options{})
	if len(now) != 3 || now[0].Account != "A" || now[1].Account != "B" || now[2].Account != "C" {
		t.Fatalf("the rank changed: %+v", now)
	}
	// By standing: C (unworked) first; then B, worked but not handled (a
	// note does not answer a promise due); then A, handled.
	ByStanding(now)
	if now[0].Account != "C" || now[1].Account != "B" || now[2].Account != "A" {
		t.Fatalf("order %s %s %s, want C B A", now[0].Account, now[1].Account, now[2].Account)
	}
	if w := now[1].Work; w.What != "note added" || w.Answers {
		t.Errorf("B: %+v", w)
	}
	if w := now[2].Work; w.What != "escalated to finance" || !w.Answers {
		t.Errorf("A: %+v", w)
	}
	// 3 at the start of the day; A handled though still listed.
	if h, n := Progress(book, domain.SummarizeBook(book, asOf), asOf, Options{}, now); h != 1 || n != 3 {
		t.Errorf("progress %d of %d, want 1 of 3", h, n)
	}

	// Then B called and reached: the promise due is answered; an attempt alone would not be.
	b.Activities = append(b.Activities, domain.Activity{ID: 4, Account: "B", On: asOf, Kind: "call", Outcome: "no-answer"})
	if it := byReason(build(a, b, c), "B")[PromiseDue]; it.Work.What != "note added, called (no answer)" || it.Handled() {
		t.Errorf("B after an attempt: %+v", it.Work)
	}
	b.Activities = append(b.Activities, domain.Activity{ID: 5, Account: "B", On: asOf, Kind: "call", Outcome: "reached"})
	book = bookOf(a, b, c)
	now = Build(book, asOf, Options{})
	if it := byReason(now, "B")[PromiseDue]; it.Work.What != "note added, called (no answer), called (reached)" || !it.Handled() {
		t.Errorf("B after reaching them: %+v", it.Work)
	}
	if h, n := Progress(book, domain.SummarizeBook(book, asOf), asOf, Options{}, now); h != 2 || n != 3 {
		t.Errorf("progress %d of %d, want 2 of 3", h, n)
	}

	// Yesterday's work is not today's.
	if got := Build(book, asOf+1, Options{}); len(got) > 0 {
		for _, it := range got {
			if it.Worked() {
				t.Errorf("as of the next day %s is worked: %+v", it.Key, it.Work)
			}
		}
	}
}

// A follow-up scheduled by hand today for a later day is work on the
// account's items; it answers nothing.
func TestWorkedByFollowUp(t *testing.T) {
	f := acct("A", 2)
	f.Invoices = []domain.Invoice{invoice("A", "I1", 45, "1000")}
	set := time.Date(2026, 11, 18, 10, 42, 0, 0, time.UTC) // asOf, in UTC
	f.FollowUps = []domain.FollowUp{{ID: 1, Account: "A", Due: asOf + 7, Reason: "call the MD", Source: "manual", Status: domain.FollowOpen, Stamp: domain.Stamp{By: "ada", At: set}}}
	it := byReason(build(f), "A")[Overdue]
	if it.Work.What != "follow-up set for 25 Nov" || it.Handled() {
		t.Fatalf("work %+v", it.Work)
	}
	f.FollowUps[0].Stamp.At = set.AddDate(0, 0, -1) // set yesterday
	if it := byReason(build(f), "A")[Overdue]; it.Worked() {
		t.Fatalf("yesterday's follow-up is today's work: %+v", it.Work)
	}
}

// The queue's table shows the money at stake in its own column: Why is the
// sentence without it (issue 10, item 4); Detail keeps it for the detail line.
func TestWhyLeavesOutTheStake(t *testing.T) {
	f := acct("A", 2)
	f.Account.CreditLimit = dec("1000")
	f.Invoices = []domain.Invoice{invoice("A", "I1", 45, "1500")}
	f.Promises = []domain.Promise{{ID: 3, Account: "A", Amount: dec("300"), Currency: "NGN", GivenOn: asOf - 30, DueOn: asOf - 10}}
	got := byReason(build(f), "A")
	want := map[string][2]string{
		Overdue:       {"₦1,500.00 overdue, oldest 45 days (31–60)", "overdue, oldest 45 days (31–60)"},
		BrokenPromise: {"broken promise ₦300.00 due 8 Nov", "broken promise, due 8 Nov"},
		CreditBreach:  {"utilisation 150 % of limit, ₦500.00 over, since 4 Sep", "over the limit: utilisation 150 % since 4 Sep"},
	}
	for r, w := range want {
		if it := got[r]; it.Detail != w[0] || it.Why != w[1] {
			t.Errorf("%s: detail %q why %q, want %q and %q", r, it.Detail, it.Why, w[0], w[1])
		}
	}
}

// An assignment (a lead gave the account to a collector, SPEC §12) is on
// the timeline, but it is not work on the account: its items stay
// unworked, and it is neither contact nor an attempt.
func TestAssignmentIsNotWork(t *testing.T) {
	f := acct("A", 2)
	f.Activities[0].On = asOf - 40                                // stale: no contact for 40 days
	f.Invoices = []domain.Invoice{invoice("A", "I1", 45, "1000")} // overdue
	f.Activities = append(f.Activities, domain.AssignmentEntry("A", asOf, "ada", "tunde", "lead"))
	f.Activities[1].ID = 2
	b := bookOf(f)
	got := byReason(Build(b, asOf, Options{}), "A")
	for _, r := range []string{Overdue, StaleContact} {
		it, ok := got[r]
		if !ok {
			t.Errorf("an assignment took %s off the queue", r)
			continue
		}
		if it.Worked() || it.Handled() {
			t.Errorf("%s after an assignment: work %+v; want unworked", r, it.Work)
		}
	}
	s := domain.Summarize(b.Accounts[0], asOf, b.Settings)
	if s.LastContact != asOf-40 || !s.LastAttempt.IsZero() {
		t.Errorf("last contact %s, last attempt %s; want %s and none", s.LastContact, s.LastAttempt, asOf-40)
	}
}
