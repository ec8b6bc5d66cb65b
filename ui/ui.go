// Package ui is the terminal workstation: the root model owns the size, the
// focus, the global keys, pane switching, the forms and the status line. The
// panes live in sub-packages; every store call runs in a tea.Cmd.
//
// Keys are routed in this order: an open form or prompt (which holds the
// keyboard, so typing q in a note never quits), the recap or help shown over
// the pane, a pane's filter being typed, the global keys, then the current
// pane.
package ui

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

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
	// Clipboard is where the OSC 52 sequence of `y` is written: the writer the
	// program renders on. os.Stdout (Bubble Tea's default output) when nil.
	Clipboard io.Writer
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
	pollErr  bool // the last poll failed (shown until one succeeds)

	status     string
	statusKind statusKind

	recap     recap         // the last recap saved, while fresh (y copies it)
	recapView *recapOverlay // the recap shown after y, until esc
	clip      io.Writer
	clipEnv   clipEnv
}

// recap is a written recap of a promise or an escalation.
type recap struct {
	code, kind, text string
}

// recapOverlay is a recap shown over the pane: its text wrapped to the
// width (again on a resize) and the first line shown.
type recapOverlay struct {
	recap
	lines []string
	top   int
}

func (o *recapOverlay) wrap(w int) {
	o.lines = o.lines[:0]
	for _, para := range strings.Split(strings.TrimRight(o.text, "\n"), "\n") {
		para = common.Clean(para)
		body := strings.TrimLeft(para, " ")
		if body == "" {
			o.lines = append(o.lines, "")
			continue
		}
		indent := para[:len(para)-len(body)]
		for _, l := range strings.Split(ansi.Wordwrap(body, max(w-2-len(indent), 10), " "), "\n") {
			o.lines = append(o.lines, "  "+indent+l)
		}
	}
}

// scroll moves the first line shown by n, within the text.
func (o *recapOverlay) scroll(n, rows int) {
	o.top = max(0, min(o.top+n, len(o.lines)-rows))
}

// New makes the root model over a store. Init loads the book.
func New(st store.Store, opt Options) tea.Model { return NewModel(st, opt) }

// NewModel is New with the concrete type, for tests and benchmarks.
func NewModel(st store.Store, opt Options) *Model {
	if opt.PollEvery <= 0 {
		opt.PollEvery = 2 * time.Second
	}
	c := common.Common{Width: 80, Height: 24, Styles: styles.DefaultStyles(), Keys: keymap.DefaultKeyMap()}
	m := &Model{st: st, opt: opt, c: c, keys: c.Keys, clip: opt.Clipboard,
		clipEnv: clipEnv{term: os.Getenv("TERM"), tmux: os.Getenv("TMUX")}}
	if m.clip == nil {
		m.clip = os.Stdout
	}
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
	return load(m.st, loadInput{
		seq: m.loadSeq, asOf: m.opt.AsOf, agingAsOf: m.aging.AsOf(),
		open: m.account.Code(), openAsOf: m.account.AsOf(), user: m.opt.User,
	})
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
		if m.recapView != nil {
			m.recapView.wrap(m.c.Width)
			m.recapView.scroll(0, m.recapRows())
		}
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
		return m, progress(msg.book, msg.sums, msg.seq, m.opt.AsOf, msg.items, msg.owner)

	case progressMsg:
		if msg.seq == m.loadedAt {
			m.queue.SetProgress(msg.everyone, msg.mine)
		}
		return m, nil

	case copiedMsg:
		if msg.err != nil {
			m.setStatus(stErr, "Recap not copied: "+msg.err.Error())
		} else {
			m.setStatus(stOK, "✓ Recap copied to the clipboard · esc closes it")
		}
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
			m.pollErr = true
			m.setStatus(stErr, "Cannot read the book right now: "+msg.err.Error())
			return m, next
		}
		if m.pollErr {
			m.pollErr = false
			m.setStatus(stInfo, "The book can be read again")
		}
		// Reload when the counter moved, or when the first load failed.
		if !m.loading && (m.loadedAt == 0 || msg.n != m.changes) {
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
		m.recap = recap{}
		m.setStatus(stOK, fmt.Sprintf("✓ Done: %s %s", msg.item.Account, common.Clean(msg.item.Detail)))
		return m, m.reload()

	case common.OpenAccountMsg:
		m.jump = nil
		m.openAccount(msg.Code, msg.AsOf)
		return m, nil

	case jump.CloseMsg:
		m.jump = nil
		return m, nil

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
		// A terminal (or tmux, or a fast typist over ssh) may deliver several
		// keys in one read, which Bubble Tea reports as one message with many
		// runes. Outside a paste they are handled one by one, so "cn" is c
		// then n. A paste goes whole into a text field, and nowhere else: a
		// pasted "ddd" must not mark three items done.
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 {
			if msg.Paste {
				if !m.typing() {
					return m, nil
				}
				return m, m.key(msg)
			}
			var cmds []tea.Cmd
			for _, r := range msg.Runes {
				cmds = append(cmds, m.key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
			}
			return m, tea.Batch(cmds...)
		}
		return m, m.key(msg)
	}
	return m, nil
}

