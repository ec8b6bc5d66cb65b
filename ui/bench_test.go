package ui

import (
	"context"
	"fmt"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/memstore"
	"acctdesk/ui/common"
	"acctdesk/ui/internal/sample"
)

// The benchmarks run the workstation's Update and View on a book of 10,000
// accounts (60,000 invoices, 30,000 payments, 20,000 activities) in memory,
// at 160×48:
//
//	go test ./ui -run '^$' -bench . -benchmem
var big struct {
	once  sync.Once
	files []*domain.AccountFile
}

func bigFiles() []*domain.AccountFile {
	big.once.Do(func() { big.files = sample.Generate(10000, sample.AsOf, 1) })
	return big.files
}

// bigModel is a loaded workstation over its own copy of the big book.
func bigModel(b *testing.B, opt Options) (*Model, *memstore.Store) {
	b.Helper()
	st := memstore.From(sample.Settings(), bigFiles())
	m := New(newDesk(st), opt)
	process(m, tea.WindowSizeMsg{Width: 160, Height: 48}, firstLoad(m.c.Desk)())
	if m.view == nil || len(m.view.Sums) != 10000 || queueOf(m).Count() == 0 {
		b.Fatal("the big book did not load")
	}
	return m, st
}

// updateView is one key press as the program handles it: Update, the
// commands it returns, then View.
func updateView(m *Model, k tea.Msg) {
	process(m, k)
	_ = m.View()
}

func benchCursor(b *testing.B, page string) {
	m, _ := bigModel(b, testOptions())
	process(m, keys(page)[0])
	down, up := keyMsg("down"), keyMsg("up")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if (i/2000)%2 == 0 {
			updateView(m, down)
		} else {
			updateView(m, up)
		}
	}
}

func BenchmarkQueueCursor(b *testing.B) { benchCursor(b, "1") }
func BenchmarkBookCursor(b *testing.B)  { benchCursor(b, "2") }
func BenchmarkAgingCursor(b *testing.B) { benchCursor(b, "3") }

func BenchmarkBookCursorGrouped(b *testing.B) {
	m, _ := bigModel(b, testOptions())
	press(m, "2", "g")
	down := keyMsg("pgdown")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%300 == 0 {
			process(m, keyMsg("home"))
		}
		updateView(m, down)
	}
}

func BenchmarkPaneSwitch(b *testing.B) {
	m, _ := bigModel(b, testOptions())
	press(m, "2", "enter", "1")
	ks := []tea.KeyMsg{keyMsg("1"), keyMsg("2"), keyMsg("3"), keyMsg("4")}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		updateView(m, ks[i%4])
	}
}

// Opening an account: the command that reads its file through the desk and
// prepares it, then Update and View; the big book's accounts, and one with
// 1,000 invoices, 900 payments and 300 activities.
func BenchmarkOpenAccount(b *testing.B) {
	m, st := bigModel(b, testOptions())
	ctx := store.WithAuthor(context.Background(), "bench")
	heavy := &store.Batch{Accounts: []store.Rec[domain.Account]{{V: domain.Account{Code: "H0001", Name: "Heavy Haulage Ltd", Tier: 1,
		Status: domain.StatusActive, Terms: "term", TermsDays: 30, Currency: "NGN", CreditLimit: domain.M("900000000", "NGN").Amount}}}}
	for k := 0; k < 1000; k++ {
		issued := sample.AsOf.AddDays(-k / 3)
		heavy.Invoices = append(heavy.Invoices, store.Rec[domain.Invoice]{V: domain.Invoice{Account: "H0001", Number: fmt.Sprintf("H-%d", k),
			Issued: issued, Due: issued.AddDays(30), Amount: domain.M("150000", "NGN").Amount, Currency: "NGN", Product: "AGO"}})
		if k < 900 {
			heavy.Payments = append(heavy.Payments, store.Rec[domain.Payment]{V: domain.Payment{Account: "H0001", Reference: fmt.Sprintf("HP-%d", k),
				Received: issued.AddDays(20), Amount: domain.M("150000", "NGN").Amount, Currency: "NGN"}})
		}
		if k < 300 {
			heavy.Activities = append(heavy.Activities, store.ActivityEntry{Activity: domain.Activity{Account: "H0001", On: issued, Kind: "call", Outcome: "reached", Text: "spoke"}})
		}
	}
	if _, err := st.Apply(ctx, heavy); err != nil {
		b.Fatal(err)
	}
	drive(m)
	for _, c := range []struct {
		name string
		code func(i int) string
	}{
		{"book", func(i int) string { return fmt.Sprintf("A%05d", 1+i%10000) }},
		{"heavy", func(int) string { return "H0001" }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				updateView(m, common.OpenAccountMsg{Code: c.code(i)})
			}
			if m.Current() != "Account" {
				b.Fatalf("on %s", m.Current())
			}
		})
	}
}

