package bolt

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"time"

	"acctdesk/domain"
	"acctdesk/store"

	bbolt "go.etcd.io/bbolt"
)

// A migration moves a book from one schema version to the next. They run in
// order, in one write transaction, and each is recorded in the migrations
// bucket with the instant it ran (the influxdb kv/migration habit). Never
// reorder a released migration or change what it leaves: append a new one.
// The facts, which every schema change so far has made again, are made
// once, by the last (a book is never read between two migrations).
type migration struct {
	name string
	up   func(tx *bbolt.Tx) error
}

var migrations = []migration{
	{"create buckets and default settings", createBuckets},
	{"account standings", createSummaries},
	{"facts, change log and checksums", buildFacts},
	{"targets and balances", createTargets},
	{"disputes", migrateDisputes},
	{"credit decisions, objectives, problem records and invoice lines", migrateManager},
	{"opening documents, blockages, reconciliation marks and the touches' authors", migrateAdmin},
}

// schemaVersion is the schema version this code writes: one per migration.
var schemaVersion = uint64(len(migrations))

// bucketsV1 are the buckets of schema version 1, as released.
var bucketsV1 = [][]byte{
	bucketMeta, bucketMigrations, bucketAccounts, bucketContacts, bucketContracts,
	bucketInvoices, bucketPayments, bucketCredits, bucketActivities, bucketPromises,
	bucketPlans, bucketEscalations, bucketIssues, bucketFollowUps, bucketSurveys,
	bucketMarks, bucketIdxInvoice, bucketIdxPayment, bucketIdxCredit,
}

// version 1
func createBuckets(tx *bbolt.Tx) error {
	for _, name := range bucketsV1 {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	meta := tx.Bucket(bucketMeta)
	if meta.Get(metaSettings) == nil {
		s := domain.DefaultSettings()
		if err := meta.Put(metaSettings, appendSettings(nil, &s)); err != nil {
			return err
		}
	}
	if meta.Get(metaChanges) == nil {
		return meta.Put(metaChanges, u64(0))
	}
	return nil
}

// schemaOf reads the stored schema version; 0 for a fresh file.
func schemaOf(tx *bbolt.Tx) (uint64, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		// A bbolt file with no buckets at all is as good as new; one with
		// buckets of its own belongs to some other program.
		if k, _ := tx.Cursor().First(); k != nil {
			return 0, fmt.Errorf("%w: %s has no meta bucket", store.ErrNotABook, tx.DB().Path())
		}
		return 0, nil
	}
	k, raw := meta.Cursor().Seek(metaSchema)
	if !bytes.Equal(k, metaSchema) || raw == nil {
		return 0, fmt.Errorf("%w: %s: meta has no schema version", store.ErrDamaged, tx.DB().Path())
	}
	// The version is read first in its older, unsealed form: a book of a
	// newer acctdesk is told apart whatever it seals, and one from before
	// the checksums has no sum at all.
	if len(raw) == 8 {
		v, _ := readU64(raw)
		switch {
		case v > schemaVersion:
			return 0, fmt.Errorf("%w: %s has schema version %d, this acctdesk knows up to %d",
				store.ErrNewer, tx.DB().Path(), v, schemaVersion)
		case v >= sealedFrom:
			return 0, fmt.Errorf("%w: %s: meta %q: schema version %d without its checksum", store.ErrDamaged, tx.DB().Path(), metaSchema, v)
		}
		return v, nil
	}
	body, err := unseal(bucketMeta, metaSchema, raw)
	if err == nil {
		var v uint64
		if v, err = readU64(body); err == nil {
			if v > schemaVersion {
				return 0, fmt.Errorf("%w: %s has schema version %d, this acctdesk knows up to %d",
					store.ErrNewer, tx.DB().Path(), v, schemaVersion)
			}
			if v >= sealedFrom {
				return v, nil
			}
			err = fmt.Errorf("schema version %d cannot have a checksum", v)
		}
	}
	if len(raw) > 8 && binary.BigEndian.Uint64(raw) > schemaVersion {
		// Perhaps a newer acctdesk's seal: say so rather than "damaged".
		return 0, fmt.Errorf("%w: %s has schema version %d, this acctdesk knows up to %d",
			store.ErrNewer, tx.DB().Path(), binary.BigEndian.Uint64(raw), schemaVersion)
	}
	return 0, fmt.Errorf("%w: %s: meta %q: %v", store.ErrDamaged, tx.DB().Path(), metaSchema, err)
}

