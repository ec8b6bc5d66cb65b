package demo

import (
	"slices"
	"time"

	"acctdesk/domain"
)

// settle works out when and how each invoice is paid, by the account's
// behaviour, then groups what is paid on one day into one payment. Anything
// that would land after AsOf has not happened yet and is dropped.
func (a *acct) settle() {
	if a.p.beh == bPrepay {
		a.prepay()
		return
	}
	r, p, A := a.r, a.p, a.asOf
	var s []payment
	put := func(d domain.Date, amt int64, i int) {
		if d < a.inv[i].issued {
			d = a.inv[i].issued
		}
		if d = weekdayFwd(d); d <= A && amt > 0 {
			s = append(s, payment{date: d, amount: amt, inv: i})
		}
	}
	run := time.Weekday(r.between(2, 5)) // a weekly payment run on Tuesday … Friday
	weekly := r.chance(0.5)
	payDay := r.between(20, 28) // slow payers settle in a monthly lump
	var prev domain.Date
	cutoff := A.AddDays(-270)
	for i, v := range a.inv {
		net := v.amount - v.credited
		if v.disputed || net <= 0 {
			continue
		}
		switch p.beh {
		case bPrompt, bChurned:
			if p.beh == bChurned && i == len(a.inv)-1 {
				continue
			}
			if p.has(fXOF) && v.due >= A.AddDays(-14) && v.due < A {
				// Fell due in the last fortnight: the transfer from Lomé
				// clears in three weeks (reminder level 1).
				continue
			}
			d := v.due.AddDays(r.between(-4, 3) + p.lateness)
			if weekly && d.Weekday() != run {
				d = d.Next(run).AddDays(-7) // the last run before it falls due
			}
			put(d, net, i)
		case bSlow, bOnHold:
			d := monthDay(v.due.AddDays(p.lateness+r.between(-10, 10)), payDay)
			d = maxDate(d, prev)
			prev = d
			put(d, net, i)
		case bPartial:
			part := net * int64(r.between(50, 80)) / 100
			put(v.due.AddDays(r.between(0, 7)), part, i)
			put(v.due.AddDays(r.between(40, 100)), net-part, i)
		case bDelinquent:
			if v.issued < cutoff {
				put(v.due.AddDays(r.between(5, 25)), net, i)
			} else if r.chance(0.15) {
				put(v.due.AddDays(r.between(20, 60)), net, i)
			}
		case bDisputer:
			put(v.due.AddDays(r.between(0, 12)), net, i)
		case bCash:
			put(v.issued.AddDays(r.between(0, 1)), net, i)
		}
	}
	slices.SortStableFunc(s, func(x, y payment) int { return int(x.date - y.date) })
	a.pay = a.group(s)
	a.deductRebates()
}

// group merges what is paid on one day into one balance-forward payment; a
// payment for a single invoice sometimes names it. A disputing customer names
// every invoice it pays (so nothing lands on the disputed ones), and so do
// some cash customers.
func (a *acct) group(s []payment) []payment {
	r, beh := a.r, a.p.beh
	named := 0.2
	if beh == bCash {
		named = 0.4
	}
	out := make([]payment, 0, len(s))
	for i := 0; i < len(s); {
		j := i + 1
		if beh != bDisputer && beh != bCash {
			for j < len(s) && s[j].date == s[i].date {
				j++
			}
		}
		pm := payment{date: s[i].date, inv: -1}
		for _, x := range s[i:j] {
			pm.amount += x.amount
		}
		switch {
		case beh == bDisputer:
			pm.inv = s[i].inv
		case j == i+1 && r.chance(named):
			pm.inv = s[i].inv
		}
		out = append(out, pm)
		i = j
	}
	return out
}

// deductRebates: customers take a rebate off their next balance-forward payment.
func (a *acct) deductRebates() {
	for _, c := range a.cn {
		if c.reason != "rebate" {
			continue
		}
		for k := range a.pay {
			if pm := &a.pay[k]; pm.date >= c.date && pm.inv < 0 && pm.amount > 2*c.amount {
				pm.amount -= c.amount
				break
			}
		}
	}
}

// prepay tops the account up ahead of deliveries in round sums, so it always
// holds unapplied credit.
func (a *acct) prepay() {
	r := a.r
	step := a.major(1_000_000)
	var bal int64
	for _, v := range a.inv {
		need := v.amount - v.credited
		if bal < need {
			top := roundUp(max(need*int64(r.between(3, 6)), step), step)
			if d := weekdayBack(v.issued.AddDays(-r.between(1, 4))); d <= a.asOf {
				a.pay = append(a.pay, payment{date: d, amount: top, inv: -1})
				bal += top
			}
		}
		bal -= need
	}
	slices.SortStableFunc(a.pay, func(x, y payment) int { return int(x.date - y.date) })
}

// monthDay is the first date on or after d that falls on day n of a month.
func monthDay(d domain.Date, n int) domain.Date {
	y, m, day := d.Parts()
	if day > n {
		m++
	}
	return domain.NewDate(y, m, n)
}
