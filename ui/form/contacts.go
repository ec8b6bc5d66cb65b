package form

import (
	"context"
	"fmt"
	"strings"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
	"acctdesk/ui/keymap"
	"acctdesk/ui/styles"
)

// The contacts form (C, SPEC §10.10): the account's contacts listed above
// the fields; one key picks a contact to change or remove (1…9), or n a new
// one; the fields then hold its name, role, phone, email and whether it is
// the primary contact (one at most: making one primary clears the other).
const (
	kWho = iota
	kDo
	kName
	kRole
	kPhone
	kEmail
	kPrimary
)

// Picks of the Who field besides a contact's number.
const pickNew = "new"

type contactsBody struct {
	c      core
	t      Target
	people []domain.Contact
	sel    int // the contact picked (index into people), -1 for a new one, -2 for none yet
}

// NewContacts opens the contacts form on an account with its contacts.
func NewContacts(c common.Common, t Target, people []domain.Contact) *Model {
	b := &contactsBody{t: t, people: append([]domain.Contact(nil), people...), sel: -2}
	var who []keymap.Choice
	for i, p := range b.people {
		who = append(who, keymap.Choice{Key: pickKey(i), Value: fmt.Sprint(i), Label: common.Cut(common.Clean(p.Name), 20)})
	}
	who = append(who, keymap.Choice{Key: "n", Value: pickNew, Label: "new contact"})
	b.c.fields = []*field{
		{label: "Contact", kind: choiceField, choices: who},
		{label: "Do", kind: choiceField, choices: []keymap.Choice{{Key: "e", Value: "edit", Label: "change"}, {Key: "r", Value: "remove", Label: "remove"}}, hidden: true},
		prefilled("Name", "", 200, "first and last name", nil),
		prefilled("Role", "", 20, "finance, operations… (↑/↓)", domain.ContactRoles),
		prefilled("Phone", "", 40, "+234 803 555 0100", nil),
		prefilled("Email", "", 200, "name@company.ng", nil),
		prefilled("Primary", "no", 3, "yes or no (↑/↓)", []string{"no", "yes"}),
	}
	for _, f := range b.c.fields[kName:] {
		f.hidden = true
	}
	if len(b.people) == 0 {
		// Nothing to pick: a new contact straight away.
		b.c.fields[kWho].disabled, b.c.fields[kWho].hidden = true, true
		b.pick(-1)
		b.c.focus = kName
	}
	return newModel(c, t, b)
}

// pickLine is line i of a list a form picks from: its key, its parts,
// highlighted when it is the one picked (sel), cut to w.
func pickLine(s *styles.Styles, i, sel int, parts []string, w int) string {
	line := common.Cut(fmt.Sprintf("%2s  %s", pickKey(i), strings.Join(parts, " · ")), w)
	if i == sel {
		return s.Chosen.Render(line)
	}
	return line
}

// pickKey is the key of the i-th contact: 1…9, then letters (not n).
func pickKey(i int) string {
	if i < 9 {
		return fmt.Sprint(i + 1)
	}
	const letters = "abcdefghijklmopqrstuvwxyz"
	if i-9 < len(letters) {
		return string(letters[i-9])
	}
	return ""
}

func (b *contactsBody) noun() string { return "contact" }
func (b *contactsBody) core() *core  { return &b.c }
func (b *contactsBody) title() string {
	return fmt.Sprintf("Contacts · %s %s", b.t.Code, b.t.Name)
}

// pick shows contact i in the fields (-1: empty fields for a new one); what
// it shows is what the form opened with, not typed.
func (b *contactsBody) pick(i int) {
	b.sel = i
	p := domain.Contact{}
	if i >= 0 {
		p = b.people[i]
	}
	primary := "no"
	if p.Primary {
		primary = "yes"
	}
	for k, v := range map[int]string{kName: p.Name, kRole: p.Role, kPhone: p.Phone, kEmail: p.Email, kPrimary: primary} {
		f := b.c.fields[k]
		f.text = common.Field{Limit: f.text.Limit}
		f.text.Set(v)
		f.initial, f.err = v, ""
	}
	b.c.fields[kDo].choice = ""
	if i >= 0 {
		b.c.fields[kDo].choice = "edit" // r removes it instead
	}
}

