// Package queue derives the follow-up queue (SPEC §7) from a book as of a date.
// It is pure: the book and the date come in, ranked items come out. Only what a
// person decided (done, snoozed) is stored, as domain.QueueMark.
package queue

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"acctdesk/domain"
)

// Reason codes, SPEC §7.
const (
	BrokenPromise     = "broken-promise"
	PromiseDue        = "promise-due"
	PlanMissed        = "plan-missed"
	FollowUp          = "follow-up"
	Overdue           = "overdue"
	CreditBreach      = "credit-breach"
	CreditWarning     = "credit-warning"
	OverdraftExpiring = "overdraft-expiring"
	EscalationDue     = "escalation-due"
	ServiceSLA        = "service-sla"
	Renewal           = "renewal"
	QBRDue            = "qbr-due"
	GoLiveLate        = "go-live-late"
	StaleContact      = "stale-contact"
	DisputeStale      = "dispute-stale"
	ReminderDue       = "reminder-due"
)

// Item is one thing to act on today.
type Item struct {
	Account  string
	Name     string
	Owner    string
	Tier     int
	Reason   string // a code above
	Key      string // identifies the item and its condition, for done/snooze marks
	Stake    domain.Money
	Due      domain.Date
	DaysLate int
	Detail   string // one line that says why, in words
	Why      string // Detail said short, without the money at stake, for beside it (Stake)
	Score    Score
	Work     Work // what was done today on the account while the item stands (Worked)
}

// Score is the rank of an item, kept in parts so the UI can explain it.
type Score struct {
	Money float64 // from money at stake
	Late  float64 // from days late
	Kind  float64 // from the kind of failure
	Tier  float64 // from the account's tier
	Total float64
}

// Options narrow the queue.
type Options struct {
	Owner string // only this owner's accounts; "" for everyone's
}

// Build derives the ranked queue of the book as of asOf.
func Build(b *domain.Book, asOf domain.Date, opt Options) []Item {
	return FromSummaries(b.Settings, domain.SummarizeBook(b, asOf), opt)
}

// FromSummaries derives the queue from summaries already computed as of one
// date (the workstation computes them once per load for every pane). The
// accounts are independent, so they are shared out over the processors.
func FromSummaries(set domain.Settings, sums []domain.Summary, opt Options) []Item {
	if len(sums) == 0 {
		return nil
	}
	workers := min(runtime.GOMAXPROCS(0), len(sums)/256+1)
	parts := make([][]Item, workers)
	var wg sync.WaitGroup
	for w := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lo, hi := w*len(sums)/workers, (w+1)*len(sums)/workers
			for i := lo; i < hi; i++ {
				s := &sums[i]
				if opt.Owner != "" && s.Facts.Account.Owner != opt.Owner {
					continue
				}
				parts[w] = append(parts[w], AccountItems(s, set)...)
			}
		}()
	}
	wg.Wait()
	items := slices.Concat(parts...)
	Rank(items)
	return items
}

// Rank sorts by score, highest first; ties by due date, account and reason so
// the order is deterministic (Compare). The workstation lists the items
// worked today below the others (ByStanding); the reports keep the rank.
func Rank(items []Item) { slices.SortStableFunc(items, Compare) }

// ByStanding sorts ranked items, keeping their order otherwise, by what
// they still ask for: the unworked first, then those worked today, then
// those handled today (Work).
func ByStanding(items []Item) { slices.SortStableFunc(items, compareStanding) }

// Compare orders two items as the queue ranks them: higher score first,
// then earlier due date, then account code, then reason. Items of different
// accounts never tie, so ranked lists of different accounts merge into the
// same order as ranking them together.
func Compare(a, b Item) int {
	switch {
	case a.Score.Total > b.Score.Total:
		return -1
	case a.Score.Total < b.Score.Total:
		return 1
	}
	return cmp.Or(cmp.Compare(a.Due, b.Due), strings.Compare(a.Account, b.Account), strings.Compare(a.Reason, b.Reason))
}

// String explains the score by its parts: "126.00 = money 73.1 + late 14.9 + kind 35 + tier 3".
func (s Score) String() string {
	return fmt.Sprintf("%.2f = money %.1f + late %.1f + kind %.0f + tier %.0f", s.Total, s.Money, s.Late, s.Kind, s.Tier)
}
