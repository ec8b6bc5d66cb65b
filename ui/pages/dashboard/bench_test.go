package dashboard

import (
	"context"
	"os"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"acctdesk/demo"
	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/memstore"
)

// The dashboard's preparation on the L book in memory: the demo book of
// BENCHMARKS.md (10,000 accounts of 100 invoices, seed 7, as of 22 Nov
// 2026), generated into a memory store (DASH_BENCH_ACCOUNTS=N for a
// smaller one; the L book takes a minute to make and 2 GB):
//
//	go test ./ui/pages/dashboard -run '^$' -bench . -benchtime 5x
var bigView struct {
	once sync.Once
	v    *desk.View
	err  error
}

func lBook(b *testing.B) *desk.View {
	bigView.once.Do(func() {
		n := 10000
		if s := os.Getenv("DASH_BENCH_ACCOUNTS"); s != "" {
			n, _ = strconv.Atoi(s)
		}
		asOf := domain.MustDate("2026-11-22")
		st := memstore.From(domain.DefaultSettings(), nil)
		ctx := store.WithAuthor(context.Background(), "demo")
		bigView.err = demo.Generate(demo.Options{AsOf: asOf, Seed: 7, Accounts: n, InvoicesPerAccount: 100}, func(bt *store.Batch) error {
			_, err := st.Apply(ctx, bt)
			return err
		})
		if bigView.err == nil {
			bigView.v, bigView.err = desk.New(st, desk.Options{AsOf: asOf}).View()
		}
	})
	if bigView.err != nil {
		b.Fatal(bigView.err)
	}
	return bigView.v
}

// The first stage of a view never prepared: every account's figures but
// the forecasts of the last weeks.
func BenchmarkFirstStageL(b *testing.B) {
	v := lBook(b)
	cpu := cpuTime()
	for b.Loop() {
		dataOf(v, nil, metricsReport)
	}
	reportCPU(b, cpu)
}

// The second stage: the forecasts of the last weeks of every account.
func BenchmarkSecondStageL(b *testing.B) {
	v := lBook(b)
	d := dataOf(v, nil, metricsReport)
	cpu := cpuTime()
	for b.Loop() {
		withWeeks(d)
	}
	reportCPU(b, cpu)
}

// A change to one account: its parts are made again and the sums take it
// away and add it again; both stages.
func BenchmarkChangeL(b *testing.B) {
	v := lBook(b)
	old := withWeeks(dataOf(v, nil, metricsReport))
	nv := *v
	nv.Touched = []string{v.Sums[len(v.Sums)/2].Facts.Account.Code}
	cpu := cpuTime()
	for b.Loop() {
		withWeeks(dataOf(&nv, old, metricsReport))
	}
	reportCPU(b, cpu)
}

// reportCPU reports the CPU time per op since cpu, on every processor: on
// a shared machine, what the work costs whatever the others do.
func reportCPU(b *testing.B, cpu time.Duration) {
	b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// cpuTime is the process's CPU time so far, user and system, every thread.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Drawing the dashboard once its figures are there: what 5 costs.
func BenchmarkViewL(b *testing.B) {
	v := lBook(b)
	p := page(b, 160, 48)
	p.view = v
	p.data = withWeeks(dataOf(v, nil, metricsReport))
	cpu := cpuTime()
	for b.Loop() {
		_ = p.View()
	}
	reportCPU(b, cpu)
}
