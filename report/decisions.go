package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"acctdesk/domain"
)

// Credit decisions (SPEC §10.2) and service issues (§10.3), from facts.

// yesNo is a boolean cell: yes or no.
func yesNo(b bool) Cell {
	if b {
		return T("yes")
	}
	return T("no")
}

// Credit decisions: every decision made on or before the date, by the
// instant it was written, then account (then id: a limit before the
// overdraft of the same decision).
func decisionsPart(in Input, set domain.Settings, x *domain.Facts) any {
	if in.skip(x) {
		return nil
	}
	var out []domain.CreditDecision
	for _, d := range x.Decisions {
		if d.On <= in.AsOf {
			out = append(out, d)
		}
	}
	return out
}

func decisionsTable(in Input, set domain.Settings, parts []any) *Table {
	t := &Table{Columns: []Column{{"account", Text, ""}, {"decided_at", Time, ""}, {"by", Text, ""}, {"approved_by", Text, ""},
		{"field", Text, ""}, {"old", Money, ""}, {"new", Money, ""}, {"reason", Text, ""},
		{"utilisation_after_pct", Percent, "UTIL AFTER %"}, {"confirmed_over", Text, ""}}}
	var ds []domain.CreditDecision
	for _, p := range parts {
		if d, ok := p.([]domain.CreditDecision); ok {
			ds = append(ds, d...)
		}
	}
	slices.SortStableFunc(ds, func(a, b domain.CreditDecision) int {
		return cmp.Or(a.Stamp.At.Compare(b.Stamp.At), cmp.Compare(a.Account, b.Account), cmp.Compare(a.ID, b.ID))
	})
	for _, d := range ds {
		util := T("")
		if d.HasUtilisation {
			util = T(d.UtilisationAfter.StringFixed(1))
		}
		t.Rows = append(t.Rows, []Cell{T(d.Account), instant(d.Stamp.At), T(d.Stamp.By), T(d.ApprovedBy), T(d.Field),
			money(d.Old, d.Currency), money(d.New, d.Currency), T(d.Reason), util, yesNo(d.ConfirmedOver)})
	}
	return t
}

// Issues: every service issue opened on or before the date, as it stood
// then (one resolved after the date was open: open, no resolution yet), by
// opened date, account and id.
func issuesPart(in Input, set domain.Settings, x *domain.Facts) any {
	if in.skip(x) {
		return nil
	}
	var out []domain.ServiceIssue
	for _, s := range x.Issues {
		if s.Opened > in.AsOf {
			continue
		}
		if !s.IsOpen() && !s.ResolvedOn.IsZero() && s.ResolvedOn > in.AsOf {
			s.Status, s.ResolvedOn, s.ConfirmedInWriting, s.Resolution = domain.IssueOpen, 0, false, ""
		}
		out = append(out, s)
	}
	return out
}

func issuesTable(in Input, set domain.Settings, parts []any) *Table {
	t := &Table{Columns: []Column{{"account", Text, ""}, {"id", Count, ""}, {"kind", Text, ""}, {"opened_on", Date, ""},
		{"sla", Date, ""}, {"owner", Text, ""}, {"status", Text, ""}, {"sla_met", Text, ""}, {"resolved_on", Date, ""},
		{"confirmed_in_writing", Text, "IN WRITING"}, {"summary", Text, ""}}}
	var rows []domain.ServiceIssue
	for _, p := range parts {
		if r, ok := p.([]domain.ServiceIssue); ok {
			rows = append(rows, r...)
		}
	}
	slices.SortStableFunc(rows, func(a, b domain.ServiceIssue) int {
		return cmp.Or(cmp.Compare(a.Opened, b.Opened), cmp.Compare(a.Account, b.Account), cmp.Compare(a.ID, b.ID))
	})
	opt := func(d domain.Date) Cell {
		if d.IsZero() {
			return T("")
		}
		return date(d)
	}
	for _, s := range rows {
		met := T("")
		if ok, known := s.SLAMet(in.AsOf); known {
			met = yesNo(ok)
		}
		t.Rows = append(t.Rows, []Cell{T(s.Account), T(strconv.FormatUint(s.ID, 10)), T(s.Kind), date(s.Opened), opt(s.SLADeadline),
			T(s.Owner), T(s.Status), met, opt(s.ResolvedOn), yesNo(s.ConfirmedInWriting), T(s.Summary)})
	}
	return t
}

// The reports' help (acctdesk help report NAME), kept with them.
func init() {
	docs["credit-decisions"] = doc{"every credit decision (SPEC §10.2) made on or before the date: one row per field changed, " +
		"by when it was written, then account", map[string]string{
		"account": "the account's code", "decided_at": "when it was written (UTC)", "by": "who made the decision (its author)",
		"approved_by": "who approved it (default its author)",
		"field":       "credit_limit or overdraft (a temporary overdraft, with an expiry: acctdesk credit --overdraft AMOUNT@DATE)",
		"old":         "the limit or overdraft before, with the currency's places (0: none)", "new": "the limit or overdraft after (0: none, removed)",
		"reason": "why", "utilisation_after_pct": "net AR ÷ (the new limit + the overdraft in force) × 100 on the day, one decimal; " +
			"empty when the account has no limit after it",
		"confirmed_over": "yes when the decision left utilisation over the breach threshold (100 %) and was confirmed so (--confirm); else no",
	}}
	docs["issues"] = doc{"every service issue (SPEC §10.3) opened on or before the date, as it stood then, by opened date, account and id", map[string]string{
		"account": "the account's code", "id": "the issue's id (acctdesk issue and resolve issue take it)",
		"kind":      strings.Join(domain.ServiceKinds, ", "),
		"opened_on": "the business date it was opened", "sla": "the SLA deadline: when it must be fixed",
		"owner": "who looks after it", "status": "open, in-progress or resolved (one resolved after the date: open)",
		"sla_met": "yes when resolved on or before the SLA deadline; no when resolved after it, or still open past it; " +
			"empty while open and not past it, or without a deadline",
		"resolved_on":          "the business date it was resolved; empty while open",
		"confirmed_in_writing": "yes when the customer confirmed the resolution in writing; else no",
		"summary":              "what is wrong, in the customer's words",
	}}
}
