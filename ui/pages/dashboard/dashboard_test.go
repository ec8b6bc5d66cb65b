package dashboard

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/shopspring/decimal"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/report"
	"acctdesk/ui/common"
	"acctdesk/ui/keymap"
	"acctdesk/ui/styles"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

var asOf = domain.MustDate("2026-11-17") // a Tuesday

func d(s string) domain.Date { return domain.MustDate(s) }

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// book is three accounts as of Tue 17 Nov 2026:
//
// A (NGN, Ada Obi): I1 1,000.00 issued 1 Sep due 1 Oct; I2 500.00 issued
// 10 Oct due 9 Nov; I3 300.00 issued 20 Oct due 25 Nov; a payment of
// 1,200.00 on 10 Nov (balance forward: all of I1, 200.00 of I2); promises
// of 500.00 given 1 Oct due 15 Oct (nothing paid by its deadline, 18 Oct:
// broken), 1,000.00 given 3 Nov due 10 Nov (1,200.00 paid by 13 Nov:
// kept), 100.00 given 12 Nov due 16 Nov (its deadline not passed: not
// counted).
// B (USD, Bola Ade): 100.00 issued 1 Oct due 31 Oct, unpaid.
// C (NGN, Bola Ade): 250.00 issued 1 Nov due 5 Nov, unpaid.
func book(t *testing.T) []*domain.AccountFile {
	t.Helper()
	inv := func(acct, num, issued, due, amount string, cur domain.Currency) domain.Invoice {
		return domain.Invoice{Account: acct, Number: num, Issued: d(issued), Due: d(due), Amount: dec(amount), Currency: cur}
	}
	acct := func(code, owner string, cur domain.Currency) domain.Account {
		return domain.Account{Code: code, Name: code, Tier: 1, Owner: owner, Status: domain.StatusActive, Terms: "term", TermsDays: 30,
			Currency: cur, OpenedOn: d("2024-01-01")}
	}
	return []*domain.AccountFile{
		{Account: acct("A", "Ada Obi", "NGN"),
			Invoices: []domain.Invoice{inv("A", "I1", "2026-09-01", "2026-10-01", "1000.00", "NGN"),
				inv("A", "I2", "2026-10-10", "2026-11-09", "500.00", "NGN"), inv("A", "I3", "2026-10-20", "2026-11-25", "300.00", "NGN")},
			Payments: []domain.Payment{{Account: "A", Reference: "P1", Received: d("2026-11-10"), Amount: dec("1200.00"), Currency: "NGN"}},
			Promises: []domain.Promise{
				{ID: 1, Account: "A", Amount: dec("500"), Currency: "NGN", GivenOn: d("2026-10-01"), DueOn: d("2026-10-15")},
				{ID: 2, Account: "A", Amount: dec("1000"), Currency: "NGN", GivenOn: d("2026-11-03"), DueOn: d("2026-11-10")},
				{ID: 3, Account: "A", Amount: dec("100"), Currency: "NGN", GivenOn: d("2026-11-12"), DueOn: d("2026-11-16")},
			}},
		{Account: acct("B", "Bola Ade", "USD"), Invoices: []domain.Invoice{inv("B", "J1", "2026-10-01", "2026-10-31", "100.00", "USD")}},
		{Account: acct("C", "Bola Ade", "NGN"), Invoices: []domain.Invoice{inv("C", "K1", "2026-11-01", "2026-11-05", "250.00", "NGN")}},
	}
}

// viewOf is a desk view of the files as of the date, as the desk makes one.
func viewOf(t *testing.T, files []*domain.AccountFile, touched []string) *desk.View {
	t.Helper()
	set := domain.DefaultSettings()
	v := &desk.View{Settings: set, AsOf: asOf, Touched: touched}
	for _, f := range files {
		x, err := domain.FactsOf(f)
		if err != nil {
			t.Fatal(err)
		}
		v.Sums = append(v.Sums, domain.Summarize(&x, asOf, set))
	}
	return v
}

var noMetrics = func() (report.Report, error) { return report.Report{}, errors.New("unknown report \"metrics\"") }

func complete(v *desk.View, old *data, lookup func() (report.Report, error)) *data {
	return withWeeks(dataOf(v, old, lookup))
}

