package domain

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Facts are one account's records reduced to what the book-wide views read —
// the book and aging rows, the queue rules, the reports, the metrics — for
// any as-of date: the documents as a Ledger, the timeline as Touches (when
// and what kind, no text), and the small records whole. They are a pure
// function of the account's records (FactsOf); a store keeps them beside the
// records, rewritten in the transaction that changes them, so that a reader
// of the whole book reads facts and never every document. Only the account
// pane, the forms and the documents read an account's full file.
type Facts struct {
	Account     Account
	Contacts    []Contact
	Ledger      Ledger  // the documents, and what they come to per month and product
	Touches     []Touch // every activity, oldest id first
	Promises    []Promise
	Plans       []PaymentPlan
	Escalations []Escalation
	Issues      []ServiceIssue
	Contracts   []Contract
	FollowUps   []Pending // follow-ups that are not done
	Surveys     []Survey
	Marks       []QueueMark
	Disputes    []Dispute // by invoice, then sequence
	// DisputeInvoices is, for each of Disputes, the index in Ledger.Invoices
	// of its invoice (−1 for none), so that book-wide readers find what
	// it still owes without the documents.
	DisputeInvoices []int32
	Decisions       []CreditDecision // by id (SPEC §10.2)
	Objectives      []Objective      // by id (SPEC §10.9)
	// RebateNotes are the credit notes with reason rebate, by number: what
	// the rebates report counts as credited (SPEC §10.4).
	RebateNotes []RebateNote
	// The administrator's side (SPEC §11): the opening file, the
	// reconciliation marks, the sales plan and accounting's balances.
	Documents  []Document
	Blockages  []Blockage
	Reconciled []Reconciliation
	Targets    []Target
	Balances   []Balance
	// Authors are the names of the touches' authors (Touch.By), each once.
	Authors []string
}

// RebateNote is a rebate credit note as the book-wide reports need it.
type RebateNote struct {
	Number string
	On     Date
	Amount decimal.Decimal
}

// Pending is a follow-up not done yet, as the book-wide views need it.
type Pending struct {
	ID       uint64
	Activity uint64 // the activity that set it; 0 when set by hand
	SetAt    int64  // when it was written, in Unix nanoseconds (0: unknown)
	Due      Date
	Until    Date // snoozed until, when Snoozed
	Snoozed  bool
	Reason   string
}

// PendingOf is a follow-up's digest (for one that is not done).
func PendingOf(fu FollowUp) Pending {
	p := Pending{ID: fu.ID, Activity: fu.Activity, Due: fu.Due, Reason: fu.Reason, Snoozed: fu.Status == FollowSnoozed}
	if p.Snoozed {
		p.Until = fu.Until
	}
	if !fu.Stamp.At.IsZero() {
		p.SetAt = fu.Stamp.At.UnixNano()
	}
	return p
}

// Touch is an activity as the book-wide views need it: when, and what
// kind. Kinds and outcomes are small codes (a book holds hundreds of
// thousands of touches in memory); they are stored by position in
// ActivityKinds and Outcomes, which therefore only ever grow at the end.
type Touch struct {
	ID      uint64
	On      Date
	Kind    uint8  // position in ActivityKinds
	Outcome uint8  // a call's outcome: its position in Outcomes plus one; a reminder's level; 0 otherwise
	By      uint16 // its author: an index into Facts.Authors
}

// Author is the name of the touch's author.
func (x *Facts) Author(t Touch) string {
	if int(t.By) < len(x.Authors) {
		return x.Authors[t.By]
	}
	return ""
}

// TouchOf is an activity's touch.
func TouchOf(a Activity) Touch {
	t := Touch{ID: a.ID, On: a.On, Kind: uint8(max(slices.Index(ActivityKinds, a.Kind), 0))}
	switch a.Kind {
	case "call":
		t.Outcome = uint8(slices.Index(Outcomes, a.Outcome) + 1)
	case KindReminder:
		t.Outcome = uint8(ReminderLevelOf(a.Outcome))
	}
	return t
}

// KindName is the touch's activity kind.
func (t Touch) KindName() string { return ActivityKinds[t.Kind] }

