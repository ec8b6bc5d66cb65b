package importer

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestXLSXEmptyValue (item 8): an empty <v></v> without a formula is an
// empty cell whatever its type — a shared string, a number, a boolean.
func TestXLSXEmptyValue(t *testing.T) {
	rows := `<row>` + is("account") + is("number") + is("issue_date") + is("amount") + is("product") + is("unit") + is("disputed") + is("dispute_reason") + `</row>` +
		`<row>` + is("ACME") + is("V2") + is("2026-01-05") + `<c><v>10</v></c><c><v></v></c><c t="s"><v></v></c><c t="b"><v></v></c><c t="str"><v></v></c></row>` +
		`<row>` + is("ACME") + is("V3") + is("2026-01-05") + `<c><v>10</v></c><c t="s"><v> </v></c><c><v> </v></c><c t="e"><v></v></c><c t="d"><v></v></c></row>` +
		`<row>` + is("ACME") + `<c t="s"><v></v></c>` + is("2026-01-05") + `<c><v></v></c></row>` // 4: both empty (left to the record's checks)
	f := readBook(t, "invoices", handBook(t, rows, `<si><t>x</t></si>`), Options{})
	wantErrors(t, f)
	if numbers(f) != "V2 V3 " {
		t.Fatalf("invoices %q %v", numbers(f), f.Errors)
	}
	for _, r := range f.Batch.Invoices {
		if v := r.V; v.Product != "" || v.Unit != "" || v.Disputed || v.DisputeReason != "" {
			t.Errorf("invoice %+v", v)
		}
	}
	if v := f.Batch.Invoices[2].V; v.Number != "" || !v.Amount.IsZero() {
		t.Errorf("row 4: %+v", v)
	}
}

// sheetsBook is a workbook whose first sheet is a chart, its second a
// hidden worksheet, its third the data.
func sheetsBook(t *testing.T, data string) []byte {
	parts := handParts(data, "")
	parts["xl/workbook.xml"] = `<workbook ` + ns + `><sheets><sheet name="Chart1" sheetId="3" r:id="rId3"/>` +
		`<sheet name="Lookup" sheetId="2" r:id="rId2" state="hidden"/><sheet name="Gone" sheetId="4" r:id="rId4" state="veryHidden"/><sheet name="Data" sheetId="1" r:id="rId7"/></sheets></workbook>`
	parts["xl/_rels/workbook.xml.rels"] = strings.Replace(parts["xl/_rels/workbook.xml.rels"], "</Relationships>",
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>`+
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/other.xml"/>`+
			`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/other.xml"/></Relationships>`, 1)
	parts["xl/chartsheets/sheet1.xml"] = `<chartsheet ` + ns + `><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`
	parts["xl/worksheets/other.xml"] = `<worksheet ` + ns + `><sheetData><row>` + is("code") + is("name") + is("currency") + `</row><row>` + is("H1") + is("Hidden") + is("USD") + `</row></sheetData></worksheet>`
	return bookOf(t, parts)
}

