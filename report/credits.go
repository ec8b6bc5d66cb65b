package report

import (
	"cmp"
	"slices"
	"strings"

	"acctdesk/domain"
)

// Credits (SPEC §11.2): the credit notes dated in the period (--period,
// default 12m, up to the as-of date) by month, reason and account: how
// many and how much. Payments are not credit notes and are left out. By
// month, reason, then account.

type creditsRow struct {
	month  domain.Date
	reason string
	count  int
	amount domain.Sum
}

type creditsPart struct {
	account string
	cur     domain.Currency
	rows    []creditsRow
}

func creditsAccount(in Input, set domain.Settings, x *domain.Facts) any {
	from, to, ok := in.span()
	l := &x.Ledger
	if in.skip(x) || !ok || len(l.Credits) == 0 {
		return nil
	}
	var rows []creditsRow
	for k, c := range l.Credits {
		if c.On > to {
			break // credits are in date order
		}
		if c.On < from || l.Kinds[k].IsPayment() {
			continue
		}
		m, reason := c.On.MonthStart(), l.Kinds[k].Reason()
		i := slices.IndexFunc(rows, func(r creditsRow) bool { return r.month == m && r.reason == reason })
		if i < 0 {
			i = len(rows)
			rows = append(rows, creditsRow{month: m, reason: reason})
		}
		rows[i].count++
		rows[i].amount.AddInt(c.Amount, l.Exp)
	}
	if len(rows) == 0 {
		return nil
	}
	return &creditsPart{x.Account.Code, x.Account.Currency, rows}
}

func creditsTable(in Input, set domain.Settings, parts []any) *Table {
	t := &Table{Columns: []Column{{"month", Text, ""}, {"reason", Text, ""}, {"account", Text, ""}, {"count", Count, ""},
		{"amount", Money, ""}, {"currency", Text, ""}}}
	type row struct {
		account string
		cur     domain.Currency
		r       creditsRow
	}
	var rows []row
	for _, part := range parts {
		if p, ok := part.(*creditsPart); ok {
			for _, r := range p.rows {
				rows = append(rows, row{p.account, p.cur, r})
			}
		}
	}
	slices.SortFunc(rows, func(a, b row) int {
		return cmp.Or(cmp.Compare(a.r.month, b.r.month), strings.Compare(a.r.reason, b.r.reason), strings.Compare(a.account, b.account))
	})
	for _, r := range rows {
		t.Rows = append(t.Rows, []Cell{T(domain.MonthName(r.r.month)), T(r.r.reason), T(r.account), count(r.r.count),
			money(r.r.amount.Decimal(), r.cur), T(string(r.cur))})
	}
	return t
}

func init() {
	docs["credits"] = doc{"the credit notes dated in --period (default 12m, up to the as-of date) by month, reason and account: how many and " +
		"how much (payments are not credit notes); by month, reason, then account", map[string]string{
		"month":    "the month of the credit notes' date, 2026-11 (12m's first month: the part of it in the period)",
		"reason":   strings.Join(domain.CreditReasons, ", "),
		"account":  "the account's code",
		"count":    "how many credit notes",
		"amount":   "what they credit together",
		"currency": "the account's currency",
	}}
}
