package domain

import "sort"

// AccountFile is everything the book holds about one account.
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
	// Standing is what the store keeps of the documents applied, when it
	// keeps one; it must agree with the documents above (same read). A
	// loaded book's standings carry no Sales: the invoices above give them.
	Standing *Standing
}

// PrimaryContact is the primary contact, preferring finance, else the first finance
// contact, else the first contact; "" when there is none.
func (f *AccountFile) PrimaryContact() string {
	best, rank := "", 99
	for _, c := range f.Contacts {
		r := 4
		switch {
		case c.Primary && c.Role == "finance":
			r = 0
		case c.Primary:
			r = 1
		case c.Role == "finance":
			r = 2
		}
		if r < rank {
			best, rank = c.Name, r
		}
	}
	return best
}

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

// Book is a whole book loaded in memory, accounts sorted by code.
type Book struct {
	Settings Settings
	Accounts []*AccountFile
	Marks    []QueueMark
	index    map[string]int
}

// NewBook sorts the files by account code and indexes them.
func NewBook(s Settings, files []*AccountFile, marks []QueueMark) *Book {
	sort.Slice(files, func(i, j int) bool { return files[i].Account.Code < files[j].Account.Code })
	b := &Book{Settings: s, Accounts: files, Marks: marks, index: make(map[string]int, len(files))}
	for i, f := range files {
		b.index[f.Account.Code] = i
	}
	return b
}

// Find returns the account's file, or nil.
func (b *Book) Find(code string) *AccountFile {
	if i, ok := b.index[code]; ok {
		return b.Accounts[i]
	}
	return nil
}
