package memstore

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strconv"

	"acctdesk/domain"
	"acctdesk/store"
)

// applier checks the records of one write against the book and the rest of
// the batch, and changes copies of the files it touches; flush puts them in
// place. It keeps the bbolt store's rules (the contract suite holds both to
// them): defaults, one currency per account, document numbers unique in the
// book, explicit applications to the same account's invoices, repeats in a
// batch, upserts counted, nothing written when a record is refused.
type applier struct {
	s       *Store
	stamp   domain.Stamp
	history bool // a batch keeps the complete stamps it brings
	create  bool // CreateAccounts

	currency  domain.Currency        // Batch.Currency
	part      *store.Batch           // a partial import (Batch.Columns): upserts keep what it does not give
	settledAt map[string]settledSeen // the batch's settled dates met, by account and invoice

	res   store.Result
	errs  store.RowErrors
	work  map[string]*domain.AccountFile // copies of the files written
	accts map[string]*acct
	seen  map[string]map[string]seen // kind → key → first occurrence in the batch
	owner map[string]map[string]string

	activities  []domain.Activity
	promises    []domain.Promise
	escalations []domain.Escalation
	marks       []domain.QueueMark
	followUps   []domain.FollowUp
	unpaid      []string // references of payments from paid_on taken back

	on             domain.Date     // Batch.On, else the stamp's day
	disputeGiven   map[string]bool // account 0x00 invoice the batch gives disputes for
	importDisputed map[string]bool // invoices ImportDispute already ran on
}

type acct struct {
	a       domain.Account
	line    int
	missing bool
	bad     bool
}

type seen struct {
	line int
	v    any
}

func newApplier(s *Store, author string, history, create bool) *applier {
	return &applier{s: s, stamp: domain.Stamp{By: author, At: s.Now().UTC()}, history: history, create: create,
		work: map[string]*domain.AccountFile{}, accts: map[string]*acct{}, seen: map[string]map[string]seen{},
		owner: map[string]map[string]string{}}
}

func (a *applier) batch(b *store.Batch) {
	if b.Partial() {
		a.part = b
	}
	a.currency = b.Currency
	a.on = b.On
	if a.on.IsZero() {
		a.on = domain.DateOf(a.stamp.At.UTC())
	}
	a.disputeGiven = map[string]bool{}
	a.importDisputed = map[string]bool{}
	for _, r := range b.Disputes {
		a.disputeGiven[r.V.Account+"\x00"+r.V.Invoice] = true
	}
	for _, r := range b.Accounts {
		a.account(r)
	}
	for _, r := range b.RemoveContacts {
		a.removeContact(r)
	}
	for _, r := range b.Contacts {
		a.contact(r)
	}
	for _, r := range b.Contracts {
		a.contract(r)
	}
	for _, r := range b.Invoices {
		a.invoice(r)
	}
	for _, r := range b.Payments {
		a.payment(r)
	}
	for _, r := range b.Credits {
		a.credit(r)
	}
	for _, r := range b.Disputes {
		a.dispute(r)
	}
	for _, r := range b.Settled {
		a.settled(r)
	}
	for _, e := range b.Activities {
		a.activity(e)
	}
	for _, r := range b.Plans {
		a.plan(r)
	}
	for _, r := range b.Escalations {
		a.escalation(r)
	}
	for _, r := range b.Issues {
		a.issue(r)
	}
	for _, r := range b.FollowUps {
		a.followUp(r)
	}
	for _, r := range b.Surveys {
		a.survey(r)
	}
	for _, r := range b.Marks {
		a.mark(r)
	}
	for _, r := range b.Targets {
		a.target(r)
	}
	for _, r := range b.Balances {
		a.balance(r)
	}
	for _, r := range b.Decisions {
		a.decision(r)
	}
	for _, r := range b.Objectives {
		a.objective(r)
	}
	for _, r := range b.Documents {
		a.openingDoc(r)
	}
	for _, r := range b.Blockages {
		a.blockage(r)
	}
	for _, r := range b.Reconciled {
		a.reconciled(r)
	}
}

// openingDoc upserts an opening-file document by account and kind.
func (a *applier) openingDoc(r store.Rec[domain.Document]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	if _, found := a.ownerOf(x.Account, r.Line, ""); !a.valid(r.Line, x.Validate()) || !found {
		return
	}
	if a.repeated(store.KindDocuments, "document", x.Account+"\x00"+x.Kind, r.Line, x, "kind", "document "+x.Kind) {
		return
	}
	f := a.file(x.Account)
	upsert(a, store.KindDocuments, &f.Documents, func(y domain.Document) bool { return y.Kind == x.Kind }, x)
}

func (a *applier) blockage(r store.Rec[domain.Blockage]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	if _, found := a.ownerOf(x.Account, r.Line, ""); !a.valid(r.Line, x.Validate()) || !found {
		return
	}
	f := a.file(x.Account)
	byID(a, store.KindBlockages, &f.Blockages, "blockage", r.Line, x.Account, x.ID, x,
		func(b *domain.Blockage, id uint64) { b.ID = id }, func(b domain.Blockage) uint64 { return b.ID }, "blockage")
}

