package report

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"acctdesk/domain"
	"acctdesk/domain/queue"

	"github.com/shopspring/decimal"
)

// Names of the reports.
var Names = []string{"book", "aging", "dso", "promises", "escalations", "queue"}

// Input is what every report reads.
type Input struct {
	Book  *domain.Book
	AsOf  domain.Date
	Owner string // only this owner's accounts when set
	// Positions is read when Book is nil, by the reports FromPositions
	// names; they give the same output as from the Book as of the same date.
	Positions *domain.BookPositions
}

// FromPositions reports whether the named report can be made from
// positions alone (Input.Positions), without the whole book.
func FromPositions(name string) bool { return name == "aging" || name == "dso" }

// Build makes the named report.
func Build(name string, in Input) (*Table, error) {
	if in.Book == nil && (in.Positions == nil || !FromPositions(name)) {
		if !slices.Contains(Names, name) {
			return nil, fmt.Errorf("unknown report %q (use book, aging, dso, promises, escalations or queue)", name)
		}
		return nil, fmt.Errorf("report %s needs the whole book", name)
	}
	switch name {
	case "book":
		return Book(in), nil
	case "aging":
		return Aging(in), nil
	case "dso":
		return DSO(in), nil
	case "promises":
		return Promises(in), nil
	case "escalations":
		return Escalations(in), nil
	case "queue":
		return Queue(in), nil
	}
	return nil, fmt.Errorf("unknown report %q (use book, aging, dso, promises, escalations or queue)", name)
}

// settings are the book's, from whichever the input holds.
func (in Input) settings() domain.Settings {
	if in.Book == nil {
		return in.Positions.Settings
	}
	return in.Book.Settings
}

func (in Input) summaries() []domain.Summary {
	var out []domain.Summary
	for _, f := range in.Book.Accounts {
		if in.Owner != "" && f.Account.Owner != in.Owner {
			continue
		}
		out = append(out, domain.Summarize(f, in.AsOf, in.Book.Settings))
	}
	return out
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
	return Cell{t.UTC().Format(time.RFC3339), t.UTC().Format("2006-01-02 15:04")}
}

