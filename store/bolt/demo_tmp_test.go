package bolt_test

import (
	"path/filepath"
	"testing"
	"time"

	"acctdesk/demo"
	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/bolt"
)

func TestDemoTmp(t *testing.T) {
	for _, o := range []demo.Options{{Accounts: 30}, {Accounts: 10000, InvoicesPerAccount: 100}} {
		s, err := bolt.Open(filepath.Join(t.TempDir(), "d.db"), bolt.Options{Author: "demo"})
		if err != nil {
			t.Fatal(err)
		}
		o.AsOf = domain.MustDate("2026-11-20")
		o.Seed = 1
		st := time.Now()
		n := 0
		err = demo.Generate(o, func(b *store.Batch) error {
			res, err := s.Apply(b)
			n += res.Added
			if err != nil {
				t.Logf("%.2000v", err.Error())
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%+v: %d records in %v", o, n, time.Since(st))
		st = time.Now()
		b, err := s.Load()
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("load %d accounts in %v", len(b.Accounts), time.Since(st))
		st = time.Now()
		if err := s.Check(); err != nil {
			t.Fatal(err)
		}
		t.Logf("check in %v", time.Since(st))
		res, err := s.Apply(&store.Batch{})
		_ = res
	}
}
