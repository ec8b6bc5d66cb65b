package storetest

import (
	"testing"

	"acctdesk/domain"
	"acctdesk/store"
)

// testReplacePlan: a plan replacing an open one is written with the old
// one closed and its timeline entry, in one batch; both plans stay (the
// old one closed on the day of the new), in the file and the facts; a batch
// whose new plan is refused leaves the old one open; a plan closed before
// it was agreed is refused.
func testReplacePlan(t *testing.T, s store.Store) {
	base(t, s)
	first := domain.PaymentPlan{Account: "ACME", Agreed: d("2025-03-01"),
		Instalments: []domain.Instalment{{Due: d("2025-03-15"), Amount: dec("500000")}, {Due: d("2025-04-15"), Amount: dec("500000")}}}
	apply(t, s, &store.Batch{Plans: []store.Rec[domain.PaymentPlan]{{V: first}}})
	f := file(t, load(t, s), "ACME")
	if len(f.Plans) != 1 || f.Plans[0].ID == 0 || !f.Plans[0].Closed.IsZero() {
		t.Fatalf("first plan: %+v", f.Plans)
	}
	old := f.Plans[0]

	// Refused as a whole: the new plan has no instalment, so the old one
	// is not closed either.
	shut := old
	shut.Closed = d("2025-03-20")
	unchanged(t, s, func() {
		rows := rowErrors(t, s, &store.Batch{Plans: []store.Rec[domain.PaymentPlan]{
			{Line: 1, V: domain.PaymentPlan{Account: "ACME", Agreed: d("2025-03-20")}}, {Line: 2, V: shut}}})
		wantRow(t, rows, 1, "instalments", "at least one instalment")
		early := old
		early.Closed = d("2025-02-28")
		rows = rowErrors(t, s, &store.Batch{Plans: []store.Rec[domain.PaymentPlan]{{Line: 3, V: early}}})
		wantRow(t, rows, 3, "closed", "on or after the day it was agreed")
	})

	next := domain.PaymentPlan{Account: "ACME", Agreed: d("2025-03-20"),
		Instalments: []domain.Instalment{{Due: d("2025-04-01"), Amount: dec("250000")}, {Due: d("2025-05-01"), Amount: dec("750000")}}}
	note := domain.Activity{Account: "ACME", On: d("2025-03-20"), Kind: domain.KindPlan, Text: "Payment plan", Recap: "Dear Ada,\n\n2 instalments."}
	res := apply(t, s, &store.Batch{Plans: []store.Rec[domain.PaymentPlan]{{V: next}, {V: shut}},
		Activities: []store.ActivityEntry{{Activity: note}}})
	if c := res.ByKind[store.KindPlans]; c.Added != 1 || c.Updated != 1 {
		t.Errorf("plans counted %+v; want 1 added, 1 updated", c)
	}
	f = file(t, load(t, s), "ACME")
	if len(f.Plans) != 2 {
		t.Fatalf("plans after the replacement: %+v", f.Plans)
	}
	var closed, open []domain.PaymentPlan
	for _, p := range f.Plans {
		if p.Closed.IsZero() {
			open = append(open, p)
		} else {
			closed = append(closed, p)
		}
	}
	if len(closed) != 1 || closed[0].ID != old.ID || closed[0].Closed != d("2025-03-20") || len(closed[0].Instalments) != 2 ||
		!closed[0].Instalments[1].Amount.Equal(dec("500000")) {
		t.Errorf("the old plan is not kept closed: %+v", closed)
	}
	if len(open) != 1 || open[0].ID == old.ID || open[0].Agreed != d("2025-03-20") || !open[0].Instalments[1].Amount.Equal(dec("750000")) {
		t.Errorf("the new plan: %+v", open)
	}
	if got := domain.OpenPlan(f.Plans, d("2025-03-25")); got == nil || got.ID != open[0].ID {
		t.Errorf("open plan as of 03-25: %+v", got)
	}
	if got := domain.OpenPlan(f.Plans, d("2025-03-10")); got == nil || got.ID != old.ID {
		t.Errorf("open plan as of 03-10 (before the replacement): %+v", got)
	}
	if len(f.Activities) != 1 || f.Activities[0].Kind != domain.KindPlan || f.Activities[0].Recap != note.Recap {
		t.Errorf("timeline entry: %+v", f.Activities)
	}
	page, err := s.FactsOf([]string{"ACME"})
	if err != nil || len(page.Facts) != 1 {
		t.Fatalf("FactsOf: %v, %v", page, err)
	}
	same(t, "facts' plans", page.Facts[0].Plans, f.Plans)
	if err := s.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
}
