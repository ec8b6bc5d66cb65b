package report

import (
	"bytes"
	"strings"
	"testing"

	"acctdesk/domain"

	"github.com/xuri/excelize/v2"
)

// crossBook, as of 2026-06-30 (the 12 months: 2025-07-01 … 2026-06-30):
//   - A-AGO: AGO on 2026-03-01 (no quantity): single-product, with notes;
//   - B-TWO: AGO in April, May and June 2026 (1000, 1500, 700 litres), PMS in
//     June (2000.5), and Rescue in 2024 (out of the 12 months, but sold by the book);
//   - C-GONE: churned, sold Fleet in 2026: a column, no row;
//   - D-NONE: nothing invoiced: no product, not single-product;
//   - E-BOB: Bob's, AGO only (left out with --owner ada).
func crossBook(t *testing.T) *domain.Book {
	t.Helper()
	acct := func(code, owner, status string) *domain.AccountFile {
		return &domain.AccountFile{Account: domain.Account{Code: code, Name: code + " Ltd", Tier: 2, Owner: owner, Status: status,
			Terms: "term", TermsDays: 30, Currency: "NGN"}}
	}
	inv := func(f *domain.AccountFile, num, issued, product, qty string) {
		x := domain.Invoice{Account: f.Account.Code, Number: num, Issued: domain.MustDate(issued), Due: domain.MustDate(issued).AddDays(30),
			Amount: dec("100"), Currency: "NGN", Product: product}
		if qty != "" {
			x.Quantity = dec(qty)
		}
		f.Invoices = append(f.Invoices, x)
	}
	a := acct("A-AGO", "ada", "active")
	a.Account.ExpansionNotes = "PMS candidate: runs 12 petrol vans"
	inv(a, "A1", "2026-03-01", "AGO", "")
	b := acct("B-TWO", "ada", "active")
	inv(b, "B0", "2024-05-01", "Rescue", "1")
	inv(b, "B1", "2026-04-10", "AGO", "1000")
	inv(b, "B2", "2026-05-10", "AGO", "1500")
	inv(b, "B3", "2026-06-10", "AGO", "700")
	inv(b, "B4", "2026-06-05", "PMS", "2000.5")
	c := acct("C-GONE", "ada", domain.StatusChurned)
	inv(c, "C1", "2026-01-05", "Fleet", "2")
	d := acct("D-NONE", "ada", "onboarding")
	e := acct("E-BOB", "bob", "active")
	inv(e, "E1", "2026-06-01", "AGO", "")
	book, err := domain.BookOf(domain.DefaultSettings(), []*domain.AccountFile{a, b, c, d, e})
	if err != nil {
		t.Fatal(err)
	}
	return book
}

func crossReport(t *testing.T, name string, in Input, format string) (*Table, string) {
	t.Helper()
	r, err := Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	b := crossBook(t)
	in.AsOf = domain.MustDate("2026-06-30")
	tab := Of(r, in, b.Settings, b.Accounts)
	var buf bytes.Buffer
	if err := tab.Write(&buf, format); err != nil {
		t.Fatal(err)
	}
	return tab, buf.String()
}

func TestCrossSellCSV(t *testing.T) {
	// Columns: every product the book has sold (Fleet by the churned account,
	// Rescue in 2024 too), by name. Rows: every account not churned, by code.
	want := "account,products,single_product,AGO,Fleet,PMS,Rescue,expansion_notes\n" +
		"A-AGO,AGO,yes,yes,,,,PMS candidate: runs 12 petrol vans\n" +
		"B-TWO,AGO;PMS,no,yes,,yes,,\n" +
		"D-NONE,,no,,,,,\n" +
		"E-BOB,AGO,yes,yes,,,,\n"
	if _, got := crossReport(t, "cross-sell", Input{}, "csv"); got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	// One owner's accounts: the columns are still the book's.
	want = "account,products,single_product,AGO,Fleet,PMS,Rescue,expansion_notes\n" +
		"A-AGO,AGO,yes,yes,,,,PMS candidate: runs 12 petrol vans\n" +
		"B-TWO,AGO;PMS,no,yes,,yes,,\n" +
		"D-NONE,,no,,,,,\n"
	if _, got := crossReport(t, "cross-sell", Input{Owner: "ada"}, "csv"); got != want {
		t.Fatalf("ada's: got\n%s\nwant\n%s", got, want)
	}
	// With no accounts (the help's columns): the fixed ones only.
	cols, err := Columns("cross-sell")
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, c := range cols {
		keys = append(keys, c.Key)
		if c.Means == "" {
			t.Errorf("column %s is not explained", c.Key)
		}
	}
	if strings.Join(keys, ",") != "account,products,single_product,expansion_notes" {
		t.Fatalf("help columns %v", keys)
	}
}

