package desk

import (
	"errors"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/memstore"

	"github.com/shopspring/decimal"
)

// contactBook is OKAF01 with two contacts and an invoice.
func contactBook(t *testing.T) *memstore.Store {
	t.Helper()
	st := memstore.New()
	_, err := st.Apply(ada, &store.Batch{
		Accounts: []store.Rec[domain.Account]{{V: domain.Account{Code: "OKAF01", Name: "Okafor Haulage", Tier: 2, Status: "active",
			Currency: "NGN", Terms: "term", TermsDays: 30}}},
		Contacts: []store.Rec[domain.Contact]{
			{V: domain.Contact{Account: "OKAF01", Name: "Ngozi Olaniyan", Role: "finance", Phone: "+234 803 000 0001", Primary: true}},
			{V: domain.Contact{Account: "OKAF01", Name: "Tunde Bello", Role: "operations", Phone: "+234 803 000 0002"}},
		},
		Invoices: []store.Rec[domain.Invoice]{{V: domain.Invoice{Account: "OKAF01", Number: "INV-1", Issued: asOf.AddDays(-60),
			Due: asOf.AddDays(-30), Amount: decimal.RequireFromString("1500000"), Currency: "NGN"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// Issue 10 item 7: a call's contact is one of the account's; `log call
// --contact Nobody` (which passes --contact to LogCall) fails with the list
// of contacts and writes nothing.
func TestLogCallContactMustBeTheAccounts(t *testing.T) {
	st := contactBook(t)
	d := New(st, Options{AsOf: asOf})
	for _, who := range []string{"Nobody", "Ngozi Olaniyanp"} {
		_, err := d.LogCall(ada, "OKAF01", domain.Call{Outcome: "reached", Contact: who})
		var ve domain.ValidationError
		if !errors.As(err, &ve) || ve[0].Field != "contact" ||
			!strings.Contains(err.Error(), "is not a contact of OKAF01; its contacts: Ngozi Olaniyan, Tunde Bello") {
			t.Fatalf("--contact %s: %v", who, err)
		}
	}
	if n := len(st.Recorded().Entries); n != 0 {
		t.Fatalf("%d activities written for calls to nobody", n)
	}
	// A name as people type it is the contact's own.
	got, err := d.LogCall(ada, "OKAF01", domain.Call{Outcome: "reached", Contact: "tunde"})
	if err != nil || got.Activity.Contact != "Tunde Bello" {
		t.Fatalf("--contact tunde: %q %v", got.Activity.Contact, err)
	}
}

// A new contact is added explicitly: with the call (name and phone, one
// transaction), or on its own. Neither takes a name the account has.
func TestAddContact(t *testing.T) {
	st := contactBook(t)
	d := New(st, Options{AsOf: asOf})
	if _, err := d.LogCall(ada, "OKAF01", domain.Call{Outcome: "reached", AddContact: &domain.Contact{Name: "Musa Garba"}}); err == nil ||
		!strings.Contains(err.Error(), "needs a phone") {
		t.Fatalf("a new contact without a phone: %v", err)
	}
	got, err := d.LogCall(ada, "OKAF01", domain.Call{Outcome: "reached", AddContact: &domain.Contact{Name: " Musa  Garba", Phone: "+234 1"}})
	if err != nil || got.Activity.Contact != "Musa Garba" || got.Contact == nil || got.Contact.Phone != "+234 1" {
		t.Fatalf("call with a new contact: %+v %v", got, err)
	}
	if _, err := d.AddContact(ada, "OKAF01", domain.Contact{Name: "musa garba", Phone: "+234 9"}); err == nil || !strings.Contains(err.Error(), "already a contact") {
		t.Fatalf("adding a contact twice: %v", err)
	}
	if _, err := d.AddContact(ada, "OKAF01", domain.Contact{Name: "Ada Obi", Phone: "+234 2", Email: "ada@okafor.ng", Role: "executive"}); err != nil {
		t.Fatal(err)
	}
	cs, err := d.Contacts("OKAF01")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range cs {
		names = append(names, c.Name+" "+c.Phone)
	}
	if want := "Ada Obi +234 2, Musa Garba +234 1, Ngozi Olaniyan +234 803 000 0001, Tunde Bello +234 803 000 0002"; strings.Join(names, ", ") != want {
		t.Fatalf("contacts %s, want %s", strings.Join(names, ", "), want)
	}
}
