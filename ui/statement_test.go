package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/ui/internal/sample"
)

// S on an account writes its statement into the documents directory (made
// when missing), in the configured format, and the status line says where;
// its total due is the account's AR (the aging net) as the view has it.
func TestStatementKey(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Documents", "acctdesk")
	opt := testOptions()
	opt.DocumentsDir, opt.StatementFormat = dir, "md"
	m := loadedWith(t, 80, 24, sample.Store(), opt)
	press(m, "S") // on the queue S reverses the sort: no statement
	if _, err := os.Stat(dir); err == nil {
		t.Fatal("S on the queue wrote a statement")
	}
	press(m, "enter") // ACC001, the queue's top item
	if m.Current() != "Account" || accountOf(m).Code() != "ACC001" {
		t.Fatalf("enter opened %s %s", m.Current(), accountOf(m).Code())
	}
	press(m, "S")
	path := filepath.Join(dir, "statement-ACC001-"+sample.AsOf.String()+".md")
	if want := "Wrote statement-ACC001-" + sample.AsOf.String() + ".md in " + dir + "/"; m.Status() != want {
		t.Fatalf("status %q, want %q", m.Status(), want)
	}
	if v := m.View(); !strings.Contains(v, "Wrote statement-ACC001-"+sample.AsOf.String()+".md in ") {
		t.Fatalf("the status line does not say it:\n%s", v)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := m.view.Summary("ACC001")
	due := "| **Total due** | **" + domain.Human(s.AR(), s.Facts.Account.Currency) + "** |"
	if !strings.Contains(string(b), due) || !strings.Contains(string(b), "(ACC001)") {
		t.Fatalf("no %q in:\n%s", due, b)
	}

	// The help lists the key.
	var all []string
	for _, sc := range helpScreens(m) {
		all = append(all, sc...)
	}
	if lineWith(all, "S ", "write the statement") == "" {
		v := strings.Join(all, "\n")
		t.Errorf("the help does not list S:\n%s", v)
	}
}

// The default format is pdf; a directory that cannot be made is said on
// the status line, and nothing else happens.
func TestStatementKeyPDFAndError(t *testing.T) {
	dir := t.TempDir()
	opt := testOptions()
	opt.DocumentsDir = dir
	m := loadedWith(t, 100, 30, sample.Store(), opt)
	press(m, "enter", "S")
	b, err := os.ReadFile(filepath.Join(dir, "statement-ACC001-"+sample.AsOf.String()+".pdf"))
	if err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("no pdf (%v): %.10q; status %q", err, b, m.Status())
	}

	blocked := filepath.Join(dir, "file")
	os.WriteFile(blocked, nil, 0o600)
	opt.DocumentsDir = filepath.Join(blocked, "sub") // under a file: cannot be made
	m = loadedWith(t, 100, 30, sample.Store(), opt)
	press(m, "enter", "S")
	if !strings.HasPrefix(m.Status(), "No statement of ACC001: ") {
		t.Fatalf("status %q", m.Status())
	}
}
