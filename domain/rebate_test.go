package domain

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func tier(from, pct, unit string) VolumeTier {
	t := VolumeTier{From: decimal.RequireFromString(from)}
	if pct != "" {
		t.Percent = decimal.RequireFromString(pct)
	}
	if unit != "" {
		t.PerUnit = decimal.RequireFromString(unit)
	}
	return t
}

// sameScheme compares by value: 1.50 and 1.5 are the same rate.
func sameScheme(a, b RebateScheme) bool {
	if a.Basis != b.Basis || a.Period != b.Period || len(a.Tiers) != len(b.Tiers) {
		return false
	}
	for i := range a.Tiers {
		x, y := a.Tiers[i], b.Tiers[i]
		if !x.From.Equal(y.From) || !x.Percent.Equal(y.Percent) || !x.PerUnit.Equal(y.PerUnit) {
			return false
		}
	}
	return true
}

// TestParseRebate: the three examples of SPEC §10.4 and the forms people
// type (case, spaces), each read tier by tier.
func TestParseRebate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want RebateScheme
	}{
		{"quantity/quarter:0=0%,10000=1%,50000=2.5%", RebateScheme{"quantity", "quarter",
			[]VolumeTier{tier("0", "0", ""), tier("10000", "1", ""), tier("50000", "2.5", "")}}},
		{"amount/month:0=0%,5000000=0.5%", RebateScheme{"amount", "month",
			[]VolumeTier{tier("0", "0", ""), tier("5000000", "0.5", "")}}},
		{"quantity/month:20000=1.50/unit", RebateScheme{"quantity", "month", []VolumeTier{tier("20000", "", "1.50")}}},
		// per unit on an amount basis: from 5,000,000 invoiced in the month, 0.75 a unit
		{"amount/quarter:5000000=0.75/unit", RebateScheme{"amount", "quarter", []VolumeTier{tier("5000000", "", "0.75")}}},
		{" Quantity / Quarter : 0 = 0 % , 10000.5 = 1.25 /UNIT ", RebateScheme{"quantity", "quarter",
			[]VolumeTier{tier("0", "0", ""), tier("10000.5", "", "1.25")}}},
		{"quantity/month:100=100%", RebateScheme{"quantity", "month", []VolumeTier{tier("100", "100", "")}}},
		{"", RebateScheme{}},
	} {
		got, err := ParseRebate(c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if !sameScheme(got, c.want) {
			t.Errorf("%q: got %+v, want %+v", c.in, got, c.want)
		}
	}
}

// TestParseRebateRefuses: each bad cell gets a reason and the full form
// to write instead.
func TestParseRebateRefuses(t *testing.T) {
	for _, c := range []struct{ in, reason string }{
		{"0=0%,10000=1%,50000=2.5%", `"0=0%,10000=1%,50000=2.5%" has no BASIS/PERIOD: before its tiers`}, // the bare list
		{"quantity:0=0%", `the head "quantity" is not BASIS/PERIOD`},
		{"litres/quarter:0=0%", `the basis "litres" is not quantity or amount`},
		{"quantity/quartr:0=0%", `the period "quartr" is not month or quarter (quarter?)`},
		{"quantity/year:0=0%", `the period "year" is not month or quarter;`},
		{"amount/month:", "has no tiers after the colon"},
		{"amount/month:0=0%,", `the tier "" is not THRESHOLD=RATE`},
		{"amount/month:0", `the tier "0" is not THRESHOLD=RATE`},
		{"amount/month:1,000=1%", `the tier "1" is not THRESHOLD=RATE`}, // grouping splits the tier
		{"amount/month:-5=1%", `the threshold "-5" is not a number`},
		{"amount/month:1e3=1%", `the threshold "1e3" is not a number`},
		{"amount/month:x=1%", `the threshold "x" is not a number`},
		{"amount/month:0=1", `the rate "1" needs % (of the invoiced amount) or /unit`},
		{"amount/month:0=-1%", `the rate "-1%" is not a percentage`},
		{"amount/month:0=abc/unit", `the rate "abc/unit" is not an amount per unit`},
		{"amount/month:0=100.01%", "tier 1 (0=100.01%): the rate is more than 100%"},
		{"quantity/quarter:10000=1%,5000=2%", "tier 2 (5000=2%): thresholds must rise from tier to tier (the one before is 10000)"},
		{"quantity/quarter:0=0%,0=1%", "tier 2 (0=1%): thresholds must rise"},
		{"quantity/quarter:2000000000000000=1%", "tier 1 (2000000000000000=1%): the threshold is more than 10^15"},
	} {
		_, err := ParseRebate(c.in)
		if err == nil {
			t.Errorf("%q: accepted", c.in)
			continue
		}
		if !strings.Contains(err.Error(), c.reason) {
			t.Errorf("%q: %v\n  want the reason %q", c.in, err, c.reason)
		}
		if !strings.Contains(err.Error(), "quantity/quarter:0=0%,10000=1%,50000=2.5%") || !strings.Contains(err.Error(), "BASIS/PERIOD:THRESHOLD=RATE") {
			t.Errorf("%q: %v\n  does not show the form to write", c.in, err)
		}
	}
}

