package form

import (
	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
)

// TargetOf is the account a form opens on, taken from the view by value:
// its name, currency and contacts, the primary finance contact first, and
// the brief the call form shows (computed once, here, from the view's facts).
func TargetOf(v *desk.View, code, itemKey string, today domain.Date) Target {
	t := Target{Code: code, Today: today, ItemKey: itemKey}
	x := v.Facts(code)
	if x == nil {
		return t
	}
	t.Name = common.Clean(x.Account.Name)
	t.Currency = x.Account.Currency
	t.Primary = x.PrimaryContact()
	if t.Primary != "" {
		t.Contacts = append(t.Contacts, t.Primary)
	}
	for _, c := range x.Contacts {
		if c.Name != t.Primary {
			t.Contacts = append(t.Contacts, c.Name)
		}
	}
	t.People = append([]domain.Contact{}, x.Contacts...)
	t.Brief, t.HasBrief = domain.BriefOf(x, today, v.Settings), true
	t.Outstanding = x.Ledger.NetAR(today)
	if p := domain.OpenPlan(x.Plans, today); p != nil {
		open := *p
		t.OpenPlan = &open
	}
	return t
}
