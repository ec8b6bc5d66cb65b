package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"acctdesk/store/bolt"
)

// acctdesk runs one command line in-process against db and returns stdout, or
// the error.
func acctdesk(t *testing.T, db string, args ...string) (string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	full := append([]string{"--db", db, "--user", "ada"}, args...)
	err := run(full, &out, &errb)
	return out.String(), err
}

func must(t *testing.T, db string, args ...string) string {
	t.Helper()
	out, err := acctdesk(t, db, args...)
	if err != nil {
		t.Fatalf("acctdesk %s: %v", strings.Join(args, " "), err)
	}
	return out
}

func write(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// A small book with hand-computed figures (see TestImportAndReports).
const (
	accountsCSV = "code,name,tier,owner,terms,payment_terms_days,credit_limit,currency,products\n" +
		"ACME,Acme Haulage Ltd,1,ada,term,30,10000000.00,NGN,AGO;PMS\n" +
		"TOGO,Lomé Transit SA,3,tunde,term,30,0,XOF,AGO\n"
	contactsCSV = "account,name,role,phone,email,primary\n" +
		"ACME,Chidi Okafor,operations,+234 803 555 0100,chidi@acme.ng,no\n" +
		"ACME,Ngozi Eze,finance,+234 803 555 0101,ngozi@acme.ng,yes\n"
	invoicesCSV = "account,number,issue_date,due_date,amount\n" +
		"ACME,A-1,2026-08-01,2026-08-31,1000000.00\n" + // 92 days past due on 2026-12-01 → 91–120
		"ACME,A-2,2024-02-29,,250000.50\n" + // leap day, due +30 = 2024-03-30 → 120+
		"ACME,A-3,2026-11-01,2026-12-01,400000.00\n" + // due on the as-of date → current
		"ACME,A-4,2026-12-05,2027-01-04,999.00\n" + // after the as-of date: does not exist
		"TOGO,T-1,2026-10-01,2026-10-31,150001\n" // 31 days → 31–60
	paymentsCSV = "account,reference,date,amount,invoice\n" +
		"ACME,P-1,2026-09-15,300000.00,A-1\n" + // explicit: A-1 1,000,000 → 700,000
		"ACME,P-2,2026-10-01,50000.25,\n" + // balance forward to the oldest due: A-2 250,000.50 → 200,000.25
		"TOGO,TP-1,2026-11-01,50001,\n" // T-1 150,001 → 100,000
	creditsCSV = "account,number,date,amount,reason,invoice\n" +
		"ACME,C-1,2026-11-10,100000.00,Short Delivery,A-3\n" // explicit: A-3 400,000 → 300,000
)

func importBook(t *testing.T, db, dir string) {
	t.Helper()
	must(t, db, "import", "accounts", write(t, dir, "accounts.csv", accountsCSV))
	must(t, db, "import", "contacts", write(t, dir, "contacts.csv", contactsCSV))
	must(t, db, "import", "invoices", write(t, dir, "invoices.csv", invoicesCSV))
	must(t, db, "import", "payments", write(t, dir, "payments.csv", paymentsCSV))
	must(t, db, "import", "credit-notes", write(t, dir, "credits.csv", creditsCSV))
}

func TestImportAndReports(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)

	// As of 2026-12-01:
	// ACME  current 300,000.00; 91–120 700,000.00 (A-1, 92 days); 120+ 200,000.25.
	//       total 1,200,000.25.
	// TOGO  31–60 100,000 (T-1, 31 days).
	got := must(t, db, "report", "aging", "--format", "csv", "--as-of", "2026-12-01")
	want := "account,currency,current,d1_30,d31_60,d61_90,d91_120,d120_plus,total,unapplied,net\n" +
		"ACME,NGN,300000.00,0.00,0.00,0.00,700000.00,200000.25,1200000.25,0.00,1200000.25\n" +
		"TOGO,XOF,0,0,100000,0,0,0,100000,0,100000\n" +
		"TOTAL,NGN,300000.00,0.00,0.00,0.00,700000.00,200000.25,1200000.25,0.00,1200000.25\n" +
		"TOTAL,XOF,0,0,100000,0,0,0,100000,0,100000\n"
	if got != want {
		t.Fatalf("aging:\n%s\nwant:\n%s", got, want)
	}

	// DSO period 2026-09-03 … 2026-12-01: ACME sales = A-3 400,000 → 1,200,000.25 / 400,000 × 90
	// = 270.000056… → 270.0; best = 300,000 / 400,000 × 90 = 67.5; ADD = 202.500056… → 202.5.
	// TOGO sales = 150,001: 100,000 / 150,001 × 90 = 59.9996… → 60.0; best 0.0; ADD 60.0.
	got = must(t, db, "report", "dso", "--format", "csv", "--as-of", "2026-12-01")
	want = "account,currency,ar,sales,period_days,dso,best_possible_dso,add\n" +
		"ACME,NGN,1200000.25,400000.00,90,270.0,67.5,202.5\n" +
		"TOGO,XOF,100000,150001,90,60.0,0.0,60.0\n" +
		"TOTAL,NGN,1200000.25,400000.00,90,270.0,67.5,202.5\n" +
		"TOTAL,XOF,100000,150001,90,60.0,0.0,60.0\n"
	if got != want {
		t.Fatalf("dso:\n%s\nwant:\n%s", got, want)
	}

	// Re-importing changes nothing.
	out := must(t, db, "import", "invoices", filepath.Join(dir, "invoices.csv"))
	if !strings.HasSuffix(out, ": 5 invoices unchanged\n") {
		t.Fatalf("re-import: %s", out)
	}
}