// typing reports whether a text field has the keyboard.
func (m *Model) typing() bool {
	if m.form != nil || m.jump != nil {
		return true
	}
	in, ok := m.pane().(common.Inputter)
	return ok && in.InputFocused()
}

func (m *Model) apply(msg loadedMsg) {
	first := m.loadedAt == 0
	m.loadedAt = msg.seq
	m.changes = msg.changes
	m.bk, m.sums, m.cands = msg.book, msg.sums, msg.cands
	m.queue.SetOwner(m.opt.User, msg.owner)
	m.queue.SetData(msg.queue)
	m.book.SetData(msg.books)
	if msg.aging != nil && (msg.aging.AsOf == m.aging.AsOf() || m.aging.AsOf() == 0 || first) {
		m.aging.SetData(msg.aging)
		m.agingSeq++ // an aging computed from the older book must not come after this one
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

// openAccount shows an account as of the workstation's date, or as of asOf
// (the aging's date after < or >); one account is summarised here.
func (m *Model) openAccount(code string, asOf domain.Date) {
	if m.bk == nil {
		return
	}
	f := m.bk.Find(code)
	sum := summaryOf(m.sums, code)
	if f == nil || sum == nil {
		m.setStatus(stErr, "No account "+code)
		return
	}
	m.account.SetData(prepareAccount(f, sum, m.bk.Settings, m.opt.AsOf, asOf))
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
		when = msg.at.Local().Format("15:04") + " "
	}
	// The recap stays fresh until the next thing is saved.
	m.recap = recap{}
	hint := ""
	if msg.recap != "" {
		kind := sub.Kind.String()
		if sub.Kind == form.Call {
			kind = "promise"
		}
		m.recap = recap{code: sub.Code, kind: kind, text: msg.recap}
		hint = " (y copies the recap)"
	}
	m.setStatus(stOK, fmt.Sprintf("✓ %ssaved %s on %s%s: %s", when, sub.Kind, sub.Code, hint, sub.What))
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
			return save(m.st, *out.Submit, m.opt.User, m.recapInput(out.Submit.Code))
		case out.Close:
			m.form = nil
			m.setStatus(stInfo, "Cancelled, nothing saved")
		}
		return nil
	}
	if m.jump != nil {
		return m.jump.Update(km)
	}
	if m.recapView != nil {
		switch {
		case key.Matches(km, k.Back), key.Matches(km, k.Help):
			m.recapView = nil
		case key.Matches(km, k.Quit):
			return tea.Quit
		case key.Matches(km, k.Recap):
			return copyCmd(m.clip, m.recapView.text, m.clipEnv)
		case key.Matches(km, k.Down):
			m.recapView.scroll(1, m.recapRows())
		case key.Matches(km, k.Up):
			m.recapView.scroll(-1, m.recapRows())
		case key.Matches(km, k.PageDown):
			m.recapView.scroll(m.recapRows(), m.recapRows())
		case key.Matches(km, k.PageUp):
			m.recapView.scroll(-m.recapRows(), m.recapRows())
		case m.switchKey(km):
			m.recapView = nil
		}
		return nil
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
	case key.Matches(km, k.Recap):
		return m.copyRecap()
	case key.Matches(km, k.Call), key.Matches(km, k.Escalate), key.Matches(km, k.Note), key.Matches(km, k.FollowUp):
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
		case key.Matches(km, k.FollowUp):
			m.openForm(form.NewFollowUp(m.c, t))
		default:
			m.openForm(form.NewNote(m.c, t))
		}
		return nil
	case key.Matches(km, k.Back) && m.cur == AccountPane:
		m.cur = m.prev
		return nil
	}
	// 4. The pane.
	cmd := p.Update(km)
	if d, ok := m.aging.TakeRequest(); ok && m.bk != nil {
		m.agingSeq++
		cmd = tea.Batch(cmd, agingCmd(m.bk, m.agingSeq, d))
	}
	return cmd
}

