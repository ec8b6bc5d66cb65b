// Package memstore is a store.Store in memory: the same contract as the
// bbolt store (store/storetest runs against both), for the workstation's and
// the desk's tests and benchmarks. Records live behind a mutex; readers get
// copies; every committed write moves the change counter and logs the
// accounts it touched; writes are stamped with an injected clock.
package memstore

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"acctdesk/domain"
	"acctdesk/store"
)

// Store is a book in memory.
type Store struct {
	mu       sync.Mutex
	settings domain.Settings
	files    map[string]*domain.AccountFile
	facts    map[string]*domain.Facts     // cache, dropped for an account on each write
	docs     map[string]map[string]string // "invoice", "payment", "credit" → number → account
	changes  uint64
	log      []logEntry // change counter → what it touched
	seq      map[string]uint64
	// Now stamps every write; fixed so tests are repeatable.
	Now func() time.Time
	// failNext, when set, is returned by the next write instead of writing.
	failNext error
	rec      Recorded
}

type logEntry struct {
	n        uint64
	accounts []string
	settings bool
}

// Recorded is what was written through the single-record methods, in order
// (tests look at what the workstation wrote).
type Recorded struct {
	Entries     []store.ActivityEntry
	Escalations []domain.Escalation
	Notes       []domain.Activity // the escalations' timeline entries
	Marks       []domain.QueueMark
	FollowUps   []domain.FollowUp // follow-ups written through Apply
}

var _ store.Store = (*Store)(nil)

// New is an empty book with the default settings.
func New() *Store {
	return &Store{settings: domain.DefaultSettings(), files: map[string]*domain.AccountFile{},
		facts: map[string]*domain.Facts{}, seq: map[string]uint64{},
		docs: map[string]map[string]string{"invoice": {}, "payment": {}, "credit": {}},
		Now:  func() time.Time { return time.Date(2026, 11, 17, 9, 30, 0, 0, time.UTC) }}
}

// From is a book holding the settings and the account files as given
// (records are taken as they are, ids and stamps included): a fixture.
func From(set domain.Settings, files []*domain.AccountFile) *Store {
	s := New()
	s.settings = set
	for _, f := range files {
		s.files[f.Account.Code] = cloneFile(f)
		s.index(f)
		for _, id := range idsOf(f) {
			s.seq[id.kind] = max(s.seq[id.kind], id.id)
		}
	}
	return s
}

// index notes the document numbers of a file (they are unique in the book).
func (s *Store) index(f *domain.AccountFile) {
	for _, x := range f.Invoices {
		s.docs["invoice"][x.Number] = f.Account.Code
	}
	for _, x := range f.Payments {
		s.docs["payment"][x.Reference] = f.Account.Code
	}
	for _, x := range f.Credits {
		s.docs["credit"][x.Number] = f.Account.Code
	}
}

// SetFailNext makes the next write fail with err, writing nothing.
func (s *Store) SetFailNext(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failNext = err
}

// Recorded returns copies of what was written through the single-record
// methods, safe to read while other goroutines write.
func (s *Store) Recorded() Recorded {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.rec
	return Recorded{slices.Clone(r.Entries), slices.Clone(r.Escalations), slices.Clone(r.Notes), slices.Clone(r.Marks), slices.Clone(r.FollowUps)}
}

// --- Reader

// Settings reads the book settings.
func (s *Store) Settings() (domain.Settings, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return cloneSettings(s.settings), nil
}

// Changes reads the change counter.
func (s *Store) Changes() (uint64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.changes, nil
}

// Changed says what the writes after since touched.
func (s *Store) Changed(since uint64) (store.Changed, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := store.Changed{Since: since, Now: s.changes}
	if since > s.changes {
		out.All = true
		return out, nil
	}
	seen := map[string]bool{}
	for _, e := range s.log {
		if e.n <= since {
			continue
		}
		out.Settings = out.Settings || e.settings
		for _, c := range e.accounts {
			if !seen[c] {
				seen[c] = true
				out.Accounts = append(out.Accounts, c)
			}
		}
	}
	slices.Sort(out.Accounts)
	return out, nil
}

// Facts reads the facts of up to limit accounts after code after.
func (s *Store) Facts(after string, limit int) (store.FactsPage, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	codes := s.codes()
	i, _ := slices.BinarySearch(codes, after)
	if i < len(codes) && codes[i] == after {
		i++
	}
	end := min(len(codes), i+max(limit, 1))
	return s.page(codes[i:end], end < len(codes))
}

