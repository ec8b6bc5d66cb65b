package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"acctdesk/domain"
)

// Renewals (SPEC §10.1): the contracts ending within the renewal horizon
// (book settings, 90 days) that nobody renewed, let lapse or terminated,
// and those already lapsed without a renewal (domain.StateOf), soonest end
// first (then by account and contract): the lapsed ones, which ended
// before the date, come first.

type renewalRow struct {
	account string
	cur     domain.Currency
	k       domain.Contract
	st      domain.ContractState
	revenue string // the account's revenue of the 12 months ending the date, plain
}

func renewalsPart(in Input, set domain.Settings, x *domain.Facts) any {
	if in.skip(x) || len(x.Contracts) == 0 {
		return nil
	}
	var rows []renewalRow
	for _, k := range x.Contracts {
		st := domain.StateOf(k, x.Contracts, in.AsOf)
		if st.DueForRenewal(set.Thresholds.RenewalDays) || st.LapsedUnrenewed() {
			rows = append(rows, renewalRow{account: x.Account.Code, cur: x.Account.Currency, k: k, st: st})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	rev := x.Ledger.Revenue12m(in.AsOf)
	for i := range rows {
		rows[i].revenue = domain.Plain(rev, rows[i].cur)
	}
	return rows
}

func renewalsTable(in Input, set domain.Settings, parts []any) *Table {
	t := &Table{Columns: []Column{{"account", Text, ""}, {"contract", Text, ""}, {"start", Date, ""}, {"end", Date, ""},
		{"days_left", Count, ""}, {"notice_by", Date, ""}, {"status", Text, ""}, {"revenue_12m", Money, "REVENUE 12M"}, {"currency", Text, ""}}}
	var rows []renewalRow
	for _, p := range parts {
		if r, ok := p.([]renewalRow); ok {
			rows = append(rows, r...)
		}
	}
	slices.SortStableFunc(rows, func(a, b renewalRow) int {
		return cmp.Or(cmp.Compare(a.k.End, b.k.End), strings.Compare(a.account, b.account), strings.Compare(a.k.ID, b.k.ID))
	})
	for _, r := range rows {
		t.Rows = append(t.Rows, []Cell{T(r.account), T(r.k.ID), date(r.k.Start), date(r.k.End), T(strconv.Itoa(r.st.DaysLeft)),
			date(r.st.NoticeBy), T(r.st.Status), {Plain: r.revenue, Human: domain.Grouped(r.revenue), Cur: r.cur}, T(string(r.cur))})
	}
	return t
}

func init() {
	docs["renewals"] = doc{"the contracts ending within the renewal horizon (book settings, 90 days) that nobody renewed, let lapse or " +
		"terminated, and those already lapsed without a renewal; soonest end first (the lapsed first), then by account and contract", map[string]string{
		"account": "the account's code", "contract": "the contract's number", "start": "its first day", "end": "its last day",
		"days_left": "end − the as-of date; negative once it has ended", "notice_by": "end − the contract's notice days: the last day to give notice",
		"status": "active (due for renewal) or lapsed (ended without a renewal, or a lapse recorded); a contract is renewed when so " +
			"recorded or when another contract of the account starts after it and ends later",
		"revenue_12m": "the account's revenue of the 12 months ending the date (invoiced from the date − 364 to the date)",
		"currency":    "the account's currency",
	}}
}
