package report

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"acctdesk/domain"
	"acctdesk/domain/queue"

	"github.com/shopspring/decimal"
)

// Names of the reports.
var Names = []string{"book", "aging", "dso", "promises", "escalations", "disputes", "queue", "plans", "changes", "cash-forecast",
	"renewals", "credit-decisions", "issues", "rebates", "cross-sell", "forecast", "contacts", "metrics", "openings",
	"term-vs-cash", "due", "collections", "credits", "reconciliation", "team", "plan"}

// UsesPeriod are the reports that read Input.Period (--period): the
// command line refuses a period given to any other, rather than ignore it.
// One line per report.
var UsesPeriod = map[string]bool{
	"rebates":        true,
	"metrics":        true,
	"openings":       true,
	"term-vs-cash":   true,
	"collections":    true,
	"credits":        true,
	"reconciliation": true,
	"team":           true,
	"plan":           true,
}

// PeriodReports are the reports of UsesPeriod, in the order of Names (for
// help texts and messages).
func PeriodReports() []string {
	var out []string
	for _, n := range Names {
		if UsesPeriod[n] {
			out = append(out, n)
		}
	}
	return out
}

// Input is what a report is asked for.
type Input struct {
	AsOf  domain.Date
	Owner string      // only this owner's accounts when set (any case)
	Since domain.Date // what changed after this date (report changes); zero: the working day before AsOf
	Weeks int         // cash-forecast: the weeks shown one by one (0: 13)
	// Period is --period (domain.ParsePeriod); zero: the 12 months ending
	// AsOf (Input.period).
	Period domain.Period
	// By is --by: how a report groups its rows, in the words ByWords(its
	// name) allows (metrics: owner, tier, segment); "" for its default.
	By string
}

// A Report is made in two steps, so that the book can be read a page of
// accounts at a time and nothing but what the report keeps stays in memory:
// Part keeps what the report needs of one account (nil for nothing), and
// Finish makes the table from every account's part, in account code order.
type Report struct {
	Name   string
	Part   func(in Input, set domain.Settings, x *domain.Facts) any
	Finish func(in Input, set domain.Settings, parts []any) *Table
}

var reports = []Report{
	named("book", bookPart, bookTable),
	named("aging", positionPart, agingTable),
	named("dso", positionPart, dsoTable),
	named("promises", promisesPart, promisesTable),
	named("escalations", escalationsPart, escalationsTable),
	named("disputes", disputesPart, disputesTable),
	named("queue", queuePart, queueTable),
	named("plans", plansPart, plansTable),
	named("changes", changesPart, changesTable),
	named("cash-forecast", forecastAccount, forecastTable),
	named("renewals", renewalsPart, renewalsTable),
	named("rebates", rebatesPart, rebatesTable),
	named("contacts", contactsPart, contactsTable),
	named("credit-decisions", decisionsPart, decisionsTable),
	named("issues", issuesPart, issuesTable),
	named("cross-sell", crossSellAccount, crossSellTable),
	named("forecast", volumeAccount, volumeTable),
	named("metrics", metricsAccount, metricsTable),
	named("openings", openingsPart, openingsTable),
	named("term-vs-cash", termCashAccount, termCashTable),
	named("due", dueAccount, dueTable),
	named("collections", collectionsAccount, collectionsTable),
	named("credits", creditsAccount, creditsTable),
	named("reconciliation", reconciliationAccount, reconciliationTable),
	named("team", teamAccount, teamTable),
	named("plan", planAccount, planTable),
}

// named is a report whose tables carry its name (a workbook's sheet).
func named(name string, part func(Input, domain.Settings, *domain.Facts) any, finish func(Input, domain.Settings, []any) *Table) Report {
	return Report{name, part, func(in Input, set domain.Settings, parts []any) *Table {
		t := finish(in, set, parts)
		t.Name = name
		return t
	}}
}

