package docs

import (
	"bytes"
	"errors"
	"io"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"acctdesk/domain"
)

func letterOf(t *testing.T, f *domain.AccountFile, asOf string) domain.ReminderLetter {
	t.Helper()
	set := domain.DefaultSettings()
	set.Name = "Delta Fuels Ltd"
	r, err := domain.ReminderLetterOf(f, set, domain.MustDate(asOf), "ada")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// The sample as of 2026-06-30: I1 500.00 at 91 days, I2 300.00 at 30 days
// (I3 not yet due). The open promise of 500.00 (given 06-28, due 07-05,
// nothing paid since) covers I1 whole, so the level is I2's: 30 days =
// final notice (level 3). Total due: 500.00 + 300.00 = 800.00, to Ngozi
// Eze (the finance contact), signed by ada.
func TestReminderLetterFormats(t *testing.T) {
	r := letterOf(t, sample(), "2026-06-30")
	if r.Level != 3 || r.Oldest != 30 || r.TotalDue.String() != "800" || len(r.Invoices) != 2 || r.Contact.Name != "Ngozi Eze" {
		t.Fatalf("letter level %d oldest %d total %s invoices %d to %s", r.Level, r.Oldest, r.TotalDue, len(r.Invoices), r.Contact.Name)
	}
	for _, f := range LetterFormats {
		b, err := Letter(r, f, LetterOptions{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		golden(t, "reminder-3."+f+".golden", b)
	}
	b, _ := Letter(r, "eml", LetterOptions{From: "ar@delta.ng"})
	m, err := mail.ReadMessage(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	to, _ := m.Header.AddressList("To")
	from, _ := m.Header.AddressList("From")
	date, derr := m.Header.Date()
	if len(to) != 1 || to[0].Address != "ngozi@acme.ng" || to[0].Name != "Ngozi Eze" || len(from) != 1 || from[0].Address != "ar@delta.ng" ||
		from[0].Name != "ada for Delta Fuels Ltd" || derr != nil || date.Format("2006-01-02") != "2026-06-30" {
		t.Errorf("to %v from %v date %v %v", to, from, date, derr)
	}
	if got := m.Header.Get("Subject"); got != "Final notice: account ACME, NGN 800.00 due" {
		t.Errorf("subject %q", got)
	}
	if m.Header.Get("MIME-Version") != "1.0" || m.Header.Get("Content-Type") != "text/plain; charset=utf-8" || m.Header.Get("Content-Transfer-Encoding") != "8bit" {
		t.Errorf("mime headers %v", m.Header)
	}
	body, _ := io.ReadAll(m.Body)
	for _, want := range []string{"Dear Ngozi Eze,", "I1  issued 2026-03-01  due 2026-03-31  500.00  (91 days late)", "Total due: 800.00 NGN", "ada\r\nDelta Fuels Ltd"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
}

// Levels 1 and 2 have their own templates; no level, no letter.
func TestReminderLetterLevels(t *testing.T) {
	f := sample()
	f.Promises = nil
	// As of 2026-04-10: I1 (due 03-31) is 10 days late, 1,000 − 100 (P0) =
	// 900.00 owed: level 1. As of 2026-04-20 (20 days, P1 paid 04-15: 500.00): level 2.
	for _, c := range []struct {
		asOf, title, total string
		level              int
	}{{"2026-04-10", "# Payment reminder", "900.00", 1}, {"2026-04-20", "# Second payment reminder", "500.00", 2}} {
		r := letterOf(t, f, c.asOf)
		b, err := Letter(r, "md", LetterOptions{})
		if err != nil || r.Level != c.level || !strings.HasPrefix(string(b), c.title+"\n") || !strings.Contains(string(b), "**"+c.total+"**") {
			t.Errorf("%s: level %d %v\n%s", c.asOf, r.Level, err, b)
		}
	}
	if _, err := Letter(letterOf(t, f, "2026-03-31"), "md", LetterOptions{}); err == nil {
		t.Error("a letter with nothing overdue")
	}
}

// Text from the book cannot add a header, end a line of the header or
// inject markup; an account without an e-mail is not an e-mail.
func TestReminderLetterIsSafe(t *testing.T) {
	f := sample()
	f.Promises = nil
	f.Account.Name = "Evil\r\nBcc: all@example.com <b>x</b> [l](http://x)"
	f.Contacts[1].Name = "Ngozi\nBcc: x@y.z"
	f.Account.Code = "ACME"
	r := letterOf(t, f, "2026-06-30")
	b, err := Letter(r, "eml", LetterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := mail.ReadMessage(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Header["Bcc"]) != 0 || len(m.Header) != 7 {
		t.Errorf("header %v", m.Header)
	}
	for _, line := range strings.Split(string(b), "\r\n") {
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("a bare line break in %q", line)
		}
	}
	h, _ := Letter(r, "html", LetterOptions{})
	if strings.Contains(string(h), "<b>x</b>") {
		t.Error("markup from the book in html")
	}
	md, _ := Letter(r, "md", LetterOptions{})
	if strings.Contains(string(md), "[l](") || strings.Contains(string(md), "<b>") {
		t.Errorf("markup from the book in md:\n%s", md)
	}
	f.Contacts[1].Email = ""
	if _, err := Letter(letterOf(t, f, "2026-06-30"), "eml", LetterOptions{}); !errors.Is(err, ErrNoEmail) {
		t.Errorf("no e-mail: %v", err)
	}
	if _, err := Letter(letterOf(t, f, "2026-06-30"), "md", LetterOptions{}); err != nil {
		t.Errorf("no e-mail, md: %v", err)
	}
}

// A file of the same name in the templates directory overrides the
// built-in one, for that level and format only; a broken one is an error.
func TestReminderLetterOverride(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "reminder-3.md"), []byte("Pay {{.TotalDue}} {{.Currency}} now, {{.Customer}}.\n"), 0o644)
	r := letterOf(t, sample(), "2026-06-30")
	b, err := Letter(r, "md", LetterOptions{Dir: dir})
	if err != nil || string(b) != "Pay 800.00 NGN now, Acme Haulage Ltd.\n" {
		t.Errorf("override: %q %v", b, err)
	}
	if b, _ := Letter(r, "html", LetterOptions{Dir: dir}); !bytes.Contains(b, []byte("<h1>Final notice</h1>")) {
		t.Error("html not the built-in one")
	}
	os.WriteFile(filepath.Join(dir, "reminder-3.md"), []byte("{{.Nope}}"), 0o644)
	if _, err := Letter(r, "md", LetterOptions{Dir: dir}); err == nil {
		t.Error("a template naming no field made a letter")
	}
	os.WriteFile(filepath.Join(dir, "reminder-3.eml"), []byte("Subject: x\n\nno To\n"), 0o644)
	if _, err := Letter(r, "eml", LetterOptions{Dir: dir}); err == nil {
		t.Error("an e-mail without a To")
	}
}
