package memstore

import (
	"testing"

	"acctdesk/store"
	"acctdesk/store/storetest"
)

// TestContract: the in-memory store keeps the contract of every store.
func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return New() })
}
