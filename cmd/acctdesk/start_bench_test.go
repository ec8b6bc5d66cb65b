package main

import (
	"bytes"
	"os"
	"testing"
	"time"

	"acctdesk/domain"
	"acctdesk/domain/queue"
	"acctdesk/store/bolt"
	"acctdesk/ui"

	"github.com/charmbracelet/x/exp/teatest"
)

// BenchmarkWorkstationFirstFrameL measures the workstation from start to its
// first complete frame (the book loaded, every pane prepared) on the L book
// named by ACCTDESK_BENCH_L, in process, at 160×48.
func BenchmarkWorkstationFirstFrameL(b *testing.B) {
	path := os.Getenv("ACCTDESK_BENCH_L")
	if path == "" {
		b.Skip("ACCTDESK_BENCH_L names no L book (see BENCHMARKS.md)")
	}
	asOf := domain.MustDate("2026-11-22")
	for i := 0; i < b.N; i++ {
		st, err := bolt.Open(path, bolt.Options{Author: "bench", Now: time.Now})
		if err != nil {
			b.Fatal(err)
		}
		m := ui.New(st, ui.Options{BookName: "L", AsOf: asOf, User: "adaeze", Today: asOf, PollEvery: time.Hour})
		tm := teatest.NewTestModel(b, m, teatest.WithInitialTermSize(160, 48))
		teatest.WaitFor(b, tm.Output(), func(out []byte) bool { return bytes.Contains(out, []byte("accounts loaded")) },
			teatest.WithDuration(30*time.Second), teatest.WithCheckInterval(time.Millisecond))
		b.StopTimer()
		tm.Quit()
		b.StartTimer()
	}
}

// BenchmarkQueueBuildL measures building the follow-up queue of the L book
// once it is loaded: every account summarised (from its stored standing) and
// every rule of SPEC §7 applied and ranked.
func BenchmarkQueueBuildL(b *testing.B) {
	path := os.Getenv("ACCTDESK_BENCH_L")
	if path == "" {
		b.Skip("ACCTDESK_BENCH_L names no L book (see BENCHMARKS.md)")
	}
	st, err := bolt.Open(path, bolt.Options{Author: "bench", Now: time.Now})
	if err != nil {
		b.Fatal(err)
	}
	book, err := st.Load()
	if err != nil {
		b.Fatal(err)
	}
	asOf := domain.MustDate("2026-11-22")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if items := queue.Build(book, asOf, queue.Options{}); len(items) == 0 {
			b.Fatal("empty queue")
		}
	}
}
