package domain

import "testing"

func TestUtilLevel(t *testing.T) {
	th := DefaultSettings().Thresholds // warn at 80 %, breach over 100 %
	asOf := MustDate("2026-06-30")
	// AR against a limit of 10,000.00: 7,999.00 is 79.99 %, and so on. A limit
	// of 10,000.005 has no exact form in the ledger's cents: the levels are
	// then read from the divided utilisation (8,000 ÷ 10,000.005 = 79.99996 %).
	cases := []struct {
		ar, limit string
		want      UtilLevel
	}{
		{"7999.00", "10000.00", UtilFine},
		{"8000.00", "10000.00", UtilWarning},  // at the warning threshold
		{"10000.00", "10000.00", UtilWarning}, // a breach is over 100 %, not at it
		{"10000.01", "10000.00", UtilOver},
		{"25000.00", "0", UtilFine}, // no limit: nothing to read
		{"8000.00", "10000.005", UtilFine},
		{"8000.01", "10000.005", UtilWarning},
	}
	for _, c := range cases {
		f := file([]Invoice{inv("I1", "2026-06-01", "2026-07-01", c.ar)}, nil, nil)
		f.Account.CreditLimit = d(c.limit)
		s := Summarize(mustFacts(t, f), asOf, DefaultSettings())
		if got := s.UtilLevel(th); got != c.want {
			t.Errorf("AR %s, limit %s (%s %%): %d, want %d", c.ar, c.limit, s.Util(), got, c.want)
		}
	}
}

func TestContactStale(t *testing.T) {
	th := DefaultSettings().Thresholds // stale after 30 days
	asOf := MustDate("2026-11-17")
	cases := []struct {
		status string
		last   Date
		want   bool
	}{
		{StatusActive, asOf.AddDays(-30), false}, // 30 days is not more than 30
		{StatusActive, asOf.AddDays(-31), true},
		{StatusActive, 0, true},   // never contacted
		{StatusChurned, 0, false}, // only active accounts go stale
		{StatusOnboarding, asOf.AddDays(-90), false},
	}
	for _, c := range cases {
		s := Summary{Facts: &Facts{Account: Account{Status: c.status}}, AsOf: asOf, LastContact: c.last}
		if got := s.ContactStale(th); got != c.want {
			t.Errorf("%s, last %s: %v, want %v", c.status, c.last, got, c.want)
		}
	}
}

func TestRenewalDue(t *testing.T) {
	th := DefaultSettings().Thresholds // a 90-day horizon
	asOf := MustDate("2026-11-17")
	cases := []struct {
		end  Date
		want bool
	}{
		{asOf.AddDays(-1), false}, // ended yesterday
		{asOf, true},              // ends today
		{asOf.AddDays(90), true},  // 17 Nov + 90 = 15 Feb, the horizon's last day
		{asOf.AddDays(91), false},
	}
	for _, c := range cases {
		if got := th.RenewalDue(c.end, asOf); got != c.want {
			t.Errorf("ends %s: %v, want %v", c.end, got, c.want)
		}
	}
}

func TestCmpProducts(t *testing.T) {
	// 9e18 × 100 against 1e18 × 899: 9e20 > 8.99e20, beyond an int64 on both sides.
	for _, c := range []struct {
		a, b, c, d int64
		want       int
	}{
		{9_000_000_000_000_000_000, 100, 1_000_000_000_000_000_000, 899, 1},
		{9_000_000_000_000_000_000, 100, 1_000_000_000_000_000_000, 900, 0},
		{9_000_000_000_000_000_000, 100, 1_000_000_000_000_000_000, 901, -1},
		{80, 100, 100, 80, 0}, {81, 100, 100, 80, 1}, {-5, 100, 100, 80, -1}, {0, 100, 100, 0, 0},
	} {
		if got := cmpProducts(c.a, c.b, c.c, c.d); got != c.want {
			t.Errorf("%d×%d vs %d×%d: %d, want %d", c.a, c.b, c.c, c.d, got, c.want)
		}
	}
}
