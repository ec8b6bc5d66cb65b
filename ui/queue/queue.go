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

// Groupings are what `g` cycles through in the queue.
var Groupings = []string{"none", "reason", "owner"}

// Progress is the day's work on one scope: "7 of 23 handled today".
type Progress struct {
	Handled, Total int
	Known          bool
}

// Pane is the queue pane.
type Pane struct {
	common.Common
	data      *Data
	owner     string // the user as the book spells an owner; "" when they own none
	user      string
	ownerSet  bool
	mine      bool  // only the user's accounts
	scoped    []int // indices into data.Items in scope, in rank order
	rank      []int // 1-based rank of each item within the scope, 0 outside it
	lines     []Line
	shown     int // items shown (after the filter)
	list      common.List
	filter    common.Field
	filtering bool
	sort      int
	group     int
	progress  [2]Progress // everyone's, mine
}

// SetProgress shows how much of the day's queue is handled (queue.Progress),
// for everyone's accounts and for the user's own.
func (p *Pane) SetProgress(everyone, mine Progress) {
	p.progress = [2]Progress{everyone, mine}
}

// New makes an empty queue pane.
func New(c common.Common) *Pane {
	p := &Pane{Common: c}
	p.filter.Placeholder = "code or name"
	return p
}

// SetOwner tells the pane whose accounts are "mine": owner is the user's name
// as the book spells it on accounts ("" when the user owns none). The first
// call chooses the scope: mine when the user owns an account, else everyone's.
func (p *Pane) SetOwner(user, owner string) {
	if p.ownerSet && p.user == user && p.owner == owner {
		return
	}
	p.user, p.owner = user, owner
	if !p.ownerSet {
		p.ownerSet = true
		p.mine = owner != ""
	}
	if p.data != nil {
		_, keep := p.Selected()
		p.rebuild(keep)
	}
}

// Mine reports whether only the user's accounts are shown.
func (p *Pane) Mine() bool { return p.mine }

// Group is the grouping shown: 0 none, 1 reason, 2 owner.
func (p *Pane) Group() int { return p.group }

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
func (p *Pane) Len() int { return p.shown }

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
	if p.data == nil || p.list.Cursor >= len(p.lines) {
		return dq.Item{}, false
	}
	ix := p.lines[p.list.Cursor].Item
	if ix < 0 {
		return dq.Item{}, false
	}
	return p.data.Items[ix], true
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

