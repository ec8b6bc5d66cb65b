package desk

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"acctdesk/domain"
	"acctdesk/store"
)

// Editing an account (SPEC §10.10): E on the account pane. Every change is
// written with its timeline entry in one batch, stamped by the store (who,
// when), the entry listing each field as "field: old → new".

// ErrNothingChanged is an edit that gives every field the value it has:
// nothing is written.
var ErrNothingChanged = errors.New("nothing changed")

// AccountEdit is what E edits of an account: every field given, as the
// form shows it (prefilled with the stored values).
type AccountEdit struct {
	Owner   string // "" for no owner
	Tier    int
	Segment string
	Status  string
	// StatusSince is the date of the status; zero keeps the stored date
	// when the status stays, and is the business date when it changes (a
	// change to churned records when: it feeds logo churn).
	StatusSince    domain.Date
	Terms          string // cash or term
	TermsDays      int
	Products       []string
	Notes          string
	ExpansionNotes string
	Competitors    string
	// From, when set, is what the form opened with: a field left as it was
	// there keeps the stored value, so that a change someone else saved
	// meanwhile is not undone.
	From *AccountEdit
}

// EditOf is an account's fields as AccountEdit holds them (what E opens with).
func EditOf(a domain.Account) AccountEdit {
	return AccountEdit{Owner: a.Owner, Tier: a.Tier, Segment: a.Segment, Status: a.Status, StatusSince: a.StatusSince,
		Terms: a.Terms, TermsDays: a.TermsDays, Products: slices.Clone(a.Products), Notes: a.Notes,
		ExpansionNotes: a.ExpansionNotes, Competitors: a.Competitors}
}

// FieldChange is one field changed, old → new, as the timeline says it.
type FieldChange struct {
	Field    string
	Old, New string
}

// String is "field: old → new", each value Safe, on one line and
// shortened when long.
func (c FieldChange) String() string {
	return c.Field + ": " + shortValue(c.Old) + " → " + shortValue(c.New)
}

// changeLimit is how much of a long text (a note) the timeline quotes.
const changeLimit = 60

// shortValue is a value as a change quotes it: Safe, on one line, at most
// changeLimit characters, "(none)" for nothing.
func shortValue(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "(none)"
	}
	if utf8.RuneCountInString(s) > changeLimit {
		r := []rune(s)
		s = strings.TrimSpace(string(r[:changeLimit-1])) + "…"
	}
	return domain.Safe(s)
}

// Changes are what a batch of field changes says on the timeline.
func changesText(cs []FieldChange) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.String()
	}
	return strings.Join(parts, "; ")
}

// Edited is what an account edit became.
type Edited struct {
	Account  domain.Account  // as written
	Changes  []FieldChange   // each field changed, in the form's order
	Activity domain.Activity // its timeline entry
}

// EditAccount changes an account's fields (a lead's right, SPEC §12): the
// account and a timeline entry (domain.KindAccountEdit) listing each change
// in one batch. An edit that changes nothing writes nothing and says so
// (ErrNothingChanged). A new owner is spelt as the book knows the user.
func (d *Desk) EditAccount(ctx context.Context, code string, e AccountEdit) (Edited, error) {
	if err := permit(ctx, Lead, "editing an account"); err != nil {
		return Edited{}, err
	}
	var a domain.Account
	var cs []FieldChange
	var note domain.Activity
	_, _, err := d.readModifyWrite(ctx, code, func(f *domain.AccountFile) (*store.Batch, error) {
		old, e := f.Account, e // e afresh each time the account is read again
		if e.From != nil {
			e = e.onlyChanged(EditOf(old))
		}
		var err error
		if a, err = d.edited(old, e); err != nil {
			return nil, err
		}
		if cs = editChanges(old, a); len(cs) == 0 {
			return nil, fmt.Errorf("%w: account %s is as it was", ErrNothingChanged, old.Code)
		}
		note = domain.Activity{Account: a.Code, On: d.opt.AsOf, Kind: domain.KindAccountEdit, Text: "edited: " + changesText(cs)}
		return &store.Batch{On: d.opt.AsOf, Accounts: []store.Rec[domain.Account]{{V: a}},
			Activities: []store.ActivityEntry{{Activity: note}}}, nil
	})
	if err != nil {
		return Edited{}, err
	}
	out := Edited{Account: a, Changes: cs, Activity: note}
	if after, err := d.st.LoadAccount(a.Code); err == nil {
		out.Account = after.Account
		out.Activity = newestOf(after.Activities, domain.KindAccountEdit)
	}
	return out, nil
}

// onlyChanged is the edit with each field the form left as it opened
// taken from stored (the account as it is now).
func (e AccountEdit) onlyChanged(stored AccountEdit) AccountEdit {
	was := *e.From
	out := stored
	out.From = nil
	if e.Owner != was.Owner {
		out.Owner = e.Owner
	}
	if e.Tier != was.Tier {
		out.Tier = e.Tier
	}
	if e.Segment != was.Segment {
		out.Segment = e.Segment
	}
	if e.Status != was.Status {
		out.Status = e.Status
	}
	if e.StatusSince != was.StatusSince {
		out.StatusSince = e.StatusSince
	}
	if e.Terms != was.Terms || e.TermsDays != was.TermsDays {
		out.Terms, out.TermsDays = e.Terms, e.TermsDays
	}
	if !slices.Equal(e.Products, was.Products) {
		out.Products = e.Products
	}
	if e.Notes != was.Notes {
		out.Notes = e.Notes
	}
	if e.ExpansionNotes != was.ExpansionNotes {
		out.ExpansionNotes = e.ExpansionNotes
	}
	if e.Competitors != was.Competitors {
		out.Competitors = e.Competitors
	}
	return out
}

