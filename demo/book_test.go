package demo

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
	"acctdesk/store"
)

// ledger is one account's position as of asOf by a simple rule, independent
// of the domain computations (which are written elsewhere): everything paid or
// credited, explicit or not, pays the invoices oldest due date first; what is
// left over is unapplied. An invoice is open while it is not fully covered.
type ledger struct {
	acct        domain.Account
	asOf        domain.Date
	invoices    []domain.Invoice
	open        []decimal.Decimal // outstanding per invoice
	paid        decimal.Decimal
	net         decimal.Decimal
	unapplied   decimal.Decimal
	maxDays     int // days past due of the oldest open invoice
	payments    []domain.Payment
	promises    []domain.Promise
	lastContact domain.Date
}

func ledgers(b *store.Batch, asOf domain.Date) map[string]*ledger {
	out := map[string]*ledger{}
	for _, r := range b.Accounts {
		out[r.V.Code] = &ledger{acct: r.V, asOf: asOf}
	}
	pool := map[string]decimal.Decimal{}
	for _, r := range b.Invoices {
		l := out[r.V.Account]
		l.invoices = append(l.invoices, r.V)
	}
	for _, r := range b.Payments {
		pool[r.V.Account] = pool[r.V.Account].Add(r.V.Amount)
		out[r.V.Account].payments = append(out[r.V.Account].payments, r.V)
	}
	for _, r := range b.Credits {
		pool[r.V.Account] = pool[r.V.Account].Add(r.V.Amount)
	}
	for _, e := range b.Activities {
		l := out[e.Activity.Account]
		if domain.IsContact(e.Activity.Kind) && e.Activity.On > l.lastContact {
			l.lastContact = e.Activity.On
		}
		if e.Promise != nil {
			l.promises = append(l.promises, *e.Promise)
		}
	}
	for code, l := range out {
		slices.SortStableFunc(l.invoices, func(x, y domain.Invoice) int {
			return cmp.Or(cmp.Compare(x.Due, y.Due), cmp.Compare(x.Issued, y.Issued), cmp.Compare(x.Number, y.Number))
		})
		p := pool[code]
		billed := decimal.Zero
		for _, v := range l.invoices {
			billed = billed.Add(v.Amount)
			use := decimal.Min(p, v.Amount)
			p = p.Sub(use)
			o := v.Amount.Sub(use)
			l.open = append(l.open, o)
			if o.IsPositive() && asOf.DaysSince(v.Due) > l.maxDays {
				l.maxDays = asOf.DaysSince(v.Due)
			}
		}
		l.unapplied = p
		l.net = billed.Sub(pool[code])
	}
	return out
}

// utilPct is net AR over limit plus unexpired overdraft, in percent; -1 without a limit.
func (l *ledger) utilPct() float64 {
	if !l.acct.CreditLimit.IsPositive() {
		return -1
	}
	c := l.acct.CreditLimit
	if l.acct.Overdraft.Expires >= l.asOf {
		c = c.Add(l.acct.Overdraft.Amount)
	}
	return l.net.Div(c).InexactFloat64() * 100
}

// promiseStatus is SPEC §2's rule with a 3-day grace.
func (l *ledger) promiseStatus(p domain.Promise) string {
	paid := decimal.Zero
	for _, pm := range l.payments {
		if pm.Received >= p.GivenOn && pm.Received <= p.DueOn.AddDays(3) && pm.Received <= l.asOf {
			paid = paid.Add(pm.Amount)
		}
	}
	switch {
	case paid.GreaterThanOrEqual(p.Amount):
		return "kept"
	case l.asOf <= p.DueOn.AddDays(3):
		return "open"
	case paid.IsPositive():
		return "partly kept"
	}
	return "broken"
}

func (l *ledger) String() string {
	a := l.acct
	open := 0
	for _, o := range l.open {
		if o.IsPositive() {
			open++
		}
	}
	return fmt.Sprintf("%-7s %-32.32s %-10s t%d %-6s %s %3dd inv=%3d open=%2d net=%14s unapplied=%12s util=%6.1f%% maxdpd=%3d last=%s",
		a.Code, a.Name, a.Status, a.Tier, a.Owner, a.Currency, a.TermsDays, len(l.invoices), open,
		domain.Human(l.net, a.Currency), domain.Human(l.unapplied, a.Currency), l.utilPct(), l.maxDays, l.lastContact)
}
