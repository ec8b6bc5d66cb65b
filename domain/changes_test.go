package domain

import (
	"strings"
	"testing"
)

// changeRows is each change as "date kind amount", in the report's order.
func changeRows(cs []Change) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.On.String() + " " + c.Kind
		if c.HasMoney {
			out[i] += " " + Plain(c.Amount, c.Currency)
		}
	}
	return out
}

func changePromise(given, due, amount string) Promise {
	return Promise{Account: "A", Amount: d(amount), Currency: "NGN", GivenOn: MustDate(given), DueOn: MustDate(due)}
}

func TestChangesOf(t *testing.T) {
	// Buckets 30/60/90/120 and a promise grace of 3 days (the defaults).
	// Most cases look from since Tue 2026-12-01 to Wed 2026-12-02.
	type tc struct {
		name        string
		since, asOf string
		invs        []Invoice
		pays        []Payment
		cns         []CreditNote
		promises    []Promise
		escalations []Escalation
		disputes    []Dispute
		limit       string
		want        []string
	}
	esc := func(opened string) Escalation {
		return Escalation{Account: "A", Opened: MustDate(opened), Category: "overdue", Severity: "high", To: "finance", Summary: "s", Status: "open"}
	}
	resolvedEsc := func(opened, resolved string) Escalation {
		e := esc(opened)
		e.Status, e.Resolution = "resolved", "paid in full"
		if resolved != "" {
			e.ResolvedOn = MustDate(resolved)
		}
		return e
	}
	cases := []tc{
		// Due on since (12-01): 0 days past due at since, 1 at 12-02: newly
		// overdue the day after its due date, 12-02.
		{name: "due on since", since: "2026-12-01", asOf: "2026-12-02",
			invs: []Invoice{inv("I1", "2026-11-01", "2026-12-01", "100")},
			want: []string{"2026-12-02 newly-overdue 100.00"}},
		// Due on the as-of date: 0 days past due then, not overdue.
		{name: "due on as-of", since: "2026-12-01", asOf: "2026-12-02",
			invs: []Invoice{inv("I1", "2026-11-01", "2026-12-02", "100")}},
		// Due 11-30: already 1 day past due at since, 2 at 12-02, both 1–30: nothing.
		{name: "already overdue, same bucket", since: "2026-12-01", asOf: "2026-12-02",
			invs: []Invoice{inv("I1", "2026-11-01", "2026-11-30", "100")}},
		// Due 11-01: 12-01 − 11-01 = 30 days (1–30), 12-02 − 11-01 = 31 (31–60):
		// a bucket change, dated 11-01 + 31 = 12-02; not newly overdue.
		{name: "bucket edge 30 to 31", since: "2026-12-01", asOf: "2026-12-02",
			invs: []Invoice{inv("I1", "2026-10-01", "2026-11-01", "100")},
			want: []string{"2026-12-02 bucket 100.00"}},
		// Due 10-31: 31 days at since, 32 at 12-02, both 31–60: nothing.
		{name: "bucket 31 to 32", since: "2026-12-01", asOf: "2026-12-02",
			invs: []Invoice{inv("I1", "2026-10-01", "2026-10-31", "100")}},
		// A week, since 11-25: I1 due 10-20 is 36 → 43 days (31–60 both);
		// I2 due 10-01 is 55 → 62 days (31–60 → 61–90), dated 10-01 + 61 =
		// 12-01; I3 due 11-27 was not due at since: newly overdue 11-28.
		{name: "a week", since: "2026-11-25", asOf: "2026-12-02",
			invs: []Invoice{inv("I1", "2026-09-20", "2026-10-20", "100"), inv("I2", "2026-09-01", "2026-10-01", "200"),
				inv("I3", "2026-10-28", "2026-11-27", "300")},
			want: []string{"2026-11-28 newly-overdue 300.00", "2026-12-01 bucket 200.00"}},
		// Two months, since 10-01: due 09-20 is 11 days (1–30) at since and
		// 12-02 − 09-20 = 73 (61–90) now: one row, for the bucket it is in,
		// dated the day it entered it, 09-20 + 61 = 11-20.
		{name: "several buckets crossed", since: "2026-10-01", asOf: "2026-12-02",
			invs: []Invoice{inv("I1", "2026-08-20", "2026-09-20", "100")},
			want: []string{"2026-11-20 bucket 100.00"}},
		// Due 12-01 and paid in full 12-02: not overdue (nothing outstanding), the payment is.
		{name: "paid the day it became overdue", since: "2026-12-01", asOf: "2026-12-02",
			invs: []Invoice{inv("I1", "2026-11-01", "2026-12-01", "100")},
			pays: []Payment{pay("P1", "2026-12-02", "100", "")},
			want: []string{"2026-12-02 payment 100.00"}},
		// 10 paid on 12-01 (= since: not in (since, as-of], not listed) and 40
		// on 12-02: 100 − 10 − 40 = 50 newly overdue.
		{name: "partly paid", since: "2026-12-01", asOf: "2026-12-02",
			invs: []Invoice{inv("I1", "2026-11-01", "2026-12-01", "100")},
			pays: []Payment{pay("P0", "2026-12-01", "10", ""), pay("P1", "2026-12-02", "40", "")},
			want: []string{"2026-12-02 newly-overdue 50.00", "2026-12-02 payment 40.00"}},
		// Issued 12-02 already past its due date 11-15: newly overdue on its issue date.
		{name: "issued overdue", since: "2026-12-01", asOf: "2026-12-02",
			invs: []Invoice{inv("I1", "2026-12-02", "2026-11-15", "100")},
			want: []string{"2026-12-02 newly-overdue 100.00"}},
		// Promise of 100 given 11-25 due 12-04: RCT-1 pays 100 on 12-03 and
		// WO-1, a credit note of 10, falls the same day after it (reference
		// order): the promise is kept on 12-03, the day of its payment.
		{name: "kept on a day ending with a credit note", since: "2026-12-01", asOf: "2026-12-04",
			invs:     []Invoice{inv("I1", "2026-11-01", "2026-12-31", "500")},
			pays:     []Payment{pay("RCT-1", "2026-12-03", "100", "")},
			cns:      []CreditNote{cn("WO-1", "2026-12-03", "10", "")},
			promises: []Promise{changePromise("2026-11-25", "2026-12-04", "100")},
			want:     []string{"2026-12-03 credit-note 10.00", "2026-12-03 payment 100.00", "2026-12-03 promise-kept 100.00"}},
		// A credit note of 25 on 12-02 (I1 is not due until 12-31).
		{name: "credit note", since: "2026-12-01", asOf: "2026-12-02",
			invs: []Invoice{inv("I1", "2026-12-01", "2026-12-31", "100")},
			cns:  []CreditNote{cn("C1", "2026-12-02", "25", "")},
			want: []string{"2026-12-02 credit-note 25.00"}},
		// Given 11-25, due 12-05 (deadline 12-08): 100 paid 12-02 keeps it that day.
		{name: "promise kept", since: "2026-12-01", asOf: "2026-12-02",
			pays:     []Payment{pay("P1", "2026-12-02", "100", "")},
			promises: []Promise{changePromise("2026-11-25", "2026-12-05", "100")},
			want:     []string{"2026-12-02 payment 100.00", "2026-12-02 promise-kept 100.00"}},
		// A week: 50 on 11-27 and 50 on 11-29 make 100 on 11-29: kept then.
		{name: "promise kept by a second payment", since: "2026-11-25", asOf: "2026-12-02",
			pays:     []Payment{pay("P1", "2026-11-27", "50", ""), pay("P2", "2026-11-29", "50", "")},
			promises: []Promise{changePromise("2026-11-20", "2026-12-10", "100")},
			want:     []string{"2026-11-27 payment 50.00", "2026-11-29 payment 50.00", "2026-11-29 promise-kept 100.00"}},
		// Kept on 11-30 (before since): nothing new.
		{name: "promise kept before since", since: "2026-12-01", asOf: "2026-12-02",
			pays:     []Payment{pay("P1", "2026-11-30", "100", "")},
			promises: []Promise{changePromise("2026-11-25", "2026-12-05", "100")}},
		// Given 11-20, due 11-28: deadline 11-28 + 3 = 12-01, open at since,
		// broken on 12-02, the day after.
		{name: "promise broken", since: "2026-12-01", asOf: "2026-12-02",
			promises: []Promise{changePromise("2026-11-20", "2026-11-28", "100")},
			want:     []string{"2026-12-02 promise-broken 100.00"}},
		// Due 11-29: deadline 12-02 = as-of, still open: nothing.
		{name: "promise deadline on as-of", since: "2026-12-01", asOf: "2026-12-02",
			promises: []Promise{changePromise("2026-11-20", "2026-11-29", "100")}},
		// 60 of 100 paid 11-30: partly kept after 12-01, a broken promise dated 12-02.
		{name: "promise partly kept", since: "2026-12-01", asOf: "2026-12-02",
			pays:     []Payment{pay("P1", "2026-11-30", "60", "")},
			promises: []Promise{changePromise("2026-11-20", "2026-11-28", "100")},
			want:     []string{"2026-12-02 promise-broken 100.00"}},
		// Limit 1,000: 900 owed at 12-01 (90 %), 900 + 200 = 1,100 at 12-02
		// (110 %): a breach on 12-02 with net AR 1,100.
		{name: "credit breach", since: "2026-12-01", asOf: "2026-12-02", limit: "1000",
			invs: []Invoice{inv("I1", "2026-11-01", "2026-12-31", "900"), inv("I2", "2026-12-02", "2027-01-01", "200")},
			want: []string{"2026-12-02 credit-breach 1100.00"}},
		// 900 + 100 = 1,000 of 1,000 is 100 %: not over 100 %.
		{name: "exactly at the limit", since: "2026-12-01", asOf: "2026-12-02", limit: "1000",
			invs: []Invoice{inv("I1", "2026-11-01", "2026-12-31", "900"), inv("I2", "2026-12-02", "2027-01-01", "100")}},
		// Over since 11-20 (1,100 of 1,000): not a new breach.
		{name: "breach before since", since: "2026-12-01", asOf: "2026-12-02", limit: "1000",
			invs: []Invoice{inv("I1", "2026-11-20", "2026-12-31", "1100")}},
		// I1 (300) disputed 12-01 (= since: out) and resolved 12-02 (in);
		// I2 (200) disputed 12-02 (in), still open.
		{name: "disputes", since: "2026-12-01", asOf: "2026-12-02",
			invs: []Invoice{inv("I1", "2026-11-01", "2026-12-31", "300"), inv("I2", "2026-11-02", "2027-01-01", "200")},
			disputes: []Dispute{
				{Account: "A", Invoice: "I1", Seq: 1, Reason: "short", Owner: "ada", OpenedOn: MustDate("2026-12-01"),
					Status: DisputeResolved, ResolvedOn: MustDate("2026-12-02"), Resolution: "credited"},
				{Account: "A", Invoice: "I2", Seq: 1, Reason: "price", Owner: "ada", OpenedOn: MustDate("2026-12-02"), Status: DisputeOpen},
			},
			want: []string{"2026-12-02 dispute-opened 200.00", "2026-12-02 dispute-resolved 300.00"}},
		// Opened 12-02: in; opened 12-01 (= since): out.
		{name: "escalations", since: "2026-12-01", asOf: "2026-12-02",
			escalations: []Escalation{esc("2026-12-01"), esc("2026-12-02")},
			want:        []string{"2026-12-02 escalation-opened"}},
		// Opened 11-20 (before since) and resolved 12-02 (in (12-01, 12-02]): one
		// escalation-resolved row dated 12-02, no escalation-opened.
		{name: "escalation resolved in the window", since: "2026-12-01", asOf: "2026-12-02",
			escalations: []Escalation{resolvedEsc("2026-11-20", "2026-12-02")},
			want:        []string{"2026-12-02 escalation-resolved"}},
		// Resolved 11-30 and 12-01 (= since): both before the window, no rows.
		{name: "escalation resolved before since", since: "2026-12-01", asOf: "2026-12-02",
			escalations: []Escalation{resolvedEsc("2026-11-20", "2026-11-30"), resolvedEsc("2026-11-20", "2026-12-01")}},
		// Resolved 12-03, after the as-of date 12-02: not yet.
		{name: "escalation resolved after as-of", since: "2026-12-01", asOf: "2026-12-02",
			escalations: []Escalation{resolvedEsc("2026-11-20", "2026-12-03")}},
		// Opened and resolved 12-02: both rows, dated 12-02 (opened sorts first).
		{name: "escalation opened and resolved the same day", since: "2026-12-01", asOf: "2026-12-02",
			escalations: []Escalation{resolvedEsc("2026-12-02", "2026-12-02")},
			want:        []string{"2026-12-02 escalation-opened", "2026-12-02 escalation-resolved"}},
		// Resolved, but with no date kept (written before ResolvedOn): no row.
		{name: "escalation resolved on a day not known", since: "2026-12-01", asOf: "2026-12-02",
			escalations: []Escalation{resolvedEsc("2026-11-20", "")}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := file(c.invs, c.pays, c.cns)
			if c.limit != "" {
				f.Account.CreditLimit = d(c.limit)
			}
			f.Promises, f.Escalations, f.Disputes = c.promises, c.escalations, c.disputes
			x := mustFacts(t, f)
			got := changeRows(ChangesOf(x, MustDate(c.since), MustDate(c.asOf), DefaultSettings()))
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
			}
		})
	}
}

