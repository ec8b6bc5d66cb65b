package book

import (
	"fmt"
	"strconv"

	"github.com/charmbracelet/lipgloss"

	"acctdesk/domain"
	"acctdesk/ui/common"
)

var columns = []common.Column{
	{Title: "Account", Width: 8, Min: 6, Max: 10},
	{Title: "Name", Width: 20, Min: 10, Max: 44, Fill: true},
	{Title: "T", Width: 2, Drop: 6, Right: true}, // room for the sort's arrow: T↑
	{Title: "Owner", Width: 10, Max: 14, Drop: 8},
	{Title: "Products", Width: 12, Max: 30, Drop: 10, Fill: true},
	{Title: "AR", Width: 9, Max: 14, Right: true}, // "credit ₦14.5M" when there is room
	{Title: "Overdue", Width: 9, Right: true, Drop: 2},
	{Title: "Util", Width: 5, Right: true, Drop: 3},
	{Title: "DSO", Width: 4, Right: true, Drop: 7},
	{Title: "Last", Width: common.DateWidth, Drop: 5},
	{Title: "Next", Width: common.DateWidth, Drop: 4},
}

// View draws the page.
func (p *Page) View() string {
	s := p.Styles
	w := p.Width
	if p.data == nil {
		return common.Lines([]string{s.Muted.Render("Loading the book…")}, w, p.Height)
	}
	title := fmt.Sprintf("Book · %d accounts · as of %s · sort: %s · group: %s", p.Count(), common.LongDay(p.data.asOf), p.SortName(), p.GroupName())
	if p.Shown() != p.Count() {
		title = fmt.Sprintf("Book · %d of %d accounts · sort: %s · group: %s", p.Shown(), p.Count(), p.SortName(), p.GroupName())
	}
	lines := make([]string, 0, p.Height)
	lines = append(lines, p.TitleLine(title))
	if p.Count() == 0 {
		// An empty book: no totals and no columns, only what to do.
		lines = append(lines, s.Muted.Render(common.Cut("  The book has no accounts yet.", w)),
			s.Muted.Render(common.Cut("  Import some with `acctdesk import accounts FILE`.", w)))
		return common.Lines(lines, w, p.Height)
	}
	lines = append(lines, p.totals(w)...)

	cols, cells := columns, p.cells
	if p.manager {
		cols, cells = managerColumnsOf, p.managerCells
	}
	widths := common.Layout(cols, w-2)
	lines = append(lines, "  "+s.ColHeader.Render(p.Header(cols, widths)))
	lines = append(lines, p.Window(cols, widths, func(_ int, r *Row) []common.Cell { return cells(r) })...)
	if p.Shown() == 0 {
		lines = append(lines, s.Muted.Render("  No account matches the filter. esc clears it."))
	}
	return common.Lines(lines, w, p.Height)
}

func (p *Page) cells(r *Row) []common.Cell {
	s := p.Styles
	var utilStyle, nextStyle, lastStyle, ovStyle *lipgloss.Style
	switch r.UtilLevel {
	case domain.UtilWarning:
		utilStyle = &s.Warn
	case domain.UtilOver:
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
	return []common.Cell{
		{Text: r.Code}, {Text: r.Name}, {Text: strconv.Itoa(r.Tier)}, {Text: r.Owner}, {Text: r.Products},
		{Text: r.AR, Alt: r.ARShort}, {Text: r.Overdue, Style: ovStyle}, {Text: r.Util, Style: utilStyle}, {Text: r.DSO},
		{Text: r.Last, Style: lastStyle}, {Text: r.Next, Style: nextStyle},
	}
}

// totals are the header lines: the totals per currency, never added
// across, of the rows shown (the book's, or the filter's).
func (p *Page) totals(w int) []string {
	s := p.Styles
	totals, text := p.data.totals, p.data.totalText
	if p.shown != nil {
		totals, text = p.shown.totals, p.shown.text
	}
	if len(totals) == 0 {
		return []string{s.Muted.Render("No account shown.")}
	}
	var out []string
	long := 0
	for _, t := range text {
		if common.Width(t[0]) > w {
			long = 1
		}
	}
	for i, t := range text {
		if i == 2 && len(totals) > 3 {
			out = append(out, s.Muted.Render(fmt.Sprintf("… and %d more currencies (see the aging pane)", len(totals)-2)))
			break
		}
		out = append(out, s.Total.Render(common.Cut(t[long], w)))
	}
	return out
}

// managerCells are a row's cells with the manager's columns after the
// others (managerColumnsOf).
func (p *Page) managerCells(r *Row) []common.Cell {
	s := p.Styles
	cells := p.cells(r)
	var npsStyle *lipgloss.Style
	if r.manager.hasNPS && r.manager.nps <= 6 { // a detractor
		npsStyle = &s.Warn
	}
	return append(cells, common.Cell{Text: r.Revenue}, common.Cell{Text: r.Margin}, common.Cell{Text: r.NPS, Style: npsStyle},
		common.Cell{Text: r.CSAT}, common.Cell{Text: r.Expansion})
}
