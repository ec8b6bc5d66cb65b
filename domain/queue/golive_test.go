package queue

import (
	"testing"

	"acctdesk/domain"
)

// go-live-late: an account signed more than 14 days ago and not live, with
// what its opening file lacks (SPEC §11.3).
func TestGoLiveLateNamesWhatIsMissing(t *testing.T) {
	signed := asOf.AddDays(-23) // 2026-10-26
	cases := []struct {
		name   string
		signed domain.Date
		live   domain.Date
		docs   []domain.Document
		blocks []domain.Blockage
		detail string // "" for no item
	}{
		{"14 days is on time", asOf.AddDays(-14), 0, nil, nil, ""},
		{"live", signed, asOf.AddDays(-1), nil, nil, ""},
		{"nothing in", signed, 0, nil, nil,
			"signed 23 days ago, not live: missing company registration, tax identifier, signatory's ID, signed contract"},
		{"two in, one blocked", signed, 0, []domain.Document{
			{Kind: "company-registration", Received: signed, ValidatedOn: signed},
			{Kind: "signatory-id", Received: signed, ValidatedOn: asOf},
		}, []domain.Blockage{{ID: 1, Reason: "credit check", Since: signed}}, "signed 23 days ago, not live: missing tax identifier, signed contract; blocked: credit check"},
		{"complete", signed, 0, []domain.Document{
			{Kind: "company-registration", Received: signed, ValidatedOn: signed},
			{Kind: "tax-identifier", Received: signed, ValidatedOn: signed},
			{Kind: "signatory-id", Received: signed, ValidatedOn: signed},
			{Kind: "signed-contract", Received: signed, ValidatedOn: signed},
		}, []domain.Blockage{{ID: 1, Reason: "credit check", Since: signed, ResolvedOn: asOf}}, "signed 23 days ago, not live: documents complete, nothing blocks"},
	}
	for _, c := range cases {
		f := acct("A", 3)
		f.Account.Status, f.Account.OpenedOn, f.Account.LiveOn = domain.StatusOnboarding, c.signed, c.live
		f.Documents, f.Blockages = c.docs, c.blocks
		var got []Item
		for _, it := range build(f) {
			if it.Reason == GoLiveLate {
				got = append(got, it)
			}
		}
		switch {
		case c.detail == "" && len(got) > 0:
			t.Errorf("%s: %+v, want no item", c.name, got)
		case c.detail != "" && (len(got) != 1 || got[0].Detail != c.detail):
			t.Errorf("%s: %+v, want one item %q", c.name, got, c.detail)
		}
	}
}
