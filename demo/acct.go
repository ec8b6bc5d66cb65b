package demo

import (
	"time"

	"acctdesk/domain"
)

// Products and their units.
const (
	pAGO = iota
	pPMS
	pRescue
	pFleet
)

var products = [...]struct{ name, unit string }{
	{"AGO", "litres"}, {"PMS", "litres"}, {"Rescue", "call-out"}, {"Fleet", "vehicle-month"},
}

// invoice, payment and credit are documents in minor units (kobo, or whole
// francs for XOF) while they are being worked out; emit turns them into records.
type invoice struct {
	issued, due domain.Date
	amount      int64
	credited    int64 // by credit notes that name it
	qty         int64
	product     int
	disputed    bool
	excluded    bool
	reason      string
	// A dispute opened on opened (open while disputed; resolved on
	// resolved with resolution otherwise), and whether it gave a credit note.
	opened, resolved domain.Date
	resolution       string
	disputeCredit    bool
}

type payment struct {
	date   domain.Date
	amount int64
	inv    int // explicit application, or -1 for balance-forward
}

type credit struct {
	date   domain.Date
	amount int64
	reason string
	inv    int    // -1: not naming an invoice
	number string // "": numbered CN-<account>-<seq> in date order
}

// promiseSpec is a promise to pay before it becomes a call and a record.
type promiseSpec struct {
	given, due domain.Date
	amount     int64
	note       string
	chased     bool // broken, and chased by a call since
}

// window is a span of dates a scenario keeps free of payments.
type window struct{ from, to domain.Date }

// acct is one account while it is being generated.
type acct struct {
	g    *gen
	r    rnd
	m    rnd // the account manager's records draw from their own stream (gen.mr)
	o    rnd // the administrator's records (opening file, sales plan, balances), theirs (gen.adm)
	p    *profile
	asOf domain.Date
	unit int64 // minor units in one major unit: 100 for NGN, 1 for XOF

	start, stop domain.Date // first and last possible delivery
	discount    int64       // naira (or francs) off the litre price
	rescueRate  int64
	fleetRate   int64
	fleetSize   int64
	size        int64          // litres of a usual delivery
	growth      int64          // per cent a year the account's volumes grow (or shrink)
	since       [4]domain.Date // when each product was taken up; zero: from the start

	contacts  []domain.Contact
	contracts []domain.Contract
	tiers     []tier
	periods   []rebatePeriod // the contract's quarters, for its rebate
	inv       []invoice
	pay       []payment
	cn        []credit
	windows   []window
	promises  []promiseSpec
	plan      *domain.PaymentPlan

	limit, od   int64
	odExpires   domain.Date
	lastContact domain.Date
	acts        []act
	escalations []domain.Escalation
	issues      []domain.ServiceIssue
	follows     []domain.FollowUp
	surveys     []domain.Survey
	decisions   []domain.CreditDecision
	objectives  []domain.Objective
	documents   []domain.Document
	blockages   []domain.Blockage
	targets     []domain.Target
	balanceRows []domain.Balance
}

func (g *gen) newAcct(p *profile) *acct {
	a := &acct{g: g, r: g.r, m: g.mr, o: g.adm, p: p, asOf: g.asOf, unit: 100}
	if p.cur.Places() == 0 {
		a.unit = 1
	}
	return a
}

// scripted says whether the account is one of the hand-written cast.
func (a *acct) scripted() bool { return a.p.idx < len(script) }

// major converts whole naira (or francs) to minor units.
func (a *acct) major(n int64) int64 { return n * a.unit }

// stamp is a deterministic write stamp on day d, minute m after midnight UTC.
func stamp(by string, d domain.Date, m int) domain.Stamp {
	return domain.Stamp{By: by, At: d.Time().Add(time.Duration(m) * time.Minute)}
}

func weekdayBack(d domain.Date) domain.Date {
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		d--
	}
	return d
}

func weekdayFwd(d domain.Date) domain.Date {
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		d++
	}
	return d
}

func roundDown(x, step int64) int64 { return x / step * step }

func roundUp(x, step int64) int64 { return (x + step - 1) / step * step }

func maxDate(a, b domain.Date) domain.Date {
	if a > b {
		return a
	}
	return b
}

// position is net AR and overdue AR as of AsOf by a simple balance-forward
// rule: all money received and credited pays invoices oldest due first.
func (a *acct) position() (net, overdue int64) {
	var pool, billed int64
	for _, p := range a.pay {
		pool += p.amount
	}
	for _, c := range a.cn {
		pool += c.amount
	}
	for _, v := range a.inv {
		billed += v.amount
	}
	net = billed - pool
	// Invoices are sorted by issue date and terms are fixed, so also by due date.
	for _, v := range a.inv {
		open := v.amount
		if pool >= open {
			pool -= open
			continue
		}
		open -= pool
		pool = 0
		if v.due < a.asOf {
			overdue += open
		}
	}
	return net, overdue
}

// overdueItems is what is still owed on each overdue invoice, oldest first,
// by the same rule as position.
func (a *acct) overdueItems() []int64 {
	var pool int64
	for _, p := range a.pay {
		pool += p.amount
	}
	for _, c := range a.cn {
		pool += c.amount
	}
	var out []int64
	for _, v := range a.inv {
		use := min(pool, v.amount)
		pool -= use
		if v.amount > use && v.due < a.asOf {
			out = append(out, v.amount-use)
		}
	}
	return out
}
