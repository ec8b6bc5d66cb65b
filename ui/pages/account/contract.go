package account

import (
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
	"acctdesk/ui/form"
)

// The contracts tab's keys (SPEC §10.1, §10.4): a adds a contract to the
// account; r on a contract records its renewal or lapse, and on a rebate
// line with something due its credit note, once confirmed. The forms save
// through the desk; the account is read again when the view says so.

// addContract opens the contract form on the account shown.
func (p *Page) addContract() tea.Cmd {
	if no := p.Refuse(desk.Lead, "a contract"); no != nil {
		return no
	}
	if p.data == nil {
		return nil
	}
	var ks []domain.Contract
	for _, c := range p.data.Contracts.Contracts {
		ks = append(ks, c.K)
	}
	code := p.shown.code
	number := domain.ContractNumber(code, ks)
	return form.Open(p.Common, code, func(c common.Common, t form.Target) *form.Model { return form.NewContract(c, t, number) })
}

// renewOrCredit is r: on the contracts tab, the renewal form on the
// contract under the cursor, or the rebate form on the rebate line under
// it when something is due.
func (p *Page) renewOrCredit() tea.Cmd {
	if p.data == nil {
		return nil
	}
	if no := p.Refuse(desk.Lead, "a renewal, a lapse or a rebate credit note"); no != nil {
		return no
	}
	if p.data.Tabs[p.tab].Name != contractsTabName {
		return common.InfoCmd("r works on the Contracts tab: on a contract it records a renewal or a lapse, on a rebate line its credit note")
	}
	if p.scroll.Cursor >= len(p.refs) || p.refs[p.scroll.Cursor].sec < 0 {
		return common.InfoCmd("Pick a contract or a rebate line first (↑/↓)")
	}
	ref, rows, code := p.refs[p.scroll.Cursor], p.data.Contracts, p.shown.code
	switch {
	case ref.sec == 0 && ref.row < len(rows.Contracts):
		c := rows.Contracts[ref.row]
		return form.OpenRenewal(p.Common, code, c.K, c.State, c.Renewal)
	case ref.sec == 1 && ref.row < len(rows.Rebates):
		r := rows.Rebates[ref.row]
		if !r.HasNote {
			return common.InfoCmd("Nothing is due on " + common.Clean(r.Line.Contract) + " " + r.Line.Period + ": no credit note to record")
		}
		on := form.RebateOn{Line: r.Line, Note: r.Note}
		return form.Open(p.Common, code, func(c common.Common, t form.Target) *form.Model { return form.NewRebateNote(c, t, on) })
	}
	return nil
}
