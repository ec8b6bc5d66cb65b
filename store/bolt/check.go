package bolt

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"

	"acctdesk/domain"
	"acctdesk/store"

	bbolt "go.etcd.io/bbolt"
)

// problems gathers what Check finds: every one, each naming its bucket and
// key when it has them, counted by bucket for the summary.
type problems struct {
	list     []string
	byBucket map[string]int
}

// add records a problem of the book as a whole, or of its page structure.
func (p *problems) add(format string, args ...any) {
	p.note("", fmt.Sprintf(format, args...))
}

// at records a problem of one bucket: `bucket "key": what`.
func (p *problems) at(bucket, key []byte, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if key != nil {
		msg = fmt.Sprintf("%q: %s", key, msg)
	}
	p.note(string(bucket), string(bucket)+" "+msg)
}

func (p *problems) note(bucket, msg string) {
	if p.byBucket == nil {
		p.byBucket = map[string]int{}
	}
	p.byBucket[bucket]++
	p.list = append(p.list, msg)
}

func (p *problems) err(path string) error {
	if len(p.list) == 0 {
		return nil
	}
	head := fmt.Sprintf("%d problems", len(p.list))
	if len(p.list) == 1 {
		head = "1 problem"
	}
	var counts []string
	for _, b := range slices.Sorted(maps.Keys(p.byBucket)) {
		name := b
		if name == "" {
			name = "the file"
		}
		counts = append(counts, fmt.Sprintf("%s %d", name, p.byBucket[b]))
	}
	return fmt.Errorf("%w: %s: %s (%s):\n  %s", store.ErrDamaged, path, head,
		strings.Join(counts, ", "), strings.Join(p.list, "\n  "))
}

// Check walks the whole file: bbolt's page structure (our own safe walk, then
// tx.Check), then every value's checksum and every record, index entry,
// count and reference of the book, and lists every problem it finds. A book
// that fails is marked damaged (read-only until it passes); one that passes
// has its mark removed.
func (s *Store) Check() error {
	before := s.markerInfo()
	var p problems
	err := s.view(func(tx *bbolt.Tx) error {
		for _, msg := range rawCheck(tx) {
			p.add("bbolt: %s", msg)
		}
		if len(p.list) > 0 {
			return nil // the pages are not safe to walk further
		}
		for err := range tx.Check() {
			p.add("bbolt: %v", err)
		}
		if len(p.list) > 0 {
			return nil
		}
		checkBook(tx, &p)
		return nil
	})
	if err != nil {
		return err
	}
	if err := p.err(s.path); err != nil {
		s.markDamaged(err)
		return err
	}
	return s.clearMarker(before)
}

// checkBook is the logical walk. A panic here (a page bbolt could read but
// we cannot make sense of) is one more problem, not the end of the report.
func checkBook(tx *bbolt.Tx, p *problems) {
	defer func() {
		if r := recover(); r != nil {
			p.add("walk stopped: %v", r)
		}
	}()
	known := map[string]bool{}
	for _, name := range allBuckets {
		known[string(name)] = true
	}
	_ = tx.ForEach(func(name []byte, _ *bbolt.Bucket) error {
		if !known[string(name)] {
			p.add("bucket %q: not a bucket of a book", name)
		}
		return nil
	})
	b, err := bucketsOf(tx)
	if err != nil {
		p.add("%v", err)
		return
	}
	bad := checkSeals(b, p)
	b.walked = true
	checkMeta(b, p)
	codes := map[string]bool{}
	in := newInterner()
	_ = b.accounts.ForEach(func(k, v []byte) error {
		codes[string(k)] = true
		if bad.has(bucketAccounts, k) {
			return nil
		}
		body, _ := unseal(bucketAccounts, k, v)
		if !textOK(k, false) {
			p.at(bucketAccounts, k, "%v", errKey)
		} else if _, err := decodeAccount(string(k), body, in); err != nil {
			p.at(bucketAccounts, k, "%v", err)
		}
		return nil
	})
	if n, err := readAccounts(b); err == nil && n != uint64(len(codes)) {
		p.at(bucketMeta, metaAccounts, "says %d accounts, the book holds %d", n, len(codes))
	}
	for _, kind := range fileKinds {
		checkKind(b, kind, codes, bad, p)
	}
	for _, bucket := range [][]byte{bucketInvoices, bucketPayments, bucketCredits} {
		checkIndex(b, bucket, indexOf[string(bucket)], bad, p)
	}
	checkFacts(b, codes, bad, p)
	checkChangelog(b, bad, p)
}

