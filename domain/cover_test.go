package domain

import (
	"fmt"
	"strings"
	"testing"
)

// coverString is a cover as "outstanding covered [promise:amount@due …]" per
// open invoice, by ledger index, "!" marking a disputed invoice.
func coverString(cs []InvoiceCover) string {
	var b []string
	for _, c := range cs {
		s := fmt.Sprintf("%d %s %s", c.Invoice, c.Outstanding, c.Covered)
		if c.Disputed {
			s += "!"
		}
		for _, p := range c.Parts {
			s += fmt.Sprintf(" %d:%s@%s", p.Promise, p.Amount, p.On.Format("01-02"))
		}
		b = append(b, s)
	}
	return strings.Join(b, " | ")
}

func promise(given, due, amount string) Promise {
	return Promise{Account: "A", Amount: d(amount), Currency: "NGN", GivenOn: MustDate(given), DueOn: MustDate(due)}
}

func TestPromiseCover(t *testing.T) {
	// Ledger order (due first): 0 = I1 1000 due 10-01, 1 = I2 500 due 10-31,
	// 2 = I3 300 due 12-31 (not yet due). As of 12-01 (a Tuesday).
	invs := func() []Invoice {
		return []Invoice{inv("I2", "2026-10-01", "2026-10-31", "500"), inv("I3", "2026-12-01", "2026-12-31", "300"), inv("I1", "2026-09-01", "2026-10-01", "1000")}
	}
	cases := []struct {
		name     string
		disputed string // number of a disputed invoice
		pays     []Payment
		promises []Promise
		want     string
	}{
		{"no promise", "", nil, nil, "0 1000 0 | 1 500 0 | 2 300 0"},
		// 1200 covers I1 whole (1000) and 1200 − 1000 = 200 of I2.
		{"one promise across two invoices", "", nil, []Promise{promise("2026-11-27", "2026-12-04", "1200")},
			"0 1000 1000 0:1000@12-04 | 1 500 200 0:200@12-04 | 2 300 0"},
		// In due-on order, not the records': 600 due 12-04 covers 600 of I1;
		// 700 due 12-10 the rest of I1 (1000 − 600 = 400) and 700 − 400 = 300 of I2.
		{"two promises", "", nil, []Promise{promise("2026-11-27", "2026-12-10", "700"), promise("2026-11-27", "2026-12-04", "600")},
			"0 1000 1000 1:600@12-04 0:400@12-10 | 1 500 300 0:300@12-10 | 2 300 0"},
		// 5000 covers all that is open, 1000 + 500 + 300 = 1800; the rest covers nothing.
		{"a promise larger than what is open", "", nil, []Promise{promise("2026-11-27", "2026-12-04", "5000")},
			"0 1000 1000 0:1000@12-04 | 1 500 500 0:500@12-04 | 2 300 300 0:300@12-04"},
		// I1 disputed: 1200 skips it, covers I2 500 and 1200 − 500 = 700 → I3's 300; 400 left over.
		{"a disputed oldest invoice skipped", "I1", nil, []Promise{promise("2026-11-27", "2026-12-04", "1200")},
			"0 1000 0! | 1 500 500 0:500@12-04 | 2 300 300 0:300@12-04"},
		// Paid 300 on 11-28 (given 11-27): unpaid 1200 − 300 = 900. The payment
		// also took 300 off I1 (1000 − 300 = 700): 900 covers I1's 700 and 200 of I2.
		// The 100 paid on 11-20, before the promise was given, pays I1 (700 − 100
		// = 600) but not the promise: 900 covers I1's 600 and 300 of I2.
		{"a partly paid promise", "", []Payment{pay("P1", "2026-11-28", "300", ""), pay("P0", "2026-11-20", "100", "")}, []Promise{promise("2026-11-27", "2026-12-04", "1200")},
			"0 600 600 0:600@12-04 | 1 500 300 0:300@12-04 | 2 300 0"},
		// Due 11-20 + 3 days' grace = 11-23 < 12-01 with nothing paid: broken, covers nothing;
		// the open one due 12-02 (deadline 12-05) does.
		{"a broken promise covers nothing", "", nil, []Promise{promise("2026-11-10", "2026-11-20", "1000"), promise("2026-11-30", "2026-12-02", "100")},
			"0 1000 100 1:100@12-02 | 1 500 0 | 2 300 0"},
	}
	for _, c := range cases {
		f := file(invs(), c.pays, nil)
		for i := range f.Invoices {
			f.Invoices[i].Disputed = f.Invoices[i].Number == c.disputed
		}
		f.Promises = c.promises
		if got := coverString(PromiseCover(mustFacts(t, f), MustDate("2026-12-01"))); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}

func TestPromiseCoverPlaces(t *testing.T) {
	// KWD, three places: 10.125 and 0.5 open; 10.3 covers 10.125 and
	// 10.3 − 10.125 = 0.175 of the second, exactly.
	f := file([]Invoice{inv("K1", "2026-11-01", "2026-11-15", "10.125"), inv("K2", "2026-11-02", "2026-11-16", "0.5")}, nil, nil)
	f.Account.Currency = "KWD"
	f.Promises = []Promise{promise("2026-11-27", "2026-12-04", "10.3")}
	if got, want := coverString(PromiseCover(mustFacts(t, f), MustDate("2026-12-01"))), "0 10.125 10.125 0:10.125@12-04 | 1 0.5 0.175 0:0.175@12-04"; got != want {
		t.Errorf("KWD:\n got %s\nwant %s", got, want)
	}
	// JPY, no places: 999 of 1000 covered, 1 left.
	f = file([]Invoice{inv("J1", "2026-11-01", "2026-11-15", "1000")}, nil, nil)
	f.Account.Currency = "JPY"
	f.Promises = []Promise{promise("2026-11-27", "2026-12-04", "999")}
	cs := PromiseCover(mustFacts(t, f), MustDate("2026-12-01"))
	if got, want := coverString(cs), "0 1000 999 0:999@12-04"; got != want || cs[0].Uncovered().String() != "1" {
		t.Errorf("JPY:\n got %s (uncovered %s)\nwant %s", got, cs[0].Uncovered(), want)
	}
}

// TestCoverAsOfAPastDate: as of a past date the book is as it was then
// (SPEC §2): a promise given later covers nothing, a dispute opened later
// or resolved earlier does not set an invoice apart.
func TestCoverAsOfAPastDate(t *testing.T) {
	// I1 1000 due 10-01 (ledger 0), I2 500 due 10-31 (ledger 1); as of 12-01.
	f := file([]Invoice{inv("I1", "2026-09-01", "2026-10-01", "1000"), inv("I2", "2026-10-01", "2026-10-31", "500")}, nil, nil)
	f.Invoices[0].Disputed = true // open now: raised 12-05, after the as-of date
	f.Disputes = []Dispute{
		{Account: "A", Invoice: "I1", Seq: 1, Reason: "r", Owner: "ada", OpenedOn: MustDate("2026-12-05"), Status: DisputeOpen},
		// I2 was disputed 11-01 to 11-20: resolved before the as-of date.
		{Account: "A", Invoice: "I2", Seq: 1, Reason: "r", Owner: "ada", OpenedOn: MustDate("2026-11-01"),
			Status: DisputeResolved, ResolvedOn: MustDate("2026-11-20"), Resolution: "ok"},
	}
	// Given 12-03, after 12-01: not a promise yet.
	f.Promises = []Promise{promise("2026-12-03", "2026-12-10", "800")}
	x := mustFacts(t, f)
	asOf := MustDate("2026-12-01")
	if got, want := coverString(PromiseCover(x, asOf)), "0 1000 0 | 1 500 0"; got != want {
		t.Errorf("as of 12-01: %s, want %s (nothing disputed, nothing promised)", got, want)
	}
	if !x.DisputedAsOf(0, MustDate("2026-12-05")) || x.DisputedAsOf(0, asOf) {
		t.Error("I1's dispute opens on 12-05")
	}
	if !x.DisputedAsOf(1, MustDate("2026-11-19")) || x.DisputedAsOf(1, MustDate("2026-11-20")) {
		t.Error("I2's dispute is open 11-01 to 11-19 (resolved on 11-20)")
	}
	// As of 12-12 the promise (due 12-10) is past its due date but within
	// its 3 days' grace, so still open: 800 covers the undisputed I2 (500).
	if got, want := coverString(PromiseCover(x, MustDate("2026-12-12"))), "0 1000 0! | 1 500 500 0:500@12-10"; got != want {
		t.Errorf("as of 12-12: %s, want %s", got, want)
	}
}
