package demo_test

import (
	"context"
	"testing"

	"acctdesk/demo"
	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/memstore"
)

// A brand-new demo is a morning nobody has worked yet: its queue's counter
// starts at "0 of N handled today" (issue 10, item 21), whatever the day it
// is made on. Nothing in it is dated the as-of day that would make an item
// of the start of the day look handled (a call, a note, a mark).
func TestFreshDemoStartsAtZeroHandled(t *testing.T) {
	start := domain.MustDate("2026-11-02")
	for day := 0; day < 28; day++ {
		asOf := start.AddDays(day)
		st := memstore.New()
		ctx := store.WithAuthor(context.Background(), "demo")
		set := domain.DefaultSettings()
		if err := st.SaveSettings(ctx, set); err != nil {
			t.Fatal(err)
		}
		err := demo.Generate(demo.Options{AsOf: asOf, Seed: 1}, func(b *store.Batch) error {
			_, err := st.Apply(ctx, b)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		v, err := desk.New(st, desk.Options{AsOf: asOf}).View()
		if err != nil {
			t.Fatal(err)
		}
		handled, total := v.Progress("")
		if handled != 0 || total != len(v.Queue) || total == 0 {
			t.Errorf("as of %s: %d of %d handled, %d items listed; want 0 of %d", asOf, handled, total, len(v.Queue), len(v.Queue))
		}
	}
}
