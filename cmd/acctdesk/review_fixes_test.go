package main

import (
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/importer"
	"acctdesk/report"
)

// TestPeriodOnlyWhereUsed: --period given to a report that does not read
// it is refused, as --since is, rather than ignored; rebates takes it.
func TestPeriodOnlyWhereUsed(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	_, err := acctdesk(t, db, "report", "book", "--period", "2019-01")
	if want := "--period is for report " + orList(report.PeriodReports()) + ", not report book"; err == nil || err.Error() != want {
		t.Errorf("report book --period: %v; want %q", err, want)
	}
	for _, name := range report.Names {
		_, err := acctdesk(t, db, "report", name, "--period", "2026-Q3", "--as-of", "2026-12-01", "--format", "csv")
		switch {
		case report.UsesPeriod[name] && err != nil:
			t.Errorf("report %s --period: %v", name, err)
		case !report.UsesPeriod[name] && (err == nil || !strings.Contains(err.Error(), "--period is for report ")):
			t.Errorf("report %s --period: %v; want it refused", name, err)
		}
	}
	if _, err := acctdesk(t, db, "report", "rebates", "--period", "2026-Q3", "--as-of", "2026-12-01"); err != nil {
		t.Errorf("report rebates --period: %v", err)
	}
	says(t, 0, []string{"help", "report"}, "[--period P ("+strings.Join(report.PeriodReports(), ", ")+")]")
}

// TestUsageListsFromRegistries: the general usage names every import kind
// and every report, in their registries' order, so it cannot go stale.
func TestUsageListsFromRegistries(t *testing.T) {
	out := says(t, 0, []string{"help"})
	list := func(label, next string) []string {
		_, rest, ok := strings.Cut(out, label)
		if !ok {
			t.Fatalf("the usage has no %q:\n%s", label, out)
		}
		rest, _, _ = strings.Cut(rest, next)
		var words []string
		for _, w := range strings.Fields(rest) {
			words = append(words, strings.TrimSuffix(w, ","))
		}
		return words
	}
	if got := list("KIND: ", "\n  acctdesk report"); strings.Join(got, " ") != strings.Join(importer.Kinds, " ") {
		t.Errorf("usage KIND: %q\nwant %q", got, importer.Kinds)
	}
	if got := list("NAME: ", "\n  acctdesk log"); strings.Join(got, " ") != strings.Join(report.Names, " ") {
		t.Errorf("usage NAME: %q\nwant %q", got, report.Names)
	}
	for _, line := range strings.Split(out, "\n") {
		if len(line) > 120 {
			t.Errorf("usage line of %d columns: %q", len(line), line)
		}
	}
}

// TestCreditJustOverShowsIt: ACME's net AR is 1,200,000.25 on 2026-12-01
// (TestCredit). A limit of 1,199,995.25 leaves 1,200,000.25 × 100 ÷
// 1,199,995.25 = 100.000416…%, which one decimal shows as 100.0: the
// message shows 100.0004; one of 1,200,000.00 leaves 100.0000208…%, "just
// over 100 %".
func TestCreditJustOverShowsIt(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	on := "--as-of"
	_, err := acctdesk(t, db, "credit", "ACME", "--limit", "1199995.25", "--reason", "x", on, "2026-12-01")
	if want := "utilisation after the decision is 100.0004 %, over the 100 % breach threshold: give --confirm to save it"; err == nil || err.Error() != want {
		t.Errorf("credit: %v; want %q", err, want)
	}
	_, err = acctdesk(t, db, "credit", "ACME", "--limit", "1200000", "--reason", "x", on, "2026-12-01")
	if want := "utilisation after the decision is just over 100 %, over the 100 % breach threshold"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("credit: %v; want %q", err, want)
	}
	// 1,200,000.25 × 100 ÷ 10,000,000 = 12.0000025 → 12.0 before.
	out := must(t, db, "credit", "ACME", "--limit", "1199995.25", "--reason", "x", "--confirm", on, "2026-12-01")
	if want := "credit decision on ACME: limit ₦10,000,000.00 → ₦1,199,995.25, approved by ada; utilisation 12.0 % → 100.0004 %, " +
		"over the 100 % breach threshold (confirmed)\n"; out != want {
		t.Errorf("credit said %q\nwant %q", out, want)
	}
}

// TestIssueMessagesNameTheFlags: a deadline before today is said once, by
// its flag; a target without a KPI is refused whether the issue is opened
// or updated.
func TestIssueMessagesNameTheFlags(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	_, err := acctdesk(t, db, "log", "issue", "ACME", "--kind", "quality", "--sla", "2026-11-01", "--note", "bad fuel", "--as-of", "2026-11-05")
	if want := "--sla: the deadline 2026-11-01 is before today (2026-11-05)"; err == nil || err.Error() != want {
		t.Errorf("log issue --sla: %v; want %q", err, want)
	}
	noKPI := "--kpi: a target goes with a KPI: what will show it is fixed"
	_, err = acctdesk(t, db, "log", "issue", "ACME", "--kind", "quality", "--sla", "2026-11-10", "--note", "bad fuel", "--target", "95", "--as-of", "2026-11-05")
	if err == nil || err.Error() != noKPI {
		t.Errorf("log issue --target: %v; want %q", err, noKPI)
	}
	must(t, db, "log", "issue", "ACME", "--kind", "quality", "--sla", "2026-11-10", "--note", "bad fuel", "--as-of", "2026-11-05")
	if _, err := acctdesk(t, db, "issue", "ACME", "1", "--target", "95", "--as-of", "2026-11-06"); err == nil || err.Error() != noKPI {
		t.Errorf("issue --target: %v; want %q", err, noKPI)
	}
	if out := must(t, db, "issue", "ACME", "1", "--kpi", "clean samples", "--target", "95", "--as-of", "2026-11-06"); !strings.Contains(out, "KPI clean samples; target 95") {
		t.Errorf("issue --kpi --target said %q", out)
	}
}

