// Package store names the storage the rest of acctdesk speaks to, and its errors.
// Implementations live in sub-packages (store/bolt); nothing outside cmd names them.
package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"acctdesk/domain"
)

// Errors every implementation returns (wrapped) so callers can tell them apart.
var (
	ErrNotFound = errors.New("not found")
	ErrInUse    = errors.New("the book is in use by another process")
	ErrNewer    = errors.New("the book was written by a newer acctdesk")
	ErrNotABook = errors.New("the file is not an acctdesk book")
	ErrDamaged  = errors.New("the book is damaged")
	ErrNotEmpty = errors.New("the book is not empty")
	ErrReadOnly = errors.New("the book is open read-only")
	// ErrConflict refuses a guarded batch (Batch.Guard): an account it
	// was worked out from was written since; read it again and retry.
	ErrConflict = errors.New("the account changed meanwhile")
)

// Store is a book on some medium: a Reader, a Writer and an Admin. Every
// method is one short transaction; an implementation holds its file only
// while the method runs, never for longer than the time to read or write
// what it names.
type Store interface {
	Reader
	Writer
	Admin
}

// Reader reads a book. Book-wide readers read facts (domain.Facts) a page or
// a few accounts at a time, and what changed since a change counter; only
// one account's full file is read whole.
type Reader interface {
	// Settings reads the book settings.
	Settings() (domain.Settings, error)
	// Changes reads the change counter, which moves on every committed write.
	Changes() (uint64, error)
	// Changed says which accounts the writes after change since touched.
	Changed(since uint64) (Changed, error)
	// Facts reads the facts of at most limit accounts whose codes come after
	// after, in code order ("" starts at the first account).
	Facts(after string, limit int) (FactsPage, error)
	// FactsOf reads the facts of the named accounts; codes not in the book
	// are left out.
	FactsOf(codes []string) (FactsPage, error)
	// LoadAccount reads one account's whole file.
	LoadAccount(code string) (*domain.AccountFile, error)
	// Empty reports whether the book holds no accounts.
	Empty() (bool, error)
}

// FactsPage is facts read in one transaction, with the settings and the
// change counter as of that transaction.
type FactsPage struct {
	Changes  uint64
	Settings domain.Settings
	Facts    []*domain.Facts // in code order
	More     bool            // Facts: accounts after the last one remain
}

// Changed is what the writes after a change counter touched.
type Changed struct {
	Since, Now uint64
	Accounts   []string // the accounts written, sorted, each once
	Settings   bool     // the settings were written
	// All: the change log no longer reaches back to Since, so anything may
	// have changed: read everything again.
	All bool
}

// Writer writes to a book. The author of every write comes with its
// context (WithAuthor); a write without one is refused.
type Writer interface {
	// Apply writes a batch in one transaction: every record lands or none does.
	// A *RowErrors names each record that was refused.
	Apply(ctx context.Context, b *Batch) (Result, error)
	// LogActivity appends an activity with its optional promise and follow-up.
	LogActivity(ctx context.Context, e ActivityEntry) (domain.Activity, error)
	// OpenEscalation stores a new escalation and its timeline entry.
	OpenEscalation(ctx context.Context, e domain.Escalation, note domain.Activity) (domain.Escalation, error)
	// Mark stores a queue decision (done or snoozed) on its account.
	Mark(ctx context.Context, m domain.QueueMark) error
	// Assign gives accounts a new owner in one transaction: every account
	// lands or none does. Each account changed gets an assignment entry on
	// its timeline (domain.AssignmentEntry); one that already has the owner
	// is left as it is. An account not in the book refuses the whole
	// assignment (store.ErrNotFound, naming it).
	Assign(ctx context.Context, a Assignment) ([]Reassigned, error)
	// SaveSettings replaces the book settings.
	SaveSettings(ctx context.Context, s domain.Settings) error
	// UpdateSettings changes the book settings in one transaction: edit
	// gets the settings as stored and changes them (it must do no I/O); its
	// error, or settings that do not validate, write nothing. Two writers
	// at once each see the other's change: none is lost. It returns the
	// settings after.
	UpdateSettings(ctx context.Context, edit func(*domain.Settings) error) (domain.Settings, error)
}

