package desk

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/domain/queue"
	"acctdesk/store"
	"acctdesk/store/memstore"
)

// openingBook: GREEN01 (segment Solar) signed on 2026-10-30, 23 days before
// the as-of date (Sun 2026-11-22), not live; the book's settings require
// three documents of the Solar segment and the defaults of every other.
func openingBook(t *testing.T) *memstore.Store {
	t.Helper()
	st := memstore.New()
	set := domain.DefaultSettings()
	set.RequiredDocs = map[string][]string{"Solar": {"company-registration", "tax-identifier", "signed-contract"}}
	if err := st.SaveSettings(ada, set); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Apply(ada, &store.Batch{Accounts: []store.Rec[domain.Account]{
		{V: domain.Account{Code: "GREEN01", Name: "Greenfield Solar", Tier: 3, Segment: "Solar", Owner: "ngozi", Status: "onboarding",
			OpenedOn: domain.MustDate("2026-10-30"), Currency: "NGN", Terms: "term", TermsDays: 30}},
		{V: domain.Account{Code: "OKAF01", Name: "Okafor Haulage", Tier: 1, Segment: "Haulage", Status: "active", Currency: "NGN", Terms: "term", TermsDays: 30}},
	}}); err != nil {
		t.Fatal(err)
	}
	return st
}

func scan(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// The documents of an opening file from end to end: a kind the segment
// does not require is refused naming those it does; the tax identifier
// comes in on Fri 11-20 with its scan, is validated by a lead, recorded
// again with the same scan (nothing changes) and then with another scan
// (the scan changed: the validation of the old one is withdrawn). Each
// write is on the timeline.
func TestRecordDocument(t *testing.T) {
	st := openingBook(t)
	d := New(st, Options{AsOf: asOf})
	dir := t.TempDir()
	abc := scan(t, dir, "tax.pdf", "abc")
	if _, err := d.RecordDocument(WithRole(ada, Viewer), "GREEN01", DocumentRequest{Kind: "tax-identifier"}); !errors.Is(err, ErrNotPermitted) {
		t.Errorf("a viewer recorded a document: %v", err)
	}
	if _, err := d.RecordDocument(WithRole(ada, Collector), "GREEN01", DocumentRequest{Kind: "tax-identifier", Validated: true}); !errors.Is(err, ErrNotPermitted) ||
		!strings.Contains(err.Error(), "validating a document needs a lead") {
		t.Errorf("a collector validated a document: %v", err)
	}
	for _, c := range []struct {
		r     DocumentRequest
		field string
		want  string
	}{
		{DocumentRequest{Kind: "signatory-id"}, "kind", `"signatory-id" is not a document segment Solar requires (company-registration, tax-identifier, signed-contract)`},
		{DocumentRequest{Kind: "tax-identifer"}, "kind", "did you mean tax-identifier?"},
		{DocumentRequest{Kind: " "}, "kind", "name the document: segment Solar requires company-registration, tax-identifier, signed-contract"},
		{DocumentRequest{Kind: "tax-identifier", Received: asOf.AddDays(1)}, "received", "2026-11-23 is after today (2026-11-22)"},
		{DocumentRequest{Kind: "tax-identifier", File: filepath.Join(dir, "none.pdf")}, "file", "none.pdf: no such file or directory"},
		{DocumentRequest{Kind: "tax-identifier", File: dir}, "file", "is not a file"},
	} {
		_, err := d.RecordDocument(ada, "GREEN01", c.r)
		if !hasField(err, c.field) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v; want %s: …%s…", c.r, err, c.field, c.want)
		}
	}

	// "Tax Identifier" is matched as the book spells it; received Fri 11-20.
	got, err := d.RecordDocument(WithRole(bisi, Collector), "GREEN01", DocumentRequest{Kind: "Tax Identifier", Received: domain.MustDate("2026-11-20"), File: abc, Note: " PIN on page 2 "})
	if err != nil {
		t.Fatal(err)
	}
	x := got.Document
	// SHA-256 of "abc": the FIPS 180-2 test vector.
	if x.Kind != "tax-identifier" || x.Received != domain.MustDate("2026-11-20") || !x.ValidatedOn.IsZero() || x.File != abc ||
		x.SHA256 != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" || x.Note != "PIN on page 2" || x.Stamp.By != "bisi" || got.Before != nil {
		t.Errorf("recorded %+v", x)
	}
	if want := "Document tax identifier: received 2026-11-20; file " + abc + " (sha256 ba7816bf); note: PIN on page 2"; got.Entry.Text != want || got.Entry.Kind != domain.KindDocument || got.Entry.Stamp.By != "bisi" {
		t.Errorf("entry %+v\nwant %q", got.Entry, want)
	}
	// 3 required, tax identifier received but not validated: 2 missing, 1 to validate.
	if o := got.Opening; strings.Join(o.Missing, ",") != "company-registration,signed-contract" || strings.Join(o.Unvalidated, ",") != "tax-identifier" || o.Pending() != 3 {
		t.Errorf("opening %+v", o)
	}

	// A lead validates it: on the business date, by the author.
	got, err = d.RecordDocument(ada, "GREEN01", DocumentRequest{Kind: "tax-identifier", Validated: true})
	if err != nil {
		t.Fatal(err)
	}
	if x := got.Document; x.ValidatedOn != asOf || x.ValidatedBy != "ada" || x.Received != domain.MustDate("2026-11-20") || x.SHA256 == "" ||
		got.Entry.Text != "Document tax identifier: validated by ada" || got.Opening.Pending() != 2 {
		t.Errorf("validated %+v, entry %q, pending %d", x, got.Entry.Text, got.Opening.Pending())
	}

	// The same scan again: nothing to write.
	n := len(mustAccount(t, d, "GREEN01").Activities)
	got, err = d.RecordDocument(ada, "GREEN01", DocumentRequest{Kind: "tax-identifier", File: abc, Validated: true})
	if err != nil || !got.Unchanged || got.ScanChanged || strings.Join(got.Said, "; ") != "already validated on 2026-11-22 by ada" {
		t.Errorf("the same scan: %+v, %v", got, err)
	}
	if m := len(mustAccount(t, d, "GREEN01").Activities); m != n {
		t.Errorf("an unchanged document wrote %d entries", m-n)
	}

	// Another scan on Mon 11-23: the scan changed, the validation withdrawn.
	mon := New(st, Options{AsOf: asOf.AddDays(1)})
	abcNL := scan(t, dir, "tax2.pdf", "abc\n")
	got, err = mon.RecordDocument(bisi, "GREEN01", DocumentRequest{Kind: "tax-identifier", File: abcNL})
	if err != nil {
		t.Fatal(err)
	}
	want := "Document tax identifier: the scan changed (sha256 ba7816bf → edeaaff3); its validation of 2026-11-22 by ada withdrawn; file " + abcNL
	if x := got.Document; !got.ScanChanged || x.SHA256 != "edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb" || !x.ValidatedOn.IsZero() ||
		x.ValidatedBy != "" || x.File != abcNL || got.Entry.Text != want || got.Before == nil || got.Before.ValidatedBy != "ada" {
		t.Errorf("a new scan: %+v\nentry %q\nwant  %q", x, got.Entry.Text, want)
	}
	f := mustAccount(t, d, "GREEN01")
	if len(f.Documents) != 1 || f.Documents[0].SHA256 != got.Document.SHA256 {
		t.Errorf("the file holds %+v", f.Documents)
	}
}

