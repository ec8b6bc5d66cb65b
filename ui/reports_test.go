package ui

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/shopspring/decimal"

	"acctdesk/domain"
	"acctdesk/report"
	"acctdesk/store"
	"acctdesk/ui/internal/sample"
	"acctdesk/ui/pages/reports"
)

// TestReportsGolden keeps the Reports pane's list at 80×24 and 160×48, the
// aging report's table at both sizes, and at 80×24 scrolled two columns
// right and a row down.
// Regenerate with: go test ./ui -run TestReportsGolden -update
func TestReportsGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		w, h int
		keys []string
		mark string // on screen once the keys took effect
	}{
		{"reports", 80, 24, nil, "Reports as of"},
		{"reports", 160, 48, nil, "Reports as of"},
		{"report_aging", 80, 24, []string{"j", "enter"}, "Report aging as of"},
		{"report_aging", 160, 48, []string{"j", "enter"}, "Report aging as of"},
		{"report_aging_scrolled", 80, 24, []string{"j", "enter", "right", "right", "j"}, "columns 1, 4–"},
	} {
		t.Run(fmt.Sprintf("%s_%dx%d", c.name, c.w, c.h), func(t *testing.T) {
			m := loadedWith(t, c.w, c.h, sample.Store(), testOptions())
			press(m, "8")
			press(m, c.keys...)
			view := m.View()
			checkFits(t, view, c.w, c.h)
			if m.Current() != "Reports" || !strings.Contains(ansi.Strip(view), c.mark) {
				t.Fatalf("%s:\n%s", m.Current(), ansi.Strip(view))
			}
			golden.RequireEqual(t, []byte(view))
		})
	}
}

// The table is report aging's own: every row and total the report gives
// over the view's facts as of the workstation's date, in its order, the
// amounts in its table form.
func TestReportTableIsTheReport(t *testing.T) {
	m := loadedWith(t, 250, 60, sample.Store(), testOptions())
	press(m, "8", "j", "enter")
	r, err := report.Lookup("aging")
	if err != nil {
		t.Fatal(err)
	}
	v := m.c.Desk.Current()
	facts := make([]*domain.Facts, len(v.Sums))
	for i := range v.Sums {
		facts[i] = v.Sums[i].Facts
	}
	var b bytes.Buffer
	if err := report.Of(r, reports.Input(v, ""), v.Settings, facts).Write(&b, "table"); err != nil {
		t.Fatal(err)
	}
	screen := ansi.Strip(m.View())
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n")[1:] {
		cells := strings.Fields(line)
		if !strings.Contains(strings.Join(strings.Fields(screen), " "), strings.Join(cells, " ")) {
			t.Errorf("the report's row %q is not on screen:\n%s", line, screen)
		}
	}
	// esc goes back to the list, on the report chosen.
	press(m, "esc")
	if s := ansi.Strip(m.View()); !strings.Contains(s, "▸ aging") {
		t.Fatalf("after esc:\n%s", s)
	}
}

// p steps the period of the reports that need one (12m, this month, last
// month, …): the table shown is the report over that period, the head says
// which, and a report without a period is made as before.
func TestReportPeriod(t *testing.T) {
	m := loadedWith(t, 250, 60, sample.Store(), testOptions())
	v := m.c.Desk.Current()
	periods := reports.Periods(v.AsOf)
	at := slices.Index(report.Names, "term-vs-cash")
	press(m, "8")
	for range at {
		press(m, "j")
	}
	press(m, "p", "p", "enter") // the month before the as-of date's
	screen := ansi.Strip(m.View())
	if !strings.Contains(screen, "Report term-vs-cash as of") || !strings.Contains(screen, "period "+periods[2]+" (p)") {
		t.Fatalf("after p p enter:\n%s", screen)
	}
	r, err := report.Lookup("term-vs-cash")
	if err != nil {
		t.Fatal(err)
	}
	facts := make([]*domain.Facts, len(v.Sums))
	for i := range v.Sums {
		facts[i] = v.Sums[i].Facts
	}
	month := report.Of(r, reports.Input(v, periods[2]), v.Settings, facts)
	year := report.Of(r, reports.Input(v, ""), v.Settings, facts)
	if len(month.Rows) == 0 || len(month.Rows) >= len(year.Rows) {
		t.Fatalf("the sample's term-vs-cash: %d rows over %s, %d over 12m: no test of the period", len(month.Rows), periods[2], len(year.Rows))
	}
	var b bytes.Buffer
	if err := month.Write(&b, "table"); err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(screen), " ")
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n")[1:] {
		if !strings.Contains(flat, strings.Join(strings.Fields(line), " ")) {
			t.Errorf("the row %q of %s is not on screen:\n%s", line, periods[2], screen)
		}
	}
	if n := strings.Count(screen, "\n  "+periods[2][:4]); n > len(month.Rows)+1 {
		t.Errorf("more rows than the month's:\n%s", screen)
	}
	// Once round, back to 12m.
	press(m, "p", "p", "p", "p", "p")
	if s := ansi.Strip(m.View()); !strings.Contains(s, "period 12m (p)") {
		t.Fatalf("after seven p:\n%s", s)
	}
}

