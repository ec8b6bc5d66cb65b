package main

import (
	"io"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The book of importBook as of 2026-12-01 (TestImportAndReports): ACME
// A-1 700,000.00 at 92 days, A-2 200,000.25 at 976 days (A-3 is due that
// day: not overdue): level 3 from A-2 (976 ≥ 30), total due 700,000.00 +
// 200,000.25 = 900,000.25, to Ngozi Eze (finance, primary). TOGO T-1
// 100,000 at 31 days: level 3, total 100,000 (XOF, no places), no contact.
func TestRemindDryRun(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	const head = "account,level,oldest_days,total_due,currency,contact,email\n"
	got := must(t, db, "remind", "--dry-run", "--as-of", "2026-12-01")
	want := head + "ACME,3,976,900000.25,NGN,Ngozi Eze,ngozi@acme.ng\n" + "TOGO,3,31,100000,XOF,,\n"
	if got != want {
		t.Fatalf("dry run:\n%s\nwant:\n%s", got, want)
	}
	// As of 2026-09-10 (82 days before 12-01: 20 + 31 + 30 + 1) ACME's A-1
	// (due 08-31) is 10 days late, but A-2 sets the level: 976 − 82 = 894
	// days; P-1 (09-15) and P-2 (10-01) are not paid yet: total 1,000,000.00
	// + 250,000.50 = 1,250,000.50. TOGO's T-1 is not due yet: only ACME.
	if got := must(t, db, "remind", "--dry-run", "--as-of", "2026-09-10"); got != head+"ACME,3,894,1250000.50,NGN,Ngozi Eze,ngozi@acme.ng\n" {
		t.Errorf("as of 09-10:\n%s", got)
	}
	// A promise of 200,000.25 due 12-05 covers A-2 (the oldest due first):
	// the level is A-1's, 92 days. One of 900,000.25 covers both: ACME is
	// not due, and named it says level 0 (the total due is still owed).
	must(t, db, "log", "call", "ACME", "--outcome", "promise", "--promise", "200000.25@2026-12-05", "--as-of", "2026-12-01")
	if got := must(t, db, "remind", "--dry-run", "--as-of", "2026-12-01"); !strings.Contains(got, "ACME,3,92,900000.25,NGN") {
		t.Errorf("A-2 covered:\n%s", got)
	}
	must(t, db, "log", "call", "ACME", "--outcome", "promise", "--promise", "700000.00@2026-12-05", "--as-of", "2026-12-01")
	if got := must(t, db, "remind", "--dry-run", "--as-of", "2026-12-01"); got != head+"TOGO,3,31,100000,XOF,,\n" {
		t.Errorf("all covered:\n%s", got)
	}
	if got := must(t, db, "remind", "acme", "--dry-run", "--as-of", "2026-12-01"); got != head+"ACME,0,0,900000.25,NGN,Ngozi Eze,ngozi@acme.ng\n" {
		t.Errorf("named:\n%s", got)
	}
	if _, err := acctdesk(t, db, "remind", "--as-of", "2026-12-01"); err == nil || !strings.Contains(err.Error(), "--out") {
		t.Errorf("no --out: %v", err)
	}
}

// Letters written: an e-mail per account due (TOGO has no e-mail: reported,
// not written), each on the timeline, so the next run knows: not due again
// the same day, nor 6 days later at the same level; due on the 7th.
func TestRemindWrites(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config")) // no templates there: the built-in ones
	out := filepath.Join(dir, "letters")
	os.Mkdir(out, 0o755)
	var stderr strings.Builder
	args := []string{"--db", db, "--user", "ada", "remind", "--out", out, "--format", "eml", "--from", "ar@delta.ng", "--as-of", "2026-12-01"}
	var stdout strings.Builder
	if err := run(args, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), "1 letter written, 1 not written") || !strings.Contains(stderr.String(), "TOGO: no e-mail address") {
		t.Errorf("said %q, %q", stdout.String(), stderr.String())
	}
	f, err := os.Open(filepath.Join(out, "reminder-ACME-2026-12-01.eml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := mail.ReadMessage(f)
	if err != nil {
		t.Fatal(err)
	}
	to, _ := m.Header.AddressList("To")
	from, _ := m.Header.AddressList("From")
	if len(to) != 1 || to[0].Address != "ngozi@acme.ng" || len(from) != 1 || from[0].Address != "ar@delta.ng" ||
		m.Header.Get("Subject") != "Final notice: account ACME, NGN 900,000.25 due" {
		t.Errorf("header %v", m.Header)
	}
	body, _ := io.ReadAll(m.Body)
	for _, want := range []string{"A-2  issued 2024-02-29  due 2024-03-30  200,000.25  (976 days late)",
		"A-1  issued 2026-08-01  due 2026-08-31  700,000.00  (92 days late)", "Total due: 900,000.25 NGN", "\r\nada\r\n"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("no %q in\n%s", want, body)
		}
	}
	if strings.Contains(string(body), "A-3") {
		t.Error("A-3 is not overdue")
	}
	// On the timeline; not due again today, nor on 12-07 (6 days); due 12-08,
	// when A-3 (due 12-01, 300,000.00) is 7 days late too: 900,000.25 +
	// 300,000.00 = 1,200,000.25.
	const head = "account,level,oldest_days,total_due,currency,contact,email\n"
	for asOf, want := range map[string]string{
		"2026-12-01": head + "TOGO,3,31,100000,XOF,,\n",
		"2026-12-07": head + "TOGO,3,37,100000,XOF,,\n",
		"2026-12-08": head + "ACME,3,983,1200000.25,NGN,Ngozi Eze,ngozi@acme.ng\n" + "TOGO,3,38,100000,XOF,,\n",
	} {
		if got := must(t, db, "remind", "--dry-run", "--as-of", asOf); got != want {
			t.Errorf("as of %s:\n%s\nwant:\n%s", asOf, got, want)
		}
	}
	if q := must(t, db, "report", "queue", "--format", "csv", "--as-of", "2026-12-01"); strings.Contains(q, "ACME,reminder-due") || !strings.Contains(q, "TOGO,reminder-due") {
		t.Errorf("queue:\n%s", q)
	}
	// TOGO named, as md: written (no e-mail needed), in XOF.
	must(t, db, "remind", "TOGO", "--out", out, "--as-of", "2026-12-01")
	md, err := os.ReadFile(filepath.Join(out, "reminder-TOGO-2026-12-01.md"))
	if err != nil || !strings.Contains(string(md), "| T-1 | 2026-10-01 | 2026-10-31 | 100,000 | 31 |") || !strings.HasPrefix(string(md), "# Final notice\n") {
		t.Errorf("md %v:\n%s", err, md)
	}
	// A template of the same name in the templates directory is used instead.
	tpl := filepath.Join(dir, "config", "acctdesk", "templates")
	os.MkdirAll(tpl, 0o755)
	os.WriteFile(filepath.Join(tpl, "reminder-3.html"), []byte("<p>{{.Customer}} owes {{.TotalDue}} {{.Currency}}</p>\n"), 0o644)
	must(t, db, "remind", "TOGO", "--out", out, "--format", "html", "--as-of", "2026-12-01")
	if h, _ := os.ReadFile(filepath.Join(out, "reminder-TOGO-2026-12-01.html")); string(h) != "<p>Lomé Transit SA owes 100,000 XOF</p>\n" {
		t.Errorf("html %q", h)
	}
}
