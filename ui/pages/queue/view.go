package queue

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"acctdesk/desk"
	dq "acctdesk/domain/queue"
	"acctdesk/ui/common"
)

var columns = []common.Column{
	{Title: "#", Width: 3, Drop: 6, Right: true},
	{Title: "Account", Width: 8, Min: 6, Max: 8},
	{Title: "Name", Width: 16, Min: 10, Max: 20, Drop: 4},
	{Title: "Why", Width: 34, Min: 30, Max: 200, Fill: true},
	{Title: "At stake", Width: 9, Drop: 2, Right: true},
	{Title: "Due", Width: common.DateWidth, Drop: 3},
	{Title: "Score", Width: 5, Drop: 5, Right: true},
	{Title: "Owner", Width: 10, Max: 10, Drop: 7},
}

// Where the columns are in a row's cells.
const (
	colWhy   = 3
	colStake = 4
)

// View draws the page.
func (p *Page) View() string {
	s := p.Styles
	w := p.Width
	if p.data == nil {
		return common.Lines([]string{s.Muted.Render("Loading the queue…")}, w, p.Height)
	}
	if p.showChanges && p.data.changes != nil {
		return p.changesView()
	}
	lines := make([]string, 0, p.Height)
	lines = append(lines, p.TitleLine(p.title(w)), p.summaryLine(w))
	widths := common.Layout(columns, w-2)
	lines = append(lines, "  "+s.ColHeader.Render(p.Header(columns, widths)))
	p.Blurred = p.onSummary
	lines = append(lines, p.Window(columns, widths, func(i int, r *row) []common.Cell {
		return p.cells(r, i+1, widths[colStake] > 0) // the rows are in rank order within the scope
	})...)
	if p.Shown() == 0 {
		switch {
		case p.Filtered():
			lines = append(lines, s.Muted.Render(common.Cut("  Nothing matches the filter. esc clears it.", w)))
		case p.marks:
			lines = append(lines, s.Muted.Render(common.Cut("  Nothing done or snoozed today. Z goes back to the queue.", w)))
		case p.mine && p.data.owner == "":
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

// title is the page's title: the scope, the counts, the day's progress and
// the sort and grouping, the defaults dropped first when the line is narrow.
func (p *Page) title(w int) string {
	if p.marks {
		return p.marksTitle(w)
	}
	scope := "everyone's"
	prog := p.data.progress[0]
	if p.mine {
		scope = "mine"
		if p.data.owner != "" {
			scope = "mine (" + common.Clean(p.data.owner) + ")"
		}
		prog = p.data.progress[1]
	}
	count := fmt.Sprintf("%d to act on", p.Count())
	if p.Shown() != p.Count() {
		count = fmt.Sprintf("%d of %d shown", p.Shown(), p.Count())
	}
	head := []string{"Queue", scope, count, fmt.Sprintf("%d of %d handled today", prog.Handled, prog.Total)}
	srt, grp := "sort: "+p.SortName(), "group: "+p.GroupName()
	var tries [][]string
	tries = append(tries, append(append([]string{}, head...), srt, grp))
	var nondefault []string
	if p.SortIndex() != 0 {
		nondefault = append(nondefault, srt)
	}
	if p.GroupIndex() != 0 {
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

// cells are a row's cells. Why leaves out the money at stake while the At
// stake column shows it. An item worked today is dimmed and says first what
// was done: "✓ today:" when that handled it, "• today:" when it still asks
// for more; in the list of done and snoozed items, the mark.
func (p *Page) cells(r *row, rank int, stakeShown bool) []common.Cell {
	s := p.Styles
	it := r.item
	var dueStyle *lipgloss.Style
	if it.DaysLate > 0 {
		dueStyle = &s.Bad
	}
	why := it.Detail
	if stakeShown && it.Why != "" {
		why = it.Why
	}
	dim := false
	switch {
	case r.mark != nil:
		why = p.markWords(r.mark) + " · " + why
		dim = true
	case it.Worked():
		sign := "•"
		if it.Handled() {
			sign = "✓"
		}
		why = sign + " " + it.Work.What + " · " + why // dimmed, and today's: the footer says so
		dim = true
	}
	cells := []common.Cell{
		{Text: fmt.Sprint(rank)},
		{Text: common.Clean(it.Account)},
		{Text: common.Clean(it.Name)},
		{Text: common.Clean(why)},
		{Text: stake(it)},
		{Text: common.Day(it.Due, p.data.asOf), Style: dueStyle},
		{Text: fmt.Sprintf("%.1f", it.Score.Total)},
		{Text: common.Clean(it.Owner)},
	}
	if dim {
		for i := range cells {
			cells[i].Style = &s.Muted
		}
	}
	return cells
}

// markWords say what a mark did and who made it: "done by ada", "snoozed
// until 20 Nov by ada".
func (p *Page) markWords(m *desk.Marked) string {
	what := "done"
	if !m.Mark.Done {
		what = "snoozed until " + common.Day(m.Mark.Until, p.data.asOf)
	}
	if m.Mark.On != p.data.asOf {
		what += " on " + common.Day(m.Mark.On, p.data.asOf)
	}
	if by := m.Mark.Stamp.By; by != "" {
		what += " by " + by
	}
	return what
}

// marksTitle is the title of the list of done and snoozed items.
func (p *Page) marksTitle(w int) string {
	scope := "everyone's"
	if p.mine {
		scope = "mine"
	}
	count := common.Count(p.Count(), "item")
	if p.Shown() != p.Count() {
		count = fmt.Sprintf("%d of %d shown", p.Shown(), p.Count())
	}
	t := strings.Join([]string{"Done and snoozed", scope, count, "u puts one back · Z returns to the queue"}, " · ")
	if common.Width(t) > w {
		t = strings.Join([]string{"Done and snoozed", scope, count}, " · ")
	}
	return t
}

func stake(it *dq.Item) string {
	if it.Stake.Amount.IsZero() {
		return ""
	}
	return common.ShortMoney(it.Stake.Amount, it.Stake.Currency)
}

func (p *Page) footer(w int) []string {
	s := p.Styles
	if p.onSummary && p.data.changes != nil {
		c := p.data.changes
		return []string{
			s.Title.Render(common.Cut("What changed from "+common.WeekDay(c.Since+1, p.data.asOf)+" to "+common.WeekDay(p.data.asOf, p.data.asOf), w)),
			common.Cut(common.Count(len(c.All), "change")+": invoices newly overdue or in a later bucket, promises kept or broken, payments, credit notes, breaches, escalations", w),
			s.Muted.Render(common.Cut(p.Keys.Call.Help().Key+" or "+p.Keys.Open.Help().Key+" lists them · ↓ back to the queue", w)),
		}
	}
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
		detail += " · " + common.Count(it.DaysLate, "day") + " late"
	}
	detail += p.contacts(it.Account)
	last := "score " + it.Score.String()
	switch {
	case it.Handled():
		last = "✓ handled today: " + it.Work.What + " · " + last
	case it.Worked():
		last = "• worked today, not yet handled: " + it.Work.What + " · " + last
	}
	return []string{
		s.Title.Render(common.Cut(common.Clean(head), w)),
		common.Cut(common.Clean(detail), w),
		s.Muted.Render(common.Cut(common.Clean(last), w)),
	}
}

// contacts is " · last contact 3 Oct · last attempt 1 Dec" for an account:
// a call that reached nobody is not contact, and is shown apart when it is
// the later.
func (p *Page) contacts(code string) string {
	if p.view == nil {
		return ""
	}
	sum := p.view.Summary(code)
	if sum == nil {
		return ""
	}
	out := ""
	if !sum.LastContact.IsZero() {
		out = " · last contact " + common.Day(sum.LastContact, p.data.asOf)
	}
	if sum.LastAttempt > sum.LastContact {
		out += " · last attempt " + common.Day(sum.LastAttempt, p.data.asOf)
	}
	return out
}
