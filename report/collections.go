package report

import (
	"cmp"
	"slices"
	"strings"

	"acctdesk/domain"
)

// Collections (SPEC §11.2): the invoices falling due in each interval of
// the period (--by day, week or month, default month; --period, default
// 12m, up to the as-of date), per owner and currency — what fell due, what
// of it was paid by each invoice's due date, and what by the interval's
// end. "Paid" is settled by the application rule of SPEC §2: an invoice's
// amount less its outstanding as of that day, so credit notes applied to
// it (a price correction, a rebate, a write-off) count as paid as payments
// do — the report measures what is no longer owed, as the aging does. An
// interval is cut at the period's ends: a week or month that starts before
// the period counts only the invoices due in the period, and one that ends
// after it (or after the as-of date) counts payments up to the period's
// last day. Disputed invoices count: they fell due. By interval, owner,
// then currency; rows only where something fell due.

type collRow struct {
	iv                   interval
	at                   int // the interval's index in the period (intervalIndex)
	lo, hi               int // the ledger's invoices of the interval: [lo, hi)
	fell, onTime, byEnds unitSum
}

type collPart struct {
	owner string
	cur   domain.Currency
	exp   int32 // the rows' sums are in units of 10^exp
	rows  []collRow
}

// by is --by for report collections: day, week or month (the default).
func (in Input) by() string {
	if in.By == "" {
		return ByMonth
	}
	return in.By
}

func collectionsAccount(in Input, set domain.Settings, x *domain.Facts) any {
	from, to, ok := in.span()
	l := &x.Ledger
	if in.skip(x) || !ok || len(l.Invoices) == 0 {
		return nil
	}
	by := in.by()
	inv := l.Invoices
	// The invoices are in due-date order, so their intervals come in
	// order too: each row is a run of them.
	var whole interval // the current row's interval before it is cut to the period
	n := 0             // how many rows: counted first, to make room once
	for k := range inv {
		if due := inv[k].Due; due >= from && due <= to && inv[k].Issued <= in.AsOf && (n == 0 || due > whole.to) {
			whole = intervalOf(by, due)
			n++
		}
	}
	if n == 0 {
		return nil
	}
	rows := make([]collRow, 0, n)
	for k := range inv {
		due := inv[k].Due
		if due < from || due > to || inv[k].Issued > in.AsOf {
			continue // not due in the period, or not issued yet: it does not exist
		}
		if len(rows) == 0 || due > whole.to {
			whole = intervalOf(by, due)
			// Named by its first day (a week's Monday) even when the
			// period starts later; counted up to the period's last day.
			rows = append(rows, collRow{iv: interval{whole.from, min(whole.to, to)}, at: intervalIndex(by, from, due), lo: k})
		}
		rows[len(rows)-1].hi = k + 1
	}
	if len(rows) == 0 {
		return nil
	}
	owed := owedAsOf(l, rows)
	for n := range rows {
		r := &rows[n]
		for k := r.lo; k < r.hi; k++ {
			if inv[k].Due < from || inv[k].Issued > in.AsOf {
				continue
			}
			r.fell.add(inv[k].Amount, l.Exp)
			if inv[k].Issued <= inv[k].Due {
				r.onTime.add(inv[k].Amount-owed.onTime[k], l.Exp)
			}
			if inv[k].Issued <= r.iv.to {
				r.byEnds.add(inv[k].Amount-owed.byEnd[k], l.Exp)
			}
		}
	}
	return &collPart{owner: x.Account.Owner, cur: x.Account.Currency, exp: l.Exp, rows: rows}
}

// collOwed is what each invoice of the rows owed as of its due date and as
// of its interval's end (by ledger position).
type collOwed struct{ onTime, byEnd []int64 }

// owedAsOf works collOwed out: with a sweep over the dates in order, or
// (a ledger the sweep does not cover) by applying the ledger as of each.
// Both lists of dates are in order already — the due dates, and the ends
// of the intervals they fall in — so the sweep takes them merged.
func owedAsOf(l *domain.Ledger, rows []collRow) collOwed {
	s, ok := newOwedSweep(l)
	return owedBy(l, rows, s, ok)
}

