package account

import (
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
	"acctdesk/ui/form"
)

// The account manager's edits of the account shown (SPEC §10.8–10.10):
// E the account, C its contacts, O its plan's objectives, v a survey
// score. Each opens its form through the root (form.Open) on what the
// page's newest view has of the account, captured now, by value; the form
// saves itself through the desk.

// facts are the view's facts of the account shown, or nil.
func (p *Page) shownFacts() *domain.Facts {
	if p.view == nil || p.shown.code == "" {
		return nil
	}
	return p.view.Facts(p.shown.code)
}

func (p *Page) edit() tea.Cmd {
	x := p.shownFacts()
	if x == nil {
		return common.InfoCmd("The account is still loading")
	}
	if p.Role == desk.Collector {
		return common.ErrorCmd("editing an account needs a lead")
	}
	a, users := x.Account, p.users()
	a.Products = slices.Clone(a.Products)
	return form.Open(p.Common, a.Code, func(c common.Common, t form.Target) *form.Model { return form.NewAccountEdit(c, t, a, users) })
}

func (p *Page) contacts() tea.Cmd {
	x := p.shownFacts()
	if x == nil {
		return common.InfoCmd("The account is still loading")
	}
	people := slices.Clone(x.Contacts)
	return form.Open(p.Common, x.Account.Code, func(c common.Common, t form.Target) *form.Model { return form.NewContacts(c, t, people) })
}

func (p *Page) objectives() tea.Cmd {
	x := p.shownFacts()
	if x == nil {
		return common.InfoCmd("The account is still loading")
	}
	objs := make([]domain.Objective, len(x.Objectives))
	for i, o := range x.Objectives {
		o.Steps = slices.Clone(o.Steps)
		objs[i] = o
	}
	users := p.users()
	return form.Open(p.Common, x.Account.Code, func(c common.Common, t form.Target) *form.Model { return form.NewObjectives(c, t, objs, users) })
}

func (p *Page) survey() tea.Cmd {
	x := p.shownFacts()
	if x == nil {
		return common.InfoCmd("The account is still loading")
	}
	surveys := slices.Clone(x.Surveys)
	return form.Open(p.Common, x.Account.Code, func(c common.Common, t form.Target) *form.Model { return form.NewSurvey(c, t, surveys) })
}

// users are the names the book knows a user by: its accounts' owners and
// its settings' users, sorted, each once (what ↑/↓ offers as an owner).
func (p *Page) users() []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for i := range p.view.Sums {
		add(p.view.Sums[i].Facts.Account.Owner)
	}
	for _, u := range p.view.Settings.Users {
		add(u)
	}
	slices.Sort(out)
	return out
}
