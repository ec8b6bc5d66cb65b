// Package ui is the terminal workstation: the root model owns the size, the
// focus, the global keys, pane switching, the forms and the status line. The
// panes live in sub-packages; every store call runs in a tea.Cmd.
//
// Keys are routed in this order: an open form or prompt (which holds the
// keyboard, so typing q in a note never quits), a pane's filter being typed,
// the global keys, then the current pane.
package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/ui/account"
	"acctdesk/ui/aging"
	"acctdesk/ui/book"
	"acctdesk/ui/common"
	"acctdesk/ui/form"
	"acctdesk/ui/jump"
	"acctdesk/ui/keymap"
	"acctdesk/ui/queue"
	"acctdesk/ui/styles"
)

// Options are what the workstation is told at start.
type Options struct {
	BookName  string        // shown in the top bar; the book's own name when empty
	AsOf      domain.Date   // the business date everything is computed and logged for
	User      string        // the author of every write
	Today     domain.Date   // the real date, shown when it differs from AsOf
	PollEvery time.Duration // how often the change counter is read; 2 s when zero
}

// Pane names.
type Pane int

// The panes, in the order of their keys.
const (
	QueuePane Pane = iota
	BookPane
	AgingPane
	AccountPane
)

var paneNames = []string{"Queue", "Book", "Aging", "Account"}

func (p Pane) String() string { return paneNames[p] }

type statusKind int

const (
	stInfo statusKind = iota
	stOK
	stErr
)

// Model is the root model.
type Model struct {
	st   store.Store
	opt  Options
	c    common.Common
	keys *keymap.KeyMap

	queue   *queue.Pane
	book    *book.Pane
	aging   *aging.Pane
	account *account.Pane
	cur     Pane
	prev    Pane

	form       *form.Model
	jump       *jump.Model
	help       bool
	helpScroll int

	bk       *domain.Book
	sums     []domain.Summary
	cands    []jump.Candidate
	loadSeq  int
	loadedAt int // the seq of the data shown
	loading  bool
	changes  uint64
	agingSeq int
	polling  bool

	status     string
	statusKind statusKind
}

// New makes the root model over a store. Init loads the book.
func New(st store.Store, opt Options) tea.Model { return NewModel(st, opt) }

// NewModel is New with the concrete type, for tests and benchmarks.
func NewModel(st store.Store, opt Options) *Model {
	if opt.PollEvery <= 0 {
		opt.PollEvery = 2 * time.Second
	}
	c := common.Common{Width: 80, Height: 24, Styles: styles.DefaultStyles(), Keys: keymap.DefaultKeyMap()}
	m := &Model{st: st, opt: opt, c: c, keys: c.Keys}
	m.queue = queue.New(c)
	m.book = book.New(c)
	m.aging = aging.New(c)
	m.account = account.New(c)
	m.resize()
	return m
}

// Init loads the book and starts watching the change counter.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.reload(), tick(m.opt.PollEvery))
}

func (m *Model) reload() tea.Cmd {
	m.loadSeq++
	m.loading = true
	agingAsOf := m.aging.AsOf()
	return load(m.st, m.loadSeq, m.opt.AsOf, agingAsOf, m.account.Code())
}

// Current is the pane shown.
func (m *Model) Current() Pane { return m.cur }

func (m *Model) pane() common.Component {
	switch m.cur {
	case BookPane:
		return m.book
	case AgingPane:
		return m.aging
	case AccountPane:
		return m.account
	}
	return m.queue
}

func (m *Model) bodyHeight() int {
	h := m.c.Height - 2
	if h < 1 {
		h = 1
	}
	return h
}

func (m *Model) resize() {
	w, h := m.c.Width, m.bodyHeight()
	m.queue.SetSize(w, h)
	m.book.SetSize(w, h)
	m.aging.SetSize(w, h)
	m.account.SetSize(w, h)
	if m.form != nil {
		m.form.SetSize(w, h)
	}
	if m.jump != nil {
		m.jump.SetSize(w, h)
	}
}

func (m *Model) setStatus(k statusKind, s string) { m.statusKind, m.status = k, s }

