package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"
	bbolt "go.etcd.io/bbolt"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/internal/safetest"
	"acctdesk/report"
	"acctdesk/store/bolt"
	"acctdesk/ui"
)

// Output safety (SPEC §5, §6): whatever a command line, an import file or a
// book edited by hand holds, nothing printed carries a control sequence.
// The checks look at the bytes.

func assertSafe(t *testing.T, what string, b []byte) {
	t.Helper()
	if i, bad := safetest.RawControl(b); bad {
		t.Errorf("%s: a raw control byte at %d: %q", what, i, b[max(i-20, 0):min(i+20, len(b))])
	}
}

// hostile are what a value could carry: an OSC 52 clipboard write, a
// screen clear, CSI as one C1 character, a bidi override, a zero-width
// space, a byte that is not UTF-8, a carriage return.
var hostile = []string{"\x1b]52;c;aGk=\x07", "\x1b[2J", "\u009b2J", "\u202e", "\u200b", "\xff", "a\rb"}

// hasControl: the text rules refuse it everywhere (not only in codes).
func hasControl(s string) bool {
	return !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || (r >= 0x7f && r <= 0x9f) })
}

// cmdline runs a command line as main does (exit) and returns what it
// printed on stdout and stderr, and its exit code, having checked both
// streams byte by byte.
func cmdline(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := exit(args, &out, &errb)
	what := fmt.Sprintf("acctdesk %q", args)
	assertSafe(t, what+": stdout", out.Bytes())
	assertSafe(t, what+": stderr", errb.Bytes())
	return out.String(), errb.String(), code
}

// safeBook is a small book: ACME (NGN) with two contacts, two invoices,
// a payment.
func safeBook(t *testing.T) (db, dir string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "book.db")
	files := []struct{ kind, body string }{
		{"accounts", "code,name,tier,owner,currency\nACME,Zanzibar Haulage Company Ltd,1,ada,NGN\n"},
		{"contacts", "account,name,role,phone,primary\nACME,Ngozi Eze Okonkwo-Adeyemi,finance,+234 803 555 0101,yes\n"},
		{"invoices", "account,number,issue_date,due_date,amount,product\nACME,INV-0,2026-08-01,2026-08-31,100000.00,AGO\nACME,INV-1,2026-10-01,2026-10-31,50000.00,AGO\n"},
		{"payments", "account,reference,date,amount\nACME,PAY-0,2026-09-01,1000.00\n"},
	}
	for _, f := range files {
		if _, stderr, code := cmdline(t, "--db", db, "--user", "ada", "import", f.kind, write(t, dir, f.kind+".csv", f.body)); code != 0 {
			t.Fatalf("import %s: %s", f.kind, stderr)
		}
	}
	return db, dir
}

// importColumns are the columns of each kind of import file, with a value
// that imports into safeBook.
var importColumns = map[string][][2]string{
	"accounts": {{"code", "BETA"}, {"name", "Beta Ltd"}, {"tier", "2"}, {"segment", "haulage"}, {"owner", "ada"},
		{"salesperson", "bola"}, {"status", "active"}, {"terms", "term"}, {"payment_terms_days", "30"},
		{"credit_limit", "1000.00"}, {"currency", "NGN"}, {"products", "AGO;PMS"}, {"opened_on", "2026-01-05"}, {"live_on", "2026-01-06"}},
	"contacts": {{"account", "ACME"}, {"name", "Bola Ade"}, {"role", "finance"}, {"phone", "+234 1"}, {"email", "b@acme.ng"}, {"primary", "no"}},
	"invoices": {{"account", "ACME"}, {"number", "INV-9"}, {"issue_date", "2026-11-01"}, {"due_date", "2026-12-01"}, {"amount", "10.00"},
		{"currency", "NGN"}, {"product", "AGO"}, {"quantity", "10"}, {"unit", "l"}, {"disputed", "no"}, {"dispute_reason", ""}, {"paid_on", ""}},
	"payments":     {{"account", "ACME"}, {"reference", "PAY-9"}, {"date", "2026-11-02"}, {"amount", "5.00"}, {"currency", "NGN"}, {"invoice", "INV-0"}},
	"credit-notes": {{"account", "ACME"}, {"number", "CN-9"}, {"date", "2026-11-03"}, {"amount", "1.00"}, {"reason", "Short Delivery"}, {"invoice", "INV-1"}, {"currency", "NGN"}},
}

