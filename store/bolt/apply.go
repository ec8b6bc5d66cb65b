package bolt

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"slices"

	"acctdesk/domain"
	"acctdesk/store"

	"github.com/shopspring/decimal"
	bbolt "go.etcd.io/bbolt"
)

// Apply writes a batch in one write transaction: every record lands or none
// does. Records are checked first, every problem is collected as a row error,
// and only a clean batch is written — in key order, which keeps bbolt's pages
// dense and its inserts cheap on a large import.
func (s *Store) Apply(ctx context.Context, batch *store.Batch) (store.Result, error) {
	return s.ApplyProgress(ctx, batch, func(store.Progress) {})
}

var _ store.ProgressApplier = (*Store)(nil)

// ApplyProgress is Apply, reporting how it goes: checking every record,
// writing them, making the touched accounts' facts again, committing.
func (s *Store) ApplyProgress(ctx context.Context, batch *store.Batch, report func(store.Progress)) (store.Result, error) {
	stamp, err := s.stamp(ctx)
	if err != nil {
		return store.Result{}, err
	}
	var res store.Result
	err = s.writeSized(false, batchBytes(batch), func(tx *bbolt.Tx) (bool, error) {
		a, err := newApplier(tx, stamp, batch.CreateAccounts)
		if a != nil {
			a.history = true
			a.report = report
		}
		if err != nil {
			return false, err
		}
		if err := guardBatch(a.b, batch); err != nil {
			return false, err
		}
		if err := a.batch(batch); err != nil {
			return false, err
		}
		res = a.res
		// A dry run writes too, and rolls back: the facts made from the
		// records can refuse them (an amount out of the ledger's range).
		changed, err := a.flush()
		if batch.DryRun || err != nil {
			return false, err
		}
		if changed {
			report(store.Progress{Stage: "committing"})
		}
		return changed, nil
	})
	if err != nil {
		return store.Result{}, err
	}
	return res, nil
}

// batchBytes guesses what a batch adds to the file: a record, its key, its
// index entry and the B+tree around them come to a few hundred bytes.
func batchBytes(b *store.Batch) int64 {
	n := len(b.Accounts) + len(b.Contacts) + len(b.Contracts) + len(b.Invoices) + len(b.Payments) +
		len(b.Credits) + 3*len(b.Activities) + len(b.Plans) + len(b.Escalations) + len(b.Issues) +
		len(b.FollowUps) + len(b.Surveys) + len(b.Marks) + len(b.Targets) + len(b.Balances) + 2*len(b.Settled) + len(b.Disputes) +
		len(b.Decisions) + len(b.Objectives) + len(b.Documents) + len(b.Blockages) + len(b.Reconciled)
	return int64(n) * 400
}

// applier checks and plans the writes of one transaction.
type applier struct {
	b        *buckets
	stamp    domain.Stamp
	settings domain.Settings
	create   bool            // CreateAccounts
	currency domain.Currency // Batch.Currency: of the accounts create makes for records naming none
	// part is the batch of a partial import (Batch.Columns set): its
	// upserts keep what its file does not give (store.Merge…); nil else.
	part *store.Batch
	// settledAt are the batch's settled dates met, by account and invoice.
	settledAt map[string]settledSeen
	// history keeps the stamps a batch brings (an import of past activities,
	// the demo's timeline written by its owners); single writes never do.
	history bool

	res         store.Result
	errs        store.RowErrors
	fatal       error // the book itself is unreadable; stop
	newAccounts int   // accounts this write adds to the book

	scratch []byte
	arena   arena
	puts    map[string][]put
	dels    map[string][][]byte // keys to delete, by bucket (a payment from paid_on taken back)

	accts     map[string]*acct             // every account met, from the batch or the book
	seen      map[string]map[string]seenAt // per bucket: key → its first occurrence in the batch
	invoiceOf map[string]string            // invoice number in this batch → account
	// invoices are the batch's accepted invoices by number, kept only when
	// the batch has settled dates to make payments from.
	invoices map[string]batchInvoice
	// surveyIDs are the ids of an account's stored surveys by date and
	// kind (surveyKey), read on its first survey without an id.
	surveyIDs map[string]map[string]uint64
	// on is the write's business date (Batch.On); disputeGiven the
	// invoices (recKey) the batch gives disputes for, whose flag is taken
	// as given; importDisputed the invoices ImportDispute already ran on.
	on             domain.Date
	disputeGiven   map[string]bool
	importDisputed map[string]bool
	// removed are the contacts (recKey) the batch removes: a contact of
	// the same name after them is added anew.
	removed map[string]bool

	// what single-record methods return
	activities  []domain.Activity
	escalations []domain.Escalation

	last lastGot // see getOnce

	report      func(store.Progress) // nil for single-record writes
	done, total int                  // records checked, of all in the batch
}