// recapInput captures, when a form is submitted, what its recap is made from.
func (m *Model) recapInput(code string) recapInput {
	rc := recapInput{asOf: m.opt.AsOf}
	if m.bk != nil {
		rc.file = m.bk.Find(code)
		rc.sum = summaryOf(m.sums, code)
	}
	return rc
}

// copyRecap copies a recap and shows it: on the account's activity tab the
// latest recap of its timeline, elsewhere the last one saved while fresh.
func (m *Model) copyRecap() tea.Cmd {
	r := m.recap
	if m.cur == AccountPane {
		if text, ok := m.account.ActivityRecap(); ok {
			r = recap{code: m.account.Code(), kind: "timeline", text: text}
		}
	}
	if r.text == "" {
		m.setStatus(stInfo, "No recap to copy: y works after a promise (c p) or an escalation (e) is saved, or on an activity tab with a recap")
		return nil
	}
	m.recapView = &recapOverlay{recap: r}
	m.recapView.wrap(m.c.Width)
	return copyCmd(m.clip, r.text, m.clipEnv)
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
	case m.recapView != nil:
		body = m.recapBody()
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
		if Pane(i) == m.cur && m.form == nil && m.jump == nil && !m.help && m.recapView == nil {
			tabs = append(tabs, s.TabActive.Render("["+label+"]"))
		} else {
			tabs = append(tabs, s.TabInactive.Render(" "+label+" "))
		}
	}
	tabLine := strings.Join(tabs, s.TopBar.Render(" "))
	name := m.opt.BookName
	if name == "" && m.bk != nil {
		name = m.bk.Settings.Name
	}
	name = common.Clean(name)
	asOf := m.opt.AsOf
	today := ""
	if !m.opt.Today.IsZero() && m.opt.Today != asOf {
		today = " (today " + common.Day(m.opt.Today, asOf) + ")"
	}
	// The longest form that fits: brand, tabs, book name and the long date;
	// the brand goes first, then the weekday, then the name.
	brand := s.Brand.Render(" acctdesk ")
	type form struct{ left, right string }
	var forms []form
	for _, r := range []string{
		name + " · as of " + common.LongDay(asOf) + today,
		name + " · as of " + common.LongDay(asOf),
		name + " · as of " + asOf.Format("2 Jan 2006"),
	} {
		forms = append(forms, form{brand + tabLine, r})
	}
	for _, r := range []string{
		name + " · as of " + asOf.Format("2 Jan 2006"),
		name + " · " + asOf.Format("2 Jan 2006"),
		asOf.Format("2 Jan 2006"),
	} {
		forms = append(forms, form{" " + tabLine, r})
	}
	for _, f := range forms {
		lw, rw := common.Width(f.left), common.Width(f.right)
		if lw+rw+2 <= w {
			return f.left + s.TopBar.Render(strings.Repeat(" ", w-lw-rw-1)+f.right+" ")
		}
	}
	return s.TopBar.Render(common.Fit(" "+tabLine, w))
}

