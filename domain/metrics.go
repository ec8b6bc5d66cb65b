package domain

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"
)

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
	weighted, weight := decimal.Zero, decimal.Zero
	for _, it := range p.Items {
		var paid Date
		switch {
		case it.Outstanding.IsPositive():
			if it.DaysPastDue <= 0 {
				continue
			}
			paid = p.AsOf
		case it.SettledOn >= from && it.SettledOn <= p.AsOf:
			paid = it.SettledOn
		default:
			continue
		}
		late := paid.DaysSince(it.Invoice.Due)
		if late < 0 {
			late = 0
		}
		weighted = weighted.Add(it.Invoice.Amount.Mul(decimal.NewFromInt(int64(late))))
		weight = weight.Add(it.Invoice.Amount)
	}
	if weight.IsZero() {
		return decimal.Zero, false
	}
	return weighted.Div(weight), true
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
func PromiseStatus(p Promise, payments []Payment, asOf Date, graceDays int) PromiseState {
	st := PromiseState{Paid: decimal.Zero, Deadline: p.DueOn.AddDays(graceDays)}
	for _, pay := range payments {
		if pay.Received >= p.GivenOn && pay.Received <= st.Deadline && pay.Received <= asOf {
			st.Paid = st.Paid.Add(pay.Amount)
		}
	}
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

// InstalmentStatuses derives each instalment's status as of asOf: payments from
// the agreement date count cumulatively; an instalment is kept when the payments
// up to its date (+ grace) cover the plan up to it, late when they did so only
// afterwards, missed when its date (+ grace) has passed and it is still not
// covered, pending otherwise.
func InstalmentStatuses(plan PaymentPlan, payments []Payment, asOf Date, graceDays int) []string {
	out := make([]string, len(plan.Instalments))
	owed := decimal.Zero
	for i, in := range plan.Instalments {
		owed = owed.Add(in.Amount)
		deadline := in.Due.AddDays(graceDays)
		paidBy := func(d Date) decimal.Decimal {
			sum := decimal.Zero
			for _, p := range payments {
				if p.Received >= plan.Agreed && p.Received <= d && p.Received <= asOf {
					sum = sum.Add(p.Amount)
				}
			}
			return sum
		}
		switch {
		case paidBy(deadline).GreaterThanOrEqual(owed):
			out[i] = InstalmentKept
		case paidBy(asOf).GreaterThanOrEqual(owed):
			out[i] = InstalmentLate
		case asOf > deadline:
			out[i] = InstalmentMissed
		default:
			out[i] = InstalmentPending
		}
	}
	return out
}

// IsContact reports whether an activity kind is a contact with the customer.
func IsContact(kind string) bool {
	switch kind {
	case "call", "email", "visit", "meeting", "qbr":
		return true
	}
	return false
}

// LastContact is the business date of the latest contact on or before asOf.
func (f *AccountFile) LastContact(asOf Date) Date {
	var last Date
	for _, a := range f.Activities {
		if IsContact(a.Kind) && a.On <= asOf && a.On > last {
			last = a.On
		}
	}
	return last
}

// PendingFollowUps are the follow-ups still to do as of asOf: open, not
// snoozed past asOf, and not superseded by a contact logged after they were set.
func (f *AccountFile) PendingFollowUps(asOf Date) []FollowUp {
	var out []FollowUp
	for _, fu := range f.FollowUps {
		if fu.Status == FollowDone || (fu.Status == FollowSnoozed && fu.Until > asOf) {
			continue
		}
		setOn, setBy := f.followUpOrigin(fu)
		superseded := false
		for _, a := range f.Activities {
			if !IsContact(a.Kind) || a.On > asOf || a.ID == setBy {
				continue
			}
			if a.On > setOn || (a.On == setOn && setBy != 0 && a.ID > setBy) {
				superseded = true
				break
			}
		}
		if !superseded {
			out = append(out, fu)
		}
	}
	return out
}

// followUpOrigin is the business date a follow-up was set and the activity that set it.
func (f *AccountFile) followUpOrigin(fu FollowUp) (Date, uint64) {
	if fu.Activity != 0 {
		for _, a := range f.Activities {
			if a.ID == fu.Activity {
				return a.On, a.ID
			}
		}
	}
	if !fu.Stamp.At.IsZero() {
		return DateOf(fu.Stamp.At), 0
	}
	return fu.Due, 0
}

// NextFollowUp is the earliest pending follow-up date, or zero.
func (f *AccountFile) NextFollowUp(asOf Date) Date {
	var next Date
	for _, fu := range f.PendingFollowUps(asOf) {
		next = MinDate(next, fu.Due)
	}
	return next
}

// NetARAt is net AR as of d: invoices issued minus payments and credit notes
// received, all dated ≤ d. It equals total outstanding less unapplied credit,
// without working out the application.
func (f *AccountFile) NetARAt(d Date) decimal.Decimal {
	sum := decimal.Zero
	for _, inv := range f.Invoices {
		if inv.Issued <= d {
			sum = sum.Add(inv.Amount)
		}
	}
	for _, p := range f.Payments {
		if p.Received <= d {
			sum = sum.Sub(p.Amount)
		}
	}
	for _, c := range f.Credits {
		if c.Date <= d {
			sum = sum.Sub(c.Amount)
		}
	}
	return sum
}

// UtilisationAbove is the first day of the unbroken run of days, ending on
// asOf, on which utilisation was above pct (or at or above it, when inclusive).
// It looks back at most maxDays; zero when asOf itself is not in such a run.
// A "new breach" is a run with a new start.
//
// Utilisation only changes on a day a document is dated or the day after an
// overdraft expires, so only those days are tested, walking back from asOf.
func UtilisationAbove(f *AccountFile, asOf Date, pct int64, inclusive bool, maxDays int) Date {
	a := f.Account
	if !a.HasLimit() {
		return 0
	}
	p := decimal.NewFromInt(pct)
	over := func(net decimal.Decimal, d Date) bool {
		// net ÷ limit × 100 against pct, without dividing: net × 100 against pct × limit.
		c := net.Mul(hundred).Cmp(p.Mul(a.CreditLimit.Add(a.OverdraftAt(d))))
		return c > 0 || (inclusive && c == 0)
	}
	net := f.NetARAt(asOf)
	if !over(net, asOf) {
		return 0
	}
	from := asOf.AddDays(-maxDays)
	type change struct {
		on    Date
		delta decimal.Decimal
	}
	var changes []change
	for _, inv := range f.Invoices {
		if inv.Issued > from && inv.Issued <= asOf {
			changes = append(changes, change{inv.Issued, inv.Amount})
		}
	}
	for _, pay := range f.Payments {
		if pay.Received > from && pay.Received <= asOf {
			changes = append(changes, change{pay.Received, pay.Amount.Neg()})
		}
	}
	for _, c := range f.Credits {
		if c.Date > from && c.Date <= asOf {
			changes = append(changes, change{c.Date, c.Amount.Neg()})
		}
	}
	if e := a.Overdraft.Expires + 1; a.Overdraft.Amount.IsPositive() && e > from && e <= asOf {
		changes = append(changes, change{e, decimal.Zero}) // the limit changes that day
	}
	slices.SortFunc(changes, func(x, y change) int { return cmp.Compare(y.on, x.on) })
	for i := 0; i < len(changes); {
		day := changes[i].on
		for ; i < len(changes) && changes[i].on == day; i++ {
			net = net.Sub(changes[i].delta) // net AR as of the day before
		}
		if !over(net, day-1) {
			return day
		}
	}
	return from
}
