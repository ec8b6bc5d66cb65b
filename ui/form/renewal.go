package form

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
	"acctdesk/ui/keymap"
)

// The renewal form (r on a contract, SPEC §10.1): record a renewal — a new
// end date, the new contract's number, notice days, SLA and rebate, each
// prefilled with the old contract's (what is left as it is carries over) —
// or, with l, a lapse instead. The desk checks the rest.

// RenewalOn is the contract a renewal form works on, captured by value.
type RenewalOn struct {
	Contract domain.Contract
	Number   string // the renewal's number when none is typed (domain.RenewalNumber)
}

const (
	nwWhat = iota
	nwEnd
	nwNumber
	nwNotice
	nwSLA
	nwRebate
)

const (
	recordRenewal = "renewal"
	recordLapse   = "lapse"
)

var renewalChoices = []keymap.Choice{
	{Key: "r", Value: recordRenewal, Label: "renewal"},
	{Key: "l", Value: recordLapse, Label: "lapse: it ends without one"},
}

type renewalBody struct {
	c  core
	t  Target
	on RenewalOn
}

// NewRenewal opens the form that records a contract's renewal or lapse.
func NewRenewal(c common.Common, t Target, on RenewalOn) *Model {
	k := on.Contract
	notice := strconv.Itoa(k.NoticeDays)
	scheme := domain.FormatRebate(k.Rebate)
	b := &renewalBody{t: t, on: on}
	b.c.fields = []*field{
		{label: "Record", kind: choiceField, choices: renewalChoices},
		{label: "New end", kind: textField, example: "default " + common.Day(DefaultRenewalEnd(k), t.Today)},
		{label: "Number", kind: textField, text: common.Field{Limit: 64}, example: "default " + common.Clean(on.Number)},
		{label: "Notice days", kind: textField, text: common.NewField(notice), initial: notice},
		{label: "SLA / terms", kind: textField, text: filled(k.SLA, 2000), initial: k.SLA, example: "the service promised"},
		{label: "Rebate", kind: textField, text: filled(scheme, 500), initial: scheme, example: "none · amount/month:0=1%"},
	}
	b.c.focus = nwEnd // the end is what is typed; shift+tab reaches the choice of a lapse
	return newModel(c, t, b)
}

// filled is a text field holding s, of at most limit runes.
func filled(s string, limit int) common.Field {
	f := common.NewField(s)
	f.Limit = limit
	return f
}

// DefaultRenewalEnd is a renewal's end when none is typed: as long again
// as the contract (a whole number of months when it ran so: 9 Dec 2024 to
// 8 Dec 2026 renews to 8 Dec 2028), else a year on.
func DefaultRenewalEnd(k domain.Contract) domain.Date {
	next := k.End.AddDays(1)
	y1, m1, _ := k.Start.Parts()
	y2, m2, _ := next.Parts()
	if months := (y2-y1)*12 + int(m2-m1); months > 0 && k.Start.AddMonths(months) == next {
		return next.AddMonths(months).AddDays(-1)
	}
	return next.AddMonths(12).AddDays(-1)
}

func (b *renewalBody) core() *core  { return &b.c }
func (b *renewalBody) noun() string { return recordRenewal }
func (b *renewalBody) lapse() bool  { return b.c.fields[nwWhat].choice == recordLapse }

func (b *renewalBody) title() string {
	k := b.on.Contract
	return fmt.Sprintf("Renewal of contract %s (ends %s) · %s %s", common.Clean(k.ID), common.LongDay(k.End), b.t.Code, b.t.Name)
}

func (b *renewalBody) choose(key string) bool {
	f := b.c.fields[b.c.focus]
	ch, ok := keymap.Find(f.choices, key)
	if !ok {
		return false
	}
	f.choice = ch.Value
	b.changed()
	b.c.move(1)
	return true
}

func (b *renewalBody) changed() {
	f := b.c.fields
	for _, i := range []int{nwEnd, nwNumber, nwNotice, nwSLA, nwRebate} {
		f[i].disabled = b.lapse()
	}
	dateHint(f[nwEnd], b.t.Today)
	if d, err := resolveDate(f[nwEnd].text.String(), b.t.Today); err == nil && b.c.text(nwEnd) != "" {
		f[nwEnd].hint = fmt.Sprintf("→ %s, from %s", common.Day(d, b.t.Today), common.Day(b.on.Contract.End.AddDays(1), b.t.Today))
	}
	if f[nwRebate].text.String() != f[nwRebate].initial {
		rebateHint(f[nwRebate])
	} else {
		f[nwRebate].hint = ""
		if f[nwRebate].initial != "" {
			f[nwRebate].hint = "carried over"
		}
	}
}

