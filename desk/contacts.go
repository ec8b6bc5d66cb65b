package desk

import (
	"context"

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
	f, err := d.st.LoadAccount(code)
	if err != nil {
		return domain.Contact{}, err
	}
	c.Account = f.Account.Code
	if c, err = domain.NewContact(f.Contacts, c); err != nil {
		return domain.Contact{}, err
	}
	if _, err := d.st.Apply(ctx, &store.Batch{Contacts: []store.Rec[domain.Contact]{{V: c}}}); err != nil {
		return domain.Contact{}, err
	}
	d.wrote()
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
