//go:build linux

package bolt_test

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/bolt"
)

// TestWritersGoFirst: readers reading back to back, each call its own open
// (so their file locks really overlap), never keep a writer out: every one
// of the writes made meanwhile lands.
func TestWritersGoFirst(t *testing.T) {
	opt := testOptions()
	opt.Timeout = bolt.DefaultTimeout
	path := openTemp(t).Path()
	s, err := bolt.Open(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	mustApply(t, s, sampleBatch(200, 20))
	var (
		stop     atomic.Bool
		reads    atomic.Int64
		wg       sync.WaitGroup
		readErrs = make(chan error, 1)
	)
	for r := range 8 {
		wg.Go(func() {
			for !stop.Load() {
				var err error
				if r%2 == 0 {
					_, err = s.Facts("", 200)
				} else {
					_, err = s.LoadAccount(fmt.Sprintf("A%05d", r))
				}
				if err != nil {
					select {
					case readErrs <- err:
					default:
					}
				}
				reads.Add(1)
			}
		})
	}
	// Let the readers get going before writing.
	for reads.Load() < 50 {
		time.Sleep(time.Millisecond)
	}
	const writes = 60
	refused := 0
	for i := range writes {
		if _, err := s.LogActivity(ctx, store.ActivityEntry{Activity: domain.Activity{
			Account: fmt.Sprintf("A%05d", i%200), On: domain.MustDate("2025-03-01"), Kind: "call", Outcome: "reached",
		}}); err != nil {
			refused++
			t.Logf("write %d: %v", i, err)
		}
	}
	stop.Store(true)
	wg.Wait()
	if refused > 0 {
		t.Errorf("%d of %d writes refused beside %d reads", refused, writes, reads.Load())
	}
	select {
	case err := <-readErrs:
		t.Errorf("a reader failed: %v", err)
	default:
	}
}