func TestPrevWorkday(t *testing.T) {
	// 2026-12-02 is a Wednesday; 11-30 a Monday, 11-29 a Sunday, 11-28 a Saturday.
	for _, c := range []struct{ d, want string }{
		{"2026-12-02", "2026-12-01"}, {"2026-11-30", "2026-11-27"}, {"2026-11-29", "2026-11-27"}, {"2026-11-28", "2026-11-27"},
	} {
		if got := PrevWorkday(MustDate(c.d)); got != MustDate(c.want) {
			t.Errorf("PrevWorkday(%s) = %s, want %s", c.d, got, c.want)
		}
	}
}

func TestChangeSummaryLine(t *testing.T) {
	// Since Mon 11-30 as of Wed 12-02: two newly overdue, one broken
	// promise, 3,000,000 + 1,200,000 = 4,200,000 NGN received.
	cs := []Change{
		{Kind: ChangeNewlyOverdue}, {Kind: ChangeNewlyOverdue}, {Kind: ChangePromiseBroken}, {Kind: ChangeBucket},
		{Kind: ChangePayment, Amount: d("3000000"), HasMoney: true, Currency: "NGN"},
		{Kind: ChangePayment, Amount: d("1200000"), HasMoney: true, Currency: "NGN"},
	}
	s := SummarizeChanges(cs, MustDate("2026-11-30"), MustDate("2026-12-02"))
	if got, want := s.Line(), "since Mon: 2 newly overdue, 1 broken promise, ₦4.2M received"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// Ten days back it names the date; nothing received.
	s = SummarizeChanges(nil, MustDate("2026-11-22"), MustDate("2026-12-02"))
	if got, want := s.Line(), "since 22 Nov: 0 newly overdue, 0 broken promises, nothing received"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
