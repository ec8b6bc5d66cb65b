package docs

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
)

var update = flag.Bool("update", false, "write the golden files anew")

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// sample is a hand-built account as of 2026-06-30 (as in domain's
// TestStatementOf): I1 1,000.00 less P0 100.00 and P1 400.00 (balance
// forward) → 500.00, 91 days late; I2 500.00 less C1 200.00 (names it) →
// 300.00, 30 days; I3 300.00 not yet due. Total 1,100.00, due 1,100.00.
func sample() *domain.AccountFile {
	inv := func(n, issued, due, amount string) domain.Invoice {
		return domain.Invoice{Account: "ACME", Number: n, Issued: domain.MustDate(issued), Due: domain.MustDate(due), Amount: dec(amount), Currency: "NGN"}
	}
	return &domain.AccountFile{
		Account: domain.Account{Code: "ACME", Name: "Acme Haulage Ltd", Currency: "NGN", Tier: 1, Status: "active", Terms: "term", TermsDays: 30},
		Contacts: []domain.Contact{
			{Account: "ACME", Name: "Chidi Okafor", Role: "operations", Primary: true},
			{Account: "ACME", Name: "Ngozi Eze", Role: "finance", Phone: "+234 803 555 0101", Email: "ngozi@acme.ng"},
		},
		Invoices: []domain.Invoice{inv("I1", "2026-03-01", "2026-03-31", "1000"), inv("I2", "2026-05-01", "2026-05-31", "500"), inv("I3", "2026-06-20", "2026-07-20", "300")},
		Payments: []domain.Payment{
			{Account: "ACME", Reference: "P0", Received: domain.MustDate("2026-03-20"), Amount: dec("100"), Currency: "NGN"},
			{Account: "ACME", Reference: "P1", Received: domain.MustDate("2026-04-15"), Amount: dec("400"), Currency: "NGN"},
		},
		Credits:  []domain.CreditNote{{Account: "ACME", Number: "C1", Date: domain.MustDate("2026-06-01"), Amount: dec("200"), Currency: "NGN", Reason: "short-delivery", Invoice: "I2"}},
		Promises: []domain.Promise{{ID: 1, Account: "ACME", Amount: dec("500"), Currency: "NGN", GivenOn: domain.MustDate("2026-06-28"), DueOn: domain.MustDate("2026-07-05")}},
		Plans: []domain.PaymentPlan{{ID: 1, Account: "ACME", Agreed: domain.MustDate("2026-06-01"), Instalments: []domain.Instalment{
			{Due: domain.MustDate("2026-06-15"), Amount: dec("200")}, {Due: domain.MustDate("2026-07-15"), Amount: dec("300")}}}},
	}
}

func statementOf(t *testing.T, f *domain.AccountFile, asOf string) domain.Statement {
	t.Helper()
	set := domain.DefaultSettings()
	set.Name = "Delta Fuels Ltd"
	st, err := domain.StatementOf(f, set, domain.MustDate(asOf))
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./docs -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s differs:\n%s\nwant:\n%s", name, got, want)
	}
}

// TestStatementFormats compares each text format with its golden file
// (read, and checked by hand against the figures of sample).
func TestStatementFormats(t *testing.T) {
	doc := Statement(statementOf(t, sample(), "2026-06-30"))
	for _, f := range []string{"text", "md", "html"} {
		t.Run(f, func(t *testing.T) {
			b, err := Bytes(doc, f)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "statement."+Ext(f)+".golden", b)
		})
	}
}

// TestStatementTextFits80: every line of the text statement fits 80 columns.
func TestStatementTextFits80(t *testing.T) {
	b, err := Bytes(Statement(statementOf(t, sample(), "2026-06-30")), "text")
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(b), "\n") {
		if w := width(l); w > 80 {
			t.Errorf("line %d is %d columns: %q", i+1, w, l)
		}
	}
}

// TestStatementXOF: amounts in XOF have no decimals and are grouped.
// T1 1,500,001 less TP1 500,001 → 1,000,000 outstanding.
func TestStatementXOF(t *testing.T) {
	f := &domain.AccountFile{
		Account:  domain.Account{Code: "TOGO", Name: "Lomé Transit SA", Currency: "XOF"},
		Invoices: []domain.Invoice{{Account: "TOGO", Number: "T1", Issued: domain.MustDate("2026-05-01"), Due: domain.MustDate("2026-05-31"), Amount: dec("1500001"), Currency: "XOF"}},
		Payments: []domain.Payment{{Account: "TOGO", Reference: "TP1", Received: domain.MustDate("2026-06-01"), Amount: dec("500001"), Currency: "XOF"}},
	}
	b, err := Bytes(Statement(statementOf(t, f, "2026-06-30")), "text")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{"T1       2026-05-01  2026-05-31  1,500,001    1,000,000         30", "Total due: XOF 1,000,000.", "Lomé Transit SA"} {
		if !strings.Contains(s, want) {
			t.Errorf("no %q in:\n%s", want, s)
		}
	}
	if strings.Contains(s, "1,000,000.00") {
		t.Errorf("XOF with decimals:\n%s", s)
	}
}

