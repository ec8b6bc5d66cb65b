package demo

import (
	"slices"

	"acctdesk/domain"
)

// scenarios bends the account's payments so the promises and the payment plan
// it is set up for come out as intended as of AsOf (SPEC §2 promise status:
// kept when payments from given-on to due + 3 days cover the amount).
func (a *acct) scenarios() {
	p, r, A := a.p, a.r, a.asOf
	if len(a.inv) == 0 || p.status == "churned" {
		return
	}
	type want struct {
		given, due domain.Date
		partly     bool
		note       string
		partPaid   bool // open, with a first part paid already
		chased     bool // broken and chased by a call
	}
	var ws []want
	if p.has(fPlanMissed) {
		a.clear(A.AddDays(-75), A)
	}
	if p.has(fBrokenFollowed) {
		g := weekdayBack(A.AddDays(-40))
		ws = append(ws, want{g, g.AddDays(7), false, "Promised after the month-end close.", false, true})
	}
	if p.has(fBrokenPromise) {
		g := weekdayBack(A.AddDays(-r.between(12, 15)))
		ws = append(ws, want{g, g.AddDays(6), false, "Finance director confirmed the transfer for next week.", false, false})
	}
	if p.has(fPartlyKept) {
		g := weekdayBack(A.AddDays(-20))
		ws = append(ws, want{g, g.AddDays(6), true, "Will clear the oldest invoices in one transfer.", false, false})
	}
	if p.has(fPromiseToday) {
		ws = append(ws, want{weekdayBack(A.AddDays(-5)), A, false, "Payment run approved; transfer on the promised date.", p.has(fPromisePartPaid), false})
	}
	if p.has(fPromiseTomorrow) {
		ws = append(ws, want{weekdayBack(A.AddDays(-2)), A.AddDays(1), false, "Awaiting the MD's signature; will pay the day after.", false, false})
	}
	if p.has(fPromiseNextWeek) {
		ws = append(ws, want{weekdayBack(A.AddDays(-1)), A.AddDays(7), false, "Customer collections expected next week; will pay then.", false, false})
	}
	for _, w := range ws {
		a.clear(w.given, min(A, w.due.AddDays(3)))
	}
	_, overdue := a.position()
	items := a.overdueItems()
	for _, w := range ws {
		amt := a.promiseAmount(items)
		a.promises = append(a.promises, promiseSpec{given: w.given, due: w.due, amount: amt, note: w.note, chased: w.chased})
		if w.partly {
			paid := roundDown(amt*4/10, a.major(10_000))
			a.pay = append(a.pay, payment{date: weekdayFwd(w.given.AddDays(3)), amount: paid, inv: -1})
		}
		// A first part paid the day after the promise (before the book's
		// date): the promise stays open for the rest.
		if d := weekdayFwd(w.given.AddDays(1)); w.partPaid && d < A {
			a.pay = append(a.pay, payment{date: d, amount: roundDown(amt*3/10, a.major(10_000)), inv: -1})
		}
	}
	if p.has(fPlanMissed) {
		a.paymentPlan(overdue)
	}
	if p.has(fPlanKept) {
		a.keptPlan(overdue)
	}
	slices.SortStableFunc(a.pay, func(x, y payment) int { return int(x.date - y.date) })
	a.keptPromises()
}

// promiseAmount is what a customer promises: its oldest one to three overdue
// invoices, rounded down to ₦10,000 (half the balance when nothing is overdue).
func (a *acct) promiseAmount(items []int64) int64 {
	step := a.major(10_000)
	var amt int64
	for _, x := range items[:min(len(items), a.r.between(1, 3))] {
		amt += x
	}
	if amt < step {
		net, _ := a.position()
		amt = net / 2
	}
	return max(step, roundDown(amt, step))
}

// clear removes payments dated in [from, to] and remembers the window.
func (a *acct) clear(from, to domain.Date) {
	a.windows = append(a.windows, window{from, to})
	a.pay = slices.DeleteFunc(a.pay, func(p payment) bool { return p.date >= from && p.date <= to })
}

// paymentPlan spreads the overdue balance over five monthly instalments: the
// first paid on time, the second missed, three still to come.
func (a *acct) paymentPlan(overdue int64) {
	A := a.asOf
	inst := max(a.major(100_000), roundDown(overdue/5, a.major(100_000)))
	plan := &domain.PaymentPlan{Account: a.p.code, Agreed: weekdayBack(A.AddDays(-70))}
	for _, d := range []int{-60, -30, 5, 35, 65} {
		plan.Instalments = append(plan.Instalments, domain.Instalment{Due: A.AddDays(d), Amount: a.dec(inst)})
	}
	plan.Stamp = stamp(a.p.owner, plan.Agreed, 11*60)
	a.plan = plan
	a.pay = append(a.pay, payment{date: weekdayBack(A.AddDays(-61)), amount: inst, inv: -1})
}

// keptPromises: late payers usually promised before they paid. Pick a couple
// of past payments clear of the scenario windows and put a promise, kept
// within the grace days, in front of each.
func (a *acct) keptPromises() {
	r, A := a.r, a.asOf
	switch a.p.beh {
	case bSlow, bPartial, bOnHold, bDelinquent, bDisputer:
	case bPrompt:
		// Even good payers get chased once in a while.
		if !r.chance(0.15) {
			return
		}
	default:
		return
	}
	latest := A.AddDays(-45)
	for _, w := range a.windows {
		latest = min(latest, w.from.AddDays(-10))
	}
	var cands []int
	for i, pm := range a.pay {
		if pm.date >= A.AddDays(-170) && pm.date <= latest && pm.date >= a.start {
			cands = append(cands, i)
		}
	}
	n := min(len(cands), r.between(1, 2))
	for k := 0; k < n; k++ {
		pm := a.pay[cands[(k*len(cands))/n+r.IntN(max(1, len(cands)/n))]]
		amt := roundDown(pm.amount*int64(r.between(50, 100))/100, a.major(10_000))
		if amt <= 0 {
			continue
		}
		given := weekdayBack(pm.date.AddDays(-r.between(3, 8)))
		due := maxDate(given, pm.date.AddDays(r.between(-1, 2)))
		a.promises = append(a.promises, promiseSpec{given: given, due: due, amount: amt, note: "Confirmed the amount on the remittance advice."})
	}
}

// keptPlan spreads the overdue balance over four monthly instalments agreed
// 50 days ago: the two fallen due were paid on their dates, two are to come.
func (a *acct) keptPlan(overdue int64) {
	A := a.asOf
	inst := max(a.major(100_000), roundDown(overdue/4, a.major(100_000)))
	plan := &domain.PaymentPlan{Account: a.p.code, Agreed: weekdayBack(A.AddDays(-50))}
	for _, d := range []int{-40, -10, 20, 50} {
		due := A.AddDays(d)
		plan.Instalments = append(plan.Instalments, domain.Instalment{Due: due, Amount: a.dec(inst)})
		if due < A {
			a.pay = append(a.pay, payment{date: weekdayBack(due), amount: inst, inv: -1})
		}
	}
	plan.Stamp = stamp(a.p.owner, plan.Agreed, 11*60)
	a.plan = plan
}
