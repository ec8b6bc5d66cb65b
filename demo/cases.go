package demo

import "acctdesk/domain"

// cases opens the account's escalations, service issues, scheduled follow-ups
// and survey scores, each dated relative to AsOf so the queue has something
// past due, something due today and something ahead.
func (a *acct) cases() {
	if a.p.status == "onboarding" || len(a.contacts) == 0 {
		return
	}
	a.escalate()
	a.serviceIssues()
	a.followUps()
	a.survey()
	a.reminders()
}

func (a *acct) escalate() {
	p, r, A := a.p, a.r, a.asOf
	net, overdue := a.position()
	add := func(opened, due domain.Date, cat, sev, to, summary string) *domain.Escalation {
		a.escalations = append(a.escalations, domain.Escalation{
			Account: p.code, Opened: opened, Category: cat, Severity: sev, To: to,
			Summary: summary, Due: due, Status: "open", Stamp: stamp(p.owner, opened, 15*60),
		})
		a.acts = append(a.acts, act{on: opened, minute: 15 * 60, kind: "escalation", text: "Escalated to " + to + ": " + summary})
		return &a.escalations[len(a.escalations)-1]
	}
	if p.has(fEscalationDue) {
		o := weekdayBack(A.AddDays(-r.between(7, 12)))
		cat, what := "overdue", "Overdue balance of "+a.money(overdue)
		if p.util == uBreach {
			cat, what = "credit-breach", "Utilisation over the limit ("+a.money(net)+" owed)"
		}
		if pr := a.brokenPromise(); pr != nil {
			// Escalated the day the promise broke (its grace ended).
			o = pr.due.AddDays(4)
			what += " after a broken promise of " + a.money(pr.amount)
		}
		add(o, max(o, min(o.AddDays(3), A.AddDays(-1))), cat, "high", "finance", what+"; hold deliveries until payment is received.")
	}
	if p.has(fEscalationLegal) {
		add(weekdayBack(A.AddDays(-25)), A.AddDays(10), "overdue", "critical", "legal",
			"Balance over 120 days and a payment-plan instalment missed; letter of demand requested.")
	}
	if p.has(fEscalationOps) {
		add(weekdayBack(A.AddDays(-3)), A.AddDays(3), "service-incident", "medium", "operations",
			"Invoices raised at the wrong price for two months; billing to correct before month end.")
	}
	if p.has(fEscalationDone) {
		o := weekdayBack(A.AddDays(-95))
		e := add(o, o.AddDays(7), "dispute", "medium", "operations", "Customer disputes delivered volumes at the main site; waybills and dip readings to be reconciled.")
		e.Status = "resolved"
		e.Resolution = "Waybills and dip readings reconciled with operations; customer accepted the delivered volume."
		e.ResolvedBy = p.owner
		e.ResolvedOn = weekdayBack(o.AddDays(12))
	}
}

// brokenPromise is the recent promise the account broke, if any.
func (a *acct) brokenPromise() *promiseSpec {
	for i := range a.promises {
		pr := &a.promises[i]
		if pr.due.AddDays(3) < a.asOf && pr.given > a.asOf.AddDays(-30) {
			return pr
		}
	}
	return nil
}

func (a *acct) followUps() {
	p, A := a.p, a.asOf
	add := func(due domain.Date, reason, status string, until domain.Date) {
		made := minDate(A, due.AddDays(-7))
		a.follows = append(a.follows, domain.FollowUp{
			Account: p.code, Due: due, Reason: reason, Source: "manual", Status: status, Until: until,
			Stamp: stamp(p.owner, made, 16*60),
		})
	}
	if p.has(fFollowToday) {
		add(A, "Send copies of the last three invoices and confirm the new delivery address", domain.FollowOpen, 0)
	}
	if p.has(fFollowPast) {
		add(weekdayBack(A.AddDays(-3)), "Chase the remittance promised on the last call", domain.FollowOpen, 0)
	}
	if p.has(fFollowFuture) {
		add(A.AddDays(5), "Check the first delivery at the new site went well", domain.FollowOpen, 0)
	}
	if p.has(fFollowDone) {
		add(weekdayBack(A.AddDays(-8)), "Confirm the revised delivery schedule", domain.FollowDone, 0)
	}
	if p.has(fFollowSnoozed) {
		add(A.AddDays(-1), "Call about the rebate statement", domain.FollowSnoozed, A.AddDays(2))
	}
}

func minDate(a, b domain.Date) domain.Date {
	if a < b {
		return a
	}
	return b
}

// reminders: letters already written to accounts set up for them, at the
// final-notice level these long-overdue accounts stand at: one three days
// ago (not due again until the cadence's 7 days have passed) and one, after
// an earlier one, ten days ago (due again).
func (a *acct) reminders() {
	A := a.asOf
	var days []int
	switch {
	case a.p.has(fReminderRecent):
		days = []int{3}
	case a.p.has(fReminderAgain):
		days = []int{24, 10}
	default:
		return
	}
	c, _ := domain.StatementContact(a.contacts)
	for _, back := range days {
		a.acts = append(a.acts, act{on: weekdayBack(A.AddDays(-back)), minute: 8*60 + 30, kind: domain.KindReminder,
			contact: c.Name, outcome: domain.ReminderOutcome(domain.ReminderLevels),
			text: "final notice written (eml) to the finance contact", fixedNext: true})
	}
}
