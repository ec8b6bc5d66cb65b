package desk

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"acctdesk/domain"
)

// Resolving an escalation is a lead's (SPEC §12): a collector or a viewer
// is refused and nothing is stored. A lead's resolution is dated the
// business date, names its author and goes on the timeline; a second one,
// an unknown id, no resolution, or a business date before the escalation
// opened are refused, saying what is wrong.
func TestResolveEscalation(t *testing.T) {
	st := teamBook(t)
	d := New(st, Options{AsOf: asOf.AddDays(-3)}) // opened Thu 11-19
	esc, err := d.Escalate(ada, "OKAF01", domain.Escalation{Category: "overdue", Severity: "high", To: "finance", Summary: "chase"}, false)
	if err != nil {
		t.Fatal(err)
	}
	id := esc.Escalation.ID
	d = New(st, Options{AsOf: asOf}) // resolved Sun 11-22
	n, _ := st.Changes()
	for role, want := range map[Role]string{Collector: "resolving an escalation needs a lead", Viewer: "read-only: ask a lead"} {
		if _, err := d.ResolveEscalation(WithRole(bisi, role), "OKAF01", id, "paid"); !errors.Is(err, ErrNotPermitted) ||
			!strings.Contains(err.Error(), want) {
			t.Errorf("%s resolved: %v; want %q", role, err, want)
		}
	}
	if _, err := d.ResolveEscalation(bisi, "OKAF01", id+7, "paid"); err == nil ||
		err.Error() != "account OKAF01 has no escalation "+itoa(id+7)+" (its open escalations: "+itoa(id)+", opened 2026-11-19, overdue to finance)" {
		t.Errorf("an unknown id: %v", err)
	}
	if _, err := d.ResolveEscalation(bisi, "OKAF01", id, "  "); !hasField(err, "resolution") {
		t.Errorf("no resolution: %v", err)
	}
	early := New(st, Options{AsOf: asOf.AddDays(-4)}) // 11-18, the day before it opened
	if _, err := early.ResolveEscalation(bisi, "OKAF01", id, "paid"); !hasField(err, "resolved_on") {
		t.Errorf("resolved before it opened: %v", err)
	}
	if m, _ := st.Changes(); m != n {
		t.Errorf("refused resolutions moved the change counter %d → %d", n, m)
	}

	got, err := d.ResolveEscalation(bisi, "OKAF01", id, " paid in full on the 21st ")
	if err != nil {
		t.Fatal(err)
	}
	e := got.Escalation
	if e.Status != "resolved" || e.ResolvedOn != asOf || e.ResolvedBy != "bisi" || e.Resolution != "paid in full on the 21st" ||
		e.Stamp.By != "ada" || e.Opened != asOf.AddDays(-3) {
		t.Errorf("resolved %+v", e)
	}
	f, _ := d.Account("OKAF01")
	last := f.Activities[len(f.Activities)-1]
	if len(f.Escalations) != 1 || f.Escalations[0].ResolvedOn != asOf || last.Kind != domain.KindEscalationResolved ||
		last.On != asOf || last.Stamp.By != "bisi" || !strings.Contains(last.Text, "paid in full on the 21st") {
		t.Errorf("stored %+v, last entry %+v", f.Escalations, last)
	}
	if _, err := d.ResolveEscalation(bisi, "OKAF01", id, "again"); err == nil ||
		err.Error() != "escalation "+itoa(id)+" on OKAF01 is already resolved on 2026-11-22 by bisi" {
		t.Errorf("resolved twice: %v", err)
	}
	if _, err := d.ResolveEscalation(bisi, "OKAF01", id+7, "paid"); err == nil || !strings.Contains(err.Error(), "(it has no open escalation)") {
		t.Errorf("an unknown id, none open: %v", err)
	}
	// The changes since Sat 11-21 hold its resolution, dated Sun 11-22.
	x, _ := domain.FactsOf(f)
	set, _ := st.Settings()
	var kinds []string
	for _, c := range domain.ChangesOf(&x, asOf.AddDays(-1), asOf, set) {
		kinds = append(kinds, c.On.String()+" "+c.Kind)
	}
	if !strings.Contains(strings.Join(kinds, ","), "2026-11-22 escalation-resolved") {
		t.Errorf("changes since 11-21: %v", kinds)
	}
}

func itoa(n uint64) string { return strconv.FormatUint(n, 10) }

func hasField(err error, field string) bool {
	var ve domain.ValidationError
	if !errors.As(err, &ve) {
		return false
	}
	for _, f := range ve {
		if f.Field == field {
			return true
		}
	}
	return false
}
