package demo

import "math/rand/v2"

// rnd adds the few draws the generator needs. Floats only decide chances;
// money is always drawn as integers.
type rnd struct{ *rand.Rand }

// between draws an int in [lo, hi].
func (r rnd) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.IntN(hi-lo+1)
}

// between64 draws an int64 in [lo, hi].
func (r rnd) between64(lo, hi int64) int64 {
	if hi <= lo {
		return lo
	}
	return lo + r.Int64N(hi-lo+1)
}

// chance is true with probability p.
func (r rnd) chance(p float64) bool { return r.Float64() < p }

// weighted returns an index drawn with the given weights.
func (r rnd) weighted(w ...int) int {
	total := 0
	for _, x := range w {
		total += x
	}
	n := r.IntN(total)
	for i, x := range w {
		if n < x {
			return i
		}
		n -= x
	}
	return len(w) - 1
}

func pick[T any](r rnd, xs []T) T { return xs[r.IntN(len(xs))] }
