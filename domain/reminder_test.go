package domain

import (
	"testing"
)

func TestReminderOf(t *testing.T) {
	// As of 2026-12-01 (asOf). Levels 1/15/30 days past due, cadence 7.
	// Days past due = 2026-12-01 − due: due 11-30 → 1, 11-17 → 14,
	// 11-16 → 15, 11-02 → 29, 11-01 → 30; due 12-01 → 0 (not yet overdue).
	asOf := MustDate("2026-12-01")
	one := func(due string) []Invoice { return []Invoice{inv("I1", "2026-10-01", due, "100")} }
	rem := func(id uint64, on string, level int) Activity {
		return Activity{ID: id, Account: "A", On: MustDate(on), Kind: KindReminder, Outcome: ReminderOutcome(level)}
	}
	type want struct {
		level, oldest, last int
		total               string
		due                 bool
	}
	cases := []struct {
		name     string
		invs     []Invoice
		disputed []string
		pays     []Payment
		promises []Promise
		acts     []Activity
		want     want
	}{
		{"0 days: not overdue", one("2026-12-01"), nil, nil, nil, nil, want{0, 0, 0, "0", false}},
		{"1 day: level 1", one("2026-11-30"), nil, nil, nil, nil, want{1, 1, 0, "100", true}},
		{"14 days: still level 1", one("2026-11-17"), nil, nil, nil, nil, want{1, 14, 0, "100", true}},
		{"15 days: level 2", one("2026-11-16"), nil, nil, nil, nil, want{2, 15, 0, "100", true}},
		{"29 days: still level 2", one("2026-11-02"), nil, nil, nil, nil, want{2, 29, 0, "100", true}},
		{"30 days: final notice", one("2026-11-01"), nil, nil, nil, nil, want{3, 30, 0, "100", true}},
		// Paid in full (100 − 100 = 0 outstanding): nothing overdue.
		{"paid", one("2026-11-01"), nil, []Payment{pay("P1", "2026-11-20", "100", "")}, nil, nil, want{0, 0, 0, "0", false}},

		// Cadence: a level-2 reminder 6 days ago (11-25, 12-01 − 11-25 = 6)
		// at the same level is not due; 7 days ago (11-24) it is.
		{"same level 6 days ago", one("2026-11-16"), nil, nil, nil, []Activity{rem(1, "2026-11-25", 2)}, want{2, 15, 2, "100", false}},
		{"same level 7 days ago", one("2026-11-16"), nil, nil, nil, []Activity{rem(1, "2026-11-24", 2)}, want{2, 15, 2, "100", true}},
		// Level 1 written yesterday, the account is now at level 2 (15 days): due.
		{"higher level", one("2026-11-16"), nil, nil, nil, []Activity{rem(1, "2026-11-30", 1)}, want{2, 15, 1, "100", true}},
		// A level-1 reminder written today, though the level is now 2: never twice a day.
		{"written today", one("2026-11-16"), nil, nil, nil, []Activity{rem(1, "2026-12-01", 1)}, want{2, 15, 1, "100", false}},
		// The last reminder is the latest by day: level 3 on 11-20, then
		// level 2 on 11-28 (a later day; 12-01 − 11-28 = 3 < 7): not due.
		{"latest decides", one("2026-11-16"), nil, nil, nil,
			[]Activity{rem(5, "2026-11-20", 3), rem(2, "2026-11-28", 2)}, want{2, 15, 2, "100", false}},
		// A reminder dated after the as-of date does not exist yet.
		{"future reminder", one("2026-11-16"), nil, nil, nil, []Activity{rem(1, "2026-12-05", 2)}, want{2, 15, 0, "100", true}},

		// Disputed oldest (I1 due 11-01, 30 days) is skipped: the level is by
		// I2 due 11-16 (15 days) = 2, and the total due is I2's 50 only.
		{"disputed oldest skipped",
			[]Invoice{inv("I1", "2026-10-01", "2026-11-01", "100"), inv("I2", "2026-10-10", "2026-11-16", "50")},
			[]string{"I1"}, nil, nil, nil, want{2, 15, 0, "50", true}},
		// Only a disputed invoice overdue: no level, nothing due.
		{"only disputed", one("2026-11-01"), []string{"I1"}, nil, nil, nil, want{0, 0, 0, "0", false}},
		// An open promise of 100 given 11-25, due 12-05 (still open as of
		// 12-01) covers I1 (100, 30 days) in full: the level is by I2 (due
		// 11-30, 1 day) = 1; both still count in the total due, 100 + 40 = 140.
		{"promise covers the oldest",
			[]Invoice{inv("I1", "2026-10-01", "2026-11-01", "100"), inv("I2", "2026-10-10", "2026-11-30", "40")},
			nil, nil, []Promise{{ID: 1, Account: "A", Amount: d("100"), Currency: "NGN", GivenOn: MustDate("2026-11-25"), DueOn: MustDate("2026-12-05")}},
			nil, want{1, 1, 0, "140", true}},
		// A promise of 60 covers 60 of I1's 100: 40 uncovered, so I1 still sets level 3.
		{"promise covers part of the oldest",
			[]Invoice{inv("I1", "2026-10-01", "2026-11-01", "100"), inv("I2", "2026-10-10", "2026-11-30", "40")},
			nil, nil, []Promise{{ID: 1, Account: "A", Amount: d("60"), Currency: "NGN", GivenOn: MustDate("2026-11-25"), DueOn: MustDate("2026-12-05")}},
			nil, want{3, 30, 0, "140", true}},
		// A promise covering everything overdue: no level, though 100 is overdue.
		{"promise covers all",
			one("2026-11-01"), nil, nil, []Promise{{ID: 1, Account: "A", Amount: d("100"), Currency: "NGN", GivenOn: MustDate("2026-11-25"), DueOn: MustDate("2026-12-05")}},
			nil, want{0, 0, 0, "100", false}},
		// A broken promise (due 11-20, grace 3 → deadline 11-23, nothing paid) covers nothing: level 3.
		{"broken promise covers nothing",
			one("2026-11-01"), nil, nil, []Promise{{ID: 1, Account: "A", Amount: d("100"), Currency: "NGN", GivenOn: MustDate("2026-11-10"), DueOn: MustDate("2026-11-20")}},
			nil, want{3, 30, 0, "100", true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			invs := append([]Invoice(nil), c.invs...)
			for i := range invs {
				for _, n := range c.disputed {
					if invs[i].Number == n {
						invs[i].Disputed = true
					}
				}
			}
			f := file(invs, c.pays, nil)
			f.Promises, f.Activities = c.promises, c.acts
			x, err := FactsOf(f)
			if err != nil {
				t.Fatal(err)
			}
			st := ReminderOf(&x, DefaultSettings(), asOf)
			got := want{st.Level, st.Oldest, st.LastLevel, st.TotalDue.String(), st.Due}
			if got != c.want {
				t.Errorf("got level %d oldest %d last %d total %s due %v; want level %d oldest %d last %d total %s due %v",
					got.level, got.oldest, got.last, got.total, got.due, c.want.level, c.want.oldest, c.want.last, c.want.total, c.want.due)
			}
		})
	}
}