// Admin looks after the book as a whole.
type Admin interface {
	// Check walks the whole file and reports the first inconsistencies found.
	Check() error
	// Backup writes a consistent copy to path (temp file, fsync, rename).
	Backup(path string) error
}

// ErrNoAuthor refuses a write whose context names no author.
var ErrNoAuthor = errors.New("a write needs an author")

type authorKey struct{}

// WithAuthor is ctx carrying the author of the writes made with it.
func WithAuthor(ctx context.Context, name string) context.Context {
	return context.WithValue(ctx, authorKey{}, name)
}

// AuthorOf is the author ctx carries; "" when it carries none.
func AuthorOf(ctx context.Context) string {
	name, _ := ctx.Value(authorKey{}).(string)
	return name
}

// ActivityEntry is an activity with what it brings along.
type ActivityEntry struct {
	Activity domain.Activity
	Promise  *domain.Promise // its Activity field is filled by the store
	// Contact, when set, is a new contact of the activity's account written
	// in the same transaction (a call to someone added on the spot).
	Contact *domain.Contact
	Line    int // source line, for batch errors
}

// Assignment is accounts given to an owner.
type Assignment struct {
	Codes []string // exact codes, each once
	Owner string   // a user's name (domain.CheckUser)
	On    domain.Date
}

// Reassigned is an account an assignment changed.
type Reassigned struct {
	Account  string
	Was      string          // the owner it had; "" for none
	Activity domain.Activity // its timeline entry, as stored
}

// Batch is a set of records to write together. Line numbers, when set, are
// used in error messages (the line of the import file each record came from).
type Batch struct {
	Accounts    []Rec[domain.Account]
	Contacts    []Rec[domain.Contact]
	Contracts   []Rec[domain.Contract]
	Invoices    []Rec[domain.Invoice]
	Payments    []Rec[domain.Payment]
	Credits     []Rec[domain.CreditNote]
	Activities  []ActivityEntry
	Plans       []Rec[domain.PaymentPlan]
	Escalations []Rec[domain.Escalation]
	Issues      []Rec[domain.ServiceIssue]
	FollowUps   []Rec[domain.FollowUp]
	Surveys     []Rec[domain.Survey]
	Marks       []Rec[domain.QueueMark]
	Targets     []Rec[domain.Target]
	Balances    []Rec[domain.Balance]
	// Disputes are written as given (key: account, invoice, sequence); an
	// invoice a batch gives a dispute for keeps the Disputed flag the
	// batch gives it. Every other invoice of an import follows
	// ImportDispute: its disputed column opens and resolves imported
	// disputes.
	Disputes []Rec[domain.Dispute]
	// Decisions are credit decisions (SPEC §10.2), added (ID 0) or
	// rewritten by id; the account's own change comes in Accounts.
	Decisions []Rec[domain.CreditDecision]
	// Objectives are an account plan's objectives (SPEC §10.9), added
	// (ID 0) or rewritten by id.
	Objectives []Rec[domain.Objective]
	// RemoveContacts removes contacts by account and name (SPEC §10.10);
	// only those fields are read. A contact renamed is removed and added
	// in the same batch; removals run before Contacts.
	RemoveContacts []Rec[domain.Contact]
	// Documents upsert an account's opening-file documents by account and
	// kind; Blockages are added (ID 0) or rewritten by id; Reconciled
	// upserts reconciliation marks by account and date (SPEC §11).
	Documents  []Rec[domain.Document]
	Blockages  []Rec[domain.Blockage]
	Reconciled []Rec[domain.Reconciliation]
	// On is the business date of the write (the as-of date): the day an
	// import's disputes open or resolve. Zero: the day of the write's stamp.
	On domain.Date
	// Settled are the settled dates (paid_on) of an ERP export's invoices,
	// one per invoice row of a file that has the column: a date makes (or
	// keeps) the invoice's full payment "PAID-<number>" on that date; a zero
	// date removes the payment an earlier import made from it.
	Settled []Rec[Settled]
	// CreateAccounts lets documents name accounts that do not exist yet:
	// a bare account is created in the document's currency, or Currency.
	CreateAccounts bool
	// Currency is the currency of the accounts CreateAccounts makes for
	// records that name none (contacts, contracts, surveys, documents
	// without a currency); "" is the book's base currency.
	Currency domain.Currency
	// Columns are the canonical columns the import file has (an import
	// batch holds one kind). An upsert of a stored record then keeps every
	// field no column of the file gives (Merge…). nil: every field is
	// given, as for the demo and single writes.
	Columns []string
	// DryRun validates everything and writes nothing.
	DryRun bool
	// Guard and Since make a read-modify-write safe: the batch is refused
	// (ErrConflict), writing nothing, when any account in Guard was
	// written after the change counter Since — read before the account
	// the batch was worked out from. The desk reads again and retries.
	Guard []string
	Since uint64
}

