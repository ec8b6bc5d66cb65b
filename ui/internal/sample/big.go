package sample

import (
	"fmt"
	"math/rand"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
)

// Generate builds a deterministic book of n accounts around asOf, with a few
// invoices, payments, contacts and activities each, for benchmarks.
func Generate(n int, asOf domain.Date, seed int64) []*domain.AccountFile {
	r := rand.New(rand.NewSource(seed))
	owners := []string{"Ada Obi", "Bola Ade", "Chidi Nwosu", "Dayo Ojo", "Efe Ighodalo", "Funke Bello"}
	words := []string{"Lagos", "Abuja", "Kano", "Delta", "Niger", "Sahel", "Coastal", "Prime", "Atlas", "Royal", "Haulage", "Logistics", "Transport", "Mills", "Cement", "Marine", "Energy", "Foods", "Agro", "Fleet"}
	products := []string{"AGO", "PMS", "Rescue", "Fleet"}
	out := make([]*domain.AccountFile, n)
	for i := 0; i < n; i++ {
		code := fmt.Sprintf("A%05d", i+1)
		cur := domain.Currency("NGN")
		if i%17 == 0 {
			cur = "USD"
		}
		name := fmt.Sprintf("%s %s %s Ltd", words[r.Intn(len(words))], words[r.Intn(len(words))], words[r.Intn(len(words))])
		limit := decimal.NewFromInt(int64(1+r.Intn(50)) * 1000000)
		f := &domain.AccountFile{Account: domain.Account{
			Code: code, Name: name, Tier: 1 + r.Intn(3), Owner: owners[r.Intn(len(owners))], Status: domain.StatusActive,
			OpenedOn: asOf.AddDays(-1000), LiveOn: asOf.AddDays(-990), Terms: "term", TermsDays: 30, Currency: cur,
			CreditLimit: limit, Products: products[:1+r.Intn(len(products))],
		}}
		f.Contacts = []domain.Contact{{Account: code, Name: "Finance desk", Role: "finance", Primary: true}}
		for k := 0; k < 6; k++ {
			issued := asOf.AddDays(-r.Intn(200))
			f.Invoices = append(f.Invoices, domain.Invoice{Account: code, Number: fmt.Sprintf("%s-%d", code, k), Issued: issued, Due: issued.AddDays(30),
				Amount: decimal.NewFromInt(int64(100000 + r.Intn(5000000))), Currency: cur, Product: products[r.Intn(len(products))]})
		}
		for k := 0; k < 3; k++ {
			f.Payments = append(f.Payments, domain.Payment{Account: code, Reference: fmt.Sprintf("P%s-%d", code, k), Received: asOf.AddDays(-r.Intn(150)),
				Amount: decimal.NewFromInt(int64(100000 + r.Intn(3000000))), Currency: cur})
		}
		for k := 0; k < 2; k++ {
			f.Activities = append(f.Activities, domain.Activity{ID: uint64(i*10 + k + 1), Account: code, On: asOf.AddDays(-r.Intn(60)), Kind: "call", Outcome: "reached", Text: "spoke"})
		}
		out[i] = f
	}
	return out
}
