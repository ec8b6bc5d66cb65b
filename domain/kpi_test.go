package domain

import (
	"strings"
	"testing"
)

// kpiColumns are the figures in the order of report metrics.
var kpiColumns = []string{"revenue", "nrr", "grr", "churn", "conversion", "bad_debt", "dso", "countback", "best",
	"add", "cei", "late", "kept", "nps", "csat"}

// kpiText is the figures as report metrics prints them.
func kpiText(f Figures) map[string]string {
	out := map[string]string{"revenue": f.Revenue.StringFixed(2)}
	for i, x := range []Figure{f.NRR, f.GRR, f.LogoChurn, f.CrossSell, f.BadDebt, f.DSO, f.Countback, f.BestDSO, f.ADD,
		f.CEI, f.DaysLate, f.PromiseKept, f.NPS, f.CSAT} {
		out[kpiColumns[i+1]] = x.String()
	}
	return out
}

// row is a whole row of figures, comma-separated in kpiColumns order.
func row(s string) map[string]string {
	vals := strings.Split(s, ",")
	out := map[string]string{}
	for i, k := range kpiColumns {
		out[k] = vals[i]
	}
	return out
}

// kpiAccount is an account file: active, opened 2024-01-01, in NGN.
type kpiAccount struct {
	code      string
	status    string
	since     string
	opened    string
	invs      []Invoice
	pays      []Payment
	cns       []CreditNote
	promises  []Promise
	surveys   []Survey
	products  []string // the invoices' products, in order ("" for none)
	writeOffs bool     // the credit notes are write-offs (else discounts)
}

func (k kpiAccount) facts(t *testing.T) *Facts {
	t.Helper()
	a := Account{Code: k.code, Currency: "NGN", Status: StatusActive, OpenedOn: MustDate("2024-01-01")}
	if k.status != "" {
		a.Status = k.status
	}
	if k.since != "" {
		a.StatusSince = MustDate(k.since)
	}
	if k.opened != "" {
		a.OpenedOn = MustDate(k.opened)
	}
	for i := range k.products {
		k.invs[i].Product = k.products[i]
	}
	f := &AccountFile{Account: a, Invoices: k.invs, Payments: k.pays, Credits: k.cns, Promises: k.promises, Surveys: k.surveys}
	return mustFacts(t, f)
}

// due30 is an invoice due 30 days after its issue.
func due30(num, issued, amount string) Invoice {
	x := inv(num, issued, issued, amount)
	x.Due = x.Issued.AddDays(30)
	return x
}

func reasoned(c CreditNote, reason string) CreditNote { c.Reason = reason; return c }

func survey(on, kind string, score int) Survey {
	return Survey{Account: "A", On: MustDate(on), Kind: kind, Score: score}
}

// k is the account of the CEI and countback cases: K1 2000 issued 1 Jun due
// 1 Jul, K2 3000 issued 1 Aug due 31 Aug, K3 1000 issued 20 Sep due 20 Oct;
// P1 2000 on 5 Jul pays K1 (settled 4 days late), P2 1000 on 1 Sep pays
// 1000 of K2. As of 30 Sep: K2 owes 2000 (overdue), K3 1000 (current).
var kAccount = kpiAccount{code: "K",
	invs: []Invoice{inv("K1", "2026-06-01", "2026-07-01", "2000"), inv("K2", "2026-08-01", "2026-08-31", "3000"),
		inv("K3", "2026-09-20", "2026-10-20", "1000")},
	pays: []Payment{pay("P1", "2026-07-05", "2000", ""), pay("P2", "2026-09-01", "1000", "")}}

// zAccount has one invoice of 1000 issued 1 Mar, due 31 Mar, never paid:
// no sales in the 90 days ending 30 Sep.
var zAccount = kpiAccount{code: "Z", invs: []Invoice{inv("Z1", "2026-03-01", "2026-03-31", "1000")}}

