package ui

import (
	"sort"
	"strings"
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
	owner   string        // the user as the book spells an owner, "" when they own none
	err     error
}

// loadInput is what a load is asked for, captured by value when it starts.
type loadInput struct {
	seq       int
	asOf      domain.Date // the workstation's business date
	agingAsOf domain.Date // the aging pane's date (0: asOf)
	open      string      // the account open in the account pane
	openAsOf  domain.Date // the date it is shown as of (0: asOf)
	user      string
}

// progressMsg is the day's progress through the queue, computed after a load
// (it builds the start-of-day queue, so it comes on its own), for everyone's
// accounts and for the user's own.
type progressMsg struct {
	seq            int
	everyone, mine queue.Progress
}

func progress(b *domain.Book, sums []domain.Summary, seq int, asOf domain.Date, items []dq.Item, owner string) tea.Cmd {
	return func() tea.Msg {
		msg := progressMsg{seq: seq}
		h, t := dq.Progress(b, sums, asOf, dq.Options{}, items)
		msg.everyone = queue.Progress{Handled: h, Total: t, Known: true}
		if owner != "" {
			var mine []dq.Item
			for _, it := range items {
				if it.Owner == owner {
					mine = append(mine, it)
				}
			}
			h, t := dq.Progress(b, sums, asOf, dq.Options{Owner: owner}, mine)
			msg.mine = queue.Progress{Handled: h, Total: t, Known: true}
		}
		return msg
	}
}

// ownerOf is the user's name as the book spells it on accounts (matched
// without regard to case), or "" when the user owns no account.
func ownerOf(sums []domain.Summary, user string) string {
	user = strings.TrimSpace(user)
	if user == "" {
		return ""
	}
	for i := range sums {
		if o := sums[i].File.Account.Owner; strings.EqualFold(o, user) {
			return o
		}
	}
	return ""
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
	sub   form.Submission
	at    time.Time
	recap string // the written recap kept on the activity, if any
	err   error
}

// markedMsg is the store's answer to "done".
type markedMsg struct {
	item dq.Item
	err  error
}

// load reads the book and computes everything the panes show, once. Every
// input is captured by value here; nothing is read from the model later.
func load(st store.Store, in loadInput) tea.Cmd {
	return func() tea.Msg {
		n, err := st.Changes()
		if err != nil {
			return loadedMsg{seq: in.seq, err: err}
		}
		b, err := st.Load()
		if err != nil {
			return loadedMsg{seq: in.seq, err: err}
		}
		return compute(b, n, in)
	}
}

// compute is the pure part of a load (also used by the benchmarks).
func compute(b *domain.Book, n uint64, in loadInput) loadedMsg {
	set := b.Settings
	asOf := in.asOf
	sums := domain.SummarizeBook(b, asOf)
	totals := domain.TotalsByCurrency(sums, set.AgingEdges)
	items := dq.FromSummaries(b, sums, dq.Options{})
	msg := loadedMsg{
		seq: in.seq, changes: n, book: b, sums: sums,
		queue: queue.Prepare(items, asOf),
		items: items,
		books: book.Prepare(sums, totals, set, asOf),
		cands: jump.Prepare(sums),
		owner: ownerOf(sums, in.user),
	}
	if in.agingAsOf == 0 || in.agingAsOf == asOf {
		msg.aging = aging.Prepare(sums, totals, set, asOf)
	} else {
		msg.aging = computeAging(b, in.agingAsOf)
	}
	if in.open != "" {
		if f := b.Find(in.open); f != nil {
			msg.account = prepareAccount(f, summaryOf(sums, in.open), set, asOf, in.openAsOf)
		}
	}
	return msg
}

// prepareAccount formats an account as of the workstation's date, or as of
// another date (from the aging) with its own summary.
func prepareAccount(f *domain.AccountFile, sum *domain.Summary, set domain.Settings, asOf, at domain.Date) *account.Data {
	if at != 0 && at != asOf {
		s := domain.Summarize(f, at, set)
		return account.Prepare(f, &s, set, at, asOf)
	}
	return account.Prepare(f, sum, set, asOf, asOf)
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

// recapInput is what the written recap of a save is made from, captured when
// the form is submitted: the account's file and summary as loaded (a loaded
// book is never changed, so the pointers are as good as copies).
type recapInput struct {
	file *domain.AccountFile
	sum  *domain.Summary
	asOf domain.Date
}

// save writes a submitted form. The submission is a value: the command never
// looks at the model. A promise or an escalation gets its written recap
// (domain.PromiseRecap, domain.EscalationRecap) before the write, so the text
// kept on the activity is the text the user copies.
func save(st store.Store, sub form.Submission, user string, rc recapInput) tea.Cmd {
	return func() tea.Msg {
		switch sub.Kind {
		case form.Call, form.Note:
			e := sub.Entry
			e.Activity.Stamp.By = user
			if e.Promise != nil {
				p := *e.Promise
				p.Stamp.By = user
				e.Promise = &p
				if rc.file != nil {
					e.Activity.Recap = domain.PromiseRecap(rc.file, p, user, rc.asOf)
				}
			}
			a, err := st.LogActivity(e)
			return savedMsg{sub: sub, at: a.Stamp.At, recap: e.Activity.Recap, err: err}
		case form.Escalation:
			e := sub.Escalation
			e.Stamp.By = user
			n := sub.Note
			n.Stamp.By = user
			if rc.sum != nil {
				n.Recap = domain.EscalationRecap(*rc.sum, e, user)
			}
			got, err := st.OpenEscalation(e, n)
			return savedMsg{sub: sub, at: got.Stamp.At, recap: n.Recap, err: err}
		case form.FollowUp:
			fu := sub.FollowUp
			fu.Stamp.By = user
			_, err := st.Apply(&store.Batch{FollowUps: []store.Rec[domain.FollowUp]{{V: fu}}})
			return savedMsg{sub: sub, err: err}
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
