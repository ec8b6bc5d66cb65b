package domain

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// TestSumEqualsDecimalAdd: whatever the exponents and sizes, Sum gives the
// value a chain of decimal.Add gives.
func TestSumEqualsDecimalAdd(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := range 2000 {
		var s Sum
		want := decimal.Zero
		for range r.IntN(40) {
			var d decimal.Decimal
			switch r.IntN(6) {
			case 0:
				d = decimal.New(math.MaxInt64-int64(r.IntN(10)), -2) // overflows the integer part
			case 1:
				d = decimal.New(int64(r.IntN(1000)), int32(r.IntN(5)-3)) // another exponent
			case 2:
				d = decimal.RequireFromString("123456789012345678901234.5") // more than 18 digits
			case 3:
				d = decimal.Zero
			default:
				d = decimal.New(r.Int64N(1e12)-5e11, -2)
			}
			if r.IntN(2) == 0 {
				s.Add(d)
			} else {
				s.AddInt(d.Coefficient().Int64(), d.Exponent())
				d = decimal.New(d.Coefficient().Int64(), d.Exponent()) // what AddInt was given
			}
			want = want.Add(d)
		}
		if got := s.Decimal(); !got.Equal(want) {
			t.Fatalf("case %d: sum %s, want %s", n, got, want)
		}
	}
}
