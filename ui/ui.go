// Package ui is the terminal workstation's root model: the size, the focus,
// the modal stack (forms, the jump prompt, help, the recap), the global keys,
// the status line and the page registry (pages.go). It has no domain data
// of its own: each page reads what it shows through the desk, in commands,
// and the root tells the pages when the desk's view changed.
//
// Keys are routed in this order: an open form or prompt (which holds the
// keyboard, so typing q in a note never quits), the recap or help shown over
// the page, a page's filter being typed, the global keys, then the page.
package ui

import (
	"cmp"
	"context"
	"io"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"acctdesk/desk"
	"acctdesk/docs"
	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/ui/common"
	"acctdesk/ui/components"
	"acctdesk/ui/form"
	"acctdesk/ui/jump"
	"acctdesk/ui/keymap"
	"acctdesk/ui/styles"
)

// Options are what the workstation is told at start.
type Options struct {
	BookName string      // shown in the top bar; the book's own name when empty
	AsOf     domain.Date // the business date everything is computed and logged for
	User     string      // the author of every write
	// Role is what the user may do (SPEC §12: an SSH session's, from the
	// users file); the zero value, Lead, on the host. Every write carries
	// it; keys the role may not use say so and open no form.
	Role  desk.Role
	Today domain.Date // the real date, shown when it differs from AsOf
	// Clipboard is where the OSC 52 sequence of `y` is written: the writer the
	// program renders on (each SSH session has its own). os.Stdout (Bubble
	// Tea's default output) when nil.
	Clipboard io.Writer
	// Env is the terminal's environment (TERM, TMUX) the clipboard's
	// sequence is made for: an SSH session's own; os.Getenv when nil.
	Env func(string) string
	// Warning is a one-line warning kept on the status line whenever no
	// problem is shown there: a book found damaged, open read-only.
	Warning string
	// Notice is a problem shown on the status line at start, until the
	// first key: a bad config file.
	Notice string

	// Keys is the session's keymap (the config's remaps); the default
	// keymap when nil.
	Keys *keymap.KeyMap
	// Renderer is the session's renderer (lipgloss's default when nil);
	// Theme and NoColor choose the palette (styles.Options).
	Renderer *lipgloss.Renderer
	Theme    string
	NoColor  bool
	// Mouse takes clicks, double-clicks and the wheel (the program must
	// be started with tea.WithMouseCellMotion).
	Mouse bool
	// StatusFade is how long an OK or neutral message stays on the status
	// line (StatusFade, 8 s, in the workstation); 0 keeps it until the next
	// one. A problem stays until the next key.
	StatusFade time.Duration
	// RecapDir, when set, is where y writes the recap as a file, and says
	// where, instead of saying "copied": the terminal is not known to take
	// OSC 52 (TakesOSC52). The sequence is sent all the same.
	RecapDir string
	// DocumentsDir is where S writes statements (the config's
	// documents_dir); docs.DefaultDir of this process when empty (in team
	// mode the server's). StatementFormat is their format; pdf when empty.
	DocumentsDir    string
	StatementFormat string
}

// StatusFade is how long the workstation shows an OK or neutral message.
const StatusFade = 8 * time.Second

// Model is the root model.
type Model struct {
	c     common.Common
	opt   Options
	pages []common.Page
	cur   int // the page shown
	prev  int // the page shown before it (esc goes back from an account)

	modals []modal     // shown over the page, the last on top
	jump   *jump.Model // kept across openings: its accounts follow the views

	view        *desk.View // the view the pages were last sent (shared, never changed)
	events      <-chan struct{}
	unsubscribe func()
	loadFailed  bool // the first load failed; the desk's watcher tries again
	unreadable  bool // the desk's last look at the book failed

	status   components.Status
	statusID int          // counts the messages shown: a fade tick for an older one is dropped
	recap    common.Recap // the last recap saved, while fresh (y copies it)
	clip     io.Writer
	clipEnv  clipEnv

	now       func() time.Time                     // the clock of double-clicks
	tick      func(time.Duration, tea.Msg) tea.Cmd // sends a message later (tea.Tick); tests drive it by hand
	lastClick click
}

