package form

import (
	"strings"
	"testing"

	"acctdesk/desk"
	"acctdesk/domain"
	dq "acctdesk/domain/queue"
	"acctdesk/ui/internal/sample"
)

// n logs a QBR with one key for its kind: the text, shift+tab to the kind,
// q, enter. Saved through the desk it is a qbr activity, and ACC001 (tier 1)
// no longer has qbr-due on 1 Dec 2026, 30 days before the quarter ends.
// The kind left alone is a note, as n, text and enter always were.
func TestNoteFormLogsAQBR(t *testing.T) {
	dec1 := domain.MustDate("2026-12-01")
	tg := target()
	tg.Today = dec1
	m := NewNote(cm(), tg)
	if v := m.View(); !strings.Contains(v, "Add a note · ACC001") || !strings.Contains(v, "n note") || !strings.Contains(v, "q QBR") {
		t.Fatalf("the note form:\n%s", v)
	}
	out := typeKeys(m, "QBR held: volumes up 12 %", "shift+tab", "q")
	if v := m.View(); !strings.Contains(v, "Log a QBR · ACC001") || !strings.Contains(v, "[q QBR]") {
		t.Fatalf("after q:\n%s", v)
	}
	out = typeKeys(m, "enter")
	if out.Submit == nil || out.Submit.Noun != "QBR" || out.Submit.What != "QBR" {
		t.Fatalf("submitted %+v", out.Submit)
	}
	st := sample.Store()
	d := desk.New(st, desk.Options{AsOf: dec1})
	qbrDue := func() bool {
		t.Helper()
		v, err := d.Refresh()
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range v.Queue {
			if it.Account == "ACC001" && it.Reason == dq.QBRDue {
				return true
			}
		}
		return false
	}
	if !qbrDue() {
		t.Fatal("no qbr-due for ACC001 before the QBR")
	}
	if _, err := out.Submit.Save(adaCtx, d); err != nil {
		t.Fatal(err)
	}
	f, _ := st.LoadAccount("ACC001")
	last := f.Activities[len(f.Activities)-1]
	if last.Kind != "qbr" || last.Text != "QBR held: volumes up 12 %" || last.On != dec1 || last.Stamp.By != "ada" {
		t.Fatalf("logged %+v", last)
	}
	if qbrDue() {
		t.Error("qbr-due after the QBR")
	}

	// A note by default; another key on the kind is no choice.
	m = NewNote(cm(), target())
	out = typeKeys(m, "asked for the statement", "shift+tab", "x", "enter")
	if out.Submit == nil || out.Submit.Noun != "note" {
		t.Fatalf("a note: %+v", out.Submit)
	}
	if a := saved(t, out.Submit).Entries[0].Activity; a.Kind != "note" || a.Text != "asked for the statement" {
		t.Fatalf("%+v", a)
	}
}
