package desk

import (
	"context"
	"fmt"
	"strings"

	"acctdesk/domain"
	"acctdesk/store"
)

// Contracts and renewals (SPEC §10.1). Adding a contract, recording a
// renewal (a new contract, the old one marked renewed) or a lapse each
// writes the contracts and a timeline entry (domain.KindContract) in one
// transaction, on the business date. A contract is the account's terms:
// editing it is a lead's, as editing the account is (SPEC §12). The
// command line (renew), the workstation's Renewals pane (r) and the
// account's Contracts tab (a) call these.

// Contracted is what a contract write became.
type Contracted struct {
	Account  domain.Account
	Contract domain.Contract  // the contract added, or the renewal, or the one lapsed, as stored
	Renewed  *domain.Contract // a renewal's old contract, as stored (marked renewed)
	Entry    domain.Activity  // its timeline entry
}

// AddContract adds a contract to an account: its number ("" is
// domain.ContractNumber, <ACCOUNT>-C<n>), start, end, notice days, SLA, rebate scheme; its status is
// active unless given. Refused: a number the account already has, and
// what domain.Contract.Validate refuses (by field).
func (d *Desk) AddContract(ctx context.Context, code string, k domain.Contract) (Contracted, error) {
	if err := permit(ctx, Lead, "adding a contract"); err != nil {
		return Contracted{}, err
	}
	given := k
	return d.writeContracts(ctx, code, func(f *domain.AccountFile) (domain.Contract, *domain.Contract, domain.Activity, error) {
		k := given
		k.Account = f.Account.Code
		k.ID = strings.TrimSpace(k.ID)
		k.SLA = strings.TrimSpace(k.SLA)
		if k.ID == "" {
			k.ID = domain.ContractNumber(f.Account.Code, f.Contracts)
		} else if err := checkNumber(f, k.ID); err != nil {
			return k, nil, domain.Activity{}, err
		}
		if k.Status == "" {
			k.Status = domain.ContractActive
		}
		if err := k.Validate(); err != nil {
			return k, nil, domain.Activity{}, err
		}
		entry := domain.Activity{Account: k.Account, On: d.opt.AsOf, Kind: domain.KindContract,
			Text: fmt.Sprintf("contract %s added: %s", k.ID, terms(k))}
		return k, nil, entry, nil
	})
}

// Renewal is a renewal to record: a new contract that starts the day after
// the old one ends.
type Renewal struct {
	Contract string      // the contract renewed, its number as typed (any case)
	ID       string      // the new contract's number; "" is domain.RenewalNumber
	End      domain.Date // the new contract's last day
	// NoticeDays, SLA and Rebate are the new contract's; nil carries the
	// old contract's over.
	NoticeDays *int
	SLA        *string
	Rebate     *domain.RebateScheme
}

// Renew records a renewal: a new contract from the old one's end + 1 to
// End, with the old one's notice days, SLA and rebate unless given, and
// the old one marked renewed. Refused: a contract not on the account, one
// already renewed (recorded, or by a later contract) or terminated, an end
// not after the old one's, a number the account already has.
func (d *Desk) Renew(ctx context.Context, code string, r Renewal) (Contracted, error) {
	if err := permit(ctx, Lead, "recording a renewal"); err != nil {
		return Contracted{}, err
	}
	return d.writeContracts(ctx, code, func(f *domain.AccountFile) (domain.Contract, *domain.Contract, domain.Activity, error) {
		return d.renewal(f, r)
	})
}

