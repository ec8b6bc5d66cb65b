// Package dashboard is the Dashboard page (SPEC §11.4): the book's
// headline figures against their targets (met or not by a glyph and a
// colour), the DSO at each of the last 12 month ends as a line, the aging
// at those month ends as stacked bars, this month's collections against
// what fell due, the promises kept, and the cash forecast of each of the
// last 8 weeks (as of its Monday) against what came in. m cycles from the
// book to each owner's accounts; ↑ ↓ the currency.
//
// Everything is worked out from the view's facts in commands, in two
// stages (the forecasts of the past weeks last), and kept per account from
// view to view, so that a change costs the accounts it touched.
package dashboard

import (
	"fmt"
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
)

// Page is the dashboard.
type Page struct {
	common.Common
	view  *desk.View // the newest view (shared, never changed)
	data  *data      // what is shown
	loads common.Loads
	seq   int  // the load under way, while busy
	busy  bool // a load is under way
	// owner is the scope shown: nil for the book, else that owner's
	// accounts (by name: it is kept across data changes).
	owner *string
	cur   domain.Currency // the currency shown; "" for the base currency
}

// New makes an empty dashboard.
func New(c common.Common) *Page { return &Page{Common: c} }

// Info declares the page: its number key is 5 (SPEC §8).
func (p *Page) Info() common.PageInfo {
	return common.PageInfo{Name: "Dashboard", KeyHelp: "dashboard", Number: 5}
}

// Tab is the page's label in the top bar.
func (p *Page) Tab() string { return "Dashboard" }

// SetSize sets the page's size.
func (p *Page) SetSize(w, h int) { p.Width, p.Height = w, h }

// Update works out the dashboard of each view in commands and handles the
// keys.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.ViewMsg:
		p.view = msg.View
		return p.load()
	case prepared:
		if !msg.weeks {
			// The first stage: shown at once, the forecasts follow.
			if p.busy && msg.seq == p.seq {
				p.data = msg.data
				return prepareWeeks(msg.seq, msg.data)
			}
			return nil
		}
		latest, again := p.loads.Done(msg.seq)
		if latest {
			p.data, p.busy = msg.data, false
		}
		if again {
			return p.load()
		}
	case tea.KeyMsg:
		return p.key(msg)
	}
	return nil
}

// load works out the newest view, unless a load is under way; a view
// another session already worked out is shown at once.
func (p *Page) load() tea.Cmd {
	if d := cached(p.view); d != nil && !p.busy {
		p.data = d
		return nil
	}
	seq, ok := p.loads.Start()
	if !ok {
		return nil
	}
	p.seq, p.busy = seq, true
	return prepare(seq, p.view, p.data)
}

func (p *Page) key(km tea.KeyMsg) tea.Cmd {
	k := p.Keys
	switch {
	case key.Matches(km, k.Scope):
		if p.data == nil {
			return nil
		}
		p.owner = nextOwner(p.data.owners, p.owner)
	case key.Matches(km, k.Up), key.Matches(km, k.Down):
		s := p.scope()
		if s == nil || len(s.curs) < 2 {
			return nil
		}
		i := p.curIndex(s)
		n := len(s.curs)
		if key.Matches(km, k.Up) {
			i = (i + n - 1) % n
		} else {
			i = (i + 1) % n
		}
		p.cur = s.curs[i].cur
	}
	return nil
}

// nextOwner is the scope after the one shown: the book, then each owner in
// turn, then the book again.
func nextOwner(owners []*scope, cur *string) *string {
	if cur == nil {
		if len(owners) == 0 {
			return nil
		}
		return &owners[0].owner
	}
	i := slices.IndexFunc(owners, func(s *scope) bool { return s.owner == *cur })
	if i < 0 || i+1 >= len(owners) {
		return nil
	}
	return &owners[i+1].owner
}

// scope is the figures shown: the book's, or the owner's (the book's when
// the owner has no account left).
func (p *Page) scope() *scope {
	if p.data == nil {
		return nil
	}
	if p.owner != nil {
		for _, s := range p.data.owners {
			if s.owner == *p.owner {
				return s
			}
		}
	}
	return p.data.book
}

// curIndex is the currency shown: the one chosen with ↑ ↓, else the base
// currency when the scope has it, else the first; -1 for none.
func (p *Page) curIndex(s *scope) int {
	if len(s.curs) == 0 {
		return -1
	}
	for _, c := range []domain.Currency{p.cur, p.view.Settings.BaseCurrency} {
		if i := slices.IndexFunc(s.curs, func(f figures) bool { return f.cur == c }); c != "" && i >= 0 {
			return i
		}
	}
	return 0
}

// scopeName says whose accounts are shown.
func (p *Page) scopeName() string {
	s := p.scope()
	switch {
	case s == nil || s == p.data.book:
		return "the book"
	case s.owner == "":
		return "accounts without an owner"
	}
	return fmt.Sprintf("%s's accounts", s.owner)
}

// ShortHelp is the page's key summary.
func (p *Page) ShortHelp() []key.Binding {
	k := p.Keys
	return []key.Binding{help(k.Scope.Help().Key, "the book / each owner"), help("↑/↓", "currency")}
}

// FullHelp is every key of the page.
func (p *Page) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }

func help(keys, text string) key.Binding {
	return key.NewBinding(key.WithKeys(), key.WithHelp(keys, text))
}
