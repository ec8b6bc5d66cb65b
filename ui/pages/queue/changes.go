package queue

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"acctdesk/domain"
	"acctdesk/ui/common"
)

// What changed (SPEC §9.6): the summary line under the queue's title
// ("since Mon: 14 newly overdue, 3 broken promises, ₦4.2M received"), and
// the list of changes it opens. ↑ from the first row puts the cursor on the
// line; c there (or enter) opens the list; esc goes back. The changes are
// worked out in prepare (desk.View.WhatChanged), once per view.

var changeColumns = []common.Column{
	{Title: "Date", Width: 6},
	{Title: "Account", Width: 8, Min: 6, Max: 8},
	{Title: "Change", Width: 17, Min: 13},
	{Title: "Amount", Width: 12, Min: 9, Right: true},
	{Title: "Detail", Width: 20, Min: 10, Max: 200, Fill: true, Drop: 1},
}

// summaryKey is the key that opens the list on the summary line: the call
// key's (c unless remapped), since the cursor is on no account there.
func (p *Page) summaryKey() key.Binding {
	return key.NewBinding(key.WithKeys(p.Keys.Call.Keys()...),
		key.WithHelp(p.Keys.Call.Help().Key, "top line: what changed"))
}

// TakesKey reports whether the page handles km itself, before the
// workstation's keys for an account: c on the summary line, and every key
// while the list of changes is open.
func (p *Page) TakesKey(km tea.KeyMsg) bool {
	return p.showChanges || (p.onSummary && key.Matches(km, p.Keys.Call))
}

// changeKey handles a key on the summary line or in the list of changes;
// ok is false when the key is the queue's.
func (p *Page) changeKey(km tea.KeyMsg) (cmd tea.Cmd, ok bool) {
	k := p.Keys
	if p.showChanges {
		switch {
		case key.Matches(km, k.Back):
			p.showChanges = false
		default:
			if nav, moved := common.NavKey(p.changeNav, km, k); moved {
				p.changeNav = nav
			}
		}
		return nil, true
	}
	if p.onSummary {
		switch {
		case key.Matches(km, k.Call), key.Matches(km, k.Open):
			if p.data == nil || p.data.changes == nil {
				return nil, true
			}
			p.showChanges = true
			p.changeNav = common.List{Len: len(p.data.changes.All)}.Resize(p.changeRows()).Top()
			return nil, true
		case key.Matches(km, k.Up):
			return nil, true
		case key.Matches(km, k.Down), key.Matches(km, k.Back):
			p.onSummary = false
			return nil, true
		}
		p.onSummary = false
		return nil, false
	}
	if key.Matches(km, k.Up) && p.atTop() && !p.InputFocused() {
		p.onSummary = true
		return nil, true
	}
	return nil, false
}

// atTop reports whether the cursor is on the first row listed (or none is).
func (p *Page) atTop() bool {
	for _, l := range p.Lines() {
		if l.Row >= 0 {
			r, ok := p.Current()
			return !ok || r == p.Rows()[l.Row]
		}
	}
	return true
}

// changeRows is how many changes fit on the page: all but the title, the
// summary, the column header, the rule and the footer's three lines.
func (p *Page) changeRows() int { return max(p.Height-3-4, 1) }

// summaryLine is the line under the title: the summary, marked when the
// cursor is on it.
func (p *Page) summaryLine(w int) string {
	s := p.Styles
	if p.data == nil || p.data.changes == nil {
		return ""
	}
	line := p.data.changes.Summary.Line()
	if p.showChanges {
		return s.Muted.Render(common.Cut("  "+line, w))
	}
	if p.onSummary {
		return s.Selected.Render(common.Cut("▸ "+line+" · "+p.Keys.Call.Help().Key+": the list", w))
	}
	hint := " · ↑ " + p.Keys.Call.Help().Key + ": the list"
	if common.Width("  "+line+hint) > w {
		hint = ""
	}
	return s.Muted.Render(common.Cut("  "+line+hint, w))
}

// changesView draws the list of changes in place of the queue's rows.
func (p *Page) changesView() string {
	s := p.Styles
	w := p.Width
	c := p.data.changes
	asOf := p.data.asOf
	title := fmt.Sprintf("What changed · %s to %s · %s · esc back", common.WeekDay(c.Since+1, asOf), common.WeekDay(asOf, asOf),
		common.Count(len(c.All), "change"))
	lines := []string{s.Title.Render(common.Cut(title, w)), p.summaryLine(w)}
	widths := common.Layout(changeColumns, w-2)
	lines = append(lines, "  "+s.ColHeader.Render(common.Header(changeColumns, widths)))
	nav := p.changeNav.SetLen(len(c.All)).Resize(p.changeRows())
	from, to := nav.Window()
	for i := from; i < to; i++ {
		ch := &c.All[i]
		amount := ""
		if ch.HasMoney {
			amount = common.MoneyIn(ch.Amount, ch.Currency, max(widths[3], 1))
		}
		var tone *lipgloss.Style
		if bad(ch.Kind) {
			tone = &s.Bad
		}
		cells := []common.Cell{{Text: common.Day(ch.On, asOf)}, {Text: common.Clean(ch.Account)},
			{Text: ch.Kind, Style: tone}, {Text: amount}, {Text: common.Clean(ch.Detail)}}
		sel := i == nav.Cursor
		row := common.Row(changeColumns, widths, cells, sel)
		if sel {
			lines = append(lines, s.Selected.Render("▸ "+row))
		} else {
			lines = append(lines, "  "+row)
		}
	}
	if len(c.All) == 0 {
		lines = append(lines, s.Good.Render(common.Cut("  Nothing changed.", w)))
	}
	for len(lines) < p.Height-4 {
		lines = append(lines, "")
	}
	lines = append(lines, s.Muted.Render(strings.Repeat("─", w)))
	foot := []string{"", "", s.Muted.Render(common.Cut("↑↓ move · esc back to the queue · acctdesk report changes --since "+c.Since.String(), w))}
	if nav.Cursor < len(c.All) {
		ch := &c.All[nav.Cursor]
		head := common.Clean(ch.Account) + " · " + ch.Kind + " · " + common.LongDay(ch.On)
		if ch.HasMoney {
			head += " · " + common.Money(ch.Amount, ch.Currency)
		}
		foot[0] = s.Title.Render(common.Cut(head, w))
		foot[1] = common.Cut(common.Clean(ch.Detail), w)
	}
	lines = append(lines, foot...)
	return common.Lines(lines, w, p.Height)
}

// bad reports whether a change is bad news (shown in the bad colour).
func bad(kind string) bool {
	switch kind {
	case domain.ChangeNewlyOverdue, domain.ChangeBucket, domain.ChangePromiseBroken, domain.ChangeCreditBreach,
		domain.ChangeEscalationOpened, domain.ChangeDisputeOpened:
		return true
	}
	return false
}