func TestFrame(t *testing.T) {
	f := frameOf(domain.DefaultSettings(), asOf)
	// The month ends: 30 Nov 2025 … 31 Oct 2026 (17 Nov is not a month end).
	if f.ends[0] != d("2025-11-30") || f.ends[11] != d("2026-10-31") || f.ends[3] != d("2026-02-28") {
		t.Errorf("ends %v", f.ends)
	}
	// The weeks: 17 Nov's is Monday 16 Nov's; the 8 before it from 21 Sep.
	if f.mondays[0] != d("2026-09-21") || f.mondays[7] != d("2026-11-09") {
		t.Errorf("mondays %v", f.mondays)
	}
	// On a month's last day, that day is the last month end.
	if g := frameOf(domain.DefaultSettings(), d("2026-10-31")); g.ends[11] != d("2026-10-31") || g.ends[0] != d("2025-11-30") {
		t.Errorf("ends on 31 Oct %v", g.ends)
	}
}

func TestFigures(t *testing.T) {
	dt := complete(viewOf(t, book(t), nil), nil, noMetrics)
	ngn := dt.book.of("NGN")
	if ngn == nil || ngn.accounts != 2 || dt.book.of("USD").accounts != 1 || len(dt.book.curs) != 2 {
		t.Fatalf("book %+v", dt.book.curs)
	}
	// 31 Oct: A's I1 (due 1 Oct) 30 days past due, I2 and I3 not yet due;
	// C's K1 not issued. Sales in the 90 days from 3 Aug: 1,800.00, so the
	// DSO is 1,800 ÷ 1,800 × 90 = 90.0.
	oct := ngn.months[11]
	if want := []string{"800", "1000", "0", "0", "0", "0"}; fmt.Sprint(oct.aging.Buckets) != fmt.Sprint(dec1(want)) {
		t.Errorf("31 Oct buckets %v, want %v", oct.aging.Buckets, want)
	}
	if !oct.dso.Valid || !oct.dso.Days.Equal(dec("90")) {
		t.Errorf("31 Oct DSO %v", oct.dso.Days)
	}
	// 30 Sep: I1 current, 1,000 ÷ 1,000 × 90 = 90.0; 31 Aug: nothing sold
	// in the 90 days, no DSO.
	if sep := ngn.months[10]; !sep.aging.Buckets[0].Equal(dec("1000")) || !sep.dso.Days.Equal(dec("90")) {
		t.Errorf("30 Sep %v %v", sep.aging.Buckets, sep.dso.Days)
	}
	if aug := ngn.months[9]; aug.dso.Valid || !aug.aging.Total.IsZero() {
		t.Errorf("31 Aug %+v", aug)
	}
	// Today: A owes I2's 300 and I3's 300, C its 250: 850 net; current I3's
	// 300; sales from 20 Aug: 1,800 + 250 = 2,050; DSO 850 ÷ 2,050 × 90 =
	// 37.317… → 37.3.
	if got := domain.RoundDays(ngn.today.Days); !got.Equal(dec("37.3")) {
		t.Errorf("today's DSO %v", got)
	}
	// This month up to today: I2 (500) and K1 (250) fell due, 750; of them
	// 200 of I2 is settled; I3's 300 falls due on 25 Nov.
	if !ngn.fellDue.Equal(dec("750")) || !ngn.settled.Equal(dec("200")) || !ngn.dueLater.Equal(dec("300")) {
		t.Errorf("this month: fell due %v, settled %v, later %v", ngn.fellDue, ngn.settled, ngn.dueLater)
	}
	// Promises: 15 Oct's broken, 10 Nov's kept (this month too); 16 Nov's
	// deadline (19 Nov) is after today − 3 days.
	if ngn.year != (promises{kept: 1, broken: 1}) || ngn.month != (promises{kept: 1}) {
		t.Errorf("promises %+v %+v", ngn.year, ngn.month)
	}
	// The weeks, as of each Monday. 21 Sep: I1 due 1 Oct, in another week.
	// 28 Sep: I1 due 1 Oct, not late: expected that week. 5 Oct to 9 Nov:
	// I1 overdue, L = the days it is late as of the Monday, so expected on
	// the Monday itself; I2 (due 9 Nov + L) and I3 are later — but on 5
	// and 12 Oct the open promise of 15 Oct covers 500 of I1, expected on
	// 15 Oct: in the next week as of 5 Oct (500 left that week), in that
	// week as of 12 Oct. K1 (issued 1 Nov, due 5 Nov): as of 2 Nov due that
	// week (L 0: C has nothing late); as of 9 Nov 4 days late, L 4,
	// expected on 9 Nov. What came in: the 1,200 of 10 Nov.
	wantF := []string{"0", "1000", "500", "1000", "1000", "1000", "1250", "1250"}
	wantC := []string{"0", "0", "0", "0", "0", "0", "0", "1200"}
	for i, w := range ngn.weeks {
		if !w.forecast.Equal(dec(wantF[i])) || !w.came.Equal(dec(wantC[i])) {
			t.Errorf("week of %s: forecast %v came %v, want %s %s", w.monday, w.forecast, w.came, wantF[i], wantC[i])
		}
	}
	// Each owner's accounts: Ada's NGN is A's alone; Bola's has C's NGN and
	// B's USD.
	if len(dt.owners) != 2 || dt.owners[0].owner != "Ada Obi" || dt.owners[1].owner != "Bola Ade" {
		t.Fatalf("owners %v", dt.owners)
	}
	if a := dt.owners[0].of("NGN"); !a.fellDue.Equal(dec("500")) || a.accounts != 1 || dt.owners[0].of("USD") != nil {
		t.Errorf("Ada's %+v", a)
	}
	if b := dt.owners[1].of("USD"); b.accounts != 1 || !b.months[11].aging.Buckets[0].Equal(dec("100")) {
		t.Errorf("Bola's USD %+v", b)
	}
	if dt.book.head.missing != "metrics not available" {
		t.Errorf("headlines %+v", dt.book.head)
	}
}

