package storetest

import (
	"testing"

	"acctdesk/domain"
	"acctdesk/store"
)

// testResolveEscalation: an open escalation written again resolved (its id
// given), with its timeline entry, in one batch — the way
// desk.ResolveEscalation writes it: read back with its resolved date and
// resolution, in the file and in the facts, the entry of kind
// escalation-resolved; a resolution dated before the escalation opened, an
// open one with a resolution and an unknown id are refused and change
// nothing.
func testResolveEscalation(t *testing.T, s store.Store) {
	base(t, s)
	opener := store.WithAuthor(ctx, "opener")
	opened, err := s.OpenEscalation(opener, domain.Escalation{Account: "ACME", Opened: d("2025-03-12"), Category: "overdue",
		Severity: "high", To: "finance", Summary: "INV-002 unpaid", Due: d("2025-03-14")}, domain.Activity{})
	if err != nil {
		t.Fatalf("OpenEscalation: %v", err)
	}
	if !opened.ResolvedOn.IsZero() || opened.Resolution != "" {
		t.Errorf("a new escalation %+v; want no resolution", opened)
	}
	resolve := func(on string, status, resolution string) *store.Batch {
		x := opened
		x.Status, x.Resolution, x.ResolvedBy, x.ResolvedOn = status, resolution, "lead", d(on)
		return &store.Batch{On: d(on), Escalations: []store.Rec[domain.Escalation]{{Line: 2, V: x}},
			Activities: []store.ActivityEntry{{Activity: x.ResolvedEntry()}}}
	}
	unchanged(t, s, func() {
		// Opened 03-12, resolved 03-11: a day before.
		wantRow(t, rowErrors(t, s, resolve("2025-03-11", "resolved", "paid")), 2, "resolved_on", "before the escalation was opened on 2025-03-12")
		wantRow(t, rowErrors(t, s, resolve("2025-03-20", "open", "paid")), 2, "resolution", "an open escalation has no resolution")
		b := resolve("2025-03-20", "resolved", "paid")
		b.Escalations[0].V.ID = opened.ID + 100
		wantRow(t, rowErrors(t, s, b), 2, "id", "not found on account ACME")
	})
	res := apply(t, s, resolve("2025-03-20", "resolved", "paid in full on the 19th"))
	if c := res.ByKind[store.KindEscalations]; c != (store.Counts{Updated: 1}) {
		t.Errorf("resolving counted %+v; want 1 updated", c)
	}
	want := opened
	want.Status, want.Resolution, want.ResolvedBy, want.ResolvedOn = "resolved", "paid in full on the 19th", "lead", d("2025-03-20")
	f := loadFile(t, s, "ACME")
	if len(f.Escalations) != 1 {
		t.Fatalf("escalations %+v; want the one", f.Escalations)
	}
	got := f.Escalations[0]
	// The escalation keeps its opener's stamp (a complete stamp given is
	// kept); the resolution's entry is stamped with its author.
	same(t, "resolved escalation", got, want)
	if got.Stamp.By != "opener" || f.Activities[len(f.Activities)-1].Stamp.By != "tester" {
		t.Errorf("escalation stamped by %q, its resolution's entry by %q; want opener, tester", got.Stamp.By, f.Activities[len(f.Activities)-1].Stamp.By)
	}
	if n := len(f.Activities); n != 2 || f.Activities[1].Kind != domain.KindEscalationResolved || f.Activities[1].On != d("2025-03-20") {
		t.Errorf("timeline %+v; want the escalation's entry, then its resolution's on 2025-03-20", f.Activities)
	}
	p, err := s.FactsOf([]string{"ACME"})
	if err != nil || len(p.Facts) != 1 || len(p.Facts[0].Escalations) != 1 {
		t.Fatalf("FactsOf: %+v, %v", p, err)
	}
	if e := p.Facts[0].Escalations[0]; e.ResolvedOn != d("2025-03-20") || e.IsOpen() || e.Resolution != want.Resolution {
		t.Errorf("facts hold %+v; want it resolved on 2025-03-20", e)
	}
	var kinds []string
	for _, tc := range p.Facts[0].Touches {
		kinds = append(kinds, tc.KindName())
	}
	if len(kinds) != 2 || kinds[1] != domain.KindEscalationResolved {
		t.Errorf("touches %v; want escalation, escalation-resolved", kinds)
	}
}
