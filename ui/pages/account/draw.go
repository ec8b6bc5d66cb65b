package account

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/shopspring/decimal"

	"acctdesk/domain"
	"acctdesk/ui/common"
	"acctdesk/ui/styles"
)

const headLines = 6 // identity, limit+gauge, figures, contacts, contract, tabs

// SetSize sets the page's size; the tab is drawn again for a new width.
func (p *Page) SetSize(w, h int) {
	p.Width, p.Height = w, h
	if w != p.drawnW {
		p.draw()
		if p.detail != nil {
			p.drawDetail()
		}
	}
	p.scroll = p.scroll.Resize(p.listHeight())
	if p.detail != nil {
		p.detail.view = p.detail.view.Resize(p.bodyHeight())
	}
}

// searchShown reports whether the search line is shown (typed, or kept).
func (p *Page) searchShown() bool { return p.typing || p.query != "" }

func (p *Page) bodyHeight() int {
	h := p.Height - headLines
	if p.searchShown() {
		h--
	}
	return max(h, 1)
}

// listHeight is the room for the tab's lines: the body, less the line that
// says how many more there are when they do not all fit.
func (p *Page) listHeight() int {
	h := p.bodyHeight()
	if len(p.lines) > h {
		h--
	}
	return max(h, 1)
}

// rowPad is the room for the cursor mark before each row.
const rowPad = 2

// draw renders the current tab at the current width into cached lines: the
// rows that hold the search, each section's columns laid out.
func (p *Page) draw() {
	p.drawnW = p.Width
	if p.data == nil {
		p.lines, p.refs, p.lays = nil, nil, nil
		return
	}
	s := p.Styles
	w := p.Width
	p.matches = make([]int, len(p.data.Tabs))
	for ti, t := range p.data.Tabs {
		for _, sec := range t.Sections {
			for ri := range sec.Rows {
				if p.holds(&sec, ri) {
					p.matches[ti]++
				}
			}
		}
	}
	var out []string
	var refs []lineRef
	var lays []layout
	add := func(line string) { out, refs = append(out, line), append(refs, lineRef{-1, -1}) }
	for si, sec := range p.data.Tabs[p.tab].Sections {
		widths := common.Layout(sec.Cols, max(w-rowPad, 1))
		lays = append(lays, layout{sec.Cols, widths})
		if si > 0 {
			add("")
		}
		if sec.Title != "" {
			add(s.GroupHeader.Render(common.Cut(common.Clean(sec.Title), w)))
		}
		if sec.Chart != nil {
			for _, l := range sec.Chart(w, s) {
				add(l)
			}
		}
		if len(sec.Rows) == 0 {
			if sec.Empty != "" {
				add(s.Muted.Render(common.Cut(common.Clean(sec.Empty), w)))
			}
			continue
		}
		header := false
		for ri := range sec.Rows {
			if !p.holds(&sec, ri) {
				continue
			}
			if !header {
				add(s.ColHeader.Render(strings.Repeat(" ", rowPad) + common.Header(sec.Cols, widths)))
				header = true
			}
			out = append(out, strings.Repeat(" ", rowPad)+common.Row(sec.Cols, widths, p.cells(sec.Rows[ri]), false))
			refs = append(refs, lineRef{si, ri})
		}
		if !header {
			add(s.Muted.Render(common.Cut("Nothing here holds “"+common.Clean(p.field.String())+"”.", w)))
		}
	}
	p.lines, p.refs, p.lays = out, refs, lays
	l := p.scroll.Resize(p.listHeight())
	l.Skip = func(i int) bool { return i < len(refs) && refs[i].sec < 0 }
	p.scroll = l.SetLen(len(out))
}

// holds reports whether a section's row holds what is searched for.
func (p *Page) holds(sec *Section, ri int) bool {
	return p.query == "" || (ri < len(sec.Find) && strings.Contains(sec.Find[ri], p.query))
}

