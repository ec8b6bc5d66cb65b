package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestLogIssue: log issue and resolve issue on the small book; the
// refusals say what is wrong. What the bbolt store keeps of an issue before
// issue 14's store part (kind, dates, owner, status, confirmation) is all
// this test reads.
func TestLogIssue(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	on := []string{"--as-of", "2026-11-20"} // a Friday
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"log", "issue", "ACME", "--sla", "mon", "--note", "x"}, "--kind is required (late-delivery, short-volume"},
		{[]string{"log", "issue", "ACME", "--kind", "late", "--sla", "mon", "--note", "x"}, `--kind "late": did you mean late-delivery?`},
		{[]string{"log", "issue", "ACME", "--kind", "quality", "--note", "x"}, "needs --sla DATE"},
		{[]string{"log", "issue", "ACME", "--kind", "quality", "--sla", "mon"}, "needs --note TEXT"},
		{[]string{"log", "issue", "ACME", "--kind", "quality", "--sla", "someday", "--note", "x"}, "--sla:"},
		{append([]string{"log", "issue", "ACME", "--kind", "quality", "--sla", "2026-11-19", "--note", "x"}, on...), "--sla: the deadline 2026-11-19 is before today (2026-11-20)"},
		{append([]string{"log", "issue", "ACME", "--kind", "quality", "--sla", "mon", "--note", "x", "--step", "call"}, on...), "--step 1: \"call\": write TEXT@DATE"},
		{append([]string{"log", "issue", "ACME", "--kind", "quality", "--sla", "2028-01-01", "--note", "x"}, on...), "more than a year away: give --confirm to save it"},
		{[]string{"log", "isue", "ACME"}, "did you mean issue?"},
	} {
		_, err := acctdesk(t, db, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v; want an error saying %q", strings.Join(c.args, " "), err, c.want)
		}
	}
	// mon from Fri 11-20 is 11-23.
	out := must(t, db, append([]string{"log", "issue", "acme", "--kind", "Late Delivery", "--sla", "mon", "--note", "AGO 2 days late",
		"--kpi", "on-time deliveries", "--target", "98 %", "--step", "call the depot@+1", "--step", "weekly report@2026-11-27"}, on...)...)
	if want := "service issue 1 opened on ACME (late-delivery), SLA 2026-11-23, owner ada, 2 steps\n"; out != want {
		t.Errorf("log issue said %q, want %q", out, want)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"resolve", "issue", "ACME", "1"}, "needs --resolution TEXT"},
		{[]string{"resolve", "issue", "ACME", "x", "--resolution", "y"}, `service issue ID "x" is not a number`},
		{[]string{"resolve", "issue", "ACME", "7", "--resolution", "y"}, "account ACME has no service issue 7 (its open issues: 1, late-delivery, SLA 2026-11-23)"},
		{[]string{"resolve", "issue", "ACME", "1", "--resolution", "y", "--as-of", "2026-11-19"}, "the issue opened on 2026-11-20, after 2026-11-19"},
		{[]string{"issue", "ACME", "1"}, "issue needs something to change"},
		{[]string{"issue", "ACME", "1", "--status", "resolved"}, `--status "resolved"`},
		{[]string{"issue", "ACME", "1", "--done", "x"}, `"x" is not a step's number`},
	} {
		_, err := acctdesk(t, db, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v; want an error saying %q", strings.Join(c.args, " "), err, c.want)
		}
	}
	out = must(t, db, "issue", "ACME", "1", "--status", "in-progress", "--as-of", "2026-11-21")
	if want := "service issue 1 on ACME updated: in progress (was open); in-progress, "; !strings.HasPrefix(out, want) {
		t.Errorf("issue said %q, want %q…", out, want)
	}
	// Resolved Tue 11-24, a day after the deadline (11-23).
	out = must(t, db, "resolve", "issue", "ACME", "1", "--resolution", "second truck on the run", "--confirmed", "--as-of", "2026-11-24")
	if want := "service issue 1 on ACME (late-delivery) resolved on 2026-11-24 after 4 days, 1 day after the SLA deadline, confirmed in writing\n"; out != want {
		t.Errorf("resolve said %q, want %q", out, want)
	}
	if _, err := acctdesk(t, db, "resolve", "issue", "ACME", "1", "--resolution", "again"); err == nil || !strings.Contains(err.Error(), "already resolved") {
		t.Errorf("resolved twice: %v", err)
	}
	says(t, 0, []string{"help", "log", "issue"}, "--step TEXT@DATE", "late-delivery, short-volume, fleet-incident, quality, billing-error, other")
	says(t, 0, []string{"help", "report", "issues"}, "sla_met", "no when resolved after it, or still open past it")
	says(t, 0, []string{"help", "resolve", "issue"}, "--confirmed", "the customer confirmed the resolution in writing")
}

// TestIssueReport: the problem record kept whole (steps done, the resolved
// date) and report issues. Needs the bbolt store to keep an issue's new
// fields (the store's part of issue 14).
func TestIssueReport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	must(t, db, "log", "issue", "ACME", "--kind", "quality", "--sla", "2026-11-23", "--note", "water in the AGO, tank 3",
		"--step", "lab test@2026-11-21", "--as-of", "2026-11-20")
	out := must(t, db, "issue", "ACME", "1", "--done", "1", "--step", "flush tank@2026-11-22", "--as-of", "2026-11-21")
	if want := "service issue 1 on ACME updated: step 1 done: lab test; step 2 added: flush tank by 22 Nov 2026; open, 1 of 2 steps to do\n"; out != want {
		t.Errorf("issue said %q, want %q", out, want)
	}
	must(t, db, "resolve", "issue", "ACME", "1", "--resolution", "tank flushed", "--as-of", "2026-11-23")
	got := must(t, db, "report", "issues", "--format", "csv", "--as-of", "2026-11-30")
	want := "account,id,kind,opened_on,sla,owner,status,sla_met,resolved_on,confirmed_in_writing,summary\n" +
		"ACME,1,quality,2026-11-20,2026-11-23,ada,resolved,yes,2026-11-23,no,\"water in the AGO, tank 3\"\n"
	if got != want {
		t.Errorf("report issues:\n%s\nwant:\n%s", got, want)
	}
}