// reconciled upserts a reconciliation mark by account and date.
func (a *applier) reconciled(r store.Rec[domain.Reconciliation]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	if _, found := a.ownerOf(x.Account, r.Line, ""); !a.valid(r.Line, x.Validate()) || !found {
		return
	}
	if a.repeated(store.KindReconciled, "reconciled", x.Account+"\x00"+x.AsOf.String(), r.Line, x, "as_of", "reconciliation as of "+x.AsOf.String()) {
		return
	}
	f := a.file(x.Account)
	upsert(a, store.KindReconciled, &f.Reconciled, func(y domain.Reconciliation) bool { return y.AsOf == x.AsOf }, x)
}

// removeContact removes a contact by account and name; one not there is an error.
func (a *applier) removeContact(r store.Rec[domain.Contact]) {
	x := r.V
	if err := domain.CheckCode(x.Account); err != nil {
		a.fail(r.Line, "account", err.Error())
		return
	}
	if _, found := a.ownerOf(x.Account, r.Line, ""); !found {
		return
	}
	f := a.file(x.Account)
	i := slices.IndexFunc(f.Contacts, func(c domain.Contact) bool { return c.Name == x.Name })
	if i < 0 {
		a.fail(r.Line, "name", fmt.Sprintf("contact %s not found on account %s", domain.Safe(x.Name), x.Account))
		return
	}
	f.Contacts = slices.Delete(f.Contacts, i, i+1)
	a.res.Count(store.KindContacts, store.WasRemoved)
}

// decision writes a credit decision, in the account's currency.
func (a *applier) decision(r store.Rec[domain.CreditDecision]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	st, found := a.ownerOf(x.Account, r.Line, "")
	if found && x.Currency == "" {
		x.Currency = st.a.Currency
	}
	ok := a.valid(r.Line, x.Validate())
	if !found || !a.sameCurrency(r.Line, st, x.Currency) || !ok {
		return
	}
	f := a.file(x.Account)
	byID(a, store.KindDecisions, &f.Decisions, "decision", r.Line, x.Account, x.ID, x,
		func(d *domain.CreditDecision, id uint64) { d.ID = id }, func(d domain.CreditDecision) uint64 { return d.ID }, "credit decision")
}

func (a *applier) objective(r store.Rec[domain.Objective]) {
	x := r.V
	if x.Status == "" {
		x.Status = domain.ObjectiveOpen
	}
	x.Stamp = a.stampFor(x.Stamp)
	if _, found := a.ownerOf(x.Account, r.Line, ""); !a.valid(r.Line, x.Validate()) || !found {
		return
	}
	f := a.file(x.Account)
	byID(a, store.KindObjectives, &f.Objectives, "objective", r.Line, x.Account, x.ID, x,
		func(o *domain.Objective, id uint64) { o.ID = id }, func(o domain.Objective) uint64 { return o.ID }, "objective")
}

func (a *applier) finish() error {
	if len(a.errs) == 0 {
		return nil
	}
	slices.SortStableFunc(a.errs, func(x, y store.RowError) int { return cmp.Compare(x.Line, y.Line) })
	return a.errs
}

// flush puts the changed files in place and commits, when anything changed.
func (a *applier) flush() {
	if !a.res.Changed() {
		return
	}
	for _, ref := range a.unpaid {
		delete(a.s.docs["payment"], ref)
	}
	var touched []string
	for code, f := range a.work {
		sortFile(f)
		a.s.files[code] = f
		a.s.index(f)
		touched = append(touched, code)
	}
	a.s.commit(touched, false)
}

// known refuses a single write on an account that does not exist.
func (a *applier) known(code string) error {
	if code == "" || domain.CheckCode(code) != nil {
		return nil // validation says what is wrong
	}
	if _, ok := a.s.files[code]; !ok {
		return fmt.Errorf("account %s %w", code, store.ErrNotFound)
	}
	return nil
}

func (a *applier) fail(line int, field, reason string) {
	a.errs = append(a.errs, store.RowError{Line: line, Field: field, Reason: reason})
}

func (a *applier) valid(line int, err error) bool {
	if err == nil {
		return true
	}
	a.errs = append(a.errs, store.FromValidation(line, err)...)
	return false
}

func (a *applier) stampFor(given domain.Stamp) domain.Stamp {
	if a.history && given.By != "" && !given.At.IsZero() {
		return given
	}
	return a.stamp
}

// file is the working copy of an account's file.
func (a *applier) file(code string) *domain.AccountFile {
	if f, ok := a.work[code]; ok {
		return f
	}
	var f *domain.AccountFile
	if old, ok := a.s.files[code]; ok {
		f = cloneFile(old)
	} else {
		f = &domain.AccountFile{}
	}
	a.work[code] = f
	return f
}

