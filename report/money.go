package report

import (
	"strconv"
	"strings"

	"acctdesk/domain"

	"github.com/shopspring/decimal"
)

// money is an amount cell: domain.Plain for csv and json, domain.Human for
// the table. Both come from one fixed-point text, made without big-number
// arithmetic when the amount already has the currency's places or fewer
// (the usual case); any other amount goes through domain.Plain.
func money(d decimal.Decimal, c domain.Currency) Cell {
	plain := fixed(d, c)
	return Cell{plain, group(plain)}
}

var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// fixed is domain.Plain(d, c).
func fixed(d decimal.Decimal, c domain.Currency) string {
	places := c.Places()
	exp := d.Exponent()
	if exp < -places || d.NumDigits() > 18 || int(exp+places) >= len(pow10) {
		return domain.Plain(d, c)
	}
	coef := d.CoefficientInt64()
	if shift := pow10[exp+places]; shift != 1 {
		if coef > (1<<63-1)/shift || coef < -(1<<63-1)/shift {
			return domain.Plain(d, c)
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

// group is domain.Human applied to fixed-point text: thousands separators
// in the integer part.
func group(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	if len(intPart) <= 3 {
		if neg {
			return "-" + s
		}
		return s
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
