package demo

import "github.com/shopspring/decimal"

// dec turns minor units into an amount with the currency's places.
func (a *acct) dec(minor int64) decimal.Decimal {
	return decimal.New(minor, -a.p.cur.Places())
}

// limits sizes the credit limit to the trading volume, then moves it so
// utilisation as of AsOf lands where the account is meant to be: comfortably
// under, near (80–100 %) or over (>100 %). The bands are checked exactly, in
// integers: net × 100 against percent × (limit + overdraft).
func (a *acct) limits() {
	p, r, A := a.p, a.r, a.asOf
	if p.util == uNoLimit {
		return
	}
	net, _ := a.position()
	// Limits go in ₦100,000 steps, or ₦10,000 on a small balance, fine
	// enough to land utilisation in its band.
	step := a.major(100_000)
	if net < a.major(10_000_000) {
		step = a.major(10_000)
	}
	monthly := a.monthlyVolume()
	terms := int64(max(p.termsDays, 0))
	base := roundUp(max(monthly*(terms+30)/30*13/10, a.major(1_000_000)), a.major(1_000_000))
	a.limit = base
	target := p.util
	if net <= 0 {
		target = uNormal
	}
	switch target {
	case uNormal:
		a.limit = max(base, roundUp(net*100/70, a.major(1_000_000)))
	case uWarn, uBreach:
		pct := int64(p.utilPct)
		if p.has(fODExpiring) {
			// Over the limit on its own, near it with the overdraft that is about to expire.
			a.limit = fit(net, step, 105, 110, 0)
			a.od = max(step, fit(net, step, pct-2, pct+2, 0)-a.limit)
			a.odExpires = A.AddDays(r.between(2, 6))
		} else {
			lo, hi := pct-3, pct+3
			if target == uWarn {
				lo, hi = max(81, lo), min(98, hi)
			} else {
				lo = max(102, lo)
			}
			a.limit = fit(net, step, lo, hi, 0)
		}
	}
	if p.has(fODLong) && a.od == 0 {
		a.od = roundUp(a.limit/5, step)
		a.odExpires = A.AddDays(r.between(30, 60))
	}
}

// fit finds a limit, a multiple of step, that puts net at lo–hi % of limit+od,
// as close to the middle of the band as the step allows.
func fit(net, step, lo, hi, od int64) int64 {
	mid := (lo + hi) / 2
	l := max(step, roundDown(net*100/mid-od, step))
	for net*100 > hi*(l+od) {
		l += step
	}
	for l > step && net*100 < lo*(l+od) {
		l -= step
	}
	return l
}

// monthlyVolume is the average monthly invoiced amount over the last three
// months of trading.
func (a *acct) monthlyVolume() int64 {
	from := a.stop.AddDays(-90)
	var sum int64
	for _, v := range a.inv {
		if v.issued > from {
			sum += v.amount
		}
	}
	return sum / 3
}
