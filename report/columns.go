package report

import (
	"strings"

	"acctdesk/domain"
)

// ColumnHelp is a report column as `acctdesk help report NAME` explains it.
type ColumnHelp struct {
	Key   string // the csv column and json key
	Title string // the table heading
	Means string
}

// About is what a report is, in a sentence (SPEC §4).
func About(name string) string { return docs[name].about }

// Columns are a report's columns as a book with the default settings has
// them (the aging buckets follow the book's edges), each with what it holds.
func Columns(name string) ([]ColumnHelp, error) {
	r, err := Lookup(name)
	if err != nil {
		return nil, err
	}
	t := r.Finish(Input{}, domain.DefaultSettings(), nil)
	out := make([]ColumnHelp, len(t.Columns))
	for i, c := range t.Columns {
		title := c.Title
		if title == "" {
			title = strings.ToUpper(strings.ReplaceAll(c.Key, "_", " "))
		}
		out[i] = ColumnHelp{Key: c.Key, Title: title, Means: docs[name].cols[c.Key]}
		if out[i].Means == "" && name == "aging" && c.Kind == Money {
			out[i].Means = "outstanding " + title + " days past due" // a bucket
		}
	}
	return out, nil
}

type doc struct {
	about string
	cols  map[string]string
}

var docs = map[string]doc{
	"book": {"one row per account: its standing as of the date", map[string]string{
		"account": "the account's code", "name": "the account's name", "tier": "1 (most important) to 3",
		"owner": "who farms the account", "status": "onboarding, active, on-hold or churned",
		"currency": "the account's currency", "credit_limit": "the credit limit",
		"ar": "net AR: what the account owes, less unapplied credit", "overdue": "the part of the AR past its due date",
		"utilisation_pct": "AR ÷ credit limit × 100, one decimal; empty without a limit",
		"last_contact":    "the last call, visit or meeting that reached the customer", "next_follow_up": "the next follow-up date",
	}},
	"aging": {"accounts × aging buckets by days past due, then a TOTAL row per currency; buckets add up to total", map[string]string{
		"account": "the account's code, or TOTAL", "currency": "the currency (never added across)",
		"current": "outstanding not yet due", "total": "the sum of the buckets",
		"unapplied": "payments and credits not applied to an invoice", "net": "total − unapplied",
	}},
	"dso": {"days sales outstanding per account, then TOTAL per currency", map[string]string{
		"account": "the account's code, or TOTAL", "currency": "the currency", "ar": "net AR as of the date",
		"sales": "invoiced in the period ending the date", "period_days": "the DSO period (book settings, 90 by default)",
		"dso":               "ar ÷ sales × period_days, one decimal; empty when sales are zero",
		"best_possible_dso": "the same with current (not yet due) AR only", "add": "average days delinquent: dso − best_possible_dso",
	}},
	"promises": {"every promise to pay given on or before the date, with its status then, by due date", map[string]string{
		"account": "the account's code", "amount": "what was promised", "currency": "the currency",
		"given_on": "the call's business date", "due_on": "when it falls due",
		"status": "open, kept, partly-kept or broken", "recorded_at": "when it was written (UTC)",
		"author": "who logged it", "contact": "who gave it",
	}},
	"escalations": {"every escalation opened on or before the date, newest first", map[string]string{
		"account": "the account's code", "opened_at": "the date it was opened",
		"category": strings.Join(domain.EscalationCategories, ", "), "severity": strings.Join(domain.Severities, ", "),
		"to": strings.Join(domain.Teams, ", "), "status": "open or resolved", "summary": "what was escalated",
		"author": "who opened it", "id": "the escalation's id",
	}},
	"disputes": {"every dispute open as of the date, and those resolved in the 365 days ending it, by account and invoice", map[string]string{
		"account": "the account's code", "invoice": "the disputed invoice (a dispute's ID on the command line)",
		"amount": "the invoice's amount", "outstanding": "what the invoice still owes as of the date", "currency": "the currency",
		"opened_on": "the business date it was raised (an imported one: the import's date)",
		"days_open": "the date − opened_on while open; resolved_on − opened_on once resolved",
		"reason":    "what the customer disputes", "owner": "who looks after it (default who raised it; an import's user)",
		"status": "open or resolved", "resolved_on": "when it was resolved", "resolution": "how it was resolved",
	}},
	"queue": {"today's ranked follow-up queue, in the workstation's order", map[string]string{
		"rank": "1 is the first thing to do", "account": "the account's code",
		"reason": "the rule that raised it: broken-promise, promise-due, overdue, credit-breach, stale-contact, …",
		"due":    "when it is due", "score": "the ranking score", "detail": "why, in words, and the parts of the score",
	}},
	"changes": {"what changed from --since (excluded; by default the working day before the as-of date, a Monday's " +
		"the Friday before) to the as-of date (included): one row per change, dated the day it happened, by date, account and change", map[string]string{
		"date": "the day the change happened, in (since, as-of]", "account": "the account's code",
		"change": "one of:\n" + changeDefinitions, "amount": "the money the change is about, with the currency's places; empty for an escalation",
		"currency": "the amount's currency (never added across)", "detail": "what changed, in words",
	}},
	"plans": {"one row per instalment of each account's open payment plan as of the date, then of its plans closed " +
		"(replaced) in the 365 days ending the date, as they stood the day they were closed; by account, open plan first", map[string]string{
		"account": "the account's code", "plan": "the plan's id (acctdesk plan prints it)",
		"instalment": "the instalment's number in its plan, 1 first", "date": "when the instalment is due",
		"amount": "the instalment", "paid": "what is paid of it: payments dated from the plan's day, applied to the instalments in date order",
		"status": "kept (paid by its date), late (paid within the promise grace after it), missed (not paid within the grace), " +
			"pending (not yet due, or within the grace), replaced (a closed plan's instalment still pending when it was closed)",
		"currency": "the account's currency",
	}},
	"cash-forecast": {"when the open invoices are expected to be paid (SPEC §9.4), per currency: one row per Monday-start week " +
		"from the week holding the date (--weeks N, default 13), then later, disputed and TOTAL; the rows before TOTAL add up to " +
		"the aging total", map[string]string{
		"currency": "the currency (never added across)",
		"week":     "the Monday starting the week (YYYY-MM-DD), later (after the last week), disputed (open disputes: no date), or TOTAL",
		"expected": "what is expected to be paid in the row: what the account's open promises cover (in due-on order, each what is " +
			"unpaid of it, covering the undisputed open invoices oldest due first) on the promise's due date; the rest of each " +
			"invoice on its due date + L, L the account's average days late over the 365 days ending the date (0 when none), " +
			"rounded half away from zero; a date before the as-of date counts as that date",
		"promised": "the part of expected that open promises cover",
		"invoices": "how many invoices have a part in the row (an invoice split across rows counts in each)",
	}},
}

