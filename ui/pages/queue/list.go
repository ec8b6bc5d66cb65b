package queue

import (
	"sort"
	"strings"

	"acctdesk/domain"
	dq "acctdesk/domain/queue"
	"acctdesk/ui/common"
)

// spec tells the list behaviour about the queue's rows.
func spec(c common.Common) common.ListSpec[row] {
	return common.ListSpec[row]{
		Key:      func(r *row) string { return r.item.Key },
		Match:    func(r *row) (string, string) { return r.code, r.name },
		Words:    func(r *row) string { return r.words },
		Sorts:    []string{"rank", "due", "at stake", "account"},
		Groups:   []string{"none", "reason", "owner"},
		GroupKey: c.Keys.QueueGroup,
		Order:    func(rows []*row, sort, _ int) []int { return Order(rows, sort) },
		Group:    Group,

		SortColumns: []common.SortColumn{{Column: "#"}, {Column: "Due"}, {Column: "At stake", Desc: true}, {Column: "Account"}},
	}
}

// Order is the rows' indices (in rank order) in a sort order: 0 rank, 1
// due, 2 stake, 3 account; in every order what still asks for work comes
// first (unworked, then worked today, then handled today: dq.Rank).
// Grouping keeps the order within each group.
func Order(rows []*row, mode int) []int {
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	if mode == 0 {
		return idx // the rows are ranked already (prepare)
	}
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := rows[idx[a]].item, rows[idx[b]].item
		if sx, sy := x.Standing(), y.Standing(); sx != sy {
			return sx < sy
		}
		switch mode {
		case 1:
			xd, yd := x.Due, y.Due
			if xd == 0 {
				xd = 1 << 30
			}
			if yd == 0 {
				yd = 1 << 30
			}
			return xd < yd
		case 2:
			if x.Stake.Currency != y.Stake.Currency {
				return x.Stake.Currency < y.Stake.Currency
			}
			return x.Stake.Amount.GreaterThan(y.Stake.Amount)
		default:
			return x.Account < y.Account
		}
	})
	return idx
}

// reasons are the reason codes in the order of SPEC §7, with their group titles.
var reasons = []struct{ code, title string }{
	{dq.BrokenPromise, "Broken promises"},
	{dq.PromiseDue, "Promises due"},
	{dq.PlanMissed, "Missed plan instalments"},
	{dq.FollowUp, "Follow-ups"},
	{dq.Overdue, "Overdue"},
	{dq.CreditBreach, "Credit breaches"},
	{dq.CreditWarning, "Credit warnings"},
	{dq.OverdraftExpiring, "Overdrafts expiring"},
	{dq.EscalationDue, "Escalations due"},
	{dq.ServiceSLA, "Service SLAs"},
	{dq.Renewal, "Renewals"},
	{dq.QBRDue, "QBRs due"},
	{dq.GoLiveLate, "Late go-lives"},
	{dq.StaleContact, "No recent contact"},
	{dq.DisputeStale, "Stale disputes"},
}

func reasonRank(code string) int {
	for i, r := range reasons {
		if r.code == code {
			return i
		}
	}
	return len(reasons)
}

func reasonTitle(code string) string {
	if i := reasonRank(code); i < len(reasons) {
		return reasons[i].title
	}
	return code
}

// Group puts the rows of order into groups (1 by reason in the order of
// SPEC §7, 2 by owner A–Z with the unowned last), keeping order within each,
// with a heading that gives the count and the money at stake per currency.
func Group(rows []*row, order []int, group int) []common.Line {
	if group == 0 {
		out := make([]common.Line, len(order))
		for i, ix := range order {
			out[i] = common.Line{Row: ix}
		}
		return out
	}
	// Each row's group, worked out once: by reason its place in SPEC §7, by
	// owner the owner (the unowned last).
	var rank []int
	key := func(it *dq.Item) string {
		if it.Owner == "" {
			return "\uffff"
		}
		return it.Owner
	}
	sorted := append([]int(nil), order...)
	if group == 1 {
		rank = make([]int, len(rows))
		for _, ix := range sorted {
			rank[ix] = reasonRank(rows[ix].item.Reason)
		}
		sort.SliceStable(sorted, func(a, b int) bool {
			x, y := sorted[a], sorted[b]
			if rank[x] != rank[y] {
				return rank[x] < rank[y]
			}
			return rows[x].item.Reason < rows[y].item.Reason // codes unknown here share a rank
		})
		key = func(it *dq.Item) string { return it.Reason }
	} else {
		sort.SliceStable(sorted, func(a, b int) bool { return key(rows[sorted[a]].item) < key(rows[sorted[b]].item) })
	}
	out := make([]common.Line, 0, len(sorted)+16)
	start, n := -1, 0
	stake := domain.Totals{}
	flush := func() {
		if start < 0 {
			return
		}
		it := rows[out[start+1].Row].item
		title := reasonTitle(it.Reason)
		if group == 2 {
			title = "Owner: " + common.Clean(it.Owner)
			if it.Owner == "" {
				title = "No owner"
			}
		}
		h := title + " · " + common.Count(n, "item")
		var parts []string
		for _, c := range stake.Currencies() {
			if !stake[c].IsZero() {
				parts = append(parts, common.ShortMoney(stake[c], c))
			}
		}
		if len(parts) > 0 {
			h += " · " + strings.Join(parts, " + ") + " at stake"
		}
		out[start].Heading = h
	}
	prev := "\x00"
	for _, ix := range sorted {
		it := rows[ix].item
		if g := key(it); g != prev {
			flush()
			prev, start, n = g, len(out), 0
			stake = domain.Totals{}
			out = append(out, common.Line{Row: -1})
		}
		stake.Add(it.Stake.Currency, it.Stake.Amount)
		n++
		out = append(out, common.Line{Row: ix})
	}
	flush()
	return out
}
