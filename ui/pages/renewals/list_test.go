package renewals

import (
	"strings"
	"testing"

	"acctdesk/domain"
)

func row(code, id string, days int, status string, due bool, cur domain.Currency, rev float64, util float64, hasUtil bool, issues int) *Row {
	return &Row{Code: code, Owner: "ada", Contract: id, K: domain.Contract{ID: id}, Status: status, Due: due, Cur: cur,
		revenue: rev, u: util, hasUtil: hasUtil, Issues: issues, horizon: 90,
		st: domain.ContractState{Status: status, DaysLeft: days, NoticeBy: domain.Date(1000 + days)}}
}

func order(rows []*Row, sort, group int) string {
	var out []string
	for _, i := range Order(rows, sort, group) {
		out = append(out, rows[i].Contract)
	}
	return strings.Join(out, " ")
}

func TestOrder(t *testing.T) {
	rows := []*Row{
		row("B", "B1", 30, "active", true, "NGN", 5e6, 50, true, 0),
		row("A", "A1", 120, "active", false, "NGN", 9e6, 0, false, 2),
		row("C", "C1", -5, "lapsed", false, "USD", 1e3, 120, true, 1),
		row("A", "A0", 10, "active", true, "NGN", 9e6, 0, false, 2),
		row("D", "D1", -400, "renewed", false, "NGN", 1e6, 10, true, 0),
	}
	for _, c := range []struct {
		name        string
		sort, group int
		want        string
	}{
		// By state: due (A0 10 days, B1 30), lapsed, active, renewed.
		{"days left by state", 0, 0, "A0 B1 C1 A1 D1"},
		{"days left, no groups", 0, 2, "D1 C1 A0 B1 A1"},
		// Revenue within a currency (NGN before USD), highest first; ties by days left.
		{"revenue", 3, 2, "A0 A1 B1 D1 C1"},
		// Utilisation highest first, the accounts without a limit last.
		{"utilisation", 4, 2, "C1 B1 D1 A0 A1"},
		{"open issues", 5, 2, "A0 A1 C1 D1 B1"},
		{"account", 2, 2, "A0 A1 B1 C1 D1"},
	} {
		if got := order(rows, c.sort, c.group); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
	lines := Group(rows, Order(rows, 0, 1), 1)
	if lines[0].Heading != "Owner: ada · 5 contracts, 2 due" || len(lines) != 6 {
		t.Errorf("by owner: %+v", lines)
	}
	lines = Group(rows, Order(rows, 0, 0), 0)
	var heads []string
	for _, l := range lines {
		if l.Row < 0 {
			heads = append(heads, l.Heading)
		}
	}
	if got := strings.Join(heads, " | "); got != "Due for renewal within 90 days · 2 contracts | Lapsed without a renewal · 1 contract | Active · 1 contract | Renewed · 1 contract" {
		t.Errorf("headings %s", got)
	}
}

func TestEnds(t *testing.T) {
	for _, c := range [][2]string{
		{"CTR-LEKK01-1-R1", "CTR-…01-1-R1"}, // 4 + … + 7 = 12
		{"CTR-LEKK01-1", "CTR-LEKK01-1"},    // fits
		{"K-2024-01", "K-2024-01"},
	} {
		if got := Ends(c[0], 12); got != c[1] {
			t.Errorf("%s: %s, want %s", c[0], got, c[1])
		}
	}
}
