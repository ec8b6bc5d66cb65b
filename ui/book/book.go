// Package book is the Book pane: every account with its figures, sortable,
// filterable and grouped by owner or tier, with book totals per currency.
package book

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/shopspring/decimal"

	"acctdesk/domain"
	"acctdesk/ui/common"
)

// Row is one account, formatted once per data change.
type Row struct {
	Sum                       *domain.Summary
	Code, Name, Owner, Status string
	Products                  string
	Tier                      int
	Cur                       domain.Currency
	AR, Overdue, Util, DSO    string
	Last, Next                string
	UtilLevel                 int  // 0 fine, 1 at warning, 2 over the limit
	NextLate                  bool // the follow-up date has passed
	StaleLast                 bool // no contact for longer than the threshold

	code, name          string // folded for the filter
	ar, overdue, u, dso float64
	hasUtil, hasDSO     bool
	last, next          domain.Date
}

// Data is the book as of a date, ready to show.
type Data struct {
	AsOf   domain.Date
	Rows   []Row
	Totals []domain.CurrencyTotal
	// TotalText is each currency's total line, in a long and a short form.
	TotalText [][2]string
}

// Prepare formats the summaries (run inside a tea.Cmd).
func Prepare(sums []domain.Summary, totals []domain.CurrencyTotal, set domain.Settings, asOf domain.Date) *Data {
	d := &Data{AsOf: asOf, Rows: make([]Row, len(sums)), Totals: totals}
	for _, t := range totals {
		ar, ov := t.Aging.Net(), t.Aging.Overdue()
		dso := t.DSO(set.DSOPeriodDays)
		dsoText := "—"
		if dso.Valid {
			dsoText = dso.Days.Round(0).String() + " days"
		}
		acc := "accounts"
		if t.Accounts == 1 {
			acc = "account"
		}
		d.TotalText = append(d.TotalText, [2]string{
			fmt.Sprintf("%s · %d %s · AR %s · overdue %s (%s) · DSO %s", t.Currency, t.Accounts, acc,
				common.Money(ar, t.Currency), common.Money(ov, t.Currency), pctOf(ov, ar), dsoText),
			fmt.Sprintf("%s · %d acc · AR %s · overdue %s · DSO %s", t.Currency, t.Accounts,
				common.ShortMoney(ar, t.Currency), common.ShortMoney(ov, t.Currency), dsoText),
		})
	}
	th := set.Thresholds
	for i := range sums {
		s := &sums[i]
		a := s.Account()
		r := Row{
			Sum: s, Code: common.Clean(a.Code), Name: common.Clean(a.Name), Owner: common.Clean(a.Owner),
			Status: a.Status, Products: common.Clean(strings.Join(a.Products, ",")), Tier: a.Tier, Cur: a.Currency,
			last: s.LastContact, next: s.NextFollowUp,
		}
		r.code, r.name = common.Fold(r.Code), common.Fold(r.Name)
		ar, ov := s.AR(), s.Overdue()
		r.ar, r.overdue = ar.InexactFloat64(), ov.InexactFloat64()
		r.AR = common.ShortMoney(ar, a.Currency)
		if !ov.IsZero() {
			r.Overdue = common.ShortMoney(ov, a.Currency)
		}
		if s.HasUtil {
			r.hasUtil, r.u = true, s.Util.InexactFloat64()
			r.Util = common.Pct(s.Util)
			switch {
			case s.Util.GreaterThan(decimal.NewFromInt(int64(th.UtilBreachPct))):
				r.UtilLevel = 2
			case s.Util.GreaterThanOrEqual(decimal.NewFromInt(int64(th.UtilWarnPct))):
				r.UtilLevel = 1
			}
		}
		if s.DSO.Valid {
			r.hasDSO, r.dso = true, s.DSO.Days.InexactFloat64()
			r.DSO = s.DSO.Days.Round(0).String()
		} else {
			r.DSO = "—"
		}
		r.Last = common.Day(s.LastContact, asOf)
		if s.LastContact.IsZero() {
			r.Last = "never"
		}
		r.StaleLast = a.Status == domain.StatusActive && (s.LastContact.IsZero() || asOf.DaysSince(s.LastContact) > th.StaleContactDays)
		r.Next = common.Day(s.NextFollowUp, asOf)
		r.NextLate = !s.NextFollowUp.IsZero() && s.NextFollowUp <= asOf
		d.Rows[i] = r
	}
	return d
}