// Update routes messages. It never blocks: store calls are commands.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
		m.resize()
		return m, nil

	case loadedMsg:
		if msg.seq != m.loadSeq {
			return m, nil // a newer load is under way
		}
		m.loading = false
		if msg.err != nil {
			m.setStatus(stErr, "Could not read the book: "+msg.err.Error())
			return m, nil
		}
		m.apply(msg)
		return m, nil

	case agingMsg:
		if msg.seq == m.agingSeq {
			m.aging.SetData(msg.data)
		}
		return m, nil

	case tickMsg:
		if m.polling {
			return m, tick(m.opt.PollEvery)
		}
		m.polling = true
		return m, readChanges(m.st)

	case changesMsg:
		m.polling = false
		next := tick(m.opt.PollEvery)
		if msg.err != nil {
			m.setStatus(stErr, "Cannot read the book right now: "+msg.err.Error())
			return m, next
		}
		if msg.n != m.changes && !m.loading && m.loadedAt != 0 {
			return m, tea.Batch(m.reload(), next)
		}
		return m, next

	case savedMsg:
		return m, m.saved(msg)

	case markedMsg:
		if msg.err != nil {
			m.setStatus(stErr, "Not marked done: "+msg.err.Error())
			return m, nil
		}
		m.queue.Advance(msg.item.Key)
		m.setStatus(stOK, fmt.Sprintf("✓ Done: %s %s", msg.item.Account, common.Clean(msg.item.Detail)))
		return m, m.reload()

	case common.OpenAccountMsg:
		m.jump = nil
		m.openAccount(msg.Code)
		return m, nil

	case jump.CloseMsg:
		m.jump = nil
		return m, nil

	case common.AgingAsOfMsg:
		if m.bk == nil {
			return m, nil
		}
		m.agingSeq++
		return m, agingCmd(m.bk, m.agingSeq, msg.AsOf)

	case queue.DoneMsg:
		return m, markDone(m.st, msg.Item, m.opt.AsOf, m.opt.User)

	case queue.SnoozeMsg:
		it := msg.Item
		t := m.target(it.Account, it.Key)
		t.Item = &it
		m.openForm(form.NewSnooze(m.c, t))
		return m, nil

	case common.ErrorMsg:
		m.setStatus(stErr, msg.Err.Error())
		return m, nil

	case common.InfoMsg:
		m.setStatus(stInfo, msg.Text)
		return m, nil

	case tea.KeyMsg:
		return m, m.key(msg)
	}
	return m, nil
}

func (m *Model) apply(msg loadedMsg) {
	first := m.loadedAt == 0
	m.loadedAt = msg.seq
	m.changes = msg.changes
	m.bk, m.sums, m.cands = msg.book, msg.sums, msg.cands
	m.queue.SetData(msg.queue)
	m.book.SetData(msg.books)
	if msg.aging != nil && (msg.aging.AsOf == m.aging.AsOf() || m.aging.AsOf() == 0 || first) {
		m.aging.SetData(msg.aging)
	}
	if code := m.account.Code(); code != "" {
		if msg.account == nil {
			m.setStatus(stErr, "Account "+code+" is no longer in the book")
		}
		m.account.SetData(msg.account)
	}
	if first && m.status == "" {
		m.setStatus(stInfo, fmt.Sprintf("%d accounts loaded", len(msg.sums)))
	}
}

func (m *Model) openAccount(code string) {
	if m.bk == nil {
		return
	}
	f := m.bk.Find(code)
	sum := summaryOf(m.sums, code)
	if f == nil || sum == nil {
		m.setStatus(stErr, "No account "+code)
		return
	}
	m.account.SetData(account.Prepare(f, sum, m.bk.Settings, m.opt.AsOf))
	if m.cur != AccountPane {
		m.prev = m.cur
	}
	m.cur = AccountPane
}

// target captures what a form needs about an account, by value.
func (m *Model) target(code, itemKey string) form.Target {
	t := form.Target{Code: code, Today: m.opt.AsOf, ItemKey: itemKey}
	if m.bk == nil {
		return t
	}
	f := m.bk.Find(code)
	if f == nil {
		return t
	}
	t.Name = common.Clean(f.Account.Name)
	t.Currency = f.Account.Currency
	t.Primary = f.PrimaryContact()
	if t.Primary != "" {
		t.Contacts = append(t.Contacts, t.Primary)
	}
	for _, c := range f.Contacts {
		if c.Name != t.Primary {
			t.Contacts = append(t.Contacts, c.Name)
		}
	}
	return t
}

