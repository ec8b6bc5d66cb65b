package report

import (
	"math/rand/v2"
	"testing"

	"acctdesk/domain"

	"github.com/shopspring/decimal"
)

// TestMoneyMatchesDomain: the fast formatter prints what domain.Plain and
// domain.Human print, for amounts of every shape.
func TestMoneyMatchesDomain(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var cases []decimal.Decimal
	for _, s := range []string{"0", "-0.001", "0.004", "0.005", "-0.005", "1", "-1", "999", "1000", "-1000.5",
		"123456789.12", "-123456789.125", "9223372036854775807", "-9223372036854775808", "1e20", "12345678901234567890.12",
		"0.1", "100.00", "1.234", "-999999.999"} {
		cases = append(cases, decimal.RequireFromString(s))
	}
	for range 5000 {
		c := r.Int64N(1 << uint(1+r.IntN(62)))
		if r.IntN(2) == 0 {
			c = -c
		}
		cases = append(cases, decimal.New(c, int32(r.IntN(8)-5)))
	}
	for _, d := range cases {
		for _, cur := range []domain.Currency{"NGN", "XOF", "USD"} {
			got := money(d, cur)
			if want := domain.Plain(d, cur); got.Plain != want {
				t.Fatalf("%s %s: plain %q, want %q", d, cur, got.Plain, want)
			}
			if want := domain.Human(d, cur); got.Human != want {
				t.Fatalf("%s %s: human %q, want %q", d, cur, got.Human, want)
			}
		}
	}
}
