package domain

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Payment plans (SPEC §9.2).

// InstalmentState is one instalment of a plan as of a date: what is paid
// of it and its status.
type InstalmentState struct {
	Instalment
	// Paid is what is applied to it: payments dated from the plan's
	// agreement to the as-of date, applied to the instalments in date order.
	Paid decimal.Decimal
	// Covered is the date of the payment that paid it in full; zero while
	// it is not paid in full.
	Covered Date
	Status  string // InstalmentKept, InstalmentLate, InstalmentMissed, InstalmentPending
}

// Unpaid is what is still to pay of the instalment.
func (s InstalmentState) Unpaid() decimal.Decimal { return s.Amount.Sub(s.Paid) }

// PlanStatus derives each instalment's state as of asOf (SPEC §9.2, the
// promise rule of §2): the payments dated from the plan's agreement date to
// asOf are applied to the instalments in date order (the plan's order for
// equal dates), each instalment taking what the earlier ones left. An
// instalment is
//   - kept when it was paid in full on or before its date (as soon as it is,
//     even before its date);
//   - late when it was paid in full after its date, within graceDays of it;
//   - missed when it was not paid in full within graceDays after its date
//     (and stays missed when the rest is paid later: Paid then says so);
//   - pending otherwise: not yet due, or due and still within the grace.
//
// The result is in the plan's order.
func PlanStatus(plan PaymentPlan, l *Ledger, asOf Date, graceDays int) []InstalmentState {
	type pay struct {
		on  Date
		amt decimal.Decimal
	}
	var pays []pay
	total := decimal.Zero
	for k, c := range l.Credits {
		if c.On > asOf {
			break
		}
		if c.On >= plan.Agreed && l.Kinds[k].IsPayment() {
			a := l.Dec(c.Amount)
			pays = append(pays, pay{c.On, a})
			total = total.Add(a)
		}
	}
	order := make([]int, len(plan.Instalments))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(plan.Instalments[a].Due, plan.Instalments[b].Due) })

	out := make([]InstalmentState, len(plan.Instalments))
	owed, paid := decimal.Zero, decimal.Zero // owed up to this instalment; paid by pays[:j]
	var last Date                            // date of pays[j-1]
	j := 0
	for _, i := range order {
		in := plan.Instalments[i]
		before := owed
		owed = owed.Add(in.Amount)
		for paid.LessThan(owed) && j < len(pays) {
			paid, last = paid.Add(pays[j].amt), pays[j].on
			j++
		}
		st := InstalmentState{Instalment: in}
		st.Paid = decimal.Min(decimal.Max(total.Sub(before), decimal.Zero), in.Amount)
		deadline := in.Due.AddDays(graceDays)
		if paid.GreaterThanOrEqual(owed) {
			st.Covered = last
		}
		switch {
		case !st.Covered.IsZero() && st.Covered <= in.Due:
			st.Status = InstalmentKept
		case !st.Covered.IsZero() && st.Covered <= deadline:
			st.Status = InstalmentLate
		case !st.Covered.IsZero() || asOf > deadline:
			st.Status = InstalmentMissed
		default:
			st.Status = InstalmentPending
		}
		out[i] = st
	}
	return out
}

// InstalmentStatuses is PlanStatus's statuses alone.
func InstalmentStatuses(plan PaymentPlan, l *Ledger, asOf Date, graceDays int) []string {
	sts := PlanStatus(plan, l, asOf, graceDays)
	out := make([]string, len(sts))
	for i, s := range sts {
		out[i] = s.Status
	}
	return out
}

// IsOpen reports whether the plan is in force as of asOf: agreed by then
// and not closed by then (a plan closed later was open as of asOf).
func (p PaymentPlan) IsOpen(asOf Date) bool {
	return p.Agreed <= asOf && (p.Closed.IsZero() || p.Closed > asOf)
}

// Total is the sum of the instalments.
func (p PaymentPlan) Total() decimal.Decimal {
	t := decimal.Zero
	for _, in := range p.Instalments {
		t = t.Add(in.Amount)
	}
	return t
}

// OpenPlan is the account's open plan as of asOf: the latest agreed (then
// the highest id) of those open as of asOf (IsOpen); a later plan replaces
// an earlier one even when the earlier was never marked closed (books from
// before plans were closed). nil when there is none.
func OpenPlan(plans []PaymentPlan, asOf Date) *PaymentPlan {
	var cur *PaymentPlan
	for i := range plans {
		p := &plans[i]
		if p.Agreed > asOf {
			continue
		}
		if cur == nil || p.Agreed > cur.Agreed || (p.Agreed == cur.Agreed && p.ID > cur.ID) {
			cur = p
		}
	}
	if cur == nil || !cur.IsOpen(asOf) {
		return nil
	}
	return cur
}

