package aging

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"acctdesk/ui/common"
)

func (p *Page) columns() []common.Column {
	cols := []common.Column{
		{Title: "Account", Width: 8, Max: 10},
		{Title: "Name", Width: 16, Min: 10, Max: 40, Drop: 5, Fill: true},
	}
	for _, l := range p.data.labels {
		cols = append(cols, common.Column{Title: l, Width: 9, Max: 11, Right: true})
	}
	return append(cols,
		// Total and Net grow to the full figure of a total (₦1,421,188,891.07) when there is room
		common.Column{Title: "Total", Width: 9, Max: 18, Right: true},
		common.Column{Title: "Unapplied", Width: 9, Max: 11, Right: true, Drop: 7},
		common.Column{Title: "Net", Width: 9, Max: 18, Right: true, Drop: 6},
	)
}

// View draws the page.
func (p *Page) View() string {
	s := p.Styles
	w := p.Width
	if p.data == nil {
		return common.Lines([]string{s.Muted.Render("Computing the aging…")}, w, p.Height)
	}
	if p.chart {
		return p.chartView()
	}
	when := common.LongDay(p.data.asOf)
	if p.pending != 0 {
		when += " (computing " + common.LongDay(p.pending) + "…)"
	}
	title := fmt.Sprintf("Aging as of %s (< >) · %s · sort: %s · group: %s", when, common.Count(p.Shown(), "account"), p.SortName(), p.GroupName())
	lines := make([]string, 0, p.Height)
	lines = append(lines, p.TitleLine(title))
	cols := p.columns()
	widths := common.Layout(cols, w-2)
	lines = append(lines, "  "+s.ColHeader.Render(p.header(cols, widths)))
	lines = append(lines, p.Window(cols, widths, func(_ int, r *Row) []common.Cell { return p.cells(r) })...)
	if p.Shown() == 0 {
		if p.Filtered() {
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
	totals := p.totals()
	if len(totals) == 0 {
		lines = append(lines, s.Muted.Render("  No totals: nothing outstanding."))
	}
	for i, t := range totals {
		if i == foot-1 {
			break
		}
		if i == 3 && len(totals) > 4 {
			lines = append(lines, s.Muted.Render(fmt.Sprintf("  … and %d more currencies", len(totals)-3)))
			break
		}
		lines = append(lines, s.Total.Render("  "+totalRow(cols, widths, t)))
	}
	if len(totals) == 1 && foot == 3 {
		t := totals[0]
		cells := []common.Cell{{Text: ""}, {Text: "share of total"}}
		for _, c := range t.Share {
			cells = append(cells, common.Cell{Text: c})
		}
		lines = append(lines, s.Muted.Render("  "+common.Row(cols, widths, cells, true)))
	}
	return common.Lines(lines, w, p.Height)
}

// header is the column titles with the sort's arrow; the oldest bucket's
// column is named by the book's edges.
func (p *Page) header(cols []common.Column, widths []int) string {
	if p.SortName() == "oldest bucket" || p.SortName() == "oldest bucket, reversed" {
		return common.SortedHeader(cols, widths, 1+len(p.data.labels), p.SortDesc())
	}
	return p.Header(cols, widths)
}

// totalRow is a currency's totals: "NGN total · 23 accounts" over the
// account and name columns (the longest form that fits), then each
// figure in full where it fits (₦84,550,000.50 in Total), else short.
func totalRow(cols []common.Column, widths []int, t Total) string {
	lw := widths[0]
	if widths[1] > 0 {
		lw += common.Gap + widths[1]
	}
	cur, n := string(t.Cur), strconv.Itoa(t.Accounts)
	label := cur
	for _, l := range []string{cur + " total · " + common.Count(t.Accounts, "account"), cur + " · " + common.Count(t.Accounts, "account"), cur + " · " + n + " acc", cur + " · " + n} {
		if common.Width(l) <= lw {
			label = l
			break
		}
	}
	cells := make([]common.Cell, len(t.Cells))
	for i, c := range t.Cells {
		cells[i] = common.Cell{Text: c, Alt: t.Short[i]}
	}
	return common.Fit(label, lw) + strings.Repeat(" ", common.Gap) + common.Row(cols[2:], widths[2:], cells, true)
}

// cells are a row's cells: overdue buckets warn, the oldest are bad.
func (p *Page) cells(r *Row) []common.Cell {
	s := p.Styles
	n := len(p.data.labels)
	cells := []common.Cell{{Text: r.Code}, {Text: r.Name}}
	for k, c := range r.Cells {
		var st *lipgloss.Style
		if k >= 3 && k < n && c != "-" {
			st = &s.Bad
		} else if k >= 1 && k < n && c != "-" {
			st = &s.Warn
		}
		cells = append(cells, common.Cell{Text: c, Style: st})
	}
	return cells
}