// owedBy is owedAsOf with the sweep s when sweep, else with Ledger.Apply.
func owedBy(l *domain.Ledger, rows []collRow, s *owedSweep, sweep bool) collOwed {
	n := len(l.Invoices)
	buf := make([]int64, 2*n)
	o := collOwed{buf[:n], buf[n:]}
	var sc domain.Scratch
	var applied domain.Applied
	var at domain.Date
	owed := func(on domain.Date, k int) int64 {
		if sweep {
			if on != s.on {
				s.to(on)
			}
			return s.owed(k)
		}
		if on != at {
			applied, at = l.Apply(on, &sc), on
		}
		return applied.Owed[k]
	}
	// A cursor walks the rows' invoices: row r, ledger position k.
	type cursor struct{ r, k int }
	next := func(c *cursor) {
		if c.k++; c.k >= rows[c.r].hi {
			if c.r++; c.r < len(rows) {
				c.k = rows[c.r].lo
			}
		}
	}
	due, end := cursor{0, rows[0].lo}, cursor{0, rows[0].lo}
	for due.r < len(rows) || end.r < len(rows) {
		if end.r == len(rows) || (due.r < len(rows) && l.Invoices[due.k].Due <= rows[end.r].iv.to) {
			o.onTime[due.k] = owed(l.Invoices[due.k].Due, due.k)
			next(&due)
		} else {
			o.byEnd[end.k] = owed(rows[end.r].iv.to, end.k)
			next(&end)
		}
	}
	return o
}

func collectionsTable(in Input, set domain.Settings, parts []any) *Table {
	t := &Table{Columns: []Column{{"interval", Text, ""}, {"owner", Text, ""}, {"currency", Text, ""}, {"fell_due", Money, ""},
		{"paid_on_time", Money, ""}, {"paid", Money, ""}, {"rate_pct", Percent, "RATE %"}}}
	// One group per owner and currency, each with its sums per interval
	// of the period, by index: adding up ten thousand accounts' rows is
	// then no map lookup per row.
	type key struct {
		owner string
		cur   domain.Currency
	}
	type sums struct {
		iv                 interval
		used               bool
		fell, onTime, paid domain.Sum
	}
	groups := map[key][]sums{}
	for _, part := range parts {
		p, ok := part.(*collPart)
		if !ok {
			continue
		}
		k := key{p.owner, p.cur}
		g := groups[k]
		for _, r := range p.rows {
			if r.at >= len(g) {
				g = append(g, make([]sums, r.at+1-len(g))...)
			}
			s := &g[r.at]
			s.iv, s.used = r.iv, true
			r.fell.addTo(&s.fell, p.exp, p.cur)
			r.onTime.addTo(&s.onTime, p.exp, p.cur)
			r.byEnds.addTo(&s.paid, p.exp, p.cur)
		}
		groups[k] = g
	}
	keys := make([]key, 0, len(groups))
	intervals := 0
	for k, g := range groups {
		keys = append(keys, k)
		intervals = max(intervals, len(g))
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(strings.Compare(a.owner, b.owner), strings.Compare(string(a.cur), string(b.cur)))
	})
	by := in.by()
	for i := 0; i < intervals; i++ {
		for _, k := range keys {
			g := groups[k]
			if i >= len(g) || !g[i].used {
				continue
			}
			s := &g[i]
			fell, onTime := s.fell.Decimal(), s.onTime.Decimal()
			t.Rows = append(t.Rows, []Cell{T(s.iv.name(by)), T(k.owner), T(string(k.cur)), money(fell, k.cur), money(onTime, k.cur),
				money(s.paid.Decimal(), k.cur), pctCell(onTime, fell)})
		}
	}
	return t
}

func init() {
	docs["collections"] = doc{"the invoices falling due in each interval of --period (default 12m, up to the as-of date), --by day, week " +
		"or month (the default), per owner and currency: what fell due, what of it was paid by each invoice's due date and what by " +
		"the interval's end. Paid means settled by the application rule of SPEC §2 (the amount less the outstanding that day): credit " +
		"notes applied to an invoice count as payments do. An interval is cut at the period's ends (a week or month starting before " +
		"it counts only the invoices due in it; one ending after it counts payments up to its last day). Disputed invoices count. " +
		"By interval, owner, then currency", map[string]string{
		"interval":     "the day (YYYY-MM-DD), the week (its Monday, YYYY-MM-DD) or the month (2026-11) the invoices fell due in",
		"owner":        "the accounts' owner",
		"currency":     "the accounts' currency (never added across)",
		"fell_due":     "the amounts of the invoices that fell due in the interval",
		"paid_on_time": "what of each was settled by its due date (payments and credit notes dated on or before it, SPEC §2)",
		"paid":         "what of each was settled by the interval's end (or the period's last day, when earlier)",
		"rate_pct":     "paid_on_time ÷ fell_due × 100, one decimal; empty when nothing fell due (invoices of no amount)",
	}}
}
