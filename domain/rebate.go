package domain

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// A contract's rebate scheme (SPEC §10.4), written
//
//	BASIS/PERIOD:THRESHOLD=RATE,...
//
// e.g. quantity/quarter:0=0%,10000=1%,50000=2.5%, amount/month:0=0%,5000000=0.5%
// or quantity/month:20000=1.50/unit. For each calendar period the basis value
// is the quantity (or the amount) invoiced in it; the tier is the one with the
// highest threshold at or below that value; its rate is a percentage of the
// period's invoiced amount or an amount per unit of its quantity, on all units.
//
// A per-unit rate is allowed with either basis: the basis only chooses what
// the thresholds count ("from ₦5,000,000 a month, 1.50 a litre" is a
// per-unit rate on an amount basis); the rate is always applied to what it
// names.

// Rebate bases and periods.
const (
	RebateQuantity = "quantity"
	RebateAmount   = "amount"
	RebateMonth    = "month"
	RebateQuarter  = "quarter"
)

// RebateBases and RebatePeriods are the words of a scheme's head.
var (
	RebateBases   = []string{RebateQuantity, RebateAmount}
	RebatePeriods = []string{RebateMonth, RebateQuarter}
)

// RebateForm is the written form with examples, for messages.
const RebateForm = "BASIS/PERIOD:THRESHOLD=RATE,... with BASIS quantity or amount, PERIOD month or quarter, " +
	"RATE a percentage or an amount /unit, e.g. quantity/quarter:0=0%,10000=1%,50000=2.5% or quantity/month:20000=1.50/unit"

// RebateScheme is a contract's volume rebate; the zero value is none.
type RebateScheme struct {
	Basis  string // RebateQuantity or RebateAmount
	Period string // RebateMonth or RebateQuarter
	Tiers  []VolumeTier
}

// VolumeTier is one step of a rebate scheme.
type VolumeTier struct {
	From    decimal.Decimal // the basis value (a quantity or an amount) from which the tier applies
	Percent decimal.Decimal // either a percentage of the invoiced amount …
	PerUnit decimal.Decimal // … or an amount per unit invoiced
}

// IsZero reports whether the contract has no rebate.
func (s RebateScheme) IsZero() bool { return s.Basis == "" && s.Period == "" && len(s.Tiers) == 0 }

// Validate says what is wrong with the scheme: its basis and period words,
// thresholds from 0 rising strictly, each rate a percentage from 0 to 100 or
// an amount per unit (never both). A scheme with tiers needs a basis and a
// period, and one with a basis or a period needs tiers.
func (s RebateScheme) Validate() error {
	if s.IsZero() {
		return nil
	}
	if !oneOf(s.Basis, RebateBases) {
		return fmt.Errorf("basis %q is not quantity or amount; write %s", s.Basis, RebateForm)
	}
	if !oneOf(s.Period, RebatePeriods) {
		return fmt.Errorf("period %q is not month or quarter; write %s", s.Period, RebateForm)
	}
	if len(s.Tiers) == 0 {
		return fmt.Errorf("%s/%s has no tiers; write %s", s.Basis, s.Period, RebateForm)
	}
	for i, t := range s.Tiers {
		if err := t.check(); err != nil {
			return fmt.Errorf("tier %d (%s): %v", i+1, formatTier(t), err)
		}
		if i > 0 && !t.From.GreaterThan(s.Tiers[i-1].From) {
			return fmt.Errorf("tier %d (%s): thresholds must rise from tier to tier (the one before is %s)",
				i+1, formatTier(t), s.Tiers[i-1].From)
		}
	}
	return nil
}

func (t VolumeTier) check() error {
	switch {
	case t.From.IsNegative():
		return errors.New("the threshold is negative")
	case t.From.GreaterThan(MaxAmount):
		return errors.New("the threshold is more than 10^15")
	case t.Percent.IsNegative() || t.PerUnit.IsNegative():
		return errors.New("the rate is negative")
	case !t.Percent.IsZero() && !t.PerUnit.IsZero():
		return errors.New("a rate is a percentage or an amount per unit, not both")
	case t.Percent.GreaterThan(hundred):
		return errors.New("the rate is more than 100%")
	case t.PerUnit.GreaterThan(MaxAmount):
		return errors.New("the rate per unit is more than 10^15")
	}
	return nil
}