func dec1(s []string) []decimal.Decimal {
	out := make([]decimal.Decimal, len(s))
	for i, x := range s {
		out[i] = dec(x)
	}
	return out
}

// render is a scope's figures as text, to compare two datas.
func render(dt *data) string {
	var b strings.Builder
	for _, s := range append([]*scope{dt.book}, dt.owners...) {
		for _, f := range s.curs {
			fmt.Fprintf(&b, "%q %s %d %s %s %s %s %+v %+v\n", s.owner, f.cur, f.accounts, f.today.Days, f.fellDue, f.settled, f.dueLater, f.year, f.month)
			for _, m := range f.months {
				fmt.Fprintf(&b, "  %s %v %s %s %v\n", m.end, m.aging.Buckets, m.aging.Unapplied, m.dso.Days, m.dso.Valid)
			}
			for _, w := range f.weeks {
				fmt.Fprintf(&b, "  %s %s %s\n", w.monday, w.forecast, w.came)
			}
		}
	}
	return b.String()
}

// A change to one account costs that account: its part is made again and
// the sums take the old away and add the new, giving what adding up
// everything again gives. An account moved to another owner leaves the
// first owner's sums.
func TestChangeAddsUpAsEverything(t *testing.T) {
	files := book(t)
	old := complete(viewOf(t, files, nil), nil, noMetrics)
	a := files[0]
	a.Payments = append(a.Payments, domain.Payment{Account: "A", Reference: "P2", Received: d("2026-11-16"), Amount: dec("300.00"), Currency: "NGN"})
	c := files[2]
	c.Account.Owner = "Ada Obi"
	v := viewOf(t, files, []string{"A", "C"})
	v.Sums[1] = old.view.Sums[1] // B is the very same facts: kept
	got := complete(v, old, noMetrics)
	want := complete(viewOf(t, files, nil), nil, noMetrics)
	if render(got) != render(want) {
		t.Fatalf("after a change:\n%s\nadding up everything:\n%s", render(got), render(want))
	}
	if got.rows.Rows[1] != old.rows.Rows[1] {
		t.Error("B's part was made again")
	}
	if len(got.owners) != 2 || got.owners[1].of("NGN") != nil || got.owners[0].of("NGN").accounts != 2 {
		t.Errorf("owners after C moved to Ada: %s", render(got))
	}
}

