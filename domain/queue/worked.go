package queue

import (
	"cmp"
	"strings"
	"time"

	"acctdesk/domain"
)

// Work is what was done today on an item's account while the item is still
// listed: a call that reached nobody, a note, an escalation, a follow-up
// scheduled by hand, or a contact that does not clear the item's condition.
// Such an item is shown as worked and ranked below the unworked ones; it
// counts as handled when the work answers its reason (Answers).
type Work struct {
	What    string // in words, in the order it was done: "called (no answer), escalated to finance"
	Answers bool   // the work answers the item's reason (answeredBy)
}

// Worked reports whether something was done today on the item's account.
func (it *Item) Worked() bool { return it.Work.What != "" }

// Handled reports whether the item, still listed, counts as handled today:
// the work done on it answers its reason.
func (it *Item) Handled() bool { return it.Work.Answers }

// action is a kind of work, as a bit.
type action uint8

const (
	actContact    action = 1 << iota // a call that reached someone, an e-mail, a visit, a meeting, a QBR
	actAttempt                       // a call that reached nobody (domain.IsAttempt)
	actNote                          // a note on the timeline
	actEscalation                    // an escalation opened (answers as its category says: escalationAnswers)
	actFollowUp                      // a follow-up scheduled by hand for a later day
)

// answeredBy is, for each reason, the work that answers it: a contact
// answers a promise due. An attempt answers nothing (nobody was reached),
// nor does a note or a follow-up scheduled by hand (they are on the
// account, not on the item: a reminder to oneself). Escalations answer by
// their category (escalationAnswers).
var answeredBy = map[string]action{
	BrokenPromise:     actContact,
	PromiseDue:        actContact,
	PlanMissed:        actContact,
	FollowUp:          actContact,
	Overdue:           actContact,
	CreditBreach:      actContact,
	CreditWarning:     actContact,
	OverdraftExpiring: actContact,
	EscalationDue:     actEscalation, // any escalation chases the one past due
	ServiceSLA:        actContact,
	Renewal:           actContact,
	QBRDue:            0, // only a QBR clears it
	GoLiveLate:        actContact,
	StaleContact:      actContact,
	DisputeStale:      actContact | actNote, // any activity makes the account no longer quiet
	ReminderDue:       0,                    // only a reminder written clears it (it is then no longer due)
}

// escalationAnswers is, for each escalation category, the reasons an
// escalation of it answers: one on a credit breach answers the breach.
var escalationAnswers = map[string][]string{
	"credit-breach":    {CreditBreach, CreditWarning, OverdraftExpiring},
	"overdue":          {Overdue, BrokenPromise, PlanMissed},
	"dispute":          {Overdue, BrokenPromise},
	"service-incident": {ServiceSLA},
	"contract":         {Renewal, GoLiveLate},
}

// today is the work done on one account on the business date.
type today struct {
	did       action
	words     []string
	escalated map[string]bool // the reasons the day's escalations answer
}

// answers reports whether the day's work answers reason.
func (w *today) answers(reason string) bool {
	return w.did&answeredBy[reason] != 0 || w.escalated[reason]
}

// workOf is what was done on the account on asOf: its activities dated that
// day in the order they were written, then the follow-ups scheduled by hand
// that day for a later one.
func workOf(x *domain.Facts, asOf domain.Date) today {
	var w today
	add := func(a action, s string) {
		w.did |= a
		for _, have := range w.words {
			if have == s {
				return
			}
		}
		w.words = append(w.words, s)
	}
	escalated := 0
	for _, t := range x.Touches {
		if t.On != asOf {
			continue
		}
		switch kind := t.KindName(); {
		case kind == domain.KindAssignment:
			// A lead gave the account an owner: that is not work on it.
		case kind == domain.KindReminder:
			add(0, "reminder written ("+domain.ReminderLevelName(int(t.Outcome))+")")
		case t.IsAttempt():
			add(actAttempt, "called ("+strings.ReplaceAll(t.OutcomeName(), "-", " ")+")")
		case kind == "call":
			add(actContact, "called ("+strings.ReplaceAll(t.OutcomeName(), "-", " ")+")")
		case kind == "note":
			add(actNote, "note added")
		case kind == "escalation":
			e := escalationOn(x, asOf, escalated)
			escalated++
			if e == nil {
				add(actEscalation, "escalated")
				continue
			}
			add(actEscalation, "escalated to "+e.To)
			if w.escalated == nil {
				w.escalated = map[string]bool{}
			}
			for _, r := range escalationAnswers[e.Category] {
				w.escalated[r] = true
			}
		case t.IsContact():
			add(actContact, contactWords[kind])
		}
	}
	for _, fu := range x.FollowUps {
		if fu.Activity != 0 || fu.SetAt == 0 || fu.Due <= asOf {
			continue
		}
		// Set by hand on the business day (or after it, when the workstation
		// runs as of an earlier date): stamps are UTC instants.
		if domain.DateOf(time.Unix(0, fu.SetAt).UTC()) >= asOf {
			add(actFollowUp, "follow-up set for "+dayOf(asOf, fu.Due))
		}
	}
	return w
}

var contactWords = map[string]string{"email": "e-mailed", "visit": "visited", "meeting": "met", "qbr": "held the QBR"}

// escalationOn is the n-th escalation opened on asOf (escalations are kept
// in id order, which is the order written), or nil.
func escalationOn(x *domain.Facts, asOf domain.Date, n int) *domain.Escalation {
	for i := range x.Escalations {
		if x.Escalations[i].Opened != asOf {
			continue
		}
		if n == 0 {
			return &x.Escalations[i]
		}
		n--
	}
	return nil
}

// markWorked records on each item what was done today on its account.
func markWorked(items []Item, x *domain.Facts, asOf domain.Date) {
	w := workOf(x, asOf)
	if w.did == 0 {
		return
	}
	what := strings.Join(w.words, ", ")
	for i := range items {
		items[i].Work = Work{What: what, Answers: w.answers(items[i].Reason)}
	}
}

// standing orders items by how much they still ask for: unworked first, then
// worked but not handled, then handled.
func standing(it *Item) int {
	switch {
	case it.Work.Answers:
		return 2
	case it.Worked():
		return 1
	}
	return 0
}

// compareStanding orders items by standing (ByStanding).
func compareStanding(a, b Item) int { return cmp.Compare(standing(&a), standing(&b)) }

// Standing is 0 for an unworked item, 1 for one worked today and not
// handled, 2 for one handled today: the order the workstation lists them in.
func (it *Item) Standing() int { return standing(it) }
