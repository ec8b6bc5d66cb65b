package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"
)

// The readers of the redesign: facts a page or a few accounts at a time,
// what changed since a change counter, and the author every write needs.

// testNoAuthor: a write whose context names no author is refused, by every
// writer, and changes nothing.
func testNoAuthor(t *testing.T, s store.Store) {
	base(t, s)
	none := context.Background()
	refused := func(what string, err error) {
		t.Helper()
		if !errors.Is(err, store.ErrNoAuthor) {
			t.Errorf("%s without an author = %v; want ErrNoAuthor", what, err)
		}
	}
	unchanged(t, s, func() {
		contacts := &store.Batch{Contacts: fullBatch().Contacts}
		_, err := s.Apply(none, contacts)
		refused("Apply", err)
		if pa, ok := s.(store.ProgressApplier); ok {
			_, err = pa.ApplyProgress(none, contacts, func(store.Progress) {})
			refused("ApplyProgress", err)
		}
		_, err = s.LogActivity(none, store.ActivityEntry{Activity: domain.Activity{Account: "ACME", On: d("2025-03-10"), Kind: "note"}})
		refused("LogActivity", err)
		_, err = s.OpenEscalation(none, domain.Escalation{Account: "ACME", Opened: d("2025-03-12"), Category: "overdue",
			Severity: "low", To: "finance", Summary: "late"}, domain.Activity{})
		refused("OpenEscalation", err)
		refused("Mark", s.Mark(none, domain.QueueMark{Key: "k", Account: "ACME", Done: true, On: d("2025-03-12")}))
		set := domain.DefaultSettings()
		set.Name = "renamed"
		refused("SaveSettings", s.SaveSettings(none, set))
	})
}

// testFactsFollowWrites: after every kind of write, every account's facts,
// read by pages and by name, are domain.FactsOf of the account's file.
func testFactsFollowWrites(t *testing.T, s store.Store) {
	check := func(stage string) {
		t.Helper()
		b := load(t, s)
		page, err := s.Facts("", 100)
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, f := range b.Files {
			codes = append(codes, f.Account.Code)
		}
		named, err := s.FactsOf(codes)
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Facts) != len(b.Files) || len(named.Facts) != len(b.Files) || page.More {
			t.Fatalf("%s: %d facts by page (more %v), %d by name, for %d accounts", stage,
				len(page.Facts), page.More, len(named.Facts), len(b.Files))
		}
		for i, f := range b.Files {
			want, err := domain.FactsOf(f)
			if err != nil {
				t.Fatal(err)
			}
			same(t, stage+": Facts of "+f.Account.Code, *page.Facts[i], want)
			same(t, stage+": FactsOf "+f.Account.Code, *named.Facts[i], want)
		}
		same(t, stage+": the page's settings", page.Settings, b.Settings)
	}
	apply(t, s, fullBatch())
	check("first batch")

	inv := fullBatch().Invoices[1].V
	inv.Amount, inv.Disputed = dec("900000"), false
	apply(t, s, &store.Batch{
		Invoices: []store.Rec[domain.Invoice]{{V: inv}, {V: invoice("GAMMA", "G-2", "2025-04-01", "", "1000", "")}},
		Payments: []store.Rec[domain.Payment]{{V: domain.Payment{Account: "ACME", Reference: "RCPT-10", Received: d("2025-03-02"), Amount: dec("1380000"), Currency: "NGN"}}},
		Credits:  []store.Rec[domain.CreditNote]{{V: domain.CreditNote{Account: "BETA", Number: "BCN-1", Date: d("2025-03-02"), Amount: dec("50"), Reason: "rebate", Invoice: "B-77"}}},
	})
	check("documents")

	if _, err := s.LogActivity(ctx, store.ActivityEntry{
		Activity: domain.Activity{Account: "ACME", On: d("2025-03-10"), Kind: "call", Outcome: "promise", NextFollow: d("2025-03-15")},
		Promise:  &domain.Promise{Amount: dec("400000"), DueOn: d("2025-03-14")},
	}); err != nil {
		t.Fatal(err)
	}
	check("logged call")

	if _, err := s.OpenEscalation(ctx, domain.Escalation{Account: "BETA", Opened: d("2025-03-12"), Category: "dispute",
		Severity: "medium", To: "operations", Summary: "short delivery"}, domain.Activity{}); err != nil {
		t.Fatal(err)
	}
	check("escalation")

	if err := s.Mark(ctx, domain.QueueMark{Key: "stale-contact:GAMMA", Account: "GAMMA", Until: d("2025-03-20"), On: d("2025-03-13")}); err != nil {
		t.Fatal(err)
	}
	check("mark")

	fu := file(t, load(t, s), "GAMMA").FollowUps[0]
	fu.Status = domain.FollowDone // a done follow-up leaves the facts
	acme := accounts()[0]
	acme.Name, acme.CreditLimit = "Acme Haulage Plc", dec("6000000.00")
	apply(t, s, &store.Batch{
		Accounts:  []store.Rec[domain.Account]{{V: acme}},
		Contacts:  []store.Rec[domain.Contact]{{V: domain.Contact{Account: "BETA", Name: "Jane", Role: "finance", Primary: true}}},
		FollowUps: []store.Rec[domain.FollowUp]{{V: fu}},
		Surveys:   []store.Rec[domain.Survey]{{V: domain.Survey{Account: "GAMMA", On: d("2025-03-14"), Kind: "csat", Score: 4}}},
		Plans:     []store.Rec[domain.PaymentPlan]{{V: domain.PaymentPlan{Account: "ACME", Agreed: d("2025-03-14"), Instalments: []domain.Instalment{{Due: d("2025-04-01"), Amount: dec("1")}}}}},
	})
	check("account row and other records")

	set := domain.DefaultSettings()
	set.AgingEdges = []int{15, 45}
	if err := s.SaveSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	check("settings")
}

