package form

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
)

// The account edit form (E, SPEC §10.10): every field E edits, prefilled
// with the account's values; ↑/↓ cycles through a field's words (tier,
// status, terms, the book's users as owner). The desk writes what changed
// with a timeline entry naming each change; an edit that changes nothing is
// answered so and writes nothing.
const (
	aOwner = iota
	aTier
	aSegment
	aStatus
	aSince
	aTerms
	aDays
	aProducts
	aNotes
	aExpansion
	aCompetitors
)

type accountBody struct {
	c   core
	t   Target
	was desk.AccountEdit // what the form opened with
}

// NewAccountEdit opens the account edit form on an account, prefilled with
// a (the account as the view has it); users are the names the book knows
// a user by, which ↑/↓ offers as the owner.
func NewAccountEdit(c common.Common, t Target, a domain.Account, users []string) *Model {
	was := desk.EditOf(a)
	b := &accountBody{t: t, was: was}
	days := ""
	if a.Terms == "term" || a.TermsDays != 0 {
		days = strconv.Itoa(a.TermsDays)
	}
	b.c.fields = []*field{
		prefilled("Owner", a.Owner, 64, "↑/↓ the book's users", users),
		prefilled("Tier", strconv.Itoa(a.Tier), 1, "1, 2 or 3 (↑/↓)", []string{"1", "2", "3"}),
		prefilled("Segment", a.Segment, 200, "e.g. haulage", nil),
		prefilled("Status", a.Status, 20, "↑/↓", []string{domain.StatusOnboarding, domain.StatusActive, domain.StatusOnHold, domain.StatusChurned}),
		prefilled("Status since", dateText(a.StatusSince), 20, "a new status: today", nil),
		prefilled("Terms", a.Terms, 10, "term or cash (↑/↓)", []string{"term", "cash"}),
		prefilled("Days to pay", days, 3, "payment terms in days, e.g. 30", nil),
		prefilled("Products", strings.Join(a.Products, ", "), 2000, "AGO, PMS, Rescue, Fleet", nil),
		prefilled("Notes", a.Notes, 2000, "", nil),
		prefilled("Expansion", a.ExpansionNotes, 2000, "what more it could buy", nil),
		prefilled("Competitors", a.Competitors, 2000, "who else, at what price", nil),
	}
	return newModel(c, t, b)
}

// prefilled is a text field opened on a value (not dirty until edited),
// with an example when empty and words ↑/↓ cycles through.
func prefilled(label, value string, limit int, example string, options []string) *field {
	f := &field{label: label, kind: textField, text: common.NewField(value), initial: value, example: example, options: options}
	f.text.Limit = limit
	return f
}

func dateText(d domain.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func (b *accountBody) noun() string         { return "account edit" }
func (b *accountBody) core() *core          { return &b.c }
func (b *accountBody) choose(k string) bool { return false }
func (b *accountBody) title() string {
	return fmt.Sprintf("Edit the account · %s %s", b.t.Code, b.t.Name)
}

func (b *accountBody) changed() {
	f := b.c.fields
	f[aDays].disabled = strings.EqualFold(b.c.text(aTerms), "cash")
	f[aSince].hint = ""
	since := b.c.text(aSince)
	switch {
	case !strings.EqualFold(b.c.text(aStatus), b.was.Status) && since == f[aSince].initial:
		f[aSince].hint = "→ today: a new status"
	case since != "":
		if d, err := resolveDate(since, b.t.Today); err == nil {
			f[aSince].hint = "→ " + common.LongDay(d)
		}
	}
}

func (b *accountBody) validate() (*Submission, bool) {
	f := b.c.fields
	b.c.clearErrors()
	was := b.was
	e := desk.AccountEdit{Owner: b.c.text(aOwner), Segment: b.c.text(aSegment), Notes: b.c.text(aNotes),
		ExpansionNotes: b.c.text(aExpansion), Competitors: b.c.text(aCompetitors), From: &was}
	ok := true
	bad := func(i int, why string) { f[i].err, ok = why, false }
	if n, err := strconv.Atoi(b.c.text(aTier)); err != nil || n < 1 || n > 3 {
		bad(aTier, "a tier is 1, 2 or 3")
	} else {
		e.Tier = n
	}
	statuses := f[aStatus].options
	if s, found := domain.MatchWord(b.c.text(aStatus), statuses); found {
		e.Status = s
	} else {
		bad(aStatus, "one of "+strings.Join(statuses, ", "))
	}
	if s := b.c.text(aSince); s != "" {
		if d, err := resolveDate(s, b.t.Today); err != nil {
			bad(aSince, err.Error())
		} else {
			e.StatusSince = d
		}
	}
	if s, found := domain.MatchWord(b.c.text(aTerms), f[aTerms].options); found {
		e.Terms = s
	} else {
		bad(aTerms, "term or cash")
	}
	if e.Terms == "term" {
		if n, err := strconv.Atoi(b.c.text(aDays)); err != nil || n < 0 {
			bad(aDays, "days to pay, a whole number (30)")
		} else {
			e.TermsDays = n
		}
	}
	for _, p := range strings.FieldsFunc(b.c.text(aProducts), func(r rune) bool { return r == ',' || r == ';' }) {
		e.Products = append(e.Products, strings.TrimSpace(p))
	}
	if !ok {
		return nil, false
	}
	var what []string
	for _, x := range f {
		if !x.disabled && strings.TrimSpace(x.text.String()) != strings.TrimSpace(x.initial) {
			what = append(what, strings.ToLower(x.label))
		}
	}
	said := "changed " + strings.Join(what, ", ")
	if len(what) == 0 {
		said = "nothing changed"
	}
	code := b.t.Code
	return &Submission{Kind: Custom, Noun: b.noun(), What: said,
		Do: func(ctx context.Context, d *desk.Desk, _ bool) (Saved, error) {
			x, err := d.EditAccount(ctx, code, e)
			return Saved{At: x.Activity.Stamp.At}, err
		}}, true
}

func (b *accountBody) fieldOf(name string) int {
	switch name {
	case "owner":
		return aOwner
	case "tier":
		return aTier
	case "segment":
		return aSegment
	case "status":
		return aStatus
	case "status_since":
		return aSince
	case "terms":
		return aTerms
	case "payment_terms_days":
		return aDays
	case "products":
		return aProducts
	case "notes":
		return aNotes
	case "expansion_notes":
		return aExpansion
	case "competitors":
		return aCompetitors
	}
	return -1
}
