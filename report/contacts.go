package report

import (
	"cmp"
	"slices"

	"acctdesk/domain"
)

// Contacts (SPEC §10.10): every contact of every account, by account code,
// the primary first, then by name — what C on the account pane keeps, to
// check from the command line. From facts: the contacts.

func contactsPart(in Input, _ domain.Settings, x *domain.Facts) any {
	if in.skip(x) || len(x.Contacts) == 0 {
		return nil
	}
	cs := slices.Clone(x.Contacts)
	slices.SortStableFunc(cs, func(a, b domain.Contact) int {
		if a.Primary != b.Primary {
			if a.Primary {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.Name, b.Name)
	})
	return cs
}

func contactsTable(in Input, set domain.Settings, parts []any) *Table {
	t := &Table{Columns: []Column{{"account", Text, ""}, {"name", Text, ""}, {"role", Text, ""}, {"phone", Text, ""},
		{"email", Text, ""}, {"primary", Text, ""}}}
	for _, p := range parts {
		cs, _ := p.([]domain.Contact)
		for _, c := range cs {
			primary := "no"
			if c.Primary {
				primary = "yes"
			}
			t.Rows = append(t.Rows, []Cell{T(c.Account), T(c.Name), T(c.Role), T(c.Phone), T(c.Email), T(primary)})
		}
	}
	return t
}

func init() {
	docs["contacts"] = doc{"every contact of every account, by account, the primary first, then by name", map[string]string{
		"account": "the account's code", "name": "the contact's name",
		"role": "procurement, operations, finance or executive; empty when not known", "phone": "the phone number",
		"email": "the e-mail address", "primary": "yes for the account's primary contact (one at most), else no",
	}}
}