// lookup finds an account in the batch or the book, creating a bare one
// when the batch may.
func (a *applier) lookup(code string, line int, cur domain.Currency) *acct {
	if st, ok := a.accts[code]; ok {
		return st
	}
	if domain.CheckCode(code) != nil {
		return nil
	}
	if f, ok := a.s.files[code]; ok {
		st := &acct{a: f.Account}
		a.accts[code] = st
		return st
	}
	if !a.create {
		st := &acct{missing: true}
		a.accts[code] = st
		return st
	}
	if !cur.Valid() {
		cur = a.currency
	}
	if !cur.Valid() {
		cur = a.s.settings.BaseCurrency
	}
	bare := domain.Account{Code: code, Name: code, Tier: 3, Status: domain.StatusActive, Terms: "term", TermsDays: 30, Currency: cur, Stamp: a.stamp}
	st := &acct{a: bare, line: line}
	a.accts[code] = st
	a.res.Count(store.KindAccountsCreated, store.WasAdded)
	a.file(code).Account = bare
	return st
}

func (a *applier) ownerOf(code string, line int, cur domain.Currency) (*acct, bool) {
	st := a.lookup(code, line, cur)
	switch {
	case st == nil:
		return nil, false
	case st.missing:
		a.fail(line, "account", fmt.Sprintf("account %s not found", code))
		return st, false
	}
	return st, true
}

func (a *applier) sameCurrency(line int, st *acct, cur domain.Currency) bool {
	if st.bad || cur == st.a.Currency || !cur.Valid() {
		return true
	}
	a.fail(line, "currency", fmt.Sprintf("currency %s differs from account %s's %s", cur, st.a.Code, st.a.Currency))
	return false
}

// same compares two records without their stamps.
func same(x, y any) bool {
	return reflect.DeepEqual(unstamp(x), unstamp(y))
}

func unstamp(v any) any {
	rv := reflect.ValueOf(v)
	c := reflect.New(rv.Type()).Elem()
	c.Set(rv)
	if f := c.FieldByName("Stamp"); f.IsValid() {
		f.Set(reflect.Zero(f.Type()))
	}
	return c.Interface()
}

// repeated reports whether key was met earlier in the batch: the same record
// again is unchanged, another one is refused.
func (a *applier) repeated(k store.Kind, kind, key string, line int, v any, field, what string) bool {
	m := a.seen[kind]
	if m == nil {
		m = map[string]seen{}
		a.seen[kind] = m
	}
	first, ok := m[key]
	if !ok {
		m[key] = seen{line, v}
		return false
	}
	if same(first.v, v) {
		a.res.Count(k, store.WasUnchanged)
	} else {
		a.fail(line, field, fmt.Sprintf("%s also on line %d with different values", what, first.line))
	}
	return true
}

// upsert replaces the element of list that match finds, or appends v; it counts.
func upsert[T any](a *applier, k store.Kind, list *[]T, match func(T) bool, v T) {
	if i := slices.IndexFunc(*list, match); i >= 0 {
		if same((*list)[i], v) {
			a.res.Count(k, store.WasUnchanged)
			return
		}
		(*list)[i] = v
		a.res.Count(k, store.WasUpdated)
		return
	}
	*list = append(*list, v)
	a.res.Count(k, store.WasAdded)
}

// documentOwner is the account that holds a document number in the book or
// the batch ("" for none).
func (a *applier) documentOwner(kind, number string) string {
	if o, ok := a.owner[kind][number]; ok {
		return o
	}
	return a.s.docs[kind][number]
}

func (a *applier) claim(kind, number, code string) {
	if a.owner[kind] == nil {
		a.owner[kind] = map[string]string{}
	}
	if _, ok := a.owner[kind][number]; !ok {
		a.owner[kind][number] = code
	}
}

// --- one method per record kind

func (a *applier) account(r store.Rec[domain.Account]) {
	x := r.V
	if x.Currency == "" {
		x.Currency = a.s.settings.BaseCurrency
	}
	if x.Tier == 0 {
		x.Tier = 3
	}
	if x.Status == "" {
		x.Status = domain.StatusActive
	}
	if x.Terms == "" {
		x.Terms = "term"
		if x.TermsDays == 0 {
			x.TermsDays = 30
		}
	}
	x.Stamp = a.stampFor(x.Stamp)
	if old, exists := a.s.files[x.Code]; exists && a.part != nil {
		x = store.MergeAccount(a.part, r.Blank, old.Account, x)
	}
	x.CreditLimit = domain.AtPlaces(x.CreditLimit, x.Currency) // one record however the file wrote it
	x.Overdraft.Amount = domain.AtPlaces(x.Overdraft.Amount, x.Currency)
	ok := a.valid(r.Line, x.Validate())
	if prev, met := a.accts[x.Code]; met && prev.line > 0 {
		if prev.bad || same(prev.a, x) {
			a.res.Count(store.KindAccounts, store.WasUnchanged)
		} else {
			a.fail(r.Line, "code", fmt.Sprintf("account %s also on line %d with different values", x.Code, prev.line))
		}
		return
	}
	if ok || domain.CheckCode(x.Code) == nil {
		a.accts[x.Code] = &acct{a: x, line: r.Line, bad: !ok}
	}
	if !ok {
		return
	}
	if old, exists := a.s.files[x.Code]; exists {
		if old.Account.Currency != x.Currency && len(old.Invoices)+len(old.Payments)+len(old.Credits) > 0 {
			a.fail(r.Line, "currency", fmt.Sprintf("account %s has documents in %s; its currency cannot change to %s",
				x.Code, old.Account.Currency, x.Currency))
			return
		}
		if same(old.Account, x) {
			a.res.Count(store.KindAccounts, store.WasUnchanged)
			return
		}
		a.res.Count(store.KindAccounts, store.WasUpdated)
	} else {
		a.res.Count(store.KindAccounts, store.WasAdded)
	}
	a.file(x.Code).Account = x
}

