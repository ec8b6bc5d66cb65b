package reports

import (
	"acctdesk/report"
	"acctdesk/ui/common"
)

// nameWidth is the width of the list's names.
const nameWidth = 17

// View draws the list of reports, or the report shown.
func (p *Page) View() string {
	if p.sheet != nil {
		return p.sheetView()
	}
	s, w := p.Styles, p.Width
	n := common.Count(len(report.Names), "report")
	title := "Reports · " + n
	if p.view != nil {
		// The longest that fits: the keys said in words, then short, the
		// count left out before the keys.
		base, period := "Reports as of "+common.LongDay(p.view.AsOf), " · period "+p.chosen()
		for _, t := range []string{
			base + " · " + n + period + " · enter shows one, x writes it as a workbook, p another period",
			base + " · " + n + period + " (p) · enter: show · x: xlsx",
			base + period + " (p) · enter: show · x: xlsx",
			base + period + " (p)",
		} {
			if title = t; common.Width(t) <= w {
				break
			}
		}
	}
	lines := []string{s.Title.Render(common.Cut(title, w)),
		"  " + s.ColHeader.Render(common.Fit("Report", nameWidth)) + " " + s.ColHeader.Render(common.Fit("What it is", max(w-nameWidth-3, 0)))}
	from, to := p.list.Window()
	for i := from; i < to; i++ {
		name := report.Names[i]
		about := report.About(name)
		if p.want == name && p.sheet == nil {
			about = "working it out…"
		} else if report.UsesPeriod[name] {
			about = "(" + p.periodFor(name) + ") " + about
		}
		text := common.Fit(name, nameWidth) + " " + common.Cut(common.Clean(about), max(w-nameWidth-3, 0))
		if i == p.list.Cursor {
			lines = append(lines, s.Selected.Render(common.Fit("▸ "+text, w)))
		} else {
			lines = append(lines, "  "+text)
		}
	}
	return common.Lines(lines, w, p.Height)
}

// sheetView draws the report shown: its title, what it is, the headings
// and the rows on screen, the TOTAL rows in bold.
func (p *Page) sheetView() string {
	s, w, sh := p.Styles, p.Width, p.sheet
	head := "Report " + sh.name + " as of " + common.LongDay(sh.asOf)
	if sh.period != "" {
		head += " · period " + sh.period + " (p)"
	}
	if sh.err != "" {
		return common.Lines([]string{s.Title.Render(common.Cut(head, w)), s.Bad.Render(common.Cut("  "+sh.err, w))}, w, p.Height)
	}
	t := sh.table
	idx, widths := sh.shown(w - 2)
	head += " · " + common.Count(len(t.Rows), "row") + " · " + span(idx, len(sh.cols))
	if len(idx) < len(sh.cols) || sh.first > 0 {
		head += " (←→)"
	}
	if common.Width(head+" · x: xlsx · esc: reports") <= w {
		head += " · x: xlsx · esc: reports"
	}
	lines := []string{s.Title.Render(common.Cut(head, w)), s.Muted.Render(common.Cut("  "+common.Clean(report.About(sh.name)), w))}
	titles := make([]string, len(sh.cols))
	for i, c := range sh.cols {
		titles[i] = c.title
	}
	lines = append(lines, "  "+s.ColHeader.Render(sh.line(titles, idx, widths)))
	if len(t.Rows) == 0 {
		lines = append(lines, s.Muted.Render(common.Cut("  Nothing to report as of this date.", w)))
	}
	from, to := sh.rows.Window()
	for i := from; i < to; i++ {
		text := sh.line(sh.cells[i], idx, widths)
		switch {
		case i == sh.rows.Cursor:
			lines = append(lines, s.Selected.Render(common.Fit("▸ "+text, w)))
		case i >= len(t.Rows)-t.Totals:
			lines = append(lines, s.Total.Render("  "+text))
		default:
			lines = append(lines, "  "+text)
		}
	}
	return common.Lines(lines, w, p.Height)
}
