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
	{Title: "T", Width: 1, Drop: 6, Right: true},
	{Title: "Owner", Width: 10, Max: 16, Drop: 8},
	{Title: "Products", Width: 12, Max: 30, Drop: 10, Fill: true},
	{Title: "AR", Width: 9, Right: true},
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
	so := Sorts[p.SortIndex()]
	title := fmt.Sprintf("Book · %d accounts · as of %s · sort: %s · group: %s", p.Count(), common.LongDay(p.data.asOf), so.Name, p.GroupName())
	if p.Shown() != p.Count() {
		title = fmt.Sprintf("Book · %d of %d accounts · sort: %s · group: %s", p.Shown(), p.Count(), so.Name, p.GroupName())
	}
	lines := make([]string, 0, p.Height)
	lines = append(lines, p.TitleLine(title))
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
	lines = append(lines, p.Window(columns, widths, func(_ int, r *Row) []common.Cell { return p.cells(r) })...)
	if p.Shown() == 0 {
		if p.Filtered() {
			lines = append(lines, s.Muted.Render("  No account matches the filter. esc clears it."))
		} else {
			lines = append(lines, s.Muted.Render("  The book has no accounts yet: import some with `acctdesk import accounts FILE`."))
		}
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
		{Text: r.AR}, {Text: r.Overdue, Style: ovStyle}, {Text: r.Util, Style: utilStyle}, {Text: r.DSO},
		{Text: r.Last, Style: lastStyle}, {Text: r.Next, Style: nextStyle},
	}
}

// totals are the header lines: book totals per currency, never added across.
func (p *Page) totals(w int) []string {
	s := p.Styles
	if len(p.data.totals) == 0 {
		return []string{s.Muted.Render("No open items.")}
	}
	var out []string
	long := 0
	for _, t := range p.data.totalText {
		if common.Width(t[0]) > w {
			long = 1
		}
	}
	for i, t := range p.data.totalText {
		if i == 2 && len(p.data.totals) > 3 {
			out = append(out, s.Muted.Render(fmt.Sprintf("… and %d more currencies (see the aging pane)", len(p.data.totals)-2)))
			break
		}
		out = append(out, s.Total.Render(common.Cut(t[long], w)))
	}
	return out
}
