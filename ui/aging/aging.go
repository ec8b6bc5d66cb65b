// Package aging is the Aging pane: accounts × buckets with totals per
// currency, the as-of date moved a month at a time with < and >, grouping by
// owner or tier, and enter to drill into an account.
package aging

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

// Row is one account's aging, formatted once per data change.
type Row struct {
	Code, Name, Owner string
	Tier              int
	Cur               domain.Currency
	Aging             domain.Aging
	Cells             []string // one per bucket, then total, unapplied, net
	code, name        string
	keys              []float64 // sort keys: buckets…, total, overdue
}

// Total is a currency's line of totals.
type Total struct {
	Cur      domain.Currency
	Accounts int
	Cells    []string
	Share    []string // each bucket's share of the total
}

// Data is the aging of the book as of a date.
type Data struct {
	AsOf   domain.Date
	Labels []string // bucket labels
	Rows   []Row    // accounts with something outstanding or unapplied
	Totals []Total
}

// Prepare formats the summaries (run inside a tea.Cmd).
func Prepare(sums []domain.Summary, totals []domain.CurrencyTotal, set domain.Settings, asOf domain.Date) *Data {
	d := &Data{AsOf: asOf, Labels: domain.BucketLabels(set.AgingEdges)}
	for i := range sums {
		s := &sums[i]
		if s.Aging.Total.IsZero() && s.Aging.Unapplied.IsZero() {
			continue
		}
		a := s.Account()
		r := Row{Code: common.Clean(a.Code), Name: common.Clean(a.Name), Owner: common.Clean(a.Owner), Tier: a.Tier, Cur: a.Currency, Aging: s.Aging}
		r.code, r.name = common.Fold(r.Code), common.Fold(r.Name)
		r.Cells = cells(s.Aging, a.Currency)
		for _, b := range s.Aging.Buckets {
			r.keys = append(r.keys, b.InexactFloat64())
		}
		r.keys = append(r.keys, s.Aging.Total.InexactFloat64(), s.Aging.Overdue().InexactFloat64())
		d.Rows = append(d.Rows, r)
	}
	for _, t := range totals {
		tt := Total{Cur: t.Currency, Accounts: t.Accounts, Cells: cells(t.Aging, t.Currency)}
		for _, b := range t.Aging.Buckets {
			share := ""
			if t.Aging.Total.IsPositive() {
				share = b.Mul(decimal.NewFromInt(100)).Div(t.Aging.Total).Round(0).String() + " %"
			}
			tt.Share = append(tt.Share, share)
		}
		d.Totals = append(d.Totals, tt)
	}
	return d
}

func cells(a domain.Aging, c domain.Currency) []string {
	out := make([]string, 0, len(a.Buckets)+3)
	for _, b := range a.Buckets {
		out = append(out, amount(b, c))
	}
	return append(out, amount(a.Total, c), amount(a.Unapplied, c), amount(a.Net(), c))
}

func amount(d decimal.Decimal, c domain.Currency) string {
	if d.IsZero() {
		return "-"
	}
	return common.ShortMoney(d, c)
}

// Sorts are the orders `s` cycles through.
var Sorts = []string{"account", "total", "oldest bucket", "overdue", "name"}

// Groupings are the groupings `g` cycles through.
var Groupings = []string{"none", "owner", "tier"}

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
func Order(rows []Row, mode, group int) []int {
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := &rows[idx[i]], &rows[idx[j]]
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

// Filter keeps rows whose code or name matches (fuzzy).
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

// Line is a row or a group heading.
type Line struct {
	Row     int
	Heading string
}

// Group puts a heading with the group's net and overdue per currency before each group.
func Group(rows []Row, order []int, group int) []Line {
	if group == 0 {
		out := make([]Line, len(order))
		for i, r := range order {
			out[i] = Line{Row: r}
		}
		return out
	}
	var out []Line
	start, n := -1, 0
	net, over := domain.Totals{}, domain.Totals{}
	flush := func() {
		if start < 0 {
			return
		}
		r := &rows[out[start+1].Row]
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
		if g := groupKey(&rows[i], group); g != prev {
			flush()
			prev, start, n = g, len(out), 0
			net, over = domain.Totals{}, domain.Totals{}
			out = append(out, Line{Row: -1})
		}
		net.Add(rows[i].Cur, rows[i].Aging.Net())
		over.Add(rows[i].Cur, rows[i].Aging.Overdue())
		n++
		out = append(out, Line{Row: i})
	}
	flush()
	return out
}

// Pane is the aging pane.
type Pane struct {
	common.Common
	data      *Data
	pending   domain.Date // as-of asked for and not yet computed
	request   domain.Date // as-of asked for and not yet handed to the root
	lines     []Line
	shown     int
	list      common.List
	filter    common.Field
	filtering bool
	sort      int
	group     int
	order     []int
}

// New makes an empty aging pane.
func New(c common.Common) *Pane {
	p := &Pane{Common: c}
	p.filter.Placeholder = "code or name"
	return p
}

// AsOf is the date the pane shows (or is computing).
func (p *Pane) AsOf() domain.Date {
	if p.pending != 0 {
		return p.pending
	}
	if p.data != nil {
		return p.data.AsOf
	}
	return 0
}

// TakeRequest hands the root the as-of date asked for with < or >, once.
// The root computes it in a tea.Cmd and answers with SetData; asking here,
// in the same Update, keeps the requests in key order.
func (p *Pane) TakeRequest() (domain.Date, bool) {
	d := p.request
	p.request = 0
	return d, d != 0
}

// SetData shows a computed aging.
func (p *Pane) SetData(d *Data) {
	keep, _ := p.Selected()
	p.data = d
	if p.pending == d.AsOf {
		p.pending = 0
	}
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

func (p *Pane) footLines() int {
	if p.data == nil {
		return 0
	}
	n := len(p.data.Totals)
	if n == 0 {
		n = 1
	}
	if n > 4 {
		n = 4
	}
	if n == 1 && p.Height >= 30 {
		n = 2 // room for the shares
	}
	return n + 1 // the rule above
}

func (p *Pane) listHeight() int {
	h := p.Height - 2 - p.footLines()
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
			return common.OpenAccountAt(code, p.data.AsOf) // the date shown, not the one computing
		}
	case key.Matches(km, k.PrevMonth), key.Matches(km, k.NextMonth):
		cur := p.AsOf()
		if cur == 0 {
			return nil
		}
		n := -1
		if key.Matches(km, k.NextMonth) {
			n = 1
		}
		p.pending = cur.AddMonths(n)
		p.request = p.pending
	}
	return nil
}

