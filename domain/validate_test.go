package domain

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestValidateNamesTheField(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{Invoice{Account: "A", Number: "I1", Issued: MustDate("2026-01-02"), Amount: d("0"), Currency: "NGN"}.Validate(), "amount: amount must be more than zero"},
		{Invoice{Account: "A", Number: "I1", Issued: MustDate("2026-01-02"), Due: MustDate("2026-01-01"), Amount: d("1"), Currency: "NGN"}.Validate(), "due_date: due date is before the issue date"},
		{Invoice{Account: "A", Number: "I1", Issued: MustDate("2026-01-02"), Amount: d("1.5"), Currency: "XOF"}.Validate(), "amount: 1.5 has more decimal places than XOF allows (0)"},
		{Payment{Account: "A", Reference: "P", Received: MustDate("2026-01-02"), Amount: d("1"), Currency: "ABC"}.Validate(), `currency: currency "ABC" is unknown`},
		{Account{Code: "A", Name: "x", Tier: 4, Status: "active", Terms: "term", Currency: "NGN"}.Validate(), "tier: tier must be 1, 2 or 3, not 4"},
		{Account{Code: " A", Name: "x", Tier: 1, Status: "active", Terms: "term", Currency: "NGN"}.Validate(), "code: has spaces at the start or end"},
		{PaymentPlan{Account: "A", Agreed: MustDate("2026-01-02")}.Validate(), "instalments: a plan needs at least one instalment"},
		{Survey{Account: "A", On: MustDate("2026-01-02"), Kind: "nps", Score: 11}.Validate(), "score: NPS score 11 is out of range 0–10"},
		{FollowUp{Account: "A", Due: MustDate("2026-01-02"), Source: "manual", Status: FollowSnoozed}.Validate(), "until: a snoozed follow-up needs a date"},
		{QueueMark{Key: "k"}.Validate(), "until: a mark is done, or snoozed until a date"},
		{Escalation{Account: "A", Opened: MustDate("2026-01-02"), Category: "overdue", Severity: "urgent", To: "finance", Summary: "x", Status: "open"}.Validate(), `severity: severity "urgent" is not one of low, medium, high, critical`},
	}
	esc := Escalation{Account: "A", Opened: MustDate("2026-01-02"), Category: "overdue", Severity: "high", To: "finance", Summary: "x", Status: "open"}
	resolved := func(resolution, on string) Escalation {
		e := esc
		e.Status, e.Resolution = "resolved", resolution
		if on != "" {
			e.ResolvedOn = MustDate(on)
		}
		return e
	}
	openWith := func(resolution, on string) Escalation {
		e := resolved(resolution, on)
		e.Status = "open"
		return e
	}
	cases = append(cases, []struct {
		err  error
		want string
	}{
		{resolved("", "2026-01-05").Validate(), "resolution: say how the escalation was resolved"},
		{resolved("  ", "2026-01-05").Validate(), "resolution: say how the escalation was resolved"},
		// Opened 01-02, resolved 01-01: a day before it was opened.
		{resolved("paid", "2026-01-01").Validate(), "resolved_on: resolved on 2026-01-01, before the escalation was opened on 2026-01-02"},
		{openWith("paid", "").Validate(), "resolution: an open escalation has no resolution or resolved date"},
		{openWith("", "2026-01-05").Validate(), "resolution: an open escalation has no resolution or resolved date"},
	}...)
	for _, ok := range []Escalation{esc, resolved("paid", "2026-01-02"), resolved("paid", "2026-03-01"), resolved("paid", "")} {
		if err := ok.Validate(); err != nil {
			t.Errorf("%+v: %v", ok, err)
		}
	}
	for i, c := range cases {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("%d: got %v, want %q", i, c.err, c.want)
		}
	}
	good := Invoice{Account: "A", Number: "I1", Issued: MustDate("2026-01-02"), Amount: d("1.50"), Currency: "NGN"}
	if err := good.Validate(); err != nil {
		t.Error(err)
	}
}

func TestCheckCodeRefusesInvisibles(t *testing.T) {
	for _, s := range []string{"INV-\u202e001", "AC\u200bME", "\ufeffACME", "A\u2066B"} {
		if err := CheckCode(s); err == nil || !strings.Contains(err.Error(), "invisible") {
			t.Errorf("CheckCode(%q) = %v", s, err)
		}
	}
	if err := CheckCode("ỌKÀ-01"); err != nil {
		t.Errorf("a code with accents: %v", err)
	}
}

func TestPlausibleAmountsAndDates(t *testing.T) {
	inv := Invoice{Account: "A", Number: "I1", Issued: NewDate(1899, 12, 31), Due: NewDate(10000, 1, 1),
		Amount: decimal.RequireFromString("1000000000000000.01"), Currency: "NGN"}
	err := inv.Validate()
	for _, want := range []string{"issue_date: 1899-12-31 is outside 1900–9999", "due_date:", "amount: 1000000000000000.01 is more than 10^15"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("invoice: %v; want %q", err, want)
		}
	}
	inv.Issued, inv.Due, inv.Amount = MustDate("1900-01-01"), MustDate("9999-12-31"), decimal.New(1, 15)
	if err := inv.Validate(); err != nil {
		t.Errorf("the limits themselves are fine: %v", err)
	}
	if _, err := ParseDate("10000-01-01"); err == nil {
		t.Error("a five-digit year parsed")
	}
	if _, err := ParseRelative("+30", MustDate("9999-12-15")); err == nil {
		t.Error("+30 from 9999-12-15 gave a date")
	}
}

func TestUnlikelyCallsAskForConfirmation(t *testing.T) {
	today := MustDate("2026-11-22")
	// AR 1,000: a promise of 10,000 is ten times it (fine), 10,000.01 more (asks).
	f := &AccountFile{Account: Account{Code: "A", Currency: "NGN"}, Invoices: []Invoice{
		{Account: "A", Number: "I1", Issued: today - 40, Due: today - 10, Amount: decimal.NewFromInt(1000), Currency: "NGN"}}}
	call := Call{Outcome: "promise", PromiseAmount: decimal.NewFromInt(10000), PromiseDue: today + 5}
	if _, err := call.Entry(f, today); err != nil {
		t.Errorf("ten times the AR: %v", err)
	}
	call.PromiseAmount = decimal.RequireFromString("10000.01")
	var u Unlikely
	if _, err := call.Entry(f, today); !errors.As(err, &u) || !strings.Contains(err.Error(), "more than ten times the AR") {
		t.Errorf("more than ten times the AR: %v", err)
	}
	call.PromiseAmount, call.PromiseDue = decimal.NewFromInt(500), today.AddDays(366)
	if _, err := call.Entry(f, today); !errors.As(err, &u) || len(u) != 2 { // the promise and its default follow-up
		t.Errorf("a promise more than a year away: %v", err)
	}
	call.Confirmed = true
	if _, err := call.Entry(f, today); err != nil {
		t.Errorf("confirmed: %v", err)
	}
}
