package domain

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Currency is an ISO 4217 alphabetic code, upper case.
type Currency string

// minorUnits holds the ISO 4217 minor units of the currencies we know.
// A currency missing here is rejected rather than guessed.
var minorUnits = map[Currency]int32{
	"NGN": 2, "XOF": 0, "XAF": 0, "GHS": 2, "KES": 2, "ZAR": 2, "USD": 2,
	"EUR": 2, "GBP": 2, "CNY": 2, "JPY": 0, "CHF": 2, "CAD": 2, "AUD": 2,
	"INR": 2, "EGP": 2, "MAD": 2, "TZS": 2, "UGX": 0, "RWF": 0, "ETB": 2,
	"AED": 2, "SAR": 2, "KWD": 3, "BHD": 3, "OMR": 3, "TND": 3, "XAU": 0,
}

// symbols are used in the workstation's human-facing text only.
var symbols = map[Currency]string{
	"NGN": "₦", "USD": "$", "EUR": "€", "GBP": "£", "GHS": "GH₵", "KES": "KSh",
	"ZAR": "R", "JPY": "¥", "CNY": "CN¥", "XOF": "CFA ", "XAF": "FCFA ",
}

// ParseCurrency validates a currency code.
func ParseCurrency(s string) (Currency, error) {
	c := Currency(strings.ToUpper(strings.TrimSpace(s)))
	if _, ok := minorUnits[c]; !ok {
		return "", fmt.Errorf("unknown currency %q", s)
	}
	return c, nil
}

// Places is the number of decimal places of the currency's minor unit.
func (c Currency) Places() int32 {
	if p, ok := minorUnits[c]; ok {
		return p
	}
	return 2
}

// Valid reports whether the code is a currency we know.
func (c Currency) Valid() bool { _, ok := minorUnits[c]; return ok }

// Symbol is the sign shown before an amount for people.
func (c Currency) Symbol() string {
	if s, ok := symbols[c]; ok {
		return s
	}
	return string(c) + " "
}

// Money is an amount bound to its currency.
type Money struct {
	Amount   decimal.Decimal
	Currency Currency
}

// ErrCurrencyMismatch is returned when amounts of two currencies meet.
var ErrCurrencyMismatch = errors.New("currencies differ")

// M builds Money; it is meant for literals in code and tests.
func M(amount string, c Currency) Money {
	return Money{Amount: decimal.RequireFromString(amount), Currency: c}
}

// ParseAmount reads a decimal amount as people write it ("1500",
// "1500.50", "-3.2", "1,500,000", "1,500,000.50"). Commas are read only
// as thousands separators, in groups of three before the point: a comma
// that could be a decimal comma ("1,50", "1.500,00") is refused rather than
// guessed. Exponents and more places than the currency has are refused, so
// nothing is silently rounded.
func ParseAmount(s string, c Currency) (decimal.Decimal, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return decimal.Zero, errors.New("amount is empty")
	}
	if strings.IndexByte(s, ',') >= 0 {
		plain, err := ungroup(s)
		if err != nil {
			return decimal.Zero, err
		}
		s = plain
	}
	digits, point := 0, false
	places := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			// Leading zeros of the whole part are not counted, so "0.5" and ".5" are alike.
			if point || r != '0' || digits > 0 {
				digits++
			}
			if point {
				places++
			}
		case r == '.' && !point:
			point = true
		case (r == '-' || r == '+') && i == 0:
		default:
			return decimal.Zero, fmt.Errorf("%q is not an amount (digits and one '.' only)", s)
		}
	}
	if !strings.ContainsAny(s, "0123456789") || digits > 30 {
		return decimal.Zero, fmt.Errorf("%q is not an amount", s)
	}
	if c != "" && int32(places) > c.Places() {
		// Trailing zeros beyond the minor unit are harmless ("100.00" in XOF).
		trimmed := strings.TrimRight(s[strings.IndexByte(s, '.')+1:], "0")
		if int32(len(trimmed)) > c.Places() {
			return decimal.Zero, fmt.Errorf("%q has more decimal places than %s allows (%d)", s, c, c.Places())
		}
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Zero, fmt.Errorf("%q is not an amount", s)
	}
	return d, nil
}

