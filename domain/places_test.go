package domain

import (
	"strings"
	"testing"
)

// TestFitsCurrency: an amount fits its currency when it has no digit past
// the minor unit; trailing zeros do not count.
func TestFitsCurrency(t *testing.T) {
	cases := []struct {
		amount string
		cur    Currency
		fits   bool
	}{
		{"0.005", "USD", false},  // 3 places, USD has 2
		{"0.01", "USD", true},    // 2 places
		{"1.50", "USD", true},    // 1.5
		{"0.5", "XOF", false},    // 1 place, XOF has 0
		{"100.00", "XOF", true},  // 100.00 is 100
		{"100", "XOF", true},     //
		{"1.001", "NGN", false},  // 3 places, NGN has 2
		{"1.0010", "NGN", false}, // 1.001: still 3 places
		{"-2.500", "NGN", true},  // -2.5
		{"0.001", "KWD", true},   // KWD has 3
		{"0.0001", "KWD", false}, // 4 places
		{"0", "XOF", true},
	}
	for _, c := range cases {
		if got := FitsCurrency(d(c.amount), c.cur); got != c.fits {
			t.Errorf("FitsCurrency(%s, %s) = %v, want %v", c.amount, c.cur, got, c.fits)
		}
	}
}

// TestPlacesOfEveryKind: every kind with an amount refuses more places than
// its currency, naming the field; the same amount with trailing zeros only
// passes.
func TestPlacesOfEveryKind(t *testing.T) {
	on := MustDate("2026-11-02")
	month := MustDate("2026-11-01")
	cases := []struct {
		name string
		bad  error
		good error
		want string
	}{
		{"invoice", Invoice{Account: "A", Number: "I", Issued: on, Amount: d("349.995"), Currency: "USD"}.Validate(),
			Invoice{Account: "A", Number: "I", Issued: on, Amount: d("349.990"), Currency: "USD"}.Validate(),
			"amount: 349.995 has more decimal places than USD allows (2)"},
		{"payment", Payment{Account: "A", Reference: "P", Received: on, Amount: d("0.005"), Currency: "USD"}.Validate(),
			Payment{Account: "A", Reference: "P", Received: on, Amount: d("0.050"), Currency: "USD"}.Validate(),
			"amount: 0.005 has more decimal places than USD allows (2)"},
		{"credit note", CreditNote{Account: "A", Number: "C", Date: on, Amount: d("0.5"), Currency: "XOF", Reason: "other"}.Validate(),
			CreditNote{Account: "A", Number: "C", Date: on, Amount: d("5.0"), Currency: "XOF", Reason: "other"}.Validate(),
			"amount: 0.5 has more decimal places than XOF allows (0)"},
		{"promise", Promise{Account: "A", Amount: d("1.001"), Currency: "NGN", GivenOn: on, DueOn: on}.Validate(),
			Promise{Account: "A", Amount: d("1.100"), Currency: "NGN", GivenOn: on, DueOn: on}.Validate(),
			"promise: 1.001 has more decimal places than NGN allows (2)"},
		{"plan instalment", PaymentPlan{Account: "A", Agreed: on, Instalments: []Instalment{{on, d("10")}, {on, d("10.5")}}}.ValidateIn("XOF"),
			PaymentPlan{Account: "A", Agreed: on, Instalments: []Instalment{{on, d("10")}, {on, d("10.0")}}}.ValidateIn("XOF"),
			"instalments: instalment 2: 10.5 has more decimal places than XOF allows (0)"},
		{"credit limit", Account{Code: "A", Name: "a", Tier: 1, Status: "active", Terms: "term", Currency: "USD", CreditLimit: d("1000.001")}.Validate(),
			Account{Code: "A", Name: "a", Tier: 1, Status: "active", Terms: "term", Currency: "USD", CreditLimit: d("1000.000")}.Validate(),
			"credit_limit: 1000.001 has more decimal places than USD allows (2)"},
		{"overdraft", Account{Code: "A", Name: "a", Tier: 1, Status: "active", Terms: "term", Currency: "XOF", Overdraft: Overdraft{Amount: d("0.5")}}.Validate(),
			Account{Code: "A", Name: "a", Tier: 1, Status: "active", Terms: "term", Currency: "XOF", Overdraft: Overdraft{Amount: d("1")}}.Validate(),
			"overdraft: 0.5 has more decimal places than XOF allows (0)"},
		{"target", Target{Account: "A", Month: month, Amount: d("100.5"), Currency: "XOF"}.Validate(),
			Target{Account: "A", Month: month, Amount: d("100.0"), Currency: "XOF"}.Validate(),
			"amount: 100.5 has more decimal places than XOF allows (0)"},
		{"balance", Balance{Account: "A", On: on, Balance: d("-0.001"), Currency: "USD"}.Validate(),
			Balance{Account: "A", On: on, Balance: d("-0.010"), Currency: "USD"}.Validate(),
			"balance: -0.001 has more decimal places than USD allows (2)"},
	}
	for _, c := range cases {
		if c.bad == nil || c.bad.Error() != c.want {
			t.Errorf("%s: %v, want %q", c.name, c.bad, c.want)
		}
		if c.good != nil {
			t.Errorf("%s with trailing zeros: %v", c.name, c.good)
		}
	}
}

