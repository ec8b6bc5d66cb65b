package account

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/shopspring/decimal"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
	"acctdesk/ui/form"
)

// The account manager's credit and service side of the account pane (SPEC
// §10.2, §10.3): i opens a service issue, or updates the one under the
// cursor on the escalations & issues tab; L makes a credit decision. The
// tab shows each issue with its status, SLA, KPI and its steps (a row each,
// under it), and the last credit decisions.

const (
	escalationsTabName = "Escalations & issues"
	issuesTitle        = "Service issues"
	// creditShown is how many credit decisions the tab shows: the last ones.
	creditShown = 5
)

// issue opens the service issue form: on an open issue under the cursor
// (its row or a step's), the update form; anywhere else, or on a resolved
// issue (nothing to update), a new issue.
func (p *Page) issue() tea.Cmd {
	code := p.shown.code
	if s, ok := p.issueUnderCursor(); ok && s.IsOpen() {
		return form.Open(p.Common, code, func(c common.Common, t form.Target) *form.Model { return form.NewIssueUpdate(c, t, s) })
	}
	return form.Open(p.Common, code, form.NewIssue)
}

// issueUnderCursor is the issue of the row under the cursor, when it is one
// of the issues section's (an issue's row or one of its steps').
func (p *Page) issueUnderCursor() (domain.ServiceIssue, bool) {
	if p.data == nil || p.data.Tabs[p.tab].Name != escalationsTabName || p.scroll.Cursor >= len(p.refs) {
		return domain.ServiceIssue{}, false
	}
	ref := p.refs[p.scroll.Cursor]
	secs := p.data.Tabs[p.tab].Sections
	if ref.sec < 0 || ref.sec >= len(secs) || !strings.HasPrefix(secs[ref.sec].Title, issuesTitle) || ref.row >= len(p.data.Issues) {
		return domain.ServiceIssue{}, false
	}
	return p.data.Issues[ref.row], true
}

// credit opens the credit decision form with the account's limit and
// overdraft as the newest view has them.
func (p *Page) credit() tea.Cmd {
	if no := p.Refuse(desk.Lead, "a credit decision"); no != nil {
		return no
	}
	code := p.shown.code
	x := p.facts
	if p.view != nil {
		if v := p.view.Facts(code); v != nil {
			x = v
		}
	}
	if x == nil {
		return common.InfoCmd("The account is still loading")
	}
	on := form.CreditOn{Account: x.Account, Thresholds: p.set.Thresholds}
	if p.view != nil {
		on.Thresholds = p.view.Settings.Thresholds
	}
	return form.Open(p.Common, code, func(c common.Common, t form.Target) *form.Model { return form.NewCredit(c, t, on) })
}

// issueRows are the issues section's rows, row for row, each the issue it
// belongs to: every issue opened by asOf — the open ones first, by SLA
// deadline, then the resolved, the latest first — each followed by one row
// per step.
func issueRows(f *domain.AccountFile, asOf domain.Date) []domain.ServiceIssue {
	var is []domain.ServiceIssue
	for _, s := range f.Issues {
		if s.Opened <= asOf {
			is = append(is, s)
		}
	}
	slices.SortStableFunc(is, func(a, b domain.ServiceIssue) int {
		if oa, ob := a.OpenOn(asOf), b.OpenOn(asOf); oa != ob {
			if oa {
				return -1
			}
			return 1
		}
		if a.OpenOn(asOf) {
			return cmp.Or(cmp.Compare(a.SLADeadline, b.SLADeadline), cmp.Compare(a.ID, b.ID))
		}
		return cmp.Or(cmp.Compare(b.ResolvedOn, a.ResolvedOn), cmp.Compare(b.ID, a.ID))
	})
	var rows []domain.ServiceIssue
	for _, s := range is {
		for range 1 + len(s.Steps) {
			rows = append(rows, s)
		}
	}
	return rows
}

// issuesSection is the service issues: a row per issue (its status, SLA,
// KPI → target, what is wrong and how it was resolved), then a row per step
// (its due date, done or not). Enter on an issue shows it whole, its recap
// with it.
func issuesSection(f *domain.AccountFile, asOf domain.Date) Section {
	sec := Section{
		Title: issuesTitle,
		Cols: []common.Column{
			{Title: "#", Width: 4, Min: 3, Max: 6, Right: true, Drop: 2},
			{Title: "Opened", Width: common.DateWidth, Drop: 5},
			{Title: "Kind", Width: 14},
			{Title: "SLA / due", Width: common.DateWidth},
			{Title: "Owner", Width: 10, Min: 8, Max: 16, Drop: 4},
			{Title: "Status", Width: 11},
			{Title: "KPI → target", Width: 14, Min: 8, Max: 30, Drop: 3},
			{Title: "What", Width: 20, Min: 20, Max: 200, Fill: true},
		},
		Empty: "No service issues · i opens one.",
	}
	if len(f.Issues) > 0 {
		sec.Title += " · i on an open one updates it"
	}
	rows := issueRows(f, asOf)
	for i := 0; i < len(rows); {
		s := rows[i]
		open := s.OpenOn(asOf)
		slaTone := Plain
		switch {
		case open && !s.SLADeadline.IsZero() && s.SLADeadline < asOf:
			slaTone = Bad
		case open && !s.SLADeadline.IsZero() && s.SLADeadline <= asOf+1:
			slaTone = Warn
		}
		kpi := common.Clean(s.KPI)
		if s.KPITarget != "" {
			kpi += " → " + common.Clean(s.KPITarget)
		}
		what := common.Clean(s.Summary)
		if !s.IsOpen() {
			writing := "not confirmed in writing"
			if s.ConfirmedInWriting {
				writing = "confirmed in writing"
			}
			if !s.ResolvedOn.IsZero() {
				writing = common.Day(s.ResolvedOn, asOf) + ", " + writing
			}
			what = strings.TrimPrefix(what+" — "+common.Clean(s.Resolution)+" ("+writing+")", " — ")
		}
		status := strings.ReplaceAll(s.Status, "-", " ")
		sec.Rows = append(sec.Rows, []Cell{
			{Text: fmt.Sprint(s.ID), Tone: Muted}, {Text: common.Day(s.Opened, asOf)}, {Text: strings.ReplaceAll(s.Kind, "-", " ")},
			{Text: common.Day(s.SLADeadline, asOf), Tone: slaTone}, {Text: common.Clean(s.Owner)},
			{Text: status, Tone: statusTone(s.Status)}, {Text: kpi}, {Text: what},
		})
		sec.More = append(sec.More, issueMore(s, asOf))
		i++
		for n, st := range s.Steps {
			state, tone := "to do", Plain
			switch {
			case st.Done && !st.DoneOn.IsZero():
				state, tone = "done "+common.Day(st.DoneOn, asOf), Good
			case st.Done:
				state, tone = "done", Good
			case !open:
				state, tone = "not done", Muted
			case st.Due < asOf:
				state, tone = "late", Bad
			case st.Due == asOf:
				state, tone = "due today", Warn
			}
			sec.Rows = append(sec.Rows, []Cell{
				{}, {}, {Text: fmt.Sprintf("  step %d", n+1), Tone: Muted}, {Text: common.Day(st.Due, asOf), Tone: tone}, {},
				{Text: state, Tone: tone}, {}, {Text: common.Clean(st.Text), Tone: tone},
			})
			sec.More = append(sec.More, nil)
			i++
		}
	}
	return sec
}

