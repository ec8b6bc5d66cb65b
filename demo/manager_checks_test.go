package demo_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
	"acctdesk/store"
)

// These read one account's facts the way the §10 reports will (SPEC §10.1–
// §10.9), written here from the SPEC so that the demo is checked against
// the rules rather than against itself.

var hundred = decimal.NewFromInt(100)

// checkContracts: SPEC §10.1 statuses and the renewal horizon.
func checkContracts(t *testing.T, A domain.Date, set domain.Settings, x *domain.Facts, saw func(string, bool)) {
	a := x.Account
	cs := x.Contracts
	onTimeline := slices.ContainsFunc(x.Touches, func(tc domain.Touch) bool { return tc.KindName() == domain.KindContract })
	for _, k := range cs {
		if err := k.Validate(); err != nil {
			t.Errorf("%s contract %s: %v", a.Code, k.ID, err)
		}
		next := slices.IndexFunc(cs, func(n domain.Contract) bool { return n.ID != k.ID && n.Start == k.End.AddDays(1) && n.End > k.End })
		saw("contract ending within the horizon", k.Status == domain.ContractActive && set.Thresholds.RenewalDue(k.End, A))
		saw("contract ended without renewal", k.Status == domain.ContractActive && k.End < A && next < 0)
		switch k.Status {
		case domain.ContractRenewed:
			if next < 0 || !onTimeline {
				t.Errorf("%s: contract %s renewed, but no contract follows it or no entry says so", a.Code, k.ID)
				continue
			}
			saw("contract renewed", cs[next].Status == domain.ContractActive)
		case domain.ContractLapsed:
			saw("contract lapsed (status)", k.End < A && next < 0 && onTimeline)
		case domain.ContractTerminated:
			saw("churned account's contract terminated", a.Status == domain.StatusChurned && k.End == a.StatusSince && onTimeline)
		}
	}
}

// checkDecisions: SPEC §10.2. Each decision's utilisation after is net AR
// as of its day over the limit and the overdraft then in force — the limit
// of the latest limit decision on or before it (the account's own limit
// when there is none), the overdraft of the latest overdraft decision on or
// before it that has not expired — rounded half away from zero to one
// decimal; over 100 % it is confirmed. The latest decisions leave the
// account's limit and overdraft as they are.
func checkDecisions(t *testing.T, A domain.Date, set domain.Settings, x *domain.Facts, saw func(string, bool), touched func(*domain.Facts, string, domain.Date) bool) {
	a := x.Account
	in := func(field string, on domain.Date) (domain.CreditDecision, bool) {
		var last domain.CreditDecision
		ok := false
		for _, d := range x.Decisions {
			if d.Field == field && d.On <= on {
				last, ok = d, true
			}
		}
		return last, ok
	}
	for _, d := range x.Decisions {
		if err := d.Validate(); err != nil {
			t.Errorf("%s decision %+v: %v", a.Code, d, err)
		}
		if d.On >= A || d.Currency != a.Currency || d.Stamp.By == "" || !touched(x, domain.KindCreditDecision, d.On) {
			t.Errorf("%s decision %+v: want it before the as-of date, in the account's currency, stamped and on the timeline", a.Code, d)
		}
		limit := a.CreditLimit
		if l, ok := in(domain.FieldCreditLimit, d.On); ok {
			limit = l.New
		}
		od := decimal.Zero
		if o, ok := in(domain.FieldOverdraft, d.On); ok && o.NewExpires >= d.On {
			od = o.New
		}
		sum := domain.Summarize(x, d.On, set)
		ar := sum.AR()
		want := ar.Mul(hundred).DivRound(limit.Add(od), 1)
		if !d.HasUtilisation || !d.UtilisationAfter.Equal(want) || d.ConfirmedOver != ar.GreaterThan(limit.Add(od)) {
			t.Errorf("%s decision on %s: utilisation after %s (confirmed over %v), want %s = %s × 100 ÷ (%s + %s)",
				a.Code, d.On, d.UtilisationAfter, d.ConfirmedOver, want, ar, limit, od)
		}
		saw("limit raised", d.Field == domain.FieldCreditLimit && d.New.GreaterThan(d.Old) && d.Reason != "" && d.ApprovedBy != "")
		saw("decision confirmed over 100 %", d.ConfirmedOver && d.UtilisationAfter.GreaterThan(hundred))
	}
	if l, ok := in(domain.FieldCreditLimit, A); ok && !l.New.Equal(a.CreditLimit) {
		t.Errorf("%s: the last limit decision leaves %s, the account has %s", a.Code, l.New, a.CreditLimit)
	}
	o, ok := in(domain.FieldOverdraft, A)
	switch {
	case a.Overdraft.Amount.IsPositive() && (!ok || !o.New.Equal(a.Overdraft.Amount) || o.NewExpires != a.Overdraft.Expires || o.ApprovedBy != a.Overdraft.ApprovedBy):
		t.Errorf("%s: overdraft %+v, its decision %+v", a.Code, a.Overdraft, o)
	case a.Overdraft.Amount.IsPositive():
		saw("overdraft expiring within 7 days with its decision", a.Overdraft.Expires >= A && a.Overdraft.Expires <= A.AddDays(7))
	}
}