func (a *applier) contact(r store.Rec[domain.Contact]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	if old, ok := a.stored(x.Account, func(f *domain.AccountFile) any {
		return find(f.Contacts, func(c domain.Contact) bool { return c.Name == x.Name })
	}).(*domain.Contact); ok && old != nil {
		x = store.MergeContact(a.part, *old, x)
	}
	_, found := a.ownerOf(x.Account, r.Line, "")
	if !a.valid(r.Line, x.Validate()) || !found {
		return
	}
	if a.repeated(store.KindContacts, "contact", x.Account+"\x00"+x.Name, r.Line, x, "name", "contact "+x.Name) {
		return
	}
	f := a.file(x.Account)
	upsert(a, store.KindContacts, &f.Contacts, func(c domain.Contact) bool { return c.Name == x.Name }, x)
}

func (a *applier) contract(r store.Rec[domain.Contract]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	if old, ok := a.stored(x.Account, func(f *domain.AccountFile) any {
		return find(f.Contracts, func(y domain.Contract) bool { return x.ID != "" && y.ID == x.ID })
	}).(*domain.Contract); ok && old != nil {
		x = store.MergeContract(a.part, *old, x)
	}
	_, found := a.ownerOf(x.Account, r.Line, "")
	if !a.valid(r.Line, x.Validate()) || !found {
		return
	}
	if x.ID == "" {
		x.ID = strconv.FormatUint(a.s.nextID("contract"), 10)
	}
	if a.repeated(store.KindContracts, "contract", x.Account+"\x00"+x.ID, r.Line, x, "id", "contract "+x.ID) {
		return
	}
	f := a.file(x.Account)
	upsert(a, store.KindContracts, &f.Contracts, func(c domain.Contract) bool { return c.ID == x.ID }, x)
}

// docOwner finds a document's account and fills its currency from it.
func (a *applier) docOwner(code string, line int, cur *domain.Currency) (*acct, bool) {
	st, found := a.ownerOf(code, line, *cur)
	if *cur == "" {
		if found {
			*cur = st.a.Currency
		} else {
			*cur = a.s.settings.BaseCurrency
		}
	}
	return st, found
}

// document checks a number unique in the book and reports whether the
// record may be written.
func (a *applier) document(k store.Kind, line int, st *acct, code, kind, number string, v any, field string) bool {
	what := map[string]string{"invoice": "invoice", "payment": "payment", "credit": "credit note"}[kind]
	if a.repeated(k, kind, number, line, v, field, what+" "+number) {
		return false
	}
	if o := a.documentOwner(kind, number); o != "" && o != code {
		a.fail(line, field, fmt.Sprintf("%s %s is already on account %s", what, number, o))
		return false
	}
	return !st.bad
}

func (a *applier) invoice(r store.Rec[domain.Invoice]) {
	x := r.V
	if old, ok := a.stored(x.Account, func(f *domain.AccountFile) any {
		return find(f.Invoices, func(i domain.Invoice) bool { return i.Number == x.Number })
	}).(*domain.Invoice); ok && old != nil {
		x = store.MergeInvoice(a.part, *old, x) // a stored due date stays when the file has none
	}
	st, found := a.docOwner(x.Account, r.Line, &x.Currency)
	x.Amount = domain.AtPlaces(x.Amount, x.Currency) // one record however the file wrote it
	x.Quantity = domain.Plainest(x.Quantity)
	if found && x.Due.IsZero() && !x.Issued.IsZero() {
		x.Due = st.a.DefaultDue(x.Issued)
	}
	x.Stamp = a.stampFor(x.Stamp)
	if x.Number != "" && a.documentOwner("invoice", x.Number) == "" {
		a.claim("invoice", x.Number, x.Account)
	}
	if !a.valid(r.Line, x.Validate()) || !found || !a.sameCurrency(r.Line, st, x.Currency) {
		return
	}
	if !a.disputeGiven[x.Account+"\x00"+x.Number] {
		a.importDispute(r.Line, &x)
	}
	if !a.document(store.KindInvoices, r.Line, st, x.Account, "invoice", x.Number, x, "number") {
		return
	}
	f := a.file(x.Account)
	upsert(a, store.KindInvoices, &f.Invoices, func(i domain.Invoice) bool { return i.Number == x.Number }, x)
}

// applied checks an explicit application: the invoice must be the same account's.
func (a *applier) applied(line int, code, invoice string) bool {
	if invoice == "" {
		return true
	}
	switch o := a.documentOwner("invoice", invoice); o {
	case code:
		return true
	case "":
		a.fail(line, "invoice", fmt.Sprintf("invoice %s not found on account %s", invoice, code))
	default:
		a.fail(line, "invoice", fmt.Sprintf("invoice %s belongs to account %s, not %s", invoice, o, code))
	}
	return false
}