func csvFile(kind, col, v string) string {
	var head, row []string
	for _, c := range importColumns[kind] {
		val := c[1]
		if c[0] == col {
			val = v
		}
		head = append(head, c[0])
		row = append(row, `"`+strings.ReplaceAll(val, `"`, `""`)+`"`)
	}
	return strings.Join(head, ",") + "\n" + strings.Join(row, ",") + "\n"
}

// TestImportHostileColumns: an escape sequence in every column of every
// kind (a bad date or amount carrying one too): the import is refused with
// the file, the line and the column named, and nothing printed is raw. A
// bidi or zero-width character is refused in codes, numbers and references;
// in free text it may be kept, and is then printed as its escape.
func TestImportHostileColumns(t *testing.T) {
	db, dir := safeBook(t)
	codes := map[string]bool{"code": true, "account": true, "number": true, "reference": true, "invoice": true}
	for kind, cols := range importColumns {
		path := write(t, dir, kind+"-good.csv", csvFile(kind, "", ""))
		if _, stderr, code := cmdline(t, "--db", db, "--user", "ada", "import", kind, path, "--dry-run"); code != 0 {
			t.Fatalf("%s: the good file is refused: %s", kind, stderr)
		}
		for _, c := range cols {
			for _, h := range hostile {
				v := c[1] + h
				path := write(t, dir, kind+".csv", csvFile(kind, c[0], v))
				_, stderr, code := cmdline(t, "--db", db, "--user", "ada", "import", kind, path, "--dry-run")
				if !hasControl(h) && !codes[c[0]] {
					continue // kept in free text, or refused: either way printed safely
				}
				if code == 0 {
					t.Errorf("%s %s=%q: imported", kind, c[0], v)
					continue
				}
				if want := path + ": line 2: " + c[0] + ": "; !strings.Contains(stderr, want) {
					t.Errorf("%s %s=%q: %q does not name the file, line and column (%q)", kind, c[0], v, stderr, want)
				}
			}
		}
	}
}