// Scope returns the indices of the items of owner's accounts (all when
// owner is nil), in rank order.
func Scope(items []dq.Item, owner *string) []int {
	out := make([]int, 0, len(items))
	for i := range items {
		if owner == nil || items[i].Owner == *owner {
			out = append(out, i)
		}
	}
	return out
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

// Order returns the indices idx (in rank order) in the sort order: 0 rank,
// 1 due, 2 stake, 3 account.
func Order(items []dq.Item, idx []int, mode int) []int {
	if mode == 0 {
		return idx // Build ranks them already
	}
	idx = append([]int(nil), idx...)
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

// Line is one line of the list: an item, or a group heading.
type Line struct {
	Item    int // index into Data.Items, -1 for a heading
	Heading string
}

// Group puts the items of order into groups (1 by reason in the order of
// SPEC §7, 2 by owner A–Z with the unowned last), keeping order within each,
// with a heading that gives the count and the money at stake per currency.
func Group(items []dq.Item, order []int, group int) []Line {
	if group == 0 {
		out := make([]Line, len(order))
		for i, ix := range order {
			out[i] = Line{Item: ix}
		}
		return out
	}
	// Each item's group, worked out once: by reason its place in SPEC §7, by
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
		rank = make([]int, len(items))
		for _, ix := range sorted {
			rank[ix] = reasonRank(items[ix].Reason)
		}
		sort.SliceStable(sorted, func(a, b int) bool {
			x, y := sorted[a], sorted[b]
			if rank[x] != rank[y] {
				return rank[x] < rank[y]
			}
			return items[x].Reason < items[y].Reason // codes unknown here share a rank
		})
		key = func(it *dq.Item) string { return it.Reason }
	} else {
		sort.SliceStable(sorted, func(a, b int) bool { return key(&items[sorted[a]]) < key(&items[sorted[b]]) })
	}
	out := make([]Line, 0, len(sorted)+16)
	start, n := -1, 0
	stake := domain.Totals{}
	flush := func() {
		if start < 0 {
			return
		}
		it := &items[out[start+1].Item]
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
		it := &items[ix]
		if g := key(it); g != prev {
			flush()
			prev, start, n = g, len(out), 0
			stake = domain.Totals{}
			out = append(out, Line{Item: -1})
		}
		stake.Add(it.Stake.Currency, it.Stake.Amount)
		n++
		out = append(out, Line{Item: ix})
	}
	flush()
	return out
}

func (p *Pane) rebuild(keep string) {
	if p.data == nil {
		return
	}
	items := p.data.Items
	switch {
	case !p.mine:
		p.scoped = Scope(items, nil)
	case p.owner == "":
		p.scoped = p.scoped[:0] // the user owns no account
	default:
		p.scoped = Scope(items, &p.owner)
	}
	if len(p.rank) != len(items) {
		p.rank = make([]int, len(items))
	} else {
		clear(p.rank)
	}
	for r, ix := range p.scoped {
		p.rank[ix] = r + 1
	}
	shown := Filter(p.data, Order(items, p.scoped, p.sort), p.filter.String())
	p.shown = len(shown)
	p.lines = Group(items, shown, p.group)
	lines := p.lines
	p.list.Skip = func(i int) bool { return lines[i].Item < 0 }
	p.list = p.list.SetLen(len(p.lines)).Resize(p.listHeight())
	if keep != "" {
		for i, l := range p.lines {
			if l.Item >= 0 && items[l.Item].Key == keep {
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
		var edit common.FilterEdit
		p.list, edit, p.filtering = common.FilterKey(p.list, &p.filter, km)
		switch edit {
		case common.FilterDropped:
			p.rebuild("")
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
			p.filter.Set("")
			_, keep := p.Selected()
			p.rebuild(keep)
		}
	case key.Matches(km, k.Sort):
		_, keep := p.Selected()
		p.sort = (p.sort + 1) % len(sorts)
		p.rebuild(keep)
	case key.Matches(km, k.QueueGroup):
		_, keep := p.Selected()
		p.group = (p.group + 1) % len(Groupings)
		p.rebuild(keep)
	case key.Matches(km, k.Scope):
		_, keep := p.Selected()
		p.mine = !p.mine
		p.rebuild(keep)
		if p.mine && p.owner == "" {
			return common.InfoCmd(fmt.Sprintf("%s owns no accounts in this book: m shows everyone's", p.userName()))
		}
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

func (p *Pane) userName() string {
	if p.user == "" {
		return "you"
	}
	return common.Clean(p.user)
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

// title is the pane's title: the scope, the counts, the day's progress and
// the sort and grouping, the defaults dropped first when the line is narrow.
func (p *Pane) title(w int) string {
	scope := "everyone's"
	prog := p.progress[0]
	if p.mine {
		scope = "mine"
		if p.owner != "" {
			scope = "mine (" + common.Clean(p.owner) + ")"
		}
		prog = p.progress[1]
	}
	count := fmt.Sprintf("%d to act on", len(p.scoped))
	if p.shown != len(p.scoped) {
		count = fmt.Sprintf("%d of %d shown", p.shown, len(p.scoped))
	}
	head := []string{"Queue", scope, count}
	if prog.Known {
		head = append(head, fmt.Sprintf("%d of %d handled today", prog.Handled, prog.Total))
	}
	srt, grp := "sort: "+sorts[p.sort], "group: "+Groupings[p.group]
	var tries [][]string
	tries = append(tries, append(append([]string{}, head...), srt, grp))
	var nondefault []string
	if p.sort != 0 {
		nondefault = append(nondefault, srt)
	}
	if p.group != 0 {
		nondefault = append(nondefault, grp)
	}
	tries = append(tries, append(append([]string{}, head...), nondefault...), head)
	for _, t := range tries {
		if s := strings.Join(t, " · "); common.Width(s) <= w {
			return s
		}
	}
	return strings.Join(head, " · ")
}

// View draws the pane.
func (p *Pane) View() string {
	s := p.Styles
	w := p.Width
	if p.data == nil {
		return common.Lines([]string{s.Muted.Render("Loading the queue…")}, w, p.Height)
	}
	lines := make([]string, 0, p.Height)
	lines = append(lines, common.TitleLine(p.Common, p.title(w), p.filter, p.filtering, w))
	widths := common.Layout(columns, w-2)
	lines = append(lines, "  "+s.ColHeader.Render(common.Header(columns, widths)))
	from, to := p.list.Window()
	for i := from; i < to; i++ {
		l := p.lines[i]
		if l.Item < 0 {
			lines = append(lines, s.GroupHeader.Render(common.Cut("  "+l.Heading, w)))
			continue
		}
		sel := i == p.list.Cursor
		lines = append(lines, row(p.Common, p.data.Items[l.Item], p.rank[l.Item], p.data.AsOf, widths, sel))
	}
	if p.shown == 0 {
		switch {
		case p.filter.String() != "":
			lines = append(lines, s.Muted.Render(common.Cut("  Nothing matches the filter. esc clears it.", w)))
		case p.mine && p.owner == "":
			lines = append(lines, s.Muted.Render(common.Cut(fmt.Sprintf("  %s owns no accounts in this book. m shows everyone's.", p.userName()), w)))
		case p.mine:
			lines = append(lines, s.Good.Render(common.Cut("  Nothing to act on today in your accounts. m shows everyone's.", w)))
		default:
			lines = append(lines, s.Good.Render(common.Cut("  Nothing to act on today.", w)))
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
	return []key.Binding{k.Open, k.Call, k.Escalate, k.Note, k.Done, k.Snooze, k.FollowUp, k.Scope, k.QueueGroup, k.Filter, k.Sort}
}

// FullHelp is every key of the pane.
func (p *Pane) FullHelp() [][]key.Binding {
	k := p.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Open, k.Filter, k.Sort, k.Scope, k.QueueGroup}, {k.Call, k.Escalate, k.Note, k.FollowUp, k.Done, k.Snooze}}
}

// Items are the items shown, in order (headings left out).
func (p *Pane) Items() []dq.Item {
	out := make([]dq.Item, 0, p.shown)
	for _, l := range p.lines {
		if l.Item >= 0 {
			out = append(out, p.data.Items[l.Item])
		}
	}
	return out
}

// Headings are the group headings shown, in order.
func (p *Pane) Headings() []string {
	var out []string
	for _, l := range p.lines {
		if l.Item < 0 {
			out = append(out, l.Heading)
		}
	}
	return out
}
