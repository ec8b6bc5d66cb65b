package demo

import (
	"strings"

	"acctdesk/domain"
)

// behaviour is how an account pays.
type behaviour uint8

const (
	bPrompt     behaviour = iota // pays around the due date
	bSlow                        // pays 30–90 days late, in monthly lumps
	bPartial                     // pays part on time, the rest much later
	bPrepay                      // tops up ahead of deliveries, keeps unapplied credit
	bDelinquent                  // stopped paying months ago: 120+ day items
	bDisputer                    // pays invoice by invoice, disputes a few
	bCash                        // pays on delivery
	bChurned                     // left; its last invoice was written off
	bOnHold                      // deliveries stopped for arrears
)

type sizeClass uint8

const (
	small sizeClass = iota
	medium
	large
)

// utilTarget is where the credit limit puts utilisation as of AsOf.
type utilTarget uint8

const (
	uNormal  utilTarget = iota // under 75 %
	uWarn                      // 80–100 %
	uBreach                    // over 100 %
	uNoLimit                   // cash account
)

// flag names a queue situation an account is set up to show.
type flag uint64

const (
	fBrokenPromise    flag = 1 << iota // broken, no call since: broken-promise
	fBrokenFollowed                    // broken long ago, calls logged since
	fPartlyKept                        // partly kept, no call since
	fPromiseToday                      // promise-due today
	fPromiseTomorrow                   // promise-due tomorrow
	fPromiseNextWeek                   // open promise due in a week
	fPlanMissed                        // payment plan with a missed instalment
	fFollowToday                       // manual follow-up due today
	fFollowPast                        // manual follow-up overdue
	fFollowFuture                      // manual follow-up ahead
	fFollowDone                        // a follow-up already done
	fFollowSnoozed                     // a follow-up snoozed past today
	fNextPast                          // last call's next follow-up is past
	fNextToday                         // last call's next follow-up is today
	fODExpiring                        // overdraft expiring within 7 days
	fODLong                            // overdraft with a month and more to run
	fEscalationDue                     // open escalation past its due date
	fEscalationLegal                   // open escalation to legal, not yet due
	fEscalationDone                    // resolved escalation
	fEscalationOps                     // open escalation to operations, not yet due
	fIssuePastSLA                      // open service issue past its SLA
	fIssueNearSLA                      // open service issue due within a day
	fIssueOpen                         // open service issue well within its SLA
	fIssueConfirmed                    // resolved and confirmed in writing
	fIssueUnconfirmed                  // resolved, not confirmed
	fRenewed                           // contract ending soon but already renewed
	fLapsed                            // contract ended, nothing renewed
	fRebates                           // contract with volume rebates
	fQBRNow                            // tier 1 with a QBR this quarter
	fXOF                               // trades in XOF
	fDisputeQuiet                      // an open dispute on a quiet account: dispute-stale
	fPromisePartPaid                   // an open promise partly paid already
	fPlanKept                          // a payment plan kept so far
	fReminderRecent                    // a reminder at its level less than 7 days ago: not due
	fReminderAgain                     // a reminder at its level 7+ days ago: due again
	fProblem                           // the open issue is a problem record in progress (KPI, steps)
	fLapsedMarked                      // contract ended and marked lapsed
)

// profile is everything decided about an account before its documents.
type profile struct {
	idx         int
	name, code  string
	segment     string
	tier        int
	owner       string
	sales       string
	status      string
	beh         behaviour
	termsDays   int // -1: cash
	cur         domain.Currency
	products    []int
	size        sizeClass
	util        utilTarget
	utilPct     int
	flags       flag
	staleDays   int // >0: last contact this many days ago
	contractEnd int // days from AsOf; 0: drawn
	opened      domain.Date
	live        domain.Date
	survey      string // "nps" or "csat"
	score       int
	comment     string
	lateness    int // typical days late
	added       int // a product taken up lately (a cross-sell conversion), -1: none
	addedAgo    int // … so many days before AsOf
	competitors string
}

func (p *profile) has(f flag) bool { return p.flags&f != 0 }

func (p *profile) sells(prod int) bool {
	for _, x := range p.products {
		if x == prod {
			return true
		}
	}
	return false
}