// Aging: one row per account with a non-zero total or unapplied, by code,
// then a TOTAL row per currency.
func Aging(in Input) *Table {
	edges := in.settings().AgingEdges
	t := &Table{Columns: []Column{{"account", Text, ""}, {"currency", Text, ""}}}
	labels := domain.BucketLabels(edges)
	for i, k := range domain.BucketKeys(edges) {
		t.Columns = append(t.Columns, Column{k, Number, strings.ToUpper(labels[i])})
	}
	t.Columns = append(t.Columns, Column{Key: "total", Kind: Number}, Column{Key: "unapplied", Kind: Number}, Column{Key: "net", Kind: Number})
	if in.Book == nil {
		agingFromPositions(in, t, edges)
		return t
	}
	var shown []domain.Summary
	for _, s := range in.summaries() {
		if s.Aging.Total.IsZero() && s.Aging.Unapplied.IsZero() {
			continue
		}
		shown = append(shown, s)
		t.Rows = append(t.Rows, agingRow(s.File.Account.Code, s.File.Account.Currency, s.Aging))
	}
	for _, tot := range domain.TotalsByCurrency(shown, edges) {
		t.Rows = append(t.Rows, agingRow("TOTAL", tot.Currency, tot.Aging))
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
func DSO(in Input) *Table {
	t := &Table{Columns: []Column{{"account", Text, ""}, {"currency", Text, ""}, {"ar", Number, ""}, {"sales", Number, ""},
		{"period_days", Number, ""}, {"dso", Number, ""}, {"best_possible_dso", Number, ""}, {"add", Number, ""}}}
	period := in.settings().DSOPeriodDays
	if in.Book == nil {
		dsoFromPositions(in, t, in.settings().AgingEdges, period)
		return t
	}
	var shown []domain.Summary
	for _, s := range in.summaries() {
		if s.DSO.AR.IsZero() && s.DSO.Sales.IsZero() {
			continue
		}
		shown = append(shown, s)
		t.Rows = append(t.Rows, dsoRow(s.File.Account.Code, s.File.Account.Currency, s.DSO))
	}
	for _, tot := range domain.TotalsByCurrency(shown, in.settings().AgingEdges) {
		t.Rows = append(t.Rows, dsoRow("TOTAL", tot.Currency, tot.DSO(period)))
	}
	return t
}

func dsoRow(code string, c domain.Currency, d domain.DSO) []Cell {
	return []Cell{T(code), T(string(c)), money(d.AR, c), money(d.Sales, c), T(strconv.Itoa(d.PeriodDays)),
		days(d.Days, d.Valid), days(d.Best, d.Valid), days(d.ADD, d.Valid)}
}

// Book: one row per account.
func Book(in Input) *Table {
	t := &Table{Columns: []Column{{"account", Text, ""}, {"name", Text, ""}, {"tier", Number, ""}, {"owner", Text, ""},
		{"status", Text, ""}, {"currency", Text, ""}, {"credit_limit", Number, ""}, {"ar", Number, ""}, {"overdue", Number, ""},
		{"utilisation_pct", Number, ""}, {"last_contact", Text, ""}, {"next_follow_up", Text, ""}}}
	for _, s := range in.summaries() {
		a := s.File.Account
		util := T("")
		if s.HasUtil {
			util = T(s.Util.Round(1).StringFixed(1))
		}
		t.Rows = append(t.Rows, []Cell{T(a.Code), T(a.Name), T(strconv.Itoa(a.Tier)), T(a.Owner), T(a.Status),
			T(string(a.Currency)), money(a.CreditLimit, a.Currency), money(s.AR(), a.Currency),
			money(s.Overdue(), a.Currency), util, date(s.LastContact), date(s.NextFollowUp)})
	}
	return t
}

// Promises: every promise given on or before the date, with its status then.
func Promises(in Input) *Table {
	t := &Table{Columns: []Column{{"account", Text, ""}, {"amount", Number, ""}, {"currency", Text, ""}, {"given_on", Text, ""},
		{"due_on", Text, ""}, {"status", Text, ""}, {"recorded_at", Text, ""}, {"author", Text, ""}, {"contact", Text, ""}}}
	grace := in.Book.Settings.Thresholds.PromiseGraceDays
	type row struct {
		p  domain.Promise
		st domain.PromiseState
	}
	var rows []row
	for _, f := range in.Book.Accounts {
		if in.Owner != "" && f.Account.Owner != in.Owner {
			continue
		}
		for _, p := range f.Promises {
			if p.GivenOn <= in.AsOf {
				rows = append(rows, row{p, domain.PromiseStatus(p, f.Payments, in.AsOf, grace)})
			}
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
func Escalations(in Input) *Table {
	t := &Table{Columns: []Column{{"account", Text, ""}, {"opened_at", Text, ""}, {"category", Text, ""}, {"severity", Text, ""},
		{"to", Text, ""}, {"status", Text, ""}, {"summary", Text, ""}, {"author", Text, ""}}}
	var es []domain.Escalation
	for _, f := range in.Book.Accounts {
		if in.Owner != "" && f.Account.Owner != in.Owner {
			continue
		}
		for _, e := range f.Escalations {
			if e.Opened <= in.AsOf {
				es = append(es, e)
			}
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
			T(e.Status), T(e.Summary), T(e.Stamp.By)})
	}
	return t
}

// Queue: the ranked follow-up queue, in the workstation's order.
func Queue(in Input) *Table {
	t := &Table{Columns: []Column{{"rank", Number, ""}, {"account", Text, ""}, {"reason", Text, ""}, {"due", Text, ""},
		{"score", Number, ""}, {"detail", Text, ""}}}
	for i, it := range queue.Build(in.Book, in.AsOf, queue.Options{Owner: in.Owner}) {
		t.Rows = append(t.Rows, []Cell{T(strconv.Itoa(i + 1)), T(it.Account), T(it.Reason), date(it.Due),
			T(strconv.FormatFloat(it.Score.Total, 'f', 2, 64)), T(it.Detail + "; score " + it.Score.String())})
	}
	return t
}
