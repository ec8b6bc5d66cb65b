package demo_test

import (
	"context"
	"fmt"
	"testing"

	"acctdesk/demo"
	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/memstore"
)

// TestDemoExercisesCollections: a 40-account demo book as of the date the
// testdata/before goldens are made shows every part of SPEC §9 (issue 13
// item 6), by the domain's own rules: open and resolved disputes (one
// withdrawn, one with a DC- credit note against its invoice) and the
// average dispute days, a stale dispute on a quiet account, a plan with a
// missed instalment and one kept, accounts at reminder levels 1, 2 and 3,
// a final notice sent 3 days ago (not due) and one sent 10 days ago (due
// again), an open promise covering an account's oldest undisputed invoice
// and an open promise partly paid.
func TestDemoExercisesCollections(t *testing.T) {
	A := domain.MustDate("2026-11-22")
	for seed := uint64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
			st := memstore.New()
			ctx := store.WithAuthor(context.Background(), "demo")
			set := domain.DefaultSettings()
			if err := st.SaveSettings(ctx, set); err != nil {
				t.Fatal(err)
			}
			credits := map[string]domain.CreditNote{}
			err := demo.Generate(demo.Options{AsOf: A, Seed: seed, Accounts: 40}, func(b *store.Batch) error {
				for _, r := range b.Credits {
					credits[r.V.Number] = r.V
				}
				_, err := st.Apply(ctx, b)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			page, err := st.Facts("", 1000)
			if err != nil || len(page.Facts) != 40 {
				t.Fatalf("%d accounts, %v", len(page.Facts), err)
			}
			grace := set.Thresholds.PromiseGraceDays
			var open, withdrawn, credited, stale, avg, missedPlan, keptPlan, notDue, dueAgain, covering, partPaid int
			levels := map[int]int{}
			for _, x := range page.Facts {
				code := x.Account.Code
				var last domain.Date
				for _, tc := range x.Touches {
					if tc.On <= A && tc.On > last {
						last = tc.On
					}
				}
				for _, r := range domain.DisputeRows(x, A, A.AddDays(-364)) {
					switch {
					case r.IsOpen():
						open++
						// dispute-stale: open over 14 days, owing, nothing for 7 days.
						if r.DaysOpen > 14 && r.Outstanding.IsPositive() && (last.IsZero() || A.DaysSince(last) >= 7) {
							stale++
						}
					case r.Credit == "":
						withdrawn++
					default:
						cn, ok := credits[r.Credit]
						if r.Credit != domain.DisputeCredit(r.Invoice, r.Seq) || !ok || cn.Invoice != r.Invoice || cn.Reason != "price-correction" || cn.Date != r.ResolvedOn {
							t.Errorf("%s: dispute on %s resolved with %q: credit note %+v", code, r.Invoice, r.Credit, cn)
						}
						credited++
					}
				}
				if _, n, ok := domain.AverageDisputeDays(x.Disputes, A); ok && n >= 2 {
					avg++
				}
				for _, p := range x.Plans {
					sts := domain.InstalmentStatuses(p, &x.Ledger, A, grace)
					missed, kept := false, 0
					for k, s := range sts {
						if s == "missed" {
							missed = true
						}
						if s == "kept" && p.Instalments[k].Due < A {
							kept++
						}
					}
					if missed {
						missedPlan++
					} else if kept >= 2 {
						keptPlan++
					}
				}
				r := domain.ReminderOf(x, set, A)
				levels[r.Level]++
				if r.LastLevel == r.Level && r.Level > 0 {
					// Cadence 7 days: 3 days since → not due; 10 → due again.
					switch d := A.DaysSince(r.LastOn); {
					case d < set.Reminders.CadenceDays && !r.Due:
						notDue++
					case d >= set.Reminders.CadenceDays && r.Due:
						dueAgain++
					}
				}
				covers := domain.PromiseCover(x, A)
				for _, c := range covers {
					if !c.Disputed {
						if c.Covered.Equal(c.Outstanding) {
							covering++
						}
						break // the oldest undisputed open invoice
					}
				}
				for _, p := range x.Promises {
					ps := domain.PromiseStatus(p, &x.Ledger, A, grace)
					if ps.Status == domain.PromiseOpen && ps.Paid.IsPositive() && ps.Paid.LessThan(p.Amount) {
						partPaid++
					}
				}
			}
			for name, n := range map[string]int{"open disputes": open, "disputes withdrawn": withdrawn,
				"disputes resolved with a credit note": credited, "stale disputes": stale, "accounts with an average dispute days": avg,
				"plans with a missed instalment": missedPlan, "plans kept": keptPlan, "reminders not yet due again": notDue,
				"reminders due again": dueAgain, "promises covering the oldest invoice": covering, "open promises partly paid": partPaid,
				"accounts at level 1": levels[1], "accounts at level 2": levels[2], "accounts at level 3": levels[3]} {
				if n == 0 {
					t.Errorf("no %s", name)
				}
			}
		})
	}
}
