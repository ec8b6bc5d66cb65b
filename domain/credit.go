package domain

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Credit decisions (SPEC §10.2): what a change of an account's credit limit
// or temporary overdraft comes to, worked out once for the desk (which
// writes it) and the credit form (which shows it as it is typed).

// CreditChange is a credit decision asked for: a new limit, a new temporary
// overdraft, or both, with why and who approved it.
type CreditChange struct {
	SetLimit     bool
	Limit        decimal.Decimal
	SetOverdraft bool
	Overdraft    decimal.Decimal // zero removes the overdraft
	Expires      Date            // the new overdraft's expiry
	Reason       string
	ApprovedBy   string
}

// CreditOutcome is what a credit change comes to on an account as of a date.
type CreditOutcome struct {
	Account   Account          // with its new limit and overdraft
	Decisions []CreditDecision // one per field that changes: the limit first
	// Before and After are the utilisation before and after the decision,
	// in per cent rounded half away from zero to one decimal (HasBefore,
	// HasAfter: the account has a limit then).
	Before, After       decimal.Decimal
	HasBefore, HasAfter bool
	// Over: utilisation after the decision is over the breach threshold
	// (exactly: net AR × 100 > threshold × the limit in force).
	Over      bool
	BreachPct int
	// net and on are the net AR and the day the decision was worked out
	// with (AfterPct shows more of the utilisation from them).
	net decimal.Decimal
	on  Date
}

// justOverPlaces is how many decimals AfterPct shows at most to show a
// utilisation over the threshold as over it.
const justOverPlaces = 4

// AfterPct is the utilisation after the decision as it is shown, in per
// cent without the sign: one decimal (After), unless that does not show a
// utilisation over the breach threshold as over it (100.0 for 100.0004 %):
// then as many decimals as it takes, cut, never rounded up to look over
// ("100.0004"), or "just over 100" when four are not enough.
func (o CreditOutcome) AfterPct() string {
	breach := decimal.NewFromInt(int64(o.BreachPct))
	if !o.HasAfter || !o.Over || o.After.GreaterThan(breach) {
		return o.After.StringFixed(1)
	}
	limit := o.Account.CreditLimit.Add(o.Account.OverdraftAt(o.on))
	for places := int32(2); places <= justOverPlaces; places++ {
		// net × 100 × 10^places ÷ limit, cut to a whole number.
		q, _ := o.net.Mul(decimal.New(1, places+2)).QuoRem(limit, 0)
		if q.GreaterThan(breach.Shift(places)) {
			return q.Shift(-places).StringFixed(places)
		}
	}
	return fmt.Sprintf("just over %d", o.BreachPct)
}

