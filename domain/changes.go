package domain

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// What changed (SPEC §9.6): an account's facts compared as of two dates,
// since and asOf, each change dated the day it happened in (since, asOf].
// Every figure comes from the as-of machinery (Ledger.Apply, BucketOf,
// PromiseStatus, UtilisationAbove): there is no second aging formula here.

// Change kinds, in the order `report changes` documents them.
const (
	ChangeNewlyOverdue       = "newly-overdue"
	ChangeBucket             = "bucket"
	ChangePromiseKept        = "promise-kept"
	ChangePromiseBroken      = "promise-broken"
	ChangePayment            = "payment"
	ChangeCreditNote         = "credit-note"
	ChangeDisputeOpened      = "dispute-opened"
	ChangeDisputeResolved    = "dispute-resolved"
	ChangeCreditBreach       = "credit-breach"
	ChangeEscalationOpened   = "escalation-opened"
	ChangeEscalationResolved = "escalation-resolved"
)

// ChangeKinds are every change kind.
var ChangeKinds = []string{ChangeNewlyOverdue, ChangeBucket, ChangePromiseKept, ChangePromiseBroken, ChangePayment,
	ChangeCreditNote, ChangeDisputeOpened, ChangeDisputeResolved, ChangeCreditBreach, ChangeEscalationOpened,
	ChangeEscalationResolved}

// Change is one thing that changed on an account.
type Change struct {
	On       Date
	Account  string
	Kind     string
	Amount   decimal.Decimal // meaningful when HasMoney
	HasMoney bool
	Currency Currency
	Detail   string // made of the book's own words: Safe before a terminal
}

// PrevWorkday is the working day (Monday to Friday) before d: a Monday's
// is the Friday before. `report changes` looks back to it by default.
func PrevWorkday(d Date) Date {
	d--
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		d--
	}
	return d
}