func needsMigration(tx *bbolt.Tx) (bool, error) {
	v, err := schemaOf(tx)
	return v < schemaVersion, err
}

// migrate runs every pending migration; it reports whether it changed the file.
func migrate(tx *bbolt.Tx, now time.Time) (bool, error) {
	from, err := schemaOf(tx)
	if err != nil || from == schemaVersion {
		return false, err
	}
	for v := from; v < schemaVersion; v++ {
		m := migrations[v]
		if err := m.up(tx); err != nil {
			return false, fmt.Errorf("migration %d (%s): %w", v+1, m.name, err)
		}
		// What a migration to a version before the checksums records goes
		// unsealed: the migration to sealedFrom seals everything there is.
		put := func(bk *bbolt.Bucket, name, k, v []byte) error { return bk.Put(k, v) }
		if v+1 >= sealedFrom {
			put = putSealed
		}
		rec := appendMigration(nil, migrationRecord{Name: m.name, At: now})
		if err := put(tx.Bucket(bucketMigrations), bucketMigrations, u64(v+1), rec); err != nil {
			return false, err
		}
		if err := put(tx.Bucket(bucketMeta), bucketMeta, metaSchema, u64(v+1)); err != nil {
			return false, err
		}
	}
	return true, bumpChanges(tx, change{all: true, settings: true})
}

// version 2 filled the summaries bucket with each account's standing, which
// version 3 replaces with facts in the same transaction: no book is ever
// read between the two, so the standings are no longer made.
func createSummaries(tx *bbolt.Tx) error {
	_, err := tx.CreateBucketIfNotExists(bucketSummaries)
	return err
}

// version 3: every value sealed with its checksum, the facts of every
// account, the count of accounts, the change log, marks kept under their
// accounts; the standings go.
func buildFacts(tx *bbolt.Tx) error {
	for _, name := range [][]byte{bucketLedgers, bucketFacts, bucketChangelog} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	for _, name := range bucketsV1 {
		if bytes.Equal(name, bucketMarks) {
			continue // rekeyMarks reads them as they were and seals them anew
		}
		if err := sealAll(tx.Bucket(name), name); err != nil {
			return fmt.Errorf("seal %s: %w", name, err)
		}
	}
	if err := rekeyMarks(tx); err != nil {
		return err
	}
	if err := tx.DeleteBucket(bucketSummaries); err != nil {
		return err
	}
	n, err := countAccounts(tx)
	if err != nil {
		return err
	}
	// The facts are made once, by the last migration (migrateAdmin):
	// every pending migration runs in one transaction, so no book is ever
	// left at schema 3 without them.
	return putSealed(tx.Bucket(bucketMeta), bucketMeta, metaAccounts, u64(n))
}

// countAccounts is how many accounts the accounts bucket holds.
func countAccounts(tx *bbolt.Tx) (uint64, error) {
	var n uint64
	err := tx.Bucket(bucketAccounts).ForEach(func(_, _ []byte) error {
		n++
		return nil
	})
	return n, err
}

// version 4: the sales targets and the accounting side's balances that
// imports bring (SPEC §5), each in a bucket of its own, empty at first: no
// facts derive from them yet, so nothing is restated.
func createTargets(tx *bbolt.Tx) error {
	for _, name := range [][]byte{bucketTargets, bucketBalances} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return nil
}