// DecideCredit works out a credit change on account a, whose net AR as of
// asOf is net, against the breach threshold th.UtilBreachPct. Refused
// (ValidationError, by field credit_limit, overdraft, expires, reason,
// approved_by): a negative amount, more decimal places than the currency
// has, an overdraft without an expiry after asOf, an expiry without an
// overdraft, no reason; a change that changes nothing is refused too. A
// decision that leaves utilisation over the threshold, or an overdraft
// expiring more than a year away, is Unlikely unless confirmed: the outcome
// is returned with it (the form shows it); confirmed, each decision over
// the threshold is marked ConfirmedOver.
func DecideCredit(a Account, net decimal.Decimal, asOf Date, ch CreditChange, th Thresholds, confirmed bool) (CreditOutcome, error) {
	var f fieldErrors
	cur := a.Currency
	amount := func(field string, v decimal.Decimal) {
		switch {
		case v.IsNegative():
			f.add(field, "cannot be negative")
		case v.GreaterThan(MaxAmount):
			f.add(field, fmt.Sprintf("%s is more than 10^15: not a plausible amount", v))
		case cur.Valid() && !FitsCurrency(v, cur):
			f.add(field, fmt.Sprintf("%s has more decimal places than %s allows (%d)", v, cur, cur.Places()))
		}
	}
	if !ch.SetLimit && !ch.SetOverdraft {
		f.add("credit_limit", "give a new limit, an overdraft, or both")
	}
	if ch.SetLimit {
		amount("credit_limit", ch.Limit)
	}
	if ch.SetOverdraft {
		amount("overdraft", ch.Overdraft)
	}
	switch {
	case !ch.SetOverdraft && !ch.Expires.IsZero():
		f.add("expires", "an expiry goes with an overdraft amount")
	case ch.SetOverdraft && ch.Overdraft.IsPositive() && ch.Expires.IsZero():
		f.add("expires", "a temporary overdraft needs an expiry date")
	case ch.SetOverdraft && ch.Overdraft.IsPositive() && ch.Expires <= asOf:
		f.add("expires", fmt.Sprintf("the overdraft must expire after %s, not on %s", asOf, ch.Expires))
	case ch.SetOverdraft && ch.Overdraft.IsZero() && !ch.Expires.IsZero():
		f.add("expires", "removing the overdraft (0) takes no expiry")
	}
	f.dates("expires", ch.Expires)
	reason := strings.TrimSpace(ch.Reason)
	if reason == "" {
		f.add("reason", "say why: a credit decision needs a reason")
	}
	f.check("reason", CheckMultiline(reason, 2000))
	approver := strings.TrimSpace(ch.ApprovedBy)
	if approver == "" {
		f.add("approved_by", "say who approved it")
	}
	f.check("approved_by", CheckText(approver, false, 64))
	if err := f.err(); err != nil {
		return CreditOutcome{}, err
	}

	out := CreditOutcome{Account: a, BreachPct: th.UtilBreachPct, net: net, on: asOf}
	out.Before, out.HasBefore = UtilisationRounded(a, net, asOf)
	base := CreditDecision{Account: a.Code, On: asOf, Currency: cur, Reason: reason, ApprovedBy: approver}
	if ch.SetLimit && !ch.Limit.Equal(a.CreditLimit) {
		d := base
		d.Field, d.Old, d.New = FieldCreditLimit, a.CreditLimit, ch.Limit
		out.Decisions = append(out.Decisions, d)
		out.Account.CreditLimit = ch.Limit
	}
	if ch.SetOverdraft {
		old := a.Overdraft
		if !old.Amount.IsPositive() {
			old = Overdraft{} // none, whatever expiry was left with it
		}
		nw := Overdraft{Amount: ch.Overdraft, Expires: ch.Expires, ApprovedBy: approver}
		if !nw.Amount.IsPositive() {
			nw = Overdraft{}
		}
		if !nw.Amount.Equal(old.Amount) || nw.Expires != old.Expires {
			d := base
			d.Field, d.Old, d.New, d.OldExpires, d.NewExpires = FieldOverdraft, old.Amount, nw.Amount, old.Expires, nw.Expires
			out.Decisions = append(out.Decisions, d)
			out.Account.Overdraft = nw
		}
	}
	if len(out.Decisions) == 0 {
		return out, errors.New("nothing changes: " + creditNow(a, asOf))
	}
	out.After, out.HasAfter = UtilisationRounded(out.Account, net, asOf)
	out.Over = CreditLevel(out.Account, net, asOf, th) == UtilOver
	for i := range out.Decisions {
		out.Decisions[i].UtilisationAfter, out.Decisions[i].HasUtilisation = out.After, out.HasAfter
		out.Decisions[i].ConfirmedOver = out.Over && confirmed
	}
	if confirmed {
		return out, nil
	}
	var u Unlikely
	if out.Over {
		u = append(u, fmt.Sprintf("utilisation after the decision is %s %%, over the %d %% breach threshold",
			out.AfterPct(), th.UtilBreachPct))
	}
	if ch.SetOverdraft && ch.Overdraft.IsPositive() && FarOff(ch.Expires, asOf) {
		u = append(u, fmt.Sprintf("the overdraft expiry %s is more than a year away", ch.Expires))
	}
	if len(u) > 0 {
		return out, u
	}
	return out, nil
}

