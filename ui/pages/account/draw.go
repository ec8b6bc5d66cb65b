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
	}
	p.scroll = p.scroll.Resize(p.bodyHeight())
}

func (p *Page) bodyHeight() int { return max(p.Height-headLines, 1) }

// draw renders the current tab at the current width into cached lines.
func (p *Page) draw() {
	p.drawnW = p.Width
	if p.data == nil {
		p.lines = nil
		return
	}
	s := p.Styles
	w := p.Width
	var out []string
	for si, sec := range p.data.Tabs[p.tab].Sections {
		if si > 0 {
			out = append(out, "")
		}
		if sec.Title != "" {
			out = append(out, s.GroupHeader.Render(common.Cut(common.Clean(sec.Title), w)))
		}
		if len(sec.Rows) == 0 {
			if sec.Empty != "" {
				out = append(out, s.Muted.Render(common.Cut(common.Clean(sec.Empty), w)))
			}
			continue
		}
		widths := common.Layout(sec.Cols, w)
		out = append(out, s.ColHeader.Render(common.Header(sec.Cols, widths)))
		for _, r := range sec.Rows {
			cells := make([]common.Cell, len(r))
			for i, c := range r {
				cells[i] = common.Cell{Text: c.Text, Alt: c.Alt, Style: p.tone(c.Tone)}
			}
			out = append(out, common.Row(sec.Cols, widths, cells, false))
		}
	}
	p.lines = out
	p.scroll = p.scroll.Resize(p.bodyHeight())
	p.scroll = p.scroll.SetLen(len(out))
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
	from, to := p.scroll.Window()
	lines = append(lines, p.lines[from:to]...)
	if to < len(p.lines) && len(lines) == p.Height {
		lines[len(lines)-1] = s.Muted.Render(common.Cut(fmt.Sprintf("↓ %d more lines (j/pgdn)", len(p.lines)-to), w))
	}
	return common.Lines(lines, w, p.Height)
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
		return s.TabActive.Render(common.Cut(fmt.Sprintf("[%s] %d/%d · tab/shift+tab", p.data.Tabs[p.tab].Name, p.tab+1, len(p.data.Tabs)), w))
	}
	return line
}