// Lookup finds a report by name, without regard to case; an unknown name
// is refused with the nearest one suggested.
func Lookup(name string) (Report, error) {
	if n, ok := domain.MatchWord(name, Names); ok {
		for _, r := range reports {
			if r.Name == n {
				return r, nil
			}
		}
	}
	msg := fmt.Sprintf("unknown report %q", name)
	if near := domain.Nearest(name, Names); near != "" {
		msg += ": did you mean " + near + "?"
	}
	return Report{}, fmt.Errorf("%s (use %s)", msg, strings.Join(Names, ", "))
}

// Of makes a report from facts already in memory (tests, and the
// workstation's view), in code order.
func Of(r Report, in Input, set domain.Settings, accounts []*domain.Facts) *Table {
	parts := make([]any, len(accounts))
	for i, x := range accounts {
		parts[i] = r.Part(in, set, x)
	}
	return r.Finish(in, set, parts)
}

// skip reports whether the account is left out: another owner's, when the
// report is of one owner's accounts (matched without regard to case).
func (in Input) skip(x *domain.Facts) bool {
	return in.Owner != "" && !strings.EqualFold(x.Account.Owner, in.Owner)
}

func days(d decimal.Decimal, ok bool) Cell {
	if !ok {
		return T("")
	}
	return T(domain.RoundDays(d).StringFixed(1))
}

func date(d domain.Date) Cell { return T(d.String()) }

func instant(t time.Time) Cell {
	if t.IsZero() {
		return T("")
	}
	return Cell{Plain: t.UTC().Format(time.RFC3339), Human: t.UTC().Format("2006-01-02 15:04")}
}

// position is what the aging and DSO reports keep of an account.
type position struct {
	code  string
	cur   domain.Currency
	aging domain.Aging
	sales decimal.Decimal
}

func positionPart(in Input, set domain.Settings, x *domain.Facts) any {
	if in.skip(x) {
		return nil
	}
	s := domain.Summarize(x, in.AsOf, set)
	return &position{x.Account.Code, x.Account.Currency, s.Aging, s.Sales}
}

// Aging: one row per account with a non-zero total or unapplied, by code,
// then a TOTAL row per currency.
func agingTable(in Input, set domain.Settings, parts []any) *Table {
	edges := set.AgingEdges
	t := &Table{Columns: []Column{{"account", Text, ""}, {"currency", Text, ""}}}
	labels := domain.BucketLabels(edges)
	for i, k := range domain.BucketKeys(edges) {
		t.Columns = append(t.Columns, Column{k, Money, strings.ToUpper(labels[i])})
	}
	t.Columns = append(t.Columns, Column{Key: "total", Kind: Money}, Column{Key: "unapplied", Kind: Money}, Column{Key: "net", Kind: Money})
	totals := domain.NewCurrencyTotals(edges)
	for _, part := range parts {
		p, ok := part.(*position)
		if !ok || (p.aging.Total.IsZero() && p.aging.Unapplied.IsZero()) {
			continue
		}
		t.Rows = append(t.Rows, agingRow(p.code, p.cur, p.aging))
		totals.Add(p.cur, p.aging, p.sales)
	}
	for _, tot := range totals.Totals() {
		t.Rows = append(t.Rows, agingRow("TOTAL", tot.Currency, tot.Aging))
		t.Totals++
	}
	return t
}

func agingRow(code string, c domain.Currency, a domain.Aging) []Cell {
	row := []Cell{T(code), T(string(c))}
	for _, b := range a.Buckets {
		row = append(row, money(b, c))
	}
	return append(row, money(a.Total, c), money(a.Unapplied, c), money(a.Net(), c))
}

// DSO: every account with AR or sales in the period, then TOTAL per currency.
func dsoTable(in Input, set domain.Settings, parts []any) *Table {
	t := &Table{Columns: []Column{{"account", Text, ""}, {"currency", Text, ""}, {"ar", Money, ""}, {"sales", Money, ""},
		{"period_days", Count, ""}, {"dso", Days, ""}, {"best_possible_dso", Days, ""}, {"add", Days, ""}}}
	period := set.DSOPeriodDays
	totals := domain.NewCurrencyTotals(set.AgingEdges)
	for _, part := range parts {
		p, ok := part.(*position)
		if !ok || (p.aging.Net().IsZero() && p.sales.IsZero()) {
			continue
		}
		t.Rows = append(t.Rows, dsoRow(p.code, p.cur, domain.NewDSO(p.aging.Net(), p.aging.Buckets[0], p.sales, period)))
		totals.Add(p.cur, p.aging, p.sales)
	}
	for _, tot := range totals.Totals() {
		t.Rows = append(t.Rows, dsoRow("TOTAL", tot.Currency, tot.DSO(period)))
		t.Totals++
	}
	return t
}

