package importer

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

// readBook reads a workbook as invoices in USD; the test fails if the file
// itself is refused.
func readBook(t *testing.T, kind string, data []byte, opt Options) *File {
	t.Helper()
	if opt.Currency == "" {
		opt.Currency = "USD"
	}
	f, err := Read(kind, bytes.NewReader(data), opt)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func wantErrors(t *testing.T, f *File, want ...string) {
	t.Helper()
	var got []string
	for _, e := range f.Errors {
		got = append(got, e.Error())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func numbers(f *File) string {
	var out []string
	for _, r := range f.Batch.Invoices {
		out = append(out, r.V.Number)
	}
	return strings.Join(out, " ")
}

// TestXLSXTextCellsStayText (item 1): a text cell in a code column is kept
// exactly as written — "2024E001" is not 20240, "1.10" not 1.1, "00123"
// keeps its zeros, "1E3" and "1000" are two invoices; only a number cell
// is normalised (611365 reads "611365", 6.11366E5 reads "611366").
func TestXLSXTextCellsStayText(t *testing.T) {
	d := day("2026-01-05")
	data := workbook(t, [][2]any{{"Sheet1", [][]any{
		{"account", "number", "issue_date", "amount"},
		{"ACME", "2024E001", d, 10},
		{"ACME", "1.10", d, 10},
		{"ACME", "00123", d, 10},
		{"ACME", "1E3", d, 10},
		{"ACME", "1000", d, 10},
		{"ACME", 611365, d, 10},
		{"ACME", stored("6.11366E5"), d, 10},
	}}}, nil)
	f := readBook(t, "invoices", data, Options{})
	wantErrors(t, f)
	if got := numbers(f); got != "2024E001 1.10 00123 1E3 1000 611365 611366" {
		t.Errorf("numbers %q", got)
	}
}

// TestXLSXFormulaWithoutValue (item 2): a formula cell with no saved value
// is refused naming the cell — read as empty, a paid_on formula would
// remove the payment made from an earlier import.
func TestXLSXFormulaWithoutValue(t *testing.T) {
	data := workbook(t, [][2]any{{"Sheet1", [][]any{
		{"account", "number", "issue_date", "due_date", "amount", "paid_on"},
		{"ACME", "Q1", day("2026-01-05"), formula("C2+60"), 100, formula("C2+10")},
	}}}, nil)
	f := readBook(t, "invoices", data, Options{})
	wantErrors(t, f,
		"line 2: due_date: cell D2 holds a formula with no saved value: open and save the workbook in a spreadsheet, or paste values",
		"line 2: paid_on: cell F2 holds a formula with no saved value: open and save the workbook in a spreadsheet, or paste values")
	if len(f.Batch.Invoices) != 0 || len(f.Batch.Settled) != 0 {
		t.Errorf("the row got into the batch: %+v %+v", f.Batch.Invoices, f.Batch.Settled)
	}
}

// TestXLSXCellsMeetCSVRules (item 3): a text cell goes through exactly
// the CSV rules ("1e3" is refused; "45000" in a date column is text in the
// layout, not a serial); a boolean cell is not an amount, a date or a code;
// serial 60, the 1900-02-29 that never was, is refused, while its
// neighbours read as the days they are.
func TestXLSXCellsMeetCSVRules(t *testing.T) {
	d := day("2026-01-05")
	data := workbook(t, [][2]any{{"Sheet1", [][]any{
		{"account", "number", "issue_date", "amount"},
		{"ACME", "A4", d, "1e3"},     // 2
		{"ACME", "A5", d, true},      // 3
		{"ACME", "Q5", "45000", 100}, // 4
		{"ACME", "Q6", 60.0, 100},    // 5
		{"ACME", "Q7", 59.0, 100},    // 6: 1899-12-31 + 59 days = 1900-01-31 + 28 = 1900-02-28
		{"ACME", "Q8", 61.0, 100},    // 7: 1899-12-30 + 61 days (60 counted the missing day) = 1900-03-01
		{"ACME", "Q9", 1.0, 100},     // 8: 1900-01-01
		{"ACME", true, d, 100},       // 9
		{"ACME", "Q10", false, 100},  // 10
	}}}, nil)
	f := readBook(t, "invoices", data, Options{})
	wantErrors(t, f,
		`line 2: amount: "1e3" is not an amount (digits and one '.' only) (cell D2)`,
		`line 3: amount: a boolean cell (TRUE) is not an amount: write the value (cell D3)`,
		`line 4: issue_date: "45000" is not a date in the form YYYY-MM-DD (cell C4)`,
		`line 5: issue_date: the cell holds date serial 60, 1900-02-29, a day that did not exist (a spreadsheet's leap-year error): write the date (cell C5)`,
		`line 9: number: a boolean cell (TRUE) is not a code: write the value (cell B9)`,
		`line 10: issue_date: a boolean cell (FALSE) is not a date: write the value (cell C10)`)
	got := invoicesOf(f.Batch)
	want := []inv{{6, "Q7", "100", "1900-02-28"}, {7, "Q8", "100", "1900-03-01"}, {8, "Q9", "100", "1900-01-01"}}
	if len(got) != len(want) {
		t.Fatalf("invoices %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("invoice %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestXLSXNumberPrecision (item 4): a number cell is read as the decimal
// it was typed as when the double holds it exactly enough, and refused
// when it had more digits than a double keeps; a text cell is exact.
func TestXLSXNumberPrecision(t *testing.T) {
	d := day("2026-01-05")
	data := workbook(t, [][2]any{{"Sheet1", [][]any{
		{"account", "number", "issue_date", "amount"},
		{"ACME", "N2", d, stored("12345678901234.56")},   // 16 significant digits: refused
		{"ACME", "N3", d, "12345678901234.56"},           // a text cell: exact
		{"ACME", "N4", d, stored("107.49999999999999")},  // 15 digits: 107.500000000000 → 107.5
		{"ACME", "N5", d, stored("0.30000000000000004")}, // 0.300000000000000 → 0.3
		{"ACME", "N6", d, stored("80.069999999999993")},  // shortest round trip: 80.07
		{"ACME", "N7", d, stored("123456789012345")},     // 15 digits: kept
		{"ACME", "N8", d, stored("1234567890123456")},    // 16 digits: refused
	}}}, nil)
	f := readBook(t, "invoices", data, Options{})
	wantErrors(t, f,
		"line 2: amount: cell D2 holds 12345678901234.56, more digits than a spreadsheet number keeps exactly: write it as a text cell",
		"line 8: amount: cell D8 holds 1234567890123456, more digits than a spreadsheet number keeps exactly: write it as a text cell")
	var got []string
	for _, r := range f.Batch.Invoices {
		got = append(got, r.V.Number+"="+r.V.Amount.StringFixed(2))
	}
	if s := strings.Join(got, " "); s != "N3=12345678901234.56 N4=107.50 N5=0.30 N6=80.07 N7=123456789012345.00" {
		t.Errorf("amounts %s", s)
	}
	for v, want := range map[string]string{
		"0": "0", "-0": "0", "1E+20": "100000000000000000000", "-107.49999999999999": "-107.5",
		"4.0000000000000001E-3": "0.004", "1.2345678901234501": "1.23456789012345", "611365": "611365",
	} {
		if got, err := cellDecimal(v); err != nil || got != want {
			t.Errorf("cellDecimal(%s) = %s, %v; want %s", v, got, err, want)
		}
	}
}

// TestXLSXNumbersInTextColumns (item 5): number cells are normalised in
// free-text columns too, a boolean reads TRUE or FALSE, a date cell its
// date.
func TestXLSXNumbersInTextColumns(t *testing.T) {
	data := workbook(t, [][2]any{{"Sheet1", [][]any{
		{"account", "number", "issue_date", "amount", "product", "unit", "dispute_reason", "currency"},
		{"ACME", "T1", day("2026-01-05"), 10, stored("80.06999999999999"), true, day("2013-01-02"), "usd"},
	}}}, nil)
	f := readBook(t, "invoices", data, Options{})
	wantErrors(t, f)
	if len(f.Batch.Invoices) != 1 {
		t.Fatal(f.Batch.Invoices)
	}
	v := f.Batch.Invoices[0].V
	if v.Product != "80.07" || v.Unit != "TRUE" || v.DisputeReason != "2013-01-02" || v.Currency != "USD" {
		t.Errorf("product %q unit %q reason %q currency %q", v.Product, v.Unit, v.DisputeReason, v.Currency)
	}
}

// zipBook writes a workbook by hand, as a program other than excelize
// might: parts given by name.
func zipBook(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	b, err := zipParts(parts)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func zipParts(parts map[string]string) ([]byte, error) {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
		"xl/sharedStrings.xml", "xl/worksheets/data.xml", "xl/worksheets/other.xml"} {
		body, ok := parts[name]
		if !ok {
			continue
		}
		// Stored, not deflated: a fuzzer's changes reach the XML.
		fw, err := w.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		if err != nil {
			return nil, err
		}
		fw.Write([]byte(body))
	}
	err := w.Close()
	return b.Bytes(), err
}

const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// handBook is a minimal workbook of one sheet, "Data" (its part named by
// an absolute target), with the given sheetData rows and shared strings.
func handBook(t *testing.T, rows, sst string) []byte {
	t.Helper()
	return zipBook(t, handParts(rows, sst))
}

func handParts(rows, sst string) map[string]string {
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`,
		"_rels/.rels":         `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":     `<workbook ` + ns + `><sheets><sheet name="Data" sheetId="1" r:id="rId7"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/>` +
			`<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/worksheets/data.xml": `<worksheet ` + ns + `><sheetData>` + rows + `</sheetData></worksheet>`,
	}
	if sst != "" {
		parts["xl/sharedStrings.xml"] = `<sst ` + ns + `>` + sst + `</sst>`
	}
	return parts
}

func is(s string) string { return `<c t="inlineStr"><is><t>` + s + `</t></is></c>` }

// TestXLSXHandWritten: a workbook excelize did not write — no r
// attributes, inline strings, shared strings with rich-text runs and a
// phonetic reading, formulas with saved values (text and number), an error
// cell, a shared string the workbook lacks.
func TestXLSXHandWritten(t *testing.T) {
	header := `<row>` + is("account") + `<c t="s"><v>0</v></c>` + is("issue_date") + is("amount") + is("product") + `</row>`
	rows := header +
		// 46027 is 2026-01-05: 45658 is 2025-01-01, + 365 = 46023 is 2026-01-01, + 4.
		`<row><c t="s"><v>1</v></c><c t="str"><f>"I"&amp;1</f><v>I1</v></c><c><v>46027</v></c><c><f>50*2</f><v>100</v></c>` +
		`<c t="inlineStr"><is><r><t xml:space="preserve">Diesel </t></r><r><t>AGO</t></r></is></c></row>` +
		`<row>` + is("ACME") + is("I2") + `<c><v>46028</v></c><c t="e"><v>#DIV/0!</v></c></row>` +
		`<row><c t="s"><v>7</v></c>` + is("I3") + `<c><v>46028</v></c><c><v>5</v></c></row>`
	sst := `<si><t>number</t></si><si><r><t>AC</t></r><r><rPr><b/></rPr><t>ME</t></r><rPh sb="0" eb="1"><t>エー</t></rPh></si>`
	f := readBook(t, "invoices", handBook(t, rows, sst), Options{})
	wantErrors(t, f,
		`line 3: amount: the cell holds the error #DIV/0! (a formula that failed): fix it or clear the cell (cell D3)`,
		`line 4: account: cell A4 refers to shared string "7", which the workbook does not have: the workbook is damaged; open and save it in a spreadsheet`)
	if f.Sheet != "Data" || len(f.Batch.Invoices) != 1 {
		t.Fatalf("sheet %q invoices %+v", f.Sheet, f.Batch.Invoices)
	}
	v := f.Batch.Invoices[0].V
	if v.Account != "ACME" || v.Number != "I1" || v.Issued.String() != "2026-01-05" || v.Amount.String() != "100" || v.Product != "Diesel AGO" {
		t.Errorf("invoice %+v", v)
	}
}

// TestXLSXDamagedSheets (item 6): the messages say what is wrong — a row
// numbered past the last row, rows out of order, cells out of order; the
// header is the first row that is not blank.
func TestXLSXDamagedSheets(t *testing.T) {
	header := `<row r="1">` + is("account") + is("number") + is("issue_date") + is("amount") + `</row>`
	good := func(r string) string {
		return `<row r="` + r + `">` + is("ACME") + is("I"+r) + is("2026-01-05") + `<c><v>5</v></c></row>`
	}
	for _, c := range []struct{ name, rows, want string }{
		{"row past the last", header + good("2") + good("1048577"),
			"line 1048577: row 1048577 is beyond a sheet's last row (1048576): the workbook is damaged; open and save it in a spreadsheet"},
		{"rows out of order", header + good("3") + good("2"),
			"line 2: row 2 comes after row 3: the sheet's rows are out of order (a workbook a spreadsheet did not write); open and save it in a spreadsheet"},
	} {
		_, err := Read("invoices", bytes.NewReader(handBook(t, c.rows, "")), Options{Currency: "USD"})
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: %v\nwant %s", c.name, err, c.want)
		}
	}
	// A header cell that cannot be read refuses the file.
	if _, err := Read("invoices", bytes.NewReader(handBook(t, `<row>`+is("account")+`<c><f>"num"&amp;"ber"</f></c></row>`, "")), Options{}); err == nil ||
		err.Error() != "line 1: cell B1 holds a formula with no saved value: open and save the workbook in a spreadsheet, or paste values" {
		t.Errorf("header formula: %v", err)
	}
	// Cells out of order: the row is refused, the others read.
	rows := header + `<row r="2"><c r="B2" t="inlineStr"><is><t>I2</t></is></c><c r="A2" t="inlineStr"><is><t>ACME</t></is></c></row>` + good("3")
	f := readBook(t, "invoices", handBook(t, rows, ""), Options{})
	wantErrors(t, f, "line 2: cell A2 comes after cell B2: the row's cells are out of order; open and save the workbook in a spreadsheet")
	if numbers(f) != "I3" {
		t.Errorf("invoices %q", numbers(f))
	}
	// The header on row 3, after a missing row 1 and a blank row 2.
	rows = `<row r="2"><c r="A2" t="inlineStr"><is><t> </t></is></c></row>` +
		`<row r="3">` + is("account") + is("number") + is("issue_date") + is("amount") + `</row>` + good("4")
	f = readBook(t, "invoices", handBook(t, rows, ""), Options{})
	wantErrors(t, f)
	if got := invoicesOf(f.Batch); len(got) != 1 || got[0] != (inv{4, "I4", "5", "2026-01-05"}) {
		t.Errorf("invoices %+v", got)
	}
}

// TestPaidOnBeforeIssue (item 7): an invoice cannot be settled before it
// was issued; on its issue day it can.
func TestPaidOnBeforeIssue(t *testing.T) {
	src := "account,number,issue_date,due_date,amount,paid_on\n" +
		"ACME,P3,2026-03-01,,250.00,2026-02-01\n" +
		"ACME,P4,2026-03-01,,250.00,2026-03-01\n"
	f, err := Read("invoices", strings.NewReader(src), Options{Currency: "NGN"})
	if err != nil {
		t.Fatal(err)
	}
	wantErrors(t, f, "line 2: paid_on: 2026-02-01 is before issue_date 2026-03-01")
	if numbers(f) != "P4" || len(f.Batch.Settled) != 1 {
		t.Errorf("invoices %q settled %+v", numbers(f), f.Batch.Settled)
	}
}

// TestXLSXPartCaps: a part larger uncompressed than the cap, or more
// shared strings than the cap, is refused rather than read into memory
// (the caps lowered here from 1 GiB and 16M).
func TestXLSXPartCaps(t *testing.T) {
	defer func(p int64, n int) { maxPart, maxSharedStrings = p, n }(maxPart, maxSharedStrings)
	rows := `<row>` + is("account") + is("number") + is("issue_date") + is("amount") + `</row>`
	for i := 2; i < 100; i++ {
		rows += `<row>` + is("ACME") + is("I") + is("2026-01-05") + `<c><v>1</v></c></row>` // ~100 bytes a row
	}
	book := handBook(t, rows, `<si><t>a</t></si><si><t>b</t></si>`)
	maxPart = 4000 // the sheet is some 10,000 bytes
	_, err := Read("invoices", bytes.NewReader(book), Options{})
	if err == nil || !strings.Contains(err.Error(), "the workbook's part xl/worksheets/data.xml is larger than 4000 bytes uncompressed (a zip bomb?): not read") {
		t.Errorf("sheet over the cap: %v", err)
	}
	maxPart, maxSharedStrings = 1<<30, 1
	if _, err := Read("invoices", bytes.NewReader(book), Options{}); err == nil || err.Error() != "the workbook has more than 1 shared strings: not read" {
		t.Errorf("shared strings over the cap: %v", err)
	}
}

// TestXLSXDateCellsAnd1904: a date cell of ISO type (t="d") is its date in
// a date column and refused as an amount; in a 1904 workbook serial 0 is
// 1904-01-01 and 60 an ordinary day (1904-03-01: Jan 31 + Feb 29 = 60 days
// on); a number formatted as a date (style 1, a built-in date format, or a
// custom one) reads as its date in a text column; progress is the share of
// the sheet read, ending at 1.
func TestXLSXDateCellsAnd1904(t *testing.T) {
	parts := handParts(`<row>`+is("account")+is("number")+is("issue_date")+is("amount")+is("product")+is("unit")+`</row>`+
		`<row><c t="inlineStr"><is><t>ACME</t></is></c>`+is("D1")+`<c t="d"><v>2026-01-05T00:00:00</v></c><c><v>7</v></c><c s="1"><v>0</v></c><c s="2"><v>1</v></c></row>`+
		`<row>`+is("ACME")+is("D2")+`<c><v>60</v></c><c t="d"><v>2026-01-05</v></c></row>`, "")
	parts["xl/workbook.xml"] = `<workbook ` + ns + `><workbookPr date1904="true"/><sheets><sheet name="Data" sheetId="1" r:id="rId7"/></sheets></workbook>`
	parts["xl/_rels/workbook.xml.rels"] = strings.Replace(parts["xl/_rels/workbook.xml.rels"], "</Relationships>",
		`<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`, 1)
	parts["xl/styles.xml"] = `<styleSheet ` + ns + `><numFmts count="1"><numFmt numFmtId="164" formatCode="[$-409]d\-mmm\-yy;@"/></numFmts>` +
		`<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>`
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for name, body := range parts {
		fw, _ := w.Create(name)
		fw.Write([]byte(body))
	}
	w.Close()
	var fracs []float64
	f := readBook(t, "invoices", b.Bytes(), Options{Progress: func(_ int, frac float64) { fracs = append(fracs, frac) }})
	wantErrors(t, f, `line 3: amount: a date cell (2026-01-05) is not an amount: write the value (cell D3)`)
	if len(f.Batch.Invoices) != 1 {
		t.Fatal(f.Batch.Invoices)
	}
	v := f.Batch.Invoices[0].V
	if v.Issued.String() != "2026-01-05" || v.Product != "1904-01-01" || v.Unit != "1904-01-02" {
		t.Errorf("invoice %+v", v)
	}
	if len(fracs) != 1 || fracs[0] != 1 {
		t.Errorf("progress %v", fracs)
	}
	// Serial 60 of a 1904 workbook is a day like any other.
	rows := `<row>` + is("account") + is("number") + is("issue_date") + is("amount") + `</row><row>` + is("ACME") + is("D2") + `<c><v>60</v></c><c><v>1</v></c></row>`
	parts = handParts(rows, "")
	parts["xl/workbook.xml"] = `<workbook ` + ns + `><workbookPr date1904="1"/><sheets><sheet name="Data" sheetId="1" r:id="rId7"/></sheets></workbook>`
	f = readBook(t, "invoices", zipBook(t, parts), Options{})
	if got := invoicesOf(f.Batch); len(got) != 1 || got[0].issued != "1904-03-01" {
		t.Errorf("1904 serial 60: %+v %v", got, f.Errors)
	}
	for code, want := range map[string]bool{"d mmm yyyy": true, `[$-409]d\-mmm\-yy;@`: true, "0.00": false, `"Day "0`: false, "[Red]0.00": false, "#,##0": false, "hh:mm": false} {
		if (formatClass(code) == numDate) != want {
			t.Errorf("formatClass(%q) = %v", code, formatClass(code))
		}
	}
}

// TestXLSXEmptyFirstSheet: an empty first sheet is named, with the sheets
// --sheet can pick.
func TestXLSXEmptyFirstSheet(t *testing.T) {
	data := workbook(t, [][2]any{{"Notes", [][]any{}}, {"Inv", [][]any{{"account", "number", "issue_date", "amount"}}}}, nil)
	_, err := Read("invoices", bytes.NewReader(data), Options{})
	if err == nil || err.Error() != `sheet "Notes" is empty; that is the first sheet, "Notes", of the workbook's "Notes", "Inv": pick another with --sheet NAME` {
		t.Errorf("%v", err)
	}
	f := readBook(t, "invoices", data, Options{Sheet: "inv"})
	if f.Rows != 0 || f.Err() != nil {
		t.Errorf("rows %d %v", f.Rows, f.Err())
	}
}