func (p *Page) cells(r []Cell) []common.Cell {
	cells := make([]common.Cell, len(r))
	for i, c := range r {
		cells[i] = common.Cell{Text: c.Text, Alt: c.Alt, Style: p.tone(c.Tone)}
	}
	return cells
}

// drawDetail wraps the entry shown whole at the current width: each column
// as "Title  text", then what the entry has beyond its cells.
func (p *Page) drawDetail() {
	d := p.detail
	s := p.Styles
	w := max(p.Width, 20)
	lw := 0
	for _, c := range d.cols {
		lw = max(lw, common.Width(c.Title))
	}
	lines := []string{s.GroupHeader.Render(common.Cut(common.Clean(d.title), w))}
	for i, c := range d.cols {
		if i >= len(d.cells) || strings.TrimSpace(d.cells[i].Text) == "" {
			continue
		}
		text := wrap(common.Clean(d.cells[i].Text), w-lw-2)
		for j, l := range text {
			label := strings.Repeat(" ", lw)
			if j == 0 {
				label = s.Label.Render(common.Fit(c.Title, lw))
			}
			lines = append(lines, label+"  "+l)
		}
	}
	if len(d.more) > 0 {
		lines = append(lines, "")
		for _, m := range d.more {
			lines = append(lines, wrap(m, w)...)
		}
	}
	d.lines = lines
	d.view = common.List{Height: p.bodyHeight(), Cursor: d.view.Cursor, Offset: d.view.Offset}.SetLen(len(lines))
}

// wrap breaks text into lines of at most w cells, at spaces where it can.
func wrap(text string, w int) []string {
	w = max(w, 8)
	if text == "" {
		return []string{""}
	}
	return common.WrapWords(text, w)
}

func (p *Page) tone(t Tone) *lipgloss.Style {
	s := p.Styles
	switch t {
	case Muted:
		return &s.Muted
	case Warn:
		return &s.Warn
	case Bad:
		return &s.Bad
	case Good:
		return &s.Good
	}
	return nil
}

// View draws the page from the cached lines.
func (p *Page) View() string {
	s := p.Styles
	w := p.Width
	if p.data == nil {
		return common.Lines([]string{
			s.Muted.Render("No account open yet."),
			s.Muted.Render("Press enter on the queue, the book or the aging, or : to jump to an account."),
		}, w, p.Height)
	}
	d := p.data
	lines := make([]string, 0, p.Height)
	lines = append(lines, p.identLine(w))
	lines = append(lines, p.limitLine(w))
	// The head is made of the book's text: each line is drawn Clean.
	lines = append(lines, common.Cut(common.Clean(d.Head[1]), w))
	lines = append(lines, s.Muted.Render(common.Cut(common.Clean(d.Head[2]), w)))
	lines = append(lines, common.Cut(common.Clean(d.Head[3]), w))
	lines = append(lines, p.tabsLine(w))
	if p.searchShown() {
		lines = append(lines, p.searchLine(w))
	}
	if d := p.detail; d != nil {
		from, to := d.view.Window()
		lines = append(lines, d.lines[from:to]...)
		foot := "esc or enter closes"
		if d.letter != nil {
			foot = "enter or w writes it to " + common.Clean(d.letter.dir) + " · esc closes"
		}
		if to < len(d.lines) {
			foot = fmt.Sprintf("↓ %d more lines (j/pgdn) · %s", len(d.lines)-to, foot)
		}
		if len(lines) < p.Height {
			lines = append(lines, make([]string, p.Height-len(lines))...)
		}
		lines[len(lines)-1] = s.Muted.Render(common.Cut(foot, w))
		return common.Lines(lines, w, p.Height)
	}
	from, to := p.scroll.Window()
	for i := from; i < to; i++ {
		ref := p.refs[i]
		if ref.sec < 0 || i != p.scroll.Cursor {
			lines = append(lines, p.lines[i])
			continue
		}
		lay := p.lays[ref.sec]
		row := p.data.Tabs[p.tab].Sections[ref.sec].Rows[ref.row]
		lines = append(lines, s.Selected.Render("▸ "+common.Row(lay.cols, lay.widths, p.cells(row), true)))
	}
	if to < len(p.lines) {
		lines = append(lines, s.Muted.Render(common.Cut(fmt.Sprintf("↓ %d more lines (j/pgdn)", len(p.lines)-to), w)))
	}
	return common.Lines(lines, w, p.Height)
}

