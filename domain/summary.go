package domain

import (
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
)

// Summary is an account's figures as of a date, from its facts: computed once
// per data change and cached by the panes and reports.
type Summary struct {
	Facts        *Facts
	AsOf         Date
	Open         []OpenItem // what is still owed, in application order
	Aging        Aging
	Sales        decimal.Decimal // invoiced in the DSO period ending AsOf
	Period       int             // the DSO period, in days
	HasUtil      bool            // the account has a credit limit (Util)
	LastContact  Date
	LastAttempt  Date // the latest call that reached nobody (IsAttempt), which is not contact
	NextFollowUp Date

	// net AR and the limit in force (credit limit and unexpired
	// overdraft) in the ledger's units, when both are exact there: the
	// utilisation levels compare them without dividing.
	net, limit int64
	exact      bool
}

// OpenItem is an invoice still owed as of the summary's date.
type OpenItem struct {
	Invoice int32 // index into the ledger's invoices
	Owed    int64 // in the ledger's units
}

// Account is the summarised account.
func (s *Summary) Account() *Account { return &s.Facts.Account }

// AR is net AR: outstanding less unapplied credit.
func (s *Summary) AR() decimal.Decimal { return s.Aging.Net() }

// Overdue is what is past due.
func (s *Summary) Overdue() decimal.Decimal { return s.Aging.Overdue() }

// Util is the utilisation in percent (Utilisation), zero without a limit
// (HasUtil). Like DSO it is worked out when asked: the levels that the
// queue and the colours need compare without dividing (UtilLevel).
func (s *Summary) Util() decimal.Decimal {
	u, _ := Utilisation(s.Facts.Account, s.Aging.Net(), s.AsOf)
	return u
}

// DSO is the account's DSO figures (worked out when asked: divisions are
// what a summary would spend most of its time on, and most readers of a
// summary never ask).
func (s *Summary) DSO() DSO { return NewDSO(s.Aging.Net(), s.Aging.Buckets[0], s.Sales, s.Period) }

// Summarize computes an account's summary as of asOf.
func Summarize(x *Facts, asOf Date, set Settings) Summary {
	l := &x.Ledger
	sc := scratch.Get().(*Scratch)
	defer scratch.Put(sc)
	ap := l.Apply(asOf, sc)
	s := Summary{Facts: x, AsOf: asOf, LastContact: x.LastContact(asOf), LastAttempt: x.LastAttempt(asOf), NextFollowUp: x.NextFollowUp(asOf)}
	edges := set.AgingEdges
	buckets := make([]Sum, len(edges)+2)
	var total Sum
	s.net, s.exact = -ap.unapplied, ap.exact
	for i, owed := range ap.Owed {
		if owed <= 0 {
			continue
		}
		s.Open = append(s.Open, OpenItem{Invoice: int32(i), Owed: owed})
		l.add(&buckets[BucketOf(asOf.DaysSince(l.Invoices[i].Due), edges)], owed)
		l.add(&total, owed)
		if s.exact = s.exact && !addOverflows(s.net, owed); s.exact {
			s.net += owed
		}
	}
	s.Aging = Aging{Buckets: make([]decimal.Decimal, len(buckets)), Total: total.Decimal(), Unapplied: ap.Unapplied}
	for i := range buckets {
		s.Aging.Buckets[i] = buckets[i].Decimal()
	}
	s.Period = set.DSOPeriodDays
	s.Sales = l.Sales(asOf.AddDays(-s.Period+1), asOf)
	s.HasUtil = x.Account.HasLimit()
	if s.HasUtil && s.exact {
		s.limit, s.exact = units(x.Account.CreditLimit.Add(x.Account.OverdraftAt(asOf)), l.Exp)
	}
	return s
}

var scratch = sync.Pool{New: func() any { return &Scratch{} }}

// SummarizeBook summarises every account, in the book's order (by code),
// spreading the accounts over the processors: each summary is independent.
func SummarizeBook(b *Book, asOf Date) []Summary {
	out := make([]Summary, len(b.Accounts))
	workers := min(runtime.GOMAXPROCS(0), len(b.Accounts)/256+1)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Go(func() {
			for i := w; i < len(b.Accounts); i += workers {
				out[i] = Summarize(b.Accounts[i], asOf, b.Settings)
			}
		})
	}
	wg.Wait()
	return out
}

// CurrencyTotal is a book total in one currency.
type CurrencyTotal struct {
	Currency Currency
	Aging    Aging
	Sales    decimal.Decimal // in the DSO period
	Accounts int
}

// DSO of the currency's total.
func (t CurrencyTotal) DSO(period int) DSO {
	return NewDSO(t.Aging.Net(), t.Aging.Buckets[0], t.Sales, period)
}

// TotalsByCurrency adds summaries up per currency, sorted by currency code.
func TotalsByCurrency(sums []Summary, edges []int) []CurrencyTotal {
	t := NewCurrencyTotals(edges)
	for i := range sums {
		t.Add(sums[i].Facts.Account.Currency, sums[i].Aging, sums[i].Sales)
	}
	return t.Totals()
}

// CurrencyTotals adds accounts' figures up per currency, never across.
type CurrencyTotals struct {
	edges []int
	idx   map[Currency]int
	accs  []*currencySum
}

type currencySum struct {
	cur                     Currency
	buckets                 []Sum
	total, unapplied, sales Sum
	n                       int
}

// NewCurrencyTotals is empty totals for agings with these edges.
func NewCurrencyTotals(edges []int) *CurrencyTotals {
	return &CurrencyTotals{edges: edges, idx: map[Currency]int{}}
}

// Add counts one account of currency cur with its aging and its sales in
// the DSO period.
func (t *CurrencyTotals) Add(cur Currency, a Aging, sales decimal.Decimal) {
	k, ok := t.idx[cur]
	if !ok {
		k = len(t.accs)
		t.idx[cur] = k
		t.accs = append(t.accs, &currencySum{cur: cur, buckets: make([]Sum, len(t.edges)+2)})
	}
	c := t.accs[k]
	for j, b := range a.Buckets {
		c.buckets[j].Add(b)
	}
	c.total.Add(a.Total)
	c.unapplied.Add(a.Unapplied)
	c.sales.Add(sales)
	c.n++
}

// Totals are the totals per currency, sorted by currency code.
func (t *CurrencyTotals) Totals() []CurrencyTotal {
	out := make([]CurrencyTotal, len(t.accs))
	for i, c := range t.accs {
		ag := Aging{Buckets: make([]decimal.Decimal, len(c.buckets)), Total: c.total.Decimal(), Unapplied: c.unapplied.Decimal()}
		for j := range c.buckets {
			ag.Buckets[j] = c.buckets[j].Decimal()
		}
		out[i] = CurrencyTotal{Currency: c.cur, Aging: ag, Sales: c.sales.Decimal(), Accounts: c.n}
	}
	slices.SortFunc(out, func(a, b CurrencyTotal) int { return strings.Compare(string(a.Currency), string(b.Currency)) })
	return out
}
