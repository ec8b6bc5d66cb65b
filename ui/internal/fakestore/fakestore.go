// Package fakestore is an in-memory store.Store for the workstation's tests
// and benchmarks. It keeps every record in memory behind a mutex, hands out
// copies, moves a change counter on every write and stamps writes with a
// fixed clock.
package fakestore

import (
	"errors"
	"slices"
	"sync"
	"time"

	"acctdesk/domain"
	"acctdesk/store"
)

// Store is the in-memory book.
type Store struct {
	mu       sync.Mutex
	settings domain.Settings
	files    map[string]*domain.AccountFile
	marks    []domain.QueueMark
	changes  uint64
	nextID   uint64
	// Now stamps every write; fixed so tests are repeatable.
	Now func() time.Time
	// FailNext, when set, is returned by the next write instead of writing.
	FailNext error
	// Entries, Escalations and Marks record what the UI wrote, in order.
	Entries     []store.ActivityEntry
	Escalations []domain.Escalation
	Notes       []domain.Activity // the timeline entries of the escalations
	Marks       []domain.QueueMark
	FollowUps   []domain.FollowUp // follow-ups written through Apply
	loads       int
}

var _ store.Store = (*Store)(nil)

// New makes a store over a settings value and account files (taken as given).
func New(set domain.Settings, files []*domain.AccountFile) *Store {
	s := &Store{settings: set, files: map[string]*domain.AccountFile{}, nextID: 1000}
	s.Now = func() time.Time { return time.Date(2026, 11, 17, 9, 30, 0, 0, time.UTC) }
	for _, f := range files {
		s.files[f.Account.Code] = f
	}
	return s
}

func cloneFile(f *domain.AccountFile) *domain.AccountFile {
	c := *f
	c.Contacts = slices.Clone(f.Contacts)
	c.Contracts = slices.Clone(f.Contracts)
	c.Invoices = slices.Clone(f.Invoices)
	c.Payments = slices.Clone(f.Payments)
	c.Credits = slices.Clone(f.Credits)
	c.Activities = slices.Clone(f.Activities)
	c.Promises = slices.Clone(f.Promises)
	c.Plans = slices.Clone(f.Plans)
	c.Escalations = slices.Clone(f.Escalations)
	c.Issues = slices.Clone(f.Issues)
	c.FollowUps = slices.Clone(f.FollowUps)
	c.Surveys = slices.Clone(f.Surveys)
	c.Account.Products = slices.Clone(f.Account.Products)
	return &c
}

// Load returns a copy of the whole book.
func (s *Store) Load() (*domain.Book, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.loads++
	files := make([]*domain.AccountFile, 0, len(s.files))
	for _, f := range s.files {
		files = append(files, cloneFile(f))
	}
	return domain.NewBook(s.settings, files, slices.Clone(s.marks)), nil
}

// Loads counts the calls to Load.
func (s *Store) Loads() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.loads
}

// LoadAccount returns a copy of one account's file.
func (s *Store) LoadAccount(code string) (*domain.AccountFile, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.files[code]
	if !ok {
		return nil, store.ErrNotFound
	}
	return cloneFile(f), nil
}

// Settings returns the settings.
func (s *Store) Settings() (domain.Settings, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.settings, nil
}

// SaveSettings replaces the settings.
func (s *Store) SaveSettings(set domain.Settings) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settings = set
	s.changes++
	return nil
}

func (s *Store) fail() error {
	err := s.FailNext
	s.FailNext = nil
	return err
}

func (s *Store) stamp(by string) domain.Stamp {
	if by == "" {
		by = "fake"
	}
	return domain.Stamp{By: by, At: s.Now()}
}

func (s *Store) file(code string) (*domain.AccountFile, error) {
	f, ok := s.files[code]
	if !ok {
		return nil, store.RowErrors{{Field: "account", Reason: "account " + code + " " + store.ErrNotFound.Error()}}
	}
	return f, nil
}

