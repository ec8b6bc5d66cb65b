package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"acctdesk/domain"
)

// Reconciliation (SPEC §11.2): each balance imported from accounting
// (import balances) dated in the period (--period, default 12m, up to the
// as-of date) against the book's net AR that day (SPEC §2: invoiced less
// paid and credited, all dated on or before it), and the reconciliation
// mark that covered it: the first one (acctdesk reconcile) dated on or
// after the balance's date and on or before the as-of date — an account
// reconciled as of a day is agreed with accounting up to that day. By
// account, then date. The table form ends with how many accounts were
// marked reconciled in each week and each month of the period.

// Reconciliation statuses.
const (
	ReconcileMatch   = "match"
	ReconcileDiffers = "differs"
)

type reconRow struct {
	b          domain.Balance
	ours       string // plain
	theirs     string
	difference string
	match      bool
	reconciled domain.Date // zero: none
}

type reconPart struct {
	account string
	cur     domain.Currency
	rows    []reconRow
	marks   []domain.Date // the account's marks dated in the period
}

func reconciliationAccount(in Input, set domain.Settings, x *domain.Facts) any {
	from, to, ok := in.span()
	if in.skip(x) || !ok || (len(x.Balances) == 0 && len(x.Reconciled) == 0) {
		return nil
	}
	cur := x.Account.Currency
	p := &reconPart{account: x.Account.Code, cur: cur}
	for _, m := range x.Reconciled {
		if m.AsOf >= from && m.AsOf <= to {
			p.marks = append(p.marks, m.AsOf)
		}
	}
	slices.Sort(p.marks)
	for _, b := range x.Balances {
		if b.On < from || b.On > to {
			continue
		}
		ours := x.Ledger.NetAR(b.On)
		diff := ours.Sub(b.Balance)
		r := reconRow{b: b, ours: domain.Plain(ours, cur), theirs: domain.Plain(b.Balance, cur), difference: domain.Plain(diff, cur),
			match: diff.IsZero()}
		for _, m := range x.Reconciled {
			if m.AsOf >= b.On && m.AsOf <= in.AsOf && (r.reconciled.IsZero() || m.AsOf < r.reconciled) {
				r.reconciled = m.AsOf
			}
		}
		p.rows = append(p.rows, r)
	}
	slices.SortFunc(p.rows, func(a, b reconRow) int { return cmp.Compare(a.b.On, b.b.On) })
	if len(p.rows) == 0 && len(p.marks) == 0 {
		return nil
	}
	return p
}

func reconciliationTable(in Input, set domain.Settings, parts []any) *Table {
	t := &Table{Columns: []Column{{"account", Text, ""}, {"currency", Text, ""}, {"date", Date, ""}, {"ours", Money, ""},
		{"theirs", Money, ""}, {"difference", Money, ""}, {"status", Text, ""}, {"reconciled_on", Date, ""}}}
	weeks, months := map[domain.Date]int{}, map[domain.Date]int{}
	for _, part := range parts {
		p, ok := part.(*reconPart)
		if !ok {
			continue
		}
		for _, r := range p.rows {
			status, on := ReconcileDiffers, T("")
			if r.match {
				status = ReconcileMatch
			}
			if !r.reconciled.IsZero() {
				on = date(r.reconciled)
			}
			t.Rows = append(t.Rows, []Cell{T(p.account), T(string(p.cur)), date(r.b.On), amountCell(r.ours, p.cur),
				amountCell(r.theirs, p.cur), amountCell(r.difference, p.cur), T(status), on})
		}
		// An account counts once in a week (a month) however often it
		// was marked in it.
		var lastWeek, lastMonth domain.Date
		for _, m := range p.marks {
			if w := weekOf(m); w != lastWeek {
				weeks[w]++
				lastWeek = w
			}
			if mo := m.MonthStart(); mo != lastMonth {
				months[mo]++
				lastMonth = mo
			}
		}
	}
	t.Footer = reconciledFooter(in, weeks, months)
	return t
}

// amountCell is an amount already in its plain form.
func amountCell(plain string, c domain.Currency) Cell {
	return Cell{Plain: plain, Human: domain.Grouped(plain), Cur: c}
}

// reconciledFooter says how many accounts were marked reconciled per week
// and per month of the period.
func reconciledFooter(in Input, weeks, months map[domain.Date]int) []string {
	from, to, ok := in.span()
	if !ok {
		return nil
	}
	if len(weeks) == 0 {
		return []string{fmt.Sprintf("no account marked reconciled from %s to %s", from, to)}
	}
	lines := []string{fmt.Sprintf("accounts marked reconciled from %s to %s, per week (its Monday):", from, to)}
	add := func(counts map[domain.Date]int, name func(domain.Date) string) {
		keys := make([]domain.Date, 0, len(counts))
		for k := range counts {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			lines = append(lines, fmt.Sprintf("  %-10s  %d", name(k), counts[k]))
		}
	}
	add(weeks, domain.Date.String)
	lines = append(lines, "per month:")
	add(months, domain.MonthName)
	return lines
}

func init() {
	docs["reconciliation"] = doc{"each balance imported from accounting (import balances) dated in --period (default 12m, up to the as-of " +
		"date) against the book's net AR that day, and the reconciliation mark that covered it; by account, then date. The table " +
		"form ends with how many accounts were marked reconciled (acctdesk reconcile) in each week and month of the period", map[string]string{
		"account":    "the account's code",
		"currency":   "the account's currency",
		"date":       "the balance's date",
		"ours":       "the book's net AR that day: invoiced less paid and credited, all dated on or before it (SPEC §2)",
		"theirs":     "accounting's balance that day, as imported",
		"difference": "ours − theirs",
		"status":     strings.Join([]string{ReconcileMatch, ReconcileDiffers}, " or ") + ": whether the difference is zero",
		"reconciled_on": "the first reconciliation mark (acctdesk reconcile ACCOUNT --as-of DATE) dated on or after the balance's " +
			"date and on or before the as-of date: an account reconciled as of a day is agreed with accounting up to that day; empty when none",
	}}
}