// Gives reports whether the batch gives the field of column col: always
// when Columns is nil.
func (b *Batch) Gives(col string) bool {
	return b.Columns == nil || slices.Contains(b.Columns, col)
}

// Partial reports whether the batch gives only some fields (Columns set):
// its upserts keep what it does not give (Merge…).
func (b *Batch) Partial() bool { return b.Columns != nil }

// MergeAccount is the account a partial import (b.Columns) makes of a stored
// one: each field whose column the file has from x, every other from stored.
// Overdraft, Notes and ExpansionNotes, which no import column sets, are
// always stored's. The stamp is x's.
func MergeAccount(b *Batch, blank []string, stored, x domain.Account) domain.Account {
	m := stored
	m.Code, m.Stamp = x.Code, x.Stamp
	gives := func(col string) bool { return b.Gives(col) && !slices.Contains(blank, col) }
	if gives("name") {
		m.Name = x.Name
	}
	if gives("tier") {
		m.Tier = x.Tier
	}
	if gives("segment") {
		m.Segment = x.Segment
	}
	if gives("owner") {
		m.Owner = x.Owner
	}
	if gives("salesperson") {
		m.Salesperson = x.Salesperson
	}
	if gives("status") {
		m.Status = x.Status
	}
	if gives("status_since") {
		m.StatusSince = x.StatusSince
	}
	// The days of the terms: the file's when it has them, or when it gives
	// other terms than stored (their default, 30 or 0 for cash); else stored.
	if gives("payment_terms_days") || (gives("terms") && x.Terms != stored.Terms) {
		m.TermsDays = x.TermsDays
	}
	if gives("terms") {
		m.Terms = x.Terms
	}
	if gives("credit_limit") {
		m.CreditLimit = x.CreditLimit
	}
	if gives("currency") {
		m.Currency = x.Currency
	}
	if gives("products") {
		m.Products = x.Products
	}
	if gives("opened_on") {
		m.OpenedOn = x.OpenedOn
	}
	if gives("live_on") {
		m.LiveOn = x.LiveOn
	}
	return m
}

// MergeContract is MergeAccount for a contract (account and number are its
// key; start and end are required columns).
func MergeContract(b *Batch, stored, x domain.Contract) domain.Contract {
	m := stored
	m.Account, m.ID, m.Start, m.End, m.Stamp = x.Account, x.ID, x.Start, x.End, x.Stamp
	if b.Gives("notice_days") {
		m.NoticeDays = x.NoticeDays
	}
	if b.Gives("sla") {
		m.SLA = x.SLA
	}
	if b.Gives("status") {
		m.Status = x.Status
	}
	if b.Gives("rebate") {
		m.Rebate = x.Rebate
	}
	return m
}

// MergeContact is MergeAccount for a contact (account and name are its key).
func MergeContact(b *Batch, stored, x domain.Contact) domain.Contact {
	m := stored
	m.Account, m.Name, m.Stamp = x.Account, x.Name, x.Stamp
	if b.Gives("role") {
		m.Role = x.Role
	}
	if b.Gives("phone") {
		m.Phone = x.Phone
	}
	if b.Gives("email") {
		m.Email = x.Email
	}
	if b.Gives("primary") {
		m.Primary = x.Primary
	}
	return m
}

