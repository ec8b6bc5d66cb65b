package demo

import (
	"slices"

	"acctdesk/domain"
)

// wave moves pump prices month by month (naira per litre), the same for every account.
var wave = [12]int64{0, 20, 35, 15, -10, 5, 25, 40, 30, 10, -5, 15}

var disputeReasons = []string{
	"Short delivery: tank dip shows 1,200 litres less than the waybill",
	"Price above the contract rate for the month",
	"Delivered to the wrong site; customer says it was not ordered",
	"Duplicate of an earlier invoice for the same waybill",
}

// litres of a typical delivery by account size; 200 L at the cheapest PMS is still over
// ₦150,000, and 15,000 L of AGO at the December peak about ₦25,000,000.
var litres = [...][2]int{small: {200, 2000}, medium: {1500, 8000}, large: {4000, 15000}}

// tradeMonths is how far back trading goes: two years, so that a volume
// forecast has last year's month to go by (SPEC §10.6).
const tradeMonths = 24

// trade issues the account's invoices: up to 24 months of deliveries before
// AsOf, or exactly InvoicesPerAccount of them in a big book. Volumes follow
// the seasons and the account's own growth; a product taken up lately
// (profile.added) is invoiced from the day it was.
func (a *acct) trade() {
	r, p, A := a.r, a.p, a.asOf
	a.start = maxDate(A.AddMonths(-tradeMonths), p.live)
	a.stop = A
	switch p.beh {
	case bChurned:
		a.stop = A.AddDays(-200)
	case bOnHold, bDelinquent:
		a.stop = A.AddDays(-45)
	}
	if a.stop < a.start {
		a.stop = a.start
	}
	a.discount = int64(r.between(0, 30))
	a.rescueRate = a.major(int64(r.between(36, 76)) * 5000)
	a.fleetRate = a.major(int64(r.between(11, 19)) * 5000)
	a.fleetSize = int64(r.between(4, 40))
	lo, hi := litres[p.size][0], litres[p.size][1]
	if a.unit == 1 {
		lo, hi = 2000, 30000
	}
	a.size = int64(r.between(lo/50, hi/50)) * 50
	a.growth = int64(r.between(-8, 15))
	if p.added >= 0 {
		a.since[p.added] = A.AddDays(-p.addedAgo)
	}
	if n := a.g.opt.InvoicesPerAccount; n > 0 {
		a.tradeEvenly(n)
	} else {
		a.tradeNaturally()
	}
	a.disputes()
}

// tradeNaturally delivers fuel every week or few (by size), each fuel on its
// own round (an account buying both takes PMS about every other AGO
// delivery, half the size: a fifth of its litres),
// more often and more of it in its season; bills Fleet monthly and Rescue
// now and then.
func (a *acct) tradeNaturally() {
	r, p := a.r, a.p
	freq := [...][2]int{small: {12, 30}, medium: {8, 19}, large: {5, 11}}[p.size]
	if p.size == small && !a.scripted() {
		freq = [2]int{16, 40} // a big book's small accounts order less often
	}
	gap := r.between(freq[0], freq[1])
	both := p.sells(pAGO) && p.sells(pPMS)
	for _, fuel := range []int{pAGO, pPMS} {
		if !p.sells(fuel) {
			continue
		}
		g := gap
		if both {
			g = [...]int{pAGO: gap * 4 / 3, pPMS: gap * 2}[fuel]
		}
		for d := maxDate(a.start, a.since[fuel]).AddDays(r.between(0, g)); d <= a.stop; {
			a.add(fuel, d)
			next := int64(g + r.between(-g/8, g/8)) // a round: much the same day each time
			d = d.AddDays(max(1, int(next*100/seasonRoot(fuel, d))))
		}
	}
	if p.sells(pFleet) {
		y, m, _ := maxDate(a.start, a.since[pFleet]).Parts()
		for d := domain.NewDate(y, m+1, 1); d <= a.stop; d = d.AddMonths(1) {
			a.add(pFleet, d)
		}
	}
	if p.sells(pRescue) {
		for d := maxDate(a.start, a.since[pRescue]).AddDays(r.between(10, 60)); d <= a.stop; d = d.AddDays(r.between(20, 90)) {
			a.add(pRescue, d)
		}
	}
	slices.SortStableFunc(a.inv, func(x, y invoice) int { return int(x.issued - y.issued) })
}

