package domain

import (
	"github.com/shopspring/decimal"
)

// The metrics of a period (SPEC §11.1, formulas §2), from facts. A period
// starts on S and ends on E, its last day or the as-of date when that is
// earlier. Each account's facts reduce to a KPI (KPIPeriod.Of) that keeps
// the sums and counts the figures are ratios of; the KPIs of a group of
// accounts of one currency add up (KPI.Add), and the group's figures are
// worked out once from the sums (KPI.Figures). A report thus keeps one
// small part per account, never its documents.

// CountbackMonths bounds the countback walk (CountbackDSO): AR older than
// two years of sales adds nothing more.
const CountbackMonths = 24

// KPIPeriod is what a metrics period reads: its dates and the book's
// settings that the figures depend on.
type KPIPeriod struct {
	S, E    Date // first day; last day or the as-of date, whichever is earlier
	DSODays int  // the DSO period (book settings, 90 days by default)
	Grace   int  // the promise grace (book settings, 3 days)
	period  Period
	asOf    Date
	// starts[m] is the day before the m-th month of the countback walk
	// from E: month 0 is (starts[0], E], month m is (starts[m], starts[m−1]].
	starts [CountbackMonths]Date
}

// NewKPIPeriod is the metrics period p as of asOf, with the book's settings.
func NewKPIPeriod(p Period, asOf Date, set Settings) KPIPeriod {
	k := KPIPeriod{S: p.From, E: min(p.To, asOf), DSODays: set.DSOPeriodDays, Grace: set.Thresholds.PromiseGraceDays, period: p, asOf: asOf}
	copy(k.starts[:], countbackStarts(k.E, CountbackMonths))
	return k
}

// ActiveAt reports whether the account was active on d (SPEC §11.1): opened
// on or before d (an account with no opening date counts as opened), and not
// churned by d — status churned with status_since on or before d (a churned
// account with no status_since churned before any date).
func ActiveAt(a Account, d Date) bool {
	return a.OpenedOn <= d && !(a.Status == StatusChurned && a.StatusSince <= d)
}

// KPI is what the metrics add up: one account's part of them, or the sum of
// a group's parts (Add). Amounts are in the group's one currency.
type KPI struct {
	Accounts int
	Revenue  Sum // invoiced in [S, E]
	// Retention (NRR, GRR): the revenue of the 12 months before the 12
	// ending E (E − 729 … E − 365) of the accounts that had some, their
	// revenue in the 12 months ending E (E − 364 … E), and that capped per
	// account at its earlier revenue.
	Earlier, Later, Capped Sum
	// Logo churn: accounts active at S, and of those the ones whose
	// status_since as churned falls in [S, E].
	ActiveAtStart, Churned int
	Conversion             Conversion // cross-sell: products at S − 1 and at E
	WrittenOff             Sum        // write-off credit notes dated in [S, E]
	// As of E: net AR (total − unapplied), its current (not yet due) part,
	// the sales of the DSO period ending E, and the sales of each month of
	// the countback walk from E.
	AR, CurrentAR, DSOSales Sum
	MonthSales              [CountbackMonths]Sum
	Opening                 Sum // net AR as of S − 1 (CEI)
	// Average days late: Σ amount × days late, and Σ amount, over the
	// invoices settled in [S, E] and those open and overdue as of E.
	LateWeighted, LateWeight Sum
	// Promises due in [S, E − grace]: kept, and kept, partly kept or broken
	// (as of E).
	PromisesKept, PromisesSettled int
	// Surveys dated in [S, E]: NPS promoters (9–10), detractors (0–6) and
	// all NPS scores; the CSAT scores' total and count.
	Promoters, Detractors, NPSScores int
	CSATTotal, CSATScores            int
}

