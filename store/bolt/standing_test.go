package bolt_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"acctdesk/demo"
	"acctdesk/domain"
	"acctdesk/report"
	"acctdesk/store"
	"acctdesk/store/bolt"

	"github.com/shopspring/decimal"
	bbolt "go.etcd.io/bbolt"
)

// demoBook writes a demo book as the demo command does: settings, then one
// batch per chunk of accounts.
func demoBook(t testing.TB, opt demo.Options) *bolt.Store {
	t.Helper()
	s := openTemp(t)
	set := domain.DefaultSettings()
	if err := s.SaveSettings(set); err != nil {
		t.Fatal(err)
	}
	if err := demo.Generate(opt, func(b *store.Batch) error {
		_, err := s.Apply(b)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return s
}

// horizons lists the latest document date of every account, sorted.
func horizons(b *domain.Book) []domain.Date {
	var out []domain.Date
	for _, f := range b.Accounts {
		s := domain.StandingOf(f.Invoices, f.Payments, f.Credits)
		if !s.Horizon.IsZero() {
			out = append(out, s.Horizon)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// render builds a report and prints it in every format.
func render(t *testing.T, name string, in report.Input) string {
	t.Helper()
	tab, err := report.Build(name, in)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	for _, format := range report.Formats {
		if err := tab.Write(&out, format); err != nil {
			t.Fatal(err)
		}
	}
	return out.String()
}

// TestReportsFromPositions: the aging and DSO reports made from the stored
// standings (Positions) are byte for byte the reports made from the loaded
// book, in every format, on demo books of several seeds, for dates long
// before, in the middle of, at, and after the accounts' latest documents,
// with and without an owner filter, and with other settings.
func TestReportsFromPositions(t *testing.T) {
	asOf := domain.MustDate("2026-11-22")
	for _, opt := range []demo.Options{
		{AsOf: asOf, Seed: 7, Accounts: 40},
		{AsOf: asOf, Seed: 11, Accounts: 80}, // over 64 accounts: standings computed in parallel
		{AsOf: asOf.AddDays(-100), Seed: 3, Accounts: 30, InvoicesPerAccount: 20},
	} {
		t.Run(fmt.Sprintf("seed %d", opt.Seed), func(t *testing.T) {
			s := demoBook(t, opt)
			book, err := s.Load()
			if err != nil {
				t.Fatal(err)
			}
			hs := horizons(book)
			if len(hs) == 0 {
				t.Fatal("the demo book has no documents")
			}
			dates := []domain.Date{opt.AsOf.AddDays(-500), opt.AsOf.AddDays(-200), opt.AsOf.AddDays(-45),
				opt.AsOf.AddDays(-1), opt.AsOf, opt.AsOf.AddDays(1), opt.AsOf.AddDays(95), opt.AsOf.AddDays(500),
				hs[0].AddDays(-1), hs[0], hs[len(hs)/2], hs[len(hs)/2].AddDays(1), hs[len(hs)-1].AddDays(-1),
				hs[len(hs)-1], hs[len(hs)-1].AddDays(1)}
			owners := []string{"", book.Accounts[0].Account.Owner, "nobody"}
			compare := func(stage string) {
				t.Helper()
				book, err := s.Load()
				if err != nil {
					t.Fatal(err)
				}
				withoutStandings(book) // the reference applies every document
				for _, d := range dates {
					ps, err := s.Positions(d)
					if err != nil {
						t.Fatal(err)
					}
					for _, name := range []string{"aging", "dso"} {
						for _, owner := range owners {
							want := render(t, name, report.Input{Book: book, AsOf: d, Owner: owner})
							got := render(t, name, report.Input{Positions: ps, AsOf: d, Owner: owner})
							if got != want {
								t.Fatalf("%s: %s as of %s, owner %q: from positions\n%s\nfrom the book\n%s", stage, name, d, owner, got, want)
							}
						}
					}
				}
			}
			compare("demo book")
			set := book.Settings
			set.AgingEdges, set.DSOPeriodDays = []int{7, 45, 180}, 30
			if err := s.SaveSettings(set); err != nil {
				t.Fatal(err)
			}
			compare("other edges, 30-day period")
			set.DSOPeriodDays = domain.SalesWindow + 1
			if err := s.SaveSettings(set); err != nil {
				t.Fatal(err)
			}
			compare("a period longer than the sales window")
		})
	}
}

// TestStandingsFollowWrites: every kind of write that changes documents
// restates the accounts it touches, in the same transaction; Check agrees.
func TestStandingsFollowWrites(t *testing.T) {
	s := openTemp(t)
	mustApply(t, s, sampleBatch(5, 4))
	check := func(stage string) {
		t.Helper()
		if err := s.Check(); err != nil {
			t.Fatalf("%s: Check: %v", stage, err)
		}
		b, err := s.Load()
		if err != nil {
			t.Fatal(err)
		}
		withoutStandings(b)
		for _, d := range []domain.Date{domain.MustDate("2024-06-01"), domain.MustDate("2026-01-01")} {
			ps, err := s.Positions(d)
			if err != nil {
				t.Fatal(err)
			}
			want := domain.PositionsOf(b, d)
			for i := range want.Accounts {
				g, w := ps.Accounts[i], want.Accounts[i]
				if !g.Position.Total.Equal(w.Position.Total) || !g.Position.Unapplied.Equal(w.Position.Unapplied) ||
					!g.Sales.Equal(w.Sales) || len(g.Position.Items) != len(w.Position.Items) {
					t.Fatalf("%s: %s as of %s: got %s/%s/%s, want %s/%s/%s", stage, w.Account.Code, d,
						g.Position.Total, g.Position.Unapplied, g.Sales, w.Position.Total, w.Position.Unapplied, w.Sales)
				}
			}
		}
	}
	check("first batch")
	// A payment, a changed invoice amount, a credit note naming an invoice.
	inv := sampleBatch(1, 1).Invoices[0].V
	inv.Amount = decimal.NewFromInt(777)
	mustApply(t, s, &store.Batch{
		Invoices: []store.Rec[domain.Invoice]{{V: inv}},
		Payments: []store.Rec[domain.Payment]{{V: domain.Payment{Account: "A00001", Reference: "P1", Received: domain.MustDate("2025-01-10"), Amount: decimal.NewFromInt(100000)}}},
		Credits:  []store.Rec[domain.CreditNote]{{V: domain.CreditNote{Account: "A00002", Number: "CN1", Date: domain.MustDate("2025-02-01"), Amount: decimal.NewFromInt(50), Invoice: "A00002-I0001"}}},
	})
	check("documents changed")
	// A dry run and a refused batch change nothing.
	if _, err := s.Apply(&store.Batch{DryRun: true, Payments: []store.Rec[domain.Payment]{{V: domain.Payment{Account: "A00003", Reference: "P2", Received: domain.MustDate("2025-01-10"), Amount: decimal.NewFromInt(1)}}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Apply(&store.Batch{Payments: []store.Rec[domain.Payment]{
		{V: domain.Payment{Account: "A00003", Reference: "P3", Received: domain.MustDate("2025-01-10"), Amount: decimal.NewFromInt(1)}},
		{V: domain.Payment{Account: "NOPE", Reference: "P4", Received: domain.MustDate("2025-01-10"), Amount: decimal.NewFromInt(1)}},
	}}); err == nil {
		t.Fatal("a batch naming a missing account was accepted")
	}
	check("dry run and refused batch")
	// Writes that touch no documents leave standings alone.
	if _, err := s.LogActivity(store.ActivityEntry{Activity: domain.Activity{Account: "A00004", On: domain.MustDate("2025-03-01"), Kind: "note"}}); err != nil {
		t.Fatal(err)
	}
	check("logged activity")
}

// TestCheckFindsWrongStanding: a standing that does not match its documents,
// one that is missing, one for no account and one that does not decode are
// all reported.
func TestCheckFindsWrongStanding(t *testing.T) {
	path := filepath.Join(t.TempDir(), "book.db")
	s, err := bolt.Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	mustApply(t, s, sampleBatch(4, 3))
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Update(func(tx *bbolt.Tx) error {
		sums := tx.Bucket([]byte("summaries"))
		_ = sums.Put([]byte("A00000"), sums.Get([]byte("A00001"))) // another account's
		_ = sums.Delete([]byte("A00002"))
		_ = sums.Put([]byte("GHOST"), sums.Get([]byte("A00001")))
		_ = sums.Put([]byte("A00003"), []byte{1, 2, 3})
		return nil
	})
	db.Close()
	err = s.Check()
	for _, want := range []string{`"A00000": standing differs`, `"A00002": standing is missing`, `"GHOST": account GHOST does not exist`, `"A00003":`} {
		if err == nil || !bytes.Contains([]byte(err.Error()), []byte(want)) {
			t.Errorf("Check does not report %s:\n%v", want, err)
		}
	}
	if _, err := s.Positions(domain.MustDate("2026-01-01")); err == nil {
		t.Error("Positions read a standing that does not decode")
	}
}

// TestMigrationBuildsStandings: a book of schema version 1 (no summaries)
// gets every account's standing when opened.
func TestMigrationBuildsStandings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "book.db")
	s, err := bolt.Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	mustApply(t, s, sampleBatch(30, 5))
	want, err := s.Positions(domain.MustDate("2025-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	// Back to version 1: no summaries bucket, one migration recorded.
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bbolt.Tx) error {
		if err := tx.DeleteBucket([]byte("summaries")); err != nil {
			return err
		}
		if err := tx.Bucket([]byte("migrations")).Delete([]byte{0, 0, 0, 0, 0, 0, 0, 2}); err != nil {
			return err
		}
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte{0, 0, 0, 0, 0, 0, 0, 1})
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := s.Positions(domain.MustDate("2025-06-01")); err == nil {
		t.Fatal("Positions read a book of an older schema")
	}
	s, err = bolt.Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err != nil {
		t.Fatalf("Check after the migration: %v", err)
	}
	got, err := s.Positions(domain.MustDate("2025-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("positions after the migration differ from before")
	}
}

// withoutStandings drops the standings Load attaches, so what is computed from
// the book applies every document again.
func withoutStandings(b *domain.Book) {
	for _, f := range b.Accounts {
		f.Standing = nil
	}
}

// TestSummariesFromStandings: summaries of a loaded book (which carry the
// stored standings) equal summaries applying every document, at dates before,
// at and after the accounts' latest documents.
func TestSummariesFromStandings(t *testing.T) {
	s := demoBook(t, demo.Options{AsOf: domain.MustDate("2026-11-18"), Seed: 5, Accounts: 40})
	book, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	plain, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	withoutStandings(plain)
	used := 0
	for _, d := range []domain.Date{domain.MustDate("2026-06-30"), domain.MustDate("2026-11-17"), domain.MustDate("2026-11-18"), domain.MustDate("2027-01-31")} {
		got, want := domain.SummarizeBook(book, d), domain.SummarizeBook(plain, d)
		for i := range got {
			if st := book.Accounts[i].Standing; st != nil && st.Covers(d, book.Settings.DSOPeriodDays) {
				used++
			}
			g, w := got[i], want[i]
			ga, wa := fmt.Sprint(g.Aging.Buckets, g.Aging.Unapplied), fmt.Sprint(w.Aging.Buckets, w.Aging.Unapplied)
			if ga != wa || !g.AR().Equal(w.AR()) || !g.DSO.Days.Equal(w.DSO.Days) || g.Util.String() != w.Util.String() {
				t.Fatalf("%s as of %s: %s vs %s", book.Accounts[i].Account.Code, d, ga, wa)
			}
			var open []string
			for _, it := range g.Position.Open() {
				open = append(open, fmt.Sprintf("%s %s %v", it.Invoice.Number, it.Outstanding, it.Invoice.Disputed))
			}
			var wantOpen []string
			for _, it := range w.Position.Open() {
				wantOpen = append(wantOpen, fmt.Sprintf("%s %s %v", it.Invoice.Number, it.Outstanding, it.Invoice.Disputed))
			}
			if fmt.Sprint(open) != fmt.Sprint(wantOpen) {
				t.Fatalf("%s as of %s: open items %v, want %v", book.Accounts[i].Account.Code, d, open, wantOpen)
			}
		}
	}
	if used == 0 {
		t.Fatal("no summary came from a standing: the test proves nothing")
	}
}
