package crosssell

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
)

// Row is one account, formatted once per change of the account.
type Row struct {
	Code, Name, Owner string
	Tier              int
	Products          []string // invoiced in the 12 months ending the date, by name
	Single            bool     // exactly one of them
	Notes             string   // the expansion notes, on one line
	// WasSingle and Converted are the account in the conversions of the 12
	// months (domain's ConvertedIn): single-product at their start, and
	// multi-product at their end.
	WasSingle, Converted bool
	Churned              bool // not shown: churned accounts are no prospects

	ever       []string // the products it was ever sold (the columns)
	code, name string   // folded for the filter
	words      string   // the products, folded: /pms finds the PMS buyers
}

// data is the cross-sell of one view, ready to show.
type data struct {
	asOf     domain.Date
	period   domain.Period // the 12 months ending the date
	rows     common.AccountRows[Row]
	shown    []*Row   // the rows of the accounts not churned, by code
	products []string // every product the book has sold, by name: the columns
	conv     domain.Conversion
	// converted are the codes of the accounts that converted in the period.
	converted []string
	singles   int // single-product now
}

// prepared is the answer to the preparation numbered seq.
type prepared struct {
	seq  int
	data *data
}

// prepare formats a view's accounts, keeping the rows of old whose account
// did not change. Everything it reads is passed in; the view and old are
// never changed.
func prepare(seq int, v *desk.View, old common.AccountRows[Row]) tea.Cmd {
	return func() tea.Msg { return prepared{seq, dataOf(v, old)} }
}

func dataOf(v *desk.View, old common.AccountRows[Row]) *data {
	asOf := v.AsOf
	p, _ := domain.ParsePeriod("12m", asOf)
	d := &data{asOf: asOf, period: p}
	d.rows = old.Next(v.Sums, v.Touched, v.Settings, asOf, func(s *domain.Summary) Row { return rowOf(s.Facts, p, asOf) })
	var ever []string
	for _, r := range d.rows.Rows {
		ever = append(ever, r.ever...)
		if r.Churned {
			continue
		}
		d.shown = append(d.shown, r)
		if r.Single {
			d.singles++
		}
		if r.WasSingle {
			d.conv.Single++
		}
		if r.Converted {
			d.conv.Converted++
			d.converted = append(d.converted, r.Code)
		}
	}
	slices.Sort(ever)
	d.products = slices.Compact(ever)
	return d
}

// rowOf formats one account's facts.
func rowOf(x *domain.Facts, p domain.Period, asOf domain.Date) Row {
	a := x.Account
	l := &x.Ledger
	r := Row{Code: common.Clean(a.Code), Name: common.Clean(a.Name), Owner: common.Clean(a.Owner), Tier: a.Tier,
		Products: l.ProductsAt(asOf), Notes: common.Clean(a.ExpansionNotes), Churned: a.Status == domain.StatusChurned,
		ever: domain.BookProducts([]*domain.Ledger{l}, asOf)}
	r.Single = len(r.Products) == 1
	r.WasSingle, r.Converted = l.ConvertedIn(p, asOf)
	r.code, r.name = common.Fold(r.Code), common.Fold(r.Name)
	r.words = common.Fold(strings.Join(r.Products, " "))
	return r
}

// Has reports whether the account bought product p in the 12 months.
func (r *Row) Has(p string) bool {
	_, ok := slices.BinarySearch(r.Products, p)
	return ok
}

// Sorts are the orders s cycles through, with the column each marks.
var Sorts = []struct {
	Name, Column string
	Desc         bool
}{
	{"account", "Account", false},
	{"fewest products", "N", false}, // the candidates first: none, then one
	{"name", "Name", false},
	{"tier", "", false},
}

// Groups are the groupings g cycles through.
var Groups = []string{"none", "single or not", "owner", "tier"}

func spec(c common.Common) common.ListSpec[Row] {
	names := make([]string, len(Sorts))
	cols := make([]common.SortColumn, len(Sorts))
	for i, s := range Sorts {
		names[i], cols[i] = s.Name, common.SortColumn{Column: s.Column, Desc: s.Desc}
	}
	return common.ListSpec[Row]{
		Key:         func(r *Row) string { return r.Code },
		Match:       func(r *Row) (string, string) { return r.code, r.name },
		Words:       func(r *Row) string { return r.words },
		Sorts:       names,
		SortColumns: cols,
		Groups:      Groups,
		GroupKey:    c.Keys.Group,
		Order:       Order,
		Group:       Group,
	}
}

// Order is the rows' indices in a sort, within the groups of a grouping;
// ties by code.
func Order(rows []*Row, mode, group int) []int {
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	by := func(a, b *Row) int {
		switch mode {
		case 1:
			return len(a.Products) - len(b.Products)
		case 2:
			return strings.Compare(a.name, b.name)
		case 3:
			return a.Tier - b.Tier
		}
		return 0
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := rows[idx[i]], rows[idx[j]]
		if g := strings.Compare(groupKey(a, group), groupKey(b, group)); g != 0 {
			return g < 0
		}
		if c := by(a, b); c != 0 {
			return c < 0
		}
		return a.Code < b.Code
	})
	return idx
}

func groupKey(r *Row, group int) string {
	switch group {
	case 1:
		if r.Single {
			return "0"
		}
		if len(r.Products) == 0 {
			return "2"
		}
		return "1"
	case 2:
		if r.Owner == "" {
			return "\uffff" // unowned last
		}
		return r.Owner
	case 3:
		return strconv.Itoa(r.Tier)
	}
	return ""
}

func groupTitle(r *Row, group int) string {
	switch group {
	case 1:
		switch groupKey(r, group) {
		case "0":
			return "Single-product: the candidates"
		case "1":
			return "Multi-product"
		}
		return "Nothing invoiced in the 12 months"
	case 2:
		if r.Owner == "" {
			return "No owner"
		}
		return "Owner: " + r.Owner
	case 3:
		return fmt.Sprintf("Tier %d", r.Tier)
	}
	return ""
}

// Group puts a heading before each group of ordered rows, with how many
// accounts it has and how many of them are single-product.
func Group(rows []*Row, order []int, group int) []common.Line {
	if group == 0 {
		return common.GroupLines(order, nil, nil)
	}
	return common.GroupLines(order, func(r int) string { return groupKey(rows[r], group) }, func(run []int) string {
		h := groupTitle(rows[run[0]], group) + " · " + common.Count(len(run), "account")
		if group != 1 {
			singles := 0
			for _, r := range run {
				if rows[r].Single {
					singles++
				}
			}
			h += fmt.Sprintf(", %d single-product", singles)
		}
		return h
	})
}
