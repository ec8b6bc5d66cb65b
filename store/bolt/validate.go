package bolt

import (
	"fmt"
	"slices"
	"strings"

	"acctdesk/domain"
)

// Checks for the records whose domain type has no Validate method yet (see
// the report: they belong in domain). Each returns a domain.ValidationError
// so store.FromValidation treats them like the others.

type fields domain.ValidationError

func (f *fields) add(field, reason string) {
	*f = append(*f, domain.FieldError{Field: field, Reason: reason})
}

func (f *fields) check(field string, err error) {
	if err != nil {
		f.add(field, err.Error())
	}
}

func (f fields) err() error {
	if len(f) == 0 {
		return nil
	}
	return domain.ValidationError(f)
}

func oneOf(field, v string, set []string, f *fields) {
	if !slices.Contains(set, v) {
		f.add(field, fmt.Sprintf("%q is not one of %s", v, strings.Join(set, ", ")))
	}
}

func validatePlan(p domain.PaymentPlan) error {
	var f fields
	f.check("account", domain.CheckCode(p.Account))
	if p.Agreed.IsZero() {
		f.add("agreed", "date is missing")
	}
	if len(p.Instalments) == 0 {
		f.add("instalments", "a plan needs at least one instalment")
	}
	for i, in := range p.Instalments {
		if in.Due.IsZero() {
			f.add("instalments", fmt.Sprintf("instalment %d has no date", i+1))
		}
		if !in.Amount.IsPositive() {
			f.add("instalments", fmt.Sprintf("instalment %d: amount must be more than zero", i+1))
		}
	}
	return f.err()
}

func validateIssue(x domain.ServiceIssue) error {
	var f fields
	f.check("account", domain.CheckCode(x.Account))
	oneOf("kind", x.Kind, domain.ServiceKinds, &f)
	if x.Opened.IsZero() {
		f.add("opened", "date is missing")
	}
	if !x.SLADeadline.IsZero() && x.SLADeadline < x.Opened {
		f.add("sla_deadline", "deadline is before the issue was opened")
	}
	oneOf("status", x.Status, []string{"open", "resolved"}, &f)
	f.check("owner", domain.CheckText(x.Owner, false, 200))
	f.check("resolution", domain.CheckMultiline(x.Resolution, 2000))
	return f.err()
}

func validateFollowUp(x domain.FollowUp) error {
	var f fields
	f.check("account", domain.CheckCode(x.Account))
	if x.Due.IsZero() {
		f.add("due", "date is missing")
	}
	f.check("reason", domain.CheckText(x.Reason, false, 500))
	oneOf("source", x.Source, []string{"manual", "rule"}, &f)
	oneOf("status", x.Status, []string{domain.FollowOpen, domain.FollowDone, domain.FollowSnoozed}, &f)
	if x.Status == domain.FollowSnoozed && x.Until.IsZero() {
		f.add("until", "a snoozed follow-up needs a date")
	}
	return f.err()
}

func validateSurvey(x domain.Survey) error {
	var f fields
	f.check("account", domain.CheckCode(x.Account))
	if x.On.IsZero() {
		f.add("date", "date is missing")
	}
	switch x.Kind {
	case "nps":
		if x.Score < 0 || x.Score > 10 {
			f.add("score", fmt.Sprintf("NPS score %d is out of range 0–10", x.Score))
		}
	case "csat":
		if x.Score < 1 || x.Score > 5 {
			f.add("score", fmt.Sprintf("CSAT score %d is out of range 1–5", x.Score))
		}
	default:
		f.add("kind", fmt.Sprintf("%q is not nps or csat", x.Kind))
	}
	f.check("comment", domain.CheckMultiline(x.Comment, 2000))
	return f.err()
}

func validateMark(m domain.QueueMark) error {
	var f fields
	f.check("key", domain.CheckText(m.Key, true, 1000))
	if m.Account != "" {
		f.check("account", domain.CheckCode(m.Account))
	}
	if !m.Done && m.Until.IsZero() {
		f.add("until", "a mark is done, or snoozed until a date")
	}
	return f.err()
}

func validateContractID(id string) error {
	if id == "" {
		return nil
	}
	return domain.CheckText(id, true, 64)
}