// progressEvery is how many records pass between progress reports.
const progressEvery = 8192

// tick counts a checked record and reports every progressEvery.
func (a *applier) tick() {
	a.done++
	if a.report != nil && a.done%progressEvery == 0 {
		a.report(store.Progress{Stage: "checking", Done: a.done, Total: a.total})
	}
}

type put struct{ k, v []byte }

// lastGot is the value the applier read last (a partial import reads a
// stored record to merge, then its upsert reads it again to compare): bbolt's
// bytes stay valid for the transaction, and nothing is written before flush.
type lastGot struct {
	bucket string
	key    []byte
	val    []byte
}

// getOnce is get, answered from lastGot when it is the same key.
func (a *applier) getOnce(bk *bbolt.Bucket, bucket, key []byte) ([]byte, error) {
	if a.last.key != nil && a.last.bucket == string(bucket) && bytes.Equal(a.last.key, key) {
		return a.last.val, nil
	}
	return get(bk, bucket, key)
}

// batchInvoice is what a settled date needs of an invoice of the batch.
type batchInvoice struct {
	amount   decimal.Decimal
	currency domain.Currency
	added    bool // new to the book: no payment was made from it before
}

// acct is an account as this batch sees it.
type acct struct {
	a       domain.Account
	line    int  // batch line that wrote it; 0 when only read from the book
	missing bool // not in the book, not in the batch, not created
	bad     bool // its own row was refused: its documents get no further errors
}

type seenAt struct {
	line int
	val  []byte
}

func newApplier(tx *bbolt.Tx, stamp domain.Stamp, create bool) (*applier, error) {
	b, err := bucketsOf(tx)
	if err != nil {
		return nil, err
	}
	settings, err := readSettings(b)
	if err != nil {
		return nil, err
	}
	return &applier{
		b: b, stamp: stamp, settings: settings, create: create,
		puts:      map[string][]put{},
		dels:      map[string][][]byte{},
		accts:     map[string]*acct{},
		seen:      map[string]map[string]seenAt{},
		invoiceOf: map[string]string{},
	}, nil
}

