package desk

import (
	"errors"
	"slices"
	"testing"
	"time"

	"acctdesk/store"
)

// u takes back the user's last done or snooze of the day, then the one
// before (issue 10, item 2); Z's list (Marks) has the done and snoozed items,
// the newest first; another user's marks are theirs to undo.
func TestUndoAndMarks(t *testing.T) {
	st := demoStore(t, 30)
	clock := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	st.Now = func() time.Time { clock = clock.Add(time.Minute); return clock }
	d := New(st, Options{AsOf: asOf})
	v, err := d.View()
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Queue) < 3 {
		t.Fatalf("%d items", len(v.Queue))
	}
	first, second, third := v.Queue[0], v.Queue[1], v.Queue[2]
	bola := store.WithAuthor(ada, "bola")
	if err := d.Done(ada, first); err != nil {
		t.Fatal(err)
	}
	if err := d.Snooze(ada, second, asOf.AddDays(3)); err != nil {
		t.Fatal(err)
	}
	if err := d.Done(bola, third); err != nil {
		t.Fatal(err)
	}
	v, _ = d.Refresh()
	keys := func(v *View) []string {
		var out []string
		for _, it := range v.Queue {
			out = append(out, it.Key)
		}
		return out
	}
	for _, it := range []string{first.Key, second.Key, third.Key} {
		if slices.Contains(keys(v), it) {
			t.Fatalf("%s still listed", it)
		}
	}
	var listed []string
	for _, m := range v.Marks("") {
		listed = append(listed, m.Mark.Key)
		if m.Item.Key != m.Mark.Key || m.Item.Detail == "" {
			t.Errorf("mark %s without its item: %+v", m.Mark.Key, m.Item)
		}
	}
	if want := []string{third.Key, second.Key, first.Key}; !slices.Equal(listed, want) {
		t.Fatalf("marks %v, want %v (newest first)", listed, want)
	}

	// ada's newest is the snooze.
	m, err := d.UndoLast(ada)
	if err != nil || m.Mark.Key != second.Key || m.Mark.Done || m.Item.Key != second.Key {
		t.Fatalf("undo: %+v, %v", m, err)
	}
	v, _ = d.Refresh()
	if !slices.Contains(keys(v), second.Key) || slices.Contains(keys(v), first.Key) {
		t.Fatalf("after one undo: %v", keys(v))
	}
	if m, err = d.UndoLast(ada); err != nil || m.Mark.Key != first.Key || !m.Mark.Done {
		t.Fatalf("second undo: %+v, %v", m, err)
	}
	if _, err = d.UndoLast(ada); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("third undo: %v", err)
	}
	v, _ = d.Refresh()
	if !slices.Contains(keys(v), first.Key) || slices.Contains(keys(v), third.Key) {
		t.Fatalf("after undoing ada's: %v", keys(v))
	}
	if ms := v.Marks(""); len(ms) != 1 || ms[0].Mark.Key != third.Key || ms[0].Mark.Stamp.By != "bola" {
		t.Fatalf("marks left %+v", ms)
	}
	// The day's counter: the undone items are back, unhandled; bola's done counts.
	if h, _ := v.Progress(""); h != 1 {
		t.Fatalf("handled %d, want 1", h)
	}
	// Undo of an item that is not marked says so.
	if _, err := d.Undo(ada, first.Account, first.Key); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("undo of an unmarked item: %v", err)
	}
}
