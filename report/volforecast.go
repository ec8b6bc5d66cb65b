package report

import (
	"acctdesk/domain"

	"github.com/shopspring/decimal"
)

// Volume forecast (SPEC §10.6): per account (by code) and product (by
// name), the last complete month, then the as-of month and the two after
// it, each with its actual, its forecast and how it was made
// (domain.VolumeForecasts has the rule). From facts: the ledger's lines.

type volumePart struct {
	code   string
	months [][1 + domain.ForecastAhead]domain.VolumeMonth
	names  []string
}

func volumeAccount(in Input, set domain.Settings, x *domain.Facts) any {
	if in.skip(x) || churnedBy(x.Account, in.AsOf) {
		return nil
	}
	fs := domain.VolumeForecasts(&x.Ledger, in.AsOf)
	if len(fs) == 0 {
		return nil
	}
	p := &volumePart{code: x.Account.Code}
	for _, f := range fs { // the histories are not kept: only the rows
		p.names = append(p.names, f.Product)
		p.months = append(p.months, f.Months)
	}
	return p
}

func volumeTable(in Input, set domain.Settings, parts []any) *Table {
	t := &Table{Columns: []Column{{"account", Text, ""}, {"product", Text, ""}, {"month", Text, ""}, {"actual", Number, ""},
		{"forecast", Number, ""}, {"method", Text, ""}, {"error_pct", Percent, "ERROR %"}}}
	for _, part := range parts {
		p, ok := part.(*volumePart)
		if !ok {
			continue
		}
		for i, ms := range p.months {
			for _, m := range ms {
				actual, forecast, e := T(""), T(""), T("")
				if m.HasActual {
					actual = quantity(m.Actual)
				}
				if m.Method != "" {
					forecast = quantity(m.Forecast)
				}
				if m.HasError {
					e = T(m.ErrorPct.StringFixed(1))
				}
				t.Rows = append(t.Rows, []Cell{T(p.code), T(p.names[i]), T(domain.MonthName(m.Month)), actual, forecast, T(m.Method), e})
			}
		}
	}
	return t
}

// churnedBy reports whether the account had churned by d: status churned
// since d or before (or since a day not known). A churned account is
// forecast nothing, as cross-sell shows it nothing.
func churnedBy(a domain.Account, d domain.Date) bool {
	return a.Status == domain.StatusChurned && (a.StatusSince.IsZero() || a.StatusSince <= d)
}

// quantity is a quantity cell: its own places, grouped for the table.
func quantity(q decimal.Decimal) Cell {
	s := q.String()
	return Cell{Plain: s, Human: domain.Grouped(s)}
}

func init() {
	docs["forecast"] = doc{"the volume forecast (SPEC §10.6): per account and product invoiced in the 13 months before the " +
		"as-of month or in it, the last complete month, then the as-of month and the two after it; accounts churned by " +
		"the date (status churned, since the date or before, or since a day not known) are left out", map[string]string{
		"account": "the account's code", "product": "the product (invoices without one are left out)",
		"month": "YYYY-MM: the last complete month (forecast from the months before it, to show the error), then the as-of " +
			"month and the two after it (forecast from the complete months before the as-of month)",
		"actual": "the quantity invoiced in the month, by issue date; for the as-of month what is invoiced so far (to the " +
			"as-of date); empty for a month not begun",
		"forecast": "seasonal: the actual of the same month a year before; average: the mean of the 3 complete months before " +
			"the month it is made from (fewer if the history is shorter); rounded half away from zero to whole units; empty " +
			"when there is no month of history to make it from",
		"method": "seasonal, when the product has at least 12 months of history (from its first invoiced month) before the " +
			"month the forecast is made from; else average; empty for no forecast",
		"error_pct": "for the last complete month only: (forecast − actual) ÷ actual × 100, one decimal; empty when the actual is 0",
	}}
}
