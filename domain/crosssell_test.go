package domain

import (
	"strings"
	"testing"
)

// ledgerOfLines is the ledger of invoices given as "issued product
// quantity" (quantity optional), numbered in order.
func ledgerOfLines(t *testing.T, lines ...string) *Ledger {
	t.Helper()
	var invs []Invoice
	for i, ln := range lines {
		f := strings.Fields(ln)
		x := Invoice{Account: "A", Number: "I" + string(rune('A'+i/26)) + string(rune('a'+i%26)), Issued: MustDate(f[0]), Amount: d("100"), Currency: "NGN"}
		if len(f) > 1 && f[1] != "-" {
			x.Product = f[1]
		}
		if len(f) > 2 {
			x.Quantity = d(f[2])
		}
		x.Due = x.Issued.AddDays(30)
		invs = append(invs, x)
	}
	l, _, err := LedgerOf(invs, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return &l
}

func TestProductsAt(t *testing.T) {
	// The window of 2026-11-17 is 2025-11-18 … 2026-11-17 (17 Nov − 364 days).
	l := ledgerOfLines(t,
		"2025-11-17 Fleet", // one day before the window
		"2025-11-18 PMS",   // its first day
		"2026-03-01 AGO",
		"2026-06-01 AGO",    // AGO once however often
		"2026-07-01 -",      // no product: names none
		"2026-11-18 Rescue", // the day after: not yet
	)
	for _, c := range []struct {
		on   string
		want string
	}{
		{"2026-11-17", "AGO PMS"},       // 2025-11-18 … 2026-11-17: PMS, AGO twice (once)
		{"2026-11-18", "AGO Rescue"},    // 2025-11-19 … 2026-11-18: PMS fell out that day, Rescue came in
		{"2026-11-16", "AGO Fleet PMS"}, // 2025-11-17 … 2026-11-16: Fleet on its last day
		{"2025-11-17", "Fleet"},         // 2024-11-18 … 2025-11-17
		{"2026-07-01", "AGO Fleet PMS"}, // the product-less invoice of 1 Jul adds nothing
		{"2027-05-31", "AGO Rescue"},    // 2026-06-01 … 2027-05-31: the AGO of 1 Jun 2026
		{"2027-06-01", "Rescue"},        // 2026-06-02 … 2027-06-01
		{"2024-01-01", ""},              // nothing invoiced yet
	} {
		if got := strings.Join(l.ProductsAt(MustDate(c.on)), " "); got != c.want {
			t.Errorf("products at %s: %q, want %q", c.on, got, c.want)
		}
	}
	if !l.SingleProduct(MustDate("2025-11-17")) || l.SingleProduct(MustDate("2026-11-17")) || l.SingleProduct(MustDate("2024-01-01")) {
		t.Error("single product: Fleet alone on 2025-11-17, two products on 2026-11-17, none on 2024-01-01")
	}
}

func TestConvertedIn(t *testing.T) {
	asOf := MustDate("2026-11-17")
	q3, _ := ParsePeriod("2026-Q3", asOf)  // 2026-07-01 … 2026-09-30: start = products as of 2026-06-30
	m11, _ := ParsePeriod("2026-11", asOf) // 2026-11-01 … 2026-11-30: end = min(30 Nov, as-of 17 Nov)
	cases := []struct {
		name              string
		lines             []string
		p                 Period
		single, converted bool
	}{
		{"AGO-only buys PMS in the quarter", []string{"2026-01-10 AGO", "2026-08-01 PMS"}, q3, true, true},
		{"AGO-only stays AGO-only", []string{"2026-01-10 AGO", "2026-08-01 AGO"}, q3, true, false},
		{"already two products at the start", []string{"2026-01-10 AGO", "2026-02-01 PMS", "2026-08-01 Rescue"}, q3, false, false},
		{"no product at the start: not in the base", []string{"2026-08-01 AGO", "2026-08-02 PMS"}, q3, false, false},
		// Single at the start; PMS bought after the period's end does not count.
		{"bought after the period", []string{"2026-01-10 AGO", "2026-10-01 PMS"}, q3, true, false},
		// The end is the as-of date when the period ends later: PMS on 18 Nov is after it.
		{"bought after the as-of date", []string{"2026-03-10 AGO", "2026-11-18 PMS"}, m11, true, false},
		{"bought by the as-of date", []string{"2026-03-10 AGO", "2026-11-17 PMS"}, m11, true, true},
		// Single at the start (AGO of 2025-08-01 is in 2025-07-01 … 2026-06-30), but AGO
		// drops out of the 12 months by 30 Sep (window 2025-10-01 …): PMS alone is one product.
		{"swapped, not added", []string{"2025-08-01 AGO", "2026-09-01 PMS"}, q3, true, false},
	}
	var c Conversion
	for _, tc := range cases {
		l := ledgerOfLines(t, tc.lines...)
		s, conv := l.ConvertedIn(tc.p, asOf)
		if s != tc.single || conv != tc.converted {
			t.Errorf("%s: single %v converted %v, want %v %v", tc.name, s, conv, tc.single, tc.converted)
		}
		if tc.p == q3 {
			c.Add(l, tc.p, asOf)
		}
	}
	// Q3: single at the start in cases 1, 2, 5, 8 (4), converted 1: 1 ÷ 4 × 100 = 25.
	pct, ok := c.Pct()
	if c.Single != 4 || c.Converted != 1 || !ok || !pct.Equal(d("25")) {
		t.Errorf("conversion %+v = %s %v, want 1 of 4 = 25", c, pct, ok)
	}
	if _, ok := (Conversion{}).Pct(); ok {
		t.Error("no base: no conversion")
	}
	// 1 of 3: 33.333…, unrounded; one decimal for display is 33.3.
	if pct, _ := (Conversion{Single: 3, Converted: 1}).Pct(); pct.Round(1).String() != "33.3" {
		t.Errorf("1 of 3 = %s", pct)
	}
}

func TestBookProducts(t *testing.T) {
	a := ledgerOfLines(t, "2026-01-10 AGO", "2026-02-10 -", "2026-12-01 Lubricants") // Lubricants after the as-of date
	b := ledgerOfLines(t, "2025-01-10 Rescue", "2026-02-10 AGO")
	got := strings.Join(BookProducts([]*Ledger{a, b, {}}, MustDate("2026-11-17")), " ")
	if got != "AGO Rescue" {
		t.Fatalf("book products %q, want AGO Rescue (sold ever, by the as-of date; none without a name)", got)
	}
}