// ungroup takes the thousands separators out of an amount written with
// them: a sign, one to three digits, then groups of a comma and three
// digits, then perhaps a point and the decimals ("1,500,000.50").
func ungroup(s string) (string, error) {
	whole, frac, hasPoint := strings.Cut(s, ".")
	sign := ""
	if whole != "" && (whole[0] == '-' || whole[0] == '+') {
		sign, whole = whole[:1], whole[1:]
	}
	groups := strings.Split(whole, ",")
	ok := len(groups[0]) >= 1 && len(groups[0]) <= 3 && !strings.ContainsRune(frac, ',')
	for i, g := range groups {
		if (i > 0 && len(g) != 3) || strings.Trim(g, "0123456789") != "" {
			ok = false
		}
	}
	if !ok {
		return "", fmt.Errorf("%q is not an amount: a comma only separates thousands (1,500,000); write decimals with a point (1.50)", s)
	}
	out := sign + strings.Join(groups, "")
	if hasPoint {
		out += "." + frac
	}
	return out, nil
}

// Plain formats an amount with the currency's own places and no separators,
// as reports print it in csv and json. Amounts that already have the
// currency's places or fewer (nearly all) are printed without big-number
// arithmetic; reports print hundreds of thousands of them.
func Plain(d decimal.Decimal, c Currency) string {
	places := c.Places()
	exp := d.Exponent()
	if exp < -places || d.NumDigits() > 18 || int(exp+places) >= len(pow10) {
		return d.StringFixed(places)
	}
	coef := d.CoefficientInt64()
	if shift := pow10[exp+places]; shift != 1 {
		if coef > (1<<63-1)/shift || coef < -(1<<63-1)/shift {
			return d.StringFixed(places)
		}
		coef *= shift
	}
	neg := coef < 0
	if neg {
		coef = -coef
	}
	digits := strconv.FormatInt(coef, 10)
	if len(digits) <= int(places) {
		digits = strings.Repeat("0", int(places)+1-len(digits)) + digits
	}
	var b strings.Builder
	b.Grow(len(digits) + 2)
	if neg {
		b.WriteByte('-')
	}
	if places == 0 {
		b.WriteString(digits)
		return b.String()
	}
	cut := len(digits) - int(places)
	b.WriteString(digits[:cut])
	b.WriteByte('.')
	b.WriteString(digits[cut:])
	return b.String()
}

var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// Human formats with thousands separators and the currency's places: "1,234,567.80".
func Human(d decimal.Decimal, c Currency) string { return Grouped(Plain(d, c)) }

// Grouped puts thousands separators into the whole part of a Plain amount.
func Grouped(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/3 + 1)
	if neg {
		b.WriteByte('-')
	}
	for i := 0; i < len(intPart); i++ {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(intPart[i])
	}
	b.WriteString(frac)
	return b.String()
}

// Short formats for narrow columns, rounding half away from zero:
// 1.2B, 4.2M, 42.5k, 620k, 950. Amounts whose coefficient fits an int64
// (all a book holds) are formatted in integer arithmetic: the book and
// aging panes format hundreds of thousands of them.
func Short(d decimal.Decimal) string {
	if s, ok := shortFast(d); ok {
		return s
	}
	return shortDecimal(d)
}

// shortFast is Short in integers; ok is false when a step would overflow.
func shortFast(d decimal.Decimal) (string, bool) {
	if d.NumDigits() > 18 {
		return "", false
	}
	c, e := d.CoefficientInt64(), d.Exponent()
	atLeast := func(t int64) (bool, bool) { // |d| ≥ t
		a := c
		if a < 0 {
			a = -a
		}
		if e >= 0 {
			if e > 18 {
				return a != 0, true
			}
			p := pow10[e]
			if a > (1<<63-1)/p {
				return true, true
			}
			return a*p >= t, true
		}
		if -e > 18 {
			return false, false
		}
		p := pow10[-e]
		if t > (1<<63-1)/p {
			return false, true // t × 10^-e is beyond any coefficient
		}
		return a >= t*p, true
	}
	unit := func(n int32, suffix string, places int32) (string, bool) {
		r, ok := roundShift(c, e+places-n)
		if !ok {
			return "", false
		}
		return fixed(r, places) + suffix, true
	}
	for _, step := range []struct {
		from   int64
		n      int32
		suffix string
		places int32
	}{{999_950_000, 9, "B", 1}, {999_500, 6, "M", 1}, {99_950, 3, "k", 0}, {1_000, 3, "k", 1}} {
		big, ok := atLeast(step.from)
		if !ok {
			return "", false
		}
		if big {
			s, ok := unit(step.n, step.suffix, step.places)
			if step.from == 1_000 {
				s = strings.Replace(s, ".0k", "k", 1)
			}
			return s, ok
		}
	}
	r, ok := roundShift(c, e)
	if !ok {
		return "", false
	}
	return strconv.FormatInt(r, 10), true
}

