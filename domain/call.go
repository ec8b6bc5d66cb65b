package domain

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Call is what a person logs about a phone call, before it becomes an
// activity (and a promise). The command line and the call form share it.
type Call struct {
	Outcome       string
	Contact       string
	PromiseAmount decimal.Decimal
	PromiseDue    Date
	Next          Date // zero: the default for the outcome
	NoNext        bool // no next follow-up at all
	Note          string
	Confirmed     bool // the user confirmed what looked unlikely (Unlikely)
	// AddContact, when set, is a new contact added with the call (its name
	// is the call's contact): the desk writes both in one transaction.
	AddContact *Contact
	// Disputed are the invoices a "dispute" call raises disputes on, with
	// DisputeReason (SPEC §9.1): the desk writes them with the call in one
	// transaction.
	Disputed      []string
	DisputeReason string
}

// Unlikely is what made a record look like a slip of the keyboard: it is
// saved only once the user confirms it (SPEC §6: a promise larger than ten
// times the account's AR, a date more than a year away).
type Unlikely []string

func (u Unlikely) Error() string {
	return strings.Join(u, "; ") + ": confirm to save it"
}

// FarOff reports whether a date typed today lies more than a year ahead.
func FarOff(d, today Date) bool { return d > today.AddDays(365) }

// CallEntry is the activity a call becomes, with its promise if any.
type CallEntry struct {
	Activity Activity
	Promise  *Promise
}

// DefaultNext is the next follow-up a call's outcome suggests (SPEC §8,
// issue 10): no answer, voicemail and a call back requested → the next
// working day; a promise → the day after the promised date, moved to the
// next working day (a Friday promise is followed up on Monday); reached on
// an account with an open promise falling due within the next three days
// (upcoming, zero for none: UpcomingPromise) → that due date, or the next
// working day when it falls due today; anything else
// → a week, moved to the next working day.
func DefaultNext(outcome string, today, promiseDue, upcoming Date) Date {
	switch outcome {
	case "no-answer", "voicemail", "call-back":
		return today.AddWorkdays(1)
	case "promise":
		if !promiseDue.IsZero() {
			return promiseDue.AddWorkdays(1)
		}
	case "reached":
		switch {
		case upcoming == today: // due today: look tomorrow whether it came
			return today.AddWorkdays(1)
		case upcoming > today && upcoming <= today.AddDays(UpcomingDays):
			return upcoming
		}
	}
	week := today.AddDays(7)
	if wd := week.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return week.AddWorkdays(1) // a week on, but on a working day
	}
	return week
}

// UpcomingDays is how far ahead a promise falls due to set the follow-up
// of a call that reached the customer.
const UpcomingDays = 3

// UpcomingPromise is the earliest due date, today or at most UpcomingDays
// ahead, of a promise still open (not yet paid) as of today; zero when
// there is none. (Its deadline is not past, so the grace days do not
// matter.)
func UpcomingPromise(ps []Promise, l *Ledger, today Date) Date {
	var best Date
	for _, p := range ps {
		if p.GivenOn > today || p.DueOn < today || p.DueOn > today.AddDays(UpcomingDays) {
			continue
		}
		if PromiseStatus(p, l, today, 0).Status != PromiseOpen {
			continue
		}
		if best.IsZero() || p.DueOn < best {
			best = p.DueOn
		}
	}
	return best
}