func (a *applier) payment(r store.Rec[domain.Payment]) {
	x := r.V
	if old, ok := a.stored(x.Account, func(f *domain.AccountFile) any {
		return find(f.Payments, func(p domain.Payment) bool { return p.Reference == x.Reference })
	}).(*domain.Payment); ok && old != nil {
		x = store.MergePayment(a.part, *old, x)
	}
	st, found := a.docOwner(x.Account, r.Line, &x.Currency)
	x.Amount = domain.AtPlaces(x.Amount, x.Currency) // one record however the file wrote it
	x.Stamp = a.stampFor(x.Stamp)
	ok := a.valid(r.Line, x.Validate())
	if !found {
		return
	}
	ok = a.sameCurrency(r.Line, st, x.Currency) && ok
	ok = a.applied(r.Line, x.Account, x.Invoice) && ok
	if !ok || !a.document(store.KindPayments, r.Line, st, x.Account, "payment", x.Reference, x, "reference") {
		return
	}
	a.claim("payment", x.Reference, x.Account)
	f := a.file(x.Account)
	upsert(a, store.KindPayments, &f.Payments, func(p domain.Payment) bool { return p.Reference == x.Reference }, x)
}

func (a *applier) credit(r store.Rec[domain.CreditNote]) {
	x := r.V
	if old, ok := a.stored(x.Account, func(f *domain.AccountFile) any {
		return find(f.Credits, func(c domain.CreditNote) bool { return c.Number == x.Number })
	}).(*domain.CreditNote); ok && old != nil {
		x = store.MergeCredit(a.part, *old, x)
	}
	st, found := a.docOwner(x.Account, r.Line, &x.Currency)
	x.Amount = domain.AtPlaces(x.Amount, x.Currency) // one record however the file wrote it
	if x.Reason == "" {
		x.Reason = "other"
	}
	x.Stamp = a.stampFor(x.Stamp)
	ok := a.valid(r.Line, x.Validate())
	if !found {
		return
	}
	ok = a.sameCurrency(r.Line, st, x.Currency) && ok
	ok = a.applied(r.Line, x.Account, x.Invoice) && ok
	if !ok || !a.document(store.KindCredits, r.Line, st, x.Account, "credit", x.Number, x, "number") {
		return
	}
	a.claim("credit", x.Number, x.Account)
	f := a.file(x.Account)
	upsert(a, store.KindCredits, &f.Credits, func(c domain.CreditNote) bool { return c.Number == x.Number }, x)
}

// stored is what pick finds in the book's file of account code, for a
// partial import to merge with; nil when the batch is not partial or the
// book has no such account.
func (a *applier) stored(code string, pick func(*domain.AccountFile) any) any {
	f, ok := a.s.files[code]
	if a.part == nil || !ok {
		return nil
	}
	return pick(f)
}

// find is a pointer to the first element of list that match finds, or nil.
func find[T any](list []T, match func(T) bool) *T {
	if i := slices.IndexFunc(list, match); i >= 0 {
		return &list[i]
	}
	return nil
}

// activity appends a timeline entry with its promise and next follow-up; an
// entry naming an existing id must be identical to it (append-only).
func (a *applier) activity(e store.ActivityEntry) {
	if e.Contact != nil {
		c := *e.Contact
		c.Account = e.Activity.Account
		a.contact(store.Rec[domain.Contact]{Line: e.Line, V: c})
	}
	x := e.Activity
	x.Stamp = a.stampFor(x.Stamp)
	st, found := a.ownerOf(x.Account, e.Line, "")
	errs := validationOf(x.Validate())
	var p domain.Promise
	if e.Promise != nil && found {
		p = *e.Promise
		p.Account = x.Account
		if p.GivenOn.IsZero() {
			p.GivenOn = x.On
		}
		if p.Currency == "" {
			p.Currency = st.a.Currency
		}
		if p.Contact == "" {
			p.Contact = x.Contact
		}
		p.Stamp = a.stampFor(p.Stamp)
		errs = append(errs, validationOf(p.Validate())...)
	}
	if len(errs) > 0 {
		a.valid(e.Line, errs)
		return
	}
	if !found || (e.Promise != nil && !a.sameCurrency(e.Line, st, p.Currency)) {
		return
	}
	f := a.file(x.Account)
	has := func(id uint64) bool {
		return slices.ContainsFunc(f.Activities, func(y domain.Activity) bool { return y.ID == id })
	}
	if x.Corrects != 0 && !has(x.Corrects) {
		a.fail(e.Line, "corrects", fmt.Sprintf("activity %d not found on account %s", x.Corrects, x.Account))
		return
	}
	if x.ID != 0 {
		i := slices.IndexFunc(f.Activities, func(y domain.Activity) bool { return y.ID == x.ID })
		switch {
		case i < 0:
			a.fail(e.Line, "id", fmt.Sprintf("activity %d not found on account %s", x.ID, x.Account))
		case same(f.Activities[i], x):
			a.res.Count(store.KindActivities, store.WasUnchanged)
		default:
			a.fail(e.Line, "id", fmt.Sprintf("activity %d is already recorded; the timeline is append-only, log a correction", x.ID))
		}
		return
	}
	x.ID = a.s.nextID("activity")
	a.res.Count(store.KindActivities, store.WasAdded)
	f.Activities = append(f.Activities, x)
	a.activities = append(a.activities, x)
	if e.Promise != nil {
		p.Activity = x.ID
		p.ID = a.s.nextID("promise")
		f.Promises = append(f.Promises, p)
		a.promises = append(a.promises, p)
	}
	if !x.NextFollow.IsZero() {
		f.FollowUps = append(f.FollowUps, domain.FollowUp{ID: a.s.nextID("followup"),
			Account: x.Account, Due: x.NextFollow, Reason: "next step from call",
			Source: "manual", Status: domain.FollowOpen, Activity: x.ID, Stamp: x.Stamp})
	}
}

