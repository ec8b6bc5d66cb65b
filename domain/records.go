package domain

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Stamp records who wrote a record and when; the store sets it on every write.
type Stamp struct {
	By string
	At time.Time
}

// Thresholds tune the follow-up rules (SPEC §2, §7).
type Thresholds struct {
	UtilWarnPct      int // warn at or above this utilisation
	UtilBreachPct    int // breach above this utilisation
	StaleContactDays int
	RenewalDays      int
	PromiseGraceDays int
}

// Settings are the book-wide choices.
type Settings struct {
	Name          string
	BaseCurrency  Currency
	AgingEdges    []int // upper edges of the overdue buckets, e.g. 30 60 90 120
	DSOPeriodDays int
	Thresholds    Thresholds
	Users         []string
	Reminders     Reminders
	// MarginRates are each product's margin, in per cent of its invoiced
	// amount: the Book pane's margin proxy (SPEC §3). A product with none
	// has no margin proxy.
	MarginRates map[string]decimal.Decimal
	// RequiredDocs are the documents of the account-opening file each
	// segment requires ("" for every segment not named); none:
	// DefaultRequiredDocs (SPEC §11.3).
	RequiredDocs map[string][]string
	// Targets are the dashboard's headline targets (SPEC §11.4).
	Targets Targets
}

// Reminders are the reminder letters' levels and cadence (SPEC §9.3).
type Reminders struct {
	Levels      []int // days past due from which each level applies, rising: level 1, 2, 3 (final notice)
	CadenceDays int   // a reminder at the same level again after this many days
}

// DefaultSettings are the SPEC defaults.
func DefaultSettings() Settings {
	return Settings{
		Name:          "book",
		BaseCurrency:  "NGN",
		AgingEdges:    []int{30, 60, 90, 120},
		DSOPeriodDays: 90,
		Thresholds: Thresholds{
			UtilWarnPct: 80, UtilBreachPct: 100, StaleContactDays: 30,
			RenewalDays: 90, PromiseGraceDays: 3,
		},
		Reminders: DefaultReminders(),
		Targets:   DefaultTargets(),
	}
}

// DefaultReminders are the SPEC's: level 1 at 1 day past due, 2 at 15,
// 3 (final notice) at 30; again at the same level after 7 days.
func DefaultReminders() Reminders { return Reminders{Levels: []int{1, 15, 30}, CadenceDays: 7} }

// Validate checks the settings.
func (s Settings) Validate() error {
	if !s.BaseCurrency.Valid() {
		return fmt.Errorf("base currency %q is unknown", s.BaseCurrency)
	}
	if len(s.AgingEdges) == 0 {
		return errors.New("aging needs at least one bucket edge")
	}
	prev := 0
	for _, e := range s.AgingEdges {
		if e <= prev {
			return fmt.Errorf("aging edges must rise from above 0: %v", s.AgingEdges)
		}
		prev = e
	}
	if s.DSOPeriodDays <= 0 {
		return errors.New("DSO period must be positive")
	}
	for p, r := range s.MarginRates {
		if err := CheckText(p, true, 40); err != nil {
			return fmt.Errorf("margin rate of product %q: %v", p, err)
		}
		if r.IsNegative() || r.GreaterThan(decimal.NewFromInt(100)) || r.Exponent() < -4 {
			return fmt.Errorf("margin rate of %s must be 0 to 100 %% with at most 4 decimals, not %s", p, r)
		}
	}
	for seg, docs := range s.RequiredDocs {
		if err := CheckText(seg, false, 200); err != nil {
			return fmt.Errorf("required documents of segment %q: %v", seg, err)
		}
		for _, d := range docs {
			if err := CheckWord(d); err != nil {
				return fmt.Errorf("required document of segment %q: %v", seg, err)
			}
		}
	}
	if t := s.Targets; t.NRRPct < 0 || t.NRRPct > 1000 || t.LogoChurnPct < 0 || t.LogoChurnPct > 100 || t.BadDebtPct < 0 || t.BadDebtPct > 100 || t.DSODays < 0 || t.DSODays > 3650 {
		return fmt.Errorf("targets out of range: %+v", t)
	}
	return s.Reminders.Validate()
}