// checkIssues: SPEC §10.3.
func checkIssues(t *testing.T, A domain.Date, x *domain.Facts, saw func(string, bool), touched func(*domain.Facts, string, domain.Date) bool) {
	for _, s := range x.Issues {
		if err := s.Validate(); err != nil {
			t.Errorf("%s issue %+v: %v", s.Account, s, err)
		}
		resolved := s.Status == domain.IssueResolved
		if !touched(x, domain.KindIssue, s.Opened) || resolved && (!touched(x, domain.KindIssueResolved, s.ResolvedOn) || s.Recap == "") {
			t.Errorf("%s issue %+v: want its opening and resolution on the timeline, and a recap when resolved", s.Account, s)
		}
		saw("issue kind "+s.Kind, true)
		saw("open issue", !resolved)
		saw("resolved issue", resolved)
		saw("issue within SLA", resolved && s.ResolvedOn <= s.SLADeadline)
		saw("issue past SLA", resolved && s.ResolvedOn > s.SLADeadline || !resolved && s.SLADeadline < A)
		saw("resolved, confirmed in writing", resolved && s.ConfirmedInWriting)
		saw("resolved, not confirmed", resolved && !s.ConfirmedInWriting)
		saw("problem record in progress", s.Status == domain.IssueInProgress && s.Summary != "" && s.KPI != "" && s.KPITarget != "" &&
			slices.ContainsFunc(s.Steps, func(st domain.Step) bool { return st.Done }) && len(domain.StepsDue(s.Steps, A)) > 0)
	}
}

// checkRebates: SPEC §10.4 for every quarter of every contract with a scheme
// up to A — the quantity (or amount) invoiced in the quarter, inside the
// contract's dates, the highest step at or under it, its rate on the
// quarter's amount rounded half away from zero or per unit — against the
// RB-<contract>-<period> credit notes: what is credited is the rebate;
// recent quarters (overlapping the 12 months ending A) show some credited
// and some due; a scheme's last five finished quarters both reach a paying
// step and stay under it.
func checkRebates(t *testing.T, A domain.Date, x *domain.Facts, saw func(string, bool)) {
	a, l := x.Account, &x.Ledger
	notes := map[string]decimal.Decimal{}
	for _, n := range x.RebateNotes {
		notes[n.Number] = notes[n.Number].Add(n.Amount)
	}
	named := map[string]bool{}
	for _, k := range x.Contracts {
		sc := k.Rebate
		if sc.IsZero() {
			continue
		}
		type quarter struct{ earns, finished bool }
		var qs []quarter
		for q := k.Start.QuarterStart(); q <= k.End && q <= A; q = q.AddMonths(3) {
			from, to := max(q, k.Start), min(q.QuarterEnd(), k.End, A)
			qty, amt := decimal.Zero, decimal.Zero
			for i, v := range l.Invoices {
				if v.Issued >= from && v.Issued <= to {
					qty = qty.Add(l.InvoiceQuantity(i))
					amt = amt.Add(decimal.New(v.Amount, l.Exp))
				}
			}
			basis := qty
			if sc.Basis == domain.RebateAmount {
				basis = amt
			}
			var step *domain.VolumeTier
			for i := range sc.Tiers {
				if basis.GreaterThanOrEqual(sc.Tiers[i].From) {
					step = &sc.Tiers[i]
				}
			}
			rebate := decimal.Zero
			switch {
			case step == nil:
			case step.PerUnit.IsPositive():
				rebate = qty.Mul(step.PerUnit)
			default:
				rebate = amt.Mul(step.Percent).Div(hundred).Round(a.Currency.Places())
			}
			number := "RB-" + k.ID + "-" + domain.QuarterName(q)
			named[number] = true
			credited := notes[number]
			finished := to < A && (to == q.QuarterEnd() || to == k.End)
			recent := q.QuarterEnd() >= A.AddDays(-364)
			if credited.IsPositive() && !credited.Equal(rebate) {
				t.Errorf("%s %s: credited %s, the rebate is %s", a.Code, number, credited, rebate)
			}
			saw("rebate credited", recent && credited.IsPositive())
			saw("rebate due", recent && finished && rebate.IsPositive() && credited.IsZero())
			saw("rebate period below the first step", finished && rebate.IsZero())
			if finished && to == q.QuarterEnd() && from == q {
				qs = append(qs, quarter{rebate.IsPositive(), finished})
			}
		}
		qs = qs[max(0, len(qs)-5):]
		saw("scheme crossing a step and below it in recent quarters",
			slices.ContainsFunc(qs, func(q quarter) bool { return q.earns }) && slices.ContainsFunc(qs, func(q quarter) bool { return !q.earns }))
	}
	for n := range notes {
		if !named[n] {
			t.Errorf("%s: rebate credit note %s names no period of a contract with a scheme", a.Code, n)
		}
	}
}

