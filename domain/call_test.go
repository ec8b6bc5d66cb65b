package domain

import (
	"errors"
	"strings"
	"testing"
)

// Item 9 of issue 10: the follow-up a call's outcome suggests.
func TestDefaultNextWorkingDays(t *testing.T) {
	tue, thu, fri := MustDate("2026-11-17"), MustDate("2026-11-19"), MustDate("2026-11-20")
	cases := []struct {
		name                      string
		outcome                   string
		today, promised, upcoming Date
		want                      string
	}{
		{"no answer: the next working day", "no-answer", tue, 0, 0, "2026-11-18"},
		{"voicemail on a Friday: Monday", "voicemail", fri, 0, 0, "2026-11-23"},
		{"call back requested: the next working day", "call-back", tue, 0, 0, "2026-11-18"},
		{"call back requested on a Friday: Monday", "call-back", fri, 0, 0, "2026-11-23"},
		{"promise due Thursday: Friday", "promise", tue, thu, 0, "2026-11-20"},
		// Friday + 1 = Saturday 21, not a working day → Monday 23.
		{"promise due Friday: Monday, not Saturday", "promise", tue, fri, 0, "2026-11-23"},
		// Saturday 21 + 1 = Sunday → Monday 23.
		{"promise due Saturday: Monday", "promise", tue, MustDate("2026-11-21"), 0, "2026-11-23"},
		// Tuesday 17 + 3 = Friday 20: within three days → that day.
		{"reached, a promise due in 3 days: its due date", "reached", tue, 0, fri, "2026-11-20"},
		{"reached, a promise due tomorrow", "reached", tue, 0, MustDate("2026-11-18"), "2026-11-18"},
		// Tuesday 17 + 4 = Saturday 21: too far → a week, Tuesday 24.
		{"reached, a promise due in 4 days: a week", "reached", tue, 0, MustDate("2026-11-21"), "2026-11-24"},
		{"reached, no promise: a week", "reached", tue, 0, 0, "2026-11-24"},
		// A promise due today: look the next working day whether it came.
		{"reached, a promise due today: the next working day", "reached", fri, 0, fri, "2026-11-23"},
		{"dispute: a week", "dispute", tue, 0, fri, "2026-11-24"},
		// Sunday 22 + 7 = Sunday 29, not a working day → Monday 30.
		{"reached on a Sunday: a week on, a working day", "reached", MustDate("2026-11-22"), 0, 0, "2026-11-30"},
		// Saturday 21 + 7 = Saturday 28 → Monday 30.
		{"refused on a Saturday: Monday after next", "refused", MustDate("2026-11-21"), 0, 0, "2026-11-30"},
	}
	for _, c := range cases {
		if got := DefaultNext(c.outcome, c.today, c.promised, c.upcoming).String(); got != c.want {
			t.Errorf("%s: DefaultNext = %s, want %s", c.name, got, c.want)
		}
	}
}

