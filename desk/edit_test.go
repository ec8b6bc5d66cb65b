package desk

import (
	"errors"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"

	"github.com/shopspring/decimal"
)

// accountEntries are the timeline entries of a kind on an account, oldest first.
func accountEntries(t *testing.T, d *Desk, code, kind string) []domain.Activity {
	t.Helper()
	f, err := d.Account(code)
	if err != nil {
		t.Fatal(err)
	}
	var out []domain.Activity
	for _, a := range f.Activities {
		if a.Kind == kind {
			out = append(out, a)
		}
	}
	return out
}

// E on an account (SPEC §10.10): the fields changed land with one timeline
// entry naming each, old → new; a change to churned dates the status today.
func TestEditAccount(t *testing.T) {
	st := teamBook(t)
	d := New(st, Options{AsOf: asOf})
	f, _ := d.Account("OKAF01")
	e := EditOf(f.Account)
	e.Owner = "TUNDE" // spelt as the book knows the user: tunde owns ZARI01
	e.Tier = 1
	e.Status = "churned"
	e.Terms, e.TermsDays = "term", 45
	e.Products = []string{" AGO", "PMS", "ago", ""}
	e.Notes = strings.Repeat("Pays late in December. ", 5) // 115 characters: quoted shortened
	e.Competitors = "Total at −2 ₦/L"
	got, err := d.EditAccount(bisi, "OKAF01", e)
	if err != nil {
		t.Fatal(err)
	}
	a := got.Account
	if a.Owner != "tunde" || a.Tier != 1 || a.Status != "churned" || a.StatusSince != asOf || a.TermsDays != 45 ||
		strings.Join(a.Products, ",") != "AGO,PMS" || a.Competitors != "Total at −2 ₦/L" || a.Stamp.By != "bisi" {
		t.Fatalf("account after the edit: %+v", a)
	}
	entries := accountEntries(t, d, "OKAF01", domain.KindAccountEdit)
	if len(entries) != 1 {
		t.Fatalf("%d edit entries", len(entries))
	}
	want := "edited: owner: ada → tunde; tier: 2 → 1; status: active → churned; status since: (none) → 2026-11-22; " +
		"terms: term 30 days → term 45 days; products: (none) → AGO, PMS; " +
		// 59 characters of the note (23 + 23 + "Pays late in "), the space trimmed, then "…".
		"notes: (none) → Pays late in December. Pays late in December. Pays late in…; " +
		"competitors: (none) → Total at −2 ₦/L"
	if x := entries[0]; x.Text != want || x.On != asOf || x.Stamp.By != "bisi" || got.Activity.ID != x.ID {
		t.Fatalf("entry %q on %s by %s\nwant  %q", x.Text, x.On, x.Stamp.By, want)
	}

	// The same again changes nothing: nothing is written, and the error says so.
	if _, err := d.EditAccount(bisi, "OKAF01", EditOf(a)); !errors.Is(err, ErrNothingChanged) {
		t.Fatalf("an edit that changes nothing: %v", err)
	}
	if n := len(accountEntries(t, d, "OKAF01", domain.KindAccountEdit)); n != 1 {
		t.Fatalf("%d edit entries after an empty edit", n)
	}

	// Back to active, with the churned date still in the form: the new
	// status dates from today too; a date given is kept.
	e = EditOf(a)
	e.Status = "active"
	e.StatusSince = asOf // what the form shows: the churned status's date
	if got, err = d.EditAccount(bisi, "OKAF01", e); err != nil || got.Account.StatusSince != asOf {
		t.Fatalf("back to active: %v %v", got.Account.StatusSince, err)
	}
	e = EditOf(got.Account)
	e.Status, e.StatusSince = "on-hold", asOf.AddDays(-3)
	if got, err = d.EditAccount(bisi, "OKAF01", e); err != nil || got.Account.StatusSince != asOf.AddDays(-3) {
		t.Fatalf("on hold since a date: %v %v", got.Account.StatusSince, err)
	}
	// Cash terms keep no days.
	e = EditOf(got.Account)
	e.Terms = "cash"
	if got, err = d.EditAccount(bisi, "OKAF01", e); err != nil || got.Account.TermsDays != 0 || got.Changes[0].String() != "terms: term 45 days → cash" {
		t.Fatalf("to cash: %+v %v", got.Changes, err)
	}
}

