package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"acctdesk/domain"

	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// testBook: two NGN accounts and one XOF account, as of 2026-06-30.
func testBook() *domain.Book {
	book, err := domain.BookOf(domain.DefaultSettings(), testFiles())
	if err != nil {
		panic(err)
	}
	return book
}

// testFiles are testBook's accounts.
func testFiles() []*domain.AccountFile {
	ngn := func(code string) *domain.AccountFile {
		return &domain.AccountFile{Account: domain.Account{Code: code, Name: code + " Ltd", Tier: 2, Owner: "ada", Status: "active", Terms: "term", TermsDays: 30, Currency: "NGN", CreditLimit: dec("10000")}}
	}
	a := ngn("B-ACME")
	// 1000 due 06-30 (current), 2000 due 05-31 (30 days), 4000 due 05-30 (31 days); paid 500 → 4000 becomes 3500.
	a.Invoices = []domain.Invoice{
		{Account: "B-ACME", Number: "A1", Issued: domain.MustDate("2026-05-31"), Due: domain.MustDate("2026-06-30"), Amount: dec("1000"), Currency: "NGN"},
		{Account: "B-ACME", Number: "A2", Issued: domain.MustDate("2026-05-01"), Due: domain.MustDate("2026-05-31"), Amount: dec("2000"), Currency: "NGN"},
		{Account: "B-ACME", Number: "A3", Issued: domain.MustDate("2026-04-30"), Due: domain.MustDate("2026-05-30"), Amount: dec("4000"), Currency: "NGN"},
	}
	a.Payments = []domain.Payment{{Account: "B-ACME", Reference: "P1", Received: domain.MustDate("2026-06-01"), Amount: dec("500"), Currency: "NGN"}}
	b := ngn("A-PRE")
	// Prepaid: 300 paid, nothing invoiced → unapplied 300, net −300.
	b.Payments = []domain.Payment{{Account: "A-PRE", Reference: "P9", Received: domain.MustDate("2026-06-10"), Amount: dec("300"), Currency: "NGN"}}
	c := ngn("C-ZERO") // nothing at all: no aging row
	x := &domain.AccountFile{Account: domain.Account{Code: "X-TOGO", Name: "Lomé", Tier: 3, Status: "active", Terms: "term", TermsDays: 30, Currency: "XOF"}}
	// 150000 XOF due 2026-02-01: 149 days past due → 120+.
	x.Invoices = []domain.Invoice{{Account: "X-TOGO", Number: "X1", Issued: domain.MustDate("2026-01-02"), Due: domain.MustDate("2026-02-01"), Amount: dec("150000"), Currency: "XOF"}}
	return []*domain.AccountFile{x, c, a, b}
}

func render(t *testing.T, name, format string) string {
	t.Helper()
	r, err := Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	b := testBook()
	tab := Of(r, Input{AsOf: domain.MustDate("2026-06-30")}, b.Settings, b.Accounts)
	var buf bytes.Buffer
	if err := tab.Write(&buf, format); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestAgingCSV(t *testing.T) {
	// B-ACME: A3 4000 − 500 = 3500 at 31 days (31–60); A2 2000 at 30 days (1–30); A1 1000 current.
	// NGN TOTAL adds A-PRE's 300 unapplied: net 6500 − 300 = 6200.
	want := "account,currency,current,d1_30,d31_60,d61_90,d91_120,d120_plus,total,unapplied,net\n" +
		"A-PRE,NGN,0.00,0.00,0.00,0.00,0.00,0.00,0.00,300.00,-300.00\n" +
		"B-ACME,NGN,1000.00,2000.00,3500.00,0.00,0.00,0.00,6500.00,0.00,6500.00\n" +
		"X-TOGO,XOF,0,0,0,0,0,150000,150000,0,150000\n" +
		"TOTAL,NGN,1000.00,2000.00,3500.00,0.00,0.00,0.00,6500.00,300.00,6200.00\n" +
		"TOTAL,XOF,0,0,0,0,0,150000,150000,0,150000\n"
	if got := render(t, "aging", "csv"); got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

func TestDSOCSV(t *testing.T) {
	// Period 2026-04-02 … 2026-06-30. B-ACME sales: A1 1000 + A2 2000 (A3 issued 04-30 is in too) = 7000.
	// DSO = 6500 / 7000 × 90 = 83.571… → 83.6; best = 1000 / 7000 × 90 = 12.857… → 12.9;
	// ADD = 70.714… → 70.7. A-PRE: AR −300, no sales → empty. X-TOGO: issued 01-02, no sales in period.
	// NGN TOTAL: AR 6200, sales 7000 → 79.714… → 79.7; best 12.9; ADD 66.857… → 66.9.
	want := "account,currency,ar,sales,period_days,dso,best_possible_dso,add\n" +
		"A-PRE,NGN,-300.00,0.00,90,,,\n" +
		"B-ACME,NGN,6500.00,7000.00,90,83.6,12.9,70.7\n" +
		"X-TOGO,XOF,150000,0,90,,,\n" +
		"TOTAL,NGN,6200.00,7000.00,90,79.7,12.9,66.9\n" +
		"TOTAL,XOF,150000,0,90,,,\n"
	if got := render(t, "dso", "csv"); got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

func TestJSONKeepsDecimalsAndNulls(t *testing.T) {
	got := render(t, "dso", "json")
	if !strings.Contains(got, `{"account": "A-PRE", "currency": "NGN", "ar": -300.00, "sales": 0.00, "period_days": 90, "dso": null`) {
		t.Fatalf("json:\n%s", got)
	}
}

func TestBookAndTable(t *testing.T) {
	got := render(t, "book", "csv")
	// B-ACME: AR 6500 of limit 10000 → 65.0 %; overdue 2000 + 3500 = 5500.
	if !strings.Contains(got, "B-ACME,B-ACME Ltd,2,ada,active,NGN,10000.00,6500.00,5500.00,65.0,,\n") {
		t.Fatalf("book:\n%s", got)
	}
	tab := render(t, "aging", "table")
	if !regexp.MustCompile(`(?m)^B-ACME +NGN +1,000\.00 +2,000\.00 +3,500\.00 `).MatchString(tab) || !strings.Contains(tab, "1–30") {
		t.Fatalf("table:\n%s", tab)
	}
}