func TestLogCallPromise(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	out := must(t, db, "log", "call", "ACME", "--outcome", "promise", "--promise", "1500.00@2026-11-27", "--as-of", "2026-11-22")
	// Due Friday 27 Nov: followed up the next working day, Monday 30 Nov.
	if !strings.Contains(out, "next follow-up 2026-11-30") {
		t.Errorf("log call said %q", out)
	}
	got := must(t, db, "report", "promises", "--format", "csv", "--as-of", "2026-11-22")
	lines := strings.Split(strings.TrimSpace(got), "\n")
	if len(lines) != 2 || lines[0] != "account,amount,currency,given_on,due_on,status,recorded_at,author,contact" {
		t.Fatalf("promises:\n%s", got)
	}
	f := strings.Split(lines[1], ",")
	if f[0] != "ACME" || f[1] != "1500.00" || f[2] != "NGN" || f[3] != "2026-11-22" || f[4] != "2026-11-27" ||
		f[5] != "open" || f[7] != "ada" || f[8] != "Ngozi Eze" || !strings.HasSuffix(f[6], "Z") {
		t.Fatalf("promise row %q", lines[1])
	}
	// A promise needs the promise outcome, an amount and a date.
	if _, err := acctdesk(t, db, "log", "call", "ACME", "--outcome", "promise"); err == nil {
		t.Error("a promise without an amount was logged")
	}
	if _, err := acctdesk(t, db, "log", "call", "NOPE", "--outcome", "reached"); err == nil || !strings.Contains(err.Error(), "NOPE") {
		t.Errorf("unknown account: %v", err)
	}
}

func TestBadAmountLeavesBookAsItWas(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	before := must(t, db, "report", "aging", "--format", "csv", "--as-of", "2026-12-01")
	changes := mustChanges(t, db)
	bad := write(t, dir, "bad.csv", "account,number,issue_date,amount\n"+
		"ACME,N-1,2026-11-01,10.00\n"+
		"ACME,N-2,2026-11-02,1O0.00\n"+ // line 3: a letter O
		"ACME,N-3,2026-11-03,30.00\n")
	_, err := acctdesk(t, db, "import", "invoices", bad)
	if err == nil || !strings.Contains(err.Error(), "line 3") || !strings.Contains(err.Error(), "amount") {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("one bad row should give a one-line error: %q", err)
	}
	after := must(t, db, "report", "aging", "--format", "csv", "--as-of", "2026-12-01")
	if after != before || mustChanges(t, db) != changes {
		t.Fatalf("the book changed:\n%s", after)
	}
}

func TestEscalation(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	out := must(t, db, "log", "escalation", "ACME", "--category", "credit-breach", "--severity", "high", "--to", "finance", "--note", "over limit by 12%", "--as-of", "2026-11-20")
	// Friday 11-20 + 2 working days = Tuesday 11-24.
	if !strings.Contains(out, "due 2026-11-24") {
		t.Errorf("said %q", out)
	}
	got := must(t, db, "report", "escalations", "--format", "csv", "--as-of", "2026-11-22")
	if !strings.Contains(got, "ACME,2026-11-20,credit-breach,high,finance,open,over limit by 12%,ada,1\n") {
		t.Fatalf("escalations:\n%s", got)
	}
	if _, err := acctdesk(t, db, "log", "escalation", "ACME", "--category", "fire", "--severity", "high", "--to", "finance", "--note", "x"); err == nil || !strings.Contains(err.Error(), "category") {
		t.Errorf("bad category: %v", err)
	}
}

func TestUnknownThings(t *testing.T) {
	db := filepath.Join(t.TempDir(), "book.db")
	for _, args := range [][]string{{"frobnicate"}, {"report", "aging"}, {"report", "nope", "--format", "csv"}, {"import", "widgets", "x.csv"}} {
		if _, err := acctdesk(t, db, args...); err == nil {
			t.Errorf("%v succeeded", args)
		}
	}
}