// FactsOf reads the facts of the named accounts.
func (s *Store) FactsOf(codes []string) (store.FactsPage, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var known []string
	for _, c := range codes {
		if _, ok := s.files[c]; ok {
			known = append(known, c)
		}
	}
	slices.Sort(known)
	return s.page(slices.Compact(known), false)
}

func (s *Store) page(codes []string, more bool) (store.FactsPage, error) {
	p := store.FactsPage{Changes: s.changes, Settings: cloneSettings(s.settings), More: more}
	for _, c := range codes {
		x, ok := s.facts[c]
		if !ok {
			f, err := domain.FactsOf(cloneFile(s.files[c]))
			if err != nil {
				return store.FactsPage{}, fmt.Errorf("%w: account %s: %v", store.ErrDamaged, c, err)
			}
			x = &f
			s.facts[c] = x
		}
		p.Facts = append(p.Facts, x) // never changed once made: shared
	}
	return p, nil
}

func (s *Store) codes() []string {
	out := make([]string, 0, len(s.files))
	for c := range s.files {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}

// LoadAccount reads one account's file.
func (s *Store) LoadAccount(code string) (*domain.AccountFile, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.files[code]
	if !ok {
		return nil, fmt.Errorf("account %s %w", code, store.ErrNotFound)
	}
	return cloneFile(f), nil
}

// Empty reports whether the book holds no accounts.
func (s *Store) Empty() (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.files) == 0, nil
}

// --- Admin

// Check finds nothing wrong: memory holds only what the writes checked.
func (s *Store) Check() error { return nil }

// Backup is not offered in memory.
func (s *Store) Backup(string) error { return errors.New("a book in memory cannot be backed up") }

// --- Writer

// SaveSettings replaces the book settings.
func (s *Store) SaveSettings(ctx context.Context, set domain.Settings) error {
	_, err := s.UpdateSettings(ctx, func(stored *domain.Settings) error { *stored = cloneSettings(set); return nil })
	return err
}

// UpdateSettings changes a copy of the settings under the lock, and keeps
// it when it validates.
func (s *Store) UpdateSettings(ctx context.Context, edit func(*domain.Settings) error) (domain.Settings, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.begin(ctx); err != nil {
		return domain.Settings{}, err
	}
	set := cloneSettings(s.settings)
	if err := edit(&set); err != nil {
		return domain.Settings{}, err
	}
	if err := set.Validate(); err != nil {
		return domain.Settings{}, err
	}
	if !reflect.DeepEqual(set, s.settings) {
		s.settings = cloneSettings(set)
		s.commit(nil, true)
	}
	return cloneSettings(set), nil
}

// Apply writes a batch: every record lands or none does.
func (s *Store) Apply(ctx context.Context, b *store.Batch) (store.Result, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.begin(ctx); err != nil {
		return store.Result{}, err
	}
	for _, code := range b.Guard {
		for _, e := range s.log {
			if e.n > b.Since && slices.Contains(e.accounts, code) {
				return store.Result{}, fmt.Errorf("%w: %s", store.ErrConflict, code)
			}
		}
	}
	a := newApplier(s, store.AuthorOf(ctx), true, b.CreateAccounts)
	a.batch(b)
	if err := a.finish(); err != nil {
		return store.Result{}, err
	}
	if !b.DryRun {
		a.flush()
		s.rec.FollowUps = append(s.rec.FollowUps, a.followUps...)
	}
	return a.res, nil
}

// LogActivity appends an activity with its optional promise and follow-up.
func (s *Store) LogActivity(ctx context.Context, e store.ActivityEntry) (domain.Activity, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.begin(ctx); err != nil {
		return domain.Activity{}, err
	}
	e.Activity.ID = 0
	a := newApplier(s, store.AuthorOf(ctx), false, false)
	if err := a.known(e.Activity.Account); err != nil {
		return domain.Activity{}, err
	}
	a.activity(e)
	if err := a.finish(); err != nil {
		return domain.Activity{}, asValidation(err)
	}
	a.flush()
	saved := a.activities[0]
	e.Activity = saved
	if len(a.promises) > 0 {
		p := a.promises[0]
		e.Promise = &p
	}
	s.rec.Entries = append(s.rec.Entries, e)
	return saved, nil
}