// badKeys are the keys whose values failed their checksums, by bucket: the
// later checks skip them rather than report them again.
type badKeys map[string]map[string]bool

func (b badKeys) has(bucket, key []byte) bool { return b[string(bucket)][string(key)] }

// checkSeals walks every bucket: every key comes after the one before it
// (bbolt does not check the key order of small buckets kept inline), and
// every value is no nested bucket and passes its checksum.
func checkSeals(b *buckets, p *problems) badKeys {
	bad := badKeys{}
	for _, name := range allBuckets {
		var prev []byte
		c := b.tx.Bucket(name).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if prev != nil && bytes.Compare(k, prev) <= 0 {
				p.at(name, k, "out of order, after %q", prev)
			}
			prev = k
			if _, err := opened(name, k, v); err != nil {
				if bad[string(name)] == nil {
					bad[string(name)] = map[string]bool{}
				}
				bad[string(name)][string(k)] = true
				p.at(name, k, "%s", causeOf(err))
			}
		}
	}
	return bad
}

// causeOf is a damage error without its "the book is damaged: bucket key:"
// prefix, for a list that names them already.
func causeOf(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, "\": "); i >= 0 {
		return msg[i+3:]
	}
	return msg
}

// checkMeta checks the meta values and the migrations.
func checkMeta(b *buckets, p *problems) {
	if _, err := readSettings(b); err != nil {
		p.at(bucketMeta, metaSettings, "%s", causeOf(err))
	}
	for _, key := range [][]byte{metaChanges, metaAccounts} {
		if _, err := readCounter(b.meta, key); err != nil {
			p.at(bucketMeta, key, "%s", causeOf(err))
		}
	}
	_ = b.meta.ForEach(func(k, _ []byte) error {
		switch string(k) {
		case string(metaSchema), string(metaChanges), string(metaSettings), string(metaAccounts):
		default:
			p.at(bucketMeta, k, "not a key of the meta bucket")
		}
		return nil
	})
	n := uint64(0)
	_ = b.migrations.ForEach(func(k, v []byte) error {
		n++
		if id, err := readU64(k); err != nil || id != n {
			p.at(bucketMigrations, k, "migration %d expected here", n)
		}
		body, err := unseal(bucketMigrations, k, v)
		if err != nil {
			return nil // reported by checkSeals
		}
		if _, err := decodeMigration(body); err != nil {
			p.at(bucketMigrations, k, "%v", err)
		}
		return nil
	})
	if n != schemaVersion {
		p.add("schema version %d but %d migrations recorded", schemaVersion, n)
	}
}

// idBuckets are the buckets whose own keys are ids from the bucket's
// sequence, which must stay ahead of them.
var idBuckets = map[string]bool{
	string(bucketActivities): true, string(bucketPromises): true, string(bucketPlans): true,
	string(bucketEscalations): true, string(bucketIssues): true, string(bucketFollowUps): true,
	string(bucketSurveys): true, string(bucketDecisions): true, string(bucketObjectives): true,
	string(bucketBlockages): true,
}

// uniqueIDs are the id buckets checked for an id under two accounts (the
// sequence gives each id once in the whole book): the account manager's
// and the administrator's, whose records are also validated as a write
// would (validated), which every write has done since their buckets began.
var uniqueIDs = map[string]bool{string(bucketDecisions): true, string(bucketObjectives): true, string(bucketBlockages): true}

