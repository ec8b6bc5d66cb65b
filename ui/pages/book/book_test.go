package book

import (
	"testing"

	"acctdesk/desk"
	"acctdesk/ui/common"
	"acctdesk/ui/internal/sample"
	"acctdesk/ui/keymap"
	"acctdesk/ui/styles"
)

// book is the sample book's rows, as the page prepares them.
func book(t *testing.T) []*Row {
	t.Helper()
	v, err := desk.New(sample.Store(), desk.Options{AsOf: sample.AsOf}).View()
	if err != nil {
		t.Fatal(err)
	}
	return prepare(1, v, common.AccountRows[Row]{})().(prepared).data.rows.Rows
}

func codes(rows []*Row, idx []int) []string {
	out := make([]string, len(idx))
	for i, x := range idx {
		out[i] = rows[x].Code
	}
	return out
}

func TestOrder(t *testing.T) {
	d := book(t)
	// AR, highest first, within each currency (NGN, then USD, then XOF):
	// ACC001 47.5M, ACC010 16M, ACC002 11.2M, ACC005 5.4M, ACC009 2.75M,
	// ACC004 1.25M, ACC012 450k, ACC007 0, ACC011 0, ACC008 −500k; ACC006; ACC003.
	want := []string{"ACC001", "ACC010", "ACC002", "ACC005", "ACC009", "ACC004", "ACC012", "ACC007", "ACC011", "ACC008", "ACC006", "ACC003"}
	if got := codes(d, Order(d, 1, 0)); !same(got, want) {
		t.Fatalf("by AR %v", got)
	}
	// utilisation: accounts without a limit last
	got := codes(d, Order(d, 3, 0))
	if got[0] != "ACC002" || got[1] != "ACC001" || got[len(got)-1] != "ACC012" {
		t.Fatalf("by utilisation %v", got)
	}
	// grouped by tier, then by code
	got = codes(d, Order(d, 0, 2))
	if got[0] != "ACC001" || got[1] != "ACC005" || got[2] != "ACC010" || got[3] != "ACC002" {
		t.Fatalf("by tier %v", got)
	}
}

func TestFilterAndGroup(t *testing.T) {
	d := book(t)
	all := Order(d, 0, 0)
	for q, want := range map[string][]string{
		"acc01":  {"ACC001", "ACC010", "ACC011", "ACC012"}, // letters in order: a-c-c-0-(0)-1
		"LEKKI":  {"ACC010"},
		"oyo":    {"ACC002", "ACC006"}, // "Ọ̀yọ́" without its accents, and t-o-k-y-o
		"ọ̀yọ́":  {"ACC002", "ACC006"}, // the query loses its accents too
		"tokyo":  {"ACC006"},
		"東京":     {"ACC006"},
		"  ":     codes(d, all),
		"zzzzzz": nil,
	} {
		if got := codes(d, common.FilterRows(d, all, q, matchRow)); !same(got, want) {
			t.Errorf("filter %q: %v, want %v", q, got, want)
		}
	}
	lines := Group(d, Order(d, 0, 1), 1)
	if lines[0].Row != -1 || lines[0].Heading != "Owner: Ada Obi · 4 accounts · AR ₦47.0M, overdue ₦25.5M | AR CFA 20.0M, overdue CFA 20.0M" {
		t.Fatalf("heading %q", lines[0].Heading)
	}
	last := lines[len(lines)-2]
	if last.Heading != "No owner · 1 account · AR ₦2.8M, overdue ₦2.8M" {
		t.Fatalf("last heading %q", last.Heading)
	}
}

func same(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// A view that comes while the page prepares another waits for it; then the
// newest view is prepared: the page never shows an older view after a newer.
func TestViewsWhilePreparing(t *testing.T) {
	d := desk.New(sample.Store(), desk.Options{AsOf: sample.AsOf})
	v1, err := d.View()
	if err != nil {
		t.Fatal(err)
	}
	v2, v3 := *v1, *v1
	v2.AsOf, v3.AsOf = v1.AsOf+1, v1.AsOf+2 // views to tell apart
	c := common.Common{Width: 100, Height: 30, Styles: styles.DefaultStyles(), Keys: keymap.DefaultKeyMap()}
	p := New(c)
	first := p.Update(common.ViewMsg{View: v1})
	if p.Update(common.ViewMsg{View: &v2}) != nil || p.Update(common.ViewMsg{View: &v3}) != nil {
		t.Fatal("a second preparation started while the first ran")
	}
	next := p.Update(first())
	if p.data.asOf != v1.AsOf || next == nil {
		t.Fatalf("first reply: shows %s, next %v", p.data.asOf, next != nil)
	}
	if p.Update(next()) != nil || p.data.asOf != v3.AsOf || p.Count() != 12 {
		t.Fatalf("shows the view as of %s, %d rows; want the newest", p.data.asOf, p.Count())
	}
}
