package report

import (
	"sort"
	"strconv"

	"acctdesk/domain"
)

// Plans (SPEC §9.2): one row per instalment of each account's open plan as
// of the date, then of its plans closed (replaced) in the 365 days ending
// the date. A closed plan's instalments are as they stood the day it was
// closed: kept, late or missed by then, or replaced when still pending.
// From facts: the plans and the ledger's payments.

// InstalmentReplaced is a closed plan's instalment that was still pending
// when a new plan replaced it.
const InstalmentReplaced = "replaced"

type planRow struct {
	account string
	cur     domain.Currency
	plan    domain.PaymentPlan
	states  []domain.InstalmentState
}

func plansPart(in Input, set domain.Settings, x *domain.Facts) any {
	if in.skip(x) || len(x.Plans) == 0 {
		return nil
	}
	grace := set.Thresholds.PromiseGraceDays
	var rows []planRow
	if open := domain.OpenPlan(x.Plans, in.AsOf); open != nil {
		rows = append(rows, planRow{x.Account.Code, x.Account.Currency, *open, domain.PlanStatus(*open, &x.Ledger, in.AsOf, grace)})
	}
	var closed []domain.PaymentPlan
	for _, p := range x.Plans {
		if !p.Closed.IsZero() && p.Closed <= in.AsOf && p.Closed > in.AsOf.AddDays(-365) {
			closed = append(closed, p)
		}
	}
	sort.SliceStable(closed, func(i, j int) bool {
		if closed[i].Agreed != closed[j].Agreed {
			return closed[i].Agreed > closed[j].Agreed
		}
		return closed[i].ID > closed[j].ID
	})
	for _, p := range closed {
		sts := domain.PlanStatus(p, &x.Ledger, p.Closed, grace)
		for i := range sts {
			if sts[i].Status == domain.InstalmentPending {
				sts[i].Status = InstalmentReplaced
			}
		}
		rows = append(rows, planRow{x.Account.Code, x.Account.Currency, p, sts})
	}
	return rows
}

func plansTable(in Input, set domain.Settings, parts []any) *Table {
	t := &Table{Columns: []Column{{"account", Text, ""}, {"plan", Count, ""}, {"instalment", Count, ""}, {"date", Date, ""},
		{"amount", Money, ""}, {"paid", Money, ""}, {"status", Text, ""}, {"currency", Text, ""}}}
	for _, p := range parts {
		rows, _ := p.([]planRow)
		for _, r := range rows {
			for i, s := range r.states {
				t.Rows = append(t.Rows, []Cell{T(r.account), T(strconv.FormatUint(r.plan.ID, 10)), T(strconv.Itoa(i + 1)),
					date(s.Due), money(s.Amount, r.cur), money(s.Paid, r.cur), T(s.Status), T(string(r.cur))})
			}
		}
	}
	return t
}
