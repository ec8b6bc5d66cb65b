package queue

import (
	"testing"

	"acctdesk/domain"
)

// disputed is an account with one invoice of 500,000 (60 days past due,
// 100,000 paid on it) under a dispute opened daysOpen days before asOf,
// and its latest activity daysQuiet days before asOf.
func disputed(daysOpen, daysQuiet int) *domain.AccountFile {
	f := acct("D", 2)
	f.Activities = []domain.Activity{call(1, "D", asOf.AddDays(-daysQuiet))}
	inv := invoice("D", "INV-9", 60, "500000")
	inv.Disputed = true
	f.Invoices = []domain.Invoice{inv}
	f.Payments = []domain.Payment{{Account: "D", Reference: "P1", Received: asOf.AddDays(-40), Amount: dec("100000"), Currency: "NGN", Invoice: "INV-9"}}
	f.Disputes = []domain.Dispute{{Account: "D", Invoice: "INV-9", Seq: 1, Reason: "price", Owner: "ada",
		OpenedOn: asOf.AddDays(-daysOpen), Status: domain.DisputeOpen}}
	return f
}

func TestDisputeStale(t *testing.T) {
	for _, c := range []struct {
		open, quiet int
		want        bool
	}{
		{14, 30, false}, // 14 days open is not older than 14
		{15, 30, true},  // 15 is
		{15, 6, false},  // activity 6 days ago: within the last 7 (asOf−6 … asOf)
		{15, 7, true},   // 7 days ago: outside them
		{40, 7, true},
	} {
		items := build(disputed(c.open, c.quiet))
		got := reasons(items, "D")
		if got[DisputeStale] != c.want {
			t.Errorf("open %d days, quiet %d: dispute-stale = %v, want %v (%v)", c.open, c.quiet, got[DisputeStale], c.want, items)
		}
		// A disputed invoice raises no overdue item, however late.
		if got[Overdue] {
			t.Errorf("open %d days: the disputed invoice raised an overdue item", c.open)
		}
	}
	items := build(disputed(20, 9))
	var it Item
	for _, x := range items {
		if x.Reason == DisputeStale {
			it = x
		}
	}
	// Stake: 500,000 − 100,000 paid on it = 400,000; due: opened (asOf−20) + 14 = asOf−6,
	// so 6 days late; the key names the invoice, the sequence and the last activity.
	if !it.Stake.Amount.Equal(dec("400000")) || it.DaysLate != 6 || it.Key != "dispute-stale:D:INV-9:1:"+asOf.AddDays(-9).String() {
		t.Errorf("item = %+v", it)
	}
	if want := "dispute on INV-9 (₦400,000.00) open 20 days, no activity for 9 days"; it.Detail != want {
		t.Errorf("detail = %q, want %q", it.Detail, want)
	}
	// Done hides it; a new activity then 7 quiet days bring it back under a new key.
	f := disputed(20, 9)
	f.Marks = []domain.QueueMark{{Key: it.Key, Account: "D", Done: true, On: asOf}}
	if reasons(build(f), "D")[DisputeStale] {
		t.Error("done did not hide the item")
	}
	// Paid in full while disputed: nothing to chase.
	f = disputed(20, 9)
	f.Payments = append(f.Payments, domain.Payment{Account: "D", Reference: "P2", Received: asOf.AddDays(-1), Amount: dec("400000"), Currency: "NGN", Invoice: "INV-9"})
	if reasons(build(f), "D")[DisputeStale] {
		t.Error("a dispute of a paid invoice is stale")
	}
	// Resolved: no dispute-stale, and the invoice, no longer disputed, is
	// overdue (60 days past due: in 31–60 since asOf−29; the last call was
	// 40 days ago, before that).
	f = disputed(20, 40)
	f.Disputes[0].Status, f.Disputes[0].ResolvedOn, f.Disputes[0].Resolution = domain.DisputeResolved, asOf.AddDays(-1), "credited"
	f.Invoices[0].Disputed = false
	if got := reasons(build(f), "D"); got[DisputeStale] || !got[Overdue] {
		t.Errorf("resolved dispute: %v; want overdue and no dispute-stale", got)
	}
}