// A blockage raised and resolved: the queue's go-live-late names what is
// missing and what blocks, then only what is missing.
func TestBlockage(t *testing.T) {
	st := openingBook(t)
	d := New(st, Options{AsOf: asOf})
	if _, err := d.RaiseBlockage(WithRole(ada, Viewer), "GREEN01", BlockageRequest{Reason: "credit check"}); !errors.Is(err, ErrNotPermitted) {
		t.Errorf("a viewer raised a blockage: %v", err)
	}
	if _, err := d.RaiseBlockage(ada, "GREEN01", BlockageRequest{Reason: "  "}); !hasField(err, "reason") {
		t.Errorf("no reason: %v", err)
	}
	if _, err := d.RaiseBlockage(ada, "GREEN01", BlockageRequest{Reason: "x", Since: asOf.AddDays(1)}); !hasField(err, "since") {
		t.Errorf("a blockage from tomorrow: %v", err)
	}
	got, err := d.RaiseBlockage(WithRole(bisi, Collector), "GREEN01", BlockageRequest{Reason: " credit check \nbank reference pending", Since: domain.MustDate("2026-11-16")})
	if err != nil {
		t.Fatal(err)
	}
	b := got.Blockage
	if b.ID == 0 || b.Owner != "bisi" || b.Since != domain.MustDate("2026-11-16") || !b.IsOpen() || b.Reason != "credit check \nbank reference pending" ||
		got.Entry.Text != "Blocked: credit check \nbank reference pending (owner bisi, since 2026-11-16)" || got.Entry.Kind != domain.KindBlockage {
		t.Errorf("raised %+v, entry %q", b, got.Entry.Text)
	}
	if _, err := d.RecordDocument(ada, "GREEN01", DocumentRequest{Kind: "signed-contract", Received: domain.MustDate("2026-10-30"), Validated: true}); err != nil {
		t.Fatal(err)
	}
	// Signed 2026-10-30: 23 days before 11-22, more than 14.
	goLive := func(d *Desk) string { return goLiveLate(t, d, "GREEN01") }
	if got, want := goLive(d), "signed 23 days ago, not live: missing company registration, tax identifier; blocked: credit check"; got != want {
		t.Errorf("go-live-late %q, want %q", got, want)
	}

	if _, err := d.ResolveBlockage(WithRole(ada, Collector), "GREEN01", b.ID, ""); !errors.Is(err, ErrNotPermitted) {
		t.Errorf("a collector resolved a blockage: %v", err)
	}
	if _, err := d.ResolveBlockage(ada, "GREEN01", b.ID+5, ""); err == nil ||
		err.Error() != "account GREEN01 has no blockage "+itoa(b.ID+5)+" (its open blockages: "+itoa(b.ID)+", credit check since 2026-11-16)" {
		t.Errorf("an unknown id: %v", err)
	}
	early := New(st, Options{AsOf: domain.MustDate("2026-11-15")})
	if _, err := early.ResolveBlockage(ada, "GREEN01", b.ID, ""); !hasField(err, "resolved_on") {
		t.Errorf("resolved before it began: %v", err)
	}
	res, err := d.ResolveBlockage(ada, "GREEN01", b.ID, "bank reference came in")
	if err != nil {
		t.Fatal(err)
	}
	// 11-16 to 11-22: 6 days.
	if r := res.Blockage; r.ID != b.ID || r.ResolvedOn != asOf || r.Owner != "bisi" ||
		res.Entry.Text != "Blockage "+itoa(b.ID)+" resolved after 6 days: credit check — bank reference came in" || len(res.Opening.Blocked) != 0 {
		t.Errorf("resolved %+v, entry %q", r, res.Entry.Text)
	}
	if _, err := d.ResolveBlockage(ada, "GREEN01", b.ID, ""); err == nil || err.Error() != "blockage "+itoa(b.ID)+" of GREEN01 was resolved on 2026-11-22" {
		t.Errorf("resolved twice: %v", err)
	}
	if got, want := goLive(d), "signed 23 days ago, not live: missing company registration, tax identifier"; got != want {
		t.Errorf("go-live-late %q, want %q", got, want)
	}
	// As of 11-21 (after it began, before the resolution) it still blocked,
	// and the contract, validated on 11-22, was not validated yet.
	if got, want := goLive(New(st, Options{AsOf: asOf.AddDays(-1)})),
		"signed 22 days ago, not live: missing company registration, tax identifier; not validated: signed contract; blocked: credit check"; got != want {
		t.Errorf("go-live-late on 11-21 %q, want %q", got, want)
	}
	f := mustAccount(t, d, "GREEN01")
	var kinds []string
	for _, a := range f.Activities {
		kinds = append(kinds, a.Kind)
	}
	if strings.Join(kinds, ",") != "blockage,document,blockage" {
		t.Errorf("timeline kinds %v", kinds)
	}
}