// renewal is the renewal r of the account's file: the new contract, the
// old one marked renewed and the timeline entry.
func (d *Desk) renewal(f *domain.AccountFile, r Renewal) (domain.Contract, *domain.Contract, domain.Activity, error) {
	no := func(err error) (domain.Contract, *domain.Contract, domain.Activity, error) {
		return domain.Contract{}, nil, domain.Activity{}, err
	}
	old, err := contractOf(f, r.Contract)
	if err != nil {
		return no(err)
	}
	if err := d.renewable(f, *old, false); err != nil {
		return no(err)
	}
	k := *old
	k.Stamp = domain.Stamp{}
	k.ID = strings.TrimSpace(r.ID)
	if k.ID == "" {
		k.ID = domain.RenewalNumber(old.ID, func(id string) bool { return contractOn(f, id) != nil })
	} else if err := checkNumber(f, k.ID); err != nil {
		return no(err)
	}
	k.Start, k.End, k.Status = old.End.AddDays(1), r.End, domain.ContractActive
	if r.NoticeDays != nil {
		k.NoticeDays = *r.NoticeDays
	}
	if r.SLA != nil {
		k.SLA = strings.TrimSpace(*r.SLA)
	}
	if r.Rebate != nil {
		k.Rebate = *r.Rebate
	}
	if r.End.IsZero() {
		return no(fieldError("end", "give the renewal's end date"))
	}
	if r.End <= old.End {
		return no(fieldError("end", fmt.Sprintf("the renewal starts %s (the day after %s ends): it must end after that", k.Start, old.ID)))
	}
	if err := k.Validate(); err != nil {
		return no(err)
	}
	was := *old
	was.Status = domain.ContractRenewed
	text := fmt.Sprintf("contract %s renewed as %s: %s", old.ID, k.ID, terms(k))
	if r.Rebate == nil && !k.Rebate.IsZero() {
		text += " (rebate carried over)"
	}
	entry := domain.Activity{Account: k.Account, On: d.opt.AsOf, Kind: domain.KindContract, Text: text}
	return k, &was, entry, nil
}

// Lapse records that a contract lapses (or has lapsed) without a renewal:
// its status becomes lapsed. Refused as Renew is, and for a lapse already
// recorded.
func (d *Desk) Lapse(ctx context.Context, code, contract string) (Contracted, error) {
	if err := permit(ctx, Lead, "recording a lapse"); err != nil {
		return Contracted{}, err
	}
	return d.writeContracts(ctx, code, func(f *domain.AccountFile) (domain.Contract, *domain.Contract, domain.Activity, error) {
		old, err := contractOf(f, contract)
		if err != nil {
			return domain.Contract{}, nil, domain.Activity{}, err
		}
		if old.Status == domain.ContractLapsed {
			return domain.Contract{}, nil, domain.Activity{}, refusal(fmt.Sprintf("contract %s's lapse is already recorded", old.ID))
		}
		if err := d.renewable(f, *old, true); err != nil {
			return domain.Contract{}, nil, domain.Activity{}, err
		}
		k := *old
		k.Status = domain.ContractLapsed
		when := "ends"
		if k.End < d.opt.AsOf {
			when = "ended"
		}
		entry := domain.Activity{Account: k.Account, On: d.opt.AsOf, Kind: domain.KindContract,
			Text: fmt.Sprintf("contract %s lapses without a renewal (it %s %s)", k.ID, when, k.End)}
		return k, nil, entry, nil
	})
}

// renewable refuses a contract that is renewed (recorded, or by a later
// contract) or terminated: there is nothing left to renew or let lapse.
func (d *Desk) renewable(f *domain.AccountFile, k domain.Contract, lapse bool) error {
	st := domain.StateOf(k, f.Contracts, d.opt.AsOf)
	var msg string
	switch st.Status {
	case domain.ContractRenewed:
		msg = "contract " + k.ID + " is already renewed"
		if st.RenewedBy != "" {
			msg += " by " + st.RenewedBy
		}
	case domain.ContractTerminated:
		msg = "contract " + k.ID + " is terminated"
	default:
		return nil
	}
	if lapse {
		return refusal(msg + ": it cannot lapse")
	}
	return refusal(msg + ": it cannot be renewed")
}