// MatchContact finds the contact a typed name means: the contact of that
// name (case and accents aside), else the only contact whose name begins
// with it ("bola" for Bola Ade). The error lists the account's contacts.
func MatchContact(cs []Contact, typed, code string) (Contact, error) {
	t := foldName(typed)
	if t == "" {
		return Contact{}, ValidationError{{Field: "contact", Reason: "say who you spoke to"}}
	}
	var prefix []Contact
	for _, c := range cs {
		n := foldName(c.Name)
		if n == t {
			return c, nil
		}
		if strings.HasPrefix(n, t) {
			prefix = append(prefix, c)
		}
	}
	if len(prefix) == 1 {
		return prefix[0], nil
	}
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.Name
	}
	var why string
	switch {
	case len(cs) == 0:
		why = fmt.Sprintf("%s has no contacts on file; add %q as a new contact (name and phone)", code, typed)
	case len(prefix) > 1:
		why = fmt.Sprintf("%q could be %s: say which", typed, strings.Join(namesOf(prefix), " or "))
	default:
		why = fmt.Sprintf("%q is not a contact of %s; its contacts: %s (or add a new contact with name and phone)",
			typed, code, strings.Join(names, ", "))
	}
	return Contact{}, ValidationError{{Field: "contact", Reason: why}}
}

func namesOf(cs []Contact) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Name
	}
	return out
}

// foldName is a name as typed names are compared: lower case, single
// spaces, accents kept (they are part of a name).
func foldName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// NewContact checks a contact added on the spot (from a call): a name no
// contact of the account has, and a phone.
func NewContact(cs []Contact, c Contact) (Contact, error) {
	c.Name = strings.Join(strings.Fields(c.Name), " ")
	c.Phone = strings.TrimSpace(c.Phone)
	c.Email = strings.TrimSpace(c.Email)
	var errs fieldErrors
	for _, o := range cs {
		if foldName(o.Name) == foldName(c.Name) && c.Name != "" {
			errs.add("contact", fmt.Sprintf("%s is already a contact of %s", o.Name, c.Account))
		}
	}
	if c.Name == "" {
		errs.add("contact", "a new contact needs a name")
	}
	if c.Phone == "" {
		errs.add("phone", "a new contact needs a phone number")
	}
	if err := errs.err(); err != nil {
		return Contact{}, err
	}
	if err := c.Validate(); err != nil {
		return Contact{}, err
	}
	return c, nil
}

// CallBrief is what the caller needs in front of them while the call form
// is open (issue 10): the overdue total, the oldest overdue invoice and the
// last promise, as of a date, from the account's facts.
type CallBrief struct {
	Currency Currency
	Overdue  decimal.Decimal
	// The oldest overdue invoice (by due date): when it fell due, how many
	// days ago, what it still owes. OldestDue is zero when nothing is overdue.
	OldestDue  Date
	OldestDays int
	OldestOwed decimal.Decimal
	OldestDisp bool // it is disputed
	// The latest promise given on or before the date, and its status.
	LastPromise *Promise
	LastStatus  string
	// Upcoming is the due date of an open promise within UpcomingDays
	// (UpcomingPromise): reached defaults to following up then.
	Upcoming Date
}

// BriefOf is an account's call brief as of asOf.
func BriefOf(x *Facts, asOf Date, set Settings) CallBrief {
	sum := Summarize(x, asOf, set)
	b := CallBrief{Currency: x.Account.Currency, Overdue: sum.Overdue()}
	l := &x.Ledger
	ap := l.Apply(asOf, nil)
	for i, inv := range l.Invoices { // application order: oldest due first
		if ap.Owed[i] > 0 && inv.Due < asOf {
			b.OldestDue, b.OldestDays, b.OldestOwed, b.OldestDisp = inv.Due, asOf.DaysSince(inv.Due), l.Dec(ap.Owed[i]), x.DisputedAsOf(i, asOf)
			break
		}
	}
	for i := range x.Promises {
		p := &x.Promises[i]
		if p.GivenOn > asOf {
			continue
		}
		if lp := b.LastPromise; lp == nil || p.GivenOn > lp.GivenOn || (p.GivenOn == lp.GivenOn && p.ID > lp.ID) {
			b.LastPromise = p
		}
	}
	if b.LastPromise != nil {
		lp := *b.LastPromise
		b.LastPromise = &lp
		b.LastStatus = PromiseStatus(lp, l, asOf, set.Thresholds.PromiseGraceDays).Status
	}
	b.Upcoming = UpcomingPromise(x.Promises, l, asOf)
	return b
}