// Validate checks the reminder settings: ReminderLevels levels, each from
// at least 1 day past due, rising; a cadence of at least a day.
func (r Reminders) Validate() error {
	if len(r.Levels) != ReminderLevels {
		return fmt.Errorf("reminders need %d levels (days past due), not %v", ReminderLevels, r.Levels)
	}
	prev := 0
	for _, e := range r.Levels {
		if e <= prev || e > 3650 {
			return fmt.Errorf("reminder levels must rise from 1 day past due, within ten years: %v", r.Levels)
		}
		prev = e
	}
	if r.CadenceDays < 1 || r.CadenceDays > 3650 {
		return fmt.Errorf("reminder cadence must be 1 to 3650 days, not %d", r.CadenceDays)
	}
	return nil
}

// Account statuses.
const (
	StatusOnboarding = "onboarding"
	StatusActive     = "active"
	StatusOnHold     = "on-hold"
	StatusChurned    = "churned"
)

// Overdraft is a temporary addition to the credit limit.
type Overdraft struct {
	Amount     decimal.Decimal
	Expires    Date
	ApprovedBy string
}

// Account is a credit customer.
type Account struct {
	Code           string
	Name           string
	Tier           int // 1 (most important) … 3
	Segment        string
	Owner          string
	Salesperson    string
	Status         string
	StatusSince    Date // when the account took its status (e.g. churned); zero: unknown
	OpenedOn       Date // signed
	LiveOn         Date
	Terms          string // "cash" or "term"
	TermsDays      int
	Currency       Currency
	CreditLimit    decimal.Decimal // zero: no limit
	Overdraft      Overdraft
	Products       []string
	Notes          string
	ExpansionNotes string
	// Competitors are the competitor notes: who else supplies the account,
	// at what price (SPEC §10.10).
	Competitors string
	Stamp       Stamp
}

// DefaultDue is the due date of an invoice issued on d with the account's terms.
func (a Account) DefaultDue(d Date) Date {
	if a.Terms == "cash" {
		return d
	}
	return d.AddDays(a.TermsDays)
}

// Live says whether the account is live on asOf: from its live date when it
// has one. Without one, an active or on-hold account is live (a book brought
// from an ERP seldom has the date; its date is not known) and any other is
// not: onboarding is not live yet, and a churned account without the date
// may never have been.
func (a Account) Live(asOf Date) bool {
	if !a.LiveOn.IsZero() {
		return a.LiveOn <= asOf
	}
	return a.Status == StatusActive || a.Status == StatusOnHold
}

// HasLimit reports whether the account has a credit limit.
func (a Account) HasLimit() bool { return a.CreditLimit.IsPositive() }

// Validate says what is wrong with the account, field by field.
func (a Account) Validate() error {
	var errs fieldErrors
	errs.check("code", CheckCode(a.Code))
	errs.check("name", CheckText(a.Name, true, 200))
	if a.Tier < 1 || a.Tier > 3 {
		errs.add("tier", fmt.Sprintf("tier must be 1, 2 or 3, not %d", a.Tier))
	}
	switch a.Status {
	case StatusOnboarding, StatusActive, StatusOnHold, StatusChurned:
	default:
		errs.add("status", fmt.Sprintf("status %q is not onboarding, active, on-hold or churned", a.Status))
	}
	switch a.Terms {
	case "cash", "term":
	default:
		errs.add("terms", fmt.Sprintf("terms %q is not cash or term", a.Terms))
	}
	if a.TermsDays < 0 || a.TermsDays > 365 {
		errs.add("payment_terms_days", fmt.Sprintf("%d days is out of range 0–365", a.TermsDays))
	}
	if !a.Currency.Valid() {
		errs.add("currency", fmt.Sprintf("currency %q is unknown", a.Currency))
	}
	if a.CreditLimit.IsNegative() {
		errs.add("credit_limit", "credit limit cannot be negative")
	}
	if a.Overdraft.Amount.IsNegative() {
		errs.add("overdraft", "overdraft cannot be negative")
	}
	for _, f := range []struct{ name, v string }{{"segment", a.Segment}, {"owner", a.Owner}, {"salesperson", a.Salesperson}, {"notes", a.Notes}, {"expansion_notes", a.ExpansionNotes}, {"competitors", a.Competitors}} {
		errs.check(f.name, CheckText(f.v, false, 2000))
	}
	for _, p := range a.Products {
		errs.check("products", CheckText(p, true, 40))
	}
	errs.dates("status_since", a.StatusSince, "opened_on", a.OpenedOn, "live_on", a.LiveOn, "overdraft", a.Overdraft.Expires)
	errs.amounts("credit_limit", a.CreditLimit, "overdraft", a.Overdraft.Amount)
	errs.places(a.Currency, "credit_limit", a.CreditLimit, "overdraft", a.Overdraft.Amount)
	return errs.err()
}

