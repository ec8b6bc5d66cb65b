package aging

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/shopspring/decimal"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
)

// Row is one account's aging, formatted once per change of the account.
type Row struct {
	Code, Name, Owner string
	Tier              int
	Cur               domain.Currency
	Aging             domain.Aging
	Cells             []string // one per bucket, then total, unapplied, net
	code, name        string
	keys              []float64 // sort keys: buckets…, total, overdue
	owes              bool      // something outstanding or unapplied: the account is listed
}

// Total is a currency's line of totals.
type Total struct {
	Cur      domain.Currency
	Accounts int
	Cells    []string // one per bucket, then total, unapplied, net: the full figures
	Short    []string // the same, short (₦1.4B), where the full one does not fit
	Share    []string // each bucket's share of the total
}

// data is the aging of the book as of a date.
type data struct {
	asOf     domain.Date
	labels   []string                // bucket labels
	edges    []int                   // the bucket edges the rows were aged with
	accounts common.AccountRows[Row] // every account, kept from view to view
	rows     []*Row                  // the accounts listed
	totals   []Total
	fc       *forecast // the cash forecast, when the chart was shown (w)
}

// prepared is the answer to the preparation numbered seq.
type prepared struct {
	seq  int
	data *data
}

// prepare works out and formats the aging as of asOf: from the view's
// figures on its own date, from each account's facts on another (only the
// accounts that changed since old, when old is of the same date).
// With chart, the cash forecast too (the chart's, w). Everything it reads
// is passed in; the view and old are never changed.
func prepare(seq int, v *desk.View, asOf domain.Date, old common.AccountRows[Row], chart bool) tea.Cmd {
	return func() tea.Msg {
		set := v.Settings
		d := &data{asOf: asOf, labels: domain.BucketLabels(set.AgingEdges), edges: set.AgingEdges}
		d.accounts = old.Next(v.Sums, v.Touched, set, asOf, func(s *domain.Summary) Row {
			if asOf != v.AsOf {
				at := domain.Summarize(s.Facts, asOf, set)
				s = &at
			}
			return rowOf(s)
		})
		d.rows = make([]*Row, 0, len(d.accounts.Rows))
		for _, r := range d.accounts.Rows {
			if r.owes {
				d.rows = append(d.rows, r)
			}
		}
		d.totals = totalsOf(d.rows, nil, set.AgingEdges)
		if chart {
			d.fc = forecastOf(v, asOf)
		}
		return prepared{seq, d}
	}
}

// totalsOf are the totals per currency of the rows listed (idx, or every
// row when idx is nil), counting the accounts listed: the rows and the
// totals under them always speak of the same accounts (an account that
// owes nothing is not listed, nor counted).
func totalsOf(rows []*Row, idx []int, edges []int) []Total {
	t := domain.NewCurrencyTotals(edges)
	if idx == nil {
		for _, r := range rows {
			t.Add(r.Cur, r.Aging, decimal.Zero)
		}
	} else {
		for _, i := range idx {
			t.Add(rows[i].Cur, rows[i].Aging, decimal.Zero)
		}
	}
	var out []Total
	for _, ct := range t.Totals() {
		out = append(out, totalOf(ct))
	}
	return out
}

func rowOf(s *domain.Summary) Row {
	a := s.Account()
	r := Row{Code: common.Clean(a.Code), Name: common.Clean(a.Name), Owner: common.Clean(a.Owner), Tier: a.Tier, Cur: a.Currency, Aging: s.Aging,
		owes: !s.Aging.Total.IsZero() || !s.Aging.Unapplied.IsZero()}
	r.code, r.name = common.Fold(r.Code), common.Fold(r.Name)
	r.Cells = cells(s.Aging, a.Currency)
	for _, b := range s.Aging.Buckets {
		r.keys = append(r.keys, domain.Float(b))
	}
	r.keys = append(r.keys, domain.Float(s.Aging.Total), domain.Float(s.Aging.Overdue()))
	return r
}

func totalOf(t domain.CurrencyTotal) Total {
	tt := Total{Cur: t.Currency, Accounts: t.Accounts, Cells: fullCells(t.Aging, t.Currency), Short: cells(t.Aging, t.Currency)}
	for _, b := range t.Aging.Buckets {
		share := ""
		if t.Aging.Total.IsPositive() {
			share = b.Mul(decimal.NewFromInt(100)).Div(t.Aging.Total).Round(0).String() + " %"
		}
		tt.Share = append(tt.Share, share)
	}
	return tt
}

func cells(a domain.Aging, c domain.Currency) []string {
	out := make([]string, 0, len(a.Buckets)+3)
	for _, b := range a.Buckets {
		out = append(out, amount(b, c))
	}
	return append(out, amount(a.Total, c), amount(a.Unapplied, c), amount(a.Net(), c))
}

// fullCells are cells with the full figures (₦1,421,188,891.07).
func fullCells(a domain.Aging, c domain.Currency) []string {
	out := make([]string, 0, len(a.Buckets)+3)
	full := func(d decimal.Decimal) string {
		if d.IsZero() {
			return "-"
		}
		return common.Money(d, c)
	}
	for _, b := range a.Buckets {
		out = append(out, full(b))
	}
	return append(out, full(a.Total), full(a.Unapplied), full(a.Net()))
}

func amount(d decimal.Decimal, c domain.Currency) string {
	if d.IsZero() {
		return "-"
	}
	return common.ShortMoney(d, c)
}
