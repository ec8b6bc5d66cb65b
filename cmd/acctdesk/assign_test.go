package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"acctdesk/store/bolt"
)

// Issue 11 item 4: acctdesk assign CODE... --to NAME gives the accounts to
// a user in one write (codes in any case), says what it did, and the book
// report's owner column follows; the timeline has the stamped change; the
// book checks clean.
func TestAssignCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir) // ACME is ada's, TOGO tunde's
	g := []string{"--db", db, "--as-of", "2026-12-01", "--user", "bisi"}

	out := says(t, 0, append(g, "assign", "acme", "TOGO", "--to", "tunde"),
		"assigned 1 account to tunde (ACME); 1 account already tunde's (TOGO)\n")
	if strings.Count(out, "\n") != 1 {
		t.Errorf("said more than one line:\n%s", out)
	}
	book := says(t, 0, append(g, "report", "book", "--format", "csv"))
	for _, want := range []string{"\nACME,Acme Haulage Ltd,1,tunde,", "\nTOGO,Lomé Transit SA,3,tunde,"} {
		if !strings.Contains(book, want) {
			t.Errorf("report book does not hold %q:\n%s", want, book)
		}
	}
	says(t, 0, append(g, "report", "book", "--owner", "Tunde", "--format", "csv"), "\nACME,", "\nTOGO,")

	// The change is on ACME's timeline, stamped.
	st, err := bolt.OpenExisting(db, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := st.LoadAccount("ACME")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(f.Activities); n != 1 || f.Activities[0].Kind != "assignment" ||
		f.Activities[0].Text != "assigned to tunde (was ada) by bisi" || f.Activities[0].Stamp.By != "bisi" ||
		f.Activities[0].On.String() != "2026-12-01" {
		t.Errorf("ACME timeline: %+v", f.Activities)
	}
	says(t, 0, append(g, "check"))

	// Both again: nothing to do, nothing written.
	says(t, 0, append(g, "assign", "ACME", "togo", "--to", "TUNDE"), "nothing to assign: 2 accounts already tunde's (ACME, TOGO)")
}

// All or nothing: a code the book does not have, or a name that is not a
// user's, assigns nothing.
func TestAssignRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	g := []string{"--db", db, "--as-of", "2026-12-01"}
	says(t, 1, append(g, "assign", "ACME", "NOPE", "--to", "tunde"), "nothing assigned", `account "NOPE" not found`)
	says(t, 1, append(g, "assign", "ACME", "--to", "tun\x1b[2Jde"), `--to "tun\x1b[2Jde" contains a control character`)
	says(t, 1, append(g, "assign", "ACME"), "assign needs --to NAME")
	says(t, 1, append(g, "assign", "--to", "tunde"), "assign needs an ACCOUNT")
	book := says(t, 0, append(g, "report", "book", "--format", "csv"))
	if !strings.Contains(book, "\nACME,Acme Haulage Ltd,1,ada,") {
		t.Errorf("a refused assignment changed ACME:\n%s", book)
	}
	says(t, 0, []string{"help", "assign"}, "usage: acctdesk assign ACCOUNT... --to NAME", "--to NAME")
}

// A name no account had is a new owner: it is assigned, and a note on
// stderr asks to check the name (a typo would start a queue nobody reads).
func TestAssignNewOwnerNoted(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	var out, errs bytes.Buffer
	if err := run([]string{"--db", db, "--user", "bisi", "assign", "togo", "--to", "kemi"}, &out, &errs); err != nil {
		t.Fatal(err)
	}
	if out.String() != "assigned 1 account to kemi (TOGO)\n" || !strings.Contains(errs.String(), "no account was kemi's before") {
		t.Errorf("stdout %q stderr %q", out.String(), errs.String())
	}
}