// OpenEscalation stores a new escalation and its timeline entry together.
func (s *Store) OpenEscalation(ctx context.Context, e domain.Escalation, note domain.Activity) (domain.Escalation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.begin(ctx); err != nil {
		return domain.Escalation{}, err
	}
	if e.Opened.IsZero() {
		e.Opened = note.On
	}
	if note.On.IsZero() {
		note.On = e.Opened
	}
	note.Account, note.Kind, note.ID, e.ID = e.Account, "escalation", 0, 0
	if note.Text == "" {
		note.Text = e.Summary
	}
	a := newApplier(s, store.AuthorOf(ctx), false, false)
	if err := a.known(e.Account); err != nil {
		return domain.Escalation{}, err
	}
	a.escalation(store.Rec[domain.Escalation]{V: e})
	if len(a.errs) == 0 {
		a.activity(store.ActivityEntry{Activity: note})
	}
	if err := a.finish(); err != nil {
		return domain.Escalation{}, asValidation(err)
	}
	a.flush()
	saved := a.escalations[0]
	s.rec.Escalations = append(s.rec.Escalations, saved)
	s.rec.Notes = append(s.rec.Notes, a.activities[0])
	return saved, nil
}

// Mark stores a queue decision on its account, replacing one with the same key.
func (s *Store) Mark(ctx context.Context, m domain.QueueMark) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.begin(ctx); err != nil {
		return err
	}
	a := newApplier(s, store.AuthorOf(ctx), false, false)
	if err := a.known(m.Account); err != nil {
		return err
	}
	a.mark(store.Rec[domain.QueueMark]{V: m})
	if err := a.finish(); err != nil {
		return asValidation(err)
	}
	a.flush()
	if len(a.marks) > 0 {
		s.rec.Marks = append(s.rec.Marks, a.marks[0])
	}
	return nil
}

// begin refuses a write without an author, or the one a test asked to fail.
func (s *Store) begin(ctx context.Context) error {
	if err := s.failNext; err != nil {
		s.failNext = nil
		return err
	}
	if store.AuthorOf(ctx) == "" {
		return store.ErrNoAuthor
	}
	return nil
}

// commit moves the counter and logs what a write touched.
func (s *Store) commit(accounts []string, settings bool) {
	s.changes++
	slices.Sort(accounts)
	s.log = append(s.log, logEntry{n: s.changes, accounts: slices.Compact(accounts), settings: settings})
	for _, c := range accounts {
		delete(s.facts, c)
	}
}

func (s *Store) nextID(kind string) uint64 {
	s.seq[kind]++
	return s.seq[kind]
}

// asValidation turns the row errors of a single record into field errors.
func asValidation(err error) error {
	var rows store.RowErrors
	if !errors.As(err, &rows) {
		return err
	}
	out := make(domain.ValidationError, len(rows))
	for i, r := range rows {
		out[i] = domain.FieldError{Field: r.Field, Reason: r.Reason}
	}
	return out
}

// --- copies

func cloneSettings(s domain.Settings) domain.Settings {
	s.AgingEdges = slices.Clone(s.AgingEdges)
	s.Users = slices.Clone(s.Users)
	s.Reminders.Levels = slices.Clone(s.Reminders.Levels)
	s.MarginRates = maps.Clone(s.MarginRates)
	s.RequiredDocs = maps.Clone(s.RequiredDocs)
	for k, v := range s.RequiredDocs {
		s.RequiredDocs[k] = slices.Clone(v)
	}
	return s
}

func cloneFile(f *domain.AccountFile) *domain.AccountFile {
	c := *f
	c.Account.Products = slices.Clone(f.Account.Products)
	c.Contacts = slices.Clone(f.Contacts)
	c.Contracts = slices.Clone(f.Contracts)
	c.Invoices = slices.Clone(f.Invoices)
	c.Payments = slices.Clone(f.Payments)
	c.Credits = slices.Clone(f.Credits)
	c.Activities = slices.Clone(f.Activities)
	c.Promises = slices.Clone(f.Promises)
	c.Plans = slices.Clone(f.Plans)
	for i := range c.Plans {
		c.Plans[i].Instalments = slices.Clone(c.Plans[i].Instalments)
	}
	c.Escalations = slices.Clone(f.Escalations)
	c.Issues = slices.Clone(f.Issues)
	c.FollowUps = slices.Clone(f.FollowUps)
	c.Surveys = slices.Clone(f.Surveys)
	c.Marks = slices.Clone(f.Marks)
	c.Targets = slices.Clone(f.Targets)
	c.Balances = slices.Clone(f.Balances)
	c.Disputes = slices.Clone(f.Disputes)
	c.Decisions = slices.Clone(f.Decisions)
	c.Objectives = slices.Clone(f.Objectives)
	c.Documents = slices.Clone(f.Documents)
	c.Blockages = slices.Clone(f.Blockages)
	c.Reconciled = slices.Clone(f.Reconciled)
	for i := range c.Issues {
		c.Issues[i].Steps = slices.Clone(c.Issues[i].Steps)
	}
	for i := range c.Objectives {
		c.Objectives[i].Steps = slices.Clone(c.Objectives[i].Steps)
	}
	return &c
}

