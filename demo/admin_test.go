package demo_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"acctdesk/demo"
	"acctdesk/domain"
	"acctdesk/domain/queue"
	"acctdesk/store"
	"acctdesk/store/memstore"
)

// TestDemoExercisesAdministrator: the demo book shows SPEC §11's records
// (issue 15 item 3): opening files with documents received, validated and
// missing and blockages open and resolved, go-live-late naming them; the
// sales plan of the tier-1 accounts with months over and under it; and
// accounting's balances, most agreeing with the book's net AR and some
// not. Read back from the memory store by the domain's own rules, for
// several dates and seeds, on the default book and on a drawn one.
func TestDemoExercisesAdministrator(t *testing.T) {
	for _, c := range []struct {
		day      string
		seed     uint64
		accounts int
	}{
		{"2026-11-22", 1, 30}, {"2026-11-22", 2, 30}, {"2026-03-29", 1, 30}, {"2028-02-29", 3, 30},
		{"2026-11-22", 1, 300}, {"2028-02-29", 2, 300},
	} {
		t.Run(fmt.Sprintf("%s/seed%d/%d", c.day, c.seed, c.accounts), func(t *testing.T) {
			A := domain.MustDate(c.day)
			page := demoFacts(t, memstore.New(), demo.Options{AsOf: A, Seed: c.seed, Accounts: c.accounts})
			checkAdministrator(t, A, page, c.accounts == 30)
		})
	}
}

func checkAdministrator(t *testing.T, A domain.Date, page store.FactsPage, scripted bool) {
	t.Helper()
	set := page.Settings
	if set.Targets.DSODays != 45 || set.Targets.NRRPct != 110 || len(set.RequiredDocsFor("Mining")) != 5 {
		t.Fatalf("settings: targets %+v, mining requires %v", set.Targets, set.RequiredDocsFor("Mining"))
	}
	seen := map[string]bool{}
	saw := func(what string, ok bool) {
		if ok {
			seen[what] = true
		}
	}
	book := domain.NewBook(set, page.Facts)
	goLive := map[string]string{}
	for _, it := range queue.Build(book, A, queue.Options{}) {
		if it.Reason == queue.GoLiveLate {
			goLive[it.Account] = it.Detail
		}
	}
	for _, x := range page.Facts {
		a := x.Account
		required := set.RequiredDocsFor(a.Segment)
		for _, d := range x.Documents {
			if !slices.Contains(required, d.Kind) {
				t.Errorf("%s: document %s is not one segment %q requires", a.Code, d.Kind, a.Segment)
			}
			if d.Received > A || d.ValidatedOn > A || len(d.SHA256) != 64 || d.File == "" {
				t.Errorf("%s: document %+v", a.Code, d)
			}
		}
		o := domain.OpeningOf(required, x.Documents, x.Blockages, A)
		live := !a.LiveOn.IsZero() && a.LiveOn <= A
		recent := a.OpenedOn > A.AddDays(-400)
		if live && !recent && o.Pending() > 0 {
			t.Errorf("%s, live since %s, has %d documents pending", a.Code, a.LiveOn, o.Pending())
		}
		if live && len(o.Blocked) > 0 {
			t.Errorf("%s is live and blocked: %+v", a.Code, o.Blocked)
		}
		if recent && len(x.Documents) > 0 && !slices.ContainsFunc(x.Touches, func(tc domain.Touch) bool { return tc.KindName() == domain.KindDocument }) {
			t.Errorf("%s: signed %s, its documents are not on the timeline", a.Code, a.OpenedOn)
		}
		saw("live account with a document to validate", live && o.Pending() > 0)
		saw("resolved blockage", slices.ContainsFunc(x.Blockages, func(b domain.Blockage) bool { return !b.OpenOn(A) && b.Since <= A }))
		if a.Status == domain.StatusOnboarding {
			saw("onboarding: a document missing", len(o.Missing) > 0)
			saw("onboarding: a document to validate", len(o.Unvalidated) > 0)
			saw("onboarding: a document validated", len(x.Documents) > len(o.Unvalidated))
			saw("onboarding: blocked", len(o.Blocked) > 0)
			saw("onboarding: a scan changed", slices.ContainsFunc(x.Touches, func(tc domain.Touch) bool { return tc.KindName() == domain.KindDocument }) &&
				slices.ContainsFunc(x.Documents, func(d domain.Document) bool { return strings.HasSuffix(d.File, "-2.pdf") }))
			saw("segment with its own documents", len(required) == 5)
			if d, ok := goLive[a.Code]; ok {
				if !strings.HasSuffix(d, ": "+o.String()) || !strings.Contains(d, "missing ") {
					t.Errorf("%s: go-live-late %q does not name %q", a.Code, d, o.String())
				}
				saw("go-live-late naming what blocks", strings.Contains(d, "; blocked: credit check — Zenith bank reference"))
			}
		}

		// The sales plan: an active tier 1 with invoices has targets for
		// the 14 months of the plan; the quantity invoiced is over it in
		// some months and under it in others.
		if a.Tier == 1 && a.Status == domain.StatusActive && len(x.Ledger.Invoices) > 0 {
			months := map[domain.Date]bool{}
			for _, tg := range x.Targets {
				months[tg.Month] = true
				if err := tg.Validate(); err != nil || tg.Currency != a.Currency {
					t.Errorf("%s: target %+v: %v", a.Code, tg, err)
				}
				if tg.Month < A.MonthStart() {
					actual := quantity(&x.Ledger, tg.Month, tg.Product)
					saw("month over plan", actual.GreaterThan(tg.Quantity))
					saw("month under plan", actual.LessThan(tg.Quantity))
				}
			}
			saw("tier 1 with its plan", len(months) == 14 && months[A.MonthStart().AddMonths(-11)] && months[A.MonthStart().AddMonths(2)])
		} else if len(x.Targets) > 0 {
			t.Errorf("%s (tier %d, %s) has a sales plan", a.Code, a.Tier, a.Status)
		}

		// Accounting's balances: at month-ends before the date, each
		// agreeing with the book's net AR then or not.
		for _, b := range x.Balances {
			if b.On >= A || b.On != b.On.AddDays(1).MonthStart().AddDays(-1) || b.Currency != a.Currency {
				t.Errorf("%s: balance %+v", a.Code, b)
			}
			ours := x.Ledger.NetAR(b.On)
			saw("balance agreeing", ours.Equal(b.Balance))
			saw("balance differing", !ours.Equal(b.Balance))
		}
	}
	want := []string{"live account with a document to validate", "resolved blockage", "tier 1 with its plan", "month over plan", "month under plan",
		"balance agreeing", "balance differing"}
	if scripted {
		want = append(want, "onboarding: a document missing", "onboarding: a document to validate", "onboarding: a document validated",
			"onboarding: blocked", "onboarding: a scan changed", "segment with its own documents", "go-live-late naming what blocks")
	}
	for _, what := range want {
		if !seen[what] {
			t.Errorf("no %s", what)
		}
	}
}

// quantity is what the ledger invoiced of a product in a month.
func quantity(l *domain.Ledger, month domain.Date, product string) decimal.Decimal {
	q := decimal.Zero
	for i, inv := range l.Invoices {
		if inv.Issued >= month && inv.Issued < month.AddMonths(1) && l.InvoiceProduct(i) == product {
			q = q.Add(l.InvoiceQuantity(i))
		}
	}
	return q
}
