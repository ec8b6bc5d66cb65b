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

// rebates credits the contract's finished quarters that earned a rebate,
// ten days after each ended, numbered as desk.ApplyRebate numbers them
// (RB-<contract>-<period>) — all but the latest that earned one: its
// statement is with the customer for sign-off, so the rebates report shows
// it due (a churned account's were all settled when it left).
func (a *acct) rebates() {
	if len(a.tiers) == 0 {
		return
	}
	id := a.contracts[0].ID
	last := -1
	for i, p := range a.periods {
		if p.finished && a.rebateOf(p) > 0 {
			last = i
		}
	}
	for i, p := range a.periods {
		reb, d := a.rebateOf(p), p.to.AddDays(10)
		if !p.finished || reb <= 0 || d > a.asOf || (i == last && a.p.status != "churned") {
			continue
		}
		a.cn = append(a.cn, credit{date: d, amount: reb, reason: "rebate", inv: -1, number: "RB-" + id + "-" + p.name})
	}
}
