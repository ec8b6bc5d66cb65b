package dashboard

import (
	"slices"
	"strings"
	"sync"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/shopspring/decimal"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/report"
	"acctdesk/ui/common"
)

// data is the dashboard of one view, made in two stages: first every
// figure but the forecasts of the last weeks, then those (the dearest: a
// forecast per account and week). The parts of the accounts are kept from
// view to view, and so are their sums, so that a change costs the accounts
// it touched. Once made, a data is never changed: the second stage makes a
// new one.
type data struct {
	view  *desk.View
	frame frame
	rows  common.AccountRows[part]
	sums  tallies
	heads map[string]headlines // the book's ("") and each owner's
	// weekRows and weekSums are the forecasts of the last weeks: those of
	// the view once weeksDone, else the previous view's (or none), shown
	// until the second stage is done.
	weekRows  common.AccountRows[weeksPart]
	weekSums  *tallies
	weeksDone bool
	book      *scope
	owners    []*scope // by owner's name, without regard to case; the accounts without one last
}

// scope is the figures of the book or of one owner's accounts.
type scope struct {
	owner string    // "" for the book (and for the accounts without an owner, as an owner)
	curs  []figures // by currency code
	head  headlines
}

// figures are a scope's figures in one currency.
type figures struct {
	cur      domain.Currency
	accounts int
	today    domain.DSO      // as of today (the headline DSO without report metrics)
	months   []month         // at each month end, oldest first
	fellDue  decimal.Decimal // this month, up to today
	settled  decimal.Decimal // of fellDue
	dueLater decimal.Decimal // still owed of what falls due later this month
	weeks    []week          // oldest first; nil until worked out
	year     promises        // due in the 12 months ending today
	month    promises        // due this month
}

// month is the aging and the DSO at a month end.
type month struct {
	end   domain.Date
	aging domain.Aging
	dso   domain.DSO
}

// week is what the forecast as of its Monday expected in it, and what
// came in.
type week struct {
	monday         domain.Date
	forecast, came decimal.Decimal
}

// of is the scope's figures in a currency, or nil when it has no account in it.
func (s *scope) of(c domain.Currency) *figures {
	for i := range s.curs {
		if s.curs[i].cur == c {
			return &s.curs[i]
		}
	}
	return nil
}

// prepared is the answer to the preparation numbered seq: its first stage,
// or (weeks) its second.
type prepared struct {
	seq   int
	data  *data
	weeks bool
}

// metricsReport finds the metrics report (SPEC §11.1); a variable so that
// a test can stand in for it.
var metricsReport = func() (report.Report, error) { return report.Lookup("metrics") }

// shared is the last data made in this process: sessions that share a view
// (team mode) work it out once.
var shared struct {
	sync.Mutex
	data *data
}

// cached is the data made for v, when it is done.
func cached(v *desk.View) *data {
	shared.Lock()
	defer shared.Unlock()
	if d := shared.data; d != nil && d.view == v && d.weeksDone {
		return d
	}
	return nil
}

func keep(d *data) {
	shared.Lock()
	shared.data = d
	shared.Unlock()
}

// prepare works out the first stage of a view's dashboard in a command,
// from old's (the data shown, or nil). Everything it reads is passed in;
// the view and old are never changed.
func prepare(seq int, v *desk.View, old *data) tea.Cmd {
	return func() tea.Msg { return prepared{seq: seq, data: dataOf(v, old, metricsReport)} }
}

// prepareWeeks works out the second stage of d.
func prepareWeeks(seq int, d *data) tea.Cmd {
	return func() tea.Msg {
		nd := withWeeks(d)
		keep(nd)
		return prepared{seq: seq, data: nd, weeks: true}
	}
}

