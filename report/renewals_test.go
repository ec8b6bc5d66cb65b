package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"acctdesk/domain"
)

func csvOf(t *testing.T, name string, in Input, files ...*domain.AccountFile) string {
	t.Helper()
	book, err := domain.BookOf(domain.DefaultSettings(), files)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Of(r, in, book.Settings, book.Accounts).Write(&buf, "csv"); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func contract(code, id, start, end string, notice int, status, rebate string) domain.Contract {
	sc, err := domain.ParseRebate(rebate)
	if err != nil {
		panic(err)
	}
	return domain.Contract{Account: code, ID: id, Start: domain.MustDate(start), End: domain.MustDate(end), NoticeDays: notice, Status: status, Rebate: sc}
}

func acctFile(code, owner string, cur domain.Currency) *domain.AccountFile {
	return &domain.AccountFile{Account: domain.Account{Code: code, Name: code + " Ltd", Tier: 2, Owner: owner, Status: "active",
		Terms: "term", TermsDays: 30, Currency: cur}}
}

func sale(code, number, issued, qty, amount string, cur domain.Currency) domain.Invoice {
	d := domain.MustDate(issued)
	return domain.Invoice{Account: code, Number: number, Issued: d, Due: d.AddDays(30), Amount: dec(amount), Quantity: dec(qty), Currency: cur, Product: "AGO"}
}

func TestRenewalsReport(t *testing.T) {
	asOf := domain.MustDate("2026-11-17")
	// A-ONE's contracts all start the same day: none renews another.
	a := acctFile("A-ONE", "ada", "NGN")
	a.Contracts = []domain.Contract{
		contract("A-ONE", "K-DUE", "2025-12-01", "2026-11-30", 30, "", ""),
		contract("A-ONE", "K-90", "2025-12-01", "2027-02-15", 0, "active", ""),
		contract("A-ONE", "K-91", "2025-12-01", "2027-02-16", 0, "active", ""),
	}
	// Revenue 12m: 18 Nov 2025 (17 Nov 2026 − 364) to 17 Nov 2026: 1,000 + 500 = 1,500.00.
	a.Invoices = []domain.Invoice{
		sale("A-ONE", "A1", "2025-11-17", "1", "7000", "NGN"),
		sale("A-ONE", "A2", "2025-11-18", "1", "1000", "NGN"),
		sale("A-ONE", "A3", "2026-11-17", "1", "500", "NGN"),
		sale("A-ONE", "A4", "2026-11-18", "1", "9000", "NGN"),
	}
	b := acctFile("B-TWO", "bola", "XOF")
	b.Contracts = []domain.Contract{
		contract("B-TWO", "K-REN", "2025-07-01", "2026-06-30", 0, "", ""), // renewed by K-NEW
		contract("B-TWO", "K-NEW", "2026-07-01", "2027-06-30", 0, "", ""), // 225 days left: not due
		contract("B-TWO", "K-TERM", "2025-01-01", "2026-12-01", 0, domain.ContractTerminated, ""),
	}
	c := acctFile("C-THREE", "bola", "NGN")
	c.Contracts = []domain.Contract{
		contract("C-THREE", "K-OLD", "2025-11-01", "2026-10-31", 0, "active", ""),               // ended: lapsed
		contract("C-THREE", "K-LAP", "2025-06-01", "2026-12-31", 60, domain.ContractLapsed, ""), // a lapse recorded
	}
	c.Invoices = []domain.Invoice{sale("C-THREE", "C1", "2026-01-15", "1", "250000.50", "NGN")}

	// By end: K-OLD (31 Oct: −17 days), K-DUE (30 Nov: 13; notice 30: 31 Oct), K-90 (15 Feb: 90),
	// K-LAP (31 Dec: 44 days; notice 60: 1 Nov). K-91, K-NEW (renews K-REN), K-TERM: not.
	want := "account,contract,start,end,days_left,notice_by,status,revenue_12m,currency\n" +
		"C-THREE,K-OLD,2025-11-01,2026-10-31,-17,2026-10-31,lapsed,250000.50,NGN\n" +
		"A-ONE,K-DUE,2025-12-01,2026-11-30,13,2026-10-31,active,1500.00,NGN\n" +
		"C-THREE,K-LAP,2025-06-01,2026-12-31,44,2026-11-01,lapsed,250000.50,NGN\n" +
		"A-ONE,K-90,2025-12-01,2027-02-15,90,2027-02-15,active,1500.00,NGN\n"
	if got := csvOf(t, "renewals", Input{AsOf: asOf}, a, b, c); got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	// --owner keeps bola's: C-THREE's two (B-TWO has none due).
	got := csvOf(t, "renewals", Input{AsOf: asOf, Owner: "BOLA"}, a, b, c)
	if n := strings.Count(got, "\n"); n != 3 || !strings.Contains(got, "C-THREE,K-OLD") || strings.Contains(got, "A-ONE") {
		t.Fatalf("owner bola:\n%s", got)
	}
	// Without K-NEW, K-REN lapsed on 30 Jun unrenewed: −140 days (30 Jun − 17 Nov: 31+31+30+31+17).
	b.Contracts = b.Contracts[:1]
	if got := csvOf(t, "renewals", Input{AsOf: asOf}, b); !strings.Contains(got, "B-TWO,K-REN,2025-07-01,2026-06-30,-140,2026-06-30,lapsed,0,XOF\n") {
		t.Fatalf("K-REN alone:\n%s", got)
	}
}

func TestRebatesReport(t *testing.T) {
	asOf := domain.MustDate("2026-11-17")
	one := acctFile("R-ONE", "ada", "NGN")
	one.Contracts = []domain.Contract{
		contract("R-ONE", "K0", "2026-01-01", "2026-12-31", 0, "", ""), // no scheme: no rows
		contract("R-ONE", "K1", "2026-02-15", "2027-02-14", 0, "", "quantity/quarter:0=0%,10000=1%,50000=2.5%"),
	}
	one.Invoices = []domain.Invoice{sale("R-ONE", "O1", "2026-07-15", "10001", "5000537.50", "NGN")}
	one.Credits = []domain.CreditNote{{Account: "R-ONE", Number: "RB-K1-2026-Q3", Date: domain.MustDate("2026-10-10"), Amount: dec("20000"), Currency: "NGN", Reason: "rebate"}}
	// K2 starts in the middle of August (and of the third quarter): July is not its period.
	two := acctFile("R-TWO", "bola", "XOF")
	two.Contracts = []domain.Contract{contract("R-TWO", "K2", "2026-08-10", "2027-08-09", 0, "", "quantity/month:20000=1.50/unit")}
	two.Invoices = []domain.Invoice{
		sale("R-TWO", "T0", "2026-08-09", "5000", "2500000", "XOF"), // before the contract
		sale("R-TWO", "T1", "2026-08-20", "20001", "10000500", "XOF"),
		sale("R-TWO", "T2", "2026-09-05", "19999", "9999500", "XOF"),
	}
	three := acctFile("R-THREE", "ada", "NGN")
	three.Contracts = []domain.Contract{contract("R-THREE", "K3", "2026-09-01", "2026-09-30", 0, "", "amount/month:0=0%,5000000=0.5%")}
	three.Invoices = []domain.Invoice{sale("R-THREE", "H1", "2026-09-10", "100", "5000000.02", "NGN")}

	p, err := domain.ParsePeriod("2026-Q3", asOf)
	if err != nil {
		t.Fatal(err)
	}
	// R-ONE K1, Q3: 10,001 litres ≥ 10,000: 1% × 5,000,537.50 = 50,005.375 → 50,005.38; credited 20,000.00: due 30,005.38.
	// R-THREE K3, September: 5,000,000.02 ≥ 5,000,000: 0.5% = 25,000.0001 → 25,000.00.
	// R-TWO K2, August: 20,001 × 1.50 = 30,001.5 → 30,002 (XOF: no places); September: 19,999 < 20,000: no tier.
	want := "account,contract,period,basis_value,invoiced,tier,rate,rebate,credited,due,currency\n" +
		"R-ONE,K1,2026-Q3,10001,5000537.50,10000,1%,50005.38,20000.00,30005.38,NGN\n" +
		"R-THREE,K3,2026-09,5000000.02,5000000.02,5000000,0.5%,25000.00,0.00,25000.00,NGN\n" +
		"R-TWO,K2,2026-08,20001,10000500,20000,1.50/unit,30002,0,30002,XOF\n" +
		"R-TWO,K2,2026-09,19999,9999500,,,0,0,0,XOF\n"
	if got := csvOf(t, "rebates", Input{AsOf: asOf, Period: p}, one, two, three); got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	// The default, 12m (18 Nov 2025 … 17 Nov 2026): K1's four quarters of 2026, K2's August to November
	// (December starts after the date), K3's September.
	got := csvOf(t, "rebates", Input{AsOf: asOf}, one, two, three)
	for _, row := range []string{"R-ONE,K1,2026-Q1,", "R-ONE,K1,2026-Q4,", "R-TWO,K2,2026-11,", "R-THREE,K3,2026-09,"} {
		if !strings.Contains(got, "\n"+row) {
			t.Errorf("12m: no %s row:\n%s", row, got)
		}
	}
	if n := strings.Count(got, "\n"); n != 1+4+4+1 || strings.Contains(got, "2026-12") || strings.Contains(got, "2026-07") {
		t.Errorf("12m: %d lines:\n%s", n, got)
	}

	// json: numbers as numbers, an empty tier as null.
	book, _ := domain.BookOf(domain.DefaultSettings(), []*domain.AccountFile{two})
	r, _ := Lookup("rebates")
	var buf bytes.Buffer
	if err := Of(r, Input{AsOf: asOf, Period: p}, book.Settings, book.Accounts).Write(&buf, "json"); err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &rows); err != nil {
		t.Fatalf("%v:\n%s", err, buf.String())
	}
	if len(rows) != 2 || rows[0]["rebate"] != 30002.0 || rows[0]["rate"] != "1.50/unit" || rows[1]["tier"] != nil || rows[1]["basis_value"] != 19999.0 {
		t.Fatalf("json %v", rows)
	}
}
