package domain

import (
	"strings"
	"testing"
)

func TestVolumeByMonth(t *testing.T) {
	invoice := func(issued, product, amount string) Invoice {
		return Invoice{Account: "A", Number: issued + product, Issued: MustDate(issued), Amount: d(amount), Product: product}
	}
	invs := []Invoice{
		invoice("2026-05-31", "AGO", "999"), // before the six months (June to November)
		invoice("2026-06-01", "AGO", "100"),
		invoice("2026-06-20", "AGO", "50"), // June: 100 + 50 = 150
		invoice("2026-09-03", "", "7"),     // no product: sorts first
		invoice("2026-11-10", "PMS", "25"),
		invoice("2026-11-18", "PMS", "40"), // after the as-of date: not counted
	}
	got := VolumeByMonth(invs, MustDate("2026-11-17"), 6)
	var lines []string
	for _, v := range got {
		var ms []string
		for _, m := range v.Months {
			ms = append(ms, m.String())
		}
		lines = append(lines, v.Product+": "+strings.Join(ms, " "))
	}
	want := []string{
		": 0 0 0 7 0 0",
		"AGO: 150 0 0 0 0 0",
		"PMS: 0 0 0 0 0 25",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if got := VolumeByMonth(invs, MustDate("2026-03-01"), 6); len(got) != 0 {
		t.Fatalf("nothing invoiced by March: %+v", got)
	}
}
