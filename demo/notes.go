package demo

import (
	"strconv"
	"strings"

	"acctdesk/domain"
)

// pitch is what the account manager offers an account that does not buy a product.
var pitch = [...]string{
	pAGO:    "AGO for the generators and site plant",
	pPMS:    "PMS for the pool cars and staff buses",
	pRescue: "Rescue cover for the vehicles on the road",
	pFleet:  "Fleet maintenance for its vehicles",
}

var nextSteps = []string{
	"the MD asked for a quote after the last visit.",
	"operations manager keen, procurement wants two quotes.",
	"revisit at the next QBR.",
	"trial offered for one month.",
}

// pitchOrder is what each segment is likeliest to buy next, first.
var pitchOrder = map[string][]int{
	"Haulage":        {pFleet, pRescue, pPMS, pAGO},
	"Logistics":      {pFleet, pRescue, pPMS, pAGO},
	"Telecom towers": {pRescue, pFleet, pPMS, pAGO},
	"Mining":         {pRescue, pFleet, pPMS, pAGO},
	"Construction":   {pPMS, pRescue, pFleet, pAGO},
	"Manufacturing":  {pPMS, pFleet, pRescue, pAGO},
	"Agro":           {pPMS, pFleet, pRescue, pAGO},
	"Healthcare":     {pPMS, pRescue, pFleet, pAGO},
	"Education":      {pAGO, pFleet, pPMS, pRescue},
	"Hospitality":    {pAGO, pPMS, pFleet, pRescue},
}

// nextProducts are the products the account does not buy, likeliest first.
func (a *acct) nextProducts() []int {
	order, ok := pitchOrder[a.p.segment]
	if !ok {
		order = []int{pPMS, pRescue, pFleet, pAGO}
	}
	var out []int
	for _, x := range order {
		if !a.p.sells(x) {
			out = append(out, x)
		}
	}
	return out
}

// expansionNotes say what else the account could buy (the likeliest two),
// and for a recent convert what it took up; "" for an account that buys
// everything.
func (a *acct) expansionNotes() string {
	p := a.p
	var missing []string
	for _, x := range a.nextProducts() {
		if len(missing) < 2 {
			missing = append(missing, pitch[x])
		}
	}
	var b strings.Builder
	if p.added >= 0 {
		b.WriteString("Took up " + products[p.added].name + " in " + a.since[p.added].Format("January 2006") + ". ")
	}
	switch {
	case len(missing) == 0 && b.Len() == 0:
		return ""
	case len(missing) == 0:
		b.WriteString("Buys every product line; next: volume growth.")
	case len(p.products) == 1:
		b.WriteString(products[p.products[0]].name + " only: pitch " + joinAnd(missing) + "; " + pick(a.m, nextSteps))
	default:
		b.WriteString("Next: " + joinAnd(missing) + ".")
	}
	return b.String()
}

func joinAnd(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// competition: about one drawn account in seven says who else supplies it.
func (a *acct) competition() {
	if !a.scripted() && a.p.status != "onboarding" && a.m.chance(0.15) {
		a.p.competitors = pick(a.m, competitorNotes)
	}
}

// competitorNote fills a competitor note's price tokens: {AGO-20} is our
// AGO list price for the account as of AsOf less ₦20 a litre, written
// ₦1,226.
func (a *acct) competitorNote(tmpl string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		j := strings.IndexByte(tmpl, '}')
		if i < 0 || j < i {
			b.WriteString(tmpl)
			return b.String()
		}
		b.WriteString(tmpl[:i])
		tok := tmpl[i+1 : j]
		tmpl = tmpl[j+1:]
		prod := pAGO
		if strings.HasPrefix(tok, "PMS") {
			prod = pPMS
		}
		delta, _ := strconv.Atoi(tok[3:])
		price := a.listPrice(prod, a.asOf)/a.unit + int64(delta)
		b.WriteString(a.p.cur.Symbol() + domain.Grouped(strconv.FormatInt(price, 10)))
	}
}
