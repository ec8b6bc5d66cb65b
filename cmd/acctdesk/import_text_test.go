package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestImportNoteWithLineBreaks: an ERP's dispute note may run over lines
// inside its quotes; it is kept (free text may hold line breaks), and the
// same file again changes nothing. A code never may.
func TestImportNoteWithLineBreaks(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	path := write(t, dir, "inv.csv", "account,number,issue_date,amount,disputed,dispute_reason\r\n"+
		"ACME,D-1,2026-11-01,10.00,yes,\"short delivery:\r\n20 litres, see POD\"\r\n")
	if out := must(t, db, "import", "invoices", path); !strings.HasSuffix(out, ": 1 invoice added, 1 dispute added\n") {
		t.Fatalf("first import: %q", out)
	}
	if out := must(t, db, "import", "invoices", path); !strings.HasSuffix(out, ": 1 invoice unchanged\n") {
		t.Fatalf("again: %q", out)
	}
	bad := write(t, dir, "bad.csv", "account,number,issue_date,amount\nACME,\"D-\n2\",2026-11-01,10.00\n")
	if _, err := acctdesk(t, db, "import", "invoices", bad); err == nil || !strings.Contains(err.Error(), "line 2: number: ") {
		t.Fatalf("a number with a line break: %v", err)
	}
}
