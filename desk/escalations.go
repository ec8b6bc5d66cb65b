package desk

import (
	"context"
	"fmt"
	"strings"

	"acctdesk/domain"
	"acctdesk/store"
)

// ResolveEscalation resolves an open escalation of an account (a lead's
// decision, SPEC §12): resolved on the business date, by the author, with
// the resolution said; the escalation and its timeline entry (kind
// escalation-resolved) are written in one transaction. Refused: no such
// escalation on the account (the error names its open ones), one already
// resolved, no resolution, a business date before the escalation opened.
// The command line (resolve escalation) and the workstation call this.
func (d *Desk) ResolveEscalation(ctx context.Context, code string, id uint64, resolution string) (Escalated, error) {
	if err := permit(ctx, Lead, "resolving an escalation"); err != nil {
		return Escalated{}, err
	}
	var x domain.Escalation
	f, _, err := d.readModifyWrite(ctx, code, func(f *domain.AccountFile) (*store.Batch, error) {
		var err error
		if x, err = d.escalationResolved(ctx, f, id, resolution); err != nil {
			return nil, err
		}
		return &store.Batch{On: d.opt.AsOf,
			Escalations: []store.Rec[domain.Escalation]{{V: x}},
			Activities:  []store.ActivityEntry{{Activity: x.ResolvedEntry()}}}, nil
	})
	if err != nil {
		return Escalated{}, err
	}
	if g, err := d.st.LoadAccount(x.Account); err == nil {
		for _, e := range g.Escalations {
			if e.ID == x.ID {
				x = e // as stored: stamped
			}
		}
	}
	return Escalated{Account: f.Account, Escalation: x}, nil
}

// escalationResolved is the account's open escalation id resolved on the
// business date by the author.
func (d *Desk) escalationResolved(ctx context.Context, f *domain.AccountFile, id uint64, resolution string) (domain.Escalation, error) {
	var open *domain.Escalation
	var ids []string
	for i := range f.Escalations {
		e := &f.Escalations[i]
		if e.ID == id {
			open = e
		}
		if e.IsOpen() {
			ids = append(ids, fmt.Sprintf("%d, opened %s, %s to %s", e.ID, e.Opened, e.Category, e.To))
		}
	}
	switch {
	case open == nil:
		msg := fmt.Sprintf("account %s has no escalation %d", f.Account.Code, id)
		if len(ids) == 0 {
			msg += " (it has no open escalation)"
		} else {
			msg += " (its open escalations: " + strings.Join(ids, "; ") + ")"
		}
		return domain.Escalation{}, refusal(msg)
	case !open.IsOpen():
		msg := fmt.Sprintf("escalation %d on %s is already resolved", id, f.Account.Code)
		if !open.ResolvedOn.IsZero() {
			msg += " on " + open.ResolvedOn.String()
		}
		if open.ResolvedBy != "" {
			msg += " by " + domain.Safe(open.ResolvedBy)
		}
		return domain.Escalation{}, refusal(msg)
	}
	x := *open
	x.Status, x.Resolution, x.ResolvedOn, x.ResolvedBy = "resolved", strings.TrimSpace(resolution), d.opt.AsOf, store.AuthorOf(ctx)
	// x keeps the opener's stamp (SPEC §2: "opened when/by"; the escalations
	// report's author), as a resolved dispute does; who resolved it is
	// ResolvedBy, and the timeline entry is stamped with the author.
	switch {
	case x.Resolution == "":
		return x, fieldError("resolution", "say how the escalation was resolved")
	case x.ResolvedOn < x.Opened:
		return x, fieldError("resolved_on", fmt.Sprintf("the escalation opened on %s, after %s", x.Opened, d.opt.AsOf))
	}
	if err := x.Validate(); err != nil {
		return x, err
	}
	return x, nil
}
