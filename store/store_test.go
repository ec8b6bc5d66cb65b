package store

import "testing"

func TestSummary(t *testing.T) {
	var big Result
	for range 2466 {
		big.Count(KindInvoices, WasAdded)
	}
	cases := []struct {
		name string
		r    func() Result
		want string
	}{
		{"empty", func() Result { return Result{} }, "nothing to import"},
		{"the issue's example", func() Result {
			var r Result
			// Counted out of order: the summary keeps the fixed order of kinds.
			r.Count(KindAccountsCreated, WasAdded)
			r.Count(KindPaidOn, WasAdded)
			for range 3 {
				r.Count(KindInvoices, WasAdded)
			}
			r.Count(KindAccountsCreated, WasAdded)
			return r
		}, "3 invoices added, 1 payment added (from paid_on), 2 accounts created"},
		{"every verb of a kind, singular and plural", func() Result {
			var r Result
			r.Count(KindCredits, WasRemoved)
			r.Count(KindCredits, WasUnchanged)
			r.Count(KindCredits, WasUnchanged)
			r.Count(KindCredits, WasUpdated)
			r.Count(KindCredits, WasAdded)
			return r
		}, "1 credit note added, 1 credit note updated, 2 credit notes unchanged, 1 credit note removed"},
		{"thousands grouped", func() Result { return big }, "2,466 invoices added"},
		{"the rest after balances", func() Result {
			var r Result
			r.Count(KindMarks, WasAdded)
			r.Count(KindActivities, WasAdded)
			r.Count(KindBalances, WasUpdated)
			r.Count(KindAccounts, WasUnchanged)
			r.Count(KindTargets, WasAdded)
			return r
		}, "1 account unchanged, 1 target added, 1 balance updated, 1 activity added, 1 queue mark added"},
	}
	for _, c := range cases {
		if got := c.r().Summary(); got != c.want {
			t.Errorf("%s: Summary = %q, want %q", c.name, got, c.want)
		}
	}
	// The totals stay: 3 + 1 + 2 = 6 added.
	r := cases[1].r()
	if r.Added != 6 || r.Updated != 0 || r.String() != "6 added, 0 updated, 0 unchanged" {
		t.Errorf("totals %v", r)
	}
}

func TestGrouped(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 123456: "123,456", 1234567: "1,234,567", -1000: "-1,000"} {
		if got := grouped(n); got != want {
			t.Errorf("grouped(%d) = %q, want %q", n, got, want)
		}
	}
}
