// Package crosssell is the Cross-sell page (SPEC §10.5): every account not
// churned × the products the book has sold, a mark for each product the
// account bought in the 12 months ending the date, single-product accounts
// marked (every AGO-only account is a PMS, Rescue and Fleet candidate),
// the expansion notes, and at the top the conversions of those 12 months.
// Filter, sort and group as on the book; enter opens the account.
package crosssell

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/ui/common"
)

// Page is the cross-sell page.
type Page struct {
	common.ListPage[Row]
	view  *desk.View // the newest view (shared, never changed)
	data  *data
	loads common.Loads
}

// New makes an empty cross-sell page.
func New(c common.Common) *Page { return &Page{ListPage: common.NewListPage(c, spec(c))} }

// Info declares the page: its number key is 7 (SPEC §8).
func (p *Page) Info() common.PageInfo {
	return common.PageInfo{Name: "Cross-sell", KeyHelp: "cross-sell", Number: 7}
}

// Tab is the page's label in the top bar.
func (p *Page) Tab() string { return "Cross-sell" }

// headLines are the title, the conversions and the column header.
const headLines = 3

// SetSize sets the page's size.
func (p *Page) SetSize(w, h int) {
	p.Width, p.Height = w, h
	p.Resize(h - headLines)
}

// Update prepares the page's rows for each view, in a command (only the
// accounts the view changed are formatted again), and handles the keys.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.ViewMsg:
		p.view = msg.View
		return p.load()
	case prepared:
		latest, again := p.loads.Done(msg.seq)
		if latest {
			p.data = msg.data
			p.SetRows(p.data.shown)
		}
		if again {
			return p.load()
		}
	case tea.KeyMsg:
		if p.HandleKey(msg) {
			return nil
		}
		if key.Matches(msg, p.Keys.Open) {
			if code, _ := p.Selected(); code != "" {
				return common.OpenAccount(code)
			}
		}
	}
	return nil
}

// load prepares the newest view's rows, unless a preparation is under way.
func (p *Page) load() tea.Cmd {
	seq, ok := p.loads.Start()
	if !ok {
		return nil
	}
	var old common.AccountRows[Row]
	if p.data != nil {
		old = p.data.rows
	}
	return prepare(seq, p.view, old)
}

// Selected is the account under the cursor (for c, e, n, f).
func (p *Page) Selected() (code, itemKey string) {
	if r, ok := p.Current(); ok {
		return r.Code, ""
	}
	return "", ""
}

// ShortHelp is the page's key summary.
func (p *Page) ShortHelp() []key.Binding {
	k := p.Keys
	return []key.Binding{k.Open, k.Filter, k.Sort, k.Reverse, k.Group, k.Call, k.Note, k.FollowUp}
}

// FullHelp is every key of the page.
func (p *Page) FullHelp() [][]key.Binding {
	k := p.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Open, k.Filter, k.Sort, k.Reverse, k.Group}, {k.Call, k.Escalate, k.Note, k.FollowUp}}
}
