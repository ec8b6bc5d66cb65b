package queue

import (
	"cmp"
	"fmt"
	"math"
	"strings"

	"acctdesk/domain"

	"github.com/shopspring/decimal"
)

// kindWeight ranks the kinds of failure: a broken promise outranks plain
// overdue of the same size, a credit breach outranks a warning.
var kindWeight = map[string]float64{
	BrokenPromise:     40,
	CreditBreach:      36,
	PlanMissed:        35,
	EscalationDue:     30,
	PromiseDue:        28,
	ServiceSLA:        28,
	FollowUp:          25,
	Overdue:           20,
	CreditWarning:     18,
	OverdraftExpiring: 16,
	Renewal:           15,
	GoLiveLate:        12,
	QBRDue:            10,
	StaleContact:      8,
	DisputeStale:      22,
	ReminderDue:       14,
}

// score combines the parts: ten points per tenfold money at stake, a slowly
// growing term for lateness (so money dominates small differences in days),
// the kind of failure and the tier.
func score(reason string, stake decimal.Decimal, daysLate, tier int) Score {
	s := Score{Kind: kindWeight[reason]}
	if f := domain.Float(stake); f > 0 {
		s.Money = 10 * math.Log10(1+f)
	}
	if daysLate > 0 {
		s.Late = 3 * math.Log2(1+float64(daysLate))
	}
	switch tier {
	case 1:
		s.Tier = 6
	case 2:
		s.Tier = 3
	}
	s.Total = math.Round((s.Money+s.Late+s.Kind+s.Tier)*100) / 100
	return s
}

// ctx carries what every rule of one account needs.
type ctx struct {
	sum  *domain.Summary
	f    *domain.Facts
	set  domain.Settings
	asOf domain.Date
	out  []Item
}

// add lists an item. detail is its sentence in full; why is the same
// without the money at stake (shown beside it in the queue's table), ""
// when the detail names no such amount.
func (c *ctx) add(reason, key string, stake decimal.Decimal, due domain.Date, detail, why string) {
	a := c.f.Account
	late := 0
	if !due.IsZero() && c.asOf > due {
		late = c.asOf.DaysSince(due)
	}
	c.out = append(c.out, Item{
		Account: a.Code, Name: a.Name, Owner: a.Owner, Tier: a.Tier,
		Reason: reason, Key: reason + ":" + a.Code + ":" + key,
		Stake: domain.Money{Amount: stake, Currency: a.Currency},
		Due:   due, DaysLate: late, Detail: detail, Why: cmp.Or(why, detail),
		Score: score(reason, stake, late, a.Tier),
	})
}

func (c *ctx) money(d decimal.Decimal) string {
	return domain.Money{Amount: d, Currency: c.f.Account.Currency}.String()
}

// AccountItems applies every rule to one account, leaves out what its
// queue marks hide (done, or snoozed past the date) and records on the
// others what was done on the account today (Work). The items of the book
// are the items of its accounts, ranked (Rank).
func AccountItems(sum *domain.Summary, set domain.Settings) []Item {
	c := &ctx{sum: sum, f: sum.Facts, set: set, asOf: sum.AsOf}
	for _, rule := range rules {
		rule(c)
	}
	items := applyMarks(c.out, c.f.Marks, c.asOf)
	if len(items) > 0 {
		markWorked(items, c.f, c.asOf)
	}
	return items
}

var rules = []func(*ctx){
	promises, plans, followUps, steps, overdue, credit, overdraft,
	escalations, serviceIssues, renewals, qbr, goLive, staleContact, staleDisputes, reminder,
}

// contactSince reports whether a contact (a call, when callsOnly) was logged
// between d and the as-of date.
func (c *ctx) contactSince(d domain.Date, callsOnly bool) bool {
	return c.f.ContactSince(d, c.asOf, callsOnly)
}

func promises(c *ctx) {
	grace := c.set.Thresholds.PromiseGraceDays
	for _, p := range c.f.Promises {
		if p.GivenOn > c.asOf {
			continue
		}
		st := domain.PromiseStatus(p, &c.f.Ledger, c.asOf, grace)
		left := p.Amount.Sub(st.Paid)
		key := fmt.Sprint(p.ID)
		switch st.Status {
		case domain.PromiseBroken, domain.PromisePartlyKept:
			// Broken the day after the deadline; a call since then means someone is on it.
			if c.contactSince(st.Deadline.AddDays(1), true) {
				continue
			}
			word, short := "broken promise", "broken promise"
			if st.Status == domain.PromisePartlyKept {
				word, short = fmt.Sprintf("promise partly kept (%s paid)", c.money(st.Paid)), "promise partly kept"
			}
			c.add(BrokenPromise, key, left, p.DueOn,
				fmt.Sprintf("%s %s due %s", word, c.money(left), dayOf(c.asOf, p.DueOn)),
				fmt.Sprintf("%s, due %s", short, dayOf(c.asOf, p.DueOn)))
		case domain.PromiseOpen:
			if p.DueOn == c.asOf || p.DueOn == c.asOf+1 {
				when := "today"
				if p.DueOn != c.asOf {
					when = "tomorrow"
				}
				c.add(PromiseDue, key, left, p.DueOn,
					fmt.Sprintf("promise %s due %s", c.money(left), when), "promise due "+when)
			}
		}
	}
}