// TestFormatRebate: the written form keeps the places of each number and
// reads back as the same scheme.
func TestFormatRebate(t *testing.T) {
	for _, s := range []string{
		"quantity/quarter:0=0%,10000=1%,50000=2.5%",
		"amount/month:0=0%,5000000=0.5%",
		"quantity/month:20000=1.50/unit",
		"amount/quarter:0=0.50%,1000.25=0.0125/unit",
		"",
	} {
		sc, err := ParseRebate(s)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if got := FormatRebate(sc); got != s {
			t.Errorf("FormatRebate(ParseRebate(%q)) = %q", s, got)
		}
	}
	// From a scheme built in code (as the demo does), not from text: 0.50 %
	// (decimal.New(50, -2)) and 10000 (decimal.New(1, 4)) are written as
	// they read, and read back as the same values.
	sc := RebateScheme{Basis: "quantity", Period: "quarter", Tiers: []VolumeTier{
		{From: decimal.New(1, 4), Percent: decimal.New(50, -2)},
		{From: decimal.New(25, 3), PerUnit: decimal.New(700, -2)},
	}}
	text := FormatRebate(sc)
	if text != "quantity/quarter:10000=0.50%,25000=7.00/unit" {
		t.Errorf("written %q", text)
	}
	back, err := ParseRebate(text)
	if err != nil || !sameScheme(back, sc) {
		t.Errorf("%q read back as %+v, %v", text, back, err)
	}
}

// TestRebateSchemeValidate: what a contract built in code (not parsed) is
// held to.
func TestRebateSchemeValidate(t *testing.T) {
	ok := []VolumeTier{tier("0", "0", ""), tier("10000", "1", "")}
	for _, c := range []struct {
		s      RebateScheme
		reason string // "" for valid
	}{
		{RebateScheme{}, ""},
		{RebateScheme{"quantity", "quarter", ok}, ""},
		{RebateScheme{"amount", "month", []VolumeTier{tier("5000000", "", "1.5")}}, ""},
		{RebateScheme{"", "", ok}, `basis "" is not quantity or amount`},        // tiers without a basis
		{RebateScheme{"quantity", "", ok}, `period "" is not month or quarter`}, // … or a period
		{RebateScheme{"quantity", "week", ok}, `period "week" is not month or quarter`},
		{RebateScheme{"quantity", "month", nil}, "quantity/month has no tiers"},
		{RebateScheme{"quantity", "month", []VolumeTier{tier("0", "1", "2")}}, "tier 1 (0=1%+2/unit): a rate is a percentage or an amount per unit, not both"},
		{RebateScheme{"quantity", "month", []VolumeTier{tier("-1", "1", "")}}, "tier 1 (-1=1%): the threshold is negative"},
		{RebateScheme{"quantity", "month", []VolumeTier{tier("0", "", "-2")}}, "the rate is negative"},
		{RebateScheme{"quantity", "month", []VolumeTier{tier("5", "1", ""), tier("5", "2", "")}}, "tier 2 (5=2%): thresholds must rise"},
	} {
		err := c.s.Validate()
		switch {
		case c.reason == "" && err != nil:
			t.Errorf("%+v: %v", c.s, err)
		case c.reason != "" && (err == nil || !strings.Contains(err.Error(), c.reason)):
			t.Errorf("%+v: %v, want %q", c.s, err, c.reason)
		}
	}
	// The contract names the field.
	k := Contract{Account: "A", ID: "C1", Start: MustDate("2026-01-01"), End: MustDate("2026-12-31"),
		Rebate: RebateScheme{"quantity", "month", []VolumeTier{tier("10", "1", ""), tier("5", "2", "")}}}
	if err := k.Validate(); err == nil || !strings.HasPrefix(err.Error(), "rebate: tier 2 (5=2%)") {
		t.Errorf("contract: %v", err)
	}
}

// TestAccountStatusSince: a status date is a business date like the others.
func TestAccountStatusSince(t *testing.T) {
	a := Account{Code: "A", Name: "A Ltd", Tier: 1, Status: StatusChurned, Terms: "term", TermsDays: 30, Currency: "NGN",
		StatusSince: MustDate("2026-03-31")}
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	a.StatusSince = NewDate(1899, 12, 31)
	if err := a.Validate(); err == nil || !strings.Contains(err.Error(), "status_since: 1899-12-31 is outside 1900–9999") {
		t.Errorf("1899: %v", err)
	}
}
