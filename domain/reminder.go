package domain

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// KindReminder is the activity kind of a reminder letter written (SPEC
// §9.3); its Outcome is the level ("level-2", ReminderOutcomes), which the
// touch keeps as its Outcome code so that the queue knows the last
// reminder's level and day from facts.
const KindReminder = "reminder"

// ReminderLevels is how many levels there are; the last is the final notice.
const ReminderLevels = 3

// ReminderOutcomes are a reminder activity's outcomes, one per level.
var ReminderOutcomes = []string{"level-1", "level-2", "level-3"}

// ReminderLevelOf is the level of a reminder's outcome ("level-2" → 2),
// 0 when it is none.
func ReminderLevelOf(outcome string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(outcome, "level-"))
	if !strings.HasPrefix(outcome, "level-") || err != nil || n < 1 || n > ReminderLevels {
		return 0
	}
	return n
}

// ReminderOutcome is the outcome that records a reminder of a level.
func ReminderOutcome(level int) string { return fmt.Sprintf("level-%d", level) }

// ReminderLevelName is a level in words: "level 1", "level 2", "final notice".
func ReminderLevelName(level int) string {
	if level == ReminderLevels {
		return "final notice"
	}
	return fmt.Sprintf("level %d", level)
}

// ReminderState is where an account stands for reminder letters as of a
// date (SPEC §9.3).
type ReminderState struct {
	AsOf   Date
	Level  int // by the oldest undisputed, uncovered overdue invoice; 0: none
	Oldest int // that invoice's days past due (0 when Level is 0)
	// OldestInvoice is that invoice's index in the ledger (-1 when none).
	OldestInvoice int
	// Overdue are the overdue undisputed invoices (ledger indices, in
	// application order, so oldest due first) and TotalDue what they still
	// owe: what the letter lists and asks for.
	Overdue  []int
	Owed     []decimal.Decimal // per Overdue
	TotalDue decimal.Decimal
	// The last reminder written on or before AsOf: its level and day
	// (0 and zero when there was none).
	LastLevel int
	LastOn    Date
	Due       bool // a reminder is due (ReminderOf)
}

// ReminderOf is the account's reminder state as of asOf. Invoices disputed
// or excluded from follow-up are never chased (SPEC §9.1); of the others,
// those past due make the letter, and the oldest one past due that open
// promises do not cover in full (PromiseCoverGrace, with the book's
// promise grace) sets the level: level k from Reminders.Levels[k-1] days
// past due. The account is due a reminder when it
// has a level and that level is higher than its last reminder's, or equal
// to it with the last reminder at least Reminders.CadenceDays old — never on the
// day of a reminder.
func ReminderOf(x *Facts, set Settings, asOf Date) ReminderState {
	r := set.Reminders
	st := ReminderState{AsOf: asOf, OldestInvoice: -1, TotalDue: decimal.Zero}
	l := &x.Ledger
	for _, c := range PromiseCoverGrace(x, asOf, set.Thresholds.PromiseGraceDays) {
		i := c.Invoice
		dpd := asOf.DaysSince(l.Invoices[i].Due)
		if dpd <= 0 || c.Disputed || l.IsExcluded(i) { // c.Disputed: as of asOf
			continue
		}
		st.Overdue = append(st.Overdue, i)
		st.Owed = append(st.Owed, c.Outstanding)
		st.TotalDue = st.TotalDue.Add(c.Outstanding)
		if c.Uncovered().IsPositive() && dpd > st.Oldest {
			st.Oldest, st.OldestInvoice = dpd, i
		}
	}
	for k, from := range r.Levels[:min(len(r.Levels), ReminderLevels)] { // a hand-edited book may hold more
		if st.Oldest >= from {
			st.Level = k + 1
		}
	}
	if st.Level == 0 {
		st.Oldest, st.OldestInvoice = 0, -1
	}
	var lastID uint64
	for _, t := range x.Touches {
		if t.KindName() != KindReminder || t.On > asOf {
			continue
		}
		if t.On > st.LastOn || (t.On == st.LastOn && t.ID > lastID) {
			st.LastOn, lastID, st.LastLevel = t.On, t.ID, int(t.Outcome)
		}
	}
	switch {
	case st.Level == 0, st.LastOn == asOf:
	case st.Level > st.LastLevel:
		st.Due = true
	case st.Level == st.LastLevel:
		st.Due = asOf.DaysSince(st.LastOn) >= r.CadenceDays
	}
	return st
}

// ReminderLetter is what a reminder letter says (SPEC §9.3): from us to the
// account's finance contact (StatementContact, as the statement picks it),
// the overdue undisputed invoices with their days past due and the total
// due, at the account's level, signed by the user. Text is as the book
// holds it: the letter's templates are given it made safe for their format.
type ReminderLetter struct {
	From       string // our name (the book's settings)
	Account    Account
	Contact    Contact
	HasContact bool
	AsOf       Date
	Level      int // 1 … ReminderLevels; the last is the final notice
	Oldest     int // days past due of the invoice that sets the level
	Invoices   []StatementInvoice
	TotalDue   decimal.Decimal
	Currency   Currency
	SignedBy   string
	State      ReminderState
}

// ReminderLetterOf is the account's reminder letter as of asOf, signed by
// user, with its state (ReminderOf). An account with no level (nothing
// overdue and uncovered) has a letter of level 0 and no invoices: the
// caller says so rather than writing it. The error names a document whose
// amount is out of range.
func ReminderLetterOf(f *AccountFile, set Settings, asOf Date, user string) (ReminderLetter, error) {
	x, err := FactsOf(f)
	if err != nil {
		return ReminderLetter{}, err
	}
	_, order, err := LedgerOf(f.Invoices, f.Payments, f.Credits)
	if err != nil {
		return ReminderLetter{}, err
	}
	st := ReminderOf(&x, set, asOf)
	r := ReminderLetter{From: set.Name, Account: f.Account, AsOf: asOf, Level: st.Level, Oldest: st.Oldest,
		TotalDue: st.TotalDue, Currency: f.Account.Currency, SignedBy: user, State: st}
	r.Contact, r.HasContact = StatementContact(f.Contacts)
	for k, i := range st.Overdue {
		inv := &f.Invoices[order[i]]
		r.Invoices = append(r.Invoices, StatementInvoice{Number: inv.Number, Issued: inv.Issued, Due: inv.Due,
			Amount: inv.Amount, Outstanding: st.Owed[k], DaysPastDue: asOf.DaysSince(inv.Due)})
	}
	return r, nil
}
