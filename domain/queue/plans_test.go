package queue

import (
	"strings"
	"testing"

	"acctdesk/domain"
)

// TestPlanMissed: plan-missed is raised for an instalment of the open plan
// past its date + the promise grace (3 days) and not paid in full, with the
// money still unpaid at stake; never for a plan a new one replaced.
func TestPlanMissed(t *testing.T) {
	ins := func(due string, amount string) domain.Instalment {
		return domain.Instalment{Due: domain.MustDate(due), Amount: dec(amount)}
	}
	cases := []struct {
		name  string
		plans []domain.PaymentPlan
		pays  []domain.Payment
		want  []string // the items' sentences
	}{
		// Due 11-15, grace to 11-18 = as-of: still pending, no item.
		{"within grace", []domain.PaymentPlan{{ID: 1, Account: "A", Agreed: domain.MustDate("2026-11-01"), Instalments: []domain.Instalment{ins("2026-11-15", "1000")}}},
			nil, nil},
		// Due 11-14, grace to 11-17 < 11-18: missed, 400 of 1,000 paid, 600 unpaid.
		{"missed, partly paid", []domain.PaymentPlan{{ID: 1, Account: "A", Agreed: domain.MustDate("2026-11-01"), Instalments: []domain.Instalment{ins("2026-11-14", "1000")}}},
			[]domain.Payment{{Account: "A", Reference: "P1", Received: domain.MustDate("2026-11-10"), Amount: dec("400"), Currency: "NGN"}},
			[]string{"plan instalment 1 of 1, ₦1,000.00 due 14 Nov, ₦600.00 unpaid"}},
		// Missed, then paid in full on 11-18: missed still, but nothing unpaid: no item.
		{"missed, paid since", []domain.PaymentPlan{{ID: 1, Account: "A", Agreed: domain.MustDate("2026-11-01"), Instalments: []domain.Instalment{ins("2026-11-14", "1000")}}},
			[]domain.Payment{{Account: "A", Reference: "P1", Received: domain.MustDate("2026-11-18"), Amount: dec("1000"), Currency: "NGN"}},
			nil},
		// Plan 1 (missed instalment due 11-01) was replaced on 11-10 by plan 2,
		// not yet due: only plan 2 counts, so no item.
		{"replaced", []domain.PaymentPlan{
			{ID: 1, Account: "A", Agreed: domain.MustDate("2026-10-01"), Closed: domain.MustDate("2026-11-10"), Instalments: []domain.Instalment{ins("2026-11-01", "1000")}},
			{ID: 2, Account: "A", Agreed: domain.MustDate("2026-11-10"), Instalments: []domain.Instalment{ins("2026-12-01", "1000")}}},
			nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := acct("A", 2)
			f.Invoices = []domain.Invoice{invoice("A", "I1", 40, "5000")}
			f.Plans, f.Payments = c.plans, c.pays
			var got []string
			for _, it := range build(f) {
				if it.Reason == PlanMissed {
					got = append(got, it.Detail)
					if !it.Stake.Amount.Equal(dec("600")) && c.name == "missed, partly paid" {
						t.Errorf("stake %s, want the 600 unpaid (1,000 − 400)", it.Stake)
					}
				}
			}
			if len(got) != len(c.want) {
				t.Fatalf("plan-missed items %q, want %q", got, c.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], c.want[i]) {
					t.Errorf("item %q, want %q", got[i], c.want[i])
				}
			}
		})
	}
}
