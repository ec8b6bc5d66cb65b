package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/shopspring/decimal"

	"acctdesk/domain"
	"acctdesk/store/memstore"
	"acctdesk/ui/internal/sample"
	"acctdesk/ui/pages/crosssell"
)

// volumeStore is the sample book and VOL01, an account with two years of
// AGO by the litre (a seasonal forecast) and PMS since August 2026 (an
// average one), each invoice paid on its due date.
func volumeStore() *memstore.Store {
	files := sample.Files()
	a := &domain.AccountFile{Account: domain.Account{Code: "VOL01", Name: "Volta Logistics", Tier: 2, Segment: "haulage", Owner: "Ada Obi",
		Status: domain.StatusActive, OpenedOn: domain.MustDate("2024-08-01"), LiveOn: domain.MustDate("2024-08-10"), Terms: "term", TermsDays: 30,
		Currency: "NGN", CreditLimit: decimal.RequireFromString("60000000"), Products: []string{"AGO", "PMS"},
		ExpansionNotes: "Fleet cards for 25 tankers; Rescue cover quoted"}}
	// Litres of AGO by month of the year; 2026 a tenth more.
	season := []int64{9000, 8500, 10000, 11000, 12000, 12500, 11500, 11000, 10500, 10000, 9500, 14000}
	add := func(num string, on domain.Date, product string, qty int64) {
		inv := domain.Invoice{Account: "VOL01", Number: num, Issued: on, Due: on.AddDays(30), Amount: decimal.NewFromInt(qty * 1000),
			Currency: "NGN", Product: product, Quantity: decimal.NewFromInt(qty), Unit: "litres"}
		a.Invoices = append(a.Invoices, inv)
		if inv.Due <= sample.AsOf {
			a.Payments = append(a.Payments, domain.Payment{Account: "VOL01", Reference: "R" + num, Received: inv.Due, Amount: inv.Amount, Currency: "NGN", Invoice: num})
		}
	}
	for m := domain.MustDate("2024-09-05"); m < domain.MustDate("2026-11-01"); m = m.AddMonths(1) {
		_, mon, _ := m.Parts()
		q := season[mon-1]
		if m >= domain.MustDate("2026-01-01") {
			q += q / 10
		}
		add("VA-"+m.Format("0601"), m, "AGO", q)
	}
	add("VA-2611", domain.MustDate("2026-11-05"), "AGO", 4000) // November so far
	for i, q := range []int64{2000, 2500, 3000} {
		add(fmt.Sprintf("VP-%d", i+1), domain.MustDate("2026-08-12").AddMonths(i), "PMS", q)
	}
	add("VP-4", domain.MustDate("2026-11-12"), "PMS", 1000)
	return memstore.From(sample.Settings(), append(files, a))
}

// TestGoldenCrossSell: the Cross-sell pane and an account's Volume chart at
// 80×24 and 160×48 (read: every mark, the conversions line, the chart's
// solid history and shaded forecast).
func TestGoldenCrossSell(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("crosssell_%dx%d", w, h), func(t *testing.T) {
			m := loadedWith(t, w, h, volumeStore(), testOptions())
			press(m, "7")
			view := m.View()
			checkFits(t, view, w, h)
			if m.Current() != "Cross-sell" || !strings.Contains(ansi.Strip(view), "Cross-sell ·") {
				t.Fatalf("7 showed %s:\n%s", m.Current(), ansi.Strip(view))
			}
			golden.RequireEqual(t, []byte(view))
		})
		t.Run(fmt.Sprintf("volume_%dx%d", w, h), func(t *testing.T) {
			m := loadedWith(t, w, h, volumeStore(), testOptions())
			press(m, ":", "VOL01", "enter", "tab", "tab", "tab", "tab", "tab", "tab")
			view := m.View()
			checkFits(t, view, w, h)
			if !strings.Contains(ansi.Strip(view), "[Volume]") {
				t.Fatalf("not the Volume tab:\n%s", ansi.Strip(view))
			}
			golden.RequireEqual(t, []byte(view))
		})
	}
}

