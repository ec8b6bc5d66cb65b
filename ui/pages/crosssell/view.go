package crosssell

import (
	"fmt"
	"strconv"
	"strings"

	"acctdesk/ui/common"
)

// Marks of the product columns: bought in the 12 months, or not. They
// differ in shape, so the matrix reads the same without colour.
const (
	Bought    = "●"
	NotBought = "·"
)

// What the Cross-sell column says of an account.
const (
	MarkSingle    = "single"    // one product in the 12 months: a candidate
	MarkConverted = "converted" // single-product 12 months ago, multi-product now
)

// columns are the page's columns for the book's products: the products
// drop first (the last first) after the notes when the screen is narrow.
func columns(products []string) []common.Column {
	cols := []common.Column{
		{Title: "Account", Width: 8, Min: 6, Max: 10},
		{Title: "Name", Width: 20, Min: 10, Max: 36},
		{Title: "N", Width: 2, Right: true, Drop: 1}, // how many products
	}
	for i, p := range products {
		w := max(common.Width(common.Clean(p)), 3)
		cols = append(cols, common.Column{Title: common.Clean(p), Width: w, Drop: 10 + len(products) - i})
	}
	return append(cols,
		common.Column{Title: "Cross-sell", Width: 10, Drop: 2},
		common.Column{Title: "Expansion notes", Width: 16, Min: 8, Max: 400, Fill: true, Drop: 11 + len(products)})
}

// View draws the page.
func (p *Page) View() string {
	s := p.Styles
	w := p.Width
	if p.data == nil {
		return common.Lines([]string{s.Muted.Render("Loading the cross-sell…")}, w, p.Height)
	}
	d := p.data
	// The longest title that fits: the date goes first (the top bar has it).
	title := fmt.Sprintf("Cross-sell · %s · %d single-product · as of %s · sort: %s · group: %s",
		common.Count(p.Count(), "account"), d.singles, common.LongDay(d.asOf), p.SortName(), p.GroupName())
	if common.Width(title) > w {
		title = fmt.Sprintf("Cross-sell · %s · %d single-product · sort: %s · group: %s",
			common.Count(p.Count(), "account"), d.singles, p.SortName(), p.GroupName())
	}
	if p.Shown() != p.Count() {
		title = fmt.Sprintf("Cross-sell · %d of %d accounts · sort: %s · group: %s", p.Shown(), p.Count(), p.SortName(), p.GroupName())
	}
	lines := make([]string, 0, p.Height)
	lines = append(lines, p.TitleLine(title))
	lines = append(lines, p.conversions(w))
	if p.Count() == 0 {
		lines = append(lines, s.Muted.Render(common.Cut("  No account to cross-sell to: the book has none that is not churned.", w)))
		return common.Lines(lines, w, p.Height)
	}
	cols := columns(d.products)
	widths := common.Layout(cols, w-2)
	lines = append(lines, "  "+s.ColHeader.Render(p.Header(cols, widths)))
	lines = append(lines, p.Window(cols, widths, func(_ int, r *Row) []common.Cell { return p.cells(r, widths) })...)
	if p.Shown() == 0 {
		lines = append(lines, s.Muted.Render(common.Cut("  No account matches the filter. esc clears it.", w)))
	}
	return common.Lines(lines, w, p.Height)
}

// conversions is the line of the 12 months' conversions: how many of the
// accounts single-product at their start are multi-product at their end,
// and which.
func (p *Page) conversions(w int) string {
	s := p.Styles
	d := p.data
	start := d.period.From.AddDays(-1)
	if d.conv.Single == 0 {
		return s.Muted.Render(common.Cut(fmt.Sprintf("Conversions, 12 months: no account was single-product on %s", common.Day(start, d.asOf)), w))
	}
	pct, _ := d.conv.Pct()
	who := ""
	if len(d.converted) > 0 {
		who = ": " + strings.Join(d.converted, ", ")
	}
	line := fmt.Sprintf("Conversions, 12 months: %d of %d single-product on %s are multi-product now (%s %%)%s",
		d.conv.Converted, d.conv.Single, common.Day(start, d.asOf), pct.Round(1).StringFixed(1), who)
	if common.Width(line) > w {
		line = fmt.Sprintf("12 months: %d of %d single-product became multi-product (%s %%)%s",
			d.conv.Converted, d.conv.Single, pct.Round(1).StringFixed(1), who)
	}
	return s.Good.Render(common.Cut(line, w))
}

// cells are a row's cells in the page's columns: a mark under each product.
func (p *Page) cells(r *Row, widths []int) []common.Cell {
	s := p.Styles
	out := []common.Cell{{Text: r.Code}, {Text: r.Name}, {Text: strconv.Itoa(len(r.Products))}}
	for i, prod := range p.data.products {
		mark, style := NotBought, &s.Muted
		if r.Has(prod) {
			mark, style = Bought, &s.Good
		}
		// centred under the product's name
		pad := max((widths[3+i]-1)/2, 0)
		out = append(out, common.Cell{Text: strings.Repeat(" ", pad) + mark, Style: style})
	}
	var mark common.Cell
	switch {
	case r.Single:
		mark = common.Cell{Text: MarkSingle, Style: &s.Warn}
	case r.Converted:
		mark = common.Cell{Text: MarkConverted, Style: &s.Good}
	}
	return append(out, mark, common.Cell{Text: r.Notes})
}
