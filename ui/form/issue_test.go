package form

import (
	"context"
	"strings"
	"testing"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/ui/internal/sample"
)

// The new issue form: the kind is one key, the SLA deadline a date as
// typed, steps TEXT@DATE separated by semicolons; what is missing is said
// by its field; saved through the desk on the sample's ACC005.
func TestIssueForm(t *testing.T) {
	tg := target()
	tg.Code, tg.Name = "ACC005", "Abuja Logistics Partners"
	m := NewIssue(cm(), tg)
	if out := typeKeys(m, "enter"); out.Submit != nil {
		t.Fatal("an empty issue was submitted")
	}
	v := m.View()
	for _, want := range []string{"! what kind of issue? one key", "! when must it be fixed?", "! say what is wrong"} {
		if !strings.Contains(v, want) {
			t.Fatalf("empty: lacks %q\n%s", want, v)
		}
	}
	// The cursor went to the first field in error, the kind.
	typeKeys(m, "s", "fri", "tab", "tab", "20,000", " ", "litres", " ", "short", "tab", "tab", "weigh")
	if v := m.View(); !strings.Contains(v, "[s short volume]") || !strings.Contains(v, "→ Fri 20 Nov 2026") || !strings.Contains(v, "Target          —") {
		t.Fatalf("typed:\n%s", v)
	}
	out := typeKeys(m, "enter")
	if out.Submit != nil || !strings.Contains(m.View(), `! "weigh": write TEXT@DATE`) {
		t.Fatalf("a step without a date:\n%s", m.View())
	}
	out = typeKeys(m, "@+1;", " ", "credit@mon", "enter")
	if out.Submit == nil || out.Submit.Noun != "service issue" || out.Submit.What != "short volume, SLA Fri 20 Nov, 2 steps" {
		t.Fatalf("submission %+v\n%s", out.Submit, m.View())
	}
	st := sample.Store()
	d := desk.New(st, desk.Options{AsOf: tue})
	if _, err := out.Submit.Save(store.WithAuthor(context.Background(), "ada"), d); err != nil {
		t.Fatal(err)
	}
	f, _ := st.LoadAccount("ACC005")
	s := f.Issues[len(f.Issues)-1]
	if s.Kind != "short-volume" || s.Summary != "20,000 litres short" || s.Owner != "ada" || len(s.Steps) != 2 ||
		s.Steps[0] != (domain.Step{Text: "weigh", Due: tue + 1}) || s.Steps[1] != (domain.Step{Text: "credit", Due: domain.MustDate("2026-11-23")}) {
		t.Errorf("stored %+v", s)
	}
}

// The update form on an issue: its steps numbered in the preview; a step
// the issue does not have is refused next to its field; resolving needs a
// resolution, and keeps the other fields out of it.
func TestIssueUpdateForm(t *testing.T) {
	tg := target()
	tg.Code, tg.Name = "ACC005", "Abuja Logistics Partners"
	s := domain.ServiceIssue{ID: 52, Account: "ACC005", Kind: "late-delivery", Opened: domain.MustDate("2026-11-14"), SLADeadline: tue,
		Owner: "ops desk", Status: domain.IssueOpen, Summary: "AGO late", Steps: []domain.Step{{Text: "call the depot", Due: tue - 1}}}
	m := NewIssueUpdate(cm(), tg, s)
	v := m.View()
	if !strings.Contains(v, "Service issue #52 · late delivery · open, SLA Tue 17 Nov") || !strings.Contains(v, "What is wrong: AGO late") ||
		!strings.Contains(v, "1 [ ] call the depot · due Mon 16 Nov (late)") || strings.Contains(v, "Resolution") {
		t.Fatalf("opened:\n%s", v)
	}
	if out := typeKeys(m, "enter"); out.Submit != nil || !strings.Contains(m.View(), "! nothing to change on service issue 52") {
		t.Fatalf("nothing typed:\n%s", m.View())
	}
	typeKeys(m, "tab", "tab", "2", "enter")
	if v := m.View(); !strings.Contains(v, "! step 2: the issue has steps 1–1") {
		t.Fatalf("no such step:\n%s", v)
	}
	out := typeKeys(m, "backspace", "1", "enter")
	if out.Submit == nil || out.Submit.What != "#52 step 1 done: call the depot" {
		t.Fatalf("step done: %+v\n%s", out.Submit, m.View())
	}
	st := sample.Store()
	d := desk.New(st, desk.Options{AsOf: tue})
	ctx := store.WithAuthor(context.Background(), "ada")
	// The sample's #52 has no steps: the desk refuses, next to the field.
	if _, err := out.Submit.Save(ctx, d); err == nil {
		t.Fatal("the desk took a step #52 does not have")
	} else {
		m.Failed(err)
		if v := m.View(); !strings.Contains(v, "! step 1: the issue has no steps") {
			t.Fatalf("the desk's refusal:\n%s", v)
		}
	}

	m = NewIssueUpdate(cm(), tg, s)
	typeKeys(m, "r")
	v = m.View()
	if !strings.Contains(v, "Resolution") || !strings.Contains(v, "Add steps       —") {
		t.Fatalf("resolving:\n%s", v)
	}
	if out := typeKeys(m, "enter"); out.Submit != nil || !strings.Contains(m.View(), "! say how it was resolved") {
		t.Fatalf("no resolution:\n%s", m.View())
	}
	out = typeKeys(m, "rerouted", "tab", "n", "enter")
	if out.Submit == nil || out.Submit.What != "#52 resolved, not confirmed in writing yet" {
		t.Fatalf("resolved: %+v\n%s", out.Submit, m.View())
	}
	saved, err := out.Submit.Save(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := st.LoadAccount("ACC005")
	if r := f.Issues[0]; r.Status != domain.IssueResolved || r.Resolution != "rerouted" || r.ConfirmedInWriting || saved.Recap != r.Recap ||
		!strings.Contains(saved.Recap, "Please confirm in writing") {
		t.Errorf("stored %+v, saved %+v", r, saved)
	}
}