func validationOf(err error) domain.ValidationError {
	if err == nil {
		return nil
	}
	if ve, ok := err.(domain.ValidationError); ok {
		return ve
	}
	return domain.ValidationError{{Reason: err.Error()}}
}

// byID writes a record keyed by id: a new one when id is 0, else an update
// of that record of the same account. It returns the id.
func byID[T any](a *applier, k store.Kind, list *[]T, kind string, line int, code string, id uint64, v T, setID func(*T, uint64), getID func(T) uint64, what string) uint64 {
	if id == 0 {
		id = a.s.nextID(kind)
		setID(&v, id)
		*list = append(*list, v)
		a.res.Count(k, store.WasAdded)
		return id
	}
	if a.repeated(k, kind, code+"\x00"+strconv.FormatUint(id, 10), line, v, "id", fmt.Sprintf("%s %d", what, id)) {
		return id
	}
	if !slices.ContainsFunc(*list, func(x T) bool { return getID(x) == id }) {
		a.fail(line, "id", fmt.Sprintf("%s %d not found on account %s", what, id, code))
		return id
	}
	upsert(a, k, list, func(x T) bool { return getID(x) == id }, v)
	return id
}

func (a *applier) plan(r store.Rec[domain.PaymentPlan]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	st, found := a.ownerOf(x.Account, r.Line, "")
	var cur domain.Currency
	if found {
		cur = st.a.Currency
	}
	if !a.valid(r.Line, x.ValidateIn(cur)) || !found {
		return
	}
	f := a.file(x.Account)
	byID(a, store.KindPlans, &f.Plans, "plan", r.Line, x.Account, x.ID, x,
		func(p *domain.PaymentPlan, id uint64) { p.ID = id }, func(p domain.PaymentPlan) uint64 { return p.ID }, "payment plan")
}

func (a *applier) escalation(r store.Rec[domain.Escalation]) {
	x := r.V
	if x.Status == "" {
		x.Status = "open"
	}
	x.Stamp = a.stampFor(x.Stamp)
	if _, found := a.ownerOf(x.Account, r.Line, ""); !a.valid(r.Line, x.Validate()) || !found {
		return
	}
	f := a.file(x.Account)
	x.ID = byID(a, store.KindEscalations, &f.Escalations, "escalation", r.Line, x.Account, x.ID, x,
		func(e *domain.Escalation, id uint64) { e.ID = id }, func(e domain.Escalation) uint64 { return e.ID }, "escalation")
	a.escalations = append(a.escalations, x)
}

func (a *applier) issue(r store.Rec[domain.ServiceIssue]) {
	x := r.V
	if x.Status == "" {
		x.Status = domain.IssueOpen
	}
	x.Stamp = a.stampFor(x.Stamp)
	if _, found := a.ownerOf(x.Account, r.Line, ""); !a.valid(r.Line, x.Validate()) || !found {
		return
	}
	f := a.file(x.Account)
	byID(a, store.KindIssues, &f.Issues, "issue", r.Line, x.Account, x.ID, x,
		func(i *domain.ServiceIssue, id uint64) { i.ID = id }, func(i domain.ServiceIssue) uint64 { return i.ID }, "service issue")
}

func (a *applier) followUp(r store.Rec[domain.FollowUp]) {
	x := r.V
	if x.Status == "" {
		x.Status = domain.FollowOpen
	}
	if x.Source == "" {
		x.Source = "manual"
	}
	x.Stamp = a.stampFor(x.Stamp)
	if _, found := a.ownerOf(x.Account, r.Line, ""); !a.valid(r.Line, x.Validate()) || !found {
		return
	}
	f := a.file(x.Account)
	x.ID = byID(a, store.KindFollowUps, &f.FollowUps, "followup", r.Line, x.Account, x.ID, x,
		func(u *domain.FollowUp, id uint64) { u.ID = id }, func(u domain.FollowUp) uint64 { return u.ID }, "follow-up")
	a.followUps = append(a.followUps, x)
}

