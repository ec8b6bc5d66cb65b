package bolt

import (
	"bytes"
	"fmt"
	"strconv"

	"acctdesk/domain"
	"acctdesk/store"

	bbolt "go.etcd.io/bbolt"
)

// One method per record kind: fill defaults, validate, check against the
// book and the rest of the batch, then plan the write.

func (a *applier) account(r store.Rec[domain.Account]) {
	x := r.V
	if x.Currency == "" {
		x.Currency = a.settings.BaseCurrency
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
	if a.part != nil && domain.CheckCode(x.Code) == nil {
		if stored, ok := storedRec(a, a.b.accounts, bucketAccounts, []byte(x.Code), func(v []byte) (domain.Account, error) {
			return decodeAccount(x.Code, v, nil)
		}); ok {
			x = store.MergeAccount(a.part, r.Blank, stored, x)
		}
	}
	x.CreditLimit = domain.AtPlaces(x.CreditLimit, x.Currency) // one record however the file wrote it
	x.Overdraft.Amount = domain.AtPlaces(x.Overdraft.Amount, x.Currency)
	ok := a.valid(r.Line, x.Validate())
	val := a.encode(func(b []byte) []byte { return appendAccount(b, &x) })

	if prev, seen := a.accts[x.Code]; seen && prev.line > 0 {
		if prev.bad || sameRecord(a.encode(func(b []byte) []byte { return appendAccount(b, &prev.a) }), val) {
			a.res.Count(store.KindAccounts, store.WasUnchanged)
		} else {
			a.fail(r.Line, "code", fmt.Sprintf("account %s also on line %d with different values", x.Code, prev.line))
		}
		return
	}
	st := &acct{a: x, line: r.Line, bad: !ok}
	if ok || domain.CheckCode(x.Code) == nil {
		a.accts[x.Code] = st
	}
	if !ok {
		return
	}
	key := []byte(x.Code)
	old, err := get(a.b.accounts, bucketAccounts, key)
	if err != nil {
		a.failBook(err)
		return
	}
	if old == nil {
		a.newAccounts++
	} else {
		stored, err := decodeAccount(x.Code, old, nil)
		if err != nil {
			a.failBook(damaged(bucketAccounts, key, err))
			return
		}
		if stored.Currency != x.Currency && a.hasDocuments(x.Code) {
			a.fail(r.Line, "currency", fmt.Sprintf("account %s has documents in %s; its currency cannot change to %s",
				x.Code, stored.Currency, x.Currency))
			return
		}
	}
	a.upsert(store.KindAccounts, bucketAccounts, a.b.accounts, key, val)
}

func (a *applier) contact(r store.Rec[domain.Contact]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	if a.part != nil && domain.CheckCode(x.Account) == nil && x.Name != "" && !a.removed[string(recKey(x.Account, x.Name))] {
		if stored, ok := storedRec(a, a.b.contacts, bucketContacts, recKey(x.Account, x.Name), func(v []byte) (domain.Contact, error) {
			return decodeContact(x.Account, []byte(x.Name), v, nil)
		}); ok {
			x = store.MergeContact(a.part, stored, x)
		}
	}
	_, found := a.owner(x.Account, r.Line, "")
	if !a.valid(r.Line, x.Validate()) || !found {
		return
	}
	key := recKey(x.Account, x.Name)
	val := a.encode(func(b []byte) []byte { return appendContact(b, &x) })
	if a.repeated(store.KindContacts, bucketContacts, string(key), r.Line, val, "name", "contact "+x.Name) {
		return
	}
	if a.removed[string(key)] {
		// Removed earlier in the batch (the removal is written first): new again.
		a.res.Count(store.KindContacts, store.WasAdded)
		a.put(bucketContacts, key, val)
		return
	}
	a.upsert(store.KindContacts, bucketContacts, a.b.contacts, key, val)
}

// removeContact removes a contact by account and name (SPEC §10.10); one
// the account does not have, or that the batch removed already, is refused.
func (a *applier) removeContact(r store.Rec[domain.Contact]) {
	x := r.V
	if err := domain.CheckCode(x.Account); err != nil {
		a.fail(r.Line, "account", err.Error())
		return
	}
	if _, found := a.owner(x.Account, r.Line, ""); !found {
		return
	}
	key := recKey(x.Account, x.Name)
	if x.Name == "" || a.removed[string(key)] || !a.exists(a.b.contacts, bucketContacts, key) {
		if a.fatal == nil {
			a.fail(r.Line, "name", fmt.Sprintf("contact %s not found on account %s", domain.Safe(x.Name), x.Account))
		}
		return
	}
	if a.removed == nil {
		a.removed = map[string]bool{}
	}
	a.removed[string(key)] = true
	a.res.Count(store.KindContacts, store.WasRemoved)
	a.del(bucketContacts, key)
}

func (a *applier) contract(r store.Rec[domain.Contract]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	if a.part != nil && x.ID != "" && domain.CheckCode(x.Account) == nil && validateContractID(x.ID) == nil {
		key := recKey(x.Account, x.ID)
		if stored, ok := storedRec(a, a.b.contracts, bucketContracts, key, func(v []byte) (domain.Contract, error) {
			return decodeContract(x.Account, key[len(x.Account)+1:], v, nil)
		}); ok {
			x = store.MergeContract(a.part, stored, x)
		}
	}
	_, found := a.owner(x.Account, r.Line, "")
	ok := a.valid(r.Line, x.Validate())
	if err := validateContractID(x.ID); err != nil {
		a.fail(r.Line, "id", err.Error())
		ok = false
	}
	if !ok || !found {
		return
	}
	if x.ID == "" {
		// A contract without an id of its own is a new one; number it,
		// past the numbers contracts of the account were given by hand.
		for {
			seq, err := guardedSequence(a.b.contracts, bucketContracts)
			if err != nil {
				a.failBook(err)
				return
			}
			x.ID = strconv.FormatUint(seq, 10)
			if k, _ := a.b.contracts.Cursor().Seek(recKey(x.Account, x.ID)); !bytes.Equal(k, recKey(x.Account, x.ID)) {
				break
			}
		}
	}
	key := recKey(x.Account, x.ID)
	val := a.encode(func(b []byte) []byte { return appendContract(b, &x) })
	if a.repeated(store.KindContracts, bucketContracts, string(key), r.Line, val, "id", "contract "+x.ID) {
		return
	}
	a.upsert(store.KindContracts, bucketContracts, a.b.contracts, key, val)
}

// docDefaults fills a document's currency from its account.
func (a *applier) docOwner(code string, line int, cur *domain.Currency) (*acct, bool) {
	st, found := a.owner(code, line, *cur)
	if *cur == "" {
		if found {
			*cur = st.a.Currency
		} else {
			*cur = a.settings.BaseCurrency // keeps validation from adding noise to "account not found"
		}
	}
	return st, found
}

// document is what invoices, payments and credit notes share: a number unique
// in the book, kept in an index next to the record.
func (a *applier) document(kind store.Kind, line int, st *acct, code, number string, val []byte,
	bucket []byte, bk, idx *bbolt.Bucket, field, what string) {
	if a.repeated(kind, bucket, number, line, val, field, what+" "+number) {
		return
	}
	owner, err := a.indexed(idx, indexOf[string(bucket)], number)
	if err != nil {
		return
	}
	if owner != nil && string(owner) != code {
		a.fail(line, field, fmt.Sprintf("%s %s is already on account %s", what, number, owner))
		return
	}
	if st.bad {
		return
	}
	key := a.arena.keep(recKey(code, number))
	if owner == nil {
		a.res.Count(kind, store.WasAdded)
		a.put(bucket, key, val)
		a.put(indexOf[string(bucket)], []byte(number), []byte(code))
		return
	}
	a.upsert(kind, bucket, bk, key, val)
}

func (a *applier) invoice(r store.Rec[domain.Invoice]) {
	x := r.V
	if a.part != nil && domain.CheckCode(x.Account) == nil && domain.CheckCode(x.Number) == nil {
		if stored, ok := storedRec(a, a.b.invoices, bucketInvoices, recKey(x.Account, x.Number), func(v []byte) (domain.Invoice, error) {
			return decodeInvoice(x.Account, []byte(x.Number), v, nil)
		}); ok {
			x = store.MergeInvoice(a.part, stored, x) // a stored due date stays when the file has none
		}
	}
	st, found := a.docOwner(x.Account, r.Line, &x.Currency)
	x.Amount = domain.AtPlaces(x.Amount, x.Currency) // one record however the file wrote it
	x.Quantity = domain.Plainest(x.Quantity)
	if found && x.Due.IsZero() && !x.Issued.IsZero() {
		x.Due = st.a.DefaultDue(x.Issued)
	}
	x.Stamp = a.stampFor(x.Stamp)
	if x.Number != "" {
		if _, dup := a.invoiceOf[x.Number]; !dup {
			a.invoiceOf[x.Number] = x.Account
		}
	}
	if !a.valid(r.Line, x.Validate()) || !found || !a.sameCurrency(r.Line, st, x.Currency) {
		return
	}
	if !a.disputeGiven[string(recKey(x.Account, x.Number))] {
		a.importDispute(r.Line, &x)
	}
	val := a.encode(func(b []byte) []byte { return appendInvoice(b, &x) })
	added := a.res.ByKind[store.KindInvoices].Added
	a.document(store.KindInvoices, r.Line, st, x.Account, x.Number, val, bucketInvoices, a.b.invoices, a.b.idxInvoice, "number", "invoice")
	if a.invoices != nil {
		a.invoices[x.Number] = batchInvoice{x.Amount, x.Currency, a.res.ByKind[store.KindInvoices].Added > added}
	}
}

// applied checks an explicit application: the invoice must be the same account's.
func (a *applier) applied(line int, code, invoice string) bool {
	if invoice == "" {
		return true
	}
	owner, ok := a.invoiceOf[invoice]
	if !ok {
		o, err := a.indexed(a.b.idxInvoice, bucketIdxInvoice, invoice)
		if err != nil {
			return false
		}
		owner = string(o)
	}
	switch owner {
	case code:
		return true
	case "":
		a.fail(line, "invoice", fmt.Sprintf("invoice %s not found on account %s", invoice, code))
	default:
		a.fail(line, "invoice", fmt.Sprintf("invoice %s belongs to account %s, not %s", invoice, owner, code))
	}
	return false
}

func (a *applier) payment(r store.Rec[domain.Payment]) {
	x := r.V
	if a.part != nil && domain.CheckCode(x.Account) == nil && domain.CheckCode(x.Reference) == nil {
		if stored, ok := storedRec(a, a.b.payments, bucketPayments, recKey(x.Account, x.Reference), func(v []byte) (domain.Payment, error) {
			return decodePayment(x.Account, []byte(x.Reference), v, nil)
		}); ok {
			x = store.MergePayment(a.part, stored, x)
		}
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
	if !ok {
		return
	}
	val := a.encode(func(b []byte) []byte { return appendPayment(b, &x) })
	a.document(store.KindPayments, r.Line, st, x.Account, x.Reference, val, bucketPayments, a.b.payments, a.b.idxPayment, "reference", "payment")
}

func (a *applier) credit(r store.Rec[domain.CreditNote]) {
	x := r.V
	if a.part != nil && domain.CheckCode(x.Account) == nil && domain.CheckCode(x.Number) == nil {
		if stored, ok := storedRec(a, a.b.credits, bucketCredits, recKey(x.Account, x.Number), func(v []byte) (domain.CreditNote, error) {
			return decodeCredit(x.Account, []byte(x.Number), v, nil)
		}); ok {
			x = store.MergeCredit(a.part, stored, x)
		}
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
	if !ok {
		return
	}
	val := a.encode(func(b []byte) []byte { return appendCredit(b, &x) })
	a.document(store.KindCredits, r.Line, st, x.Account, x.Number, val, bucketCredits, a.b.credits, a.b.idxCredit, "number", "credit note")
}

// storedRec reads the record stored under key, for a partial import to
// merge with: ok is false when there is none. Damage stops the write.
func storedRec[T any](a *applier, bk *bbolt.Bucket, name, key []byte, decode func([]byte) (T, error)) (T, bool) {
	var zero T
	v, err := get(bk, name, key)
	if err != nil {
		a.failBook(err)
		return zero, false
	}
	a.last = lastGot{string(name), append(a.last.key[:0:0], key...), v} // a copy: a caller may reuse its key
	if v == nil {
		return zero, false
	}
	x, err := decode(v)
	if err != nil {
		a.failBook(damaged(name, key, err))
		return zero, false
	}
	return x, true
}

// activity appends a timeline entry with its promise and next follow-up.
// Activities are append-only: an entry that names an existing id must be
// identical to it (a re-import), never a change.
func (a *applier) activity(e store.ActivityEntry) {
	if e.Contact != nil {
		c := *e.Contact
		c.Account = e.Activity.Account
		a.contact(store.Rec[domain.Contact]{Line: e.Line, V: c})
	}
	x := e.Activity
	x.Stamp = a.stampFor(x.Stamp)
	st, found := a.owner(x.Account, e.Line, "")
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
	if !found {
		return
	}
	if e.Promise != nil && !a.sameCurrency(e.Line, st, p.Currency) {
		return
	}
	if x.Corrects != 0 && !a.exists(a.b.activities, bucketActivities, idKey(x.Account, x.Corrects)) {
		a.fail(e.Line, "corrects", fmt.Sprintf("activity %d not found on account %s", x.Corrects, x.Account))
		return
	}
	val := a.encode(func(b []byte) []byte { return appendActivity(b, &x) })
	if x.ID != 0 {
		old, err := get(a.b.activities, bucketActivities, idKey(x.Account, x.ID))
		if err != nil {
			a.failBook(err)
			return
		}
		switch {
		case old == nil:
			a.fail(e.Line, "id", fmt.Sprintf("activity %d not found on account %s", x.ID, x.Account))
		case sameRecord(old, val):
			a.res.Count(store.KindActivities, store.WasUnchanged)
		default:
			a.fail(e.Line, "id", fmt.Sprintf("activity %d is already recorded; the timeline is append-only, log a correction", x.ID))
		}
		return
	}
	x.ID = a.nextID(a.b.activities, bucketActivities, x.Account)
	a.res.Count(store.KindActivities, store.WasAdded)
	a.put(bucketActivities, idKey(x.Account, x.ID), val)
	a.activities = append(a.activities, x)
	if e.Promise != nil {
		p.Activity = x.ID
		a.put(bucketPromises, idKey(x.Account, a.nextID(a.b.promises, bucketPromises, x.Account)),
			a.encode(func(b []byte) []byte { return appendPromise(b, &p) }))
	}
	if !x.NextFollow.IsZero() {
		f := domain.FollowUp{
			Account: x.Account, Due: x.NextFollow, Reason: "next step from call",
			Source: "manual", Status: domain.FollowOpen, Activity: x.ID, Stamp: x.Stamp,
		}
		a.put(bucketFollowUps, idKey(x.Account, a.nextID(a.b.followups, bucketFollowUps, x.Account)),
			a.encode(func(b []byte) []byte { return appendFollowUp(b, &f) }))
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

// nextID is the next id of an id-keyed bucket, for a record of account
// code. The bucket's sequence (bbolt's, which nothing checksums) must be
// ahead of every id in the bucket: an id already taken would overwrite a
// record, so it is damage, and stops the write.
func (a *applier) nextID(bk *bbolt.Bucket, name []byte, code string) uint64 {
	id, err := guardedSequence(bk, name)
	if err != nil {
		a.failBook(err)
		return id
	}
	if k, _ := bk.Cursor().Seek(idKey(code, id)); bytes.Equal(k, idKey(code, id)) {
		a.failBook(damaged(name, k, fmt.Errorf("taken, but the bucket's sequence gives it as new (%d)", id)))
	}
	return id
}

// exists reports whether a record is stored under key (its value whole).
func (a *applier) exists(bk *bbolt.Bucket, name, key []byte) bool {
	v, err := get(bk, name, key)
	if err != nil {
		a.failBook(err)
		return false
	}
	return v != nil
}

// indexed reads the account an index names for a document number; nil when
// it names none. Damage stops the write.
func (a *applier) indexed(idx *bbolt.Bucket, name []byte, number string) ([]byte, error) {
	v, err := get(idx, name, []byte(number))
	if err == nil && v != nil && (len(v) == 0 || !textOK(v, false)) {
		err = damaged(name, []byte(number), errKey)
	}
	if err != nil {
		a.failBook(err)
	}
	return v, err
}

// idRecord writes a record keyed by id: a new id when id is 0, else an
// update of that record of the same account. It returns the id.
func (a *applier) idRecord(kind store.Kind, bucket []byte, bk *bbolt.Bucket, line int, code string, id uint64, val []byte, what string) uint64 {
	if id == 0 {
		id = a.nextID(bk, bucket, code)
		a.res.Count(kind, store.WasAdded)
		a.put(bucket, idKey(code, id), val)
		return id
	}
	key := idKey(code, id)
	if a.repeated(kind, bucket, string(key), line, val, "id", fmt.Sprintf("%s %d", what, id)) {
		return id
	}
	if !a.exists(bk, bucket, key) {
		if a.fatal == nil {
			a.fail(line, "id", fmt.Sprintf("%s %d not found on account %s", what, id, code))
		}
		return id
	}
	a.upsert(kind, bucket, bk, key, val)
	return id
}

func (a *applier) plan(r store.Rec[domain.PaymentPlan]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	st, found := a.owner(x.Account, r.Line, "")
	var cur domain.Currency
	if found {
		cur = st.a.Currency
	}
	if !a.valid(r.Line, x.ValidateIn(cur)) || !found {
		return
	}
	val := a.encode(func(b []byte) []byte { return appendPlan(b, &x) })
	a.idRecord(store.KindPlans, bucketPlans, a.b.plans, r.Line, x.Account, x.ID, val, "payment plan")
}

func (a *applier) escalation(r store.Rec[domain.Escalation]) {
	x := r.V
	if x.Status == "" {
		x.Status = "open"
	}
	x.Stamp = a.stampFor(x.Stamp)
	_, found := a.owner(x.Account, r.Line, "")
	if !a.valid(r.Line, x.Validate()) || !found {
		return
	}
	val := a.encode(func(b []byte) []byte { return appendEscalation(b, &x) })
	x.ID = a.idRecord(store.KindEscalations, bucketEscalations, a.b.escalations, r.Line, x.Account, x.ID, val, "escalation")
	a.escalations = append(a.escalations, x)
}

func (a *applier) issue(r store.Rec[domain.ServiceIssue]) {
	x := r.V
	if x.Status == "" {
		x.Status = domain.IssueOpen
	}
	x.Stamp = a.stampFor(x.Stamp)
	_, found := a.owner(x.Account, r.Line, "")
	if !a.valid(r.Line, x.Validate()) || !found {
		return
	}
	val := a.encode(func(b []byte) []byte { return appendIssue(b, &x) })
	a.idRecord(store.KindIssues, bucketIssues, a.b.issues, r.Line, x.Account, x.ID, val, "service issue")
}

// decision writes a credit decision (SPEC §10.2): added, or rewritten by
// id; in the account's currency.
func (a *applier) decision(r store.Rec[domain.CreditDecision]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	st, found := a.owner(x.Account, r.Line, "")
	if found && x.Currency == "" {
		x.Currency = st.a.Currency
	}
	ok := a.valid(r.Line, x.Validate())
	if !found || !a.sameCurrency(r.Line, st, x.Currency) || !ok {
		return
	}
	val := a.encode(func(b []byte) []byte { return appendDecision(b, &x) })
	a.idRecord(store.KindDecisions, bucketDecisions, a.b.decisions, r.Line, x.Account, x.ID, val, "credit decision")
}

// objective writes an account plan's objective (SPEC §10.9): added, or
// rewritten by id.
func (a *applier) objective(r store.Rec[domain.Objective]) {
	x := r.V
	if x.Status == "" {
		x.Status = domain.ObjectiveOpen
	}
	x.Stamp = a.stampFor(x.Stamp)
	_, found := a.owner(x.Account, r.Line, "")
	if !a.valid(r.Line, x.Validate()) || !found {
		return
	}
	val := a.encode(func(b []byte) []byte { return appendObjective(b, &x) })
	a.idRecord(store.KindObjectives, bucketObjectives, a.b.objectives, r.Line, x.Account, x.ID, val, "objective")
}

// openingDoc upserts a document of an account's opening file by account
// and kind (SPEC §11.3).
func (a *applier) openingDoc(r store.Rec[domain.Document]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	_, found := a.owner(x.Account, r.Line, "")
	if !a.valid(r.Line, x.Validate()) || !found {
		return
	}
	key := recKey(x.Account, x.Kind)
	val := a.encode(func(b []byte) []byte { return appendDocument(b, &x) })
	if a.repeated(store.KindDocuments, bucketDocuments, string(key), r.Line, val, "kind", "document "+x.Kind) {
		return
	}
	a.upsert(store.KindDocuments, bucketDocuments, a.b.documents, key, val)
}

// blockage writes what keeps an account from going live: added, or
// rewritten by id (resolved).
func (a *applier) blockage(r store.Rec[domain.Blockage]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	_, found := a.owner(x.Account, r.Line, "")
	if !a.valid(r.Line, x.Validate()) || !found {
		return
	}
	val := a.encode(func(b []byte) []byte { return appendBlockage(b, &x) })
	a.idRecord(store.KindBlockages, bucketBlockages, a.b.blockages, r.Line, x.Account, x.ID, val, "blockage")
}

// reconciled upserts a reconciliation mark by account and date (SPEC §11.2).
func (a *applier) reconciled(r store.Rec[domain.Reconciliation]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	_, found := a.owner(x.Account, r.Line, "")
	if !a.valid(r.Line, x.Validate()) || !found {
		return
	}
	key := balanceKey(x.Account, x.AsOf)
	val := a.encode(func(b []byte) []byte { return appendReconciled(b, &x) })
	if a.repeated(store.KindReconciled, bucketReconciled, string(key), r.Line, val, "as_of", "reconciliation as of "+x.AsOf.String()) {
		return
	}
	a.upsert(store.KindReconciled, bucketReconciled, a.b.reconciled, key, val)
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
	_, found := a.owner(x.Account, r.Line, "")
	if !a.valid(r.Line, x.Validate()) || !found {
		return
	}
	val := a.encode(func(b []byte) []byte { return appendFollowUp(b, &x) })
	a.idRecord(store.KindFollowUps, bucketFollowUps, a.b.followups, r.Line, x.Account, x.ID, val, "follow-up")
}

func (a *applier) survey(r store.Rec[domain.Survey]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	_, found := a.owner(x.Account, r.Line, "")
	if !a.valid(r.Line, x.Validate()) || !found {
		return
	}
	if a.part != nil && x.ID == 0 {
		ids, err := a.storedSurveys(x.Account)
		if err != nil {
			a.failBook(err)
			return
		}
		if id, ok := ids[surveyKey(x.On, x.Kind)]; ok {
			key := idKey(x.Account, id)
			if stored, ok := storedRec(a, a.b.surveys, bucketSurveys, key, func(v []byte) (domain.Survey, error) {
				return decodeSurvey(x.Account, key[len(x.Account)+1:], v, nil)
			}); ok {
				x = store.MergeSurvey(a.part, stored, x)
			}
		}
	}
	val := a.encode(func(b []byte) []byte { return appendSurvey(b, &x) })
	if x.ID == 0 {
		// Surveys upsert by account, date and kind (SPEC §5): a score
		// without an id replaces the one of that day and kind.
		nat := surveyKey(x.On, x.Kind)
		if a.repeated(store.KindSurveys, bucketSurveyDays, x.Account+"\x00"+nat, r.Line, val, "date",
			fmt.Sprintf("%s survey of %s on %s", x.Kind, x.Account, x.On)) {
			return
		}
		ids, err := a.storedSurveys(x.Account)
		if err != nil {
			a.failBook(err)
			return
		}
		if id, ok := ids[nat]; ok {
			a.upsert(store.KindSurveys, bucketSurveys, a.b.surveys, idKey(x.Account, id), val)
			return
		}
	}
	a.idRecord(store.KindSurveys, bucketSurveys, a.b.surveys, r.Line, x.Account, x.ID, val, "survey")
}

// bucketSurveyDays names, in the batch's record of repeats only, surveys
// met by account, date and kind; no such bucket is stored.
var bucketSurveyDays = []byte("surveys by day")

func surveyKey(on domain.Date, kind string) string { return on.String() + "\x00" + kind }

// storedSurveys reads the ids of an account's stored surveys by date and
// kind (the first of each, should a book hold two).
func (a *applier) storedSurveys(code string) (map[string]uint64, error) {
	if ids, ok := a.surveyIDs[code]; ok {
		return ids, nil
	}
	var f domain.AccountFile
	f.Account.Code = code
	kind := kindOf[domain.Survey]{bucketSurveys, decodeSurvey, func(f *domain.AccountFile) *[]domain.Survey { return &f.Surveys }}
	if err := kind.loadOne(a.b.surveys, &f, accountPrefix(code), nil, false); err != nil {
		return nil, err
	}
	ids := make(map[string]uint64, len(f.Surveys))
	for _, x := range f.Surveys {
		if _, ok := ids[surveyKey(x.On, x.Kind)]; !ok {
			ids[surveyKey(x.On, x.Kind)] = x.ID
		}
	}
	if a.surveyIDs == nil {
		a.surveyIDs = map[string]map[string]uint64{}
	}
	a.surveyIDs[code] = ids
	return ids, nil
}

// target upserts a month's sales plan by account, month and product.
func (a *applier) target(r store.Rec[domain.Target]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	if a.part != nil && domain.CheckCode(x.Account) == nil && domain.CheckDate(x.Month) == nil {
		key := targetKey(x.Account, x.Month, x.Product)
		if stored, ok := storedRec(a, a.b.targets, bucketTargets, key, func(v []byte) (domain.Target, error) {
			return decodeTarget(x.Account, key[len(x.Account)+1:], v, nil)
		}); ok {
			x = store.MergeTarget(a.part, stored, x)
		}
	}
	st, found := a.docOwner(x.Account, r.Line, &x.Currency)
	x.Amount = domain.AtPlaces(x.Amount, x.Currency) // one record however the file wrote it
	ok := a.valid(r.Line, x.Validate())
	if !found {
		return
	}
	if !a.sameCurrency(r.Line, st, x.Currency) || !ok || st.bad {
		return
	}
	key := targetKey(x.Account, x.Month, x.Product)
	val := a.encode(func(b []byte) []byte { return appendTarget(b, &x) })
	what := "target of " + x.Month.Format("2006-01")
	if x.Product != "" {
		what += " for " + x.Product
	}
	if a.repeated(store.KindTargets, bucketTargets, string(key), r.Line, val, "month", what) {
		return
	}
	a.upsert(store.KindTargets, bucketTargets, a.b.targets, key, val)
}

// balance upserts the accounting side's balance by account and date.
func (a *applier) balance(r store.Rec[domain.Balance]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	st, found := a.docOwner(x.Account, r.Line, &x.Currency)
	x.Balance = domain.AtPlaces(x.Balance, x.Currency) // one record however the file wrote it
	ok := a.valid(r.Line, x.Validate())
	if !found {
		return
	}
	if !a.sameCurrency(r.Line, st, x.Currency) || !ok || st.bad {
		return
	}
	key := balanceKey(x.Account, x.On)
	val := a.encode(func(b []byte) []byte { return appendBalance(b, &x) })
	if a.repeated(store.KindBalances, bucketBalances, string(key), r.Line, val, "date", "balance of "+x.On.String()) {
		return
	}
	a.upsert(store.KindBalances, bucketBalances, a.b.balances, key, val)
}

// settled makes, keeps or takes back the full payment "PAID-<number>" an
// invoice's settled date (paid_on) stands for.
func (a *applier) settled(r store.Rec[store.Settled]) {
	x := r.V
	if err := store.CheckSettled(x); err != nil {
		if domain.CheckCode(x.Account) == nil && domain.CheckCode(x.Invoice) == nil {
			a.valid(r.Line, err) // else the invoice's own row says what is wrong with them
		}
		return
	}
	st := a.lookup(x.Account, r.Line, "")
	if st == nil || st.missing || st.bad {
		return // the invoice's own row says what is wrong with its account
	}
	inv, found, refused, added := a.settledInvoice(x)
	switch {
	case refused:
		return // the invoice's row was refused: its errors say why
	case a.fatal != nil:
		return
	case !found:
		a.fail(r.Line, "paid_on", fmt.Sprintf("invoice %s not found on account %s", x.Invoice, x.Account))
		return
	}
	// The same invoice again in the batch: another settled date (or a date
	// and none) contradicts the first; the same one again is unchanged when
	// the first did something, and does nothing more.
	key := x.Invoice // invoice numbers are the book's, one account each
	if first, ok := a.settledAt[key]; ok {
		if first.on != x.On {
			a.fail(r.Line, "paid_on", fmt.Sprintf("paid_on also on line %d with another value", first.line))
		} else if first.counted {
			a.res.Count(store.KindPaidOn, store.WasUnchanged)
		}
		return
	}
	before := a.res.ByKind[store.KindPaidOn]
	a.settle(r.Line, st, x, inv, added)
	if a.settledAt == nil {
		a.settledAt = map[string]settledSeen{}
	}
	a.settledAt[key] = settledSeen{r.Line, x.On, a.res.ByKind[store.KindPaidOn] != before}
}

// settledSeen is a settled date met in the batch: its line, its date, and
// whether it counted (made, kept or took back a payment).
type settledSeen struct {
	line    int
	on      domain.Date
	counted bool
}

// settle makes, keeps or takes back the payment of one settled date.
func (a *applier) settle(line int, st *acct, x store.Settled, inv domain.Invoice, added bool) {
	ref := store.SettledReference(x.Invoice)
	if x.On.IsZero() {
		if !added { // an invoice new to the book has no payment made from it yet
			a.unsettle(x.Account, x.Invoice, ref)
		}
		return
	}
	// A payment of that reference the user made (applied elsewhere, or
	// not applied) is theirs: a settled date never rewrites it.
	key := recKey(x.Account, ref)
	if stored, ok := storedRec(a, a.b.payments, bucketPayments, key, func(v []byte) (domain.Payment, error) {
		return decodePayment(x.Account, []byte(ref), v, nil)
	}); ok && stored.Invoice != x.Invoice {
		a.fail(line, "paid_on", store.SettledTaken(stored))
		return
	}
	p := store.SettledPayment(inv, x.On)
	p.Stamp = a.stamp
	if !a.valid(line, p.Validate()) {
		return
	}
	val := a.encode(func(b []byte) []byte { return appendPayment(b, &p) })
	a.document(store.KindPaidOn, line, st, x.Account, ref, val, bucketPayments, a.b.payments, a.b.idxPayment, "paid_on", "payment")
}

// settledInvoice finds the invoice a settled date is of: in this batch or
// in the book, on the same account. refused: the batch has it, but refused
// it; added: the batch brings it to the book.
func (a *applier) settledInvoice(x store.Settled) (inv domain.Invoice, found, refused, added bool) {
	if owner, ok := a.invoiceOf[x.Invoice]; ok && owner == x.Account {
		bi, found := a.invoices[x.Invoice]
		inv = domain.Invoice{Account: x.Account, Number: x.Invoice, Amount: bi.amount, Currency: bi.currency}
		return inv, found, !found, bi.added
	}
	key := recKey(x.Account, x.Invoice)
	v, err := get(a.b.invoices, bucketInvoices, key)
	if err != nil {
		a.failBook(err)
		return inv, false, false, false
	}
	if v == nil {
		return inv, false, false, false
	}
	inv, err = decodeInvoice(x.Account, []byte(x.Invoice), v, nil)
	if err != nil {
		a.failBook(damaged(bucketInvoices, key, err))
		return inv, false, false, false
	}
	return inv, true, false, false
}

// unsettle takes back the payment an earlier import made from a settled
// date: the record and its index entry go, in this transaction.
func (a *applier) unsettle(code, invoice, ref string) {
	key := recKey(code, ref)
	v, err := get(a.b.payments, bucketPayments, key)
	if err != nil {
		a.failBook(err)
		return
	}
	if v == nil {
		return // nothing was made from it
	}
	p, err := decodePayment(code, []byte(ref), v, nil)
	if err != nil {
		a.failBook(damaged(bucketPayments, key, err))
		return
	}
	if p.Invoice != invoice {
		return // a payment of that reference the user made: not ours to remove
	}
	a.res.Count(store.KindPaidOn, store.WasRemoved)
	a.del(bucketPayments, a.arena.keep(key))
	a.del(bucketIdxPayment, a.arena.keep([]byte(ref)))
}

// mark upserts a queue decision by its account and key.
func (a *applier) mark(r store.Rec[domain.QueueMark]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	ok := a.valid(r.Line, x.Validate())
	if x.Account == "" {
		a.fail(r.Line, "account", "a mark names its account")
		return
	}
	if _, found := a.owner(x.Account, r.Line, ""); !ok || !found {
		return
	}
	key := recKey(x.Account, x.Key)
	val := a.encode(func(b []byte) []byte { return appendMark(b, &x) })
	if a.repeated(store.KindMarks, bucketMarks, string(key), r.Line, val, "key", "mark "+x.Key) {
		return
	}
	a.upsert(store.KindMarks, bucketMarks, a.b.marks, key, val)
}

// importDispute opens or resolves the imported dispute an invoice row's
// disputed column says (store.ImportDispute), once per invoice of a batch.
func (a *applier) importDispute(line int, x *domain.Invoice) {
	key := string(recKey(x.Account, x.Number))
	if a.importDisputed[key] {
		return
	}
	if a.importDisputed == nil {
		a.importDisputed = map[string]bool{}
	}
	a.importDisputed[key] = true
	stored, found := storedRec(a, a.b.invoices, bucketInvoices, recKey(x.Account, x.Number), func(v []byte) (domain.Invoice, error) {
		return decodeInvoice(x.Account, []byte(x.Number), v, nil)
	})
	if !x.Disputed && (!found || !stored.Disputed) {
		return // the common case: nothing to read
	}
	history, err := a.disputesOf(x.Account, x.Number)
	if err != nil {
		a.failBook(err)
		return
	}
	var st *domain.Invoice
	if found {
		st = &stored
	}
	d := store.ImportDispute(history, st, x, a.on, a.stamp.By)
	if d == nil {
		return
	}
	d.Stamp = a.stamp
	if !a.valid(line, d.Validate()) {
		return
	}
	k := disputeKey(d.Account, d.Invoice, d.Seq)
	a.upsert(store.KindDisputes, bucketDisputes, a.b.disputes, k, a.encode(func(b []byte) []byte { return appendDispute(b, d) }))
}

// disputesOf reads one invoice's disputes, in sequence order.
func (a *applier) disputesOf(code, invoice string) ([]domain.Dispute, error) {
	prefix := disputeKey(code, invoice, 0)
	prefix = prefix[:len(prefix)-8]
	var out []domain.Dispute
	c := a.b.disputes.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		body, err := opened(bucketDisputes, k, v)
		if err != nil {
			return nil, err
		}
		d, err := decodeDispute(code, k[len(code)+1:], body, nil)
		if err != nil {
			return nil, damaged(bucketDisputes, k, err)
		}
		out = append(out, d)
	}
	return out, nil
}

// dispute writes a dispute as given: of an invoice of its account (in the
// batch or the book), keyed by invoice and sequence.
func (a *applier) dispute(r store.Rec[domain.Dispute]) {
	x := r.V
	x.Stamp = a.stampFor(x.Stamp)
	st, found := a.owner(x.Account, r.Line, "")
	ok := a.valid(r.Line, x.Validate())
	if !found || !ok || st.bad {
		return
	}
	if !a.applied(r.Line, x.Account, x.Invoice) {
		return
	}
	key := disputeKey(x.Account, x.Invoice, x.Seq)
	val := a.encode(func(b []byte) []byte { return appendDispute(b, &x) })
	if a.repeated(store.KindDisputes, bucketDisputes, string(key), r.Line, val, "invoice", fmt.Sprintf("dispute %d of invoice %s", x.Seq, x.Invoice)) {
		return
	}
	a.upsert(store.KindDisputes, bucketDisputes, a.b.disputes, key, val)
}
