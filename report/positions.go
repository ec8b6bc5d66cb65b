package report

import (
	"sort"

	"acctdesk/domain"

	"github.com/shopspring/decimal"
)

// The aging and DSO reports made from positions (Input.Positions) rather
// than a loaded book: the same rows, computed from each account's open items
// and period sales only. Amounts are added with domain.Sum, which gives the
// values decimal.Add gives without an allocation per amount.

// positionLine is an account the owner filter keeps, with its aging.
type positionLine struct {
	ap    *domain.AccountPosition
	aging domain.Aging
}

func (in Input) positionLines(edges []int) []positionLine {
	out := make([]positionLine, 0, len(in.Positions.Accounts))
	sums := make([]domain.Sum, len(edges)+2)
	for i := range in.Positions.Accounts {
		ap := &in.Positions.Accounts[i]
		if in.Owner != "" && ap.Account.Owner != in.Owner {
			continue
		}
		out = append(out, positionLine{ap, agingOf(ap.Position, edges, sums)})
	}
	return out
}

// agingOf is domain.AgingOf, added up with sums (scratch, len(edges)+2).
func agingOf(p domain.Position, edges []int, sums []domain.Sum) domain.Aging {
	clear(sums)
	var total domain.Sum
	for _, it := range p.Items {
		if it.Outstanding.IsZero() {
			continue
		}
		sums[domain.BucketOf(it.DaysPastDue, edges)].Add(it.Outstanding)
		total.Add(it.Outstanding)
	}
	a := domain.Aging{Buckets: make([]decimal.Decimal, len(sums)), Total: total.Decimal(), Unapplied: p.Unapplied}
	for i := range sums {
		a.Buckets[i] = sums[i].Decimal()
	}
	return a
}

// currencyTotals adds lines up per currency, sorted by currency code, as
// domain.TotalsByCurrency does for summaries.
type currencyTotals struct {
	edges []int
	idx   map[domain.Currency]int
	out   []*currencySum
}

type currencySum struct {
	cur                     domain.Currency
	buckets                 []domain.Sum
	total, unapplied, sales domain.Sum
	accounts                int
}

func newTotals(edges []int) *currencyTotals {
	return &currencyTotals{edges: edges, idx: map[domain.Currency]int{}}
}

func (t *currencyTotals) add(l positionLine) {
	c := l.ap.Account.Currency
	k, ok := t.idx[c]
	if !ok {
		k = len(t.out)
		t.idx[c] = k
		t.out = append(t.out, &currencySum{cur: c, buckets: make([]domain.Sum, len(t.edges)+2)})
	}
	s := t.out[k]
	for i, b := range l.aging.Buckets {
		s.buckets[i].Add(b)
	}
	s.total.Add(l.aging.Total)
	s.unapplied.Add(l.aging.Unapplied)
	s.sales.Add(l.ap.Sales)
	s.accounts++
}

func (t *currencyTotals) sorted() []domain.CurrencyTotal {
	out := make([]domain.CurrencyTotal, len(t.out))
	for i, s := range t.out {
		a := domain.Aging{Buckets: make([]decimal.Decimal, len(s.buckets)), Total: s.total.Decimal(), Unapplied: s.unapplied.Decimal()}
		for j := range s.buckets {
			a.Buckets[j] = s.buckets[j].Decimal()
		}
		out[i] = domain.CurrencyTotal{Currency: s.cur, Aging: a, Sales: s.sales.Decimal(), Accounts: s.accounts}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Currency < out[j].Currency })
	return out
}

func agingFromPositions(in Input, t *Table, edges []int) {
	tots := newTotals(edges)
	for _, l := range in.positionLines(edges) {
		if l.aging.Total.IsZero() && l.aging.Unapplied.IsZero() {
			continue
		}
		tots.add(l)
		t.Rows = append(t.Rows, agingRow(l.ap.Account.Code, l.ap.Account.Currency, l.aging))
	}
	for _, tot := range tots.sorted() {
		t.Rows = append(t.Rows, agingRow("TOTAL", tot.Currency, tot.Aging))
	}
}

func dsoFromPositions(in Input, t *Table, edges []int, period int) {
	tots := newTotals(edges)
	for _, l := range in.positionLines(edges) {
		d := domain.NewDSO(l.aging.Net(), l.aging.Buckets[0], l.ap.Sales, period)
		if d.AR.IsZero() && d.Sales.IsZero() {
			continue
		}
		tots.add(l)
		t.Rows = append(t.Rows, dsoRow(l.ap.Account.Code, l.ap.Account.Currency, d))
	}
	for _, tot := range tots.sorted() {
		t.Rows = append(t.Rows, dsoRow("TOTAL", tot.Currency, tot.DSO(period)))
	}
}