// checkKind decodes every record of a bucket and checks that its account
// exists and that what it points at (activity ids) exists too; a record
// of uniqueIDs must also validate and hold its id alone.
func checkKind(b *buckets, kind fileKind, codes map[string]bool, bad badKeys, p *problems) {
	in := newInterner()
	var scratch domain.AccountFile
	name := kind.name()
	bk := b.tx.Bucket(name)
	var maxID uint64
	var owners map[uint64][]byte // uniqueIDs: the key each id was first met under
	if uniqueIDs[string(name)] {
		owners = map[uint64][]byte{}
	}
	_ = bk.ForEach(func(k, v []byte) error {
		code, own, err := splitKey(k)
		if err != nil {
			p.at(name, k, "%v", err)
			return nil
		}
		if !codes[string(code)] {
			p.at(name, k, "account %s does not exist", code)
		}
		if idBuckets[string(name)] {
			if id, err := keyID(own); err == nil {
				maxID = max(maxID, id)
				if first, ok := owners[id]; ok {
					p.at(name, k, "id %d is also %q's", id, first)
				} else if owners != nil {
					owners[id] = bytes.Clone(k)
				}
			}
		}
		if bad.has(name, k) {
			return nil
		}
		body, _ := unseal(name, k, v)
		scratch = domain.AccountFile{}
		if !textOK(code, false) {
			p.at(name, k, "account code: %v", errKey)
			return nil
		}
		if err := kind.add(&scratch, string(code), own, body, in); err != nil {
			p.at(name, k, "%v", err)
			return nil
		}
		for _, d := range scratch.Disputes {
			checkDispute(b, d, k, p)
		}
		for _, err := range validated(&scratch) {
			p.at(name, k, "%v", err)
		}
		for _, inv := range scratch.Invoices {
			prefix := disputeKey(inv.Account, inv.Number, 0)
			prefix = prefix[:len(prefix)-8]
			if dk, _ := b.disputes.Cursor().Seek(prefix); inv.Disputed && !bytes.HasPrefix(dk, prefix) {
				p.at(name, k, "disputed, but the invoice has no dispute")
			}
		}
		for _, ref := range activityRefs(&scratch) {
			if ref != 0 && b.activities.Get(idKey(string(code), ref)) == nil {
				p.at(name, k, "activity %d does not exist", ref)
			}
		}
		return nil
	})
	if seq := bk.Sequence(); idBuckets[string(name)] && seq < maxID {
		p.at(name, nil, "sequence %d is behind the ids it gave (up to %d)", seq, maxID)
	}
}

// checkDispute checks that a dispute is of an invoice of its account, and
// that the invoice's Disputed flag says whether its latest dispute is open
// (the flag is what the ledger and the queue read).
func checkDispute(b *buckets, d domain.Dispute, k []byte, p *problems) {
	v, err := get(b.invoices, bucketInvoices, recKey(d.Account, d.Invoice))
	if err != nil {
		return // reported by checkSeals
	}
	if v == nil {
		p.at(bucketDisputes, k, "invoice %s is not on account %s", d.Invoice, d.Account)
		return
	}
	inv, err := decodeInvoice(d.Account, []byte(d.Invoice), v, nil)
	if err != nil {
		return // reported by checkKind of the invoices
	}
	if next := b.disputes.Get(disputeKey(d.Account, d.Invoice, d.Seq+1)); next != nil {
		if d.IsOpen() {
			p.at(bucketDisputes, k, "open, but the invoice has a later dispute")
		}
		return
	}
	if inv.Disputed != d.IsOpen() {
		p.at(bucketDisputes, k, "latest dispute is %s but invoice %s says disputed=%v", d.Status, d.Invoice, inv.Disputed)
	}
}

// validated is what the validation of a just-decoded record of the
// account manager's or the administrator's says is wrong with it.
func validated(f *domain.AccountFile) []error {
	var out []error
	add := func(err error) {
		if err != nil {
			out = append(out, err)
		}
	}
	for _, x := range f.Decisions {
		add(x.Validate())
	}
	for _, x := range f.Objectives {
		add(x.Validate())
	}
	for _, x := range f.Documents {
		add(x.Validate())
	}
	for _, x := range f.Blockages {
		add(x.Validate())
	}
	for _, x := range f.Reconciled {
		add(x.Validate())
	}
	return out
}

// activityRefs lists the activity ids a just-decoded record points at.
func activityRefs(f *domain.AccountFile) []uint64 {
	var out []uint64
	for _, x := range f.Promises {
		out = append(out, x.Activity)
	}
	for _, x := range f.FollowUps {
		out = append(out, x.Activity)
	}
	for _, x := range f.Activities {
		out = append(out, x.Corrects)
	}
	return out
}

// checkIndex checks both directions: every document is indexed under its
// account, and every index entry names a document of that account.
func checkIndex(b *buckets, name, idxName []byte, bad badKeys, p *problems) {
	records, idx := b.tx.Bucket(name), b.tx.Bucket(idxName)
	_ = records.ForEach(func(k, _ []byte) error {
		code, own, err := splitKey(k)
		if err != nil {
			return nil // reported by checkKind
		}
		owner, err := get(idx, idxName, own)
		if err != nil {
			return nil // reported by checkSeals
		}
		if !bytes.Equal(owner, code) {
			p.at(name, k, "index %s says account %q", idxName, owner)
		}
		return nil
	})
	_ = idx.ForEach(func(number, v []byte) error {
		if bad.has(idxName, number) {
			return nil
		}
		code, _ := unseal(idxName, number, v)
		if len(code) == 0 || !textOK(code, false) {
			p.at(idxName, number, "names no account (%q)", code)
			return nil
		}
		if records.Get(recKey(string(code), string(number))) == nil {
			p.at(idxName, number, "no %s record on account %q", name, code)
		}
		return nil
	})
}
