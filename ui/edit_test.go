package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/shopspring/decimal"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/memstore"
	"acctdesk/ui/internal/sample"
)

// The account manager's edits (SPEC §10.8–10.10) and the Book's manager
// columns (SPEC §3), driven through the workstation as a person would.

// managerStore is the sample book with margin rates (AGO 4.5 %, PMS 3 %),
// ACC001's NPS 7 in June then 9 in October and CSAT 4 twice, ACC002's
// NPS 3, and ACC010's expansion notes.
func managerStore(t *testing.T) *memstore.Store {
	t.Helper()
	st := sample.Store()
	ctx := store.WithAuthor(context.Background(), "ada")
	set := sample.Settings()
	set.MarginRates = map[string]decimal.Decimal{"AGO": decimal.RequireFromString("4.5"), "PMS": decimal.NewFromInt(3)}
	if err := st.SaveSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	sv := func(code, kind, on string, score int) store.Rec[domain.Survey] {
		return store.Rec[domain.Survey]{V: domain.Survey{Account: code, Kind: kind, On: domain.MustDate(on), Score: score}}
	}
	f, err := st.LoadAccount("ACC010")
	if err != nil {
		t.Fatal(err)
	}
	a := f.Account
	a.ExpansionNotes = "Fleet cards for the site vans"
	if _, err := st.Apply(ctx, &store.Batch{Accounts: []store.Rec[domain.Account]{{V: a}}, Surveys: []store.Rec[domain.Survey]{
		sv("ACC001", "nps", "2026-06-10", 7), sv("ACC001", "nps", "2026-10-12", 9), sv("ACC001", "csat", "2026-06-10", 4),
		sv("ACC001", "csat", "2026-10-12", 4), sv("ACC002", "nps", "2026-09-01", 3),
	}}); err != nil {
		t.Fatal(err)
	}
	return st
}

// loadedOn is a model over st, sized and loaded, driven without a program.
func editModel(t *testing.T, st store.Store, w, h int, opt Options) *Model {
	t.Helper()
	m := New(newDesk(st), opt)
	drive(m, tea.WindowSizeMsg{Width: w, Height: h}, firstLoad(m.c.Desk)())
	if m.view == nil {
		t.Fatal("the book did not load")
	}
	return m
}

// TestGoldenEdit keeps a golden View() of the new forms and columns.
// Regenerate with: go test ./ui -run TestGolden -update
func TestGoldenEdit(t *testing.T) {
	cases := []struct {
		name string
		w, h int
		keys []string
	}{
		{"book_columns", 80, 24, []string{"2", "o"}},
		{"book_columns", 160, 48, []string{"2", "o"}},
		{"book_columns", 120, 40, []string{"2", "o"}},
		{"account_surveys", 80, 24, []string{"2", "enter"}},
		{"account_edit_form", 80, 24, []string{"2", "enter", "E", "down"}},
		{"contacts_form", 80, 24, []string{"2", "enter", "C", "2"}},
		{"objectives_form", 80, 24, []string{"2", "enter", "O", "revenue", "tab", "AGO litres a month", "tab", "120,000 L", "tab", "2026-12-31",
			"tab", "tab", "tab", "Review volumes with Tunde @ fri", "tab", "Price offer @ 2026-11-16 done"}},
		{"survey_form", 80, 24, []string{"2", "enter", "v", "n", "9"}},
		{"account_edited_timeline", 80, 24, []string{"2", "enter", "E", "down", "enter", "tab", "tab"}},
	}
	for _, c := range cases {
		t.Run(c.name+"_"+sizeName(c.w, c.h), func(t *testing.T) {
			m := editModel(t, managerStore(t), c.w, c.h, testOptions())
			press(m, c.keys...)
			view := m.View()
			checkFits(t, view, c.w, c.h)
			golden.RequireEqual(t, []byte(view))
		})
	}
}

func sizeName(w, h int) string { return fmt.Sprintf("%dx%d", w, h) }

