package demo

import (
	"fmt"

	"acctdesk/domain"
)

// accountPlan writes the account plan (SPEC §10.9) of accounts that have one
// — every tier 1, most tier 2, a few tier 3 of the scripted accounts, fewer
// of the drawn: a cross-sell objective for
// what it does not buy, a volume or service objective for the quarter, each
// with steps (some done, and on every tier 1 and about one in seven of the
// others one overdue), and for tier 1 last year's revenue
// objective, met or missed by what was invoiced. Each is on the timeline.
func (a *acct) accountPlan() {
	p, r, A := a.p, a.m, a.asOf
	if p.status != "active" || len(a.inv) == 0 {
		return
	}
	keep := [...]float64{1: 1, 2: 0.6, 3: 0.15}
	if !a.scripted() {
		keep = [...]float64{1: 0.7, 2: 0.25, 3: 0.05} // a big book's are fewer
	}
	if !r.chance(keep[p.tier]) {
		return
	}
	set := weekdayBack(A.AddDays(-r.between(30, 60)))
	if set < p.live {
		return
	}
	// One step overdue on every tier 1's plan and on about one in seven of
	// the others: each is an item of the queue (follow-up).
	overdue := p.tier == 1 || r.chance(0.15)
	if next := a.nextProducts(); len(next) > 0 {
		x, stepOverdue := next[0], overdue
		overdue = false
		due := A.AddDays(r.between(45, 120))
		a.objective(set, domain.Objective{Kind: "cross-sell", Measure: "First " + products[x].name + " invoice",
			Target: crossSellTarget[x], Due: due, Steps: []domain.Step{
				{Text: "Send the " + products[x].name + " proposal and price list", Due: set.AddDays(7), Done: true, DoneOn: set.AddDays(6)},
				{Text: "Site survey with operations", Due: a.stepDay(stepOverdue)},
				{Text: "One-month trial", Due: A.AddDays(r.between(15, 30))},
				{Text: "Contract signed", Due: due},
			}})
	}
	switch {
	case len(a.issues) > 0 && r.chance(0.5):
		a.objective(set, domain.Objective{Kind: "service", Measure: "Deliveries on time and in full",
			Target: "98 % over the quarter", Due: A.QuarterEnd(), Steps: []domain.Step{
				{Text: "Weekly delivery report to the customer's operations manager", Due: set.AddDays(7), Done: true, DoneOn: set.AddDays(7)},
				{Text: "Review the quarter's issues at the next visit", Due: A.QuarterEnd().AddDays(-10)},
			}})
	default:
		fuel := pAGO
		if !p.sells(pAGO) {
			fuel = pPMS
		}
		q := a.quarterLitres(fuel, A.QuarterStart().AddMonths(-3))
		if q > 0 {
			a.objective(set, domain.Objective{Kind: "volume", Measure: products[fuel].name + " litres this quarter",
				Target: fmt.Sprintf("%s litres", domain.Grouped(fmt.Sprint(roundUp(q*115/100, 1000)))), Due: A.QuarterEnd(), Steps: []domain.Step{
					{Text: "Agree the delivery schedule for the extra volume", Due: set.AddDays(10), Done: true, DoneOn: set.AddDays(12)},
					{Text: "Price review for the extra volume with procurement", Due: a.stepDay(overdue)},
				}})
		}
	}
	if p.tier == 1 {
		a.pastRevenueObjective()
	}
}

var crossSellTarget = [...]string{
	pAGO:    "AGO supplied to the generators at the main site",
	pPMS:    "PMS for the pool cars and staff buses",
	pRescue: "Rescue cover for every vehicle on the road",
	pFleet:  "Fleet contract for 10 vehicles",
}

// objective adds an open objective set on day set.
func (a *acct) objective(set domain.Date, o domain.Objective) {
	p := a.p
	o.Account, o.Owner, o.Status = p.code, p.owner, domain.ObjectiveOpen
	o.Stamp = stamp(p.owner, set, 17*60)
	a.objectives = append(a.objectives, o)
	a.acts = append(a.acts, act{on: set, minute: 17 * 60, kind: domain.KindObjective, fixedNext: true,
		text: fmt.Sprintf("Objective set (%s): %s, target %s, due %s.", o.Kind, o.Measure, o.Target, o.Due.Format("2 Jan 2006"))})
}

// pastRevenueObjective: the revenue objective of the 12 months to a date
// lately past, set a year before it (the demo's two years of trading do
// not reach back far enough to show what it was set on: it lies within
// 10 % of what came in either way); met when what was invoiced reached it.
func (a *acct) pastRevenueObjective() {
	p, r, A := a.p, a.m, a.asOf
	due := weekdayBack(A.AddDays(-r.between(20, 80)))
	set := due.AddDays(-365)
	if set < p.live {
		return
	}
	var during int64
	for _, v := range a.inv {
		if v.issued > set && v.issued <= due {
			during += v.amount
		}
	}
	if during == 0 {
		return
	}
	target := roundUp(during*int64(r.between(90, 110))/100, a.major(1_000_000))
	status := "met"
	if during < target {
		status = "missed"
	}
	o := domain.Objective{Account: p.code, Kind: "revenue", Measure: "Revenue of the 12 months to " + due.Format("2 Jan 2006"),
		Target: a.money(target), Due: due, Owner: p.owner, Status: status, Steps: []domain.Step{
			{Text: "Agree the year's volumes at the QBR", Due: set.AddDays(30), Done: true, DoneOn: set.AddDays(28)},
			{Text: "Mid-year review of volumes against the plan", Due: set.AddDays(180), Done: true, DoneOn: set.AddDays(183)},
		}, Stamp: stamp(p.owner, due.AddDays(3), 17*60)}
	a.objectives = append(a.objectives, o)
	a.acts = append(a.acts,
		act{on: set, minute: 17 * 60, kind: domain.KindObjective, fixedNext: true,
			text: fmt.Sprintf("Objective set (revenue): %s, target %s.", o.Measure, o.Target)},
		act{on: weekdayFwd(due.AddDays(3)), minute: 17 * 60, kind: domain.KindObjective, fixedNext: true,
			text: fmt.Sprintf("Objective %s (revenue): %s invoiced against a target of %s.", status, a.money(during), o.Target)})
}

// stepDay is when a step of an open objective falls due: in the last days
// (overdue: the queue shows it) or in the next fortnight.
func (a *acct) stepDay(overdue bool) domain.Date {
	if overdue {
		return weekdayBack(a.asOf.AddDays(-a.m.between(2, 8)))
	}
	return weekdayFwd(a.asOf.AddDays(a.m.between(3, 14)))
}

// quarterLitres is the litres of fuel invoiced in the quarter starting qs.
func (a *acct) quarterLitres(fuel int, qs domain.Date) int64 {
	var l int64
	for _, v := range a.inv {
		if v.product == fuel && v.issued >= qs && v.issued <= qs.QuarterEnd() {
			l += v.qty
		}
	}
	return l
}
