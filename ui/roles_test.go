package ui

import (
	"strings"
	"testing"

	"acctdesk/desk"
	"acctdesk/ui/internal/sample"
)

// A collector's session says so on the status line, and the keys of a
// lead's writes (L a credit decision, a and r on the contracts tab) are
// refused at the key, before any form is filled in for nothing (SPEC §12);
// a collector's own writes (c) still open their form.
func TestCollectorKeysRefusedUpFront(t *testing.T) {
	opt := testOptions()
	opt.User, opt.Role = "musa", desk.Collector
	m := loadedWith(t, 100, 30, sample.Store(), opt)
	press(m, ":", "ACC002", "enter")
	if v := m.View(); !strings.Contains(v, "you: musa (collector)") {
		t.Fatalf("the role is not on the status line:\n%s", v)
	}
	for _, k := range []string{"L", "a"} {
		press(m, k)
		if m.form() != nil {
			t.Fatalf("%s opened a form for a collector:\n%s", k, m.View())
		}
		if v := m.View(); !strings.Contains(v, "needs a lead") {
			t.Fatalf("%s: no refusal said:\n%s", k, v)
		}
	}
	press(m, "c")
	if f := m.form(); f == nil {
		t.Fatalf("c: a collector's call form did not open:\n%s", m.View())
	}
}