// E on an account: ↓ gives it the next user, enter saves; the status line
// says so, the header shows the new owner and the timeline the change.
func TestEditAccountFlow(t *testing.T) {
	st := sample.Store()
	m := editModel(t, st, 120, 40, testOptions())
	press(m, "2", "enter", "E")
	if f := m.form(); f == nil || !strings.Contains(m.View(), "Edit the account · ACC001") {
		t.Fatalf("E opened no form:\n%s", m.View())
	}
	// The users ↑/↓ offers: the owners, then the settings' users, sorted:
	// Ada Obi, Bola Ade, Chidi Nwosu, ada, bola, chidi.
	press(m, "down", "enter")
	if m.form() != nil {
		t.Fatalf("the form stayed open:\n%s", m.View())
	}
	if got := m.Status(); got != "✓ 09:30 saved account edit on ACC001: changed owner" {
		t.Fatalf("status %q", got)
	}
	f, _ := st.LoadAccount("ACC001")
	if f.Account.Owner != "Bola Ade" || f.Account.Stamp.By != "ada" {
		t.Fatalf("owner %q by %q", f.Account.Owner, f.Account.Stamp.By)
	}
	v := m.View()
	if !strings.Contains(v, "owner Bola Ade") {
		t.Fatalf("the header does not show the new owner:\n%s", v)
	}
	press(m, "tab", "tab")
	if v := m.View(); !strings.Contains(v, "edited: owner: Ada Obi → Bola Ade") || !strings.Contains(v, " edit ") {
		t.Fatalf("the timeline does not show the edit:\n%s", v)
	}
	// Again without a change: the form says nothing changed and stays.
	press(m, "E", "enter")
	if m.form() == nil || !strings.Contains(m.View(), "Not saved: nothing changed") {
		t.Fatalf("an empty edit:\n%s", m.View())
	}
	press(m, "esc")
	if m.form() != nil {
		t.Fatal("esc did not close an untouched form")
	}
}

// C n adds a contact with a phone; the contacts tab and the header show it;
// v enters an NPS, which the header shows with its trend.
func TestContactsAndSurveyFlow(t *testing.T) {
	st := sample.Store()
	m := editModel(t, st, 160, 48, testOptions())
	press(m, "2", "enter", "C", "n", "Musa Garba", "tab", "operations", "tab", "+234 809 555 0111", "enter")
	if got := m.Status(); got != "✓ 09:30 saved contact on ACC001: added Musa Garba" {
		t.Fatalf("status %q\n%s", got, m.View())
	}
	if v := m.View(); !strings.Contains(v, "Musa Garba (operations) +234 809 555 0111") {
		t.Fatalf("the header does not show the contact:\n%s", v)
	}
	press(m, "v", "n", "6", "enter")
	press(m, "v", "c", "4", "tab", "2026-10-18", "enter")
	v := m.View()
	if !strings.Contains(v, "NPS 6 · CSAT 4 · Contacts:") {
		t.Fatalf("the header's scores:\n%s", v)
	}
	// An NPS of 3 given a week ago: today's 6 stays the latest, and the one
	// before it is that 3: up.
	press(m, "v", "n", "3", "tab", "2026-11-10", "enter")
	if v := m.View(); !strings.Contains(v, "NPS 6 ↑ · CSAT 4 · Contacts:") {
		t.Fatalf("the trend:\n%s", v)
	}
	f, _ := st.LoadAccount("ACC001")
	if len(f.Surveys) != 3 {
		t.Fatalf("surveys %+v", f.Surveys)
	}
}

// Only a lead edits an account: a collector is told so and no form opens;
// a viewer opens none of the edit forms.
func TestEditNeedsTheRightRole(t *testing.T) {
	opt := testOptions()
	opt.Role = desk.Collector
	m := editModel(t, sample.Store(), 80, 24, opt)
	press(m, "2", "enter", "E")
	if m.form() != nil || !strings.Contains(m.Status(), "editing an account needs a lead") {
		t.Fatalf("a collector's E: form %v, status %q", m.form() != nil, m.Status())
	}
	press(m, "C")
	if m.form() == nil {
		t.Fatal("a collector cannot edit contacts")
	}
	press(m, "esc")
	opt.Role = desk.Viewer
	m = editModel(t, sample.Store(), 80, 24, opt)
	press(m, "2", "enter")
	for _, k := range []string{"E", "C", "O", "v"} {
		press(m, k)
		if m.form() != nil {
			t.Fatalf("a viewer's %s opened a form", k)
		}
	}
}
