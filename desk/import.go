package desk

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"acctdesk/domain"
	"acctdesk/store"
)

// Import writes an import file's batch (SPEC §5, already read by the
// importer) so that what the file changes keeps the trails every other
// write keeps, in the same transaction:
//
//   - a product the book already sells under another case ("fleet" in a
//     book that sells "Fleet") takes the book's spelling: the spelling of the
//     book's earliest invoice of it; a product new to the book takes that of
//     the file's first row of it (productSpellings);
//   - an existing account whose credit limit the file changes gets the
//     credit decision a lead's change would make (SPEC §10.2): reason
//     "imported from FILE line N", approved by the author, the utilisation
//     it leaves as Credit works it out; never refused for leaving
//     utilisation over the breach threshold (the file says what is so: the
//     decision is marked confirmed_over), and on the account's timeline.
//
// b's products are respelt in place. source names the file in the
// decisions' reason. apply writes the batch
// (the store's Apply, or one that shows progress); a batch that an account
// it gave a decision for was written meanwhile is worked out again.
func (d *Desk) Import(ctx context.Context, b *store.Batch, source string, apply func(context.Context, *store.Batch) (store.Result, error)) (store.Result, error) {
	if err := permit(ctx, Lead, "an import"); err != nil {
		return store.Result{}, err
	}
	if apply == nil {
		apply = d.st.Apply
	}
	if err := d.spellProducts(b); err != nil {
		return store.Result{}, err
	}
	for range guardedTries {
		since, err := d.st.Changes()
		if err != nil {
			return store.Result{}, err
		}
		nb, err := d.importDecisions(ctx, b, filepath.Base(source))
		if err != nil {
			return store.Result{}, err
		}
		if len(nb.Guard) > 0 {
			nb.Since = since
		}
		res, err := apply(ctx, nb)
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err == nil && !nb.DryRun {
			d.wrote()
		}
		return res, err
	}
	return store.Result{}, errors.New("the accounts kept changing while the file was imported: try again")
}

// importDecisions is b with a credit decision and its timeline entry for
// each existing account whose credit limit the file changes, guarded on
// those accounts. b itself is left as it is.
func (d *Desk) importDecisions(ctx context.Context, b *store.Batch, source string) (*store.Batch, error) {
	nb := *b
	if len(b.Accounts) == 0 {
		return &nb, nil
	}
	codes := make([]string, 0, len(b.Accounts))
	for _, r := range b.Accounts {
		codes = append(codes, r.V.Code)
	}
	page, err := d.st.FactsOf(codes)
	if err != nil {
		return nil, err
	}
	stored := make(map[string]*domain.Facts, len(page.Facts))
	for _, x := range page.Facts {
		stored[x.Account.Code] = x
	}
	approver := store.AuthorOf(ctx)
	asOf := b.On
	if asOf.IsZero() {
		asOf = d.opt.AsOf
	}
	seen := map[string]bool{}
	nb.Decisions, nb.Activities, nb.Guard = slices.Clone(b.Decisions), slices.Clone(b.Activities), slices.Clone(b.Guard)
	for _, r := range b.Accounts {
		x, ok := stored[r.V.Code]
		if !ok || seen[r.V.Code] {
			continue // a new account, or a second row of it (the store says whether they agree)
		}
		seen[r.V.Code] = true
		was := x.Account
		now := was
		if b.Partial() {
			now = store.MergeAccount(b, r.Blank, was, r.V)
		} else {
			now.CreditLimit = r.V.CreditLimit
		}
		if now.CreditLimit.Equal(was.CreditLimit) {
			continue
		}
		ch := domain.CreditChange{SetLimit: true, Limit: now.CreditLimit, ApprovedBy: approver,
			Reason: fmt.Sprintf("imported from %s line %d", strings.ReplaceAll(domain.Safe(source), "\n", " "), r.Line)}
		// Confirmed: the file is the confirmation, and a decision over the
		// threshold is marked so, as every such decision is.
		out, err := domain.DecideCredit(was, x.Ledger.NetAR(asOf), asOf, ch, page.Settings.Thresholds, true)
		var bad domain.ValidationError
		switch {
		case errors.As(err, &bad) && !slices.ContainsFunc(bad, func(f domain.FieldError) bool { return f.Field != "credit_limit" }):
			continue // a limit the store refuses, with its row
		case err != nil:
			return nil, fmt.Errorf("line %d: the credit decision of account %s: %w", r.Line, was.Code, err)
		}
		for _, dec := range out.Decisions {
			nb.Decisions = append(nb.Decisions, store.Rec[domain.CreditDecision]{Line: r.Line, V: dec})
		}
		nb.Activities = append(nb.Activities, store.ActivityEntry{Activity: out.CreditEntry(), Line: r.Line})
		nb.Guard = append(nb.Guard, was.Code)
	}
	return &nb, nil
}

// spellProducts writes every product of b's invoices, targets and accounts
// as productSpellings spells it, reading the book's products only when b
// names one.
func (d *Desk) spellProducts(b *store.Batch) error {
	names := false
	for _, r := range b.Invoices {
		names = names || r.V.Product != ""
	}
	for _, r := range b.Targets {
		names = names || r.V.Product != ""
	}
	for _, r := range b.Accounts {
		names = names || len(r.V.Products) > 0
	}
	if !names {
		return nil
	}
	s, err := Scan(d.st, func(_ domain.Settings, x *domain.Facts) []productFirst { return firstSold(&x.Ledger) })
	if err != nil {
		return err
	}
	spell := productSpellings(s.Results)
	for i := range b.Invoices {
		b.Invoices[i].V.Product = spell(b.Invoices[i].V.Product)
	}
	for i := range b.Targets {
		b.Targets[i].V.Product = spell(b.Targets[i].V.Product)
	}
	for i := range b.Accounts {
		if ps := b.Accounts[i].V.Products; len(ps) > 0 {
			ps = slices.Clone(ps)
			for j := range ps {
				ps[j] = spell(ps[j])
			}
			b.Accounts[i].V.Products = ps
		}
	}
	return nil
}

// productFirst is a product as an account's invoices spell it, and the
// day it was first invoiced so.
type productFirst struct {
	name  string
	first domain.Date
}

// firstSold is each product spelling of a ledger with its earliest issue date.
func firstSold(l *domain.Ledger) []productFirst {
	var out []productFirst
	for i, x := range l.Invoices {
		if i >= len(l.Lines) {
			break
		}
		p := l.InvoiceProduct(i)
		if p == "" {
			continue
		}
		j := slices.IndexFunc(out, func(f productFirst) bool { return f.name == p })
		switch {
		case j < 0:
			out = append(out, productFirst{p, x.Issued})
		case x.Issued < out[j].first:
			out[j].first = x.Issued
		}
	}
	return out
}

// productSpellings is the spelling a product takes in a book whose
// accounts (in code order) spell theirs so: the book's own when it has the
// product under any case, that of its earliest invoice (then the first
// account's); a product the book has not seen is kept as first given and
// any later one that differs only in case takes that spelling.
func productSpellings(accounts [][]productFirst) func(string) string {
	type kept struct {
		name  string
		first domain.Date
	}
	book := map[string]kept{}
	for _, ps := range accounts {
		for _, p := range ps {
			k := strings.ToLower(p.name)
			if was, ok := book[k]; !ok || p.first < was.first {
				book[k] = kept{p.name, p.first}
			}
		}
	}
	return func(p string) string {
		if p == "" {
			return ""
		}
		k := strings.ToLower(p)
		if was, ok := book[k]; ok {
			return was.name
		}
		book[k] = kept{name: p}
		return p
	}
}
