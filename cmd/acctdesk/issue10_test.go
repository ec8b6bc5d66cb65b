package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"acctdesk/domain"
)

// issue 10, items 16–20: the command line as a collector meets it.

// says runs a command line as main does and fails unless it exits with
// code and its stdout (code 0) or stderr (otherwise) holds every one of want.
func says(t *testing.T, code int, args []string, want ...string) string {
	t.Helper()
	out, errs, got := cmdline(t, args...)
	text := out
	if code != 0 {
		text = errs
	}
	if got != code {
		t.Errorf("acctdesk %q: exit %d, want %d\nstdout: %s\nstderr: %s", args, got, code, out, errs)
		return text
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("acctdesk %q said:\n%s\nwant it to hold %q", args, text, w)
		}
	}
	return text
}

// Item 16: help COMMAND and COMMAND --help print that command's usage, its
// words and a report's columns, without a book.
func TestHelpPerCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	for _, args := range [][]string{{"help", "report", "aging"}, {"report", "aging", "--help"}, {"report", "--help", "aging"}, {"--db", db, "help", "report", "aging"}} {
		says(t, 0, args, "usage: acctdesk report NAME", "--format", "--owner",
			// every column of aging, in its csv spelling, with what it holds (SPEC §4)
			"account ", "current ", "d1_30 ", "d31_60 ", "d61_90 ", "d91_120 ", "d120_plus ", "total ", "unapplied ", "net ",
			"total − unapplied")
	}
	out := says(t, 0, []string{"help", "report"}, "book", "dso", "promises", "escalations", "queue",
		"account,currency,ar,sales,period_days,dso,best_possible_dso,add")
	if strings.Contains(out, "acctdesk — a workstation") {
		t.Errorf("help report printed the general usage:\n%s", out)
	}
	says(t, 0, []string{"help", "log", "call"}, "usage: acctdesk log call ACCOUNT --outcome O",
		"Outcomes: reached, no-answer, voicemail, promise, dispute, call-back, refused, wrong-number")
	says(t, 0, []string{"log", "escalation", "-h"}, "usage: acctdesk log escalation",
		"Categories: credit-breach, overdue, dispute, service-incident, contract, other",
		"Severities: low, medium, high, critical", "Teams (--to): finance, operations, management, legal")
	says(t, 0, []string{"help", "import", "invoices"}, "Kinds: accounts, contacts, invoices", "issue_date*")
	says(t, 0, []string{"help", "backup"}, "--force")
	says(t, 0, []string{"help"}, "acctdesk help COMMAND", "acctdesk init")
	says(t, 1, []string{"help", "report", "agin"}, `unknown report "agin": did you mean aging?`)
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("help made a book at %s", db)
	}
}

// Item 16: a mistyped word is answered with the nearest one.
func TestNearestWordSuggested(t *testing.T) {
	db, _ := safeBook(t)
	g := []string{"--db", db, "--as-of", "2026-11-18"}
	says(t, 1, append(g, "report", "aging", "--formt", "csv"), "--formt: did you mean --format?")
	says(t, 1, append(g, "reprot", "aging"), `unknown command "reprot": did you mean report?`)
	says(t, 1, append(g, "report", "agin"), `unknown report "agin": did you mean aging?`)
	says(t, 1, append(g, "report", "aging", "--format", "cvs"), `--format "cvs": did you mean csv?`)
	says(t, 1, append(g, "log", "cal", "ACME"), `log "cal": did you mean call?`)
	says(t, 1, append(g, "log", "call", "ACME", "--outcome", "reachd"), `--outcome "reachd": did you mean reached?`)
	says(t, 1, append(g, "log", "escalation", "ACME", "--category", "credit-brech", "--severity", "high", "--to", "finance", "--note", "x"),
		`--category "credit-brech": did you mean credit-breach?`)
	says(t, 1, append(g, "log", "escalation", "ACME", "--category", "overdue", "--severity", "hihg", "--to", "finance", "--note", "x"),
		`--severity "hihg": did you mean high?`)
	says(t, 1, append(g, "import", "invoice", "x.csv"), `import kind "invoice": did you mean invoices?`)
	says(t, 1, append(g, "log", "call", "ACM", "--outcome", "reached"), `account "ACM" not found: did you mean ACME?`)
	says(t, 1, append(g, "--dmeo"), "--dmeo: did you mean --demo? (run acctdesk help)")
	says(t, 1, append(g, "demo", "--accounts", "abc"), `--accounts "abc": not a whole number`)
	says(t, 1, append(g, "report", "aging", "--format"), "--format needs a value (run acctdesk help report)")
	// Far from every word: no guess, the words listed.
	says(t, 1, append(g, "log", "call", "ACME", "--outcome", "zzzzzz"), `--outcome "zzzzzz" is not an outcome (reached, no-answer,`)
}

