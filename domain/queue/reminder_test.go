package queue

import (
	"testing"

	"acctdesk/domain"
)

// reminder-due (SPEC §9.3): the stake is the total due, the sentence says
// the level, the oldest days and the last reminder at the same level; done
// lasts until the next reminder falls due (the key carries its day).
func TestReminderDue(t *testing.T) {
	f := acct("A", 2)
	// I1 1,000 at 16 days (level 2, from 15), I2 500 at 3 days: total due
	// 1,000 + 500 = 1,500; a level-2 reminder 7 days ago (cadence 7): due again.
	f.Invoices = []domain.Invoice{invoice("A", "I1", 16, "1000"), invoice("A", "I2", 3, "500")}
	f.Activities = append(f.Activities, reminded(100, "A", asOf-7, 2))
	it, ok := byReason(build(f), "A")[ReminderDue]
	if !ok {
		t.Fatal("no reminder-due")
	}
	last := asOf - 7
	if want := "reminder due (level 2): ₦1,500.00 due, oldest 16 days, last sent " + dayOf(asOf, last); it.Detail != want {
		t.Errorf("detail %q; want %q", it.Detail, want)
	}
	// Key: level 2, due from the last reminder + 7 = asOf.
	if it.Stake.Amount.String() != "1500" || it.Key != "reminder-due:A:2:"+asOf.String() || it.DaysLate != 16 {
		t.Errorf("stake %s key %s late %d", it.Stake.Amount, it.Key, it.DaysLate)
	}
	// Marked done: hidden, and still hidden tomorrow (the same reminder
	// still due); a reminder written, then 7 days on, is a new item.
	f.Marks = []domain.QueueMark{{Key: it.Key, Account: "A", Done: true, On: asOf}}
	if _, ok := byReason(Build(bookOf(f), asOf+1, Options{}), "A")[ReminderDue]; ok {
		t.Error("done reminder-due back the next day")
	}
	f.Activities = append(f.Activities, reminded(101, "A", asOf+1, 2))
	if _, ok := byReason(Build(bookOf(f), asOf+7, Options{}), "A")[ReminderDue]; ok {
		t.Error("due 6 days after a reminder at the same level")
	}
	if got, ok := byReason(Build(bookOf(f), asOf+8, Options{}), "A")[ReminderDue]; !ok || got.Key != "reminder-due:A:2:"+(asOf+8).String() {
		t.Errorf("7 days after: %+v", got)
	}
	// Disputed: nothing to remind of.
	g := acct("B", 2)
	g.Invoices = []domain.Invoice{invoice("B", "I1", 40, "1000")}
	g.Invoices[0].Disputed = true
	if _, ok := byReason(build(g), "B")[ReminderDue]; ok {
		t.Error("reminder-due on a disputed invoice")
	}
}