// Sorts are the orders `s` cycles through.
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
}

// Groupings are the groupings `g` cycles through.
var Groupings = []string{"none", "owner", "tier"}

// Order returns row indices sorted by the sort mode, within groups when grouped.
// Money sorts compare amounts within a currency only (currencies in code order).
func Order(rows []Row, mode, group int) []int {
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
		return 0
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := &rows[idx[i]], &rows[idx[j]]
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

// Filter keeps the rows of order whose code or name matches query (fuzzy).
func Filter(rows []Row, order []int, query string) []int {
	q := common.Fold(strings.TrimSpace(query))
	if q == "" {
		return order
	}
	out := make([]int, 0, len(order))
	for _, i := range order {
		if _, ok := common.MatchCodeName(q, rows[i].code, rows[i].name); ok {
			out = append(out, i)
		}
	}
	return out
}

// Line is one line of the list: a row, or a group heading.
type Line struct {
	Row     int // index into Rows, -1 for a heading
	Heading string
}

// Group turns ordered rows into lines with a heading before each group, with
// its count and AR per currency.
func Group(rows []Row, order []int, group int) []Line {
	if group == 0 {
		out := make([]Line, len(order))
		for i, r := range order {
			out[i] = Line{Row: r}
		}
		return out
	}
	out := make([]Line, 0, len(order)+8)
	start := -1
	var totals domain.Totals
	var overdue domain.Totals
	n := 0
	flush := func() {
		if start < 0 {
			return
		}
		var parts []string
		for _, c := range totals.Currencies() {
			parts = append(parts, "AR "+common.ShortMoney(totals[c], c)+", overdue "+common.ShortMoney(overdue[c], c))
		}
		h := groupTitle(&rows[out[start+1].Row], group)
		out[start].Heading = fmt.Sprintf("%s · %s · %s", h, common.Count(n, "account"), strings.Join(parts, " | "))
	}
	prev := "\x00"
	for _, r := range order {
		if g := groupKey(&rows[r], group); g != prev {
			flush()
			prev, start, n = g, len(out), 0
			totals, overdue = domain.Totals{}, domain.Totals{}
			out = append(out, Line{Row: -1})
		}
		s := rows[r].Sum
		totals.Add(rows[r].Cur, s.AR())
		overdue.Add(rows[r].Cur, s.Overdue())
		n++
		out = append(out, Line{Row: r})
	}
	flush()
	return out
}

// Pane is the book pane.
type Pane struct {
	common.Common
	data      *Data
	lines     []Line
	shown     int // accounts shown
	list      common.List
	filter    common.Field
	filtering bool
	sort      int
	group     int
	order     []int // cached sort for the current mode
}

// New makes an empty book pane.
func New(c common.Common) *Pane {
	p := &Pane{Common: c}
	p.filter.Placeholder = "code or name"
	return p
}

// SetData shows a new version of the book, keeping the cursor on the account.
func (p *Pane) SetData(d *Data) {
	keep, _ := p.Selected()
	p.data = d
	p.order = nil
	p.rebuild(keep)
}

// Loaded reports whether the pane has data.
func (p *Pane) Loaded() bool { return p.data != nil }

func (p *Pane) rebuild(keep string) {
	if p.data == nil {
		return
	}
	if p.order == nil {
		p.order = Order(p.data.Rows, p.sort, p.group)
	}
	shown := Filter(p.data.Rows, p.order, p.filter.String())
	p.shown = len(shown)
	p.lines = Group(p.data.Rows, shown, p.group)
	lines := p.lines
	p.list.Skip = func(i int) bool { return lines[i].Row < 0 }
	p.list = p.list.SetLen(len(p.lines)).Resize(p.listHeight())
	if keep != "" {
		for i, l := range p.lines {
			if l.Row >= 0 && p.data.Rows[l.Row].Code == keep {
				p.list.Cursor = i
				p.list = p.list.Scroll()
				return
			}
		}
	}
}

// Selected is the account under the cursor.
func (p *Pane) Selected() (code, itemKey string) {
	if p.data == nil || p.list.Cursor >= len(p.lines) {
		return "", ""
	}
	if r := p.lines[p.list.Cursor].Row; r >= 0 {
		return p.data.Rows[r].Code, ""
	}
	return "", ""
}

// InputFocused reports whether the filter is being typed.
func (p *Pane) InputFocused() bool { return p.filtering }

func (p *Pane) totalLines() int {
	if p.data == nil {
		return 0
	}
	n := len(p.data.Totals)
	if n == 0 {
		n = 1
	}
	if n > 3 {
		n = 3
	}
	return n
}

func (p *Pane) listHeight() int {
	h := p.Height - 2 - p.totalLines()
	if h < 1 {
		h = 1
	}
	return h
}

// SetSize sets the pane's size.
func (p *Pane) SetSize(w, h int) {
	p.Width, p.Height = w, h
	p.list = p.list.Resize(p.listHeight())
}

// Update handles keys for the pane.
func (p *Pane) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	k := p.Keys
	if p.filtering {
		keep, _ := p.Selected()
		var edit common.FilterEdit
		p.list, edit, p.filtering = common.FilterKey(p.list, &p.filter, km)
		switch edit {
		case common.FilterDropped:
			p.rebuild(keep)
		case common.FilterChanged:
			p.rebuild("")
			p.list = p.list.Top()
		}
		return nil
	}
	if l, ok := common.NavKey(p.list, km, k); ok {
		p.list = l
		return nil
	}
	switch {
	case key.Matches(km, k.Filter):
		p.filtering = true
	case key.Matches(km, k.Back):
		if p.filter.String() != "" {
			keep, _ := p.Selected()
			p.filter.Set("")
			p.rebuild(keep)
		}
	case key.Matches(km, k.Sort):
		keep, _ := p.Selected()
		p.sort = (p.sort + 1) % len(Sorts)
		p.order = nil
		p.rebuild(keep)
	case key.Matches(km, k.Group):
		keep, _ := p.Selected()
		p.group = (p.group + 1) % len(Groupings)
		p.order = nil
		p.rebuild(keep)
	case key.Matches(km, k.Open):
		if code, _ := p.Selected(); code != "" {
			return common.OpenAccount(code)
		}
	}
	return nil
}

