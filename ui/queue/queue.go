// Package queue is the home pane: today's follow-ups, ranked by the domain
// queue (domain/queue.Build). The pane only shows, filters and orders what
// Build produced; it computes nothing about the book.
package queue

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"acctdesk/domain"
	dq "acctdesk/domain/queue"
	"acctdesk/ui/common"
)

// Data is the queue as built for one version of the book, ready to show.
type Data struct {
	AsOf  domain.Date
	Items []dq.Item
	codes []string // folded, for the filter
	names []string
}

// Prepare readies Build's items for the pane (run inside a tea.Cmd).
func Prepare(items []dq.Item, asOf domain.Date) *Data {
	d := &Data{AsOf: asOf, Items: items, codes: make([]string, len(items)), names: make([]string, len(items))}
	for i, it := range items {
		d.codes[i] = common.Fold(it.Account)
		d.names[i] = common.Fold(it.Name)
	}
	return d
}

// DoneMsg asks the root to mark an item done.
type DoneMsg struct{ Item dq.Item }

// SnoozeMsg asks the root for a snooze date for an item.
type SnoozeMsg struct{ Item dq.Item }

// Sort orders of the queue.
var sorts = []string{"rank", "due", "at stake", "account"}

// Pane is the queue pane.
type Pane struct {
	common.Common
	data      *Data
	view      []int // indices into data.Items, filtered and ordered
	list      common.List
	filter    common.Field
	filtering bool
	sort      int
	progress  string // "3 of 24 handled today", once known
}

// SetProgress shows how much of the day's queue is handled (queue.Progress).
func (p *Pane) SetProgress(handled, total int) {
	p.progress = fmt.Sprintf("%d of %d handled today", handled, total)
}

// New makes an empty queue pane.
func New(c common.Common) *Pane {
	p := &Pane{Common: c}
	p.filter.Placeholder = "code or name"
	return p
}

// SetData shows a new queue, keeping the cursor on the same item when it is
// still there, else at the same position.
func (p *Pane) SetData(d *Data) {
	_, keep := p.Selected()
	p.data = d
	p.rebuild(keep)
}

// Loaded reports whether the pane has data.
func (p *Pane) Loaded() bool { return p.data != nil }

// Len is the number of items shown.
func (p *Pane) Len() int { return len(p.view) }

// Advance moves to the next item if the cursor is still on key (after the
// item was worked), so the list is worked top-down.
func (p *Pane) Advance(key string) {
	if _, k := p.Selected(); k == key && key != "" {
		p.list = p.list.Move(1)
	}
}

// Selected is the account and item under the cursor.
func (p *Pane) Selected() (code, itemKey string) {
	it, ok := p.SelectedItem()
	if !ok {
		return "", ""
	}
	return it.Account, it.Key
}

// SelectedItem is the item under the cursor.
func (p *Pane) SelectedItem() (dq.Item, bool) {
	if p.data == nil || len(p.view) == 0 || p.list.Cursor >= len(p.view) {
		return dq.Item{}, false
	}
	return p.data.Items[p.view[p.list.Cursor]], true
}

// InputFocused reports whether the filter is being typed.
func (p *Pane) InputFocused() bool { return p.filtering }

// SetSize sets the pane's size.
func (p *Pane) SetSize(w, h int) {
	p.Width, p.Height = w, h
	p.list = p.list.Resize(p.listHeight())
}

func (p *Pane) listHeight() int {
	h := p.Height - 2 - 4 // title, column header; footer (rule + 3 lines)
	if h < 1 {
		h = 1
	}
	return h
}

// Filter returns the view indices matching query, in the given order.
func Filter(d *Data, order []int, query string) []int {
	q := common.Fold(strings.TrimSpace(query))
	if q == "" {
		return order
	}
	out := make([]int, 0, len(order))
	for _, i := range order {
		if _, ok := common.MatchCodeName(q, d.codes[i], d.names[i]); ok {
			out = append(out, i)
		}
	}
	return out
}

