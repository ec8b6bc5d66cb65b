package queue

import (
	"testing"

	"acctdesk/domain"

	"github.com/shopspring/decimal"
)

var asOf = domain.MustDate("2026-11-18") // a Wednesday

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func acct(code string, tier int) *domain.AccountFile {
	return &domain.AccountFile{Account: domain.Account{Code: code, Name: code + " Ltd", Tier: tier, Owner: "ada",
		Status: domain.StatusActive, Terms: "term", TermsDays: 30, Currency: "NGN",
		OpenedOn: domain.MustDate("2025-01-01"), LiveOn: domain.MustDate("2025-01-10")},
		// A call 25 days ago keeps stale-contact quiet unless a test wants it.
		Activities: []domain.Activity{{ID: 1, Account: code, On: asOf.AddDays(-25), Kind: "call", Outcome: "reached"}}}
}

func invoice(code, num string, daysPastDue int, amount string) domain.Invoice {
	due := asOf.AddDays(-daysPastDue)
	return domain.Invoice{Account: code, Number: num, Issued: due.AddDays(-30), Due: due, Amount: dec(amount), Currency: "NGN"}
}

func call(id uint64, code string, on domain.Date) domain.Activity {
	return domain.Activity{ID: id, Account: code, On: on, Kind: "call", Outcome: "reached"}
}

func build(files ...*domain.AccountFile) []Item {
	return Build(bookOf(files...), asOf, Options{})
}

// bookOf is the book of the files as they are now (a book is made of facts,
// so a test that changes a file makes the book again).
func bookOf(files ...*domain.AccountFile) *domain.Book {
	b, err := domain.BookOf(domain.DefaultSettings(), files)
	if err != nil {
		panic(err)
	}
	return b
}

// reminded is a reminder letter of a level written on a day.
func reminded(id uint64, code string, on domain.Date, level int) domain.Activity {
	return domain.Activity{ID: id, Account: code, On: on, Kind: domain.KindReminder, Outcome: domain.ReminderOutcome(level)}
}

func reasons(items []Item, code string) map[string]bool {
	m := map[string]bool{}
	for _, it := range items {
		if it.Account == code {
			m[it.Reason] = true
		}
	}
	return m
}

func TestCreditThresholds(t *testing.T) {
	// Limit 1,000,000. AR 790,000 → 79 %: nothing; 800,000 → 80 %: warning;
	// 1,000,000 → 100 %: warning still (breach is over 100 %); 1,000,001 → breach.
	cases := []struct {
		ar   string
		want string
	}{{"790000", ""}, {"800000", CreditWarning}, {"1000000", CreditWarning}, {"1000001", CreditBreach}}
	for _, c := range cases {
		f := acct("A", 2)
		f.Account.CreditLimit = dec("1000000")
		f.Invoices = []domain.Invoice{invoice("A", "I1", -5, c.ar)} // not yet due
		got := reasons(build(f), "A")
		for _, r := range []string{CreditWarning, CreditBreach} {
			if got[r] != (r == c.want) {
				t.Errorf("AR %s: %s = %v, want %v", c.ar, r, got[r], r == c.want)
			}
		}
	}
}

func TestPromiseDueAndBrokenBoundaries(t *testing.T) {
	cases := []struct {
		name   string
		due    domain.Date
		reason string
		want   bool
	}{
		{"due today", asOf, PromiseDue, true},
		{"due tomorrow", asOf + 1, PromiseDue, true},
		{"due in two days", asOf + 2, PromiseDue, false},
		// Grace 3: due 11-15, deadline 11-18 = today → still open, not broken.
		{"grace day 3", asOf - 3, BrokenPromise, false},
		// Due 11-14, deadline 11-17, broken from 11-18.
		{"grace day 4", asOf - 4, BrokenPromise, true},
	}
	for _, c := range cases {
		f := acct("A", 2)
		f.Promises = []domain.Promise{{ID: 7, Account: "A", Amount: dec("5000"), Currency: "NGN", GivenOn: domain.MustDate("2026-11-01"), DueOn: c.due}}
		if got := reasons(build(f), "A")[c.reason]; got != c.want {
			t.Errorf("%s: %s = %v, want %v", c.name, c.reason, got, c.want)
		}
	}
	// A call logged after the promise broke takes it off the list.
	f := acct("A", 2)
	f.Promises = []domain.Promise{{ID: 7, Account: "A", Amount: dec("5000"), Currency: "NGN", GivenOn: domain.MustDate("2026-11-01"), DueOn: asOf - 4}}
	f.Activities = append(f.Activities, call(2, "A", asOf))
	if reasons(build(f), "A")[BrokenPromise] {
		t.Error("broken promise still listed after a call")
	}
}

