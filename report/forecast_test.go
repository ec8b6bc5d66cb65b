package report

import (
	"bytes"
	"strings"
	"testing"

	"acctdesk/domain"
)

// richBook as of Tue 2026-06-30; weeks from Mon 06-29.
// B-ACME: A3 4000 − 500 = 3500 due 05-30, A2 2000 due 05-31, A1 1000 due 06-30.
// Its promise (2000 given 06-01, due 06-20, 500 paid by 06-23) is partly
// kept: it covers nothing. L = (4000 × 31 + 2000 × 30) / 6000 = 30.67 → 31:
// A3 on 05-30 + 31 = 06-30 and A2 on 05-31 + 31 = 07-01 (week 06-29: 5500);
// A1 on 06-30 + 31 = 07-31 (week 07-27, the fifth). TOTAL 6500.
// X-TOGO: X1 150000 due 02-01, 149 days late: L = 149, 02-01 + 149 = 06-30.
func TestCashForecastWorkbook(t *testing.T) {
	f, _ := workbook(t, "cash-forecast")
	// Rows: 1 header; 2–14 NGN weeks, 15 later, 16 disputed, 17 TOTAL; 18–30 XOF weeks … 33 TOTAL.
	for _, w := range []want{
		{cell: "B1", shown: "week", raw: "week", bold: true},
		{cell: "A2", shown: "NGN", raw: "NGN"},
		{cell: "B2", shown: "2026-06-29", raw: "46202", number: true, numFmt: "yyyy-mm-dd"},
		{cell: "C2", shown: "5,500.00", raw: "5500", number: true, numFmt: "#,##0.00"},
		{cell: "D2", shown: "0.00", raw: "0", number: true, numFmt: "#,##0.00"},
		{cell: "E2", shown: "2", raw: "2", number: true, numFmt: "0"},
		{cell: "B6", shown: "2026-07-27", raw: "46230", number: true, numFmt: "yyyy-mm-dd"},
		{cell: "C6", shown: "1,000.00", raw: "1000", number: true, numFmt: "#,##0.00"},
		{cell: "B15", shown: "later", raw: "later"},
		{cell: "B16", shown: "disputed", raw: "disputed"},
		{cell: "B17", shown: "TOTAL", raw: "TOTAL"},
		{cell: "C17", shown: "6,500.00", raw: "6500", number: true, numFmt: "#,##0.00"},
		{cell: "A18", shown: "XOF", raw: "XOF"},
		{cell: "C18", shown: "150,000", raw: "150000", number: true, numFmt: "#,##0"},
		{cell: "C33", shown: "150,000", raw: "150000", number: true, numFmt: "#,##0"},
	} {
		cellIs(t, f, "cash-forecast", w)
	}
	if rows, _ := f.GetRows("cash-forecast"); len(rows) != 33 {
		t.Errorf("%d rows, want 1 + 2 × (13 + 3)", len(rows))
	}
}

// In json every row carries its parts (TOTAL none); csv and the table do not.
func TestCashForecastParts(t *testing.T) {
	r, _ := Lookup("cash-forecast")
	b := richBook(t)
	tab := Of(r, Input{AsOf: domain.MustDate("2026-06-30"), Weeks: 2}, b.Settings, b.Accounts)
	var js, csv bytes.Buffer
	if err := tab.Write(&js, "json"); err != nil {
		t.Fatal(err)
	}
	tab.Write(&csv, "csv")
	for _, s := range []string{
		// --weeks 2: A1 (07-31) is later; its part says L.
		`{"currency": "NGN", "week": "later", "expected": 1000.00, "promised": 0.00, "invoices": 1, "parts": [` + "\n" +
			`    {"account": "B-ACME", "invoice_issued": "2026-05-31", "invoice_due": "2026-06-30", "amount": 1000.00, "expected": "2026-07-31", "basis": "terms+L", "promise": null, "promise_due": "", "late_days": 31}` + "\n  ]}",
		`{"currency": "NGN", "week": "disputed", "expected": 0.00, "promised": 0.00, "invoices": 0, "parts": []}`,
		`{"currency": "NGN", "week": "TOTAL", "expected": 6500.00, "promised": 0.00, "invoices": 3, "parts": []}`,
	} {
		if !strings.Contains(js.String(), s) {
			t.Errorf("json lacks\n%s\nin\n%s", s, js.String())
		}
	}
	if strings.Contains(csv.String(), "parts") || strings.Count(csv.String(), "\n") != 1+2*5 {
		t.Errorf("csv:\n%s", csv.String())
	}
}
