package domain

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestNPS(t *testing.T) {
	cases := []struct {
		name   string
		scores []int
		want   string // "" for none
	}{
		{"none", nil, ""},
		// 2 promoters (10, 9), 2 passives (8, 7), 2 detractors (6, 0): (2 − 2) ÷ 6 × 100 = 0.
		{"balanced", []int{10, 9, 8, 7, 6, 0}, "0"},
		// 3 promoters, 1 detractor of 4: 75 % − 25 % = 50.
		{"mostly promoters", []int{10, 10, 9, 3}, "50"},
		// 1 promoter, 2 detractors of 3: (1 − 2) × 100 ÷ 3 = −33.33… → −33.3.
		{"thirds", []int{9, 6, 6}, "-33.3"},
		// 2 promoters, 1 detractor of 3: 100 ÷ 3 = 33.33… → 33.3.
		{"thirds up", []int{9, 10, 2}, "33.3"},
		// 1 promoter of 16 (the rest passives): 100 ÷ 16 = 6.25 → 6.3, half away from zero.
		{"half up", []int{9, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7}, "6.3"},
		// 1 detractor of 16: −6.25 → −6.3, half away from zero.
		{"half down", []int{6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7}, "-6.3"},
		// The edges: 9 promotes, 8 and 7 are passive, 6 detracts: (1 − 1) ÷ 4 = 0.
		{"edges", []int{9, 8, 7, 6}, "0"},
		{"all detractors", []int{0, 1, 2}, "-100"},
	}
	for _, c := range cases {
		got, ok := NPS(c.scores)
		switch {
		case c.want == "" && ok:
			t.Errorf("%s: NPS %s, want none", c.name, got)
		case c.want != "" && (!ok || !got.Equal(decimal.RequireFromString(c.want))):
			t.Errorf("%s: NPS %s (%v), want %s", c.name, got, ok, c.want)
		}
	}
}

func TestLatestSurvey(t *testing.T) {
	d := MustDate
	ss := []Survey{
		{ID: 1, Kind: SurveyNPS, On: d("2026-03-01"), Score: 7},
		{ID: 2, Kind: SurveyCSAT, On: d("2026-03-01"), Score: 4},
		{ID: 5, Kind: SurveyNPS, On: d("2026-09-01"), Score: 9},
		{ID: 4, Kind: SurveyNPS, On: d("2026-06-01"), Score: 6},
		{ID: 6, Kind: SurveyCSAT, On: d("2026-09-01"), Score: 4},
		{ID: 7, Kind: SurveyNPS, On: d("2026-12-01"), Score: 2}, // after the date: not yet
	}
	cases := []struct {
		asOf       string
		nps, csat  string
		both       string
		npsTrend   string
		latestDate string
	}{
		// 9 on 1 Sep against 6 on 1 Jun: up; CSAT 4 against 4: the same.
		{"2026-11-22", "NPS 9 ↑", "CSAT 4 =", "NPS 9 ↑ · CSAT 4 =", TrendUp, "2026-09-01"},
		// 6 on 1 Jun against 7 on 1 Mar: down; one CSAT: no trend.
		{"2026-07-01", "NPS 6 ↓", "CSAT 4", "NPS 6 ↓ · CSAT 4", TrendDown, "2026-06-01"},
		// 2 on 1 Dec against 9: down.
		{"2026-12-01", "NPS 2 ↓", "CSAT 4 =", "NPS 2 ↓ · CSAT 4 =", TrendDown, "2026-12-01"},
		// Before any: nothing.
		{"2026-01-01", "", "", "", "", ""},
	}
	for _, c := range cases {
		got := LatestSurveys(ss, d(c.asOf))
		if got.NPS.String() != c.nps || got.CSAT.String() != c.csat || got.String() != c.both || got.NPS.Trend() != c.npsTrend {
			t.Errorf("as of %s: %q %q %q trend %q", c.asOf, got.NPS, got.CSAT, got.String(), got.NPS.Trend())
		}
		if c.latestDate != "" && got.NPS.Latest.On != d(c.latestDate) {
			t.Errorf("as of %s: latest NPS of %s", c.asOf, got.NPS.Latest.On)
		}
	}
	// Two scores on one day: the later entered (higher id) is the latest.
	same := []Survey{{ID: 9, Kind: SurveyNPS, On: d("2026-05-01"), Score: 3}, {ID: 8, Kind: SurveyNPS, On: d("2026-05-01"), Score: 10}}
	if got := LatestSurvey(same, SurveyNPS, d("2026-05-01")); got.Latest.Score != 3 || got.Trend() != TrendDown {
		t.Errorf("same day: %+v", got)
	}
}

func TestMarginProxy(t *testing.T) {
	d := MustDate
	asOf := d("2026-11-22")
	inv := func(n, issued, amount, product string) Invoice {
		return Invoice{Account: "A", Number: n, Issued: d(issued), Amount: decimal.RequireFromString(amount), Currency: "NGN", Product: product}
	}
	l, _, err := LedgerOf([]Invoice{
		inv("1", "2025-11-23", "1000000", "AGO"), // the first day of the 12 months (asOf − 364)
		inv("2", "2025-11-22", "5000000", "AGO"), // the day before: out
		inv("3", "2026-06-01", "333333.33", "PMS"),
		inv("4", "2026-11-22", "200000", "Rescue"), // no rate: left out
		inv("5", "2026-11-23", "900000", "AGO"),    // after the date: out
	}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	rates := map[string]decimal.Decimal{"AGO": decimal.RequireFromString("4.5"), "PMS": decimal.RequireFromString("3.25")}
	// 1,000,000 × 4.5 % = 45,000; 333,333.33 × 3.25 % = 10,833.3332…;
	// 55,833.333225 → 55,833.33.
	got, ok := MarginProxy(&l, rates, "NGN", asOf)
	if !ok || got.String() != "55833.33" {
		t.Fatalf("margin proxy %s %v, want 55833.33", got, ok)
	}
	// Only the product without a rate in the window: none.
	if got, ok := MarginProxy(&l, map[string]decimal.Decimal{"Fleet": decimal.NewFromInt(5)}, "NGN", asOf); ok {
		t.Fatalf("no rate applies, yet %s", got)
	}
	// A rate of 0 applies: zero, not none.
	if got, ok := MarginProxy(&l, map[string]decimal.Decimal{"Rescue": decimal.Zero}, "NGN", asOf); !ok || !got.IsZero() {
		t.Fatalf("a zero rate: %s %v", got, ok)
	}
	// XOF has no decimals: 1,000,000 × 4.5 % = 45,000 and 333,333.33 × 3.25 % as before: 55,833.
	if got, _ := MarginProxy(&l, rates, "XOF", asOf); got.String() != "55833" {
		t.Fatalf("in XOF %s", got)
	}
	// The revenue of the same window, for comparison: 1,000,000 + 333,333.33 + 200,000.
	if r := l.Revenue12m(asOf); r.String() != "1533333.33" {
		t.Fatalf("revenue 12m %s", r)
	}
}