// OutcomeName is a call's outcome, "" for another kind of activity.
func (t Touch) OutcomeName() string {
	if t.Outcome == 0 || t.KindName() != "call" || int(t.Outcome) > len(Outcomes) {
		return ""
	}
	return Outcomes[t.Outcome-1]
}

// IsContact reports whether the touch was a contact with the customer: a
// call that reached someone, an e-mail, a visit, a meeting, a QBR. A call
// that reached nobody is an attempt (IsAttempt), not contact.
func (t Touch) IsContact() bool { return IsContact(t.KindName()) && !t.IsAttempt() }

// IsAttempt reports whether the touch was a call that reached nobody (IsAttempt).
func (t Touch) IsAttempt() bool { return t.KindName() == "call" && IsAttempt(t.OutcomeName()) }

// FactsOf reduces an account's file to its facts. The error names a document
// whose amount is out of range.
func FactsOf(f *AccountFile) (Facts, error) {
	l, order, err := LedgerOf(f.Invoices, f.Payments, f.Credits)
	if err != nil {
		return Facts{}, err
	}
	x := Facts{
		Account: f.Account, Contacts: f.Contacts, Ledger: l,
		Promises: f.Promises, Plans: f.Plans, Escalations: f.Escalations, Issues: f.Issues,
		Contracts: f.Contracts, Surveys: f.Surveys, Marks: f.Marks, Disputes: f.Disputes,
		Decisions: f.Decisions, Objectives: f.Objectives,
		Documents: f.Documents, Blockages: f.Blockages, Reconciled: f.Reconciled, Targets: f.Targets, Balances: f.Balances,
	}
	if len(f.Activities) > 0 {
		x.Touches = make([]Touch, len(f.Activities))
		by := map[string]uint16{}
		for i, a := range f.Activities {
			x.Touches[i] = TouchOf(a)
			k, ok := by[a.Stamp.By]
			if !ok && len(x.Authors) < 1<<16 {
				k = uint16(len(x.Authors))
				by[a.Stamp.By] = k
				x.Authors = append(x.Authors, a.Stamp.By)
			}
			x.Touches[i].By = k
		}
		slices.SortFunc(x.Touches, func(a, b Touch) int { return cmp.Compare(a.ID, b.ID) })
	}
	if len(f.Disputes) > 0 {
		at := make(map[string]int32, len(order))
		for k, i := range order {
			at[f.Invoices[i].Number] = int32(k)
		}
		x.DisputeInvoices = make([]int32, len(f.Disputes))
		for i, d := range f.Disputes {
			k, ok := at[d.Invoice]
			if !ok {
				k = -1
			}
			x.DisputeInvoices[i] = k
		}
	}
	for _, c := range f.Credits {
		if c.Reason == "rebate" {
			x.RebateNotes = append(x.RebateNotes, RebateNote{Number: c.Number, On: c.Date, Amount: c.Amount})
		}
	}
	slices.SortFunc(x.RebateNotes, func(a, b RebateNote) int { return strings.Compare(a.Number, b.Number) })
	for _, fu := range f.FollowUps {
		if fu.Status != FollowDone {
			x.FollowUps = append(x.FollowUps, PendingOf(fu))
		}
	}
	return x, nil
}

// PrimaryContact is the primary contact, preferring finance, else the first
// finance contact, else the first contact; "" when there is none.
func PrimaryContact(contacts []Contact) string {
	best, rank := "", 99
	for _, c := range contacts {
		r := 4
		switch {
		case c.Primary && c.Role == "finance":
			r = 0
		case c.Primary:
			r = 1
		case c.Role == "finance":
			r = 2
		}
		if r < rank {
			best, rank = c.Name, r
		}
	}
	return best
}

// IsContact reports whether an activity kind is a contact with the customer.
func IsContact(kind string) bool {
	switch kind {
	case "call", "email", "visit", "meeting", "qbr":
		return true
	}
	return false
}

// IsAttempt reports whether a call's outcome says it reached nobody: no
// answer, a voicemail left, a wrong number. An attempt is not contact: it
// neither answers an overdue or stale-contact item nor sets the last contact.
func IsAttempt(outcome string) bool {
	switch outcome {
	case "no-answer", "voicemail", "wrong-number":
		return true
	}
	return false
}