// scripted is one hand-written account of the default book; each sets up
// particular queue situations (SPEC §7) so a demo shows every kind of item.
type scripted struct {
	name, segment string
	tier          int
	owner         string
	status        string
	beh           behaviour
	terms         int // days; -1 cash
	products      string
	size          sizeClass
	util          utilTarget
	utilPct       int
	flags         flag
	stale         int
	contractEnd   int
	openedAgo     int
	survey        string
	score         int
	comment       string
}

var script = []scripted{
	{"Okafor Haulage Ltd", "Haulage", 1, "adaeze", "active", bSlow, 30, "AGO Fleet", large, uBreach, 112, fBrokenPromise | fEscalationDue, 0, 0, 0, "nps", 5, "Two late deliveries to the Apapa yard this month"},
	{"Lekki Towers Power Services", "Telecom towers", 1, "tunde", "active", bPrompt, 30, "AGO", large, uNormal, 0, fRebates | fQBRNow, 0, 21, 0, "nps", 9, "Reliable night deliveries to the tower sites"},
	{"Adeyemi Construction Co", "Construction", 2, "musa", "active", bPartial, 45, "AGO PMS", medium, uWarn, 92, fPromiseToday | fPromisePartPaid, 0, 0, 0, "", 0, ""},
	{"Kano Agro Allied Ltd", "Agro", 2, "musa", "active", bDelinquent, 30, "AGO PMS", medium, uBreach, 138, fPlanMissed | fEscalationLegal | fReminderAgain, 0, 0, 0, "", 0, ""},
	{"Ikeja Specialist Hospital", "Healthcare", 2, "ngozi", "active", bPrompt, 15, "AGO Rescue", small, uNormal, 0, fFollowToday | fIssueConfirmed, 0, 0, 0, "csat", 5, "Generator diesel always on time"},
	{"Unity Model Schools", "Education", 3, "ngozi", "active", bSlow, 30, "PMS", medium, uNormal, 0, fDisputeQuiet, 47, 0, 0, "", 0, ""},
	{"Lomé Transit Logistique SARL", "Logistics", 2, "tunde", "active", bPrompt, 30, "AGO", large, uNormal, 0, fXOF, 0, 0, 0, "nps", 8, "Border paperwork handled well"},
	{"Eko Cold Chain Logistics", "Logistics", 1, "adaeze", "active", bPrompt, 30, "AGO PMS Fleet", large, uWarn, 86, fODExpiring | fQBRNow | fRebates | fIssueOpen, 0, 0, 0, "csat", 4, ""},
	{"Jos Plateau Mining Ltd", "Mining", 2, "musa", "active", bDisputer, 60, "AGO", large, uNormal, 0, fEscalationDone | fIssuePastSLA | fProblem, 0, 0, 0, "csat", 2, "Short deliveries at the Bukuru site again"},
	{"Sahel Grains & Oil Mills", "Manufacturing", 1, "musa", "active", bPrepay, 30, "AGO PMS", large, uNormal, 0, fRebates, 0, 0, 0, "nps", 7, ""},
	{"Aba Textile Mills Ltd", "Manufacturing", 2, "ngozi", "active", bSlow, 45, "AGO", medium, uWarn, 84, fPromiseTomorrow, 0, 0, 0, "", 0, ""},
	{"Benin Timber & Sawmills", "Manufacturing", 3, "tunde", "active", bSlow, 30, "AGO", small, uNormal, 0, fPromiseNextWeek, 0, 0, 0, "", 0, ""},
	{"Ibadan Pharma Distributors", "Healthcare", 2, "ngozi", "active", bPartial, 30, "AGO Rescue", medium, uNormal, 0, fPartlyKept, 0, 0, 400, "", 0, ""},
	{"Port Harcourt Marine Services", "Logistics", 1, "adaeze", "active", bSlow, 30, "AGO Fleet", large, uNormal, 0, fBrokenFollowed | fFollowPast | fReminderRecent, 0, 55, 0, "", 0, ""},
	{"Abuja Metro Estates", "Construction", 3, "tunde", "active", bPrompt, 30, "PMS", small, uNormal, 0, fFollowFuture, 0, 0, 230, "", 0, ""},
	{"Zaria Poultry Farms", "Agro", 3, "musa", "active", bPrompt, 30, "AGO", small, uNormal, 0, fFollowDone | fNextPast, 0, 0, 0, "", 0, ""},
	{"Onitsha Plastics Industries", "Manufacturing", 2, "ngozi", "active", bPrompt, 30, "AGO PMS", medium, uNormal, 0, fFollowSnoozed | fNextToday, 0, 0, 0, "", 0, ""},
	{"Cross River Cement Works", "Manufacturing", 2, "adaeze", "active", bSlow, 60, "AGO", large, uWarn, 81, fIssueNearSLA | fEscalationOps | fPlanKept, 0, 0, 0, "nps", 6, "Deliveries fine, invoices often wrong"},
	{"Maiduguri Relief Logistics", "Logistics", 3, "musa", "active", bPrompt, 30, "AGO Rescue", small, uNormal, 0, fODLong, 0, 0, 0, "", 0, ""},
	{"Nnewi Auto Parts Ltd", "Manufacturing", 3, "tunde", "active", bPrompt, 15, "PMS Rescue", small, uNormal, 0, fIssueUnconfirmed, 41, 0, 0, "", 0, ""},
	{"Ogun Quarry & Aggregates", "Mining", 2, "adaeze", "active", bPrompt, 30, "AGO", medium, uNormal, 0, fLapsed, 62, 0, 0, "", 0, ""},
	{"Warri Oilfield Catering", "Hospitality", 3, "ngozi", "active", bPrompt, 30, "PMS", small, uNormal, 0, fRenewed, 0, 80, 0, "", 0, ""},
	{"TowerCo West Africa Sites", "Telecom towers", 1, "tunde", "active", bPrompt, 45, "AGO Rescue", large, uNormal, 0, fRebates, 0, 70, 0, "nps", 10, "Best supplier we have for remote sites"},
	{"Kaduna Grain Haulage", "Haulage", 2, "musa", "active", bPrompt, 30, "AGO Fleet", medium, uNormal, 0, 0, 0, 0, 0, "csat", 4, ""},
	{"Lagoon Bottling Company", "Manufacturing", 2, "adaeze", "active", bPartial, 30, "AGO PMS Fleet", medium, uNormal, 0, 0, 0, 0, 0, "", 0, ""},
	{"Greenfield Solar & Power", "Telecom towers", 3, "ngozi", "onboarding", bPrompt, 30, "AGO", small, uNormal, 0, 0, 0, 0, 25, "", 0, ""},
	{"Enugu Coal Logistics", "Mining", 3, "tunde", "onboarding", bPrompt, 30, "AGO", medium, uNormal, 0, 0, 0, 0, 6, "", 0, ""},
	{"Calabar Fisheries Ltd", "Agro", 3, "ngozi", "on-hold", bOnHold, 30, "AGO", small, uWarn, 95, fLapsedMarked, 0, 0, 0, "", 0, ""},
	{"Sokoto Livestock Traders", "Agro", 3, "musa", "churned", bChurned, 30, "AGO", small, uNormal, 0, 0, 0, 0, 0, "", 0, ""},
	{"Mama Titi Kitchens", "Hospitality", 3, "adaeze", "active", bCash, -1, "PMS", small, uNoLimit, 0, 0, 0, 0, 0, "", 0, ""},
}