// batch checks every record in dependency order (accounts before what names
// them, invoices before what pays them) and returns RowErrors if any failed.
func (a *applier) batch(b *store.Batch) error {
	// Size the maps and write lists once: a large import would otherwise
	// spend its time growing them.
	for _, r := range []struct {
		bucket []byte
		n      int
	}{
		{bucketAccounts, len(b.Accounts)}, {bucketContacts, len(b.Contacts)}, {bucketContracts, len(b.Contracts)},
		{bucketInvoices, len(b.Invoices)}, {bucketPayments, len(b.Payments)}, {bucketCredits, len(b.Credits)},
		{bucketIdxInvoice, len(b.Invoices)}, {bucketIdxPayment, len(b.Payments)}, {bucketIdxCredit, len(b.Credits)},
		{bucketMarks, len(b.Marks)},
	} {
		if r.n > 0 {
			a.puts[string(r.bucket)] = make([]put, 0, r.n)
			a.seen[string(r.bucket)] = make(map[string]seenAt, r.n)
		}
	}
	if b.Partial() {
		a.part = b
	}
	a.currency = b.Currency
	a.on = b.On
	if a.on.IsZero() {
		a.on = domain.DateOf(a.stamp.At.UTC())
	}
	for _, r := range b.Disputes {
		if a.disputeGiven == nil {
			a.disputeGiven = map[string]bool{}
		}
		a.disputeGiven[string(recKey(r.V.Account, r.V.Invoice))] = true
	}
	a.accts = make(map[string]*acct, len(b.Accounts))
	a.invoiceOf = make(map[string]string, len(b.Invoices))
	if len(b.Settled) > 0 {
		a.settledAt = make(map[string]settledSeen, len(b.Settled))
		a.invoices = make(map[string]batchInvoice, len(b.Invoices))
	}
	a.total = len(b.Accounts) + len(b.Contacts) + len(b.Contracts) + len(b.Invoices) + len(b.Payments) +
		len(b.Credits) + len(b.Activities) + len(b.Plans) + len(b.Escalations) + len(b.Issues) +
		len(b.FollowUps) + len(b.Surveys) + len(b.Marks) + len(b.Targets) + len(b.Balances) + len(b.Settled) + len(b.Disputes) +
		len(b.RemoveContacts) + len(b.Decisions) + len(b.Objectives) + len(b.Documents) + len(b.Blockages) + len(b.Reconciled)
	for _, r := range b.Accounts {
		a.account(r)
		a.tick()
	}
	for _, r := range b.RemoveContacts {
		a.removeContact(r)
		a.tick()
	}
	for _, r := range b.Contacts {
		a.contact(r)
		a.tick()
	}
	for _, r := range b.Contracts {
		a.contract(r)
		a.tick()
	}
	for _, r := range b.Invoices {
		a.invoice(r)
		a.tick()
	}
	for _, r := range b.Payments {
		a.payment(r)
		a.tick()
	}
	for _, r := range b.Disputes {
		a.dispute(r)
		a.tick()
	}
	for _, r := range b.Credits {
		a.credit(r)
		a.tick()
	}
	for _, r := range b.Settled {
		a.settled(r)
		a.tick()
	}
	for _, e := range b.Activities {
		a.activity(e)
		a.tick()
	}
	for _, r := range b.Plans {
		a.plan(r)
		a.tick()
	}
	for _, r := range b.Escalations {
		a.escalation(r)
		a.tick()
	}
	for _, r := range b.Issues {
		a.issue(r)
		a.tick()
	}
	for _, r := range b.FollowUps {
		a.followUp(r)
		a.tick()
	}
	for _, r := range b.Surveys {
		a.survey(r)
		a.tick()
	}
	for _, r := range b.Marks {
		a.mark(r)
		a.tick()
	}
	for _, r := range b.Targets {
		a.target(r)
		a.tick()
	}
	for _, r := range b.Balances {
		a.balance(r)
		a.tick()
	}
	for _, r := range b.Decisions {
		a.decision(r)
		a.tick()
	}
	for _, r := range b.Objectives {
		a.objective(r)
		a.tick()
	}
	for _, r := range b.Documents {
		a.openingDoc(r)
		a.tick()
	}
	for _, r := range b.Blockages {
		a.blockage(r)
		a.tick()
	}
	for _, r := range b.Reconciled {
		a.reconciled(r)
		a.tick()
	}
	return a.finish()
}

// finish reports a fatal problem, or every refused record sorted by line.
func (a *applier) finish() error {
	if a.fatal != nil {
		return a.fatal
	}
	if len(a.errs) > 0 {
		slices.SortStableFunc(a.errs, func(x, y store.RowError) int { return cmp.Compare(x.Line, y.Line) })
		return a.errs
	}
	return nil
}

