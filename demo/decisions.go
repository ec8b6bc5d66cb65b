package demo

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
)

// netAt is what the account owes as of d, net of everything paid and
// credited by then (the simple rule of position).
func (a *acct) netAt(d domain.Date) int64 {
	var n int64
	for _, v := range a.inv {
		if v.issued <= d {
			n += v.amount
		}
	}
	for _, p := range a.pay {
		if p.date <= d {
			n -= p.amount
		}
	}
	for _, c := range a.cn {
		if c.date <= d {
			n -= c.amount
		}
	}
	return n
}

// approver of a limit: the bigger, the higher up.
func (a *acct) approver(limit int64) string {
	switch {
	case limit > a.major(200_000_000):
		return "Credit committee"
	case limit > a.major(50_000_000):
		return "Ifeanyi Okoro (CFO)"
	}
	return "Bola Adewale (Head of Credit)"
}

// creditDecisions writes the history behind the account's limit and
// overdraft (SPEC §10.2): the limit raised at reviews (tier 1 twice, tier 2
// once or twice, tier 3 now and then), each from about two thirds of the
// next, on a day it left room; a delinquent or on-hold account's limit cut
// after deliveries stopped, and an account over its limit raised lately to
// keep it supplied — both leaving it over 100 % as a rule, and confirmed
// so; the overdraft it holds, granted with its expiry. Each has its
// timeline entry.
func (a *acct) creditDecisions() {
	p, r, A := a.p, a.m, a.asOf
	if a.limit <= 0 || p.status == "onboarding" || p.status == "churned" || len(a.inv) == 0 {
		return
	}
	step := a.major(1_000_000)
	if a.limit < a.major(10_000_000) {
		step = a.major(100_000)
	}
	type change struct {
		on       domain.Date
		old, new int64
		reason   string
	}
	var limits []change // newest first
	cur := a.limit
	switch {
	case p.beh == bDelinquent || p.beh == bOnHold:
		on := weekdayBack(A.AddDays(-r.between(20, 40))) // after the last delivery (trade stops 45 days back)
		old := roundUp(cur*13/10, step)
		reason := "Limit cut after payments stopped; no deliveries beyond it until the arrears are cleared."
		if a.netAt(on) > cur {
			reason = "Limit cut to below the balance after payments stopped; deliveries on stop until the arrears are cleared."
		}
		limits = append(limits, change{on, old, cur, reason})
		cur = old
	case p.util == uBreach:
		// Raised lately to keep a big customer supplied, though it left
		// the account over its limit: confirmed so.
		on := weekdayBack(A.AddDays(-r.between(25, 50)))
		if old := max(step, roundDown(cur*int64(r.between(75, 90))/100, step)); old < cur && on > p.live {
			reason := "Limit raised to keep the contract supplied through the peak."
			if a.netAt(on) > cur {
				reason = "Limit raised to keep the contract supplied through the peak; the account stays over it until the month-end payment."
			}
			limits = append(limits, change{on, old, cur, reason})
			cur = old
		}
	}
	n := [...]int{1: 2, 2: 1 + r.IntN(2), 3: r.IntN(2)}[p.tier]
	if !a.scripted() {
		n = [...]int{1: 1 + r.IntN(2), 2: r.IntN(2), 3: r.weighted(80, 20)}[p.tier] // a big book's are fewer
	}
	back := A
	if len(limits) > 0 {
		back = limits[0].on
	}
	for k := 0; k < n; k++ {
		old := max(step, roundDown(cur*int64(r.between(60, 85))/100, step))
		on, ok := a.reviewDay(weekdayBack(back.AddDays(-r.between(150, 230))), cur)
		if !ok || old >= cur {
			break
		}
		limits = append(limits, change{on, old, cur, a.raiseReason(old, cur, on)})
		cur, back = old, on
	}
	for i := len(limits) - 1; i >= 0; i-- {
		c := limits[i]
		a.decide(domain.CreditDecision{On: c.on, Field: domain.FieldCreditLimit, Old: a.dec(c.old), New: a.dec(c.new), Reason: c.reason, ApprovedBy: a.approver(c.new)}, c.new, 0)
	}
	if a.od > 0 {
		days := 30
		reason := "Harmattan stock-up ahead of the dry-season peak: temporary overdraft until the month-end payment run."
		if a.odExpires > A.AddDays(14) {
			days = 90
			reason = "Relief convoys to the north-east this quarter: temporary overdraft for the extra deliveries, reviewed at expiry."
		}
		on := weekdayBack(a.odExpires.AddDays(-days))
		a.decide(domain.CreditDecision{On: on, Field: domain.FieldOverdraft, Old: decimal.Zero, New: a.dec(a.od), NewExpires: a.odExpires,
			Reason: reason, ApprovedBy: "Ifeanyi Okoro (CFO)"}, a.limit, a.od)
	}
}