// TestImportHostileFile: a whole file of hostile rows (listed up to 50, one
// line each), hostile headers, --map, --date-format and the file's path.
func TestImportHostileFile(t *testing.T) {
	db, dir := safeBook(t)
	var b strings.Builder
	b.WriteString("account,number,issue_date,amount\n")
	for i := range 60 {
		h := hostile[i%len(hostile)]
		fmt.Fprintf(&b, "\"ACME\",\"I%d%s\",\"2026-01-%02d%s\",\"1%s0\"\n", i, h, i%28+1, h, h)
		if i%5 == 0 {
			fmt.Fprintf(&b, "\"NOPE\",\"I\n%d\",2026-01-01,1\n", i) // a line break inside a quoted number
		}
	}
	path := write(t, dir, "rows.csv", b.String())
	_, stderr, code := cmdline(t, "--db", db, "--user", "ada", "import", "invoices", path)
	if code == 0 {
		t.Fatal("a file of bad rows imported")
	}
	lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	if len(lines) != 52 || !strings.HasSuffix(lines[51], "more") {
		t.Errorf("%d lines, want the count, 50 rows and the rest:\n%s", len(lines), stderr)
	}
	for _, l := range lines[1:51] {
		if !strings.HasPrefix(l, "  "+path+": line ") {
			t.Errorf("a row's message is not one line of its own: %q", l)
		}
	}

	for _, h := range hostile {
		hdr := write(t, dir, "hdr.csv", "account,number,issue_date,amount"+h+",x"+h+"\nACME,I1,2026-01-05,1,2\n")
		if _, stderr, code := cmdline(t, "--db", db, "--user", "ada", "import", "invoices", hdr); code == 0 || !strings.Contains(stderr, "missing required column amount") {
			t.Errorf("header amount%q: %d %q", h, code, stderr)
		}
		if _, _, code := cmdline(t, "--db", db, "--user", "ada", "import", "invoices", hdr, "--map", "amount"+h+"=amount"); code == 0 {
			t.Errorf("--map amount%q=amount accepted", h)
		}
		if _, _, code := cmdline(t, "--db", db, "--user", "ada", "import", "invoices", hdr, "--date-format", "1/2/2006"+h); code == 0 {
			t.Errorf("--date-format with %q accepted", h)
		}
		// The path itself: missing, then a real file named so.
		name := "in" + h + ".csv"
		if _, stderr, code := cmdline(t, "--db", db, "--user", "ada", "import", "payments", filepath.Join(dir, name)); code == 0 || !strings.Contains(stderr, "no such file") {
			t.Errorf("missing %q: %d %q", name, code, stderr)
		}
		p := write(t, dir, name, "account,reference,date,amount\nACME,PAY-H,2026-11-01,1.00\n")
		if out, stderr, code := cmdline(t, "--db", db, "--user", "ada", "import", "payments", p, "--dry-run"); code != 0 || !strings.Contains(out, "dry run") {
			t.Errorf("file %q: %d %q %q", name, code, out, stderr)
		}
		bad := write(t, dir, name, "account,reference,date,amount\nACME,PAY-H,2026-11-01,x\n")
		if _, stderr, code := cmdline(t, "--db", db, "--user", "ada", "import", "payments", bad); code == 0 || !strings.Contains(stderr, "line 2: amount") {
			t.Errorf("file %q: %d %q", name, code, stderr)
		}
	}
}