// On the Cross-sell pane: VOL01's row marks AGO and PMS, the conversions
// line names it, / filters on a product, enter opens the account.
func TestCrossSellPane(t *testing.T) {
	m := loadedWith(t, 120, 30, volumeStore(), testOptions())
	press(m, "7")
	view := ansi.Strip(m.View())
	// VOL01 bought AGO alone in the 12 months to 17 Nov 2025, PMS since August:
	// the one conversion of the 1 account single-product then.
	if !strings.Contains(view, "1 of 1 single-product on 17 Nov'25 are multi-product now (100.0 %): VOL01") {
		t.Fatalf("no conversions line:\n%s", view)
	}
	row := lineWith(strings.Split(view, "\n"), "VOL01", "Volta")
	if !strings.Contains(row, "2  "+crosssell.Bought+"    "+crosssell.NotBought+"    "+crosssell.Bought+"    "+crosssell.NotBought+"    "+crosssell.MarkConverted) {
		t.Fatalf("VOL01's row %q", row)
	}
	if r := lineWith(strings.Split(view, "\n"), "ACC002"); !strings.Contains(r, crosssell.MarkSingle) {
		t.Fatalf("ACC002 (AGO only) is not marked single: %q", r)
	}
	press(m, "/", "pms", "enter")
	view = ansi.Strip(m.View())
	if !strings.Contains(view, "Cross-sell · 4 of 12 accounts") || strings.Contains(view, "ACC002") {
		t.Fatalf("/pms:\n%s", view)
	}
	press(m, "G", "enter")
	if m.Current() != "Account" || accountOf(m).Code() != "VOL01" {
		t.Fatalf("enter opened %s %s", m.Current(), accountOf(m).Code())
	}
}

// The Volume tab: the forecast row under each chart, the chart's glyphs
// (solid history, shaded forecast) and its legend.
func TestVolumeTab(t *testing.T) {
	m := loadedWith(t, 100, 40, volumeStore(), testOptions())
	press(m, ":", "VOL01", "enter", "tab", "tab", "tab", "tab", "tab", "tab")
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	// AGO: 26 months before November (Sep 2024 … Oct 2026): seasonal. October
	// (25 months before it) ← Oct 2025 10,000, actual 11,000: −9.1 %; November ←
	// Nov 2025 9,500 (4,000 so far), December ← 14,000, January ← 9,900.
	if r := lineWith(lines, "AGO", "10,000", "11,000", "-9.1%", "9,500", "4,000", "14,000", "9,900"); r == "" {
		t.Errorf("no AGO forecast row:\n%s", strings.Join(lines, "\n"))
	}
	// PMS from August: average. October from Aug, Sep: (2,000 + 2,500) ÷ 2 =
	// 2,250, actual 3,000: −25.0 %; the next three from Aug … Oct: 7,500 ÷ 3 = 2,500.
	if r := lineWith(lines, "PMS", "2,250", "3,000", "-25.0%", "2,500", "1,000"); r == "" {
		t.Errorf("no PMS forecast row:\n%s", strings.Join(lines, "\n"))
	}
	if lineWith(lines, "█ invoiced · ░ forecast · Nov so far 4,000 of 9,500") == "" || lineWith(lines, "░") == "" ||
		lineWith(lines, "AGO (litres) by month · forecast: the same month a year before") == "" {
		t.Errorf("no chart:\n%s", strings.Join(lines, "\n"))
	}
}

// Q on an account writes its QBR pack into the documents directory.
func TestQBRKey(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Documents")
	opt := testOptions()
	opt.DocumentsDir, opt.StatementFormat = dir, "text" // a pack has no text form: md
	m := loadedWith(t, 80, 24, volumeStore(), opt)
	press(m, ":", "VOL01", "enter", "Q")
	name := "qbr-VOL01-" + sample.AsOf.String() + ".md"
	if want := "Wrote " + name + " in " + dir + "/"; m.Status() != want {
		t.Fatalf("status %q, want %q", m.Status(), want)
	}
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"For: Volta Logistics (VOL01)", "Not yet bought: Fleet, Rescue", "## Agreed actions"} {
		if !strings.Contains(string(b), w) {
			t.Errorf("no %q in the pack:\n%s", w, b)
		}
	}
}
