package desk

import (
	"context"
	"fmt"
	"strings"

	"acctdesk/domain"
	"acctdesk/store"
)

// AddContact adds a contact to an account explicitly (issue 10: a call's
// contact is picked from the account's, or added on purpose, never made up
// by a typo): a name no contact of the account has, and a phone.
func (d *Desk) AddContact(ctx context.Context, code string, c domain.Contact) (domain.Contact, error) {
	if err := permit(ctx, Collector, "adding a contact"); err != nil {
		return domain.Contact{}, err
	}
	given := c
	_, _, err := d.readModifyWrite(ctx, code, func(f *domain.AccountFile) (*store.Batch, error) {
		c = given
		c.Account = f.Account.Code
		var err error
		if c, err = domain.NewContact(f.Contacts, c); err != nil {
			return nil, err
		}
		return &store.Batch{Contacts: []store.Rec[domain.Contact]{{V: c}}}, nil
	})
	if err != nil {
		return domain.Contact{}, err
	}
	return c, nil
}

// Contacts are an account's contacts, as the command line lists them when
// a call names someone who is not one.
func (d *Desk) Contacts(code string) ([]domain.Contact, error) {
	f, err := d.st.LoadAccount(code)
	if err != nil {
		return nil, err
	}
	return f.Contacts, nil
}

// Editing contacts (SPEC §10.10): C on the account pane adds, changes or
// removes a contact. Each write is one batch with its timeline entry
// (domain.KindContactEdit); an account has one primary contact at most:
// making one primary clears the others in the same batch.

// ContactSaved is what a contact's add, change or removal became.
type ContactSaved struct {
	Contact  domain.Contact  // as written (the one removed, for a removal)
	Activity domain.Activity // its timeline entry
	Changes  []FieldChange   // a change's fields, old → new
}

// SaveContact adds a contact (was "": a name the account has not, and a
// phone, as domain.NewContact) or changes the contact named was (its name
// too: a rename removes the old name and writes the new one in the same
// batch). A change that changes nothing writes nothing (ErrNothingChanged).
func (d *Desk) SaveContact(ctx context.Context, code, was string, c domain.Contact) (ContactSaved, error) {
	if err := permit(ctx, Collector, "editing contacts"); err != nil {
		return ContactSaved{}, err
	}
	given := c
	var note domain.Activity
	var changes []FieldChange
	f, _, err := d.readModifyWrite(ctx, code, func(f *domain.AccountFile) (*store.Batch, error) {
		var b *store.Batch
		var err error
		c, note, changes, b, err = d.contactSave(f, was, given)
		return b, err
	})
	if err != nil {
		return ContactSaved{}, err
	}
	return d.contactSaved(f.Account.Code, c, note, changes), nil
}

// contactSave is the batch that saves contact c on the account's file (a
// new one when was is ""), with its timeline entry and changes.
func (d *Desk) contactSave(f *domain.AccountFile, was string, c domain.Contact) (domain.Contact, domain.Activity, []FieldChange, *store.Batch, error) {
	no := func(err error) (domain.Contact, domain.Activity, []FieldChange, *store.Batch, error) {
		return c, domain.Activity{}, nil, nil, err
	}
	code := f.Account.Code
	c.Account, c.Stamp = code, domain.Stamp{} // the store stamps the write
	c.Role = strings.ToLower(strings.TrimSpace(c.Role))
	b := &store.Batch{On: d.opt.AsOf}
	var text, self string // self: the contact changed, by its stored name
	var changes []FieldChange
	if strings.TrimSpace(was) == "" {
		var err error
		if c, err = domain.NewContact(f.Contacts, c); err != nil {
			return no(err)
		}
		text = "contact added: " + contactText(c)
	} else {
		old, err := contactNamed(f, was)
		if err != nil {
			return no(err)
		}
		self = old.Name
		c.Name = strings.Join(strings.Fields(c.Name), " ")
		c.Phone, c.Email = strings.TrimSpace(c.Phone), strings.TrimSpace(c.Email)
		for _, o := range f.Contacts {
			if o.Name != old.Name && strings.EqualFold(strings.Join(strings.Fields(o.Name), " "), c.Name) && c.Name != "" {
				return no(fieldError("name", fmt.Sprintf("%s is already a contact of %s", o.Name, code)))
			}
		}
		if err := c.Validate(); err != nil {
			return no(err)
		}
		changes = contactChanges(old, c)
		if len(changes) == 0 {
			return no(fmt.Errorf("%w: contact %s is as it was", ErrNothingChanged, domain.Safe(old.Name)))
		}
		if c.Name != old.Name {
			b.RemoveContacts = []store.Rec[domain.Contact]{{V: domain.Contact{Account: code, Name: old.Name}}}
		}
		text = "contact " + domain.Safe(old.Name) + " changed: " + changesText(changes)
	}
	b.Contacts = []store.Rec[domain.Contact]{{V: c}}
	if c.Primary {
		// One primary at most: the others stop being it.
		var cleared []string
		for _, o := range f.Contacts {
			if o.Primary && o.Name != self && o.Name != c.Name {
				o.Primary, o.Stamp = false, domain.Stamp{}
				b.Contacts = append(b.Contacts, store.Rec[domain.Contact]{V: o})
				cleared = append(cleared, domain.Safe(o.Name))
			}
		}
		if len(cleared) > 0 {
			text += "; no longer primary: " + strings.Join(cleared, ", ")
		}
	}
	note := domain.Activity{Account: code, On: d.opt.AsOf, Kind: domain.KindContactEdit, Contact: c.Name, Text: text}
	b.Activities = []store.ActivityEntry{{Activity: note}}
	return c, note, changes, b, nil
}

