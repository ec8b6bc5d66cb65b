package bolt

import (
	"context"
	"path/filepath"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"

	bbolt "go.etcd.io/bbolt"
)

// TestChangelogPrunes: the log keeps its last changelogKeep entries; asking
// from before them is All, from within them lists the accounts.
func TestChangelogPrunes(t *testing.T) {
	defer func(keep uint64) { changelogKeep = keep }(changelogKeep)
	changelogKeep = 5
	s, err := Open(filepath.Join(t.TempDir(), "book.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := store.WithAuthor(context.Background(), "tester")
	codes := []string{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"}
	for _, code := range codes {
		if _, err := s.Apply(ctx, &store.Batch{Accounts: []store.Rec[domain.Account]{{V: domain.Account{Code: code, Name: code}}}}); err != nil {
			t.Fatal(err)
		}
	}
	now, err := s.Changes()
	if err != nil {
		t.Fatal(err)
	}
	var kept []uint64
	_ = s.view(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketChangelog).ForEach(func(k, _ []byte) error {
			n, _ := readU64(k)
			kept = append(kept, n)
			return nil
		})
	})
	if len(kept) != 5 || kept[0] != now-4 || kept[4] != now {
		t.Errorf("entries %v kept; want the last 5 up to %d", kept, now)
	}
	if ch, err := s.Changed(now - 5); err != nil || ch.All || len(ch.Accounts) != 5 || ch.Accounts[0] != "H" {
		t.Errorf("Changed(%d) = %+v, %v; want H…L", now-5, ch, err)
	}
	if ch, err := s.Changed(now - 6); err != nil || !ch.All {
		t.Errorf("Changed(%d) = %+v, %v; want All", now-6, ch, err)
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}
