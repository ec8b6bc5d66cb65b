package report

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"acctdesk/domain"

	"github.com/xuri/excelize/v2"
)

// richBook is testBook with a promise on B-ACME (2000 given 2026-06-01,
// due 06-20, written 06-01 09:30 UTC) and a name a spreadsheet could take
// for a formula, with an escape sequence in it.
func richBook(t *testing.T) *domain.Book {
	t.Helper()
	files := testFiles()
	for _, f := range files {
		if f.Account.Code == "B-ACME" {
			f.Account.Name = "=HYPERLINK(\"http://x\")\x1b[2J"
			f.Promises = []domain.Promise{{ID: 1, Account: "B-ACME", Amount: dec("2000"), Currency: "NGN",
				GivenOn: domain.MustDate("2026-06-01"), DueOn: domain.MustDate("2026-06-20"), Contact: "Bola",
				Stamp: domain.Stamp{By: "ada", At: time.Date(2026, 6, 1, 9, 30, 0, 0, time.UTC)}}}
		}
	}
	book, err := domain.BookOf(domain.DefaultSettings(), files)
	if err != nil {
		t.Fatal(err)
	}
	return book
}

// workbook is a report of richBook as of 2026-06-30 written as xlsx, read
// back by excelize, with the bytes of its sheet's XML.
func workbook(t *testing.T, name string) (*excelize.File, string) {
	t.Helper()
	r, err := Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	b := richBook(t)
	tab := Of(r, Input{AsOf: domain.MustDate("2026-06-30")}, b.Settings, b.Accounts)
	var buf bytes.Buffer
	if err := tab.Write(&buf, "xlsx"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("the workbook does not read back: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	if got := f.GetSheetList(); len(got) != 1 || got[0] != name {
		t.Fatalf("sheets %q, want one named %q", got, name)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range z.File {
		if zf.Name == "xl/worksheets/sheet1.xml" {
			rc, _ := zf.Open()
			x, _ := io.ReadAll(rc)
			rc.Close()
			return f, string(x)
		}
	}
	t.Fatal("no xl/worksheets/sheet1.xml in the workbook")
	return nil, ""
}

// cellIs checks one cell: its formatted text (as Excel would show it), its
// raw value, that it is a number cell (no t= but numbers) or a string, its
// number format and whether it is bold.
type want struct {
	cell, shown, raw string
	number           bool
	numFmt           string
	bold             bool
}

func cellIs(t *testing.T, f *excelize.File, sheet string, w want) {
	t.Helper()
	shown, err := f.GetCellValue(sheet, w.cell)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := f.GetCellValue(sheet, w.cell, excelize.Options{RawCellValue: true})
	typ, _ := f.GetCellType(sheet, w.cell)
	isNum := typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber
	if shown != w.shown || raw != w.raw || isNum != w.number {
		t.Errorf("%s %s: shown %q raw %q type %v; want shown %q raw %q number %v", sheet, w.cell, shown, raw, typ, w.shown, w.raw, w.number)
	}
	id, _ := f.GetCellStyle(sheet, w.cell)
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	numFmt := ""
	if st.CustomNumFmt != nil {
		numFmt = *st.CustomNumFmt
	}
	bold := st.Font != nil && st.Font.Bold
	if numFmt != w.numFmt || bold != w.bold {
		t.Errorf("%s %s: number format %q bold %v; want %q bold %v", sheet, w.cell, numFmt, bold, w.numFmt, w.bold)
	}
}

// frozenAndFiltered: the header row is frozen and the autofilter covers the
// header and the data rows (ref), not the TOTAL rows.
func frozenAndFiltered(t *testing.T, f *excelize.File, sheet, xml, ref string) {
	t.Helper()
	p, err := f.GetPanes(sheet)
	if err != nil || !p.Freeze || p.YSplit != 1 || p.XSplit != 0 || p.TopLeftCell != "A2" {
		t.Errorf("%s: panes %+v (%v); want the first row frozen", sheet, p, err)
	}
	// excelize writes the range absolute ($A$1:$K$4), as Excel reads it.
	if m := regexp.MustCompile(`<autoFilter ref="([^"]*)"`).FindStringSubmatch(xml); m == nil || strings.ReplaceAll(m[1], "$", "") != ref {
		t.Errorf("%s: no autofilter over %s in\n%s", sheet, ref, xml[max(len(xml)-700, 0):])
	}
	if !strings.Contains(xml, `<cols>`) || !regexp.MustCompile(`<col min="1" max="1" width="\d+" customWidth="1"/>`).MatchString(xml) {
		t.Errorf("%s: no column widths in\n%.600s", sheet, xml)
	}
	if strings.Contains(xml, "<f>") {
		t.Errorf("%s: a formula in the sheet", sheet)
	}
}

func TestAgingWorkbook(t *testing.T) {
	f, xml := workbook(t, "aging")
	// Rows: 1 header; 2 A-PRE, 3 B-ACME, 4 X-TOGO; 5 TOTAL NGN, 6 TOTAL XOF
	// (as TestAgingCSV). Columns: A account, B currency, C current, D 1–30,
	// E 31–60, F 61–90, G 91–120, H 120+, I total, J unapplied, K net.
	frozenAndFiltered(t, f, "aging", xml, "A1:K4")
	for _, w := range []want{
		{cell: "A1", shown: "account", raw: "account", bold: true},
		{cell: "D1", shown: "d1_30", raw: "d1_30", bold: true},
		{cell: "A3", shown: "B-ACME", raw: "B-ACME"},
		// 1000 current, 2000 at 1–30, 4000 − 500 = 3500 at 31–60; NGN has 2 places.
		{cell: "C3", shown: "1,000.00", raw: "1000", number: true, numFmt: "#,##0.00"},
		{cell: "E3", shown: "3,500.00", raw: "3500", number: true, numFmt: "#,##0.00"},
		{cell: "F3", shown: "0.00", raw: "0", number: true, numFmt: "#,##0.00"},
		// A-PRE: net 0 − 300 = −300.
		{cell: "K2", shown: "-300.00", raw: "-300", number: true, numFmt: "#,##0.00"},
		// X-TOGO: 150000 XOF at 120+; XOF has no minor unit.
		{cell: "H4", shown: "150,000", raw: "150000", number: true, numFmt: "#,##0"},
		{cell: "C4", shown: "0", raw: "0", number: true, numFmt: "#,##0"},
		// TOTAL NGN: net 6500 − 300 = 6200, in bold; the code is text, bold too.
		{cell: "A5", shown: "TOTAL", raw: "TOTAL", bold: true},
		{cell: "K5", shown: "6,200.00", raw: "6200", number: true, numFmt: "#,##0.00", bold: true},
		{cell: "I6", shown: "150,000", raw: "150000", number: true, numFmt: "#,##0", bold: true},
	} {
		cellIs(t, f, "aging", w)
	}
	rows, _ := f.GetRows("aging")
	if len(rows) != 6 {
		t.Errorf("%d rows, want the header, 3 accounts and 2 TOTAL rows", len(rows))
	}
}

func TestBookWorkbook(t *testing.T) {
	f, xml := workbook(t, "book")
	// Rows by code: 2 A-PRE, 3 B-ACME, 4 C-ZERO, 5 X-TOGO. Columns: A account,
	// B name, C tier, D owner, E status, F currency, G credit_limit, H ar,
	// I overdue, J utilisation_pct, K last_contact, L next_follow_up.
	frozenAndFiltered(t, f, "book", xml, "A1:L5")
	for _, w := range []want{
		// The name that looks like a formula is a string, shown safely.
		{cell: "B3", shown: `=HYPERLINK("http://x")\x1b[2J`, raw: `=HYPERLINK("http://x")\x1b[2J`},
		{cell: "C3", shown: "2", raw: "2", number: true, numFmt: "0"},
		{cell: "G3", shown: "10,000.00", raw: "10000", number: true, numFmt: "#,##0.00"},
		// AR 6500 of 10000 → 65.0 %; overdue 2000 + 3500 = 5500.
		{cell: "I3", shown: "5,500.00", raw: "5500", number: true, numFmt: "#,##0.00"},
		{cell: "J3", shown: "65.0", raw: "65", number: true, numFmt: "0.0"},
		// A-PRE: AR −300 of 10000 → −3.0 %.
		{cell: "J2", shown: "-3.0", raw: "-3", number: true, numFmt: "0.0"},
		// X-TOGO has no limit: no utilisation, an empty cell (not 0); no contact either.
		{cell: "J5", shown: "", raw: "", number: true},
		{cell: "K5", shown: "", raw: "", number: true},
		{cell: "G5", shown: "0", raw: "0", number: true, numFmt: "#,##0"},
	} {
		cellIs(t, f, "book", w)
	}
	if strings.Contains(xml, `r="J5"`) || strings.Contains(xml, `r="K5"`) {
		t.Errorf("an empty report cell is written as a cell:\n%s", xml)
	}
	if v, _ := f.GetCellFormula("book", "B3"); v != "" {
		t.Errorf("B3 is a formula: %q", v)
	}
	if typ, _ := f.GetCellType("book", "B3"); typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
		t.Errorf("B3 is of type %v, not a string", typ)
	}
}

func TestPromisesWorkbook(t *testing.T) {
	f, xml := workbook(t, "promises")
	// One promise. Columns: A account, B amount, C currency, D given_on,
	// E due_on, F status, G recorded_at, H author, I contact.
	frozenAndFiltered(t, f, "promises", xml, "A1:I2")
	for _, w := range []want{
		{cell: "B2", shown: "2,000.00", raw: "2000", number: true, numFmt: "#,##0.00"},
		// Excel's day 0 is 1899-12-30: 2026-06-01 is day 46174, 2026-06-20 day 46193.
		{cell: "D2", shown: "2026-06-01", raw: "46174", number: true, numFmt: "yyyy-mm-dd"},
		{cell: "E2", shown: "2026-06-20", raw: "46193", number: true, numFmt: "yyyy-mm-dd"},
		// 09:30 is 9.5 / 24 = 0.3958333… of a day (excelize reads back 15 digits).
		{cell: "G2", shown: "2026-06-01 09:30:00", raw: "46174.3958333333", number: true, numFmt: "yyyy-mm-dd hh:mm:ss"},
		{cell: "I2", shown: "Bola", raw: "Bola"},
	} {
		cellIs(t, f, "promises", w)
	}
}

func TestQueueWorkbook(t *testing.T) {
	f, xml := workbook(t, "queue")
	rows, err := f.GetRows("queue")
	if err != nil || len(rows) < 2 {
		t.Fatalf("queue: %d rows (%v)", len(rows), err)
	}
	// Columns: A rank, B account, C reason, D due, E score, F detail.
	frozenAndFiltered(t, f, "queue", xml, "A1:F"+strconv.Itoa(len(rows)))
	cellIs(t, f, "queue", want{cell: "A2", shown: "1", raw: "1", number: true, numFmt: "0"})
	raw, _ := f.GetCellValue("queue", "D2", excelize.Options{RawCellValue: true})
	shown, _ := f.GetCellValue("queue", "D2")
	if _, err := time.Parse(time.DateOnly, shown); err != nil || strings.Contains(raw, "-") {
		t.Errorf("queue D2: shown %q raw %q, want a date cell", shown, raw)
	}
	score, _ := f.GetCellValue("queue", "E2", excelize.Options{RawCellValue: true})
	if !regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`).MatchString(score) {
		t.Errorf("queue E2: score %q is not a number", score)
	}
	id, _ := f.GetCellStyle("queue", "E2")
	if st, _ := f.GetStyle(id); st.CustomNumFmt == nil || *st.CustomNumFmt != "0.00" {
		t.Errorf("queue E2: the score's number format is not 0.00")
	}
}

// TestWorkbookIsSafe: hostile text in every kind of cell reads back from the
// workbook as visible escapes, never raw, and the workbook opens.
func TestWorkbookIsSafe(t *testing.T) {
	tab := &Table{Name: "x", Columns: []Column{{Key: "account", Kind: Text}, {Key: "a\x1bb", Kind: Money}, {Key: "on", Kind: Date}}}
	for _, h := range hostile {
		tab.Rows = append(tab.Rows, []Cell{T("A" + h), {Plain: "1.00" + h, Human: h}, T("2026-01-01" + h)})
	}
	var buf bytes.Buffer
	if err := tab.Write(&buf, "xlsx"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("x")
	if err != nil || len(rows) != len(hostile)+1 {
		t.Fatalf("%d rows (%v)", len(rows), err)
	}
	for _, r := range rows {
		for _, s := range r {
			if s != domain.Safe(s) {
				t.Errorf("unsafe text in the workbook: %q", s)
			}
		}
	}
	if rows[0][1] != `a\x1bb` || rows[1][0] != `A\x1b]52;c;aGk=\x07` {
		t.Errorf("header %q, first row %q", rows[0], rows[1])
	}
}
