package demo

import (
	"reflect"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"
)

var asOf = domain.MustDate("2025-11-19")

// book generates a whole book into one batch.
func book(t testing.TB, opt Options) *store.Batch {
	t.Helper()
	all := &store.Batch{}
	err := Generate(opt, func(b *store.Batch) error {
		all.Accounts = append(all.Accounts, b.Accounts...)
		all.Contacts = append(all.Contacts, b.Contacts...)
		all.Contracts = append(all.Contracts, b.Contracts...)
		all.Invoices = append(all.Invoices, b.Invoices...)
		all.Payments = append(all.Payments, b.Payments...)
		all.Credits = append(all.Credits, b.Credits...)
		all.Activities = append(all.Activities, b.Activities...)
		all.Plans = append(all.Plans, b.Plans...)
		all.Escalations = append(all.Escalations, b.Escalations...)
		all.Issues = append(all.Issues, b.Issues...)
		all.FollowUps = append(all.FollowUps, b.FollowUps...)
		all.Surveys = append(all.Surveys, b.Surveys...)
		all.Decisions = append(all.Decisions, b.Decisions...)
		all.Objectives = append(all.Objectives, b.Objectives...)
		all.Documents = append(all.Documents, b.Documents...)
		all.Blockages = append(all.Blockages, b.Blockages...)
		all.Targets = append(all.Targets, b.Targets...)
		all.Balances = append(all.Balances, b.Balances...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// validator is any record with its own Validate.
type validator interface{ Validate() error }

// records lists every record of a batch, promises included.
func records(b *store.Batch) []any {
	var out []any
	add := func(v any) { out = append(out, v) }
	for _, r := range b.Accounts {
		add(r.V)
	}
	for _, r := range b.Contacts {
		add(r.V)
	}
	for _, r := range b.Contracts {
		add(r.V)
	}
	for _, r := range b.Invoices {
		add(r.V)
	}
	for _, r := range b.Payments {
		add(r.V)
	}
	for _, r := range b.Credits {
		add(r.V)
	}
	for _, e := range b.Activities {
		add(e.Activity)
		if e.Promise != nil {
			add(*e.Promise)
		}
	}
	for _, r := range b.Plans {
		add(r.V)
	}
	for _, r := range b.Escalations {
		add(r.V)
	}
	for _, r := range b.Issues {
		add(r.V)
	}
	for _, r := range b.FollowUps {
		add(r.V)
	}
	for _, r := range b.Surveys {
		add(r.V)
	}
	for _, r := range b.Decisions {
		add(r.V)
	}
	for _, r := range b.Objectives {
		add(r.V)
	}
	for _, r := range b.Documents {
		add(r.V)
	}
	for _, r := range b.Blockages {
		add(r.V)
	}
	for _, r := range b.Targets {
		add(r.V)
	}
	for _, r := range b.Balances {
		add(r.V)
	}
	return out
}

// checkStrings runs domain.CheckText over every string field, however deep.
func checkStrings(t *testing.T, where string, v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if err := domain.CheckText(v.String(), false, 4000); err != nil {
			t.Errorf("%s: %q: %v", where, v.String(), err)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				checkStrings(t, where+"."+v.Type().Field(i).Name, v.Field(i))
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			checkStrings(t, where, v.Index(i))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			checkStrings(t, where, v.Elem())
		}
	}
}

func TestDefaultBookIsValid(t *testing.T) {
	b := book(t, Options{AsOf: asOf, Seed: 1})
	if len(b.Accounts) != 30 {
		t.Fatalf("%d accounts, want 30", len(b.Accounts))
	}
	for _, r := range records(b) {
		name := reflect.TypeOf(r).Name()
		if v, ok := r.(validator); ok {
			if err := v.Validate(); err != nil {
				t.Errorf("%s %+v: %v", name, r, err)
			}
		}
		checkStrings(t, name, reflect.ValueOf(r))
	}
	checkConsistency(t, b)
}

// checkConsistency holds what Validate cannot see on one record: documents
// name a known account in its currency, numbers are unique, nothing is dated
// after AsOf, XOF amounts are whole, records without a Validate are sane.
func checkConsistency(t *testing.T, b *store.Batch) {
	t.Helper()
	cur := map[string]domain.Currency{}
	for _, r := range b.Accounts {
		if _, dup := cur[r.V.Code]; dup {
			t.Errorf("account code %s twice", r.V.Code)
		}
		cur[r.V.Code] = r.V.Currency
	}
	seen := map[string]bool{}
	unique := func(kind, key string) {
		if seen[kind+key] {
			t.Errorf("%s %s twice", kind, key)
		}
		seen[kind+key] = true
	}
	doc := func(kind, key, acct string, c domain.Currency, d domain.Date, amt interface{ IsInteger() bool }) {
		unique(kind, key)
		if cur[acct] != c {
			t.Errorf("%s %s in %s, account %s trades in %s", kind, key, c, acct, cur[acct])
		}
		if d > asOf {
			t.Errorf("%s %s dated %s, after as-of", kind, key, d)
		}
		if c == "XOF" && !amt.IsInteger() {
			t.Errorf("%s %s: XOF amount with decimals", kind, key)
		}
	}
	for _, r := range b.Contacts {
		unique("contact", r.V.Account+"/"+r.V.Name)
	}
	for _, r := range b.Invoices {
		v := r.V
		doc("invoice", v.Number, v.Account, v.Currency, v.Issued, v.Amount)
	}
	for _, r := range b.Payments {
		v := r.V
		doc("payment", v.Reference, v.Account, v.Currency, v.Received, v.Amount)
		if v.Invoice != "" && !seen["invoice"+v.Invoice] {
			t.Errorf("payment %s names unknown invoice %s", v.Reference, v.Invoice)
		}
	}
	for _, r := range b.Credits {
		v := r.V
		doc("credit", v.Number, v.Account, v.Currency, v.Date, v.Amount)
		if v.Invoice != "" && !seen["invoice"+v.Invoice] {
			t.Errorf("credit note %s names unknown invoice %s", v.Number, v.Invoice)
		}
	}
	for _, e := range b.Activities {
		if e.Activity.On > asOf {
			t.Errorf("activity on %s after as-of", e.Activity.On)
		}
		if p := e.Promise; p != nil && (p.Currency != cur[p.Account] || p.GivenOn != e.Activity.On || e.Activity.Outcome != "promise") {
			t.Errorf("promise %+v does not match its call %+v", p, e.Activity)
		}
	}
	for _, r := range b.Plans {
		if len(r.V.Instalments) == 0 {
			t.Errorf("plan of %s has no instalments", r.V.Account)
		}
		for _, in := range r.V.Instalments {
			if !in.Amount.IsPositive() || in.Due < r.V.Agreed {
				t.Errorf("plan of %s: bad instalment %+v", r.V.Account, in)
			}
		}
	}
	for _, r := range b.Issues {
		v := r.V
		if !oneOf(v.Kind, domain.ServiceKinds) || v.SLADeadline < v.Opened || !oneOf(v.Status, domain.IssueStatuses) ||
			(v.Status == domain.IssueResolved) != (v.ResolvedOn != 0) || v.ResolvedOn > asOf || v.Summary == "" {
			t.Errorf("service issue %+v", v)
		}
		for _, st := range v.Steps {
			if st.DoneOn > asOf || st.Done && st.DoneOn < v.Opened {
				t.Errorf("service issue %+v: step %+v", v, st)
			}
		}
	}
	for _, r := range b.FollowUps {
		v := r.V
		if v.Due.IsZero() || (v.Status == domain.FollowSnoozed) != (v.Until != 0) {
			t.Errorf("follow-up %+v", v)
		}
	}
	for _, r := range b.Decisions {
		v := r.V
		if cur[v.Account] != v.Currency || v.On > asOf || v.Stamp.At.IsZero() {
			t.Errorf("credit decision %+v", v)
		}
	}
	for _, r := range b.Objectives {
		v := r.V
		for _, st := range v.Steps {
			if st.DoneOn > asOf {
				t.Errorf("objective %+v: step %+v done after as-of", v, st)
			}
		}
	}
	for _, r := range b.Surveys {
		v := r.V
		if v.Kind == "nps" && (v.Score < 0 || v.Score > 10) || v.Kind == "csat" && (v.Score < 1 || v.Score > 5) || v.On > asOf {
			t.Errorf("survey %+v", v)
		}
	}
}

func oneOf(s string, set []string) bool {
	for _, x := range set {
		if s == x {
			return true
		}
	}
	return false
}

func TestSameSeedSameBook(t *testing.T) {
	opt := Options{AsOf: asOf, Seed: 42}
	a, b := book(t, opt), book(t, opt)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two runs with the same seed differ")
	}
	opt.Seed = 43
	if c := book(t, opt); reflect.DeepEqual(a, c) {
		t.Fatal("a different seed gives the same book")
	}
}

func TestBatchesAreChunkedByAccount(t *testing.T) {
	var sizes []int
	err := Generate(Options{AsOf: asOf, Seed: 1, Accounts: 1200, InvoicesPerAccount: 3}, func(b *store.Batch) error {
		sizes = append(sizes, len(b.Accounts))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(sizes, []int{500, 500, 200}) {
		t.Fatalf("batch sizes %v, want [500 500 200]", sizes)
	}
}

func TestNeedsAsOf(t *testing.T) {
	if err := Generate(Options{}, func(*store.Batch) error { return nil }); err == nil {
		t.Fatal("no error without an as-of date")
	}
}