// Contact roles.
var ContactRoles = []string{"procurement", "operations", "finance", "executive"}

// Contact is a person at an account.
type Contact struct {
	Account string
	Name    string
	Role    string
	Phone   string
	Email   string
	Primary bool
	Stamp   Stamp
}

// Validate checks the contact.
func (c Contact) Validate() error {
	var errs fieldErrors
	errs.check("account", CheckCode(c.Account))
	errs.check("name", CheckText(c.Name, true, 200))
	if c.Role != "" && !oneOf(c.Role, ContactRoles) {
		errs.add("role", fmt.Sprintf("role %q is not one of %s", c.Role, strings.Join(ContactRoles, ", ")))
	}
	errs.check("phone", CheckText(c.Phone, false, 40))
	errs.check("email", CheckText(c.Email, false, 200))
	return errs.err()
}

// Contract is an agreement with an account.
type Contract struct {
	Account    string
	ID         string
	Start, End Date
	NoticeDays int
	SLA        string
	Rebate     RebateScheme // SPEC §10.4; zero: none
	Status     string       // ContractStatuses; "" reads as active
	Stamp      Stamp
}

// Contract statuses (SPEC §10.1).
const (
	ContractActive     = "active"
	ContractRenewed    = "renewed"
	ContractLapsed     = "lapsed"
	ContractTerminated = "terminated"
)

// ContractStatuses are the words a contract's status may be.
var ContractStatuses = []string{ContractActive, ContractRenewed, ContractLapsed, ContractTerminated}

// Validate checks the contract.
func (c Contract) Validate() error {
	var errs fieldErrors
	errs.check("account", CheckCode(c.Account))
	if c.Start.IsZero() || c.End.IsZero() {
		errs.add("end", "a contract needs a start and an end")
	} else if c.End < c.Start {
		errs.add("end", "ends before it starts")
	}
	errs.dates("start", c.Start, "end", c.End)
	errs.check("rebate", c.Rebate.Validate())
	if c.Status != "" && !oneOf(c.Status, ContractStatuses) {
		errs.add("status", fmt.Sprintf("status %q is not one of %s", c.Status, strings.Join(ContractStatuses, ", ")))
	}
	if c.NoticeDays < 0 || c.NoticeDays > 3650 {
		errs.add("notice_days", fmt.Sprintf("%d days is out of range 0–3650", c.NoticeDays))
	}
	errs.check("sla", CheckMultiline(c.SLA, 2000))
	return errs.err()
}

// Invoice is a bill to an account.
type Invoice struct {
	Account       string
	Number        string
	Issued        Date
	Due           Date
	Amount        decimal.Decimal
	Currency      Currency
	Product       string
	Quantity      decimal.Decimal
	Unit          string
	Disputed      bool
	DisputeReason string
	Excluded      bool // excluded from follow-up
	Stamp         Stamp
}

// Validate checks the invoice on its own.
func (i Invoice) Validate() error {
	var errs fieldErrors
	errs.check("account", CheckCode(i.Account))
	errs.check("number", CheckCode(i.Number))
	if i.Issued.IsZero() {
		errs.add("issue_date", "issue date is missing")
	}
	if !i.Due.IsZero() && i.Due < i.Issued {
		errs.add("due_date", "due date is before the issue date")
	}
	if !i.Amount.IsPositive() {
		errs.add("amount", "amount must be more than zero")
	}
	if !i.Currency.Valid() {
		errs.add("currency", fmt.Sprintf("currency %q is unknown", i.Currency))
	}
	errs.places(i.Currency, "amount", i.Amount)
	errs.check("product", CheckText(i.Product, false, 40))
	errs.check("unit", CheckText(i.Unit, false, 20))
	errs.check("dispute_reason", CheckMultiline(i.DisputeReason, 500))
	errs.dates("issue_date", i.Issued, "due_date", i.Due)
	errs.amounts("amount", i.Amount, "quantity", i.Quantity)
	return errs.err()
}