func TestCrossSellXLSX(t *testing.T) {
	tab, out := crossReport(t, "cross-sell", Input{}, "xlsx")
	f, err := excelize.OpenReader(strings.NewReader(out))
	if err != nil {
		t.Fatalf("the workbook does not read back: %v", err)
	}
	defer f.Close()
	rows, err := f.GetRows("cross-sell")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(tab.Rows) || strings.Join(rows[0], ",") != "account,products,single_product,AGO,Fleet,PMS,Rescue,expansion_notes" {
		t.Fatalf("rows %q", rows)
	}
	// B-TWO: yes under AGO (D) and PMS (F); a trailing empty cell is no cell.
	if got := strings.Join(rows[2], ","); got != "B-TWO,AGO;PMS,no,yes,,yes" {
		t.Fatalf("B-TWO's row %q", got)
	}
}

func TestVolumeForecastCSV(t *testing.T) {
	// As of 2026-06-30: the last complete month is May, the forecast months June, July, August.
	// A-AGO: AGO from March, of no quantity: May from Mar, Apr: (0 + 0) ÷ 2 = 0, actual 0 (no error);
	//   June from Mar, Apr, May: 0.
	// B-TWO AGO from April: May from April alone: 1000, actual 1500: (1000 − 1500) ÷ 1500 × 100 = −33.3;
	//   June … August from Apr, May: (1000 + 1500) ÷ 2 = 1250; June so far 700.
	// B-TWO PMS, first in June: no history before it, no forecast; June so far 2000.5.
	// B-TWO Rescue (2024) is not in the 13 months read. C-GONE has churned
	// (since a day not known): no forecast (TestVolumeForecastChurned).
	// E-BOB's AGO, first in June: no forecast.
	want := "account,product,month,actual,forecast,method,error_pct\n" +
		"A-AGO,AGO,2026-05,0,0,average,\n" +
		"A-AGO,AGO,2026-06,0,0,average,\n" +
		"A-AGO,AGO,2026-07,,0,average,\n" +
		"A-AGO,AGO,2026-08,,0,average,\n" +
		"B-TWO,AGO,2026-05,1500,1000,average,-33.3\n" +
		"B-TWO,AGO,2026-06,700,1250,average,\n" +
		"B-TWO,AGO,2026-07,,1250,average,\n" +
		"B-TWO,AGO,2026-08,,1250,average,\n" +
		"B-TWO,PMS,2026-05,0,,,\n" +
		"B-TWO,PMS,2026-06,2000.5,,,\n" +
		"B-TWO,PMS,2026-07,,,,\n" +
		"B-TWO,PMS,2026-08,,,,\n" +
		"E-BOB,AGO,2026-05,0,,,\n" +
		"E-BOB,AGO,2026-06,0,,,\n" +
		"E-BOB,AGO,2026-07,,,,\n" +
		"E-BOB,AGO,2026-08,,,,\n"
	if _, got := crossReport(t, "forecast", Input{}, "csv"); got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	_, js := crossReport(t, "forecast", Input{Owner: "ada"}, "json")
	if !strings.Contains(js, `{"account": "B-TWO", "product": "AGO", "month": "2026-05", "actual": 1500, "forecast": 1000, "method": "average", "error_pct": -33.3}`) ||
		!strings.Contains(js, `"month": "2026-07", "actual": null, "forecast": 1250`) || strings.Contains(js, "E-BOB") {
		t.Fatalf("json:\n%s", js)
	}
	if _, tab := crossReport(t, "forecast", Input{}, "table"); !strings.Contains(tab, "2,000.5") || !strings.Contains(tab, "ERROR %") {
		t.Fatalf("table:\n%s", tab)
	}
}
