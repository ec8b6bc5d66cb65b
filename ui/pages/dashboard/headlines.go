package dashboard

import (
	"github.com/shopspring/decimal"

	"acctdesk/domain"
	"acctdesk/report"
)

// headlines are a scope's headline figures per currency, from report
// metrics (SPEC §11.1: its "book" rows, over the scope's accounts, for the
// 12 months ending today), or why there are none.
type headlines struct {
	missing string // "metrics not available" (the report is not in this build), else ""
	rows    map[domain.Currency]headline
}

// headline is one currency's row: each figure, when defined (ok).
type headline struct {
	nrr, churn, badDebt, dso figure
}

// figure is a percentage or a number of days, to one decimal as the report
// gives it; ok is false when it is undefined (no base) or absent.
type figure struct {
	v  decimal.Decimal
	ok bool
}

// The metrics report's columns the headline reads.
const (
	colGroup    = "group"
	colCurrency = "currency"
	colNRR      = "nrr_pct"
	colChurn    = "logo_churn_pct"
	colBadDebt  = "bad_debt_pct"
	colDSO      = "dso"
)

// headlinesFrom reads the "book" rows of a metrics table by column key; a
// table without the columns is "metrics not available" too.
func headlinesFrom(t *report.Table) headlines {
	col := map[string]int{}
	for i, c := range t.Columns {
		col[c.Key] = i
	}
	for _, k := range []string{colGroup, colCurrency, colNRR, colChurn, colBadDebt, colDSO} {
		if _, ok := col[k]; !ok {
			return headlines{missing: "metrics not available (report metrics has no " + k + ")"}
		}
	}
	h := headlines{rows: map[domain.Currency]headline{}}
	get := func(row []report.Cell, key string) figure {
		v, err := decimal.NewFromString(row[col[key]].Plain)
		return figure{v, err == nil}
	}
	for _, row := range t.Rows {
		if len(row) != len(t.Columns) || row[col[colGroup]].Plain != "book" {
			continue
		}
		h.rows[domain.Currency(row[col[colCurrency]].Plain)] = headline{
			nrr: get(row, colNRR), churn: get(row, colChurn), badDebt: get(row, colBadDebt), dso: get(row, colDSO)}
	}
	return h
}