func TestOverdueBucketEntry(t *testing.T) {
	// Oldest item 31 days past due: it entered 31–60 on due + 31 = today.
	// A call yesterday was before that, so the item appears; with 30 days it is
	// still in 1–30, which it entered 29 days ago, before yesterday's call.
	for _, c := range []struct {
		days int
		want bool
	}{{30, false}, {31, true}} {
		f := acct("A", 2)
		f.Invoices = []domain.Invoice{invoice("A", "I1", c.days, "1000")}
		f.Activities = append(f.Activities, call(2, "A", asOf-1))
		if got := reasons(build(f), "A")[Overdue]; got != c.want {
			t.Errorf("%d days: overdue = %v, want %v", c.days, got, c.want)
		}
	}
}

func TestStaleContactBoundary(t *testing.T) {
	for _, c := range []struct {
		days int
		want bool
	}{{30, false}, {31, true}} {
		f := acct("A", 2)
		f.Activities = []domain.Activity{call(1, "A", asOf.AddDays(-c.days))}
		if got := reasons(build(f), "A")[StaleContact]; got != c.want {
			t.Errorf("%d days: stale = %v, want %v", c.days, got, c.want)
		}
	}
}

func TestOrdering(t *testing.T) {
	// Same money: a broken promise of 100,000 outranks 100,000 plain overdue.
	bp := acct("BP", 2)
	bp.Promises = []domain.Promise{{ID: 1, Account: "BP", Amount: dec("100000"), Currency: "NGN", GivenOn: asOf - 20, DueOn: asOf - 10}}
	od := acct("OD", 2)
	od.Invoices = []domain.Invoice{invoice("OD", "I", 10, "100000")}
	items := build(od, bp)
	if items[0].Account != "BP" || items[0].Reason != BrokenPromise {
		t.Errorf("first = %s %s", items[0].Account, items[0].Reason)
	}
	// Same stakes: tier 1 above tier 3.
	t1, t3 := acct("T1", 1), acct("T3", 3)
	t1.Invoices = []domain.Invoice{invoice("T1", "I", 45, "500000")}
	t3.Invoices = []domain.Invoice{invoice("T3", "I", 45, "500000")}
	items = build(t3, t1)
	if items[0].Account != "T1" {
		t.Errorf("tier: first = %s", items[0].Account)
	}
	// Money dominates small differences in lateness: ₦5,000,000 at 40 days
	// above ₦500,000 at 50 days.
	big, small := acct("BIG", 2), acct("SMALL", 2)
	big.Invoices = []domain.Invoice{invoice("BIG", "I", 40, "5000000")}
	small.Invoices = []domain.Invoice{invoice("SMALL", "I", 50, "500000")}
	items = build(small, big)
	if items[0].Account != "BIG" {
		t.Errorf("money: first = %s (%+v)", items[0].Account, items[0].Score)
	}
}

func TestMarks(t *testing.T) {
	f := acct("A", 2)
	f.Invoices = []domain.Invoice{invoice("A", "I1", 31, "1000")}
	f.Activities = append(f.Activities, reminded(100, "A", asOf, 3)) // a final notice today: no reminder-due
	items := Build(bookOf(f), asOf, Options{})
	if len(items) != 1 {
		t.Fatalf("items %+v", items)
	}
	// Done hides it; the same debt entering the next bucket brings it back.
	f.Marks = []domain.QueueMark{{Key: items[0].Key, Account: "A", Done: true, On: asOf}}
	b := bookOf(f)
	if n := len(Build(b, asOf, Options{})); n != 0 {
		t.Fatalf("done item still listed")
	}
	if later := Build(b, asOf.AddDays(30), Options{}); len(later) == 0 || later[0].Reason != Overdue {
		t.Fatalf("a new bucket did not bring it back: %+v", later)
	}
	// Snoozed until tomorrow: hidden today, back tomorrow.
	f.Marks = []domain.QueueMark{{Key: items[0].Key, Account: "A", Until: asOf + 1, On: asOf}}
	b = bookOf(f)
	if len(Build(b, asOf, Options{})) != 0 || len(Build(b, asOf+1, Options{})) != 1 {
		t.Error("snooze")
	}
}

