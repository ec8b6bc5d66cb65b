package bolt

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"acctdesk/domain"
)

// This file names every bucket and meta key of a book file, and how record
// keys are built. Nothing else in the package spells a bucket name.

// Top-level buckets.
var (
	bucketMeta        = []byte("meta")
	bucketMigrations  = []byte("migrations")
	bucketAccounts    = []byte("accounts")    // code → Account
	bucketContacts    = []byte("contacts")    // code 0x00 name → Contact
	bucketContracts   = []byte("contracts")   // code 0x00 id → Contract
	bucketInvoices    = []byte("invoices")    // code 0x00 number → Invoice
	bucketPayments    = []byte("payments")    // code 0x00 reference → Payment
	bucketCredits     = []byte("credits")     // code 0x00 number → CreditNote
	bucketActivities  = []byte("activities")  // code 0x00 id(8, big-endian) → Activity
	bucketPromises    = []byte("promises")    // code 0x00 id → Promise
	bucketPlans       = []byte("plans")       // code 0x00 id → PaymentPlan
	bucketEscalations = []byte("escalations") // code 0x00 id → Escalation
	bucketIssues      = []byte("issues")      // code 0x00 id → ServiceIssue
	bucketFollowUps   = []byte("followups")   // code 0x00 id → FollowUp
	bucketSurveys     = []byte("surveys")     // code 0x00 id → Survey
	bucketMarks       = []byte("marks")       // code 0x00 mark key → QueueMark (schema 3; before, mark key → QueueMark)
	bucketTargets     = []byte("targets")     // code 0x00 month "YYYY-MM" 0x00 product → Target (schema 4)
	bucketBalances    = []byte("balances")    // code 0x00 date "YYYY-MM-DD" → Balance (schema 4)
	bucketDisputes    = []byte("disputes")    // code 0x00 invoice 0x00 seq(8, big-endian) → Dispute (schema 5)
	bucketDecisions   = []byte("decisions")   // code 0x00 id → CreditDecision (schema 6)
	bucketObjectives  = []byte("objectives")  // code 0x00 id → Objective (schema 6)
	bucketDocuments   = []byte("documents")   // code 0x00 kind → Document of the opening file (schema 7)
	bucketBlockages   = []byte("blockages")   // code 0x00 id → Blockage (schema 7)
	bucketReconciled  = []byte("reconciled")  // code 0x00 date "YYYY-MM-DD" → Reconciliation (schema 7)

	// Derived (schema 3): each account's domain.Facts, split in two so that a
	// write touching only activities never reads the documents. Both are
	// rewritten in the transaction that changes what they derive from, and
	// Check recomputes and compares them.
	bucketLedgers = []byte("ledgers") // code → Ledger and Volume, from invoices, payments, credit notes; absent without documents
	bucketFacts   = []byte("facts")   // code → the rest of the facts, from every other record of the account

	// The change log (schema 3): which accounts each committed write touched.
	bucketChangelog = []byte("changelog") // change counter(8, big-endian) → changelog entry

	// Uniqueness indexes: a document number is unique in the whole book, so
	// each maps it to the account that holds it. Kept in the record's transaction.
	bucketIdxInvoice = []byte("idx_invoice_number")    // number → code
	bucketIdxPayment = []byte("idx_payment_reference") // reference → code
	bucketIdxCredit  = []byte("idx_credit_number")     // number → code

	// Retired: schema 2's account standings, named for the migrations that
	// made and removed the bucket.
	bucketSummaries = []byte("summaries")
)

// Keys of the meta bucket.
var (
	metaSchema   = []byte("schema")   // uint64 big-endian: schema version
	metaChanges  = []byte("changes")  // uint64 big-endian: moves on every committed change
	metaSettings = []byte("settings") // encoded domain.Settings
	metaAccounts = []byte("accounts") // uint64 big-endian: how many accounts the book holds (schema 3)
)

// From schema 3 every value of every bucket is sealed (seal.go); the
// schema version itself is sealed too, and read unsealed only from older
// books, whose values are all unsealed.
const sealedFrom = 3