// brief is the contract renewed, as it stands.
func (b *renewalBody) brief(cm common.Common, w int) []string {
	k, today := b.on.Contract, b.t.Today
	parts := []string{fmt.Sprintf("Now: %s to %s", common.Day(k.Start, today), common.Day(k.End, today))}
	if k.NoticeDays > 0 {
		parts = append(parts, fmt.Sprintf("notice %d days (by %s)", k.NoticeDays, common.Day(k.End.AddDays(-k.NoticeDays), today)))
	}
	if !k.Rebate.IsZero() {
		parts = append(parts, "rebate "+domain.FormatRebate(k.Rebate))
	}
	var out []string
	for _, l := range wrapParts(parts, w) {
		out = append(out, cm.Styles.Muted.Render(l))
	}
	return out
}

func (b *renewalBody) validate() (*Submission, bool) {
	f := b.c.fields
	b.c.clearErrors()
	t, old := b.t, b.on.Contract
	code, id := t.Code, old.ID
	if b.lapse() {
		return &Submission{Kind: Custom, Noun: recordLapse, What: fmt.Sprintf("contract %s lapses without a renewal", common.Clean(id)),
			Do: func(ctx context.Context, d *desk.Desk, _ bool) (Saved, error) {
				got, err := d.Lapse(ctx, code, id)
				return Saved{At: got.Entry.Stamp.At}, err
			}}, true
	}
	r := desk.Renewal{Contract: id, ID: b.c.text(nwNumber), End: DefaultRenewalEnd(old)}
	ok := true
	if s := b.c.text(nwEnd); s != "" {
		d, err := resolveDate(s, t.Today)
		switch {
		case err != nil:
			f[nwEnd].err, ok = err.Error(), false
		case d <= old.End:
			f[nwEnd].err, ok = fmt.Sprintf("the renewal starts %s: it must end after that", common.LongDay(old.End.AddDays(1))), false
		}
		r.End = d
	}
	if s := f[nwNotice].text.String(); s != f[nwNotice].initial {
		n, err := noticeDays(s, 0)
		if err != nil {
			f[nwNotice].err, ok = err.Error(), false
		}
		r.NoticeDays = &n
	}
	if s := f[nwSLA].text.String(); s != f[nwSLA].initial {
		sla := strings.TrimSpace(s)
		r.SLA = &sla
	}
	if s := f[nwRebate].text.String(); s != f[nwRebate].initial {
		sc, err := parseRebate(s)
		if err != nil {
			f[nwRebate].err, ok = err.Error(), false
		}
		r.Rebate = &sc
	}
	if !ok {
		return nil, false
	}
	number := r.ID
	if number == "" {
		number = b.on.Number
	}
	what := fmt.Sprintf("contract %s renewed as %s to %s", common.Clean(id), common.Clean(number), common.Day(r.End, t.Today))
	return &Submission{Kind: Custom, Noun: recordRenewal, What: what,
		Do: func(ctx context.Context, d *desk.Desk, _ bool) (Saved, error) {
			got, err := d.Renew(ctx, code, r)
			return Saved{At: got.Entry.Stamp.At}, err
		}}, true
}

func (b *renewalBody) fieldOf(name string) int {
	switch name {
	case "end", "start":
		return nwEnd
	case "number", "id":
		return nwNumber
	case "notice_days":
		return nwNotice
	case "sla":
		return nwSLA
	case "rebate":
		return nwRebate
	}
	return -1
}

// OpenRenewal opens the renewal form on contract k of an account in state
// st (the Renewals pane and the account's Contracts tab, r), with number
// the renewal's default; one renewed or terminated has nothing left to
// record, and says so.
func OpenRenewal(cm common.Common, code string, k domain.Contract, st domain.ContractState, number string) tea.Cmd {
	switch st.Status {
	case domain.ContractRenewed:
		msg := "Contract " + common.Clean(k.ID) + " is already renewed"
		if st.RenewedBy != "" {
			msg += " by " + common.Clean(st.RenewedBy)
		}
		return common.InfoCmd(msg)
	case domain.ContractTerminated:
		return common.InfoCmd("Contract " + common.Clean(k.ID) + " is terminated: nothing to renew")
	}
	on := RenewalOn{Contract: k, Number: number}
	return Open(cm, code, func(c common.Common, t Target) *Model { return NewRenewal(c, t, on) })
}