// ChangesOf is what changed on the account from since (excluded) to asOf
// (included), sorted (SortChanges). The definitions, as `acctdesk help
// report changes` gives them:
//
//   - newly-overdue: an invoice still outstanding as of asOf, past due as of
//     asOf and not past due as of since (or not yet issued then); dated the
//     day after its due date (its issue date, when issued later); the amount
//     is its outstanding as of asOf. An invoice due on since is newly
//     overdue (dated since+1), one due on asOf is not.
//   - bucket: an invoice still outstanding as of asOf, already past due as of
//     since, whose aging bucket as of asOf is later than as of since; dated
//     the day it entered its bucket as of asOf (due + the bucket's first
//     day); one row even when it crossed several buckets.
//   - promise-kept: a promise not kept as of since and kept as of asOf;
//     dated the first day it was kept (PromiseStatus).
//   - promise-broken: a promise open as of since (or not yet given) that is
//     broken or partly kept as of asOf; dated the day after its deadline
//     (due + grace), when its status became so.
//   - payment, credit-note: each one dated in (since, asOf].
//   - credit-breach: utilisation over the breach threshold as of asOf, in a
//     run of days over it that began after since; dated the run's first day,
//     the amount the net AR then.
//   - escalation-opened: each escalation opened in (since, asOf].
//   - escalation-resolved, dispute-opened, dispute-resolved: see
//     escalationResolvedOn and disputeChanges.
func ChangesOf(x *Facts, since, asOf Date, set Settings) []Change {
	if since >= asOf {
		return nil
	}
	a := &x.Account
	l := &x.Ledger
	cur := a.Currency
	var out []Change
	add := func(on Date, kind string, amount decimal.Decimal, money bool, detail string) {
		c := Change{On: on, Account: a.Code, Kind: kind, Detail: detail}
		if money {
			c.Amount, c.HasMoney, c.Currency = amount, true, cur
		}
		out = append(out, c)
	}

	// Invoices: as of since and as of asOf, by the rule of SPEC §2.
	edges := set.AgingEdges
	now := l.Apply(asOf, nil)
	for i, inv := range l.Invoices {
		owed := now.Owed[i]
		dpd := asOf.DaysSince(inv.Due)
		if owed <= 0 || dpd <= 0 {
			continue
		}
		k := BucketOf(dpd, edges)
		was := since.DaysSince(inv.Due)
		existed := inv.Issued <= since
		switch {
		case !existed || was <= 0:
			on := max(inv.Due+1, inv.Issued)
			add(on, ChangeNewlyOverdue, l.Dec(owed), true, fmt.Sprintf("due %s, %s past due", inv.Due, daysWord(dpd)))
		case k > BucketOf(was, edges):
			first := 1
			if k >= 2 {
				first = edges[k-2] + 1
			}
			add(inv.Due.AddDays(first), ChangeBucket, l.Dec(owed), true,
				fmt.Sprintf("due %s: %s → %s days past due", inv.Due, BucketLabel(BucketOf(was, edges), edges), BucketLabel(k, edges)))
		}
	}

	// Promises.
	grace := set.Thresholds.PromiseGraceDays
	for _, p := range x.Promises {
		if p.GivenOn > asOf {
			continue
		}
		then := PromiseOpen
		if p.GivenOn <= since {
			then = PromiseStatus(p, l, since, grace).Status
		}
		st := PromiseStatus(p, l, asOf, grace)
		about := fmt.Sprintf("promised %s, due %s", p.GivenOn, p.DueOn)
		switch {
		case st.Status == PromiseKept && then != PromiseKept:
			add(keptOn(p, l, since, asOf, grace), ChangePromiseKept, p.Amount, true, about)
		case (st.Status == PromiseBroken || st.Status == PromisePartlyKept) && then == PromiseOpen:
			detail := about + ", nothing paid"
			if st.Status == PromisePartlyKept {
				detail = about + ", partly kept: " + Human(st.Paid, cur) + " paid"
			}
			add(st.Deadline+1, ChangePromiseBroken, p.Amount, true, detail)
		}
	}

	// Payments and credit notes.
	for k, c := range l.Credits {
		if c.On > asOf {
			break
		}
		if c.On <= since {
			continue
		}
		against := "on account (balance forward)"
		if c.Invoice >= 0 {
			against = "against the invoice due " + l.Invoices[c.Invoice].Due.String()
		}
		if l.Kinds[k].IsPayment() {
			add(c.On, ChangePayment, l.Dec(c.Amount), true, against)
		} else {
			add(c.On, ChangeCreditNote, l.Dec(c.Amount), true, l.Kinds[k].Reason()+", "+against)
		}
	}

	// Credit breach: a run over the threshold that began after since.
	if a.HasLimit() {
		pct := set.Thresholds.UtilBreachPct
		if start := x.UtilisationAbove(asOf, int64(pct), false, asOf.DaysSince(since)); start > since {
			net := l.NetAR(start)
			detail := fmt.Sprintf("over %d %% of the limit", pct)
			if u, ok := Utilisation(*a, net, start); ok {
				detail = fmt.Sprintf("utilisation %s %% of the limit %s", u.Round(1).StringFixed(1), Human(a.CreditLimit.Add(a.OverdraftAt(start)), cur))
			}
			add(start, ChangeCreditBreach, net, true, detail)
		}
	}

	// Escalations.
	for _, e := range x.Escalations {
		if e.Opened > since && e.Opened <= asOf {
			add(e.Opened, ChangeEscalationOpened, decimal.Zero, false, e.Category+", "+e.Severity+", to "+e.To+": "+e.Summary)
		}
		if on, ok := escalationResolvedOn(e); ok && on > since && on <= asOf {
			add(on, ChangeEscalationResolved, decimal.Zero, false, e.Category+": "+e.Resolution)
		}
	}
	out = append(out, disputeChanges(x, since, asOf)...)
	SortChanges(out)
	return out
}

// keptOn is the first day in (since, asOf] on which the promise is kept:
// only a payment's date can make it so, so only those days are tried.
func keptOn(p Promise, l *Ledger, since, asOf Date, grace int) Date {
	for k := 0; k < len(l.Credits); {
		day, paid := l.Credits[k].On, false
		if day > asOf {
			break
		}
		for ; k < len(l.Credits) && l.Credits[k].On == day; k++ { // the day's credits, whatever their order
			paid = paid || l.Kinds[k].IsPayment()
		}
		if day > since && paid && PromiseStatus(p, l, day, grace).Status == PromiseKept {
			return day
		}
	}
	return asOf
}