func TestRecapsKeptOnActivities(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	must(t, db, "log", "call", "ACME", "--outcome", "promise", "--promise", "800000.00@2026-11-27", "--as-of", "2026-11-22")
	must(t, db, "log", "escalation", "ACME", "--category", "overdue", "--severity", "high", "--to", "management", "--note", "120+ days", "--as-of", "2026-11-22")
	st, err := bolt.Open(db, bolt.Options{Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	f, err := st.LoadAccount("ACME")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Activities) != 2 {
		t.Fatalf("activities %+v", f.Activities)
	}
	// The oldest open items as of 11-22: A-2 (200,000.25), then A-1 (700,000.00): the promise covers
	// A-2 whole and 599,999.75 of A-1.
	call, esc := f.Activities[0].Recap, f.Activities[1].Recap
	for _, want := range []string{"Dear Ngozi Eze", "₦800,000.00 by Friday 27 November 2026", "A-2 of 29 Feb 2024", "₦599,999.75 (part of ₦700,000.00)"} {
		if !strings.Contains(call, want) {
			t.Errorf("call recap lacks %q:\n%s", want, call)
		}
	}
	for _, want := range []string{"To management: escalation on Acme Haulage Ltd (ACME), overdue, severity high", "120+ days"} {
		if !strings.Contains(esc, want) {
			t.Errorf("escalation recap lacks %q:\n%s", want, esc)
		}
	}
}

// TestUnlikelyPromiseNeedsConfirm: a promise over ten times the account's
// AR, or due more than a year away, is saved only with --confirm (SPEC §6).
func TestUnlikelyPromiseNeedsConfirm(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	// ACME's net AR as of 2026-11-22: invoiced 1,000,000 + 250,000.50 + 400,000 = 1,650,000.50,
	// less 300,000 + 50,000.25 paid and 100,000 credited = 1,200,000.25; ten times is 12,000,002.50.
	before := mustChanges(t, db)
	_, err := acctdesk(t, db, "log", "call", "ACME", "--outcome", "promise", "--promise", "12000002.51@2026-11-27", "--as-of", "2026-11-22")
	if err == nil || !strings.Contains(err.Error(), "more than ten times the AR") || !strings.Contains(err.Error(), "--confirm") {
		t.Fatalf("an unlikely promise: %v", err)
	}
	if _, err := acctdesk(t, db, "log", "call", "ACME", "--outcome", "reached", "--next", "2027-12-01", "--as-of", "2026-11-22"); err == nil || !strings.Contains(err.Error(), "more than a year away") {
		t.Fatalf("a follow-up more than a year away: %v", err)
	}
	if n := mustChanges(t, db); n != before {
		t.Fatalf("refused calls wrote something (%d → %d)", before, n)
	}
	must(t, db, "log", "call", "ACME", "--outcome", "promise", "--promise", "12000002.51@2026-11-27", "--as-of", "2026-11-22", "--confirm")
	must(t, db, "log", "call", "ACME", "--outcome", "promise", "--promise", "12000002.50@2026-11-27", "--as-of", "2026-11-22")
}

// TestLogCallContacts: --contact must name one of the account's contacts
// (any case, a unique prefix); one that is not fails with the list; a new
// contact is added only with --new-contact and a phone (issue 10, item 7).
func TestLogCallContacts(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	args := []string{"log", "call", "acme", "--outcome", "reached", "--as-of", "2026-11-22"}
	_, err := acctdesk(t, db, append(args, "--contact", "Nobody")...)
	if err == nil || !strings.Contains(err.Error(), `"Nobody" is not a contact of ACME`) || !strings.Contains(err.Error(), "its contacts:") {
		t.Fatalf("--contact Nobody: %v; want it refused with the account's contacts", err)
	}
	if _, err := acctdesk(t, db, append(args, "--new-contact", "Musa Garba")...); err == nil || !strings.Contains(err.Error(), "phone") {
		t.Fatalf("--new-contact without a phone: %v; want it refused", err)
	}
	if _, err := acctdesk(t, db, append(args, "--new-contact", "Musa Garba", "--contact", "x")...); err == nil {
		t.Fatal("--new-contact with --contact was accepted")
	}
	must(t, db, append(args, "--new-contact", "Musa Garba", "--phone", "+234 803 555 0101")...)
	out := must(t, db, append(args, "--contact", "musa")...)
	if !strings.Contains(out, "logged call to ACME") {
		t.Fatalf("a call to the added contact: %q", out)
	}
}

// TestConfigUserIsTheAuthor: with no --user and no $ACCTDESK_USER, the
// config file's user is the author of a command's writes (issue 10, item 23).
func TestConfigUserIsTheAuthor(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "book.db")
	importBook(t, db, dir)
	cfg := filepath.Join(dir, "cfg")
	if err := os.MkdirAll(filepath.Join(cfg, "acctdesk"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cfg, "acctdesk", "config.toml"), []byte("user = \"chioma\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_CONFIG_HOME", cfg)
	t.Setenv("ACCTDESK_USER", "")
	var out, errb bytes.Buffer
	if code := exit([]string{"log", "call", "ACME", "--outcome", "promise", "--promise", "1500.00@2026-11-27", "--as-of", "2026-11-22", "--db", db}, &out, &errb); code != 0 {
		t.Fatalf("log call: %s", errb.String())
	}
	got := must(t, db, "report", "promises", "--format", "csv", "--as-of", "2026-11-22")
	if !strings.Contains(got, ",chioma,") {
		t.Fatalf("the promise's author is not the config's user:\n%s", got)
	}
}