func (m *Model) statusLine(w int) string {
	s := m.c.Styles
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
	msg = " " + msg
	// The message comes first: the hints on the right give way to it.
	user := ""
	if m.opt.User != "" {
		user = m.opt.User + " · "
	}
	right := ""
	for _, r := range []string{user + "? help · q quit", user + "? help", "? help"} {
		if common.Width(msg)+common.Width(r)+2 <= w {
			right = r
			break
		}
	}
	if right == "" {
		return st.Render(common.Fit(msg, w))
	}
	rw := common.Width(right)
	return st.Render(common.Fit(msg, w-rw-1)) + s.Status.Render(" "+right)
}

func (m *Model) recapRows() int { return max(m.bodyHeight()-2, 1) }

// recapBody shows the recap copied, as wrapped when it was opened or resized.
func (m *Model) recapBody() string {
	s := m.c.Styles
	w, h := m.c.Width, m.bodyHeight()
	o := m.recapView
	var title string
	switch o.kind {
	case "timeline":
		title = "Latest recap on " + common.Clean(o.code) + "'s timeline"
	default:
		title = "Recap of the " + o.kind + " on " + common.Clean(o.code)
	}
	title += " · copied · esc closes · y copies again"
	rows := m.recapRows()
	from := max(0, min(o.top, len(o.lines)-rows))
	end := min(from+rows, len(o.lines))
	if len(o.lines) > rows {
		title += fmt.Sprintf(" · ↑/↓ lines %d–%d of %d", from+1, end, len(o.lines))
	}
	lines := []string{s.Title.Render(common.Cut(title, w)), ""}
	lines = append(lines, o.lines[from:end]...)
	return common.Lines(lines, w, h)
}

// paneHelp is the current pane's own keys, from its ShortHelp, on as many
// lines as it takes up to two (the second cut when still too long).
func (m *Model) paneHelp(w int) []string {
	s := m.c.Styles
	head := m.cur.String() + " pane: "
	sep := " · "
	var lines []string
	line, lw := s.GroupHeader.Render(head), common.Width(head)
	for i, b := range m.pane().ShortHelp() {
		h := b.Help()
		part := s.Key.Render(h.Key) + " " + s.Desc.Render(h.Desc)
		pw := common.Width(h.Key) + 1 + common.Width(h.Desc)
		if i > 0 {
			if lw+common.Width(sep)+pw > w && len(lines) == 0 {
				lines = append(lines, line)
				line, lw = strings.Repeat(" ", common.Width(head)), common.Width(head)
			} else {
				line += s.Muted.Render(sep)
				lw += common.Width(sep)
			}
		}
		line += part
		lw += pw
	}
	return append(lines, common.Cut(line, w))
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
	paneKeys := m.paneHelp(w)
	rows := h - 1 - len(paneKeys) // under the title and the pane's keys
	if rows < 1 {
		rows = 1
	}
	// Columns of one screen height each; ↓ shows the next column.
	var cols [][]string
	for len(items) > 0 {
		n := rows
		if n > len(items) {
			n = len(items)
		}
		cols = append(cols, items[:n])
		items = items[n:]
	}
	ncol := w / colW
	if ncol < 1 {
		ncol = 1
	}
	first := m.helpScroll
	if max := len(cols) - ncol; first > max {
		first = max
	}
	if first < 0 {
		first = 0
	}
	title := "Keys · ? or esc closes"
	if len(cols) > ncol {
		title += fmt.Sprintf(" · ↑/↓ more (%d–%d of %d columns)", first+1, min(first+ncol, len(cols)), len(cols))
	}
	lines := append([]string{s.Title.Render(common.Cut(title, w))}, paneKeys...)
	for r := 0; r < rows; r++ {
		var b strings.Builder
		for c := first; c < first+ncol && c < len(cols); c++ {
			cell := ""
			if r < len(cols[c]) {
				cell = cols[c][r]
			}
			b.WriteString(common.Fit(cell, colW))
		}
		lines = append(lines, b.String())
	}
	return common.Lines(lines, w, h)
}

// Status is the status line's message, for tests.
func (m *Model) Status() string { return m.status }
