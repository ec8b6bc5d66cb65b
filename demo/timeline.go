package demo

import (
	"fmt"
	"slices"
	"strings"

	"acctdesk/domain"
)

// act is a timeline entry while it is being generated.
type act struct {
	on                           domain.Date
	minute                       int
	kind, contact, outcome, text string
	recap                        string
	next                         domain.Date
	fixedNext                    bool
	by                           string // its author: "" is the account's owner
	promise                      *promiseSpec
}

// timeline writes the account's contact history over the last six months:
// calls, e-mails, visits, notes, QBRs for tier 1, and a call for every promise.
// The last contact is recent, except for accounts meant to look stale.
func (a *acct) timeline() {
	p, r, A := a.p, a.r, a.asOf
	start := maxDate(p.live, A.AddDays(-180))
	// The latest contact is yesterday at the latest: a new book is a morning
	// nobody has worked yet, so its queue starts at "0 handled today".
	end := A.AddDays(-max(1, r.between(0, 10)))
	switch {
	case p.status == "onboarding":
		start, end = p.opened, A.AddDays(-max(1, r.between(0, 2)))
	case p.status == "churned":
		end = A.AddDays(-150)
		start = end.AddDays(-180)
	case p.staleDays > 0:
		end = A.AddDays(-p.staleDays)
	case p.has(fNextPast):
		end = A.AddDays(-9)
	case p.has(fNextToday):
		end = A.AddDays(-6)
	}
	for _, pr := range a.promises {
		// Nobody has called since a promise that is now broken or partly kept.
		if pr.due.AddDays(3) < A && pr.given > A.AddDays(-30) {
			end = min(end, pr.given.AddDays(-r.between(3, 6)))
		}
	}
	if wd := weekdayBack(end); wd >= start {
		end = wd
	}
	if end < start {
		start = end
	}
	a.lastContact = end
	gap := [...][2]int{1: {4, 9}, 2: {6, 12}, 3: {8, 16}}[p.tier]
	if p.status == "onboarding" {
		gap = [2]int{2, 5}
	}
	for d, first := end, true; d >= start; d, first = weekdayBack(d.AddDays(-r.between(gap[0], gap[1]))), false {
		kind := "call"
		switch {
		case first && (p.has(fNextPast) || p.has(fNextToday)):
		case first:
			kind = []string{"call", "email"}[r.weighted(70, 30)]
		default:
			kind = []string{"call", "email", "visit", "meeting", "note"}[r.weighted(55, 24, 8, 4, 9)]
		}
		x := a.entry(d, kind)
		if first && p.has(fNextPast) {
			x.next, x.fixedNext = A.AddDays(-2), true
		} else if first && p.has(fNextToday) {
			x.next, x.fixedNext = A, true
		}
		a.acts = append(a.acts, x)
	}
	for i := range a.promises {
		pr := &a.promises[i]
		a.acts = append(a.acts, a.promiseCall(pr))
		if pr.chased {
			x := act{on: weekdayFwd(pr.due.AddDays(4)), minute: 10 * 60, kind: "call", outcome: "reached", contact: a.contacts[0].Name}
			x.text = fmt.Sprintf("Chased the promise of %s missed on %s; %s says the transfer was held at the bank.",
				a.money(pr.amount), pr.due.Format("2 Jan"), firstName(x.contact))
			a.acts = append(a.acts, x)
		}
	}
	a.qbrs(start, end)
}

// entry writes one ordinary activity of the given kind on day d.
func (a *acct) entry(d domain.Date, kind string) act {
	x := act{on: d, minute: 8*60 + a.r.IntN(9*60), kind: kind, contact: a.contactFor(kind)}
	if a.p.status == "onboarding" {
		x.text = a.onboardingText(kind)
		if kind == "call" {
			x.outcome = "reached"
		}
		return x
	}
	switch kind {
	case "call":
		x.outcome, x.text = a.callText(d, x.contact)
	case "email":
		x.text = a.emailText(d)
	case "visit":
		x.text = "Site visit: checked tank levels, the delivery bay and the schedule with the site manager."
		x.recap = "Recap e-mailed to " + x.contact + ": delivery window 6 am to 2 pm agreed; dip readings to be signed by the site manager."
	case "meeting":
		x.text = "Met procurement to review delivery windows and prices for the coming quarter."
		x.recap = "Recap e-mailed: price review at month end; volumes as planned."
	case "note":
		x.text = pick(a.r, []string{
			"Customer is moving to a new ERP; remittance advices may be late this month.",
			"Credit check renewed; no change to the limit.",
			"Gate pass now required for night deliveries at the yard.",
			"New finance manager starts next month; introduce the team.",
			"Diesel generator replaced at the main site; expect lower volumes.",
		})
	}
	return x
}