func (m *Model) openForm(f *form.Model) {
	f.SetSize(m.c.Width, m.bodyHeight())
	m.form = f
}

func (m *Model) saved(msg savedMsg) tea.Cmd {
	sub := msg.sub
	if msg.err != nil {
		if m.form != nil && m.form.Saving() {
			m.form.Failed(msg.err)
		}
		m.setStatus(stErr, "Not saved: "+oneLine(msg.err))
		return nil
	}
	if m.form != nil && m.form.Saving() {
		m.form = nil
	}
	when := ""
	if !msg.at.IsZero() {
		when = " at " + msg.at.Local().Format("15:04")
	}
	m.setStatus(stOK, fmt.Sprintf("✓ Saved %s on %s: %s%s", sub.Kind, sub.Code, sub.What, when))
	if sub.ItemKey != "" && m.cur == QueuePane {
		m.queue.Advance(sub.ItemKey)
	}
	return m.reload()
}

func oneLine(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " …"
	}
	return s
}

func (m *Model) key(km tea.KeyMsg) tea.Cmd {
	k := m.keys
	// 1. An open form or prompt holds the keyboard.
	if m.form != nil {
		out := m.form.Key(km)
		switch {
		case out.Submit != nil:
			return save(m.st, *out.Submit, m.opt.User)
		case out.Close:
			m.form = nil
			m.setStatus(stInfo, "Cancelled, nothing saved")
		}
		return nil
	}
	if m.jump != nil {
		return m.jump.Update(km)
	}
	if m.help {
		switch {
		case key.Matches(km, k.Help), key.Matches(km, k.Back):
			m.help = false
		case key.Matches(km, k.Quit):
			return tea.Quit
		case key.Matches(km, k.Down), key.Matches(km, k.PageDown):
			m.helpScroll++
		case key.Matches(km, k.Up), key.Matches(km, k.PageUp):
			if m.helpScroll > 0 {
				m.helpScroll--
			}
		case m.switchKey(km):
			m.help = false
		}
		return nil
	}
	// 2. A filter being typed.
	p := m.pane()
	if in, ok := p.(common.Inputter); ok && in.InputFocused() {
		return p.Update(km)
	}
	// 3. Global keys.
	switch {
	case key.Matches(km, k.Quit):
		return tea.Quit
	case m.switchKey(km):
		return nil
	case key.Matches(km, k.Help):
		m.help, m.helpScroll = true, 0
		return nil
	case key.Matches(km, k.Jump):
		if m.bk == nil {
			m.setStatus(stInfo, "The book is still loading")
			return nil
		}
		m.jump = jump.New(m.c, m.cands)
		m.jump.SetSize(m.c.Width, m.bodyHeight())
		return nil
	case key.Matches(km, k.Call), key.Matches(km, k.Escalate), key.Matches(km, k.Note):
		sel, ok := p.(common.Selector)
		if !ok {
			return nil
		}
		code, item := sel.Selected()
		if code == "" || m.bk == nil {
			m.setStatus(stInfo, "Choose an account first")
			return nil
		}
		t := m.target(code, item)
		switch {
		case key.Matches(km, k.Call):
			m.openForm(form.NewCall(m.c, t))
		case key.Matches(km, k.Escalate):
			m.openForm(form.NewEscalation(m.c, t))
		default:
			m.openForm(form.NewNote(m.c, t))
		}
		return nil
	case key.Matches(km, k.Back) && m.cur == AccountPane:
		m.cur = m.prev
		return nil
	}
	// 4. The pane.
	return p.Update(km)
}

// switchKey handles 1 2 3 4.
func (m *Model) switchKey(km tea.KeyMsg) bool {
	k := m.keys
	switch {
	case key.Matches(km, k.Queue):
		m.cur = QueuePane
	case key.Matches(km, k.Book):
		m.cur = BookPane
	case key.Matches(km, k.Aging):
		m.cur = AgingPane
	case key.Matches(km, k.Account):
		if m.cur != AccountPane {
			m.prev = m.cur
		}
		m.cur = AccountPane
	default:
		return false
	}
	return true
}

// View assembles the cached pieces: top bar, body, status line.
func (m *Model) View() string {
	w := m.c.Width
	var body string
	switch {
	case m.form != nil:
		body = m.form.View()
	case m.jump != nil:
		body = m.jump.View()
	case m.help:
		body = m.helpView()
	default:
		body = m.pane().View()
	}
	return m.topBar(w) + "\n" + body + "\n" + m.statusLine(w)
}

