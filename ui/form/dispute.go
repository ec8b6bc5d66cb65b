package form

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
)

// The dispute forms (D on the account's open items, SPEC §9.1): raise a
// dispute on the invoice picked (reason, owner prefilled with the user), or
// resolve its open dispute (resolution, an optional credit note and its
// reason). The desk checks the rest (the invoice still owes, a credit no
// larger than that) and its refusals go next to their fields.

// DisputeOn is the invoice a dispute form works on, captured by value.
type DisputeOn struct {
	Invoice     string
	Outstanding decimal.Decimal
	Reason      string // the open dispute's reason (resolving)
}

const (
	dReason = iota
	dOwner
)

type disputeBody struct {
	c  core
	t  Target
	on DisputeOn
}

// NewDispute opens the form that raises a dispute on an invoice; the owner
// is prefilled with the user (owner, the session's).
func NewDispute(c common.Common, t Target, on DisputeOn) *Model {
	b := &disputeBody{t: t, on: on}
	b.c.fields = []*field{
		{label: "Reason", kind: textField, text: common.Field{Limit: 500}, example: "what the customer disputes"},
		{label: "Owner", kind: textField, text: common.NewField(c.User), initial: c.User, example: "who looks after it"},
	}
	return newModel(c, t, b)
}

func (b *disputeBody) core() *core        { return &b.c }
func (b *disputeBody) choose(string) bool { return false }
func (b *disputeBody) changed()           {}

func (b *disputeBody) title() string {
	return fmt.Sprintf("Dispute %s (%s owed) · %s %s", common.Clean(b.on.Invoice), common.Money(b.on.Outstanding, b.t.Currency), b.t.Code, b.t.Name)
}

func (b *disputeBody) validate() (*Submission, bool) {
	f := b.c.fields
	f[dReason].err, f[dOwner].err = "", ""
	reason := b.c.text(dReason)
	if reason == "" {
		f[dReason].err = "say what the customer disputes"
		return nil, false
	}
	owner := b.c.text(dOwner)
	return &Submission{Kind: Dispute, Dispute: desk.DisputeRequest{Invoice: b.on.Invoice, Reason: reason, Owner: owner},
		What: "dispute raised on " + b.on.Invoice}, true
}

func (b *disputeBody) fieldOf(name string) int {
	switch name {
	case "reason":
		return dReason
	case "owner":
		return dOwner
	}
	return -1
}

const (
	rResolution = iota
	rCredit
	rReason
)

type resolveBody struct {
	c  core
	t  Target
	on DisputeOn
}

// NewResolve opens the form that resolves an invoice's open dispute.
func NewResolve(c common.Common, t Target, on DisputeOn) *Model {
	b := &resolveBody{t: t, on: on}
	b.c.fields = []*field{
		{label: "Resolution", kind: textField, text: common.Field{Limit: 2000}, example: "how it was settled"},
		{label: "Credit note", kind: textField, prefix: t.Currency.Symbol(), example: "optional: an amount credited"},
		{label: "Credit reason", kind: textField, options: domain.CreditReasons, example: "price-correction · ↑/↓ the others"},
	}
	return newModel(c, t, b)
}

func (b *resolveBody) core() *core        { return &b.c }
func (b *resolveBody) choose(string) bool { return false }

func (b *resolveBody) title() string {
	t := fmt.Sprintf("Resolve the dispute on %s · %s %s", common.Clean(b.on.Invoice), b.t.Code, b.t.Name)
	if b.on.Reason != "" {
		t += " · " + common.Clean(b.on.Reason)
	}
	return t
}

func (b *resolveBody) credit() (decimal.Decimal, error) {
	s := strings.TrimSpace(b.c.fields[rCredit].text.String())
	if s == "" {
		return decimal.Zero, nil
	}
	amt, err := domain.ParseAmount(s, b.t.Currency)
	switch {
	case err != nil:
		return decimal.Zero, err
	case !amt.IsPositive():
		return decimal.Zero, fmt.Errorf("a credit must be more than zero")
	case amt.GreaterThan(b.on.Outstanding):
		return decimal.Zero, fmt.Errorf("more than the %s %s still owes", common.Money(b.on.Outstanding, b.t.Currency), b.on.Invoice)
	}
	return amt, nil
}

func (b *resolveBody) changed() {
	f := b.c.fields
	f[rCredit].hint = fmt.Sprintf("at most %s", common.Money(b.on.Outstanding, b.t.Currency))
	if amt, err := b.credit(); err == nil && amt.IsPositive() {
		f[rCredit].hint = "→ " + common.Money(amt, b.t.Currency) + " credited to " + b.on.Invoice
	}
	f[rReason].disabled = b.c.text(rCredit) == ""
}

func (b *resolveBody) validate() (*Submission, bool) {
	f := b.c.fields
	b.c.clearErrors()
	ok := true
	r := desk.Resolution{Invoice: b.on.Invoice, Resolution: b.c.text(rResolution)}
	if r.Resolution == "" {
		f[rResolution].err = "say how it was resolved"
		ok = false
	}
	amt, err := b.credit()
	if err != nil {
		f[rCredit].err = err.Error()
		ok = false
	}
	r.Credit = amt
	if amt.IsPositive() {
		if r.Reason, err = domain.ParseCreditReason(cmpOr(f[rReason].text.String(), "price-correction")); err != nil {
			f[rReason].err = err.Error()
			ok = false
		}
	}
	if !ok {
		return nil, false
	}
	what := "dispute on " + b.on.Invoice + " resolved"
	if amt.IsPositive() {
		what += ", " + common.Money(amt, b.t.Currency) + " credited"
	}
	return &Submission{Kind: Resolve, Resolution: r, What: what}, true
}

func cmpOr(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

func (b *resolveBody) fieldOf(name string) int {
	switch name {
	case "resolution":
		return rResolution
	case "credit", "amount":
		return rCredit
	case "reason":
		return rReason
	}
	return -1
}
