// Package jump is the `:` prompt: typing a code or part of a name narrows the
// accounts, and enter opens the first match (or the one chosen with ↑/↓).
package jump

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/domain"
	"acctdesk/ui/common"
)

// Candidate is an account one can jump to.
type Candidate struct {
	Code, Name, Detail string
	code, name         string
}

// Prepare lists the accounts of a summarised book (run inside a tea.Cmd).
func Prepare(sums []domain.Summary) []Candidate {
	out := make([]Candidate, len(sums))
	for i := range sums {
		s := &sums[i]
		a := s.Account()
		detail := fmt.Sprintf("tier %d · %s · AR %s", a.Tier, common.Clean(a.Owner), common.ShortMoney(s.AR(), a.Currency))
		out[i] = Candidate{Code: common.Clean(a.Code), Name: common.Clean(a.Name), Detail: detail,
			code: common.Fold(a.Code), name: common.Fold(a.Name)}
	}
	return out
}

// Match returns the indices of the candidates matching query, best first, at
// most limit of them. An exact code comes first, then code and name prefixes,
// substrings, and letters in order; ties go by code.
func Match(cs []Candidate, query string, limit int) []int {
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

// CloseMsg tells the root the prompt was closed without choosing.
type CloseMsg struct{}

// Model is the jump prompt.
type Model struct {
	common.Common
	cands   []Candidate
	field   common.Field
	matches []int
	sel     int
}

// New opens the prompt over the candidates.
func New(c common.Common, cands []Candidate) *Model {
	m := &Model{Common: c, cands: cands}
	m.field.Placeholder = "account code or part of a name"
	m.refresh()
	return m
}

func (m *Model) refresh() {
	m.matches = Match(m.cands, m.field.String(), 200)
	m.sel = 0
}

// SetSize sets the size.
func (m *Model) SetSize(w, h int) { m.Width, m.Height = w, h }

// Update handles a key.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	switch km.Type {
	case tea.KeyEsc, tea.KeyCtrlC:
		return func() tea.Msg { return CloseMsg{} }
	case tea.KeyEnter:
		if len(m.matches) == 0 {
			return nil
		}
		code := m.cands[m.matches[m.sel]].Code
		return common.OpenAccount(code)
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
	return nil
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
	if len(m.matches) == 0 {
		lines = append(lines, s.Muted.Render("  No account matches."))
	}
	from := 0
	if m.sel >= room {
		from = m.sel - room + 1
	}
	for i := from; i < len(m.matches) && i < from+room; i++ {
		c := m.cands[m.matches[i]]
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

// ShortHelp is the prompt's key summary.
func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.Keys.Open, m.Keys.Choose, m.Keys.Cancel}
}

// FullHelp is every key of the prompt.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
