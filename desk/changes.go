package desk

import (
	"acctdesk/domain"
)

// Changes is what changed in the book from Since (excluded) to the view's
// date (SPEC §9.6), with the queue header's summary of it: computed once
// per view, in the command that prepares a page, never in View.
type Changes struct {
	Since, AsOf domain.Date
	All         []domain.Change // sorted (domain.SortChanges)
	Summary     domain.ChangeSummary

	per map[string]accountChanges // by account code, for the next view
}

type accountChanges struct {
	facts *domain.Facts
	cs    []domain.Change
}

// WhatChanged is what changed from since to the view's date; zero since is
// the working day before it. An account whose facts are those prev had
// (the view shares what did not change) is not worked out again.
func (v *View) WhatChanged(since domain.Date, prev *Changes) *Changes {
	if since.IsZero() {
		since = domain.PrevWorkday(v.AsOf)
	}
	if prev != nil && (prev.Since != since || prev.AsOf != v.AsOf) {
		prev = nil
	}
	c := &Changes{Since: since, AsOf: v.AsOf, per: make(map[string]accountChanges, len(v.Sums))}
	for i := range v.Sums {
		x := v.Sums[i].Facts
		code := x.Account.Code
		a, ok := accountChanges{}, false
		if prev != nil {
			a, ok = prev.per[code]
			ok = ok && a.facts == x
		}
		if !ok {
			a = accountChanges{x, domain.ChangesOf(x, since, v.AsOf, v.Settings)}
		}
		c.per[code] = a
		c.All = append(c.All, a.cs...)
	}
	domain.SortChanges(c.All)
	c.Summary = domain.SummarizeChanges(c.All, since, v.AsOf)
	return c
}
