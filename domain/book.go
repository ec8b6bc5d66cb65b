package domain

import (
	"fmt"
	"sort"
)

// AccountFile is everything the book holds about one account: what the
// account pane, the forms and the documents read (book-wide views read
// Facts).
type AccountFile struct {
	Account     Account
	Contacts    []Contact
	Contracts   []Contract
	Invoices    []Invoice
	Payments    []Payment
	Credits     []CreditNote
	Activities  []Activity
	Promises    []Promise
	Plans       []PaymentPlan
	Escalations []Escalation
	Issues      []ServiceIssue
	FollowUps   []FollowUp
	Surveys     []Survey
	Marks       []QueueMark
	Targets     []Target  // by month, then product
	Balances    []Balance // by date
	Disputes    []Dispute // by invoice, then sequence
	Decisions   []CreditDecision
	Objectives  []Objective
	Documents   []Document       // by kind (SPEC §11.3)
	Blockages   []Blockage       // by id
	Reconciled  []Reconciliation // by date
}

// PrimaryContact is the account's primary contact (see PrimaryContact).
func (f *AccountFile) PrimaryContact() string { return PrimaryContact(f.Contacts) }

// QueueMark is a person's decision about a queue item: done, or snoozed until a date.
// Key names the item and the condition it was about, so a new condition is a new key.
type QueueMark struct {
	Key     string
	Account string
	Done    bool
	Until   Date
	On      Date // the business date it was marked
	Stamp   Stamp
}

// Book is every account's facts, sorted by code, with the settings: what the
// book-wide figures are computed from.
type Book struct {
	Settings Settings
	Accounts []*Facts
	index    map[string]int
}

// NewBook sorts the facts by account code and indexes them.
func NewBook(s Settings, accounts []*Facts) *Book {
	sort.Slice(accounts, func(i, j int) bool { return accounts[i].Account.Code < accounts[j].Account.Code })
	b := &Book{Settings: s, Accounts: accounts, index: make(map[string]int, len(accounts))}
	for i, f := range accounts {
		b.index[f.Account.Code] = i
	}
	return b
}

// Find returns the account's facts, or nil.
func (b *Book) Find(code string) *Facts {
	if i, ok := b.index[code]; ok {
		return b.Accounts[i]
	}
	return nil
}

// With is a new book in which the given facts replace the account's old ones
// (or join the book); the rest is shared with b, which is left as it was.
func (b *Book) With(changed []*Facts) *Book {
	accounts := make([]*Facts, len(b.Accounts), len(b.Accounts)+len(changed))
	copy(accounts, b.Accounts)
	added := false
	for _, f := range changed {
		if i, ok := b.index[f.Account.Code]; ok {
			accounts[i] = f
		} else {
			accounts = append(accounts, f)
			added = true
		}
	}
	if !added {
		return &Book{Settings: b.Settings, Accounts: accounts, index: b.index}
	}
	return NewBook(b.Settings, accounts)
}

// BookOf reduces account files to their facts and makes a book of them.
func BookOf(s Settings, files []*AccountFile) (*Book, error) {
	accounts := make([]*Facts, len(files))
	for i, f := range files {
		x, err := FactsOf(f)
		if err != nil {
			return nil, fmt.Errorf("account %s: %w", f.Account.Code, err)
		}
		accounts[i] = &x
	}
	return NewBook(s, accounts), nil
}