// Apply writes a batch. It keeps what it is given (no upserts, no
// validation): enough for the demo generator and for tests that change the
// book behind the workstation's back.
func (s *Store) Apply(b *store.Batch) (store.Result, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.fail(); err != nil {
		return store.Result{}, err
	}
	if b.DryRun {
		return store.Result{}, nil
	}
	var res store.Result
	for _, r := range b.Accounts {
		a := r.V
		if f, ok := s.files[a.Code]; ok {
			f.Account = a
			res.Updated++
		} else {
			s.files[a.Code] = &domain.AccountFile{Account: a}
			res.Added++
		}
	}
	add := func(code string, put func(f *domain.AccountFile)) error {
		f, ok := s.files[code]
		if !ok {
			if !b.CreateAccounts {
				return store.RowErrors{{Field: "account", Reason: "account " + code + " " + store.ErrNotFound.Error()}}
			}
			f = &domain.AccountFile{Account: domain.Account{Code: code, Name: code, Tier: 3, Status: domain.StatusActive, Terms: "term", TermsDays: 30, Currency: s.settings.BaseCurrency}}
			s.files[code] = f
		}
		put(f)
		res.Added++
		return nil
	}
	var errs []error
	for _, r := range b.Contacts {
		errs = append(errs, add(r.V.Account, func(f *domain.AccountFile) { f.Contacts = append(f.Contacts, r.V) }))
	}
	for _, r := range b.Contracts {
		errs = append(errs, add(r.V.Account, func(f *domain.AccountFile) { f.Contracts = append(f.Contracts, r.V) }))
	}
	for _, r := range b.Invoices {
		errs = append(errs, add(r.V.Account, func(f *domain.AccountFile) { f.Invoices = append(f.Invoices, r.V) }))
	}
	for _, r := range b.Payments {
		errs = append(errs, add(r.V.Account, func(f *domain.AccountFile) { f.Payments = append(f.Payments, r.V) }))
	}
	for _, r := range b.Credits {
		errs = append(errs, add(r.V.Account, func(f *domain.AccountFile) { f.Credits = append(f.Credits, r.V) }))
	}
	for _, e := range b.Activities {
		a := e.Activity
		if a.ID == 0 {
			s.nextID++
			a.ID = s.nextID
		}
		errs = append(errs, add(a.Account, func(f *domain.AccountFile) {
			f.Activities = append(f.Activities, a)
			if e.Promise != nil {
				p := *e.Promise
				s.nextID++
				p.ID, p.Activity = s.nextID, a.ID
				f.Promises = append(f.Promises, p)
			}
		}))
	}
	for _, r := range b.Plans {
		errs = append(errs, add(r.V.Account, func(f *domain.AccountFile) { f.Plans = append(f.Plans, r.V) }))
	}
	for _, r := range b.Escalations {
		errs = append(errs, add(r.V.Account, func(f *domain.AccountFile) { f.Escalations = append(f.Escalations, r.V) }))
	}
	for _, r := range b.Issues {
		errs = append(errs, add(r.V.Account, func(f *domain.AccountFile) { f.Issues = append(f.Issues, r.V) }))
	}
	for _, r := range b.FollowUps {
		// A follow-up set by hand gets an id and a stamp, as the store gives
		// them; its status and source default as the store's do.
		fu := r.V
		if fu.ID == 0 {
			s.nextID++
			fu.ID = s.nextID
		}
		if fu.Stamp.At.IsZero() {
			fu.Stamp = s.stamp(fu.Stamp.By)
		}
		if fu.Status == "" {
			fu.Status = domain.FollowOpen
		}
		if fu.Source == "" {
			fu.Source = "manual"
		}
		if err := fu.Validate(); err != nil {
			errs = append(errs, err)
			continue
		}
		s.FollowUps = append(s.FollowUps, fu)
		errs = append(errs, add(fu.Account, func(f *domain.AccountFile) { f.FollowUps = append(f.FollowUps, fu) }))
	}
	for _, r := range b.Surveys {
		errs = append(errs, add(r.V.Account, func(f *domain.AccountFile) { f.Surveys = append(f.Surveys, r.V) }))
	}
	for _, r := range b.Marks {
		s.marks = append(s.marks, r.V)
		res.Added++
	}
	if err := errors.Join(errs...); err != nil {
		return res, err
	}
	s.changes++
	return res, nil
}

