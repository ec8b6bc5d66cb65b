// Package renewals is the Renewals page (SPEC §10.1): every contract of the
// book by days to expiry, with its notice-by date, its state (active,
// renewed, lapsed, terminated), and the account's revenue of the last 12
// months, utilisation and open service issues; grouped by state (those due
// for renewal first) or owner, sorted and filtered like the book. enter
// opens the account, r records the selected contract's renewal or lapse.
package renewals

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/ui/common"
	"acctdesk/ui/form"
)

// Page is the renewals page.
type Page struct {
	common.ListPage[Row]
	view  *desk.View // the newest view (shared, never changed)
	data  *data
	loads common.Loads
}

// New makes an empty renewals page.
func New(c common.Common) *Page {
	return &Page{ListPage: common.NewListPage(c, spec(c))}
}

// Info declares the page: number 6 (SPEC §8).
func (p *Page) Info() common.PageInfo {
	return common.PageInfo{Name: "Renewals", KeyHelp: "renewals", Number: 6}
}

// Tab is the page's label in the top bar.
func (p *Page) Tab() string { return "Renewals" }

// SetSize sets the page's size.
func (p *Page) SetSize(w, h int) {
	p.Width, p.Height = w, h
	p.Resize(p.listHeight())
}

// listHeight is what the title and the column header leave.
func (p *Page) listHeight() int { return p.Height - 2 }

// Update prepares the rows of each view in a command (only the accounts the
// view changed are formatted again), and handles the keys.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.ViewMsg:
		p.view = msg.View
		return p.load()
	case prepared:
		latest, again := p.loads.Done(msg.seq)
		if latest {
			p.data = msg.data
			p.SetRows(p.data.rows)
		}
		if again {
			return p.load()
		}
	case tea.KeyMsg:
		if p.HandleKey(msg) {
			return nil
		}
		switch {
		case key.Matches(msg, p.Keys.Open):
			if code, _ := p.Selected(); code != "" {
				return common.OpenAccount(code)
			}
		case key.Matches(msg, p.Keys.Renew):
			return p.renew()
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
	var old common.AccountRows[acctRows]
	if p.data != nil {
		old = p.data.accounts
	}
	return prepare(seq, p.view, old)
}

// renew asks the root for the renewal form on the selected contract; one
// renewed or terminated has nothing left to record.
func (p *Page) renew() tea.Cmd {
	if no := p.Refuse(desk.Lead, "a renewal or a lapse"); no != nil {
		return no
	}
	r, ok := p.Current()
	if !ok {
		return common.InfoCmd("Choose a contract first")
	}
	return form.OpenRenewal(p.Common, r.Code, r.K, r.st, r.Renewal)
}

// Selected is the account of the contract under the cursor.
func (p *Page) Selected() (code, itemKey string) {
	if r, ok := p.Current(); ok {
		return r.Code, ""
	}
	return "", ""
}

// ShortHelp is the page's key summary.
func (p *Page) ShortHelp() []key.Binding {
	k := p.Keys
	return []key.Binding{k.Open, k.Renew, k.Filter, k.Sort, k.Reverse, k.Group, k.Call, k.Note}
}

// FullHelp is every key of the page.
func (p *Page) FullHelp() [][]key.Binding {
	k := p.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Open, k.Renew, k.Filter, k.Sort, k.Reverse, k.Group},
		{k.Call, k.Escalate, k.Note, k.FollowUp}}
}
