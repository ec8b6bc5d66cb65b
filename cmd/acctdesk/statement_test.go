package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The book of importBook as of 2026-12-01 (see TestImportAndReports):
// A-1 1,000,000.00 − P-1 300,000.00 (names it) = 700,000.00, 92 days late;
// A-2 250,000.50 − P-2 50,000.25 (balance forward) = 200,000.25, due
// 2024-03-30: 976 days late; A-3 400,000.00 − C-1 100,000.00 (names it) =
// 300,000.00, due that day (current); A-4 is issued after: not there.
// Total 1,200,000.25, nothing unapplied: due 1,200,000.25, the aging net.
// The 90 days are 2026-09-03 … 2026-12-01: P-1 (09-15), P-2 (10-01), C-1 (11-10).
func TestStatementCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)

	got := must(t, db, "statement", "acme", "--as-of", "2026-12-01") // any case
	for _, want := range []string{
		"To: Acme Haulage Ltd (ACME)",
		"As of 2026-12-01 · amounts in NGN",
		"Attention: Ngozi Eze (finance)",
		"Email: ngozi@acme.ng",
		"A-2      2024-02-29  2024-03-30    250,000.50    200,000.25        976",
		"A-1      2026-08-01  2026-08-31  1,000,000.00    700,000.00         92",
		"A-3      2026-11-01  2026-12-01    400,000.00    300,000.00",
		"3 open                           1,650,000.50  1,200,000.25",
		"2026-09-15  payment",
		"2026-10-01  payment",
		"2026-11-10  credit note, short delivery",
		"Total due: NGN 1,200,000.25.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "A-4") {
		t.Errorf("A-4 is issued after the as-of date:\n%s", got)
	}
	// The aging report's net for ACME is the same.
	aging := must(t, db, "report", "aging", "--format", "csv", "--as-of", "2026-12-01")
	if !strings.Contains(aging, "ACME,NGN,300000.00,0.00,0.00,0.00,700000.00,200000.25,1200000.25,0.00,1200000.25\n") {
		t.Fatalf("aging:\n%s", aging)
	}

	// XOF: T-1 150,001 − TP-1 50,001 = 100,000, no decimals.
	if got := must(t, db, "statement", "TOGO", "--as-of", "2026-12-01"); !strings.Contains(got, "Total due: XOF 100,000.") {
		t.Errorf("TOGO:\n%s", got)
	}

	// --out: written, then replaced; the book never.
	out := filepath.Join(dir, "acme.md")
	said := must(t, db, "statement", "ACME", "--format", "md", "--out", out, "--as-of", "2026-12-01")
	if !strings.Contains(said, "written to "+out) || !strings.Contains(said, "total due NGN 1,200,000.25") {
		t.Errorf("said %q", said)
	}
	md, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "| **Total due** | **1,200,000.25** |") {
		t.Errorf("md:\n%s", md)
	}
	must(t, db, "statement", "ACME", "--format", "html", "--out", out, "--as-of", "2026-12-01")
	if b, _ := os.ReadFile(out); !strings.HasPrefix(string(b), "<!DOCTYPE html>") {
		t.Errorf("not replaced: %.40s", b)
	}
	before, _ := os.ReadFile(db)
	if _, err := acctdesk(t, db, "statement", "ACME", "--out", db); err == nil || !strings.Contains(err.Error(), "is the book itself") {
		t.Errorf("over the book: %v", err)
	}
	link := filepath.Join(dir, "link.txt")
	os.Symlink(db, link)
	if _, err := acctdesk(t, db, "statement", "ACME", "--out", link); err == nil {
		t.Errorf("over the book through a link: no error")
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Fatal("the book changed")
	}
	must(t, db, "check")
	// Nor another book (a copy of this one), which no document replaces.
	other := filepath.Join(dir, "other.db")
	os.WriteFile(other, before, 0o600)
	if _, err := acctdesk(t, db, "statement", "ACME", "--out", other); err == nil || !strings.Contains(err.Error(), "holds a book") {
		t.Errorf("over another book: %v", err)
	}
	if after, _ := os.ReadFile(other); !bytes.Equal(before, after) {
		t.Fatal("the other book changed")
	}

	for args, want := range map[string]string{
		"statement ACME --format docx":             `--format "docx"`,
		"statement NOPE":                           "not found",
		"statement":                                "needs an ACCOUNT",
		"statement ACME --out /no/such/dir/x":      "is not there",
		"statement ACME --format pdf --out " + dir: "not a regular file",
	} {
		if _, err := acctdesk(t, db, strings.Fields(args)...); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", args, err, want)
		}
	}
	var help, errb bytes.Buffer
	if code := exit([]string{"help", "statement", "--db", db}, &help, &errb); code != 0 || !strings.Contains(help.String(), "Formats: text, md, html, pdf") {
		t.Errorf("help (%d):\n%s%s", code, help.String(), errb.String())
	}
}

// TestStatementPDFCommand: a pdf to a file, and to stdout when it is not a
// terminal (as bytes, not through the text filter), reads back with
// pdftotext with ACME's invoices and total due.
func TestStatementPDFCommand(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext (poppler-utils) is needed in CI")
		}
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	file := filepath.Join(dir, "acme.pdf")
	must(t, db, "statement", "ACME", "--format", "pdf", "--out", file, "--as-of", "2026-12-01")
	piped := filepath.Join(dir, "piped.pdf")
	b := must(t, db, "statement", "ACME", "--format", "pdf", "--as-of", "2026-12-01")
	if err := os.WriteFile(piped, []byte(b), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{file, piped} {
		text, err := exec.Command("pdftotext", "-layout", p, "-").Output()
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, want := range []string{"A-1", "A-2", "A-3", "Total due: NGN 1,200,000.25.", "page 1 of 1", "Ngozi Eze"} {
			if !strings.Contains(string(text), want) {
				t.Errorf("%s: no %q in\n%s", filepath.Base(p), want, text)
			}
		}
	}
}
