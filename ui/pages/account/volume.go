package account

import (
	"fmt"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
	"acctdesk/ui/common"
	"acctdesk/ui/components"
	"acctdesk/ui/styles"
)

// The Volume tab (SPEC §3, §10.6): per product, the quantity invoiced by
// month — up to 24 complete months, then the as-of month so far — and the
// forecast of the as-of month and the two after, as a column chart (solid
// for what was invoiced, shaded for the forecast), with the forecast's
// figures in a row under it; then the amounts invoiced by product over
// the last six months.

const (
	chartHistory = 24 // complete months of history the chart draws, when there are
	amountMonths = 6  // months of the amounts table, ending with the as-of month
)

// volumeTab is the Volume tab of an account's file as of asOf.
func volumeTab(f *domain.AccountFile, asOf domain.Date) Tab {
	var secs []Section
	// The ledger of the invoices alone: the products and quantities (an
	// amount out of range has already failed Prepare's facts).
	l, _, err := domain.LedgerOf(f.Invoices, nil, nil)
	var fcs []domain.VolumeForecast
	if err == nil {
		fcs = domain.VolumeForecasts(&l, asOf)
	}
	units := unitsOf(f.Invoices, asOf)
	for _, fc := range fcs {
		secs = append(secs, volumeSection(fc, units[fc.Product], asOf))
	}
	if len(secs) == 0 {
		secs = append(secs, Section{Title: "Quantity by product", Empty: "No product invoiced in the last 13 months: no volume to chart."})
	}
	return Tab{Name: "Volume", Short: "Volume", Sections: append(secs, amountsSection(f, asOf))}
}

// unitsOf is each product's unit, as its latest invoice (by asOf) with one names it.
func unitsOf(invoices []domain.Invoice, asOf domain.Date) map[string]string {
	units, latest := map[string]string{}, map[string]domain.Date{}
	for _, x := range invoices {
		if x.Unit != "" && x.Issued <= asOf && x.Issued >= latest[x.Product] {
			units[x.Product], latest[x.Product] = x.Unit, x.Issued
		}
	}
	return units
}

