package demo

import (
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
)

// tier is a rebate step: from so many litres (or minor units of invoiced
// amount) a quarter, basis points of the period's invoiced amount or an
// amount per litre in minor units.
type tier struct {
	from    int64
	bp      int64
	perUnit int64
}

// rebatePeriod is one calendar quarter of a contract up to AsOf, clipped to
// the contract, with what was invoiced in it: what a quarterly scheme counts
// (SPEC §10.4).
type rebatePeriod struct {
	name     string // 2026-Q2
	from, to domain.Date
	finished bool // the quarter (or the contract) ended before AsOf
	full     bool // the whole quarter lies in the contract
	qty, amt int64
}

// contracts writes the account's supply agreement(s): end dates spread out,
// a few ending within the renewal horizon, one renewed, one ended without
// renewal, one lapsed, the churned account's terminated.
func (a *acct) makeContracts() {
	r, p, A := a.r, a.p, a.asOf
	id := func(n int) string { return "CTR-" + p.code + "-" + strconv.Itoa(n) }
	months := []int{12, 24}[r.IntN(2)]
	if p.has(fRebates) {
		months = 24 // long enough for the rebates of several quarters
	}
	status := "active"
	var end domain.Date
	switch {
	case p.status == "onboarding":
		end = p.opened.AddMonths(24).AddDays(-1)
	case p.status == "churned":
		end, status = A.AddDays(-150), domain.ContractTerminated
	case p.has(fLapsed):
		end = A.AddDays(-12) // nobody renewed it: still marked active
	case p.has(fLapsedMarked):
		end, status = A.AddDays(-40), domain.ContractLapsed
	case p.contractEnd != 0:
		end = A.AddDays(p.contractEnd)
	case p.idx < len(script):
		end = A.AddDays(r.between(100, 700))
	default:
		end = A.AddDays(r.between(15, 700))
	}
	if p.has(fRenewed) {
		status = "renewed"
	}
	if end.AddMonths(-months).AddDays(1) > A {
		months = 24 // a contract in force has started
	}
	start := end.AddMonths(-months).AddDays(1)
	if p.status == "onboarding" || start < p.opened {
		start = p.opened
	}
	c := domain.Contract{
		Account: p.code, ID: id(1), Start: start, End: end,
		NoticeDays: []int{30, 60, 90}[r.IntN(3)], SLA: a.sla(), Status: status,
		Stamp: stamp(a.g.opt.Author, start, 600),
	}
	if p.has(fRebates) {
		a.periods = a.quarters(c)
		c.Rebate = a.rebateScheme(a.periods)
	}
	a.contracts = append(a.contracts, c)
	note := func(on domain.Date, text string) {
		a.acts = append(a.acts, act{on: on, minute: 16*60 + 30, kind: domain.KindContract, text: text, fixedNext: true})
	}
	switch {
	case p.has(fRenewed):
		n := c
		n.ID, n.Start, n.End, n.Status = id(2), end.AddDays(1), end.AddMonths(24), "active"
		on := weekdayBack(A.AddDays(-r.between(5, 20)))
		n.Stamp = stamp(a.g.opt.Author, on, 600)
		a.contracts = append(a.contracts, n)
		note(on, "Contract "+c.ID+" renewed as "+n.ID+", "+n.Start.Format("2 Jan 2006")+" to "+n.End.Format("2 Jan 2006")+", same terms.")
	case status == domain.ContractLapsed:
		note(weekdayFwd(end.AddDays(1)), "Contract "+c.ID+" lapsed on "+end.Format("2 Jan 2006")+": not renewed while deliveries are on hold.")
	case status == domain.ContractTerminated:
		note(weekdayBack(end), "Contract "+c.ID+" terminated on "+end.Format("2 Jan 2006")+": the customer moved to another supplier.")
		// The churn, as the account edit records it (its status date: emit).
		a.acts = append(a.acts, act{on: end, minute: 16*60 + 45, kind: domain.KindAccountEdit, fixedNext: true,
			text: "status: active → churned; status since: " + end.String()})
	}
}

// sla summarises the service promised for what the account buys.
func (a *acct) sla() string {
	var parts []string
	if a.p.sells(pAGO) || a.p.sells(pPMS) {
		parts = append(parts, "Fuel delivered within 24 h of order in Lagos, 48 h elsewhere; dip readings signed on delivery")
	}
	if a.p.sells(pRescue) {
		parts = append(parts, "Rescue on site within 2 h in Lagos and Abuja, 4 h elsewhere")
	}
	if a.p.sells(pFleet) {
		parts = append(parts, "Fleet vehicles serviced monthly, replacement within 24 h")
	}
	return strings.Join(parts, ". ") + "."
}

