package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"acctdesk/domain"

	"github.com/shopspring/decimal"
)

// Openings (SPEC §11.2, §11.3): the accounts opened (signed) in each month
// of the period, by segment and salesperson; how many of them are live as
// of the report's date and how long they took; and the documents of their
// opening files still pending then. From facts: each account's dates and
// its opening file.
//
// avg_days_to_live is over the accounts of the row gone live by the date
// (live on or before it), live date − opened date, floored at 0; those not
// live yet, and those live without a live date (domain.Account.Live), have
// taken no known time and are left out, so a row with none has it empty.
// pending_documents counts, over every account of the row, live or not,
// the documents its segment requires that are not validated by the date
// (missing, or received and not yet validated): a live account's gap is
// still the administrator's to close.

type opening struct {
	month, segment, salesperson string
	live                        bool
	known                       bool // live on a known date
	days                        int  // live − opened, when known
	pending                     int
}

func openingsPart(in Input, set domain.Settings, x *domain.Facts) any {
	a := x.Account
	p := in.period()
	if in.skip(x) || a.OpenedOn.IsZero() || !p.Contains(a.OpenedOn) || a.OpenedOn > in.AsOf {
		return nil
	}
	o := opening{month: domain.MonthName(a.OpenedOn), segment: a.Segment, salesperson: a.Salesperson,
		live: a.Live(in.AsOf)}
	if o.live && !a.LiveOn.IsZero() {
		o.known = true
		o.days = max(a.LiveOn.DaysSince(a.OpenedOn), 0)
	}
	o.pending = domain.OpeningOf(set.RequiredDocsFor(a.Segment), x.Documents, x.Blockages, in.AsOf).Pending()
	return &o
}

func openingsTable(in Input, set domain.Settings, parts []any) *Table {
	t := &Table{Columns: []Column{{"month", Text, ""}, {"segment", Text, ""}, {"salesperson", Text, ""}, {"opened", Count, ""},
		{"live", Count, ""}, {"avg_days_to_live", Days, ""}, {"pending_documents", Count, "PENDING DOCS"}}}
	type group struct {
		key                   opening // month, segment, salesperson
		opened, live, pending int
		dated, liveDays       int // the live accounts with a live date, and their days
	}
	groups := map[[3]string]*group{}
	for _, p := range parts {
		o, ok := p.(*opening)
		if !ok {
			continue
		}
		k := [3]string{o.month, o.segment, o.salesperson}
		g := groups[k]
		if g == nil {
			g = &group{key: *o}
			groups[k] = g
		}
		g.opened++
		g.pending += o.pending
		if o.live {
			g.live++
		}
		if o.known {
			g.dated++
			g.liveDays += o.days
		}
	}
	rows := make([]*group, 0, len(groups))
	for _, g := range groups {
		rows = append(rows, g)
	}
	slices.SortFunc(rows, func(a, b *group) int {
		return cmp.Or(strings.Compare(a.key.month, b.key.month), strings.Compare(a.key.segment, b.key.segment),
			strings.Compare(a.key.salesperson, b.key.salesperson))
	})
	for _, g := range rows {
		var avg decimal.Decimal
		if g.dated > 0 {
			avg = decimal.NewFromInt(int64(g.liveDays)).Div(decimal.NewFromInt(int64(g.dated)))
		}
		t.Rows = append(t.Rows, []Cell{T(g.key.month), T(g.key.segment), T(g.key.salesperson), T(strconv.Itoa(g.opened)),
			T(strconv.Itoa(g.live)), days(avg, g.dated > 0), T(strconv.Itoa(g.pending))})
	}
	return t
}

func init() {
	docs["openings"] = doc{"the accounts opened in each month of the period (--period, default 12m) by segment and salesperson, " +
		"how many are live as of the date and how long they took, and the documents of their opening files still pending; by month, " +
		"segment and salesperson", map[string]string{
		"month": "the month the accounts were opened (signed), 2026-11", "segment": "their segment", "salesperson": "who sold them",
		"opened": "accounts opened in the month (on or before the as-of date)",
		"live": "of those, the accounts live on or before the as-of date (live date on or before it; without a live date, " +
			"active or on-hold)",
		"avg_days_to_live": "the mean of live date − opened date over the accounts gone live with a live date, one decimal; empty " +
			"when none is",
		"pending_documents": "over every account of the row, live or not, the documents its segment requires (book settings) that " +
			"are not validated by the as-of date: not received, or received and not yet validated",
	}}
}