func TestDoneCreditBreachReturnsOnANewBreach(t *testing.T) {
	f := acct("A", 2)
	f.Account.CreditLimit = dec("1000")
	f.Invoices = []domain.Invoice{{Account: "A", Number: "I1", Issued: asOf - 10, Due: asOf + 20, Amount: dec("1100"), Currency: "NGN"}}
	items := Build(bookOf(f), asOf, Options{})
	if len(items) != 1 || items[0].Reason != CreditBreach {
		t.Fatalf("items %+v", items)
	}
	f.Marks = []domain.QueueMark{{Key: items[0].Key, Account: "A", Done: true, On: asOf}}
	b := bookOf(f)
	// Still the same breach two days later: stays done.
	if got := Build(b, asOf+2, Options{}); len(got) != 0 {
		t.Fatalf("the same breach came back: %+v", got)
	}
	// Paid down to 90 % on asOf+3 (a warning, a different item), then over again on asOf+5.
	f.Payments = []domain.Payment{{Account: "A", Reference: "P1", Received: asOf + 3, Amount: dec("200"), Currency: "NGN"}}
	f.Invoices = append(f.Invoices, domain.Invoice{Account: "A", Number: "I2", Issued: asOf + 5, Due: asOf + 35, Amount: dec("300"), Currency: "NGN"})
	got := Build(bookOf(f), asOf+6, Options{})
	if got[0].Reason != CreditBreach || got[0].Key == items[0].Key {
		t.Fatalf("a new breach did not come back: %+v", got)
	}
}

func TestProgress(t *testing.T) {
	// Two overdue accounts and a broken promise at the start of the day. A call on
	// A today handles A's overdue; B's broken promise is marked done; C is untouched.
	a, b, c := acct("A", 2), acct("B", 2), acct("C", 2)
	a.Invoices = []domain.Invoice{invoice("A", "I", 10, "1000")}
	c.Invoices = []domain.Invoice{invoice("C", "I", 10, "1000")}
	// Reminded yesterday at level 1 (10 days past due): no reminder-due.
	a.Activities = append(a.Activities, reminded(100, "A", asOf-1, 1))
	c.Activities = append(c.Activities, reminded(100, "C", asOf-1, 1))
	b.Promises = []domain.Promise{{ID: 1, Account: "B", Amount: dec("500"), Currency: "NGN", GivenOn: asOf - 20, DueOn: asOf - 10}}
	start := Build(bookOf(a, b, c), asOf, Options{})
	if len(start) != 3 {
		t.Fatalf("start %+v", start)
	}
	a.Activities = append(a.Activities, domain.Activity{ID: 9, Account: "A", On: asOf, Kind: "call", Outcome: "reached"})
	for _, it := range start {
		if it.Account == "B" {
			b.Marks = []domain.QueueMark{{Key: it.Key, Account: "B", Done: true, On: asOf}}
		}
	}
	book := bookOf(a, b, c)
	now := Build(book, asOf, Options{})
	handled, total := Progress(book, domain.SummarizeBook(book, asOf), asOf, Options{}, now)
	if handled != 2 || total != 3 || len(now) != 1 {
		t.Fatalf("handled %d of %d, %d left", handled, total, len(now))
	}
}

// TestWhyDatesCarryTheYear (issue 10, item 11): a date in the queue's
// words has its year when it is not the as-of year.
func TestWhyDatesCarryTheYear(t *testing.T) {
	asOf := domain.MustDate("2026-11-17")
	for d, want := range map[string]string{"2026-12-09": "9 Dec", "2027-01-12": "12 Jan'27", "2025-10-10": "10 Oct'25"} {
		if got := dayOf(asOf, domain.MustDate(d)); got != want {
			t.Errorf("%s as of %s: %q, want %q", d, asOf, got, want)
		}
	}
}
