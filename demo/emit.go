package demo

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
	"acctdesk/store"
)

func (a *acct) invoiceNumber(i int) string { return "INV-" + a.p.code + "-" + pad(i+1, 4) }

// emit turns the worked-out account into records and appends them to b.
func (a *acct) emit(b *store.Batch) {
	p, by := a.p, a.g.opt.Author
	b.Accounts = append(b.Accounts, store.Rec[domain.Account]{V: a.account()})
	for _, c := range a.contacts {
		b.Contacts = append(b.Contacts, store.Rec[domain.Contact]{V: c})
	}
	for _, c := range a.contracts {
		b.Contracts = append(b.Contracts, store.Rec[domain.Contract]{V: c})
	}
	for i, v := range a.inv {
		b.Invoices = append(b.Invoices, store.Rec[domain.Invoice]{V: domain.Invoice{
			Account: p.code, Number: a.invoiceNumber(i), Issued: v.issued, Due: v.due,
			Amount: a.dec(v.amount), Currency: p.cur, Product: products[v.product].name,
			Quantity: decimal.New(v.qty, 0), Unit: products[v.product].unit,
			Disputed: v.disputed, DisputeReason: v.reason, Excluded: v.excluded,
			Stamp: stamp(by, v.issued, 7*60),
		}})
		if !v.resolved.IsZero() {
			d := domain.Dispute{
				Account: p.code, Invoice: a.invoiceNumber(i), Seq: 1, Reason: v.reason, Owner: cmp.Or(p.owner, by),
				OpenedOn: v.opened, Status: domain.DisputeResolved, ResolvedOn: v.resolved, Resolution: v.resolution,
				Stamp: stamp(by, v.resolved, 12*60),
			}
			if v.disputeCredit {
				d.Credit = domain.DisputeCredit(d.Invoice, d.Seq)
			}
			b.Disputes = append(b.Disputes, store.Rec[domain.Dispute]{V: d})
		}
		if v.disputed {
			// Raised by the account's owner a week after the due date
			// (never after the book's date), so that the book does not
			// depend on the day the demo is made.
			on := min(v.due.AddDays(7), a.asOf)
			if !v.opened.IsZero() {
				on = v.opened
			}
			b.Disputes = append(b.Disputes, store.Rec[domain.Dispute]{V: domain.Dispute{
				Account: p.code, Invoice: a.invoiceNumber(i), Seq: 1, Reason: v.reason, Owner: cmp.Or(p.owner, by),
				OpenedOn: max(on, v.issued), Status: domain.DisputeOpen, Stamp: stamp(by, max(on, v.issued), 10*60),
			}})
		}
	}
	slices.SortStableFunc(a.pay, func(x, y payment) int { return int(x.date - y.date) })
	for k, pm := range a.pay {
		rec := domain.Payment{
			Account: p.code, Reference: "RCT-" + p.code + "-" + pad(k+1, 4), Received: pm.date,
			Amount: a.dec(pm.amount), Currency: p.cur, Stamp: stamp(by, pm.date, 11*60),
		}
		if pm.inv >= 0 {
			rec.Invoice = a.invoiceNumber(pm.inv)
		}
		b.Payments = append(b.Payments, store.Rec[domain.Payment]{V: rec})
	}
	slices.SortStableFunc(a.cn, func(x, y credit) int { return int(x.date - y.date) })
	k := 0
	for _, c := range a.cn {
		number := c.number
		if number == "" {
			k++
			number = "CN-" + p.code + "-" + pad(k, 3)
		}
		rec := domain.CreditNote{
			Account: p.code, Number: number, Date: c.date,
			Amount: a.dec(c.amount), Currency: p.cur, Reason: c.reason, Stamp: stamp(by, c.date, 12*60),
		}
		if c.inv >= 0 {
			rec.Invoice = a.invoiceNumber(c.inv)
		}
		b.Credits = append(b.Credits, store.Rec[domain.CreditNote]{V: rec})
	}
	a.emitTimeline(b)
	if a.plan != nil {
		b.Plans = append(b.Plans, store.Rec[domain.PaymentPlan]{V: *a.plan})
	}
	for _, e := range a.escalations {
		b.Escalations = append(b.Escalations, store.Rec[domain.Escalation]{V: e})
	}
	for _, s := range a.issues {
		b.Issues = append(b.Issues, store.Rec[domain.ServiceIssue]{V: s})
	}
	for _, f := range a.follows {
		b.FollowUps = append(b.FollowUps, store.Rec[domain.FollowUp]{V: f})
	}
	for _, s := range a.surveys {
		b.Surveys = append(b.Surveys, store.Rec[domain.Survey]{V: s})
	}
	for _, d := range a.decisions {
		b.Decisions = append(b.Decisions, store.Rec[domain.CreditDecision]{V: d})
	}
	for _, o := range a.objectives {
		b.Objectives = append(b.Objectives, store.Rec[domain.Objective]{V: o})
	}
	for _, d := range a.documents {
		b.Documents = append(b.Documents, store.Rec[domain.Document]{V: d})
	}
	for _, x := range a.blockages {
		b.Blockages = append(b.Blockages, store.Rec[domain.Blockage]{V: x})
	}
	for _, t := range a.targets {
		b.Targets = append(b.Targets, store.Rec[domain.Target]{V: t})
	}
	for _, x := range a.balanceRows {
		b.Balances = append(b.Balances, store.Rec[domain.Balance]{V: x})
	}
}

