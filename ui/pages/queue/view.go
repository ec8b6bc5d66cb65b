package queue

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	dq "acctdesk/domain/queue"
	"acctdesk/ui/common"
)

var columns = []common.Column{
	{Title: "#", Width: 3, Drop: 6, Right: true},
	{Title: "Account", Width: 8, Min: 6, Max: 10},
	{Title: "Name", Width: 16, Min: 10, Max: 30, Drop: 4},
	{Title: "Why", Width: 34, Min: 30, Max: 140, Fill: true},
	{Title: "At stake", Width: 9, Drop: 2, Right: true},
	{Title: "Due", Width: common.DateWidth, Drop: 3},
	{Title: "Score", Width: 5, Drop: 5, Right: true},
	{Title: "Owner", Width: 10, Max: 16, Drop: 7},
}

// View draws the page.
func (p *Page) View() string {
	s := p.Styles
	w := p.Width
	if p.data == nil {
		return common.Lines([]string{s.Muted.Render("Loading the queue…")}, w, p.Height)
	}
	lines := make([]string, 0, p.Height)
	lines = append(lines, p.TitleLine(p.title(w)))
	widths := common.Layout(columns, w-2)
	lines = append(lines, "  "+s.ColHeader.Render(p.Header(columns, widths)))
	lines = append(lines, p.Window(columns, widths, func(i int, r *row) []common.Cell {
		return p.cells(r.item, i+1) // the rows are in rank order within the scope
	})...)
	if p.Shown() == 0 {
		switch {
		case p.Filtered():
			lines = append(lines, s.Muted.Render(common.Cut("  Nothing matches the filter. esc clears it.", w)))
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

func (p *Page) cells(it *dq.Item, rank int) []common.Cell {
	s := p.Styles
	var dueStyle *lipgloss.Style
	if it.DaysLate > 0 {
		dueStyle = &s.Bad
	}
	return []common.Cell{
		{Text: fmt.Sprint(rank)},
		{Text: common.Clean(it.Account)},
		{Text: common.Clean(it.Name)},
		{Text: common.Clean(it.Detail)},
		{Text: stake(it)},
		{Text: common.Day(it.Due, p.data.asOf), Style: dueStyle},
		{Text: fmt.Sprintf("%.1f", it.Score.Total)},
		{Text: common.Clean(it.Owner)},
	}
}

func stake(it *dq.Item) string {
	if it.Stake.Amount.IsZero() {
		return ""
	}
	return common.ShortMoney(it.Stake.Amount, it.Stake.Currency)
}

func (p *Page) footer(w int) []string {
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
	return []string{
		s.Title.Render(common.Cut(common.Clean(head), w)),
		common.Cut(common.Clean(detail), w),
		s.Muted.Render(common.Cut("score "+it.Score.String(), w)),
	}
}