var productNames = map[string]int{"AGO": pAGO, "PMS": pPMS, "Rescue": pRescue, "Fleet": pFleet}

// scriptedAdded are the scripted accounts that took up a product line
// within the last 12 months: the book's cross-sell conversions.
var scriptedAdded = map[string]struct{ product, ago int }{
	"Kaduna Grain Haulage":        {pFleet, 240}, // fleet management for its 30 trucks
	"Onitsha Plastics Industries": {pPMS, 130},   // the staff buses and the forklifts
}

// scriptedCompetitors are who else supplies some scripted accounts, and at
// what price, as the account manager heard it; {AGO-20} is our own AGO
// price as of AsOf less ₦20 a litre (competitorNotes).
var scriptedCompetitors = map[string]string{
	"Okafor Haulage Ltd":       "Ardova supplies the Kano route at {AGO-20}/L on 45 days; MRS quoted {AGO-30}/L for the Apapa yard last month.",
	"Kano Agro Allied Ltd":     "Buys AGO for cash from a Kano depot at {AGO-55}/L while our account is on stop.",
	"Jos Plateau Mining Ltd":   "TotalEnergies trialled two deliveries at Bukuru at {AGO-8}/L with metered trucks.",
	"Cross River Cement Works": "Dangote's in-house logistics bid for the whole AGO volume; Conoil supplies the Calabar quarry at {AGO-15}/L.",
	"Aba Textile Mills Ltd":    "Rainoil covers the weekends at {AGO+5}/L.",
	"Lagoon Bottling Company":  "11 Plc quoted PMS at {PMS-25}/L delivered; a leasing company quoted Fleet at ₦70,000 a vehicle-month.",
	"Sahel Grains & Oil Mills": "None at present: sole supplier for three years; MRS calls every quarter.",
}