// RemoveContact removes the contact named name from an account, with its
// timeline entry.
func (d *Desk) RemoveContact(ctx context.Context, code, name string) (ContactSaved, error) {
	if err := permit(ctx, Collector, "removing a contact"); err != nil {
		return ContactSaved{}, err
	}
	var old domain.Contact
	var note domain.Activity
	f, _, err := d.readModifyWrite(ctx, code, func(f *domain.AccountFile) (*store.Batch, error) {
		var err error
		if old, err = contactNamed(f, name); err != nil {
			return nil, err
		}
		code := f.Account.Code
		note = domain.Activity{Account: code, On: d.opt.AsOf, Kind: domain.KindContactEdit, Contact: old.Name,
			Text: "contact removed: " + contactText(old)}
		return &store.Batch{On: d.opt.AsOf, RemoveContacts: []store.Rec[domain.Contact]{{V: domain.Contact{Account: code, Name: old.Name}}},
			Activities: []store.ActivityEntry{{Activity: note}}}, nil
	})
	if err != nil {
		return ContactSaved{}, err
	}
	return d.contactSaved(f.Account.Code, old, note, nil), nil
}

// contactSaved is what a contact write became, with its entry as stored.
func (d *Desk) contactSaved(code string, c domain.Contact, note domain.Activity, changes []FieldChange) ContactSaved {
	out := ContactSaved{Contact: c, Activity: note, Changes: changes}
	if after, err := d.st.LoadAccount(code); err == nil {
		out.Activity = newestOf(after.Activities, domain.KindContactEdit)
		for _, x := range after.Contacts {
			if x.Name == c.Name {
				out.Contact = x
			}
		}
	}
	return out
}

// contactNamed is the account's contact a person means by name: that very
// name, else the one that differs only in case and spacing. Else an error
// naming the account's contacts.
func contactNamed(f *domain.AccountFile, name string) (domain.Contact, error) {
	for _, c := range f.Contacts {
		if c.Name == name {
			return c, nil
		}
	}
	fold := strings.ToLower(strings.Join(strings.Fields(name), " "))
	var names []string
	for _, c := range f.Contacts {
		if strings.ToLower(strings.Join(strings.Fields(c.Name), " ")) == fold {
			return c, nil
		}
		names = append(names, c.Name)
	}
	why := fmt.Sprintf("%s has no contact %q", f.Account.Code, name)
	if len(names) > 0 {
		why += "; its contacts: " + strings.Join(names, ", ")
	}
	return domain.Contact{}, fieldError("contact", why)
}

// contactText is a contact in a line: "Ngozi Eze (finance) +234 1,
// ngozi@x.ng, primary", Safe.
func contactText(c domain.Contact) string {
	s := c.Name
	if c.Role != "" {
		s += " (" + c.Role + ")"
	}
	var parts []string
	for _, p := range []string{c.Phone, c.Email} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if c.Primary {
		parts = append(parts, "primary")
	}
	if len(parts) > 0 {
		s += " " + strings.Join(parts, ", ")
	}
	return domain.Safe(s)
}

// contactChanges are the fields of a contact that differ, old → new.
func contactChanges(old, c domain.Contact) []FieldChange {
	var cs []FieldChange
	add := func(field, o, n string) {
		if o != n {
			cs = append(cs, FieldChange{field, o, n})
		}
	}
	yes := func(b bool) string {
		if b {
			return "yes"
		}
		return "no"
	}
	add("name", old.Name, c.Name)
	add("role", old.Role, c.Role)
	add("phone", old.Phone, c.Phone)
	add("email", old.Email, c.Email)
	add("primary", yes(old.Primary), yes(c.Primary))
	return cs
}