func dsoRow(code string, c domain.Currency, d domain.DSO) []Cell {
	return []Cell{T(code), T(string(c)), money(d.AR, c), money(d.Sales, c), T(strconv.Itoa(d.PeriodDays)),
		days(d.Days, d.Valid), days(d.Best, d.Valid), days(d.ADD, d.Valid)}
}

// Book: one row per account.
func bookPart(in Input, set domain.Settings, x *domain.Facts) any {
	if in.skip(x) {
		return nil
	}
	s := domain.Summarize(x, in.AsOf, set)
	a := x.Account
	util := T("")
	if s.HasUtil {
		util = T(s.Util().Round(1).StringFixed(1))
	}
	return []Cell{T(a.Code), T(a.Name), T(strconv.Itoa(a.Tier)), T(a.Owner), T(a.Status),
		T(string(a.Currency)), money(a.CreditLimit, a.Currency), money(s.AR(), a.Currency),
		money(s.Overdue(), a.Currency), util, date(s.LastContact), date(s.NextFollowUp)}
}

func bookTable(in Input, set domain.Settings, parts []any) *Table {
	t := &Table{Columns: []Column{{"account", Text, ""}, {"name", Text, ""}, {"tier", Count, ""}, {"owner", Text, ""},
		{"status", Text, ""}, {"currency", Text, ""}, {"credit_limit", Money, ""}, {"ar", Money, ""}, {"overdue", Money, ""},
		{"utilisation_pct", Percent, ""}, {"last_contact", Date, ""}, {"next_follow_up", Date, ""}}}
	for _, p := range parts {
		if row, ok := p.([]Cell); ok {
			t.Rows = append(t.Rows, row)
		}
	}
	return t
}

// promiseRow is a promise with its status as of the report's date.
type promiseRow struct {
	p  domain.Promise
	st domain.PromiseState
}

// Promises: every promise given on or before the date, with its status then.
func promisesPart(in Input, set domain.Settings, x *domain.Facts) any {
	if in.skip(x) {
		return nil
	}
	var rows []promiseRow
	for _, p := range x.Promises {
		if p.GivenOn <= in.AsOf {
			rows = append(rows, promiseRow{p, domain.PromiseStatus(p, &x.Ledger, in.AsOf, set.Thresholds.PromiseGraceDays)})
		}
	}
	return rows
}

func promisesTable(in Input, set domain.Settings, parts []any) *Table {
	t := &Table{Columns: []Column{{"account", Text, ""}, {"amount", Money, ""}, {"currency", Text, ""}, {"given_on", Date, ""},
		{"due_on", Date, ""}, {"status", Text, ""}, {"recorded_at", Time, ""}, {"author", Text, ""}, {"contact", Text, ""}}}
	var rows []promiseRow
	for _, p := range parts {
		if r, ok := p.([]promiseRow); ok {
			rows = append(rows, r...)
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].p.DueOn != rows[j].p.DueOn {
			return rows[i].p.DueOn < rows[j].p.DueOn
		}
		return rows[i].p.Account < rows[j].p.Account
	})
	for _, r := range rows {
		p := r.p
		t.Rows = append(t.Rows, []Cell{T(p.Account), money(p.Amount, p.Currency), T(string(p.Currency)),
			date(p.GivenOn), date(p.DueOn), T(r.st.Status), instant(p.Stamp.At), T(p.Stamp.By), T(p.Contact)})
	}
	return t
}

// Escalations: every escalation opened on or before the date, newest first.
func escalationsPart(in Input, set domain.Settings, x *domain.Facts) any {
	if in.skip(x) {
		return nil
	}
	var es []domain.Escalation
	for _, e := range x.Escalations {
		if e.Opened <= in.AsOf {
			es = append(es, e)
		}
	}
	return es
}

