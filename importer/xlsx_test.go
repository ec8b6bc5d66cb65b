package importer

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"acctdesk/domain"

	"github.com/xuri/excelize/v2"
)

// workbook builds an XLSX file: each sheet's rows, cell by cell (a
// time.Time is written as a date cell shown "d mmm yyyy", a float64 or int
// as a number, a string as a text cell, a bool as a boolean cell, a
// formula as a formula without a saved value, a stored as a number cell of
// exactly those digits); configure may change the file before it is written.
func workbook(t *testing.T, sheets [][2]any, configure func(*excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	custom := "d mmm yyyy"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range sheets {
		name := s[0].(string)
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s[1].([][]any) {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if v == nil {
					continue
				}
				if fm, ok := v.(formula); ok {
					// A formula without a saved value, as a program writes it
					// that does not calculate.
					if err := f.SetCellFormula(name, cell, string(fm)); err != nil {
						t.Fatal(err)
					}
					continue
				}
				if n, ok := v.(stored); ok {
					// A number cell holding exactly these digits, as Excel writes them.
					if err := f.SetCellDefault(name, cell, string(n)); err != nil {
						t.Fatal(err)
					}
					continue
				}
				if err := f.SetCellValue(name, cell, v); err != nil {
					t.Fatal(err)
				}
				if _, ok := v.(time.Time); ok {
					f.SetCellStyle(name, cell, cell, dateStyle)
				}
			}
		}
	}
	if configure != nil {
		configure(f)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// stored is a number cell's value as the file stores it.
type stored string

// formula is a formula cell with no saved value.
type formula string

func day(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }

// TestXLSXTypedCells: a workbook's date cells are dates whatever their
// display format, its numbers read as their shortest decimal (Excel holds
// 80.07 as 80.06999999999999), a number in a code column is the integer
// without ".0", a boolean cell is a boolean, an error cell is refused
// naming the cell — through the same validation as CSV.
func TestXLSXTypedCells(t *testing.T) {
	rows := [][]any{
		{"customerID", "invoiceNumber", "InvoiceDate", "DueDate", "InvoiceAmount", "Disputed", "SettledDate", "countryCode"},
		{"0379-NEVHP", 611365, day("2013-01-02"), day("2013-02-01"), stored("80.06999999999999"), false, day("2013-01-15"), 391},
		{"0379-NEVHP", stored("6.11366E5"), "1/3/2013", 41308.0, stored("0.30000000000000004"), true, nil, 391}, // a text date in the layout; a serial number in a date column; 0.30000000000000004 read as 0.3
		{"0379-NEVHP", 611367, day("2013-01-04"), nil, 0.125, "no", nil},                                        // row 4: 3 places in USD
		{"0379-NEVHP", 611368, day("2013-01-05"), nil, "#N/A", "no", nil},                                       // row 5: a text cell "#N/A" (not an error cell: TestXLSXHandWritten has those), read as CSV reads it
		{"0379-NEVHP", 611369, day("2013-01-06"), nil, 10, "no", nil, nil, "stray"},                             // row 6: a value past the header
		{"0379-NEVHP", 611370, day("2013-01-07"), nil, "1,234.56", "no", nil},                                   // a text amount, formatted
	}
	data := workbook(t, [][2]any{{"Invoices", rows}}, nil)
	m, _ := ParseMap("customerID=account,invoiceNumber=number,InvoiceDate=issue_date,DueDate=due_date,InvoiceAmount=amount,Disputed=disputed,SettledDate=paid_on")
	f, err := Read("invoices", bytes.NewReader(data), Options{Map: m, DateLayout: "1/2/2006", Currency: "USD"})
	if err != nil {
		t.Fatal(err)
	}
	if f.Format != "xlsx" || f.Sheet != "Invoices" || strings.Join(f.Ignored, ",") != "countryCode" {
		t.Errorf("format %s sheet %s ignored %v", f.Format, f.Sheet, f.Ignored)
	}
	inv := f.Batch.Invoices
	if len(inv) != 3 {
		t.Fatalf("invoices %+v; errors %v", inv, f.Errors)
	}
	a, b, c := inv[0].V, inv[1].V, inv[2].V
	if a.Number != "611365" || a.Issued != domain.MustDate("2013-01-02") || a.Due != domain.MustDate("2013-02-01") || a.Amount.String() != "80.07" || a.Disputed {
		t.Errorf("row 2: %+v", a)
	}
	// Serial 41308 is 2013-02-03 (41276 is 2013-01-02, plus 32 days).
	if inv[1].Line != 3 || b.Number != "611366" || b.Issued != domain.MustDate("2013-01-03") || b.Due != domain.MustDate("2013-02-03") || b.Amount.String() != "0.3" || !b.Disputed {
		t.Errorf("row 3: %+v", b)
	}
	if inv[2].Line != 7 || c.Amount.String() != "1234.56" {
		t.Errorf("row 7: %+v", c)
	}
	s := f.Batch.Settled
	if len(s) != 3 || s[0].V.On != domain.MustDate("2013-01-15") || !s[1].V.On.IsZero() {
		t.Errorf("settled %+v", s)
	}
	want := []string{
		`line 4: amount (InvoiceAmount): "0.125" has more decimal places than USD allows (2) (cell E4)`,
		`line 5: amount (InvoiceAmount): "#N/A" is not an amount (digits and one '.' only) (cell E5)`,
		`line 6: cell I6 holds a value beyond the header's last column (8 columns)`,
	}
	if len(f.Errors) != len(want) {
		t.Fatalf("errors %v", f.Errors)
	}
	for i, e := range f.Errors {
		if e.Error() != want[i] {
			t.Errorf("error %d: %q\nwant     %q", i, e.Error(), want[i])
		}
	}
}

// TestXLSXSheetAnd1904: --sheet picks a later sheet (any case), an unknown
// one is refused listing the sheets, and a 1904 workbook's serials are read
// in its system.
func TestXLSXSheetAnd1904(t *testing.T) {
	readme := [][]any{{"This workbook holds payments on the second sheet"}}
	pays := [][]any{
		{"account", "reference", "date", "amount", "invoice"},
		{"ACME", "P-1", 39814.0, 1500, 611365}, // 1904 serial 39814 = 1900 serial 41276 − 1462 = 2013-01-02
	}
	yes := true
	data := workbook(t, [][2]any{{"Read me", readme}, {"Payments", pays}}, func(f *excelize.File) {
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
			t.Fatal(err)
		}
	})
	f, err := Read("payments", bytes.NewReader(data), Options{Sheet: "payments"})
	if err != nil {
		t.Fatal(err)
	}
	if f.Err() != nil || len(f.Batch.Payments) != 1 {
		t.Fatalf("%v %+v", f.Err(), f.Batch.Payments)
	}
	p := f.Batch.Payments[0].V
	if p.Received != domain.MustDate("2013-01-02") || p.Amount.String() != "1500" || p.Invoice != "611365" || f.Sheet != "Payments" {
		t.Errorf("payment %+v", p)
	}
	// The first sheet is the default: it has no payments columns, and the
	// message names the sheets --sheet can pick.
	if _, err := Read("payments", bytes.NewReader(data), Options{}); err == nil || !strings.Contains(err.Error(), "missing required column account") ||
		!strings.HasSuffix(err.Error(), `that is the first sheet, "Read me", of the workbook's "Read me", "Payments": pick another with --sheet NAME`) {
		t.Errorf("first sheet: %v", err)
	}
	if _, err := Read("payments", bytes.NewReader(data), Options{Sheet: "Pay"}); err == nil || err.Error() != `--sheet "Pay": the workbook has no such sheet (its sheets: "Read me", "Payments")` {
		t.Errorf("unknown sheet: %v", err)
	}
	if _, err := Read("payments", bytes.NewReader(data), Options{Encoding: "latin1"}); err == nil || !strings.Contains(err.Error(), "--encoding is for CSV") {
		t.Errorf("--encoding on a workbook: %v", err)
	}
	// A zip that is not a workbook.
	if _, err := Read("payments", strings.NewReader("PK\x03\x04garbage"), Options{}); err == nil || !strings.Contains(err.Error(), "not a workbook") {
		t.Errorf("a broken zip: %v", err)
	}
}