// callText draws a call outcome that fits how the account pays, and its note.
func (a *acct) callText(d domain.Date, contact string) (string, string) {
	r := a.r
	w := []int{60, 12, 8, 0, 0, 12, 0, 2}
	switch a.p.beh {
	case bSlow, bPartial, bDelinquent, bOnHold:
		w = []int{40, 20, 14, 0, 0, 15, 6, 2}
	case bDisputer:
		w = []int{45, 14, 10, 0, 8, 12, 3, 2}
	}
	out := domain.Outcomes[r.weighted(w...)]
	who := firstName(contact)
	inv, amt := a.invoiceRef(d)
	switch out {
	case "reached":
		return out, pick(r, []string{
			fmt.Sprintf("Spoke to %s: %s (%s) is in this week's payment run.", who, inv, amt),
			fmt.Sprintf("Reviewed the statement with %s; no queries on %s.", who, inv),
			fmt.Sprintf("%s confirmed next month's needs are about the same as this month.", who),
			fmt.Sprintf("%s asked for the delivery schedule for the new site; billing is fine.", who),
		})
	case "no-answer":
		return out, "No answer on the office line or mobile."
	case "voicemail":
		return out, fmt.Sprintf("Left a voicemail asking for the remittance advice for %s.", inv)
	case "call-back":
		return out, fmt.Sprintf("%s asked to be called back after the finance meeting.", who)
	case "refused":
		return out, fmt.Sprintf("%s would not commit to a date for %s until the director approves.", who, inv)
	case "wrong-number":
		return out, "Number now belongs to someone else; asked the site office for the new one."
	case "dispute":
		for _, v := range a.inv {
			if v.disputed {
				return out, fmt.Sprintf("%s disputes an invoice: %s.", who, v.reason)
			}
		}
		return out, fmt.Sprintf("%s queried the price on %s; sent the price list.", who, inv)
	}
	return out, ""
}

func (a *acct) emailText(d domain.Date) string {
	inv, amt := a.invoiceRef(d)
	switch a.r.IntN(4) {
	case 0:
		return "Sent the statement of account as of " + d.Format("2 Jan 2006") + "."
	case 1:
		return "Sent copies of " + inv + " and the signed waybill."
	case 2:
		return "Sent a reminder for " + inv + " (" + amt + ")."
	default:
		return "Sent the monthly volume report and the price list for next month."
	}
}

func (a *acct) onboardingText(kind string) string {
	switch kind {
	case "call":
		return pick(a.r, []string{
			"Chased the signed direct debit mandate and the CAC documents.",
			"Walked finance through the credit application form.",
			"Agreed the first delivery date once the limit is approved.",
		})
	case "email":
		return pick(a.r, []string{
			"Sent the credit application, the KYC checklist and the delivery site form.",
			"Sent the price list and a sample invoice.",
			"Reminder: two directors' IDs and the latest audited accounts still missing.",
		})
	case "visit", "meeting":
		return "Visited the site to check tank access and the offloading bay."
	}
	return "Awaiting the board resolution approving the credit limit."
}

// invoiceRef names the latest invoice issued on or before d, with its amount.
func (a *acct) invoiceRef(d domain.Date) (string, string) {
	i, _ := slices.BinarySearchFunc(a.inv, d+1, func(v invoice, t domain.Date) int { return int(v.issued - t) })
	if i == 0 {
		return "the opening invoice", "nothing yet"
	}
	return a.invoiceNumber(i - 1), a.money(a.inv[i-1].amount)
}

// money writes an amount for people: ₦4,200,000.00.
func (a *acct) money(minor int64) string {
	return a.p.cur.Symbol() + domain.Human(a.dec(minor), a.p.cur)
}

// promiseCall is the call on which a promise was given.
func (a *acct) promiseCall(pr *promiseSpec) act {
	x := act{on: pr.given, minute: 9*60 + a.r.IntN(8*60), kind: "call", outcome: "promise", contact: a.contacts[0].Name, promise: pr}
	x.text = fmt.Sprintf("%s promised %s by %s. %s", firstName(x.contact), a.money(pr.amount), pr.due.Format("Mon 2 Jan"), pr.note)
	return x
}

// qbrs holds a quarterly business review with tier-1 accounts: the last two
// quarters, and this one for some.
func (a *acct) qbrs(start, end domain.Date) {
	p, r, A := a.p, a.r, a.asOf
	if p.tier != 1 || p.status != "active" {
		return
	}
	qs := A.QuarterStart()
	var days []domain.Date
	for _, back := range []int{-6, -3} {
		s := qs.AddMonths(back)
		days = append(days, weekdayBack(s.AddDays(r.between(20, 60))))
	}
	if p.has(fQBRNow) {
		d := qs.AddDays(int(A-qs) / 2)
		if wd := weekdayBack(d); wd >= qs {
			d = wd
		}
		days = append(days, d)
	}
	for _, d := range days {
		if d < start || d > A || (p.staleDays > 0 && d > end) {
			continue
		}
		x := act{on: d, minute: 10 * 60, kind: "qbr", contact: a.contactFor("qbr")}
		x.text = "QBR: last quarter's volumes and payment record reviewed; " + a.crossSell()
		x.recap = "QBR pack and minutes sent to " + x.contact + "; actions: confirm next quarter's volumes, review the credit limit."
		a.acts = append(a.acts, x)
	}
}

// crossSell says what the account does not buy yet.
func (a *acct) crossSell() string {
	var missing []string
	for i, pr := range products {
		if !a.p.sells(i) {
			missing = append(missing, pr.name)
		}
	}
	if len(missing) == 0 {
		return "buys every product line; discussed volume growth."
	}
	return "interest in " + strings.Join(missing, " and ") + "."
}
