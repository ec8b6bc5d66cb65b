package domain

import (
	"errors"
	"strings"
	"testing"
)

// TestDecideCredit: each decision's old → new, the utilisation it leaves
// (net AR × 100 ÷ (limit + unexpired overdraft), half away from zero to
// one decimal), the breach check and the refusals, by hand.
func TestDecideCredit(t *testing.T) {
	asOf := MustDate("2026-11-22")
	acct := func(limit, od, expires string) Account {
		a := Account{Code: "OKAF01", Currency: "NGN", CreditLimit: d(limit)}
		if od != "" {
			a.Overdraft = Overdraft{Amount: d(od), Expires: MustDate(expires), ApprovedBy: "cfo"}
		}
		return a
	}
	lim := func(s string) CreditChange {
		return CreditChange{SetLimit: true, Limit: d(s), Reason: "review", ApprovedBy: "bisi"}
	}
	od := func(s, exp string) CreditChange {
		c := CreditChange{SetOverdraft: true, Overdraft: d(s), Reason: "season", ApprovedBy: "bisi"}
		if exp != "" {
			c.Expires = MustDate(exp)
		}
		return c
	}
	type dec struct{ field, old, new, oldExp, newExp string }
	cases := []struct {
		name      string
		a         Account
		net       string
		ch        CreditChange
		confirmed bool
		before    string // "" none
		after     string // "" none
		over      bool
		decs      []dec
		unlikely  string // part of the Unlikely, "" for none
	}{
		// 9,000,000 × 100 ÷ 10,000,000 = 90.0 before; ÷ 12,000,000 = 75.0 after.
		{"limit raised", acct("10000000", "", ""), "9000000", lim("12000000"), false, "90.0", "75.0", false,
			[]dec{{FieldCreditLimit, "10000000", "12000000", "", ""}}, ""},
		// 9,000,000 × 100 ÷ 8,000,000 = 112.5: over 100, refused unless confirmed.
		{"limit cut over the breach", acct("10000000", "", ""), "9000000", lim("8000000"), false, "90.0", "112.5", true,
			[]dec{{FieldCreditLimit, "10000000", "8000000", "", ""}}, "utilisation after the decision is 112.5 %, over the 100 % breach threshold"},
		{"limit cut over the breach, confirmed", acct("10000000", "", ""), "9000000", lim("8000000"), true, "90.0", "112.5", true,
			[]dec{{FieldCreditLimit, "10000000", "8000000", "", ""}}, ""},
		// Exactly the limit is 100.0 %: a breach is over 100 (> 100), not at it.
		{"at the limit is no breach", acct("10000000", "", ""), "9000000", lim("9000000"), false, "90.0", "100.0", false,
			[]dec{{FieldCreditLimit, "10000000", "9000000", "", ""}}, ""},
		// 9,000,000.01 × 100 ÷ 9,000,000 = 100.000000111…: 100.0 rounded, yet over.
		{"a cent over is a breach", acct("10000000", "", ""), "9000000.01", lim("9000000"), false, "90.0", "100.0", true,
			[]dec{{FieldCreditLimit, "10000000", "9000000", "", ""}}, "over the 100 % breach threshold"},
		// An overdraft of 2,000,000 to 12-31 adds to the limit: 9,000,000 × 100 ÷ 12,000,000 = 75.0.
		{"overdraft granted", acct("10000000", "", ""), "9000000", od("2000000", "2026-12-31"), false, "90.0", "75.0", false,
			[]dec{{FieldOverdraft, "0", "2000000", "", "2026-12-31"}}, ""},
		// Removing a 5,000,000 overdraft in force to 12-15: before 9,000,000 × 100 ÷ 15,000,000 = 60.0, after 90.0.
		{"overdraft removed", acct("10000000", "5000000", "2026-12-15"), "9000000", od("0", ""), false, "60.0", "90.0", false,
			[]dec{{FieldOverdraft, "5000000", "0", "2026-12-15", ""}}, ""},
		// The same overdraft to a later date is a decision (its expiry changes).
		{"overdraft extended", acct("10000000", "5000000", "2026-12-15"), "9000000", od("5000000", "2027-01-31"), false, "60.0", "60.0", false,
			[]dec{{FieldOverdraft, "5000000", "5000000", "2026-12-15", "2027-01-31"}}, ""},
		// An overdraft that expired on 11-20 is not in force on 11-22: before 90.0;
		// a new one of 1,000,000: 9,000,000 × 100 ÷ 11,000,000 = 81.818… → 81.8.
		{"new overdraft over an expired one", acct("10000000", "5000000", "2026-11-20"), "9000000", od("1000000", "2026-12-31"), false, "90.0", "81.8", false,
			[]dec{{FieldOverdraft, "5000000", "1000000", "2026-11-20", "2026-12-31"}}, ""},
		// Both at once: two decisions, the limit first, the same utilisation after:
		// 9,000,000 × 100 ÷ (11,000,000 + 1,000,000) = 75.0.
		{"limit and overdraft", acct("10000000", "", ""), "9000000",
			CreditChange{SetLimit: true, Limit: d("11000000"), SetOverdraft: true, Overdraft: d("1000000"), Expires: MustDate("2026-12-31"), Reason: "r", ApprovedBy: "bisi"},
			false, "90.0", "75.0", false,
			[]dec{{FieldCreditLimit, "10000000", "11000000", "", ""}, {FieldOverdraft, "0", "1000000", "", "2026-12-31"}}, ""},
		// The limit given is the one it has: only the overdraft is a decision.
		{"an unchanged value is no decision", acct("10000000", "", ""), "9000000",
			CreditChange{SetLimit: true, Limit: d("10000000.00"), SetOverdraft: true, Overdraft: d("1000000"), Expires: MustDate("2026-12-31"), Reason: "r", ApprovedBy: "bisi"},
			false, "90.0", "81.8", false, []dec{{FieldOverdraft, "0", "1000000", "", "2026-12-31"}}, ""},
		// A limit of 0 is no limit: no utilisation after.
		{"limit removed", acct("10000000", "", ""), "9000000", lim("0"), false, "90.0", "", false,
			[]dec{{FieldCreditLimit, "10000000", "0", "", ""}}, ""},
		// Half away from zero: 1,235,000 × 100 ÷ 10,000,000 = 12.35 → 12.4;
		// 1,234,999 → 12.34999 → 12.3; in credit, −1,235,000 → −12.35 → −12.4.
		{"half up", acct("5000000", "", ""), "1235000", lim("10000000"), false, "24.7", "12.4", false,
			[]dec{{FieldCreditLimit, "5000000", "10000000", "", ""}}, ""},
		{"just under half", acct("5000000", "", ""), "1234999", lim("10000000"), false, "24.7", "12.3", false,
			[]dec{{FieldCreditLimit, "5000000", "10000000", "", ""}}, ""},
		{"half away from zero when in credit", acct("5000000", "", ""), "-1235000", lim("10000000"), false, "-24.7", "-12.4", false,
			[]dec{{FieldCreditLimit, "5000000", "10000000", "", ""}}, ""},
		// A first limit: none before; 9,000,000 × 100 ÷ 30,000,000 = 30.0.
		{"first limit", acct("0", "", ""), "9000000", lim("30000000"), false, "", "30.0", false,
			[]dec{{FieldCreditLimit, "0", "30000000", "", ""}}, ""},
		// An overdraft expiring 2027-12-01, more than 365 days after 11-22, asks to confirm.
		{"overdraft far off", acct("10000000", "", ""), "9000000", od("1000000", "2027-12-01"), false, "90.0", "81.8", false,
			[]dec{{FieldOverdraft, "0", "1000000", "", "2027-12-01"}}, "the overdraft expiry 2027-12-01 is more than a year away"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			th := DefaultSettings().Thresholds
			out, err := DecideCredit(c.a, d(c.net), asOf, c.ch, th, c.confirmed)
			var u Unlikely
			switch {
			case c.unlikely != "":
				if !errors.As(err, &u) || !strings.Contains(err.Error(), c.unlikely) {
					t.Fatalf("err %v; want Unlikely saying %q", err, c.unlikely)
				}
			case err != nil:
				t.Fatal(err)
			}
			pct := func(s string, ok bool) string {
				if !ok {
					return ""
				}
				return s
			}
			if got := pct(out.Before.StringFixed(1), out.HasBefore); got != c.before {
				t.Errorf("before %q, want %q", got, c.before)
			}
			if got := pct(out.After.StringFixed(1), out.HasAfter); got != c.after {
				t.Errorf("after %q, want %q", got, c.after)
			}
			if out.Over != c.over {
				t.Errorf("over %v, want %v", out.Over, c.over)
			}
			if len(out.Decisions) != len(c.decs) {
				t.Fatalf("decisions %+v, want %v", out.Decisions, c.decs)
			}
			date := func(x Date) string {
				if x.IsZero() {
					return ""
				}
				return x.String()
			}
			for i, w := range c.decs {
				g := out.Decisions[i]
				if g.Field != w.field || !g.Old.Equal(d(w.old)) || !g.New.Equal(d(w.new)) || date(g.OldExpires) != w.oldExp ||
					date(g.NewExpires) != w.newExp || g.On != asOf || g.Currency != "NGN" || g.ApprovedBy != "bisi" ||
					pct(g.UtilisationAfter.StringFixed(1), g.HasUtilisation) != c.after || g.ConfirmedOver != (c.over && c.confirmed) {
					t.Errorf("decision %d %+v, want %+v after %s", i, g, w, c.after)
				}
				if err := g.Validate(); err != nil {
					t.Errorf("decision %d does not validate: %v", i, err)
				}
			}
			// The account carries the new values; a new overdraft its approver.
			if c.ch.SetLimit && !out.Account.CreditLimit.Equal(c.ch.Limit) {
				t.Errorf("account limit %s", out.Account.CreditLimit)
			}
			if c.ch.SetOverdraft {
				o := out.Account.Overdraft
				if !o.Amount.Equal(c.ch.Overdraft) || o.Expires != c.ch.Expires || (o.Amount.IsPositive() && o.ApprovedBy != "bisi") {
					t.Errorf("account overdraft %+v", o)
				}
			}
		})
	}
}

