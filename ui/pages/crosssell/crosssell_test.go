package crosssell

import (
	"strings"
	"testing"

	"acctdesk/desk"
	"acctdesk/ui/common"
	"acctdesk/ui/internal/sample"
	"acctdesk/ui/keymap"
)

// crossData is the sample book's cross-sell as the page prepares it, as of
// Tue 17 Nov 2026 (the 12 months: 18 Nov 2025 … 17 Nov 2026).
func crossData(t *testing.T) *data {
	t.Helper()
	v, err := desk.New(sample.Store(), desk.Options{AsOf: sample.AsOf}).View()
	if err != nil {
		t.Fatal(err)
	}
	return prepare(1, v, common.AccountRows[Row]{})().(prepared).data
}

func codes(rows []*Row, idx []int) string {
	var out []string
	for _, i := range idx {
		out = append(out, rows[i].Code)
	}
	return strings.Join(out, " ")
}

func TestData(t *testing.T) {
	d := crossData(t)
	// The columns: every product the book has sold; the rows: the 11 accounts
	// not churned (ACC011 is); 8 of them bought one product in the 12 months.
	if got := strings.Join(d.products, " "); got != "AGO Fleet PMS Rescue" {
		t.Fatalf("products %q", got)
	}
	if len(d.shown) != 11 || d.singles != 8 {
		t.Fatalf("%d rows, %d single", len(d.shown), d.singles)
	}
	for _, r := range d.shown {
		if r.Code == "ACC011" {
			t.Fatal("a churned account is shown")
		}
		if r.Code == "ACC001" && (strings.Join(r.Products, " ") != "AGO PMS" || r.Single || !r.Has("PMS") || r.Has("Rescue")) {
			t.Fatalf("ACC001 %+v", r)
		}
	}
}

func TestOrderFilterGroup(t *testing.T) {
	rows := crossData(t).shown
	// Fewest products first (ACC007 has none), then the single ones, by code.
	if got := codes(rows, Order(rows, 1, 0)); got != "ACC007 ACC002 ACC003 ACC004 ACC006 ACC008 ACC009 ACC010 ACC012 ACC001 ACC005" {
		t.Fatalf("fewest first: %s", got)
	}
	// /fleet: the Fleet buyers (ACC003) and names with the word (ACC012 Benin Fleet Rescue, ACC003 Sahel Fleet).
	sp := spec(common.Common{Keys: keymap.DefaultKeyMap()})
	all := Order(rows, 0, 0)
	if got := codes(rows, common.FilterRowsWords(rows, all, "fleet", sp.Match, sp.Words)); got != "ACC003 ACC012" {
		t.Fatalf("/fleet: %s", got)
	}
	if got := codes(rows, common.FilterRowsWords(rows, all, "pms", sp.Match, sp.Words)); got != "ACC001 ACC004 ACC010" {
		t.Fatalf("/pms: %s", got)
	}
	// Grouped single or not: the candidates first, with a heading each.
	lines := Group(rows, Order(rows, 0, 1), 1)
	var heads []string
	for _, l := range lines {
		if l.Row < 0 {
			heads = append(heads, l.Heading)
		}
	}
	want := "Single-product: the candidates · 8 accounts|Multi-product · 2 accounts|Nothing invoiced in the 12 months · 1 account"
	if strings.Join(heads, "|") != want {
		t.Fatalf("headings %q", heads)
	}
}
