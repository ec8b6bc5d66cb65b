package renewals

import (
	"cmp"
	"fmt"
	"slices"
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
	{"days left", "Days", false},
	{"notice by", "Notice by", false},
	{"account", "Account", false},
	{"revenue 12m", "Rev 12m", true},
	{"utilisation", "Util", true},
	{"open issues", "Issues", true},
}

// Groups are the groupings `g` cycles through: by the contract's state
// (due for renewal first), by owner, or none.
var Groups = []string{"status", "owner", "none"}

func spec(c common.Common) common.ListSpec[Row] {
	names := make([]string, len(Sorts))
	cols := make([]common.SortColumn, len(Sorts))
	for i, s := range Sorts {
		names[i] = s.Name
		cols[i] = common.SortColumn{Column: s.Column, Desc: s.Desc}
	}
	return common.ListSpec[Row]{
		Key:         func(r *Row) string { return r.Code + "\x00" + r.K.ID },
		Match:       func(r *Row) (string, string) { return r.code, r.name },
		Words:       func(r *Row) string { return common.Fold(r.Contract) + " " + r.owner + " " + r.Status },
		Sorts:       names,
		SortColumns: cols,
		Last:        func(r *Row, sort int) bool { return sort == 4 && !r.hasUtil },
		Groups:      Groups,
		GroupKey:    c.Keys.Group,
		Order:       Order,
		Group:       Group,
	}
}

// statusRank orders the status groups: what needs doing first.
func statusRank(r *Row) int {
	switch {
	case r.Due:
		return 0
	case r.Status == domain.ContractLapsed:
		return 1
	case r.Status == domain.ContractActive:
		return 2
	case r.Status == domain.ContractRenewed:
		return 3
	}
	return 4
}

func groupKey(r *Row, group int) string {
	switch Groups[group] {
	case "status":
		return strconv.Itoa(statusRank(r))
	case "owner":
		if r.Owner == "" {
			return "\uffff" // unowned last
		}
		return r.Owner
	}
	return ""
}

// Order is every row's index in a sort within a grouping; ties go by days
// left, then account and contract. Revenue compares within a currency only
// (currencies in code order).
func Order(rows []*Row, sort, group int) []int {
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	desc := func(x, y float64) int { return cmp.Compare(y, x) }
	slices.SortStableFunc(idx, func(i, j int) int {
		a, b := rows[i], rows[j]
		if g := strings.Compare(groupKey(a, group), groupKey(b, group)); g != 0 {
			return g
		}
		var c int
		switch sort {
		case 1:
			c = cmp.Compare(a.st.NoticeBy, b.st.NoticeBy)
		case 2:
			c = strings.Compare(a.Code, b.Code)
		case 3:
			c = cmp.Or(strings.Compare(string(a.Cur), string(b.Cur)), desc(a.revenue, b.revenue))
		case 4:
			switch {
			case a.hasUtil && !b.hasUtil:
				c = -1 // rows without a limit last
			case !a.hasUtil && b.hasUtil:
				c = 1
			default:
				c = desc(a.u, b.u)
			}
		case 5:
			c = cmp.Compare(b.Issues, a.Issues)
		}
		return cmp.Or(c, cmp.Compare(a.st.DaysLeft, b.st.DaysLeft), strings.Compare(a.Code, b.Code), strings.Compare(a.K.ID, b.K.ID))
	})
	return idx
}

// heading is a group's title.
func heading(r *Row, group, horizon int) string {
	if Groups[group] == "owner" {
		if r.Owner == "" {
			return "No owner"
		}
		return "Owner: " + r.Owner
	}
	switch statusRank(r) {
	case 0:
		return fmt.Sprintf("Due for renewal within %d days", horizon)
	case 1:
		return "Lapsed without a renewal"
	case 2:
		return "Active"
	case 3:
		return "Renewed"
	}
	return "Terminated"
}

// Group turns ordered rows into lines, a heading with its count (and, by
// owner, how many are due) before each group.
func Group(rows []*Row, order []int, group int) []common.Line {
	if Groups[group] == "none" {
		return common.GroupLines(order, nil, nil)
	}
	return common.GroupLines(order, func(r int) string { return groupKey(rows[r], group) }, func(run []int) string {
		first := rows[run[0]]
		h := heading(first, group, first.horizon) + " · " + common.Count(len(run), "contract")
		due := 0
		for _, r := range run {
			if rows[r].Due {
				due++
			}
		}
		if Groups[group] == "owner" && due > 0 {
			h += fmt.Sprintf(", %d due", due)
		}
		return h
	})
}
