package domain

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Aging is an account's outstanding split by days past due.
// Buckets[0] is Current (not yet due); Buckets[k] holds days in
// (edges[k-2], edges[k-1]]; the last bucket is beyond the last edge.
type Aging struct {
	Buckets   []decimal.Decimal
	Total     decimal.Decimal // the sum of the buckets
	Unapplied decimal.Decimal
}

// Net is total less unapplied credit.
func (a Aging) Net() decimal.Decimal { return a.Total.Sub(a.Unapplied) }

// BucketOf is the index of the bucket for days past due: 0 for ≤ 0 (current),
// 1 for 1…edges[0], …, len(edges)+1 beyond the last edge.
func BucketOf(days int, edges []int) int {
	if days <= 0 {
		return 0
	}
	for i, e := range edges {
		if days <= e {
			return i + 1
		}
	}
	return len(edges) + 1
}

// BucketLabel names bucket k for people (see BucketLabels).
func BucketLabel(k int, edges []int) string {
	switch {
	case k == 0:
		return "Current"
	case k > len(edges):
		return fmt.Sprintf("%d+", edges[len(edges)-1])
	case k == 1:
		return fmt.Sprintf("1–%d", edges[0])
	}
	return fmt.Sprintf("%d–%d", edges[k-2]+1, edges[k-1])
}

// BucketLabels names the buckets for people: Current, 1–30, 31–60, …, 120+.
func BucketLabels(edges []int) []string {
	out := []string{"Current"}
	lo := 1
	for _, e := range edges {
		out = append(out, fmt.Sprintf("%d–%d", lo, e))
		lo = e + 1
	}
	return append(out, fmt.Sprintf("%d+", edges[len(edges)-1]))
}

// BucketKeys names the buckets for csv and json: current, d1_30, …, d120_plus.
func BucketKeys(edges []int) []string {
	out := []string{"current"}
	lo := 1
	for _, e := range edges {
		out = append(out, fmt.Sprintf("d%d_%d", lo, e))
		lo = e + 1
	}
	return append(out, fmt.Sprintf("d%d_plus", edges[len(edges)-1]))
}

// AgingOf buckets a position's open items.
func AgingOf(p Position, edges []int) Aging {
	a := NewAging(edges)
	for _, it := range p.Items {
		if it.Outstanding.IsZero() {
			continue
		}
		k := BucketOf(it.DaysPastDue, edges)
		a.Buckets[k] = a.Buckets[k].Add(it.Outstanding)
		a.Total = a.Total.Add(it.Outstanding)
	}
	a.Unapplied = p.Unapplied
	return a
}

// NewAging is an empty aging for the edges.
func NewAging(edges []int) Aging {
	a := Aging{Buckets: make([]decimal.Decimal, len(edges)+2), Total: decimal.Zero, Unapplied: decimal.Zero}
	for i := range a.Buckets {
		a.Buckets[i] = decimal.Zero
	}
	return a
}

// Add accumulates another aging of the same currency and edges (for totals).
func (a *Aging) Add(b Aging) {
	for i := range a.Buckets {
		a.Buckets[i] = a.Buckets[i].Add(b.Buckets[i])
	}
	a.Total = a.Total.Add(b.Total)
	a.Unapplied = a.Unapplied.Add(b.Unapplied)
}

// Overdue is everything past due (all buckets but Current).
func (a Aging) Overdue() decimal.Decimal { return a.Total.Sub(a.Buckets[0]) }
