package form

import (
	"context"
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/memstore"
	"acctdesk/ui/internal/sample"
)

// The account manager's forms (E, C, O, v) over the sample book's ACC001.

// acc001 is the sample book's ACC001 file.
func acc001(t *testing.T) *domain.AccountFile {
	t.Helper()
	f, err := sample.Store().LoadAccount("ACC001")
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// saveOn writes a submission through a desk over the sample book, as the
// workstation does, and returns the account's file after it.
func saveOn(t *testing.T, sub *Submission) (*domain.AccountFile, error) {
	t.Helper()
	return saveIn(t, sample.Store(), sub)
}

// saveIn is saveOn on a store the test keeps.
func saveIn(t *testing.T, st *memstore.Store, sub *Submission) (*domain.AccountFile, error) {
	t.Helper()
	d := desk.New(st, desk.Options{AsOf: tue})
	if _, err := sub.Save(store.WithAuthor(context.Background(), "ada"), d); err != nil {
		return nil, err
	}
	f, err := st.LoadAccount("ACC001")
	if err != nil {
		t.Fatal(err)
	}
	return f, nil
}

// entryOf is the newest timeline entry of a kind.
func entryOf(f *domain.AccountFile, kind string) string {
	var text string
	var id uint64
	for _, a := range f.Activities {
		if a.Kind == kind && a.ID >= id {
			text, id = a.Text, a.ID
		}
	}
	return text
}

func ctrl(m *Model, k tea.KeyType) { m.Key(tea.KeyMsg{Type: k}) }

// E: the fields open with the account's values; ↑/↓ cycles through a
// field's words; what changed is written with its entry.
func TestAccountEditForm(t *testing.T) {
	f := acc001(t)
	m := NewAccountEdit(cm(), target(), f.Account, []string{"Ada Obi", "bola", "chidi"})
	v := m.View()
	for _, want := range []string{"Edit the account · ACC001", "[Ada Obi", "[haulage", "[active", "[AGO, PMS, Rescue"} {
		if !strings.Contains(v, want) {
			t.Fatalf("the form does not show %q:\n%s", want, v)
		}
	}
	if m.Dirty() {
		t.Fatal("a form that only opened is dirty")
	}
	typeKeys(m, "down") // the owner: the next user, bola
	typeKeys(m, "tab", "backspace", "2", "tab", "tab", "down", "down")
	if v := m.View(); !strings.Contains(v, "[churned") || !strings.Contains(v, "→ today: a new status") {
		t.Fatalf("status churned dated today:\n%s", v)
	}
	// Expansion notes: past the notes.
	typeKeys(m, "tab", "tab", "tab", "tab", "tab", "tab", "wants Fleet cards") // since, terms, days, products, notes, expansion
	out := typeKeys(m, "enter")
	if out.Submit == nil {
		t.Fatalf("not submitted:\n%s", m.View())
	}
	if out.Submit.Kind != Custom || out.Submit.Noun != "account edit" || out.Submit.What != "changed owner, tier, status, expansion" {
		t.Fatalf("submission %+v", out.Submit)
	}
	got, err := saveOn(t, out.Submit)
	if err != nil {
		t.Fatal(err)
	}
	a := got.Account
	if a.Owner != "bola" || a.Tier != 2 || a.Status != "churned" || a.StatusSince != tue || a.ExpansionNotes != "wants Fleet cards" {
		t.Fatalf("account %+v", a)
	}
	if want := "edited: owner: Ada Obi → bola; tier: 1 → 2; status: active → churned; status since: (none) → 2026-11-17; expansion notes: (none) → wants Fleet cards"; entryOf(got, domain.KindAccountEdit) != want {
		t.Fatalf("entry %q", entryOf(got, domain.KindAccountEdit))
	}
}

// E with bad values: each field says what is wrong, and nothing is
// submitted; saved unchanged, the desk says nothing changed.
func TestAccountEditFormRefuses(t *testing.T) {
	f := acc001(t)
	m := NewAccountEdit(cm(), target(), f.Account, nil)
	typeKeys(m, "tab", "backspace", "7", "tab", "tab", "down") // tier 7, status on-hold
	ctrl(m, tea.KeyCtrlU)
	typeKeys(m, "closed", "tab", "someday", "enter")
	if out := typeKeys(m, "enter"); out.Submit != nil {
		t.Fatal("submitted with a bad tier")
	}
	v := m.View()
	for _, want := range []string{"! a tier is 1, 2 or 3", "! one of onboarding, active, on-hold, churned", "! \"someday\": use 2026-12-01"} {
		if !strings.Contains(v, want) {
			t.Fatalf("no %q:\n%s", want, v)
		}
	}
	// Opened and saved as it is: the desk refuses, nothing is written.
	m = NewAccountEdit(cm(), target(), f.Account, nil)
	out := typeKeys(m, "enter")
	if out.Submit == nil || out.Submit.What != "nothing changed" {
		t.Fatalf("submission %+v", out.Submit)
	}
	if _, err := saveOn(t, out.Submit); !errors.Is(err, desk.ErrNothingChanged) {
		t.Fatalf("an unchanged edit: %v", err)
	}
	m.Failed(desk.ErrNothingChanged)
	if !strings.Contains(m.View(), "Not saved: nothing changed") {
		t.Fatalf("the form does not say nothing changed:\n%s", m.View())
	}
}

// C: 2 picks Ngozi, whose fields fill in; the phone changed is written;
// n adds a contact; 1 r removes Tunde.
func TestContactsForm(t *testing.T) {
	f := acc001(t)
	m := NewContacts(cm(), target(), f.Contacts)
	v := m.View()
	if !strings.Contains(v, " 1  Tunde Bakare · procurement · +234 803 555 0101") || !strings.Contains(v, " 2  Ngozi Eze · finance, primary · +234 803 555 0102 · ngozi@dangote-haulage.ng") {
		t.Fatalf("the list:\n%s", v)
	}
	if out := typeKeys(m, "enter"); out.Submit != nil || !strings.Contains(m.View(), "! pick a contact (1 2 n)") {
		t.Fatalf("saved without a pick:\n%s", m.View())
	}
	typeKeys(m, "2")
	if v := m.View(); !strings.Contains(v, "[Ngozi Eze") || !strings.Contains(v, "[+234 803 555 0102") {
		t.Fatalf("Ngozi's fields:\n%s", v)
	}
	typeKeys(m, "e", "tab", "tab") // change; to the phone
	ctrl(m, tea.KeyCtrlU)
	out := typeKeys(m, "+234 803 555 0199", "enter")
	if out.Submit == nil || out.Submit.What != "changed Ngozi Eze, primary" {
		t.Fatalf("submission %+v\n%s", out.Submit, m.View())
	}
	got, err := saveOn(t, out.Submit)
	if err != nil {
		t.Fatal(err)
	}
	if e := entryOf(got, domain.KindContactEdit); e != "contact Ngozi Eze changed: phone: +234 803 555 0102 → +234 803 555 0199" {
		t.Fatalf("entry %q", e)
	}

	// n: a new primary contact; "fin" is no role, and the form says so
	// before anything is written.
	m = NewContacts(cm(), target(), f.Contacts)
	typeKeys(m, "n", "Musa Garba", "tab", "fin", "tab", "+234 1", "tab", "musa@dangote.ng", "tab")
	ctrl(m, tea.KeyCtrlU)
	if out = typeKeys(m, "yes", "enter"); out.Submit != nil || !strings.Contains(m.View(), "! one of procurement, operations, finance, executive, or empty") {
		t.Fatalf("a role of fin:\n%s", m.View())
	}
	typeKeys(m, "backspace", "backspace", "backspace", "finance")
	if out = typeKeys(m, "enter"); out.Submit == nil || out.Submit.What != "added Musa Garba, primary" {
		t.Fatalf("not submitted (%+v):\n%s", out.Submit, m.View())
	}
	if got, err = saveOn(t, out.Submit); err != nil {
		t.Fatal(err)
	}
	if got.PrimaryContact() != "Musa Garba" || entryOf(got, domain.KindContactEdit) !=
		"contact added: Musa Garba (finance) +234 1, musa@dangote.ng, primary; no longer primary: Ngozi Eze" {
		t.Fatalf("primary %q, entry %q", got.PrimaryContact(), entryOf(got, domain.KindContactEdit))
	}

	// 1 r: Tunde removed; the fields show what goes, greyed.
	m = NewContacts(cm(), target(), f.Contacts)
	out = typeKeys(m, "1", "r", "enter")
	if out.Submit == nil || out.Submit.What != "removed Tunde Bakare" {
		t.Fatalf("removal %+v:\n%s", out.Submit, m.View())
	}
	if got, err = saveOn(t, out.Submit); err != nil || len(got.Contacts) != 1 || got.Contacts[0].Name != "Ngozi Eze" {
		t.Fatalf("after the removal %+v %v", got, err)
	}
}

// C on an account with no contacts: straight to a new one; the desk wants
// a phone, and the form shows it next to the field.
func TestContactsFormFirstContact(t *testing.T) {
	m := NewContacts(cm(), target(), nil)
	if v := m.View(); !strings.Contains(v, "No contacts on file yet") || strings.Contains(v, "Contact ") || !strings.Contains(v, "▸ Name") {
		t.Fatalf("the form:\n%s", m.View())
	}
	out := typeKeys(m, "Ada Obi", "enter")
	if out.Submit == nil {
		t.Fatalf("not submitted:\n%s", m.View())
	}
	_, err := saveOn(t, out.Submit)
	if err == nil {
		t.Fatal("a new contact without a phone saved")
	}
	m.Failed(err)
	if v := m.View(); !strings.Contains(v, "! a new contact needs a phone number") {
		t.Fatalf("the phone is not marked:\n%s", v)
	}
}

// v: n 9 tab tab "…" enter enters NPS 9 today with its comment; the kind
// must be chosen; a CSAT of 6 is refused on the spot.
func TestSurveyForm(t *testing.T) {
	m := NewSurvey(cm(), target(), []domain.Survey{{ID: 1, Account: "ACC001", Kind: "nps", On: tue.AddDays(-90), Score: 7}})
	if v := m.View(); !strings.Contains(v, "Latest: NPS 7 (19 Aug)") {
		t.Fatalf("the latest:\n%s", v)
	}
	if out := typeKeys(m, "enter"); out.Submit != nil || !strings.Contains(m.View(), "! choose one: n c") {
		t.Fatalf("saved without a kind:\n%s", m.View())
	}
	typeKeys(m, "c", "6")
	if out := typeKeys(m, "enter"); out.Submit != nil || !strings.Contains(m.View(), "! a score from 1 to 5") {
		t.Fatalf("CSAT 6:\n%s", m.View())
	}
	m = NewSurvey(cm(), target(), nil)
	out := typeKeys(m, "n", "9", "tab", "tab", "Deliveries on time", "enter")
	if out.Submit == nil || out.Submit.What != "NPS 9" || out.Submit.Noun != "survey score" {
		t.Fatalf("submission %+v:\n%s", out.Submit, m.View())
	}
	got, err := saveOn(t, out.Submit)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Surveys) != 1 || got.Surveys[0].Score != 9 || got.Surveys[0].On != tue || entryOf(got, domain.KindSurvey) != "NPS 9: Deliveries on time" {
		t.Fatalf("surveys %+v, entry %q", got.Surveys, entryOf(got, domain.KindSurvey))
	}
}