// edited is the account old with the edit's fields, normalised and
// checked: every field's problem named.
func (d *Desk) edited(old domain.Account, e AccountEdit) (domain.Account, error) {
	a := old
	a.Stamp = domain.Stamp{} // the store stamps the write: who, when
	a.Owner = strings.TrimSpace(e.Owner)
	a.Tier = e.Tier
	a.Segment = strings.TrimSpace(e.Segment)
	a.Status = strings.ToLower(strings.TrimSpace(e.Status))
	a.Terms = strings.ToLower(strings.TrimSpace(e.Terms))
	a.TermsDays = e.TermsDays
	a.Products = nil
	seen := map[string]bool{}
	for _, p := range e.Products {
		p = strings.TrimSpace(p)
		if p != "" && !seen[strings.ToLower(p)] {
			seen[strings.ToLower(p)] = true
			a.Products = append(a.Products, p)
		}
	}
	a.Notes = strings.TrimSpace(e.Notes)
	a.ExpansionNotes = strings.TrimSpace(e.ExpansionNotes)
	a.Competitors = strings.TrimSpace(e.Competitors)
	switch {
	case a.Status != old.Status && (e.StatusSince.IsZero() || e.StatusSince == old.StatusSince):
		// A new status dates from today unless another date is given (the
		// form opens with the old status's date: that is not the new one's).
		a.StatusSince = d.opt.AsOf
	case !e.StatusSince.IsZero():
		a.StatusSince = e.StatusSince
	}
	// Going live: an onboarding account made active without a live date
	// went live the day its new status dates from (the queue stops asking
	// for go-live, and report openings counts the days it took).
	if a.Status == domain.StatusActive && old.Status == domain.StatusOnboarding && a.LiveOn.IsZero() {
		a.LiveOn = a.StatusSince
	}
	var ve domain.ValidationError
	if a.Owner != "" {
		if err := domain.CheckUser(a.Owner); err != nil {
			ve = append(ve, domain.FieldError{Field: "owner", Reason: fmt.Sprintf("%q %v: a user's name", a.Owner, err)})
		} else if owners, err := d.ownerNames(); err == nil && !slices.Contains(owners, a.Owner) {
			// One user, one spelling: the book's (as Assign).
			for _, o := range owners {
				if strings.EqualFold(o, a.Owner) {
					a.Owner = o
					break
				}
			}
		}
	}
	if !a.StatusSince.IsZero() && a.StatusSince > d.opt.AsOf {
		ve = append(ve, domain.FieldError{Field: "status_since", Reason: fmt.Sprintf("%s is after today (%s)", a.StatusSince, d.opt.AsOf)})
	}
	if a.Terms == "cash" {
		a.TermsDays = 0
	}
	if err := a.Validate(); err != nil {
		var av domain.ValidationError
		if errors.As(err, &av) {
			ve = append(ve, av...)
		} else {
			return domain.Account{}, err
		}
	}
	if len(ve) > 0 {
		return domain.Account{}, ve
	}
	return a, nil
}

// editChanges are the fields E edits that differ between two versions
// of an account, in the form's order.
func editChanges(old, a domain.Account) []FieldChange {
	var cs []FieldChange
	add := func(field, o, n string) {
		if o != n {
			cs = append(cs, FieldChange{field, o, n})
		}
	}
	add("owner", old.Owner, a.Owner)
	add("tier", strconv.Itoa(old.Tier), strconv.Itoa(a.Tier))
	add("segment", old.Segment, a.Segment)
	add("status", old.Status, a.Status)
	add("status since", dateText(old.StatusSince), dateText(a.StatusSince))
	add("live on", dateText(old.LiveOn), dateText(a.LiveOn))
	add("terms", termsText(old), termsText(a))
	add("products", strings.Join(old.Products, ", "), strings.Join(a.Products, ", "))
	add("notes", old.Notes, a.Notes)
	add("expansion notes", old.ExpansionNotes, a.ExpansionNotes)
	add("competitors", old.Competitors, a.Competitors)
	return cs
}

func dateText(d domain.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// termsText is an account's terms in words: "cash", "term 30 days".
func termsText(a domain.Account) string {
	if a.Terms == "term" {
		return fmt.Sprintf("term %d days", a.TermsDays)
	}
	return a.Terms
}

// newestOf is the newest activity of a kind (the highest id): the entry a
// write just added.
func newestOf(acts []domain.Activity, kind string) domain.Activity {
	var best domain.Activity
	for _, x := range acts {
		if x.Kind == kind && x.ID >= best.ID {
			best = x
		}
	}
	return best
}
