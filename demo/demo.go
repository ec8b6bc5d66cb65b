// Package demo generates a believable book for trying acctdesk and for benchmarks:
// the credit customers of a Nigerian fuel distributor (AGO, PMS, Rescue, Fleet),
// two years of their seasonal trading, what collections made of it (SPEC §9) and
// what the account managers did (SPEC §10: contracts, credit decisions, service
// issues, rebates, surveys, account plans). The first 30 accounts are a scripted
// cast that shows every situation; the rest are drawn, with the situations
// sprinkled at their rates.
// The book is a pure function of Options: the same options give identical records,
// and nothing reads the clock — every date derives from AsOf.
package demo

import (
	"errors"
	"math/rand/v2"

	"acctdesk/domain"
	"acctdesk/store"
)

// Options say what book to generate.
type Options struct {
	AsOf               domain.Date
	Seed               uint64
	Accounts           int // default 30
	InvoicesPerAccount int // 0 = natural (about two years of trading); >0 = exactly that many per account (big books)
	Author             string
}

const (
	defaultAccounts = 30
	defaultAuthor   = "demo"
	// accountsPerBatch bounds memory on a 10,000-account book: each batch is
	// written by the caller in one transaction and then dropped.
	accountsPerBatch = 500
	// streamBase is the PCG stream constant; each account draws from its own
	// stream (streamBase+index) so its records do not depend on batching.
	streamBase = 0x6163637464657363
	// managerBase is the stream of each account's account-manager records
	// (SPEC §10: decisions, issues, surveys, plans, notes), apart, so that
	// what they hold can change without moving the collections figures.
	managerBase = 0x6d616e6167657273
	// adminBase is the stream of the administrator's records (SPEC §11:
	// the opening file, the sales plan, accounting's balances), apart too.
	adminBase = 0x61646d696e697374
)

// Generate emits the book in batches, chunked by accounts; each batch holds whole
// accounts with everything that belongs to them. It stops at the first error of emit.
func Generate(opt Options, emit func(*store.Batch) error) error {
	if opt.AsOf.IsZero() {
		return errors.New("demo: an as-of date is required")
	}
	if opt.Accounts < 0 || opt.InvoicesPerAccount < 0 {
		return errors.New("demo: accounts and invoices per account cannot be negative")
	}
	if opt.Accounts == 0 {
		opt.Accounts = defaultAccounts
	}
	if opt.Author == "" {
		opt.Author = defaultAuthor
	}
	g := newGen(opt)
	b := g.newBatch(0)
	for i := 0; i < opt.Accounts; i++ {
		g.account(i, b)
		if (i+1)%accountsPerBatch == 0 || i == opt.Accounts-1 {
			if err := emit(b); err != nil {
				return err
			}
			b = g.newBatch(i + 1)
		}
	}
	return nil
}

// newBatch sizes a big book's batch up front: growing slices of large records
// by doubling costs more than generating them.
func (g *gen) newBatch(from int) *store.Batch {
	n := min(accountsPerBatch, g.opt.Accounts-from)
	per := g.opt.InvoicesPerAccount
	if per == 0 || n <= 0 {
		return &store.Batch{}
	}
	return &store.Batch{
		Accounts:   make([]store.Rec[domain.Account], 0, n),
		Contacts:   make([]store.Rec[domain.Contact], 0, 3*n),
		Contracts:  make([]store.Rec[domain.Contract], 0, n+n/8),
		Invoices:   make([]store.Rec[domain.Invoice], 0, n*per),
		Payments:   make([]store.Rec[domain.Payment], 0, n*per),
		Credits:    make([]store.Rec[domain.CreditNote], 0, n*per/16),
		Activities: make([]store.ActivityEntry, 0, 24*n),
	}
}

// gen carries what is shared across accounts: options, the name registry and
// one PCG reseeded per account.
type gen struct {
	opt   Options
	asOf  domain.Date
	large bool
	src   *rand.PCG
	r     rnd
	msrc  *rand.PCG
	mr    rnd
	asrc  *rand.PCG
	adm   rnd
	reg   *registry
}

func newGen(opt Options) *gen {
	src, msrc, asrc := rand.NewPCG(opt.Seed, streamBase), rand.NewPCG(opt.Seed, managerBase), rand.NewPCG(opt.Seed, adminBase)
	return &gen{
		opt:   opt,
		asOf:  opt.AsOf,
		large: opt.InvoicesPerAccount > 0,
		src:   src,
		r:     rnd{rand.New(src)},
		msrc:  msrc,
		mr:    rnd{rand.New(msrc)},
		asrc:  asrc,
		adm:   rnd{rand.New(asrc)},
		reg:   newRegistry(),
	}
}

// account generates account i and appends all its records to b.
func (g *gen) account(i int, b *store.Batch) {
	g.src.Seed(g.opt.Seed, streamBase+uint64(i))
	g.msrc.Seed(g.opt.Seed, managerBase+uint64(i))
	g.asrc.Seed(g.opt.Seed, adminBase+uint64(i))
	a := g.newAcct(g.profile(i))
	a.makeContacts()
	if a.p.status != "onboarding" {
		a.trade()
	}
	a.makeContracts()
	a.credits()
	a.resolvedDisputes()
	a.settle()
	a.quietDispute()
	a.scenarios()
	a.limits()
	a.timeline()
	a.cases()
	a.creditDecisions()
	a.accountPlan()
	a.competition()
	a.opening()
	a.salesPlan()
	a.balances()
	a.emit(b)
}
