package desk

import (
	"context"
	"fmt"
	"slices"

	"acctdesk/domain"
	"acctdesk/store"
)

// Planned is what a payment plan became.
type Planned struct {
	Account  domain.Account
	Plan     domain.PaymentPlan  // as stored, with its id
	Replaced *domain.PaymentPlan // the open plan it closed, if any (as stored, closed)
	Recap    string              // the written recap kept on its timeline entry
}

// ErrOpenPlan refuses a new plan on an account that has an open one, when
// replacing it was not asked for.
var ErrOpenPlan = fmt.Errorf("the account has an open payment plan")

// Plan agrees a payment plan on an account on the business date (SPEC §9.2):
// its instalments (domain.NewPlan: at least one, dated from today, strictly
// rising, amounts in the currency's places; a total above the account's
// outstanding, or a last date more than a year away, only when confirmed).
// An account with an open plan needs replace: the old plan is kept, closed
// on the business date, in the same transaction as the new plan and its
// timeline entry, which keeps the written recap to the customer (like a
// promise's) addressed to the primary contact.
func (d *Desk) Plan(ctx context.Context, code string, instalments []domain.Instalment, replace bool, confirm Confirm) (Planned, error) {
	if err := permit(ctx, Collector, "agreeing a payment plan"); err != nil {
		return Planned{}, err
	}
	asOf := d.opt.AsOf
	var p domain.PaymentPlan
	var closed *domain.PaymentPlan
	var note domain.Activity
	f, _, err := d.readModifyWrite(ctx, code, func(f *domain.AccountFile) (*store.Batch, error) {
		a := f.Account
		open := domain.OpenPlan(f.Plans, asOf)
		if open != nil && !replace {
			return nil, fmt.Errorf("%w (#%d, agreed %s, %s): replace it to agree a new one",
				ErrOpenPlan, open.ID, open.Agreed, domain.Safe(domain.Money{Amount: open.Total(), Currency: a.Currency}.String()))
		}
		x, err := domain.FactsOf(f)
		if err != nil {
			return nil, err
		}
		p = domain.PaymentPlan{Account: a.Code, Agreed: asOf, Instalments: slices.Clone(instalments)}
		if err := domain.NewPlan(p, a.Currency, asOf, x.Ledger.NetAR(asOf), bool(confirm)); err != nil {
			return nil, err
		}
		b := &store.Batch{Plans: []store.Rec[domain.PaymentPlan]{{V: p}}}
		closed = nil
		if open != nil {
			c := *open
			c.Instalments = slices.Clone(open.Instalments)
			c.Closed = asOf
			closed = &c
			b.Plans = append(b.Plans, store.Rec[domain.PaymentPlan]{V: c})
		}
		contact := f.PrimaryContact()
		note = p.TimelineEntry(a.Currency, closed)
		note.Contact = contact
		note.Recap = domain.PlanRecap(f, p, closed, contact, store.AuthorOf(ctx))
		b.Activities = []store.ActivityEntry{{Activity: note}}
		return b, nil
	})
	if err != nil {
		return Planned{}, err
	}
	a := f.Account
	// The new plan's id is the store's: it is the account's newest plan.
	after, err := d.st.LoadAccount(a.Code)
	if err != nil {
		return Planned{}, err
	}
	out := Planned{Account: a, Plan: p, Recap: note.Recap}
	for _, q := range after.Plans {
		switch {
		case closed != nil && q.ID == closed.ID:
			out.Replaced = &q
		case q.Agreed == asOf && q.Closed.IsZero() && q.ID > out.Plan.ID:
			out.Plan = q
		}
	}
	return out, nil
}
