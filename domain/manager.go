package domain

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// The account manager's records (SPEC §10): credit decisions, objectives of
// an account plan, and the timeline kinds of the changes made to an
// account. Service issues, contracts and surveys are in records.go.

// Activity kinds of the account manager's side. None is contact with the
// customer (IsContact): a decision or an edit answers no queue item.
const (
	KindCreditDecision = "credit-decision" // a limit or overdraft changed (§10.2)
	KindIssue          = "issue"           // a service issue opened or updated (§10.3)
	KindIssueResolved  = "issue-resolved"  // … resolved
	KindAccountEdit    = "account-edit"    // the account's fields changed, old → new (§10.10)
	KindContactEdit    = "contact-edit"    // a contact added, changed or removed (§10.10)
	KindContract       = "contract"        // a contract entered, renewed or lapsed (§10.1)
	KindObjective      = "objective"       // an account plan's objective set or changed (§10.9)
	KindSurvey         = "survey"          // a survey score entered (§10.8)
)

// Credit decision fields.
const (
	FieldCreditLimit = "credit_limit"
	FieldOverdraft   = "overdraft"
)

// CreditDecision is one change of an account's credit limit or temporary
// overdraft, kept for good (SPEC §10.2). Stamp says who decided and when.
type CreditDecision struct {
	ID         uint64
	Account    string
	On         Date   // the business day of the decision
	Field      string // FieldCreditLimit or FieldOverdraft
	Old, New   decimal.Decimal
	OldExpires Date // an overdraft's expiry before and after (zero for a limit)
	NewExpires Date
	Currency   Currency
	Reason     string
	ApprovedBy string
	// UtilisationAfter is the utilisation the decision leaves, in per
	// cent rounded to one decimal; HasUtilisation is false when the account
	// has no limit after it.
	UtilisationAfter decimal.Decimal
	HasUtilisation   bool
	// ConfirmedOver: the decision leaves utilisation over the breach
	// threshold and was explicitly confirmed so.
	ConfirmedOver bool
	Stamp         Stamp
}

// Validate checks the decision.
func (c CreditDecision) Validate() error {
	var f fieldErrors
	f.check("account", CheckCode(c.Account))
	if c.On.IsZero() {
		f.add("on", "date is missing")
	}
	f.oneOf("field", c.Field, []string{FieldCreditLimit, FieldOverdraft})
	if c.Old.IsNegative() || c.New.IsNegative() {
		f.add(c.Field, "a limit or an overdraft cannot be negative")
	}
	if !c.Currency.Valid() {
		f.add("currency", fmt.Sprintf("currency %q is unknown", c.Currency))
	}
	f.places(c.Currency, c.Field, c.Old, c.Field, c.New)
	f.amounts(c.Field, c.Old, c.Field, c.New)
	if c.Field == FieldCreditLimit && (!c.OldExpires.IsZero() || !c.NewExpires.IsZero()) {
		f.add("expires", "a credit limit has no expiry")
	}
	if c.Field == FieldOverdraft && c.New.IsPositive() && c.NewExpires.IsZero() {
		f.add("expires", "a temporary overdraft needs an expiry date")
	}
	if strings.TrimSpace(c.Reason) == "" {
		f.add("reason", "say why the limit changes")
	}
	f.check("reason", CheckMultiline(c.Reason, 2000))
	f.check("approved_by", CheckText(c.ApprovedBy, false, 64))
	f.dates("on", c.On, "expires", c.OldExpires, "expires", c.NewExpires)
	return f.err()
}

// Objective kinds and statuses (SPEC §10.9).
var (
	ObjectiveKinds    = []string{"revenue", "volume", "cross-sell", "service", "other"}
	ObjectiveStatuses = []string{ObjectiveOpen, "met", "missed", "dropped"}
)

// ObjectiveOpen is the status of an objective still being worked.
const ObjectiveOpen = "open"

// Objective is one objective of an account plan.
type Objective struct {
	ID      uint64
	Account string
	Kind    string // ObjectiveKinds
	Measure string // what is measured
	Target  string // the value it must reach
	Due     Date
	Owner   string
	Status  string // ObjectiveStatuses
	Steps   []Step
	Stamp   Stamp
}

// IsOpen says whether the objective is still being worked.
func (o Objective) IsOpen() bool { return o.Status == ObjectiveOpen || o.Status == "" }

// Validate checks the objective.
func (o Objective) Validate() error {
	var f fieldErrors
	f.check("account", CheckCode(o.Account))
	f.oneOf("kind", o.Kind, ObjectiveKinds)
	f.oneOf("status", o.Status, ObjectiveStatuses)
	f.check("measure", CheckText(o.Measure, true, 200))
	f.check("target", CheckText(o.Target, false, 200))
	f.check("owner", CheckText(o.Owner, false, 64))
	f.dates("due", o.Due)
	f.steps(o.Steps)
	return f.err()
}

// steps checks a timetable: each step says something and has a date.
func (f *fieldErrors) steps(steps []Step) {
	for i, s := range steps {
		if strings.TrimSpace(s.Text) == "" {
			f.add("steps", fmt.Sprintf("step %d says nothing", i+1))
		}
		f.check("steps", CheckText(s.Text, false, 500))
		if s.Due.IsZero() {
			f.add("steps", fmt.Sprintf("step %d has no due date", i+1))
		}
		if !s.Done && !s.DoneOn.IsZero() {
			f.add("steps", fmt.Sprintf("step %d is not done but has a done date", i+1))
		}
		f.dates("steps", s.Due, "steps", s.DoneOn)
	}
}

// StepsDue are the steps not done whose due date is on or before asOf.
func StepsDue(steps []Step, asOf Date) []Step {
	var out []Step
	for _, s := range steps {
		if !s.Done && !s.Due.IsZero() && s.Due <= asOf {
			out = append(out, s)
		}
	}
	return out
}