func (p *Pane) columns() []common.Column {
	cols := []common.Column{
		{Title: "Account", Width: 8, Max: 10},
		{Title: "Name", Width: 16, Min: 10, Max: 40, Drop: 5, Fill: true},
	}
	for _, l := range p.data.Labels {
		cols = append(cols, common.Column{Title: l, Width: 9, Max: 11, Right: true})
	}
	return append(cols,
		common.Column{Title: "Total", Width: 9, Max: 11, Right: true},
		common.Column{Title: "Unapplied", Width: 9, Max: 11, Right: true, Drop: 7},
		common.Column{Title: "Net", Width: 9, Max: 11, Right: true, Drop: 6},
	)
}

// View draws the pane.
func (p *Pane) View() string {
	s := p.Styles
	w := p.Width
	if p.data == nil {
		return common.Lines([]string{s.Muted.Render("Computing the aging…")}, w, p.Height)
	}
	when := common.LongDay(p.data.AsOf)
	if p.pending != 0 {
		when += " (computing " + common.LongDay(p.pending) + "…)"
	}
	title := fmt.Sprintf("Aging as of %s (< >) · %s · sort: %s · group: %s", when, common.Count(p.shown, "account"), Sorts[p.sort], Groupings[p.group])
	lines := make([]string, 0, p.Height)
	lines = append(lines, common.TitleLine(p.Common, title, p.filter, p.filtering, w))
	cols := p.columns()
	widths := common.Layout(cols, w-2)
	lines = append(lines, "  "+s.ColHeader.Render(common.Header(cols, widths)))
	from, to := p.list.Window()
	for i := from; i < to; i++ {
		l := p.lines[i]
		if l.Row < 0 {
			lines = append(lines, s.GroupHeader.Render(common.Cut("  "+l.Heading, w)))
			continue
		}
		r := &p.data.Rows[l.Row]
		sel := i == p.list.Cursor
		cells := []common.Cell{{Text: r.Code}, {Text: r.Name}}
		for k, c := range r.Cells {
			var st *lipgloss.Style
			if k >= 3 && k < len(p.data.Labels) && c != "-" {
				st = &s.Bad
			} else if k >= 1 && k < len(p.data.Labels) && c != "-" {
				st = &s.Warn
			}
			cells = append(cells, common.Cell{Text: c, Style: st})
		}
		line := common.Row(cols, widths, cells, sel)
		if sel {
			lines = append(lines, s.Selected.Render("▸ "+line))
		} else {
			lines = append(lines, "  "+line)
		}
	}
	if p.shown == 0 {
		if p.filter.String() != "" {
			lines = append(lines, s.Muted.Render("  No account matches the filter. esc clears it."))
		} else {
			lines = append(lines, s.Muted.Render("  Nothing outstanding as of this date."))
		}
	}
	foot := p.footLines()
	for len(lines) < p.Height-foot {
		lines = append(lines, "")
	}
	lines = append(lines, s.Muted.Render(strings.Repeat("─", w)))
	if len(p.data.Totals) == 0 {
		lines = append(lines, s.Muted.Render("  No totals: nothing outstanding."))
	}
	for i, t := range p.data.Totals {
		if i == foot-1 {
			break
		}
		if i == 3 && len(p.data.Totals) > 4 {
			lines = append(lines, s.Muted.Render(fmt.Sprintf("  … and %d more currencies", len(p.data.Totals)-3)))
			break
		}
		cells := []common.Cell{{Text: string(t.Cur)}, {Text: "total · " + common.Count(t.Accounts, "account")}}
		for _, c := range t.Cells {
			cells = append(cells, common.Cell{Text: c})
		}
		lines = append(lines, s.Total.Render("  "+common.Row(cols, widths, cells, true)))
	}
	if len(p.data.Totals) == 1 && foot == 3 {
		t := p.data.Totals[0]
		cells := []common.Cell{{Text: ""}, {Text: "share of total"}}
		for _, c := range t.Share {
			cells = append(cells, common.Cell{Text: c})
		}
		lines = append(lines, s.Muted.Render("  "+common.Row(cols, widths, cells, true)))
	}
	return common.Lines(lines, w, p.Height)
}

// ShortHelp is the pane's key summary.
func (p *Pane) ShortHelp() []key.Binding {
	k := p.Keys
	return []key.Binding{k.PrevMonth, k.NextMonth, k.Open, k.Filter, k.Sort, k.Group}
}

// FullHelp is every key of the pane.
func (p *Pane) FullHelp() [][]key.Binding {
	k := p.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.PrevMonth, k.NextMonth, k.Open, k.Filter, k.Sort, k.Group}, {k.Call, k.Escalate, k.Note, k.FollowUp}}
}