func (b *contactsBody) choose(k string) bool {
	f := b.c.fields[b.c.focus]
	ch, ok := keymap.Find(f.choices, k)
	if !ok {
		return false
	}
	switch b.c.focus {
	case kWho:
		f.choice = ch.Value
		if ch.Value == pickNew {
			b.pick(-1)
			b.changed()
			b.c.to(kName)
			return true
		}
		var i int
		fmt.Sscan(ch.Value, &i)
		b.pick(i)
		b.changed()
		b.c.to(kDo)
	case kDo:
		f.choice = ch.Value
		b.changed()
		b.c.to(kName)
	}
	return true
}

// removing reports whether the contact picked is to be removed.
func (b *contactsBody) removing() bool { return b.sel >= 0 && b.c.fields[kDo].choice == "remove" }

func (b *contactsBody) changed() {
	f := b.c.fields
	none := b.sel == -2
	f[kDo].disabled, f[kDo].hidden = b.sel < 0, b.sel < 0
	for _, x := range f[kName:] {
		x.hidden = none
		x.disabled = none || b.removing()
	}
}

// brief lists the account's contacts, each with its key, role, phone and
// email, the one picked marked.
func (b *contactsBody) brief(cm common.Common, w int) []string {
	s := cm.Styles
	if len(b.people) == 0 {
		return []string{s.Muted.Render(common.Cut("No contacts on file yet: add the first one.", w)), ""}
	}
	var out []string
	for i, p := range b.people {
		role := p.Role
		if p.Primary {
			role = strings.TrimPrefix(role+", primary", ", ")
		}
		parts := []string{common.Clean(p.Name)}
		for _, x := range []string{role, common.Clean(p.Phone), common.Clean(p.Email)} {
			if x != "" {
				parts = append(parts, x)
			}
		}
		out = append(out, pickLine(s, i, b.sel, parts, w))
	}
	return append(out, "")
}

func (b *contactsBody) validate() (*Submission, bool) {
	f := b.c.fields
	b.c.clearErrors()
	if b.sel == -2 {
		f[kWho].err = "pick a contact (" + keysOf(f[kWho].choices) + ")"
		return nil, false
	}
	code := b.t.Code
	if b.removing() {
		name := b.people[b.sel].Name
		return &Submission{Kind: Custom, Noun: b.noun(), What: "removed " + common.Clean(name),
			Do: func(ctx context.Context, d *desk.Desk, _ bool) (Saved, error) {
				x, err := d.RemoveContact(ctx, code, name)
				return Saved{At: x.Activity.Stamp.At}, err
			}}, true
	}
	c := domain.Contact{Name: b.c.text(kName), Phone: b.c.text(kPhone), Email: b.c.text(kEmail)}
	ok := true
	if c.Name == "" {
		f[kName].err, ok = "a contact needs a name", false
	}
	if r := b.c.text(kRole); r != "" {
		if w, found := domain.MatchWord(r, domain.ContactRoles); found {
			c.Role = w
		} else {
			f[kRole].err, ok = "one of "+strings.Join(domain.ContactRoles, ", ")+", or empty", false
		}
	}
	switch strings.ToLower(b.c.text(kPrimary)) {
	case "yes", "y":
		c.Primary = true
	case "no", "n", "":
	default:
		f[kPrimary].err, ok = "yes or no", false
	}
	if !ok {
		return nil, false
	}
	was, what := "", "added "+common.Clean(c.Name)
	if b.sel >= 0 {
		was, what = b.people[b.sel].Name, "changed "+common.Clean(b.people[b.sel].Name)
	}
	if c.Primary {
		what += ", primary"
	}
	return &Submission{Kind: Custom, Noun: b.noun(), What: what,
		Do: func(ctx context.Context, d *desk.Desk, _ bool) (Saved, error) {
			x, err := d.SaveContact(ctx, code, was, c)
			return Saved{At: x.Activity.Stamp.At}, err
		}}, true
}

func (b *contactsBody) fieldOf(name string) int {
	switch name {
	case "contact":
		if b.sel >= 0 {
			return kWho
		}
		return kName
	case "name":
		return kName
	case "role":
		return kRole
	case "phone":
		return kPhone
	case "email":
		return kEmail
	}
	return -1
}