// Amounts that do not fit 64 bits are added up in decimal, exactly.
func TestBigAmounts(t *testing.T) {
	files := book(t)[2:]
	c := files[0]
	c.Invoices = nil
	// A hundred invoices of 10^15 − 0.01 due this month: 10^17 − 1 in
	// all, beyond an int64 of cents (9.2 × 10^18 cents is 9.2 × 10^16).
	for i := range 100 {
		c.Invoices = append(c.Invoices, domain.Invoice{Account: "C", Number: fmt.Sprint("K", i), Issued: d("2026-11-01"), Due: d("2026-11-05"),
			Amount: dec("999999999999999.99"), Currency: "NGN", Product: fmt.Sprint("P", i)}) // a month's product total must fit
	}
	dt := complete(viewOf(t, files, nil), nil, noMetrics)
	if dt.rows.Rows[0].big == nil {
		t.Fatal("added up in 64 bits")
	}
	if got := dt.book.of("NGN").fellDue; !got.Equal(dec("99999999999999999")) {
		t.Errorf("fell due %v", got)
	}
}

// metricsStub stands in for report metrics: each account's part is its
// code; Finish gives one "book" row per currency whose NRR is 100 + the
// number of parts (so a scope's headline shows it was made of its own
// accounts), churn 6.1, bad debt 0.4, DSO 44.5.
func metricsStub() (report.Report, error) {
	return report.Report{Name: "metrics",
		Part: func(_ report.Input, _ domain.Settings, x *domain.Facts) any { return x.Account.Code },
		Finish: func(_ report.Input, _ domain.Settings, parts []any) *report.Table {
			t := &report.Table{Columns: []report.Column{{Key: "group"}, {Key: "currency"}, {Key: "revenue", Kind: report.Money},
				{Key: "nrr_pct", Kind: report.Percent}, {Key: "logo_churn_pct", Kind: report.Percent},
				{Key: "bad_debt_pct", Kind: report.Percent}, {Key: "dso", Kind: report.Days}}}
			n := 0
			for _, p := range parts {
				if p != nil {
					n++
				}
			}
			nrr := report.T(fmt.Sprintf("%d.0", 100+n))
			t.Rows = append(t.Rows, []report.Cell{report.T("book"), report.T("NGN"), report.T("1"), nrr, report.T("6.1"), report.T("0.4"), report.T("44.5")},
				[]report.Cell{report.T("book"), report.T("USD"), report.T("1"), report.T(""), report.T(""), report.T(""), report.T("")})
			return t
		}}, nil
}

func page(t testing.TB, w, h int) *Page {
	t.Helper()
	r := lipgloss.NewRenderer(os.Stdout)
	r.SetColorProfile(termenv.Ascii)
	keys := keymap.DefaultKeyMap()
	p := New(common.Common{Width: w, Height: h, Styles: styles.New(r, styles.Options{}), Keys: keys, AsOf: asOf})
	p.SetSize(w, h)
	return p
}

// The headlines are report metrics' "book" rows over the scope's
// accounts, each against its target: met ✓, not met ✗, undefined ·.
func TestHeadlines(t *testing.T) {
	v := viewOf(t, book(t), nil)
	v.Settings.Targets.DSODays = 45
	p := page(t, 160, 40)
	p.view = v
	p.data = complete(v, nil, metricsStub)
	screen := p.View()
	// NRR: 3 accounts' parts → 103.0 < 110: not met; churn 6.1 ≥ 5: not
	// met; bad debt 0.4 < 1: met; DSO 44.5 ≤ 45: met (from the report, not
	// today's 37.3).
	for _, want := range []string{"✗ NRR 103.0 % (≥ 110 %, not met)", "✗ Logo churn 6.1 % (< 5 %, not met)",
		"✓ Bad debt 0.4 % (< 1 %, met)", "✓ DSO 44.5 days (≤ 45, met)"} {
		if !strings.Contains(screen, want) {
			t.Errorf("no %q in\n%s", want, screen)
		}
	}
	// Ada's accounts: one part, NRR 101.0.
	p.key(keyMsg("m"))
	if s := p.View(); !strings.Contains(s, "Ada Obi's accounts") || !strings.Contains(s, "NRR 101.0 %") {
		t.Errorf("Ada's headlines:\n%s", s)
	}
	// USD in the book: nothing defined, the DSO from today's figures (B's
	// 100 ÷ 100 × 90 = 90.0) against 45.
	p.key(keyMsg("m"))
	p.key(keyMsg("m"))
	p.key(keyMsg("down"))
	s := p.View()
	for _, want := range []string{"the book · USD 2/2", "· NRR – (≥ 110 %)", "✗ DSO 90.0 days (≤ 45, not met)"} {
		if !strings.Contains(s, want) {
			t.Errorf("no %q in\n%s", want, s)
		}
	}
	// Without the report, the DSO alone is judged.
	p.data = complete(v, nil, noMetrics)
	if s := p.View(); !strings.Contains(s, "NRR, logo churn and bad debt: metrics not available") {
		t.Errorf("without metrics:\n%s", s)
	}
}