// sortFile puts records in the order the bbolt store returns them: documents
// by date then number, contacts by name, contracts by id, marks by key, the
// rest by id.
func sortFile(f *domain.AccountFile) {
	slices.SortFunc(f.Contacts, func(a, b domain.Contact) int { return strings.Compare(a.Name, b.Name) })
	slices.SortFunc(f.Contracts, func(a, b domain.Contract) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(f.Invoices, func(a, b domain.Invoice) int {
		return cmp.Or(cmp.Compare(a.Issued, b.Issued), strings.Compare(a.Number, b.Number))
	})
	slices.SortFunc(f.Payments, func(a, b domain.Payment) int {
		return cmp.Or(cmp.Compare(a.Received, b.Received), strings.Compare(a.Reference, b.Reference))
	})
	slices.SortFunc(f.Credits, func(a, b domain.CreditNote) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), strings.Compare(a.Number, b.Number))
	})
	slices.SortFunc(f.Activities, func(a, b domain.Activity) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(f.Promises, func(a, b domain.Promise) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(f.Plans, func(a, b domain.PaymentPlan) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(f.Escalations, func(a, b domain.Escalation) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(f.Issues, func(a, b domain.ServiceIssue) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(f.FollowUps, func(a, b domain.FollowUp) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(f.Surveys, func(a, b domain.Survey) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(f.Marks, func(a, b domain.QueueMark) int { return strings.Compare(a.Key, b.Key) })
	slices.SortFunc(f.Targets, func(a, b domain.Target) int {
		return cmp.Or(cmp.Compare(a.Month, b.Month), strings.Compare(a.Product, b.Product))
	})
	slices.SortFunc(f.Balances, func(a, b domain.Balance) int { return cmp.Compare(a.On, b.On) })
	slices.SortFunc(f.Decisions, func(a, b domain.CreditDecision) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(f.Objectives, func(a, b domain.Objective) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(f.Documents, func(a, b domain.Document) int { return strings.Compare(a.Kind, b.Kind) })
	slices.SortFunc(f.Blockages, func(a, b domain.Blockage) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(f.Reconciled, func(a, b domain.Reconciliation) int { return cmp.Compare(a.AsOf, b.AsOf) })
	slices.SortFunc(f.Disputes, func(a, b domain.Dispute) int {
		return cmp.Or(strings.Compare(a.Invoice, b.Invoice), cmp.Compare(a.Seq, b.Seq))
	})
}

type idOf struct {
	kind string
	id   uint64
}

// idsOf lists the ids a fixture file already uses, so new ones follow them.
func idsOf(f *domain.AccountFile) []idOf {
	var out []idOf
	for _, x := range f.Activities {
		out = append(out, idOf{"activity", x.ID})
	}
	for _, x := range f.Promises {
		out = append(out, idOf{"promise", x.ID})
	}
	for _, x := range f.Plans {
		out = append(out, idOf{"plan", x.ID})
	}
	for _, x := range f.Escalations {
		out = append(out, idOf{"escalation", x.ID})
	}
	for _, x := range f.Issues {
		out = append(out, idOf{"issue", x.ID})
	}
	for _, x := range f.FollowUps {
		out = append(out, idOf{"followup", x.ID})
	}
	for _, x := range f.Surveys {
		out = append(out, idOf{"survey", x.ID})
	}
	for _, x := range f.Decisions {
		out = append(out, idOf{"decision", x.ID})
	}
	for _, x := range f.Objectives {
		out = append(out, idOf{"objective", x.ID})
	}
	for _, x := range f.Blockages {
		out = append(out, idOf{"blockage", x.ID})
	}
	return out
}
