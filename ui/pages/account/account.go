// Package account is the Account page: a header (terms, limit and a
// utilisation gauge, contacts, contract countdown) and tabs — open items with
// their aging, payments and credit notes, the activity timeline, promises and
// plans, escalations and issues, contracts, volume by product by month. It
// reads one account's file through the desk when an account is opened, and
// again when a view says the account changed.
package account

import (
	"reflect"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
)

// Page is the account page.
type Page struct {
	common.Common
	view  *desk.View // the newest view (shared, never changed)
	want  request    // the latest read asked for
	shown request    // what data shows
	// facts and set are the view's facts of the account and the settings
	// when it was read: the account is read again when they change.
	facts *domain.Facts
	set   domain.Settings
	loads common.Loads
	data  *Data
	// failed: the last read of the account shown failed, and what was
	// read before it is shown meanwhile.
	failed bool

	tab    int
	lines  []string  // the current tab drawn at the current width
	refs   []lineRef // what each line is: a row of a section, or not
	lays   []layout  // each section's columns at the current width
	scroll common.List
	drawnW int

	// The search (/): the text typed, folded, and each tab's matches.
	typing  bool
	field   common.Field
	query   string
	matches []int

	detail *detail // the entry shown whole (enter), or nil
}

// lineRef says which row of which section a drawn line is; sec < 0 for a
// title, a header or a blank.
type lineRef struct{ sec, row int }

type layout struct {
	cols   []common.Column
	widths []int
}

// detail is one entry shown whole: what it was when opened (a refresh
// does not swap it for another entry), wrapped at the current width.
type detail struct {
	letter *letter // a reminder letter's preview: enter or w writes it
	title  string
	cols   []common.Column
	cells  []Cell
	more   []string
	lines  []string
	view   common.List
}

// request is an account to read, as of a date (0: the workstation's), and
// whether to show the page once it is read (an open rather than a refresh).
type request struct {
	code string
	asOf domain.Date
	open bool
}

// New makes an empty account page.
func New(c common.Common) *Page { return &Page{Common: c} }

// Info declares the page.
func (p *Page) Info() common.PageInfo {
	return common.PageInfo{Name: "Account", KeyHelp: "account (last opened)"}
}

// Tab is the page's label in the top bar: the account open, if any.
func (p *Page) Tab() string {
	if p.data == nil {
		return "Account"
	}
	return "Account " + p.data.Code
}

// Update reads the account asked for, or changed, in a command, and handles
// the page's keys.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.ViewMsg:
		p.view = msg.View
		if p.stale() {
			return p.read(false)
		}
	case common.OpenAccountMsg:
		p.want = request{code: msg.Code, asOf: msg.AsOf, open: true}
		return p.read(true)
	case loaded:
		latest, again := p.loads.Done(msg.seq)
		var cmd tea.Cmd
		if latest {
			cmd = p.loaded(msg)
		}
		if again && p.stale() {
			cmd = tea.Batch(cmd, p.read(false))
		}
		return cmd
	case retryMsg:
		if p.stale() {
			return p.read(false)
		}
	case reminderMsg:
		return p.previewed(msg)
	case tea.KeyMsg:
		return p.key(msg)
	}
	return nil
}

// stale reports whether the account asked for is not what is shown, or the
// view has changed its facts or the book's settings since it was read.
func (p *Page) stale() bool {
	w := p.want
	return w.code != "" && p.view != nil &&
		(w.open || p.view.Facts(w.code) != p.facts || !reflect.DeepEqual(p.view.Settings, p.set))
}

// read reads the account asked for in a command, once the book is loaded:
// at once when the user asked (replacing a read under way), else after the
// read under way.
func (p *Page) read(asked bool) tea.Cmd {
	if p.view == nil {
		return nil
	}
	var seq int
	if asked {
		seq = p.loads.Restart()
	} else if next, ok := p.loads.Start(); ok {
		seq = next
	} else {
		return nil
	}
	r := p.want
	today := p.Common.AsOf
	asOf := r.asOf
	if asOf == 0 {
		asOf = today
	}
	return load(seq, p.Desk, r, p.view.Facts(r.code), p.view.Settings, asOf, today)
}

