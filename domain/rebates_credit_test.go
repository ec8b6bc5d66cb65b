package domain

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// What applying works out counts every rebate note of the contract and
// period, whatever its date; the report as of a day counts the notes dated
// on or before it. Quarterly scheme 0=0%, 10000=1%, as of 17 Nov 2026.
func TestRebatesToCredit(t *testing.T) {
	asOf := MustDate("2026-11-17")
	k := Contract{Account: "A", ID: "K1", Start: MustDate("2026-01-01"), End: MustDate("2026-12-31"),
		Rebate: scheme(t, "quantity/quarter:0=0%,10000=1%")}
	note := func(number, on, amount string) CreditNote {
		return CreditNote{Number: number, Date: MustDate(on), Amount: decimal.RequireFromString(amount), Reason: "rebate"}
	}
	x := rebateFacts(t, "NGN", []Contract{k}, []Invoice{
		invoice("2026-07-15", "12000", "6000000"), // Q3: 1% of 6,000,000 = 60,000.00
		invoice("2026-10-05", "10000", "5000000"), // Q4: 1% of 5,000,000 = 50,000.00
		invoice("2026-11-18", "10000", "5000000"), // after the as-of date: not counted
	}, []CreditNote{
		note("RB-K1-2026-Q3", "2026-11-20", "60000"),   // given on the 20th, after the as-of date
		note("RB-K1-2026-Q4-3", "2026-11-10", "20000"), // a suffixed number (-2 was another account's): K1's
		note("RB-K1-2026-Q4-x", "2026-11-10", "1"),     // no sequence: not K1's
	})
	p, err := ParsePeriod("2026-Q3", asOf)
	if err != nil {
		t.Fatal(err)
	}
	q4, _ := ParsePeriod("2026-Q4", asOf)
	line := func(ls []RebateLine) string {
		var out []string
		for _, l := range ls {
			out = append(out, fmt.Sprintf("%s %s credited %s due %s", l.Contract, l.Period, l.Credited, l.Due.StringFixed(2)))
		}
		return strings.Join(out, "; ")
	}
	for _, c := range []struct {
		name, got, want string
	}{
		// The report as of the 17th: Q3's note of the 20th is not yet given: 60,000.00 due.
		{"report Q3", line(ContractRebates(x, k, p, asOf)), "K1 2026-Q3 credited 0 due 60000.00"},
		// Applying as of the 17th: that note has given it: nothing due (it was credited twice).
		{"to credit Q3", line(ContractRebatesToCredit(x, k, p, asOf)), "K1 2026-Q3 credited 60000 due 0.00"},
		// Q4: 50,000.00 less RB-K1-2026-Q4-3's 20,000 = 30,000.00, both ways (dated the 10th).
		{"report Q4", line(ContractRebates(x, k, q4, asOf)), "K1 2026-Q4 credited 20000 due 30000.00"},
		{"to credit Q4", line(AccountRebatesToCredit(x, q4, asOf)), "K1 2026-Q4 credited 20000 due 30000.00"},
	} {
		if c.got != c.want {
			t.Errorf("%s: %s, want %s", c.name, c.got, c.want)
		}
	}
	year, _ := ParsePeriod("2026", asOf)
	if got, want := len(AccountRebatesToCredit(x, year, asOf)), len(AccountRebates(x, year, asOf)); got != want || got != 4 {
		t.Errorf("%d lines to credit, %d in the report", got, want)
	}
}
