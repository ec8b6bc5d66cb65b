package form

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
)

// The credit decision form (L on an account, SPEC §10.2): a new limit, a
// temporary overdraft and its expiry, the reason and the approver
// (prefilled with the user). Below the fields, the utilisation now and
// after the decision, worked out as it is typed by the desk's own rule
// (domain.DecideCredit); one that leaves it over the breach threshold is
// saved only after the desk asks and enter confirms.

// CreditOn is the account's credit when the form opens, captured by value:
// its limit and overdraft, and the book's thresholds. The net AR is the
// target's Outstanding (as of the business date).
type CreditOn struct {
	Account    domain.Account
	Thresholds domain.Thresholds
}

const (
	cLimit = iota
	cOverdraft
	cExpires
	cReason
	cApprover
)

type creditBody struct {
	c  core
	t  Target
	on CreditOn
	// What the fields come to: the outcome (Decisions empty when they do
	// not yet), or why not.
	out     domain.CreditOutcome
	problem string
}

// NewCredit opens the credit decision form on an account.
func NewCredit(c common.Common, t Target, on CreditOn) *Model {
	a := on.Account
	b := &creditBody{t: t, on: on}
	limitNow := "now none · empty keeps it"
	if a.HasLimit() {
		limitNow = "now " + common.Money(a.CreditLimit, a.Currency)
	}
	odNow := "now none · empty keeps it"
	if od := a.Overdraft; od.Amount.IsPositive() {
		odNow = fmt.Sprintf("now %s to %s", common.ShortMoney(od.Amount, a.Currency), common.Day(od.Expires, t.Today))
		if od.Expires < t.Today {
			odNow += " (expired)"
		}
		odNow += " · 0 removes it"
	}
	b.c.fields = []*field{
		{label: "Credit limit", kind: textField, prefix: t.Currency.Symbol(), example: limitNow},
		{label: "Overdraft", kind: textField, prefix: t.Currency.Symbol(), example: odNow},
		{label: "Expires", kind: textField, example: "the overdraft's last day: +30, 2026-12-31"},
		{label: "Reason", kind: textField, text: common.Field{Limit: 2000}, example: "why the credit changes"},
		{label: "Approved by", kind: textField, text: common.NewField(c.User), initial: c.User, example: "who approved it"},
	}
	return newModel(c, t, b)
}

func (b *creditBody) noun() string       { return "credit decision" }
func (b *creditBody) core() *core        { return &b.c }
func (b *creditBody) choose(string) bool { return false }

func (b *creditBody) title() string {
	return fmt.Sprintf("Credit decision · %s %s", b.t.Code, b.t.Name)
}

// change reads the fields; a value that does not read names its field.
func (b *creditBody) change() (domain.CreditChange, int, error) {
	cur := b.t.Currency
	ch := domain.CreditChange{Reason: b.c.text(cReason), ApprovedBy: b.c.text(cApprover)}
	var err error
	if s := b.c.text(cLimit); s != "" {
		ch.SetLimit = true
		if ch.Limit, err = domain.ParseAmount(s, cur); err != nil {
			return ch, cLimit, err
		}
	}
	if s := b.c.text(cOverdraft); s != "" {
		ch.SetOverdraft = true
		if ch.Overdraft, err = domain.ParseAmount(s, cur); err != nil {
			return ch, cOverdraft, err
		}
	}
	if s := b.c.text(cExpires); s != "" && ch.Overdraft.IsPositive() {
		if ch.Expires, err = resolveDate(s, b.t.Today); err != nil {
			return ch, cExpires, err
		}
	}
	return ch, -1, nil
}

func (b *creditBody) changed() {
	f := b.c.fields
	od := b.c.text(cOverdraft)
	amt, err := domain.ParseAmount(od, b.t.Currency)
	f[cExpires].disabled = od == "" || (err == nil && amt.IsZero())
	f[cExpires].hint = ""
	if s := b.c.text(cExpires); s != "" && !f[cExpires].disabled {
		if d, err := resolveDate(s, b.t.Today); err == nil {
			f[cExpires].hint = "→ " + common.LongDay(d)
		}
	}
	b.out, b.problem = domain.CreditOutcome{}, ""
	ch, _, err := b.change()
	if err != nil {
		b.problem = err.Error()
		return
	}
	if !ch.SetLimit && !ch.SetOverdraft {
		b.problem = "type a new limit, an overdraft, or both"
		return
	}
	// The preview does not wait for a reason: what the numbers come to.
	if ch.Reason == "" {
		ch.Reason = "-"
	}
	if ch.ApprovedBy == "" {
		ch.ApprovedBy = "-"
	}
	out, err := domain.DecideCredit(b.on.Account, b.t.Outstanding, b.t.Today, ch, b.on.Thresholds, false)
	var u domain.Unlikely
	var ve domain.ValidationError
	switch {
	case errors.As(err, &ve):
		b.problem = ve[0].Reason
		return
	case err != nil && !errors.As(err, &u):
		b.problem = err.Error()
		return
	}
	b.out = out
}