func mustAccount(t *testing.T, d *Desk, code string) *domain.AccountFile {
	t.Helper()
	f, err := d.Account(code)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// Going live by E: an onboarding account made active gets its live date
// (the new status's), the timeline says so, and go-live-late is gone; an
// account without a live date that is active is live (one brought from an
// ERP), so the queue does not ask for it.
func TestGoingLiveByEdit(t *testing.T) {
	st := openingBook(t)
	d := New(st, Options{AsOf: asOf})
	late := func() bool { return goLiveLate(t, d, "GREEN01") != "" }
	if !late() {
		t.Fatal("GREEN01, onboarding and signed 23 days ago, is not go-live-late")
	}
	f := mustAccount(t, d, "GREEN01")
	e := EditOf(f.Account)
	e.Status, e.StatusSince = "active", domain.MustDate("2026-11-20")
	got, err := d.EditAccount(ada, "GREEN01", e)
	if err != nil {
		t.Fatal(err)
	}
	if got.Account.LiveOn != domain.MustDate("2026-11-20") || !strings.Contains(got.Activity.Text, "live on: (none) → 2026-11-20") {
		t.Errorf("made active: live on %s, entry %q", got.Account.LiveOn, got.Activity.Text)
	}
	if late() {
		t.Error("GREEN01 is live since 11-20 and still go-live-late")
	}
	// Back on hold and active again: the live date stays the first one.
	e = EditOf(got.Account)
	e.Status = "on-hold"
	if got, err = d.EditAccount(ada, "GREEN01", e); err != nil {
		t.Fatal(err)
	}
	e = EditOf(got.Account)
	e.Status = "active"
	if got, err = d.EditAccount(ada, "GREEN01", e); err != nil || got.Account.LiveOn != domain.MustDate("2026-11-20") {
		t.Errorf("active again: live on %s, %v", got.Account.LiveOn, err)
	}
}

// goLiveLate is the detail of the account's go-live-late item in a fresh
// view, "" without one.
func goLiveLate(t *testing.T, d *Desk, code string) string {
	t.Helper()
	v, err := d.Refresh()
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range v.Queue {
		if it.Account == code && it.Reason == queue.GoLiveLate {
			return it.Detail
		}
	}
	return ""
}
