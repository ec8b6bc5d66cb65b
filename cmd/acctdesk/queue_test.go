package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/domain/queue"
	"acctdesk/store"
	"acctdesk/store/bolt"
)

var ada = store.WithAuthor(context.Background(), "ada")

// TestDoneAndSnoozeSurviveARestart marks queue items through the real store,
// reopens the file and builds the queue again; a done item comes back only
// when its condition arises anew.
func TestDoneAndSnoozeSurviveARestart(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	asOf := domain.MustDate("2026-12-01")
	open := func() *bolt.Store {
		st, err := bolt.Open(db, bolt.Options{Now: time.Now})
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	build := func(d domain.Date) []queue.Item {
		v, err := desk.New(open(), desk.Options{AsOf: d}).View()
		if err != nil {
			t.Fatal(err)
		}
		return v.Queue
	}
	find := func(items []queue.Item, code, reason string) *queue.Item {
		for i := range items {
			if items[i].Account == code && items[i].Reason == reason {
				return &items[i]
			}
		}
		return nil
	}
	items := build(asOf)
	acme := find(items, "ACME", queue.Overdue)
	togo := find(items, "TOGO", queue.Overdue)
	if acme == nil || togo == nil {
		t.Fatalf("queue: %+v", items)
	}
	// ACME's oldest item is 120+ days; TOGO's T-1 is 31 days, in 31–60.
	if err := open().Mark(ada, domain.QueueMark{Key: acme.Key, Account: "ACME", Done: true, On: asOf}); err != nil {
		t.Fatal(err)
	}
	if err := open().Mark(ada, domain.QueueMark{Key: togo.Key, Account: "TOGO", Done: true, On: asOf}); err != nil {
		t.Fatal(err)
	}
	items = build(asOf)
	if find(items, "ACME", queue.Overdue) != nil || find(items, "TOGO", queue.Overdue) != nil {
		t.Fatalf("done items are back after a restart: %+v", items)
	}
	// 30 days later TOGO's debt enters 61–90: a new condition, so it returns.
	// ACME's oldest item stays in 120+: it stays done.
	later := build(asOf.AddDays(30))
	if it := find(later, "TOGO", queue.Overdue); it == nil || !strings.Contains(it.Detail, "61–90") {
		t.Fatalf("TOGO did not come back in a new bucket: %+v", later)
	}
	if find(later, "ACME", queue.Overdue) != nil {
		t.Fatalf("ACME came back without a new condition")
	}
	// Snooze: hidden until the date, back on it.
	stale := find(items, "ACME", queue.QBRDue)
	if stale == nil {
		t.Fatalf("no qbr-due item for ACME: %+v", items)
	}
	if err := open().Mark(ada, domain.QueueMark{Key: stale.Key, Account: "ACME", Until: asOf.AddDays(3), On: asOf}); err != nil {
		t.Fatal(err)
	}
	if find(build(asOf.AddDays(2)), "ACME", queue.QBRDue) != nil {
		t.Error("snoozed item shown before its date")
	}
	if find(build(asOf.AddDays(3)), "ACME", queue.QBRDue) == nil {
		t.Error("snoozed item not back on its date")
	}
}

// TestDemoQueueHasEveryRule: the demo book, as of a date within 30 days of a
// quarter end, triggers every rule of SPEC §7.
func TestDemoQueueHasEveryRule(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	must(t, db, "demo", "--as-of", "2026-12-05")
	out := must(t, db, "report", "queue", "--format", "csv", "--as-of", "2026-12-05")
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
		seen[strings.Split(line, ",")[2]] = true
	}
	for _, code := range []string{queue.BrokenPromise, queue.PromiseDue, queue.PlanMissed, queue.FollowUp, queue.Overdue,
		queue.CreditBreach, queue.CreditWarning, queue.OverdraftExpiring, queue.EscalationDue, queue.ServiceSLA,
		queue.Renewal, queue.QBRDue, queue.GoLiveLate, queue.StaleContact} {
		if !seen[code] {
			t.Errorf("the demo queue has no %s item", code)
		}
	}
}
