package common

import (
	"reflect"
	"runtime"
	"sync"

	"acctdesk/domain"
)

// AccountRows are rows made one per account from a view's summaries, in
// the view's order (by code), kept from one view to the next so that a
// change costs the rows it touched, not the book (lazygit's refresh scope).
type AccountRows[R any] struct {
	facts []*domain.Facts // what each row was made from, with set as of asOf
	set   domain.Settings
	asOf  domain.Date
	Rows  []*R // a kept row is shared from view to view: never changed once made
}

// Next is the rows for a newer view's summaries, made with the settings as
// of a date. A row is kept when its account is not in touched and its facts
// are the very ones it was made from (facts are never changed in place;
// comparing them also catches the changes of views this page never saw,
// which a slow reader of the desk skips). Every other row is made again with
// build, on every processor when there are many. Every row is made again
// when touched is nil (the first view, a settings change) or the settings or
// the date are not the ones the rows were made with.
func (a AccountRows[R]) Next(sums []domain.Summary, touched []string, set domain.Settings, asOf domain.Date, build func(*domain.Summary) R) AccountRows[R] {
	out := AccountRows[R]{facts: make([]*domain.Facts, len(sums)), set: set, asOf: asOf, Rows: make([]*R, len(sums))}
	if asOf != a.asOf || !reflect.DeepEqual(set, a.set) {
		touched = nil
	}
	changed := make(map[string]bool, len(touched))
	for _, c := range touched {
		changed[c] = true
	}
	var todo []int
	j := 0
	for i := range sums {
		x := sums[i].Facts
		out.facts[i] = x
		code := x.Account.Code
		for j < len(a.facts) && a.facts[j].Account.Code < code {
			j++
		}
		if touched != nil && j < len(a.facts) && a.facts[j] == x && !changed[code] {
			out.Rows[i] = a.Rows[j]
			continue
		}
		todo = append(todo, i)
	}
	workers := min(runtime.GOMAXPROCS(0), len(todo)/256+1)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Go(func() {
			for k := w; k < len(todo); k += workers {
				i := todo[k]
				r := build(&sums[i])
				out.Rows[i] = &r
			}
		})
	}
	wg.Wait()
	return out
}