// roundShift is c × 10^k rounded half away from zero to an integer.
func roundShift(c int64, k int32) (int64, bool) {
	if k >= 0 {
		if k > 18 || (c != 0 && (c > (1<<63-1)/pow10[k] || c < -(1<<63-1)/pow10[k])) {
			return 0, c == 0
		}
		return c * pow10[k], true
	}
	if -k > 18 {
		return 0, true // |c| < 10^18 ≤ half of 10^-k
	}
	p := pow10[-k]
	q, r := c/p, c%p
	if r < 0 {
		r = -r
	}
	if 2*r >= p {
		if c < 0 {
			q--
		} else {
			q++
		}
	}
	return q, true
}

// fixed is r ÷ 10^places with exactly places decimals.
func fixed(r int64, places int32) string {
	if places == 0 {
		return strconv.FormatInt(r, 10)
	}
	neg := r < 0
	if neg {
		r = -r
	}
	digits := strconv.FormatInt(r, 10)
	if len(digits) <= int(places) {
		digits = strings.Repeat("0", int(places)+1-len(digits)) + digits
	}
	cut := len(digits) - int(places)
	out := digits[:cut] + "." + digits[cut:]
	if neg {
		out = "-" + out
	}
	return out
}

// shortDecimal is Short in decimal arithmetic.
func shortDecimal(d decimal.Decimal) string {
	a := d.Abs()
	unit := func(div int64, suffix string, places int32) string {
		return d.Div(decimal.NewFromInt(div)).Round(places).StringFixed(places) + suffix
	}
	switch {
	case a.GreaterThanOrEqual(decimal.NewFromInt(999_950_000)):
		return unit(1_000_000_000, "B", 1)
	case a.GreaterThanOrEqual(decimal.NewFromInt(999_500)):
		return unit(1_000_000, "M", 1)
	case a.GreaterThanOrEqual(decimal.NewFromInt(99_950)):
		return unit(1_000, "k", 0)
	case a.GreaterThanOrEqual(decimal.NewFromInt(1_000)):
		return strings.Replace(unit(1_000, "k", 1), ".0k", "k", 1)
	default:
		return d.Round(0).String()
	}
}

// String is the human form with the symbol: "₦1,500.00".
func (m Money) String() string { return m.Currency.Symbol() + Human(m.Amount, m.Currency) }

// Totals keeps one sum per currency; amounts of different currencies never meet.
type Totals map[Currency]decimal.Decimal

// Add adds an amount in a currency.
func (t Totals) Add(c Currency, d decimal.Decimal) {
	t[c] = t[c].Add(d)
}

// Currencies lists the currencies present, sorted.
func (t Totals) Currencies() []Currency {
	out := make([]Currency, 0, len(t))
	for c := range t {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Float is d as the nearest float64, as d.InexactFloat64 gives it, without
// its big-number arithmetic when the coefficient has at most 15 digits and
// the exponent is small (a coefficient below 2^53 and a power of ten below
// 10^23 are exact doubles, so one IEEE multiplication or division rounds
// correctly, as the exact conversion does).
func Float(d decimal.Decimal) float64 {
	e := d.Exponent()
	if d.NumDigits() > 15 || e < -22 || e > 22 {
		return d.InexactFloat64()
	}
	c := float64(d.CoefficientInt64())
	if e < 0 {
		return c / math.Pow10(int(-e))
	}
	return c * math.Pow10(int(e))
}
