package form

import (
	"fmt"
	"strconv"
	"strings"

	"acctdesk/domain"
	"acctdesk/ui/common"
	"acctdesk/ui/keymap"

	"github.com/shopspring/decimal"
)

// Plan form fields (SPEC §9.2): a total split into a count of instalments
// an interval apart from a first date, or the instalments typed by hand,
// which win when given. A preview of the instalments and their total is
// drawn below the fields as they are typed; enter saves what it shows.
const (
	pTotal = iota
	pCount
	pInterval
	pFirst
	pHand
)

type planBody struct {
	c       core
	t       Target
	ins     []domain.Instalment // what the fields come to ("" when they do not yet)
	problem string              // why they do not, for the preview
}

// NewPlan opens the payment plan form on an account.
func NewPlan(c common.Common, t Target) *Model {
	b := &planBody{t: t}
	b.c.fields = []*field{
		{label: "Total", kind: textField, prefix: t.Currency.Symbol(),
			example: "default the outstanding " + common.Money(t.Outstanding, t.Currency)},
		{label: "Instalments", kind: textField, example: "how many, e.g. 3"},
		{label: "Every", kind: choiceField, choices: c.Keys.Intervals},
		{label: "First on", kind: textField},
		{label: "Or by hand", kind: textField, text: common.Field{Limit: 2000}, example: "AMOUNT@DATE, …: 500000@fri, 250000@+30"},
	}
	return newModel(c, t, b)
}

func (b *planBody) core() *core { return &b.c }

func (b *planBody) title() string {
	return fmt.Sprintf("Payment plan · %s %s", b.t.Code, b.t.Name)
}

func (b *planBody) choose(k string) bool {
	i := b.c.focus
	f := b.c.fields[i]
	ch, ok := keymap.Find(f.choices, k)
	if !ok {
		return false
	}
	f.choice = ch.Value
	b.c.to(i + 1)
	return true
}

// firstDefault is the first instalment's date when none is typed: a week
// from today.
func (b *planBody) firstDefault() domain.Date { return b.t.Today.AddDays(7) }

// interval is the chosen interval, monthly by default.
func (b *planBody) interval() string {
	if s := b.c.fields[pInterval].choice; s != "" {
		return s
	}
	return "monthly"
}

func (b *planBody) hand() string { return strings.TrimSpace(b.c.fields[pHand].text.String()) }

func (b *planBody) changed() {
	f := b.c.fields
	byHand := b.hand() != ""
	for _, i := range []int{pTotal, pCount, pInterval, pFirst} {
		f[i].disabled = byHand
	}
	f[pFirst].example = "default " + common.LongDay(b.firstDefault())
	f[pFirst].hint = ""
	if s := b.c.text(pFirst); s != "" {
		if d, err := resolveDate(s, b.t.Today); err == nil {
			f[pFirst].hint = "→ " + common.LongDay(d)
		}
	}
	b.ins, b.problem, _ = b.compute()
}

// compute is what the fields come to: the instalments, or what is wrong
// and with which field.
func (b *planBody) compute() ([]domain.Instalment, string, int) {
	t := b.t
	if s := b.hand(); s != "" {
		ins, err := parseInstalments(s, t.Currency, t.Today)
		if err != nil {
			return nil, err.Error(), pHand
		}
		return ins, "", -1
	}
	total := t.Outstanding
	if s := b.c.text(pTotal); s != "" {
		amt, err := domain.ParseAmount(s, t.Currency)
		if err != nil {
			return nil, err.Error(), pTotal
		}
		total = amt
	}
	cs := b.c.text(pCount)
	if cs == "" {
		return nil, "how many instalments?", pCount
	}
	n, err := strconv.Atoi(cs)
	if err != nil || n < 1 {
		return nil, fmt.Sprintf("%q is not a count of instalments (1, 2, 3, …)", cs), pCount
	}
	first := b.firstDefault()
	if s := b.c.text(pFirst); s != "" {
		if first, err = resolveDate(s, t.Today); err != nil {
			return nil, err.Error(), pFirst
		}
	}
	ins, err := domain.SplitPlan(total, n, b.interval(), first, t.Currency)
	if err != nil {
		field := pTotal
		if strings.Contains(err.Error(), "count") || strings.Contains(err.Error(), "split") {
			field = pCount
		}
		return nil, err.Error(), field
	}
	return ins, "", -1
}