// TestDecideCreditRefused: every refusal names its field and why.
func TestDecideCreditRefused(t *testing.T) {
	asOf := MustDate("2026-11-22")
	a := Account{Code: "OKAF01", Currency: "NGN", CreditLimit: d("10000000")}
	th := DefaultSettings().Thresholds
	cases := []struct {
		name  string
		ch    CreditChange
		field string
		says  string
	}{
		{"nothing asked", CreditChange{Reason: "r", ApprovedBy: "b"}, "credit_limit", "give a new limit, an overdraft, or both"},
		{"negative limit", CreditChange{SetLimit: true, Limit: d("-1"), Reason: "r", ApprovedBy: "b"}, "credit_limit", "cannot be negative"},
		{"a tenth of a kobo", CreditChange{SetLimit: true, Limit: d("10.001"), Reason: "r", ApprovedBy: "b"}, "credit_limit", "more decimal places than NGN allows (2)"},
		{"implausible", CreditChange{SetLimit: true, Limit: d("1000000000000001"), Reason: "r", ApprovedBy: "b"}, "credit_limit", "not a plausible amount"},
		{"no expiry", CreditChange{SetOverdraft: true, Overdraft: d("5"), Reason: "r", ApprovedBy: "b"}, "expires", "needs an expiry date"},
		{"expires today", CreditChange{SetOverdraft: true, Overdraft: d("5"), Expires: asOf, Reason: "r", ApprovedBy: "b"}, "expires", "must expire after 2026-11-22"},
		{"expiry alone", CreditChange{SetLimit: true, Limit: d("5"), Expires: asOf + 9, Reason: "r", ApprovedBy: "b"}, "expires", "goes with an overdraft amount"},
		{"removal with an expiry", CreditChange{SetOverdraft: true, Expires: asOf + 9, Reason: "r", ApprovedBy: "b"}, "expires", "takes no expiry"},
		{"no reason", CreditChange{SetLimit: true, Limit: d("5"), Reason: "  ", ApprovedBy: "b"}, "reason", "needs a reason"},
		{"no approver", CreditChange{SetLimit: true, Limit: d("5"), Reason: "r"}, "approved_by", "who approved"},
	}
	for _, c := range cases {
		_, err := DecideCredit(a, d("1"), asOf, c.ch, th, false)
		var ve ValidationError
		if !errors.As(err, &ve) {
			t.Errorf("%s: %v; want a ValidationError", c.name, err)
			continue
		}
		found := false
		for _, fe := range ve {
			found = found || (fe.Field == c.field && strings.Contains(fe.Reason, c.says))
		}
		if !found {
			t.Errorf("%s: %v; want %s: …%s…", c.name, err, c.field, c.says)
		}
	}
	// Nothing changes: the limit it has, no overdraft to remove.
	_, err := DecideCredit(a, d("1"), asOf, CreditChange{SetLimit: true, Limit: d("10000000"), SetOverdraft: true, Reason: "r", ApprovedBy: "b"}, th, false)
	if err == nil || err.Error() != "nothing changes: the limit is ₦10,000,000.00 and no overdraft" {
		t.Errorf("unchanged: %v", err)
	}
}

