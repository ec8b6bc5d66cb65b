package domain

import "github.com/shopspring/decimal"

var hundred = decimal.NewFromInt(100)

// Utilisation is net AR ÷ (credit limit + unexpired overdraft) × 100.
// ok is false for an account with no limit.
func Utilisation(a Account, netAR decimal.Decimal, asOf Date) (pct decimal.Decimal, ok bool) {
	if !a.HasLimit() {
		return decimal.Zero, false
	}
	limit := a.CreditLimit.Add(a.OverdraftAt(asOf))
	return netAR.Mul(hundred).Div(limit), true
}

// OverdraftAt is the temporary overdraft still in force on d.
func (a Account) OverdraftAt(d Date) decimal.Decimal {
	if a.Overdraft.Amount.IsPositive() && !a.Overdraft.Expires.IsZero() && d <= a.Overdraft.Expires {
		return a.Overdraft.Amount
	}
	return decimal.Zero
}

// AverageDaysLate is amount-weighted (paid date − due date, floored at 0) over
// the invoices settled in [from, p.AsOf]; open overdue invoices count with the
// as-of date as their paid date. ok is false when nothing qualifies.
func AverageDaysLate(p Position, from Date) (days decimal.Decimal, ok bool) {
	return averageDaysLate(p.AsOf, from, len(p.Items), func(i int) (decimal.Decimal, bool, Date, Date) {
		it := &p.Items[i]
		return it.Invoice.Amount, it.Outstanding.IsPositive(), it.Invoice.Due, it.SettledOn
	})
}

// Promise statuses.
const (
	PromiseOpen       = "open"
	PromiseKept       = "kept"
	PromisePartlyKept = "partly-kept"
	PromiseBroken     = "broken"
)

// PromiseState is a promise's status as of a date.
type PromiseState struct {
	Status   string
	Paid     decimal.Decimal // paid from given-on to the deadline, as of the date
	Deadline Date            // due + grace
}

// PromiseStatus: kept when payments dated from the given-on date to due + grace
// add up to the amount; before that deadline has passed it is open (kept as soon
// as covered); after it, partly kept when some was paid, broken when nothing was.
func PromiseStatus(p Promise, l *Ledger, asOf Date, graceDays int) PromiseState {
	st := PromiseState{Deadline: p.DueOn.AddDays(graceDays)}
	st.Paid = l.Paid(p.GivenOn, min(st.Deadline, asOf))
	switch {
	case st.Paid.GreaterThanOrEqual(p.Amount):
		st.Status = PromiseKept
	case asOf <= st.Deadline:
		st.Status = PromiseOpen
	case st.Paid.IsPositive():
		st.Status = PromisePartlyKept
	default:
		st.Status = PromiseBroken
	}
	return st
}

// Instalment statuses.
const (
	InstalmentPending = "pending"
	InstalmentKept    = "kept"
	InstalmentLate    = "late"
	InstalmentMissed  = "missed"
)