// ParseRebate reads a scheme in its written form (see RebateForm); words are
// matched without regard to case and spaces around the parts are ignored.
// An empty string is no rebate. A bare tier list, without BASIS/PERIOD:, is
// refused: its thresholds would be counted in an unknown unit over an unknown
// period.
func ParseRebate(s string) (RebateScheme, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return RebateScheme{}, nil
	}
	head, list, ok := strings.Cut(s, ":")
	if !ok {
		return RebateScheme{}, fmt.Errorf("%q has no BASIS/PERIOD: before its tiers; write %s", s, RebateForm)
	}
	b, p, ok := strings.Cut(head, "/")
	if !ok {
		return RebateScheme{}, fmt.Errorf("%q: the head %q is not BASIS/PERIOD; write %s", s, strings.TrimSpace(head), RebateForm)
	}
	var sc RebateScheme
	if sc.Basis, ok = MatchWord(b, RebateBases); !ok {
		return RebateScheme{}, fmt.Errorf("%q: the basis %q is not quantity or amount%s; write %s", s, strings.TrimSpace(b), didYouMean(b, RebateBases), RebateForm)
	}
	if sc.Period, ok = MatchWord(p, RebatePeriods); !ok {
		return RebateScheme{}, fmt.Errorf("%q: the period %q is not month or quarter%s; write %s", s, strings.TrimSpace(p), didYouMean(p, RebatePeriods), RebateForm)
	}
	if strings.TrimSpace(list) == "" {
		return RebateScheme{}, fmt.Errorf("%q has no tiers after the colon; write %s", s, RebateForm)
	}
	for _, part := range strings.Split(list, ",") {
		t, err := parseTier(strings.TrimSpace(part))
		if err != nil {
			return RebateScheme{}, fmt.Errorf("%q: %v; write %s", s, err, RebateForm)
		}
		sc.Tiers = append(sc.Tiers, t)
	}
	if err := sc.Validate(); err != nil {
		return RebateScheme{}, fmt.Errorf("%q: %v; write %s", s, err, RebateForm)
	}
	return sc, nil
}

func didYouMean(s string, words []string) string {
	if w := Nearest(s, words); w != "" {
		return " (" + w + "?)"
	}
	return ""
}

// parseTier reads THRESHOLD=RATE, RATE being N% or N/unit.
func parseTier(part string) (VolumeTier, error) {
	from, rate, ok := strings.Cut(part, "=")
	if !ok {
		return VolumeTier{}, fmt.Errorf("the tier %q is not THRESHOLD=RATE", part)
	}
	var t VolumeTier
	var err error
	if t.From, err = plainNumber(from); err != nil {
		return VolumeTier{}, fmt.Errorf("the tier %q: the threshold %q is not a number", part, strings.TrimSpace(from))
	}
	rate = strings.TrimSpace(rate)
	switch low := strings.ToLower(rate); {
	case strings.HasSuffix(low, "%"):
		if t.Percent, err = plainNumber(rate[:len(rate)-1]); err != nil {
			return VolumeTier{}, fmt.Errorf("the tier %q: the rate %q is not a percentage", part, rate)
		}
	case strings.HasSuffix(low, "/unit"):
		if t.PerUnit, err = plainNumber(rate[:len(rate)-len("/unit")]); err != nil {
			return VolumeTier{}, fmt.Errorf("the tier %q: the rate %q is not an amount per unit", part, rate)
		}
	default:
		return VolumeTier{}, fmt.Errorf("the tier %q: the rate %q needs %% (of the invoiced amount) or /unit (per unit)", part, rate)
	}
	return t, nil
}

// plainNumber reads digits with at most one decimal point: no sign, no
// exponent, no grouping (a comma separates tiers).
func plainNumber(s string) (decimal.Decimal, error) {
	s = strings.TrimSpace(s)
	digits, dot := 0, false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '.' && !dot:
			dot = true
		default:
			return decimal.Decimal{}, errors.New("not a number")
		}
	}
	if digits == 0 || digits > 40 {
		return decimal.Decimal{}, errors.New("not a number")
	}
	return decimal.NewFromString(s)
}

// FormatRebate writes a scheme in the form ParseRebate reads (the empty
// string for none): ParseRebate(FormatRebate(s)) equals s. A zero rate is
// written 0%.
func FormatRebate(s RebateScheme) string {
	if s.IsZero() {
		return ""
	}
	parts := make([]string, len(s.Tiers))
	for i, t := range s.Tiers {
		parts[i] = formatTier(t)
	}
	return s.Basis + "/" + s.Period + ":" + strings.Join(parts, ",")
}

func formatTier(t VolumeTier) string {
	from := asWritten(t.From)
	switch {
	case !t.PerUnit.IsZero() && t.Percent.IsZero():
		return from + "=" + asWritten(t.PerUnit) + "/unit"
	case !t.PerUnit.IsZero(): // not valid: shown as it is in the message that says so
		return from + "=" + asWritten(t.Percent) + "%+" + asWritten(t.PerUnit) + "/unit"
	}
	return from + "=" + asWritten(t.Percent) + "%"
}

// asWritten keeps the places a number was written with (1.50 stays 1.50).
func asWritten(d decimal.Decimal) string {
	if e := d.Exponent(); e < 0 {
		return d.StringFixed(-e)
	}
	return d.String()
}
