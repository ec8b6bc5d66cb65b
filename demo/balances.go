package demo

import "acctdesk/domain"

// Accounting's balances (SPEC §11.2 reconciliation, §5 balances): about one
// active account in five (and the first two of the script) has accounting's
// balance at each of the last two month-ends before the as-of date. Most
// agree with the book (net AR as of that day; the script's second always);
// some differ (the script's first at the last month-end), each for a
// reason a reconciliation finds: a payment received in the month's last
// three days that accounting posted in the next month, a credit note
// accounting has not booked, or a bank charge accounting added.

func (a *acct) balances() {
	p, r, A := a.p, a.o, a.asOf
	if p.status != "active" || len(a.inv) == 0 || !(p.idx < 2 || r.chance(0.2)) {
		return
	}
	for k := 1; k <= 2; k++ {
		end := A.MonthStart().AddMonths(-k + 1).AddDays(-1) // the last day of the month before, and the one before it
		if end < p.live {
			continue
		}
		ours := a.netAt(end)
		theirs := ours
		why := r.weighted(70, 12, 10, 8)
		switch {
		case p.idx == 0 && k == 1:
			why = 3 // the script's first differs at the last month-end
		case p.idx == 1:
			why = 0 // and its second agrees
		}
		switch why {
		case 1: // a late-month receipt accounting posted next month
			for _, pm := range a.pay {
				if pm.date <= end && pm.date > end.AddDays(-3) {
					theirs += pm.amount
				}
			}
		case 2: // a credit note of the month not booked in accounting
			for _, c := range a.cn {
				if c.date <= end && c.date > end.AddDays(-31) {
					theirs += c.amount
					break
				}
			}
		case 3: // a bank charge added in accounting
			theirs += a.major(int64(r.between(1, 5)) * 500)
		}
		a.balanceRows = append(a.balanceRows, domain.Balance{Account: p.code, On: end, Balance: a.dec(theirs), Currency: p.cur,
			Stamp: stamp(a.g.opt.Author, minDate(end.AddDays(3), A), 8*60)})
	}
}