// escalationResolvedOn is the day an escalation was resolved: its
// ResolvedOn. A resolved escalation written before the date was kept (record
// version 1) has none, so no escalation-resolved is derived for it.
func escalationResolvedOn(e Escalation) (Date, bool) {
	if e.IsOpen() || e.ResolvedOn.IsZero() {
		return 0, false
	}
	return e.ResolvedOn, true
}

// disputeChanges are the disputes opened, and those resolved, in
// (since, asOf] (SPEC §9.1 records both dates); the amount is the disputed
// invoice's, the detail its number and the reason or resolution.
func disputeChanges(x *Facts, since, asOf Date) []Change {
	var out []Change
	in := func(d Date) bool { return d > since && d <= asOf }
	for i, d := range x.Disputes {
		if i >= len(x.DisputeInvoices) {
			break
		}
		k := x.DisputeInvoices[i]
		if k < 0 || int(k) >= len(x.Ledger.Invoices) {
			continue
		}
		amount := x.Ledger.Dec(x.Ledger.Invoices[k].Amount)
		c := Change{Account: x.Account.Code, Amount: amount, HasMoney: true, Currency: x.Account.Currency}
		if in(d.OpenedOn) {
			c.On, c.Kind, c.Detail = d.OpenedOn, ChangeDisputeOpened, d.Invoice+": "+d.Reason
			out = append(out, c)
		}
		if !d.IsOpen() && in(d.ResolvedOn) {
			c.On, c.Kind, c.Detail = d.ResolvedOn, ChangeDisputeResolved, d.Invoice+": "+d.Resolution
			out = append(out, c)
		}
	}
	return out
}

// SortChanges orders changes by date, account, kind, then detail and amount
// (so that the order is the same on every run).
func SortChanges(cs []Change) {
	slices.SortStableFunc(cs, func(a, b Change) int {
		return cmp.Or(cmp.Compare(a.On, b.On), strings.Compare(a.Account, b.Account), strings.Compare(a.Kind, b.Kind),
			strings.Compare(a.Detail, b.Detail), a.Amount.Cmp(b.Amount))
	})
}

// ChangeSummary is the queue header's one line (SPEC §9.6): how many
// invoices became overdue, how many promises were broken, what was received
// per currency, since a date.
type ChangeSummary struct {
	Since, AsOf    Date
	NewlyOverdue   int
	BrokenPromises int
	Received       Totals // payments, per currency
	Count          int    // every change
}

// SummarizeChanges counts the changes of a book.
func SummarizeChanges(cs []Change, since, asOf Date) ChangeSummary {
	s := ChangeSummary{Since: since, AsOf: asOf, Received: Totals{}, Count: len(cs)}
	for _, c := range cs {
		switch c.Kind {
		case ChangeNewlyOverdue:
			s.NewlyOverdue++
		case ChangePromiseBroken:
			s.BrokenPromises++
		case ChangePayment:
			s.Received.Add(c.Currency, c.Amount)
		}
	}
	return s
}

// Line is the summary in words: "since Mon: 14 newly overdue, 3 broken
// promises, ₦4.2M received". A since within the week before asOf is named
// by its weekday, an earlier one by its date.
func (s ChangeSummary) Line() string {
	when := s.Since.Format("2 Jan")
	if s.AsOf.DaysSince(s.Since) <= 6 {
		when = s.Since.Format("Mon")
	}
	broken := "broken promises"
	if s.BrokenPromises == 1 {
		broken = "broken promise"
	}
	received := "nothing received"
	if cs := s.Received.Currencies(); len(cs) > 0 {
		parts := make([]string, len(cs))
		for i, c := range cs {
			parts[i] = c.Symbol() + Short(s.Received[c])
		}
		received = strings.Join(parts, " + ") + " received"
	}
	return fmt.Sprintf("since %s: %d newly overdue, %d %s, %s", when, s.NewlyOverdue, s.BrokenPromises, broken, received)
}

func daysWord(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}
