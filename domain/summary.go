package domain

import (
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
)

// Summary is an account's figures as of a date, computed once per data change
// and cached by the panes and reports.
type Summary struct {
	File         *AccountFile
	AsOf         Date
	Position     Position
	Aging        Aging
	DSO          DSO
	Util         decimal.Decimal // percent; valid when HasUtil
	HasUtil      bool
	LastContact  Date
	NextFollowUp Date
}

// Account is the summarised account.
func (s *Summary) Account() *Account { return &s.File.Account }

// AR is net AR: outstanding less unapplied credit.
func (s *Summary) AR() decimal.Decimal { return s.Aging.Net() }

// Overdue is what is past due.
func (s *Summary) Overdue() decimal.Decimal { return s.Aging.Overdue() }

// Summarize computes an account's summary as of asOf.
func Summarize(f *AccountFile, asOf Date, set Settings) Summary {
	pos := currentPosition(f, asOf, set.DSOPeriodDays)
	ag := AgingOf(pos, set.AgingEdges)
	s := Summary{
		File: f, AsOf: asOf, Position: pos, Aging: ag,
		DSO:          DSOOf(f, ag, asOf, set.DSOPeriodDays),
		LastContact:  f.LastContact(asOf),
		NextFollowUp: f.NextFollowUp(asOf),
	}
	s.Util, s.HasUtil = Utilisation(f.Account, ag.Net(), asOf)
	return s
}

// SummarizeBook summarises every account, in the book's order (by code),
// spreading the accounts over the processors: each summary is independent.
func SummarizeBook(b *Book, asOf Date) []Summary {
	out := make([]Summary, len(b.Accounts))
	workers := min(runtime.GOMAXPROCS(0), len(b.Accounts)/256+1)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(b.Accounts); i += workers {
				out[i] = Summarize(b.Accounts[i], asOf, b.Settings)
			}
		}()
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
	idx := map[Currency]int{}
	var out []CurrencyTotal
	for i := range sums {
		s := &sums[i]
		c := s.File.Account.Currency
		k, ok := idx[c]
		if !ok {
			k = len(out)
			idx[c] = k
			out = append(out, CurrencyTotal{Currency: c, Aging: NewAging(edges), Sales: decimal.Zero})
		}
		out[k].Aging.Add(s.Aging)
		out[k].Sales = out[k].Sales.Add(s.DSO.Sales)
		out[k].Accounts++
	}
	slices.SortFunc(out, func(a, b CurrencyTotal) int { return strings.Compare(string(a.Currency), string(b.Currency)) })
	return out
}

// currentPosition is PositionOf, taken from the file's standing when that
// answers for asOf: then Items hold the open invoices only (the settled ones
// are not listed), each pointing at the file's own invoice record.
func currentPosition(f *AccountFile, asOf Date, period int) Position {
	st := f.Standing
	if st == nil || !st.Covers(asOf, period) {
		return PositionOf(f, asOf)
	}
	p := st.PositionAt(asOf, f.Account.Code, f.Account.Currency)
	for i := range p.Items {
		num := p.Items[i].Invoice.Number
		for k := range f.Invoices {
			if f.Invoices[k].Number == num {
				p.Items[i].Invoice = &f.Invoices[k]
				break
			}
		}
	}
	return p
}
