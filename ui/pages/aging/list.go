package aging

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"acctdesk/domain"
	"acctdesk/ui/common"
)

// spec tells the list behaviour about the aging's rows.
func spec(c common.Common) common.ListSpec[Row] {
	return common.ListSpec[Row]{
		Key:   func(r *Row) string { return r.Code },
		Match: func(r *Row) (string, string) { return r.code, r.name },
		Sorts: []string{"account", "total", "oldest bucket", "overdue", "name"},
		// the oldest bucket's column is named by the book's edges: the view marks it
		SortColumns: []common.SortColumn{{Column: "Account"}, {Column: "Total", Desc: true}, {Desc: true}, {Desc: true}, {Column: "Name"}},
		Groups:      []string{"none", "owner", "tier"},
		GroupKey:    c.Keys.Group,
		Order:       Order,
		Group:       Group,
	}
}

func groupKey(r *Row, g int) string {
	switch g {
	case 1:
		if r.Owner == "" {
			return "\uffff"
		}
		return r.Owner
	case 2:
		return strconv.Itoa(r.Tier)
	}
	return ""
}

// Order sorts rows by mode within groups; money compares within a currency.
func Order(rows []*Row, mode, group int) []int {
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := rows[idx[i]], rows[idx[j]]
		if g := strings.Compare(groupKey(a, group), groupKey(b, group)); g != 0 {
			return g < 0
		}
		var ka, kb float64
		switch mode {
		case 1, 2, 3:
			if a.Cur != b.Cur {
				return a.Cur < b.Cur
			}
			k := len(a.keys) - 2 // total
			switch mode {
			case 2:
				// the oldest bucket first, then the next …
				for x := len(a.keys) - 3; x > 0; x-- {
					if a.keys[x] != b.keys[x] {
						return a.keys[x] > b.keys[x]
					}
				}
			case 3:
				k = len(a.keys) - 1
			}
			ka, kb = a.keys[k], b.keys[k]
			if ka != kb {
				return ka > kb
			}
		case 4:
			if a.name != b.name {
				return a.name < b.name
			}
		}
		return a.Code < b.Code
	})
	return idx
}

// Group puts a heading with the group's net and overdue per currency before each group.
func Group(rows []*Row, order []int, group int) []common.Line {
	if group == 0 {
		out := make([]common.Line, len(order))
		for i, r := range order {
			out[i] = common.Line{Row: r}
		}
		return out
	}
	var out []common.Line
	start, n := -1, 0
	net, over := domain.Totals{}, domain.Totals{}
	flush := func() {
		if start < 0 {
			return
		}
		r := rows[out[start+1].Row]
		title := "Tier " + strconv.Itoa(r.Tier)
		if group == 1 {
			title = "Owner: " + r.Owner
			if r.Owner == "" {
				title = "No owner"
			}
		}
		var parts []string
		for _, c := range net.Currencies() {
			parts = append(parts, "net "+common.ShortMoney(net[c], c)+", overdue "+common.ShortMoney(over[c], c))
		}
		out[start].Heading = fmt.Sprintf("%s · %d · %s", title, n, strings.Join(parts, " | "))
	}
	prev := "\x00"
	for _, i := range order {
		if g := groupKey(rows[i], group); g != prev {
			flush()
			prev, start, n = g, len(out), 0
			net, over = domain.Totals{}, domain.Totals{}
			out = append(out, common.Line{Row: -1})
		}
		net.Add(rows[i].Cur, rows[i].Aging.Net())
		over.Add(rows[i].Cur, rows[i].Aging.Overdue())
		n++
		out = append(out, common.Line{Row: i})
	}
	flush()
	return out
}