// m cycles the book, each owner, the book; the scope shown is named.
func TestScope(t *testing.T) {
	files := book(t)
	files[2].Account.Owner = ""
	v := viewOf(t, files, nil)
	p := page(t, 80, 24)
	p.view = v
	p.data = complete(v, nil, noMetrics)
	var got []string
	for range 4 {
		line := strings.SplitN(p.View(), "\n", 2)[0]
		got = append(got, strings.Join(strings.Fields(line), " "))
		p.key(keyMsg("m"))
	}
	want := []string{
		"Dashboard · the book · NGN 1/2 · 2 accounts m: Ada Obi · ↑↓: currency",
		"Dashboard · Ada Obi's accounts · NGN · 1 account m: Bola Ade",
		"Dashboard · Bola Ade's accounts · USD · 1 account m: no owner",
		"Dashboard · accounts without an owner · NGN · 1 account m: the book",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("titles:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func keyMsg(s string) tea.KeyMsg {
	switch s {
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

// A book with nothing in it says so.
func TestEmptyBook(t *testing.T) {
	v := viewOf(t, nil, nil)
	p := page(t, 80, 24)
	p.view = v
	p.data = complete(v, nil, noMetrics)
	if s := p.View(); !strings.Contains(s, "Nothing to show: no account has an invoice") {
		t.Errorf("empty book:\n%s", s)
	}
	p.key(keyMsg("m"))
	p.key(keyMsg("down"))
	if p.owner != nil || p.cur != "" {
		t.Error("keys on an empty book changed the scope")
	}
}

// The two stages come as two commands: the first shows everything but the
// forecasts, which the second adds. A view that comes meanwhile is worked
// out after, from the data shown; another page given a view already worked
// out in this process shows it without a command.
func TestStages(t *testing.T) {
	files := book(t)
	v1 := viewOf(t, files, nil)
	p := page(t, 80, 24)
	cmd := p.Update(common.ViewMsg{View: v1})
	first := cmd().(prepared)
	if first.weeks {
		t.Fatal("the first answer is the second stage")
	}
	v2 := viewOf(t, files, []string{"A"})
	if p.Update(common.ViewMsg{View: v2}) != nil {
		t.Fatal("a second load started while one is under way")
	}
	second := p.Update(first)
	if p.data != first.data || p.data.weeksDone || !strings.Contains(p.View(), "Working out each week's forecast") {
		t.Fatalf("after the first stage:\n%s", p.View())
	}
	again := p.Update(second().(prepared))
	if !p.data.weeksDone || p.data.view != v1 || again == nil {
		t.Fatal("the second stage did not complete v1, or v2 was not loaded after it")
	}
	// v2's first stage shows v1's forecasts until its own are there.
	p.Update(again())
	if p.data.view != v2 || p.data.weeksDone || p.data.book.of("NGN").weeks == nil {
		t.Fatal("v2's first stage lost the forecasts shown")
	}
	// A reply to an older load is dropped.
	if p.Update(first) != nil || p.data.view != v2 {
		t.Fatal("a stale first stage was taken")
	}

	q := page(t, 80, 24)
	done := withWeeks(dataOf(v2, nil, noMetrics))
	keep(done)
	if q.Update(common.ViewMsg{View: v2}) != nil || q.data != done {
		t.Fatal("the view worked out elsewhere was not shown at once")
	}
}