// changeDefinitions are the exact rules of `report changes` (domain.ChangesOf).
const changeDefinitions = `      newly-overdue: an invoice still outstanding as of the date that is past due then and was not past due
        as of since (or not yet issued); dated the day after its due date (its issue date when issued later);
        amount: its outstanding as of the date. Due on since: newly overdue (dated since + 1); due on the date: not.
      bucket: an invoice still outstanding as of the date, already past due as of since, whose aging bucket as
        of the date is later than as of since (1–30 → 31–60: 30 days past due at since, 31 at the date); dated
        the day it entered that bucket; one row even when it crossed several; amount: its outstanding.
        An invoice is never both newly-overdue and bucket. Disputed invoices count: they still age (SPEC §9.1).
      promise-kept: a promise not kept as of since and kept as of the date (payments from its given-on date to
        its due date + grace add up to its amount); dated the first day it was kept; amount: the promise.
      promise-broken: a promise open as of since (or given after it) that is broken or partly kept as of the
        date; dated the day after its deadline (due date + grace), when its status became so; amount: the promise.
      payment, credit-note: each one dated in (since, as-of]; amount: its amount.
      dispute-opened, dispute-resolved: a dispute opened, or resolved, in (since, as-of]; dated that day;
        amount: the disputed invoice's amount; detail: its number and the reason or the resolution.
      credit-breach: utilisation over the breach threshold (100 %) as of the date, in a run of days over it that
        began after since; dated the run's first day; amount: the net AR that day.
      escalation-opened: each escalation opened in (since, as-of].
      escalation-resolved: an escalation resolved in (since, as-of] (resolve escalation); dated the day it was
        resolved; detail: its category and the resolution. One resolved before its date was kept gives none.`
