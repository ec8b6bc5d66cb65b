package domain

import "github.com/shopspring/decimal"

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

// UtilLevel is the level of the summary's utilisation; UtilFine without a limit.
func (s *Summary) UtilLevel(t Thresholds) UtilLevel {
	switch {
	case !s.HasUtil:
		return UtilFine
	case s.Util.GreaterThan(decimal.NewFromInt(int64(t.UtilBreachPct))):
		return UtilOver
	case s.Util.GreaterThanOrEqual(decimal.NewFromInt(int64(t.UtilWarnPct))):
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
