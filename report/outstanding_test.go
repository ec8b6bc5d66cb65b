package report

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"acctdesk/domain"

	"github.com/shopspring/decimal"
)

// TestOwedSweepIsApply: on random ledgers — explicit applications to
// invoices issued before and after the credit, over-payments, invoices
// issued after their due date's neighbours, credit notes and payments —
// the sweep says for every invoice and every day exactly what
// Ledger.Apply says.
func TestOwedSweepIsApply(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 15))
	base := domain.MustDate("2026-01-01")
	for round := 0; round < 300; round++ {
		var invs []domain.Invoice
		var pays []domain.Payment
		var cns []domain.CreditNote
		n := r.IntN(12)
		for i := 0; i < n; i++ {
			issued := base.AddDays(r.IntN(90))
			invs = append(invs, domain.Invoice{Number: fmt.Sprintf("I%02d", i), Issued: issued, Due: issued.AddDays(r.IntN(45)),
				Amount: decimal.NewFromInt(int64(r.IntN(5)) * 100)})
		}
		for i := 0; i < r.IntN(10); i++ {
			p := domain.Payment{Reference: fmt.Sprintf("P%02d", i), Received: base.AddDays(r.IntN(120)), Amount: decimal.NewFromInt(int64(1+r.IntN(6)) * 50)}
			if n > 0 && r.IntN(2) == 0 {
				p.Invoice = invs[r.IntN(n)].Number
			}
			pays = append(pays, p)
		}
		for i := 0; i < r.IntN(4); i++ {
			c := domain.CreditNote{Number: fmt.Sprintf("C%02d", i), Date: base.AddDays(r.IntN(120)), Amount: decimal.NewFromInt(int64(1+r.IntN(4)) * 25), Reason: "discount"}
			if n > 0 && r.IntN(2) == 0 {
				c.Invoice = invs[r.IntN(n)].Number
			}
			cns = append(cns, c)
		}
		l, _, err := domain.LedgerOf(invs, pays, cns)
		if err != nil {
			t.Fatal(err)
		}
		s, ok := newOwedSweep(&l)
		if !ok {
			t.Fatal("no sweep over positive amounts")
		}
		if n > 0 {
			// The collections report's questions, by week: the sweep and
			// Apply answer them alike.
			var rows []collRow
			for k := range l.Invoices {
				iv := intervalOf(ByWeek, l.Invoices[k].Due)
				if len(rows) == 0 || rows[len(rows)-1].iv != iv {
					rows = append(rows, collRow{iv: iv, lo: k})
				}
				rows[len(rows)-1].hi = k + 1
			}
			s2, _ := newOwedSweep(&l)
			swept, applied := owedBy(&l, rows, s2, true), owedBy(&l, rows, nil, false)
			if !slices.Equal(swept.onTime, applied.onTime) || !slices.Equal(swept.byEnd, applied.byEnd) {
				t.Fatalf("round %d: swept %+v, applied %+v", round, swept, applied)
			}
		}
		for d := base.AddDays(-1); d <= base.AddDays(130); d++ {
			s.to(d)
			want := l.Apply(d, nil).Owed
			got := make([]int64, len(want))
			for k := range got {
				got[k] = s.owed(k)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("round %d, as of %s: sweep %v, Apply %v\ninvoices %+v\npayments %+v\ncredit notes %+v", round, d, got, want, invs, pays, cns)
			}
		}
	}
}
