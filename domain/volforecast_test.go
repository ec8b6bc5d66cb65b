package domain

import (
	"fmt"
	"strings"
	"testing"
)

// rowsText is a forecast's rows as "month actual forecast method error",
// "-" for what is empty.
func rowsText(f VolumeForecast) string {
	var out []string
	for _, m := range f.Months {
		actual, fc, method, e := "-", "-", "-", "-"
		if m.HasActual {
			actual = m.Actual.String()
		}
		if m.Method != "" {
			fc, method = m.Forecast.String(), m.Method
		}
		if m.HasError {
			e = m.ErrorPct.StringFixed(1)
		}
		out = append(out, fmt.Sprintf("%s %s %s %s %s", MonthName(m.Month), actual, fc, method, e))
	}
	return strings.Join(out, "\n")
}

func TestVolumeForecastSeasonal(t *testing.T) {
	// AGO from Jan 2025, as of Sun 15 Mar 2026: the as-of month is March
	// 2026, the last complete month February 2026.
	var lines []string
	qty := map[string]string{"2025-01": "1000", "2025-02": "1200", "2025-03": "900", "2025-04": "1100", "2025-05": "1300",
		"2026-01": "1000", "2026-02": "1500"}
	for m := MustDate("2025-01-01"); m < MustDate("2026-03-01"); m = m.AddMonths(1) {
		q, ok := qty[MonthName(m)]
		if !ok {
			q = "1000"
		}
		lines = append(lines, m.AddDays(9).String()+" AGO "+q)
	}
	lines = append(lines,
		"2026-03-02 AGO 250", "2026-03-15 AGO 150", // March so far: 250 + 150 = 400
		"2026-03-16 AGO 999", // after the as-of date: not counted
		"2026-02-20 AGO 0",   // a line of no quantity adds nothing
	)
	got := VolumeForecasts(ledgerOfLines(t, lines...), MustDate("2026-03-15"))
	if len(got) != 1 || got[0].Product != "AGO" {
		t.Fatalf("forecasts %+v", got)
	}
	// February 2026 from the months before it: Jan 2025 … Jan 2026 = 13 ≥ 12 →
	// seasonal, the actual of Feb 2025 = 1200; error (1200 − 1500) ÷ 1500 × 100 = −20.0.
	// March, April, May 2026 from the months before March: Jan 2025 … Feb 2026 = 14 →
	// seasonal: Mar 2025 900, Apr 2025 1100, May 2025 1300. March's actual so far: 400;
	// April and May have not begun.
	want := `2026-02 1500 1200 seasonal -20.0
2026-03 400 900 seasonal -
2026-04 - 1100 seasonal -
2026-05 - 1300 seasonal -`
	if s := rowsText(got[0]); s != want {
		t.Fatalf("got\n%s\nwant\n%s", s, want)
	}
	h := got[0].History
	if h.First != MustDate("2025-01-01") || len(h.Months) != 15 || h.Before(MustDate("2026-03-01")) != 14 {
		t.Fatalf("history from %s, %d months, %d before March", h.First, len(h.Months), h.Before(MustDate("2026-03-01")))
	}
}

func TestVolumeForecastTwelveMonthsExactly(t *testing.T) {
	// From Feb 2025, as of 10 Feb 2026. The forecast months are made from
	// Feb 2025 … Jan 2026: 12 months, seasonal (Feb 2026 ← Feb 2025 = 50,
	// Mar ← 60, Apr ← 70). January 2026 is forecast from Feb … Dec 2025: 11
	// months, so average of Oct, Nov, Dec 2025: (80 + 90 + 100) ÷ 3 = 90;
	// its actual 120: (90 − 120) ÷ 120 × 100 = −25.0.
	q := []string{"50", "60", "70", "10", "10", "10", "10", "10", "80", "90", "100", "120"} // Feb 2025 … Jan 2026
	var lines []string
	for i, m := 0, MustDate("2025-02-01"); i < len(q); i, m = i+1, m.AddMonths(1) {
		lines = append(lines, m.AddDays(4).String()+" PMS "+q[i])
	}
	got := VolumeForecasts(ledgerOfLines(t, lines...), MustDate("2026-02-10"))
	want := `2026-01 120 90 average -25.0
2026-02 0 50 seasonal -
2026-03 - 60 seasonal -
2026-04 - 70 seasonal -`
	if len(got) != 1 || rowsText(got[0]) != want {
		t.Fatalf("got %+v\nwant\n%s", got, want)
	}
}