func TestKPIFigures(t *testing.T) {
	// Unless a case says otherwise: period 2026-Q3 as of 30 Nov 2026, so
	// S = 1 Jul, E = 30 Sep (the period's last day, before the as-of date);
	// DSO period 90 days (3 Jul … 30 Sep), promise grace 3 days.
	// The 12 months ending E: 1 Oct 2025 … 30 Sep 2026; the 12 before:
	// 1 Oct 2024 … 30 Sep 2025. Products at S − 1 = 30 Jun: those invoiced
	// 1 Jul 2025 … 30 Jun 2026; at E: 1 Oct 2025 … 30 Sep 2026.
	cases := []struct {
		name     string
		period   string
		asOf     string
		accounts []kpiAccount
		want     map[string]string
	}{
		{name: "no accounts: nothing has a base", want: row("0.00,,,,,,,,,,,,,,")},
		{name: "an empty period", accounts: []kpiAccount{{code: "E"}},
			// One account active at S, none churned: 0 ÷ 1 = 0.0; nothing
			// else has a base (no revenue, no sales, no products, no AR:
			// CEI's 0 + 0 − 0 is no base either).
			want: row("0.00,,,0.0,,,,,,,,,,,")},
		{name: "a churned account", accounts: []kpiAccount{
			{code: "C1", status: StatusChurned, since: "2026-08-15"}, // active at S, churned in [S, E]
			{code: "C2"}, // active at S, still active
			{code: "C3", status: StatusChurned, since: "2026-07-01"}, // churned by S (on it): not active at S
			{code: "C4", opened: "2026-07-15"},                       // opened after S
			{code: "C5", status: StatusChurned, since: "2026-06-30"}, // churned before S
			{code: "C6", status: StatusChurned, since: "2026-10-01"}, // churned after E: active, not churned in the period
		},
			// Active at S: C1, C2, C6; churned in [S, E]: C1 → 1 ÷ 3 = 33.3.
			want: row("0.00,,,33.3,,,,,,,,,,,")},
		{name: "an expanded account", accounts: []kpiAccount{
			{code: "X", invs: []Invoice{due30("X1", "2025-03-01", "1000"), due30("X2", "2026-08-01", "1500")}},
		},
			// Earlier 1000, later 1500: NRR 1500 ÷ 1000 = 150.0; GRR caps
			// the later at the earlier: 1000 ÷ 1000 = 100.0.
			want: map[string]string{"revenue": "1500.00", "nrr": "150.0", "grr": "100.0"}},
		{name: "retention over several accounts", accounts: []kpiAccount{
			{code: "X", invs: []Invoice{due30("X1", "2025-03-01", "1000"), due30("X2", "2026-08-01", "1500")}}, // expanded
			{code: "Y", invs: []Invoice{due30("Y1", "2025-05-01", "2000"), due30("Y2", "2026-02-01", "500")}},  // contracted
			{code: "Z", invs: []Invoice{due30("Z1", "2026-01-15", "700")}},                                     // new: no earlier revenue
			{code: "V", invs: []Invoice{due30("V1", "2025-09-30", "100")}},                                     // E − 365, the earlier's last day; lost
			{code: "W", invs: []Invoice{due30("W1", "2024-09-30", "999")}},                                     // E − 730, before the earlier 12 months
		},
			// Earlier: X 1000 + Y 2000 + V 100 = 3100; later of those:
			// 1500 + 500 + 0 = 2000 → NRR 2000 ÷ 3100 = 64.516… → 64.5;
			// capped: 1000 + 500 + 0 = 1500 → GRR 48.387… → 48.4.
			// Revenue in [S, E]: X2 1500. No write-off: 0 ÷ 1500 = 0.0.
			// All unpaid: AR 1000 + 1500 + 2000 + 500 + 700 + 100 + 999 = 6799,
			// none current (X2 fell due 31 Aug); sales 3 Jul … 30 Sep: X2 →
			// DSO 6799 ÷ 1500 × 90 = 407.94 → 407.9, best 0.0, ADD 407.9.
			// Opening AR (30 Jun): 6799 − 1500 = 5299; CEI (5299 + 1500 −
			// 6799) ÷ (5299 + 1500 − 0) = 0.0. Five accounts active, none churned.
			want: map[string]string{"revenue": "1500.00", "nrr": "64.5", "grr": "48.4", "churn": "0.0", "bad_debt": "0.0",
				"dso": "407.9", "best": "0.0", "add": "407.9", "cei": "0.0", "conversion": ""}},
		{name: "a single-product account that became multi-product", accounts: []kpiAccount{
			{code: "P1", invs: []Invoice{due30("A1", "2026-03-01", "100"), due30("A2", "2026-08-01", "100")}, products: []string{"AGO", "PMS"}},
			{code: "P2", invs: []Invoice{due30("B1", "2026-02-01", "100"), due30("B2", "2026-08-01", "100")}, products: []string{"AGO", "AGO"}},
			{code: "P3", invs: []Invoice{due30("C1", "2026-08-01", "100"), due30("C2", "2026-09-01", "100")}, products: []string{"PMS", "AGO"}},
			{code: "P4", invs: []Invoice{due30("D1", "2026-01-05", "100"), due30("D2", "2026-01-06", "100")}, products: []string{"AGO", "Fleet"}},
			{code: "P5", invs: []Invoice{due30("E1", "2025-06-30", "100"), due30("E2", "2026-07-15", "100")}, products: []string{"AGO", "PMS"}},
		},
			// At 30 Jun: P1 {AGO}, P2 {AGO} single; P3 none, P4 {AGO, Fleet},
			// P5 none (its AGO of 30 Jun 2025 is a day before the window):
			// not in the base. At 30 Sep: P1 {AGO, PMS} converted, P2 {AGO}
			// not → 1 ÷ 2 = 50.0. Revenue: A2 + B2 + C1 + C2 + E2 = 500.
			want: map[string]string{"conversion": "50.0", "revenue": "500.00"}},
		{name: "the end is the as-of date when earlier", period: "2026-Q3", asOf: "2026-08-15", accounts: []kpiAccount{
			{code: "P6", invs: []Invoice{due30("F1", "2026-03-01", "100"), due30("F2", "2026-09-01", "100")}, products: []string{"AGO", "PMS"}},
		},
			// E = 15 Aug: the PMS of 1 Sep does not exist yet; P6 single at
			// S − 1, still single at E → 0 ÷ 1 = 0.0; revenue 1 Jul … 15 Aug: 0.
			want: map[string]string{"conversion": "0.0", "revenue": "0.00"}},
		{name: "the same account, as of the period's end", period: "2026-Q3", asOf: "2026-09-30", accounts: []kpiAccount{
			{code: "P6", invs: []Invoice{due30("F1", "2026-03-01", "100"), due30("F2", "2026-09-01", "100")}, products: []string{"AGO", "PMS"}},
		},
			want: map[string]string{"conversion": "100.0", "revenue": "100.00"}},
		{name: "a zero-sales period", accounts: []kpiAccount{zAccount},
			// No sales 3 Jul … 30 Sep: DSO, best possible and ADD empty.
			// Countback from 30 Sep, AR 1000: Sep 30, Aug 31, Jul 31, Jun 30,
			// May 31, Apr 30 days without sales, then March's 1000 covers
			// the rest: its 31 days → 214.0. CEI: opening 1000 + sales 0 −
			// closing 1000 = 0 ÷ (1000 + 0 − current 0) = 0.0. Days late: Z1
			// open, 31 Mar → 30 Sep = 183.0. No revenue: no bad debt %.
			want: row("0.00,,,0.0,,,,214.0,,,0.0,183.0,,,")},
		{name: "a write-off", accounts: []kpiAccount{{code: "W",
			invs: []Invoice{inv("I1", "2026-07-10", "2026-08-09", "10000")},
			cns: []CreditNote{reasoned(cn("WO0", "2026-06-30", "100", ""), "write-off"), // before S
				reasoned(cn("D1", "2026-07-20", "50", ""), "discount"), // not a write-off
				reasoned(cn("WO1", "2026-09-15", "250", ""), "write-off")}}},
			// Bad debt: WO1 250 ÷ revenue 10000 = 2.5. AR 30 Sep: 10000 −
			// 100 − 50 − 250 = 9600, overdue: DSO 9600 ÷ 10000 × 90 = 86.4,
			// best 0.0, ADD 86.4. Countback: Sep 30 + Aug 31 days without
			// sales, then 9600 ÷ 10000 of July's 31 = 29.76 → 90.76 → 90.8.
			// CEI: opening (30 Jun) −100 (WO0, nothing to apply it to):
			// (−100 + 10000 − 9600) ÷ (−100 + 10000 − 0) = 300 ÷ 9900 = 3.03 → 3.0.
			// Days late: I1 open, 9 Aug → 30 Sep = 52.0.
			want: row("10000.00,,,0.0,,2.5,86.4,90.8,0.0,86.4,3.0,52.0,,,")},
		{name: "NPS with promoters, passives and detractors", accounts: []kpiAccount{{code: "N",
			surveys: []Survey{survey("2026-06-30", SurveyNPS, 0), survey("2026-07-01", SurveyNPS, 10), survey("2026-07-15", SurveyNPS, 9),
				survey("2026-08-01", SurveyNPS, 9), survey("2026-08-10", SurveyNPS, 8), survey("2026-09-01", SurveyNPS, 7),
				survey("2026-09-30", SurveyNPS, 3), survey("2026-10-01", SurveyNPS, 0),
				survey("2026-06-30", SurveyCSAT, 1), survey("2026-07-02", SurveyCSAT, 4), survey("2026-08-02", SurveyCSAT, 5),
				survey("2026-09-02", SurveyCSAT, 2)}}},
			// In [1 Jul, 30 Sep]: NPS 10, 9, 9 promoters, 8, 7 passives, 3 a
			// detractor (the 0s of 30 Jun and 1 Oct are outside): (3 − 1) ÷ 6
			// = 33.33… → 33.3. CSAT 4, 5, 2: 11 ÷ 3 = 3.67 → 3.7.
			want: row("0.00,,,0.0,,,,,,,,,,33.3,3.7")},
		{name: "NPS and CSAT count scores, not accounts", accounts: []kpiAccount{
			{code: "N", surveys: []Survey{survey("2026-07-01", SurveyNPS, 10), survey("2026-07-15", SurveyNPS, 9),
				survey("2026-08-01", SurveyNPS, 9), survey("2026-08-10", SurveyNPS, 8), survey("2026-09-01", SurveyNPS, 7),
				survey("2026-09-30", SurveyNPS, 3), survey("2026-07-02", SurveyCSAT, 4), survey("2026-08-02", SurveyCSAT, 5),
				survey("2026-09-02", SurveyCSAT, 2)}},
			{code: "N2", surveys: []Survey{survey("2026-08-05", SurveyNPS, 6), survey("2026-08-05", SurveyCSAT, 5)}},
		},
			// 7 NPS scores: 3 promoters, 2 detractors (3, 6): 1 ÷ 7 = 14.29 →
			// 14.3. CSAT 4 + 5 + 2 + 5 = 16 ÷ 4 = 4.0.
			want: map[string]string{"nps": "14.3", "csat": "4.0"}},
		{name: "CEI and countback DSO", accounts: []kpiAccount{kAccount},
			// Revenue: K2 + K3 = 4000; no write-off: 0.0. AR 2000 + 1000 =
			// 3000, current 1000; sales 3 Jul … 30 Sep 4000: DSO 3000 ÷ 4000
			// × 90 = 67.5, best 1000 ÷ 4000 × 90 = 22.5, ADD 45.0.
			// Countback: September's 1000 covered (30 days, 2000 left), then
			// 2000 ÷ August's 3000 × 31 = 20.67 → 50.67 → 50.7.
			// CEI: opening 2000 (K1); (2000 + 4000 − 3000) ÷ (2000 + 4000 −
			// 1000) = 60.0. Days late: K1 settled 5 Jul, 4 days × 2000; K2 open
			// 30 days × 3000; K3 not due: 98000 ÷ 5000 = 19.6.
			want: row("4000.00,,,0.0,,0.0,67.5,50.7,22.5,45.0,60.0,19.6,,,")},
		{name: "a group adds its accounts' parts", accounts: []kpiAccount{kAccount, zAccount},
			// AR 3000 + 1000 = 4000, current 1000, sales 4000: DSO 90.0,
			// best 22.5, ADD 67.5. Countback of the group: September's 1000
			// (30 days, 3000 left), August's 3000 (31 days) → 61.0 — not
			// any mean of the accounts' 50.7 and 214.0. CEI: opening 2000 +
			// 1000, sales 4000, closing 4000, current 1000: 3000 ÷ 6000 = 50.0.
			// Days late: (98000 + 183 × 1000) ÷ (5000 + 1000) = 46.83 → 46.8.
			want: row("4000.00,,,0.0,,0.0,90.0,61.0,22.5,67.5,50.0,46.8,,,")},
		{name: "CEI and DSO as of a date inside the period", asOf: "2026-08-15", accounts: []kpiAccount{kAccount},
			// E = 15 Aug: K3 and P2 do not exist yet. Revenue 1 Jul … 15 Aug:
			// K2 3000. AR: K2 3000, current (due 31 Aug). Sales 18 May … 15
			// Aug: K1 + K2 = 5000: DSO 3000 ÷ 5000 × 90 = 54.0 = best, ADD
			// 0.0. Countback: (15 Jul, 15 Aug] holds K2 3000, which covers
			// the AR: 31.0. CEI (2000 + 3000 − 3000) ÷ (2000 + 3000 − 3000) =
			// 100.0. Days late: K1 only (K2 not due): 4.0.
			want: row("3000.00,,,0.0,,0.0,54.0,31.0,54.0,0.0,100.0,4.0,,,")},
		{name: "promises kept", accounts: []kpiAccount{{code: "PR",
			pays: []Payment{pay("PA", "2026-07-12", "500", ""), pay("PB", "2026-08-12", "400", "")},
			promises: []Promise{
				promise("2026-07-01", "2026-07-10", "500"),  // 500 paid by 13 Jul: kept
				promise("2026-08-01", "2026-08-10", "1000"), // 400 by 13 Aug: partly kept
				promise("2026-09-01", "2026-09-10", "300"),  // nothing by 13 Sep: broken
				promise("2026-09-20", "2026-09-27", "300"),  // due E − 3, deadline 30 Sep: still open as of E
				promise("2026-09-20", "2026-09-28", "300"),  // due after E − 3
				promise("2026-06-20", "2026-06-30", "300"),  // due before S
			}}},
			// Due in [1 Jul, 27 Sep] and settled: kept 1 of 3 → 33.3.
			want: map[string]string{"kept": "33.3"}},
		{name: "a promise due on E − 3 counts once kept", accounts: []kpiAccount{{code: "PR",
			pays: []Payment{pay("PA", "2026-07-12", "500", ""), pay("PB", "2026-08-12", "400", ""), pay("PC", "2026-09-29", "300", "")},
			promises: []Promise{
				promise("2026-07-01", "2026-07-10", "500"), promise("2026-08-01", "2026-08-10", "1000"),
				promise("2026-09-01", "2026-09-10", "300"), promise("2026-09-20", "2026-09-27", "300"),
			}}},
			// PC 300 on 29 Sep keeps the last: 2 of 4 → 50.0 (PC is after the
			// third's deadline of 13 Sep).
			want: map[string]string{"kept": "50.0"}},
		{name: "only open promises: no base", accounts: []kpiAccount{{code: "PR",
			promises: []Promise{promise("2026-09-20", "2026-09-27", "300")}}},
			want: map[string]string{"kept": ""}},
	}
	for _, c := range cases {
		period, asOf := c.period, c.asOf
		if period == "" {
			period = "2026-Q3"
		}
		if asOf == "" {
			asOf = "2026-11-30"
		}
		p, err := ParsePeriod(period, MustDate(asOf))
		if err != nil {
			t.Fatal(err)
		}
		k := NewKPIPeriod(p, MustDate(asOf), DefaultSettings())
		var sum KPI
		for _, a := range c.accounts {
			part := k.Of(a.facts(t))
			sum.Add(&part)
		}
		got := kpiText(sum.Figures(&k))
		for _, key := range kpiColumns {
			if want, ok := c.want[key]; ok && got[key] != want {
				t.Errorf("%s: %s %q, want %q", c.name, key, got[key], want)
			}
		}
	}
}

