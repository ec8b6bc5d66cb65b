package form

import (
	"context"
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/domain"
	dq "acctdesk/domain/queue"
	"acctdesk/store"
	"acctdesk/store/memstore"
	"acctdesk/ui/common"
	"acctdesk/ui/internal/sample"
	"acctdesk/ui/keymap"
	"acctdesk/ui/styles"
)

var tue = domain.MustDate("2026-11-17") // a Tuesday

func cm() common.Common {
	return common.Common{Width: 80, Height: 22, Styles: styles.DefaultStyles(), Keys: keymap.DefaultKeyMap()}
}

func target() Target {
	return Target{Code: "ACC001", Name: "Dangote Haulage Ltd", Currency: "NGN", Today: tue,
		Primary: "Ngozi Eze", Contacts: []string{"Ngozi Eze", "Tunde Bakare"}, ItemKey: "broken-promise:ACC001:3"}
}

// saved writes a submission through a desk over the sample book, as the
// workstation does, and returns what the store recorded.
func saved(t *testing.T, sub *Submission) memstore.Recorded {
	t.Helper()
	st := sample.Store()
	d := desk.New(st, desk.Options{AsOf: tue})
	if _, err := sub.Save(store.WithAuthor(context.Background(), "ada"), d); err != nil {
		t.Fatal(err)
	}
	return st.Recorded()
}

