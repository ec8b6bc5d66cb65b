package form

import (
	"context"
	"fmt"

	"github.com/shopspring/decimal"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
	"acctdesk/ui/keymap"
)

// The rebate form (r on a rebate line of the account's Contracts tab, SPEC
// §10.4): it shows the line and the draft credit note for what is due, and
// records it once confirmed (y, then enter). The desk works the line out
// again when it saves, from the account as it is then.

// RebateOn is the rebate line a rebate form works on, captured by value.
type RebateOn struct {
	Line domain.RebateLine
	Note domain.CreditNote // the draft credit note for what is due
}

const confirmYes = "yes"

type rebateBody struct {
	c  core
	t  Target
	on RebateOn
}

// NewRebateNote opens the form that records a rebate line's credit note.
func NewRebateNote(c common.Common, t Target, on RebateOn) *Model {
	b := &rebateBody{t: t, on: on}
	b.c.fields = []*field{
		{label: "Record it", kind: choiceField, choices: []keymap.Choice{{Key: "y", Value: confirmYes, Label: "yes, record the credit note"}}},
	}
	return newModel(c, t, b)
}

func (b *rebateBody) core() *core  { return &b.c }
func (b *rebateBody) noun() string { return "rebate credit note" }
func (b *rebateBody) changed()     {}

func (b *rebateBody) title() string {
	l := b.on.Line
	return fmt.Sprintf("Rebate credit note · contract %s %s · %s %s", common.Clean(l.Contract), l.Period, b.t.Code, b.t.Name)
}

func (b *rebateBody) choose(key string) bool {
	f := b.c.fields[0]
	ch, ok := keymap.Find(f.choices, key)
	if ok {
		f.choice = ch.Value
	}
	return ok
}

// brief is the line worked out, and the draft note.
func (b *rebateBody) brief(cm common.Common, w int) []string {
	s := cm.Styles
	l, n, today := b.on.Line, b.on.Note, b.t.Today
	money := func(d decimal.Decimal) string { return common.Money(d, l.Currency) }
	basis := domain.Grouped(domain.Plainest(l.Value).String()) + " units"
	if l.Basis == domain.RebateAmount {
		basis = money(l.Value)
	}
	tier := "below every threshold"
	if l.HasTier {
		tier = fmt.Sprintf("tier from %s at %s", domain.Grouped(l.Tier.ThresholdText()), l.Tier.RateText())
	}
	var out []string
	for _, line := range wrapParts([]string{
		fmt.Sprintf("%s, %s to %s", l.Period, common.Day(l.From, today), common.Day(l.To, today)),
		"basis " + basis, "invoiced " + money(l.Invoiced), tier,
		"rebate " + money(l.Rebate), "credited " + money(l.Credited), "due " + money(l.Due),
	}, w) {
		out = append(out, s.Muted.Render(line))
	}
	out = append(out, "")
	for _, line := range wrapParts([]string{"Draft: credit note " + common.Clean(n.Number), money(n.Amount),
		"dated " + common.LongDay(n.Date), "reason rebate"}, w) {
		out = append(out, s.Title.Render(line))
	}
	return out
}

func (b *rebateBody) validate() (*Submission, bool) {
	f := b.c.fields[0]
	f.err = ""
	if f.choice != confirmYes {
		f.err = "press y to record the credit note (esc cancels)"
		return nil, false
	}
	code, l, n := b.t.Code, b.on.Line, b.on.Note
	what := fmt.Sprintf("credit note %s, %s dated %s", common.Clean(n.Number), common.Money(n.Amount, l.Currency), common.Day(n.Date, b.t.Today))
	return &Submission{Kind: Custom, Noun: b.noun(), What: what,
		Do: func(ctx context.Context, d *desk.Desk, _ bool) (Saved, error) {
			got, err := d.ApplyRebateLine(ctx, code, l.Contract, l.Period)
			if err != nil {
				return Saved{}, err
			}
			if len(got.Notes) == 0 {
				return Saved{}, fmt.Errorf("nothing is due on %s %s any more: no credit note recorded", l.Contract, l.Period)
			}
			return Saved{At: got.Notes[0].Stamp.At}, nil
		}}, true
}

func (b *rebateBody) fieldOf(string) int { return -1 }
