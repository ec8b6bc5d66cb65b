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
	"queue": {"today's ranked follow-up queue, in the workstation's order", map[string]string{
		"rank": "1 is the first thing to do", "account": "the account's code",
		"reason": "the rule that raised it: broken-promise, promise-due, overdue, credit-breach, stale-contact, …",
		"due":    "when it is due", "score": "the ranking score", "detail": "why, in words, and the parts of the score",
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
