package book

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/shopspring/decimal"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/memstore"
	"acctdesk/ui/common"
	"acctdesk/ui/internal/sample"
	"acctdesk/ui/keymap"
	"acctdesk/ui/styles"
)

// managerBook is the sample book with margin rates (AGO 4.5 %, PMS 3 %),
// ACC001's NPS 7 in June then 9 in October, ACC002's NPS 3, ACC005's
// CSAT 4 and ACC010's expansion notes.
func managerBook(t *testing.T) *memstore.Store {
	t.Helper()
	st := sample.Store()
	ctx := store.WithAuthor(context.Background(), "ada")
	set := sample.Settings()
	set.MarginRates = map[string]decimal.Decimal{"AGO": decimal.RequireFromString("4.5"), "PMS": decimal.NewFromInt(3)}
	if err := st.SaveSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	d := domain.MustDate
	sv := func(code, kind, on string, score int) store.Rec[domain.Survey] {
		return store.Rec[domain.Survey]{V: domain.Survey{Account: code, Kind: kind, On: d(on), Score: score}}
	}
	f, err := st.LoadAccount("ACC010")
	if err != nil {
		t.Fatal(err)
	}
	a := f.Account
	a.ExpansionNotes = "Fleet cards for the  site vans"
	if _, err := st.Apply(ctx, &store.Batch{Accounts: []store.Rec[domain.Account]{{V: a}}, Surveys: []store.Rec[domain.Survey]{
		sv("ACC001", "nps", "2026-06-10", 7), sv("ACC001", "nps", "2026-10-12", 9), sv("ACC002", "nps", "2026-09-01", 3),
		sv("ACC005", "csat", "2026-11-02", 4),
	}}); err != nil {
		t.Fatal(err)
	}
	return st
}

func rowsOf(t *testing.T, st *memstore.Store) []*Row {
	t.Helper()
	v, err := desk.New(st, desk.Options{AsOf: sample.AsOf}).View()
	if err != nil {
		t.Fatal(err)
	}
	return prepare(1, v, common.AccountRows[Row]{})().(prepared).data.rows.Rows
}

func TestManagerColumns(t *testing.T) {
	rows := rowsOf(t, managerBook(t))
	by := map[string]*Row{}
	for _, r := range rows {
		by[r.Code] = r
	}
	// ACC001, as of 17 Nov 2026: invoiced 12M (1 Aug) + 18.5M (15 Sep) AGO
	// and 22M (20 Oct) PMS = 52.5M; margin 30.5M × 4.5 % + 22M × 3 % =
	// 1,372,500 + 660,000 = 2,032,500 (₦2.0M); NPS 9 after 7: up.
	r := by["ACC001"]
	if r.Revenue != "₦52.5M" || r.Margin != "₦2.0M" || r.NPS != "9 ↑" || r.CSAT != "" || r.manager.margin != 2032500 {
		t.Fatalf("ACC001 %q %q %q %q %v", r.Revenue, r.Margin, r.NPS, r.CSAT, r.manager.margin)
	}
	// ACC005: 3.4M AGO × 4.5 % = 153,000; its 2M of Rescue has no rate.
	if r := by["ACC005"]; r.Margin != "₦153k" || r.CSAT != "4" || r.NPS != "" {
		t.Fatalf("ACC005 %q %q %q", r.Margin, r.CSAT, r.NPS)
	}
	// ACC012 sold only Rescue: no rate applies, no margin. ACC007 sold nothing.
	if by["ACC012"].Margin != "" || by["ACC012"].Revenue != "₦450k" || by["ACC007"].Revenue != "" {
		t.Fatalf("ACC012 %q %q, ACC007 %q", by["ACC012"].Margin, by["ACC012"].Revenue, by["ACC007"].Revenue)
	}
	if by["ACC010"].Expansion != "Fleet cards for the site vans" {
		t.Fatalf("expansion %q", by["ACC010"].Expansion)
	}

	sortOf := func(name string) int {
		for i, s := range Sorts {
			if s.Name == name {
				return i
			}
		}
		t.Fatalf("no sort %s", name)
		return -1
	}
	// Revenue, highest first within each currency (NGN, USD, XOF), those
	// with none last in theirs: 52.5M, 16M, 11.2M, 8M, 5.4M, 2.75M,
	// 1.25M, 450k, then ACC007 and ACC011; ACC006; ACC003.
	want := []string{"ACC001", "ACC010", "ACC002", "ACC008", "ACC005", "ACC009", "ACC004", "ACC012", "ACC007", "ACC011", "ACC006", "ACC003"}
	if got := codes(rows, Order(rows, sortOf("revenue 12m"), 0)); !same(got, want) {
		t.Fatalf("by revenue %v", got)
	}
	// Margin: 2,032,500; ACC002 11.2M × 4.5 % = 504,000; ACC010 16M × 3 % =
	// 480,000; ACC008 360,000; ACC005 153,000; ACC009 123,750; ACC004
	// 1,250,000.50 × 3 % = 37,500.02; then none (ACC007, ACC011, ACC012);
	// ACC006 (USD 5,692.50); ACC003 (XOF, Fleet: none).
	want = []string{"ACC001", "ACC002", "ACC010", "ACC008", "ACC005", "ACC009", "ACC004", "ACC007", "ACC011", "ACC012", "ACC006", "ACC003"}
	if got := codes(rows, Order(rows, sortOf("margin"), 0)); !same(got, want) {
		t.Fatalf("by margin %v", got)
	}
	if got := codes(rows, Order(rows, sortOf("NPS"), 0)); got[0] != "ACC001" || got[1] != "ACC002" {
		t.Fatalf("by NPS %v", got)
	}
	if got := codes(rows, Order(rows, sortOf("expansion notes"), 0)); got[0] != "ACC010" {
		t.Fatalf("by expansion notes %v", got)
	}
	if !lacks(by["ACC012"], sortOf("margin")) || lacks(by["ACC001"], sortOf("margin")) {
		t.Fatal("a row without a margin is not listed last")
	}
}

// o shows and hides the columns; a sort on one of them shows them; they
// fit at 80 columns.
func TestManagerColumnsToggle(t *testing.T) {
	v, err := desk.New(managerBook(t), desk.Options{AsOf: sample.AsOf}).View()
	if err != nil {
		t.Fatal(err)
	}
	c := common.Common{Width: 80, Height: 24, Styles: styles.DefaultStyles(), Keys: keymap.DefaultKeyMap()}
	p := New(c)
	p.SetSize(80, 22)
	p.Update(p.Update(common.ViewMsg{View: v})())
	if strings.Contains(p.View(), "Rev 12m") {
		t.Fatal("the manager's columns show before o")
	}
	key := func(s string) { p.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}) }
	key("o")
	view := p.View()
	for _, want := range []string{"Rev 12m", "Margin", "NPS", "CSAT", "Expans", "₦52.5M", "₦2.0M", "9 ↑"} {
		if !strings.Contains(view, want) {
			t.Fatalf("no %q at 80 columns:\n%s", want, view)
		}
	}
	for _, l := range strings.Split(view, "\n") {
		if common.Width(l) > 80 {
			t.Fatalf("a line wider than 80: %q", l)
		}
	}
	key("o")
	if strings.Contains(p.View(), "Rev 12m") {
		t.Fatal("o did not hide them")
	}
	for range firstManagerSort {
		key("s")
	}
	if p.SortName() != "revenue 12m" || !strings.Contains(p.View(), "Rev 12m↓") {
		t.Fatalf("sorted by %s:\n%s", p.SortName(), p.View())
	}
}
