package bolt_test

import (
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/bolt"

	bbolt "go.etcd.io/bbolt"
)

// TestBookWithVersion1Records: a book whose account and contract values
// are the version 1 fixtures (sealed, as a book before version 2 holds
// them) passes check, reads them with the version 1 defaults, and an import
// of the same records rewrites them as version 2, once; a contract value of
// an unknown version is damage that check names.
func TestBookWithVersion1Records(t *testing.T) {
	s := openUnchecked(t)
	// Write the same values through the store first, so the derived facts
	// are what the version 1 records make (they compare by value).
	batch := &store.Batch{
		Accounts:  []store.Rec[domain.Account]{{Line: 2, V: bolt.V1Account()}},
		Contracts: []store.Rec[domain.Contract]{{Line: 2, V: bolt.V1Contract()}},
	}
	mustApply(t, s, batch)
	put := func(bucket, key, hexVal string, version byte) {
		v, err := hex.DecodeString(hexVal)
		if err != nil {
			t.Fatal(err)
		}
		v[0] = version
		rawUpdate(t, s.Path(), func(tx *bbolt.Tx) error {
			return tx.Bucket([]byte(bucket)).Put([]byte(key), bolt.Seal([]byte(bucket), []byte(key), v))
		})
	}
	version := func(bucket, key string) byte {
		var b byte
		rawView(t, s.Path(), func(tx *bbolt.Tx) error {
			body, err := bolt.Unseal([]byte(bucket), []byte(key), tx.Bucket([]byte(bucket)).Get([]byte(key)))
			if err != nil {
				return err
			}
			b = body[0]
			return nil
		})
		return b
	}
	if version("accounts", "ACME") != 3 || version("contracts", "ACME\x00C-2024") != 2 {
		t.Fatal("this code does not write account version 3, contract version 2")
	}
	put("accounts", "ACME", bolt.V1AccountHex, 1)
	put("contracts", "ACME\x00C-2024", bolt.V1ContractHex, 1)

	if err := s.Check(); err != nil {
		t.Fatalf("Check of a book with version 1 records: %v", err)
	}
	f, err := s.LoadAccount("ACME")
	if err != nil {
		t.Fatal(err)
	}
	if !f.Account.StatusSince.IsZero() || f.Account.Name != "Acme Haulage Ltd" || f.Account.Status != "churned" {
		t.Errorf("v1 account read as %+v", f.Account)
	}
	if len(f.Contracts) != 1 || domain.FormatRebate(f.Contracts[0].Rebate) != "quantity/quarter:10000=1.5%,50000=2.25/unit" {
		t.Fatalf("v1 contract read as %+v", f.Contracts)
	}

	// The same import again: the values are the same, their version is
	// not: both are rewritten (updated), then left alone.
	res := mustApply(t, s, batch)
	if res.Totals() != (store.Result{Updated: 2}) {
		t.Errorf("re-import over version 1 records: %v; want 2 updated", res)
	}
	if version("accounts", "ACME") != 3 || version("contracts", "ACME\x00C-2024") != 2 {
		t.Error("the re-import left version 1 values")
	}
	if res := mustApply(t, s, batch); res.Totals() != (store.Result{Unchanged: 2}) {
		t.Errorf("the third import: %v; want 2 unchanged", res)
	}
	if err := s.Check(); err != nil {
		t.Fatalf("Check after the rewrite: %v", err)
	}

	put("contracts", "ACME\x00C-2024", bolt.V1ContractHex, 3)
	err = s.Check()
	if !errors.Is(err, store.ErrDamaged) || !strings.Contains(err.Error(), "record version 3, this acctdesk reads 1 to 2") ||
		!strings.Contains(err.Error(), fmt.Sprintf("%q", "ACME\x00C-2024")) {
		t.Errorf("Check of a version 3 contract: %v", err)
	}
}