// allBuckets is every top-level bucket a current book has.
var allBuckets = [][]byte{
	bucketMeta, bucketMigrations, bucketAccounts, bucketContacts, bucketContracts,
	bucketInvoices, bucketPayments, bucketCredits, bucketActivities, bucketPromises,
	bucketPlans, bucketEscalations, bucketIssues, bucketFollowUps, bucketSurveys,
	bucketMarks, bucketIdxInvoice, bucketIdxPayment, bucketIdxCredit,
	bucketLedgers, bucketFacts, bucketChangelog, bucketTargets, bucketBalances,
	bucketDisputes, bucketDecisions, bucketObjectives,
	bucketDocuments, bucketBlockages, bucketReconciled,
}

// indexOf names the uniqueness index of a document bucket.
var indexOf = map[string][]byte{
	string(bucketInvoices): bucketIdxInvoice,
	string(bucketPayments): bucketIdxPayment,
	string(bucketCredits):  bucketIdxCredit,
}

// keySep ends the account code in a record key. Codes and names cannot hold
// a NUL (domain.CheckCode, CheckText), so a prefix scan of code+0x00 finds
// exactly one account's records.
const keySep = 0x00

// recKey is code 0x00 own.
func recKey(code, own string) []byte {
	k := make([]byte, 0, len(code)+1+len(own))
	k = append(k, code...)
	k = append(k, keySep)
	return append(k, own...)
}

// idKey is code 0x00 id as 8 big-endian bytes, so ids sort numerically.
func idKey(code string, id uint64) []byte {
	k := make([]byte, 0, len(code)+9)
	k = append(k, code...)
	k = append(k, keySep)
	return binary.BigEndian.AppendUint64(k, id)
}

// targetKey is code 0x00 month (YYYY-MM) 0x00 product: an account's
// targets sort by month, then product ("" first: the whole account).
func targetKey(code string, month domain.Date, product string) []byte {
	k := make([]byte, 0, len(code)+9+len(product))
	k = append(k, code...)
	k = append(k, keySep)
	k = append(k, month.Format("2006-01")...)
	k = append(k, keySep)
	return append(k, product...)
}

// balanceKey is code 0x00 date (YYYY-MM-DD): an account's balances sort by date.
func balanceKey(code string, on domain.Date) []byte { return recKey(code, on.Format("2006-01-02")) }

// disputeKey is code 0x00 invoice 0x00 seq (8 bytes, big-endian): an
// account's disputes sort by invoice, then by sequence, so a prefix scan
// of code 0x00 invoice 0x00 reads one invoice's history in order, and a
// new dispute after a resolution is one more key, never a rewrite of a
// list. Invoice numbers hold no NUL (domain.CheckCode).
func disputeKey(code, invoice string, seq uint64) []byte {
	k := make([]byte, 0, len(code)+len(invoice)+10)
	k = append(k, code...)
	k = append(k, keySep)
	k = append(k, invoice...)
	k = append(k, keySep)
	return binary.BigEndian.AppendUint64(k, seq)
}

// accountPrefix is the prefix of every record key of an account.
func accountPrefix(code string) []byte { return append([]byte(code), keySep) }

// splitKey cuts a record key into account code and own key.
func splitKey(k []byte) (code, own []byte, err error) {
	i := bytes.IndexByte(k, keySep)
	if i <= 0 {
		return nil, nil, fmt.Errorf("key %q has no account prefix", k)
	}
	return k[:i], k[i+1:], nil
}

// keyID reads the id part of an id bucket key.
func keyID(own []byte) (uint64, error) {
	if len(own) != 8 {
		return 0, fmt.Errorf("id key part has %d bytes, not 8", len(own))
	}
	return binary.BigEndian.Uint64(own), nil
}

func u64(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

func readU64(b []byte) (uint64, error) {
	if len(b) != 8 {
		return 0, fmt.Errorf("counter has %d bytes, not 8", len(b))
	}
	return binary.BigEndian.Uint64(b), nil
}
