package report

import (
	"cmp"
	"math"
	"slices"

	"acctdesk/domain"
)

// owedSweep says what an account's invoices still owe as of a series of
// dates, in date order, by the application rule of SPEC §2 — what
// Ledger.Apply(d).Owed says — without applying the whole ledger afresh for
// each date. The collections report asks, for each invoice, as of its due
// date and as of its interval's end: dozens of dates per account.
//
// As of d, with every amount positive, the rule comes to this: an issued
// invoice j first takes what credits naming it give, up to its amount
// (explicit_j), leaving rem_j = amount_j − explicit_j; everything else
// (the pool: all credits less what was applied explicitly) pays the issued
// invoices in the ledger's order, so invoice k owes
// clamp(Σ_{j<k} rem_j + rem_k − pool, 0, rem_k). The sweep keeps rem in a
// Fenwick tree as credits and invoices come into existence, so each date
// costs what changed by then and each question a logarithm.
type owedSweep struct {
	l        *domain.Ledger
	byIssue  []int   // the invoices' positions, by issue date
	issued   []bool  // by position: issued by the current date
	explicit []int64 // by position: what credits dated by then naming it give
	rem      []int64 // by position: what it owes before balance forward (0 before it is issued)
	tree     []int64 // Fenwick tree over rem
	total    int64   // every credit dated by then
	applied  int64   // what of it the explicit applications took
	credit   int     // the next credit to come in
	invoice  int     // the next invoice (in byIssue) to come in
	on       domain.Date
}

// newOwedSweep is a sweep over l from before its first document; ok is
// false for a ledger the shortcut does not cover (a negative amount, or
// totals beyond an int64): then ask Ledger.Apply.
func newOwedSweep(l *domain.Ledger) (*owedSweep, bool) {
	var sum int64
	add := func(v int64) bool {
		if v < 0 || sum > math.MaxInt64-v {
			return false
		}
		sum += v
		return true
	}
	for _, inv := range l.Invoices {
		if !add(inv.Amount) {
			return nil, false
		}
	}
	for _, c := range l.Credits {
		if !add(c.Amount) {
			return nil, false
		}
	}
	n := len(l.Invoices)
	buf := make([]int64, 3*n+1) // one allocation for the three
	s := &owedSweep{l: l, byIssue: make([]int, n), issued: make([]bool, n), explicit: buf[:n:n], rem: buf[n : 2*n : 2*n], tree: buf[2*n:]}
	for i := range s.byIssue {
		s.byIssue[i] = i
	}
	slices.SortStableFunc(s.byIssue, func(a, b int) int { return cmp.Compare(l.Invoices[a].Issued, l.Invoices[b].Issued) })
	return s, true
}

// explicitOf is what the explicit applications give invoice j once issued.
func (s *owedSweep) explicitOf(j int) int64 { return min(s.l.Invoices[j].Amount, s.explicit[j]) }

func (s *owedSweep) setRem(j int, v int64) {
	for i, d := j+1, v-s.rem[j]; i < len(s.tree); i += i & -i {
		s.tree[i] += d
	}
	s.rem[j] = v
}

// before is Σ rem_j for j < k.
func (s *owedSweep) before(k int) int64 {
	var t int64
	for i := k; i > 0; i -= i & -i {
		t += s.tree[i]
	}
	return t
}

// to brings the sweep to date d (not before the last date asked).
func (s *owedSweep) to(d domain.Date) {
	l := s.l
	for ; s.credit < len(l.Credits) && l.Credits[s.credit].On <= d; s.credit++ {
		c := l.Credits[s.credit]
		s.total += c.Amount
		if j := int(c.Invoice); j >= 0 {
			old := s.explicitOf(j)
			s.explicit[j] += c.Amount
			if s.issued[j] {
				e := s.explicitOf(j)
				s.applied += e - old
				s.setRem(j, l.Invoices[j].Amount-e)
			}
		}
	}
	for ; s.invoice < len(s.byIssue) && l.Invoices[s.byIssue[s.invoice]].Issued <= d; s.invoice++ {
		j := s.byIssue[s.invoice]
		s.issued[j] = true
		e := s.explicitOf(j)
		s.applied += e
		s.setRem(j, l.Invoices[j].Amount-e)
	}
	s.on = d
}

// owed is what invoice k owes as of the sweep's date.
func (s *owedSweep) owed(k int) int64 {
	if !s.issued[k] {
		return 0
	}
	pool := s.total - s.applied
	r := s.rem[k]
	return min(max(s.before(k)+r-pool, 0), r)
}
