package domain

import (
	"cmp"
	"math/bits"

	"github.com/shopspring/decimal"
)

// UtilLevel is how an account's utilisation reads against the book's
// thresholds: the book and the account pane colour it, the queue raises a
// warning or a breach from the same comparison.
type UtilLevel int

// Utilisation levels.
const (
	UtilFine    UtilLevel = iota // under the warning threshold, or no limit
	UtilWarning                  // at or over UtilWarnPct
	UtilOver                     // over UtilBreachPct
)

// UtilLevel is the level of the summary's utilisation; UtilFine without a
// limit. It compares net AR with the thresholds' share of the limit in the
// ledger's integer units (utilisation > pct ⇔ net × 100 > pct × limit),
// which is exact and spares the division.
func (s *Summary) UtilLevel(t Thresholds) UtilLevel {
	if !s.HasUtil {
		return UtilFine
	}
	above := func(pct int, inclusive bool) bool {
		var c int
		if s.exact {
			c = cmpProducts(s.net, 100, s.limit, int64(pct))
		} else {
			c = s.Util().Cmp(decimal.NewFromInt(int64(pct)))
		}
		return c > 0 || (inclusive && c == 0)
	}
	switch {
	case above(t.UtilBreachPct, false):
		return UtilOver
	case above(t.UtilWarnPct, true):
		return UtilWarning
	}
	return UtilFine
}

// ContactStale reports whether an active account has had no contact for
// more than StaleContactDays as of the summary's date, or none ever.
func (s *Summary) ContactStale(t Thresholds) bool {
	if s.Facts.Account.Status != StatusActive {
		return false
	}
	return s.LastContact.IsZero() || s.AsOf.DaysSince(s.LastContact) > t.StaleContactDays
}

// RenewalDue reports whether a contract ending on end is within the renewal
// horizon as of asOf: not ended, and ending within RenewalDays.
func (t Thresholds) RenewalDue(end, asOf Date) bool {
	return end >= asOf && end <= asOf.AddDays(t.RenewalDays)
}

// cmpProducts compares a × b with c × d for b, c, d ≥ 0, exactly (the
// products may outgrow an int64).
func cmpProducts(a, b, c, d int64) int {
	switch {
	case a < 0 && b != 0:
		return -1 // a negative product against one of non-negatives
	case a < 0:
		a = 0 // a × 0
	}
	h1, l1 := bits.Mul64(uint64(a), uint64(b))
	h2, l2 := bits.Mul64(uint64(c), uint64(d))
	if h1 != h2 {
		return cmp.Compare(h1, h2)
	}
	return cmp.Compare(l1, l2)
}
