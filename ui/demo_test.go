package ui

import (
	"testing"

	"acctdesk/demo"
	"acctdesk/store"
	"acctdesk/ui/internal/fakestore"
)

// The workstation over the demo book (helper-2's generator): every pane and
// form fits at both ends of the supported sizes, and every account opens.
func TestDemoBook(t *testing.T) {
	st := fakestore.New(fakestore.SampleSettings(), nil)
	err := demo.Generate(demo.Options{AsOf: fakestore.SampleAsOf, Seed: 7, Accounts: 120}, func(b *store.Batch) error {
		_, err := st.Apply(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, sz := range [][2]int{{80, 24}, {250, 70}} {
		m := NewModel(st, testOptions())
		m.loadSeq++
		drive(m, windowSize(sz[0], sz[1]), load(st, loadInput{seq: m.loadSeq, asOf: m.opt.AsOf, user: m.opt.User})())
		if len(m.sums) != 120 {
			t.Fatalf("%d accounts", len(m.sums))
		}
		if m.queue.Len() == 0 {
			t.Fatal("the demo book has nothing to act on")
		}
		for _, ks := range [][]string{nil, {"2"}, {"2", "g"}, {"3"}, {"3", "g", "g"}, {"1", "c", "p"}, {"esc", "y", "e"}, {"esc", "?"}, {"?", ":", "a"}} {
			press(m, ks...)
			checkFits(t, m.View(), sz[0], sz[1])
		}
		press(m, "esc", "2")
		for i := 0; i < 120; i++ {
			press(m, "enter")
			for tab := 0; tab < 7; tab++ {
				checkFits(t, m.View(), sz[0], sz[1])
				press(m, "tab")
			}
			press(m, "esc", "down")
		}
	}
}
