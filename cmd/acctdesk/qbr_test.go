package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// volumeCSV adds products and quantities to importBook's book (its own
// invoices name no product, so they are in no product's figures).
const volumeCSV = "account,number,issue_date,amount,product,quantity,unit\n" +
	"ACME,V-1,2026-09-10,100000.00,AGO,5000,litres\n" +
	"ACME,V-2,2026-10-10,100000.00,AGO,6000,litres\n" +
	"ACME,V-3,2026-11-10,100000.00,PMS,1000,litres\n" +
	"TOGO,V-4,2026-10-20,50000,Fleet,2,vehicle-month\n"

func volumeBook(t *testing.T) (db, dir string) {
	dir = t.TempDir()
	db = filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	must(t, db, "import", "invoices", write(t, dir, "volume.csv", volumeCSV))
	return db, dir
}

// TestQBRCommand: the pack of ACME as of 2026-12-01, in md to stdout, then
// as a pdf into a file. The figures come from the account's file: its
// open items are the statement's (1,200,000.25 of A-1 … A-3, plus V-1 … V-3
// at 100,000.00 each: 1,500,000.25), the volume of AGO 5,000 + 6,000 =
// 11,000 litres in Dec 2025 … Nov 2026, PMS 1,000.
func TestQBRCommand(t *testing.T) {
	db, dir := volumeBook(t)
	md := must(t, db, "qbr", "acme", "--as-of", "2026-12-01")
	for _, want := range []string{
		"# Quarterly business review", "For: Acme Haulage Ltd (ACME)", "As of 2026-12-01 · amounts in NGN",
		"AGO: 11,000 litres in the 12 months to Nov 2026, nothing the 12 months before",
		"PMS: 1,000 litres in the 12 months to Nov 2026",
		// AGO from Sep: November from Sep, Oct = (5,000 + 6,000) ÷ 2 = 5,500, actual 0 (no error);
		// December from Sep, Oct, Nov = 11,000 ÷ 3 = 3,666.7 → 3,667. PMS from Nov: 1,000.
		"| AGO | average | 5,500 | 0 |  | 3,667 (0) | 3,667 | 3,667 |",
		"| PMS | average |  | 1,000 |  | 1,000 (0) | 1,000 | 1,000 |",
		"| **Total outstanding** | **1,500,000.25** |", "Buys (12 months): AGO, PMS",
		"## Service levels", "## Payment behaviour", "## Credit use", "## Contracts and renewal", "## Surveys",
		"## Expansion opportunities", "## Open objectives", "## Agreed actions",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("no %q in:\n%s", want, md)
		}
	}
	out := filepath.Join(dir, "acme.pdf")
	said := must(t, db, "qbr", "ACME", "--format", "pdf", "--out", out, "--as-of", "2026-12-01")
	if !strings.Contains(said, "QBR pack of ACME as of 2026-12-01 written to "+out) {
		t.Errorf("said %q", said)
	}
	if b, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("no pdf: %v", err)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		txt, err := exec.Command("pdftotext", "-layout", out, "-").Output()
		if err != nil || !strings.Contains(string(txt), "AGO: 11,000 litres in the 12 months to Nov 2026") {
			t.Errorf("pdftotext: %v\n%s", err, txt)
		}
	}
	for _, bad := range [][]string{
		{"qbr"}, {"qbr", "NOPE"}, {"qbr", "ACME", "--format", "text"}, {"qbr", "ACME", "ACME"},
		{"qbr", "ACME", "--out", filepath.Join(dir, "no", "such", "x.md")}, {"qbr", "ACME", "--out", db},
	} {
		if _, err := acctdesk(t, db, bad...); err == nil {
			t.Errorf("acctdesk %s: no error", strings.Join(bad, " "))
		}
	}
	says(t, 0, []string{"help", "qbr"}, "usage: acctdesk qbr ACCOUNT [--format md|html|pdf] [--out FILE]", "Agreed actions", "Formats: md, html, pdf")
	says(t, 0, []string{"help", "report", "forecast"}, "error_pct", "seasonal", "invoiced so far")
	says(t, 0, []string{"help", "report", "cross-sell"}, "single_product", "one column per product")
}

// TestQBROpportunities: the products the book sells that ACME does not buy
// (TOGO's Fleet) come from every account's facts — on a bbolt book, once it
// keeps the ledger's lines.
func TestQBROpportunities(t *testing.T) {
	db, _ := volumeBook(t)
	if md := must(t, db, "qbr", "acme", "--as-of", "2026-12-01"); !strings.Contains(md, "Not yet bought: Fleet") {
		t.Errorf("no opportunity in:\n%s", md)
	}
}

// TestCrossSellAndForecastReports, from the facts of a bbolt book (the
// ledger's lines): as TestQBRCommand works them out.
func TestCrossSellAndForecastReports(t *testing.T) {
	db, _ := volumeBook(t)
	want := "account,products,single_product,AGO,Fleet,PMS,expansion_notes\n" +
		"ACME,AGO;PMS,no,yes,,yes,\n" +
		"TOGO,Fleet,yes,,yes,,\n"
	if got := must(t, db, "report", "cross-sell", "--format", "csv", "--as-of", "2026-12-01"); got != want {
		t.Errorf("cross-sell:\n%s\nwant:\n%s", got, want)
	}
	// TOGO's Fleet from October: November from October = 2, actual 0;
	// December from Oct, Nov = (2 + 0) ÷ 2 = 1.
	want = "account,product,month,actual,forecast,method,error_pct\n" +
		"ACME,AGO,2026-11,0,5500,average,\n" +
		"ACME,AGO,2026-12,0,3667,average,\n" +
		"ACME,AGO,2027-01,,3667,average,\n" +
		"ACME,AGO,2027-02,,3667,average,\n" +
		"ACME,PMS,2026-11,1000,,,\n" +
		"ACME,PMS,2026-12,0,1000,average,\n" +
		"ACME,PMS,2027-01,,1000,average,\n" +
		"ACME,PMS,2027-02,,1000,average,\n" +
		"TOGO,Fleet,2026-11,0,2,average,\n" +
		"TOGO,Fleet,2026-12,0,1,average,\n" +
		"TOGO,Fleet,2027-01,,1,average,\n" +
		"TOGO,Fleet,2027-02,,1,average,\n"
	if got := must(t, db, "report", "forecast", "--format", "csv", "--as-of", "2026-12-01"); got != want {
		t.Errorf("forecast:\n%s\nwant:\n%s", got, want)
	}
}
