package ui

import (
	"context"
	"testing"

	"acctdesk/demo"
	"acctdesk/store"
	"acctdesk/store/memstore"
	"acctdesk/ui/internal/sample"
)

// The workstation over the demo book (helper-2's generator): every pane and
// form fits at both ends of the supported sizes, and every account opens.
func TestDemoBook(t *testing.T) {
	st := memstore.From(sample.Settings(), nil)
	ctx := store.WithAuthor(context.Background(), "demo")
	err := demo.Generate(demo.Options{AsOf: sample.AsOf, Seed: 7, Accounts: 120}, func(b *store.Batch) error {
		_, err := st.Apply(ctx, b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, sz := range [][2]int{{80, 24}, {250, 70}} {
		m := New(newDesk(st), testOptions())
		drive(m, windowSize(sz[0], sz[1]), firstLoad(m.c.Desk)())
		if len(m.view.Sums) != 120 {
			t.Fatalf("%d accounts", len(m.view.Sums))
		}
		if queueOf(m).Shown() == 0 {
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