// LastContact is the business date of the latest contact on or before asOf.
func (x *Facts) LastContact(asOf Date) Date {
	var last Date
	for _, t := range x.Touches {
		if t.On <= asOf && t.On > last && t.IsContact() {
			last = t.On
		}
	}
	return last
}

// LastAttempt is the business date of the latest call that reached nobody
// (IsAttempt) on or before asOf.
func (x *Facts) LastAttempt(asOf Date) Date {
	var last Date
	for _, t := range x.Touches {
		if t.On <= asOf && t.On > last && t.IsAttempt() {
			last = t.On
		}
	}
	return last
}

// ContactSince reports whether a contact (IsContact), or any call when
// callsOnly (an attempt too), was logged from d to asOf.
func (x *Facts) ContactSince(d, asOf Date, callsOnly bool) bool {
	for _, t := range x.Touches {
		if t.On < d || t.On > asOf {
			continue
		}
		if (callsOnly && t.KindName() == "call") || (!callsOnly && t.IsContact()) {
			return true
		}
	}
	return false
}

// PendingFollowUps are the follow-ups still to do as of asOf: open, not
// snoozed past asOf, and not superseded by a contact or an attempt logged
// after they were set (on a later day, or on the same day after the
// activity that set the follow-up).
func (x *Facts) PendingFollowUps(asOf Date) []Pending {
	var out []Pending
	x.eachPending(asOf, func(p Pending) { out = append(out, p) })
	return out
}

// eachPending calls fn with each pending follow-up (PendingFollowUps).
func (x *Facts) eachPending(asOf Date, fn func(Pending)) {
	// The latest contact or attempt by (day, id) as of asOf decides for every
	// follow-up: an unanswered call does what the follow-up asked (it sets
	// its own next one).
	var lastOn Date
	var lastID uint64
	for _, t := range x.Touches {
		if t.On <= asOf && (t.IsContact() || t.IsAttempt()) && (t.On > lastOn || (t.On == lastOn && t.ID > lastID)) {
			lastOn, lastID = t.On, t.ID
		}
	}
	for _, fu := range x.FollowUps {
		if fu.Snoozed && fu.Until > asOf {
			continue
		}
		setOn, setBy := x.followUpOrigin(fu)
		if lastOn > setOn || (lastOn == setOn && setBy != 0 && lastID > setBy) {
			continue // superseded
		}
		fn(fu)
	}
}

// followUpOrigin is the business date a follow-up was set and the activity that set it.
func (x *Facts) followUpOrigin(fu Pending) (Date, uint64) {
	if fu.Activity != 0 {
		if i, ok := slices.BinarySearchFunc(x.Touches, fu.Activity, func(t Touch, id uint64) int { return cmp.Compare(t.ID, id) }); ok {
			return x.Touches[i].On, fu.Activity
		}
	}
	if fu.SetAt != 0 {
		return DateOf(time.Unix(0, fu.SetAt).UTC()), 0 // stamps are UTC instants
	}
	return fu.Due, 0
}

// NextFollowUp is the earliest pending follow-up date, or zero.
func (x *Facts) NextFollowUp(asOf Date) Date {
	var next Date
	x.eachPending(asOf, func(p Pending) { next = MinDate(next, p.Due) })
	return next
}

// UtilisationAbove is the first day of the unbroken run of days, ending on
// asOf, on which utilisation was above pct (or at or above it, when inclusive).
// It looks back at most maxDays; zero when asOf itself is not in such a run.
// A "new breach" is a run with a new start.
//
// Utilisation only changes on a day a document is dated or the day after an
// overdraft expires, so only those days are tested, walking back from asOf.
// The test is done in the ledger's integer units against the threshold as
// an integer (utilisation > pct ⇔ net > pct × limit ÷ 100), so the walk does
// no decimal arithmetic. Net AR beyond an int64 of units (9.2 × 10^18, a
// thousand times MaxAmount at three places) reports no run.
func (x *Facts) UtilisationAbove(asOf Date, pct int64, inclusive bool, maxDays int) Date {
	a := x.Account
	if !a.HasLimit() {
		return 0
	}
	l := &x.Ledger
	over, ok := l.overLimit(a, pct, inclusive)
	if !ok {
		return 0 // thresholds beyond 10^18 units: no book holds such (MaxAmount)
	}
	net, ok := l.netUnits(asOf)
	if !ok || !over(net, asOf) {
		return 0
	}
	from := asOf.AddDays(-maxDays)
	type change struct {
		on    Date
		delta int64
	}
	var changes []change
	for _, inv := range l.Invoices {
		if inv.Issued > from && inv.Issued <= asOf {
			changes = append(changes, change{inv.Issued, inv.Amount})
		}
	}
	for _, c := range l.Credits {
		if c.On > from && c.On <= asOf {
			changes = append(changes, change{c.On, -c.Amount})
		}
	}
	if e := a.Overdraft.Expires + 1; a.Overdraft.Amount.IsPositive() && e > from && e <= asOf {
		changes = append(changes, change{e, 0}) // the limit changes that day
	}
	slices.SortFunc(changes, func(x, y change) int { return cmp.Compare(y.on, x.on) })
	for i := 0; i < len(changes); {
		day := changes[i].on
		for ; i < len(changes) && changes[i].on == day; i++ {
			if addOverflows(net, -changes[i].delta) {
				return 0
			}
			net -= changes[i].delta // net AR as of the day before
		}
		if !over(net, day-1) {
			return day
		}
	}
	return from
}

