package storetest

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"
)

// testAssign: an assignment gives every account named the new owner in one
// write, each changed one with a stamped assignment entry on its timeline;
// facts and the change log follow; an account that already has the owner
// is left alone; the book passes its check after.
func testAssign(t *testing.T, s store.Store) {
	base(t, s)
	n := changes(t, s)
	// ACME is ada's; BETA and GAMMA have no owner. BETA is named twice.
	got, err := s.Assign(ctx, store.Assignment{Codes: []string{"ACME", "BETA", "BETA", "GAMMA"}, Owner: "tunde", On: d("2025-03-12")})
	if err != nil {
		t.Fatalf("Assign: %v", err)
	}
	if len(got) != 3 || got[0].Account != "ACME" || got[0].Was != "ada" || got[1].Account != "BETA" || got[1].Was != "" || got[2].Account != "GAMMA" {
		t.Fatalf("Assign = %+v; want ACME (was ada), BETA, GAMMA", got)
	}
	if m := changes(t, s); m != n+1 {
		t.Errorf("change counter %d after Assign, want %d (one write)", m, n+1)
	}
	ch, err := s.Changed(n)
	if err != nil {
		t.Fatal(err)
	}
	if ch.All || !slices.Equal(ch.Accounts, []string{"ACME", "BETA", "GAMMA"}) {
		t.Errorf("Changed after Assign = %+v; want ACME, BETA, GAMMA", ch)
	}
	for i, r := range got {
		f, err := s.LoadAccount(r.Account)
		if err != nil {
			t.Fatal(err)
		}
		if f.Account.Owner != "tunde" || f.Account.Stamp.By != "tester" || f.Account.Stamp.At.IsZero() {
			t.Errorf("%s: owner %q stamped %+v; want tunde, stamped by tester", r.Account, f.Account.Owner, f.Account.Stamp)
		}
		if len(f.Activities) != 1 {
			t.Fatalf("%s: timeline %+v; want the assignment", r.Account, f.Activities)
		}
		a := f.Activities[0]
		same(t, r.Account+" stored entry", a, r.Activity)
		want := "assigned to tunde (had no owner) by tester"
		if i == 0 {
			want = "assigned to tunde (was ada) by tester"
		}
		if a.Kind != domain.KindAssignment || a.On != d("2025-03-12") || a.Text != want || a.Stamp.By != "tester" || a.ID == 0 {
			t.Errorf("%s: entry %+v; want an assignment of 2025-03-12, %q, by tester", r.Account, a, want)
		}
		// Only the assignment changed: the rest of the account is as it was.
		want0 := accounts()[i]
		have := f.Account
		have.Owner, have.Stamp = want0.Owner, domain.Stamp{}
		if i == 1 || i == 2 { // defaults the store filled at first
			want0 = have
		}
		same(t, r.Account+" account", have, want0)
	}
	p, err := s.FactsOf([]string{"ACME", "BETA", "GAMMA"})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range p.Facts {
		if x.Account.Owner != "tunde" {
			t.Errorf("facts of %s say owner %q; want tunde", x.Account.Code, x.Account.Owner)
		}
		if len(x.Touches) != 1 || x.Touches[0].KindName() != domain.KindAssignment || x.Touches[0].IsContact() {
			t.Errorf("facts of %s: touches %+v; want one assignment, not contact", x.Account.Code, x.Touches)
		}
		if !x.LastContact(d("2025-12-31")).IsZero() {
			t.Errorf("facts of %s: an assignment counts as contact", x.Account.Code)
		}
	}
	if err := s.Check(); err != nil {
		t.Errorf("Check after Assign: %v", err)
	}

	// Again: every account already has the owner; nothing is written.
	n = changes(t, s)
	again, err := s.Assign(ctx, store.Assignment{Codes: []string{"ACME"}, Owner: "tunde", On: d("2025-03-12")})
	if err != nil || len(again) != 0 {
		t.Errorf("Assign to the owner an account has = %+v, %v; want nothing done", again, err)
	}
	if m := changes(t, s); m != n {
		t.Errorf("an idle assignment moved the change counter %d → %d", n, m)
	}
}

// testAssignRefused: an unknown account, an owner that is not a name, no
// author: nothing is stored, not even for the good accounts named.
func testAssignRefused(t *testing.T, s store.Store) {
	base(t, s)
	unchanged(t, s, func() {
		_, err := s.Assign(ctx, store.Assignment{Codes: []string{"ACME", "NOPE", "BETA"}, Owner: "tunde", On: d("2025-03-12")})
		if !errors.Is(err, store.ErrNotFound) || !strings.Contains(err.Error(), "NOPE") {
			t.Errorf("Assign with an unknown account = %v; want ErrNotFound naming NOPE", err)
		}
	})
	for _, owner := range []string{"", " tunde", "tu\x1bnde", "tu\u202ende"} {
		unchanged(t, s, func() {
			_, err := s.Assign(ctx, store.Assignment{Codes: []string{"ACME"}, Owner: owner, On: d("2025-03-12")})
			var ve domain.ValidationError
			if !errors.As(err, &ve) || ve[0].Field != "owner" {
				t.Errorf("Assign to %q = %v; want the owner refused", owner, err)
			}
		})
	}
	unchanged(t, s, func() {
		if _, err := s.Assign(ctx, store.Assignment{Owner: "tunde", On: d("2025-03-12")}); err == nil {
			t.Error("Assign of no account: no error")
		}
	})
	unchanged(t, s, func() {
		noAuthor := store.WithAuthor(ctx, "")
		if _, err := s.Assign(noAuthor, store.Assignment{Codes: []string{"ACME"}, Owner: "tunde", On: d("2025-03-12")}); !errors.Is(err, store.ErrNoAuthor) {
			t.Errorf("Assign without an author = %v; want ErrNoAuthor", err)
		}
	})
	if err := s.Check(); err != nil {
		t.Errorf("Check after refused assignments: %v", err)
	}
}