// TestHostileArguments: every argument and flag value of every command
// carrying an escape sequence: whatever is printed is safe, and what
// cannot be a value is refused.
func TestHostileArguments(t *testing.T) {
	db, dir := safeBook(t)
	for _, h := range hostile {
		g := []string{"--db", db, "--user", "ada", "--as-of", "2026-11-18"}
		lines := [][]string{
			{h}, {"--" + h}, {"help", h}, {"--as-of", h, "report", "aging"},
			{"report", h}, {"report", "aging", h}, {"report", "aging", "--format", h}, {"report", "aging", "--format=" + h},
			{"report", "aging", "--owner", h}, {"report", "aging", "--" + h}, {"report", "aging", "-" + h + "=1"},
			{"import", h, filepath.Join(dir, "accounts.csv")}, {"import", "accounts", filepath.Join(dir, h)},
			{"import", "accounts", filepath.Join(dir, "accounts.csv"), h},
			{"import", "accounts", filepath.Join(dir, "accounts.csv"), "--currency", h},
			{"import", "accounts", filepath.Join(dir, "accounts.csv"), "--map", h},
			{"import", "accounts", filepath.Join(dir, "accounts.csv"), "--map", "code=" + h},
			{"import", "accounts", filepath.Join(dir, "accounts.csv"), "--date-format", h},
			{"import", "accounts", filepath.Join(dir, "accounts.csv"), "--dry-run=" + h},
			{"import", "accounts", filepath.Join(dir, "accounts.csv"), "--" + h},
			{"log", h}, {"log", "call", h, "--outcome", "reached"}, {"log", "call", "ACME" + h, "--outcome", "reached"},
			{"log", "call", "ACME", "--outcome", h}, {"log", "call", "ACME", "--outcome", "reached", "--contact", "Bola" + h},
			{"log", "call", "ACME", "--outcome", "reached", "--note", "said " + h},
			{"log", "call", "ACME", "--outcome", "promise", "--promise", h},
			{"log", "call", "ACME", "--outcome", "promise", "--promise", "100.00@" + h},
			{"log", "call", "ACME", "--outcome", "promise", "--promise", "100" + h + "@+3"},
			{"log", "call", "ACME", "--outcome", "reached", "--next", h},
			{"log", "call", "ACME", "ACME" + h, "--outcome", "reached"}, {"log", "call", "ACME", "--" + h},
			{"log", "escalation", h, "--category", "overdue", "--severity", "low", "--to", "finance", "--note", "n"},
			{"log", "escalation", "ACME", "--category", h, "--severity", "low", "--to", "finance", "--note", "n"},
			{"log", "escalation", "ACME", "--category", "overdue", "--severity", h, "--to", "finance", "--note", "n"},
			{"log", "escalation", "ACME", "--category", "overdue", "--severity", "low", "--to", h, "--note", "n"},
			{"log", "escalation", "ACME", "--category", "overdue", "--severity", "low", "--to", "finance", "--note", "n " + h},
			{"log", "escalation", "ACME", "--category", "overdue", "--severity", "low", "--to", "finance", "--note", "n", "--due", h},
			{"check", h}, {"check", "--" + h},
			{"backup", filepath.Join(dir, "copy"+h+".db")}, {"backup", filepath.Join(dir, h, "copy.db")},
			{"demo", "--accounts", h}, {"demo", "--seed", h}, {"demo", h},
		}
		for _, l := range lines {
			cmdline(t, append(append([]string{}, g...), l...)...)
		}
		// The book, and the author.
		for _, l := range [][]string{
			{"--db", filepath.Join(dir, "missing"+h+".db"), "report", "aging"},
			{"--db", filepath.Join(dir, h, "book.db"), "check"},
			{"--db", filepath.Join(dir, "demo"+h+".db"), "--as-of", "2026-11-18", "demo", "--accounts", "2"},
		} {
			cmdline(t, l...)
		}
		for _, l := range [][]string{
			{"--db", db, "--user", "ada" + h, "log", "call", "ACME", "--outcome", "reached"},
			{"--db", db, "--user=" + h, "log", "escalation", "ACME", "--category", "overdue", "--severity", "low", "--to", "finance", "--note", "n"},
			{"--db", db, "--user", h + "ada", "import", "accounts", filepath.Join(dir, "accounts.csv")},
		} {
			if _, stderr, code := cmdline(t, l...); code == 0 || !strings.Contains(stderr, "--user") {
				t.Errorf("%q: an author holding %q is not refused: %d %q", l, h, code, stderr)
			}
		}
		t.Setenv("ACCTDESK_USER", "ada"+h)
		if _, stderr, code := cmdline(t, "--db", db, "log", "call", "ACME", "--outcome", "reached"); code == 0 || !strings.Contains(stderr, "$ACCTDESK_USER") {
			t.Errorf("$ACCTDESK_USER holding %q is not refused: %d %q", h, code, stderr)
		}
		os.Unsetenv("ACCTDESK_USER")
	}
	// Nothing refused was written by a hostile author.
	out, _, _ := cmdline(t, "--db", db, "--as-of", "2026-11-18", "report", "promises", "--format", "csv")
	for _, h := range hostile {
		if strings.Contains(out, "ada"+domain.Safe(h)) {
			t.Errorf("a promise by a hostile author was written:\n%s", out)
		}
	}
}

// TestEmptyDB: --db "" is a mistake, not the default book.
func TestEmptyDB(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	for _, l := range [][]string{{"--db", "", "report", "aging"}, {"--db=", "check"}, {"report", "aging", "--db", ""}} {
		if _, stderr, code := cmdline(t, l...); code == 0 || !strings.Contains(stderr, "--db is empty") {
			t.Errorf("%q: %d %q", l, code, stderr)
		}
	}
}

