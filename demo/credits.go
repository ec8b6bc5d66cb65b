package demo

// credits issues credit notes: corrections naming an invoice on about 3.5 %
// of invoices, quarterly volume rebates naming none, and the churned
// account's write-off.
func (a *acct) credits() {
	r, A := a.r, a.asOf
	if a.p.beh != bCash {
		for i := range a.inv {
			v := &a.inv[i]
			if v.disputed || !r.chance(0.035) {
				continue
			}
			reason, bp := "price-correction", int64(r.between(50, 200))
			switch r.weighted(40, 35, 25) {
			case 0:
				if v.product == pAGO || v.product == pPMS {
					reason, bp = "short-delivery", int64(r.between(100, 300))
				}
			case 2:
				reason, bp = "discount", int64(r.between(100, 200))
			}
			d := v.issued.AddDays(r.between(2, 10))
			amt := v.amount * bp / 10000
			if d > A || amt <= 0 {
				continue
			}
			a.cn = append(a.cn, credit{date: d, amount: amt, reason: reason, inv: i})
			v.credited += amt
		}
	}
	a.rebates()
	if a.p.beh == bChurned && len(a.inv) > 0 {
		last := len(a.inv) - 1
		v := &a.inv[last]
		if amt := v.amount - v.credited; amt > 0 {
			a.cn = append(a.cn, credit{date: A.AddDays(-120), amount: amt, reason: "write-off", inv: last})
			v.credited += amt
		}
	}
}

// rebates credits each finished quarter's fuel volume against the contract's steps,
// ten days after the quarter ends.
func (a *acct) rebates() {
	if len(a.tiers) == 0 || len(a.inv) == 0 {
		return
	}
	for qs := a.inv[0].issued.QuarterStart(); qs <= a.stop; qs = qs.AddMonths(3) {
		qe := qs.QuarterEnd()
		d := qe.AddDays(10)
		if d > a.asOf {
			break
		}
		var l, amt int64
		for _, v := range a.inv {
			if v.issued >= qs && v.issued <= qe && (v.product == pAGO || v.product == pPMS) {
				l += v.qty
				amt += v.amount
			}
		}
		var reb int64
		for _, t := range a.tiers {
			if l >= t.from {
				reb = amt * t.bp / 10000
				if t.perUnit > 0 {
					reb = l * t.perUnit
				}
			}
		}
		if reb > 0 {
			a.cn = append(a.cn, credit{date: d, amount: reb, reason: "rebate", inv: -1})
		}
	}
}
