package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/shopspring/decimal"

	"acctdesk/domain"
	"acctdesk/store/memstore"
	"acctdesk/ui/internal/sample"
	"acctdesk/ui/pages/dashboard"
)

// dashBook is the sample book with 14 months of trading on four of its
// naira accounts, so that every chart of the dashboard has a year to show:
// each month an invoice due 30 days later, paid 5 to 79 days after it was
// due (the later the account, the later), the last months' not yet; and,
// on two of them, a promise on each of the last 8 months' invoices, due a
// week after the invoice, kept when paid within the 3 days' grace. The
// book's DSO target is 60 days.
func dashBook() *memstore.Store {
	d := domain.MustDate
	files := sample.Files()
	late := map[string]int{"ACC004": 5, "ACC007": 20, "ACC010": 40, "ACC012": 70}
	for _, f := range files {
		lag, ok := late[f.Account.Code]
		if !ok {
			continue
		}
		code := f.Account.Code
		for m := 0; m < 14; m++ {
			issued := d("2025-09-05").AddMonths(m)
			due := issued.AddDays(30)
			amount := decimal.NewFromInt(int64(2_000_000 + 250_000*((m*7+lag)%9)))
			num := fmt.Sprintf("H-%s-%02d", code, m)
			f.Invoices = append(f.Invoices, domain.Invoice{Account: code, Number: num, Issued: issued, Due: due,
				Amount: amount, Currency: "NGN", Product: "AGO"})
			if paid := due.AddDays(lag + 3*(m%4)); paid <= sample.AsOf {
				f.Payments = append(f.Payments, domain.Payment{Account: code, Reference: "HP-" + num, Received: paid,
					Amount: amount, Currency: "NGN", Invoice: num})
			}
			if m >= 6 && (code == "ACC004" || code == "ACC012") {
				f.Promises = append(f.Promises, domain.Promise{ID: uint64(900 + m), Account: code, Amount: amount, Currency: "NGN",
					GivenOn: due, DueOn: due.AddDays(7)})
			}
		}
	}
	set := sample.Settings()
	set.Targets.DSODays = 60
	return memstore.From(set, files)
}

func dashboardOf(m *Model) *dashboard.Page { return pageOf[*dashboard.Page](m) }

// TestDashboardGolden keeps the Dashboard pane at 80×24 and 160×48, under
// NO_COLOR and in colour, and one owner's accounts at 80×24.
// Regenerate with: go test ./ui -run TestDashboardGolden -update
func TestDashboardGolden(t *testing.T) {
	for _, c := range []struct {
		name  string
		w, h  int
		color bool
		keys  []string
	}{
		{"dashboard", 80, 24, false, nil},
		{"dashboard", 160, 48, false, nil},
		{"dashboard_color", 80, 24, true, nil},
		{"dashboard_color", 160, 48, true, nil},
		{"dashboard_owner", 80, 24, false, []string{"m"}},
	} {
		t.Run(fmt.Sprintf("%s_%dx%d", c.name, c.w, c.h), func(t *testing.T) {
			opt := testOptions()
			if c.color {
				opt.Renderer = trueColor()
			} else {
				opt.NoColor = true
			}
			m := loadedWith(t, c.w, c.h, dashBook(), opt)
			press(m, "5")
			press(m, c.keys...)
			view := m.View()
			checkFits(t, view, c.w, c.h)
			plain := ansi.Strip(view)
			if m.Current() != "Dashboard" || !strings.Contains(plain, "forecast ₦") {
				t.Fatalf("5 showed %s:\n%s", m.Current(), plain)
			}
			golden.RequireEqual(t, []byte(view))
		})
	}
}

// The dashboard's figures on the sample book with its year of trading,
// worked out by hand from dashBook (NGN, as of Tue 17 Nov 2026).
func TestDashboardFigures(t *testing.T) {
	m := loadedWith(t, 160, 48, dashBook(), testOptions())
	press(m, "5")
	s := m.View()
	for _, want := range []string{
		// DSO 60 is the target; today's is over it.
		"✗ DSO", "(≤ 60, not met)",
		// The headlines are report metrics' (its book row, NGN): on this book
		// NRR 451.7 %, no churn, no write-off — all met.
		"✓ NRR 451.7 % (≥ 110 %, met)", "✓ Logo churn 0.0 % (< 5 %, met)", "✓ Bad debt 0.0 % (< 1 %, met)",
		// The month ends, oldest first: Nov'25 … Oct.
		"Nov'25", "Oct ",
		// The forecast of the 8 weeks before Monday 16 Nov: from 21 Sep.
		"21 Sep", "09 Nov",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("no %q on the dashboard:\n%s", want, s)
		}
	}
	// m goes through the owners, then back to the book.
	for _, want := range []string{"Ada Obi's accounts", "Bola Ade's accounts", "Chidi Nwosu's accounts", "accounts without an owner", "the book"} {
		press(m, "m")
		if first := strings.SplitN(m.View(), "\n", 3)[1]; !strings.Contains(first, want) {
			t.Errorf("m: %q, want %q", first, want)
		}
	}
}

// Opening the dashboard costs nothing on the Update loop: the figures are
// worked out in commands when the view comes, so 5 shows them at once, and
// a page asked before they are there says it is working.
func TestDashboardWorksInCommands(t *testing.T) {
	m := New(newDesk(dashBook()), testOptions())
	process(m, windowSize(80, 24), keyMsg("5"))
	if !strings.Contains(m.View(), "Working out the dashboard") {
		t.Fatalf("before the book is read:\n%s", m.View())
	}
	drive(m, firstLoad(m.c.Desk)())
	if !strings.Contains(m.View(), "forecast ₦") {
		t.Fatalf("after:\n%s", m.View())
	}
}

// On a bar too narrow for every tab's label, the others show their keys,
// and a click on one shows its page.
func TestNarrowTabs(t *testing.T) {
	m := loadedWith(t, 80, 24, sample.Store(), mouseOptions())
	bar := ansi.Strip(strings.Split(m.View(), "\n")[0])
	if !strings.HasPrefix(bar, " [1 Queue]  2   3   4   5   6   7   8 ") {
		t.Fatalf("top bar %q", bar)
	}
	drive(m, leftClick(strings.Index(bar, " 8 ")+1, 0))
	if m.Current() != "Reports" {
		t.Fatalf("a click on 8 showed %s", m.Current())
	}
	bar = ansi.Strip(strings.Split(m.View(), "\n")[0])
	if !strings.Contains(bar, "[8 Reports]") {
		t.Fatalf("top bar %q", bar)
	}
}
