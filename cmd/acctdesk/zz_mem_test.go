package main

import (
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/store/bolt"
)

func TestViewMemL(t *testing.T) {
	path := os.Getenv("ACCTDESK_BENCH_L")
	if path == "" {
		t.Skip()
	}
	st, _ := bolt.Open(path, bolt.Options{Now: time.Now})
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	v, err := desk.New(st, desk.Options{AsOf: domain.MustDate("2026-11-22")}).View()
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&m1)
	t.Logf("live heap after view: %.1f MiB (%d accounts, %d items); total alloc %.1f MiB; sys %.1f MiB", float64(m1.HeapAlloc-m0.HeapAlloc)/(1<<20), len(v.Sums), len(v.Queue), float64(m1.TotalAlloc-m0.TotalAlloc)/(1<<20), float64(m1.Sys)/(1<<20))
	runtime.KeepAlive(v)
}

func TestViewHeapL(t *testing.T) {
	path := os.Getenv("ACCTDESK_BENCH_L")
	if path == "" {
		t.Skip()
	}
	st, _ := bolt.Open(path, bolt.Options{Now: time.Now})
	v, err := desk.New(st, desk.Options{AsOf: domain.MustDate("2026-11-22")}).View()
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	f, _ := os.Create("/tmp/ad/heap.out")
	pprof.WriteHeapProfile(f)
	f.Close()
	runtime.KeepAlive(v)
}