func (p *Page) loaded(msg loaded) tea.Cmd {
	r := msg.req
	if msg.err != "" {
		if r.open {
			p.want = p.shown
			return common.ErrorCmd(msg.err)
		}
		if !msg.gone && p.data != nil && p.shown.code == r.code {
			// A read of the account shown failed (the book busy, say):
			// keep showing what was read last, say so, and try again; the
			// keys still work on it.
			p.want.open, p.failed = false, true
			return tea.Batch(common.ErrorCmd(msg.err), tea.Tick(retryAfter, func(time.Time) tea.Msg { return retryMsg{} }))
		}
		// The account shown is gone: say so, show none.
		p.want, p.shown, p.facts, p.set, p.data = request{}, request{}, nil, domain.Settings{}, nil
		p.draw()
		return common.ErrorCmd(msg.err)
	}
	if p.shown.code != r.code {
		p.scroll = common.List{}
		p.detail, p.typing, p.field, p.query = nil, false, common.Field{}, ""
	}
	p.want.open = false
	r.open = false
	p.shown, p.facts, p.set, p.data = r, msg.facts, msg.set, msg.data
	p.draw()
	var said tea.Cmd
	if p.failed {
		p.failed = false
		said = common.InfoCmd(r.code + " is read again")
	}
	if msg.req.open {
		return tea.Batch(said, common.ShowPage(p.Info().Name))
	}
	return said
}

func (p *Page) key(km tea.KeyMsg) tea.Cmd {
	k := p.Keys
	if p.typing {
		p.searchKey(km)
		return nil
	}
	if p.detail != nil {
		return p.detailKey(km)
	}
	if key.Matches(km, k.Back) {
		if p.query != "" {
			p.setQuery("")
			return nil
		}
		return common.Back
	}
	if p.data == nil {
		return nil
	}
	switch {
	case key.Matches(km, k.Filter):
		p.typing = true
		p.field = common.NewField(p.field.String())
		p.draw()
	case key.Matches(km, k.Open):
		p.openDetail()
	case key.Matches(km, k.NextTab):
		p.tab = (p.tab + 1) % len(p.data.Tabs)
		p.scroll = common.List{}
		p.draw()
	case key.Matches(km, k.PrevTab):
		p.tab = (p.tab + len(p.data.Tabs) - 1) % len(p.data.Tabs)
		p.scroll = common.List{}
		p.draw()
	case key.Matches(km, k.Statement):
		return writeStatement(p.Desk, p.data.Code, p.data.AsOf, p.StatementFormat, p.DocsDir)
	case key.Matches(km, k.Plan):
		return p.Ask(common.PlanMsg{Code: p.data.Code})
	case key.Matches(km, k.Dispute):
		return p.dispute()
	case key.Matches(km, k.Remind):
		return previewReminder(p.Desk, p.Author, p.data.Code)
	case key.Matches(km, k.QBR):
		return p.qbr() // qbr.go
	case key.Matches(km, k.Issue):
		return p.issue() // issues.go
	case key.Matches(km, k.Credit):
		return p.credit() // issues.go
	case key.Matches(km, k.Edit):
		return p.edit() // edit.go
	case key.Matches(km, k.Contacts):
		return p.contacts() // edit.go
	case key.Matches(km, k.Plans):
		return p.objectives() // edit.go
	case key.Matches(km, k.Survey):
		return p.survey() // edit.go
	case key.Matches(km, k.Add):
		return p.addContract() // contract.go
	case key.Matches(km, k.Renew):
		return p.renewOrCredit() // contract.go
	default:
		p.scroll, _ = common.NavKey(p.scroll, km, k)
	}
	return nil
}

// searchKey edits the search: enter keeps it (the keys go back to the
// page), esc clears it.
func (p *Page) searchKey(km tea.KeyMsg) {
	switch km.Type {
	case tea.KeyEnter:
		p.typing = false
		p.draw()
	case tea.KeyEsc:
		p.typing = false
		p.setQuery("")
	case tea.KeyUp:
		p.scroll = p.scroll.Move(-1)
	case tea.KeyDown:
		p.scroll = p.scroll.Move(1)
	default:
		if p.field.Key(km) {
			p.setQuery(p.field.String())
		}
	}
}

// setQuery searches the account's lists for q: each tab keeps the rows that
// hold it; when the tab shown has none, the first tab that has some is shown.
func (p *Page) setQuery(q string) {
	if q == "" {
		p.field = common.Field{}
	}
	p.query = common.Fold(strings.TrimSpace(q))
	p.scroll = p.scroll.Top()
	p.draw()
	if p.query == "" || p.data == nil || p.matches[p.tab] > 0 {
		return
	}
	for i, n := range p.matches {
		if n > 0 {
			p.tab = i
			p.scroll = common.List{}
			p.draw()
			return
		}
	}
}