// TestCreditEntry: the timeline entry says old → new, who approved, why
// and the utilisation left.
func TestCreditEntry(t *testing.T) {
	asOf := MustDate("2026-11-22")
	a := Account{Code: "OKAF01", Currency: "NGN", CreditLimit: d("10000000")}
	out, err := DecideCredit(a, d("9000000"), asOf, CreditChange{SetLimit: true, Limit: d("8000000"), SetOverdraft: true,
		Overdraft: d("500000"), Expires: MustDate("2026-12-31"), Reason: "seasonal peak.", ApprovedBy: "cfo"}, DefaultSettings().Thresholds, true)
	if err != nil {
		t.Fatal(err)
	}
	// 9,000,000 × 100 ÷ 8,500,000 = 105.88… → 105.9, over 100: confirmed.
	e := out.CreditEntry()
	want := "Credit limit ₦10,000,000.00 → ₦8,000,000.00; overdraft none → ₦500,000.00 to 31 Dec 2026, approved by cfo: seasonal peak. " +
		"Utilisation after 105.9 %, over the 100 % breach threshold: confirmed."
	if e.Text != want || e.Kind != KindCreditDecision || e.On != asOf || e.Account != "OKAF01" {
		t.Errorf("entry %+v\nwant text %q", e, want)
	}
	if err := e.Validate(); err != nil {
		t.Error(err)
	}
}