// Order returns item indices in the sort order (0 rank, 1 due, 2 stake, 3 account).
func Order(items []dq.Item, mode int) []int {
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	if mode == 0 {
		return idx // Build ranks them already
	}
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := items[idx[a]], items[idx[b]]
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

func (p *Pane) rebuild(keep string) {
	if p.data == nil {
		return
	}
	p.view = Filter(p.data, Order(p.data.Items, p.sort), p.filter.String())
	p.list = p.list.SetLen(len(p.view)).Resize(p.listHeight())
	if keep != "" {
		for i, ix := range p.view {
			if p.data.Items[ix].Key == keep {
				p.list.Cursor = i
				p.list = p.list.Scroll()
				break
			}
		}
	}
}

// Update handles keys for the pane.
func (p *Pane) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	k := p.Keys
	if p.filtering {
		switch {
		case km.Type == tea.KeyEnter:
			p.filtering = false
		case km.Type == tea.KeyEsc:
			p.filtering = false
			p.filter.Set("")
			p.rebuild("")
		case km.Type == tea.KeyUp || km.Type == tea.KeyDown:
			p.list = p.list.Move(map[bool]int{true: -1, false: 1}[km.Type == tea.KeyUp])
		default:
			if p.filter.Key(km) {
				p.rebuild("")
				p.list = p.list.Top()
			}
		}
		return nil
	}
	switch {
	case key.Matches(km, k.Up):
		p.list = p.list.Move(-1)
	case key.Matches(km, k.Down):
		p.list = p.list.Move(1)
	case key.Matches(km, k.PageUp):
		p.list = p.list.Page(-1)
	case key.Matches(km, k.PageDown):
		p.list = p.list.Page(1)
	case key.Matches(km, k.Top):
		p.list = p.list.Top()
	case key.Matches(km, k.Bottom):
		p.list = p.list.Bottom()
	case key.Matches(km, k.Filter):
		p.filtering = true
	case key.Matches(km, k.Back):
		if p.filter.String() != "" {
			p.filter.Set("")
			_, keep := p.Selected()
			p.rebuild(keep)
		}
	case key.Matches(km, k.Sort):
		_, keep := p.Selected()
		p.sort = (p.sort + 1) % len(sorts)
		p.rebuild(keep)
	case key.Matches(km, k.Open):
		if code, _ := p.Selected(); code != "" {
			return common.OpenAccount(code)
		}
	case key.Matches(km, k.Done):
		if it, ok := p.SelectedItem(); ok {
			return func() tea.Msg { return DoneMsg{it} }
		}
	case key.Matches(km, k.Snooze):
		if it, ok := p.SelectedItem(); ok {
			return func() tea.Msg { return SnoozeMsg{it} }
		}
	}
	return nil
}

var columns = []common.Column{
	{Title: "#", Width: 3, Drop: 6, Right: true},
	{Title: "Account", Width: 8, Min: 6, Max: 10},
	{Title: "Name", Width: 16, Min: 10, Max: 30, Drop: 4},
	{Title: "Why", Width: 34, Min: 30, Max: 140, Fill: true},
	{Title: "At stake", Width: 9, Drop: 2, Right: true},
	{Title: "Due", Width: 6, Drop: 3},
	{Title: "Score", Width: 5, Drop: 5, Right: true},
	{Title: "Owner", Width: 10, Max: 16, Drop: 7},
}

