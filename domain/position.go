package domain

import (
	"github.com/shopspring/decimal"
)

// ItemState is an invoice as of a date: what is still owed on it.
type ItemState struct {
	Invoice     *Invoice // the account's own record; read, never changed
	Outstanding decimal.Decimal
	DaysPastDue int  // as-of − due; ≤ 0 means not yet due
	SettledOn   Date // when the last of it was paid, if fully paid
}

// Position is an account's receivable as of a date, after applying payments
// and credit notes by the rule of SPEC §2, invoice by invoice: what the
// account pane, statements and written recaps show.
type Position struct {
	AsOf      Date
	Currency  Currency
	Items     []ItemState // invoices issued ≤ AsOf, oldest due first
	Total     decimal.Decimal
	Unapplied decimal.Decimal
}

// Net is total outstanding less unapplied credit.
func (p Position) Net() decimal.Decimal { return p.Total.Sub(p.Unapplied) }

// Open lists the items still owed.
func (p Position) Open() []ItemState {
	var out []ItemState
	for _, it := range p.Items {
		if it.Outstanding.IsPositive() {
			out = append(out, it)
		}
	}
	return out
}

// Overdue is the outstanding that is past its due date.
func (p Position) Overdue() decimal.Decimal {
	sum := decimal.Zero
	for _, it := range p.Items {
		if it.DaysPastDue > 0 {
			sum = sum.Add(it.Outstanding)
		}
	}
	return sum
}

// PositionOf applies the account's payments and credit notes as of asOf
// (Ledger.Apply has the rule) and lists every invoice issued by then with
// what it still owes. The error names a document whose amount is out of range.
func PositionOf(f *AccountFile, asOf Date) (Position, error) {
	l, order, err := LedgerOf(f.Invoices, f.Payments, f.Credits)
	if err != nil {
		return Position{}, err
	}
	ap := l.Apply(asOf, nil)
	p := Position{AsOf: asOf, Currency: f.Account.Currency, Unapplied: ap.Unapplied}
	var total Sum
	for i, x := range l.Invoices {
		if x.Issued > asOf {
			continue
		}
		p.Items = append(p.Items, ItemState{
			Invoice:     &f.Invoices[order[i]],
			Outstanding: l.Dec(ap.Owed[i]),
			DaysPastDue: asOf.DaysSince(x.Due),
			SettledOn:   ap.SettledOn[i],
		})
		l.add(&total, ap.Owed[i])
	}
	p.Total = total.Decimal()
	return p, nil
}
