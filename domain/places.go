package domain

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// FitsCurrency reports whether amount has no more decimal places than the
// currency's minor unit: trailing zeros do not count (XOF 100.00 is 100,
// USD 1.50 is 1.5), a digit past the unit does (USD 0.005, XOF 0.5).
func FitsCurrency(amount decimal.Decimal, c Currency) bool {
	p := c.Places()
	return amount.Exponent() >= -p || amount.Equal(amount.Truncate(p))
}

// places checks that amounts fit the currency's minor unit (FitsCurrency);
// name and amount come in pairs. An unknown currency is said apart.
func (f *fieldErrors) places(c Currency, pairs ...any) {
	if !c.Valid() {
		return
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		if a := pairs[i+1].(decimal.Decimal); !FitsCurrency(a, c) {
			f.add(pairs[i].(string), fmt.Sprintf("%s has more decimal places than %s allows (%d)", a, c, c.Places()))
		}
	}
}

// ValidateIn checks the plan, its instalments in the account's currency.
func (p PaymentPlan) ValidateIn(c Currency) error {
	var f fieldErrors
	if err := p.Validate(); err != nil {
		f = fieldErrors(err.(ValidationError))
	}
	for i, in := range p.Instalments {
		if in.Amount.IsPositive() && !FitsCurrency(in.Amount, c) && c.Valid() {
			f.add("instalments", fmt.Sprintf("instalment %d: %s has more decimal places than %s allows (%d)", i+1, in.Amount, c, c.Places()))
		}
	}
	return f.err()
}

// Validate checks the target: an account, a month given by its first day,
// a product (empty: the whole account), a quantity, an amount or both, none
// below zero, the amount in the currency's places.
func (t Target) Validate() error {
	var f fieldErrors
	f.check("account", CheckCode(t.Account))
	switch {
	case t.Month.IsZero():
		f.add("month", "month is missing")
	case t.Month != t.Month.MonthStart():
		f.add("month", fmt.Sprintf("%s is not the first day of a month", t.Month.Format("2006-01-02")))
	}
	f.check("product", CheckText(t.Product, false, 40))
	if t.Quantity.IsNegative() {
		f.add("quantity", "quantity cannot be negative")
	}
	if t.Amount.IsNegative() {
		f.add("amount", "amount cannot be negative")
	}
	if t.Quantity.IsZero() && t.Amount.IsZero() {
		f.add("amount", "a target needs a quantity, an amount or both")
	}
	if !t.Currency.Valid() {
		f.add("currency", fmt.Sprintf("currency %q is unknown", t.Currency))
	}
	f.places(t.Currency, "amount", t.Amount)
	f.dates("month", t.Month)
	f.amounts("quantity", t.Quantity, "amount", t.Amount)
	return f.err()
}

// Validate checks the balance: an account, a date, an amount of either
// sign in the currency's places.
func (b Balance) Validate() error {
	var f fieldErrors
	f.check("account", CheckCode(b.Account))
	if b.On.IsZero() {
		f.add("date", "date is missing")
	}
	if !b.Currency.Valid() {
		f.add("currency", fmt.Sprintf("currency %q is unknown", b.Currency))
	}
	f.places(b.Currency, "balance", b.Balance)
	f.dates("date", b.On)
	f.amounts("balance", b.Balance)
	return f.err()
}

// AtPlaces is amount written with exactly the currency's places when it
// fits them (USD 55.9 → 55.90, XOF 100.00 → 100), so that a file that
// writes an amount one way and a re-import that writes it another store
// the same record; an amount that does not fit is left for validation to
// refuse.
func AtPlaces(amount decimal.Decimal, c Currency) decimal.Decimal {
	if !c.Valid() || amount.Exponent() == -c.Places() || !FitsCurrency(amount, c) {
		return amount
	}
	return amount.Round(c.Places())
}

// Plainest is a quantity written without trailing zeros (2.50 → 2.5,
// 2700.0 → 2700), so that a quantity is one record however a file wrote
// it; quantities have no currency to give them places.
func Plainest(q decimal.Decimal) decimal.Decimal {
	if q.Exponent() >= 0 {
		return q
	}
	p, err := decimal.NewFromString(q.String()) // String drops trailing zeros
	if err != nil {
		return q
	}
	return p
}
