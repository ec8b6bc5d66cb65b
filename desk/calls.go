package desk

import (
	"context"
	"fmt"

	"acctdesk/domain"
	"acctdesk/domain/queue"
	"acctdesk/store"
)

// The use cases. Each takes the author in its context (store.WithAuthor),
// reads the one account it works on, checks what it is asked, writes in one
// transaction and has the view refreshed. The command line, the workstation
// and the SSH server call these and nothing else to write.

// Logged is what a call or a note became.
type Logged struct {
	Account  domain.Account
	Activity domain.Activity
	Promise  *domain.Promise
	Recap    string           // the written recap kept on the activity ("" without one)
	Contact  *domain.Contact  // the contact added with the call, if any
	Disputes []domain.Dispute // the disputes the call raised (outcome dispute)
}

// LogCall logs a call on an account (SPEC §3, §8): its outcome, the promise
// given and the next follow-up (the outcome's default when none is given).
// The contact defaults to the account's primary contact; a contact named
// must be one of the account's (domain.MatchContact: the error lists them),
// or a new contact added with the call (c.AddContact: a name and a phone),
// written in the same transaction. A promise gets its written recap, kept on
// the activity: every commitment in writing.
func (d *Desk) LogCall(ctx context.Context, code string, c domain.Call) (Logged, error) {
	if err := permit(ctx, Collector, "logging a call"); err != nil {
		return Logged{}, err
	}
	f, err := d.st.LoadAccount(code)
	if err != nil {
		return Logged{}, err
	}
	var added *domain.Contact
	switch {
	case c.AddContact != nil:
		nc := *c.AddContact
		nc.Account = f.Account.Code
		if nc, err = domain.NewContact(f.Contacts, nc); err != nil {
			return Logged{}, err
		}
		added, c.Contact = &nc, nc.Name
	case c.Contact == "":
		c.Contact = f.PrimaryContact()
	default:
		who, err := domain.MatchContact(f.Contacts, c.Contact, f.Account.Code)
		if err != nil {
			return Logged{}, err
		}
		c.Contact = who.Name
	}
	e, err := c.Entry(f, d.opt.AsOf)
	if err != nil {
		return Logged{}, err
	}
	if e.Promise != nil {
		if e.Activity.Recap, err = domain.PromiseRecap(f, *e.Promise, store.AuthorOf(ctx), d.opt.AsOf); err != nil {
			return Logged{}, err
		}
	}
	entry := store.ActivityEntry{Activity: e.Activity, Promise: e.Promise, Contact: added}
	if len(c.Disputed) > 0 {
		if c.Outcome != "dispute" {
			return Logged{}, fieldError("outcome", "invoices to dispute go with the outcome dispute")
		}
		if err := permit(ctx, Collector, "raising a dispute"); err != nil {
			return Logged{}, err
		}
		var rs []DisputeRequest
		for _, n := range c.Disputed {
			rs = append(rs, DisputeRequest{Invoice: n, Reason: c.DisputeReason})
		}
		got, err := d.raise(ctx, f.Account.Code, rs, &entry)
		if err != nil {
			return Logged{}, err
		}
		out := Logged{Account: f.Account, Activity: entry.Activity, Contact: added}
		for _, g := range got {
			out.Disputes = append(out.Disputes, g.Dispute)
		}
		return out, nil
	}
	return d.log(ctx, f.Account, entry)
}

// Note adds a note, a visit or another contact that is not a call to an
// account's timeline, with an optional next follow-up.
func (d *Desk) Note(ctx context.Context, code, kind, text string, next domain.Date) (Logged, error) {
	if err := permit(ctx, Collector, "adding a note"); err != nil {
		return Logged{}, err
	}
	f, err := d.st.LoadAccount(code)
	if err != nil {
		return Logged{}, err
	}
	a := domain.Activity{Account: f.Account.Code, On: d.opt.AsOf, Kind: kind, Text: text, NextFollow: next}
	if err := a.Validate(); err != nil {
		return Logged{}, err
	}
	return d.log(ctx, f.Account, store.ActivityEntry{Activity: a})
}

func (d *Desk) log(ctx context.Context, a domain.Account, e store.ActivityEntry) (Logged, error) {
	saved, err := d.st.LogActivity(ctx, e)
	if err != nil {
		return Logged{}, err
	}
	d.wrote()
	out := Logged{Account: a, Activity: saved, Recap: saved.Recap, Contact: e.Contact}
	if e.Promise != nil {
		p := *e.Promise // as stored with the activity: same author and time
		p.Activity, p.Stamp = saved.ID, saved.Stamp
		out.Promise = &p
	}
	return out, nil
}

// Escalated is what an escalation became.
type Escalated struct {
	Account    domain.Account
	Escalation domain.Escalation
	Recap      string // the note to the team it goes to, kept on the timeline
}