// parseInstalments reads instalments typed by hand: AMOUNT@DATE, separated
// by commas, semicolons or spaces; the error names the instalment.
func parseInstalments(s string, c domain.Currency, today domain.Date) ([]domain.Instalment, error) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == ' ' })
	var out []domain.Instalment
	for i, p := range parts {
		amount, date, ok := strings.Cut(p, "@")
		if !ok {
			return nil, fmt.Errorf("instalment %d %q: write AMOUNT@DATE", i+1, p)
		}
		amt, err := domain.ParseAmount(amount, c)
		if err != nil {
			return nil, fmt.Errorf("instalment %d: %v", i+1, err)
		}
		d, err := resolveDate(date, today)
		if err != nil {
			return nil, fmt.Errorf("instalment %d: %v", i+1, err)
		}
		out = append(out, domain.Instalment{Due: d, Amount: amt})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("a plan needs at least one instalment")
	}
	return out, nil
}

func (b *planBody) validate() (*Submission, bool) {
	b.c.clearErrors()
	ins, problem, field := b.compute()
	if problem != "" {
		b.c.fields[field].err = problem
		return nil, false
	}
	t := b.t
	total := decimal.Zero
	for _, in := range ins {
		total = total.Add(in.Amount)
	}
	what := fmt.Sprintf("%s in %s from %s", common.Money(total, t.Currency), common.Count(len(ins), "instalment"), common.WeekDay(ins[0].Due, t.Today))
	if t.OpenPlan != nil {
		what += fmt.Sprintf(", replacing plan #%d", t.OpenPlan.ID)
	}
	return &Submission{Kind: Plan, Instalments: ins, Replace: t.OpenPlan != nil, What: what}, true
}

func (b *planBody) fieldOf(name string) int {
	switch name {
	case "instalments":
		if b.hand() != "" {
			return pHand
		}
		return pFirst
	case "total", "amount":
		return pTotal
	}
	return -1
}

// preview draws the instalments the fields come to and their total, and
// the plan it replaces, in at most room lines.
func (b *planBody) preview(cm common.Common, w, room int) []string {
	s := cm.Styles
	t := b.t
	var out []string
	if t.OpenPlan != nil {
		out = append(out, s.FieldError.Render(common.Cut(fmt.Sprintf("Replaces plan #%d agreed %s (%s), kept closed",
			t.OpenPlan.ID, common.Day(t.OpenPlan.Agreed, t.Today), common.Money(t.OpenPlan.Total(), t.Currency)), w)))
	}
	if len(b.ins) == 0 {
		return append(out, s.Muted.Render(common.Cut("Preview: "+common.Clean(b.problem), w)))
	}
	total := decimal.Zero
	for _, in := range b.ins {
		total = total.Add(in.Amount)
	}
	n := common.Count(len(b.ins), "instalment") + " typed by hand"
	if b.hand() == "" {
		word := "instalments"
		if len(b.ins) == 1 {
			word = "instalment"
		}
		n = fmt.Sprintf("%d %s %s", len(b.ins), b.interval(), word)
	}
	head := fmt.Sprintf("Preview · %s · total %s", n, common.Money(total, t.Currency))
	out = append(out, s.Label.Render(common.Cut(head, w)))
	if total.GreaterThan(t.Outstanding) {
		out = append(out, s.FieldError.Render(common.Cut("Above the outstanding "+common.Money(t.Outstanding, t.Currency)+": saving asks to confirm", w)))
	}
	room -= len(out)
	show := len(b.ins)
	if show > room && room >= 2 {
		show = room - 1 // and a line for the rest
	}
	for i, in := range b.ins[:max(min(show, len(b.ins)), 0)] {
		out = append(out, common.Cut(fmt.Sprintf("  %3d  %-16s %s", i+1, common.WeekDay(in.Due, t.Today), common.FitRight(common.Money(in.Amount, t.Currency), 18)), w))
	}
	if rest := len(b.ins) - show; rest > 0 && show >= 0 {
		last := b.ins[len(b.ins)-1]
		out = append(out, s.Muted.Render(common.Cut(fmt.Sprintf("  … %d more, the last %s %s", rest, common.WeekDay(last.Due, t.Today), common.Money(last.Amount, t.Currency)), w)))
	}
	return out
}