// Bad values are refused field by field and nothing is written; only a
// lead edits an account; a text that would drive the terminal is quoted
// safely on the timeline.
func TestEditAccountRefusals(t *testing.T) {
	st := teamBook(t)
	d := New(st, Options{AsOf: asOf})
	f, _ := d.Account("OKAF01")
	e := EditOf(f.Account)
	e.Tier, e.Status, e.StatusSince = 4, "closed", asOf.AddDays(1)
	_, err := d.EditAccount(bisi, "OKAF01", e)
	var ve domain.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("bad edit: %v", err)
	}
	fields := map[string]bool{}
	for _, fe := range ve {
		fields[fe.Field] = true
	}
	if !fields["tier"] || !fields["status"] || !fields["status_since"] {
		t.Fatalf("fields named: %v", err)
	}
	if _, err := d.EditAccount(WithRole(bisi, Collector), "OKAF01", EditOf(f.Account)); !errors.Is(err, ErrNotPermitted) {
		t.Fatalf("a collector's edit: %v", err)
	}
	e = EditOf(f.Account)
	e.ExpansionNotes = "wants Fleet \u202eevil"
	if _, err := d.EditAccount(bisi, "OKAF01", e); err != nil {
		t.Fatal(err)
	}
	x := accountEntries(t, d, "OKAF01", domain.KindAccountEdit)
	if len(x) != 1 || strings.ContainsRune(x[0].Text, '\u202e') || !strings.Contains(x[0].Text, "expansion notes: (none) → wants Fleet") {
		t.Fatalf("entries %+v", x)
	}
}

