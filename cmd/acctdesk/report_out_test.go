package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/creack/pty"
	"github.com/xuri/excelize/v2"
)

// outBook is importBook's book (see TestImportAndReports), as of 2026-12-01:
// ACME (NGN) current 300,000.00, 91–120 700,000.00, 120+ 200,000.25, total
// 1,200,000.25; TOGO (XOF) 31–60 100,000.
func outBook(t *testing.T) (db, dir string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	return db, dir
}

// TestReportOut: --out FILE writes every format to FILE, the same bytes the
// report prints on stdout, says one line on stderr and nothing on stdout,
// and leaves no temporary file beside it.
func TestReportOut(t *testing.T) {
	db, dir := outBook(t)
	g := []string{"--db", db, "--as-of", "2026-12-01"}
	for _, f := range []string{"table", "csv", "json"} {
		want, _, code := cmdline(t, append(g, "report", "aging", "--format", f)...)
		if code != 0 {
			t.Fatalf("report aging --format %s: exit %d", f, code)
		}
		out := filepath.Join(dir, "aging."+f)
		stdout, stderr, code := cmdline(t, append(g, "report", "aging", "--format", f, "--out", out)...)
		// 4 rows: ACME, TOGO, TOTAL NGN, TOTAL XOF.
		if code != 0 || stdout != "" || stderr != "wrote "+out+" (4 rows)\n" {
			t.Errorf("--format %s --out: exit %d, stdout %q, stderr %q", f, code, stdout, stderr)
		}
		if got, err := os.ReadFile(out); err != nil || string(got) != want {
			t.Errorf("--format %s: the file holds\n%s\nwant what stdout had:\n%s (%v)", f, got, want, err)
		}
	}
	// A file already there is replaced (as a shell's > would), keeping its mode.
	old := write(t, dir, "old.csv", "last week's aging\n")
	os.Chmod(old, 0o640)
	says(t, 0, append(g, "report", "dso", "--format", "csv", "--out", old))
	if b, _ := os.ReadFile(old); !strings.HasPrefix(string(b), "account,currency,ar,sales,") {
		t.Errorf("old.csv was not replaced: %q", b)
	}
	if info, _ := os.Stat(old); info.Mode().Perm() != 0o640 {
		t.Errorf("old.csv's mode became %v", info.Mode())
	}
	// A link is followed: the file it names is replaced, the link stays.
	link := filepath.Join(dir, "latest.csv")
	if err := os.Symlink("old.csv", link); err != nil {
		t.Fatal(err)
	}
	says(t, 0, append(g, "report", "aging", "--format", "csv", "--out", link), "")
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is gone: %v %v", fi, err)
	}
	if b, _ := os.ReadFile(old); !strings.HasPrefix(string(b), "account,currency,current,") {
		t.Errorf("the linked file was not replaced: %q", b)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".*tmp*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %q", leftovers)
	}
}

// TestReportOutNeverOverTheBook: --out refuses the book in use, by its name
// or a link to it, any other book, a directory; each left as it was.
func TestReportOutNeverOverTheBook(t *testing.T) {
	db, dir := outBook(t)
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "book-link.db")
	if err := os.Symlink("book.db", link); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.db")
	importBook(t, other, t.TempDir())
	otherBefore, _ := os.ReadFile(other)
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o700)
	for _, c := range []struct{ out, says string }{
		{db, "is the book itself"},
		{link, "is the book itself"},
		{other, "holds a book"},
		{sub, "not a regular file"},
	} {
		for _, f := range []string{"csv", "xlsx"} {
			_, stderr, code := cmdline(t, "--db", db, "report", "aging", "--format", f, "--out", c.out)
			if code == 0 {
				t.Errorf("--out %s --format %s: written", c.out, f)
			}
			saysOneLine(t, "--out "+c.out, stderr, c.says)
		}
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(after, before) {
		t.Error("the book changed")
	}
	if after, _ := os.ReadFile(other); !bytes.Equal(after, otherBefore) {
		t.Error("the other book changed")
	}
	says(t, 0, []string{"--db", db, "check"}, "ok")
}

// TestReportXLSX: --format xlsx --out FILE is a workbook with the figures of
// TestImportAndReports as numbers, each currency with its places.
func TestReportXLSX(t *testing.T) {
	db, dir := outBook(t)
	out := filepath.Join(dir, "aging.xlsx")
	says(t, 0, []string{"--db", db, "--as-of", "2026-12-01", "report", "aging", "--format", "xlsx", "--out", out})
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("aging")
	if err != nil {
		t.Fatal(err)
	}
	// Shown as the number formats say: #,##0.00 for NGN, #,##0 for XOF.
	want := [][]string{
		{"account", "currency", "current", "d1_30", "d31_60", "d61_90", "d91_120", "d120_plus", "total", "unapplied", "net"},
		{"ACME", "NGN", "300,000.00", "0.00", "0.00", "0.00", "700,000.00", "200,000.25", "1,200,000.25", "0.00", "1,200,000.25"},
		{"TOGO", "XOF", "0", "0", "100,000", "0", "0", "0", "100,000", "0", "100,000"},
		{"TOTAL", "NGN", "300,000.00", "0.00", "0.00", "0.00", "700,000.00", "200,000.25", "1,200,000.25", "0.00", "1,200,000.25"},
		{"TOTAL", "XOF", "0", "0", "100,000", "0", "0", "0", "100,000", "0", "100,000"},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows: %q", len(rows), rows)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d: %q, want %q", i+1, rows[i], want[i])
		}
	}
	// 200,000.25 is the number 200000.25, not text.
	if v, _ := f.GetCellValue("aging", "H2", excelize.Options{RawCellValue: true}); v != "200000.25" {
		t.Errorf("H2 raw %q", v)
	}
	if typ, _ := f.GetCellType("aging", "H2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("H2 is of type %v", typ)
	}
}

// TestReportXLSXToAPipe: without --out, a workbook goes to stdout byte for
// byte when it is no terminal (a pipe), and is refused on a terminal.
func TestReportXLSXToAPipe(t *testing.T) {
	db, _ := outBook(t)
	args := []string{"--db", db, "--as-of", "2026-12-01", "report", "book", "--format", "xlsx"}
	var out, errb bytes.Buffer
	if code := exit(args, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	f, err := excelize.OpenReader(&out)
	if err != nil {
		t.Fatalf("stdout is no workbook (%v): %q", err, out.Bytes()[:min(out.Len(), 40)])
	}
	defer f.Close()
	if rows, _ := f.GetRows("book"); len(rows) != 3 || rows[1][0] != "ACME" || rows[2][0] != "TOGO" {
		t.Errorf("book rows %q", rows)
	}
	if errb.Len() != 0 {
		t.Errorf("stderr %q", errb.String())
	}

	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatalf("no terminal to test with: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	errb.Reset()
	if code := exit(args, tty, &errb); code == 0 {
		t.Fatal("a workbook was written to a terminal")
	}
	saysOneLine(t, "xlsx on a terminal", errb.String(), "a workbook is binary: give --out FILE")
}

// TestHelpReportSaysXLSX: acctdesk help report tells of xlsx and --out.
func TestHelpReportSaysXLSX(t *testing.T) {
	says(t, 0, []string{"help", "report"}, "--format table|csv|json|xlsx", "--out FILE", "wrote FILE (N rows)")
}