func TestReminderSettings(t *testing.T) {
	for _, c := range []struct {
		r  Reminders
		ok bool
	}{
		{DefaultReminders(), true},
		{Reminders{Levels: []int{1, 15}, CadenceDays: 7}, false},     // two levels
		{Reminders{Levels: []int{0, 15, 30}, CadenceDays: 7}, false}, // level 1 from 0 days: not overdue
		{Reminders{Levels: []int{1, 30, 15}, CadenceDays: 7}, false}, // not rising
		{Reminders{Levels: []int{1, 15, 30}, CadenceDays: 0}, false}, // no cadence
		{Reminders{Levels: []int{3, 10, 21}, CadenceDays: 14}, true},
	} {
		if err := c.r.Validate(); (err == nil) != c.ok {
			t.Errorf("%+v: Validate = %v; want ok %v", c.r, err, c.ok)
		}
	}
	if err := (Activity{Account: "A", On: MustDate("2026-12-01"), Kind: KindReminder, Outcome: "level-4"}).Validate(); err == nil {
		t.Error("a reminder at level 4 is valid")
	}
	// The touch keeps the level; OutcomeName is a call's only.
	tc := TouchOf(Activity{ID: 3, Account: "A", On: MustDate("2026-12-01"), Kind: KindReminder, Outcome: "level-3"})
	if tc.KindName() != KindReminder || tc.Outcome != 3 || tc.OutcomeName() != "" {
		t.Errorf("touch %+v: kind %s, outcome name %q", tc, tc.KindName(), tc.OutcomeName())
	}
}
