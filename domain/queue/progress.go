package queue

import "acctdesk/domain"

// Progress counts the day's work for the "7 of 23 handled today" line. The
// queue at the start of the day is the queue of the book without what people
// did today (activities dated today, the promises and follow-ups they set, and
// today's done and snooze marks); an item of it that no longer appears has been
// handled. New items that arose during the day count in the total.
//
// sums are the book's summaries as of asOf; only accounts with activity today
// are summarised again for the start of the day.
func Progress(b *domain.Book, sums []domain.Summary, asOf domain.Date, opt Options, now []Item) (handled, total int) {
	sod := startOfDay(b, asOf)
	startSums := make([]domain.Summary, len(sums))
	for i := range sums {
		if f := sod.Find(sums[i].File.Account.Code); f != nil && f != sums[i].File {
			startSums[i] = domain.Summarize(f, asOf, b.Settings)
		} else {
			startSums[i] = sums[i]
		}
	}
	start := FromSummaries(sod, startSums, opt)
	current := make(map[string]bool, len(now))
	for _, it := range now {
		current[it.Key] = true
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

// startOfDay is a shallow copy of the book without today's own actions.
func startOfDay(b *domain.Book, asOf domain.Date) *domain.Book {
	files := make([]*domain.AccountFile, 0, len(b.Accounts))
	for _, f := range b.Accounts {
		today := map[uint64]bool{}
		for _, a := range f.Activities {
			if a.On >= asOf {
				today[a.ID] = true
			}
		}
		if len(today) == 0 {
			files = append(files, f)
			continue
		}
		c := *f
		c.Activities = keep(f.Activities, func(a domain.Activity) bool { return !today[a.ID] })
		c.Promises = keep(f.Promises, func(p domain.Promise) bool { return p.Activity == 0 || !today[p.Activity] })
		c.FollowUps = keep(f.FollowUps, func(u domain.FollowUp) bool { return u.Activity == 0 || !today[u.Activity] })
		files = append(files, &c)
	}
	marks := keep(b.Marks, func(m domain.QueueMark) bool { return m.On < asOf })
	return domain.NewBook(b.Settings, files, marks)
}

func keep[T any](in []T, ok func(T) bool) []T {
	out := make([]T, 0, len(in))
	for _, x := range in {
		if ok(x) {
			out = append(out, x)
		}
	}
	return out
}
