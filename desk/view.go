package desk

import (
	"runtime"
	"slices"
	"strings"
	"sync"

	"acctdesk/domain"
	"acctdesk/domain/queue"
	"acctdesk/store"
)

// View is one consistent picture of the book, as of one change counter:
// every account's facts, its figures as of the business date and its queue
// items, the ranked queue and the totals per currency. It is immutable:
// every reader shares it, and a refresh makes a new view that shares what
// did not change.
type View struct {
	Changes  uint64
	Settings domain.Settings
	AsOf     domain.Date
	// Sums are every account's figures as of AsOf, by account code; each
	// points at the account's facts.
	Sums []domain.Summary
	// Items are each account's queue items (as Sums), Queue all of them ranked.
	Items  [][]queue.Item
	Queue  []queue.Item
	Totals []domain.CurrencyTotal
	// Touched names the accounts that differ from the previous view; nil
	// when anything may have (the first view, a settings change).
	Touched []string

	start [][]queue.Item // each account's items as the day began
	index map[string]int
}

// account is what a view keeps of one account.
type account struct {
	sum          domain.Summary
	items, start []queue.Item
}

func accountOf(set domain.Settings, x *domain.Facts, asOf domain.Date) account {
	a := account{sum: domain.Summarize(x, asOf, set)}
	a.items = queue.AccountItems(&a.sum, set)
	a.start = a.items
	if sod := x.Without(asOf); sod != x {
		s := domain.Summarize(sod, asOf, set)
		a.start = queue.AccountItems(&s, set)
	}
	return a
}

// loadView reads every account's facts (Scan) and computes the view.
func loadView(r store.Reader, asOf domain.Date) (*View, error) {
	s, err := Scan(r, func(set domain.Settings, x *domain.Facts) account { return accountOf(set, x, asOf) })
	if err != nil {
		return nil, err
	}
	v := &View{Changes: s.Changes, Settings: s.Settings, AsOf: asOf,
		Sums: make([]domain.Summary, len(s.Results)), Items: make([][]queue.Item, len(s.Results)),
		start: make([][]queue.Item, len(s.Results)), index: make(map[string]int, len(s.Results))}
	for i, a := range s.Results {
		v.Sums[i], v.Items[i], v.start[i] = a.sum, a.items, a.start
		v.index[s.Codes[i]] = i
	}
	v.rank()
	return v, nil
}

// rank makes the queue and the totals from the accounts' parts.
func (v *View) rank() {
	v.Queue = slices.Concat(v.Items...)
	queue.Rank(v.Queue)
	v.Totals = domain.TotalsByCurrency(v.Sums, v.Settings.AgingEdges)
}

// refresh is the view with what the change log says was written since.
func (v *View) refresh(r store.Reader) (*View, error) {
	ch, err := r.Changed(v.Changes)
	if err != nil {
		return nil, err
	}
	if ch.All || ch.Settings {
		nv, err := loadView(r, v.AsOf)
		if err != nil {
			return nil, err
		}
		return nv, nil
	}
	if len(ch.Accounts) == 0 {
		if ch.Now == v.Changes {
			return v, nil
		}
		nv := *v
		nv.Changes, nv.Touched = ch.Now, []string{}
		return &nv, nil
	}
	p, err := r.FactsOf(ch.Accounts)
	if err != nil {
		return nil, err
	}
	if !sameSettings(p.Settings, v.Settings) {
		return loadView(r, v.AsOf)
	}
	nv := v.with(p.Facts)
	nv.Changes = ch.Now // what was written after ch.Now is read on the next refresh
	// The page may be newer than ch.Now; reading those accounts again next
	// time is harmless, and the view is never older than what it shows.
	return nv, nil
}