// reviewDay is a weekday within three weeks of d, after the account's
// first two months, on which a raise to limit leaves utilisation at 90 %
// or under: a limit is raised for the business ahead, not to cover a breach.
func (a *acct) reviewDay(d domain.Date, limit int64) (domain.Date, bool) {
	for k := 0; k <= 21; k++ {
		for _, on := range []domain.Date{d.AddDays(-k), d.AddDays(k)} {
			if on.Weekday() != time.Saturday && on.Weekday() != time.Sunday && on >= a.p.live.AddDays(60) && on < a.asOf &&
				a.netAt(on)*100 <= 90*limit {
				return on, true
			}
		}
	}
	return 0, false
}

// raiseReason says why a limit went from old to new on day on, as the
// account pays and the season goes.
func (a *acct) raiseReason(old, new int64, on domain.Date) string {
	pct := (new - old) * 100 / old
	_, m, _ := on.Parts()
	reasons := []string{
		fmt.Sprintf("Annual review: volumes up and paid within terms; limit raised %d %% to cover a month and a half of deliveries.", pct),
		"New delivery site added to the contract; limit raised to carry the extra volume.",
		"Audited accounts received and reviewed; limit raised in line with the agreed volumes.",
	}
	switch a.p.beh {
	case bSlow, bPartial, bDelinquent, bOnHold:
		reasons = []string{
			fmt.Sprintf("Volumes up %d %%; limit raised on condition that nothing runs past 60 days.", pct),
			"New delivery site added to the contract; limit raised to carry it, with a monthly review of what is overdue.",
			"Limit raised to the agreed volumes against the MD's personal guarantee.",
		}
	}
	if m >= time.October || m <= time.February {
		reasons = append(reasons, fmt.Sprintf("Dry-season peak ahead: limit raised %d %% for the harmattan volumes.", pct))
	}
	return pick(a.m, reasons)
}

// decide records one decision made on d.On, leaving limit and overdraft:
// the utilisation it leaves as of that day (net AR ÷ limit + overdraft,
// rounded half away from zero to one decimal) and, over 100 %, its
// confirmation; with its timeline entry.
func (a *acct) decide(d domain.CreditDecision, limit, od int64) {
	p := a.p
	d.Account, d.Currency = p.code, p.cur
	net := a.netAt(d.On)
	if capacity := limit + od; capacity > 0 {
		d.HasUtilisation = true
		d.UtilisationAfter = decimal.NewFromInt(net*100).DivRound(decimal.NewFromInt(capacity), 1)
		d.ConfirmedOver = net > capacity // over the breach threshold, 100 %
	}
	d.Stamp = stamp(p.owner, d.On, 15*60+30)
	a.decisions = append(a.decisions, d)
	var text string
	switch d.Field {
	case domain.FieldCreditLimit:
		text = fmt.Sprintf("Credit limit %s → %s. %s Approved by %s.", a.money(a.minor(d.Old)), a.money(a.minor(d.New)), d.Reason, d.ApprovedBy)
	default:
		text = fmt.Sprintf("Temporary overdraft %s → %s until %s. %s Approved by %s.", a.money(a.minor(d.Old)), a.money(a.minor(d.New)),
			d.NewExpires.Format("2 Jan 2006"), d.Reason, d.ApprovedBy)
	}
	if d.ConfirmedOver {
		text += fmt.Sprintf(" Leaves utilisation at %s %%: confirmed over the limit.", d.UtilisationAfter.StringFixed(1))
	}
	a.acts = append(a.acts, act{on: d.On, minute: 15*60 + 30, kind: domain.KindCreditDecision, text: text, fixedNext: true})
}

// minor is an amount back in minor units.
func (a *acct) minor(d decimal.Decimal) int64 { return d.Shift(a.p.cur.Places()).IntPart() }
