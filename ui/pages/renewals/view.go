package renewals

import (
	"fmt"
	"strconv"

	"github.com/charmbracelet/lipgloss"

	"acctdesk/domain"
	"acctdesk/ui/common"
)

// At 80 columns the name goes first; the contract's number keeps its width
// (a number cut in the middle names another contract) and so does the
// revenue (CFA 375.0M); "terminated" may read "termina…".
var columns = []common.Column{
	{Title: "Account", Width: 8, Min: 6, Max: 10},
	{Title: "Name", Width: 16, Min: 10, Max: 48, Fill: true, Drop: 7},
	{Title: "Contract", Width: contractWidth, Max: 18},
	{Title: "Ends", Width: common.DateWidth},
	{Title: "Days", Width: 5, Min: 4, Right: true},
	{Title: "Notice by", Width: common.DateWidth, Drop: 2},
	{Title: "Status", Width: 10, Min: 8},
	{Title: "Rev 12m", Width: 10, Min: 9, Right: true, Drop: 5},
	{Title: "Util", Width: 5, Right: true, Drop: 4},
	{Title: "Issues", Width: 6, Right: true, Drop: 3},
}

// contractWidth is the contract column's narrowest.
const contractWidth = 12

// View draws the page.
func (p *Page) View() string {
	s := p.Styles
	w := p.Width
	if p.data == nil {
		return common.Lines([]string{s.Muted.Render("Loading the contracts…")}, w, p.Height)
	}
	d := p.data
	// The top bar has the date, the due group's heading the horizon: the
	// sort and the grouping fit at 80 columns.
	title := fmt.Sprintf("Renewals · %d due · %d lapsed · %s · sort: %s · group: %s",
		d.due, d.lapsed, common.Count(p.Count(), "contract"), p.SortName(), p.GroupName())
	if p.Shown() != p.Count() {
		title = fmt.Sprintf("Renewals · %d of %s · sort: %s · group: %s", p.Shown(), common.Count(p.Count(), "contract"), p.SortName(), p.GroupName())
	}
	lines := make([]string, 0, p.Height)
	lines = append(lines, p.TitleLine(title))
	if p.Count() == 0 {
		lines = append(lines, s.Muted.Render(common.Cut("  No contracts in the book yet.", w)),
			s.Muted.Render(common.Cut("  Import them with `acctdesk import contracts FILE`, or add one on an account (a).", w)))
		return common.Lines(lines, w, p.Height)
	}
	widths := common.Layout(columns, w-2)
	lines = append(lines, "  "+s.ColHeader.Render(p.Header(columns, widths)))
	lines = append(lines, p.Window(columns, widths, func(_ int, r *Row) []common.Cell { return p.cells(r) })...)
	if p.Shown() == 0 {
		lines = append(lines, s.Muted.Render("  No contract matches the filter. esc clears it."))
	}
	return common.Lines(lines, w, p.Height)
}

func (p *Page) cells(r *Row) []common.Cell {
	s := p.Styles
	var state, notice, util *lipgloss.Style
	switch {
	case r.Due:
		state = &s.Warn
	case r.Status == domain.ContractLapsed:
		state = &s.Bad
	case r.Status == domain.ContractRenewed:
		state = &s.Good
	case r.Status == domain.ContractTerminated:
		state = &s.Muted
	}
	if r.NoticePassed {
		notice = &s.Bad
	}
	switch r.UtilLevel {
	case domain.UtilWarning:
		util = &s.Warn
	case domain.UtilOver:
		util = &s.Bad
	}
	issues := ""
	if r.Issues > 0 {
		issues = strconv.Itoa(r.Issues)
	}
	return []common.Cell{
		{Text: r.Code}, {Text: r.Name}, {Text: r.Contract, Alt: r.ContractAlt}, {Text: r.Ends}, {Text: r.Days, Style: state},
		{Text: r.NoticeBy, Style: notice}, {Text: r.Status, Style: state}, {Text: r.Revenue}, {Text: r.Util, Style: util},
		{Text: issues},
	}
}
