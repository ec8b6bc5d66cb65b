package demo

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
)

// tier is a rebate step in minor units: from so many litres a quarter,
// basis points of the fuel amount or an amount per litre.
type tier struct {
	from    int64
	bp      int64
	perUnit int64
}

// contracts writes the account's supply agreement(s): end dates spread out,
// a few ending within the renewal horizon, one renewed, one lapsed.
func (a *acct) makeContracts() {
	r, p, A := a.r, a.p, a.asOf
	id := func(n int) string { return "CTR-" + p.code + "-" + strconv.Itoa(n) }
	months := []int{12, 24}[r.IntN(2)]
	status := "active"
	var end domain.Date
	switch {
	case p.status == "onboarding":
		end = p.opened.AddMonths(24).AddDays(-1)
	case p.status == "churned":
		end, status = A.AddDays(-150), domain.ContractTerminated
	case p.has(fLapsed):
		end = A.AddDays(-12) // nobody renewed it: still marked active
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
	start := end.AddMonths(-months).AddDays(1)
	if p.status == "onboarding" || start < p.opened {
		start = p.opened
	}
	a.tiers = a.rebateTiers()
	c := domain.Contract{
		Account: p.code, ID: id(1), Start: start, End: end,
		NoticeDays: []int{30, 60, 90}[r.IntN(3)], SLA: a.sla(), Rebate: a.rebateScheme(), Status: status,
		Stamp: stamp(a.g.opt.Author, start, 600),
	}
	a.contracts = append(a.contracts, c)
	if p.has(fRenewed) {
		n := c
		n.ID, n.Start, n.End, n.Status = id(2), end.AddDays(1), end.AddMonths(24), "active"
		n.Stamp = stamp(a.g.opt.Author, A.AddDays(-r.between(5, 20)), 600)
		a.contracts = append(a.contracts, n)
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

// rebateTiers sizes the steps to the account's own quarterly volume, so the
// first step is reached most quarters and the second now and then.
func (a *acct) rebateTiers() []tier {
	if !a.p.has(fRebates) || len(a.inv) == 0 {
		return nil
	}
	var l int64
	for _, v := range a.inv {
		if v.product == pAGO || v.product == pPMS {
			l += v.qty
		}
	}
	quarters := max(1, int64(a.stop-a.start)/91)
	q := l / quarters
	if q < 2000 {
		return nil
	}
	if a.r.chance(0.5) {
		return []tier{{from: roundDown(q*6/10, 1000), bp: 50}, {from: roundDown(q*11/10, 1000), bp: 100}}
	}
	return []tier{{from: roundDown(q*7/10, 1000), perUnit: a.major(4)}, {from: roundDown(q*12/10, 1000), perUnit: a.major(7)}}
}

// rebateScheme is the contract's form of the steps: litres a quarter, as
// rebates() credits them.
func (a *acct) rebateScheme() domain.RebateScheme {
	if len(a.tiers) == 0 {
		return domain.RebateScheme{}
	}
	sc := domain.RebateScheme{Basis: domain.RebateQuantity, Period: domain.RebateQuarter}
	for _, t := range a.tiers {
		v := domain.VolumeTier{From: decimal.New(t.from, 0)}
		if t.bp > 0 {
			v.Percent = decimal.New(t.bp, -2)
		} else {
			v.PerUnit = decimal.New(t.perUnit, -a.p.cur.Places())
		}
		sc.Tiers = append(sc.Tiers, v)
	}
	return sc
}