// TestStatementIsSafe: text from the book reaches no format as markup or
// as a control sequence.
func TestStatementIsSafe(t *testing.T) {
	f := sample()
	f.Account.Name = "Evil <script>alert(1)</script> | **bold** [x](http://e.vil) \x1b[31mred\x1b[0m"
	f.Invoices[0].Number = "I1|<b>"
	doc := Statement(statementOf(t, f, "2026-06-30"))
	for _, format := range []string{"text", "md", "html"} {
		b, err := Bytes(doc, format)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if strings.Contains(s, "\x1b") {
			t.Errorf("%s: an escape character reached the document", format)
		}
		switch format {
		case "html":
			for _, bad := range []string{"<script>", "<b>"} {
				if strings.Contains(s, bad) {
					t.Errorf("html holds %s", bad)
				}
			}
			if !strings.Contains(s, "&lt;script&gt;") {
				t.Errorf("html: the name is not escaped:\n%s", s)
			}
		case "md":
			for _, bad := range []string{"<script>", "| **bold**", "[x](", "I1|"} {
				if strings.Contains(s, bad) {
					t.Errorf("md holds %q unescaped", bad)
				}
			}
			if !strings.Contains(s, `I1\|\<b\>`) {
				t.Errorf("md: the invoice number is not escaped:\n%s", s)
			}
		}
	}
}

// TestStatementPDF: a 50-invoice account's PDF, read back by pdftotext,
// holds every invoice number, the total due and "page 2 of 2".
// I-001 … I-050, each 1,000.00, issued 2026-01-01 + n days, due 30 days
// later, nothing paid: total due 50 × 1,000.00 = 50,000.00.
func TestStatementPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext (poppler-utils) is needed in CI")
		}
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	f := &domain.AccountFile{Account: domain.Account{Code: "BIG", Name: "Большой Транспорт ООО", Currency: "NGN"},
		Contacts: []domain.Contact{{Account: "BIG", Name: "Ζωή Παπαδοπούλου", Role: "finance", Email: "zoe@big.example"}}}
	for n := 1; n <= 50; n++ {
		issued := domain.MustDate("2026-01-01").AddDays(n)
		f.Invoices = append(f.Invoices, domain.Invoice{Account: "BIG", Number: fmt.Sprintf("I-%03d", n), Issued: issued, Due: issued.AddDays(30), Amount: dec("1000"), Currency: "NGN"})
	}
	b, err := Bytes(Statement(statementOf(t, f, "2026-06-30")), "pdf")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", b[:min(20, len(b))])
	}
	path := filepath.Join(t.TempDir(), "s.pdf")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	pages := strings.Split(text, "\f")
	want := []string{"Total due: NGN 50,000.00.", "page 1 of 2", "page 2 of 2", "Большой Транспорт ООО (BIG)", "Ζωή Παπαδοπούλου", "From: Delta Fuels Ltd"}
	for n := 1; n <= 50; n++ {
		want = append(want, fmt.Sprintf("I-%03d", n))
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("no %q in the PDF's text", w)
		}
	}
	if strings.Contains(text, "page 3") {
		t.Errorf("more than 2 pages")
	}
	// The header is on both pages; the total on the last.
	for i, p := range pages[:2] {
		if !strings.Contains(p, "As of 2026-06-30") || !strings.Contains(p, "(BIG)") {
			t.Errorf("page %d has no header:\n%s", i+1, p)
		}
	}
	if !strings.Contains(pages[1], "Total due: NGN 50,000.00.") {
		t.Errorf("the total is not on the last page")
	}
	if n := strings.Count(pages[0], "I-0"); n < 35 || n > 45 {
		t.Errorf("page 1 holds %d invoices, want about 40", n)
	}
	if t.Failed() {
		t.Logf("pdftotext:\n%s", text)
	}
}

func TestFileName(t *testing.T) {
	// A code holds any printable character: the file stays one file in the directory.
	if got := FileName("statement", "AC/../ME 1", domain.MustDate("2026-06-30"), "text"); got != "statement-AC____ME_1-2026-06-30.txt" {
		t.Fatalf("got %q", got)
	}
}

func TestWriteFileRefusesTheBook(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.db")
	os.WriteFile(book, []byte("book"), 0o600)
	link := filepath.Join(dir, "link.pdf")
	os.Symlink(book, link)
	for _, p := range []string{book, link} {
		if err := WriteFile(p, text("x"), book); err == nil || !strings.Contains(err.Error(), "is the book itself") {
			t.Errorf("%s: %v", p, err)
		}
	}
	if err := WriteFile(dir, text("x")); err == nil {
		t.Errorf("a directory was written over")
	}
	if b, _ := os.ReadFile(book); string(b) != "book" {
		t.Fatalf("the book changed: %q", b)
	}
	// Another book — a bbolt file by its first page — is never replaced,
	// named or not.
	other := filepath.Join(dir, "other.db")
	page := make([]byte, 4096)
	copy(page[16:], "\xed\xda\x0c\xed") // the meta page's magic, little-endian
	os.WriteFile(other, page, 0o600)
	if err := WriteFile(other, text("x")); err == nil || !strings.Contains(err.Error(), "holds a book") {
		t.Errorf("another book: %v", err)
	}
	if err := MayReplace(other); err == nil {
		t.Errorf("MayReplace let another book be replaced")
	}
	out := filepath.Join(dir, "s.txt")
	if err := WriteFile(out, text("one")); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(out); info.Mode().Perm() != 0o600 {
		t.Errorf("a new document is %v, want 0600 (it holds the book's figures)", info.Mode().Perm())
	}
	os.Chmod(out, 0o640)
	if err := WriteFile(out, text("two")); err != nil { // a statement written again replaces the old one
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); string(b) != "two" {
		t.Fatalf("got %q", b)
	}
	if info, _ := os.Stat(out); info.Mode().Perm() != 0o640 {
		t.Errorf("a replaced document is %v, want the mode it had (0640)", info.Mode().Perm())
	}
	missing := filepath.Join(dir, "no-such-dir", "s.txt")
	if err := WriteFile(missing, text("x")); err == nil || err.Error() != missing+": no such file or directory" {
		t.Errorf("a missing directory: %v", err)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".*tmp*")); len(m) > 0 {
		t.Fatalf("temporary files left: %v", m)
	}
}

// text writes s, for WriteFile.
func text(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}
