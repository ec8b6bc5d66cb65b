package queue

import "acctdesk/domain"

// Progress counts the day's work for the "7 of 23 handled today" line. The
// queue at the start of the day is the queue of the book without what people
// did today (activities dated today, the promises and follow-ups they set, and
// today's done and snooze marks); an item of it that no longer appears, or
// that work done today answers (Item.Handled), has been handled. New items
// that arose during the day count in the total.
//
// sums are the book's summaries as of asOf; only accounts with activity today
// are summarised again for the start of the day.
func Progress(b *domain.Book, sums []domain.Summary, asOf domain.Date, opt Options, now []Item) (handled, total int) {
	start := startOfDay(b, sums, asOf, opt)
	return CompareDays(start, now)
}

// startOfDay is the queue of the book as it was when the day began: the
// accounts with something done today are summarised again without it.
func startOfDay(b *domain.Book, sums []domain.Summary, asOf domain.Date, opt Options) []Item {
	startSums := make([]domain.Summary, len(sums))
	for i := range sums {
		x := sums[i].Facts
		if sod := x.Without(asOf); sod != x {
			startSums[i] = domain.Summarize(sod, asOf, b.Settings)
		} else {
			startSums[i] = sums[i]
		}
	}
	return FromSummaries(b.Settings, startSums, opt)
}

// CompareDays counts, between the queue at the start of the day and now, the
// items handled (gone since, or still listed with work done today that
// answers their reason: Item.Handled) and the day's total (the start's items
// and the ones that arose since).
func CompareDays(start, now []Item) (handled, total int) {
	current := make(map[string]bool, len(now))
	for _, it := range now {
		current[it.Key] = true
		if it.Handled() {
			handled++
		}
	}
	before := make(map[string]bool, len(start))
	for _, it := range start {
		before[it.Key] = true
		if !current[it.Key] {
			handled++
		}
	}
	total = len(start)
	for _, it := range now {
		if !before[it.Key] {
			total++
		}
	}
	return handled, total
}