func (m *Model) topBar(w int) string {
	s := m.c.Styles
	var tabs []string
	for i, n := range paneNames {
		label := fmt.Sprintf("%d %s", i+1, n)
		if Pane(i) == AccountPane && m.account.Code() != "" {
			label += " " + m.account.Code()
		}
		if Pane(i) == m.cur && m.form == nil && m.jump == nil && !m.help {
			tabs = append(tabs, s.TabActive.Render("["+label+"]"))
		} else {
			tabs = append(tabs, s.TabInactive.Render(" "+label+" "))
		}
	}
	left := s.Brand.Render(" acctdesk ") + strings.Join(tabs, s.TopBar.Render(" "))
	name := m.opt.BookName
	if name == "" && m.bk != nil {
		name = m.bk.Settings.Name
	}
	right := name + " · as of " + common.LongDay(m.opt.AsOf)
	if !m.opt.Today.IsZero() && m.opt.Today != m.opt.AsOf {
		right += " (today " + common.Day(m.opt.Today, m.opt.AsOf) + ")"
	}
	lw := common.Width(left)
	room := w - lw - 2
	if room < 10 {
		return s.TopBar.Render(common.Fit(left, w))
	}
	right = common.Cut(right, room)
	gap := w - lw - common.Width(right) - 1
	return left + s.TopBar.Render(strings.Repeat(" ", gap)+right+" ")
}

func (m *Model) statusLine(w int) string {
	s := m.c.Styles
	right := ""
	if m.opt.User != "" {
		right = m.opt.User + " · "
	}
	right += "? help · q quit"
	msg := m.status
	st := s.Status
	switch {
	case m.form != nil && m.form.Saving():
		msg, st = "Saving…", s.StatusBusy
	case m.loading && m.loadedAt == 0:
		msg, st = "Loading the book…", s.StatusBusy
	case m.statusKind == stOK:
		st = s.StatusOK
	case m.statusKind == stErr:
		st = s.StatusErr
	}
	rw := common.Width(right)
	if rw+10 > w {
		return st.Render(common.Fit(" "+msg, w))
	}
	return st.Render(common.Fit(" "+msg, w-rw-1)) + s.Status.Render(" "+right)
}

// helpView lists every binding of the KeyMap, in columns.
func (m *Model) helpView() string {
	s := m.c.Styles
	w, h := m.c.Width, m.bodyHeight()
	var items []string
	const keyW = 14
	colW := 40
	if w < 2*colW {
		colW = w
	}
	for _, sec := range m.keys.Sections() {
		items = append(items, s.GroupHeader.Render(common.Cut(sec.Title, colW-1)))
		for _, b := range sec.Bindings {
			hk := b.Help()
			items = append(items, s.Key.Render(common.Fit(hk.Key, keyW))+" "+s.Desc.Render(common.Cut(hk.Desc, colW-keyW-2)))
		}
		items = append(items, "")
	}
	ncol := w / colW
	if ncol < 1 {
		ncol = 1
	}
	rows := h - 1
	if rows < 1 {
		rows = 1
	}
	per := (len(items) + ncol - 1) / ncol
	if per < rows {
		per = rows
	}
	maxScroll := per - rows
	if maxScroll < 0 {
		maxScroll = 0
	}
	scroll := m.helpScroll
	if scroll > maxScroll {
		scroll = maxScroll
	}
	lines := []string{s.Title.Render(common.Cut("Keys · ? or esc closes · ↑/↓ scroll", w))}
	for r := 0; r < rows; r++ {
		var b strings.Builder
		for c := 0; c < ncol; c++ {
			i := c*per + r + scroll
			cell := ""
			if i < (c+1)*per && i < len(items) {
				cell = items[i]
			}
			b.WriteString(common.Fit(cell, colW))
		}
		lines = append(lines, b.String())
	}
	return common.Lines(lines, w, h)
}

// Err reports the last error shown, for tests.
func (m *Model) Err() error {
	if m.statusKind == stErr {
		return errors.New(m.status)
	}
	return nil
}

// Status is the status line's message, for tests.
func (m *Model) Status() string { return m.status }
