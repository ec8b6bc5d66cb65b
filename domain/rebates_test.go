package domain

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// rebateFacts are the facts of account A in currency c with the contracts,
// invoices and credit notes given.
func rebateFacts(t *testing.T, c Currency, ks []Contract, invs []Invoice, notes []CreditNote) *Facts {
	t.Helper()
	for i := range invs {
		invs[i].Account, invs[i].Currency, invs[i].Due = "A", c, invs[i].Issued.AddDays(30)
		if invs[i].Number == "" {
			invs[i].Number = "I" + strings.Repeat("0", 3) + string(rune('A'+i))
		}
	}
	for i := range notes {
		notes[i].Account, notes[i].Currency = "A", c
	}
	x, err := FactsOf(&AccountFile{Account: Account{Code: "A", Currency: c}, Contracts: ks, Invoices: invs, Credits: notes})
	if err != nil {
		t.Fatal(err)
	}
	return &x
}

func scheme(t *testing.T, s string) RebateScheme {
	t.Helper()
	sc, err := ParseRebate(s)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func invoice(issued, qty, amount string) Invoice {
	return Invoice{Issued: MustDate(issued), Quantity: decimal.RequireFromString(qty), Amount: decimal.RequireFromString(amount), Product: "AGO"}
}

// A quarterly quantity scheme over 2026 on a contract that starts in the
// middle of the first quarter, as of 17 Nov 2026.
func TestContractRebatesQuarterly(t *testing.T) {
	asOf := MustDate("2026-11-17")
	k := Contract{Account: "A", ID: "K1", Start: MustDate("2026-02-15"), End: MustDate("2027-02-14"),
		Rebate: scheme(t, "quantity/quarter:0=0%,10000=1%,50000=2.5%")}
	x := rebateFacts(t, "NGN", []Contract{k}, []Invoice{
		invoice("2026-02-14", "3000", "1500000"),     // the day before the contract: not counted
		invoice("2026-02-15", "4000", "2000000"),     // its first day: Q1
		invoice("2026-03-31", "6000", "3000000"),     // Q1's last day
		invoice("2026-04-01", "9999", "4999500"),     // Q2
		invoice("2026-07-15", "10001", "5000537.50"), // Q3
		invoice("2026-10-05", "50000", "25000000"),   // Q4, still running
		invoice("2026-11-18", "1000", "500000"),      // after the as-of date: not counted
	}, []CreditNote{
		{Number: "RB-K1-2026-Q1", Date: MustDate("2026-04-10"), Amount: decimal.RequireFromString("20000"), Reason: "rebate"},
		{Number: "RB-K1-2026-Q1-2", Date: MustDate("2026-05-01"), Amount: decimal.RequireFromString("5000"), Reason: "rebate"},
		{Number: "RB-K1-2026-Q1-x", Date: MustDate("2026-05-01"), Amount: decimal.RequireFromString("1"), Reason: "rebate"},      // no sequence: not K1's
		{Number: "RB-K1-2026-Q2", Date: MustDate("2026-07-01"), Amount: decimal.RequireFromString("100"), Reason: "discount"},    // not a rebate note
		{Number: "RB-K1-2026-Q3", Date: MustDate("2026-11-20"), Amount: decimal.RequireFromString("50005.38"), Reason: "rebate"}, // after the as-of date
	})
	p, err := ParsePeriod("2026", asOf)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		period, value, invoiced, tier, rate, rebate, credited, due, noteOn string
	}{
		// Q1: 4000 + 6000 = 10000 litres, at the 10000 threshold: 1% of 2,000,000 + 3,000,000 = 50,000.00;
		// credited 20,000 + 5,000 = 25,000; due 25,000.00. A note for it is dated the day it is
		// issued, the as-of date (never back in the quarter: the aging of a past day stays).
		{"2026-Q1", "10000", "5000000", "10000", "1%", "50000.00", "25000", "25000.00", "2026-11-17"},
		// Q2: 9999 litres, one below 10000: the 0 tier, 0%.
		{"2026-Q2", "9999", "4999500", "0", "0%", "0.00", "0", "0.00", "2026-11-17"},
		// Q3: 10001, one above: 1% of 5,000,537.50 = 50,005.375 → 50,005.38 (half away from zero).
		{"2026-Q3", "10001", "5000537.5", "10000", "1%", "50005.38", "0", "50005.38", "2026-11-17"},
		// Q4: 50000 at the 50000 threshold: 2.5% of 25,000,000 = 625,000.00.
		{"2026-Q4", "50000", "25000000", "50000", "2.5%", "625000.00", "0", "625000.00", "2026-11-17"},
	}
	got := ContractRebates(x, k, p, asOf)
	if len(got) != len(want) {
		t.Fatalf("%d lines, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Period != w.period || g.Value.String() != w.value || g.Invoiced.String() != w.invoiced || !g.HasTier ||
			g.Tier.ThresholdText() != w.tier || g.Tier.RateText() != w.rate || g.Rebate.StringFixed(2) != w.rebate ||
			g.Credited.String() != w.credited || g.Due.StringFixed(2) != w.due || g.NoteOn != MustDate(w.noteOn) ||
			g.Account != "A" || g.Contract != "K1" || g.Basis != RebateQuantity || g.Currency != "NGN" {
			t.Errorf("%s: %+v (value %s, invoiced %s, tier %s=%s, rebate %s, credited %s, due %s, note on %s), want %+v",
				w.period, g, g.Value, g.Invoiced, g.Tier.ThresholdText(), g.Tier.RateText(), g.Rebate, g.Credited, g.Due, g.NoteOn, w)
		}
	}
	// Only Q3 for 2026-Q3; a month of it gives the whole quarter.
	for _, name := range []string{"2026-Q3", "2026-08"} {
		p, _ := ParsePeriod(name, asOf)
		if got := ContractRebates(x, k, p, asOf); len(got) != 1 || got[0].Period != "2026-Q3" || got[0].Value.String() != "10001" {
			t.Errorf("period %s: %+v, want the whole of 2026-Q3", name, got)
		}
	}
}

// Either side of each threshold, for a percentage and a per-unit rate, on
// quantity and amount bases, monthly, in NGN (2 places) and XOF (0).
func TestRebateThresholds(t *testing.T) {
	asOf := MustDate("2026-11-17")
	cases := []struct {
		name, scheme string
		cur          Currency
		qty, amount  string // invoiced in June 2026, split over two invoices of half each
		tier, rate   string // "" for no tier
		rebate       string
	}{
		// 19,999 litres: below the only threshold (20,000): no tier, no rebate.
		{"per unit, below", "quantity/month:20000=1.50/unit", "XOF", "19999", "9999500", "", "", "0"},
		// 20,000 × 1.50 = 30,000.
		{"per unit, at", "quantity/month:20000=1.50/unit", "XOF", "20000", "10000000", "20000", "1.50/unit", "30000"},
		// 20,001 × 1.50 = 30,001.5 → 30,002 in XOF (no places, half away from zero) …
		{"per unit, above, XOF", "quantity/month:20000=1.50/unit", "XOF", "20001", "10000500", "20000", "1.50/unit", "30002"},
		// … and 30,001.50 in NGN.
		{"per unit, above, NGN", "quantity/month:20000=1.50/unit", "NGN", "20001", "10000500", "20000", "1.50/unit", "30001.50"},
		// 1,001 × 0.005 = 5.005 → 5.01.
		{"per unit, rounded", "quantity/month:0=0.005/unit", "NGN", "1001", "500500", "0", "0.005/unit", "5.01"},
		// 4,999,999.99: below 5,000,000: the 0 tier, 0% → 0.00.
		{"amount, below", "amount/month:0=0%,5000000=0.5%", "NGN", "100", "4999999.99", "0", "0%", "0.00"},
		// 0.5% × 5,000,000.00 = 25,000.00.
		{"amount, at", "amount/month:0=0%,5000000=0.5%", "NGN", "100", "5000000.00", "5000000", "0.5%", "25000.00"},
		// 0.5% × 5,000,000.02 = 25,000.0001 → 25,000.00.
		{"amount, above", "amount/month:0=0%,5000000=0.5%", "NGN", "100", "5000000.02", "5000000", "0.5%", "25000.00"},
		// An amount basis with a per-unit rate: 6,000,000 ≥ 5,000,000, so 3,000 litres × 2 = 6,000.00.
		{"amount basis, per unit", "amount/month:5000000=2/unit", "NGN", "3000", "6000000", "5000000", "2/unit", "6000.00"},
	}
	for _, c := range cases {
		k := Contract{Account: "A", ID: "K", Start: MustDate("2026-01-01"), End: MustDate("2026-12-31"), Rebate: scheme(t, c.scheme)}
		half := func(s string) string { return decimal.RequireFromString(s).Div(decimal.NewFromInt(2)).String() }
		x := rebateFacts(t, c.cur, []Contract{k}, []Invoice{
			invoice("2026-06-01", half(c.qty), half(c.amount)),
			invoice("2026-06-30", half(c.qty), half(c.amount)),
			invoice("2026-07-01", "99999", "99999999"), // July: another line
		}, nil)
		p, _ := ParsePeriod("2026-06", asOf)
		got := ContractRebates(x, k, p, asOf)
		if len(got) != 1 {
			t.Fatalf("%s: %d lines, want June's", c.name, len(got))
		}
		g := got[0]
		tier, rate := "", ""
		if g.HasTier {
			tier, rate = g.Tier.ThresholdText(), g.Tier.RateText()
		}
		if g.Period != "2026-06" || tier != c.tier || rate != c.rate || g.Rebate.String() != decimal.RequireFromString(c.rebate).String() ||
			g.Rebate.Exponent() < -c.cur.Places() || !g.Due.Equal(g.Rebate) {
			t.Errorf("%s: %s tier %q rate %q rebate %s due %s, want tier %q rate %q rebate %s",
				c.name, g.Period, tier, rate, g.Rebate, g.Due, c.tier, c.rate, c.rebate)
		}
		if want := decimal.RequireFromString(c.qty); !g.Quantity.Equal(want) {
			t.Errorf("%s: quantity %s, want %s", c.name, g.Quantity, want)
		}
	}
}

func TestSchemePeriods(t *testing.T) {
	asOf := MustDate("2026-11-17")
	names := func(ps []Period) string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Name+":"+p.From.String()+".."+p.To.String())
		}
		return strings.Join(out, " ")
	}
	k := func(start, end, period string) Contract {
		c := Contract{Account: "A", ID: "K", Start: MustDate(start), End: MustDate(end)}
		if period != "" {
			c.Rebate = RebateScheme{Basis: RebateQuantity, Period: period, Tiers: []VolumeTier{{Percent: decimal.NewFromInt(1)}}}
		}
		return c
	}
	cases := []struct {
		name   string
		k      Contract
		period string
		want   string
	}{
		// January is before the contract starts.
		{"months of a quarter", k("2026-02-15", "2027-02-14", RebateMonth), "2026-Q1",
			"2026-02:2026-02-01..2026-02-28 2026-03:2026-03-01..2026-03-31"},
		{"the quarter of a month", k("2026-02-15", "2027-02-14", RebateQuarter), "2026-08", "2026-Q3:2026-07-01..2026-09-30"},
		// 12m is 18 Nov 2025 … 17 Nov 2026: Q4 2025 is before the contract.
		{"12m", k("2026-02-15", "2027-02-14", RebateQuarter), "12m",
			"2026-Q1:2026-01-01..2026-03-31 2026-Q2:2026-04-01..2026-06-30 2026-Q3:2026-07-01..2026-09-30 2026-Q4:2026-10-01..2026-12-31"},
		// December starts after the as-of date.
		{"not yet started", k("2026-10-01", "2027-09-30", RebateMonth), "2026",
			"2026-10:2026-10-01..2026-10-31 2026-11:2026-11-01..2026-11-30"},
		// The contract ends on 10 Jan; P is February: Q1 overlaps both.
		{"overlapping both apart", k("2025-01-11", "2026-01-10", RebateQuarter), "2026-02", "2026-Q1:2026-01-01..2026-03-31"},
		{"a year apart", k("2024-01-01", "2024-12-31", RebateQuarter), "2026", ""},
		// A renewal starting on 9 Dec: its quarter has begun, the contract has not.
		{"not started", k("2026-12-09", "2028-12-08", RebateQuarter), "2026", ""},
		{"no scheme", k("2026-01-01", "2026-12-31", ""), "2026", ""},
	}
	for _, c := range cases {
		p, err := ParsePeriod(c.period, asOf)
		if err != nil {
			t.Fatal(err)
		}
		if got := names(SchemePeriods(c.k, p, asOf)); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func TestRebateNotes(t *testing.T) {
	for _, c := range []struct {
		number string
		want   bool
	}{
		{"RB-K1-2026-Q1", true}, {"RB-K1-2026-Q1-2", true}, {"RB-K1-2026-Q1-12", true},
		{"RB-K1-2026-Q1-", false}, {"RB-K1-2026-Q1-x", false}, {"RB-K1-2026-Q1-2026-Q2", false},
		{"RB-K1-2026-Q2", false}, {"rb-K1-2026-Q1", false}, {"RB-K1-2026-Q12", false},
	} {
		if got := IsRebateNoteFor(c.number, "K1", "2026-Q1"); got != c.want {
			t.Errorf("%s: %v, want %v", c.number, got, c.want)
		}
	}
	// K1-2026's notes are not K1's: RB-K1-2026-2026-Q1 ends in a period, not a sequence.
	if IsRebateNoteFor("RB-K1-2026-2026-Q1", "K1", "2026") {
		t.Error("contract K1-2026's note read as K1's")
	}

	d := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	lines := []RebateLine{
		{Account: "A", Contract: "K1", Period: "2026-Q1", Due: d("25000.00"), Currency: "NGN", NoteOn: MustDate("2026-03-31")},
		{Account: "A", Contract: "K1", Period: "2026-Q2", Due: d("0.00"), Currency: "NGN", NoteOn: MustDate("2026-06-30")},
		{Account: "A", Contract: "K1", Period: "2026-Q3", Due: d("-1.00"), Currency: "NGN", NoteOn: MustDate("2026-09-30")},
		{Account: "A", Contract: "K1", Period: "2026-Q4", Due: d("625000.00"), Currency: "NGN", NoteOn: MustDate("2026-11-17")},
	}
	taken := map[string]bool{"RB-K1-2026-Q1": true, "RB-K1-2026-Q1-2": true}
	got := RebateDrafts(lines, func(n string) bool { return taken[n] })
	// Q1: its number and -2 are taken: -3. Q2 (nothing due) and Q3 (more credited than due) give none.
	if len(got) != 2 {
		t.Fatalf("drafts %+v, want Q1's and Q4's", got)
	}
	if g := got[0]; g.Number != "RB-K1-2026-Q1-3" || g.Amount.String() != "25000" || g.Date != MustDate("2026-03-31") || g.Reason != "rebate" || g.Account != "A" || g.Currency != "NGN" {
		t.Errorf("Q1 draft %+v", g)
	}
	if g := got[1]; g.Number != "RB-K1-2026-Q4" || g.Amount.String() != "625000" || g.Date != MustDate("2026-11-17") {
		t.Errorf("Q4 draft %+v", g)
	}
	for _, g := range got {
		if err := g.Validate(); err != nil {
			t.Errorf("draft %s: %v", g.Number, err)
		}
	}
}

// AccountRebates: every contract with a scheme, by id, then period.
func TestAccountRebates(t *testing.T) {
	asOf := MustDate("2026-11-17")
	q := scheme(t, "quantity/quarter:0=1%")
	ks := []Contract{
		{Account: "A", ID: "K2", Start: MustDate("2026-01-01"), End: MustDate("2026-12-31"), Rebate: q},
		{Account: "A", ID: "K0", Start: MustDate("2026-01-01"), End: MustDate("2026-12-31")}, // no scheme
		{Account: "A", ID: "K1", Start: MustDate("2026-04-01"), End: MustDate("2026-09-30"), Rebate: q},
	}
	// 1% of 1,000,000.00 = 10,000.00 in Q2, for both K1 and K2 (contracts do not share out invoices).
	x := rebateFacts(t, "NGN", ks, []Invoice{invoice("2026-05-05", "100", "1000000")}, nil)
	p, _ := ParsePeriod("2026-Q2", asOf)
	got := AccountRebates(x, p, asOf)
	if len(got) != 2 || got[0].Contract != "K1" || got[1].Contract != "K2" || got[0].Rebate.String() != "10000" || got[1].Rebate.String() != "10000" {
		t.Fatalf("%+v", got)
	}
}

// A renewal on the same scheme continues its contract: December straddles
// K1's end (10 Dec) and its renewal's start (11 Dec), and is one period.
func TestRebatePeriodAcrossARenewal(t *testing.T) {
	asOf := MustDate("2026-12-31")
	s := scheme(t, "quantity/month:0=0%,500=1%")
	k1 := Contract{Account: "A", ID: "K1", Start: MustDate("2026-01-01"), End: MustDate("2026-12-10"), Rebate: s, Status: ContractRenewed}
	k2 := Contract{Account: "A", ID: "K1-R1", Start: MustDate("2026-12-11"), End: MustDate("2027-12-10"), Rebate: s}
	other := Contract{Account: "A", ID: "K9", Start: MustDate("2026-12-11"), End: MustDate("2027-12-10"), Rebate: scheme(t, "amount/month:0=1%")}
	x := rebateFacts(t, "NGN", []Contract{k1, k2, other}, []Invoice{
		invoice("2026-11-20", "400", "320000"), // November: K1's alone
		invoice("2026-12-05", "300", "240000"), // under K1
		invoice("2026-12-20", "300", "240000"), // under K1-R1
	}, []CreditNote{
		{Number: "RB-K1-2026-12", Date: MustDate("2026-12-09"), Amount: decimal.RequireFromString("1000"), Reason: "rebate"}, // given before the renewal
	})
	p, err := ParsePeriod("2026-Q4", asOf)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range append(ContractRebates(x, k1, p, asOf), ContractRebates(x, k2, p, asOf)...) {
		got = append(got, fmt.Sprintf("%s %s %s %s %s %s", l.Contract, l.Period, l.Value, l.Rebate.StringFixed(2), l.Credited, l.Due.StringFixed(2)))
	}
	want := []string{
		// October: nothing invoiced. November: 400 litres, below 500: the 0% tier.
		"K1 2026-10 0 0.00 0 0.00", "K1 2026-11 400 0.00 0 0.00",
		// December is the renewal's, whole: 300 + 300 = 600 litres reach the 500 tier:
		// 1% of 240,000 + 240,000 = 4,800.00, less the 1,000 K1's note gave = 3,800.00 due.
		"K1-R1 2026-12 600 4800.00 1000 3800.00",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Another scheme does not continue K1: K9's December counts its own days only.
	if l := ContractRebates(x, other, p, asOf); len(l) != 1 || l[0].Invoiced.String() != "240000" {
		t.Fatalf("K9: %+v", l)
	}
}
