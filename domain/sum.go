package domain

import (
	"math"

	"github.com/shopspring/decimal"
)

// Sum adds amounts exactly, as a 64-bit integer while they share an exponent
// and fit, and with decimal.Add otherwise. A long column of amounts in one
// currency then costs no allocation per amount; the result equals (by value)
// what a chain of decimal.Add gives.
type Sum struct {
	acc  int64 // the integer part: acc × 10^exp
	exp  int32
	have bool
	rest decimal.Decimal // what did not fit the integer part
	big  bool            // rest holds something
}

// Add adds an amount.
func (s *Sum) Add(d decimal.Decimal) {
	if d.IsZero() {
		return
	}
	exp := d.Exponent()
	if d.NumDigits() <= 18 {
		c := d.CoefficientInt64()
		if !s.have {
			s.acc, s.exp, s.have = c, exp, true
			return
		}
		if exp == s.exp && !addOverflows(s.acc, c) {
			s.acc += c
			return
		}
	}
	s.spill(d)
}

// AddInt adds coef × 10^exp, for decoders that read amounts in parts.
func (s *Sum) AddInt(coef int64, exp int32) {
	if !s.have {
		s.acc, s.exp, s.have = coef, exp, true
		return
	}
	if exp == s.exp && !addOverflows(s.acc, coef) {
		s.acc += coef
		return
	}
	s.spill(decimal.New(coef, exp))
}

func (s *Sum) spill(d decimal.Decimal) {
	if s.big {
		s.rest = s.rest.Add(d)
	} else {
		s.rest, s.big = d, true
	}
}

// Decimal is the sum; zero when nothing was added.
func (s *Sum) Decimal() decimal.Decimal {
	switch {
	case s.have && s.big:
		return decimal.New(s.acc, s.exp).Add(s.rest)
	case s.have:
		return decimal.New(s.acc, s.exp)
	case s.big:
		return s.rest
	}
	return decimal.Zero
}

func addOverflows(a, b int64) bool {
	return (b > 0 && a > math.MaxInt64-b) || (b < 0 && a < math.MinInt64-b)
}
