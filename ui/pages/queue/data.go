package queue

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/domain"
	dq "acctdesk/domain/queue"
	"acctdesk/ui/common"
)

// data is the queue of one view, ready to show.
type data struct {
	asOf      domain.Date
	rows      []*row // every item, in rank order
	marks     []*row // every done or snoozed item, the newest mark first (Z), when withMarks
	withMarks bool
	owner     string // the user as the book spells an owner; "" when they own none
	progress  [2]Progress
	names     names         // kept for the next view
	changes   *desk.Changes // what changed since the working day before (SPEC §9.6), kept for the next view
}

// names are accounts' codes and names folded for the filter, by code, with
// the name each was folded from. A name seldom changes: they are kept from
// view to view, and never changed once made.
type names map[string]foldedName

type foldedName struct{ raw, code, name string }

// row is an item of the view's queue with its folded code and name, and
// its reason and sentence folded for the filter (words); in the list of done
// and snoozed items, with its mark.
type row struct {
	item       *dq.Item // in the view: shared, never changed
	code, name string
	words      string
	mark       *desk.Marked
}

// Progress is the day's work on one scope: "7 of 23 handled today".
type Progress struct{ Handled, Total int }

// prepared is the answer to the preparation numbered seq.
type prepared struct {
	seq  int
	data *data
}

// prepare readies a view's queue: the items' filter keys (folded again
// only for the accounts known has not seen under that name), whose the
// user's accounts are, and the day's progress for everyone and for the
// user; what changed since the working day before (kept from changes for
// the accounts whose facts are the same); and, withMarks, the done and snoozed items (Z). Everything it
// reads is passed in; the view and known are never changed.
func prepare(seq int, v *desk.View, user string, known names, changes *desk.Changes, withMarks bool) tea.Cmd {
	return func() tea.Msg {
		d := &data{asOf: v.AsOf, rows: make([]*row, len(v.Queue)), owner: v.Owner(user), names: known, withMarks: withMarks}
		rows := make([]row, len(v.Queue))
		fresh := names{}
		for i := range v.Queue {
			it := &v.Queue[i]
			f, ok := known[it.Account]
			if !ok || f.raw != it.Name {
				if f, ok = fresh[it.Account]; !ok || f.raw != it.Name {
					f = foldedName{raw: it.Name, code: common.Fold(it.Account), name: common.Fold(it.Name)}
					fresh[it.Account] = f
				}
			}
			rows[i] = row{item: it, code: f.code, name: f.name, words: wordsOf(it)}
			d.rows[i] = &rows[i]
		}
		// The items worked today go below the others, in rank order
		// within each standing (dq.ByStanding): # is the place in that order.
		slices.SortStableFunc(d.rows, func(a, b *row) int { return cmp.Compare(a.item.Standing(), b.item.Standing()) })
		if withMarks {
			d.marks = markRows(v)
		}
		if len(fresh) > 0 {
			d.names = maps.Clone(known)
			if d.names == nil {
				d.names = names{}
			}
			maps.Copy(d.names, fresh)
		}
		d.changes = v.WhatChanged(0, changes)
		d.progress[0].Handled, d.progress[0].Total = v.Progress("")
		if d.owner != "" {
			d.progress[1].Handled, d.progress[1].Total = v.Progress(d.owner)
		}
		return prepared{seq, d}
	}
}

// scope is the rows of owner's accounts, in rank order.
func scope(rows []*row, owner string) []*row {
	out := make([]*row, 0, len(rows))
	for _, r := range rows {
		if r.item.Owner == owner {
			out = append(out, r)
		}
	}
	return out
}

// wordsOf is what the filter finds an item by besides its account: its
// reason ("promise-due" and "Promises due") and its sentence, folded.
func wordsOf(it *dq.Item) string {
	return common.Fold(strings.ReplaceAll(it.Reason, "-", " ") + " · " + reasonTitle(it.Reason) + " · " + it.Detail)
}

// markRows are the view's done and snoozed items (desk.View.Marks), the
// newest mark first. A mark whose condition is gone shows its key.
func markRows(v *desk.View) []*row {
	ms := v.Marks("")
	out := make([]*row, len(ms))
	for i := range ms {
		m := &ms[i]
		it := &m.Item
		if it.Key == "" {
			it.Account, it.Key, it.Reason = m.Mark.Account, m.Mark.Key, strings.SplitN(m.Mark.Key, ":", 2)[0]
			it.Detail = "its condition no longer arises (" + m.Mark.Key + ")"
			it.Why = it.Detail
			if x := v.Facts(m.Mark.Account); x != nil {
				it.Name, it.Owner, it.Tier = x.Account.Name, x.Account.Owner, x.Account.Tier
			}
		}
		out[i] = &row{item: it, code: common.Fold(it.Account), name: common.Fold(it.Name), words: wordsOf(it), mark: m}
	}
	return out
}
