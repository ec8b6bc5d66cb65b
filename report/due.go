package report

import (
	"cmp"
	"slices"
	"strings"

	"acctdesk/domain"

	"github.com/shopspring/decimal"
)

// Due (SPEC §11.2): every invoice open as of the date (outstanding > 0 by
// the application rule of SPEC §2) by the Monday-start week of its due
// date — the overdue ones in the weeks before the date's, the rest in the
// weeks to come — whatever --period says: what is open is open. Disputed
// invoices are listed too (they are still owed, SPEC §9.1). By week, due
// date, account, then invoice number. From the facts: the ledger with its
// invoices' numbers.

type dueRow struct {
	account string
	cur     domain.Currency
	number  string
	due     domain.Date
	owed    int64 // in units of 10^exp
	exp     int32
}

func dueAccount(in Input, set domain.Settings, x *domain.Facts) any {
	l := &x.Ledger
	if in.skip(x) || len(l.Invoices) == 0 {
		return nil
	}
	a := l.Apply(in.AsOf, nil)
	var rows []dueRow
	for i, owed := range a.Owed {
		if owed <= 0 {
			continue
		}
		number := ""
		if i < l.Numbers.Len() {
			number = l.Numbers.At(i)
		}
		rows = append(rows, dueRow{x.Account.Code, x.Account.Currency, number, l.Invoices[i].Due, owed, l.Exp})
	}
	return rows
}

func dueTable(in Input, set domain.Settings, parts []any) *Table {
	t := &Table{Columns: []Column{{"week", Date, ""}, {"account", Text, ""}, {"invoice", Text, ""}, {"due_date", Date, ""},
		{"outstanding", Money, ""}, {"currency", Text, ""}}}
	var rows []dueRow
	for _, p := range parts {
		if r, ok := p.([]dueRow); ok {
			rows = append(rows, r...)
		}
	}
	// Weeks follow due dates: sorting by due date sorts by week.
	slices.SortStableFunc(rows, func(a, b dueRow) int {
		return cmp.Or(cmp.Compare(a.due, b.due), strings.Compare(a.account, b.account), strings.Compare(a.number, b.number))
	})
	t.Rows = make([][]Cell, len(rows))
	var week domain.Date
	var weekCell Cell
	for i, r := range rows {
		if w := weekOf(r.due); w != week || i == 0 {
			week, weekCell = w, date(w)
		}
		t.Rows[i] = []Cell{weekCell, T(r.account), T(r.number), date(r.due), money(decimal.New(r.owed, r.exp), r.cur), T(string(r.cur))}
	}
	return t
}

func init() {
	docs["due"] = doc{"every invoice open as of the date (outstanding > 0), by the Monday-start week of its due date: the overdue ones " +
		"in the weeks before the date's, the rest in the weeks to come; --period does not apply (what is open is open); disputed " +
		"invoices too (still owed); by week, due date, account, then invoice", map[string]string{
		"week":        "the Monday starting the week that holds the due date (YYYY-MM-DD)",
		"account":     "the account's code",
		"invoice":     "the invoice's number",
		"due_date":    "when it falls (or fell) due",
		"outstanding": "what it still owes as of the date: its amount less what payments and credit notes dated on or before the date pay of it (SPEC §2)",
		"currency":    "the account's currency (never added across)",
	}}
}