// MergeInvoice is MergeAccount for an invoice (account and number are its
// key). Excluded, which no column sets, is always stored's; a file without
// due_date keeps the stored due date (a new invoice gets its account's
// default due, as before).
func MergeInvoice(b *Batch, stored, x domain.Invoice) domain.Invoice {
	m := stored
	m.Account, m.Number, m.Stamp = x.Account, x.Number, x.Stamp
	if b.Gives("issue_date") {
		m.Issued = x.Issued
	}
	// The stored due date stays when the file has none, unless the issue
	// date moved: then the due date is the account's default from the new
	// one (x.Due is zero here, filled after the merge).
	if b.Gives("due_date") || (b.Gives("issue_date") && x.Issued != stored.Issued) {
		m.Due = x.Due
	}
	if b.Gives("amount") {
		m.Amount = x.Amount
	}
	if b.Gives("currency") {
		m.Currency = x.Currency
	}
	if b.Gives("product") {
		m.Product = x.Product
	}
	if b.Gives("quantity") {
		m.Quantity = x.Quantity
	}
	if b.Gives("unit") {
		m.Unit = x.Unit
	}
	if b.Gives("disputed") {
		m.Disputed = x.Disputed
	}
	if b.Gives("dispute_reason") {
		m.DisputeReason = x.DisputeReason
	}
	return m
}

// MergePayment is MergeAccount for a payment (account and reference are its key).
func MergePayment(b *Batch, stored, x domain.Payment) domain.Payment {
	m := stored
	m.Account, m.Reference, m.Stamp = x.Account, x.Reference, x.Stamp
	if b.Gives("date") {
		m.Received = x.Received
	}
	if b.Gives("amount") {
		m.Amount = x.Amount
	}
	if b.Gives("currency") {
		m.Currency = x.Currency
	}
	if b.Gives("invoice") {
		m.Invoice = x.Invoice
	}
	return m
}

// MergeCredit is MergeAccount for a credit note (account and number are its key).
func MergeCredit(b *Batch, stored, x domain.CreditNote) domain.CreditNote {
	m := stored
	m.Account, m.Number, m.Stamp = x.Account, x.Number, x.Stamp
	if b.Gives("date") {
		m.Date = x.Date
	}
	if b.Gives("amount") {
		m.Amount = x.Amount
	}
	if b.Gives("currency") {
		m.Currency = x.Currency
	}
	if b.Gives("reason") {
		m.Reason = x.Reason
	}
	if b.Gives("invoice") {
		m.Invoice = x.Invoice
	}
	return m
}

// MergeSurvey is MergeAccount for a survey (account, date and kind are its
// key, the score is required): the comment.
func MergeSurvey(b *Batch, stored, x domain.Survey) domain.Survey {
	if !b.Gives("comment") {
		x.Comment = stored.Comment
	}
	return x
}

// MergeTarget is MergeAccount for a target (account, month and product are
// its key): the quantity, the amount and the currency.
func MergeTarget(b *Batch, stored, x domain.Target) domain.Target {
	m := stored
	m.Account, m.Month, m.Product, m.Stamp = x.Account, x.Month, x.Product, x.Stamp
	if b.Gives("quantity") {
		m.Quantity = x.Quantity
	}
	if b.Gives("amount") {
		m.Amount = x.Amount
	}
	if b.Gives("currency") {
		m.Currency = x.Currency
	}
	return m
}

// Settled is an invoice's settled date as an ERP export gives it.
type Settled struct {
	Account, Invoice string
	On               domain.Date // zero: not settled
}

// SettledReference is the reference of the payment an invoice's settled
// date stands for.
func SettledReference(invoice string) string { return "PAID-" + invoice }

// SettledTaken says why a settled date cannot make its payment: one of
// that reference, which the user made, is already on the account.
func SettledTaken(p domain.Payment) string {
	applied := "not applied to an invoice"
	if p.Invoice != "" {
		applied = "applied to invoice " + p.Invoice
	}
	return fmt.Sprintf("payment %s is already on account %s, %s: the settled date cannot be recorded as that payment (rename the payment)",
		p.Reference, p.Account, applied)
}

// SettledPayment is the full payment of inv on the date it was settled,
// applied to it.
func SettledPayment(inv domain.Invoice, on domain.Date) domain.Payment {
	return domain.Payment{
		Account: inv.Account, Reference: SettledReference(inv.Number), Received: on,
		Amount: inv.Amount, Currency: inv.Currency, Invoice: inv.Number,
	}
}

