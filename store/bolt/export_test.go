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
// for the same facts without their disputes.
func FactsV1(code string, v []byte) ([]byte, error) {
	var x domain.Facts
	ledger, err := decodeFacts(code, v, &x, nil)
	if err != nil {
		return nil, err
	}
	x.Disputes, x.DisputeInvoices = nil, nil
	out := appendFacts(nil, &x, ledger)
	if out[len(out)-1] != 0 {
		return nil, fmt.Errorf("facts of %s do not end with an empty list of disputes", code)
	}
	out[0] = 1
	return out[:len(out)-1], nil
}