// x writes the report shown, or the one under the cursor of the list, as a
// workbook into the documents directory and says where; a directory that
// cannot be made is said too.
func TestReportExport(t *testing.T) {
	dir := t.TempDir()
	opt := testOptions()
	opt.DocumentsDir = filepath.Join(dir, "docs")
	m := loadedWith(t, 100, 30, sample.Store(), opt)
	press(m, "8", "x")
	if want := "Wrote report-book-" + sample.AsOf.String() + ".xlsx in " + opt.DocumentsDir + "/ (12 rows)"; m.Status() != want {
		t.Fatalf("x on the list: %q, want %q", m.Status(), want)
	}
	press(m, "j", "enter", "x")
	name := "report-aging-" + sample.AsOf.String() + ".xlsx"
	if want := "Wrote " + name + " in " + opt.DocumentsDir + "/ (13 rows)"; m.Status() != want {
		t.Fatalf("status %q, want %q", m.Status(), want)
	}
	b, err := os.ReadFile(filepath.Join(opt.DocumentsDir, name))
	if err != nil || !bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		t.Fatalf("no workbook (%v): %.10q", err, b)
	}
	// The list's x writes the report shown, as it was shown.
	press(m, "esc", "x")
	if !strings.HasPrefix(m.Status(), "Wrote "+name) {
		t.Fatalf("x on the list: %q", m.Status())
	}

	blocked := filepath.Join(dir, "file")
	if err := os.WriteFile(blocked, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	opt.DocumentsDir = filepath.Join(blocked, "sub") // under a file: cannot be made
	m = loadedWith(t, 100, 30, sample.Store(), opt)
	press(m, "8", "enter", "x")
	if !strings.HasPrefix(m.Status(), "No workbook: ") {
		t.Fatalf("status %q", m.Status())
	}
}

// The report shown follows the book: a change made elsewhere is in the
// table once the view has it, the cursor where it was.
func TestReportFollowsTheBook(t *testing.T) {
	st := sample.Store()
	m := loadedWith(t, 120, 30, st, testOptions())
	press(m, "8", "j", "enter", "j", "j")
	if strings.Contains(ansi.Strip(m.View()), "ACC007") {
		t.Fatal("ACC007 owes nothing in the sample")
	}
	ctx := store.WithAuthor(context.Background(), "bola")
	inv := domain.Invoice{Account: "ACC007", Number: "NEW-1", Issued: sample.AsOf, Due: sample.AsOf.AddDays(30),
		Amount: decimal.NewFromInt(1500000), Currency: "NGN"}
	if _, err := st.Apply(ctx, &store.Batch{Invoices: []store.Rec[domain.Invoice]{{V: inv}}}); err != nil {
		t.Fatal(err)
	}
	drive(m, changedMsg{})
	s := ansi.Strip(m.View())
	if !strings.Contains(s, "ACC007   NGN        1,500,000.00") {
		t.Fatalf("the new invoice is not in the report:\n%s", s)
	}
	if !strings.Contains(s, "▸ ACC003") {
		t.Fatalf("the cursor moved:\n%s", s)
	}
}
