package form

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
)

// The contract form (a on the account, SPEC §10.1): a new contract's
// number, dates, notice, SLA and rebate scheme. The desk checks the rest
// (a number the account has, an end before the start) and its refusals go
// next to their fields.

const (
	kNumber = iota
	kStart
	kEnd
	kNotice
	kSLA
	kRebate
)

type contractBody struct {
	c      core
	t      Target
	number string // the number the desk gives when none is typed
}

// NewContract opens the form that adds a contract to an account; number
// is the one the desk gives when none is typed (shown as the example).
func NewContract(c common.Common, t Target, number string) *Model {
	b := &contractBody{t: t, number: number}
	b.c.fields = []*field{
		{label: "Number", kind: textField, text: common.Field{Limit: 64}, example: "default " + common.Clean(number)},
		{label: "Starts", kind: textField, example: "default today"},
		{label: "Ends", kind: textField, example: "its last day: 2027-12-31, +365"},
		{label: "Notice days", kind: textField, example: "days' notice, e.g. 30"},
		{label: "SLA / terms", kind: textField, text: common.Field{Limit: 2000}, example: "the service promised"},
		{label: "Rebate", kind: textField, text: common.Field{Limit: 500}, example: "none · quantity/quarter:0=1%"},
	}
	return newModel(c, t, b)
}

func (b *contractBody) core() *core        { return &b.c }
func (b *contractBody) choose(string) bool { return false }
func (b *contractBody) noun() string       { return "contract" }

func (b *contractBody) title() string {
	return fmt.Sprintf("Add a contract · %s %s", b.t.Code, b.t.Name)
}

func (b *contractBody) changed() {
	f := b.c.fields
	dateHint(f[kStart], b.t.Today)
	dateHint(f[kEnd], b.t.Today)
	rebateHint(f[kRebate])
}

func (b *contractBody) validate() (*Submission, bool) {
	f := b.c.fields
	b.c.clearErrors()
	t := b.t
	k := domain.Contract{ID: b.c.text(kNumber), SLA: b.c.text(kSLA)}
	ok := true
	k.Start = t.Today
	if s := b.c.text(kStart); s != "" {
		d, err := resolveDate(s, t.Today)
		if err != nil {
			f[kStart].err, ok = err.Error(), false
		}
		k.Start = d
	}
	switch d, err := resolveDate(f[kEnd].text.String(), t.Today); {
	case b.c.text(kEnd) == "":
		f[kEnd].err, ok = "when does it end? (its last day)", false
	case err != nil:
		f[kEnd].err, ok = err.Error(), false
	case ok && d < k.Start:
		f[kEnd].err, ok = fmt.Sprintf("ends before it starts (%s)", common.LongDay(k.Start)), false
	default:
		k.End = d
	}
	var err error
	if k.NoticeDays, err = noticeDays(f[kNotice].text.String(), 0); err != nil {
		f[kNotice].err, ok = err.Error(), false
	}
	if k.Rebate, err = parseRebate(f[kRebate].text.String()); err != nil {
		f[kRebate].err, ok = err.Error(), false
	}
	if !ok {
		return nil, false
	}
	number := k.ID
	if number == "" {
		number = b.number
	}
	what := fmt.Sprintf("contract %s, %s to %s", common.Clean(number), common.Day(k.Start, t.Today), common.Day(k.End, t.Today))
	code := t.Code
	return &Submission{Kind: Custom, Noun: "contract", What: what,
		Do: func(ctx context.Context, d *desk.Desk, _ bool) (Saved, error) {
			got, err := d.AddContract(ctx, code, k)
			return Saved{At: got.Entry.Stamp.At}, err
		}}, true
}

func (b *contractBody) fieldOf(name string) int { return contractField(name, kNumber) }

// contractField is the field of a contract form a record's field name
// from the desk's refusal is shown next to (its fields in contractBody's
// order from the number, at offset first).
func contractField(name string, first int) int {
	switch name {
	case "number", "id":
		return first + kNumber
	case "start":
		return first + kStart
	case "end":
		return first + kEnd
	case "notice_days":
		return first + kNotice
	case "sla":
		return first + kSLA
	case "rebate":
		return first + kRebate
	}
	return -1
}

// noticeDays reads notice days: a whole number from 0 to 3650; empty is def.
func noticeDays(s string, def int) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 3650 {
		return 0, fmt.Errorf("%q is not a number of days from 0 to 3650", s)
	}
	return n, nil
}

// rebateText is a rebate field's text as domain.ParseRebate reads it:
// "none" (any case) is no rebate, as an empty field is.
func rebateText(s string) string {
	if s = strings.TrimSpace(s); strings.EqualFold(s, "none") {
		return ""
	}
	return s
}

// parseRebate reads a rebate field (rebateText); its error leaves out the
// text typed, which the field shows, and the written form, which its hint
// and the help give: what is left fits beside the field.
func parseRebate(s string) (domain.RebateScheme, error) {
	sc, err := domain.ParseRebate(rebateText(s))
	if err == nil {
		return sc, nil
	}
	msg := err.Error()
	if i := strings.Index(msg, "; write "); i >= 0 {
		msg = msg[:i]
	}
	if q := strconv.Quote(strings.TrimSpace(s)) + ": "; strings.HasPrefix(msg, q) {
		msg = msg[len(q):]
	}
	return domain.RebateScheme{}, errors.New(msg)
}

// dateHint shows the date a date field's text comes to.
func dateHint(f *field, today domain.Date) {
	f.hint = ""
	if s := strings.TrimSpace(f.text.String()); s != "" {
		if d, err := resolveDate(s, today); err == nil {
			f.hint = "→ " + common.LongDay(d)
		}
	}
}

// rebateHint says, as the scheme is typed, what is wrong with it.
func rebateHint(f *field) {
	f.hint = ""
	s := rebateText(f.text.String())
	if s == "" {
		return
	}
	if _, err := domain.ParseRebate(s); err != nil {
		f.hint = "✗ e.g. quantity/month:0=1%"
	} else {
		f.hint = "✓"
	}
}