// Payment is money received from an account.
type Payment struct {
	Account   string
	Reference string
	Received  Date
	Amount    decimal.Decimal
	Currency  Currency
	Invoice   string // explicit application, optional
	Stamp     Stamp
}

// Validate checks the payment on its own.
func (p Payment) Validate() error {
	var errs fieldErrors
	errs.check("account", CheckCode(p.Account))
	errs.check("reference", CheckCode(p.Reference))
	if p.Received.IsZero() {
		errs.add("date", "date is missing")
	}
	if !p.Amount.IsPositive() {
		errs.add("amount", "amount must be more than zero")
	}
	if !p.Currency.Valid() {
		errs.add("currency", fmt.Sprintf("currency %q is unknown", p.Currency))
	}
	errs.places(p.Currency, "amount", p.Amount)
	if p.Invoice != "" {
		errs.check("invoice", CheckCode(p.Invoice))
	}
	errs.dates("date", p.Received)
	errs.amounts("amount", p.Amount)
	return errs.err()
}

// Credit note reasons.
var CreditReasons = []string{"discount", "rebate", "short-delivery", "price-correction", "write-off", "other"}

// ParseCreditReason matches case-insensitively, reading a space as '-'.
func ParseCreditReason(s string) (string, error) {
	r := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), " ", "-")
	if r == "" {
		return "other", nil
	}
	if !oneOf(r, CreditReasons) {
		return "", fmt.Errorf("reason %q is not one of %s", s, strings.Join(CreditReasons, ", "))
	}
	return r, nil
}

// CreditNote reduces what an account owes.
type CreditNote struct {
	Account  string
	Number   string
	Date     Date
	Amount   decimal.Decimal
	Currency Currency
	Reason   string
	Invoice  string // explicit application, optional
	Stamp    Stamp
}

// Validate checks the credit note on its own.
func (c CreditNote) Validate() error {
	var errs fieldErrors
	errs.check("account", CheckCode(c.Account))
	errs.check("number", CheckCode(c.Number))
	if c.Date.IsZero() {
		errs.add("date", "date is missing")
	}
	if !c.Amount.IsPositive() {
		errs.add("amount", "amount must be more than zero")
	}
	if !c.Currency.Valid() {
		errs.add("currency", fmt.Sprintf("currency %q is unknown", c.Currency))
	}
	errs.places(c.Currency, "amount", c.Amount)
	if !oneOf(c.Reason, CreditReasons) {
		errs.add("reason", fmt.Sprintf("reason %q is not one of %s", c.Reason, strings.Join(CreditReasons, ", ")))
	}
	if c.Invoice != "" {
		errs.check("invoice", CheckCode(c.Invoice))
	}
	errs.dates("date", c.Date)
	errs.amounts("amount", c.Amount)
	return errs.err()
}

// Activity kinds. They only ever grow at the end (facts keep a kind by its
// position: Touch).
var ActivityKinds = []string{"call", "email", "visit", "meeting", "qbr", "note", "escalation", KindAssignment, KindPlan, KindDispute, KindDisputeResolved, KindReminder, KindEscalationResolved,
	KindCreditDecision, KindIssue, KindIssueResolved, KindAccountEdit, KindContactEdit, KindContract, KindObjective, KindSurvey,
	KindDocument, KindBlockage}

// Call outcomes, as words (the command line) in SPEC order.
var Outcomes = []string{"reached", "no-answer", "voicemail", "promise", "dispute", "call-back", "refused", "wrong-number"}

// Activity is one entry of an account's timeline. Append-only.
type Activity struct {
	ID         uint64 // assigned by the store
	Account    string
	On         Date // business date
	Kind       string
	Contact    string
	Outcome    string
	Text       string
	Recap      string // written recap kept for "every commitment in writing"
	NextFollow Date
	Corrects   uint64 // a correction points at the entry it corrects
	Stamp      Stamp
}

