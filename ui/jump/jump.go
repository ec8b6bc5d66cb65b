// Package jump is the `:` prompt: typing a code or part of a name narrows the
// accounts, and enter opens the first match (or the one chosen with ↑/↓).
// The prompt keeps its accounts from view to view, ready before it opens.
package jump

import (
	"fmt"
	"sort"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
)

// Candidate is an account one can jump to.
type Candidate struct {
	Code, Name, Detail string
	code, name         string
}

func candidateOf(s *domain.Summary) Candidate {
	a := s.Account()
	detail := fmt.Sprintf("tier %d · %s · AR %s", a.Tier, common.Clean(a.Owner), common.ShortMoney(s.AR(), a.Currency))
	return Candidate{Code: common.Clean(a.Code), Name: common.Clean(a.Name), Detail: detail,
		code: common.Fold(a.Code), name: common.Fold(a.Name)}
}

// Match returns the indices of the candidates matching query, best first, at
// most limit of them. An exact code comes first, then code and name prefixes,
// substrings, and letters in order; ties go by code.
func Match(cs []*Candidate, query string, limit int) []int {
	q := common.Fold(strings.TrimSpace(query))
	type hit struct{ i, score int }
	hits := make([]hit, 0, 64)
	for i := range cs {
		if sc, ok := common.MatchCodeName(q, cs[i].code, cs[i].name); ok {
			hits = append(hits, hit{i, sc})
		}
	}
	sort.Slice(hits, func(a, b int) bool {
		if hits[a].score != hits[b].score {
			return hits[a].score > hits[b].score
		}
		return cs[hits[a].i].Code < cs[hits[b].i].Code
	})
	if len(hits) > limit {
		hits = hits[:limit]
	}
	out := make([]int, len(hits))
	for i, h := range hits {
		out[i] = h.i
	}
	return out
}

// prepared is the answer to the preparation numbered seq.
type prepared struct {
	seq   int
	cands common.AccountRows[Candidate]
}

// prepare lists a view's accounts, keeping the candidates of old whose
// account did not change. The view and old are never changed.
func prepare(seq int, v *desk.View, old common.AccountRows[Candidate]) tea.Cmd {
	return func() tea.Msg {
		return prepared{seq, old.Next(v.Sums, v.Touched, v.Settings, v.AsOf, candidateOf)}
	}
}

// Model is the jump prompt.
type Model struct {
	common.Common
	view    *desk.View // the newest view (shared, never changed)
	cands   common.AccountRows[Candidate]
	loads   common.Loads
	open    bool // shown: new accounts are matched at once
	field   common.Field
	matches []int
	sel     int
	// pending is an enter typed while the accounts were still being listed
	// and nothing matched yet: it opens the first match once they are in,
	// so a code typed fast after ':' is not lost (over SSH, or on a book
	// just loaded).
	pending bool
}

// ChosenMsg says the prompt chose an account after its enter: the root
// closes the prompt and opens the account.
type ChosenMsg struct{ Code string }

// New makes the prompt; it has accounts once a view has come.
func New(c common.Common) *Model {
	m := &Model{Common: c}
	m.field.Placeholder = "account code or part of a name"
	return m
}

// Update keeps the accounts up to date with the views, in a command.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.ViewMsg:
		m.view = msg.View
		return m.load()
	case prepared:
		latest, again := m.loads.Done(msg.seq)
		if latest {
			m.cands = msg.cands
			if m.open {
				m.refresh()
			}
		}
		var cmds []tea.Cmd
		if again {
			cmds = append(cmds, m.load())
		}
		if m.pending && m.open && (len(m.matches) > 0 || !m.listing()) {
			m.pending = false
			if len(m.matches) > 0 {
				m.open = false
				code := m.cands.Rows[m.matches[m.sel]].Code
				cmds = append(cmds, func() tea.Msg { return ChosenMsg{code} })
			}
		}
		return tea.Batch(cmds...)
	}
	return nil
}

// load lists the newest view's accounts, unless a listing is under way.
func (m *Model) load() tea.Cmd {
	seq, ok := m.loads.Start()
	if !ok {
		return nil
	}
	return prepare(seq, m.view, m.cands)
}

// listing says the accounts are yet to come: no view has come, or the
// newest is being listed.
func (m *Model) listing() bool { return m.view == nil || m.loads.Busy() }

// Open empties the prompt for a new search.
func (m *Model) Open() {
	m.open, m.pending = true, false
	m.field.Set("")
	m.refresh()
}

func (m *Model) refresh() {
	m.matches = Match(m.cands.Rows, m.field.String(), 200)
	m.sel = 0
}

// SetSize sets the size.
func (m *Model) SetSize(w, h int) { m.Width, m.Height = w, h }

// HoldsKeyboard is true: every key is typed into the prompt.
func (m *Model) HoldsKeyboard() bool { return true }

// Key handles a key; done is true when the prompt closes (esc, or enter on
// a match, which opens the account).
func (m *Model) Key(km tea.KeyMsg) (cmd tea.Cmd, done bool) {
	m.pending = false
	switch km.Type {
	case tea.KeyEsc, tea.KeyCtrlC:
		m.open = false
		return nil, true
	case tea.KeyEnter:
		if len(m.matches) == 0 {
			m.pending = m.listing()
			return nil, false
		}
		m.open = false
		return common.OpenAccount(m.cands.Rows[m.matches[m.sel]].Code), true
	case tea.KeyUp:
		if m.sel > 0 {
			m.sel--
		}
	case tea.KeyDown:
		if m.sel < len(m.matches)-1 {
			m.sel++
		}
	default:
		if m.field.Key(km) {
			m.refresh()
		}
	}
	return nil, false
}

// View draws the prompt and the matches.
func (m *Model) View() string {
	s := m.Styles
	w := m.Width
	lines := []string{
		s.Title.Render("Jump to an account"),
		s.Key.Render(": ") + m.field.View(w-3, true, s.Input, s.Cursor, s.Placeholder),
	}
	room := m.Height - 4
	switch {
	case len(m.matches) == 0 && m.listing():
		lines = append(lines, s.Muted.Render("  Listing the accounts…"))
	case len(m.matches) == 0:
		lines = append(lines, s.Muted.Render("  No account matches."))
	}
	from := 0
	if m.sel >= room {
		from = m.sel - room + 1
	}
	for i := from; i < len(m.matches) && i < from+room; i++ {
		c := m.cands.Rows[m.matches[i]]
		codeW := 10
		nameW := (w - 2 - codeW - 2) * 3 / 5
		line := common.Fit(c.Code, codeW) + " " + common.Fit(c.Name, nameW) + " " + c.Detail
		line = common.Fit(line, w-2)
		if i == m.sel {
			lines = append(lines, s.Selected.Render("▸ "+line))
		} else {
			lines = append(lines, "  "+line)
		}
	}
	for len(lines) < m.Height-1 {
		lines = append(lines, "")
	}
	more := ""
	if len(m.matches) == 200 {
		more = " · first 200 shown"
	}
	lines = append(lines, s.Muted.Render(common.Cut("enter opens the first match (or the chosen one) · ↑/↓ choose · esc closes"+more, w)))
	return common.Lines(lines, w, m.Height)
}