func TestUpcomingPromise(t *testing.T) {
	tue := MustDate("2026-11-17")
	invs := []Invoice{{Account: "A", Number: "I-1", Issued: MustDate("2026-09-01"), Due: MustDate("2026-10-01"), Amount: d("1000"), Currency: "NGN"}}
	prom := func(id uint64, given, due, amount string) Promise {
		return Promise{ID: id, Account: "A", Amount: d(amount), Currency: "NGN", GivenOn: MustDate(given), DueOn: MustDate(due)}
	}
	ps := []Promise{
		prom(1, "2026-11-10", "2026-11-17", "100"), // due today: not upcoming
		prom(2, "2026-11-10", "2026-11-21", "100"), // in 4 days: too far
		prom(3, "2026-11-17", "2026-11-19", "100"), // Thursday, given today (nothing paid since): the one
		prom(4, "2026-11-12", "2026-11-18", "300"), // tomorrow, but paid in full: kept
	}
	l, _, err := LedgerOf(invs, []Payment{pay("P", "2026-11-16", "300", "")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := UpcomingPromise(ps, &l, tue); got != MustDate("2026-11-19") {
		t.Fatalf("upcoming %s, want the open promise due Thu 19 Nov", got)
	}
	// Logged as a call that reached them: the follow-up is that due date.
	f := &AccountFile{Account: Account{Code: "A", Currency: "NGN", Status: "active"}, Invoices: invs, Promises: ps,
		Payments: []Payment{pay("P", "2026-11-16", "300", "")}}
	e, err := Call{Outcome: "reached"}.Entry(f, tue)
	if err != nil {
		t.Fatal(err)
	}
	if e.Activity.NextFollow != MustDate("2026-11-19") {
		t.Fatalf("reached: next %s, want 2026-11-19", e.Activity.NextFollow)
	}
	e, err = Call{Outcome: "call-back"}.Entry(f, MustDate("2026-11-20"))
	if err != nil || e.Activity.NextFollow != MustDate("2026-11-23") {
		t.Fatalf("call back on Friday: next %s %v, want Monday 2026-11-23", e.Activity.NextFollow, err)
	}
}

// Item 7 of issue 10: the contact of a call is one of the account's.
func TestMatchContact(t *testing.T) {
	cs := []Contact{{Name: "Ngozi Olaniyan", Phone: "+234 1"}, {Name: "Bola Ade"}, {Name: "Bolaji Musa"}}
	for typed, want := range map[string]string{"Ngozi Olaniyan": "Ngozi Olaniyan", "ngozi  olaniyan": "Ngozi Olaniyan", "ngozi": "Ngozi Olaniyan", "bola ade": "Bola Ade", "Bolaji": "Bolaji Musa"} {
		c, err := MatchContact(cs, typed, "OKAF01")
		if err != nil || c.Name != want {
			t.Errorf("%q → %q %v, want %q", typed, c.Name, err, want)
		}
	}
	_, err := MatchContact(cs, "Ngozi Olaniyanp", "OKAF01")
	var ve ValidationError
	if !errors.As(err, &ve) || ve[0].Field != "contact" ||
		!strings.Contains(err.Error(), `"Ngozi Olaniyanp" is not a contact of OKAF01; its contacts: Ngozi Olaniyan, Bola Ade, Bolaji Musa`) {
		t.Fatalf("a name that is no contact: %v", err)
	}
	if _, err := MatchContact(cs, "Bol", "OKAF01"); err == nil || !strings.Contains(err.Error(), "Bola Ade or Bolaji Musa") {
		t.Fatalf("an ambiguous prefix: %v", err)
	}
	if _, err := MatchContact(nil, "Anyone", "OKAF01"); err == nil || !strings.Contains(err.Error(), "OKAF01 has no contacts on file") {
		t.Fatalf("no contacts: %v", err)
	}
	if _, err := NewContact(cs, Contact{Account: "OKAF01", Name: "bola ade", Phone: "1"}); err == nil || !strings.Contains(err.Error(), "already a contact") {
		t.Fatalf("a new contact that exists: %v", err)
	}
	if _, err := NewContact(cs, Contact{Account: "OKAF01", Name: "Musa Bello"}); err == nil || !strings.Contains(err.Error(), "needs a phone") {
		t.Fatalf("a new contact without a phone: %v", err)
	}
	if c, err := NewContact(cs, Contact{Account: "OKAF01", Name: " Musa  Bello ", Phone: " +234 2 "}); err != nil || c.Name != "Musa Bello" || c.Phone != "+234 2" {
		t.Fatalf("a new contact: %+v %v", c, err)
	}
}

// Item 6 of issue 10: what the call form shows of the account.
func TestBriefOf(t *testing.T) {
	asOf := MustDate("2026-11-17")
	f := &AccountFile{Account: Account{Code: "A", Currency: "NGN", Status: "active"},
		Invoices: []Invoice{
			{Account: "A", Number: "I-1", Issued: MustDate("2026-08-01"), Due: MustDate("2026-09-01"), Amount: d("1000"), Currency: "NGN"},
			{Account: "A", Number: "I-2", Issued: MustDate("2026-09-01"), Due: MustDate("2026-10-01"), Amount: d("2000"), Currency: "NGN"},
			{Account: "A", Number: "I-3", Issued: MustDate("2026-11-01"), Due: MustDate("2026-12-01"), Amount: d("500"), Currency: "NGN"},
		},
		// 1,200 paid balance forward: I-1 settled, I-2 owes 1,800.
		Payments: []Payment{pay("P", "2026-10-05", "1200", "")},
		Promises: []Promise{
			{ID: 1, Account: "A", Amount: d("500"), Currency: "NGN", GivenOn: MustDate("2026-10-01"), DueOn: MustDate("2026-10-05")},
			{ID: 2, Account: "A", Amount: d("900"), Currency: "NGN", GivenOn: MustDate("2026-11-02"), DueOn: MustDate("2026-11-06")},
		},
	}
	x, err := FactsOf(f)
	if err != nil {
		t.Fatal(err)
	}
	b := BriefOf(&x, asOf, DefaultSettings())
	// Overdue: I-2's 1,800 (I-3 not yet due).
	if !b.Overdue.Equal(d("1800")) || b.OldestDue != MustDate("2026-10-01") || b.OldestDays != 47 || !b.OldestOwed.Equal(d("1800")) {
		t.Fatalf("brief %+v", b)
	}
	// The latest promise, given 2 Nov, nothing paid since: broken after 6 + 3 grace days.
	if b.LastPromise == nil || b.LastPromise.ID != 2 || b.LastStatus != PromiseBroken {
		t.Fatalf("last promise %+v %s", b.LastPromise, b.LastStatus)
	}
}
