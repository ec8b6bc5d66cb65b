package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestLogQBRClearsQBRDue: ACME is tier 1 and on 1 Dec 2026 the quarter ends
// in 30 days with no QBR: qbr-due. `log qbr` logs one (SPEC §4, §10.7) and
// the item goes; its --next is a follow-up on the queue that day. The other
// contacts that are not calls log the same way.
func TestLogQBRClearsQBRDue(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	queue := func(asOf string) string {
		return must(t, db, "report", "queue", "--format", "csv", "--as-of", asOf)
	}
	if q := queue("2026-12-01"); !strings.Contains(q, ",ACME,qbr-due,2026-12-31,") {
		t.Fatalf("no qbr-due for ACME before the QBR:\n%s", q)
	}
	out := must(t, db, "log", "QBR", "acme", "--note", "QBR held: volumes up", "--next", "2026-12-08", "--as-of", "2026-12-01")
	if out != "logged a QBR on ACME, 2026-12-01 (next follow-up 2026-12-08)\n" {
		t.Errorf("log qbr: %q", out)
	}
	if q := queue("2026-12-01"); strings.Contains(q, "qbr-due") {
		t.Errorf("qbr-due after the QBR:\n%s", q)
	}
	if q := queue("2026-12-08"); !strings.Contains(q, ",ACME,follow-up,2026-12-08,") {
		t.Errorf("no follow-up from the QBR's --next:\n%s", q)
	}
	for _, kind := range []string{"note", "visit", "meeting", "email"} {
		out := must(t, db, "log", kind, "TOGO", "--note", "about the "+kind, "--as-of", "2026-12-01")
		if !strings.HasPrefix(out, "logged a") || !strings.Contains(out, " on TOGO, 2026-12-01\n") {
			t.Errorf("log %s: %q", kind, out)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"log", "qbr", "ACME"}, "log qbr needs --note TEXT"},
		{[]string{"log", "visit"}, "log visit needs an ACCOUNT"},
		{[]string{"log", "visit", "ACME", "--note", "x", "--next", "2026-11-30", "--as-of", "2026-12-01"}, "--next: 2026-11-30 is before the day logged"},
		{[]string{"log", "visit", "ACME", "--note", "x", "--next", "soon"}, `--next: "soon" is not a date`},
		{[]string{"log", "vist", "ACME"}, `log "vist": did you mean visit?`},
	} {
		if _, err := acctdesk(t, db, c.args...); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %v, want %q", c.args, err, c.want)
		}
	}
}
