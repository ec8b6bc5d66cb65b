// Package book is the Book page: every account with its figures, sortable,
// filterable and grouped by owner or tier, with book totals per currency.
package book

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
)

// Page is the book page.
type Page struct {
	common.ListPage[Row]
	view  *desk.View // the newest view (shared, never changed)
	data  *data
	shown *shownTotals // the totals of the rows a filter shows; nil unfiltered
	loads common.Loads
	// manager: the account manager's columns are shown (o, columns.go).
	manager bool
}

// shownTotals are the header's totals of the rows a filter shows, worked
// out once per filter and data (never in View).
type shownTotals struct {
	data   *data
	filter string
	totals []domain.CurrencyTotal
	text   [][2]string
}

// New makes an empty book page.
func New(c common.Common) *Page {
	return &Page{ListPage: common.NewListPage(c, spec(c))}
}

// Info declares the page.
func (p *Page) Info() common.PageInfo { return common.PageInfo{Name: "Book", KeyHelp: "book"} }

// Tab is the page's label in the top bar.
func (p *Page) Tab() string { return "Book" }

// SetSize sets the page's size.
func (p *Page) SetSize(w, h int) {
	p.Width, p.Height = w, h
	p.Resize(p.listHeight())
}

// listHeight is what the title, the totals and the column header leave.
func (p *Page) listHeight() int { return p.Height - 2 - p.totalLines() }

func (p *Page) totalLines() int {
	switch {
	case p.data == nil || p.Count() == 0:
		return 0
	case p.shown != nil:
		return min(max(len(p.shown.totals), 1), 3)
	}
	return min(max(len(p.data.totals), 1), 3)
}

// follow makes the header's totals those of the rows shown: the book's
// without a filter, else the filter's, worked out when the filter or the
// data changed.
func (p *Page) follow() {
	switch {
	case p.data == nil || !p.Filtered():
		p.shown = nil
	case p.shown == nil || p.shown.data != p.data || p.shown.filter != p.FilterText():
		var idx []int
		for _, ln := range p.Lines() {
			if ln.Row >= 0 {
				idx = append(idx, ln.Row)
			}
		}
		rows := p.Rows()
		t := totalsOf(rows, idx, p.data.set)
		p.shown = &shownTotals{data: p.data, filter: p.FilterText(), totals: t, text: totalText(t, p.data.set)}
	default:
		return
	}
	p.Resize(p.listHeight())
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
			p.SetRows(p.data.rows.Rows)
			p.Resize(p.listHeight())
			p.follow()
		}
		if again {
			return p.load()
		}
	case tea.KeyMsg:
		if p.HandleKey(msg) {
			p.follow()
			if p.SortIndex() >= firstManagerSort {
				p.manager = true // a sort on a manager column shows them
			}
			return nil
		}
		switch {
		case key.Matches(msg, p.Keys.Columns):
			p.manager = !p.manager
		case key.Matches(msg, p.Keys.Open):
			if code, _ := p.Selected(); code != "" {
				return common.OpenAccount(code)
			}
		case key.Matches(msg, p.Keys.Assign):
			return p.assign()
		}
	}
	return nil
}

// assign asks the root for whom to give accounts to (a, a lead's key): every
// account the filter shows when one is set, else the selected one. Any
// other role is told so, and no form opens.
func (p *Page) assign() tea.Cmd {
	switch p.Role {
	case desk.Lead:
	case desk.Viewer:
		return common.ErrorCmd("read-only: ask a lead") // as every write key of a viewer's says
	default:
		return common.ErrorCmd("assigning accounts needs a lead")
	}
	if p.Filtered() {
		rows := p.Rows()
		var codes []string
		for _, ln := range p.Lines() {
			if ln.Row >= 0 {
				codes = append(codes, rows[ln.Row].Code)
			}
		}
		if len(codes) == 0 {
			return common.InfoCmd("No account matches the filter: nothing to assign")
		}
		msg := common.AssignMsg{Codes: codes, Filter: p.FilterText()}
		return func() tea.Msg { return msg }
	}
	r, ok := p.Current()
	if !ok {
		return common.InfoCmd("Choose an account first")
	}
	msg := common.AssignMsg{Codes: []string{r.Code}, Name: r.Name}
	return func() tea.Msg { return msg }
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

// Selected is the account under the cursor.
func (p *Page) Selected() (code, itemKey string) {
	if r, ok := p.Current(); ok {
		return r.Code, ""
	}
	return "", ""
}

// ShortHelp is the page's key summary.
func (p *Page) ShortHelp() []key.Binding {
	k := p.Keys
	return []key.Binding{k.Open, k.Filter, k.Sort, k.Reverse, k.Group, k.Columns, k.Call, k.Escalate, k.Note, k.FollowUp, k.Assign}
}

// FullHelp is every key of the page.
func (p *Page) FullHelp() [][]key.Binding {
	k := p.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Open, k.Filter, k.Sort, k.Reverse, k.Group, k.Columns}, {k.Call, k.Escalate, k.Note, k.FollowUp}, {k.Assign}}
}
