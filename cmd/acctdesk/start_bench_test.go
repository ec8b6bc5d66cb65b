package main

import (
	"bytes"
	"context"
	"os"
	"testing"
	"time"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/store/bolt"
	"acctdesk/ui"

	"github.com/charmbracelet/x/exp/teatest"
)

// BenchmarkWorkstationFirstFrameL measures the workstation from start to its
// first complete frame (the book's facts read, the view computed, the queue
// drawn) on the L book named by ACCTDESK_BENCH_L, in process, at 160×48.
func BenchmarkWorkstationFirstFrameL(b *testing.B) {
	path := os.Getenv("ACCTDESK_BENCH_L")
	if path == "" {
		b.Skip("ACCTDESK_BENCH_L names no L book (see BENCHMARKS.md)")
	}
	asOf := domain.MustDate("2026-11-22")
	for i := 0; i < b.N; i++ {
		st, err := bolt.Open(path, bolt.Options{Now: time.Now})
		if err != nil {
			b.Fatal(err)
		}
		d := desk.New(st, desk.Options{AsOf: asOf, Poll: time.Hour})
		ctx, stop := context.WithCancel(context.Background())
		go d.Watch(ctx)
		m := ui.New(d, ui.Options{BookName: "L", AsOf: asOf, User: "adaeze", Today: asOf})
		tm := teatest.NewTestModel(b, m, teatest.WithInitialTermSize(160, 48))
		teatest.WaitFor(b, tm.Output(), func(out []byte) bool { return bytes.Contains(out, []byte("handled today")) },
			teatest.WithDuration(30*time.Second), teatest.WithCheckInterval(time.Millisecond))
		b.StopTimer()
		tm.Quit()
		stop()
		b.StartTimer()
	}
}

// BenchmarkViewL measures the desk's view of the L book: every account's
// facts read a page at a time, its figures and queue items computed, the
// queue ranked.
func BenchmarkViewL(b *testing.B) {
	path := os.Getenv("ACCTDESK_BENCH_L")
	if path == "" {
		b.Skip("ACCTDESK_BENCH_L names no L book (see BENCHMARKS.md)")
	}
	st, err := bolt.Open(path, bolt.Options{Now: time.Now})
	if err != nil {
		b.Fatal(err)
	}
	asOf := domain.MustDate("2026-11-22")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v, err := desk.New(st, desk.Options{AsOf: asOf}).View()
		if err != nil || len(v.Queue) == 0 {
			b.Fatalf("view: %v", err)
		}
	}
}