// C on an account: add, change (rename too), remove; one primary at most.
func TestContactsEdit(t *testing.T) {
	st := contactBook(t)
	d := New(st, Options{AsOf: asOf})
	// A new primary: Ngozi stops being it, in the same write.
	got, err := d.SaveContact(ada, "OKAF01", "", domain.Contact{Name: "Ada  Obi", Role: "Executive", Phone: "+234 2", Email: "ada@okafor.ng", Primary: true})
	if err != nil {
		t.Fatal(err)
	}
	if got.Contact.Name != "Ada Obi" || got.Contact.Role != "executive" || got.Activity.Text !=
		"contact added: Ada Obi (executive) +234 2, ada@okafor.ng, primary; no longer primary: Ngozi Olaniyan" {
		t.Fatalf("added %+v, entry %q", got.Contact, got.Activity.Text)
	}
	cs, _ := d.Contacts("OKAF01")
	primaries := 0
	for _, c := range cs {
		if c.Primary {
			primaries++
		}
	}
	if primaries != 1 {
		t.Fatalf("%d primary contacts", primaries)
	}
	// A rename with a new phone: the old name goes, the new one comes.
	got, err = d.SaveContact(ada, "OKAF01", "tunde bello", domain.Contact{Name: "Tunde Bello-Ade", Role: "operations", Phone: "+234 9"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Activity.Text != "contact Tunde Bello changed: name: Tunde Bello → Tunde Bello-Ade; phone: +234 803 000 0002 → +234 9" {
		t.Fatalf("entry %q", got.Activity.Text)
	}
	cs, _ = d.Contacts("OKAF01")
	var names []string
	for _, c := range cs {
		names = append(names, c.Name)
	}
	if strings.Join(names, ", ") != "Ada Obi, Ngozi Olaniyan, Tunde Bello-Ade" {
		t.Fatalf("contacts after the rename: %v", names)
	}
	// Not onto another contact's name; not a change that changes nothing.
	if _, err := d.SaveContact(ada, "OKAF01", "Tunde Bello-Ade", domain.Contact{Name: "ngozi olaniyan", Phone: "1"}); err == nil ||
		!strings.Contains(err.Error(), "Ngozi Olaniyan is already a contact of OKAF01") {
		t.Fatalf("a rename onto another contact: %v", err)
	}
	if _, err := d.SaveContact(ada, "OKAF01", "Tunde Bello-Ade", domain.Contact{Name: "Tunde Bello-Ade", Role: "operations", Phone: "+234 9"}); !errors.Is(err, ErrNothingChanged) {
		t.Fatalf("no change: %v", err)
	}
	// Making Ngozi primary again clears Ada.
	if _, err := d.SaveContact(ada, "OKAF01", "Ngozi Olaniyan", domain.Contact{Name: "Ngozi Olaniyan", Role: "finance", Phone: "+234 803 000 0001", Primary: true}); err != nil {
		t.Fatal(err)
	}
	f, _ := d.Account("OKAF01")
	if f.PrimaryContact() != "Ngozi Olaniyan" {
		t.Fatalf("primary %q", f.PrimaryContact())
	}
	for _, c := range f.Contacts {
		if c.Primary != (c.Name == "Ngozi Olaniyan") {
			t.Fatalf("primary flags %+v", f.Contacts)
		}
	}
	// Removed.
	got, err = d.RemoveContact(ada, "OKAF01", "ADA OBI")
	if err != nil || got.Activity.Text != "contact removed: Ada Obi (executive) +234 2, ada@okafor.ng" {
		t.Fatalf("removal %q %v", got.Activity.Text, err)
	}
	if _, err := d.RemoveContact(ada, "OKAF01", "Ada Obi"); err == nil || !strings.Contains(err.Error(), "OKAF01 has no contact \"Ada Obi\"; its contacts: ") {
		t.Fatalf("removing one not there: %v", err)
	}
	entries := accountEntries(t, d, "OKAF01", domain.KindContactEdit)
	if len(entries) != 4 || entries[3].Contact != "Ada Obi" || entries[0].On != asOf {
		t.Fatalf("%d contact entries: %+v", len(entries), entries)
	}
	if _, err := d.SaveContact(WithRole(ada, Viewer), "OKAF01", "", domain.Contact{Name: "X", Phone: "1"}); !errors.Is(err, ErrNotPermitted) {
		t.Fatalf("a viewer: %v", err)
	}
}

// v on an account (SPEC §10.8): a score with its entry; the same kind on
// the same day replaces it; out-of-range scores and later dates are refused.
func TestAddSurvey(t *testing.T) {
	st := contactBook(t)
	d := New(st, Options{AsOf: asOf})
	got, err := d.AddSurvey(ada, "OKAF01", domain.Survey{Kind: "NPS", Score: 9, Comment: " happy with deliveries "})
	if err != nil {
		t.Fatal(err)
	}
	if got.Survey.ID == 0 || got.Survey.On != asOf || got.Survey.Kind != "nps" || got.Activity.Text != "NPS 9: happy with deliveries" {
		t.Fatalf("%+v %q", got.Survey, got.Activity.Text)
	}
	if _, err := d.AddSurvey(ada, "OKAF01", domain.Survey{Kind: "csat", Score: 3, On: asOf.AddDays(-40)}); err != nil {
		t.Fatal(err)
	}
	got, err = d.AddSurvey(ada, "OKAF01", domain.Survey{Kind: "nps", Score: 6})
	if err != nil || got.Replaced == nil || got.Activity.Text != "NPS 6 (replaces 9)" {
		t.Fatalf("again the same day: %+v %v", got, err)
	}
	if _, err := d.AddSurvey(ada, "OKAF01", domain.Survey{Kind: "csat", Score: 4, On: asOf.AddDays(-10)}); err != nil {
		t.Fatal(err)
	}
	f, _ := d.Account("OKAF01")
	if len(f.Surveys) != 3 {
		t.Fatalf("%d surveys", len(f.Surveys))
	}
	// CSAT 4 (12 Nov) after 3 (13 Oct): up; one NPS: no trend.
	if s := domain.LatestSurveys(f.Surveys, asOf).String(); s != "NPS 6 · CSAT 4 ↑" {
		t.Fatalf("latest %q", s)
	}
	for _, c := range []struct {
		s     domain.Survey
		field string
	}{
		{domain.Survey{Kind: "csat", Score: 0}, "score"},
		{domain.Survey{Kind: "nps", Score: 11}, "score"},
		{domain.Survey{Kind: "ces", Score: 3}, "kind"},
		{domain.Survey{Kind: "nps", Score: 5, On: asOf.AddDays(1)}, "date"},
	} {
		var ve domain.ValidationError
		if _, err := d.AddSurvey(ada, "OKAF01", c.s); !errors.As(err, &ve) || ve[0].Field != c.field {
			t.Errorf("%+v: %v, want a %s error", c.s, err, c.field)
		}
	}
	if n := len(accountEntries(t, d, "OKAF01", domain.KindSurvey)); n != 4 {
		t.Fatalf("%d survey entries", n)
	}
}

// O on an account (SPEC §10.9): objectives added and changed by id, steps
// with done dates, each write with its entry.
func TestSaveObjective(t *testing.T) {
	st := contactBook(t)
	d := New(st, Options{AsOf: asOf})
	due := domain.MustDate("2026-12-31")
	o := domain.Objective{Kind: "Cross-sell", Measure: "PMS bought monthly", Target: "20,000 L", Due: due, Steps: []domain.Step{
		{Text: "Price offer", Due: asOf.AddDays(-2), Done: true},
		{Text: "Trial delivery", Due: asOf.AddDays(10)},
	}}
	got, err := d.SaveObjective(ada, "OKAF01", o)
	if err != nil {
		t.Fatal(err)
	}
	x := got.Objective
	if !got.Added || x.ID == 0 || x.Kind != "cross-sell" || x.Status != "open" || x.Owner != "ada" || x.Steps[0].DoneOn != asOf {
		t.Fatalf("added %+v", x)
	}
	if want := "objective added: cross-sell — PMS bought monthly, target 20,000 L, due 2026-12-31, owner ada, 2 steps (1 done)"; got.Activity.Text != want {
		t.Fatalf("entry %q\nwant  %q", got.Activity.Text, want)
	}
	// Changed by id: the second step done on a date, the status met.
	y := x
	y.Steps = []domain.Step{x.Steps[0], {Text: "Trial delivery", Due: asOf.AddDays(10), Done: true, DoneOn: asOf.AddDays(-1)}}
	y.Status = "met"
	got, err = d.SaveObjective(ada, "OKAF01", y)
	if err != nil {
		t.Fatal(err)
	}
	if want := "objective #1 changed: status: open → met; step 2: Trial delivery by 2026-12-02 → Trial delivery by 2026-12-02, done 2026-11-21"; got.Activity.Text != want || got.Added {
		t.Fatalf("entry %q\nwant  %q", got.Activity.Text, want)
	}
	f, _ := d.Account("OKAF01")
	if len(f.Objectives) != 1 || f.Objectives[0].Status != "met" || f.Objectives[0].Steps[1].DoneOn != asOf.AddDays(-1) {
		t.Fatalf("objectives %+v", f.Objectives)
	}
	if _, err := d.SaveObjective(ada, "OKAF01", f.Objectives[0]); !errors.Is(err, ErrNothingChanged) {
		t.Fatalf("no change: %v", err)
	}
	// A second one gets the next id.
	got, err = d.SaveObjective(ada, "OKAF01", domain.Objective{Kind: "revenue", Measure: "AGO revenue", Owner: "tunde"})
	if err != nil || got.Objective.ID != 2 || got.Objective.Owner != "tunde" {
		t.Fatalf("second %+v %v", got.Objective, err)
	}
	for _, c := range []struct {
		o     domain.Objective
		field string
	}{
		{domain.Objective{Kind: "fun", Measure: "x"}, "kind"},
		{domain.Objective{Kind: "revenue"}, "measure"},
		{domain.Objective{ID: 9, Kind: "revenue", Measure: "x"}, "objective"},
		{domain.Objective{Kind: "revenue", Measure: "x", Status: "won"}, "status"},
		{domain.Objective{Kind: "revenue", Measure: "x", Steps: []domain.Step{{Text: "no date"}}}, "steps"},
		{domain.Objective{Kind: "revenue", Measure: "x", Steps: []domain.Step{{Text: "later", Due: asOf, Done: true, DoneOn: asOf.AddDays(1)}}}, "steps"},
	} {
		var ve domain.ValidationError
		if _, err := d.SaveObjective(ada, "OKAF01", c.o); !errors.As(err, &ve) || ve[0].Field != c.field {
			t.Errorf("%+v: %v, want a %s error", c.o, err, c.field)
		}
	}
	if n := len(accountEntries(t, d, "OKAF01", domain.KindObjective)); n != 3 {
		t.Fatalf("%d objective entries", n)
	}
}

// acctdesk settings margin: rates by product, spelt as the invoices spell
// them; nil removes one; out of range refused.
func TestSetMarginRates(t *testing.T) {
	st := contactBook(t)
	if _, err := st.Apply(ada, &store.Batch{Invoices: []store.Rec[domain.Invoice]{{V: domain.Invoice{Account: "OKAF01", Number: "INV-2",
		Issued: asOf.AddDays(-5), Amount: decimal.NewFromInt(1000), Currency: "NGN", Product: "AGO"}}}}); err != nil {
		t.Fatal(err)
	}
	d := New(st, Options{AsOf: asOf})
	r := func(s string) *decimal.Decimal { x := decimal.RequireFromString(s); return &x }
	got, err := d.SetMarginRates(ada, map[string]*decimal.Decimal{"ago": r("4.5"), "Fleet": r("12")})
	if err != nil || len(got) != 2 || got["AGO"].String() != "4.5" || got["Fleet"].String() != "12" {
		t.Fatalf("rates %v %v", got, err)
	}
	got, err = d.SetMarginRates(ada, map[string]*decimal.Decimal{"fleet": nil})
	if err != nil || len(got) != 1 {
		t.Fatalf("after removing Fleet %v %v", got, err)
	}
	if _, err := d.SetMarginRates(ada, map[string]*decimal.Decimal{"AGO": r("101")}); err == nil || !strings.Contains(err.Error(), "0 to 100") {
		t.Fatalf("101 %%: %v", err)
	}
	set, _ := st.Settings()
	if len(set.MarginRates) != 1 || set.MarginRates["AGO"].String() != "4.5" {
		t.Fatalf("stored %v", set.MarginRates)
	}
	if _, err := d.SetMarginRates(WithRole(ada, Collector), map[string]*decimal.Decimal{"AGO": r("1")}); !errors.Is(err, ErrNotPermitted) {
		t.Fatalf("a collector: %v", err)
	}
}

// Two people edit the account at once: each writes only the fields they
// changed (From: what their form opened with), so neither undoes the
// other's change.
func TestEditAccountKeepsOthersChanges(t *testing.T) {
	st := teamBook(t)
	d := New(st, Options{AsOf: asOf})
	f, _ := d.Account("OKAF01")
	opened := EditOf(f.Account) // both forms open on this
	mine, theirs := opened, opened
	mine.From, theirs.From = &opened, &opened
	theirs.Notes = "Pays on the 25th"
	if _, err := d.EditAccount(bisi, "OKAF01", theirs); err != nil {
		t.Fatal(err)
	}
	mine.Tier = 1
	got, err := d.EditAccount(bisi, "OKAF01", mine)
	if err != nil {
		t.Fatal(err)
	}
	if got.Account.Tier != 1 || got.Account.Notes != "Pays on the 25th" || len(got.Changes) != 1 || got.Changes[0].String() != "tier: 2 → 1" {
		t.Fatalf("after both edits: tier %d, notes %q, changes %v", got.Account.Tier, got.Account.Notes, got.Changes)
	}
	// A form that changed nothing changes nothing, whatever changed since.
	if _, err := d.EditAccount(bisi, "OKAF01", AccountEdit{From: &opened, Tier: opened.Tier, Owner: opened.Owner, Status: opened.Status,
		Terms: opened.Terms, TermsDays: opened.TermsDays}); !errors.Is(err, ErrNothingChanged) {
		t.Fatalf("an unchanged form: %v", err)
	}
}