// profile decides account i: a scripted one for the first accounts, drawn otherwise.
func (g *gen) profile(i int) *profile {
	r := g.r
	var p *profile
	if i < len(script) {
		p = g.scriptedProfile(i)
	} else {
		p = g.drawnProfile(i)
	}
	p.idx = i
	p.code = g.reg.code(p.name)
	if p.sales == "" {
		p.sales = pick(r, salespeople)
	}
	if p.opened.IsZero() {
		// Old enough to have two years of trading behind it, or (one in
		// twelve active drawn accounts) signed within the last year: too
		// young for a seasonal forecast.
		p.opened = g.asOf.AddDays(-r.between(740, 3200))
		if i >= len(script) && p.status == "active" && r.chance(0.08) {
			p.opened = g.asOf.AddDays(-r.between(75, 330))
		}
	}
	if p.added >= 0 && p.opened > g.asOf.AddDays(-p.addedAgo-60) {
		p.added = -1 // too young to have bought anything else before
	}
	if p.status != "onboarding" {
		p.live = p.opened.AddDays(r.between(4, 12))
	}
	switch p.beh {
	case bSlow:
		p.lateness = r.between(30, 65)
		if p.has(fDisputeQuiet) {
			// Far enough behind that two invoices fell due weeks ago unpaid (quietDispute).
			p.lateness = r.between(65, 80)
		}
	case bOnHold:
		p.lateness = r.between(80, 100) // the last deliveries before the stop are unpaid
	case bPrompt:
		if p.has(fXOF) {
			p.lateness = 5
		}
	}
	return p
}

func (g *gen) scriptedProfile(i int) *profile {
	s := script[i]
	p := &profile{
		segment: s.segment, tier: s.tier, owner: s.owner, status: s.status, beh: s.beh,
		termsDays: s.terms, cur: "NGN", size: s.size, util: s.util, utilPct: s.utilPct,
		flags: s.flags, staleDays: s.stale, contractEnd: s.contractEnd,
		survey: s.survey, score: s.score, comment: s.comment,
	}
	p.name = g.reg.name(s.name, g.r)
	p.sales = salespeople[i%len(salespeople)]
	p.added = -1
	if x, ok := scriptedAdded[s.name]; ok {
		p.added, p.addedAgo = x.product, x.ago
	}
	p.competitors = scriptedCompetitors[s.name]
	for _, w := range strings.Fields(s.products) {
		p.products = append(p.products, productNames[w])
	}
	if p.has(fXOF) {
		p.cur = "XOF"
	}
	if s.openedAgo > 0 {
		p.opened = g.asOf.AddDays(-s.openedAgo)
	}
	// A big book gives every account exactly N invoices, so nobody can still be onboarding.
	if g.large && p.status == "onboarding" {
		p.status, p.opened = "active", 0
	}
	return p
}

