package desk

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/memstore"
)

// teamBook is four accounts: OKAF01 and KANO01 ada's, ZARI01 tunde's, LAGO01
// nobody's; the lead is "bisi".
func teamBook(t *testing.T) *memstore.Store {
	t.Helper()
	st := memstore.New()
	acct := func(code, owner string) store.Rec[domain.Account] {
		return store.Rec[domain.Account]{V: domain.Account{Code: code, Name: code + " Ltd", Tier: 2, Owner: owner,
			Status: "active", Currency: "NGN", Terms: "term", TermsDays: 30}}
	}
	if _, err := st.Apply(ada, &store.Batch{Accounts: []store.Rec[domain.Account]{
		acct("OKAF01", "ada"), acct("KANO01", "ada"), acct("ZARI01", "tunde"), acct("LAGO01", ""),
	}}); err != nil {
		t.Fatal(err)
	}
	return st
}

var bisi = store.WithAuthor(ada, "bisi")

// A lead assigns accounts (SPEC §12, issue 11 item 4): each one changed is
// the new owner's, with a stamped entry on its timeline; one already the
// owner's is left alone; the view, refreshed from the change log, follows.
func TestLeadAssigns(t *testing.T) {
	st := teamBook(t)
	d := New(st, Options{AsOf: asOf})
	if _, err := d.View(); err != nil {
		t.Fatal(err)
	}
	// No role in the context: a command on the host, a lead.
	got, err := d.Assign(bisi, []string{"OKAF01", "LAGO01", "ZARI01"}, "tunde")
	if err != nil {
		t.Fatalf("Assign: %v", err)
	}
	if got.To != "tunde" || !slices.Equal(got.Codes(), []string{"OKAF01", "LAGO01"}) || !slices.Equal(got.Already, []string{"ZARI01"}) || got.New {
		t.Fatalf("Assign = %+v; want OKAF01 and LAGO01 changed, ZARI01 already tunde's", got)
	}
	if got.Changed[0].Was != "ada" || got.Changed[1].Was != "" {
		t.Errorf("was: %+v", got.Changed)
	}
	for code, want := range map[string]string{
		"OKAF01": "assigned to tunde (was ada) by bisi",
		"LAGO01": "assigned to tunde (had no owner) by bisi",
	} {
		f, err := d.Account(code)
		if err != nil {
			t.Fatal(err)
		}
		if f.Account.Owner != "tunde" {
			t.Errorf("%s owner %q", code, f.Account.Owner)
		}
		if len(f.Activities) != 1 || f.Activities[0].Kind != domain.KindAssignment || f.Activities[0].Text != want ||
			f.Activities[0].Stamp.By != "bisi" || f.Activities[0].On != asOf {
			t.Errorf("%s timeline %+v; want %q by bisi on %s", code, f.Activities, want, asOf)
		}
	}
	if f, _ := d.Account("ZARI01"); len(f.Activities) != 0 {
		t.Errorf("ZARI01, already tunde's, got %+v", f.Activities)
	}
	v, err := d.Refresh()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(v.Touched, []string{"LAGO01", "OKAF01"}) {
		t.Errorf("view refreshed %v; want only LAGO01 and OKAF01", v.Touched)
	}
	var tundes []string
	for i := range v.Sums {
		if v.Sums[i].Facts.Account.Owner == "tunde" {
			tundes = append(tundes, v.Sums[i].Facts.Account.Code)
		}
	}
	if !slices.Equal(tundes, []string{"LAGO01", "OKAF01", "ZARI01"}) {
		t.Errorf("tunde's accounts in the view: %v", tundes)
	}
	if v.Owner("Tunde") != "tunde" {
		t.Errorf("view owner of Tunde = %q", v.Owner("Tunde"))
	}
}

// One user, one spelling: assigned to "TUNDE", the accounts are the book's
// tunde's; a name no account has yet is a new owner, said so.
func TestAssignKeepsTheBooksSpelling(t *testing.T) {
	st := teamBook(t)
	d := New(st, Options{AsOf: asOf})
	got, err := d.Assign(WithRole(bisi, Lead), []string{"KANO01"}, "TUNDE")
	if err != nil || got.To != "tunde" || got.New {
		t.Fatalf("Assign to TUNDE = %+v, %v; want tunde", got, err)
	}
	if f, _ := d.Account("KANO01"); f.Account.Owner != "tunde" {
		t.Errorf("KANO01 owner %q", f.Account.Owner)
	}
	got, err = d.Assign(bisi, []string{"KANO01"}, "kemi")
	if err != nil || got.To != "kemi" || !got.New {
		t.Fatalf("Assign to kemi = %+v, %v; want a new owner", got, err)
	}
}

// Only a lead assigns: a collector or a viewer is refused, saying why, and
// nothing is stored.
func TestAssignNeedsALead(t *testing.T) {
	st := teamBook(t)
	d := New(st, Options{AsOf: asOf})
	n, _ := st.Changes()
	for role, want := range map[Role]string{
		Collector: "assigning accounts needs a lead",
		Viewer:    "read-only: ask a lead",
	} {
		_, err := d.Assign(WithRole(bisi, role), []string{"OKAF01"}, "tunde")
		if !errors.Is(err, ErrNotPermitted) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: Assign = %v; want refused: %q", role, err, want)
		}
	}
	if m, _ := st.Changes(); m != n {
		t.Errorf("refused assignments moved the change counter %d → %d", n, m)
	}
	if f, _ := d.Account("OKAF01"); f.Account.Owner != "ada" || len(f.Activities) != 0 {
		t.Errorf("OKAF01 after refused assignments: owner %q, timeline %+v", f.Account.Owner, f.Activities)
	}
}

// All or nothing: an unknown code refuses the whole assignment, a name that
// is not a user's too; nothing is stored.
func TestAssignAllOrNothing(t *testing.T) {
	st := teamBook(t)
	d := New(st, Options{AsOf: asOf})
	n, _ := st.Changes()
	if _, err := d.Assign(bisi, []string{"OKAF01", "NOPE99", "KANO01"}, "tunde"); !errors.Is(err, store.ErrNotFound) || !strings.Contains(err.Error(), "NOPE99") {
		t.Errorf("Assign with NOPE99 = %v; want not found", err)
	}
	for _, name := range []string{"", " tunde", "tun\x1b[2Jde", "tun\u200bde"} {
		_, err := d.Assign(bisi, []string{"OKAF01"}, name)
		var ve domain.ValidationError
		if !errors.As(err, &ve) || ve[0].Field != "owner" {
			t.Errorf("Assign to %q = %v; want the name refused", name, err)
		}
	}
	if m, _ := st.Changes(); m != n {
		t.Errorf("refused assignments moved the change counter %d → %d", n, m)
	}
	for _, code := range []string{"OKAF01", "KANO01"} {
		if f, _ := d.Account(code); f.Account.Owner != "ada" || len(f.Activities) != 0 {
			t.Errorf("%s after a refused assignment: owner %q, timeline %+v", code, f.Account.Owner, f.Activities)
		}
	}
}
