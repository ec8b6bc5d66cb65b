package desk

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/shopspring/decimal"

	"acctdesk/docs"
	"acctdesk/domain"
)

// QBR is an account's QBR pack as of asOf (the desk's date when zero), SPEC
// §10.7: the account matched without regard to case (ResolveCode), its
// figures from its file, read now, and the products the book sells from
// every account's facts (the view when there is one).
func (d *Desk) QBR(code string, asOf domain.Date) (docs.QBRPack, error) {
	if asOf == 0 {
		asOf = d.opt.AsOf
	}
	c, err := d.ResolveCode(code)
	if err != nil {
		return docs.QBRPack{}, err
	}
	f, err := d.st.LoadAccount(c)
	if err != nil {
		return docs.QBRPack{}, err
	}
	set, err := d.st.Settings()
	if err != nil {
		return docs.QBRPack{}, err
	}
	sold, err := d.bookProducts(asOf)
	if err != nil {
		return docs.QBRPack{}, err
	}
	q, err := QBROf(f, set, asOf, sold)
	if err != nil {
		return docs.QBRPack{}, fmt.Errorf("account %s: %w", c, err)
	}
	return q, nil
}

// bookProducts are the products the book has sold by asOf: from the view's
// facts when the view is loaded (the workstation), else read a page of
// facts at a time.
func (d *Desk) bookProducts(asOf domain.Date) ([]string, error) {
	if v := d.Current(); v != nil {
		ls := make([]*domain.Ledger, len(v.Sums))
		for i := range v.Sums {
			ls[i] = &v.Sums[i].Facts.Ledger
		}
		return domain.BookProducts(ls, asOf), nil
	}
	s, err := Scan(d.st, func(_ domain.Settings, x *domain.Facts) []string {
		return domain.BookProducts([]*domain.Ledger{&x.Ledger}, asOf)
	})
	if err != nil {
		return nil, err
	}
	var all []string
	for _, ps := range s.Results {
		all = append(all, ps...)
	}
	slices.Sort(all)
	return slices.Compact(all), nil
}

// QBRBytes is the QBR pack rendered in a format (docs.QBRFormats).
func (d *Desk) QBRBytes(code string, asOf domain.Date, format string) ([]byte, docs.QBRPack, error) {
	if !slices.Contains(docs.QBRFormats, format) {
		return nil, docs.QBRPack{}, fmt.Errorf("format %q is not one of md, html, pdf", format)
	}
	q, err := d.QBR(code, asOf)
	if err != nil {
		return nil, docs.QBRPack{}, err
	}
	b, err := docs.Bytes(docs.QBR(q), format)
	return b, q, err
}

// WriteQBR writes the QBR pack into dir (made when missing) as
// qbr-<CODE>-<as-of>.<ext>, durably, and says where: the workstation's Q.
func (d *Desk) WriteQBR(code string, asOf domain.Date, format, dir string) (string, error) {
	if dir == "" {
		return "", fmt.Errorf("no documents directory: set documents_dir in the config file")
	}
	b, q, err := d.QBRBytes(code, asOf, format)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, docs.FileName("qbr", q.Account.Code, q.AsOf, format))
	if err := docs.WriteFile(path, bytesOf(b)); err != nil {
		return "", err
	}
	return path, nil
}

// QBRWindowDays is the window of a pack's service levels, promises, days
// late and surveys: the 365 days ending the as-of date.
const QBRWindowDays = 365