func dataOf(v *desk.View, old *data, lookup func() (report.Report, error)) *data {
	f := frameOf(v.Settings, v.AsOf)
	mr, mErr := lookup()
	in := report.Input{AsOf: v.AsOf, Period: f.year}
	d := &data{view: v, frame: f}
	var oldRows common.AccountRows[part]
	var oldSums *tallies
	if old != nil && old.frame.same(f) {
		oldRows, oldSums = old.rows, &old.sums
		if old.weeksDone {
			d.weekRows, d.weekSums = old.weekRows, old.weekSums // shown until the second stage is done
		}
	}
	d.rows = oldRows.Next(v.Sums, v.Touched, v.Settings, v.AsOf, func(s *domain.Summary) part {
		p := partOf(f, s)
		if mErr == nil {
			p.metrics = mr.Part(in, v.Settings, s.Facts)
		}
		return p
	})
	d.sums = tallyRows(oldSums, oldRows.Rows, d.rows.Rows, func(p *part) *amounts { return &p.amounts }, f.size(),
		func(p *part, sign int64) func(*tally) {
			return func(t *tally) { t.year, t.month = t.year.plus(p.year, int(sign)), t.month.plus(p.month, int(sign)) }
		})
	// The headlines: the metrics report's Finish over each scope's parts.
	head := func(parts []any) headlines {
		if mErr != nil {
			return headlines{missing: "metrics not available"}
		}
		return headlinesFrom(mr.Finish(in, v.Settings, parts))
	}
	byOwner := map[string][]any{}
	all := make([]any, len(d.rows.Rows))
	for i, p := range d.rows.Rows {
		all[i] = p.metrics
		byOwner[p.owner] = append(byOwner[p.owner], p.metrics)
	}
	d.heads = map[string]headlines{"": head(all)}
	for o, parts := range byOwner {
		d.heads["owner:"+o] = head(parts)
	}
	d.build()
	return d
}

// withWeeks is d with the forecasts of the last weeks worked out, from
// the previous view's (d's until then) for the accounts that did not change.
func withWeeks(d *data) *data {
	nd := *d
	v, f := d.view, d.frame
	oldRows, oldSums := d.weekRows, d.weekSums
	nd.weekRows = oldRows.Next(v.Sums, v.Touched, v.Settings, v.AsOf, func(s *domain.Summary) weeksPart { return weeksOf(f, s.Facts) })
	ws := tallyRows(oldSums, oldRows.Rows, nd.weekRows.Rows, func(w *weeksPart) *amounts { return &w.amounts }, weeksSize,
		func(*weeksPart, int64) func(*tally) { return nil })
	nd.weekSums, nd.weeksDone = &ws, true
	nd.build()
	return &nd
}

// build makes the scopes' figures from the sums and the headlines.
func (d *data) build() {
	var weeks tallies
	if d.weekSums != nil {
		weeks = *d.weekSums
	}
	d.book = d.scopeOf("", d.sums.book, weeks.book, d.heads[""])
	names := make([]string, 0, len(d.sums.owners))
	for o := range d.sums.owners {
		names = append(names, o)
	}
	slices.SortFunc(names, func(a, b string) int {
		switch {
		case a == "" || b == "":
			return strings.Compare(b, a) // the accounts without an owner last
		}
		return cmpOr(strings.Compare(strings.ToLower(a), strings.ToLower(b)), strings.Compare(a, b))
	})
	d.owners = d.owners[:0:0]
	for _, o := range names {
		d.owners = append(d.owners, d.scopeOf(o, d.sums.owners[o], weeks.owners[o], d.heads["owner:"+o]))
	}
}

func cmpOr(a, b int) int {
	if a != 0 {
		return a
	}
	return b
}

func (d *data) scopeOf(owner string, ts, ws map[domain.Currency]*tally, head headlines) *scope {
	f := d.frame
	sc := &scope{owner: owner, head: head}
	nb := f.buckets()
	for c, t := range ts {
		fg := figures{cur: c, accounts: t.accounts, year: t.year, month: t.month,
			today: domain.NewDSO(t.at(todayNet), t.at(todayCurrent), t.at(todaySales), f.dsoDays)}
		for m, end := range f.ends {
			base := f.point(m)
			ag := domain.Aging{Buckets: make([]decimal.Decimal, nb)}
			var total domain.Sum
			for b := range nb {
				ag.Buckets[b] = t.at(base + b)
				total.Add(ag.Buckets[b])
			}
			ag.Total, ag.Unapplied = total.Decimal(), t.at(base+nb)
			fg.months = append(fg.months, month{end: end, aging: ag,
				dso: domain.NewDSO(ag.Net(), ag.Buckets[0], t.at(base+nb+1), f.dsoDays)})
		}
		k := f.collections()
		fg.fellDue, fg.settled, fg.dueLater = t.at(k+fellDue), t.at(k+settled), t.at(k+dueLater)
		if w := ws[c]; w != nil {
			for i, monday := range f.mondays {
				fg.weeks = append(fg.weeks, week{monday: monday, forecast: w.at(weekAt(i)), came: w.at(weekAt(i) + 1)})
			}
		}
		sc.curs = append(sc.curs, fg)
	}
	slices.SortFunc(sc.curs, func(a, b figures) int { return strings.Compare(string(a.cur), string(b.cur)) })
	return sc
}