// Entry checks the call and builds its activity as of today.
func (c Call) Entry(f *AccountFile, today Date) (CallEntry, error) {
	var errs fieldErrors
	if !oneOf(c.Outcome, Outcomes) {
		errs.add("outcome", fmt.Sprintf("outcome %q is not one of reached, no-answer, voicemail, promise, dispute, call-back, refused, wrong-number", c.Outcome))
	}
	hasPromise := !c.PromiseAmount.IsZero() || !c.PromiseDue.IsZero()
	if c.Outcome == "promise" {
		if !c.PromiseAmount.IsPositive() {
			errs.add("promise", "a promise needs an amount above zero")
		}
		if c.PromiseDue.IsZero() {
			errs.add("promise", "a promise needs a date")
		} else if c.PromiseDue < today {
			errs.add("promise", "the promised date is in the past")
		}
	} else if hasPromise && c.Outcome != "" {
		errs.add("promise", "a promise goes with the outcome promise")
	}
	next := c.Next
	switch {
	case c.NoNext:
		next = 0
	case next.IsZero():
		l, _, err := LedgerOf(f.Invoices, f.Payments, f.Credits)
		if err != nil {
			return CallEntry{}, err
		}
		next = DefaultNext(c.Outcome, today, c.PromiseDue, UpcomingPromise(f.Promises, &l, today))
	case next < today:
		errs.add("next", fmt.Sprintf("%s is in the past", next))
	}
	if err := errs.err(); err != nil {
		return CallEntry{}, err
	}
	e := CallEntry{Activity: Activity{
		Account: f.Account.Code, On: today, Kind: "call", Contact: c.Contact,
		Outcome: c.Outcome, Text: c.Note, NextFollow: next,
	}}
	if c.Outcome == "promise" {
		e.Promise = &Promise{Account: f.Account.Code, Amount: c.PromiseAmount, Currency: f.Account.Currency,
			GivenOn: today, DueOn: c.PromiseDue, Contact: c.Contact}
		if err := e.Promise.Validate(); err != nil {
			return CallEntry{}, err
		}
	}
	if err := e.Activity.Validate(); err != nil {
		return CallEntry{}, err
	}
	if !c.Confirmed {
		if u := c.unlikely(f, today, next); len(u) > 0 {
			return CallEntry{}, u
		}
	}
	return e, nil
}

// unlikely lists what in the call looks like a mistake.
func (c Call) unlikely(f *AccountFile, today, next Date) Unlikely {
	var u Unlikely
	cur := f.Account.Currency
	if c.Outcome == "promise" {
		l, _, err := LedgerOf(f.Invoices, f.Payments, f.Credits)
		if ar := l.NetAR(today); err == nil && c.PromiseAmount.GreaterThan(ar.Mul(decimal.NewFromInt(10))) {
			u = append(u, fmt.Sprintf("the promise of %s is more than ten times the AR of %s",
				Money{Amount: c.PromiseAmount, Currency: cur}, Money{Amount: ar, Currency: cur}))
		}
		if FarOff(c.PromiseDue, today) {
			u = append(u, fmt.Sprintf("the promised date %s is more than a year away", c.PromiseDue))
		}
	}
	if FarOff(next, today) {
		u = append(u, fmt.Sprintf("the next follow-up %s is more than a year away", next))
	}
	return u
}

// TimelineEntry is the activity that records an escalation on the account's timeline.
func (e Escalation) TimelineEntry() Activity {
	return Activity{Account: e.Account, On: e.Opened, Kind: "escalation", Outcome: e.Category,
		Text: fmt.Sprintf("Escalated to %s (%s, %s): %s", e.To, e.Severity, strings.ReplaceAll(e.Category, "-", " "), e.Summary)}
}