// writeContracts writes the contract work makes from the account (and the
// old one, a renewal's contract marked renewed) with the timeline entry, in
// one guarded transaction (readModifyWrite: worked out again when the
// account changed meanwhile), and reads back what was stored.
func (d *Desk) writeContracts(ctx context.Context, code string, work func(f *domain.AccountFile) (domain.Contract, *domain.Contract, domain.Activity, error)) (Contracted, error) {
	var k domain.Contract
	var old *domain.Contract
	var entry domain.Activity
	f, _, err := d.readModifyWrite(ctx, code, func(f *domain.AccountFile) (*store.Batch, error) {
		var err error
		if k, old, entry, err = work(f); err != nil {
			return nil, err
		}
		b := &store.Batch{On: d.opt.AsOf, Contracts: []store.Rec[domain.Contract]{{V: k}}, Activities: []store.ActivityEntry{{Activity: entry}}}
		if old != nil {
			b.Contracts = append(b.Contracts, store.Rec[domain.Contract]{V: *old})
		}
		return b, nil
	})
	if err != nil {
		return Contracted{}, err
	}
	out := Contracted{Account: f.Account, Contract: k, Renewed: old, Entry: entry}
	if g, err := d.st.LoadAccount(f.Account.Code); err == nil {
		if s := contractOn(g, k.ID); s != nil {
			out.Contract = *s
		}
		if old != nil {
			if s := contractOn(g, old.ID); s != nil {
				was := *s
				out.Renewed = &was
			}
		}
		for _, a := range g.Activities {
			if a.Kind == entry.Kind && a.Text == entry.Text && a.On == entry.On && a.ID > out.Entry.ID {
				out.Entry = a
			}
		}
	}
	return out, nil
}

// terms are a contract's dates, notice and rebate in words.
func terms(k domain.Contract) string {
	s := fmt.Sprintf("%s to %s", k.Start, k.End)
	if k.NoticeDays > 0 {
		s += fmt.Sprintf(", notice %d days", k.NoticeDays)
	}
	if !k.Rebate.IsZero() {
		s += ", rebate " + domain.FormatRebate(k.Rebate)
	}
	return s
}

// contractOn is the account's contract of that exact number, or nil.
func contractOn(f *domain.AccountFile, id string) *domain.Contract {
	for i := range f.Contracts {
		if f.Contracts[i].ID == id {
			return &f.Contracts[i]
		}
	}
	return nil
}

// contractOf is the account's contract a person means by number: that very
// number, else the one that differs only in case. One not on the account
// is an error naming the account's contracts.
func contractOf(f *domain.AccountFile, id string) (*domain.Contract, error) {
	id = strings.TrimSpace(id)
	if id == "" {
		return nil, fieldError("contract", "name the contract")
	}
	if k := contractOn(f, id); k != nil {
		return k, nil
	}
	var ids []string
	for i := range f.Contracts {
		if strings.EqualFold(f.Contracts[i].ID, id) {
			return &f.Contracts[i], nil
		}
		ids = append(ids, f.Contracts[i].ID)
	}
	msg := fmt.Sprintf("contract %q is not on account %s", domain.Safe(id), f.Account.Code)
	switch {
	case len(ids) == 0:
		msg += " (it has no contracts)"
	case domain.Nearest(id, ids) != "":
		msg += ": did you mean " + domain.Nearest(id, ids) + "?"
	case len(ids) <= 10:
		msg += " (its contracts: " + strings.Join(ids, ", ") + ")"
	}
	return nil, refusal(msg)
}

// checkNumber refuses a new contract's number that is no code or that the
// account already has.
func checkNumber(f *domain.AccountFile, id string) error {
	if err := domain.CheckCode(id); err != nil {
		return fieldError("number", "the number "+err.Error())
	}
	for _, k := range f.Contracts {
		if strings.EqualFold(k.ID, id) {
			return fieldError("number", fmt.Sprintf("the account already has contract %s (%s to %s)", k.ID, k.Start, k.End))
		}
	}
	return nil
}