// TestAfterPctShowsItIsOver: a utilisation over the breach threshold by
// less than one decimal shows is written with as many decimals as it takes
// (cut, never rounded up), in the refusal and on the timeline; one decimal
// when that shows it.
func TestAfterPctShowsItIsOver(t *testing.T) {
	asOf := MustDate("2026-11-22")
	th := Thresholds{UtilWarnPct: 80, UtilBreachPct: 100}
	for _, c := range []struct {
		name, net, limit, want string
	}{
		// 1,200,000.25 × 100 ÷ 1,199,995.25 = 100.000416669…: 100.0 rounded, 100.00 and 100.000 cut; 100.0004.
		{"four places", "1200000.25", "1199995.25", "100.0004"},
		// 1,200,000.25 × 100 ÷ 1,199,999.00 = 100.000104166…: 100.0001.
		{"a ten-thousandth", "1200000.25", "1199999", "100.0001"},
		// 1,200,000.25 × 100 ÷ 1,199,990.00 = 100.000854…: 100.00 cut is not over; 100.000 is not; 100.0008.
		{"eight ten-thousandths", "1200000.25", "1199990", "100.0008"},
		// 1,200,000.25 × 100 ÷ 1,199,800.00 = 100.016690…: 100.0 rounded; 100.01 cut is over.
		{"two places", "1200000.25", "1199800", "100.01"},
		// 1,200,000.25 × 100 ÷ 1,200,000.00 = 100.0000208…: over, but not in four places.
		{"just over", "1200000.25", "1200000", "just over 100"},
		// 9,000,000 × 100 ÷ 8,000,000 = 112.5: one decimal shows it.
		{"plainly over", "9000000", "8000000", "112.5"},
		// 9,000,000 × 100 ÷ 9,000,000 = 100.0 exactly: not over, one decimal.
		{"at the limit", "9000000", "9000000", "100.0"},
	} {
		a := Account{Code: "FOXTROT", Currency: "NGN", CreditLimit: d("50000000")}
		ch := CreditChange{SetLimit: true, Limit: d(c.limit), Reason: "review", ApprovedBy: "bisi"}
		out, err := DecideCredit(a, d(c.net), asOf, ch, th, false)
		if got := out.AfterPct(); got != c.want {
			t.Errorf("%s: AfterPct %q, want %q", c.name, got, c.want)
		}
		if !out.Over {
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
			}
			continue
		}
		if want := "utilisation after the decision is " + c.want + " %, over the 100 % breach threshold"; err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v; want %q", c.name, err, want)
		}
		out, _ = DecideCredit(a, d(c.net), asOf, ch, th, true)
		if text := out.CreditEntry().Text; !strings.Contains(text, "Utilisation after "+c.want+" %, over the 100 % breach threshold: confirmed") {
			t.Errorf("%s: entry %q", c.name, text)
		}
	}
}
