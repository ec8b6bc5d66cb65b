package report

import (
	"acctdesk/domain"
)

// Changes (SPEC §9.6): what changed on each account from Input.Since
// (excluded; the working day before the date when zero) to the date
// (included), by date, account and change (domain.ChangesOf has the
// definitions). From facts.

// Since is the report's first date: in.Since, else the working day before
// the as-of date.
func (in Input) since() domain.Date {
	if in.Since.IsZero() {
		return domain.PrevWorkday(in.AsOf)
	}
	return in.Since
}

func changesPart(in Input, set domain.Settings, x *domain.Facts) any {
	if in.skip(x) {
		return nil
	}
	return domain.ChangesOf(x, in.since(), in.AsOf, set)
}

func changesTable(in Input, set domain.Settings, parts []any) *Table {
	t := &Table{Columns: []Column{{"date", Date, ""}, {"account", Text, ""}, {"change", Text, ""}, {"amount", Money, ""},
		{"currency", Text, ""}, {"detail", Text, ""}}}
	var all []domain.Change
	for _, p := range parts {
		if cs, ok := p.([]domain.Change); ok {
			all = append(all, cs...)
		}
	}
	domain.SortChanges(all)
	for _, c := range all {
		amount, cur := T(""), T("")
		if c.HasMoney {
			amount, cur = money(c.Amount, c.Currency), T(string(c.Currency))
		}
		t.Rows = append(t.Rows, []Cell{date(c.On), T(c.Account), T(c.Kind), amount, cur, T(c.Detail)})
	}
	return t
}