// O: a new objective with two steps, the first done; the step lines parse
// as typed and a new empty one follows the last. Picked again, its fields
// fill in and a change is written by its id.
func TestObjectivesForm(t *testing.T) {
	st := sample.Store()
	m := NewObjectives(cm(), target(), nil, []string{"ada", "bola"})
	typeKeys(m, "cross-sell", "tab", "PMS litres a month", "tab", "20000 L", "tab", "2026-12-31", "tab", "tab", "tab",
		"Price offer @ 2026-11-16 done", "tab", "Trial delivery @ +14")
	v := m.View()
	for _, want := range []string{"→ by 16 Nov, done today", "→ by Tue 1 Dec", "Step 3"} {
		if !strings.Contains(v, want) {
			t.Fatalf("no %q:\n%s", want, v)
		}
	}
	typeKeys(m, "tab", "nonsense")
	if out := typeKeys(m, "enter"); out.Submit != nil || !strings.Contains(m.View(), "! write TEXT @ DATE") {
		t.Fatalf("a step without a date:\n%s", m.View())
	}
	for range len("nonsense") {
		typeKeys(m, "backspace")
	}
	out := typeKeys(m, "enter")
	if out.Submit == nil || out.Submit.What != "added cross-sell: PMS litres a month" {
		t.Fatalf("submission %+v:\n%s", out.Submit, m.View())
	}
	got, err := saveIn(t, st, out.Submit)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Objectives) != 1 {
		t.Fatalf("objectives %+v", got.Objectives)
	}
	o := got.Objectives[0]
	// +14 from Tue 17 Nov is Tue 1 Dec; the first step, done without a date, is done today.
	if o.Kind != "cross-sell" || o.Owner != "ada" || o.Status != "open" || len(o.Steps) != 2 || !o.Steps[0].Done || o.Steps[0].DoneOn != tue ||
		o.Steps[1].Due != tue.AddDays(14) || o.Steps[1].Done {
		t.Fatalf("objective %+v", o)
	}

	m = NewObjectives(cm(), target(), got.Objectives, nil)
	if v := m.View(); !strings.Contains(v, " 1  cross-sell: PMS litres a month · target 20000 L · due 31 Dec · open · 1/2 s") {
		t.Fatalf("the list:\n%s", v)
	}
	typeKeys(m, "1")
	if v := m.View(); !strings.Contains(v, "[Price offer @ 2026-11-16 done 2") || !strings.Contains(v, "Step 3") {
		t.Fatalf("the objective's fields:\n%s", v)
	}
	typeKeys(m, "tab", "tab", "tab", "tab", "tab") // kind, measure, target, due, owner: to the status
	ctrl(m, tea.KeyCtrlU)
	out = typeKeys(m, "met", "tab", "tab", " done 2026-11-16", "enter")
	if out.Submit == nil || out.Submit.What != "changed #1 cross-sell: PMS litres a month" {
		t.Fatalf("submission %+v:\n%s", out.Submit, m.View())
	}
	if got, err = saveIn(t, st, out.Submit); err != nil {
		t.Fatal(err)
	}
	want := "objective #1 changed: status: open → met; step 2: Trial delivery by 2026-12-01 → Trial delivery by 2026-12-01, done 2026-11-16"
	if len(got.Objectives) != 1 || got.Objectives[0].Status != "met" || entryOf(got, domain.KindObjective) != want {
		t.Fatalf("objectives %+v, entry %q", got.Objectives, entryOf(got, domain.KindObjective))
	}
}
