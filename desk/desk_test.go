package desk

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"acctdesk/demo"
	"acctdesk/domain"
	"acctdesk/domain/queue"
	"acctdesk/report"
	"acctdesk/store"
	"acctdesk/store/memstore"

	"github.com/shopspring/decimal"
)

var asOf = domain.MustDate("2026-11-22")

var ada = store.WithAuthor(context.Background(), "ada")

// demoStore is a demo book of n accounts in memory.
func demoStore(t testing.TB, n int) *memstore.Store {
	t.Helper()
	st := memstore.New()
	err := demo.Generate(demo.Options{AsOf: asOf, Seed: 3, Accounts: n, Author: "ada"}, func(b *store.Batch) error {
		_, err := st.Apply(ada, b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// viewText prints what a view shows, for comparing two views.
func viewText(v *View) string {
	var b strings.Builder
	fmt.Fprintf(&b, "as of %s, %d accounts\n", v.AsOf, len(v.Sums))
	for i := range v.Sums {
		s := &v.Sums[i]
		fmt.Fprintf(&b, "%s %v %v %s %v %s %s\n", s.Facts.Account.Code, s.Aging, s.DSO().Days, s.Util(), s.HasUtil, s.LastContact, s.NextFollowUp)
	}
	for _, it := range v.Queue {
		fmt.Fprintf(&b, "%s %s %s %.2f\n", it.Account, it.Key, it.Detail, it.Score.Total)
	}
	for _, t := range v.Totals {
		fmt.Fprintf(&b, "%s %v %s %d\n", t.Currency, t.Aging, t.Sales, t.Accounts)
	}
	h, n := v.Progress("")
	fmt.Fprintf(&b, "progress %d of %d\n", h, n)
	return b.String()
}

// TestRefreshMatchesAFreshLoad: a view kept up to date from the change log,
// through calls, escalations, marks and a payment, shows exactly what a view
// loaded afresh shows; only the accounts written are touched, and the other
// accounts' facts are shared with the previous view, not read again.
func TestRefreshMatchesAFreshLoad(t *testing.T) {
	st := demoStore(t, 30)
	d := New(st, Options{AsOf: asOf})
	v0, err := d.View()
	if err != nil {
		t.Fatal(err)
	}
	a, b := v0.Sums[3].Facts.Account.Code, v0.Sums[7].Facts.Account.Code
	if _, err := d.LogCall(ada, a, domain.Call{Outcome: "no-answer"}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Escalate(ada, b, domain.Escalation{Category: "overdue", Severity: "high", To: "finance", Summary: "chase"}, false); err != nil {
		t.Fatal(err)
	}
	v1, err := d.Refresh()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{a, b}; !reflect.DeepEqual(sorted(v1.Touched), sorted(want)) {
		t.Errorf("touched %v, want %v", v1.Touched, want)
	}
	for i := range v1.Sums {
		code := v1.Sums[i].Facts.Account.Code
		if shared := v1.Sums[i].Facts == v0.Sums[i].Facts; shared == (code == a || code == b) {
			t.Errorf("%s: facts shared = %v", code, shared)
		}
	}
	// Behind the desk's back: a payment from another writer, and a mark.
	pay := domain.Payment{Account: a, Reference: "PAY-X", Received: asOf, Amount: decimal.NewFromInt(1000)}
	if _, err := st.Apply(ada, &store.Batch{Payments: []store.Rec[domain.Payment]{{V: pay}}}); err != nil {
		t.Fatal(err)
	}
	if len(v1.Queue) == 0 {
		t.Fatal("the demo queue is empty")
	}
	if err := d.Done(ada, v1.Queue[0]); err != nil {
		t.Fatal(err)
	}
	v2, err := d.Refresh()
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := New(st, Options{AsOf: asOf}).View()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := viewText(v2), viewText(fresh); got != want {
		t.Errorf("refreshed view differs from a fresh load:\n%s", diffLines(want, got))
	}
	if v2.Changes != fresh.Changes {
		t.Errorf("refreshed at change %d, fresh at %d", v2.Changes, fresh.Changes)
	}
	if slices.ContainsFunc(v2.Queue, func(it queue.Item) bool { return it.Key == v1.Queue[0].Key }) {
		t.Errorf("the item marked done is still queued")
	}
	// Nothing new: the same view.
	if v3, _ := d.Refresh(); v3 != v2 {
		t.Error("a refresh without changes made a new view")
	}
}

func sorted(s []string) []string { return slices.Sorted(slices.Values(s)) }

func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range min(len(w), len(g)) {
		if w[i] != g[i] {
			return fmt.Sprintf("line %d\n  want %s\n  got  %s", i+1, w[i], g[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(g), len(w))
}

// pagingStore writes to the book between the pages of a scan, as another
// process may.
type pagingStore struct {
	*memstore.Store
	between func(page int)
	pages   int
}

func (p *pagingStore) Facts(after string, limit int) (store.FactsPage, error) {
	pg, err := p.Store.Facts(after, limit)
	p.pages++
	if p.between != nil {
		p.between(p.pages)
	}
	return pg, err
}

// TestScanIsConsistent: writes landing between the pages of a scan are read
// again from the change log, so the scan equals a read of the finished book.
func TestScanIsConsistent(t *testing.T) {
	defer func(n int) { pageSize = n }(pageSize)
	pageSize = 500
	st := demoStore(t, 1200) // three pages of 500
	ps := &pagingStore{Store: st}
	first, last := "", ""
	ps.between = func(page int) {
		if page != 1 {
			return
		}
		// An account already read, and one not read yet, both change.
		p, _ := st.Facts("", 1200)
		first, last = p.Facts[1].Account.Code, p.Facts[1100].Account.Code
		for _, code := range []string{first, last} {
			pay := domain.Payment{Account: code, Reference: "MID-" + code, Received: asOf, Amount: decimal.NewFromInt(7)}
			if _, err := st.Apply(ada, &store.Batch{Payments: []store.Rec[domain.Payment]{{V: pay}}}); err != nil {
				t.Fatal(err)
			}
		}
	}
	got, err := Scan(ps, func(set domain.Settings, x *domain.Facts) string {
		return fmt.Sprint(domain.Summarize(x, asOf, set).Aging)
	})
	if err != nil {
		t.Fatal(err)
	}
	want, err := Scan(st, func(set domain.Settings, x *domain.Facts) string {
		return fmt.Sprint(domain.Summarize(x, asOf, set).Aging)
	})
	if err != nil {
		t.Fatal(err)
	}
	if ps.pages < 3 {
		t.Fatalf("scanned in %d pages", ps.pages)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("scan with writes between pages differs from one after them (changed %s, %s)", first, last)
	}
	if n, _ := st.Changes(); got.Changes != n {
		t.Errorf("scan at change %d, book at %d", got.Changes, n)
	}
}

// TestUseCases: the author travels with each call, a promise is recapped in
// writing, an escalation goes on the timeline in one form, a bad call stores
// nothing and says which field is wrong.
func TestUseCases(t *testing.T) {
	st := demoStore(t, 10)
	d := New(st, Options{AsOf: asOf})
	v, err := d.View()
	if err != nil {
		t.Fatal(err)
	}
	code := v.Sums[0].Facts.Account.Code
	bola := store.WithAuthor(context.Background(), "bola")
	got, err := d.LogCall(bola, code, domain.Call{Outcome: "promise", PromiseAmount: decimal.NewFromInt(250000), PromiseDue: asOf + 3})
	if err != nil {
		t.Fatal(err)
	}
	if got.Activity.Stamp.By != "bola" || got.Promise == nil || got.Promise.Stamp.By != "bola" {
		t.Errorf("author: activity %q, promise %+v", got.Activity.Stamp.By, got.Promise)
	}
	if !strings.Contains(got.Recap, "will pay") || !strings.Contains(got.Recap, "bola") || got.Activity.Recap != got.Recap {
		t.Errorf("recap %q (kept: %q)", got.Recap, got.Activity.Recap)
	}
	if got.Activity.Contact == "" || got.Activity.Contact != v.Sums[0].Facts.PrimaryContact() {
		t.Errorf("contact %q, want the primary contact %q", got.Activity.Contact, v.Sums[0].Facts.PrimaryContact())
	}
	if got.Activity.NextFollow != asOf+4 {
		t.Errorf("next follow-up %s, want the day after the promise", got.Activity.NextFollow)
	}

	if _, err := d.LogCall(context.Background(), code, domain.Call{Outcome: "reached"}); !errors.Is(err, store.ErrNoAuthor) {
		t.Errorf("a call without an author: %v", err)
	}
	n, _ := st.Changes()
	_, err = d.LogCall(bola, code, domain.Call{Outcome: "promise"})
	var ve domain.ValidationError
	if !errors.As(err, &ve) || ve[0].Field != "promise" {
		t.Errorf("a promise without an amount: %v", err)
	}
	if m, _ := st.Changes(); m != n {
		t.Error("a refused call wrote something")
	}

	esc, err := d.Escalate(bola, code, domain.Escalation{Category: "credit-breach", Severity: "critical", To: "management", Summary: "hold deliveries"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if esc.Escalation.Due != asOf.AddWorkdays(2) || esc.Escalation.Status != "open" || !strings.Contains(esc.Recap, "To management") {
		t.Errorf("escalation %+v recap %q", esc.Escalation, esc.Recap)
	}
	notes := st.Recorded().Notes
	if last := notes[len(notes)-1]; last.Text != "Escalated to management (critical, credit breach): hold deliveries" || last.Recap != esc.Recap {
		t.Errorf("timeline entry %q", last.Text)
	}
}

// TestReportPartsMatchTheView: the report of the queue made a page at a time
// ranks exactly what the view ranks.
func TestReportPartsMatchTheView(t *testing.T) {
	st := demoStore(t, 25)
	d := New(st, Options{AsOf: asOf})
	v, err := d.View()
	if err != nil {
		t.Fatal(err)
	}
	tab, err := d.Report("queue", report.Input{AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Rows) != len(v.Queue) || len(v.Queue) == 0 {
		t.Fatalf("report has %d rows, the view %d items", len(tab.Rows), len(v.Queue))
	}
	for i, it := range v.Queue {
		if tab.Rows[i][1].Plain != it.Account || tab.Rows[i][2].Plain != it.Reason {
			t.Fatalf("row %d: %v, view %s %s", i, tab.Rows[i][:3], it.Account, it.Reason)
		}
	}
}

// TestSubscribe: a write through the desk reaches every subscriber once the
// watcher has refreshed; ending a subscription closes its channel.
func TestSubscribe(t *testing.T) {
	st := demoStore(t, 5)
	d := New(st, Options{AsOf: asOf, Poll: time.Hour})
	if _, err := d.View(); err != nil {
		t.Fatal(err)
	}
	a, endA := d.Subscribe()
	b, endB := d.Subscribe()
	defer endB()
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	go d.Watch(ctx)
	code := d.Current().Sums[0].Facts.Account.Code
	if _, err := d.LogCall(ada, code, domain.Call{Outcome: "reached"}); err != nil {
		t.Fatal(err)
	}
	for _, ch := range []<-chan struct{}{a, b} {
		select {
		case <-ch:
		case <-time.After(10 * time.Second):
			t.Fatal("no news of the write")
		}
	}
	if got := d.Current().Touched; len(got) != 1 || got[0] != code {
		t.Errorf("touched %v, want [%s]", got, code)
	}
	endA()
	endA() // twice is harmless
	if _, open := <-a; open {
		t.Error("an ended subscription's channel is still open")
	}
}
