package bolt

import (
	"fmt"

	"acctdesk/store"

	bbolt "go.etcd.io/bbolt"
)

// buckets is every bucket of a book inside one transaction; helpers take it
// so several steps compose into one transaction (the peapod habit).
type buckets struct {
	tx                                      *bbolt.Tx
	meta, migrations, accounts, marks       *bbolt.Bucket
	contacts, contracts                     *bbolt.Bucket
	invoices, payments, credits             *bbolt.Bucket
	activities, promises, plans             *bbolt.Bucket
	escalations, issues, followups, surveys *bbolt.Bucket
	idxInvoice, idxPayment, idxCredit       *bbolt.Bucket
	ledgers, facts, changelog               *bbolt.Bucket
	targets, balances, disputes             *bbolt.Bucket
	decisions, objectives                   *bbolt.Bucket
	documents, blockages, reconciled        *bbolt.Bucket
	// walked: Check has walked every key and value of the book in this
	// transaction, so reads need not check what surrounds a seek.
	walked bool
}

// bucketsOf finds every bucket, refusing a book that is not at the schema
// version this code knows or lacks a bucket.
func bucketsOf(tx *bbolt.Tx) (*buckets, error) {
	v, err := schemaOf(tx)
	if err != nil {
		return nil, err
	}
	if v != schemaVersion {
		return nil, notDamage{fmt.Errorf("%w: %s has schema version %d; open it again to migrate", store.ErrDamaged, tx.DB().Path(), v)}
	}
	return bucketsAt(tx)
}

// bucketsAt finds every bucket of the current schema, whatever the stored
// version says: the last migration works on them before it is recorded.
func bucketsAt(tx *bbolt.Tx) (*buckets, error) {
	b := &buckets{tx: tx}
	for _, p := range []struct {
		name []byte
		dst  **bbolt.Bucket
	}{
		{bucketMeta, &b.meta}, {bucketMigrations, &b.migrations}, {bucketAccounts, &b.accounts},
		{bucketMarks, &b.marks}, {bucketContacts, &b.contacts}, {bucketContracts, &b.contracts},
		{bucketInvoices, &b.invoices}, {bucketPayments, &b.payments}, {bucketCredits, &b.credits},
		{bucketActivities, &b.activities}, {bucketPromises, &b.promises}, {bucketPlans, &b.plans},
		{bucketEscalations, &b.escalations}, {bucketIssues, &b.issues}, {bucketFollowUps, &b.followups},
		{bucketSurveys, &b.surveys}, {bucketIdxInvoice, &b.idxInvoice}, {bucketIdxPayment, &b.idxPayment},
		{bucketIdxCredit, &b.idxCredit}, {bucketLedgers, &b.ledgers}, {bucketFacts, &b.facts},
		{bucketChangelog, &b.changelog}, {bucketTargets, &b.targets}, {bucketBalances, &b.balances},
		{bucketDisputes, &b.disputes}, {bucketDecisions, &b.decisions}, {bucketObjectives, &b.objectives},
		{bucketDocuments, &b.documents}, {bucketBlockages, &b.blockages}, {bucketReconciled, &b.reconciled},
	} {
		*p.dst = tx.Bucket(p.name)
		if *p.dst == nil {
			return nil, fmt.Errorf("%w: %s: bucket %q is missing", store.ErrDamaged, tx.DB().Path(), p.name)
		}
	}
	return b, nil
}

// damaged wraps a decoding problem with where it was found.
func damaged(bucket, key []byte, err error) error {
	return fmt.Errorf("%w: %s %q: %v", store.ErrDamaged, bucket, key, err)
}

// notDamage is an error that wraps store.ErrDamaged for its callers but is
// no damage of the file (errNotDamage): it leaves no marker.
type notDamage struct{ err error }

func (e notDamage) Error() string   { return e.err.Error() }
func (e notDamage) Unwrap() []error { return []error{e.err, errNotDamage} }
