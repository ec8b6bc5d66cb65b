package domain

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestPlainFastPath: Plain and Human print what the decimal library's fixed
// form, grouped by thousands, prints, for amounts of every shape.
func TestPlainFastPath(t *testing.T) {
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
		for _, cur := range []Currency{"NGN", "XOF", "USD"} {
			want := d.StringFixed(cur.Places())
			if got := Plain(d, cur); got != want {
				t.Fatalf("%s %s: plain %q, want %q", d, cur, got, want)
			}
			if got, want := Human(d, cur), groupedRef(want); got != want {
				t.Fatalf("%s %s: human %q, want %q", d, cur, got, want)
			}
		}
	}
}

// groupedRef is thousands grouping written the slow, obvious way.
func groupedRef(s string) string {
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	if frac != "" {
		frac = "." + frac
	}
	return sign + whole + frac
}
