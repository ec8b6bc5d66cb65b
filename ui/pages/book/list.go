package book

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"acctdesk/domain"
	"acctdesk/ui/common"
)

// Sorts are the orders `s` cycles through, with the column each marks.
var Sorts = []struct {
	Name, Column string
	Desc         bool
}{
	{"account", "Account", false},
	{"AR", "AR", true},
	{"overdue", "Overdue", true},
	{"utilisation", "Util", true},
	{"DSO", "DSO", true},
	{"last contact", "Last", false},
	{"next follow-up", "Next", false},
	{"name", "Name", false},
	{"tier", "T", false},
	// The manager columns' (columns.go), from firstManagerSort.
	{"revenue 12m", "Rev 12m", true},
	{"margin", "Margin", true},
	{"NPS", "NPS", true},
	{"CSAT", "CSAT", true},
	{"expansion notes", "Expansion", false},
}

// spec tells the list behaviour about the book's rows.
func spec(c common.Common) common.ListSpec[Row] {
	names := make([]string, len(Sorts))
	cols := make([]common.SortColumn, len(Sorts))
	for i, s := range Sorts {
		names[i] = s.Name
		cols[i] = common.SortColumn{Column: s.Column, Desc: s.Desc}
	}
	return common.ListSpec[Row]{
		Key:         func(r *Row) string { return r.Code },
		Match:       matchRow,
		Sorts:       names,
		SortColumns: cols,
		Last:        lacks,
		Groups:      []string{"none", "owner", "tier"},
		GroupKey:    c.Keys.Group,
		Order:       Order,
		Group:       Group,
	}
}

func matchRow(r *Row) (string, string) { return r.code, r.name }

// lacks reports a row without the figure of a sort (no limit, no DSO, no
// follow-up): it is listed last either way round.
func lacks(r *Row, mode int) bool {
	switch mode {
	case 3:
		return !r.hasUtil
	case 4:
		return !r.hasDSO
	case 6:
		return r.next == 0
	}
	return managerLacks(r, mode)
}

// Order returns row indices sorted by the sort mode, within groups when grouped.
// Money sorts compare amounts within a currency only (currencies in code order).
func Order(rows []*Row, mode, group int) []int {
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	less := func(a, b *Row) int { // -1, 0, 1 in the mode's own order
		cmpF := func(x, y float64, hx, hy bool) int {
			switch {
			case hx != hy: // rows without the figure last
				if hx {
					return -1
				}
				return 1
			case x > y:
				return -1
			case x < y:
				return 1
			}
			return 0
		}
		cmpD := func(x, y domain.Date) int { // oldest first, none first
			switch {
			case x < y:
				return -1
			case x > y:
				return 1
			}
			return 0
		}
		switch mode {
		case 1, 2:
			if a.Cur != b.Cur {
				return strings.Compare(string(a.Cur), string(b.Cur))
			}
			if mode == 1 {
				return cmpF(a.ar, b.ar, true, true)
			}
			return cmpF(a.overdue, b.overdue, true, true)
		case 3:
			return cmpF(a.u, b.u, a.hasUtil, b.hasUtil)
		case 4:
			return cmpF(a.dso, b.dso, a.hasDSO, b.hasDSO)
		case 5:
			return cmpD(a.last, b.last)
		case 6:
			x, y := a.next, b.next
			if x == 0 {
				x = 1 << 30
			}
			if y == 0 {
				y = 1 << 30
			}
			return cmpD(x, y)
		case 7:
			return strings.Compare(a.name, b.name)
		case 8:
			return a.Tier - b.Tier
		}
		return managerOrder(a, b, mode)
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := rows[idx[i]], rows[idx[j]]
		if g := strings.Compare(groupKey(a, group), groupKey(b, group)); g != 0 {
			return g < 0
		}
		if c := less(a, b); c != 0 {
			return c < 0
		}
		return a.Code < b.Code
	})
	return idx
}

func groupKey(r *Row, group int) string {
	switch group {
	case 1:
		if r.Owner == "" {
			return "\uffff" // unowned last
		}
		return r.Owner
	case 2:
		return strconv.Itoa(r.Tier)
	}
	return ""
}

func groupTitle(r *Row, group int) string {
	switch group {
	case 1:
		if r.Owner == "" {
			return "No owner"
		}
		return "Owner: " + r.Owner
	case 2:
		return fmt.Sprintf("Tier %d", r.Tier)
	}
	return ""
}

// Group turns ordered rows into lines with a heading before each group, with
// its count and AR per currency.
func Group(rows []*Row, order []int, group int) []common.Line {
	if group == 0 {
		return common.GroupLines(order, nil, nil)
	}
	return common.GroupLines(order, func(r int) string { return groupKey(rows[r], group) }, func(run []int) string {
		totals, overdue := domain.Totals{}, domain.Totals{}
		for _, r := range run {
			totals.Add(rows[r].Cur, rows[r].arAmount)
			overdue.Add(rows[r].Cur, rows[r].owed)
		}
		var parts []string
		for _, c := range totals.Currencies() {
			parts = append(parts, "AR "+common.ShortMoney(totals[c], c)+", overdue "+common.ShortMoney(overdue[c], c))
		}
		return fmt.Sprintf("%s · %s · %s", groupTitle(rows[run[0]], group), common.Count(len(run), "account"), strings.Join(parts, " | "))
	})
}