// dispute asks the root for the dispute form on the open item under the
// cursor: to raise a dispute, or to resolve the open one.
func (p *Page) dispute() tea.Cmd {
	if p.tab != 0 {
		return common.InfoCmd("D works on the open items: tab to Items and pick an invoice")
	}
	if p.scroll.Cursor >= len(p.refs) || p.refs[p.scroll.Cursor].sec != 0 || p.refs[p.scroll.Cursor].row >= len(p.data.Items) {
		return common.InfoCmd("Pick an open invoice first (↑/↓)")
	}
	it := p.data.Items[p.refs[p.scroll.Cursor].row]
	var cur domain.Currency
	if p.facts != nil {
		cur = p.facts.Account.Currency
	}
	return p.Ask(common.DisputeMsg{Code: p.shown.code, Name: p.data.Name, Invoice: it.Number, Disputed: it.Disputed,
		Outstanding: it.Outstanding, Currency: cur, Reason: it.Reason})
}

// openDetail shows the entry under the cursor whole.
func (p *Page) openDetail() {
	if p.scroll.Cursor >= len(p.refs) {
		return
	}
	ref := p.refs[p.scroll.Cursor]
	if ref.sec < 0 {
		return
	}
	t := p.data.Tabs[p.tab]
	sec := t.Sections[ref.sec]
	title := t.Name
	if sec.Title != "" {
		title += " · " + sec.Title
	}
	dt := &detail{title: title, cols: sec.Cols, cells: sec.Rows[ref.row]}
	if ref.row < len(sec.More) {
		dt.more = sec.More[ref.row]
	}
	p.detail = dt
	p.drawDetail()
}

func (p *Page) detailKey(km tea.KeyMsg) tea.Cmd {
	k := p.Keys
	d := p.detail
	switch {
	case d.letter != nil && (key.Matches(km, k.Open) || km.String() == "w"):
		p.detail = nil
		return writeReminder(p.Desk, p.Author, d.letter.code, p.DocsDir)
	case key.Matches(km, k.Back), key.Matches(km, k.Open):
		p.detail = nil
	default:
		d.view, _ = common.NavKey(d.view, km, k)
	}
	return nil
}

// InputFocused reports whether the search is being typed: its keys come
// before the workstation's (typing q does not quit).
func (p *Page) InputFocused() bool { return p.typing }

// Code is the account shown, or "".
func (p *Page) Code() string { return p.shown.code }

// AsOf is the date the account is shown as of, or zero.
func (p *Page) AsOf() domain.Date {
	if p.data == nil {
		return 0
	}
	return p.data.AsOf
}

// Selected is the account shown.
func (p *Page) Selected() (code, itemKey string) { return p.shown.code, "" }

// Opening is the account being opened (a jump, enter on a list) while its
// file is read, or "": a key typed meanwhile (c right after : CODE enter)
// is for that account, not for the list still on the screen.
func (p *Page) Opening() string {
	if p.want.open && p.want.code != "" && p.want.code != p.shown.code {
		return p.want.code
	}
	return ""
}

// Recap is the latest recap on the timeline while the activity tab is shown
// (what y copies there).
func (p *Page) Recap() (common.Recap, bool) {
	if p.data == nil || p.data.Tabs[p.tab].Name != activityTabName || p.data.Recap == "" {
		return common.Recap{}, false
	}
	return common.Recap{Code: p.data.Code, Kind: "timeline", Text: p.data.Recap}, true
}

// The page's own words for the shared list keys: enter shows the entry,
// / searches the account's lists (the keys are the keymap's).
func (p *Page) openKey() key.Binding {
	return key.NewBinding(key.WithKeys(p.Keys.Open.Keys()...), key.WithHelp(p.Keys.Open.Help().Key, "show the whole entry"))
}

func (p *Page) searchBinding() key.Binding {
	return key.NewBinding(key.WithKeys(p.Keys.Filter.Keys()...), key.WithHelp(p.Keys.Filter.Help().Key, "search the lists (invoice, note…)"))
}

// ShortHelp is the page's key summary.
func (p *Page) ShortHelp() []key.Binding {
	k := p.Keys
	return []key.Binding{k.NextTab, k.PrevTab, p.openKey(), p.searchBinding(), k.Call, k.Escalate, k.Note, k.FollowUp, k.Recap, k.Statement, k.Plan, k.Dispute, k.Remind, k.Back}
}

// FullHelp is every key of the page.
func (p *Page) FullHelp() [][]key.Binding {
	k := p.Keys
	return [][]key.Binding{{k.NextTab, k.PrevTab, k.Up, k.Down, k.PageUp, k.PageDown, p.openKey(), p.searchBinding()}, {k.Call, k.Escalate, k.Note, k.FollowUp, k.Recap, k.Statement, k.Plan, k.Dispute, k.Remind, k.Back}}
}
