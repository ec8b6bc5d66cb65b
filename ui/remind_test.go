package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/ui/internal/sample"
)

// R on an account previews its reminder letter over the tabs; enter writes
// it into the documents directory and records it on the timeline (a
// reminder at its level), and the status line says where. R again the same
// day says it is not due (one written today). ? lists R.
func TestReminderKey(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Documents", "acctdesk")
	t.Setenv("XDG_CONFIG_HOME", t.TempDir()) // no templates of the user's
	opt := testOptions()
	opt.DocumentsDir = dir
	st := sample.Store()
	m := loadedWith(t, 80, 24, st, opt)
	press(m, "enter") // ACC001, the queue's top item
	if m.Current() != "Account" || accountOf(m).Code() != "ACC001" {
		t.Fatalf("enter opened %s %s", m.Current(), accountOf(m).Code())
	}
	x := m.view.Facts("ACC001")
	want := domain.ReminderOf(x, m.view.Settings, sample.AsOf)
	if want.Level == 0 {
		t.Fatal("ACC001 has no reminder level in the sample")
	}
	press(m, "R")
	v := m.View()
	if !strings.Contains(v, "Reminder letter · "+domain.ReminderLevelName(want.Level)) || !strings.Contains(v, "enter or w writes it") {
		t.Fatalf("no preview:\n%s", v)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Fatal("the preview wrote a file")
	}
	press(m, "enter")
	name := "reminder-ACC001-" + sample.AsOf.String() + ".md"
	if s := "Wrote " + name + " (" + domain.ReminderLevelName(want.Level) + ") in " + dir + "/"; m.Status() != s {
		t.Fatalf("status %q, want %q", m.Status(), s)
	}
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "**"+domain.Human(want.TotalDue, x.Account.Currency)+"**") || !strings.Contains(string(b), "\n"+opt.User+"\n") {
		t.Fatalf("letter:\n%s", b)
	}
	var reminders []domain.Activity
	for _, e := range st.Recorded().Entries {
		if e.Activity.Kind == domain.KindReminder {
			reminders = append(reminders, e.Activity)
		}
	}
	if len(reminders) != 1 || reminders[0].Account != "ACC001" || reminders[0].Outcome != domain.ReminderOutcome(want.Level) ||
		reminders[0].Stamp.By != opt.User || reminders[0].On != sample.AsOf {
		t.Fatalf("recorded %+v", reminders)
	}
	press(m, "R") // the preview reads the account's file: the reminder just written is in it
	if v := m.View(); !strings.Contains(v, "not due: one written today") {
		t.Fatalf("second R:\n%s", v)
	}
	press(m, "esc")

	var all []string
	for _, sc := range helpScreens(m) {
		all = append(all, sc...)
	}
	if lineWith(all, "R ", "preview a reminder letter") == "" {
		t.Errorf("the help does not list R:\n%s", strings.Join(all, "\n"))
	}
}