func TestTargetAndBalanceValidate(t *testing.T) {
	month := MustDate("2026-11-01")
	cases := []struct {
		name string
		err  error
		want string // "" for valid
	}{
		{"an amount", Target{Account: "A", Month: month, Amount: d("1000"), Currency: "NGN"}.Validate(), ""},
		{"a quantity for a product", Target{Account: "A", Month: month, Product: "AGO", Quantity: d("5000.5"), Currency: "NGN"}.Validate(), ""},
		{"both", Target{Account: "A", Month: month, Quantity: d("1"), Amount: d("1"), Currency: "NGN"}.Validate(), ""},
		{"neither", Target{Account: "A", Month: month, Currency: "NGN"}.Validate(), "amount: a target needs a quantity, an amount or both"},
		{"mid-month", Target{Account: "A", Month: MustDate("2026-11-15"), Amount: d("1"), Currency: "NGN"}.Validate(), "month: 2026-11-15 is not the first day of a month"},
		{"no month", Target{Account: "A", Amount: d("1"), Currency: "NGN"}.Validate(), "month: month is missing"},
		{"negative quantity", Target{Account: "A", Month: month, Quantity: d("-1"), Amount: d("1"), Currency: "NGN"}.Validate(), "quantity: quantity cannot be negative"},
		{"negative amount", Target{Account: "A", Month: month, Amount: d("-1"), Currency: "NGN"}.Validate(), "amount: amount cannot be negative"},
		{"product with a control", Target{Account: "A", Month: month, Product: "A\x1bB", Amount: d("1"), Currency: "NGN"}.Validate(), "product: contains a control character (U+001B)"},
		{"no currency", Target{Account: "A", Month: month, Amount: d("1")}.Validate(), `currency: currency "" is unknown`},
		{"balance in credit", Balance{Account: "A", On: month, Balance: d("-2500.50"), Currency: "NGN"}.Validate(), ""},
		{"balance zero", Balance{Account: "A", On: month, Balance: d("0"), Currency: "XOF"}.Validate(), ""},
		{"balance without a date", Balance{Account: "A", Balance: d("1"), Currency: "NGN"}.Validate(), "date: date is missing"},
		{"balance beyond 10^15", Balance{Account: "A", On: month, Balance: d("-1000000000000001"), Currency: "NGN"}.Validate(), "balance: -1000000000000001 is more than 10^15"},
	}
	for _, c := range cases {
		switch {
		case c.want == "" && c.err != nil:
			t.Errorf("%s: %v", c.name, c.err)
		case c.want != "" && (c.err == nil || !strings.Contains(c.err.Error(), c.want)):
			t.Errorf("%s: %v, want %q", c.name, c.err, c.want)
		}
	}
}

// TestAtPlaces: an amount that fits is written with exactly the currency's
// places; one that does not is left for validation to refuse.
func TestAtPlaces(t *testing.T) {
	cases := []struct {
		in   string
		cur  Currency
		want string
	}{
		{"55.9", "USD", "55.90"},   // one place short: 55.9 = 55.90
		{"55.900", "USD", "55.90"}, // a trailing zero past the cent
		{"100.00", "XOF", "100"},   // XOF has no minor unit
		{"0.005", "USD", "0.005"},  // does not fit: left as it is
		{"-12.5", "NGN", "-12.50"}, // a negative balance
		{"7", "KWD", "7.000"},      // KWD has 3 places
		{"80.07", "NGN", "80.07"},  // already at places
	}
	for _, c := range cases {
		// String drops trailing zeros: the exponent says how it is written.
		got := AtPlaces(d(c.in), c.cur)
		want := d(c.want)
		if !got.Equal(want) || got.Exponent() != want.Exponent() {
			t.Errorf("AtPlaces(%s, %s) = %s (exponent %d), want %s", c.in, c.cur, got, got.Exponent(), c.want)
		}
	}
}

// TestPlainest: a quantity without its trailing zeros; whole numbers as
// they are.
func TestPlainest(t *testing.T) {
	for in, want := range map[string]string{"2.50": "2.5", "2700.0": "2700", "2700": "2700", "0.000": "0", "1.25": "1.25"} {
		got := Plainest(d(in))
		if !got.Equal(d(want)) || got.String() != want || (got.Exponent() < 0 && strings.HasSuffix(got.StringFixed(-got.Exponent()), "0")) {
			t.Errorf("Plainest(%s) = %s (exponent %d), want %s", in, got, got.Exponent(), want)
		}
	}
}
