package domain

import "github.com/shopspring/decimal"

// Volume forecast (SPEC §10.6). An account-product's monthly quantity is
// what was invoiced of the product in the month, by issue date, counting
// the invoices issued on or before the as-of date (so the as-of month holds
// what is invoiced so far; Ledger.Lines, since Ledger.Volume also counts
// invoices dated after the as-of date).
//
// Its history starts in its first invoiced month: the month of its first
// invoice issued on or before the as-of date. "Months of history before a
// month B" are the months from that first month to the month before B, each
// complete (B is at most the as-of month) and each counted whether or not
// anything was invoiced in it (a month of nothing is a month of 0).
//
// The forecast of a month m, made from the month B (m ≥ B):
//   - seasonal: with at least 12 months of history before B, the actual of
//     m − 12 (always a complete month of history: m − 12 < B);
//   - average: otherwise, the mean of the (up to) 3 months of history
//     just before B — the same for every month forecast from B; with no
//     month of history before B, no forecast;
//
// rounded half away from zero to whole units. The forecast months are the
// as-of month and the two after it, made from the as-of month (the complete
// months before it); the last complete month is also forecast, from itself
// (the months before it), so that its actual shows the error:
// error_pct = (forecast − actual) ÷ actual × 100, one decimal, none when the
// actual is 0.

// Volume forecast methods.
const (
	ForecastSeasonal = "seasonal"
	ForecastAverage  = "average"
)

// The forecast's parameters.
const (
	SeasonalMonths = 12 // months of history a seasonal forecast needs
	AverageMonths  = 3  // months an average forecast takes the mean of
	ForecastAhead  = 3  // months forecast: the as-of month and the two after
)

// ProductHistory is an account-product's quantity per month from its first
// invoiced month to the as-of month (that last one: invoiced so far).
type ProductHistory struct {
	Product string
	First   Date              // the first day of the first invoiced month
	Last    Date              // the first day of the last invoiced month
	Months  []decimal.Decimal // First, First + 1 month, …, the as-of month
}

// At is the quantity of the month starting m; zero outside the history.
func (h ProductHistory) At(m Date) decimal.Decimal {
	if k := monthsBetween(h.First, m); k >= 0 && k < len(h.Months) {
		return h.Months[k]
	}
	return decimal.Zero
}

// Before is the number of months of history before the month starting b:
// from First to the month before b (0 when b is First or earlier).
func (h ProductHistory) Before(b Date) int { return max(monthsBetween(h.First, b), 0) }

// Forecast is the forecast of the month starting m made from the month
// starting b (m ≥ b): its quantity and method, or method "" for none.
func (h ProductHistory) Forecast(b, m Date) (decimal.Decimal, string) {
	n := h.Before(b)
	switch {
	case n >= SeasonalMonths:
		return h.At(m.AddMonths(-12)).Round(0), ForecastSeasonal
	case n == 0:
		return decimal.Zero, ""
	}
	k := min(n, AverageMonths)
	var s Sum
	for i := 1; i <= k; i++ {
		s.Add(h.At(b.AddMonths(-i)))
	}
	return s.Decimal().Div(decimal.NewFromInt(int64(k))).Round(0), ForecastAverage
}

// VolumeMonth is one row of an account-product's forecast.
type VolumeMonth struct {
	Month Date // its first day
	// Actual is what was invoiced in the month (so far, for the as-of
	// month); HasActual is false for a month that has not begun.
	Actual    decimal.Decimal
	HasActual bool
	Forecast  decimal.Decimal
	Method    string // ForecastSeasonal, ForecastAverage, or "" for no forecast
	// ErrorPct is (Forecast − Actual) ÷ Actual × 100 to one decimal, for
	// the last complete month when it has a forecast and its actual is not 0.
	ErrorPct decimal.Decimal
	HasError bool
}

// VolumeForecast is an account-product's history and its forecast rows:
// the last complete month, then the as-of month and the two after it.
type VolumeForecast struct {
	Product string
	History ProductHistory
	Months  [1 + ForecastAhead]VolumeMonth
}

// VolumeHistory is the history of each product invoiced to the account on
// or before asOf, by product name. Invoices without a product are left out:
// there is no product to forecast.
func VolumeHistory(l *Ledger, asOf Date) []ProductHistory {
	end := asOf.MonthStart()
	first := make([]Date, len(l.Products))
	last := make([]Date, len(l.Products))
	for i, x := range l.Invoices {
		if x.Issued > asOf || i >= len(l.Lines) {
			continue
		}
		p := l.Lines[i].Product
		m := x.Issued.MonthStart()
		if first[p] == 0 || m < first[p] {
			first[p] = m
		}
		last[p] = max(last[p], m)
	}
	sums := make([][]Sum, len(l.Products))
	for p, f := range first {
		if f != 0 && l.Products[p] != "" {
			sums[p] = make([]Sum, monthsBetween(f, end)+1)
		}
	}
	for i, x := range l.Invoices {
		if x.Issued > asOf || i >= len(l.Lines) {
			continue
		}
		ln := l.Lines[i]
		if s := sums[ln.Product]; s != nil && ln.Quantity != 0 {
			s[monthsBetween(first[ln.Product], x.Issued.MonthStart())].AddInt(ln.Quantity, l.QtyExp)
		}
	}
	var out []ProductHistory
	for p, s := range sums { // Products is sorted
		if s == nil {
			continue
		}
		h := ProductHistory{Product: l.Products[p], First: first[p], Last: last[p], Months: make([]decimal.Decimal, len(s))}
		for k := range s {
			h.Months[k] = s[k].Decimal()
		}
		out = append(out, h)
	}
	return out
}

// VolumeForecasts is the forecast of each product of the account invoiced
// in the months the forecast reads — from 13 months before the as-of month
// (the last complete month's m − 12) to the as-of date — by product name.
func VolumeForecasts(l *Ledger, asOf Date) []VolumeForecast {
	m0 := asOf.MonthStart()
	from := m0.AddMonths(-SeasonalMonths - 1)
	var out []VolumeForecast
	for _, h := range VolumeHistory(l, asOf) {
		if h.Last < from {
			continue
		}
		out = append(out, VolumeForecastOf(h, asOf))
	}
	return out
}

// VolumeForecastOf is one account-product's forecast rows as of asOf.
func VolumeForecastOf(h ProductHistory, asOf Date) VolumeForecast {
	m0 := asOf.MonthStart()
	last := m0.AddMonths(-1)
	f := VolumeForecast{Product: h.Product, History: h}
	row := VolumeMonth{Month: last, Actual: h.At(last), HasActual: true}
	row.Forecast, row.Method = h.Forecast(last, last)
	if row.Method != "" && !row.Actual.IsZero() {
		row.ErrorPct = row.Forecast.Sub(row.Actual).Mul(hundred).Div(row.Actual).Round(1)
		row.HasError = true
	}
	f.Months[0] = row
	for i := 0; i < ForecastAhead; i++ {
		m := m0.AddMonths(i)
		r := VolumeMonth{Month: m}
		if i == 0 {
			r.Actual, r.HasActual = h.At(m), true // begun: invoiced so far
		}
		r.Forecast, r.Method = h.Forecast(m0, m)
		f.Months[1+i] = r
	}
	return f
}

// monthsBetween is the number of months from the month of a to the month
// of b (negative when b's is earlier).
func monthsBetween(a, b Date) int {
	ay, am, _ := a.Parts()
	by, bm, _ := b.Parts()
	return (by-ay)*12 + int(bm-am)
}
