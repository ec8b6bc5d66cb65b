package ui

import (
	"sort"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/domain"
	dq "acctdesk/domain/queue"
	"acctdesk/store"
	"acctdesk/ui/account"
	"acctdesk/ui/aging"
	"acctdesk/ui/book"
	"acctdesk/ui/form"
	"acctdesk/ui/jump"
	"acctdesk/ui/queue"
)

// loadedMsg is a whole book loaded and computed once for every pane.
type loadedMsg struct {
	seq     int
	changes uint64
	book    *domain.Book
	sums    []domain.Summary
	queue   *queue.Data
	items   []dq.Item
	books   *book.Data
	aging   *aging.Data
	cands   []jump.Candidate
	account *account.Data // the open account, refreshed
	err     error
}

// progressMsg is the day's progress through the queue, computed after a load
// (it builds the start-of-day queue, so it comes on its own).
type progressMsg struct {
	seq            int
	handled, total int
}

func progress(b *domain.Book, sums []domain.Summary, seq int, asOf domain.Date, items []dq.Item) tea.Cmd {
	return func() tea.Msg {
		h, t := dq.Progress(b, sums, asOf, dq.Options{}, items)
		return progressMsg{seq: seq, handled: h, total: t}
	}
}

// agingMsg is the aging recomputed as of another date.
type agingMsg struct {
	seq  int
	data *aging.Data
}

// tickMsg asks for a look at the change counter.
type tickMsg struct{}

// changesMsg is the change counter read from the store.
type changesMsg struct {
	n   uint64
	err error
}

// savedMsg is the store's answer to a form.
type savedMsg struct {
	sub form.Submission
	at  time.Time
	err error
}

// markedMsg is the store's answer to "done".
type markedMsg struct {
	item dq.Item
	err  error
}

// load reads the book and computes everything the panes show, once. Every
// input is captured by value here; nothing is read from the model later.
func load(st store.Store, seq int, asOf, agingAsOf domain.Date, open string) tea.Cmd {
	return func() tea.Msg {
		n, err := st.Changes()
		if err != nil {
			return loadedMsg{seq: seq, err: err}
		}
		b, err := st.Load()
		if err != nil {
			return loadedMsg{seq: seq, err: err}
		}
		return compute(b, seq, n, asOf, agingAsOf, open)
	}
}

// compute is the pure part of a load (also used by the benchmarks).
func compute(b *domain.Book, seq int, n uint64, asOf, agingAsOf domain.Date, open string) loadedMsg {
	set := b.Settings
	sums := domain.SummarizeBook(b, asOf)
	totals := domain.TotalsByCurrency(sums, set.AgingEdges)
	items := dq.FromSummaries(b, sums, dq.Options{})
	msg := loadedMsg{
		seq: seq, changes: n, book: b, sums: sums,
		queue: queue.Prepare(items, asOf),
		items: items,
		books: book.Prepare(sums, totals, set, asOf),
		cands: jump.Prepare(sums),
	}
	if agingAsOf == 0 || agingAsOf == asOf {
		msg.aging = aging.Prepare(sums, totals, set, asOf)
	} else {
		msg.aging = computeAging(b, agingAsOf)
	}
	if open != "" {
		if f := b.Find(open); f != nil {
			msg.account = account.Prepare(f, summaryOf(sums, open), set, asOf)
		}
	}
	return msg
}

func computeAging(b *domain.Book, asOf domain.Date) *aging.Data {
	sums := domain.SummarizeBook(b, asOf)
	totals := domain.TotalsByCurrency(sums, b.Settings.AgingEdges)
	return aging.Prepare(sums, totals, b.Settings, asOf)
}

func agingCmd(b *domain.Book, seq int, asOf domain.Date) tea.Cmd {
	return func() tea.Msg { return agingMsg{seq: seq, data: computeAging(b, asOf)} }
}

// summaryOf finds an account's summary; sums are in the book's order (by code).
func summaryOf(sums []domain.Summary, code string) *domain.Summary {
	i := sort.Search(len(sums), func(i int) bool { return sums[i].File.Account.Code >= code })
	if i < len(sums) && sums[i].File.Account.Code == code {
		return &sums[i]
	}
	return nil
}

func tick(every time.Duration) tea.Cmd {
	return tea.Tick(every, func(time.Time) tea.Msg { return tickMsg{} })
}

func readChanges(st store.Store) tea.Cmd {
	return func() tea.Msg {
		n, err := st.Changes()
		return changesMsg{n: n, err: err}
	}
}

// save writes a submitted form. The submission is a value: the command never
// looks at the model.
func save(st store.Store, sub form.Submission, user string) tea.Cmd {
	return func() tea.Msg {
		switch sub.Kind {
		case form.Call, form.Note:
			e := sub.Entry
			e.Activity.Stamp.By = user
			if e.Promise != nil {
				p := *e.Promise
				p.Stamp.By = user
				e.Promise = &p
			}
			a, err := st.LogActivity(e)
			return savedMsg{sub: sub, at: a.Stamp.At, err: err}
		case form.Escalation:
			e := sub.Escalation
			e.Stamp.By = user
			n := sub.Note
			n.Stamp.By = user
			got, err := st.OpenEscalation(e, n)
			return savedMsg{sub: sub, at: got.Stamp.At, err: err}
		default:
			m := sub.Mark
			m.Stamp.By = user
			err := st.Mark(m)
			return savedMsg{sub: sub, err: err}
		}
	}
}

func markDone(st store.Store, it dq.Item, on domain.Date, user string) tea.Cmd {
	return func() tea.Msg {
		err := st.Mark(domain.QueueMark{Key: it.Key, Account: it.Account, Done: true, On: on, Stamp: domain.Stamp{By: user}})
		return markedMsg{item: it, err: err}
	}
}