// CheckSettled checks a settled date on its own (field "paid_on").
func CheckSettled(x Settled) error {
	var ve domain.ValidationError
	if err := domain.CheckCode(x.Account); err != nil {
		ve = append(ve, domain.FieldError{Field: "account", Reason: err.Error()})
	}
	if err := domain.CheckCode(x.Invoice); err != nil {
		ve = append(ve, domain.FieldError{Field: "number", Reason: err.Error()})
	}
	if !x.On.IsZero() && !x.On.InRange() {
		ve = append(ve, domain.FieldError{Field: "paid_on", Reason: x.On.Format("2006-01-02") + " is outside 1900–9999"})
	}
	if len(ve) > 0 {
		return ve
	}
	return nil
}

// Rec is a record with the line it came from.
type Rec[T any] struct {
	Line int
	V    T
	// Blank names the columns of the file left empty on this row whose
	// field the record holds a default for (an account's tier, status,
	// terms, payment_terms_days, currency): a re-import keeps the stored
	// value of those, as of a column the file does not have.
	Blank []string
}

// Result counts what a batch did: the totals, and the same by kind of record.
type Result struct {
	Added, Updated, Unchanged, Removed int
	ByKind                             [NumKinds]Counts
}

// Counts is what a batch did to one kind of record.
type Counts struct{ Added, Updated, Unchanged, Removed int }

// Kind is a kind of record as a Result counts it, in the order Summary
// names them.
type Kind int

// The kinds a Result counts.
const (
	KindAccounts Kind = iota
	KindContacts
	KindContracts
	KindInvoices
	KindPayments
	KindPaidOn // payments made from invoices' paid_on (Batch.Settled)
	KindCredits
	KindSurveys
	KindTargets
	KindBalances
	KindDisputes
	KindActivities
	KindPlans
	KindEscalations
	KindIssues
	KindFollowUps
	KindMarks
	KindDecisions
	KindObjectives
	KindDocuments
	KindBlockages
	KindReconciled
	// KindAccountsCreated are the bare accounts a batch with CreateAccounts
	// made for its documents: named last, after what they were made for
	// (SPEC §5: "3 invoices added, 1 payment added (from paid_on),
	// 2 accounts created").
	KindAccountsCreated
	NumKinds
)

// kindNouns are each kind's noun, singular and plural, and what follows the verb.
var kindNouns = [NumKinds]struct{ one, many, tail string }{
	KindAccounts:        {"account", "accounts", ""},
	KindAccountsCreated: {"account", "accounts", ""},
	KindContacts:        {"contact", "contacts", ""},
	KindContracts:       {"contract", "contracts", ""},
	KindInvoices:        {"invoice", "invoices", ""},
	KindPayments:        {"payment", "payments", ""},
	KindPaidOn:          {"payment", "payments", " (from paid_on)"},
	KindCredits:         {"credit note", "credit notes", ""},
	KindSurveys:         {"survey", "surveys", ""},
	KindTargets:         {"target", "targets", ""},
	KindBalances:        {"balance", "balances", ""},
	KindDisputes:        {"dispute", "disputes", ""},
	KindActivities:      {"activity", "activities", ""},
	KindPlans:           {"payment plan", "payment plans", ""},
	KindEscalations:     {"escalation", "escalations", ""},
	KindIssues:          {"service issue", "service issues", ""},
	KindFollowUps:       {"follow-up", "follow-ups", ""},
	KindMarks:           {"queue mark", "queue marks", ""},
	KindDecisions:       {"credit decision", "credit decisions", ""},
	KindObjectives:      {"objective", "objectives", ""},
	KindDocuments:       {"document", "documents", ""},
	KindBlockages:       {"blockage", "blockages", ""},
	KindReconciled:      {"reconciliation", "reconciliations", ""},
}

// Change is what a write did to one record.
type Change int

// The changes a Result counts.
const (
	WasAdded Change = iota
	WasUpdated
	WasUnchanged
	WasRemoved
)

// Count notes one record of kind k that the batch changed so.
func (r *Result) Count(k Kind, c Change) {
	kc := &r.ByKind[k]
	switch c {
	case WasAdded:
		r.Added++
		kc.Added++
	case WasUpdated:
		r.Updated++
		kc.Updated++
	case WasUnchanged:
		r.Unchanged++
		kc.Unchanged++
	case WasRemoved:
		r.Removed++
		kc.Removed++
	}
}

