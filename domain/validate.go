package domain

import (
	"fmt"
	"strings"
)

// oneOf adds an error when v is not in set.
func (f *fieldErrors) oneOf(field, v string, set []string) {
	if !oneOf(v, set) {
		f.add(field, fmt.Sprintf("%q is not one of %s", v, strings.Join(set, ", ")))
	}
}

// Validate checks the plan.
func (p PaymentPlan) Validate() error {
	var f fieldErrors
	f.check("account", CheckCode(p.Account))
	if p.Agreed.IsZero() {
		f.add("agreed", "date is missing")
	}
	if len(p.Instalments) == 0 {
		f.add("instalments", "a plan needs at least one instalment")
	}
	for i, in := range p.Instalments {
		if in.Due.IsZero() {
			f.add("instalments", fmt.Sprintf("instalment %d has no date", i+1))
		}
		if !in.Amount.IsPositive() {
			f.add("instalments", fmt.Sprintf("instalment %d: amount must be more than zero", i+1))
		}
	}
	if !p.Closed.IsZero() && p.Closed < p.Agreed {
		f.add("closed", "a plan is closed on or after the day it was agreed")
	}
	f.dates("agreed", p.Agreed, "closed", p.Closed)
	for _, in := range p.Instalments {
		f.dates("instalments", in.Due)
		f.amounts("instalments", in.Amount)
	}
	return f.err()
}

// Validate checks the service issue.
func (x ServiceIssue) Validate() error {
	var f fieldErrors
	f.check("account", CheckCode(x.Account))
	f.oneOf("kind", x.Kind, ServiceKinds)
	if x.Opened.IsZero() {
		f.add("opened", "date is missing")
	}
	if !x.SLADeadline.IsZero() && x.SLADeadline < x.Opened {
		f.add("sla_deadline", "deadline is before the issue was opened")
	}
	f.oneOf("status", x.Status, IssueStatuses)
	f.check("owner", CheckText(x.Owner, false, 200))
	f.check("summary", CheckMultiline(x.Summary, 2000))
	f.check("kpi", CheckText(x.KPI, false, 200))
	f.check("kpi_target", CheckText(x.KPITarget, false, 200))
	f.check("resolution", CheckMultiline(x.Resolution, 2000))
	f.check("recap", CheckMultiline(x.Recap, 4000))
	switch {
	case x.Status == IssueResolved && strings.TrimSpace(x.Resolution) == "":
		f.add("resolution", "say how the issue was resolved")
	case x.Status != IssueResolved && (x.Resolution != "" || !x.ResolvedOn.IsZero() || x.ConfirmedInWriting):
		f.add("resolution", "an issue not resolved has no resolution, resolved date or confirmation")
	}
	if !x.ResolvedOn.IsZero() && x.ResolvedOn < x.Opened {
		f.add("resolved_on", fmt.Sprintf("resolved on %s, before the issue was opened on %s", x.ResolvedOn, x.Opened))
	}
	f.steps(x.Steps)
	f.dates("opened", x.Opened, "sla_deadline", x.SLADeadline, "resolved_on", x.ResolvedOn)
	return f.err()
}

// Validate checks the follow-up.
func (x FollowUp) Validate() error {
	var f fieldErrors
	f.check("account", CheckCode(x.Account))
	if x.Due.IsZero() {
		f.add("due", "date is missing")
	}
	f.check("reason", CheckText(x.Reason, false, 500))
	f.oneOf("source", x.Source, []string{"manual", "rule"})
	f.oneOf("status", x.Status, []string{FollowOpen, FollowDone, FollowSnoozed})
	if x.Status == FollowSnoozed && x.Until.IsZero() {
		f.add("until", "a snoozed follow-up needs a date")
	}
	f.dates("due", x.Due, "until", x.Until)
	return f.err()
}

// Validate checks the survey score.
func (x Survey) Validate() error {
	var f fieldErrors
	f.check("account", CheckCode(x.Account))
	if x.On.IsZero() {
		f.add("date", "date is missing")
	}
	switch x.Kind {
	case "nps":
		if x.Score < 0 || x.Score > 10 {
			f.add("score", fmt.Sprintf("NPS score %d is out of range 0–10", x.Score))
		}
	case "csat":
		if x.Score < 1 || x.Score > 5 {
			f.add("score", fmt.Sprintf("CSAT score %d is out of range 1–5", x.Score))
		}
	default:
		f.add("kind", fmt.Sprintf("%q is not nps or csat", x.Kind))
	}
	f.check("comment", CheckMultiline(x.Comment, 2000))
	f.dates("date", x.On)
	return f.err()
}

// Validate checks the queue mark.
func (m QueueMark) Validate() error {
	var f fieldErrors
	f.check("key", CheckText(m.Key, true, 1000))
	if m.Account != "" {
		f.check("account", CheckCode(m.Account))
	}
	if !m.Done && m.Until.IsZero() {
		f.add("until", "a mark is done, or snoozed until a date")
	}
	f.dates("on", m.On, "until", m.Until)
	return f.err()
}