// with is a new view in which the given accounts' facts replace the old.
func (v *View) with(facts []*domain.Facts) *View {
	nv := *v
	nv.Sums = slices.Clone(v.Sums)
	nv.Items = slices.Clone(v.Items)
	nv.start = slices.Clone(v.start)
	nv.Touched = make([]string, 0, len(facts))
	added := false
	for _, x := range facts {
		code := x.Account.Code
		nv.Touched = append(nv.Touched, code)
		a := accountOf(v.Settings, x, v.AsOf)
		i, ok := v.index[code]
		if !ok {
			added = true
			i, _ = slices.BinarySearchFunc(nv.Sums, code, func(s domain.Summary, c string) int {
				return strings.Compare(s.Facts.Account.Code, c)
			})
			nv.Sums = slices.Insert(nv.Sums, i, a.sum)
			nv.Items = slices.Insert(nv.Items, i, a.items)
			nv.start = slices.Insert(nv.start, i, a.start)
			continue
		}
		nv.Sums[i], nv.Items[i], nv.start[i] = a.sum, a.items, a.start
	}
	if added {
		nv.index = make(map[string]int, len(nv.Sums))
		for i := range nv.Sums {
			nv.index[nv.Sums[i].Facts.Account.Code] = i
		}
	}
	nv.rerank(v.Queue)
	nv.Totals = domain.TotalsByCurrency(nv.Sums, nv.Settings.AgingEdges)
	return &nv
}

// rerank is the queue of the touched accounts' new items merged into the
// previous queue without theirs: the order ranking everything again gives
// (queue.Compare), at the cost of the touched accounts only.
func (v *View) rerank(prev []queue.Item) {
	touched := make(map[string]bool, len(v.Touched))
	var fresh []queue.Item
	for _, code := range v.Touched {
		touched[code] = true
		fresh = append(fresh, v.Items[v.index[code]]...)
	}
	queue.Rank(fresh)
	out := make([]queue.Item, 0, len(prev)+len(fresh))
	for _, it := range prev {
		if touched[it.Account] {
			continue
		}
		for len(fresh) > 0 && queue.Compare(fresh[0], it) < 0 {
			out = append(out, fresh[0])
			fresh = fresh[1:]
		}
		out = append(out, it)
	}
	v.Queue = append(out, fresh...)
}

// Summary is an account's figures, or nil when it is not in the book.
func (v *View) Summary(code string) *domain.Summary {
	if i, ok := v.index[code]; ok {
		return &v.Sums[i]
	}
	return nil
}

// Facts is an account's facts, or nil when it is not in the book.
func (v *View) Facts(code string) *domain.Facts {
	if s := v.Summary(code); s != nil {
		return s.Facts
	}
	return nil
}

// Book is the view's facts as a domain book.
func (v *View) Book() *domain.Book {
	accounts := make([]*domain.Facts, len(v.Sums))
	for i := range v.Sums {
		accounts[i] = v.Sums[i].Facts
	}
	return domain.NewBook(v.Settings, accounts)
}

// At is every account's figures as of another date (the aging pane moved
// a month), computed from the facts on every processor.
func (v *View) At(asOf domain.Date) []domain.Summary {
	if asOf == v.AsOf {
		return v.Sums
	}
	out := make([]domain.Summary, len(v.Sums))
	workers := min(runtime.GOMAXPROCS(0), len(out)/256+1)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Go(func() {
			for i := w; i < len(out); i += workers {
				out[i] = domain.Summarize(v.Sums[i].Facts, asOf, v.Settings)
			}
		})
	}
	wg.Wait()
	return out
}

// Progress is the day's work on the queue, for one owner's accounts or
// ("") everyone's: the items handled since the day began and the day's
// total (queue.CompareDays).
func (v *View) Progress(owner string) (handled, total int) {
	var start, now []queue.Item
	for i := range v.Sums {
		if owner != "" && v.Sums[i].Facts.Account.Owner != owner {
			continue
		}
		start = append(start, v.start[i]...)
		now = append(now, v.Items[i]...)
	}
	return queue.CompareDays(start, now)
}

// Owner is the user's name as the book spells it on accounts (matched
// without regard to case), or "" when the user owns no account.
func (v *View) Owner(user string) string {
	user = strings.TrimSpace(user)
	if user == "" {
		return ""
	}
	for i := range v.Sums {
		if o := v.Sums[i].Facts.Account.Owner; strings.EqualFold(o, user) {
			return o
		}
	}
	return ""
}