// Validate checks the activity.
func (a Activity) Validate() error {
	var errs fieldErrors
	errs.check("account", CheckCode(a.Account))
	if a.On.IsZero() {
		errs.add("on", "date is missing")
	}
	if !oneOf(a.Kind, ActivityKinds) {
		errs.add("kind", fmt.Sprintf("kind %q is not one of %s", a.Kind, strings.Join(ActivityKinds, ", ")))
	}
	if a.Kind == "call" && !oneOf(a.Outcome, Outcomes) {
		errs.add("outcome", fmt.Sprintf("outcome %q is not one of %s", a.Outcome, strings.Join(Outcomes, ", ")))
	}
	if a.Kind == KindReminder && ReminderLevelOf(a.Outcome) == 0 {
		errs.add("outcome", fmt.Sprintf("a reminder's level %q is not one of %s", a.Outcome, strings.Join(ReminderOutcomes, ", ")))
	}
	errs.check("contact", CheckText(a.Contact, false, 200))
	errs.check("note", CheckMultiline(a.Text, 4000))
	errs.check("recap", CheckMultiline(a.Recap, 4000))
	if !a.NextFollow.IsZero() && a.NextFollow < a.On {
		errs.add("next", "next follow-up is before the activity")
	}
	errs.dates("on", a.On, "next", a.NextFollow)
	return errs.err()
}

// Promise is a promise to pay, given during an activity.
type Promise struct {
	ID       uint64
	Account  string
	Amount   decimal.Decimal
	Currency Currency
	GivenOn  Date
	DueOn    Date
	Activity uint64
	Contact  string
	Stamp    Stamp
}

// Validate checks the promise.
func (p Promise) Validate() error {
	var errs fieldErrors
	errs.check("account", CheckCode(p.Account))
	if !p.Amount.IsPositive() {
		errs.add("promise", "promised amount must be more than zero")
	} else {
		errs.places(p.Currency, "promise", p.Amount)
	}
	if p.GivenOn.IsZero() || p.DueOn.IsZero() {
		errs.add("promise", "a promise needs a date")
	} else if p.DueOn < p.GivenOn {
		errs.add("promise", "promised date is before the call")
	}
	errs.dates("promise", p.GivenOn, "promise", p.DueOn)
	errs.amounts("promise", p.Amount)
	return errs.err()
}

// Instalment is one step of a payment plan.
type Instalment struct {
	Due    Date
	Amount decimal.Decimal
}

// PaymentPlan is a recovery schedule agreed with an account.
type PaymentPlan struct {
	ID          uint64
	Account     string
	Agreed      Date
	Instalments []Instalment
	// Closed is the date a new plan replaced this one (SPEC §9.2: the old
	// plan is kept, closed); zero while it is open.
	Closed Date
	Stamp  Stamp
}

// Escalation categories, severities and teams (command-line words).
var (
	EscalationCategories = []string{"credit-breach", "overdue", "dispute", "service-incident", "contract", "other"}
	Severities           = []string{"low", "medium", "high", "critical"}
	Teams                = []string{"finance", "operations", "management", "legal"}
)

// Escalation is a matter handed to another team.
type Escalation struct {
	ID         uint64
	Account    string
	Opened     Date
	Category   string
	Severity   string
	To         string
	Summary    string
	Due        Date
	Status     string // open, resolved
	Resolution string
	ResolvedBy string
	// ResolvedOn is the business day it was resolved; zero while open, and
	// on a resolved escalation written before the date was kept (record
	// version 1, or a writer that does not know it): "not known".
	ResolvedOn Date
	Stamp      Stamp
}

// KindEscalationResolved is the activity kind of an escalation's
// resolution on the account's timeline.
const KindEscalationResolved = "escalation-resolved"

// IsOpen says whether the escalation is still open.
func (e Escalation) IsOpen() bool { return e.Status != "resolved" }

// ResolvedEntry is the timeline entry of the escalation's resolution.
func (e Escalation) ResolvedEntry() Activity {
	return Activity{Account: e.Account, On: e.ResolvedOn, Kind: KindEscalationResolved, Outcome: e.Category,
		Text: fmt.Sprintf("Escalation to %s (%s) resolved: %s", e.To, strings.ReplaceAll(e.Category, "-", " "), e.Resolution)}
}