// tradeEvenly spreads exactly n invoices over the trading window.
func (a *acct) tradeEvenly(n int) {
	r, p := a.r, a.p
	span := int64(a.stop-a.start) + 1
	w := make([]int, len(p.products))
	for i, x := range p.products {
		w[i] = [...]int{pAGO: 70, pPMS: 25, pRescue: 5, pFleet: 8}[x]
	}
	a.inv = make([]invoice, 0, n)
	for k := 0; k < n; k++ {
		lo := span * int64(k) / int64(n)
		hi := span*int64(k+1)/int64(n) - 1
		d := a.start.AddDays(int(r.between64(lo, max(lo, hi))))
		prod := p.products[r.weighted(w...)]
		if d < a.since[prod] {
			prod = p.products[0] // not taken up yet
		}
		a.add(prod, d)
	}
}

func (a *acct) add(prod int, d domain.Date) {
	qty, amount := a.line(prod, d)
	due := d
	if a.p.termsDays > 0 {
		due = d.AddDays(a.p.termsDays)
	}
	a.inv = append(a.inv, invoice{issued: d, due: due, amount: amount, qty: qty, product: prod})
}

// line prices one delivery: litres at the month's price, call-outs, vehicle-months.
// Litres are the account's usual delivery, give or take 10 %, in the season
// and along the account's trend; the fleet grows or shrinks with the trend.
func (a *acct) line(prod int, d domain.Date) (qty, amount int64) {
	r := a.r
	switch prod {
	case pRescue:
		qty = int64(r.between(1, 3))
		if rainy(d) && r.chance(0.5) {
			qty++
		}
		return qty, qty * a.rescueRate
	case pFleet:
		qty = max(1, (a.fleetSize*a.trend(d)+50)/100)
		return qty, qty * a.fleetRate
	}
	qty = a.size * int64(r.between(90, 110)) / 100
	if prod == pPMS && a.p.sells(pAGO) {
		qty /= 2 // the pool cars, beside the generators and the trucks
	}
	qty = max(50, roundDown(qty*seasonRoot(prod, d)/100*a.trend(d)/100, 50))
	return qty, qty * a.litrePrice(prod, d)
}

// litrePrice in minor units: the list price and a few kobo of rounding noise.
func (a *acct) litrePrice(prod int, d domain.Date) int64 {
	if a.unit == 1 {
		return a.listPrice(prod, d)
	}
	return a.listPrice(prod, d) + int64(a.r.IntN(100))
}

// listPrice in minor units: a base, a drift over the months, the monthly
// wave and the account's discount.
func (a *acct) listPrice(prod int, d domain.Date) int64 {
	y, m, _ := d.Parts()
	abs := int64(y)*12 + int64(m) - 1
	by, bm, _ := a.asOf.AddMonths(-tradeMonths).Parts()
	rel := max(0, abs-(int64(by)*12+int64(bm)-1))
	if a.unit == 1 {
		return 630 + 4*rel + wave[abs%12]/2 - a.discount/5
	}
	base := int64(1030)
	if prod == pPMS {
		base = 910
	}
	return (base + 9*rel + wave[abs%12] - a.discount) * 100
}