// testFactsPaging: pages come in code order, at most limit long, after the
// code given (in the book or not), and say whether more follow; FactsOf
// reads the named accounts in code order, each once, leaving out the unknown.
func testFactsPaging(t *testing.T, s store.Store) {
	apply(t, s, fullBatch())
	apply(t, s, &store.Batch{Accounts: []store.Rec[domain.Account]{
		{V: domain.Account{Code: "DELTA", Name: "Delta", Currency: "NGN"}},
		{V: domain.Account{Code: "ACM", Name: "Acm", Currency: "NGN"}},
	}})
	n := changes(t, s)
	codesOf := func(p store.FactsPage) []string {
		var out []string
		for _, x := range p.Facts {
			out = append(out, x.Account.Code)
		}
		return out
	}
	for _, c := range []struct {
		after string
		limit int
		want  []string
		more  bool
	}{
		{"", 2, []string{"ACM", "ACME"}, true},
		{"ACME", 2, []string{"BETA", "DELTA"}, true},
		{"DELTA", 2, []string{"GAMMA"}, false},
		{"GAMMA", 2, nil, false},
		{"B", 3, []string{"BETA", "DELTA", "GAMMA"}, false},
		{"", 5, []string{"ACM", "ACME", "BETA", "DELTA", "GAMMA"}, false},
		{"ZZZ", 5, nil, false},
	} {
		p, err := s.Facts(c.after, c.limit)
		if err != nil {
			t.Fatal(err)
		}
		if got := codesOf(p); !slices.Equal(got, c.want) || p.More != c.more {
			t.Errorf("Facts(%q, %d) = %v more %v; want %v more %v", c.after, c.limit, got, p.More, c.want, c.more)
		}
		if p.Changes != n {
			t.Errorf("Facts(%q, %d): change counter %d, want %d", c.after, c.limit, p.Changes, n)
		}
		same(t, "page settings", p.Settings, domain.DefaultSettings())
	}
	p, err := s.FactsOf([]string{"GAMMA", "NOPE", "ACME", "ACME", "ACM"})
	if err != nil {
		t.Fatal(err)
	}
	if got := codesOf(p); !slices.Equal(got, []string{"ACM", "ACME", "GAMMA"}) || p.More || p.Changes != n {
		t.Errorf("FactsOf = %v more %v changes %d; want [ACM ACME GAMMA], no more, %d", got, p.More, p.Changes, n)
	}
	if p, err := s.FactsOf(nil); err != nil || len(p.Facts) != 0 {
		t.Errorf("FactsOf(nil) = %d facts, %v", len(p.Facts), err)
	}
}

