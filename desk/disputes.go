package desk

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"acctdesk/domain"
	"acctdesk/store"

	"github.com/shopspring/decimal"
)

// Disputes (SPEC §9.1). Raising one sets the invoice's Disputed flag, writes
// the dispute and its timeline entry in one transaction; resolving clears
// the flag, closes the dispute and writes the optional credit note applied
// to the invoice, with its own timeline entry, in one transaction. The
// command line, the workstation (D on the open items, the call outcome
// "dispute raised") and the SSH server call these.

// DisputeRequest is a dispute to raise.
type DisputeRequest struct {
	Invoice string // as typed: matched exactly, else without regard to case
	Reason  string
	Owner   string // "" is the author
}

// Disputed is what raising or resolving a dispute became.
type Disputed struct {
	Account domain.Account
	Dispute domain.Dispute
	Credit  *domain.CreditNote // the credit note given with a resolution
}

// RaiseDispute raises a dispute on an invoice of an account. Refused: an
// invoice not on the account (the error names the open ones), one already
// disputed, one fully paid as of the business date, no reason.
func (d *Desk) RaiseDispute(ctx context.Context, code string, r DisputeRequest) (Disputed, error) {
	if err := permit(ctx, Collector, "raising a dispute"); err != nil {
		return Disputed{}, err
	}
	got, err := d.raise(ctx, code, []DisputeRequest{r}, nil)
	if err != nil {
		return Disputed{}, err
	}
	return got[0], nil
}

// raise writes the disputes rs on the account (and entry, a call that
// raised them, when given) in one guarded transaction: worked out again
// when the account changed meanwhile (readModifyWrite).
func (d *Desk) raise(ctx context.Context, code string, rs []DisputeRequest, entry *store.ActivityEntry) ([]Disputed, error) {
	var out []Disputed
	_, _, err := d.readModifyWrite(ctx, code, func(f *domain.AccountFile) (*store.Batch, error) {
		var b *store.Batch
		var err error
		out, b, err = d.raiseBatch(ctx, f, rs, entry)
		return b, err
	})
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Dispute = d.stored(out[i].Dispute)
	}
	return out, nil
}

// raiseBatch is the batch that raises the disputes rs on the account's file.
func (d *Desk) raiseBatch(ctx context.Context, f *domain.AccountFile, rs []DisputeRequest, entry *store.ActivityEntry) ([]Disputed, *store.Batch, error) {
	pos, err := domain.PositionOf(f, d.opt.AsOf)
	if err != nil {
		return nil, nil, err
	}
	b := &store.Batch{On: d.opt.AsOf}
	var out []Disputed
	seen := map[string]bool{}
	for _, r := range rs {
		inv, err := invoiceOf(f, &pos, r.Invoice)
		if err != nil {
			return nil, nil, err
		}
		switch {
		case seen[inv.Number]:
			return nil, nil, fmt.Errorf("invoice %s is named twice", inv.Number)
		case inv.Disputed:
			msg := fmt.Sprintf("invoice %s is already disputed", inv.Number)
			if o := domain.OpenDisputeOf(f.Disputes, inv.Number); o != nil {
				msg += fmt.Sprintf(" (since %s, owner %s)", o.OpenedOn, o.Owner)
			}
			return nil, nil, refusal(msg)
		case !outstanding(&pos, inv.Number).IsPositive():
			return nil, nil, refusal(fmt.Sprintf("invoice %s is fully paid as of %s: nothing to dispute", inv.Number, d.opt.AsOf))
		}
		seen[inv.Number] = true
		seq := uint64(1)
		if last := domain.LatestDispute(f.Disputes, inv.Number); last != nil {
			seq = last.Seq + 1
		}
		owner := strings.TrimSpace(r.Owner)
		if owner == "" {
			owner = store.AuthorOf(ctx)
		}
		x := domain.Dispute{Account: f.Account.Code, Invoice: inv.Number, Seq: seq, Reason: strings.TrimSpace(r.Reason),
			Owner: owner, OpenedOn: d.opt.AsOf, Status: domain.DisputeOpen}
		if err := x.Validate(); err != nil {
			return nil, nil, err
		}
		flagged := *inv
		flagged.Disputed, flagged.DisputeReason = true, x.Reason
		b.Invoices = append(b.Invoices, store.Rec[domain.Invoice]{V: flagged})
		b.Disputes = append(b.Disputes, store.Rec[domain.Dispute]{V: x})
		if entry == nil {
			b.Activities = append(b.Activities, store.ActivityEntry{Activity: x.RaisedEntry()})
		}
		out = append(out, Disputed{Account: f.Account, Dispute: x})
	}
	if entry != nil {
		b.Activities = append(b.Activities, *entry)
	}
	return out, b, nil
}

// Resolution is how a dispute ends.
type Resolution struct {
	Invoice    string
	Resolution string
	Credit     decimal.Decimal // zero: no credit note
	Reason     string          // the credit note's reason (domain.CreditReasons), "" for price-correction
}

// ResolveDispute resolves an invoice's open dispute (a lead's decision,
// SPEC §12), with a credit note applied to the invoice when Credit is
// given: numbered DC-<invoice>-<seq>, dated the business date. Refused: no
// open dispute, a credit larger than what the invoice still owes.
func (d *Desk) ResolveDispute(ctx context.Context, code string, r Resolution) (Disputed, error) {
	if err := permit(ctx, Lead, "resolving a dispute"); err != nil {
		return Disputed{}, err
	}
	var x domain.Dispute
	var credit *domain.CreditNote
	f, _, err := d.readModifyWrite(ctx, code, func(f *domain.AccountFile) (*store.Batch, error) {
		var b *store.Batch
		var err error
		x, credit, b, err = d.resolution(f, r)
		return b, err
	})
	if err != nil {
		return Disputed{}, err
	}
	return Disputed{Account: f.Account, Dispute: d.stored(x), Credit: credit}, nil
}