// disputes marks a few invoices of a disputing account: one about 100 days
// old (excluded from follow-up while operations review it) and one recent.
func (a *acct) disputes() {
	if a.p.beh != bDisputer || len(a.inv) == 0 {
		return
	}
	for k, back := range []int{100, 40} {
		i := a.nearest(a.asOf.AddDays(-back))
		v := &a.inv[i]
		v.disputed = true
		v.reason = disputeReasons[(a.p.idx+k)%len(disputeReasons)]
		v.excluded = k == 0
	}
}

// nearest is the index of the invoice issued closest to d.
func (a *acct) nearest(d domain.Date) int {
	return a.nearestWhere(d, func(*invoice) bool { return true })
}

// nearestWhere is the index of the invoice issued closest to d of those ok
// accepts (0 when it accepts none).
func (a *acct) nearestWhere(d domain.Date, ok func(*invoice) bool) int {
	best := -1
	for i := range a.inv {
		if ok(&a.inv[i]) && (best < 0 || abs(int(a.inv[i].issued-d)) < abs(int(a.inv[best].issued-d))) {
			best = i
		}
	}
	return max(best, 0)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// resolvedDisputes: a disputing customer's earlier queries were settled —
// one, about 250 days old, withdrawn when the delivery notes matched; one,
// about 170 days old, with a price correction credited against the invoice
// (its credit note numbered as desk.ResolveDispute numbers it). Both were
// raised soon after delivery and resolved before the due date, so the
// customer paid the rest on time; they make the average dispute days.
// It draws nothing, so the account's other documents stay as they were.
func (a *acct) resolvedDisputes() {
	if a.p.beh != bDisputer || len(a.inv) == 0 {
		return
	}
	for k, back := range []int{250, 170} {
		// The delivery nearest the day that nothing else happened to.
		i := a.nearestWhere(a.asOf.AddDays(-back), func(v *invoice) bool { return !v.disputed && v.credited == 0 && v.opened.IsZero() })
		v := &a.inv[i]
		if v.disputed || v.credited > 0 || v.issued < a.asOf.AddDays(-back-20) || v.issued > a.asOf.AddDays(-back+20) || !v.opened.IsZero() {
			continue
		}
		v.reason = disputeReasons[(a.p.idx+k+2)%len(disputeReasons)]
		v.opened = v.issued.AddDays(5)
		if k == 0 {
			v.resolved = v.opened.AddDays(12)
			v.resolution = "Delivery notes and dip readings matched the invoice; the customer withdrew the query."
			continue
		}
		v.resolved = v.opened.AddDays(26)
		amt := v.amount * 150 / 10000 // a 1.5 % price correction
		v.resolution = "Agreed a 1.5% price correction on the delivery, credited against the invoice."
		v.disputeCredit = true
		a.cn = append(a.cn, credit{date: v.resolved, amount: amt, reason: "price-correction", inv: i,
			number: domain.DisputeCredit(a.invoiceNumber(i), 1)})
		v.credited += amt
	}
}

// quietDispute: an account nobody has called for weeks disputed an unpaid
// invoice 7 days after it fell due, at least 15 days ago, and nobody has
// looked at it since (dispute-stale). The invoice is one the payments have
// not reached (by position's rule) and not the oldest overdue, so the
// account's reminder level stands. It runs after settle and draws nothing.
func (a *acct) quietDispute() {
	if !a.p.has(fDisputeQuiet) || len(a.inv) == 0 {
		return
	}
	var pool int64
	for _, p := range a.pay {
		pool += p.amount
	}
	for _, c := range a.cn {
		pool += c.amount
	}
	pick, unpaid := -1, 0
	for i, v := range a.inv {
		use := min(pool, v.amount)
		pool -= use
		if use > 0 || v.due.AddDays(7) > a.asOf.AddDays(-15) {
			continue
		}
		if unpaid++; unpaid > 1 {
			pick = i
		}
	}
	if pick < 0 {
		return
	}
	v := &a.inv[pick]
	v.disputed = true
	v.reason = disputeReasons[(a.p.idx+1)%len(disputeReasons)]
	v.opened = v.due.AddDays(7)
}