func (a *applier) survey(r store.Rec[domain.Survey]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	if _, found := a.ownerOf(x.Account, r.Line, ""); !a.valid(r.Line, x.Validate()) || !found {
		return
	}
	if old, ok := a.stored(x.Account, func(f *domain.AccountFile) any {
		return find(f.Surveys, func(y domain.Survey) bool { return y.On == x.On && y.Kind == x.Kind })
	}).(*domain.Survey); ok && old != nil && x.ID == 0 {
		x = store.MergeSurvey(a.part, *old, x)
	}
	f := a.file(x.Account)
	if x.ID == 0 {
		// Surveys upsert by account, date and kind (SPEC §5).
		if a.repeated(store.KindSurveys, "survey-day", x.Account+"\x00"+x.On.String()+"\x00"+x.Kind, r.Line, x, "date",
			fmt.Sprintf("%s survey of %s on %s", x.Kind, x.Account, x.On)) {
			return
		}
		if i := slices.IndexFunc(f.Surveys, func(y domain.Survey) bool { return y.On == x.On && y.Kind == x.Kind }); i >= 0 {
			x.ID = f.Surveys[i].ID
			upsert(a, store.KindSurveys, &f.Surveys, func(y domain.Survey) bool { return y.ID == x.ID }, x)
			return
		}
	}
	byID(a, store.KindSurveys, &f.Surveys, "survey", r.Line, x.Account, x.ID, x,
		func(s *domain.Survey, id uint64) { s.ID = id }, func(s domain.Survey) uint64 { return s.ID }, "survey")
}

// mark upserts a queue decision by its key, on its account.
func (a *applier) mark(r store.Rec[domain.QueueMark]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	ok := a.valid(r.Line, x.Validate())
	if x.Account == "" {
		a.fail(r.Line, "account", "a mark needs its account")
		return
	}
	if _, found := a.ownerOf(x.Account, r.Line, ""); !found || !ok {
		return
	}
	if a.repeated(store.KindMarks, "mark", x.Account+"\x00"+x.Key, r.Line, x, "key", "mark "+x.Key) {
		return
	}
	f := a.file(x.Account)
	upsert(a, store.KindMarks, &f.Marks, func(m domain.QueueMark) bool { return m.Key == x.Key }, x)
	a.marks = append(a.marks, x)
}

// target upserts a month's sales plan by account, month and product.
func (a *applier) target(r store.Rec[domain.Target]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	if old, ok := a.stored(x.Account, func(f *domain.AccountFile) any {
		return find(f.Targets, func(y domain.Target) bool { return y.Month == x.Month && y.Product == x.Product })
	}).(*domain.Target); ok && old != nil {
		x = store.MergeTarget(a.part, *old, x)
	}
	st, found := a.docOwner(x.Account, r.Line, &x.Currency)
	x.Amount = domain.AtPlaces(x.Amount, x.Currency) // one record however the file wrote it
	ok := a.valid(r.Line, x.Validate())
	if !found || !a.sameCurrency(r.Line, st, x.Currency) || !ok || st.bad {
		return
	}
	what := "target of " + x.Month.Format("2006-01")
	if x.Product != "" {
		what += " for " + x.Product
	}
	if a.repeated(store.KindTargets, "target", x.Account+"\x00"+x.Month.String()+"\x00"+x.Product, r.Line, x, "month", what) {
		return
	}
	f := a.file(x.Account)
	upsert(a, store.KindTargets, &f.Targets, func(y domain.Target) bool { return y.Month == x.Month && y.Product == x.Product }, x)
}

// balance upserts the accounting side's balance by account and date.
func (a *applier) balance(r store.Rec[domain.Balance]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	st, found := a.docOwner(x.Account, r.Line, &x.Currency)
	x.Balance = domain.AtPlaces(x.Balance, x.Currency) // one record however the file wrote it
	ok := a.valid(r.Line, x.Validate())
	if !found || !a.sameCurrency(r.Line, st, x.Currency) || !ok || st.bad {
		return
	}
	if a.repeated(store.KindBalances, "balance", x.Account+"\x00"+x.On.String(), r.Line, x, "date", "balance of "+x.On.String()) {
		return
	}
	f := a.file(x.Account)
	upsert(a, store.KindBalances, &f.Balances, func(y domain.Balance) bool { return y.On == x.On }, x)
}