// Item 16: a missing --outcome says what it takes; stray arguments are errors.
func TestRequiredAndStray(t *testing.T) {
	db, _ := safeBook(t)
	g := []string{"--db", db, "--as-of", "2026-11-18"}
	says(t, 1, append(g, "log", "call", "ACME"),
		"--outcome is required (reached, no-answer, voicemail, promise, dispute, call-back, refused, wrong-number)")
	says(t, 1, append(g, "log", "escalation", "ACME", "--note", "x"), "--category is required (credit-breach, overdue,")
	for _, args := range [][]string{
		{"check", "extra"},
		{"report", "aging", "extra"},
		{"log", "call", "ACME", "extra", "--outcome", "reached"},
		{"backup", filepath.Join(t.TempDir(), "a.db"), "extra"},
		{"demo", "extra"},
		{"init", "extra"},
		{"import", "invoices", "a.csv", "extra"},
	} {
		says(t, 1, append(g, args...), `unexpected argument "extra"`)
	}
	if out := says(t, 0, append(g, "report", "queue", "--format", "csv")); strings.Count(out, "ACME") == 0 {
		t.Errorf("the refused call was logged, or the book is not there:\n%s", out)
	}
}

// Item 16: --as-of takes what a form takes, and explains a date it cannot
// read as YYYY-MM-DD, never a Go layout.
func TestAsOfLikeForms(t *testing.T) {
	db, _ := safeBook(t)
	today := domain.DateOf(time.Now())
	csv := func(asOf string) string {
		out, errs, code := cmdline(t, "--db", db, "--as-of", asOf, "report", "aging", "--format", "csv")
		if code != 0 {
			t.Fatalf("--as-of %s: %s", asOf, errs)
		}
		return out
	}
	for _, c := range []struct {
		typed string
		date  domain.Date
	}{
		{"today", today}, {"yesterday", today - 1}, {"+3", today + 3}, {"-3", today - 3}, {"mon", today.Next(time.Monday)},
	} {
		// A report as of the word is the report as of its date (a run
		// across midnight may see the next day: the word is read again).
		got, want := csv(c.typed), csv(c.date.String())
		if got != want && domain.DateOf(time.Now()) == today {
			t.Errorf("--as-of %s is not %s:\n%s\nwant\n%s", c.typed, c.date, got, want)
		}
	}
	for _, bad := range []string{"11/18/2026", "2026-02-30", "someday"} {
		errs := says(t, 1, []string{"--db", db, "--as-of", bad, "report", "aging"}, "--as-of", "YYYY-MM-DD", "yesterday")
		if strings.Contains(errs, "2006") {
			t.Errorf("--as-of %s speaks a Go layout: %s", bad, errs)
		}
	}
	t.Setenv("ACCTDESK_AS_OF", "18.11.2026")
	says(t, 1, []string{"--db", db, "report", "aging"}, "$ACCTDESK_AS_OF", "YYYY-MM-DD")
}

// Item 17: account codes and words in any case.
func TestCodesAndWordsInAnyCase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	g := []string{"--db", db, "--user", "ada", "--as-of", "2026-11-22"}
	says(t, 0, append(g, "log", "call", "acme", "--outcome", "Reached"), "logged call to ACME (reached")
	says(t, 0, append(g, "LOG", "Call", "aCmE", "--outcome", "No Answer"), "logged call to ACME (no-answer")
	says(t, 0, append(g, "log", "call", "acme", "--outcome", "PROMISE", "--promise", "1500.00@2026-11-27"), "logged call to ACME (promise of")
	says(t, 0, append(g, "log", "escalation", "Acme", "--category", "Credit Breach", "--severity", "HIGH", "--to", "Finance", "--note", "over"),
		"escalated ACME to finance (credit-breach, high), due 2026-11-24: escalation 1")
	says(t, 0, append(g, "Report", "Escalations", "--format", "CSV"), "ACME,2026-11-22,credit-breach,high,finance,open,over,ada,1\n")
	says(t, 0, append(g, "resolve", "escalation", "ACME", "1", "--resolution", "limit raised"), "escalation 1 on ACME")
	says(t, 0, append(g, "report", "escalations", "--format", "csv"), "ACME,2026-11-22,credit-breach,high,finance,resolved,over,ada,1\n")
	says(t, 0, append(g, "report", "promises", "--format", "Json"), `"account": "ACME"`, `"amount": 1500.00`)
	says(t, 0, append(g, "import", "Invoices", filepath.Join(dir, "invoices.csv")), ": 5 invoices unchanged")
}

