package desk

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"acctdesk/domain"
	"acctdesk/domain/queue"
	"acctdesk/store"
)

// Marked is a queue item someone marked done or snoozed: the mark, and the
// item it hides while its condition stands (Item.Key is "" when the
// condition is gone).
type Marked struct {
	Mark domain.QueueMark
	Item queue.Item
}

// Standing reports whether a mark still hides its item as of asOf: done, or
// snoozed past asOf. An undone mark (Undo) hides nothing.
func Standing(m domain.QueueMark, asOf domain.Date) bool { return m.Done || m.Until > asOf }

// Marks are the done and snoozed items of the view's day, for one owner's
// accounts or ("") everyone's: every standing mark that hides an item, and
// every standing mark made that day; the newest first (what `u` undoes
// first).
func (v *View) Marks(owner string) []Marked {
	var out []Marked
	for i := range v.Sums {
		s := &v.Sums[i]
		x := s.Facts
		if len(x.Marks) == 0 || (owner != "" && x.Account.Owner != owner) {
			continue
		}
		var hidden map[string]queue.Item
		for _, m := range x.Marks {
			if !Standing(m, v.AsOf) {
				continue
			}
			if hidden == nil {
				hidden = unmarkedItems(s, v.Settings)
			}
			it, ok := hidden[m.Key]
			if !ok && m.On != v.AsOf {
				continue // an old decision about a condition that is gone
			}
			if !ok {
				it = queue.Item{}
			}
			m.Account = x.Account.Code
			out = append(out, Marked{Mark: m, Item: it})
		}
	}
	slices.SortStableFunc(out, func(a, b Marked) int {
		return cmp.Or(b.Mark.Stamp.At.Compare(a.Mark.Stamp.At), cmp.Compare(b.Mark.On, a.Mark.On),
			cmp.Compare(a.Mark.Account, b.Mark.Account), cmp.Compare(a.Mark.Key, b.Mark.Key))
	})
	return out
}

// unmarkedItems are an account's items as they would be without its marks,
// by key.
func unmarkedItems(s *domain.Summary, set domain.Settings) map[string]queue.Item {
	x := *s.Facts
	x.Marks = nil
	bare := *s
	bare.Facts = &x
	items := queue.AccountItems(&bare, set)
	out := make(map[string]queue.Item, len(items))
	for _, it := range items {
		out[it.Key] = it
	}
	return out
}

// LastMark is the newest standing mark author made on the view's day: what
// UndoLast takes back.
func (v *View) LastMark(author string) (Marked, bool) {
	for _, m := range v.Marks("") {
		if m.Mark.On == v.AsOf && m.Mark.Stamp.By == author {
			return m, true
		}
	}
	return Marked{}, false
}

// ErrNothingToUndo says there is no done or snooze of today to take back.
var ErrNothingToUndo = errors.New("nothing to undo: no done or snooze of yours today")

// Undo takes back the done or snooze mark of a queue item: the item is in
// the queue again while its condition stands. The store keeps decisions,
// not deletions, so the mark is replaced by one that hides nothing (until
// the business date). It returns the mark taken back.
func (d *Desk) Undo(ctx context.Context, code, key string) (domain.QueueMark, error) {
	if err := permit(ctx, Collector, "undoing"); err != nil {
		return domain.QueueMark{}, err
	}
	f, err := d.st.LoadAccount(code)
	if err != nil {
		return domain.QueueMark{}, err
	}
	i := slices.IndexFunc(f.Marks, func(m domain.QueueMark) bool { return m.Key == key })
	if i < 0 || !Standing(f.Marks[i], d.opt.AsOf) {
		return domain.QueueMark{}, fmt.Errorf("%s on %s is neither done nor snoozed: %w", key, f.Account.Code, ErrNothingToUndo)
	}
	was := f.Marks[i]
	was.Account = f.Account.Code
	if err := d.mark(ctx, domain.QueueMark{Key: key, Account: f.Account.Code, Until: d.opt.AsOf, On: d.opt.AsOf}); err != nil {
		return domain.QueueMark{}, err
	}
	return was, nil
}

// UndoLast takes back the newest done or snooze the author (in ctx) made
// today, read from the book as it is now; each call takes back the one
// before. It returns what was taken back, with its item.
func (d *Desk) UndoLast(ctx context.Context) (Marked, error) {
	if err := permit(ctx, Collector, "undoing"); err != nil {
		return Marked{}, err
	}
	v, err := d.Refresh() // a mark just made is in the view before we look
	if err != nil {
		return Marked{}, err
	}
	m, ok := v.LastMark(store.AuthorOf(ctx))
	if !ok {
		return Marked{}, ErrNothingToUndo
	}
	if _, err := d.Undo(ctx, m.Mark.Account, m.Mark.Key); err != nil {
		return Marked{}, err
	}
	return m, nil
}
