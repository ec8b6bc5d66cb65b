package storetest

import (
	"errors"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"
)

// testGuard: a guarded batch (Guard, Since) is written when its accounts
// were not written after Since, and refused whole with ErrConflict —
// writing nothing — when one was: the read-modify-write of two processes
// at once loses neither's work. A write to another account does not
// refuse it.
func testGuard(t *testing.T, s store.Store) {
	base(t, s)
	since, err := s.Changes()
	if err != nil {
		t.Fatal(err)
	}
	note := func(code, text string) *store.Batch {
		return &store.Batch{Activities: []store.ActivityEntry{{Activity: domain.Activity{Account: code, On: d("2025-02-01"), Kind: "note", Text: text}}}}
	}
	// Another account written meanwhile: ACME's guard holds.
	apply(t, s, note("BETA", "meanwhile on BETA"))
	b := note("ACME", "first")
	b.Guard, b.Since = []string{"ACME"}, since
	apply(t, s, b)
	// ACME was written after since (by the batch above): refused, nothing written.
	unchanged(t, s, func() {
		b := note("ACME", "second, from a stale read")
		b.Guard, b.Since = []string{"ACME"}, since
		if _, err := s.Apply(ctx, b); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("a stale guarded batch: %v, want ErrConflict", err)
		}
	})
	// Read again: written.
	now, err := s.Changes()
	if err != nil {
		t.Fatal(err)
	}
	b = note("ACME", "second, read again")
	b.Guard, b.Since = []string{"ACME"}, now
	apply(t, s, b)
	f := file(t, load(t, s), "ACME")
	var texts []string
	for _, a := range f.Activities {
		if a.Kind == "note" {
			texts = append(texts, a.Text)
		}
	}
	if len(texts) != 2 || texts[0] != "first" || texts[1] != "second, read again" {
		t.Fatalf("ACME's notes: %q", texts)
	}
}