func escalationsTable(in Input, set domain.Settings, parts []any) *Table {
	t := &Table{Columns: []Column{{"account", Text, ""}, {"opened_at", Date, ""}, {"category", Text, ""}, {"severity", Text, ""},
		{"to", Text, ""}, {"status", Text, ""}, {"summary", Text, ""}, {"author", Text, ""}, {"id", Count, ""}}}
	var es []domain.Escalation
	for _, p := range parts {
		if e, ok := p.([]domain.Escalation); ok {
			es = append(es, e...)
		}
	}
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Opened != es[j].Opened {
			return es[i].Opened > es[j].Opened
		}
		return es[i].Account < es[j].Account
	})
	for _, e := range es {
		t.Rows = append(t.Rows, []Cell{T(e.Account), date(e.Opened), T(e.Category), T(e.Severity), T(e.To),
			T(e.Status), T(e.Summary), T(e.Stamp.By), T(strconv.FormatUint(e.ID, 10))})
	}
	return t
}

// Disputes (SPEC §9.1): every dispute open as of the date, and those
// resolved in the 365 days ending it (DisputeWindow), by account, invoice
// and the invoice's dispute count. Read from the facts: each dispute with
// what its invoice still owes (Facts.DisputeInvoices), no documents.
type disputeRows struct {
	cur  domain.Currency
	rows []domain.DisputeRow
}

func disputesPart(in Input, set domain.Settings, x *domain.Facts) any {
	if in.skip(x) || len(x.Disputes) == 0 {
		return nil
	}
	rows := domain.DisputeRows(x, in.AsOf, in.AsOf.AddDays(-(domain.DisputeWindow - 1)))
	if len(rows) == 0 {
		return nil
	}
	return &disputeRows{x.Account.Currency, rows}
}

func disputesTable(in Input, set domain.Settings, parts []any) *Table {
	t := &Table{Columns: []Column{{"account", Text, ""}, {"invoice", Text, ""}, {"amount", Money, ""}, {"outstanding", Money, ""},
		{"currency", Text, ""}, {"opened_on", Date, ""}, {"days_open", Count, ""}, {"reason", Text, ""}, {"owner", Text, ""},
		{"status", Text, ""}, {"resolved_on", Date, ""}, {"resolution", Text, ""}}}
	for _, p := range parts {
		r, ok := p.(*disputeRows)
		if !ok {
			continue
		}
		for _, d := range r.rows {
			resolved := T("")
			if !d.ResolvedOn.IsZero() {
				resolved = date(d.ResolvedOn)
			}
			t.Rows = append(t.Rows, []Cell{T(d.Account), T(d.Invoice), money(d.Amount, r.cur), money(d.Outstanding, r.cur),
				T(string(r.cur)), date(d.OpenedOn), T(strconv.Itoa(d.DaysOpen)), T(d.Reason), T(d.Owner), T(d.Status),
				resolved, T(d.Resolution)})
		}
	}
	return t
}

// Queue: the ranked follow-up queue, in the workstation's order.
func queuePart(in Input, set domain.Settings, x *domain.Facts) any {
	if in.skip(x) {
		return nil
	}
	s := domain.Summarize(x, in.AsOf, set)
	return queue.AccountItems(&s, set)
}

func queueTable(in Input, set domain.Settings, parts []any) *Table {
	t := &Table{Columns: []Column{{"rank", Count, ""}, {"account", Text, ""}, {"reason", Text, ""}, {"due", Date, ""},
		{"score", Number, ""}, {"detail", Text, ""}}}
	var items []queue.Item
	for _, p := range parts {
		if its, ok := p.([]queue.Item); ok {
			items = append(items, its...)
		}
	}
	queue.Rank(items)
	for i, it := range items {
		t.Rows = append(t.Rows, []Cell{T(strconv.Itoa(i + 1)), T(it.Account), T(it.Reason), date(it.Due),
			T(strconv.FormatFloat(it.Score.Total, 'f', 2, 64)), T(it.Detail + "; score " + it.Score.String())})
	}
	return t
}
