// Package queue is the home page: today's follow-ups, ranked by the desk
// (domain/queue). The page only shows, scopes, filters and orders the
// view's queue; it computes nothing about the book.
package queue

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	dq "acctdesk/domain/queue"
	"acctdesk/ui/common"
)

// Page is the queue page.
type Page struct {
	common.ListPage[row]
	view  *desk.View // the newest view (shared, never changed)
	data  *data
	mine  bool // only the user's accounts
	loads common.Loads
}

// New makes an empty queue page.
func New(c common.Common) *Page {
	return &Page{ListPage: common.NewListPage(c, spec(c))}
}

// Info declares the page.
func (p *Page) Info() common.PageInfo { return common.PageInfo{Name: "Queue", KeyHelp: "queue"} }

// Tab is the page's label in the top bar.
func (p *Page) Tab() string { return "Queue" }

// SetSize sets the page's size.
func (p *Page) SetSize(w, h int) {
	p.Width, p.Height = w, h
	p.Resize(h - 2 - 4) // title and column header; the footer's rule and 3 lines
}

// Update prepares the page's data for each view, in a command, and handles
// the page's keys.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.ViewMsg:
		p.view = msg.View
		return p.load()
	case prepared:
		latest, again := p.loads.Done(msg.seq)
		if latest {
			p.setData(msg.data)
		}
		if again {
			return p.load()
		}
	case common.SavedMsg:
		p.Advance(msg.ItemKey)
	case tea.KeyMsg:
		return p.key(msg)
	}
	return nil
}

// load prepares the newest view's queue, unless a preparation is under way.
func (p *Page) load() tea.Cmd {
	seq, ok := p.loads.Start()
	if !ok {
		return nil
	}
	var known names
	if p.data != nil {
		known = p.data.names
	}
	return prepare(seq, p.view, p.User, known)
}

// setData shows a new queue. The first one chooses the scope: mine when
// the user owns an account, else everyone's.
func (p *Page) setData(d *data) {
	if p.data == nil {
		p.mine = d.owner != ""
	}
	p.data = d
	p.rescope()
}

// rescope hands the list the items in scope, in rank order.
func (p *Page) rescope() {
	if p.data == nil {
		return
	}
	switch {
	case !p.mine:
		p.SetRows(p.data.rows)
	case p.data.owner == "":
		p.SetRows(nil) // the user owns no account
	default:
		p.SetRows(scope(p.data.rows, p.data.owner))
	}
}

func (p *Page) key(km tea.KeyMsg) tea.Cmd {
	if p.HandleKey(km) {
		return nil
	}
	k := p.Keys
	switch {
	case key.Matches(km, k.Scope):
		p.mine = !p.mine
		p.rescope()
		if p.mine && p.data != nil && p.data.owner == "" {
			return common.InfoCmd(fmt.Sprintf("%s owns no accounts in this book: m shows everyone's", p.userName()))
		}
	case key.Matches(km, k.Open):
		if code, _ := p.Selected(); code != "" {
			return common.OpenAccount(code)
		}
	case key.Matches(km, k.Done):
		if it, ok := p.SelectedItem(); ok {
			return func() tea.Msg { return common.DoneMsg{Item: it} }
		}
	case key.Matches(km, k.Snooze):
		if it, ok := p.SelectedItem(); ok {
			return func() tea.Msg { return common.SnoozeMsg{Item: it} }
		}
	}
	return nil
}

func (p *Page) userName() string {
	if p.User == "" {
		return "you"
	}
	return common.Clean(p.User)
}

// Mine reports whether only the user's accounts are shown.
func (p *Page) Mine() bool { return p.mine }

// Selected is the account and item under the cursor.
func (p *Page) Selected() (code, itemKey string) {
	it, ok := p.SelectedItem()
	if !ok {
		return "", ""
	}
	return it.Account, it.Key
}

// SelectedItem is the item under the cursor.
func (p *Page) SelectedItem() (dq.Item, bool) {
	r, ok := p.Current()
	if !ok {
		return dq.Item{}, false
	}
	return *r.item, true
}

// Items are the items shown, in order (headings left out).
func (p *Page) Items() []dq.Item {
	out := make([]dq.Item, 0, p.Shown())
	for _, l := range p.Lines() {
		if l.Row >= 0 {
			out = append(out, *p.Rows()[l.Row].item)
		}
	}
	return out
}

// Headings are the group headings shown, in order.
func (p *Page) Headings() []string {
	var out []string
	for _, l := range p.Lines() {
		if l.Row < 0 {
			out = append(out, l.Heading)
		}
	}
	return out
}

// ShortHelp is the page's key summary.
func (p *Page) ShortHelp() []key.Binding {
	k := p.Keys
	return []key.Binding{k.Open, k.Call, k.Escalate, k.Note, k.Done, k.Snooze, k.FollowUp, k.Scope, k.QueueGroup, k.Filter, k.Sort}
}

// FullHelp is every key of the page.
func (p *Page) FullHelp() [][]key.Binding {
	k := p.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Open, k.Filter, k.Sort, k.Scope, k.QueueGroup}, {k.Call, k.Escalate, k.Note, k.FollowUp, k.Done, k.Snooze}}
}