// plant overwrites marker, wherever a key or a value of the book holds it,
// with payload padded to the same length, as an editor working on the
// file's bytes would: the records stay decodable. It returns how many
// records changed.
func plant(t *testing.T, db, marker, payload string) int {
	t.Helper()
	rep := []byte(payload)
	if len(rep) > len(marker) {
		t.Fatalf("payload %q longer than %q", payload, marker)
	}
	rep = append(rep, bytes.Repeat([]byte("x"), len(marker)-len(rep))...)
	b, err := bbolt.Open(db, 0o600, &bbolt.Options{Timeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	n := 0
	err = b.Update(func(tx *bbolt.Tx) error {
		return tx.ForEach(func(name []byte, bk *bbolt.Bucket) error {
			type kv struct{ old, k, v []byte }
			var puts []kv
			bk.ForEach(func(k, v []byte) error {
				if v != nil && (bytes.Contains(v, []byte(marker)) || bytes.Contains(k, []byte(marker))) {
					puts = append(puts, kv{bytes.Clone(k), bytes.ReplaceAll(k, []byte(marker), rep), bytes.ReplaceAll(v, []byte(marker), rep)})
				}
				return nil
			})
			for _, p := range puts {
				if err := bk.Delete(p.old); err != nil {
					return err
				}
				if err := bk.Put(p.k, p.v); err != nil {
					return err
				}
			}
			n += len(puts)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestHandEditedBook: a book whose bytes were edited to hold escape
// sequences in an account's name, a contact's name (also on a promise, a
// call and its recap) and an escalation's summary. Such a book is either
// refused as damaged (a safe error) or printed with the sequences escaped:
// every report in every format, log call (its contact defaults from the
// book), check, and the workstation's pages at 80×24, its call form and
// the recap it copies.
func TestHandEditedBook(t *testing.T) {
	db, _ := safeBook(t)
	const asOf = "2026-11-18"
	g := []string{"--db", db, "--user", "ada", "--as-of", asOf}
	do := func(args ...string) (string, string, int) {
		t.Helper()
		return cmdline(t, append(append([]string{}, g...), args...)...)
	}
	if _, stderr, code := do("log", "call", "ACME", "--outcome", "promise", "--promise", "20000.00@+7", "--note", "will pay"); code != 0 {
		t.Fatal(stderr)
	}
	if _, stderr, code := do("log", "escalation", "ACME", "--category", "overdue", "--severity", "high", "--to", "finance",
		"--note", "Truck seized at the depot gate"); code != 0 {
		t.Fatal(stderr)
	}
	payload := "\x1b]52;c;aGk=\x07\x1b[2J\u009b\u202e"
	planted := plant(t, db, "Zanzibar Haulage Company Ltd", payload) +
		plant(t, db, "Ngozi Eze Okonkwo-Adeyemi", "\x1b[2J\u009b1m\u202e\x07\x1b]0;t\x07") +
		plant(t, db, "Truck seized at the depot gate", "\x1b]52;c;aGk=\x07\x1b[2J\u009b")
	if planted == 0 {
		t.Fatal("no value of the book holds the markers")
	}

	for _, name := range report.Names {
		for _, f := range report.Formats {
			if _, stderr, code := do("report", name, "--format", f); code != 0 && stderr == "" {
				t.Errorf("report %s --format %s failed silently", name, f)
			}
		}
	}
	if out, _, code := do("report", "book", "--format", "csv"); code == 0 && !strings.Contains(out, `\x1b]52;c;aGk=\x07`) {
		t.Errorf("the book reads, but its report does not show the planted name as an escape:\n%s", out)
	}
	do("check")

	// The workstation, on the same book.
	lipgloss.SetColorProfile(termenv.Ascii) // no styling: any ESC in a view is the book's
	st, err := bolt.Open(db, bolt.Options{Now: time.Now})
	if err != nil {
		// Refused as damaged: a safe error.
		assertSafe(t, "open", []byte(err.Error()))
		return
	}
	day := domain.MustDate(asOf)
	d := desk.New(st, desk.Options{AsOf: day})
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	go d.Watch(ctx)
	var clip bytes.Buffer
	tm := teatest.NewTestModel(t, ui.New(d, ui.Options{BookName: "hand-edited", AsOf: day, User: "ada", Today: day, Clipboard: &clip}),
		teatest.WithInitialTermSize(80, 24))
	// wait reads the program's output until it shows one of the texts, or
	// 10 s went by: a book refused as damaged shows an error instead.
	var seen []byte
	wait := func(texts ...string) {
		t.Helper()
		buf := make([]byte, 64<<10)
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
			n, _ := tm.Output().Read(buf)
			seen = append(seen, buf[:n]...)
			for _, s := range texts {
				if bytes.Contains(seen, []byte(s)) {
					seen = seen[:0]
					return
				}
			}
			time.Sleep(10 * time.Millisecond)
		}
		t.Logf("the workstation never showed any of %q", texts)
	}
	typed := func(s string) {
		for _, r := range s {
			tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		}
	}
	wait("handled today", "read the book")
	typed(":ACME")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	wait("Contacts:", "read the book", "damaged")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	m := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*ui.Model)
	press := func(k tea.KeyMsg) {
		_, cmd := m.Update(k)
		if cmd != nil {
			cmd() // what the key asked for: a copy to the clipboard
		}
	}
	views := []string{m.View()}
	for range 7 { // every tab of the account page, back to the first
		press(tea.KeyMsg{Type: tea.KeyTab})
		views = append(views, m.View())
	}
	press(tea.KeyMsg{Type: tea.KeyTab})
	press(tea.KeyMsg{Type: tea.KeyTab})                       // the activity tab
	press(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'y'}}) // copies its latest recap, and shows it
	views = append(views, m.View())
	press(tea.KeyMsg{Type: tea.KeyEsc})
	press(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'c'}}) // the call form: its contact comes from the book
	views = append(views, m.View())
	press(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'p'}})
	for range 5 {
		press(tea.KeyMsg{Type: tea.KeyTab})
		views = append(views, m.View())
	}
	press(tea.KeyMsg{Type: tea.KeyEnter}) // refused: a promise needs an amount
	views = append(views, m.View())
	press(tea.KeyMsg{Type: tea.KeyEsc})
	press(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'y'}})
	press(tea.KeyMsg{Type: tea.KeyEsc})
	for _, page := range []string{"1", "2", "3"} {
		press(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(page)})
		views = append(views, m.View())
	}
	for i, v := range views {
		assertSafe(t, fmt.Sprintf("view %d", i), []byte(v))
	}
	if !strings.Contains(strings.Join(views, "\n"), "Contacts:") {
		t.Logf("the account page did not show (a book refused as damaged?):\n%q", views[0])
	}
	// What was copied: the OSC 52 sequences' payloads, decoded.
	for _, p := range regexp.MustCompile(`\x1b\]52;c;([A-Za-z0-9+/=]*)\x07`).FindAllSubmatch(clip.Bytes(), -1) {
		text, err := base64.StdEncoding.DecodeString(string(p[1]))
		if err != nil {
			t.Fatal(err)
		}
		assertSafe(t, "copied recap", text)
	}

	// Writes on the edited book: refused (the contact from the book, or a
	// damaged record), or written with the recap Safe; then the reports again.
	do("log", "call", "ACME", "--outcome", "reached") // the contact from the book
	do("log", "call", "ACME", "--outcome", "promise", "--promise", "10.00@+3", "--contact", "Bola")
	do("log", "escalation", "ACME", "--category", "overdue", "--severity", "low", "--to", "finance", "--note", "again")
	for _, name := range report.Names {
		for _, f := range report.Formats {
			do("report", name, "--format", f)
		}
	}
	do("check")

}
