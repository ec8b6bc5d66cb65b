package dashboard

import (
	"math"
	"slices"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
)

// tally adds up the amounts of a scope's accounts in one currency, in units
// of the currency's places, in 64 bits while they fit (spill takes the
// rest): what a change adds and takes away costs the accounts it touched.
type tally struct {
	exp      int32
	units    []int64
	spill    []domain.Sum // nil until something did not fit
	accounts int
	year     promises
	month    promises
}

func newTally(c domain.Currency, n int) *tally {
	return &tally{exp: -c.Places(), units: make([]int64, n)}
}

func (t *tally) clone() *tally {
	c := *t
	c.units = slices.Clone(t.units)
	c.spill = slices.Clone(t.spill)
	return &c
}

// add adds an account's amounts (sign 1) or takes them away (sign −1).
func (t *tally) add(a *amounts, sign int64) {
	t.accounts += int(sign)
	if a.big != nil {
		for k, d := range a.big {
			if !d.IsZero() {
				t.spilled(k, d.Mul(decimal.NewFromInt(sign)))
			}
		}
		return
	}
	for k, u := range a.v {
		if u == 0 {
			continue
		}
		c, ok := scaled(u, a.exp-t.exp)
		if ok && c != math.MinInt64 {
			c *= sign
			if s := t.units[k]; !(c > 0 && s > math.MaxInt64-c) && !(c < 0 && s < math.MinInt64-c) {
				t.units[k] = s + c
				continue
			}
		}
		t.spilled(k, decimal.New(u*sign, a.exp))
	}
}

func (t *tally) spilled(k int, d decimal.Decimal) {
	if t.spill == nil {
		t.spill = make([]domain.Sum, len(t.units))
	}
	t.spill[k].Add(d)
}

// at is the k-th amount.
func (t *tally) at(k int) decimal.Decimal {
	d := decimal.New(t.units[k], t.exp)
	if t.spill != nil {
		d = d.Add(t.spill[k].Decimal())
	}
	return d
}

// tallies are a stage's sums: the book's and each owner's, per currency.
type tallies struct {
	book   map[domain.Currency]*tally
	owners map[string]map[domain.Currency]*tally
}

func (ts tallies) clone() tallies {
	out := tallies{book: map[domain.Currency]*tally{}, owners: map[string]map[domain.Currency]*tally{}}
	for c, t := range ts.book {
		out.book[c] = t.clone()
	}
	for o, m := range ts.owners {
		out.owners[o] = map[domain.Currency]*tally{}
		for c, t := range m {
			out.owners[o][c] = t.clone()
		}
	}
	return out
}

// add adds an account's amounts to the book and to its owner's (sign 1),
// or takes them away (−1); each is made when it is not there.
func (ts tallies) add(a *amounts, n int, sign int64, more func(t *tally)) {
	owner := ts.owners[a.owner]
	if owner == nil {
		owner = map[domain.Currency]*tally{}
		ts.owners[a.owner] = owner
	}
	for _, m := range []map[domain.Currency]*tally{ts.book, owner} {
		t := m[a.cur]
		if t == nil {
			t = newTally(a.cur, n)
			m[a.cur] = t
		}
		t.add(a, sign)
		if more != nil {
			more(t)
		}
	}
}

// prune drops what no account is left in (an owner whose accounts all went
// to another).
func (ts tallies) prune() {
	for o, m := range ts.owners {
		for c, t := range m {
			if t.accounts == 0 {
				delete(m, c)
			}
		}
		if len(m) == 0 {
			delete(ts.owners, o)
		}
	}
	for c, t := range ts.book {
		if t.accounts == 0 {
			delete(ts.book, c)
		}
	}
}

// tallyRows is the sums of rows: from old's sums, taking away the rows of
// oldRows that are not in rows any more and adding those that are new
// (every row is made anew or kept as the very same pointer, in code
// order), or from nothing when old is nil.
func tallyRows[R any](old *tallies, oldRows, rows []*R, of func(*R) *amounts, n int, more func(r *R, sign int64) func(*tally)) tallies {
	if old == nil {
		ts := tallies{book: map[domain.Currency]*tally{}, owners: map[string]map[domain.Currency]*tally{}}
		for _, r := range rows {
			ts.add(of(r), n, 1, more(r, 1))
		}
		return ts
	}
	ts := old.clone()
	i, j := 0, 0
	for i < len(rows) || j < len(oldRows) {
		switch {
		case i < len(rows) && j < len(oldRows) && rows[i] == oldRows[j]:
			i++
			j++
		case j < len(oldRows) && (i == len(rows) || of(oldRows[j]).code <= of(rows[i]).code):
			ts.add(of(oldRows[j]), n, -1, more(oldRows[j], -1))
			j++
		default:
			ts.add(of(rows[i]), n, 1, more(rows[i], 1))
			i++
		}
	}
	ts.prune()
	return ts
}