var columns = []common.Column{
	{Title: "Account", Width: 8, Min: 6, Max: 10},
	{Title: "Name", Width: 20, Min: 10, Max: 44, Fill: true},
	{Title: "T", Width: 1, Drop: 6, Right: true},
	{Title: "Owner", Width: 10, Max: 16, Drop: 8},
	{Title: "Products", Width: 12, Max: 30, Drop: 10, Fill: true},
	{Title: "AR", Width: 9, Right: true},
	{Title: "Overdue", Width: 9, Right: true, Drop: 2},
	{Title: "Util", Width: 5, Right: true, Drop: 3},
	{Title: "DSO", Width: 4, Right: true, Drop: 7},
	{Title: "Last", Width: 8, Drop: 5},
	{Title: "Next", Width: 8, Drop: 4},
}

// View draws the pane.
func (p *Pane) View() string {
	s := p.Styles
	w := p.Width
	if p.data == nil {
		return common.Lines([]string{s.Muted.Render("Loading the book…")}, w, p.Height)
	}
	so := Sorts[p.sort]
	title := fmt.Sprintf("Book · %d accounts · as of %s · sort: %s · group: %s", len(p.data.Rows), common.LongDay(p.data.AsOf), so.Name, Groupings[p.group])
	if p.shown != len(p.data.Rows) {
		title = fmt.Sprintf("Book · %d of %d accounts · sort: %s · group: %s", p.shown, len(p.data.Rows), so.Name, Groupings[p.group])
	}
	lines := make([]string, 0, p.Height)
	lines = append(lines, common.TitleLine(p.Common, title, p.filter, p.filtering, w))
	lines = append(lines, p.totals(w)...)

	cols := make([]common.Column, len(columns))
	copy(cols, columns)
	widths := common.Layout(cols, w-2)
	for i := range cols {
		if cols[i].Title == so.Column {
			arrow := "↑"
			if so.Desc {
				arrow = "↓"
			}
			cols[i].Title += arrow
		}
	}
	lines = append(lines, "  "+s.ColHeader.Render(common.Header(cols, widths)))
	from, to := p.list.Window()
	for i := from; i < to; i++ {
		l := p.lines[i]
		if l.Row < 0 {
			lines = append(lines, s.GroupHeader.Render(common.Cut("  "+l.Heading, w)))
			continue
		}
		lines = append(lines, p.row(&p.data.Rows[l.Row], widths, i == p.list.Cursor))
	}
	if p.shown == 0 {
		if p.filter.String() != "" {
			lines = append(lines, s.Muted.Render("  No account matches the filter. esc clears it."))
		} else {
			lines = append(lines, s.Muted.Render("  The book has no accounts yet: import some with `acctdesk import accounts FILE`."))
		}
	}
	return common.Lines(lines, w, p.Height)
}