// volumeSection is one product's chart and its forecast row.
func volumeSection(fc domain.VolumeForecast, unit string, asOf domain.Date) Section {
	m0 := asOf.MonthStart()
	last := m0.AddMonths(-1)
	h := fc.History
	first := max(h.First, m0.AddMonths(-chartHistory))
	var cols []components.Column
	label := func(m domain.Date) string { return m.Format("Jan 06") }
	for m := first; m < m0; m = m.AddMonths(1) {
		c := components.Column{Value: domain.Float(h.At(m))}
		if m == first || m.Format("01") == "01" {
			c.Label = label(m)
		}
		cols = append(cols, c)
	}
	for i, r := range fc.Months[1:] {
		c := components.Column{Forecast: domain.Float(r.Forecast), HasForecast: r.Method != ""}
		if i == 0 {
			c.Value, c.Label, c.Pinned = domain.Float(r.Actual), label(r.Month), true
		}
		cols = append(cols, c)
	}

	name := common.Clean(fc.Product)
	if unit != "" {
		name += " (" + common.Clean(unit) + ")"
	}
	method := fc.Months[1].Method
	title := name + " by month"
	switch method {
	case domain.ForecastSeasonal:
		title += " · forecast: the same month a year before"
	case domain.ForecastAverage:
		title += " · forecast: the mean of the last 3 months"
	default:
		title += " · no forecast yet: no complete month before this one"
	}
	now := fc.Months[1]
	legend := fmt.Sprintf("%s invoiced · %s forecast · %s so far %s", components.ColumnGlyph, components.ForecastGlyph,
		m0.Format("Jan"), quantityText(now.Actual))
	if now.Method != "" {
		legend += " of " + quantityText(now.Forecast)
	}
	chart := func(w int, s *styles.Styles) []string {
		height := 6
		if w >= 120 {
			height = 8
		}
		st := components.ColumnStyles{Value: s.Good, Forecast: s.Warn, Axis: s.Muted, Label: s.Muted}
		scale := func(v float64) string { return domain.Short(decimal.NewFromFloat(v).Round(0)) }
		lines := components.Columns(cols, w-rowPad, height, scale, st)
		for i := range lines {
			lines[i] = "  " + lines[i]
		}
		return append(lines, s.Muted.Render(common.Cut("  "+legend, w)))
	}

	mon := func(m domain.Date) string { return m.Format("Jan") }
	sec := Section{Title: title, Chart: chart,
		Cols: []common.Column{
			{Title: "Product", Width: 8, Min: 6, Max: 14},
			{Title: mon(last) + " fcst", Width: 9, Max: 12, Right: true, Drop: 2},
			{Title: mon(last) + " actual", Width: 10, Max: 12, Right: true, Drop: 3},
			{Title: "Error", Width: 7, Right: true, Drop: 4},
			{Title: mon(m0) + " fcst", Width: 9, Max: 12, Right: true},
			{Title: "so far", Width: 9, Max: 12, Right: true, Drop: 5},
			{Title: mon(m0.AddMonths(1)) + " fcst", Width: 9, Max: 12, Right: true},
			{Title: mon(m0.AddMonths(2)) + " fcst", Width: 9, Max: 12, Right: true},
			{Title: "Method", Width: 8, Drop: 6},
		}}
	fcCell := func(r domain.VolumeMonth) Cell {
		if r.Method == "" {
			return Cell{Text: "-", Tone: Muted}
		}
		return quantityCell(r.Forecast, Plain)
	}
	back := fc.Months[0]
	errCell := Cell{Text: "", Tone: Muted}
	if back.HasError {
		tone := Plain
		if back.ErrorPct.Abs().GreaterThan(decimal.NewFromInt(20)) {
			tone = Warn
		}
		errCell = Cell{Text: back.ErrorPct.StringFixed(1) + "%", Tone: tone}
	}
	m := method
	if m == "" {
		m = "none"
	}
	sec.Rows = [][]Cell{{
		{Text: common.Clean(fc.Product)}, fcCell(back), quantityCell(back.Actual, Plain), errCell,
		fcCell(now), quantityCell(now.Actual, Muted), fcCell(fc.Months[2]), fcCell(fc.Months[3]), {Text: m},
	}}
	return sec
}

// quantityText is a quantity grouped, with its own places.
func quantityText(q decimal.Decimal) string { return domain.Grouped(q.String()) }

func quantityCell(q decimal.Decimal, t Tone) Cell {
	return Cell{Text: quantityText(q), Alt: domain.Short(q), Tone: t}
}

// amountsSection is the invoiced amount by product for the six months
// ending asOf.
func amountsSection(f *domain.AccountFile, asOf domain.Date) Section {
	first := asOf.MonthStart().AddMonths(1 - amountMonths)
	cols := []common.Column{{Title: "Product", Width: 10, Min: 6, Max: 16}}
	for i := 0; i < amountMonths; i++ {
		cols = append(cols, common.Column{Title: first.AddMonths(i).Format("Jan 06"), Width: 9, Min: 7, Max: 14, Right: true, Drop: max(3-i, 0)})
	}
	sec := Section{Title: "Invoiced amount by product, last six months", Cols: cols, Empty: "Nothing invoiced in the last six months."}
	for _, v := range domain.VolumeByMonth(f.Invoices, asOf, amountMonths) {
		row := []Cell{{Text: common.Clean(v.Product)}}
		if v.Product == "" {
			row[0] = Cell{Text: "(none)", Tone: Muted}
		}
		for _, m := range v.Months {
			if m.IsZero() {
				row = append(row, Cell{Text: "-", Tone: Muted})
			} else {
				row = append(row, Cell{Text: common.ShortMoney(m, f.Account.Currency)})
			}
		}
		sec.Rows = append(sec.Rows, row)
	}
	return sec
}