// quarters are the contract's calendar quarters up to AsOf with what was
// invoiced in each: every invoice issued in the quarter, inside the
// contract's dates and on or before AsOf, whatever its product.
func (a *acct) quarters(c domain.Contract) []rebatePeriod {
	var out []rebatePeriod
	for qs := c.Start.QuarterStart(); qs <= c.End && qs <= a.asOf; qs = qs.AddMonths(3) {
		qe := qs.QuarterEnd()
		p := rebatePeriod{name: domain.QuarterName(qs), from: maxDate(qs, c.Start), to: minDate(minDate(qe, c.End), a.asOf)}
		p.finished = p.to < a.asOf && (p.to == qe || p.to == c.End)
		p.full = p.from == qs && p.to == qe
		for _, v := range a.inv {
			if v.issued >= p.from && v.issued <= p.to {
				p.qty += v.qty
				p.amt += v.amount
			}
		}
		out = append(out, p)
	}
	return out
}

// quantityBasis: an account buying fuel only counts litres; one that also
// buys Rescue call-outs or Fleet vehicle-months counts the invoiced amount,
// as litres and call-outs do not add up.
func (a *acct) quantityBasis() bool { return !a.p.sells(pRescue) && !a.p.sells(pFleet) }

func (a *acct) basisOf(p rebatePeriod) int64 {
	if a.quantityBasis() {
		return p.qty
	}
	return p.amt
}

// rebateScheme sets the steps on the account's own recent quarters, so that
// the rebates report has something to show: of the last five full quarters,
// the weakest stays under the first step and the others reach it, the
// strongest reaches the second. With fewer than two full quarters to go by,
// the steps are sized on the average quarter instead.
func (a *acct) rebateScheme(ps []rebatePeriod) domain.RebateScheme {
	qty := a.quantityBasis()
	step, fine := int64(500), int64(1) // litres
	if !qty {
		step, fine = a.major(500_000), a.unit // whole naira
	}
	var vals []int64
	for _, p := range ps {
		if p.finished && p.full {
			vals = append(vals, a.basisOf(p))
		}
	}
	vals = vals[max(0, len(vals)-5):]
	slices.Sort(vals)
	// between is a round threshold above lo and at most hi.
	between := func(lo, hi int64) int64 {
		if t := roundUp(lo+1, step); t <= hi {
			return t
		}
		return roundUp(lo+1, fine)
	}
	var t1, t2 int64
	switch n := len(vals); {
	case n >= 2 && vals[1] > vals[0]:
		t1 = between(vals[0], vals[1])
		t2 = max(roundUp(vals[n-1]*12/10, step), t1+step) // not reached yet
		if n >= 3 && vals[n-1] > vals[n-2] && vals[n-2] >= t1 {
			t2 = between(vals[n-2], vals[n-1])
		}
	default:
		var sum int64
		n := 0
		for _, p := range ps {
			if p.full || p.finished {
				sum, n = sum+a.basisOf(p), n+1
			}
		}
		if n == 0 || sum/int64(n) < 4*step {
			return domain.RebateScheme{}
		}
		t1, t2 = roundDown(sum/int64(n)*7/10, step), roundDown(sum/int64(n)*12/10, step)
	}
	a.tiers = []tier{{from: 0}, {from: t1, bp: 50}, {from: t2, bp: 100}}
	if qty && a.r.chance(0.5) {
		a.tiers[1].bp, a.tiers[1].perUnit = 0, a.major(4)
		a.tiers[2].bp, a.tiers[2].perUnit = 0, a.major(7)
	}
	sc := domain.RebateScheme{Basis: domain.RebateAmount, Period: domain.RebateQuarter}
	if qty {
		sc.Basis = domain.RebateQuantity
	}
	places := a.p.cur.Places()
	for _, t := range a.tiers {
		v := domain.VolumeTier{From: decimal.New(t.from, 0)}
		if !qty {
			v.From = decimal.New(t.from/a.unit, 0) // whole naira
		}
		switch {
		case t.perUnit > 0:
			v.PerUnit = decimal.New(t.perUnit, -places)
		default:
			v.Percent = percent(t.bp)
		}
		sc.Tiers = append(sc.Tiers, v)
	}
	return sc
}

// percent writes basis points as the shortest percentage: 50 → 0.5, 100 → 1.
func percent(bp int64) decimal.Decimal {
	if bp == 0 {
		return decimal.Zero
	}
	exp := int32(-2)
	for bp != 0 && bp%10 == 0 && exp < 0 {
		bp, exp = bp/10, exp+1
	}
	return decimal.New(bp, exp)
}

// rebateOf is the period's rebate in minor units by the contract's steps:
// the highest step at or under the basis value, its rate on the period's
// whole amount (rounded half away from zero) or on every litre.
func (a *acct) rebateOf(p rebatePeriod) int64 {
	var t *tier
	for i := range a.tiers {
		if a.basisOf(p) >= a.tiers[i].from {
			t = &a.tiers[i]
		}
	}
	switch {
	case t == nil:
		return 0
	case t.perUnit > 0:
		return p.qty * t.perUnit
	}
	return (p.amt*t.bp + 5000) / 10000
}