// resolution is the batch that resolves the open dispute r names on the
// account's file: the dispute closed, the invoice's flag cleared, the
// credit note given and the timeline entry.
func (d *Desk) resolution(f *domain.AccountFile, r Resolution) (domain.Dispute, *domain.CreditNote, *store.Batch, error) {
	no := func(err error) (domain.Dispute, *domain.CreditNote, *store.Batch, error) {
		return domain.Dispute{}, nil, nil, err
	}
	pos, err := domain.PositionOf(f, d.opt.AsOf)
	if err != nil {
		return no(err)
	}
	inv, err := invoiceOf(f, &pos, r.Invoice)
	if err != nil {
		return no(err)
	}
	open := domain.OpenDisputeOf(f.Disputes, inv.Number)
	if open == nil || !inv.Disputed {
		return no(refusal(fmt.Sprintf("invoice %s has no open dispute", inv.Number)))
	}
	x := *open
	x.Status, x.ResolvedOn, x.Resolution = domain.DisputeResolved, d.opt.AsOf, strings.TrimSpace(r.Resolution)
	if x.ResolvedOn < x.OpenedOn {
		return no(fieldError("resolved_on", fmt.Sprintf("the dispute opened on %s, after %s", x.OpenedOn, d.opt.AsOf)))
	}
	b := &store.Batch{On: d.opt.AsOf}
	var credit *domain.CreditNote
	if !r.Credit.IsZero() {
		reason := r.Reason
		if reason == "" {
			reason = "price-correction"
		}
		if reason, err = domain.ParseCreditReason(reason); err != nil {
			return no(fieldError("reason", err.Error()))
		}
		owed := outstanding(&pos, inv.Number)
		cur := f.Account.Currency
		switch {
		case !r.Credit.IsPositive():
			return no(fieldError("credit", "a credit must be more than zero"))
		case r.Credit.GreaterThan(owed):
			return no(fieldError("credit", fmt.Sprintf("a credit of %s is more than the %s invoice %s still owes",
				domain.Money{Amount: r.Credit, Currency: cur}, domain.Money{Amount: owed, Currency: cur}, inv.Number)))
		}
		cn := domain.CreditNote{Account: f.Account.Code, Number: domain.DisputeCredit(inv.Number, x.Seq), Date: d.opt.AsOf,
			Amount: r.Credit, Currency: cur, Reason: reason, Invoice: inv.Number}
		credit, x.Credit = &cn, cn.Number
		b.Credits = []store.Rec[domain.CreditNote]{{V: cn}}
	}
	if err := x.Validate(); err != nil {
		return no(err)
	}
	cleared := *inv
	cleared.Disputed = false
	b.Invoices = []store.Rec[domain.Invoice]{{V: cleared}}
	b.Disputes = []store.Rec[domain.Dispute]{{V: x}}
	b.Activities = []store.ActivityEntry{{Activity: x.ResolvedEntry()}}
	return x, credit, b, nil
}

// stored is the dispute as the store wrote it (stamped), read back; x
// itself when it cannot be read.
func (d *Desk) stored(x domain.Dispute) domain.Dispute {
	f, err := d.st.LoadAccount(x.Account)
	if err != nil {
		return x
	}
	for _, s := range f.Disputes {
		if s.Invoice == x.Invoice && s.Seq == x.Seq {
			return s
		}
	}
	return x
}

// invoiceOf is the account's invoice a person means by number: that very
// number, else the one that differs only in case. An invoice not on the
// account is an error naming its open invoices.
func invoiceOf(f *domain.AccountFile, pos *domain.Position, number string) (*domain.Invoice, error) {
	number = strings.TrimSpace(number)
	if number == "" {
		return nil, refusal("name the invoice")
	}
	var fold *domain.Invoice
	for i := range f.Invoices {
		switch {
		case f.Invoices[i].Number == number:
			return &f.Invoices[i], nil
		case strings.EqualFold(f.Invoices[i].Number, number) && fold == nil:
			fold = &f.Invoices[i]
		}
	}
	if fold != nil {
		return fold, nil
	}
	var open []string
	for _, it := range pos.Open() {
		open = append(open, it.Invoice.Number)
	}
	slices.Sort(open)
	msg := fmt.Sprintf("invoice %q is not on account %s", domain.Safe(number), f.Account.Code)
	if near := domain.Nearest(number, open); near != "" {
		msg += ": did you mean " + near + "?"
	} else if len(open) > 0 && len(open) <= 10 {
		msg += " (its open invoices: " + strings.Join(open, ", ") + ")"
	}
	return nil, refusal(msg)
}

// outstanding is what an invoice still owes in a position.
func outstanding(pos *domain.Position, number string) decimal.Decimal {
	for _, it := range pos.Items {
		if it.Invoice.Number == number {
			return it.Outstanding
		}
	}
	return decimal.Zero
}

// refusal is a refused dispute that no form field holds (the invoice is
// the one the form was opened on): said whole, above the form.
func refusal(reason string) error { return errors.New(reason) }

func fieldError(field, reason string) error {
	return domain.ValidationError{{Field: field, Reason: reason}}
}

// asFields turns the row errors of a single write into field errors.
func asFields(err error) error {
	rows, ok := err.(store.RowErrors)
	if !ok {
		return err
	}
	out := make(domain.ValidationError, len(rows))
	for i, r := range rows {
		out[i] = domain.FieldError{Field: r.Field, Reason: r.Reason}
	}
	return out
}
