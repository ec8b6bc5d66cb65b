package docs

import (
	"strings"
	"testing"

	"acctdesk/domain"
)

// TestQBREmptyAndEscaped: an account with nothing on file still gets every
// section, saying so; book text is escaped in md and html and safe in pdf.
func TestQBREmptyAndEscaped(t *testing.T) {
	q := QBRPack{From: "Delta Fuels Ltd", AsOf: domain.MustDate("2026-11-17"),
		Account: domain.Account{Code: "X1", Name: "A|<b>*x*\x1b[2J", Tier: 2, Status: "active", Terms: "cash", Currency: "NGN",
			ExpansionNotes: "[link](http://x)"},
		Statement: domain.Statement{Labels: domain.BucketLabels([]int{30}), Aging: domain.NewAging([]int{30})},
		DSO:       domain.DSO{PeriodDays: 90}}
	b, err := Bytes(QBR(q), "md")
	if err != nil {
		t.Fatal(err)
	}
	md := string(b)
	for _, w := range []string{
		"Nothing invoiced by product in the last 13 months.", "No service issues.", "| DSO (90 days) | no sales in the period |",
		"| Average days late (365 days) | nothing settled or overdue |", "| Promises to pay kept (12 months) | none due |",
		"No open invoices.", "No credit limit.", "No contract on file.", "No NPS score yet.", "No CSAT score yet.",
		"Buys (12 months): nothing in the 12 months", "Buys every product the book sells.", "No open objectives.", "## Agreed actions",
		`A\|\<b\>\*x\*\\x1b\[2J`, `Notes: \[link\](http://x)`,
	} {
		if !strings.Contains(md, w) {
			t.Errorf("the md has no %q", w)
		}
	}
	if strings.Contains(md, "\x1b") {
		t.Error("an escape reached the md")
	}
	h, err := Bytes(QBR(q), "html")
	if err != nil || strings.Contains(string(h), "<b>*x*") || !strings.Contains(string(h), "A|&lt;b&gt;*x*") {
		t.Errorf("html: %v\n%s", err, h)
	}
	if p, err := Bytes(QBR(q), "pdf"); err != nil || !strings.HasPrefix(string(p), "%PDF-") {
		t.Errorf("pdf: %v", err)
	}
}