// Changed reports whether the batch changes the book.
func (r Result) Changed() bool { return r.Added+r.Updated+r.Removed > 0 }

// Totals is r with the totals only (tests compare them).
func (r Result) Totals() Result {
	return Result{Added: r.Added, Updated: r.Updated, Unchanged: r.Unchanged, Removed: r.Removed}
}

func (r Result) String() string {
	s := fmt.Sprintf("%d added, %d updated, %d unchanged", r.Added, r.Updated, r.Unchanged)
	if r.Removed > 0 {
		s += fmt.Sprintf(", %d removed", r.Removed)
	}
	return s
}

// Summary says what a batch did by kind of record ("3 invoices added,
// 1 payment added (from paid_on), 2 accounts created"): each kind in the
// order of the Kind constants, its non-zero counts as "N noun verb", in
// the order added, updated, unchanged, removed; "nothing to import" when
// the batch held nothing.
func (r Result) Summary() string {
	var parts []string
	for k := range NumKinds {
		c := r.ByKind[k]
		n := kindNouns[k]
		for _, v := range []struct {
			n    int
			verb string
		}{{c.Added, "added"}, {c.Updated, "updated"}, {c.Unchanged, "unchanged"}, {c.Removed, "removed"}} {
			if v.n == 0 {
				continue
			}
			verb := v.verb
			if k == KindAccountsCreated && verb == "added" {
				verb = "created"
			}
			noun := n.many
			if v.n == 1 {
				noun = n.one
			}
			parts = append(parts, fmt.Sprintf("%s %s %s%s", grouped(v.n), noun, verb, n.tail))
		}
	}
	if len(parts) == 0 {
		return "nothing to import"
	}
	return strings.Join(parts, ", ")
}

// grouped writes n with its thousands grouped by commas (2,466).
func grouped(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, d := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	return b.String()
}

// RowError says what is wrong with one record of a batch.
type RowError struct {
	Line   int // 0 when unknown
	Field  string
	Reason string
}

func (e RowError) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Reason)
	return b.String()
}

// RowErrors is every refused record of a batch; nothing was written.
type RowErrors []RowError

func (r RowErrors) Error() string {
	if len(r) == 1 {
		return r[0].Error()
	}
	parts := make([]string, 0, len(r)+1)
	parts = append(parts, fmt.Sprintf("%d rows refused, nothing imported", len(r)))
	for _, e := range r {
		parts = append(parts, "  "+e.Error())
	}
	return strings.Join(parts, "\n")
}

// FromValidation turns a record's validation error into row errors for line.
func FromValidation(line int, err error) RowErrors {
	var ve domain.ValidationError
	if errors.As(err, &ve) {
		out := make(RowErrors, len(ve))
		for i, f := range ve {
			out[i] = RowError{Line: line, Field: f.Field, Reason: f.Reason}
		}
		return out
	}
	return RowErrors{{Line: line, Reason: err.Error()}}
}

// CheckAssignment checks what an assignment asks before a store writes it:
// an owner who is a user's name, a business date, at least one account. It
// returns the codes each once, in the order given.
func CheckAssignment(a Assignment) ([]string, error) {
	if err := domain.CheckUser(a.Owner); err != nil {
		return nil, domain.ValidationError{{Field: "owner", Reason: fmt.Sprintf("%q %v", a.Owner, err)}}
	}
	if err := domain.CheckDate(a.On); err != nil {
		return nil, domain.ValidationError{{Field: "on", Reason: err.Error()}}
	}
	if len(a.Codes) == 0 {
		return nil, domain.ValidationError{{Field: "account", Reason: "no account to assign"}}
	}
	seen := make(map[string]bool, len(a.Codes))
	codes := make([]string, 0, len(a.Codes))
	for _, c := range a.Codes {
		if err := domain.CheckCode(c); err != nil {
			return nil, domain.ValidationError{{Field: "account", Reason: fmt.Sprintf("%q %v", c, err)}}
		}
		if !seen[c] {
			seen[c] = true
			codes = append(codes, c)
		}
	}
	return codes, nil
}
