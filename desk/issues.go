package desk

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"acctdesk/domain"
	"acctdesk/store"
)

// Service issues and problem records (SPEC §10.3). Opening one, updating it
// (status, KPI and target, steps added or done) and resolving it each write
// the issue and its timeline entry in one transaction; the resolution keeps
// the written recap to the customer on its entry. The command line (log
// issue, issue, resolve issue) and the workstation (i on an account) call
// these.

// IssueRequest is a service issue to open.
type IssueRequest struct {
	Kind      string      // domain.ServiceKinds
	SLA       domain.Date // the deadline
	Owner     string      // "" is the author
	Summary   string
	KPI       string // what will show it is fixed (optional) …
	KPITarget string // … and the value it must reach
	Steps     []domain.Step
}

// Issued is what opening, updating or resolving an issue became.
type Issued struct {
	Account domain.Account
	Issue   domain.ServiceIssue // as stored, with its id
	Entry   domain.Activity     // its timeline entry
	Recap   string              // the written recap to the customer (a resolution's)
	Said    []string            // what an update changed, in words
}

// OpenIssue opens a service issue on an account on the business date
// (domain.NewIssue says what it needs); a deadline or a step more than a
// year away only when confirmed.
func (d *Desk) OpenIssue(ctx context.Context, code string, r IssueRequest, confirm Confirm) (Issued, error) {
	if err := permit(ctx, Collector, "opening a service issue"); err != nil {
		return Issued{}, err
	}
	owner := strings.TrimSpace(r.Owner)
	if owner == "" {
		owner = store.AuthorOf(ctx)
	}
	steps := make([]domain.Step, len(r.Steps))
	for i, s := range r.Steps {
		steps[i] = domain.Step{Text: strings.TrimSpace(s.Text), Due: s.Due}
	}
	return d.writeIssue(ctx, code, func(f *domain.AccountFile) (domain.ServiceIssue, domain.Activity, error) {
		x := domain.ServiceIssue{Account: f.Account.Code, Kind: r.Kind, Opened: d.opt.AsOf, SLADeadline: r.SLA, Owner: owner,
			Status: domain.IssueOpen, Summary: strings.TrimSpace(r.Summary), KPI: strings.TrimSpace(r.KPI),
			KPITarget: strings.TrimSpace(r.KPITarget), Steps: steps}
		if len(x.Steps) == 0 {
			x.Steps = nil
		}
		if err := domain.NewIssue(x, d.opt.AsOf, bool(confirm)); err != nil {
			return x, domain.Activity{}, err
		}
		return x, x.OpenedEntry(), nil
	})
}

// UpdateIssue changes an open issue of an account on the business date
// (domain.ServiceIssue.Update says what may change).
func (d *Desk) UpdateIssue(ctx context.Context, code string, id uint64, u domain.IssueUpdate, confirm Confirm) (Issued, error) {
	if err := permit(ctx, Collector, "updating a service issue"); err != nil {
		return Issued{}, err
	}
	var said []string
	out, err := d.writeIssue(ctx, code, func(f *domain.AccountFile) (domain.ServiceIssue, domain.Activity, error) {
		s, err := issueIn(f, id)
		if err != nil {
			return s, domain.Activity{}, err
		}
		x, words, err := s.Update(u, d.opt.AsOf, bool(confirm))
		if err != nil {
			return x, domain.Activity{}, err
		}
		said = words
		return x, x.UpdatedEntry(d.opt.AsOf, said), nil
	})
	out.Said = said
	return out, err
}

// ResolveIssue resolves an open issue of an account on the business date,
// with its resolution and whether the customer confirmed it in writing; the
// written recap to the customer (domain.IssueRecap, to the primary contact,
// signed by the author) is kept on the issue and on its timeline entry.
func (d *Desk) ResolveIssue(ctx context.Context, code string, id uint64, resolution string, inWriting bool) (Issued, error) {
	if err := permit(ctx, Collector, "resolving a service issue"); err != nil {
		return Issued{}, err
	}
	return d.writeIssue(ctx, code, func(f *domain.AccountFile) (domain.ServiceIssue, domain.Activity, error) {
		s, err := issueIn(f, id)
		if err != nil {
			return s, domain.Activity{}, err
		}
		x, err := s.Resolve(resolution, inWriting, d.opt.AsOf)
		if err != nil {
			return x, domain.Activity{}, err
		}
		x.Recap = domain.IssueRecap(f, x, store.AuthorOf(ctx))
		note := x.ResolvedEntry()
		note.Contact, note.Recap = f.PrimaryContact(), x.Recap
		return x, note, nil
	})
}

// issueIn is the account's issue id; an id the account does not have is
// refused, naming its open issues.
func issueIn(f *domain.AccountFile, id uint64) (domain.ServiceIssue, error) {
	var open []string
	for _, s := range f.Issues {
		if s.ID == id {
			return s, nil
		}
		if s.IsOpen() {
			open = append(open, fmt.Sprintf("%d, %s, SLA %s", s.ID, s.Kind, s.SLADeadline))
		}
	}
	msg := fmt.Sprintf("account %s has no service issue %d", f.Account.Code, id)
	if len(open) == 0 {
		msg += " (it has no open issue)"
	} else {
		msg += " (its open issues: " + strings.Join(open, "; ") + ")"
	}
	return domain.ServiceIssue{}, refusal(msg)
}

// writeIssue writes the issue work makes from the account, with its
// timeline entry, in one guarded transaction (readModifyWrite: worked out
// again when the account changed meanwhile), and reads the issue back as
// stored.
func (d *Desk) writeIssue(ctx context.Context, code string, work func(f *domain.AccountFile) (domain.ServiceIssue, domain.Activity, error)) (Issued, error) {
	var x domain.ServiceIssue
	var note domain.Activity
	f, _, err := d.readModifyWrite(ctx, code, func(f *domain.AccountFile) (*store.Batch, error) {
		var err error
		if x, note, err = work(f); err != nil {
			return nil, err
		}
		return &store.Batch{On: d.opt.AsOf,
			Issues:     []store.Rec[domain.ServiceIssue]{{V: x}},
			Activities: []store.ActivityEntry{{Activity: note}}}, nil
	})
	if err != nil {
		return Issued{}, err
	}
	out := Issued{Account: f.Account, Issue: x, Entry: note, Recap: x.Recap}
	// Its id (a new issue's is the store's) and stamp as stored.
	if g, err := d.st.LoadAccount(f.Account.Code); err == nil {
		for _, s := range g.Issues {
			isNew := x.ID == 0 && !slices.ContainsFunc(f.Issues, func(o domain.ServiceIssue) bool { return o.ID == s.ID })
			if s.ID == x.ID || isNew {
				out.Issue.ID, out.Issue.Stamp = s.ID, s.Stamp
			}
		}
	}
	return out, nil
}