func TestActiveAt(t *testing.T) {
	on := MustDate("2026-07-01")
	for _, c := range []struct {
		a    Account
		want bool
	}{
		{Account{Status: StatusActive, OpenedOn: MustDate("2026-07-01")}, true}, // opened that day
		{Account{Status: StatusActive, OpenedOn: MustDate("2026-07-02")}, false},
		{Account{Status: StatusOnHold}, true}, // no opening date: opened long ago
		{Account{Status: StatusChurned, StatusSince: MustDate("2026-07-01")}, false},
		{Account{Status: StatusChurned, StatusSince: MustDate("2026-07-02")}, true},
		{Account{Status: StatusChurned}, false}, // churned, no date: before any date
	} {
		if got := ActiveAt(c.a, on); got != c.want {
			t.Errorf("%+v active on %s: %v, want %v", c.a, on, got, c.want)
		}
	}
}

func TestKPISumsAcrossScales(t *testing.T) {
	// An account whose amounts have two places (1.50) and one with whole
	// amounts (7): the group's revenue is exact, 8.50, whatever the order.
	k := NewKPIPeriod(Period{From: MustDate("2026-07-01"), To: MustDate("2026-09-30")}, MustDate("2026-09-30"), DefaultSettings())
	a := k.Of(kpiAccount{code: "A", invs: []Invoice{due30("A1", "2026-07-01", "1.50")}}.facts(t))
	b := k.Of(kpiAccount{code: "B", invs: []Invoice{due30("B1", "2026-07-01", "7")}}.facts(t))
	var ab, ba KPI
	ab.Add(&a)
	ab.Add(&b)
	ba.Add(&b)
	ba.Add(&a)
	if x, y := ab.Revenue.Decimal(), ba.Revenue.Decimal(); !x.Equal(d("8.5")) || !y.Equal(d("8.5")) {
		t.Errorf("revenue %s and %s, want 8.50", x, y)
	}
}

func TestCountbackWalksTheSameMonths(t *testing.T) {
	// CountbackDSO of one account and the group walk of its KPI agree: the
	// CEI account K as of 30 Sep, AR 3000 → 50.67 (TestKPIFigures).
	x := kAccount.facts(t)
	e := MustDate("2026-09-30")
	k := NewKPIPeriod(Period{From: MustDate("2026-07-01"), To: e}, e, DefaultSettings())
	part := k.Of(x)
	got := part.Figures(&k).Countback.Value
	want := CountbackDSO(d("3000"), &x.Ledger, e, CountbackMonths)
	if !got.Equal(want) || want.Round(1).StringFixed(1) != "50.7" {
		t.Errorf("countback %s, CountbackDSO %s, want 50.7", got, want)
	}
}