// creditNow says what an account's credit is as of asOf: its limit and
// overdraft.
func creditNow(a Account, asOf Date) string {
	money := func(d decimal.Decimal) string { return Money{Amount: d, Currency: a.Currency}.String() }
	s := "the limit is " + money(a.CreditLimit)
	if !a.HasLimit() {
		s = "the account has no limit"
	}
	switch od := a.Overdraft; {
	case !od.Amount.IsPositive():
		s += " and no overdraft"
	case od.Expires < asOf:
		s += fmt.Sprintf(" and its overdraft of %s expired on %s", money(od.Amount), od.Expires)
	default:
		s += fmt.Sprintf(" and its overdraft %s to %s", money(od.Amount), od.Expires)
	}
	return s
}

// UtilisationRounded is Utilisation rounded half away from zero to one
// decimal, worked out exactly (net × 1000 ÷ limit as a quotient and a
// remainder, never a division cut at some precision): ok is false without
// a limit.
func UtilisationRounded(a Account, net decimal.Decimal, asOf Date) (decimal.Decimal, bool) {
	if !a.HasLimit() {
		return decimal.Zero, false
	}
	limit := a.CreditLimit.Add(a.OverdraftAt(asOf))
	q, r := net.Mul(decimal.NewFromInt(1000)).QuoRem(limit, 0)
	if r.Abs().Mul(decimal.NewFromInt(2)).GreaterThanOrEqual(limit) {
		if net.IsNegative() {
			q = q.Sub(decimal.NewFromInt(1))
		} else {
			q = q.Add(decimal.NewFromInt(1))
		}
	}
	return q.Shift(-1), true
}

// CreditLevel is how utilisation reads against the thresholds for account a
// whose net AR is net, with its limit in force on asOf (its limit and
// unexpired overdraft), as Summary.UtilLevel reads it, compared exactly:
// over when net × 100 > breach × limit, a warning when net × 100 ≥ warn ×
// limit. An account without a limit is fine.
func CreditLevel(a Account, net decimal.Decimal, asOf Date, th Thresholds) UtilLevel {
	if !a.HasLimit() {
		return UtilFine
	}
	limit := a.CreditLimit.Add(a.OverdraftAt(asOf))
	n := net.Mul(hundred)
	switch {
	case n.GreaterThan(limit.Mul(decimal.NewFromInt(int64(th.UtilBreachPct)))):
		return UtilOver
	case n.GreaterThanOrEqual(limit.Mul(decimal.NewFromInt(int64(th.UtilWarnPct)))):
		return UtilWarning
	}
	return UtilFine
}

// CreditEntry is the timeline entry of a credit decision: each field's old
// → new, who approved it, why, and the utilisation it leaves.
func (o CreditOutcome) CreditEntry() Activity {
	a := o.Account
	money := func(d decimal.Decimal) string {
		if !d.IsPositive() {
			return "none"
		}
		return Money{Amount: d, Currency: a.Currency}.String()
	}
	var parts []string
	approver, reason, confirmed := "", "", false
	for _, d := range o.Decisions {
		approver, reason, confirmed = d.ApprovedBy, d.Reason, d.ConfirmedOver
		switch d.Field {
		case FieldCreditLimit:
			parts = append(parts, fmt.Sprintf("credit limit %s → %s", money(d.Old), money(d.New)))
		case FieldOverdraft:
			od := func(amt decimal.Decimal, exp Date) string {
				if !amt.IsPositive() {
					return "none"
				}
				return money(amt) + " to " + exp.Format("2 Jan 2006")
			}
			parts = append(parts, fmt.Sprintf("overdraft %s → %s", od(d.Old, d.OldExpires), od(d.New, d.NewExpires)))
		}
	}
	text := strings.Join(parts, "; ")
	if text != "" {
		text = strings.ToUpper(text[:1]) + text[1:]
	}
	text += fmt.Sprintf(", approved by %s: %s.", approver, strings.TrimRight(reason, ". "))
	if o.HasAfter {
		text += fmt.Sprintf(" Utilisation after %s %%", o.AfterPct())
		if confirmed {
			text += fmt.Sprintf(", over the %d %% breach threshold: confirmed", o.BreachPct)
		}
		text += "."
	} else {
		text += " No limit: no utilisation."
	}
	return Activity{Account: a.Code, On: o.onDay(), Kind: KindCreditDecision, Text: text}
}

func (o CreditOutcome) onDay() Date {
	if len(o.Decisions) == 0 {
		return 0
	}
	return o.Decisions[0].On
}
