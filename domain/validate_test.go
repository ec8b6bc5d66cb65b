package domain

import (
	"strings"
	"testing"
)

func TestValidateNamesTheField(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{Invoice{Account: "A", Number: "I1", Issued: MustDate("2026-01-02"), Amount: d("0"), Currency: "NGN"}.Validate(), "amount: amount must be more than zero"},
		{Invoice{Account: "A", Number: "I1", Issued: MustDate("2026-01-02"), Due: MustDate("2026-01-01"), Amount: d("1"), Currency: "NGN"}.Validate(), "due_date: due date is before the issue date"},
		{Invoice{Account: "A", Number: "I1", Issued: MustDate("2026-01-02"), Amount: d("1.5"), Currency: "XOF"}.Validate(), "amount: more decimal places than XOF allows"},
		{Payment{Account: "A", Reference: "P", Received: MustDate("2026-01-02"), Amount: d("1"), Currency: "ABC"}.Validate(), `currency: currency "ABC" is unknown`},
		{Account{Code: "A", Name: "x", Tier: 4, Status: "active", Terms: "term", Currency: "NGN"}.Validate(), "tier: tier must be 1, 2 or 3, not 4"},
		{Account{Code: " A", Name: "x", Tier: 1, Status: "active", Terms: "term", Currency: "NGN"}.Validate(), "code: has spaces at the start or end"},
		{PaymentPlan{Account: "A", Agreed: MustDate("2026-01-02")}.Validate(), "instalments: a plan needs at least one instalment"},
		{Survey{Account: "A", On: MustDate("2026-01-02"), Kind: "nps", Score: 11}.Validate(), "score: NPS score 11 is out of range 0–10"},
		{FollowUp{Account: "A", Due: MustDate("2026-01-02"), Source: "manual", Status: FollowSnoozed}.Validate(), "until: a snoozed follow-up needs a date"},
		{QueueMark{Key: "k"}.Validate(), "until: a mark is done, or snoozed until a date"},
		{Escalation{Account: "A", Opened: MustDate("2026-01-02"), Category: "overdue", Severity: "urgent", To: "finance", Summary: "x", Status: "open"}.Validate(), `severity: severity "urgent" is not one of low, medium, high, critical`},
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
