package demo

import (
	"slices"
	"strings"

	"acctdesk/domain"
)

// makeContacts gives the account one to three people. Most have a finance
// contact as primary; some are run through procurement or the owner.
func (a *acct) makeContacts() {
	r, p := a.r, a.p
	xof := p.cur == "XOF"
	roles := []string{"finance"}
	if r.chance(0.12) {
		roles = []string{pick(r, []string{"procurement", "executive"}), "finance"}
	}
	n := max(len(roles), 1+r.weighted(25, 50, 25))
	for len(roles) < n {
		x := pick(r, []string{"operations", "procurement", "executive"})
		if !slices.Contains(roles, x) {
			roles = append(roles, x)
		}
	}
	dom := domainOf(p.name, xof)
	seen := map[string]bool{}
	for i, role := range roles {
		first, last := pick(r, firstNames), pick(r, surnames)
		if xof {
			first, last = pick(r, tgFirst), pick(r, tgLast)
		}
		name := first + " " + last
		if seen[name] {
			name = first + " " + last + "-" + pick(r, surnames)
		}
		seen[name] = true
		a.contacts = append(a.contacts, domain.Contact{
			Account: p.code, Name: name, Role: role, Phone: phone(r, xof),
			Email: slug(first) + "." + slug(last) + "@" + dom, Primary: i == 0,
			Stamp: stamp(a.g.opt.Author, p.opened, 9*60+i),
		})
	}
}

// contactFor picks who an activity of this kind is with.
func (a *acct) contactFor(kind string) string {
	r := a.r
	var want string
	switch kind {
	case "note", "escalation":
		return ""
	case "email":
		want = "finance"
	case "visit":
		want = "operations"
	case "meeting":
		want = "procurement"
	case "qbr":
		want = "executive"
	default:
		if r.chance(0.75) {
			return a.contacts[0].Name
		}
		return a.contacts[r.IntN(len(a.contacts))].Name
	}
	for _, c := range a.contacts {
		if c.Role == want {
			return c.Name
		}
	}
	return a.contacts[r.IntN(len(a.contacts))].Name
}

// firstName of a contact, for text written the way people write it.
func firstName(full string) string {
	if i := strings.IndexByte(full, ' '); i > 0 {
		return full[:i]
	}
	return full
}
