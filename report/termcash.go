package report

import (
	"cmp"
	"slices"
	"strings"

	"acctdesk/domain"
)

// Term vs cash (SPEC §11.2): what was invoiced in each month of the period
// (--period, default 12m, up to the as-of date) to the accounts on term
// and to those paying cash, per currency. Revenue is the invoiced amount
// (SPEC §2), credit notes not deducted; an invoice counts in the month of
// its issue date, and only invoices issued in the period count (12m's
// first month is the part of it in the period). An account counts once in
// a month it was invoiced in, under the terms it has now (the book keeps
// no history of terms). Rows only for a month, terms and currency that
// had an invoice; by month, terms (cash before term), then currency.

// invoiced is what one account was invoiced in one month.
type invoiced struct {
	month  domain.Date
	amount domain.Sum
}

type termCashPart struct {
	terms  string
	cur    domain.Currency
	months []invoiced // oldest first
}

func termCashAccount(in Input, set domain.Settings, x *domain.Facts) any {
	from, to, ok := in.span()
	if in.skip(x) || !ok || len(x.Ledger.Invoices) == 0 {
		return nil
	}
	l := &x.Ledger
	p := &termCashPart{terms: x.Account.Terms, cur: x.Account.Currency}
	for _, inv := range l.Invoices {
		if inv.Issued < from || inv.Issued > to {
			continue
		}
		m := inv.Issued.MonthStart()
		i, found := slices.BinarySearchFunc(p.months, m, func(v invoiced, m domain.Date) int { return cmp.Compare(v.month, m) })
		if !found {
			p.months = slices.Insert(p.months, i, invoiced{month: m})
		}
		p.months[i].amount.AddInt(inv.Amount, l.Exp)
	}
	if len(p.months) == 0 {
		return nil
	}
	return p
}

func termCashTable(in Input, set domain.Settings, parts []any) *Table {
	t := &Table{Columns: []Column{{"month", Text, ""}, {"terms", Text, ""}, {"accounts", Count, ""}, {"revenue", Money, ""}, {"currency", Text, ""}}}
	type key struct {
		month domain.Date
		terms string
		cur   domain.Currency
	}
	type sums struct {
		accounts int
		revenue  domain.Sum
	}
	all := map[key]*sums{}
	for _, part := range parts {
		p, ok := part.(*termCashPart)
		if !ok {
			continue
		}
		for _, m := range p.months {
			k := key{m.month, p.terms, p.cur}
			s := all[k]
			if s == nil {
				s = &sums{}
				all[k] = s
			}
			s.accounts++
			s.revenue.Add(m.amount.Decimal())
		}
	}
	keys := make([]key, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.month, b.month), strings.Compare(a.terms, b.terms), strings.Compare(string(a.cur), string(b.cur)))
	})
	for _, k := range keys {
		s := all[k]
		t.Rows = append(t.Rows, []Cell{T(domain.MonthName(k.month)), T(k.terms), count(s.accounts), money(s.revenue.Decimal(), k.cur), T(string(k.cur))})
	}
	return t
}

func init() {
	docs["term-vs-cash"] = doc{"what was invoiced in each month of --period (default 12m, up to the as-of date) to the accounts on " +
		"term and to those paying cash, per currency; one row per month, terms and currency that had an invoice, by month, terms, then currency", map[string]string{
		"month":    "the month of the invoices' issue date, 2026-11; only invoices issued in the period count (12m's first month is the part of it in the period)",
		"terms":    "the accounts' payment terms: cash or term, as the accounts have them now",
		"accounts": "how many accounts on those terms were invoiced in the month",
		"revenue":  "what they were invoiced in the month (the invoices' amounts; credit notes are not deducted)",
		"currency": "the accounts' currency (never added across)",
	}}
}