// Of is the account's part of the period's metrics.
func (k *KPIPeriod) Of(x *Facts) KPI {
	l := &x.Ledger
	m := KPI{Accounts: 1}
	S, E := k.S, k.E

	var earlier, later Sum
	earlyFrom, earlyTo, lateFrom := E.AddDays(-729), E.AddDays(-365), E.AddDays(-364)
	dsoFrom := E.AddDays(1 - k.DSODays)
	walkFrom := k.starts[CountbackMonths-1]
	for _, inv := range l.Invoices {
		d := inv.Issued
		if d > E {
			continue
		}
		if d >= S {
			l.add(&m.Revenue, inv.Amount)
		}
		switch {
		case d >= lateFrom:
			l.add(&later, inv.Amount)
		case d >= earlyFrom && d <= earlyTo:
			l.add(&earlier, inv.Amount)
		}
		if d >= dsoFrom {
			l.add(&m.DSOSales, inv.Amount)
		}
		if d > walkFrom {
			l.add(&m.MonthSales[k.month(d)], inv.Amount)
		}
	}
	if e := earlier.Decimal(); e.IsPositive() {
		m.Earlier, m.Later = earlier, later
		if later.Decimal().GreaterThan(e) {
			m.Capped = earlier
		} else {
			m.Capped = later
		}
	}

	a := x.Account
	if ActiveAt(a, S) {
		m.ActiveAtStart = 1
		if a.Status == StatusChurned && a.StatusSince >= S && a.StatusSince <= E {
			m.Churned = 1
		}
	}
	m.Conversion.Add(l, k.period, k.asOf)

	writeOff := CreditKindOf("write-off")
	for i, c := range l.Credits {
		if c.On > E {
			break
		}
		if c.On >= S && l.Kinds[i] == writeOff {
			l.add(&m.WrittenOff, c.Amount)
		}
	}

	sc := scratch.Get().(*Scratch)
	defer scratch.Put(sc)
	ap := l.Apply(E, sc)
	for i, owed := range ap.Owed {
		if owed > 0 {
			l.add(&m.AR, owed)
			if l.Invoices[i].Due >= E {
				l.add(&m.CurrentAR, owed)
			}
		}
	}
	if ap.exact {
		l.add(&m.AR, -ap.unapplied)
	} else {
		m.AR.Add(ap.Unapplied.Neg())
	}
	l.addNetAR(&m.Opening, S.AddDays(-1))
	m.LateWeighted, m.LateWeight = l.DaysLateWeights(ap, S)

	for _, p := range x.Promises {
		if p.DueOn < S || p.DueOn > E.AddDays(-k.Grace) {
			continue
		}
		switch PromiseStatus(p, l, E, k.Grace).Status {
		case PromiseKept:
			m.PromisesKept++
			m.PromisesSettled++
		case PromisePartlyKept, PromiseBroken:
			m.PromisesSettled++
		}
	}

	for _, s := range x.Surveys {
		if s.On < S || s.On > E {
			continue
		}
		switch s.Kind {
		case SurveyNPS:
			m.NPSScores++
			switch {
			case s.Score >= 9:
				m.Promoters++
			case s.Score <= 6:
				m.Detractors++
			}
		case SurveyCSAT:
			m.CSATScores++
			m.CSATTotal += s.Score
		}
	}
	return m
}