// flush writes the planned records, each bucket in key order, and moves the
// change counter when something changed.
func (a *applier) flush() (bool, error) {
	if !a.res.Changed() {
		return false, nil
	}
	for _, name := range allBuckets {
		for _, k := range a.dels[string(name)] {
			if err := guardedDelete(a.b.tx.Bucket(name), name, k); err != nil {
				return false, fmt.Errorf("delete %s %q: %w", name, k, err)
			}
		}
	}
	written, writes := 0, 0
	for _, name := range allBuckets {
		writes += len(a.puts[string(name)])
	}
	for _, name := range allBuckets {
		puts := a.puts[string(name)]
		if len(puts) == 0 {
			continue
		}
		byKey := func(x, y put) int { return bytes.Compare(x.k, y.k) }
		if !slices.IsSortedFunc(puts, byKey) {
			slices.SortFunc(puts, byKey)
		}
		bk := a.b.tx.Bucket(name)
		// Keys that all land after the last one stored are appends, and a
		// bulk write replaces whole runs of pages: pack the pages full.
		if len(puts) >= bulkFrom {
			bk.FillPercent = bulkFill
		} else if last, _ := bk.Cursor().Last(); last == nil || bytes.Compare(last, puts[0].k) < 0 {
			bk.FillPercent = bulkFill
		}
		for _, p := range puts {
			// The sum goes into the room arena.keep left after the value.
			if err := guardedPut(bk, name, p.k, seal(name, p.k, p.v)); err != nil {
				return false, fmt.Errorf("write %s %q: %w", name, p.k, err)
			}
			if written++; a.report != nil && written%progressEvery == 0 {
				a.report(store.Progress{Stage: "writing", Done: written, Total: writes})
			}
		}
	}
	if a.newAccounts > 0 {
		n, err := readAccounts(a.b)
		if err != nil {
			return false, err
		}
		if err := putSealed(a.b.meta, bucketMeta, metaAccounts, u64(n+uint64(a.newAccounts))); err != nil {
			return false, err
		}
	}
	t := a.touched()
	if err := restate(a.b, t, a.report); err != nil {
		return false, err
	}
	return true, bumpChanges(a.b.tx, change{accounts: t.all()})
}

// touched names the accounts whose records the planned writes change.
func (a *applier) touched() touched {
	var t touched
	for _, p := range a.puts[string(bucketAccounts)] {
		t.records = append(t.records, string(p.k))
	}
	codes := func(dst []string, kinds []fileKind) []string {
		for _, k := range kinds {
			last := ""
			for _, p := range a.puts[string(k.name())] {
				if code, _, err := splitKey(p.k); err == nil && string(code) != last {
					last = string(code)
					dst = append(dst, last)
				}
			}
			for _, key := range a.dels[string(k.name())] {
				if code, _, err := splitKey(key); err == nil {
					dst = append(dst, string(code))
				}
			}
		}
		return slices.Compact(slices.Sorted(slices.Values(dst)))
	}
	t.documents = codes(nil, documentKinds)
	t.records = codes(t.records, recordKinds)
	return t
}

// bulkFill is how full a bucket's pages are packed when a transaction writes
// many keys into it.
const bulkFill = 1.0

// bulkFrom is how many keys a transaction writes to a bucket to count as bulk.
const bulkFrom = 64

// --- bookkeeping

func (a *applier) fail(line int, field, reason string) {
	a.errs = append(a.errs, store.RowError{Line: line, Field: field, Reason: reason})
}

// valid records a record's validation errors and reports whether it had none.
func (a *applier) valid(line int, err error) bool {
	if err == nil {
		return true
	}
	a.errs = append(a.errs, store.FromValidation(line, err)...)
	return false
}

func (a *applier) put(bucket []byte, k, v []byte) {
	a.puts[string(bucket)] = append(a.puts[string(bucket)], put{k, v})
}

// del plans the removal of a stored record (or index entry).
func (a *applier) del(bucket []byte, k []byte) {
	a.dels[string(bucket)] = append(a.dels[string(bucket)], k)
}

// encode runs an append function into the scratch buffer and keeps a copy.
func (a *applier) encode(fn func([]byte) []byte) []byte {
	a.scratch = fn(a.scratch[:0])
	return a.arena.keep(a.scratch)
}

// upsert writes key=val unless the stored record is the same; it counts.
func (a *applier) upsert(kind store.Kind, bucket []byte, bk *bbolt.Bucket, key, val []byte) {
	old, err := a.getOnce(bk, bucket, key)
	if err != nil {
		a.failBook(err)
		return
	}
	switch {
	case old == nil:
		a.res.Count(kind, store.WasAdded)
	case sameRecord(old, val):
		a.res.Count(kind, store.WasUnchanged)
		return
	default:
		a.res.Count(kind, store.WasUpdated)
	}
	a.put(bucket, key, val)
}