// productsAt are the distinct products invoiced in the 12 months ending d (SPEC §10.5).
func productsAt(l *domain.Ledger, d domain.Date) []string {
	var out []string
	for i, v := range l.Invoices {
		if p := l.InvoiceProduct(i); v.Issued > d.AddDays(-365) && v.Issued <= d && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// checkProducts: SPEC §10.5 and §2's cross-sell conversion over the 12
// months ending A (single-product as of A − 365, multi-product as of A).
func checkProducts(t *testing.T, A domain.Date, x *domain.Facts, saw func(string, bool)) {
	a := x.Account
	if a.Status == domain.StatusChurned {
		return
	}
	now, before := productsAt(&x.Ledger, A), productsAt(&x.Ledger, A.AddDays(-365))
	saw("single-product account", len(now) == 1)
	saw("multi-product account", len(now) > 1)
	saw("cross-sell conversion", len(before) == 1 && len(now) > 1 && strings.HasPrefix(a.ExpansionNotes, "Took up "))
	saw("expansion notes on a single-product account", len(now) == 1 && a.ExpansionNotes != "")
	for _, p := range now {
		if !slices.Contains(a.Products, p) {
			t.Errorf("%s invoiced %s, which its products %v do not list", a.Code, p, a.Products)
		}
	}
}

// checkSurveys: SPEC §10.8 and §2's NPS bands, on the latest score and its
// trend against the one before.
func checkSurveys(x *domain.Facts, saw func(string, bool)) {
	by := map[string][]domain.Survey{}
	for _, s := range x.Surveys {
		by[s.Kind] = append(by[s.Kind], s)
	}
	for kind, ss := range by {
		slices.SortFunc(ss, func(p, q domain.Survey) int { return int(p.On - q.On) })
		last := ss[len(ss)-1]
		if kind == "csat" {
			saw("CSAT over time", len(ss) >= 3)
			continue
		}
		saw("NPS promoter", last.Score >= 9)
		saw("NPS passive", last.Score == 7 || last.Score == 8)
		saw("NPS detractor", last.Score <= 6)
		if len(ss) >= 2 {
			saw("NPS trending up", last.Score > ss[len(ss)-2].Score)
			saw("NPS trending down", last.Score < ss[len(ss)-2].Score)
		}
	}
}

// checkSeasons: SPEC §10.6's history — two years of it (23 complete months
// or more before the as-of month), account-products younger than a year
// (forecast by the average), and the book's seasons over the last 12
// complete months: AGO's dry-season months (November to March) over 1.2 ×
// its rainy ones (June to September), PMS's December over 1.2 × the mean of
// the other months (the demo's seasons are 1.4 × and 1.6 ×; deliveries
// counted in whole trucks make the rest).
func checkSeasons(A domain.Date, page store.FactsPage, saw func(string, bool)) {
	m0 := A.MonthStart()
	book := map[string]map[domain.Date]decimal.Decimal{"AGO": {}, "PMS": {}}
	for _, x := range page.Facts {
		first := map[string]domain.Date{}
		for i, v := range x.Ledger.Invoices {
			p := x.Ledger.InvoiceProduct(i)
			if m := v.Issued.MonthStart(); v.Issued <= A && (first[p].IsZero() || m < first[p]) {
				first[p] = m
			}
			if m := v.Issued.MonthStart(); book[p] != nil && m < m0 && m >= m0.AddMonths(-12) {
				book[p][m] = book[p][m].Add(x.Ledger.InvoiceQuantity(i))
			}
		}
		for _, f := range first {
			saw("24 months of volume", f <= m0.AddMonths(-23))
			saw("young account-product (average forecast)", f < m0 && f > m0.AddMonths(-12))
		}
	}
	mean := func(p string, keep func(time.Month) bool) decimal.Decimal {
		s, n := decimal.Zero, 0
		for m, q := range book[p] {
			if _, mo, _ := m.Parts(); keep(mo) {
				s, n = s.Add(q), n+1
			}
		}
		if n == 0 {
			return decimal.Zero
		}
		return s.Div(decimal.NewFromInt(int64(n)))
	}
	dry := mean("AGO", func(m time.Month) bool { return m >= time.November || m <= time.March })
	wet := mean("AGO", func(m time.Month) bool { return m >= time.June && m <= time.September })
	saw("AGO high in the dry season", dry.GreaterThan(wet.Mul(decimal.RequireFromString("1.2"))))
	dec := mean("PMS", func(m time.Month) bool { return m == time.December })
	rest := mean("PMS", func(m time.Month) bool { return m != time.December })
	saw("PMS peaking in December", dec.GreaterThan(rest.Mul(decimal.RequireFromString("1.2"))))
}