// overLimit is the test "net (in the ledger's units) is over pct % of the
// account's limit on day d", with the limit's thresholds worked out once.
func (l *Ledger) overLimit(a Account, pct int64, inclusive bool) (func(net int64, d Date) bool, bool) {
	threshold := func(limit decimal.Decimal) (int64, bool) {
		// pct × limit ÷ 100 in units of 10^Exp, exactly; then the integer
		// that a whole number of units must pass.
		t := limit.Mul(decimal.NewFromInt(pct)).Shift(-2 - l.Exp)
		if inclusive {
			t = t.Ceil()
		} else {
			t = t.Floor()
		}
		if t.Abs().Cmp(decimal.NewFromInt(maxUnits)) > 0 {
			return 0, false
		}
		return t.IntPart(), true
	}
	with, ok1 := threshold(a.CreditLimit.Add(a.Overdraft.Amount))
	without, ok2 := threshold(a.CreditLimit)
	if !ok1 || !ok2 {
		return nil, false
	}
	return func(net int64, d Date) bool {
		t := without
		if a.OverdraftAt(d).IsPositive() {
			t = with
		}
		if inclusive {
			return net >= t
		}
		return net > t
	}, true
}

// netUnits is NetAR in the ledger's units; ok is false when it does not fit
// an int64.
func (l *Ledger) netUnits(d Date) (int64, bool) {
	var n int64
	for _, x := range l.Invoices {
		if x.Issued <= d {
			if addOverflows(n, x.Amount) {
				return 0, false
			}
			n += x.Amount
		}
	}
	for _, c := range l.Credits {
		if c.On > d {
			break
		}
		if addOverflows(n, -c.Amount) {
			return 0, false
		}
		n -= c.Amount
	}
	return n, true
}

// Without is the facts as they were before the day asOf began: without the
// activities dated asOf or later, the promises and follow-ups they set, and
// the queue marks made that day. The queue's progress compares the day's
// queue with the one of its start.
func (x *Facts) Without(asOf Date) *Facts {
	today := map[uint64]bool{}
	for _, t := range x.Touches {
		if t.On >= asOf {
			today[t.ID] = true
		}
	}
	marksToday := slices.ContainsFunc(x.Marks, func(m QueueMark) bool { return m.On >= asOf })
	if len(today) == 0 && !marksToday {
		return x
	}
	c := *x
	c.Touches = keep(x.Touches, func(t Touch) bool { return !today[t.ID] })
	c.Promises = keep(x.Promises, func(p Promise) bool { return p.Activity == 0 || !today[p.Activity] })
	c.FollowUps = keep(x.FollowUps, func(u Pending) bool { return u.Activity == 0 || !today[u.Activity] })
	c.Marks = keep(x.Marks, func(m QueueMark) bool { return m.On < asOf })
	return &c
}

func keep[T any](in []T, ok func(T) bool) []T {
	out := make([]T, 0, len(in))
	for _, x := range in {
		if ok(x) {
			out = append(out, x)
		}
	}
	return out
}

// PrimaryContact is the account's primary contact (see PrimaryContact).
func (x *Facts) PrimaryContact() string { return PrimaryContact(x.Contacts) }
