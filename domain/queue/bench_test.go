package queue

import (
	"fmt"
	"testing"

	"acctdesk/domain"

	"github.com/shopspring/decimal"
)

// bigBook is a synthetic book of n accounts with per invoices each, paid except
// the last few, with a call, a promise and a follow-up on every tenth account.
func bigBook(n, per int) *domain.Book {
	files := make([]*domain.AccountFile, n)
	for i := range files {
		code := fmt.Sprintf("A%05d", i)
		f := &domain.AccountFile{Account: domain.Account{Code: code, Name: "Account " + code, Tier: 1 + i%3, Owner: fmt.Sprintf("u%d", i%4),
			Status: domain.StatusActive, Terms: "term", TermsDays: 30, Currency: "NGN", CreditLimit: decimal.NewFromInt(int64(50_000_000 + i%7*10_000_000)),
			OpenedOn: asOf.AddDays(-900), LiveOn: asOf.AddDays(-880)}}
		for k := 0; k < per; k++ {
			issued := asOf.AddDays(-5 * (per - k))
			amt := decimal.New(int64(100_000_00+(i*k)%5_000_000_00), -2)
			f.Invoices = append(f.Invoices, domain.Invoice{Account: code, Number: fmt.Sprintf("%s-%d", code, k), Issued: issued, Due: issued.AddDays(30), Amount: amt, Currency: "NGN"})
			if k < per-5-i%4 {
				f.Payments = append(f.Payments, domain.Payment{Account: code, Reference: fmt.Sprintf("P%s-%d", code, k), Received: issued.AddDays(25 + i%20), Amount: amt, Currency: "NGN"})
			}
		}
		for k := 0; k < 20; k++ {
			f.Activities = append(f.Activities, domain.Activity{ID: uint64(k + 1), Account: code, On: asOf.AddDays(-7*(20-k) - i%30), Kind: "call", Outcome: "reached"})
		}
		if i%10 == 0 {
			f.Promises = append(f.Promises, domain.Promise{ID: 1, Account: code, Amount: decimal.NewFromInt(1_000_000), Currency: "NGN", GivenOn: asOf - 10, DueOn: asOf - 5 + domain.Date(i%7)})
			f.FollowUps = append(f.FollowUps, domain.FollowUp{ID: 1, Account: code, Due: asOf - domain.Date(i%3), Source: "manual", Status: domain.FollowOpen})
		}
		files[i] = f
	}
	book, err := domain.BookOf(domain.DefaultSettings(), files)
	if err != nil {
		panic(err)
	}
	return book
}

// BenchmarkBuild10k: the whole queue of a 10,000-account, 1,000,000-invoice book.
func BenchmarkBuild10k(b *testing.B) {
	book := bigBook(10_000, 100)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		items := Build(book, asOf, Options{})
		if len(items) == 0 {
			b.Fatal("empty queue")
		}
	}
}

// BenchmarkFromSummaries10k: the queue when the summaries are already computed
// (the workstation computes them once per load for every pane).
func BenchmarkFromSummaries10k(b *testing.B) {
	book := bigBook(10_000, 100)
	sums := domain.SummarizeBook(book, asOf)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		FromSummaries(book.Settings, sums, Options{})
	}
}

// BenchmarkSummarizeBook10k: the per-account figures every pane and the queue share.
func BenchmarkSummarizeBook10k(b *testing.B) {
	book := bigBook(10_000, 100)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		domain.SummarizeBook(book, asOf)
	}
}
