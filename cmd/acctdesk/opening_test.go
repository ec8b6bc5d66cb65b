package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestOpeningFile: doc, block and resolve block on a new account of the
// small book. The refusals need nothing of the store; what the book keeps
// (the document, the blockage and its id) needs store/bolt to keep the
// opening file (issue 15's store part).
func TestOpeningFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	must(t, db, "import", "accounts", write(t, dir, "new.csv", "code,name,segment,status,opened_on,currency\n"+
		"GREEN,Greenfield Solar,Solar,onboarding,2026-10-30,NGN\n"))
	on := []string{"--as-of", "2026-11-22"}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"doc"}, "doc needs an ACCOUNT"},
		{[]string{"doc", "GREEN", "--kind", "passport"}, `kind: "passport" is not a document segment Solar requires (company-registration, tax-identifier, signatory-id, signed-contract)`},
		{[]string{"doc", "GREEN", "--kind", "tax-identifer"}, "did you mean tax-identifier?"},
		{[]string{"doc", "GREEN"}, "name the document: segment Solar requires company-registration"},
		{append([]string{"doc", "GREEN", "--kind", "tax-identifier", "--received", "2026-11-23"}, on...), "received: 2026-11-23 is after today (2026-11-22)"},
		{[]string{"doc", "GREEN", "--kind", "tax-identifier", "--received", "someday"}, "--received:"},
		{[]string{"doc", "GREEN", "--kind", "tax-identifier", "--file", filepath.Join(dir, "none.pdf")}, "none.pdf: no such file or directory"},
		{[]string{"block", "GREEN"}, "block needs --reason TEXT"},
		{[]string{"resolve", "block", "GREEN"}, "resolve block needs an ACCOUNT and a blockage ID"},
		{[]string{"resolve", "block", "GREEN", "x"}, `blockage ID "x" is not a number`},
		{[]string{"resolve", "block", "GREEN", "4"}, "account GREEN has no blockage 4 (it has no open blockage)"},
		{[]string{"resolve", "blok", "GREEN", "4"}, "did you mean block?"},
	} {
		_, err := acctdesk(t, db, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v; want an error saying %q", strings.Join(c.args, " "), err, c.want)
		}
	}
	scan := write(t, dir, "tax.pdf", "abc")
	out := must(t, db, append([]string{"doc", "green", "--kind", "Tax Identifier", "--received", "2026-11-20", "--file", scan}, on...)...)
	// SHA-256 of "abc" begins ba7816bf (FIPS 180-2).
	if want := "document tax-identifier of GREEN recorded: received 2026-11-20; file " + scan + " (sha256 ba7816bf)\n" +
		"GREEN (onboarding): missing company registration, signatory's ID, signed contract; not validated: tax identifier\n"; out != want {
		t.Errorf("doc said\n%q, want\n%q", out, want)
	}
	out = must(t, db, append([]string{"block", "GREEN", "--reason", "credit check", "--since", "2026-11-16"}, on...)...)
	if want := "blockage 1 raised on GREEN: credit check (owner ada, since 2026-11-16)\n" +
		"GREEN (onboarding): missing company registration, signatory's ID, signed contract; not validated: tax identifier; blocked: credit check\n"; out != want {
		t.Errorf("block said\n%q, want\n%q", out, want)
	}
	queue := must(t, db, append([]string{"report", "queue", "--format", "csv"}, on...)...)
	// Signed 2026-10-30: 23 days before 2026-11-22.
	if !strings.Contains(queue, "go-live-late,2026-11-13,") || !strings.Contains(queue,
		"signed 23 days ago, not live: missing company registration, signatory's ID, signed contract; not validated: tax identifier; blocked: credit check") {
		t.Errorf("the queue:\n%s", queue)
	}
	write(t, dir, "tax.pdf", "abc\n")
	out = must(t, db, append([]string{"doc", "GREEN", "--kind", "tax-identifier", "--file", scan, "--validated"}, "--as-of", "2026-11-23")...)
	if want := "document tax-identifier of GREEN updated: the scan changed (sha256 ba7816bf → edeaaff3); validated by ada\n"; !strings.HasPrefix(out, want) {
		t.Errorf("doc again said\n%q, want\n%q…", out, want)
	}
	// 2026-11-16 to 11-23: 7 days.
	out = must(t, db, "resolve", "block", "GREEN", "1", "--note", "bank reference in", "--as-of", "2026-11-23")
	if want := "blockage 1 of GREEN resolved on 2026-11-23 after 7 days: credit check\n" +
		"GREEN (onboarding): missing company registration, signatory's ID, signed contract\n"; out != want {
		t.Errorf("resolve block said\n%q, want\n%q", out, want)
	}
}