// sealChunk is how many values sealAll rewrites between seeks: bbolt's
// cursors must not walk a bucket while it is written.
const sealChunk = 4096

// sealAll seals every value of a bucket of an older book, a chunk at a time.
// A record that does not decode is sealed as it is: check reports it.
func sealAll(bk *bbolt.Bucket, name []byte) error {
	type kv struct{ k, v []byte }
	chunk := make([]kv, 0, sealChunk)
	var from []byte
	for {
		chunk = chunk[:0]
		c := bk.Cursor()
		k, v := c.First()
		if from != nil {
			k, v = c.Seek(from)
			if bytes.Equal(k, from) {
				k, v = c.Next()
			}
		}
		for ; k != nil && len(chunk) < sealChunk; k, v = c.Next() {
			if v == nil {
				return damaged(name, k, errNested)
			}
			chunk = append(chunk, kv{bytes.Clone(k), seal(name, k, bytes.Clone(v))})
		}
		if len(chunk) == 0 {
			return nil
		}
		bk.FillPercent = bulkFill // the same keys, each value longer by its sum
		for _, p := range chunk {
			if err := bk.Put(p.k, p.v); err != nil {
				return err
			}
		}
		from = chunk[len(chunk)-1].k
	}
}

// rekeyMarks moves schema 2's marks (mark key → mark) under their accounts
// (code 0x00 mark key): the account the mark names, else the one its key
// names ("reason:CODE:..."). Marks of no existing account are dropped.
func rekeyMarks(tx *bbolt.Tx) error {
	type rekeyed struct{ k, v []byte }
	var keep []rekeyed
	accounts := tx.Bucket(bucketAccounts)
	err := tx.Bucket(bucketMarks).ForEach(func(k, v []byte) error {
		if v == nil {
			return damaged(bucketMarks, k, errNested)
		}
		m, err := decodeMarkV1(k, v)
		if err != nil {
			return damaged(bucketMarks, k, err)
		}
		if m.Account == "" {
			if parts := strings.SplitN(m.Key, ":", 3); len(parts) > 1 {
				m.Account = parts[1]
			}
		}
		if m.Account == "" || accounts.Get([]byte(m.Account)) == nil {
			return nil
		}
		keep = append(keep, rekeyed{recKey(m.Account, m.Key), appendMark(nil, &m)})
		return nil
	})
	if err != nil {
		return err
	}
	if err := tx.DeleteBucket(bucketMarks); err != nil {
		return err
	}
	bk, err := tx.CreateBucket(bucketMarks)
	if err != nil {
		return err
	}
	for _, r := range keep {
		if err := putSealed(bk, bucketMarks, r.k, r.v); err != nil {
			return err
		}
	}
	return nil
}