// TestXLSXChartAndHiddenSheets (item 8): the default sheet is the first
// visible worksheet, not a chart or a hidden sheet; --sheet may name a
// hidden worksheet, not a chart.
func TestXLSXChartAndHiddenSheets(t *testing.T) {
	book := sheetsBook(t, `<row>`+is("code")+is("name")+is("currency")+`</row><row>`+is("D1")+is("Data")+is("USD")+`</row>`)
	f := readBook(t, "accounts", book, Options{})
	wantErrors(t, f)
	if f.Sheet != "Data" || len(f.Batch.Accounts) != 1 || f.Batch.Accounts[0].V.Code != "D1" {
		t.Errorf("sheet %q accounts %+v", f.Sheet, f.Batch.Accounts)
	}
	f = readBook(t, "accounts", book, Options{Sheet: "lookup"})
	if f.Sheet != "Lookup" || len(f.Batch.Accounts) != 1 || f.Batch.Accounts[0].V.Code != "H1" {
		t.Errorf("sheet %q accounts %+v", f.Sheet, f.Batch.Accounts)
	}
	_, err := Read("accounts", bytes.NewReader(book), Options{Sheet: "Chart1"})
	if err == nil || err.Error() != `--sheet "Chart1": that sheet is a chart, not a sheet of cells (the workbook's sheets of cells: "Lookup", "Gone", "Data")` {
		t.Errorf("chart: %v", err)
	}
	// A header problem names the sheet read and the others.
	_, err = Read("invoices", bytes.NewReader(book), Options{})
	want := `line 1: missing required column account, number, issue_date, amount (use --map SRC=DST to rename a column; the header has: code, name, currency)` +
		`; that is "Data", the first visible sheet of cells of the workbook's "Chart1" (a chart), "Lookup" (hidden), "Gone" (hidden), "Data": pick another with --sheet NAME`
	if err == nil || err.Error() != want {
		t.Errorf("header note:\n%v\nwant\n%s", err, want)
	}
	// Only charts: said so.
	parts := handParts("", "")
	parts["xl/workbook.xml"] = `<workbook ` + ns + `><sheets><sheet name="Chart1" sheetId="3" r:id="rId3"/></sheets></workbook>`
	parts["xl/_rels/workbook.xml.rels"] = strings.Replace(parts["xl/_rels/workbook.xml.rels"], "</Relationships>",
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`, 1)
	_, err = Read("accounts", bytes.NewReader(bookOf(t, parts)), Options{})
	if err == nil || err.Error() != `the workbook has no sheet of cells (its sheets: "Chart1" (a chart))` {
		t.Errorf("charts only: %v", err)
	}
}

// TestXLSXFarCells (item 8): a styled empty cell at XFD on every row does
// not make each row 16,384 cells: the row is kept to the header's width,
// and a value beyond it is still refused naming its cell, even when it is
// the row's only value.
func TestXLSXFarCells(t *testing.T) {
	header := `<row r="1">` + is("account") + is("number") + is("issue_date") + is("amount") + `<c r="F1" s="0"/></row>`
	rows := header +
		`<row r="2">` + is("ACME") + is("F2") + is("2026-01-05") + `<c><v>1</v></c><c r="XFD2" s="0"/></row>` +
		`<row r="3">` + is("ACME") + is("F3") + is("2026-01-05") + `<c><v>1</v></c><c r="XFD3"><v>7</v></c></row>` +
		`<row r="4"><c r="XFC4" s="0"/><c r="XFD4" t="inlineStr"><is><t>x</t></is></c></row>` +
		`<row r="5">` + is("ACME") + is("F5") + is("2026-01-05") + `<c><v>1</v></c><c r="E5"><v>2</v></c><c r="F5"><v>3</v></c></row>` // 5: E5 and F5, under no name, are ignored
	book := handBook(t, rows, "")
	f := readBook(t, "invoices", book, Options{})
	wantErrors(t, f,
		"line 3: cell XFD3 holds a value beyond the header's last column (6 columns)",
		"line 4: cell XFD4 holds a value beyond the header's last column (6 columns)")
	if numbers(f) != "F2 F5" {
		t.Errorf("invoices %q", numbers(f))
	}
	// The rows as read: no longer than the header's last name.
	src, err := openXLSX(bytes.NewReader(book), Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := src.(*xlsxSource)
	var lens []int
	for {
		rec, _, err := s.next()
		if err != nil {
			var rp *rowProblem
			if errors.As(err, &rp) {
				lens = append(lens, -1)
				continue
			}
			break
		}
		lens = append(lens, len(rec))
	}
	if !slices.Equal(lens, []int{6, 4, -1, -1, 4}) {
		t.Errorf("row lengths %v, want the header's 6 then 4 (its last name) and two refused", lens)
	}
}