// TestReimportedLimitIsACreditDecision: on a bbolt book, ACME's limit is
// 10,000,000.00 (imported), 12,000,000.00 by acctdesk credit, then
// 8,000,000.00 by a re-import of the accounts: the trail chains, the last
// decision naming the file and its line, and agrees with the account.
// Utilisation after: 1,200,000.25 × 100 ÷ 8,000,000 = 15.0000031… → 15.0.
func TestReimportedLimitIsACreditDecision(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	on := []string{"--as-of", "2026-12-01"}
	must(t, db, append([]string{"credit", "ACME", "--limit", "12000000", "--reason", "season"}, on...)...)
	file := write(t, dir, "acc2.csv", "code,name,credit_limit\nACME,Acme Haulage Ltd,\"8,000,000.00\"\nTOGO,Lomé Transit SA,0\n")
	if got := importTwice(t, db, append([]string{"accounts", file}, on...)...); got != "1 account updated, 1 account unchanged, 1 activity added, 1 credit decision added" {
		t.Errorf("re-import: %q", got)
	}
	rows, err := csv.NewReader(strings.NewReader(must(t, db, append([]string{"report", "credit-decisions", "--format", "csv"}, on...)...))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, strings.Join(append([]string{r[0]}, r[2:]...), ",")) // decided_at is the clock's
	}
	want := []string{
		"account,by,approved_by,field,old,new,reason,utilisation_after_pct,confirmed_over",
		"ACME,ada,ada,credit_limit,10000000.00,12000000.00,season,10.0,no",
		"ACME,ada,ada,credit_limit,12000000.00,8000000.00,imported from acc2.csv line 2,15.0,no",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("report credit-decisions:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if book := must(t, db, append([]string{"report", "book", "--format", "csv"}, on...)...); !strings.Contains(book, "ACME,Acme Haulage Ltd,1,ada,active,NGN,8000000.00,") {
		t.Errorf("report book:\n%s", book)
	}
	f := loadAccount(t, db, "ACME")
	var entries []string
	for _, a := range f.Activities {
		if a.Kind == domain.KindCreditDecision {
			entries = append(entries, a.Text)
		}
	}
	if len(entries) != 2 || entries[1] != "Credit limit ₦12,000,000.00 → ₦8,000,000.00, approved by ada: imported from acc2.csv line 2. Utilisation after 15.0 %." {
		t.Errorf("timeline: %q", entries)
	}
	// The same file again: no decision.
	if got := importTwice(t, db, append([]string{"accounts", file}, on...)...); got != "2 accounts unchanged" {
		t.Errorf("again: %q", got)
	}
}

// TestImportedProductsKeepTheBookSpelling: fleet, FLEET and Fleet are one
// product, spelt as the book first sold it: one cross-sell column, one
// forecast row.
func TestImportedProductsKeepTheBookSpelling(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	must(t, db, "import", "invoices", write(t, dir, "f1.csv", "account,number,issue_date,amount,product,quantity\nACME,F-1,2026-09-05,1000.00,Fleet,2\n"))
	must(t, db, "import", "invoices", write(t, dir, "f2.csv", "account,number,issue_date,amount,product,quantity\n"+
		"ACME,F-2,2026-10-05,1000.00,fleet,3\nTOGO,F-3,2026-10-06,1000,FLEET,1\nTOGO,R-1,2026-10-07,1000,rescue,1\nACME,R-2,2026-10-08,1000.00,Rescue,1\n"))
	got := must(t, db, "report", "cross-sell", "--format", "csv", "--as-of", "2026-11-05")
	want := "account,products,single_product,Fleet,rescue,expansion_notes\n" +
		"ACME,Fleet;rescue,no,yes,yes,\n" +
		"TOGO,Fleet;rescue,no,yes,yes,\n"
	if got != want {
		t.Errorf("report cross-sell:\n%s\nwant:\n%s", got, want)
	}
	if fc := must(t, db, "report", "forecast", "--format", "csv", "--as-of", "2026-11-05"); strings.Contains(fc, "fleet") || strings.Contains(fc, "FLEET") {
		t.Errorf("report forecast:\n%s", fc)
	}
	// The help is wrapped: its words, whatever the line ends.
	words := func(args ...string) string { return strings.Join(strings.Fields(says(t, 0, args)), " ") }
	if h := words("help", "import"); !strings.Contains(h, "matched without regard to case (fleet in a book that sells Fleet is Fleet") ||
		!strings.Contains(h, `reason "imported from FILE line N"`) {
		t.Errorf("help import:\n%s", h)
	}
	if h := words("help", "report", "forecast"); !strings.Contains(h, "accounts churned by the date") {
		t.Errorf("help report forecast:\n%s", h)
	}
}