func (a *acct) account() domain.Account {
	p := a.p
	acc := domain.Account{
		Code: p.code, Name: p.name, Tier: p.tier, Segment: p.segment, Owner: p.owner,
		Salesperson: p.sales, Status: p.status, OpenedOn: p.opened, LiveOn: p.live,
		Terms: "term", TermsDays: p.termsDays, Currency: p.cur, CreditLimit: a.dec(a.limit),
		Stamp: stamp(a.g.opt.Author, p.opened, 9*60),
	}
	if p.status == "churned" {
		acc.StatusSince = a.asOf.AddDays(-150) // when its contract ended and the calls stopped
	}
	if p.termsDays < 0 {
		acc.Terms, acc.TermsDays = "cash", 0
	}
	if a.od > 0 {
		acc.Overdraft = domain.Overdraft{Amount: a.dec(a.od), Expires: a.odExpires, ApprovedBy: "Ifeanyi Okoro (CFO)"}
	}
	for _, x := range p.products {
		acc.Products = append(acc.Products, products[x].name)
	}
	acc.Notes = a.notes()
	acc.ExpansionNotes = a.expansionNotes()
	if p.competitors != "" {
		acc.Competitors = a.competitorNote(p.competitors)
	}
	return acc
}

func (a *acct) notes() string {
	p := a.p
	switch {
	case p.status == "onboarding":
		return "Signed " + p.opened.Format("2 Jan 2006") + "; waiting for KYC documents and the direct debit mandate before going live."
	case p.status == "on-hold":
		return "On hold: deliveries stopped until the overdue balance is cleared."
	case p.status == "churned":
		return "Moved to another supplier; the last invoice was written off."
	case p.beh == bPrepay:
		return "Pays ahead of deliveries; keep the prepaid balance topped up before big orders."
	case p.beh == bCash:
		return "Cash on delivery; driver collects the transfer confirmation before offloading."
	case p.cur == "XOF":
		return "Invoiced in CFA francs; deliveries to the Lomé depot, trucks cross at Seme."
	}
	return pick(a.r, []string{
		"Tanks at the main yard: 2 x 33,000 litres; gate pass needed for night deliveries.",
		"Deliveries to three sites; the site manager signs the dip readings.",
		"Orders by e-mail before noon for next-day delivery.",
		"Month-end payment run on the 25th; remittance advice by e-mail.",
	})
}

// emitTimeline sorts the activities and sets each call's next follow-up: the
// default for its outcome, but never after the next contact, so every
// follow-up but the last was honoured.
func (a *acct) emitTimeline(b *store.Batch) {
	A := a.asOf
	slices.SortStableFunc(a.acts, func(x, y act) int {
		if x.on != y.on {
			return int(x.on - y.on)
		}
		return x.minute - y.minute
	})
	for i := range a.acts {
		x := &a.acts[i]
		if x.kind != "call" || x.fixedNext {
			continue
		}
		def := x.on.AddDays(7)
		switch {
		case x.promise != nil:
			def = x.promise.due.AddDays(1)
		case x.outcome == "no-answer" || x.outcome == "voicemail":
			def = x.on.AddWorkdays(1)
		}
		nextContact := 0
		for j := i + 1; j < len(a.acts) && nextContact == 0; j++ {
			// A note, a reminder letter, a credit decision or an issue
			// logged does not answer a call's follow-up: only contact does.
			if domain.IsContact(a.acts[j].kind) {
				nextContact = j
			}
		}
		switch {
		case nextContact > 0:
			x.next = minDate(def, a.acts[nextContact].on)
		case x.promise != nil:
			x.next = def
		case a.p.staleDays > 0 || a.p.status == "churned":
			x.next = 0
		default:
			x.next = maxDate(def, A.AddDays(a.r.between(1, 10)))
		}
		if x.next != 0 && x.next < x.on {
			x.next = x.on
		}
	}
	for _, x := range a.acts {
		e := store.ActivityEntry{Activity: domain.Activity{
			Account: a.p.code, On: x.on, Kind: x.kind, Contact: x.contact, Outcome: x.outcome,
			Text: x.text, Recap: x.recap, NextFollow: x.next, Stamp: stamp(cmp.Or(x.by, a.p.owner), x.on, x.minute),
		}}
		if x.promise != nil {
			e.Promise = &domain.Promise{
				Account: a.p.code, Amount: a.dec(x.promise.amount), Currency: a.p.cur,
				GivenOn: x.promise.given, DueOn: x.promise.due, Contact: x.contact,
				Stamp: e.Activity.Stamp,
			}
		}
		b.Activities = append(b.Activities, e)
	}
}