// drawnProfile makes an ordinary account for books larger than the script,
// with the scripted situations sprinkled at low rates.
func (g *gen) drawnProfile(i int) *profile {
	r := g.r
	ind := pick(r, industries)
	base := pick(r, stems) + " " + pick(r, ind.suffixes)
	p := &profile{
		name: g.reg.name(base, r), segment: ind.segment, owner: owners[r.IntN(len(owners))],
		status: "active", cur: "NGN", size: sizeClass(r.weighted(45, 40, 15)),
	}
	p.tier = 1 + r.weighted(20, 45, 35)
	p.added = -1
	p.beh = []behaviour{bPrompt, bSlow, bPartial, bPrepay, bDelinquent, bDisputer, bCash, bChurned, bOnHold}[r.weighted(820, 55, 35, 30, 10, 20, 10, 10, 10)]
	switch p.beh {
	case bChurned:
		p.status = "churned"
	case bOnHold:
		p.status = "on-hold"
	}
	p.termsDays = []int{30, 15, 45, 60}[r.weighted(72, 12, 10, 6)]
	if p.beh == bCash {
		p.termsDays, p.util = -1, uNoLimit
	}
	p.products = []int{pAGO}
	for _, x := range []int{pPMS, pRescue, pFleet} {
		if r.chance(0.3) {
			p.products = append(p.products, x)
		}
	}
	late := p.beh == bSlow || p.beh == bPartial || p.beh == bDelinquent || p.beh == bOnHold
	if p.util != uNoLimit {
		w := []int{90, 5, 3}
		if late {
			w = []int{70, 17, 13}
		}
		p.util = utilTarget(r.weighted(w...))
		if p.util == uWarn {
			p.utilPct = r.between(81, 97)
		} else if p.util == uBreach {
			p.utilPct = r.between(104, 140)
		}
	}
	g.drawFlags(p, late)
	if len(p.products) > 1 && r.chance(0.12) {
		p.added, p.addedAgo = p.products[len(p.products)-1], r.between(45, 330)
	}
	return p
}

// competitorNotes are what drawn accounts say about other suppliers
// (tokens as in scriptedCompetitors).
var competitorNotes = []string{
	"Ardova quoted {AGO-25}/L for the same volume on 30 days.",
	"MRS supplies the second site at {AGO-10}/L; we keep the main yard.",
	"TotalEnergies offered {AGO-35}/L with a 60-day credit line; customer is weighing it.",
	"Buys PMS at the pump for the staff cars; Conoil quoted {PMS-20}/L delivered.",
	"NNPC Retail supplies the generators at {AGO-40}/L, cash only.",
	"Rainoil tops up when our trucks are late, at {AGO+10}/L.",
	"Oando's fleet card covers the pool cars; our Fleet quote is with the MD.",
}

// drawFlags sprinkles queue situations over drawn accounts, in proportion.
func (g *gen) drawFlags(p *profile, late bool) {
	r := g.r
	active := p.status == "active"
	set := func(f flag, prob float64) {
		if r.chance(prob) {
			p.flags |= f
		}
	}
	if late && active {
		switch r.weighted(3, 2, 2, 2, 3, 88) {
		case 0:
			p.flags |= fBrokenPromise
		case 1:
			p.flags |= fPartlyKept
		case 2:
			p.flags |= fPromiseToday
		case 3:
			p.flags |= fPromiseTomorrow
		case 4:
			p.flags |= fPromiseNextWeek
		}
		set(fBrokenFollowed, 0.05)
		set(fEscalationDue, 0.2)
		set(fEscalationLegal, 0.05)
	}
	if p.beh == bDisputer || r.chance(0.05) {
		set(fEscalationDone, 0.7)
	}
	set(fEscalationOps, 0.03)
	if active {
		switch r.weighted(2, 2, 3, 2, 2, 2, 2, 85) {
		case 0:
			p.flags |= fFollowToday
		case 1:
			p.flags |= fFollowPast
		case 2:
			p.flags |= fFollowFuture
		case 3:
			p.flags |= fFollowDone
		case 4:
			p.flags |= fFollowSnoozed
		case 5:
			p.flags |= fNextPast
		case 6:
			p.flags |= fNextToday
		}
		switch r.weighted(1, 1, 2, 3, 2, 91) {
		case 0:
			p.flags |= fIssuePastSLA
		case 1:
			p.flags |= fIssueNearSLA
		case 2:
			p.flags |= fIssueOpen
		case 3:
			p.flags |= fIssueConfirmed
		case 4:
			p.flags |= fIssueUnconfirmed
		}
		if r.chance(0.08) {
			p.staleDays = r.between(35, 90)
		}
	}
	set(fRebates, 0.25)
	if p.util == uWarn && r.chance(0.1) {
		p.flags |= fODExpiring
	} else {
		set(fODLong, 0.02)
	}
	if p.tier == 1 {
		set(fQBRNow, 0.5)
	}
	if r.chance(0.1) {
		if r.chance(0.6) {
			p.survey, p.score = "nps", r.between(3, 10)
		} else {
			p.survey, p.score = "csat", r.between(2, 5)
		}
	}
}