// LogActivity appends an activity, its promise and its follow-up.
func (s *Store) LogActivity(e store.ActivityEntry) (domain.Activity, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.fail(); err != nil {
		return domain.Activity{}, err
	}
	a := e.Activity
	if err := a.Validate(); err != nil {
		return domain.Activity{}, err
	}
	f, err := s.file(a.Account)
	if err != nil {
		return domain.Activity{}, err
	}
	s.nextID++
	a.ID = s.nextID
	a.Stamp = s.stamp(a.Stamp.By)
	if e.Promise != nil {
		p := *e.Promise
		if err := p.Validate(); err != nil {
			return domain.Activity{}, err
		}
		s.nextID++
		p.ID, p.Activity, p.Stamp = s.nextID, a.ID, a.Stamp
		f.Promises = append(f.Promises, p)
		e.Promise = &p
	}
	f.Activities = append(f.Activities, a)
	if !a.NextFollow.IsZero() {
		s.nextID++
		f.FollowUps = append(f.FollowUps, domain.FollowUp{
			ID: s.nextID, Account: a.Account, Due: a.NextFollow, Reason: "follow-up", Source: "manual",
			Status: domain.FollowOpen, Activity: a.ID, Stamp: a.Stamp,
		})
	}
	e.Activity = a
	s.Entries = append(s.Entries, e)
	s.changes++
	return a, nil
}

// OpenEscalation stores an escalation and its timeline entry.
func (s *Store) OpenEscalation(e domain.Escalation, note domain.Activity) (domain.Escalation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.fail(); err != nil {
		return domain.Escalation{}, err
	}
	if err := e.Validate(); err != nil {
		return domain.Escalation{}, err
	}
	f, err := s.file(e.Account)
	if err != nil {
		return domain.Escalation{}, err
	}
	s.nextID++
	e.ID = s.nextID
	e.Stamp = s.stamp(e.Stamp.By)
	f.Escalations = append(f.Escalations, e)
	s.nextID++
	note.ID, note.Stamp = s.nextID, e.Stamp
	f.Activities = append(f.Activities, note)
	s.Escalations = append(s.Escalations, e)
	s.Notes = append(s.Notes, note)
	s.changes++
	return e, nil
}

// Mark stores a queue decision.
func (s *Store) Mark(m domain.QueueMark) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.fail(); err != nil {
		return err
	}
	if m.Key == "" {
		return errors.New("mark without a key")
	}
	m.Stamp = s.stamp(m.Stamp.By)
	s.marks = append(s.marks, m)
	s.Marks = append(s.Marks, m)
	s.changes++
	return nil
}

// Changes is the change counter.
func (s *Store) Changes() (uint64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.changes, nil
}

// Empty reports whether there are no accounts.
func (s *Store) Empty() (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.files) == 0, nil
}

// Check has nothing to check in memory.
func (s *Store) Check() error { return nil }

// Backup is not supported in memory.
func (s *Store) Backup(string) error { return errors.New("the fake store cannot back up") }

// Recorded returns copies of what was written, safe to read while the UI runs.
func (s *Store) Recorded() (entries []store.ActivityEntry, escalations []domain.Escalation, marks []domain.QueueMark) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.Entries), slices.Clone(s.Escalations), slices.Clone(s.Marks)
}

// EscalationNotes returns copies of the escalations' timeline entries.
func (s *Store) EscalationNotes() []domain.Activity {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.Notes)
}

// RecordedFollowUps returns copies of the follow-ups written through Apply.
func (s *Store) RecordedFollowUps() []domain.FollowUp {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.FollowUps)
}

// SetFailNext makes the next write fail with err.
func (s *Store) SetFailNext(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.FailNext = err
}
