package report

import (
	"slices"
	"strconv"

	"acctdesk/domain"

	"github.com/shopspring/decimal"
)

// Cash forecast (SPEC §9.4): when the open invoices are expected to be paid,
// per currency, by Monday-start week from the week holding the date, then
// later, disputed and TOTAL. From facts: the ledger and the promises
// (domain.ForecastOf has the rule).

// Forecast rows after the weeks.
const (
	ForecastLater    = "later"
	ForecastDisputed = "disputed"
)

// Bases of a forecast part (its json "basis").
const (
	BasisPromise  = "promise"
	BasisTerms    = "terms+L"
	BasisDisputed = "disputed"
)

// forecastPart is what the report keeps of an account: its forecast's
// parts, each with what its json part says.
type forecastPart struct {
	code  string
	cur   domain.Currency
	late  int
	parts []forecastItem
}

type forecastItem struct {
	row     int
	invoice int // ledger index: parts of one invoice count once in a row
	issued  domain.Date
	due     domain.Date
	amount  decimal.Decimal
	on      domain.Date
	promise uint64 // the promise's id, when promised
	basis   domain.Date
	kind    string // BasisPromise, BasisTerms or BasisDisputed
}

// weeks is the forecast's number of weeks: Input.Weeks, or 13.
func (in Input) weeks() int {
	if in.Weeks > 0 {
		return in.Weeks
	}
	return domain.ForecastWeeks
}

func forecastAccount(in Input, set domain.Settings, x *domain.Facts) any {
	if in.skip(x) {
		return nil
	}
	f := domain.ForecastOf(x, in.AsOf, in.weeks(), set.Thresholds.PromiseGraceDays)
	if len(f.Parts) == 0 {
		return nil
	}
	p := &forecastPart{code: x.Account.Code, cur: x.Account.Currency, late: f.Late, parts: make([]forecastItem, len(f.Parts))}
	for i, fp := range f.Parts {
		inv := x.Ledger.Invoices[fp.Invoice]
		it := forecastItem{row: f.Row(fp), invoice: fp.Invoice, issued: inv.Issued, due: inv.Due, amount: fp.Amount, on: fp.On, basis: fp.Basis, kind: BasisTerms}
		switch {
		case fp.Disputed:
			it.kind = BasisDisputed
		case fp.Promise >= 0:
			it.kind, it.promise = BasisPromise, x.Promises[fp.Promise].ID
		}
		p.parts[i] = it
	}
	return p
}

var forecastPartColumns = []Column{{"account", Text, ""}, {"invoice_issued", Date, ""}, {"invoice_due", Date, ""},
	{"amount", Money, ""}, {"expected", Date, ""}, {"basis", Text, ""}, {"promise", Count, ""}, {"promise_due", Date, ""}, {"late_days", Count, ""}}

// forecastTable: per currency (in code order), the weeks, later, disputed
// and TOTAL; each row with its parts for json.
func forecastTable(in Input, set domain.Settings, parts []any) *Table {
	t := &Table{Columns: []Column{{"currency", Text, ""}, {"week", Date, ""}, {"expected", Money, ""}, {"promised", Money, ""}, {"invoices", Count, ""}},
		PartColumns: forecastPartColumns}
	type ref struct {
		p  *forecastPart
		it int
	}
	var rowParts [][]ref // each row's parts, for json
	weeks := in.weeks()
	start := domain.WeekOf(in.AsOf)
	type row struct {
		expected, promised domain.Sum
		invoices           int
		parts              []ref
	}
	byCur := map[domain.Currency][]row{}
	var curs []domain.Currency
	for _, part := range parts {
		p, ok := part.(*forecastPart)
		if !ok {
			continue
		}
		rows, seen := byCur[p.cur]
		if !seen {
			rows = make([]row, weeks+3) // the weeks, later, disputed, TOTAL
			curs = append(curs, p.cur)
		}
		last := map[[2]int]bool{} // (row, invoice) already counted
		open := map[int]bool{}
		for j, it := range p.parts {
			for _, r := range []int{it.row, weeks + 2} {
				rows[r].expected.Add(it.amount)
				if it.kind == BasisPromise {
					rows[r].promised.Add(it.amount)
				}
			}
			if k := [2]int{it.row, it.invoice}; !last[k] {
				last[k] = true
				rows[it.row].invoices++
			}
			if !open[it.invoice] {
				open[it.invoice] = true
				rows[weeks+2].invoices++
			}
			rows[it.row].parts = append(rows[it.row].parts, ref{p, j})
		}
		byCur[p.cur] = rows
	}
	slices.Sort(curs)
	for _, c := range curs {
		for r, x := range byCur[c] {
			var week Cell
			switch {
			case r < weeks:
				week = date(start.AddDays(7 * r))
			case r == weeks:
				week = T(ForecastLater)
			case r == weeks+1:
				week = T(ForecastDisputed)
			default:
				week = T("TOTAL")
			}
			t.Rows = append(t.Rows, []Cell{T(string(c)), week, money(x.expected.Decimal(), c), money(x.promised.Decimal(), c), T(strconv.Itoa(x.invoices))})
			rowParts = append(rowParts, x.parts) // none for TOTAL
		}
	}
	if len(curs) == 1 {
		t.Totals = 1
	}
	t.Parts = func(row int) [][]Cell {
		out := [][]Cell{}
		if row < len(rowParts) {
			for _, r := range rowParts[row] {
				out = append(out, forecastPartCells(r.p, r.p.parts[r.it]))
			}
		}
		return out
	}
	return t
}

func forecastPartCells(p *forecastPart, it forecastItem) []Cell {
	cells := []Cell{T(p.code), date(it.issued), date(it.due), money(it.amount, p.cur), T(""), T(it.kind), T(""), T(""), T("")}
	switch it.kind {
	case BasisPromise:
		cells[4], cells[6], cells[7] = date(it.on), T(strconv.FormatUint(it.promise, 10)), date(it.basis)
	case BasisTerms:
		cells[4], cells[8] = date(it.on), T(strconv.Itoa(p.late))
	}
	return cells
}

// PartColumns are the keys of the "parts" of a report's json rows, each
// with what it holds; nil for a report without parts.
func PartColumns(name string) []ColumnHelp {
	if name != "cash-forecast" {
		return nil
	}
	means := map[string]string{
		"account":        "the account's code",
		"invoice_issued": "the invoice's issue date", "invoice_due": "the invoice's due date",
		"amount":   "the part of the invoice's outstanding expected in the row",
		"expected": "when it is expected (never before the as-of date); empty for a disputed part",
		"basis": "promise (an open promise covers it: promise and promise_due say which), terms+L (expected on the due date + L: " +
			"late_days is L, the account's average days late) or disputed (an open dispute: no date)",
		"promise":     "the covering promise's id (acctdesk report promises), null otherwise",
		"promise_due": "the promise's due date, \"\" otherwise", "late_days": "L, for a terms+L part; null otherwise",
	}
	out := make([]ColumnHelp, len(forecastPartColumns))
	for i, c := range forecastPartColumns {
		out[i] = ColumnHelp{Key: c.Key, Title: c.Key, Means: means[c.Key]}
	}
	return out
}
