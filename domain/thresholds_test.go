package domain

import "testing"

func TestUtilLevel(t *testing.T) {
	th := DefaultSettings().Thresholds // warn at 80 %, breach over 100 %
	cases := []struct {
		util    string
		hasUtil bool
		want    UtilLevel
	}{
		{"79.99", true, UtilFine},
		{"80", true, UtilWarning},  // at the warning threshold
		{"100", true, UtilWarning}, // a breach is over 100 %, not at it
		{"100.01", true, UtilOver},
		{"250", false, UtilFine}, // no limit: nothing to read
	}
	for _, c := range cases {
		s := Summary{Util: d(c.util), HasUtil: c.hasUtil}
		if got := s.UtilLevel(th); got != c.want {
			t.Errorf("%s %% (limit %v): %d, want %d", c.util, c.hasUtil, got, c.want)
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