// typeKeys sends words as runes and names (enter, tab, …) as keys; it returns
// the last outcome.
func typeKeys(m *Model, seq ...string) Outcome {
	var out Outcome
	for _, s := range seq {
		var msgs []tea.KeyMsg
		switch s {
		case "enter":
			msgs = []tea.KeyMsg{{Type: tea.KeyEnter}}
		case "ctrl+s":
			msgs = []tea.KeyMsg{{Type: tea.KeyCtrlS}}
		case "tab":
			msgs = []tea.KeyMsg{{Type: tea.KeyTab}}
		case "shift+tab":
			msgs = []tea.KeyMsg{{Type: tea.KeyShiftTab}}
		case "esc":
			msgs = []tea.KeyMsg{{Type: tea.KeyEsc}}
		case "down":
			msgs = []tea.KeyMsg{{Type: tea.KeyDown}}
		case "backspace":
			msgs = []tea.KeyMsg{{Type: tea.KeyBackspace}}
		default:
			for _, r := range s {
				msgs = append(msgs, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
			}
		}
		for _, k := range msgs {
			out = m.Key(k)
		}
	}
	return out
}

func TestDefaultNext(t *testing.T) {
	fri := domain.MustDate("2026-11-20")
	thu := domain.MustDate("2026-11-19")
	cases := []struct {
		outcome            string
		today              domain.Date
		promised, upcoming domain.Date
		want               string
	}{
		{"no-answer", tue, 0, 0, "2026-11-18"},
		{"voicemail", tue, 0, 0, "2026-11-18"},
		{"no-answer", fri, 0, 0, "2026-11-23"}, // Friday → Monday
		{"promise", tue, thu, 0, "2026-11-20"}, // the day after the promised date
		{"promise", tue, fri, 0, "2026-11-23"}, // … a working day: Friday's promise on Monday, not Saturday
		{"promise", tue, 0, 0, ""},
		{"call-back", fri, 0, 0, "2026-11-23"}, // the next working day
		{"reached", tue, 0, 0, "2026-11-24"},   // +7
		{"reached", tue, 0, thu, "2026-11-19"}, // a promise due within 3 days: its due date
		{"dispute", tue, 0, 0, "2026-11-24"},
		{"", tue, 0, 0, ""},
	}
	for _, c := range cases {
		if got := suggestedNext(c.outcome, c.today, c.promised, c.upcoming).String(); got != c.want {
			t.Errorf("suggestedNext(%s, %s, %s, %s) = %s, want %s", c.outcome, c.today, c.promised, c.upcoming, got, c.want)
		}
	}
	if got := desk.DefaultEscalationDue(domain.MustDate("2026-11-19")); got.String() != "2026-11-23" {
		t.Errorf("Thursday + 2 working days = %s", got)
	}
}

func TestCallNoAnswer(t *testing.T) {
	m := NewCall(cm(), target())
	out := typeKeys(m, "n", "enter")
	if out.Submit == nil {
		t.Fatalf("not submitted:\n%s", m.View())
	}
	e := saved(t, out.Submit).Entries[0]
	a := e.Activity
	if a.Outcome != "no-answer" || a.NextFollow != tue+1 || a.Contact != "Ngozi Eze" || a.Kind != "call" || a.On != tue {
		t.Fatalf("%+v", a)
	}
	if out.Submit.Code != "ACC001" || out.Submit.ItemKey != "broken-promise:ACC001:3" || e.Promise != nil {
		t.Fatalf("%+v", out.Submit)
	}
	if !m.Saving() {
		t.Fatal("not waiting for the store")
	}
	if o := typeKeys(m, "q", "esc"); o.Close || o.Submit != nil {
		t.Fatal("keys act while saving")
	}
}

func TestCallPromiseFlow(t *testing.T) {
	m := NewCall(cm(), target())
	typeKeys(m, "p")
	if !strings.Contains(m.View(), "▸ Promise amount") {
		t.Fatalf("after p the cursor is not in the amount:\n%s", m.View())
	}
	out := typeKeys(m, "250000", "tab", "fri", "tab", "+10", "tab", "down", "tab", "pays Friday", "ctrl+s")
	if out.Submit == nil {
		t.Fatalf("not submitted:\n%s", m.View())
	}
	e := saved(t, out.Submit).Entries[0]
	if e.Promise == nil || e.Promise.Amount.String() != "250000" || e.Promise.DueOn.String() != "2026-11-20" || e.Promise.GivenOn != tue {
		t.Fatalf("promise %+v", e.Promise)
	}
	if e.Activity.NextFollow != tue+10 || e.Activity.Contact != "Tunde Bakare" || e.Promise.Contact != "Tunde Bakare" || e.Activity.Text != "pays Friday" {
		t.Fatalf("activity %+v", e.Activity)
	}
	if out.Submit.What != "promise ₦250,000.00 due Fri 20 Nov, next Fri 27 Nov" {
		t.Fatalf("what %q", out.Submit.What)
	}
}

func TestCallValidation(t *testing.T) {
	cases := []struct {
		name  string
		keys  []string
		field string // the focused field after enter
		err   string
		kept  []string
	}{
		{"no outcome", []string{"enter"}, "Outcome", "choose an outcome: r n v p d b x w", nil},
		{"bad amount", []string{"p", "25x000", "tab", "fri", "enter"}, "Promise amount", `"25x000" is not an amount`, []string{"[₦ 25x000", "[fri"}},
		{"too many places", []string{"p", "10.001", "tab", "fri", "enter"}, "Promise amount", `"10.001" has more decimal places than NGN allows (2)`, []string{"10.001"}},
		{"zero", []string{"p", "0", "tab", "fri", "enter"}, "Promise amount", "the promised amount must be more than zero", nil},
		{"no date", []string{"p", "100", "enter"}, "Promised for", "say when they will pay", []string{"[₦ 100"}},
		{"bad date", []string{"p", "100", "tab", "someday", "enter"}, "Promised for", `"someday": use 2026-12-01, +3, mon…sun, today or tomorrow`, []string{"[someday"}},
		{"past date", []string{"p", "100", "tab", "2026-11-01", "enter"}, "Promised for", "Sun 1 Nov 2026 is in the past", nil},
		{"bad next", []string{"r", "+x", "enter"}, "Next follow-up", `"+x": use +N for N days ahead`, []string{"[+x"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := NewCall(cm(), target())
			out := typeKeys(m, c.keys...)
			if out.Submit != nil {
				t.Fatal("submitted")
			}
			v := m.View()
			if !strings.Contains(v, "! "+c.err) {
				t.Errorf("no error %q:\n%s", c.err, v)
			}
			if !strings.Contains(v, "▸ "+c.field) {
				t.Errorf("focus not on %s:\n%s", c.field, v)
			}
			for _, k := range c.kept {
				if !strings.Contains(v, k) {
					t.Errorf("lost %q:\n%s", k, v)
				}
			}
		})
	}
}

func TestCallNoneAndEditing(t *testing.T) {
	m := NewCall(cm(), target())
	out := typeKeys(m, "b", "none", "enter")
	if out.Submit == nil || !saved(t, out.Submit).Entries[0].Activity.NextFollow.IsZero() {
		t.Fatalf("none: %+v", out.Submit)
	}
	// an outcome can be changed: back to the outcome and another key
	m = NewCall(cm(), target())
	out = typeKeys(m, "p", "shift+tab", "v", "enter")
	if out.Submit == nil {
		t.Fatalf("changed outcome: not submitted")
	}
	if e := saved(t, out.Submit).Entries[0]; e.Activity.Outcome != "voicemail" || e.Promise != nil {
		t.Fatalf("changed outcome: %+v", out.Submit)
	}
}

func TestEscape(t *testing.T) {
	m := NewCall(cm(), target())
	if m.Dirty() {
		t.Fatal("a fresh form is dirty (the preselected contact is not typing)")
	}
	if out := typeKeys(m, "esc"); !out.Close {
		t.Fatal("esc on an empty form did not close it")
	}
	m = NewCall(cm(), target())
	out := typeKeys(m, "r", "esc")
	if out.Close || !strings.Contains(m.View(), "Discard what you typed?") {
		t.Fatalf("esc with an outcome chosen did not ask:\n%s", m.View())
	}
	if out := typeKeys(m, "n"); out.Close {
		t.Fatal("n closed the form")
	}
	if !strings.Contains(m.View(), "[r reached]") {
		t.Fatal("keeping on editing lost the outcome")
	}
	typeKeys(m, "esc")
	if out := typeKeys(m, "y"); !out.Close {
		t.Fatal("y did not discard")
	}
}

func TestFailedKeepsTyping(t *testing.T) {
	m := NewCall(cm(), target())
	typeKeys(m, "r", "tab", "tab", "spoke to Ngozi", "enter")
	m.Failed(domain.ValidationError{{Field: "contact", Reason: "unknown contact"}, {Field: "zzz", Reason: "odd"}})
	v := m.View()
	for _, want := range []string{"! unknown contact", "Not saved: zzz: odd", "[spoke to Ngozi", "▸ Contact"} {
		if !strings.Contains(v, want) {
			t.Errorf("missing %q:\n%s", want, v)
		}
	}
	if m.Saving() {
		t.Fatal("still saving")
	}
}

func TestEscalationForm(t *testing.T) {
	m := NewEscalation(cm(), target())
	out := typeKeys(m, "s", "2", "o", "truck late twice", "enter")
	if out.Submit == nil {
		t.Fatalf("not submitted:\n%s", m.View())
	}
	r := saved(t, out.Submit)
	e := r.Escalations[0]
	if e.Category != "service-incident" || e.Severity != "medium" || e.To != "operations" || e.Summary != "truck late twice" || e.Due.String() != "2026-11-19" || e.Opened != tue {
		t.Fatalf("%+v", e)
	}
	if n := r.Notes[0]; n.Kind != "escalation" || !strings.Contains(n.Text, "truck late twice") {
		t.Fatalf("note %+v", n)
	}
}

func TestNoteAndSnooze(t *testing.T) {
	m := NewNote(cm(), target())
	if out := typeKeys(m, "enter"); out.Submit != nil || !strings.Contains(m.View(), "! the note is empty") {
		t.Fatalf("empty note:\n%s", m.View())
	}
	out := typeKeys(m, "q is fine here", "tab", "mon", "enter")
	if out.Submit == nil {
		t.Fatal("the note was not submitted")
	}
	if a := saved(t, out.Submit).Entries[0].Activity; a.Text != "q is fine here" || a.NextFollow.String() != "2026-11-23" {
		t.Fatalf("%+v", a)
	}
	tg := target()
	tg.Item = &dq.Item{Key: "overdue:ACC001:3:2026-10-01", Account: "ACC001", Detail: "overdue"}
	m = NewSnooze(cm(), tg)
	out = typeKeys(m, "enter")
	if out.Submit == nil {
		t.Fatal("the snooze was not submitted")
	}
	if mk := saved(t, out.Submit).Marks[0]; mk.Until != tue+1 || mk.Key != tg.Item.Key {
		t.Fatalf("%+v", mk)
	}
	m = NewSnooze(cm(), tg)
	if out := typeKeys(m, "today", "enter"); out.Submit != nil {
		t.Fatal("snoozed until today")
	}
}

func TestFollowUpForm(t *testing.T) {
	cases := []struct {
		keys   []string
		due    string
		reason string
	}{
		{[]string{"enter"}, "2026-11-24", ""}, // +7 by default
		{[]string{"+3", "tab", "confirm the remittance", "enter"}, "2026-11-20", "confirm the remittance"},
		{[]string{"fri", "enter"}, "2026-11-20", ""},
		{[]string{"tomorrow", "enter"}, "2026-11-18", ""},
		{[]string{"2026-12-01", "tab", "  send the statement  ", "ctrl+s"}, "2026-12-01", "send the statement"},
		{[]string{"today", "enter"}, "2026-11-17", ""},
	}
	for _, c := range cases {
		m := NewFollowUp(cm(), target())
		out := typeKeys(m, c.keys...)
		if out.Submit == nil {
			t.Fatalf("%v: not submitted:\n%s", c.keys, m.View())
		}
		fu := saved(t, out.Submit).FollowUps[0]
		if out.Submit.Kind != FollowUp || fu.Account != "ACC001" || fu.Due.String() != c.due || fu.Reason != c.reason ||
			fu.Source != "manual" || fu.Status != domain.FollowOpen || fu.Activity != 0 {
			t.Errorf("%v: %+v", c.keys, fu)
		}
		if out.Submit.ItemKey != "broken-promise:ACC001:3" {
			t.Errorf("%v: item %q", c.keys, out.Submit.ItemKey)
		}
	}
	for _, c := range []struct {
		keys []string
		err  string
	}{
		{[]string{"someday", "enter"}, `"someday": use 2026-12-01, +3, mon…sun, today or tomorrow`},
		{[]string{"2026-11-01", "enter"}, "Sun 1 Nov 2026 is in the past"},
	} {
		m := NewFollowUp(cm(), target())
		if out := typeKeys(m, c.keys...); out.Submit != nil {
			t.Fatalf("%v: submitted", c.keys)
		}
		if v := m.View(); !strings.Contains(v, c.err) {
			t.Errorf("%v: no %q:\n%s", c.keys, c.err, v)
		}
	}
	// The reason field stops at the 500 characters a follow-up may hold.
	m := NewFollowUp(cm(), target())
	if out := typeKeys(m, "tab", strings.Repeat("x", 600), "enter"); out.Submit == nil || len(out.Submit.Reason) != 500 {
		t.Fatalf("long reason: %+v", out.Submit)
	}
	m = NewFollowUp(cm(), target())
	typeKeys(m, "+2")
	if v := m.View(); !strings.Contains(v, "→ Thu 19 Nov 2026") || !strings.Contains(v, "Schedule a follow-up · ACC001 Dangote Haulage Ltd") {
		t.Fatalf("view:\n%s", v)
	}
	if m.Kind() != FollowUp || !m.Dirty() {
		t.Fatal("kind or dirty")
	}
}

// TestUnlikelySavesOnlyWhenConfirmed: the desk finds a promise unlikely (a
// date more than a year away); the form says why and keeps what was typed;
// enter again saves it confirmed; an edit takes the confirmation back.
func TestUnlikelySavesOnlyWhenConfirmed(t *testing.T) {
	m := NewCall(cm(), target())
	out := typeKeys(m, "p", "250000", "tab", "2028-01-10", "enter")
	if out.Submit == nil || out.Submit.Confirmed {
		t.Fatalf("first save: %+v", out.Submit)
	}
	st := sample.Store()
	d := desk.New(st, desk.Options{AsOf: tue})
	ctx := store.WithAuthor(context.Background(), "ada")
	_, err := out.Submit.Save(ctx, d)
	var u domain.Unlikely
	if !errors.As(err, &u) {
		t.Fatalf("a promise two years away saved: %v", err)
	}
	m.Failed(err)
	if v := m.View(); !strings.Contains(v, "Unlikely: the promised date 2028-01-10 is more than a year away") || !strings.Contains(v, "enter saves it anyway") {
		t.Fatalf("the form does not say why:\n%s", v)
	}
	if again := typeKeys(m, "enter"); again.Submit == nil || !again.Submit.Confirmed {
		t.Fatalf("enter again: %+v", again.Submit)
	} else if _, err := again.Submit.Save(ctx, d); err != nil {
		t.Fatalf("confirmed save: %v", err)
	}
	if n := len(st.Recorded().Entries); n != 1 {
		t.Fatalf("%d calls stored, want 1", n)
	}
	m2 := NewCall(cm(), target())
	m2.Failed(u)
	if out := typeKeys(m2, "p", "enter"); out.Submit != nil && out.Submit.Confirmed {
		t.Fatal("an edit after the warning kept the confirmation")
	}
}
