package domain

import (
	"strings"
	"testing"
)

// The opening file as of a date: a document counts from the day it came in
// and from the day it was validated; a blockage from its since date until
// the day it was resolved.
func TestOpeningOf(t *testing.T) {
	d := MustDate
	required := DefaultRequiredDocs // company-registration, tax-identifier, signatory-id, signed-contract
	docs := []Document{
		{Kind: "company-registration", Received: d("2026-11-02"), ValidatedOn: d("2026-11-05"), ValidatedBy: "ada"},
		{Kind: "tax-identifier", Received: d("2026-11-10")},
		{Kind: "bank-reference", Received: d("2026-11-01")}, // not required: not counted
	}
	blocks := []Blockage{
		{ID: 1, Reason: "credit check", Since: d("2026-11-03"), ResolvedOn: d("2026-11-12")},
		{ID: 2, Reason: "director's ID expired\nasked for the new one", Since: d("2026-11-08")},
	}
	cases := []struct {
		on          string
		missing     string
		unvalidated string
		blocked     string
		pending     int
		say         string
	}{
		// Before anything: the four missing, nothing blocks.
		{"2026-11-01", "company-registration,tax-identifier,signatory-id,signed-contract", "", "", 4,
			"missing company registration, tax identifier, signatory's ID, signed contract"},
		// 11-04: registration received (11-02) not validated (11-05); blockage 1 from 11-03.
		{"2026-11-04", "tax-identifier,signatory-id,signed-contract", "company-registration", "1", 4,
			"missing tax identifier, signatory's ID, signed contract; not validated: company registration; blocked: credit check"},
		// 11-10: registration validated; tax identifier in that day; blockages 1 and 2 open.
		{"2026-11-10", "signatory-id,signed-contract", "tax-identifier", "1,2", 3,
			"missing signatory's ID, signed contract; not validated: tax identifier; blocked: credit check, director's ID expired"},
		// 11-12: blockage 1 resolved that day: it no longer blocks.
		{"2026-11-12", "signatory-id,signed-contract", "tax-identifier", "2", 3,
			"missing signatory's ID, signed contract; not validated: tax identifier; blocked: director's ID expired"},
	}
	for _, c := range cases {
		o := OpeningOf(required, docs, blocks, d(c.on))
		var ids []string
		for _, b := range o.Blocked {
			ids = append(ids, string(rune('0'+b.ID)))
		}
		if strings.Join(o.Missing, ",") != c.missing || strings.Join(o.Unvalidated, ",") != c.unvalidated ||
			strings.Join(ids, ",") != c.blocked || o.Pending() != c.pending || o.String() != c.say {
			t.Errorf("%s: %+v pending %d\n%q\nwant missing %s, unvalidated %s, blocked %s, pending %d\n%q",
				c.on, o, o.Pending(), o.String(), c.missing, c.unvalidated, c.blocked, c.pending, c.say)
		}
	}
	all := []Document{{Kind: "a", Received: d("2026-11-01"), ValidatedOn: d("2026-11-01")}}
	if o := OpeningOf([]string{"a"}, all, nil, d("2026-11-01")); !o.Complete() || o.String() != "documents complete, nothing blocks" {
		t.Errorf("complete: %+v %q", o, o.String())
	}
	if o := OpeningOf(nil, nil, nil, d("2026-11-01")); !o.Complete() {
		t.Errorf("nothing required: %+v", o)
	}
}

func TestDocumentLabelAndHeadline(t *testing.T) {
	for kind, want := range map[string]string{"signatory-id": "signatory's ID", "tax-identifier": "tax identifier", "bank-reference": "bank reference"} {
		if got := DocumentLabel(kind); got != want {
			t.Errorf("DocumentLabel(%s) = %q, want %q", kind, got, want)
		}
	}
	for reason, want := range map[string]string{
		" credit check \nmore": "credit check",
		// 47 characters: the first 39 kept, then "…".
		"waiting for the bank reference from Zenith Bank": "waiting for the bank reference from Zen…",
	} {
		if got := (Blockage{Reason: reason}).Headline(); got != want {
			t.Errorf("Headline(%q) = %q, want %q", reason, got, want)
		}
	}
}

// TestAccountLive: a live date decides; without one, active and on-hold are
// live (an ERP's book seldom has the date), onboarding and churned are not.
func TestAccountLive(t *testing.T) {
	on := MustDate("2026-07-01")
	for _, c := range []struct {
		a    Account
		want bool
	}{
		{Account{Status: StatusOnboarding, LiveOn: MustDate("2026-07-01")}, true}, // live that day
		{Account{Status: StatusActive, LiveOn: MustDate("2026-07-02")}, false},    // the date decides, not the status
		{Account{Status: StatusActive}, true},
		{Account{Status: StatusOnHold}, true},
		{Account{Status: StatusOnboarding}, false},
		{Account{Status: StatusChurned}, false},
	} {
		if got := c.a.Live(on); got != c.want {
			t.Errorf("%s, live on %s: live on %s is %v, want %v", c.a.Status, c.a.LiveOn, on, got, c.want)
		}
	}
}