// plans raises an item for each instalment of the account's open plan that
// is missed and still not paid in full (only the open plan: one a new plan
// replaced is closed). The grace is the book's promise grace.
func plans(c *ctx) {
	pl := domain.OpenPlan(c.f.Plans, c.asOf)
	if pl == nil {
		return
	}
	for i, s := range domain.PlanStatus(*pl, &c.f.Ledger, c.asOf, c.set.Thresholds.PromiseGraceDays) {
		if s.Status != domain.InstalmentMissed || !s.Unpaid().IsPositive() {
			continue
		}
		left := s.Unpaid()
		unpaid := "unpaid"
		if s.Paid.IsPositive() {
			unpaid = fmt.Sprintf("%s unpaid", c.money(left))
		}
		c.add(PlanMissed, fmt.Sprintf("%d:%d", pl.ID, i), left, s.Due,
			fmt.Sprintf("plan instalment %d of %d, %s due %s, %s", i+1, len(pl.Instalments), c.money(s.Amount), dayOf(c.asOf, s.Due), unpaid),
			fmt.Sprintf("plan instalment %d of %d missed, due %s", i+1, len(pl.Instalments), dayOf(c.asOf, s.Due)))
	}
}

func followUps(c *ctx) {
	for _, fu := range c.f.PendingFollowUps(c.asOf) {
		if fu.Due > c.asOf {
			continue
		}
		reason := fu.Reason
		if reason == "" {
			reason = "follow-up"
		}
		when := "today"
		if fu.Due < c.asOf {
			when = fmt.Sprintf("since %s", dayOf(c.asOf, fu.Due))
		}
		c.add(FollowUp, fmt.Sprint(fu.ID), decimal.Zero, fu.Due,
			fmt.Sprintf("%s, due %s", reason, when), "")
	}
}

// overdue: overdue AR (net of unapplied), not disputed or excluded, with no
// contact since its oldest item entered its current bucket.
func overdue(c *ctx) {
	edges := c.set.AgingEdges
	l := &c.f.Ledger
	var owed domain.Sum
	oldest := 0
	var oldestDue domain.Date
	for _, o := range c.sum.Open {
		inv := l.Invoices[o.Invoice]
		dpd := c.asOf.DaysSince(inv.Due)
		if dpd <= 0 || c.f.DisputedAsOf(int(o.Invoice), c.asOf) || l.IsExcluded(int(o.Invoice)) {
			continue
		}
		owed.AddInt(o.Owed, l.Exp)
		if dpd > oldest {
			oldest, oldestDue = dpd, inv.Due
		}
	}
	stake := owed.Decimal().Sub(c.sum.Aging.Unapplied)
	if !stake.IsPositive() {
		return
	}
	k := domain.BucketOf(oldest, edges)
	lower := 1
	if k > 1 {
		lower = edges[k-2] + 1
	}
	entered := oldestDue.AddDays(lower)
	if c.contactSince(entered, false) {
		return
	}
	label := domain.BucketLabel(k, edges)
	c.add(Overdue, fmt.Sprintf("%d:%s", k, entered), stake, oldestDue,
		fmt.Sprintf("%s overdue, oldest %s (%s)", c.money(stake), days(oldest), label),
		fmt.Sprintf("overdue, oldest %s (%s)", days(oldest), label))
}

// credit: a breach (over 100 %) outranks a warning (at or over 80 %). The key is
// the day the run over the threshold began, so "done" lasts until a new breach.
func credit(c *ctx) {
	if !c.sum.HasUtil {
		return
	}
	th := c.set.Thresholds
	level := c.sum.UtilLevel(th)
	if level == domain.UtilFine {
		return
	}
	pct := c.sum.Util().Round(0).String() // not an int: absurd limits make absurd percentages
	limit := c.f.Account.CreditLimit.Add(c.f.Account.OverdraftAt(c.asOf))
	over := c.sum.AR().Sub(limit)
	switch level {
	case domain.UtilOver:
		since := c.f.UtilisationAbove(c.asOf, int64(th.UtilBreachPct), false, 365)
		c.add(CreditBreach, since.String(), over, 0,
			fmt.Sprintf("utilisation %s %% of limit, %s over, since %s", pct, c.money(over), dayOf(c.asOf, since)),
			fmt.Sprintf("over the limit: utilisation %s %% since %s", pct, dayOf(c.asOf, since)))
	case domain.UtilWarning:
		since := c.f.UtilisationAbove(c.asOf, int64(th.UtilWarnPct), true, 365)
		c.add(CreditWarning, since.String(), c.sum.AR(), 0,
			fmt.Sprintf("utilisation %s %% of limit, %s headroom", pct, c.money(over.Neg())),
			fmt.Sprintf("utilisation %s %% of limit", pct))
	}
}

