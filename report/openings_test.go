package report

import (
	"bytes"
	"testing"

	"acctdesk/domain"
)

// openingsBook, as of Sun 2026-11-22: the Solar segment requires three
// documents (book settings), every other segment the four defaults.
func openingsBook(t *testing.T) *domain.Book {
	t.Helper()
	day := domain.MustDate
	set := domain.DefaultSettings()
	set.RequiredDocs = map[string][]string{"Solar": {"company-registration", "tax-identifier", "signed-contract"}}
	acct := func(code, seg, sales, opened, live string) *domain.AccountFile {
		a := domain.Account{Code: code, Name: code, Tier: 3, Segment: seg, Salesperson: sales, Owner: "ada", Status: "active",
			OpenedOn: day(opened), Currency: "NGN", Terms: "term", TermsDays: 30}
		if live != "" {
			a.LiveOn = day(live)
		} else {
			a.Status = domain.StatusOnboarding
		}
		return &domain.AccountFile{Account: a}
	}
	doc := func(code, kind, received, validated string) domain.Document {
		d := domain.Document{Account: code, Kind: kind, Received: day(received)}
		if validated != "" {
			d.ValidatedOn, d.ValidatedBy = day(validated), "ada"
		}
		return d
	}
	solar := func(code string) []domain.Document {
		return []domain.Document{doc(code, "company-registration", "2026-10-01", "2026-10-02"), doc(code, "tax-identifier", "2026-10-01", "2026-10-02"),
			doc(code, "signed-contract", "2026-10-01", "2026-10-02")}
	}
	a1 := acct("A1", "Solar", "kemi", "2026-10-05", "2026-10-15") // 10 days; 3 validated: 0 pending
	a1.Documents = solar("A1")
	a2 := acct("A2", "Solar", "kemi", "2026-10-20", "2026-11-02") // 13 days; the contract received, not validated: 1 pending
	a2.Documents = solar("A2")
	a2.Documents[2].ValidatedOn, a2.Documents[2].ValidatedBy = 0, ""
	a3 := acct("A3", "Solar", "kemi", "2026-10-28", "")              // not live; nothing in: 3 pending
	a9 := acct("A9", "Solar", "kemi", "2026-10-01", "2026-10-13")    // 12 days; nothing in: 3 pending
	a8 := acct("A8", "Solar", "", "2026-10-07", "2026-10-08")        // 1 day; no salesperson; 3 pending
	a4 := acct("A4", "Haulage", "tunde", "2026-10-10", "2026-10-25") // 15 days; the fourth validated after the date: 1 pending
	a4.Documents = []domain.Document{doc("A4", "company-registration", "2026-10-01", "2026-11-01"), doc("A4", "tax-identifier", "2026-10-01", "2026-11-01"),
		doc("A4", "signatory-id", "2026-10-01", "2026-11-01"), doc("A4", "signed-contract", "2026-10-01", "2026-11-25")}
	a5 := acct("A5", "Haulage", "tunde", "2026-11-03", "2026-11-24") // live after the date: not live; 4 pending
	a5.Account.Owner = "ngozi"
	a6 := acct("A6", "Haulage", "", "2025-11-01", "2025-11-10") // before 12m (2025-11-23 … 2026-11-22); 9 days; 4 pending
	a7 := acct("A7", "Haulage", "tunde", "2026-11-25", "")      // opened after the date: in no period yet
	b, err := domain.BookOf(set, []*domain.AccountFile{a1, a2, a3, a4, a5, a6, a7, a8, a9})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestOpeningsReport(t *testing.T) {
	b := openingsBook(t)
	r, err := Lookup("openings")
	if err != nil {
		t.Fatal(err)
	}
	asOf := domain.MustDate("2026-11-22")
	period := func(s string) domain.Period {
		p, err := domain.ParsePeriod(s, asOf)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	const head = "month,segment,salesperson,opened,live,avg_days_to_live,pending_documents\n"
	for _, c := range []struct {
		name string
		in   Input
		want string
	}{
		// 2026-10 Solar kemi: A1, A2, A3, A9 opened; A1, A2, A9 live in 10, 13
		// and 12 days: 35 ÷ 3 = 11.67 → 11.7; pending 0 + 1 + 3 + 3 = 7.
		// 2026-10 Solar (no salesperson): A8, 1 day, 3 pending. 2026-10
		// Haulage tunde: A4, 15 days, 1 pending. 2026-11 Haulage tunde: A5,
		// live only on 11-24: 0 live, no average, 4 pending.
		{"12m", Input{AsOf: asOf}, head +
			"2026-10,Haulage,tunde,1,1,15.0,1\n" +
			"2026-10,Solar,,1,1,1.0,3\n" +
			"2026-10,Solar,kemi,4,3,11.7,7\n" +
			"2026-11,Haulage,tunde,1,0,,4\n"},
		{"a month", Input{AsOf: asOf, Period: period("2026-11")}, head + "2026-11,Haulage,tunde,1,0,,4\n"},
		// A6: 2025-11-01 to 11-10, 9 days; none of its four documents in.
		{"last year", Input{AsOf: asOf, Period: period("2025")}, head + "2025-11,Haulage,,1,1,9.0,4\n"},
		{"one owner", Input{AsOf: asOf, Owner: "NGOZI"}, head + "2026-11,Haulage,tunde,1,0,,4\n"},
		// As of 2026-10-31 (12m: 2025-11-01 … 2026-10-31): A6 opened on its
		// first day; of Solar kemi's, A2 is not live yet (11-02): A1 and A9
		// live in (10 + 12) ÷ 2 = 11.0 days, pending still 0 + 1 + 3 + 3 = 7;
		// A4's documents are not validated yet (11-01): 4 pending.
		{"as of October's end", Input{AsOf: domain.MustDate("2026-10-31")}, head +
			"2025-11,Haulage,,1,1,9.0,4\n" +
			"2026-10,Haulage,tunde,1,1,15.0,4\n" +
			"2026-10,Solar,,1,1,1.0,3\n" +
			"2026-10,Solar,kemi,4,2,11.0,7\n"},
	} {
		var buf bytes.Buffer
		if err := Of(r, c.in, b.Settings, b.Accounts).Write(&buf, "csv"); err != nil {
			t.Fatal(err)
		}
		if buf.String() != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, buf.String(), c.want)
		}
	}
}