// testChanged: Changed lists exactly the accounts the writes after a
// counter touched, and whether the settings changed; a counter the log
// cannot answer for (ahead of the book, or before what it keeps) is All.
func testChanged(t *testing.T, s store.Store) {
	base(t, s)
	changed := func(since uint64) store.Changed {
		t.Helper()
		ch, err := s.Changed(since)
		if err != nil {
			t.Fatal(err)
		}
		if ch.Since != since {
			t.Errorf("Changed(%d).Since = %d", since, ch.Since)
		}
		return ch
	}
	want := func(since uint64, accounts []string, settings bool) {
		t.Helper()
		ch := changed(since)
		if ch.All || !slices.Equal(ch.Accounts, accounts) || ch.Settings != settings || ch.Now != changes(t, s) {
			t.Errorf("Changed(%d) = %+v; want accounts %v, settings %v, now %d", since, ch, accounts, settings, changes(t, s))
		}
	}
	n0 := changes(t, s)
	want(n0, nil, false)
	apply(t, s, &store.Batch{
		Invoices: []store.Rec[domain.Invoice]{{V: invoice("GAMMA", "G-9", "2025-04-01", "", "10", "")}},
		Contacts: []store.Rec[domain.Contact]{{V: domain.Contact{Account: "BETA", Name: "Jane"}}},
	})
	want(n0, []string{"BETA", "GAMMA"}, false)
	n1 := changes(t, s)
	if _, err := s.LogActivity(ctx, store.ActivityEntry{Activity: domain.Activity{Account: "ACME", On: d("2025-03-10"), Kind: "note"}}); err != nil {
		t.Fatal(err)
	}
	want(n1, []string{"ACME"}, false)
	want(n0, []string{"ACME", "BETA", "GAMMA"}, false)
	n2 := changes(t, s)
	set := domain.DefaultSettings()
	set.DSOPeriodDays = 30
	if err := s.SaveSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	want(n2, nil, true)
	n3 := changes(t, s)
	if err := s.Mark(ctx, domain.QueueMark{Key: "k", Account: "GAMMA", Done: true, On: d("2025-03-12")}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.OpenEscalation(ctx, domain.Escalation{Account: "BETA", Opened: d("2025-03-12"), Category: "overdue",
		Severity: "low", To: "finance", Summary: "late"}, domain.Activity{}); err != nil {
		t.Fatal(err)
	}
	want(n3, []string{"BETA", "GAMMA"}, false)
	want(n2, []string{"BETA", "GAMMA"}, true)

	// Refused and idle writes log nothing.
	now := changes(t, s)
	rowErrors(t, s, &store.Batch{Contacts: []store.Rec[domain.Contact]{{V: domain.Contact{Account: "NOPE", Name: "X"}}}})
	apply(t, s, &store.Batch{Contacts: []store.Rec[domain.Contact]{{V: domain.Contact{Account: "BETA", Name: "Jane"}}}})
	want(now, nil, false)

	if ch := changed(now + 5); !ch.All {
		t.Errorf("Changed from ahead of the book = %+v; want All", ch)
	}
	// From the very start the log either lists every account written or,
	// when it no longer reaches back so far, says All.
	if ch := changed(0); !ch.All && !slices.Equal(ch.Accounts, []string{"ACME", "BETA", "GAMMA"}) {
		t.Errorf("Changed(0) = %+v; want All or every account", ch)
	}
}
