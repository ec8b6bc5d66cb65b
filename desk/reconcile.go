package desk

import (
	"context"

	"acctdesk/domain"
	"acctdesk/store"

	"github.com/shopspring/decimal"
)

// Reconciliation with accounting (SPEC §11.2). The administrator compares
// the book's net AR with accounting's balance (import balances, report
// reconciliation) and, once they agree or the difference is explained,
// marks the account reconciled as of the business date: a mark per account
// and date, stamped with who and when; marking the same date again writes
// nothing. The mark says the account is agreed with accounting up to that
// day, so it is an attestation, as a credit decision is: a lead's (SPEC
// §12; on the host a command runs as one). It is not a timeline entry: it
// is not contact with the customer, and it must not quiet the queue's
// rules that look for activity. The command line (reconcile) calls this.

// Reconciled is an account marked reconciled, with what the book and
// accounting said that day.
type Reconciled struct {
	Account domain.Account
	Mark    domain.Reconciliation // as stored, stamped
	// Already is true when the account was already marked reconciled as
	// of that date: nothing was written, and Mark is the earlier mark.
	Already bool
	NetAR   decimal.Decimal // the book's net AR as of the date (SPEC §2)
	// Balance is accounting's latest imported balance dated on or before
	// the date; nil when there is none.
	Balance *domain.Balance
	// Ours is the book's net AR on the balance's date: what it is compared
	// with (report reconciliation's ours), not today's AR.
	Ours decimal.Decimal
}

// Difference is ours − accounting's balance, both on the balance's date;
// ok is false without a balance.
func (r Reconciled) Difference() (decimal.Decimal, bool) {
	if r.Balance == nil {
		return decimal.Zero, false
	}
	return r.Ours.Sub(r.Balance.Balance), true
}

// Reconcile marks an account reconciled with accounting as of the business
// date.
func (d *Desk) Reconcile(ctx context.Context, code string) (Reconciled, error) {
	if err := permit(ctx, Lead, "marking an account reconciled"); err != nil {
		return Reconciled{}, err
	}
	f, err := d.st.LoadAccount(code)
	if err != nil {
		return Reconciled{}, err
	}
	on := d.opt.AsOf
	r, err := reconciled(f, on)
	if err != nil || r.Already {
		return r, err
	}
	r.Mark = domain.Reconciliation{Account: f.Account.Code, AsOf: on}
	if err := r.Mark.Validate(); err != nil {
		return Reconciled{}, err
	}
	b := &store.Batch{On: on, Reconciled: []store.Rec[domain.Reconciliation]{{V: r.Mark}}}
	if _, err := d.st.Apply(ctx, b); err != nil {
		return Reconciled{}, asFields(err)
	}
	d.wrote()
	if g, err := d.st.LoadAccount(f.Account.Code); err == nil {
		if m := markOn(g.Reconciled, on); m != nil {
			r.Mark = *m
		}
	}
	return r, nil
}

// reconciled is what the account's file says as of on: its net AR,
// accounting's latest balance, and the mark already made that day.
func reconciled(f *domain.AccountFile, on domain.Date) (Reconciled, error) {
	x, err := domain.FactsOf(f)
	if err != nil {
		return Reconciled{}, err
	}
	r := Reconciled{Account: f.Account, NetAR: x.Ledger.NetAR(on)}
	for i := range f.Balances {
		b := &f.Balances[i]
		if b.On <= on && (r.Balance == nil || b.On > r.Balance.On) {
			r.Balance = b
		}
	}
	if r.Balance != nil {
		r.Ours = x.Ledger.NetAR(r.Balance.On)
	}
	if m := markOn(f.Reconciled, on); m != nil {
		r.Mark, r.Already = *m, true
	}
	return r, nil
}

// markOn is the mark dated on, or nil.
func markOn(marks []domain.Reconciliation, on domain.Date) *domain.Reconciliation {
	for i := range marks {
		if marks[i].AsOf == on {
			return &marks[i]
		}
	}
	return nil
}