func (b *creditBody) validate() (*Submission, bool) {
	f := b.c.fields
	b.c.clearErrors()
	ch, at, err := b.change()
	if err != nil {
		f[at].err = err.Error()
		return nil, false
	}
	// No approver typed: the desk's default, the author (checked here as such).
	check := ch
	if check.ApprovedBy == "" {
		check.ApprovedBy = "-"
	}
	out, err := domain.DecideCredit(b.on.Account, b.t.Outstanding, b.t.Today, check, b.on.Thresholds, false)
	var ve domain.ValidationError
	var u domain.Unlikely
	switch {
	case errors.As(err, &ve):
		for _, fe := range ve {
			if i := b.fieldOf(fe.Field); i >= 0 && f[i].err == "" {
				f[i].err = fe.Reason
			}
		}
		return nil, false
	case err != nil && !errors.As(err, &u):
		at := cLimit // nothing changes: said on the first field given
		if !ch.SetLimit {
			at = cOverdraft
		}
		f[at].err = err.Error()
		return nil, false
	}
	// Over the threshold is the desk's to ask (Unlikely): enter confirms.
	code, what := b.t.Code, creditWhat(out)
	return &Submission{Kind: Custom, Noun: b.noun(), What: what,
		Do: func(ctx context.Context, d *desk.Desk, confirmed bool) (Saved, error) {
			got, err := d.Credit(ctx, code, ch, desk.Confirm(confirmed))
			if err != nil || len(got.Decisions) == 0 {
				return Saved{}, err
			}
			return Saved{At: got.Decisions[0].Stamp.At}, nil
		}}, true
}

// creditWhat says what a decision changes, for the status line.
func creditWhat(o domain.CreditOutcome) string {
	cur := o.Account.Currency
	money := func(d decimal.Decimal) string {
		if !d.IsPositive() {
			return "none"
		}
		return common.Money(d, cur)
	}
	var parts []string
	for _, d := range o.Decisions {
		switch d.Field {
		case domain.FieldCreditLimit:
			parts = append(parts, "limit "+money(d.Old)+" → "+money(d.New))
		default:
			parts = append(parts, "overdraft "+money(d.Old)+" → "+money(d.New))
		}
	}
	s := strings.Join(parts, ", ")
	if o.HasAfter {
		s += " · utilisation " + o.After.StringFixed(1) + " %"
	}
	return s
}

func (b *creditBody) fieldOf(name string) int {
	switch name {
	case "credit_limit", "limit":
		return cLimit
	case "overdraft":
		return cOverdraft
	case "expires":
		return cExpires
	case "reason":
		return cReason
	case "approved_by":
		return cApprover
	}
	return -1
}

// preview draws the utilisation now and after the decision, and the
// limit in force each time.
func (b *creditBody) preview(cm common.Common, w, room int) []string {
	s := cm.Styles
	t := b.t
	a := b.on.Account
	th := b.on.Thresholds
	util := func(acct domain.Account) (string, bool) {
		pct, ok := domain.UtilisationRounded(acct, t.Outstanding, t.Today)
		if !ok {
			return "no limit", false
		}
		in := acct.CreditLimit.Add(acct.OverdraftAt(t.Today))
		return fmt.Sprintf("%s %% of %s", pct.StringFixed(1), common.Money(in, t.Currency)), true
	}
	now, _ := util(a)
	out := []string{s.Label.Render(common.Cut(fmt.Sprintf("AR %s · utilisation now %s", common.Money(t.Outstanding, t.Currency), now), w))}
	if len(b.out.Decisions) == 0 {
		return append(out, s.Muted.Render(common.Cut("After: "+common.Clean(b.problem), w)))
	}
	after, _ := util(b.out.Account)
	line := "After: " + after
	switch domain.CreditLevel(b.out.Account, t.Outstanding, t.Today, th) {
	case domain.UtilOver:
		out = append(out, s.FieldError.Render(common.Cut(fmt.Sprintf("%s · over the %d %% breach threshold: saving asks to confirm", line, th.UtilBreachPct), w)))
	case domain.UtilWarning:
		out = append(out, s.Warn.Render(common.Cut(fmt.Sprintf("%s · at or over the %d %% warning", line, th.UtilWarnPct), w)))
	default:
		out = append(out, common.Cut(line, w))
	}
	return out
}
