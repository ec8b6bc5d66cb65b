package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestResolveEscalation: log escalation, then resolve escalation with its
// id: the refusals say what is wrong, the resolution is dated --as-of, and
// report changes lists it as escalation-resolved that day.
func TestResolveEscalation(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	must(t, db, "log", "escalation", "ACME", "--category", "overdue", "--severity", "high", "--to", "finance",
		"--note", "A-1 unpaid after two calls", "--as-of", "2026-11-20")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"resolve", "escalation", "ACME", "9", "--resolution", "x"},
			"account ACME has no escalation 9 (its open escalations: 1, opened 2026-11-20, overdue to finance)"},
		{[]string{"resolve", "escalation", "ACME", "one", "--resolution", "x"}, `escalation ID "one" is not a number`},
		{[]string{"resolve", "escalation", "ACME", "1"}, "needs --resolution TEXT"},
		{[]string{"resolve", "escalation", "ACME"}, "needs an ACCOUNT and an escalation ID"},
		// Opened 11-20: resolving it on 11-19 is before it existed.
		{[]string{"resolve", "escalation", "ACME", "1", "--resolution", "x", "--as-of", "2026-11-19"}, "the escalation opened on 2026-11-20, after 2026-11-19"},
		{[]string{"resolve", "escalaton", "ACME", "1"}, "did you mean escalation?"},
	} {
		_, err := acctdesk(t, db, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v; want an error saying %q", strings.Join(c.args, " "), err, c.want)
		}
	}
	out := must(t, db, "resolve", "escalation", "acme", "1", "--resolution", "paid in full on the 23rd", "--as-of", "2026-11-24")
	// 2026-11-24 − 2026-11-20 = 4 days.
	if want := "escalation 1 on ACME (overdue, to finance) resolved on 2026-11-24 after 4 days\n"; out != want {
		t.Errorf("resolve said %q, want %q", out, want)
	}
	if _, err := acctdesk(t, db, "resolve", "escalation", "ACME", "1", "--resolution", "again", "--as-of", "2026-11-25"); err == nil ||
		!strings.Contains(err.Error(), "escalation 1 on ACME is already resolved on 2026-11-24 by ada") {
		t.Errorf("resolved twice: %v", err)
	}
	// Since 11-23, as of 11-24: the resolution (11-24) is in; the opening (11-20) is not.
	got := must(t, db, "report", "changes", "--since", "2026-11-23", "--as-of", "2026-11-24", "--format", "csv")
	var rows []string
	for _, l := range strings.Split(got, "\n") {
		if strings.Contains(l, "escalation") {
			rows = append(rows, l)
		}
	}
	if len(rows) != 1 || !strings.Contains(rows[0], "2026-11-24") || !strings.Contains(rows[0], "ACME") ||
		!strings.Contains(rows[0], "escalation-resolved") || !strings.Contains(rows[0], "overdue: paid in full on the 23rd") {
		t.Errorf("report changes since 11-23:\n%s", got)
	}
	// Since 11-24 (the day itself is not after since): none.
	if got := must(t, db, "report", "changes", "--since", "2026-11-24", "--as-of", "2026-11-25", "--format", "csv"); strings.Contains(got, "escalation-resolved") {
		t.Errorf("report changes since 11-24 lists the resolution:\n%s", got)
	}
	must(t, db, "check")
	says(t, 0, []string{"help", "resolve", "escalation"}, "ACCOUNT ID --resolution T", "one already", "A lead's decision")
	says(t, 0, []string{"help", "resolve"}, "dispute|escalation|issue ACCOUNT ID")
	says(t, 0, []string{"help", "report", "changes"}, "escalation-resolved: an escalation resolved in (since, as-of] (resolve escalation)")
}
