package book

import (
	"testing"

	"acctdesk/domain"
	"acctdesk/ui/internal/fakestore"
)

func sample(t *testing.T) *Data {
	t.Helper()
	b, err := fakestore.NewSample().Load()
	if err != nil {
		t.Fatal(err)
	}
	sums := domain.SummarizeBook(b, fakestore.SampleAsOf)
	return Prepare(sums, domain.TotalsByCurrency(sums, b.Settings.AgingEdges), b.Settings, fakestore.SampleAsOf)
}

func codes(d *Data, idx []int) []string {
	out := make([]string, len(idx))
	for i, x := range idx {
		out[i] = d.Rows[x].Code
	}
	return out
}

func TestOrder(t *testing.T) {
	d := sample(t)
	// AR, highest first, within each currency (NGN, then USD, then XOF):
	// ACC001 47.5M, ACC010 16M, ACC002 11.2M, ACC005 5.4M, ACC009 2.75M,
	// ACC004 1.25M, ACC012 450k, ACC007 0, ACC011 0, ACC008 −500k; ACC006; ACC003.
	want := []string{"ACC001", "ACC010", "ACC002", "ACC005", "ACC009", "ACC004", "ACC012", "ACC007", "ACC011", "ACC008", "ACC006", "ACC003"}
	if got := codes(d, Order(d.Rows, 1, 0)); !same(got, want) {
		t.Fatalf("by AR %v", got)
	}
	// utilisation: accounts without a limit last
	got := codes(d, Order(d.Rows, 3, 0))
	if got[0] != "ACC002" || got[1] != "ACC001" || got[len(got)-1] != "ACC012" {
		t.Fatalf("by utilisation %v", got)
	}
	// grouped by tier, then by code
	got = codes(d, Order(d.Rows, 0, 2))
	if got[0] != "ACC001" || got[1] != "ACC005" || got[2] != "ACC010" || got[3] != "ACC002" {
		t.Fatalf("by tier %v", got)
	}
}

func TestFilterAndGroup(t *testing.T) {
	d := sample(t)
	all := Order(d.Rows, 0, 0)
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
		if got := codes(d, Filter(d.Rows, all, q)); !same(got, want) {
			t.Errorf("filter %q: %v, want %v", q, got, want)
		}
	}
	lines := Group(d.Rows, Order(d.Rows, 0, 1), 1)
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