// month is the countback month an invoice issued on d (in the walk) falls in.
func (k *KPIPeriod) month(d Date) int {
	lo, hi := 0, CountbackMonths-1 // starts descend: the first m with starts[m] < d
	for lo < hi {
		mid := (lo + hi) / 2
		if k.starts[mid] < d {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// addNetAR adds net AR as of d to s (Ledger.NetAR), in the ledger's units.
func (l *Ledger) addNetAR(s *Sum, d Date) {
	for _, x := range l.Invoices {
		if x.Issued <= d {
			l.add(s, x.Amount)
		}
	}
	for _, c := range l.Credits {
		if c.On > d {
			break
		}
		l.add(s, -c.Amount)
	}
}

// Add adds another part (of the same currency) to k.
func (k *KPI) Add(o *KPI) {
	k.Accounts += o.Accounts
	for _, p := range []struct{ to, from *Sum }{
		{&k.Revenue, &o.Revenue}, {&k.Earlier, &o.Earlier}, {&k.Later, &o.Later}, {&k.Capped, &o.Capped},
		{&k.WrittenOff, &o.WrittenOff}, {&k.AR, &o.AR}, {&k.CurrentAR, &o.CurrentAR}, {&k.DSOSales, &o.DSOSales},
		{&k.Opening, &o.Opening}, {&k.LateWeighted, &o.LateWeighted}, {&k.LateWeight, &o.LateWeight},
	} {
		p.to.addSum(p.from)
	}
	for i := range k.MonthSales {
		k.MonthSales[i].addSum(&o.MonthSales[i])
	}
	k.ActiveAtStart += o.ActiveAtStart
	k.Churned += o.Churned
	k.Conversion.Single += o.Conversion.Single
	k.Conversion.Converted += o.Conversion.Converted
	k.PromisesKept += o.PromisesKept
	k.PromisesSettled += o.PromisesSettled
	k.Promoters += o.Promoters
	k.Detractors += o.Detractors
	k.NPSScores += o.NPSScores
	k.CSATTotal += o.CSATTotal
	k.CSATScores += o.CSATScores
}

// addSum adds another sum to s, exactly.
func (s *Sum) addSum(o *Sum) {
	if o.have {
		s.AddInt(o.acc, o.exp)
	}
	if o.big {
		s.spill(o.rest)
	}
}

// Figure is one metric, unrounded; OK is false when it is undefined (it has
// no base: no revenue, no account active at the start, no sales, …).
type Figure struct {
	Value decimal.Decimal
	OK    bool
}

// String is the figure rounded half away from zero to one decimal, "" when
// undefined.
func (f Figure) String() string {
	if !f.OK {
		return ""
	}
	return f.Value.Round(1).StringFixed(1)
}

func figure(v decimal.Decimal, ok bool) Figure { return Figure{v, ok} }

// ratio is num ÷ den × 100, undefined when den is not positive.
func ratio(num, den decimal.Decimal) Figure {
	if !den.IsPositive() {
		return Figure{}
	}
	return Figure{num.Mul(hundred).Div(den), true}
}

func countRatio(num, den int) Figure {
	return ratio(decimal.NewFromInt(int64(num)), decimal.NewFromInt(int64(den)))
}

// Figures are the metrics of a period (SPEC §11.1), unrounded.
type Figures struct {
	Revenue     decimal.Decimal // invoiced in [S, E]
	NRR, GRR    Figure          // %: Later ÷ Earlier, Capped ÷ Earlier
	LogoChurn   Figure          // %: churned in [S, E] ÷ active at S
	CrossSell   Figure          // %: converted ÷ single-product at S − 1
	BadDebt     Figure          // %: written off ÷ revenue
	DSO         Figure          // days, as of E over the DSO period
	Countback   Figure          // days, walking back month by month from E
	BestDSO     Figure          // days: DSO of the current AR only
	ADD         Figure          // days: DSO − best possible
	CEI         Figure          // %, over [S, E]
	DaysLate    Figure          // days, amount-weighted
	PromiseKept Figure          // %: kept ÷ kept, partly kept or broken
	NPS         Figure          // % promoters − % detractors
	CSAT        Figure          // the mean score
}

// Figures works the metrics out from the sums.
func (k *KPI) Figures(p *KPIPeriod) Figures {
	f := Figures{Revenue: k.Revenue.Decimal()}
	earlier := k.Earlier.Decimal()
	f.NRR = ratio(k.Later.Decimal(), earlier)
	f.GRR = ratio(k.Capped.Decimal(), earlier)
	f.LogoChurn = countRatio(k.Churned, k.ActiveAtStart)
	f.CrossSell = figure(k.Conversion.Pct())
	f.BadDebt = ratio(k.WrittenOff.Decimal(), f.Revenue)

	ar, current := k.AR.Decimal(), k.CurrentAR.Decimal()
	if d := NewDSO(ar, current, k.DSOSales.Decimal(), p.DSODays); d.Valid {
		f.DSO, f.BestDSO, f.ADD = Figure{d.Days, true}, Figure{d.Best, true}, Figure{d.ADD, true}
	}
	var sales [CountbackMonths]decimal.Decimal
	sold := false
	for i := range sales {
		sales[i] = k.MonthSales[i].Decimal()
		sold = sold || !sales[i].IsZero()
	}
	if sold {
		f.Countback = Figure{countback(ar, p.E, p.starts[:], func(m int) decimal.Decimal { return sales[m] }), true}
	}
	f.CEI = figure(CEI(k.Opening.Decimal(), f.Revenue, ar, current))
	if w := k.LateWeight.Decimal(); !w.IsZero() {
		f.DaysLate = Figure{k.LateWeighted.Decimal().Div(w), true}
	}
	f.PromiseKept = countRatio(k.PromisesKept, k.PromisesSettled)
	if k.NPSScores > 0 {
		// (promoters − detractors) × 100 ÷ n, as NPS.
		f.NPS = Figure{decimal.NewFromInt(int64((k.Promoters - k.Detractors) * 100)).Div(decimal.NewFromInt(int64(k.NPSScores))), true}
	}
	if k.CSATScores > 0 {
		f.CSAT = Figure{decimal.NewFromInt(int64(k.CSATTotal)).Div(decimal.NewFromInt(int64(k.CSATScores))), true}
	}
	return f
}
