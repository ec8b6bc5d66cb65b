package domain

import (
	"errors"
	"fmt"
	"sort"
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

// ParseAmount reads a plain decimal amount ("1500", "1500.50", "-3.2").
// It refuses thousands separators, exponents and more places than the
// currency has, so nothing is silently rounded.
func ParseAmount(s string, c Currency) (decimal.Decimal, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return decimal.Zero, errors.New("amount is empty")
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

// Plain formats an amount with the currency's own places and no separators,
// as reports print it in csv and json.
func Plain(d decimal.Decimal, c Currency) string { return d.StringFixed(c.Places()) }

// Human formats with thousands separators and the currency's places: "1,234,567.80".
func Human(d decimal.Decimal, c Currency) string {
	s := d.StringFixed(c.Places())
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	b.WriteString(frac)
	return b.String()
}

// Short formats for narrow columns, rounding half away from zero:
// 1.2B, 4.2M, 42.5k, 620k, 950.
func Short(d decimal.Decimal) string {
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