// New makes the workstation over a desk, for one session: its keys, styles
// and author are its own, the desk's view is shared. Init reads the book.
func New(d *desk.Desk, opt Options) *Model {
	keys := opt.Keys
	if keys == nil {
		keys = keymap.DefaultKeyMap()
	}
	r := opt.Renderer
	switch {
	case r == nil && opt.NoColor:
		// Under NO_COLOR lipgloss draws plain text (an Ascii profile), so the
		// cursor row would be told by its marker alone: an ANSI profile keeps
		// reverse video and bold, and the styles use no colour.
		r = lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(termenv.ANSI)
	case r == nil:
		r = lipgloss.DefaultRenderer()
	}
	c := common.Common{Width: 80, Height: 24, Styles: styles.New(r, styles.Options{Theme: opt.Theme, NoColor: opt.NoColor}), Keys: keys,
		Desk: d, AsOf: opt.AsOf, User: opt.User, Role: opt.Role,
		Author:  desk.WithRole(store.WithAuthor(context.Background(), opt.User), opt.Role),
		DocsDir: opt.DocumentsDir, StatementFormat: cmp.Or(opt.StatementFormat, "pdf")}
	post := &poster{}
	c.Post = post.send
	if c.DocsDir == "" {
		c.DocsDir = docs.DefaultDir(os.Getenv) // this process's: the server's in team mode
	}
	getenv := opt.Env
	if getenv == nil {
		getenv = os.Getenv
	}
	m := &Model{c: c, opt: opt, pages: newPages(c), jump: jump.New(c), clip: opt.Clipboard,
		clipEnv: clipEnv{term: getenv("TERM"), tmux: getenv("TMUX"), home: getenv("HOME")}, now: time.Now, tick: after}
	post.m = m
	if m.clip == nil {
		m.clip = os.Stdout
	}
	if opt.Notice != "" {
		m.setStatus(components.Problem, opt.Notice)
	}
	named := make([]keymap.PageKey, len(m.pages))
	for i, p := range m.pages {
		in := p.Info()
		named[i] = keymap.PageKey{Number: cmp.Or(in.Number, i+1), Help: in.KeyHelp}
	}
	c.Keys.NamePages(named)
	m.resize()
	return m
}

// poster hands a page's message to the root within the running Update
// (common.Common.Post).
type poster struct{ m *Model }

func (p *poster) send(msg tea.Msg) tea.Cmd {
	_, cmd := p.m.update(msg)
	return cmd
}

// Init reads the book and listens for the desk's changes.
func (m *Model) Init() tea.Cmd {
	m.events, m.unsubscribe = m.c.Desk.Subscribe()
	return tea.Batch(firstLoad(m.c.Desk), waitForChange(m.events))
}

// Close ends the model's subscription to the desk's news: for a program
// that ended without q (an SSH session closed by its client or the server).
func (m *Model) Close() {
	if m.unsubscribe != nil {
		m.unsubscribe()
	}
}

// Current is the name of the page shown.
func (m *Model) Current() string { return m.page().Info().Name }

// Status is the status line's message, for tests.
func (m *Model) Status() string { return m.status.Text }

func (m *Model) page() common.Page { return m.pages[m.cur] }

// show brings a page to the front.
func (m *Model) show(i int) {
	if i != m.cur {
		m.prev, m.cur = m.cur, i
	}
}

func (m *Model) bodyHeight() int { return max(m.c.Height-2, 1) }

func (m *Model) resize() {
	w, h := m.c.Width, m.bodyHeight()
	for _, p := range m.pages {
		p.SetSize(w, h)
	}
	m.jump.SetSize(w, h)
	for _, md := range m.modals {
		md.SetSize(w, h)
	}
}

func (m *Model) setStatus(k components.StatusKind, s string) {
	m.status = components.Status{Text: s, Kind: k}
	m.statusID++
}

// fadeMsg is the tick that ends a status message, the statusID-th.
type fadeMsg struct{ id int }

// Update routes messages. It never blocks: every read and write is a command.
// An OK or neutral message shown by a message fades StatusFade later (a
// tick carrying its id: a newer message is not faded by an older tick); a
// problem stays until the next key.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	before := m.statusID
	_, cmd := m.update(msg)
	if id := m.statusID; id != before && m.opt.StatusFade > 0 && m.status.Text != "" && m.status.Kind != components.Problem {
		cmd = tea.Batch(cmd, m.tick(m.opt.StatusFade, fadeMsg{id}))
	}
	return m, cmd
}