// Confirm says the user confirmed what looked unlikely (domain.Unlikely):
// a date more than a year away.
type Confirm bool

// Escalate opens an escalation on an account (SPEC §8): it goes on the
// timeline with the written note to the team it is handed to. Opened
// defaults to the business date, the due date to two working days later.
func (d *Desk) Escalate(ctx context.Context, code string, e domain.Escalation, confirm Confirm) (Escalated, error) {
	if err := permit(ctx, Collector, "escalating"); err != nil {
		return Escalated{}, err
	}
	f, err := d.st.LoadAccount(code)
	if err != nil {
		return Escalated{}, err
	}
	e.Account = f.Account.Code
	if e.Opened.IsZero() {
		e.Opened = d.opt.AsOf
	}
	if e.Due.IsZero() {
		e.Due = DefaultEscalationDue(e.Opened)
	}
	if e.Status == "" {
		e.Status = "open"
	}
	if err := e.Validate(); err != nil {
		return Escalated{}, err
	}
	if !bool(confirm) && domain.FarOff(e.Due, d.opt.AsOf) {
		return Escalated{}, domain.Unlikely{fmt.Sprintf("the due date %s is more than a year away", e.Due)}
	}
	x, err := domain.FactsOf(f)
	if err != nil {
		return Escalated{}, err
	}
	set, err := d.st.Settings()
	if err != nil {
		return Escalated{}, err
	}
	note := e.TimelineEntry()
	note.Recap = domain.EscalationRecap(domain.Summarize(&x, d.opt.AsOf, set), e, store.AuthorOf(ctx))
	saved, err := d.st.OpenEscalation(ctx, e, note)
	if err != nil {
		return Escalated{}, err
	}
	d.wrote()
	return Escalated{Account: f.Account, Escalation: saved, Recap: note.Recap}, nil
}

// DefaultEscalationDue is when an escalation opened on a day is due: two
// working days later (SPEC §8).
func DefaultEscalationDue(opened domain.Date) domain.Date { return opened.AddWorkdays(2) }

// FollowUp schedules a follow-up by hand on an account.
func (d *Desk) FollowUp(ctx context.Context, code string, due domain.Date, reason string, confirm Confirm) (domain.FollowUp, error) {
	if err := permit(ctx, Collector, "scheduling a follow-up"); err != nil {
		return domain.FollowUp{}, err
	}
	f, err := d.st.LoadAccount(code)
	if err != nil {
		return domain.FollowUp{}, err
	}
	fu := domain.FollowUp{Account: f.Account.Code, Due: due, Reason: reason, Source: "manual", Status: domain.FollowOpen}
	if err := fu.Validate(); err != nil {
		return domain.FollowUp{}, err
	}
	if due < d.opt.AsOf {
		return domain.FollowUp{}, domain.ValidationError{{Field: "due", Reason: fmt.Sprintf("%s is in the past", due)}}
	}
	if !bool(confirm) && domain.FarOff(due, d.opt.AsOf) {
		return domain.FollowUp{}, domain.Unlikely{fmt.Sprintf("the follow-up %s is more than a year away", due)}
	}
	if _, err := d.st.Apply(ctx, &store.Batch{FollowUps: []store.Rec[domain.FollowUp]{{V: fu}}}); err != nil {
		return domain.FollowUp{}, err
	}
	d.wrote()
	return fu, nil
}

// Done marks a queue item done: it stays away until its condition arises
// anew (a new key).
func (d *Desk) Done(ctx context.Context, it queue.Item) error {
	if err := permit(ctx, Collector, "marking done"); err != nil {
		return err
	}
	return d.mark(ctx, domain.QueueMark{Key: it.Key, Account: it.Account, Done: true, On: d.opt.AsOf})
}

// Snooze hides a queue item until a date.
func (d *Desk) Snooze(ctx context.Context, it queue.Item, until domain.Date) error {
	if err := permit(ctx, Collector, "snoozing"); err != nil {
		return err
	}
	if until <= d.opt.AsOf {
		return domain.ValidationError{{Field: "until", Reason: fmt.Sprintf("snooze until a day after %s", d.opt.AsOf)}}
	}
	return d.mark(ctx, domain.QueueMark{Key: it.Key, Account: it.Account, Until: until, On: d.opt.AsOf})
}

func (d *Desk) mark(ctx context.Context, m domain.QueueMark) error {
	if err := permit(ctx, Collector, "marking the queue"); err != nil {
		return err
	}
	if err := d.st.Mark(ctx, m); err != nil {
		return err
	}
	d.wrote()
	return nil
}

// Account reads one account's whole file, for the account pane, the forms
// and the documents.
func (d *Desk) Account(code string) (*domain.AccountFile, error) { return d.st.LoadAccount(code) }
