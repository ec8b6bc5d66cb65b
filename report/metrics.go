package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"acctdesk/domain"
)

// Metrics (SPEC §11.1): the book's figures over --period (default 12m),
// one row per group and currency, by group then currency. A group is the
// book, or with --by an owner, a tier or a segment. Each account keeps its
// part of the figures (domain.KPIPeriod.Of: sums and counts from its
// facts); the parts add up per group and currency, and the figures are
// ratios of the sums.

// Groupings of report metrics (--by).
const (
	ByOwner   = "owner"
	ByTier    = "tier"
	BySegment = "segment"
)

// byWords are the words --by takes, per report that groups by it.
var byWords = map[string][]string{"metrics": {ByOwner, ByTier, BySegment}}

// ByWords are the words --by takes for a report; nil when it takes none.
func ByWords(name string) []string { return byWords[name] }

// metricsColumns are the report's columns (SPEC §11.1; the dashboard reads
// the book's row by these keys).
var metricsColumns = strings.Split("group,currency,revenue,nrr_pct,grr_pct,logo_churn_pct,cross_sell_conversion_pct,"+
	"bad_debt_pct,dso,countback_dso,best_possible_dso,add,cei_pct,avg_days_late,promise_kept_pct,nps,csat", ",")

type metricsPart struct {
	group string
	cur   domain.Currency
	kpi   domain.KPI
}

// metricsGroup is the account's group: book, owner:NAME, tier:N or segment:S.
func metricsGroup(by string, a *domain.Account) string {
	switch by {
	case ByOwner:
		return "owner:" + a.Owner
	case ByTier:
		return "tier:" + strconv.Itoa(a.Tier)
	case BySegment:
		return "segment:" + a.Segment
	}
	return "book"
}

func metricsAccount(in Input, set domain.Settings, x *domain.Facts) any {
	if in.skip(x) {
		return nil
	}
	k := kpiPeriod(in, set)
	return &metricsPart{metricsGroup(in.By, &x.Account), x.Account.Currency, k.Of(x)}
}

// kpiPeriod is the report's metrics period. Every account of a report
// asks for the same one, and working out its countback months costs more
// than an account's part: the last one is kept.
func kpiPeriod(in Input, set domain.Settings) *domain.KPIPeriod {
	key := periodKey{in.period(), in.AsOf, set.DSOPeriodDays, set.Thresholds.PromiseGraceDays}
	if c := lastPeriod.Load(); c != nil && c.key == key {
		return &c.k
	}
	c := &cachedPeriod{key, domain.NewKPIPeriod(key.p, key.asOf, set)}
	lastPeriod.Store(c)
	return &c.k
}

type periodKey struct {
	p          domain.Period
	asOf       domain.Date
	dso, grace int
}

type cachedPeriod struct {
	key periodKey
	k   domain.KPIPeriod
}

var lastPeriod atomic.Pointer[cachedPeriod]

func metricsTable(in Input, set domain.Settings, parts []any) *Table {
	t := &Table{}
	for _, k := range metricsColumns {
		kind := Percent
		switch {
		case k == "group" || k == "currency":
			kind = Text
		case k == "revenue":
			kind = Money
		case k == "nps" || k == "csat":
			kind = Number
		case !strings.HasSuffix(k, "_pct"):
			kind = Days
		}
		t.Columns = append(t.Columns, Column{Key: k, Kind: kind})
	}
	type key struct {
		group string
		cur   domain.Currency
	}
	sums := map[key]*domain.KPI{}
	var keys []key
	for _, part := range parts {
		p, ok := part.(*metricsPart)
		if !ok {
			continue
		}
		k := key{p.group, p.cur}
		s, ok := sums[k]
		if !ok {
			s = &domain.KPI{}
			sums[k] = s
			keys = append(keys, k)
		}
		s.Add(&p.kpi)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(strings.Compare(a.group, b.group), strings.Compare(string(a.cur), string(b.cur)))
	})
	period := kpiPeriod(in, set)
	for _, k := range keys {
		f := sums[k].Figures(period)
		row := []Cell{T(k.group), T(string(k.cur)), money(f.Revenue, k.cur)}
		for _, x := range []domain.Figure{f.NRR, f.GRR, f.LogoChurn, f.CrossSell, f.BadDebt, f.DSO, f.Countback, f.BestDSO, f.ADD,
			f.CEI, f.DaysLate, f.PromiseKept, f.NPS, f.CSAT} {
			row = append(row, T(x.String()))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func init() {
	docs["metrics"] = doc{"the book's metrics over --period P (default 12m, the 12 months ending the date): one row per group " +
		"and currency, sorted by group then currency; the group is book, or with --by owner|tier|segment owner:NAME, tier:N " +
		"or segment:S (the account's current one). The period starts on S and ends on E, its last day or the as-of date when " +
		"that is earlier (a period must have begun by the as-of date). One decimal, rounded half away from zero; empty when a figure has no base. Counts (conversion, " +
		"promises, NPS, CSAT) are over the group's accounts of the currency. An account is active on a date when opened on or " +
		"before it (no opening date: opened) and not churned by it (status churned with status_since on or before it; a " +
		"churned account without status_since churned before any date)", map[string]string{
		"group":    "book, owner:NAME, tier:N or segment:S",
		"currency": "the accounts' currency (never added across)",
		"revenue":  "invoiced in [S, E], by issue date",
		"nrr_pct": "net revenue retention: the revenue of the 12 months ending E (E − 364 … E) of the accounts that had revenue " +
			"in the 12 months before (E − 729 … E − 365), ÷ their revenue then × 100",
		"grr_pct": "gross revenue retention: as nrr_pct with each account's later revenue capped at its earlier revenue",
		"logo_churn_pct": "accounts active on S whose status_since as churned falls in [S, E] ÷ accounts active on S × 100 " +
			"(one churned on S itself was not active on S)",
		"cross_sell_conversion_pct": "accounts single-product on S − 1 that are multi-product on E ÷ those single-product on " +
			"S − 1 × 100; an account's products on a date: those invoiced to it in the 12 months ending it (report cross-sell)",
		"bad_debt_pct": "write-off credit notes dated in [S, E] ÷ revenue × 100",
		"dso": "as of E: net AR (outstanding − unapplied) ÷ the invoices issued in the DSO period ending E (book settings, " +
			"90 days) × its days; empty when those sales are zero",
		"countback_dso": "as of E: net AR walked back month by month from E, each month whose sales the AR still covers " +
			"adding its days, the month that covers the rest its share; at most 24 months; empty without sales in them",
		"best_possible_dso": "dso with the current (not yet due) AR only",
		"add":               "average days delinquent: dso − best_possible_dso (each unrounded)",
		"cei_pct": "collection effectiveness over [S, E]: (opening AR + revenue − closing AR) ÷ (opening AR + revenue − " +
			"closing current AR) × 100, opening as of S − 1, closing as of E (net AR)",
		"avg_days_late": "amount-weighted days from due date to the day paid in full (floored at 0) over the invoices " +
			"settled in [S, E], and the invoices open and overdue on E counted with E as the day paid",
		"promise_kept_pct": "promises due in [S, E − grace] (book settings, 3 days) kept ÷ those kept, partly kept or " +
			"broken (as of E) × 100; one still open on E is in neither",
		"nps":  "of the NPS scores dated in [S, E]: % 9–10 − % 0–6",
		"csat": "the mean of the CSAT scores dated in [S, E]",
	}}
}