// Item 18: --owner with no account is an error that lists the owners; an
// owner in another case is that owner.
func TestOwnerNobody(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	g := []string{"--db", db, "--as-of", "2026-12-01"}
	says(t, 1, append(g, "report", "aging", "--owner", "nobody"), `no account is owned by "nobody"`, "(owners: ada, tunde)")
	says(t, 1, append(g, "report", "book", "--owner", "tunda", "--format", "csv"), `did you mean tunde?`)
	out := says(t, 0, append(g, "report", "book", "--owner", "TUNDE", "--format", "csv"), "TOGO,")
	if strings.Contains(out, "ACME") {
		t.Errorf("--owner TUNDE shows ada's account:\n%s", out)
	}
}

// Item 20: no command but import, demo and init makes a book; a mistyped
// --db says there is none and how to make one.
func TestMistypedDBMakesNoBook(t *testing.T) {
	dir := t.TempDir()
	typo := filepath.Join(dir, "bok.db")
	for _, args := range [][]string{
		{}, // the workstation
		{"report", "aging"},
		{"log", "call", "ACME", "--outcome", "reached"},
		{"check"},
		{"backup", filepath.Join(dir, "copy.db")},
	} {
		says(t, 1, append([]string{"--db", typo}, args...), "no book at "+typo, "acctdesk demo", "acctdesk import", "acctdesk init")
		if _, err := os.Stat(typo); !os.IsNotExist(err) {
			t.Fatalf("acctdesk %q made a book at %s", args, typo)
		}
	}
	says(t, 0, []string{"--db", typo, "init"}, "empty book created at "+typo)
	says(t, 0, []string{"--db", typo, "report", "aging", "--format", "csv"}, "account,currency")
	says(t, 1, []string{"--db", typo, "init"}, "already holds an empty book")
}

// Item 20: backup FILE refuses a FILE already there without --force.
func TestBackupRefusesExistingFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	keep := write(t, dir, "report.xlsx", "a spreadsheet someone needs")
	says(t, 1, []string{"--db", db, "backup", keep}, keep+" already exists: give --force")
	if b, _ := os.ReadFile(keep); string(b) != "a spreadsheet someone needs" {
		t.Fatalf("backup wrote over %s", keep)
	}
	says(t, 0, []string{"--db", db, "backup", keep, "--force"}, "backup written to")
	says(t, 0, []string{"--db", keep, "check"}, "ok")
	says(t, 1, []string{"--db", db, "backup", db}, "is the book itself")
}

// Item 20: --demo --reset makes the demo book anew, and never replaces a
// book demo did not write.
func TestDemoReset(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "book.db")
	importBook(t, real, dir)
	says(t, 1, []string{"--db", real, "--demo", "--reset"}, "not a demo book")
	says(t, 1, []string{"--db", real, "--reset"}, "--reset goes with --demo")
	says(t, 0, []string{"--db", real, "report", "aging", "--format", "csv"}, "ACME,NGN")

	demoDB := filepath.Join(dir, "demo.db")
	c := &cli{stdout: os.Stdout, stderr: &strings.Builder{}}
	g := &globals{db: demoDB, user: "ada"}
	asOf := domain.MustDate("2026-11-18")
	made, err := c.demoBook(g, asOf, false)
	if err != nil || !strings.Contains(made, "to make it anew: acctdesk --demo --reset") || !strings.Contains(made, demoDB) {
		t.Fatalf("first use: %q %v", made, err)
	}
	fresh := must(t, demoDB, "report", "promises", "--format", "csv", "--as-of", "2026-11-18")
	must(t, demoDB, "log", "call", "OKAF01", "--outcome", "promise", "--promise", "1000.00@2026-11-20", "--as-of", "2026-11-18")
	if again, err := c.demoBook(g, asOf, false); err != nil || again != "" {
		t.Fatalf("second use remade the book: %q %v", again, err)
	}
	if made, err = c.demoBook(g, asOf, true); err != nil || made == "" {
		t.Fatalf("reset: %q %v", made, err)
	}
	if got := must(t, demoDB, "report", "promises", "--format", "csv", "--as-of", "2026-11-18"); got != fresh {
		t.Errorf("after --reset the demo book is not as new:\n%s\nwant\n%s", got, fresh)
	}
}