// repeated reports whether key was already met in this batch. A repeat with
// the same content is counted unchanged; with other content it is refused.
func (a *applier) repeated(kind store.Kind, bucket []byte, key string, line int, val []byte, field, what string) bool {
	m := a.seen[string(bucket)]
	if m == nil {
		m = map[string]seenAt{}
		a.seen[string(bucket)] = m
	}
	first, ok := m[key]
	if !ok {
		m[key] = seenAt{line, val}
		return false
	}
	if sameRecord(first.val, val) {
		a.res.Count(kind, store.WasUnchanged)
	} else {
		a.fail(line, field, fmt.Sprintf("%s also on line %d with different values", what, first.line))
	}
	return true
}

// lookup finds an account in the batch or the book; with CreateAccounts a
// missing one is created bare in currency cur (or the batch's, or the base
// currency). It
// returns nil when code is not even a valid code (validation says so).
func (a *applier) lookup(code string, line int, cur domain.Currency) *acct {
	if st, ok := a.accts[code]; ok {
		return st
	}
	if domain.CheckCode(code) != nil {
		return nil
	}
	v, err := get(a.b.accounts, bucketAccounts, []byte(code))
	if err != nil {
		a.failBook(err)
		return nil
	}
	if v != nil {
		acc, err := decodeAccount(code, v, nil)
		if err != nil {
			a.failBook(damaged(bucketAccounts, []byte(code), err))
			return nil
		}
		st := &acct{a: acc}
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
		cur = a.settings.BaseCurrency
	}
	bare := domain.Account{
		Code: code, Name: code, Tier: 3, Status: domain.StatusActive,
		Terms: "term", TermsDays: 30, Currency: cur, Stamp: a.stamp,
	}
	st := &acct{a: bare, line: line}
	a.accts[code] = st
	a.res.Count(store.KindAccountsCreated, store.WasAdded)
	a.newAccounts++
	a.put(bucketAccounts, []byte(code), a.encode(func(b []byte) []byte { return appendAccount(b, &bare) }))
	return st
}

// owner checks a record's account and reports it when the record can go on.
func (a *applier) owner(code string, line int, cur domain.Currency) (*acct, bool) {
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

// sameCurrency enforces one currency per account.
func (a *applier) sameCurrency(line int, st *acct, cur domain.Currency) bool {
	if st.bad || cur == st.a.Currency || !cur.Valid() {
		return true
	}
	a.fail(line, "currency", fmt.Sprintf("currency %s differs from account %s's %s", cur, st.a.Code, st.a.Currency))
	return false
}

// hasDocuments reports whether the book holds documents of an account.
func (a *applier) hasDocuments(code string) bool { return hasDocuments(a.b, code) }

// failBook stops the write on damage met in the book (the first one counts).
func (a *applier) failBook(err error) {
	if a.fatal == nil {
		a.fatal = err
	}
}

// arena holds the bytes of planned writes: bbolt keeps the slices given to
// Put until commit, and one large block beats a million small ones.
type arena struct{ buf []byte }

// keep copies b into the arena. Each copy is followed by sealSize bytes of
// room that nothing else uses, so that sealing it (seal appends the sum)
// writes in place.
func (ar *arena) keep(b []byte) []byte {
	if cap(ar.buf)-len(ar.buf) < len(b)+sealSize {
		// Blocks grow from 4 KiB to 1 MiB: a logged call stays small, an import gets big blocks.
		ar.buf = make([]byte, 0, max(min(2*cap(ar.buf), 1<<20), 4<<10, len(b)+sealSize))
	}
	start := len(ar.buf)
	ar.buf = append(ar.buf, b...)
	end := len(ar.buf)
	ar.buf = ar.buf[:end+sealSize]
	return ar.buf[start : end : end+sealSize]
}

// stampFor is the stamp a record is written with: the writer's, unless a batch
// brings a complete one of its own.
func (a *applier) stampFor(given domain.Stamp) domain.Stamp {
	if a.history && given.By != "" && !given.At.IsZero() && domain.CheckText(given.By, true, maxAuthor) == nil {
		return given
	}
	return a.stamp
}