func overdraft(c *ctx) {
	od := c.f.Account.Overdraft
	if !od.Amount.IsPositive() || od.Expires < c.asOf || od.Expires > c.asOf.AddDays(7) {
		return
	}
	c.add(OverdraftExpiring, od.Expires.String(), od.Amount, od.Expires,
		fmt.Sprintf("overdraft %s expires in %s", c.money(od.Amount), days(od.Expires.DaysSince(c.asOf))),
		fmt.Sprintf("overdraft expires in %s", days(od.Expires.DaysSince(c.asOf))))
}

func escalations(c *ctx) {
	for _, e := range c.f.Escalations {
		if e.Status != "open" || e.Due.IsZero() || e.Due >= c.asOf {
			continue
		}
		c.add(EscalationDue, fmt.Sprintf("%d:%s", e.ID, e.Due), c.sum.AR(), e.Due,
			fmt.Sprintf("%s escalation to %s past due since %s", e.Severity, e.To, dayOf(c.asOf, e.Due)),
			fmt.Sprintf("%s escalation to %s late since %s", e.Severity, e.To, dayOf(c.asOf, e.Due)))
	}
}

func serviceIssues(c *ctx) {
	for _, s := range c.f.Issues {
		if !s.OpenOn(c.asOf) || s.SLADeadline.IsZero() || s.SLADeadline > c.asOf+1 { // open, or in progress, that day
			continue
		}
		word := "past SLA since " + dayOf(c.asOf, s.SLADeadline)
		if s.SLADeadline >= c.asOf {
			word = "SLA ends " + dayOf(c.asOf, s.SLADeadline)
		}
		c.add(ServiceSLA, fmt.Sprint(s.ID), decimal.Zero, s.SLADeadline,
			fmt.Sprintf("%s %s", strings.ReplaceAll(s.Kind, "-", " "), word), "")
	}
}

// renewals raises a contract due for renewal (domain.StateOf): active — no
// renewal, lapse or termination recorded or derived — and ending within
// the horizon.
func renewals(c *ctx) {
	for _, k := range c.f.Contracts {
		if !domain.StateOf(k, c.f.Contracts, c.asOf).DueForRenewal(c.set.Thresholds.RenewalDays) {
			continue
		}
		c.add(Renewal, k.ID+":"+k.End.String(), decimal.Zero, k.End,
			fmt.Sprintf("contract ends in %s (%s)", days(k.End.DaysSince(c.asOf)), dayOf(c.asOf, k.End)), "")
	}
}

func qbr(c *ctx) {
	a := c.f.Account
	if a.Tier != 1 || a.Status != domain.StatusActive {
		return
	}
	qs, qe := c.asOf.QuarterStart(), c.asOf.QuarterEnd()
	if qe.DaysSince(c.asOf) > 30 {
		return
	}
	for _, t := range c.f.Touches {
		if t.KindName() == "qbr" && t.On >= qs && t.On <= c.asOf {
			return
		}
	}
	c.add(QBRDue, qe.String(), decimal.Zero, qe,
		fmt.Sprintf("no QBR this quarter, quarter ends in %s", days(qe.DaysSince(c.asOf))), "")
}

func goLive(c *ctx) {
	a := c.f.Account
	if a.OpenedOn.IsZero() || a.Status == domain.StatusChurned || a.Live(c.asOf) {
		return
	}
	n := c.asOf.DaysSince(a.OpenedOn)
	if n <= 14 {
		return
	}
	// What keeps it from going live, from its opening file (SPEC §11.3).
	o := domain.OpeningOf(c.set.RequiredDocsFor(a.Segment), c.f.Documents, c.f.Blockages, c.asOf)
	c.add(GoLiveLate, a.OpenedOn.String(), decimal.Zero, a.OpenedOn.AddDays(14),
		fmt.Sprintf("signed %s ago, not live: %s", days(n), o), "")
}

