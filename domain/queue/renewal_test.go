package queue

import (
	"testing"

	"acctdesk/domain"
)

// The renewal rule raises a contract ending within the horizon (90 days)
// that nobody renewed, let lapse or terminated — the domain's state.
func TestRenewalRule(t *testing.T) {
	k := func(id string, start, end domain.Date, status string) domain.Contract {
		return domain.Contract{Account: "A", ID: id, Start: start, End: end, Status: status}
	}
	start := domain.MustDate("2025-01-01")
	cases := []struct {
		name   string
		cs     []domain.Contract
		detail string // "" for no item
	}{
		// 18 Nov + 90 = 16 Feb 2027 (12 to 30 Nov, +31, +31, +16).
		{"90 days", []domain.Contract{k("K", start, asOf.AddDays(90), "")}, "contract ends in 90 days (16 Feb'27)"},
		{"91 days", []domain.Contract{k("K", start, asOf.AddDays(91), "")}, ""},
		{"today", []domain.Contract{k("K", start, asOf, "active")}, "contract ends in 0 days (18 Nov)"},
		{"ended", []domain.Contract{k("K", start, asOf.AddDays(-1), "active")}, ""},
		{"status renewed", []domain.Contract{k("K", start, asOf.AddDays(20), domain.ContractRenewed)}, ""},
		{"lapse recorded", []domain.Contract{k("K", start, asOf.AddDays(20), domain.ContractLapsed)}, ""},
		{"terminated", []domain.Contract{k("K", start, asOf.AddDays(20), domain.ContractTerminated)}, ""},
		{"renewed by the next contract", []domain.Contract{
			k("K", start, asOf.AddDays(20), ""), k("K-R1", asOf.AddDays(21), asOf.AddDays(400), "")}, ""},
		{"a contract inside it renews nothing", []domain.Contract{
			k("K", start, asOf.AddDays(200), ""), k("K2", asOf.AddDays(-30), asOf.AddDays(10), "")}, "contract ends in 10 days (28 Nov)"},
	}
	for _, c := range cases {
		f := acct("A", 2)
		f.Contracts = c.cs
		var got []Item
		for _, it := range build(f) {
			if it.Reason == Renewal {
				got = append(got, it)
			}
		}
		switch {
		case c.detail == "" && len(got) > 0:
			t.Errorf("%s: %+v, want no renewal item", c.name, got)
		case c.detail != "" && (len(got) != 1 || got[0].Detail != c.detail):
			t.Errorf("%s: %+v, want one item %q", c.name, got, c.detail)
		}
	}
}