// QBROf works out the pack from an account's file as of asOf; sold are the
// products the book has sold (domain.BookProducts). Its rules:
//   - volume: each product the forecast covers (domain.VolumeForecasts),
//     its quantity in each of the 12 complete months before the as-of month,
//     their total against the 12 months before them, and the forecast rows;
//   - service levels: the issues opened in the 365 days ending asOf, or open
//     as of asOf; an issue met its SLA when it was resolved by asOf on or
//     before its SLA date, missed it when resolved later or still open after
//     that date, and is pending while open up to it (or without an SLA date,
//     or resolved on a day not kept); SLA met % = met ÷ (met + missed);
//   - promises kept % (as report metrics counts them): the promises due in
//     the 365 days ending asOf − grace, kept ÷ kept, partly kept or broken,
//     as of asOf;
//   - average days late over the invoices settled in the 365 days ending
//     asOf (domain.AverageDaysLate), DSO as the book pane's (the DSO period);
//   - open items, aging and total due as the statement's;
//   - surveys dated by asOf; open objectives by due date; expansion
//     opportunities: sold, less the products of the 12 months ending asOf.
func QBROf(f *domain.AccountFile, set domain.Settings, asOf domain.Date, sold []string) (docs.QBRPack, error) {
	x, err := domain.FactsOf(f)
	if err != nil {
		return docs.QBRPack{}, err
	}
	st, err := domain.StatementOf(f, set, asOf)
	if err != nil {
		return docs.QBRPack{}, err
	}
	pos, err := domain.PositionOf(f, asOf)
	if err != nil {
		return docs.QBRPack{}, err
	}
	sum := domain.Summarize(&x, asOf, set)
	a := f.Account
	q := docs.QBRPack{From: set.Name, Account: a, Contact: st.Contact, HasContact: st.HasContact, AsOf: asOf,
		Statement: st, DSO: sum.DSO(), HasUtil: sum.HasUtil, Overdraft: a.OverdraftAt(asOf)}
	if q.HasUtil {
		q.Util = sum.Util()
	}
	from := asOf.AddDays(1 - QBRWindowDays)
	q.DaysLate, q.HasDaysLate = domain.AverageDaysLate(pos, from)

	q.Volumes, q.Months = qbrVolumes(f, &x.Ledger, asOf)

	for _, s := range f.Issues {
		// As of asOf: resolved by then (a resolution of no known day counts
		// as resolved, its SLA not known); one resolved later was open then.
		resolved := s.Status == domain.IssueResolved && s.ResolvedOn <= asOf
		if s.Opened > asOf || (resolved && s.Opened < from) {
			continue
		}
		if s.Status == domain.IssueResolved && !resolved {
			s.Status, s.ResolvedOn = domain.IssueOpen, 0
		}
		is := docs.QBRIssue{ServiceIssue: s, SLA: docs.SLAPending}
		switch {
		case s.SLADeadline.IsZero(), resolved && s.ResolvedOn.IsZero():
		case resolved && s.ResolvedOn <= s.SLADeadline:
			is.SLA = docs.SLAMet
		case resolved, asOf > s.SLADeadline:
			is.SLA = docs.SLAMissed
		}
		switch is.SLA {
		case docs.SLAMet:
			q.SLA.Good++
		case docs.SLAMissed:
			q.SLA.Bad++
		default:
			q.SLA.Pending++
		}
		q.Issues = append(q.Issues, is)
	}
	slices.SortStableFunc(q.Issues, func(a, b docs.QBRIssue) int { return cmp.Or(cmp.Compare(b.Opened, a.Opened), cmp.Compare(b.ID, a.ID)) })

	grace := set.Thresholds.PromiseGraceDays
	for _, p := range f.Promises {
		if p.DueOn < from || p.DueOn > asOf.AddDays(-grace) {
			continue
		}
		switch domain.PromiseStatus(p, &x.Ledger, asOf, grace).Status {
		case domain.PromiseKept:
			q.Promises.Good++
		case domain.PromisePartlyKept, domain.PromiseBroken:
			q.Promises.Bad++
		default:
			q.Promises.Pending++
		}
	}

	q.Contracts = slices.Clone(f.Contracts)
	slices.SortStableFunc(q.Contracts, func(a, b domain.Contract) int { return cmp.Compare(b.End, a.End) })
	q.Renewal, q.HasRenewal = renewalContract(f.Contracts, asOf)

	for _, s := range f.Surveys {
		if s.On <= asOf {
			q.Surveys = append(q.Surveys, s)
		}
	}
	slices.SortStableFunc(q.Surveys, func(a, b domain.Survey) int { return cmp.Or(cmp.Compare(a.On, b.On), cmp.Compare(a.ID, b.ID)) })

	q.Bought = x.Ledger.ProductsAt(asOf)
	// The book sells what this account was sold, whatever sold says.
	sold = slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(sold), domain.BookProducts([]*domain.Ledger{&x.Ledger}, asOf)...))))
	for _, p := range sold {
		if !slices.Contains(q.Bought, p) {
			q.Opportunities = append(q.Opportunities, p)
		}
	}

	for _, o := range f.Objectives {
		if o.IsOpen() {
			q.Objectives = append(q.Objectives, o)
		}
	}
	slices.SortStableFunc(q.Objectives, func(a, b domain.Objective) int {
		if (a.Due == 0) != (b.Due == 0) {
			return cmp.Compare(b.Due, a.Due) // no due date last
		}
		return cmp.Or(cmp.Compare(a.Due, b.Due), cmp.Compare(a.ID, b.ID))
	})
	return q, nil
}

// qbrVolumes are each forecast product's quantities in the 12 complete
// months before the as-of month, with the 12 months before those, and the
// months themselves.
func qbrVolumes(f *domain.AccountFile, l *domain.Ledger, asOf domain.Date) ([]docs.QBRVolume, []domain.Date) {
	m0 := asOf.MonthStart()
	months := make([]domain.Date, 12)
	for i := range months {
		months[i] = m0.AddMonths(i - 12)
	}
	units := map[string]string{}
	latest := map[string]domain.Date{}
	for _, inv := range f.Invoices {
		if inv.Unit != "" && inv.Issued <= asOf && inv.Issued >= latest[inv.Product] {
			units[inv.Product], latest[inv.Product] = inv.Unit, inv.Issued
		}
	}
	var out []docs.QBRVolume
	for _, fc := range domain.VolumeForecasts(l, asOf) {
		v := docs.QBRVolume{Product: fc.Product, Unit: units[fc.Product], Forecast: fc.Months, Months: make([]decimal.Decimal, 12)}
		var last, prior domain.Sum
		for i, m := range months {
			v.Months[i] = fc.History.At(m)
			last.Add(v.Months[i])
			prior.Add(fc.History.At(m.AddMonths(-12)))
		}
		v.Last12, v.Prior12 = last.Decimal(), prior.Decimal()
		out = append(out, v)
	}
	return out, months
}

// renewalContract is the contract whose end is the account's renewal date
// as of asOf: of the contracts not ended by then and not terminated — the
// one in force and any renewal already agreed after it — the one that ends
// last, so that after a renewal the pack names the new contract, not the
// one it renews. False when there is none.
func renewalContract(cs []domain.Contract, asOf domain.Date) (domain.Contract, bool) {
	var best *domain.Contract
	for i := range cs {
		k := &cs[i]
		if k.End < asOf || k.Status == domain.ContractTerminated {
			continue
		}
		if best == nil || cmp.Or(cmp.Compare(k.End, best.End), cmp.Compare(k.ID, best.ID)) > 0 {
			best = k
		}
	}
	if best == nil {
		return domain.Contract{}, false
	}
	return *best, true
}