// after sends msg d from now.
func after(d time.Duration, msg tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}

func (m *Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
		m.resize()
		return m, nil
	case fadeMsg:
		if msg.id == m.statusID && m.status.Kind != components.Problem {
			m.setStatus(components.Info, "")
		}
		return m, nil
	case tea.KeyMsg:
		if m.status.Kind == components.Problem && m.status.Text != "" {
			m.setStatus(components.Info, "")
		}
		return m, m.keyMsg(msg)
	case tea.MouseMsg:
		return m, m.mouse(msg)
	case loadedMsg:
		return m, m.loaded(msg)
	case changedMsg:
		return m, m.changed()
	case savedMsg:
		return m, m.saved(msg)
	case markedMsg:
		return m, m.marked(msg)
	case copiedMsg:
		m.copied(msg)
		return m, nil
	case common.ShowPageMsg:
		for i, p := range m.pages {
			if p.Info().Name == msg.Name {
				m.show(i)
			}
		}
		return m, nil
	case common.BackMsg:
		m.cur = m.prev
		return m, nil
	case jump.ChosenMsg:
		if m.top() == modal(m.jump) {
			m.pop()
		}
		return m, common.OpenAccount(msg.Code)
	case common.DoneMsg:
		if m.readOnly() {
			return m, nil
		}
		return m, markDone(m.c, msg.Item)
	case common.SnoozeMsg:
		if !m.readOnly() {
			m.openSnooze(msg.Item)
		}
		return m, nil
	case common.AssignMsg:
		m.openAssign(msg)
		return m, nil
	case form.OpenMsg:
		m.openOn(msg)
		return m, nil
	case common.PlanMsg:
		m.openPlan(msg)
	case common.DisputeMsg:
		if !m.readOnly() {
			m.openDispute(msg)
		}
		return m, nil
	case common.ErrorMsg:
		m.setStatus(components.Problem, msg.Text)
		return m, nil
	case common.InfoMsg:
		m.setStatus(components.Info, msg.Text)
		return m, nil
	}
	return m, m.forward(msg)
}

// forward hands a message to every page and to the jump prompt: each takes
// what is its own (its data coming back, a view, an account to open).
func (m *Model) forward(msg tea.Msg) tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(m.pages)+1)
	cmds = append(cmds, m.page().Update(msg))
	for i, p := range m.pages {
		if i != m.cur {
			cmds = append(cmds, p.Update(msg))
		}
	}
	cmds = append(cmds, m.jump.Update(msg))
	if _, ok := msg.(common.ViewMsg); ok {
		// A new view: the page on screen prepares first, then the others
		// one after another, so what is seen is not slowed by what is not.
		return tea.Sequence(cmds...)
	}
	return tea.Batch(cmds...)
}

// View assembles the pieces: top bar, the page or what is over it, status line.
func (m *Model) View() string {
	w := m.c.Width
	body := m.page().View()
	active := m.cur
	if top := m.top(); top != nil {
		body, active = top.View(), -1
	}
	return m.topBar(active) + "\n" + body + "\n" + components.StatusLine(m.c, m.shownStatus(), w)
}

// tabs are the top bar's tabs: each page's key and label.
func (m *Model) tabs() []string {
	tabs := make([]string, len(m.pages))
	for i, p := range m.pages {
		tabs[i] = m.c.Keys.Pages[i].Help().Key + " " + p.Tab()
	}
	return tabs
}

// topBar is the top bar, with the tab active shown as such (-1 for none).
func (m *Model) topBar(active int) string {
	name := m.opt.BookName
	if name == "" && m.view != nil {
		name = m.view.Settings.Name
	}
	return components.TopBar(m.c, m.tabs(), active, name, m.opt.AsOf, m.opt.Today, m.c.Width)
}

// shownStatus is the status line's message, or what the workstation is
// waiting for.
func (m *Model) shownStatus() components.Status {
	switch {
	case m.saving():
		return components.Status{Text: "Saving…", Kind: components.Busy}
	case m.view == nil && !m.loadFailed:
		return components.Status{Text: "Loading the book…", Kind: components.Busy}
	case m.opt.Warning != "" && m.status.Kind != components.Problem:
		return components.Status{Text: m.opt.Warning, Kind: components.Problem}
	}
	return m.status
}
