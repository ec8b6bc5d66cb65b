package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// ibmWorkbook writes the IBM sample as an ERP would export it to Excel:
// the same header, its dates as date cells (shown d-mmm-yy, not as the
// CSV writes them), its amounts, invoice numbers and country codes as
// number cells, the rest as text.
func ibmWorkbook(t *testing.T, src, dst string) [][]string {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	rows, err := csv.NewReader(in).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "AR export"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	dateFmt := "d-mmm-yy"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		t.Fatal(err)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		t.Fatal(err)
	}
	dates := map[int]bool{2: true, 4: true, 5: true, 8: true}              // PaperlessDate, InvoiceDate, DueDate, SettledDate
	numbers := map[int]bool{0: true, 3: true, 6: true, 10: true, 11: true} // countryCode, invoiceNumber, InvoiceAmount, DaysToSettle, DaysLate
	for r, row := range rows {
		cells := make([]any, len(row))
		for c, v := range row {
			switch {
			case r == 0:
				cells[c] = v
			case dates[c]:
				d, err := time.Parse("1/2/2006", v)
				if err != nil {
					t.Fatalf("row %d: %v", r+1, err)
				}
				cells[c] = excelize.Cell{StyleID: dateStyle, Value: d}
			case numbers[c]:
				n, err := strconv.ParseFloat(v, 64)
				if err != nil {
					t.Fatalf("row %d: %v", r+1, err)
				}
				cells[c] = n
			default:
				cells[c] = v
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := sw.SetRow(cell, cells); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(dst); err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestIBMSampleXLSX: the IBM sample as a workbook imports with the same
// --map as the CSV and gives the very same aging, byte for byte, at dates
// across its two years; and the settled dates close invoices: as of
// 2013-12-31 the book's outstanding total is that of the invoices issued by
// then and settled after it, computed here from the raw file.
//
// The subtest "settled by 2013-12-31" needs the store to honour
// Batch.Settled (the payment PAID-<number>); on a branch without it, it fails.
func TestIBMSampleXLSX(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join("..", "..", "testdata", "ibm-ar-sample.csv")
	xlsx := filepath.Join(dir, "ibm-export.xlsx")
	rows := ibmWorkbook(t, src, xlsx)

	fromCSV, fromXLSX := filepath.Join(dir, "csv.db"), filepath.Join(dir, "xlsx.db")
	must(t, fromCSV, "import", "invoices", src, "--map", ibmMap, "--date-format", "1/2/2006", "--currency", "USD", "--create-accounts")
	out := must(t, fromXLSX, "import", "invoices", xlsx, "--map", ibmMap, "--date-format", "1/2/2006", "--currency", "USD", "--create-accounts")
	if !strings.Contains(out, `(sheet "AR export")`) || !strings.Contains(out, "ignored columns: countryCode, PaperlessDate, PaperlessBill, DaysToSettle, DaysLate") {
		t.Errorf("import said %q", out)
	}
	for _, d := range []string{"2012-03-31", "2012-06-30", "2012-12-31", "2013-06-30", "2013-09-30", "2013-12-31"} {
		a := must(t, fromCSV, "report", "aging", "--format", "csv", "--as-of", d)
		b := must(t, fromXLSX, "report", "aging", "--format", "csv", "--as-of", d)
		if a != b {
			t.Fatalf("aging as of %s differs:\nfrom the CSV:\n%s\nfrom the workbook:\n%s", d, a, b)
		}
		if strings.Count(a, "\n") < 3 {
			t.Fatalf("aging as of %s is nearly empty: the check is too weak:\n%s", d, a)
		}
	}
	again := must(t, fromXLSX, "import", "invoices", xlsx, "--map", ibmMap, "--currency", "USD", "--create-accounts")
	if changed.MatchString(again) {
		t.Errorf("re-import said %q", again)
	}

	t.Run("settled by 2013-12-31", func(t *testing.T) { ibmSettled(t, rows, fromXLSX) })
}

// changed finds a count of records added, updated or removed in an import's
// summary, in the totals form ("3 added") or by kind ("2,466 invoices added").
var changed = regexp.MustCompile(`(^|[^0-9,])[1-9][0-9,]* ([a-z-]+ )*(added|updated|removed)`)

// ibmSettled: as of 2013-12-31, outstanding = invoices issued ≤ D and settled > D.
func ibmSettled(t *testing.T, rows [][]string, db string) {
	asOf, _ := time.Parse("2006-01-02", "2013-12-31")
	us := func(s string) time.Time { d, _ := time.Parse("1/2/2006", s); return d }
	open, issued := decimal.Zero, decimal.Zero
	for _, r := range rows[1:] {
		if us(r[4]).After(asOf) {
			continue
		}
		amt := decimal.RequireFromString(r[6])
		issued = issued.Add(amt)
		if us(r[8]).After(asOf) {
			open = open.Add(amt)
		}
	}
	if !open.LessThan(issued) {
		t.Fatalf("the sample settles nothing by 2013-12-31: %s of %s", open, issued)
	}
	aging := must(t, db, "report", "aging", "--format", "csv", "--as-of", "2013-12-31")
	total := ""
	for _, l := range strings.Split(aging, "\n") {
		if f := strings.Split(l, ","); len(f) == 11 && f[0] == "TOTAL" {
			total = f[8]
		}
	}
	if total != open.StringFixed(2) {
		t.Fatalf("outstanding as of 2013-12-31 is %s; invoices issued by then and settled after it come to %s (issued %s): "+
			"the settled dates (paid_on) did not close invoices", total, open.StringFixed(2), issued.StringFixed(2))
	}
}
