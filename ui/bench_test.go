package ui

import (
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/domain"
	"acctdesk/ui/internal/fakestore"
)

// The benchmarks run a pane's Update and View on a book of 10,000 accounts
// (60,000 invoices, 30,000 payments, 20,000 activities) built in memory:
//
//	go test ./ui -run '^$' -bench . -benchmem
var big struct {
	once sync.Once
	st   *fakestore.Store
	book *domain.Book
}

func bigStore(b *testing.B) *fakestore.Store {
	big.once.Do(func() {
		big.st = fakestore.New(fakestore.SampleSettings(), fakestore.Generate(10000, fakestore.SampleAsOf, 1))
		big.book, _ = big.st.Load()
	})
	return big.st
}

func bigModel(b *testing.B) *Model {
	b.Helper()
	st := bigStore(b)
	m := NewModel(st, testOptions())
	m.loadSeq++
	drive(m, tea.WindowSizeMsg{Width: 160, Height: 48}, compute(big.book, 0, loadInput{seq: m.loadSeq, asOf: m.opt.AsOf, user: m.opt.User}))
	if len(m.sums) != 10000 {
		b.Fatalf("%d accounts", len(m.sums))
	}
	return m
}

// updateView is one key press as the program handles it: Update, then View.
func updateView(m *Model, k tea.KeyMsg) {
	_, cmd := m.Update(k)
	if cmd != nil {
		if msg := cmd(); msg != nil {
			m.Update(msg)
		}
	}
	_ = m.View()
}

func benchCursor(b *testing.B, pane string) {
	m := bigModel(b)
	press(m, pane)
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
	m := bigModel(b)
	press(m, "2", "g")
	down := keyMsg("pgdown")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%300 == 0 {
			press(m, "home")
		}
		updateView(m, down)
	}
}

func BenchmarkPaneSwitch(b *testing.B) {
	m := bigModel(b)
	press(m, "2", "enter", "1")
	ks := []tea.KeyMsg{keyMsg("1"), keyMsg("2"), keyMsg("3"), keyMsg("4")}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		updateView(m, ks[i%4])
	}
}

// One keystroke of the book filter: typing "lagos" and rubbing it out again,
// each key re-filtering 10,000 accounts.
func BenchmarkBookFilterKeystroke(b *testing.B) {
	m := bigModel(b)
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
	m := bigModel(b)
	press(m, ":")
	seq := []tea.KeyMsg{keyMsg("a"), keyMsg("0"), keyMsg("1"), keyMsg("backspace"), keyMsg("backspace"), keyMsg("backspace")}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		updateView(m, seq[i%len(seq)])
	}
}

func BenchmarkBookSort(b *testing.B) {
	m := bigModel(b)
	press(m, "2")
	s := keyMsg("s")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		updateView(m, s)
	}
}

// The work of a load once the store has answered (runs in a tea.Cmd, off the
// Update path): summaries, totals, the queue and every pane's rows.
func BenchmarkLoadCompute(b *testing.B) {
	bigStore(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		compute(big.book, 0, loadInput{seq: 1, asOf: fakestore.SampleAsOf, user: "ada"})
	}
}

// Applying a computed load to the panes (runs in Update).
func BenchmarkApplyLoad(b *testing.B) {
	m := bigModel(b)
	msg := compute(big.book, 0, loadInput{seq: 1, asOf: fakestore.SampleAsOf, user: "ada"})
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.loadSeq++
		msg.seq = m.loadSeq
		m.Update(msg)
	}
}

// Cycling the queue's grouping (none → reason → owner) and its scope (mine,
// everyone's): each key re-scopes, re-orders and re-groups the whole queue.
func BenchmarkQueueGroupAndScope(b *testing.B) {
	m := bigModel(b)
	m.queue.SetOwner("Ada Obi", "Ada Obi")
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
	m := bigModel(b)
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