// One account changes behind the workstation's back: the store takes a
// note on it, the desk refreshes its view (desk-ms/op), and the view comes
// through Update to every page, which formats again only what changed, then
// View. ui-cpu-ms/op is the CPU time of everything after the desk's refresh,
// on every processor: the cost of a change to the workstation.
func BenchmarkAccountChange(b *testing.B) {
	m, st := bigModel(b, testOptions())
	press(m, "2")
	ctx := store.WithAuthor(context.Background(), "colleague")
	var deskTime, uiCPU time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		code := fmt.Sprintf("A%05d", 1+(i*7919)%10000)
		if _, err := st.LogActivity(ctx, store.ActivityEntry{Activity: domain.Activity{Account: code, On: sample.AsOf, Kind: "note", Text: "from a colleague"}}); err != nil {
			b.Fatal(err)
		}
		if _, err := m.c.Desk.Refresh(); err != nil {
			b.Fatal(err)
		}
		deskTime += time.Since(start)
		cpu := cpuTime()
		updateView(m, changedMsg{})
		uiCPU += cpuTime() - cpu
	}
	b.ReportMetric(float64(deskTime.Microseconds())/1000/float64(b.N), "desk-ms/op")
	b.ReportMetric(float64(uiCPU.Microseconds())/1000/float64(b.N), "ui-cpu-ms/op")
}

// What a change would cost if every page made everything again: the same
// view sent with nothing said about what it touched.
func BenchmarkRebuildEverything(b *testing.B) {
	m, _ := bigModel(b, testOptions())
	press(m, "2")
	var uiCPU time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v := *m.view
		v.Touched = nil // anything may have changed
		cpu := cpuTime()
		process(m, m.forward(common.ViewMsg{View: &v})())
		_ = m.View()
		uiCPU += cpuTime() - cpu
	}
	b.ReportMetric(float64(uiCPU.Microseconds())/1000/float64(b.N), "ui-cpu-ms/op")
}

// cpuTime is the process's CPU time so far, user and system, every thread.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// One keystroke of the book filter: typing "lagos" and rubbing it out again,
// each key re-filtering 10,000 accounts.
func BenchmarkBookFilterKeystroke(b *testing.B) {
	m, _ := bigModel(b, testOptions())
	press(m, "2", "/")
	var seq []tea.KeyMsg
	for _, r := range "lagos" {
		seq = append(seq, keyMsg(string(r)))
	}
	for range 5 {
		seq = append(seq, keyMsg("backspace"))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		updateView(m, seq[i%len(seq)])
	}
}

func BenchmarkJumpKeystroke(b *testing.B) {
	m, _ := bigModel(b, testOptions())
	press(m, ":")
	seq := []tea.KeyMsg{keyMsg("a"), keyMsg("0"), keyMsg("1"), keyMsg("backspace"), keyMsg("backspace"), keyMsg("backspace")}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		updateView(m, seq[i%len(seq)])
	}
}

func BenchmarkBookSort(b *testing.B) {
	m, _ := bigModel(b, testOptions())
	press(m, "2")
	s := keyMsg("s")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		updateView(m, s)
	}
}

// Cycling the queue's grouping (none → reason → owner) and its scope (mine,
// everyone's): each key re-scopes, re-orders and re-groups the whole queue.
func BenchmarkQueueGroupAndScope(b *testing.B) {
	opt := testOptions()
	opt.User = "Ada Obi"
	m, _ := bigModel(b, opt)
	press(m, "1")
	ks := []tea.KeyMsg{keyMsg("g"), keyMsg("m"), keyMsg("g"), keyMsg("m"), keyMsg("g")}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		updateView(m, ks[i%len(ks)])
	}
}

// Moving down a grouped queue.
func BenchmarkQueueCursorGrouped(b *testing.B) {
	m, _ := bigModel(b, testOptions())
	press(m, "1", "g")
	down, up := keyMsg("down"), keyMsg("up")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if (i/2000)%2 == 0 {
			updateView(m, down)
		} else {
			updateView(m, up)
		}
	}
}