// Validate checks the escalation.
func (e Escalation) Validate() error {
	var errs fieldErrors
	errs.check("account", CheckCode(e.Account))
	if e.Opened.IsZero() {
		errs.add("opened", "date is missing")
	}
	if !oneOf(e.Category, EscalationCategories) {
		errs.add("category", fmt.Sprintf("category %q is not one of %s", e.Category, strings.Join(EscalationCategories, ", ")))
	}
	if !oneOf(e.Severity, Severities) {
		errs.add("severity", fmt.Sprintf("severity %q is not one of %s", e.Severity, strings.Join(Severities, ", ")))
	}
	if !oneOf(e.To, Teams) {
		errs.add("to", fmt.Sprintf("team %q is not one of %s", e.To, strings.Join(Teams, ", ")))
	}
	errs.check("summary", CheckMultiline(e.Summary, 2000))
	if strings.TrimSpace(e.Summary) == "" {
		errs.add("summary", "say in a few words what is escalated")
	}
	if !e.Due.IsZero() && e.Due < e.Opened {
		errs.add("due", "due date is before the escalation")
	}
	switch e.Status {
	case "open":
		if strings.TrimSpace(e.Resolution) != "" || !e.ResolvedOn.IsZero() {
			errs.add("resolution", "an open escalation has no resolution or resolved date")
		}
	case "resolved":
		if strings.TrimSpace(e.Resolution) == "" {
			errs.add("resolution", "say how the escalation was resolved")
		}
		errs.check("resolution", CheckMultiline(e.Resolution, 2000))
		if !e.ResolvedOn.IsZero() && e.ResolvedOn < e.Opened {
			errs.add("resolved_on", fmt.Sprintf("resolved on %s, before the escalation was opened on %s", e.ResolvedOn, e.Opened))
		}
	default:
		errs.add("status", fmt.Sprintf("status %q is not open or resolved", e.Status))
	}
	errs.dates("opened", e.Opened, "due", e.Due, "resolved_on", e.ResolvedOn)
	return errs.err()
}

// Service issue kinds and statuses (SPEC §10.3).
var (
	ServiceKinds  = []string{"late-delivery", "short-volume", "fleet-incident", "quality", "billing-error", "other"}
	IssueStatuses = []string{IssueOpen, IssueInProgress, IssueResolved}
)

// Service issue statuses.
const (
	IssueOpen       = "open"
	IssueInProgress = "in-progress"
	IssueResolved   = "resolved"
)

// ServiceIssue is a problem with the service to an account, and for a
// problem that needs a plan its KPI, target and timetable of steps (a
// problem record, SPEC §10.3).
type ServiceIssue struct {
	ID          uint64
	Account     string
	Kind        string
	Opened      Date
	SLADeadline Date
	Owner       string
	Status      string // open, in-progress, resolved
	Summary     string // what is wrong, in the customer's words
	KPI         string // what will show it is fixed …
	KPITarget   string // … and the value it must reach
	Steps       []Step
	Resolution  string
	ResolvedOn  Date // the business day it was resolved; zero while not resolved
	// ConfirmedInWriting: the customer confirmed the resolution in writing.
	ConfirmedInWriting bool
	Recap              string // the written recap for the customer, kept like a call's
	Stamp              Stamp
}

// IsOpen says whether the issue is not resolved yet.
func (s ServiceIssue) IsOpen() bool { return s.Status != IssueResolved }

// Step is one step of a timetable (a problem record's, an objective's).
type Step struct {
	Text   string
	Due    Date
	Done   bool
	DoneOn Date // zero: not known or not done
}

// FollowUp statuses.
const (
	FollowOpen    = "open"
	FollowDone    = "done"
	FollowSnoozed = "snoozed"
)

// FollowUp is a scheduled next step.
type FollowUp struct {
	ID       uint64
	Account  string
	Due      Date
	Reason   string
	Source   string // manual or rule
	Status   string
	Until    Date // snoozed until
	Activity uint64
	Stamp    Stamp
}

