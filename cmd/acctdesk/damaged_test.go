package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDamagedBookIsReadOnly: a book with one record damaged fails check,
// which lists the record; from then on every command that opens it says in
// one line that it is read-only, reads still work where they do not meet
// the damage, and a write is refused and changes nothing.
func TestDamagedBookIsReadOnly(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	if _, errOut, code := cmdline(t, "demo", "--db", db, "--as-of", "2026-11-22", "--accounts", "8"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	// A contract's reference damaged in its record (not in the account's
	// facts, which hold it too): the reports read facts, so only check (and
	// the account's own file) meets the damage.
	var errOut string
	for from := 0; ; {
		i := bytes.Index(data[from:], []byte("CTR-"))
		if i < 0 {
			t.Fatal("no contract record found to damage")
		}
		from += i + 1
		bad := bytes.Clone(data)
		bad[from] ^= 1
		if err := os.WriteFile(db, bad, 0o600); err != nil {
			t.Fatal(err)
		}
		os.Remove(db + ".damaged")
		var code int
		if _, errOut, code = cmdline(t, "check", "--db", db); code == 0 {
			t.Fatalf("check passed with byte %d changed", from)
		}
		if strings.Contains(errOut, "contracts \"") {
			break
		}
	}
	if !strings.Contains(errOut, "checksum mismatch") {
		t.Fatalf("check of a damaged contract said %q; want its bucket, key and reason", errOut)
	}
	if _, err := os.Stat(db + ".damaged"); err != nil {
		t.Fatalf("check failed but left no marker: %v", err)
	}
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}

	out, errOut, code := cmdline(t, "report", "book", "--db", db, "--as-of", "2026-11-22")
	if code != 0 || strings.Count(out, "\n") < 9 { // a header and the eight accounts
		t.Fatalf("a report on a read-only book: exit %d, %q", code, errOut)
	}
	saysOneLine(t, "report on a damaged book", errOut, "read-only until acctdesk check passes")

	acct := strings.Fields(strings.Split(out, "\n")[1])[0]
	_, errOut, code = cmdline(t, "log", "call", acct, "--outcome", "reached", "--db", db, "--as-of", "2026-11-22", "--user", "ada")
	if code == 0 || !strings.Contains(errOut, "read-only") {
		t.Fatalf("a call on a damaged book: exit %d, %q; want it refused as read-only", code, errOut)
	}
	after, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Fatal("a refused write changed the book's file")
	}
}