func staleContact(c *ctx) {
	a := c.f.Account
	if a.Status != domain.StatusActive {
		return
	}
	since := c.sum.LastContact
	what := "no contact"
	if since.IsZero() {
		since = a.LiveOn
		if since.IsZero() {
			since = a.OpenedOn
		}
		what = "never contacted, live"
	}
	if since.IsZero() {
		return
	}
	n := c.asOf.DaysSince(since)
	if n <= c.set.Thresholds.StaleContactDays {
		return
	}
	stake := c.sum.AR()
	if stake.IsNegative() {
		stake = decimal.Zero
	}
	c.add(StaleContact, since.String(), stake, 0, fmt.Sprintf("%s for %s", what, days(n)), "")
}

// Dispute staleness (SPEC §9.1): an open dispute older than StaleDisputeDays
// with no activity on the account in the last QuietDisputeDays days.
const (
	StaleDisputeDays = 14
	QuietDisputeDays = 7
)

// staleDisputes: an open dispute opened more than 14 days ago (15 days open
// or more), of an invoice that still owes, on an account with no activity
// of any kind in the last 7 days (none from asOf−6 to asOf). The stake is what the invoice still owes;
// the key names the last activity, so "done" lasts until the account has
// been quiet for another 7 days after new activity.
func staleDisputes(c *ctx) {
	if len(c.f.Disputes) == 0 {
		return
	}
	var last domain.Date
	for _, t := range c.f.Touches {
		if t.On <= c.asOf && t.On > last {
			last = t.On
		}
	}
	if !last.IsZero() && c.asOf.DaysSince(last) < QuietDisputeDays {
		return
	}
	for _, r := range domain.DisputeRows(c.f, c.asOf, c.asOf) {
		// An invoice paid in full owes nothing to chase (an import's
		// disputed column on settled invoices).
		if !r.IsOpen() || r.DaysOpen <= StaleDisputeDays || !r.Outstanding.IsPositive() {
			continue
		}
		quiet := "no activity yet"
		if !last.IsZero() {
			quiet = "no activity for " + days(c.asOf.DaysSince(last))
		}
		c.add(DisputeStale, fmt.Sprintf("%s:%d:%s", r.Invoice, r.Seq, last), r.Outstanding, r.OpenedOn.AddDays(StaleDisputeDays),
			fmt.Sprintf("dispute on %s (%s) open %s, %s", r.Invoice, c.money(r.Outstanding), days(r.DaysOpen), quiet),
			fmt.Sprintf("dispute on %s open %s, %s", r.Invoice, days(r.DaysOpen), quiet))
	}
}

// reminder: the account is due a reminder letter (SPEC §9.3, ReminderOf).
// The stake is the total due (the overdue undisputed invoices), the due
// date the oldest uncovered one's. The key is the level and the day the
// reminder fell due — the day the level was reached, or the last
// reminder's day plus the cadence at the same level — so "done" lasts
// until the next one falls due.
func reminder(c *ctx) {
	st := domain.ReminderOf(c.f, c.set, c.asOf)
	if !st.Due {
		return
	}
	due := c.f.Ledger.Invoices[st.OldestInvoice].Due
	from := due.AddDays(c.set.Reminders.Levels[st.Level-1])
	last := ""
	if st.LastLevel == st.Level {
		from = st.LastOn.AddDays(c.set.Reminders.CadenceDays)
		last = ", last sent " + dayOf(c.asOf, st.LastOn)
	}
	what := "reminder due (" + domain.ReminderLevelName(st.Level) + ")"
	c.add(ReminderDue, fmt.Sprintf("%d:%s", st.Level, from), st.TotalDue, due,
		fmt.Sprintf("%s: %s due, oldest %s%s", what, c.money(st.TotalDue), days(st.Oldest), last),
		fmt.Sprintf("%s, oldest %s%s", what, days(st.Oldest), last))
}

// dayOf is a date as the workstation writes it: "9 Dec", with the year
// when it is not the year of asOf ("12 Jan'27").
func dayOf(asOf, d domain.Date) string {
	y, _, _ := d.Parts()
	if ay, _, _ := asOf.Parts(); y != ay {
		return d.Format("2 Jan'06")
	}
	return d.Format("2 Jan")
}

// days is "1 day" or "n days".
func days(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}

// applyMarks hides items marked done (same key) or snoozed until after asOf.
func applyMarks(items []Item, marks []domain.QueueMark, asOf domain.Date) []Item {
	if len(marks) == 0 {
		return items
	}
	hidden := make(map[string]bool, len(marks))
	for _, m := range marks {
		if m.Done || m.Until > asOf {
			hidden[m.Key] = true
		}
	}
	out := items[:0]
	for _, it := range items {
		if !hidden[it.Key] {
			out = append(out, it)
		}
	}
	return out
}