func (p *Pane) row(r *Row, widths []int, sel bool) string {
	s := p.Styles
	var utilStyle, nextStyle, lastStyle, ovStyle *lipgloss.Style
	switch r.UtilLevel {
	case 1:
		utilStyle = &s.Warn
	case 2:
		utilStyle = &s.Bad
	}
	if r.NextLate {
		nextStyle = &s.Warn
	}
	if r.StaleLast {
		lastStyle = &s.Warn
	}
	if r.Overdue != "" {
		ovStyle = &s.Bad
	}
	cells := []common.Cell{
		{Text: r.Code}, {Text: r.Name}, {Text: strconv.Itoa(r.Tier)}, {Text: r.Owner}, {Text: r.Products},
		{Text: r.AR}, {Text: r.Overdue, Style: ovStyle}, {Text: r.Util, Style: utilStyle}, {Text: r.DSO},
		{Text: r.Last, Style: lastStyle}, {Text: r.Next, Style: nextStyle},
	}
	line := common.Row(columns, widths, cells, sel)
	if sel {
		return s.Selected.Render("▸ " + line)
	}
	return "  " + line
}

// totals are the header lines: book totals per currency, never added across.
func (p *Pane) totals(w int) []string {
	s := p.Styles
	if len(p.data.Totals) == 0 {
		return []string{s.Muted.Render("No open items.")}
	}
	var out []string
	long := 0
	for _, t := range p.data.TotalText {
		if common.Width(t[0]) > w {
			long = 1
		}
	}
	for i, t := range p.data.TotalText {
		if i == 2 && len(p.data.Totals) > 3 {
			out = append(out, s.Muted.Render(fmt.Sprintf("… and %d more currencies (see the aging pane)", len(p.data.Totals)-2)))
			break
		}
		line := t[long]
		out = append(out, s.Total.Render(common.Cut(line, w)))
	}
	return out
}

func pctOf(part, whole decimal.Decimal) string {
	if !whole.IsPositive() {
		return "—"
	}
	return part.Mul(decimal.NewFromInt(100)).Div(whole).Round(0).String() + " %"
}

// ShortHelp is the pane's key summary.
func (p *Pane) ShortHelp() []key.Binding {
	k := p.Keys
	return []key.Binding{k.Open, k.Filter, k.Sort, k.Group, k.Call, k.Escalate, k.Note, k.FollowUp}
}

// FullHelp is every key of the pane.
func (p *Pane) FullHelp() [][]key.Binding {
	k := p.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Open, k.Filter, k.Sort, k.Group}, {k.Call, k.Escalate, k.Note, k.FollowUp}}
}

// Shown is the number of accounts shown (after the filter).
func (p *Pane) Shown() int { return p.shown }
