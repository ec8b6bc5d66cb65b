package desk

import (
	"context"
	"slices"
	"strings"

	"acctdesk/domain"
	"acctdesk/store"
)

// Decided is what a credit decision became.
type Decided struct {
	Account   domain.Account          // with its new limit and overdraft
	Decisions []domain.CreditDecision // as stored, with their ids: the limit first
	// Outcome is what the decision came to: the utilisation before and
	// after it, and whether that is over the breach threshold.
	Outcome domain.CreditOutcome
}

// Credit makes a credit decision on an account on the business date (SPEC
// §10.2, a lead's): a new limit and/or a temporary overdraft (domain.
// DecideCredit checks it against the account's net AR as of the business
// date), approved by ch.ApprovedBy (default the author). The account with
// its new limit and overdraft, one CreditDecision per field that changes and
// the timeline entry are written in one transaction. A decision that leaves
// utilisation over the breach threshold, or an overdraft expiring more than a
// year away, is domain.Unlikely until confirmed; confirmed, a decision over
// the threshold is marked ConfirmedOver.
func (d *Desk) Credit(ctx context.Context, code string, ch domain.CreditChange, confirm Confirm) (Decided, error) {
	if err := permit(ctx, Lead, "a credit decision"); err != nil {
		return Decided{}, err
	}
	set, err := d.st.Settings()
	if err != nil {
		return Decided{}, err
	}
	if strings.TrimSpace(ch.ApprovedBy) == "" {
		ch.ApprovedBy = store.AuthorOf(ctx)
	}
	asOf := d.opt.AsOf
	var out domain.CreditOutcome
	f, _, err := d.readModifyWrite(ctx, code, func(f *domain.AccountFile) (*store.Batch, error) {
		x, err := domain.FactsOf(f)
		if err != nil {
			return nil, err
		}
		if out, err = domain.DecideCredit(f.Account, x.Ledger.NetAR(asOf), asOf, ch, set.Thresholds, bool(confirm)); err != nil {
			return nil, err
		}
		b := &store.Batch{On: asOf,
			Accounts:   []store.Rec[domain.Account]{{V: out.Account}},
			Activities: []store.ActivityEntry{{Activity: out.CreditEntry()}}}
		for _, x := range out.Decisions {
			b.Decisions = append(b.Decisions, store.Rec[domain.CreditDecision]{V: x})
		}
		return b, nil
	})
	if err != nil {
		return Decided{}, err
	}
	res := Decided{Account: out.Account, Decisions: out.Decisions, Outcome: out}
	// As stored: the account stamped, the decisions with their ids (the
	// ones the account did not have before).
	if g, err := d.st.LoadAccount(f.Account.Code); err == nil {
		res.Account = g.Account
		var added []domain.CreditDecision
		for _, x := range g.Decisions {
			if !slices.ContainsFunc(f.Decisions, func(y domain.CreditDecision) bool { return y.ID == x.ID }) {
				added = append(added, x)
			}
		}
		if len(added) == len(out.Decisions) {
			res.Decisions = added
		}
	}
	return res, nil
}