// searchLine is the search being typed, or kept, and where it was found.
func (p *Page) searchLine(w int) string {
	s := p.Styles
	n := 0
	for _, m := range p.matches {
		n += m
	}
	var help string
	switch {
	case p.typing:
		help = "enter keeps · esc clears"
	default:
		help = "/ edits · esc clears"
	}
	found := fmt.Sprintf("%s in this tab, %d in all", plural(p.matches[p.tab], "match", "matches"), n)
	if p.query == "" {
		found = "an invoice number, a word in a note…"
	}
	in := p.field.View(max(min(30, w/3), 8), p.typing, s.Input, s.Cursor, s.Placeholder)
	return common.Cut("/ "+in+"  "+s.Muted.Render(found+" · "+help), w)
}

// identLine is the code and name, then (when the account is shown as of
// another date than the workstation's) that date, then the rest.
func (p *Page) identLine(w int) string {
	s := p.Styles
	d := p.data
	line := s.Title.Render(common.Clean(d.Code + "  " + d.Name))
	if d.Past != "" {
		line += " " + s.Warn.Render("["+common.Clean(d.Past)+"]")
	}
	return common.Cut(line+s.Title.Render(common.Clean(d.Head[0])), w)
}

func (p *Page) limitLine(w int) string {
	s := p.Styles
	d := p.data
	text := common.Clean(d.LimitText)
	if !d.HasUtil {
		return common.Cut(text, w)
	}
	pct := common.Pct(d.Util)
	room := w - common.Width(text) - 3 - common.Width(pct) - 1 - 2
	cells := min(20, room)
	if cells < 5 {
		return common.Cut(text+" · "+pct+" used", w)
	}
	return common.Cut(text, w) + " · " + Gauge(s, d.Util, d.UtilLevel, cells) + " " + pct
}

// Gauge draws a utilisation bar of n cells between brackets.
func Gauge(s *styles.Styles, util decimal.Decimal, level domain.UtilLevel, n int) string {
	f := util.InexactFloat64()
	filled := min(max(int(f/100*float64(n)+0.5), 0), n)
	st := s.GaugeFull
	switch level {
	case domain.UtilWarning:
		st = s.GaugeWarn
	case domain.UtilOver:
		st = s.GaugeBad
	}
	return "[" + st.Render(strings.Repeat("█", filled)) + s.GaugeEmpty.Render(strings.Repeat("░", n-filled)) + "]"
}

func (p *Page) tabsLine(w int) string {
	s := p.Styles
	build := func(short bool) (string, int) {
		var b strings.Builder
		width := 0
		for i, t := range p.data.Tabs {
			name := t.Name
			if short {
				name = t.Short
			}
			if p.query != "" && i < len(p.matches) {
				name += fmt.Sprintf(" %d", p.matches[i])
			}
			if i == p.tab {
				seg := "[" + name + "]"
				b.WriteString(s.TabActive.Render(seg))
				width += common.Width(seg)
			} else {
				seg := " " + name + " "
				b.WriteString(s.Muted.Render(seg))
				width += common.Width(seg)
			}
		}
		return b.String(), width
	}
	line, n := build(false)
	if n > w {
		line, n = build(true)
	}
	if n > w {
		if line, ok := p.tabsWindow(w); ok { // tabswindow.go
			return line
		}
		return s.TabActive.Render(common.Cut(fmt.Sprintf("[%s] %d/%d · tab/shift+tab", p.data.Tabs[p.tab].Name, p.tab+1, len(p.data.Tabs)), w))
	}
	return line
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
