package domain

import (
	"fmt"
	"strings"

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

// DefaultNext is the next follow-up a call's outcome suggests (SPEC §8):
// no answer and voicemail → the next working day; a promise → the day after
// the promised date; anything else → a week.
func DefaultNext(outcome string, today, promiseDue Date) Date {
	switch outcome {
	case "no-answer", "voicemail":
		return today.AddWorkdays(1)
	case "promise":
		if !promiseDue.IsZero() {
			return promiseDue.AddDays(1)
		}
	}
	return today.AddDays(7)
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
		next = DefaultNext(c.Outcome, today, c.PromiseDue)
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
