// Package aging is the Aging page: accounts × buckets with totals per
// currency, the as-of date moved a month at a time with < and >, grouping by
// owner or tier, and enter to drill into an account.
package aging

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
)

// Page is the aging page.
type Page struct {
	common.ListPage[Row]
	view    *desk.View  // the newest view (shared, never changed): < and > work from it
	data    *data       // what is shown
	pending domain.Date // the as-of date asked for and not yet shown
	loads   common.Loads
	// shown are the totals of the rows a filter shows (nil unfiltered),
	// worked out once per filter and data, for the data and filter named.
	shown       []Total
	shownFor    *data
	shownFilter string
	// chart shows the cash forecast by week instead of the list (w);
	// curIdx is the currency it shows (↑ ↓), -1 for the base currency.
	chart  bool
	curIdx int
}

// totals are the totals under the list: of the rows listed, or of those
// the filter shows.
func (p *Page) totals() []Total {
	if p.shownFor != nil {
		return p.shown
	}
	return p.data.totals
}

// follow makes the totals those of the rows shown, when the filter or the
// data changed.
func (p *Page) follow() {
	switch {
	case p.data == nil || !p.Filtered():
		p.shown, p.shownFor = nil, nil
	case p.shownFor != p.data || p.shownFilter != p.FilterText():
		idx := []int{}
		for _, ln := range p.Lines() {
			if ln.Row >= 0 {
				idx = append(idx, ln.Row)
			}
		}
		p.shown, p.shownFor, p.shownFilter = totalsOf(p.Rows(), idx, p.data.edges), p.data, p.FilterText()
	default:
		return
	}
	p.Resize(p.listHeight())
}

// New makes an empty aging page.
func New(c common.Common) *Page {
	return &Page{ListPage: common.NewListPage(c, spec(c)), curIdx: -1}
}

// Info declares the page.
func (p *Page) Info() common.PageInfo { return common.PageInfo{Name: "Aging", KeyHelp: "aging"} }

// Tab is the page's label in the top bar.
func (p *Page) Tab() string { return "Aging" }

// AsOf is the date the page shows (or is computing).
func (p *Page) AsOf() domain.Date {
	switch {
	case p.pending != 0:
		return p.pending
	case p.data != nil:
		return p.data.asOf
	}
	return 0
}

// SetSize sets the page's size.
func (p *Page) SetSize(w, h int) {
	p.Width, p.Height = w, h
	p.Resize(p.listHeight())
}

func (p *Page) listHeight() int { return p.Height - 2 - p.footLines() }

// footLines are the rule and the totals under the list.
func (p *Page) footLines() int {
	if p.data == nil {
		return 0
	}
	n := min(max(len(p.totals()), 1), 4)
	if n == 1 && p.Height >= 30 {
		n = 2 // room for the shares
	}
	return n + 1
}

// Update prepares the aging for each view and each date asked for, in a
// command, and handles the keys.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.ViewMsg:
		p.view = msg.View
		return p.load()
	case prepared:
		latest, again := p.loads.Done(msg.seq)
		if latest {
			p.data, p.pending = msg.data, 0
			p.SetRows(p.data.rows)
			p.follow()
			p.Resize(p.listHeight())
		}
		if again {
			return p.load()
		}
	case tea.KeyMsg:
		return p.key(msg)
	}
	return nil
}

// load prepares the newest view as of the date shown (or asked for),
// unless a preparation is under way.
func (p *Page) load() tea.Cmd {
	seq, ok := p.loads.Start()
	if !ok {
		return nil
	}
	asOf := p.AsOf()
	if asOf == 0 {
		asOf = p.view.AsOf
	}
	return p.prepare(seq, asOf)
}

func (p *Page) prepare(seq int, asOf domain.Date) tea.Cmd {
	var old common.AccountRows[Row]
	if p.data != nil {
		old = p.data.accounts
	}
	return prepare(seq, p.view, asOf, old, p.chart)
}

func (p *Page) key(km tea.KeyMsg) tea.Cmd {
	k := p.Keys
	if key.Matches(km, k.Forecast) {
		p.chart = !p.chart
		if p.chart && p.data != nil && p.data.fc == nil {
			return p.prepare(p.loads.Restart(), p.AsOf())
		}
		return nil
	}
	if p.chart {
		switch {
		case key.Matches(km, k.Up), key.Matches(km, k.Down):
			if p.data == nil || p.data.fc == nil || len(p.data.fc.curs) < 2 {
				return nil
			}
			_, i := p.chartCurrency()
			n := len(p.data.fc.curs)
			if key.Matches(km, k.Up) {
				p.curIdx = (i + n - 1) % n
			} else {
				p.curIdx = (i + 1) % n
			}
			return nil
		case !key.Matches(km, k.PrevMonth) && !key.Matches(km, k.NextMonth):
			return nil // the list's keys wait for the list
		}
	}
	if p.HandleKey(km) {
		p.follow()
		return nil
	}
	switch {
	case key.Matches(km, k.Open):
		if code, _ := p.Selected(); code != "" {
			return common.OpenAccountAt(code, p.data.asOf) // the date shown, not the one computing
		}
	case key.Matches(km, k.PrevMonth), key.Matches(km, k.NextMonth):
		cur := p.AsOf()
		if cur == 0 {
			return nil
		}
		n := -1
		if key.Matches(km, k.NextMonth) {
			n = 1
		}
		p.pending = cur.AddMonths(n)
		return p.prepare(p.loads.Restart(), p.pending)
	}
	return nil
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
	if p.chart {
		return []key.Binding{k.Forecast, k.PrevMonth, k.NextMonth, key.NewBinding(key.WithKeys(), key.WithHelp("↑/↓", "currency"))}
	}
	return []key.Binding{k.PrevMonth, k.NextMonth, k.Open, k.Filter, k.Sort, k.Reverse, k.Group, k.Forecast}
}

// FullHelp is every key of the page.
func (p *Page) FullHelp() [][]key.Binding {
	k := p.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.PrevMonth, k.NextMonth, k.Forecast, k.Open, k.Filter, k.Sort, k.Reverse, k.Group}, {k.Call, k.Escalate, k.Note, k.FollowUp}}
}
