// Package queue is the home page: today's follow-ups, ranked by the desk
// (domain/queue). The page only shows, scopes, filters and orders the
// view's queue; it computes nothing about the book.
package queue

import (
	"cmp"
	"errors"
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/domain"
	dq "acctdesk/domain/queue"
	"acctdesk/ui/common"
)

// Page is the queue page.
type Page struct {
	common.ListPage[row]
	view  *desk.View // the newest view (shared, never changed)
	data  *data
	mine  bool   // only the user's accounts
	marks bool   // the done and snoozed items (Z) instead of the queue
	want  string // the item to put the cursor on when it is listed (an undone one)
	seek  bool   // a save was made: the cursor goes to the first unworked item (afterSave)
	loads common.Loads

	onSummary   bool        // the cursor is on the summary line of what changed
	showChanges bool        // the list of changes is shown instead of the rows
	changeNav   common.List // the cursor in the list of changes
}

// undoneMsg is the desk's answer to u.
type undoneMsg struct {
	marked desk.Marked
	err    error
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
	p.Resize(h - 3 - 4) // title, what changed and column header; the footer's rule and 3 lines
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
		p.afterSave(msg.Code, msg.ItemKey)
	case undoneMsg:
		return p.undone(msg)
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
	var changes *desk.Changes
	if p.data != nil {
		known, changes = p.data.names, p.data.changes
	}
	return prepare(seq, p.view, p.User, known, changes, p.marks)
}

// afterSave puts the cursor on the highest-ranked item still unworked, as
// listed, other than the one just saved on; and again on each new view
// until the next key, since the view that shows what the save did (the
// item gone, or its account's items worked and ranked below) may come
// before or after this message. With nothing unworked left the cursor
// moves on as before.
func (p *Page) afterSave(_, itemKey string) {
	if p.marks {
		return
	}
	p.seek = true
	if !p.toUnworked(itemKey) {
		p.Advance(itemKey)
	}
}

// toUnworked puts the cursor on the highest-ranked item listed that is
// not worked and is not skip — whatever the page's sort or grouping — and
// reports whether there was one.
func (p *Page) toUnworked(skip string) bool {
	var best *dq.Item
	for _, l := range p.Lines() {
		if l.Row < 0 {
			continue
		}
		it := p.Rows()[l.Row].item
		if it.Key != skip && !it.Worked() && (best == nil || dq.Compare(*it, *best) < 0) {
			best = it
		}
	}
	if best == nil {
		return false
	}
	p.Select(best.Key)
	return true
}

// undo takes back the user's last done or snooze, or in the list of done
// and snoozed items the selected one.
func (p *Page) undo() tea.Cmd {
	d, author := p.Desk, p.Author
	if d == nil {
		return nil
	}
	if p.marks {
		r, ok := p.Current()
		if !ok || r.mark == nil {
			return nil
		}
		m := *r.mark
		return func() tea.Msg {
			_, err := d.Undo(author, m.Mark.Account, m.Mark.Key)
			return undoneMsg{m, err}
		}
	}
	return func() tea.Msg {
		m, err := d.UndoLast(author)
		return undoneMsg{m, err}
	}
}

// undone says what u took back; the item is selected once it is listed.
func (p *Page) undone(msg undoneMsg) tea.Cmd {
	if msg.err != nil {
		if errors.Is(msg.err, desk.ErrNothingToUndo) {
			return common.InfoCmd("Nothing to undo: no done or snooze of yours today (Z lists them)")
		}
		return common.ErrorCmd("Not undone: " + msg.err.Error())
	}
	m := msg.marked
	what := "done"
	if !m.Mark.Done {
		what = "snooze until " + common.Day(m.Mark.Until, p.asOf())
	}
	text := fmt.Sprintf("↶ Undone: %s on %s", what, common.Clean(m.Mark.Account))
	if m.Item.Key != "" {
		text += " " + common.Clean(cmp.Or(m.Item.Why, m.Item.Detail)) + " · back in the queue"
		p.want = m.Item.Key
	}
	return common.InfoCmd(text)
}

func (p *Page) asOf() domain.Date {
	if p.data != nil {
		return p.data.asOf
	}
	return 0
}

// setData shows a new queue. The first one chooses the scope: mine when
// the user owns an account, else everyone's.
func (p *Page) setData(d *data) {
	if p.data == nil {
		p.mine = d.owner != ""
	}
	p.data = d
	p.rescope()
	if p.seek && !p.marks {
		p.toUnworked("")
	}
	if p.want != "" && !p.marks {
		for _, r := range p.Rows() {
			if r.item.Key == p.want {
				p.Select(p.want)
				p.want = ""
				break
			}
		}
	}
}

// rescope hands the list the items in scope, in rank order.
func (p *Page) rescope() {
	if p.data == nil {
		return
	}
	rows := p.data.rows
	if p.marks {
		rows = p.data.marks
	}
	switch {
	case !p.mine:
		p.SetRows(rows)
	case p.data.owner == "":
		p.SetRows(nil) // the user owns no account
	default:
		p.SetRows(scope(rows, p.data.owner))
	}
}

func (p *Page) key(km tea.KeyMsg) tea.Cmd {
	p.seek = false
	if cmd, ok := p.changeKey(km); ok {
		return cmd
	}
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
	case key.Matches(km, k.Marks), p.marks && key.Matches(km, k.Back):
		p.marks = !p.marks
		p.rescope()
		if !p.marks && p.want != "" {
			p.Select(p.want) // put back from the list: the cursor is on it
		}
		if p.marks && (p.data == nil || !p.data.withMarks) {
			return p.load()
		}
	case key.Matches(km, k.Undo):
		return p.undo()
	case p.marks && (key.Matches(km, k.Done) || key.Matches(km, k.Snooze)):
		return common.InfoCmd("These are done or snoozed: u puts the selected one back in the queue, Z goes back to it")
	case key.Matches(km, k.Done):
		if it, ok := p.SelectedItem(); ok {
			return p.Ask(common.DoneMsg{Item: it})
		}
	case key.Matches(km, k.Snooze):
		if it, ok := p.SelectedItem(); ok {
			return p.Ask(common.SnoozeMsg{Item: it})
		}
	}
	return nil
}

// Marking reports whether the list of done and snoozed items is shown (Z).
func (p *Page) Marking() bool { return p.marks }

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
	if p.onSummary || p.showChanges {
		return dq.Item{}, false
	}
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
	return []key.Binding{k.Open, k.Call, k.Escalate, k.Note, k.Done, k.Snooze, k.Undo, k.Marks, k.FollowUp, k.Scope, k.QueueGroup, k.Filter, k.Sort, p.summaryKey()}
}

// FullHelp is every key of the page.
func (p *Page) FullHelp() [][]key.Binding {
	k := p.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Open, k.Filter, k.Sort, k.Scope, k.QueueGroup}, {k.Call, k.Escalate, k.Note, k.FollowUp, k.Done, k.Snooze, k.Undo, k.Marks}, {p.summaryKey(), k.Back}}
}
