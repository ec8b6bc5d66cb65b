package ui

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/memstore"
	"acctdesk/ui/internal/sample"
)

// readCounter counts the account files read.
type readCounter struct {
	*memstore.Store
	reads atomic.Int32
}

func (r *readCounter) LoadAccount(code string) (*domain.AccountFile, error) {
	r.reads.Add(1)
	return r.Store.LoadAccount(code)
}

// An account changed behind the workstation's back is shown once the desk
// has read it, and only what it touched is made again: the book's other
// rows are the very ones of before, and the open account's file is read
// again only when it is the one that changed.
func TestChangeBehindTheBack(t *testing.T) {
	st := &readCounter{Store: sample.Store()}
	m := New(newDesk(st), testOptions())
	drive(m, windowSize(120, 30), firstLoad(m.c.Desk)())
	press(m, ":", "ACC001", "enter", "2")
	before := bookOf(m).Rows()
	change := func(code, number string) {
		t.Helper()
		_, err := st.Apply(store.WithAuthor(context.Background(), "import"), &store.Batch{Invoices: []store.Rec[domain.Invoice]{{V: domain.Invoice{
			Account: code, Number: number, Issued: domain.MustDate("2026-11-17"), Due: domain.MustDate("2026-12-01"),
			Amount: domain.M("9876543", "NGN").Amount, Currency: "NGN"}}}})
		if err != nil {
			t.Fatal(err)
		}
		drive(m) // the desk reads the change, as its watcher would
	}
	reads := st.reads.Load()
	change("ACC007", "INV-7001")
	if tc := m.view.Touched; len(tc) != 1 || tc[0] != "ACC007" {
		t.Fatalf("touched %v", tc)
	}
	for i, r := range bookOf(m).Rows() {
		if kept := r == before[i]; kept != (r.Code != "ACC007") {
			t.Errorf("%s: kept %v", r.Code, kept)
		}
	}
	if !strings.Contains(m.View(), "₦9.9M") {
		t.Fatalf("the new invoice is not shown:\n%s", m.View())
	}
	if st.reads.Load() != reads {
		t.Fatal("the open account was read again though it did not change")
	}
	change("ACC001", "INV-1099")
	if st.reads.Load() != reads+1 {
		t.Fatalf("the open account was read %d times after it changed", st.reads.Load()-reads)
	}
	press(m, "4")
	if !strings.Contains(m.View(), "INV-1099") {
		t.Fatalf("the open account does not show its new invoice:\n%s", m.View())
	}
}

// The view is never changed by the workstation: the summaries and the queue
// of a view are as they were after a session worked on it.
func TestViewNotChanged(t *testing.T) {
	m, _ := loaded(t, 100, 30)
	v := m.view
	queue := append(v.Queue[:0:0], v.Queue...)
	press(m, "g", "s", "m", "m", "/", "acc", "esc", "2", "s", "g", "3", "<", ">", "g", "enter", "tab")
	process(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	for i := range queue {
		if v.Queue[i].Key != queue[i].Key || v.Queue[i].Detail != queue[i].Detail {
			t.Fatalf("queue item %d changed", i)
		}
	}
}
