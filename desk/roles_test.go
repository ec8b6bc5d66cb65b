package desk

import (
	"context"
	"errors"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"

	"github.com/shopspring/decimal"
)

// TestViewerWritesNothing (SPEC §12): every everyday write a viewer asks
// for is refused with "read-only: ask a lead", and nothing is stored; a
// collector's go through, and a write with no role (the host's command
// line) is a lead's.
func TestViewerWritesNothing(t *testing.T) {
	st := demoStore(t, 10)
	d := New(st, Options{AsOf: asOf})
	v, err := d.View()
	if err != nil {
		t.Fatal(err)
	}
	code := v.Sums[0].Facts.Account.Code
	it := v.Queue[0]
	// A mark to undo, made by the viewer's name, so that only the role stops the undo.
	if err := d.Done(store.WithAuthor(context.Background(), "vic"), v.Queue[1]); err != nil {
		t.Fatal(err)
	}
	vic := WithRole(store.WithAuthor(context.Background(), "vic"), Viewer)
	before, _ := st.Changes()
	writes := map[string]func() error{
		"call": func() error { _, err := d.LogCall(vic, code, domain.Call{Outcome: "reached"}); return err },
		"note": func() error { _, err := d.Note(vic, code, "note", "hello", 0); return err },
		"escalation": func() error {
			_, err := d.Escalate(vic, code, domain.Escalation{Category: "overdue", Severity: "low", To: "finance", Summary: "x"}, false)
			return err
		},
		"follow-up": func() error { _, err := d.FollowUp(vic, code, asOf+2, "ring", false); return err },
		"done":      func() error { return d.Done(vic, it) },
		"snooze":    func() error { return d.Snooze(vic, it, asOf+3) },
		"undo":      func() error { _, err := d.Undo(vic, v.Queue[1].Account, v.Queue[1].Key); return err },
		"undo last": func() error { _, err := d.UndoLast(vic); return err },
		"contact": func() error {
			_, err := d.AddContact(vic, code, domain.Contact{Name: "New Person", Phone: "+234 800 000 0000"})
			return err
		},
		"plan": func() error {
			_, err := d.Plan(vic, code, []domain.Instalment{{Due: asOf + 7, Amount: decimal.NewFromInt(1)}}, true, true)
			return err
		},
		"call with a new contact": func() error {
			_, err := d.LogCall(vic, code, domain.Call{Outcome: "reached", AddContact: &domain.Contact{Name: "Other Person", Phone: "+234 800 000 0001"}})
			return err
		},
	}
	for name, w := range writes {
		err := w()
		if !errors.Is(err, ErrNotPermitted) || !strings.Contains(err.Error(), "read-only: ask a lead") {
			t.Errorf("a viewer's %s: %v, want refused with read-only: ask a lead", name, err)
		}
	}
	if after, _ := st.Changes(); after != before {
		t.Errorf("refused writes stored something: changes %d → %d", before, after)
	}

	col := WithRole(store.WithAuthor(context.Background(), "cole"), Collector)
	if _, err := d.LogCall(col, code, domain.Call{Outcome: "reached"}); err != nil {
		t.Errorf("a collector's call: %v", err)
	}
	if _, err := d.LogCall(store.WithAuthor(context.Background(), "host"), code, domain.Call{Outcome: "reached"}); err != nil {
		t.Errorf("a call with no role (a lead's): %v", err)
	}
}
