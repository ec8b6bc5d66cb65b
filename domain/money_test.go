package domain

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestParseAmount(t *testing.T) {
	good := map[string]string{"1500": "1500", "1500.50": "1500.5", "0.01": "0.01", "-3.2": "-3.2", " 7 ": "7", "100.00": "100",
		"1,500,000": "1500000", "1,500,000.50": "1500000.5", "-1,500": "-1500", "+12,345.6": "12345.6", "999": "999"}
	for in, want := range good {
		got, err := ParseAmount(in, "NGN")
		if err != nil || got.String() != want {
			t.Errorf("%q → %s %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "1,50", "1,5000", ",500", "1,,500", "1500,", "1.500,00", "1,500.5,0", "12,34,567", "1e3", "abc", "1.2.3", "12.345", "--1", "."} {
		if _, err := ParseAmount(bad, "NGN"); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	// A comma that may be a decimal comma is refused in words, not guessed.
	if _, err := ParseAmount("1,50", "NGN"); err == nil || !strings.Contains(err.Error(), "a comma only separates thousands") {
		t.Errorf("1,50: %v", err)
	}
	if _, err := ParseAmount("1,500.555", "NGN"); err == nil {
		t.Error("1,500.555 has three places in NGN")
	}
	if _, err := ParseAmount("10.5", "XOF"); err == nil {
		t.Error("XOF has no minor unit")
	}
	if got, err := ParseAmount("100.00", "XOF"); err != nil || got.String() != "100" {
		t.Errorf("100.00 XOF → %s %v", got, err)
	}
}

func TestFormats(t *testing.T) {
	if got := Plain(d("1234567.8"), "NGN"); got != "1234567.80" {
		t.Error(got)
	}
	if got := Plain(d("1500"), "XOF"); got != "1500" {
		t.Error(got)
	}
	if got := Human(d("-1234567.8"), "NGN"); got != "-1,234,567.80" {
		t.Error(got)
	}
	if got := (Money{d("4200000"), "NGN"}).String(); got != "₦4,200,000.00" {
		t.Error(got)
	}
	for in, want := range map[string]string{"42500": "42.5k", "620000": "620k", "999499": "999k", "999500": "1.0M",
		"4249999": "4.2M", "4250000": "4.3M", "1500000000": "1.5B", "950.4": "950", "-42500": "-42.5k", "99949": "99.9k", "99950": "100k", "80000": "80k", "1000": "1k"} {
		if got := Short(d(in)); got != want {
			t.Errorf("Short(%s) = %s, want %s", in, got, want)
		}
	}
	if got := Places("JPY"); got != 0 {
		t.Error(got)
	}
}

func Places(c Currency) int32 { return c.Places() }

func TestCheckTextRefusesControls(t *testing.T) {
	if err := CheckText("Acme\x1b[31m", true, 100); err == nil || !strings.Contains(err.Error(), "control") {
		t.Errorf("escape accepted: %v", err)
	}
	if err := CheckText("Ọ̀kàfọ̀ Haulage — Lagos", true, 100); err != nil {
		t.Error(err)
	}
}

// TestShortFastMatchesDecimal: the integer Short prints what the decimal
// one prints, on random amounts around every threshold and rounding point.
func TestShortFastMatchesDecimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	cases := []string{"0", "-0.5", "0.5", "949.5", "999.4", "999.5", "-999.5", "1000", "99949.99", "99950", "999499", "999500",
		"-999500", "999949999", "999950000", "1234567890123.45", "-0.00001", "0.49", "1.5", "2.5", "-2.5", "1e3", "12e2"}
	for range 20000 {
		c := rng.Int64N(2_000_000_000_000) - 1_000_000_000_000
		cases = append(cases, decimal.New(c, -int32(rng.IntN(8))).String(), decimal.New(c%100000, int32(rng.IntN(4))).String())
	}
	for _, s := range cases {
		v := decimal.RequireFromString(s)
		fast, ok := shortFast(v)
		if want := shortDecimal(v); !ok || fast != want {
			t.Fatalf("Short(%s) = %q (ok %v), want %q", s, fast, ok, want)
		}
	}
}

func TestFloatMatchesInexact(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	for range 50000 {
		d := decimal.New(rng.Int64N(1<<50)-1<<49, int32(rng.IntN(30)-15))
		if got, want := Float(d), d.InexactFloat64(); got != want {
			t.Fatalf("Float(%s) = %v, want %v", d, got, want)
		}
	}
}