// version 5: disputes (SPEC §9.1) get a bucket of their own, each invoice's
// history of them. An invoice an older book holds as disputed (an import's
// disputed column) is an open dispute: opened on the day its record was
// written, owned by whoever wrote it, with its dispute reason; imported, so
// that a later import calling it undisputed resolves it. The facts carry
// the disputes from now on (vFacts 2): migrateAdmin makes every
// account's again.
func migrateDisputes(tx *bbolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists(bucketDisputes); err != nil {
		return err
	}
	invoices, disputes := tx.Bucket(bucketInvoices), tx.Bucket(bucketDisputes)
	type put struct{ k, v []byte }
	var puts []put
	err := invoices.ForEach(func(k, v []byte) error {
		body, err := opened(bucketInvoices, k, v)
		if err != nil {
			return err
		}
		code, own, err := splitKey(k)
		if err != nil {
			return damaged(bucketInvoices, k, err)
		}
		inv, err := decodeInvoice(string(code), own, body, nil)
		if err != nil {
			return damaged(bucketInvoices, k, err)
		}
		if !inv.Disputed {
			return nil
		}
		d := importedDispute(inv, domain.DateOf(inv.Stamp.At.UTC()), inv.Stamp)
		if inv.Stamp.At.IsZero() {
			d.OpenedOn = inv.Issued
		}
		key := disputeKey(inv.Account, inv.Number, 1)
		if disputes.Get(key) == nil {
			puts = append(puts, put{key, appendDispute(nil, &d)})
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, p := range puts {
		if err := putSealed(disputes, bucketDisputes, p.k, p.v); err != nil {
			return err
		}
	}
	return nil
}

// importedDispute is the open dispute an invoice imported as disputed
// stands for (store.ImportDispute says when).
func importedDispute(inv domain.Invoice, on domain.Date, stamp domain.Stamp) domain.Dispute {
	owner := stamp.By
	if owner == "" {
		owner = "import"
	}
	reason := inv.DisputeReason
	if reason == "" {
		reason = domain.ImportedReason
	}
	return domain.Dispute{Account: inv.Account, Invoice: inv.Number, Seq: 1, Reason: reason, Owner: owner,
		OpenedOn: on, Status: domain.DisputeOpen, Imported: true, Stamp: stamp}
}

// version 6: the account manager's records (SPEC §10): credit decisions
// and objectives get buckets of their own; service issues carry a problem
// record (vIssue 2, read from version 1 as none), accounts their competitor
// notes, the settings margin rates. A contract an older book holds as
// "ended" (the demo's word for a churned account's) is "terminated", one
// of the statuses SPEC §10.1 names. The facts carry the decisions, the
// objectives, the rebate credit notes and each invoice's product and
// quantity from now on (vFacts 3, vLedger 2): migrateAdmin makes every
// account's ledger and facts again. Run twice, it finds nothing more to
// rename.
func migrateManager(tx *bbolt.Tx) error {
	for _, name := range [][]byte{bucketDecisions, bucketObjectives} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return renameEnded(tx.Bucket(bucketContracts))
}

// contractEnded is the status older books gave a contract that ended with
// its account (migrateManager renames it).
const contractEnded = "ended"

// renameEnded rewrites every contract whose status is "ended" as
// terminated, keeping its stamp: nobody changed it, its word did.
func renameEnded(contracts *bbolt.Bucket) error {
	type put struct{ k, v []byte }
	var puts []put
	err := contracts.ForEach(func(k, v []byte) error {
		body, err := opened(bucketContracts, k, v)
		if err != nil {
			return err
		}
		code, own, err := splitKey(k)
		if err != nil {
			return damaged(bucketContracts, k, err)
		}
		c, err := decodeContract(string(code), own, body, nil)
		if err != nil {
			return damaged(bucketContracts, k, err)
		}
		if c.Status == contractEnded {
			c.Status = domain.ContractTerminated
			puts = append(puts, put{bytes.Clone(k), appendContract(nil, &c)})
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, p := range puts {
		if err := putSealed(contracts, bucketContracts, p.k, p.v); err != nil {
			return err
		}
	}
	return nil
}

// version 7: the administrator's records (SPEC §11): the opening file's
// documents, the blockages and the reconciliation marks get buckets of
// their own; the settings keep the required documents and the dashboard's
// targets (vSettings 4: an older book's read with none and the SPEC's
// targets, and are written so when next saved). The facts carry the new
// records, the sales targets, accounting's balances and who logged each
// touch, the ledger the invoices' numbers (vFacts 4, vLedger 3): every
// account's ledger and facts are made again, by this migration, the
// last. Run twice, it makes the same.
func migrateAdmin(tx *bbolt.Tx) error {
	for _, name := range [][]byte{bucketDocuments, bucketBlockages, bucketReconciled} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	b, err := bucketsAt(tx)
	if err != nil {
		return err
	}
	var codes []string
	_ = b.accounts.ForEach(func(k, _ []byte) error {
		codes = append(codes, string(k))
		return nil
	})
	return restate(b, touched{documents: codes, records: codes}, nil)
}