func TestVolumeForecastShort(t *testing.T) {
	cases := []struct {
		name, asOf string
		lines      []string
		want       string
	}{{
		// Two months before March: average of Jan 100 and Feb 115 = 107.5 → 108
		// (half away from zero). February from January alone: 100; error
		// (100 − 115) ÷ 115 × 100 = −13.04… → −13.0.
		"two months", "2026-03-10", []string{"2026-01-05 Fleet 60", "2026-01-25 Fleet 40", "2026-02-05 Fleet 115"},
		`2026-02 115 100 average -13.0
2026-03 0 108 average -
2026-04 - 108 average -
2026-05 - 108 average -`,
	}, {
		// Three months or more, fewer than 12: the mean of the last three.
		// April from Jan, Feb, Mar: (10 + 10 + 11) ÷ 3 = 10.33… → 10;
		// March from Jan, Feb: (10 + 10) ÷ 2 = 10, actual 11: (10 − 11) ÷ 11 × 100 = −9.09… → −9.1.
		"three months", "2026-04-30", []string{"2026-01-31 AGO 10", "2026-02-01 AGO 10", "2026-03-31 AGO 11", "2026-04-30 AGO 7.5"},
		`2026-03 11 10 average -9.1
2026-04 7.5 10 average -
2026-05 - 10 average -
2026-06 - 10 average -`,
	}, {
		// A month with nothing invoiced is a month of 0: December's actual is
		// 0, so no error (its forecast from Oct, Nov: (500 + 700) ÷ 2 = 600).
		// January from Oct, Nov, Dec: (500 + 700 + 0) ÷ 3 = 400.
		"a month of nothing", "2026-01-05", []string{"2025-10-01 PMS 500", "2025-11-30 PMS 700"},
		`2025-12 0 600 average -
2026-01 0 400 average -
2026-02 - 400 average -
2026-03 - 400 average -`,
	}, {
		// First invoiced in the as-of month: nothing before it, no forecast;
		// the last complete month is before its history (0, no forecast).
		"new this month", "2026-06-20", []string{"2026-06-02 Rescue 3"},
		`2026-05 0 - - -
2026-06 3 - - -
2026-07 - - - -
2026-08 - - - -`,
	}, {
		// First invoiced in the last complete month: that month has no history
		// before it (no forecast); the forecast months average it alone: 41 ÷ 1 = 41.
		"new last month", "2026-06-20", []string{"2026-05-02 AGO 41"},
		`2026-05 41 - - -
2026-06 0 41 average -
2026-07 - 41 average -
2026-08 - 41 average -`,
	}}
	for _, c := range cases {
		got := VolumeForecasts(ledgerOfLines(t, c.lines...), MustDate(c.asOf))
		if len(got) != 1 {
			t.Errorf("%s: %d forecasts", c.name, len(got))
			continue
		}
		if s := rowsText(got[0]); s != c.want {
			t.Errorf("%s: got\n%s\nwant\n%s", c.name, s, c.want)
		}
	}
}

func TestVolumeForecastProducts(t *testing.T) {
	// As of 17 Nov 2026 the forecast reads Oct 2025 (13 months before
	// November, the last complete month's m − 12) to the as-of date. Lubricants
	// last invoiced in Sep 2025 is left out; Rescue of Oct 2025 is in (its
	// seasonal forecast of Nov 2026 ← Nov 2025 = 0 reads there); a product-less
	// invoice has no product to forecast; Fleet invoiced after the as-of date
	// does not exist yet.
	l := ledgerOfLines(t, "2025-09-30 Lubricants 5", "2025-10-01 Rescue", "2026-11-10 AGO 100", "2026-11-11 - 7", "2026-11-18 Fleet 1")
	var names []string
	for _, f := range VolumeForecasts(l, MustDate("2026-11-17")) {
		names = append(names, f.Product)
	}
	if got := strings.Join(names, " "); got != "AGO Rescue" {
		t.Fatalf("products %q, want AGO Rescue", got)
	}
	// Rescue from Oct 2025, of no quantity: 13 months before Nov 2026 →
	// seasonal, 0; October 2026 from 12 months before it → seasonal 0, actual 0, no error.
	f := VolumeForecasts(l, MustDate("2026-11-17"))[1]
	if want := "2026-10 0 0 seasonal -\n2026-11 0 0 seasonal -\n2026-12 - 0 seasonal -\n2027-01 - 0 seasonal -"; rowsText(f) != want {
		t.Fatalf("Rescue:\n%s\nwant\n%s", rowsText(f), want)
	}
}