// NewPlan checks a plan being agreed on the business date today, in the
// account's currency c, against the account's outstanding (net AR): at least
// one instalment; each dated on or after today, the dates strictly rising;
// each amount more than zero in the currency's places. Every error names
// the instalment (its number, amount and date). The total above the
// outstanding, or a date more than a year away, is Unlikely: saved only when
// confirmed.
func NewPlan(p PaymentPlan, c Currency, today Date, outstanding decimal.Decimal, confirmed bool) error {
	var f fieldErrors
	f.check("account", CheckCode(p.Account))
	if len(p.Instalments) == 0 {
		f.add("instalments", "a plan needs at least one instalment")
	}
	for i, in := range p.Instalments {
		name := fmt.Sprintf("instalment %d (%s@%s)", i+1, in.Amount, in.Due)
		switch {
		case in.Due.IsZero():
			name = fmt.Sprintf("instalment %d (%s)", i+1, in.Amount)
			f.add("instalments", name+": it has no date")
		case !in.Due.InRange():
			f.add("instalments", name+": the date is outside 1900–9999")
		case in.Due < today:
			f.add("instalments", fmt.Sprintf("%s: the date is before today (%s)", name, today))
		case i > 0 && !p.Instalments[i-1].Due.IsZero() && in.Due <= p.Instalments[i-1].Due:
			f.add("instalments", fmt.Sprintf("%s: the date must come after instalment %d's (%s)", name, i, p.Instalments[i-1].Due))
		}
		switch {
		case !in.Amount.IsPositive():
			f.add("instalments", name+": the amount must be more than zero")
		case in.Amount.GreaterThan(MaxAmount):
			f.add("instalments", name+": more than 10^15 is not a plausible amount")
		case c.Valid() && !FitsCurrency(in.Amount, c):
			f.add("instalments", fmt.Sprintf("%s: %s allows %d decimal places", name, c, c.Places()))
		}
	}
	if err := f.err(); err != nil {
		return err
	}
	if confirmed {
		return nil
	}
	var u Unlikely
	if t := p.Total(); t.GreaterThan(outstanding) {
		u = append(u, fmt.Sprintf("the plan's total %s is more than the account's outstanding %s",
			Money{Amount: t, Currency: c}, Money{Amount: outstanding, Currency: c}))
	}
	if last := p.Instalments[len(p.Instalments)-1].Due; FarOff(last, today) {
		u = append(u, fmt.Sprintf("the last instalment %s is more than a year away", last))
	}
	if len(u) > 0 {
		return u
	}
	return nil
}

// Plan intervals (the workstation's plan form).
var PlanIntervals = []string{"weekly", "fortnightly", "monthly"}

// SplitPlan splits total into count instalments from first, an interval
// apart (weekly, fortnightly, monthly: the same day of the month, clamped to
// a shorter month's last day), exact to the currency's minor unit: each
// instalment is total ÷ count truncated to the minor unit (QuoRem), the
// remainder on the last, so they add up to total.
func SplitPlan(total decimal.Decimal, count int, interval string, first Date, c Currency) ([]Instalment, error) {
	if count < 1 || count > 120 {
		return nil, fmt.Errorf("the count must be 1 to 120, not %d", count)
	}
	if !total.IsPositive() {
		return nil, fmt.Errorf("the total must be more than zero")
	}
	if c.Valid() && !FitsCurrency(total, c) {
		return nil, fmt.Errorf("%s allows %d decimal places", c, c.Places())
	}
	if !slices.Contains(PlanIntervals, interval) {
		return nil, fmt.Errorf("the interval %q is not one of %s", interval, strings.Join(PlanIntervals, ", "))
	}
	places := int32(2)
	if c.Valid() {
		places = c.Places()
	}
	n := decimal.NewFromInt(int64(count))
	each, _ := total.QuoRem(n, places)
	last := total.Sub(each.Mul(decimal.NewFromInt(int64(count - 1))))
	if !each.IsPositive() {
		return nil, fmt.Errorf("%s does not split into %d instalments", total, count)
	}
	out := make([]Instalment, count)
	for i := range out {
		due := first
		switch interval {
		case "weekly":
			due = first.AddDays(7 * i)
		case "fortnightly":
			due = first.AddDays(14 * i)
		case "monthly":
			due = first.AddMonths(i)
		}
		out[i] = Instalment{Due: due, Amount: each}
	}
	out[count-1].Amount = last
	return out, nil
}

// PlanRecap is the written confirmation of a plan to the customer, kept on
// its timeline entry like a promise's (PromiseRecap): each instalment's date
// and amount, the total, and the plan it replaces. Safe.
func PlanRecap(f *AccountFile, p PaymentPlan, replaced *PaymentPlan, contact, author string) string {
	c := f.Account.Currency
	money := func(d decimal.Decimal) string { return Money{Amount: d, Currency: c}.String() }
	var b strings.Builder
	greeting := "Hello"
	if contact != "" {
		greeting = "Dear " + contact
	}
	word := "instalments"
	if len(p.Instalments) == 1 {
		word = "instalment"
	}
	fmt.Fprintf(&b, "%s,\n\nThank you for your time today. As agreed, %s will pay %s in %d %s:\n",
		greeting, f.Account.Name, money(p.Total()), len(p.Instalments), word)
	for i, in := range p.Instalments {
		fmt.Fprintf(&b, "  %d. %s: %s\n", i+1, in.Due.Format("Monday 2 January 2006"), money(in.Amount))
	}
	if replaced != nil {
		fmt.Fprintf(&b, "This plan replaces the one agreed on %s.\n", replaced.Agreed.Format("2 January 2006"))
	}
	fmt.Fprintf(&b, "\nPlease reply if anything here differs from your understanding.\n\nKind regards,\n%s\n", author)
	return Safe(b.String())
}

// TimelineEntry is the plan's entry on the account's timeline.
func (p PaymentPlan) TimelineEntry(c Currency, replaced *PaymentPlan) Activity {
	text := fmt.Sprintf("Payment plan: %s in %d instalments, %s to %s", Money{Amount: p.Total(), Currency: c},
		len(p.Instalments), p.Instalments[0].Due, p.Instalments[len(p.Instalments)-1].Due)
	if len(p.Instalments) == 1 {
		text = fmt.Sprintf("Payment plan: %s on %s", Money{Amount: p.Total(), Currency: c}, p.Instalments[0].Due)
	}
	if replaced != nil {
		text += fmt.Sprintf(" (replaces the plan of %s)", replaced.Agreed)
	}
	return Activity{Account: p.Account, On: p.Agreed, Kind: KindPlan, Text: text}
}

// KindPlan is the activity kind of a plan's timeline entry.
const KindPlan = "plan"