// Survey is a satisfaction score.
type Survey struct {
	ID      uint64
	Account string
	On      Date
	Kind    string // nps, csat
	Score   int
	Comment string
	Stamp   Stamp
}

// Target is the sales plan of an account for a month (SPEC §11): a
// quantity, an amount or both, for one product or ("") the whole account.
type Target struct {
	Account  string
	Month    Date // the first day of the month
	Product  string
	Quantity decimal.Decimal
	Amount   decimal.Decimal
	Currency Currency // the account's
	Stamp    Stamp
}

// Balance is the accounting side's balance of an account on a date, which
// reconciliation compares with the book's (SPEC §11). It may be negative
// (the customer is in credit).
type Balance struct {
	Account  string
	On       Date
	Balance  decimal.Decimal
	Currency Currency // the account's
	Stamp    Stamp
}

// fieldErrors gathers "field: reason" messages.
type fieldErrors []FieldError

// FieldError names the field and what is wrong with it.
type FieldError struct {
	Field  string
	Reason string
}

func (e FieldError) Error() string { return e.Field + ": " + e.Reason }

// ValidationError is every field problem of one record.
type ValidationError []FieldError

func (v ValidationError) Error() string {
	parts := make([]string, len(v))
	for i, f := range v {
		parts[i] = f.Error()
	}
	return strings.Join(parts, "; ")
}

func (f *fieldErrors) add(field, reason string) { *f = append(*f, FieldError{field, reason}) }

// dates checks that set dates lie in 1900–9999 (whether a date is required
// is said apart); name and date come in pairs.
func (f *fieldErrors) dates(pairs ...any) {
	for i := 0; i+1 < len(pairs); i += 2 {
		if d := pairs[i+1].(Date); !d.IsZero() && !d.InRange() {
			f.add(pairs[i].(string), fmt.Sprintf("%s is outside 1900–9999", d.Format("2006-01-02")))
		}
	}
}

// amounts checks that amounts are at most MaxAmount (10^15 in the
// currency's unit, SPEC §6) either way; name and amount come in pairs.
func (f *fieldErrors) amounts(pairs ...any) {
	for i := 0; i+1 < len(pairs); i += 2 {
		if a := pairs[i+1].(decimal.Decimal); a.Abs().GreaterThan(MaxAmount) {
			f.add(pairs[i].(string), fmt.Sprintf("%s is more than 10^15: not a plausible amount", a))
		}
	}
}
func (f *fieldErrors) check(field string, err error) {
	if err != nil {
		f.add(field, err.Error())
	}
}
func (f fieldErrors) err() error {
	if len(f) == 0 {
		return nil
	}
	return ValidationError(f)
}

// CheckCode accepts a short identifier: no spaces at the ends, no control characters.
func CheckCode(s string) error {
	if s == "" {
		return errors.New("is empty")
	}
	if len(s) > 64 {
		return errors.New("is longer than 64 characters")
	}
	if strings.TrimSpace(s) != s {
		return errors.New("has spaces at the start or end")
	}
	if strings.ContainsRune(s, 0) {
		return errors.New("contains a NUL character")
	}
	if i := strings.IndexFunc(s, Invisible); i >= 0 {
		// A code, number or reference must read as what it is.
		r, _ := utf8.DecodeRuneInString(s[i:])
		return fmt.Errorf("contains an invisible character (%U)", r)
	}
	return CheckText(s, true, 64)
}

// CheckText refuses control characters (an escape sequence in a name must never
// reach a terminal) and overlong text.
func CheckText(s string, required bool, max int) error {
	if required && strings.TrimSpace(s) == "" {
		return errors.New("is empty")
	}
	if len(s) > max {
		return fmt.Errorf("is longer than %d characters", max)
	}
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\ufffd' {
			return fmt.Errorf("contains a control character (%U)", r)
		}
	}
	return nil
}

// CheckMultiline is CheckText that allows line breaks and tabs.
func CheckMultiline(s string, max int) error {
	return CheckText(strings.NewReplacer("\n", " ", "\t", " ").Replace(s), false, max)
}

func oneOf(s string, set []string) bool {
	for _, x := range set {
		if s == x {
			return true
		}
	}
	return false
}