// issueMore is what enter shows of an issue beyond its cells: the steps,
// the resolution and the recap kept for the customer.
func issueMore(s domain.ServiceIssue, asOf domain.Date) []string {
	var out []string
	if len(s.Steps) > 0 {
		out = append(out, "Steps:")
		for i, st := range s.Steps {
			state := "to do"
			if st.Done {
				state = "done"
				if !st.DoneOn.IsZero() {
					state += " " + common.Day(st.DoneOn, asOf)
				}
			}
			out = append(out, fmt.Sprintf("  %d. %s · due %s · %s", i+1, common.Clean(st.Text), common.Day(st.Due, asOf), state))
		}
	}
	if met, known := s.SLAMet(asOf); known {
		out = append(out, map[bool]string{true: "SLA met.", false: "SLA not met."}[met])
	}
	if s.Recap != "" {
		out = append(out, "", "Recap to the customer:")
		for _, l := range strings.Split(s.Recap, "\n") {
			out = append(out, common.Clean(l))
		}
	}
	return out
}

// creditSection is the account's credit now and its last decisions, the
// newest first: each field changed, old → new, the utilisation it left.
func creditSection(f *domain.AccountFile, asOf domain.Date) Section {
	a := f.Account
	cur := a.Currency
	money := func(d decimal.Decimal) string {
		if !d.IsPositive() {
			return "none"
		}
		return common.Money(d, cur)
	}
	short := func(d decimal.Decimal) string {
		if !d.IsPositive() {
			return "none"
		}
		return common.ShortMoney(d, cur)
	}
	title := "Credit · limit " + money(a.CreditLimit)
	if od := a.OverdraftAt(asOf); od.IsPositive() {
		title += fmt.Sprintf(" + overdraft %s to %s", money(od), common.Day(a.Overdraft.Expires, asOf))
	}
	var ds []domain.CreditDecision
	for _, d := range f.Decisions {
		if d.On <= asOf {
			ds = append(ds, d)
		}
	}
	slices.SortStableFunc(ds, func(x, y domain.CreditDecision) int {
		return cmp.Or(y.Stamp.At.Compare(x.Stamp.At), cmp.Compare(y.ID, x.ID))
	})
	if len(ds) > creditShown {
		title += fmt.Sprintf(" · the last %d of %d decisions", creditShown, len(ds))
		ds = ds[:creditShown]
	}
	sec := Section{
		Title: title + " · L decides",
		Cols: []common.Column{
			{Title: "Date", Width: common.DateWidth},
			{Title: "Field", Width: 9},
			{Title: "Old → new", Width: 24, Min: 14, Max: 50},
			{Title: "Util after", Width: 10, Right: true, Drop: 2},
			{Title: "Approved", Width: 10, Min: 6, Max: 16, Drop: 1},
			{Title: "Reason", Width: 12, Min: 8, Max: 200, Fill: true},
		},
		Empty: "No credit decisions · L makes one.",
	}
	for _, d := range ds {
		field, old, nw := "limit", d.Old, d.New
		change := money(old) + " → " + money(nw)
		alt := short(old) + " → " + short(nw)
		if d.Field == domain.FieldOverdraft {
			field = "overdraft"
			if nw.IsPositive() {
				change += " to " + common.Day(d.NewExpires, asOf)
				alt += " to " + common.Day(d.NewExpires, asOf)
			}
		}
		util, tone := "", Plain
		if d.HasUtilisation {
			util = d.UtilisationAfter.StringFixed(1) + " %"
		}
		if d.ConfirmedOver {
			util, tone = util+" !", Bad
		}
		sec.Rows = append(sec.Rows, []Cell{
			{Text: common.Day(d.On, asOf)}, {Text: field}, {Text: change, Alt: alt}, {Text: util, Tone: tone},
			{Text: common.Clean(d.ApprovedBy)}, {Text: common.Clean(d.Reason)},
		})
	}
	return sec
}
