package bolt

import (
	"fmt"
	"time"

	"acctdesk/domain"
)

// Seal and Unseal let the external tests write values as a book holds them
// (to damage a book in ways its checksums do not catch) and read them back.
func Seal(bucket, key, v []byte) []byte { return seal(bucket, key, append([]byte(nil), v...)) }

func Unseal(bucket, key, v []byte) ([]byte, error) { return unseal(bucket, key, v) }

// Handle is a store for the book at path without Open's look at it, for
// tests that check books Open refuses.
func Handle(path string, opt Options) *Store {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	return &Store{path: path, opt: opt}
}

// FactsV1 is a facts value as schema 4 wrote it (vFacts 1: no disputes)
// for the same facts without their disputes (nor decisions or objectives).
func FactsV1(code string, v []byte) ([]byte, error) { return factsBefore(code, v, 1) }

// FactsV2 is a facts value as schema 5 wrote it (vFacts 2: no decisions or
// objectives) for the same facts without them.
func FactsV2(code string, v []byte) ([]byte, error) { return factsBefore(code, v, 2) }

// FactsV3 is a facts value as schema 6 wrote it (vFacts 3: none of the
// administrator's records, targets, balances or touches' authors) for the
// same facts without them.
func FactsV3(code string, v []byte) ([]byte, error) { return factsBefore(code, v, 3) }

// factsBefore encodes the facts of v without what versions after version
// added, then drops the empty lists they end with.
func factsBefore(code string, v []byte, version byte) ([]byte, error) {
	var x domain.Facts
	ledger, err := decodeFacts(code, v, &x, nil)
	if err != nil {
		return nil, err
	}
	x.Documents, x.Blockages, x.Reconciled, x.Targets, x.Balances, x.Authors = nil, nil, nil, nil, nil, nil
	for i := range x.Touches {
		x.Touches[i].By = 0
	}
	cut := 6
	if version <= 2 {
		x.Decisions, x.Objectives = nil, nil
		cut += 2
	}
	if version == 1 {
		x.Disputes, x.DisputeInvoices = nil, nil
		cut++
	}
	return withoutTail(appendFacts(nil, &x, ledger), cut, version)
}

// LedgerV1 is a ledger value as schema 5 wrote it (vLedger 1: no lines,
// products or rebate notes) for the same ledger without them.
func LedgerV1(v []byte) ([]byte, error) {
	var x domain.Facts
	if err := decodeLedger(v, &x, nil); err != nil {
		return nil, err
	}
	x.Ledger.Lines, x.Ledger.Products, x.Ledger.QtyExp, x.Ledger.Numbers = nil, nil, 0, domain.Numbers{}
	return withoutTail(appendLedger(nil, &x.Ledger, nil), 5, 1)
}

// LedgerV2 is a ledger value as schema 6 wrote it (vLedger 2: no invoice
// numbers) for the same ledger without them.
func LedgerV2(v []byte) ([]byte, error) {
	var x domain.Facts
	if err := decodeLedger(v, &x, nil); err != nil {
		return nil, err
	}
	x.Ledger.Numbers = domain.Numbers{}
	return withoutTail(appendLedger(nil, &x.Ledger, x.RebateNotes), 1, 2)
}

// SettingsV3 is a settings value as schema 6 wrote it (vSettings 3: no
// required documents or targets) for the same settings without them.
func SettingsV3(v []byte) ([]byte, error) {
	s, err := decodeSettings(v)
	if err != nil {
		return nil, err
	}
	s.RequiredDocs, s.Targets = nil, domain.Targets{}
	return withoutTail(appendSettings(nil, &s), 5, 3)
}

// IssueV1 is a service issue value as schema 5 wrote it (vIssue 1: no
// problem record) for the same issue without one.
func IssueV1(code string, own, v []byte) ([]byte, error) {
	x, err := decodeIssue(code, own, v, nil)
	if err != nil {
		return nil, err
	}
	x.Summary, x.KPI, x.KPITarget, x.Steps, x.ResolvedOn, x.Recap = "", "", "", nil, 0, ""
	return withoutTail(appendIssue(nil, &x), 6, 1)
}

// ContractValue is a contract as the current version encodes it, whatever
// its status (an older book's "ended" included).
func ContractValue(c domain.Contract) []byte { return appendContract(nil, &c) }

// withoutTail drops the n zero bytes (empty lists, absent values) that end
// out and gives it the version.
func withoutTail(out []byte, n int, version byte) ([]byte, error) {
	for _, b := range out[len(out)-n:] {
		if b != 0 {
			return nil, fmt.Errorf("a value ends with %x, not %d empty fields", out[len(out)-n:], n)
		}
	}
	out[0] = version
	return out[:len(out)-n], nil
}
