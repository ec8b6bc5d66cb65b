package domain

import (
	"cmp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// StatementDays is how far back a statement lists payments and credit
// notes: the 90 days ending its as-of date (SPEC §9.5).
const StatementDays = 90

// Statement is an account's statement as of a date (SPEC §9.5): what the
// customer is sent. Every figure comes from PositionOf and AgingOf (the one
// application rule), so TotalDue is the aging report's net for the account.
// Text is as the book holds it: the documents make it safe for their format.
type Statement struct {
	From       string // our name (the book's settings)
	Account    Account
	Contact    Contact // the finance contact, else the primary one; HasContact says whether there is one
	HasContact bool
	AsOf       Date
	Since      Date // the first day of the payments and credit notes listed
	Currency   Currency

	Open     []StatementInvoice // the invoices still owed, oldest due first
	Credits  []StatementCredit  // payments and credit notes dated Since … AsOf, oldest first
	Labels   []string           // the aging buckets' names: Current, 1–30, …, 120+
	Aging    Aging
	Promises []StatementPromise // promises open as of AsOf, by due date
	Plan     *StatementPlan     // the payment plan in force, if any
}

// StatementInvoice is an open invoice on a statement.
type StatementInvoice struct {
	Number      string
	Issued, Due Date
	Amount      decimal.Decimal
	Outstanding decimal.Decimal
	DaysPastDue int // ≤ 0: not yet due
	Disputed    bool
}

// StatementCredit is a payment or a credit note on a statement.
type StatementCredit struct {
	On        Date
	Kind      string // "payment" or "credit note"
	Reference string // a payment's reference, a credit note's number
	Amount    decimal.Decimal
	Invoice   string // the invoice it names, "" for balance forward
	Reason    string // a credit note's reason
}

// StatementPromise is a promise to pay still open.
type StatementPromise struct {
	GivenOn, DueOn Date
	Amount         decimal.Decimal
	Paid           decimal.Decimal // paid towards it so far
	Contact        string
}

// StatementPlan is the payment plan in force.
type StatementPlan struct {
	Agreed      Date
	Instalments []StatementInstalment
}

// StatementInstalment is one instalment of a plan with its status.
type StatementInstalment struct {
	Due    Date
	Amount decimal.Decimal
	Status string // InstalmentPending, InstalmentKept, InstalmentLate, InstalmentMissed
}

// Total is what the open invoices still owe (the aging's total).
func (s Statement) Total() decimal.Decimal { return s.Aging.Total }

// Unapplied is the account's credit not applied to any invoice.
func (s Statement) Unapplied() decimal.Decimal { return s.Aging.Unapplied }

// TotalDue is total outstanding less unapplied credit: the aging's net.
func (s Statement) TotalDue() decimal.Decimal { return s.Aging.Net() }

// StatementContact is whom a statement is addressed to: a finance contact
// (the primary one first), else the primary contact, else the first one.
func StatementContact(cs []Contact) (Contact, bool) {
	best, rank := -1, 99
	for i, c := range cs {
		r := 3
		switch {
		case c.Role == "finance" && c.Primary:
			r = 0
		case c.Role == "finance":
			r = 1
		case c.Primary:
			r = 2
		}
		if r < rank {
			best, rank = i, r
		}
	}
	if best < 0 {
		return Contact{}, false
	}
	return cs[best], true
}

// StatementOf is the account's statement as of asOf. The error names a
// document whose amount is out of range (PositionOf).
func StatementOf(f *AccountFile, set Settings, asOf Date) (Statement, error) {
	pos, err := PositionOf(f, asOf)
	if err != nil {
		return Statement{}, err
	}
	l, _, err := LedgerOf(f.Invoices, f.Payments, f.Credits)
	if err != nil {
		return Statement{}, err
	}
	st := Statement{
		From: set.Name, Account: f.Account, AsOf: asOf, Since: asOf.AddDays(-(StatementDays - 1)),
		Currency: f.Account.Currency, Labels: BucketLabels(set.AgingEdges), Aging: AgingOf(pos, set.AgingEdges),
	}
	st.Contact, st.HasContact = StatementContact(f.Contacts)
	for _, it := range pos.Open() {
		x := it.Invoice
		st.Open = append(st.Open, StatementInvoice{
			Number: x.Number, Issued: x.Issued, Due: x.Due, Amount: x.Amount,
			Outstanding: it.Outstanding, DaysPastDue: it.DaysPastDue, Disputed: x.Disputed,
		})
	}
	for _, p := range f.Payments {
		if p.Received >= st.Since && p.Received <= asOf {
			st.Credits = append(st.Credits, StatementCredit{On: p.Received, Kind: "payment", Reference: p.Reference, Amount: p.Amount, Invoice: p.Invoice})
		}
	}
	for _, c := range f.Credits {
		if c.Date >= st.Since && c.Date <= asOf {
			st.Credits = append(st.Credits, StatementCredit{On: c.Date, Kind: "credit note", Reference: c.Number, Amount: c.Amount, Invoice: c.Invoice, Reason: c.Reason})
		}
	}
	// The order the application rule takes them in: date, then reference.
	slices.SortFunc(st.Credits, func(a, b StatementCredit) int {
		return cmp.Or(cmp.Compare(a.On, b.On), strings.Compare(a.Reference, b.Reference))
	})
	grace := set.Thresholds.PromiseGraceDays
	for _, p := range f.Promises {
		if p.GivenOn > asOf {
			continue
		}
		ps := PromiseStatus(p, &l, asOf, grace)
		if ps.Status != PromiseOpen {
			continue
		}
		st.Promises = append(st.Promises, StatementPromise{GivenOn: p.GivenOn, DueOn: p.DueOn, Amount: p.Amount, Paid: ps.Paid, Contact: p.Contact})
	}
	slices.SortStableFunc(st.Promises, func(a, b StatementPromise) int {
		return cmp.Or(cmp.Compare(a.DueOn, b.DueOn), cmp.Compare(a.GivenOn, b.GivenOn))
	})
	st.Plan = planInForce(f.Plans, &l, asOf, grace)
	return st, nil
}

// planInForce is the account's open plan as of asOf (OpenPlan: a new plan
// replaces the one before it), while any of its instalments is still to be
// paid (pending, or missed and not paid in full); nil otherwise. Instalment
// statuses are those of the account pane and the queue (PlanStatus with the
// promise grace).
func planInForce(plans []PaymentPlan, l *Ledger, asOf Date, grace int) *StatementPlan {
	cur := OpenPlan(plans, asOf)
	if cur == nil {
		return nil
	}
	out := &StatementPlan{Agreed: cur.Agreed}
	open := false
	for _, s := range PlanStatus(*cur, l, asOf, grace) {
		out.Instalments = append(out.Instalments, StatementInstalment{Due: s.Due, Amount: s.Amount, Status: s.Status})
		if s.Unpaid().IsPositive() {
			open = true
		}
	}
	if !open {
		return nil
	}
	return out
}