// settled makes, keeps or takes back the full payment "PAID-<number>" an
// invoice's settled date (paid_on) stands for.
func (a *applier) settled(r store.Rec[store.Settled]) {
	x := r.V
	if domain.CheckCode(x.Account) != nil || domain.CheckCode(x.Invoice) != nil {
		return // the invoice's own row says what is wrong with them
	}
	if err := store.CheckSettled(x); err != nil {
		a.valid(r.Line, err)
		return
	}
	st := a.lookup(x.Account, r.Line, "")
	if st == nil || st.missing || st.bad {
		return
	}
	inv, found, refused := a.settledInvoice(x)
	switch {
	case refused:
		return
	case !found:
		a.fail(r.Line, "paid_on", fmt.Sprintf("invoice %s not found on account %s", x.Invoice, x.Account))
		return
	}
	// The same invoice again: another date (or a date and none) is
	// refused; the same again is unchanged when the first did something.
	key := x.Account + "\x00" + x.Invoice
	if first, ok := a.settledAt[key]; ok {
		if first.on != x.On {
			a.fail(r.Line, "paid_on", fmt.Sprintf("paid_on also on line %d with another value", first.line))
		} else if first.counted {
			a.res.Count(store.KindPaidOn, store.WasUnchanged)
		}
		return
	}
	before := a.res.ByKind[store.KindPaidOn]
	defer func() {
		if a.settledAt == nil {
			a.settledAt = map[string]settledSeen{}
		}
		a.settledAt[key] = settledSeen{r.Line, x.On, a.res.ByKind[store.KindPaidOn] != before}
	}()
	ref := store.SettledReference(x.Invoice)
	f := a.file(x.Account)
	if x.On.IsZero() {
		i := slices.IndexFunc(f.Payments, func(p domain.Payment) bool { return p.Reference == ref && p.Invoice == x.Invoice })
		if i >= 0 {
			f.Payments = slices.Delete(f.Payments, i, i+1)
			a.unpaid = append(a.unpaid, ref)
			a.res.Count(store.KindPaidOn, store.WasRemoved)
		}
		return
	}
	if i := slices.IndexFunc(f.Payments, func(p domain.Payment) bool { return p.Reference == ref && p.Invoice != x.Invoice }); i >= 0 {
		a.fail(r.Line, "paid_on", store.SettledTaken(f.Payments[i]))
		return
	}
	p := store.SettledPayment(inv, x.On)
	p.Stamp = a.stamp
	if !a.valid(r.Line, p.Validate()) || !a.document(store.KindPaidOn, r.Line, st, x.Account, "payment", ref, p, "paid_on") {
		return
	}
	a.claim("payment", ref, x.Account)
	upsert(a, store.KindPaidOn, &f.Payments, func(y domain.Payment) bool { return y.Reference == ref }, p)
}

// settledSeen is a settled date met in the batch: its line, its date, and
// whether it counted.
type settledSeen struct {
	line    int
	on      domain.Date
	counted bool
}

// settledInvoice finds the invoice a settled date is of, in this batch or
// the book, on the same account; refused: the batch had it and refused it.
func (a *applier) settledInvoice(x store.Settled) (inv domain.Invoice, found, refused bool) {
	if a.documentOwner("invoice", x.Invoice) != x.Account {
		return inv, false, false
	}
	if f, ok := a.work[x.Account]; ok {
		if i := slices.IndexFunc(f.Invoices, func(y domain.Invoice) bool { return y.Number == x.Invoice }); i >= 0 {
			return f.Invoices[i], true, false
		}
	}
	if f, ok := a.s.files[x.Account]; ok {
		if i := slices.IndexFunc(f.Invoices, func(y domain.Invoice) bool { return y.Number == x.Invoice }); i >= 0 {
			return f.Invoices[i], true, false
		}
	}
	_, inBatch := a.owner["invoice"][x.Invoice]
	return inv, false, inBatch
}

// importDispute opens or resolves the imported dispute an invoice row's
// disputed column says (store.ImportDispute), once per invoice of a batch.
func (a *applier) importDispute(line int, x *domain.Invoice) {
	key := x.Account + "\x00" + x.Number
	if a.importDisputed[key] {
		return
	}
	a.importDisputed[key] = true
	f := a.work[x.Account]
	if f == nil {
		f = a.s.files[x.Account]
	}
	var stored *domain.Invoice
	var history []domain.Dispute
	if f != nil {
		if old := find(f.Invoices, func(i domain.Invoice) bool { return i.Number == x.Number }); old != nil {
			c := *old
			stored = &c
		}
		history = domain.DisputesOf(f.Disputes, x.Number)
		slices.SortFunc(history, func(p, q domain.Dispute) int { return cmp.Compare(p.Seq, q.Seq) })
	}
	d := store.ImportDispute(history, stored, x, a.on, a.stamp.By)
	if d == nil {
		return
	}
	d.Stamp = a.stamp
	if !a.valid(line, d.Validate()) {
		return
	}
	w := a.file(x.Account)
	upsert(a, store.KindDisputes, &w.Disputes, func(y domain.Dispute) bool { return y.Invoice == d.Invoice && y.Seq == d.Seq }, *d)
}

// dispute writes a dispute as given: of an invoice of its account (in the
// batch or the book), keyed by invoice and sequence.
func (a *applier) dispute(r store.Rec[domain.Dispute]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	st, found := a.ownerOf(x.Account, r.Line, "")
	ok := a.valid(r.Line, x.Validate())
	if !found || !ok || st.bad {
		return
	}
	if !a.applied(r.Line, x.Account, x.Invoice) {
		return
	}
	if a.repeated(store.KindDisputes, "dispute", x.Account+"\x00"+x.Invoice+"\x00"+strconv.FormatUint(x.Seq, 10), r.Line, x,
		"invoice", fmt.Sprintf("dispute %d of invoice %s", x.Seq, x.Invoice)) {
		return
	}
	f := a.file(x.Account)
	upsert(a, store.KindDisputes, &f.Disputes, func(y domain.Dispute) bool { return y.Invoice == x.Invoice && y.Seq == x.Seq }, x)
}