// View draws the pane.
func (p *Pane) View() string {
	s := p.Styles
	w := p.Width
	if p.data == nil {
		return common.Lines([]string{s.Muted.Render("Loading the queue…")}, w, p.Height)
	}
	lines := make([]string, 0, p.Height)
	title := fmt.Sprintf("Queue · %d to act on", len(p.data.Items))
	if len(p.view) != len(p.data.Items) {
		title = fmt.Sprintf("Queue · %d of %d shown", len(p.view), len(p.data.Items))
	}
	if p.progress != "" {
		title += " · " + p.progress
	}
	title += " · sort: " + sorts[p.sort]
	lines = append(lines, common.TitleLine(p.Common, title, p.filter, p.filtering, w))
	widths := common.Layout(columns, w-2)
	lines = append(lines, "  "+s.ColHeader.Render(common.Header(columns, widths)))
	from, to := p.list.Window()
	for i := from; i < to; i++ {
		it := p.data.Items[p.view[i]]
		sel := i == p.list.Cursor
		lines = append(lines, row(p.Common, it, i+1, p.data.AsOf, widths, sel))
	}
	if len(p.view) == 0 {
		if p.filter.String() != "" {
			lines = append(lines, s.Muted.Render("  Nothing matches the filter. esc clears it."))
		} else {
			lines = append(lines, s.Good.Render("  Nothing to act on today."))
		}
	}
	for len(lines) < p.Height-4 {
		lines = append(lines, "")
	}
	lines = append(lines, s.Muted.Render(strings.Repeat("─", w)))
	lines = append(lines, p.footer(w)...)
	return common.Lines(lines, w, p.Height)
}

func row(c common.Common, it dq.Item, rank int, asOf domain.Date, widths []int, sel bool) string {
	s := c.Styles
	var dueStyle *lipgloss.Style
	if it.DaysLate > 0 {
		dueStyle = &s.Bad
	}
	cells := []common.Cell{
		{Text: fmt.Sprint(rank)},
		{Text: common.Clean(it.Account)},
		{Text: common.Clean(it.Name)},
		{Text: common.Clean(it.Detail)},
		{Text: stake(it)},
		{Text: common.Day(it.Due, asOf), Style: dueStyle},
		{Text: fmt.Sprintf("%.1f", it.Score.Total)},
		{Text: common.Clean(it.Owner)},
	}
	line := common.Row(columns, widths, cells, sel)
	if sel {
		return s.Selected.Render("▸ " + line)
	}
	return "  " + line
}

func stake(it dq.Item) string {
	if it.Stake.Amount.IsZero() {
		return ""
	}
	return common.ShortMoney(it.Stake.Amount, it.Stake.Currency)
}

func (p *Pane) footer(w int) []string {
	s := p.Styles
	it, ok := p.SelectedItem()
	if !ok {
		return []string{"", "", ""}
	}
	head := fmt.Sprintf("%s %s · tier %d · %s · %s", common.Clean(it.Account), common.Clean(it.Name), it.Tier, common.Clean(it.Owner), it.Reason)
	if !it.Stake.Amount.IsZero() {
		head += " · at stake " + common.Money(it.Stake.Amount, it.Stake.Currency)
	}
	detail := common.Clean(it.Detail)
	if it.DaysLate > 0 && it.Reason != dq.Overdue {
		detail += fmt.Sprintf(" · %d days late", it.DaysLate)
	}
	score := "score " + it.Score.String()
	return []string{
		s.Title.Render(common.Cut(head, w)),
		common.Cut(detail, w),
		s.Muted.Render(common.Cut(score, w)),
	}
}

// ShortHelp is the pane's key summary.
func (p *Pane) ShortHelp() []key.Binding {
	k := p.Keys
	return []key.Binding{k.Open, k.Call, k.Escalate, k.Note, k.Done, k.Snooze, k.Filter, k.Sort}
}

// FullHelp is every key of the pane.
func (p *Pane) FullHelp() [][]key.Binding {
	k := p.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Open, k.Filter, k.Sort}, {k.Call, k.Escalate, k.Note, k.Done, k.Snooze}}
}

// Items are the items shown, in order.
func (p *Pane) Items() []dq.Item {
	out := make([]dq.Item, len(p.view))
	for i, ix := range p.view {
		out[i] = p.data.Items[ix]
	}
	return out
}
