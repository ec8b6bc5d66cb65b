package domain

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"
)

// SalesWindow is how many days of sales, ending at its horizon, a Standing
// keeps: enough for a DSO period of up to that many days.
const SalesWindow = 400

// Standing is what an account's invoices, payments and credit notes come to
// once every one of them is applied by the rule of SPEC §2 (PositionOf): the
// invoices still owed, the unapplied credit and the recent sales.
//
// No document is dated after the Horizon, so for any as-of date on or after
// it the position is the same but for days past due. A store can keep one
// standing per account, rewritten in the transaction that changes the
// account's documents, and answer aging and DSO from standings alone; for an
// earlier as-of date the documents themselves must be read (Covers says which).
type Standing struct {
	Horizon   Date       // latest issue, payment or credit-note date; zero when the account has none
	Open      []OpenItem // invoices still owed, in application order: due date, issue date, number
	Unapplied decimal.Decimal
	Sales     []DaySales // invoiced per issue date, oldest first, in the SalesWindow days ending at Horizon
}

// OpenItem is an invoice still owed once every document is applied.
type OpenItem struct {
	Number      string
	Issued, Due Date
	Amount      decimal.Decimal // as invoiced
	Outstanding decimal.Decimal // still owed; more than zero
}

// DaySales is what was invoiced on one issue date.
type DaySales struct {
	On     Date
	Amount decimal.Decimal
}

// StandingOf applies every document of an account (PositionOf as of the latest
// of their dates) and keeps what is still open.
func StandingOf(invoices []Invoice, payments []Payment, credits []CreditNote) Standing {
	var h Date
	for _, x := range invoices {
		h = max(h, x.Issued)
	}
	for _, x := range payments {
		h = max(h, x.Received)
	}
	for _, x := range credits {
		h = max(h, x.Date)
	}
	if h.IsZero() {
		return Standing{Unapplied: decimal.Zero}
	}
	p := positionOf("", invoices, payments, credits, h)
	s := Standing{Horizon: h, Unapplied: p.Unapplied}
	for _, it := range p.Items {
		if it.Outstanding.IsPositive() {
			s.Open = append(s.Open, OpenItem{Number: it.Invoice.Number, Issued: it.Invoice.Issued,
				Due: it.Invoice.Due, Amount: it.Invoice.Amount, Outstanding: it.Outstanding})
		}
	}
	from := h.AddDays(-SalesWindow + 1)
	for _, x := range invoices {
		if x.Issued >= from {
			s.Sales = append(s.Sales, DaySales{On: x.Issued, Amount: x.Amount})
		}
	}
	slices.SortStableFunc(s.Sales, func(a, b DaySales) int { return cmp.Compare(a.On, b.On) })
	// One entry per day: the day's invoices added up.
	days := s.Sales[:0]
	for _, d := range s.Sales {
		if n := len(days); n > 0 && days[n-1].On == d.On {
			days[n-1].Amount = days[n-1].Amount.Add(d.Amount)
		} else {
			days = append(days, d)
		}
	}
	s.Sales = slices.Clip(days)
	return s
}

// Covers reports whether the standing answers for asOf with a DSO period of
// period days: asOf is on or after the horizon and the period fits the window.
func (s *Standing) Covers(asOf Date, period int) bool {
	return asOf >= s.Horizon && period <= SalesWindow
}

// PositionAt is the position as of asOf ≥ Horizon. Its Items are the open
// items only (PositionOf also lists the invoices already settled).
func (s *Standing) PositionAt(asOf Date, code string, cur Currency) Position {
	p := Position{AsOf: asOf, Currency: cur, Total: decimal.Zero, Unapplied: s.Unapplied}
	if len(s.Open) > 0 {
		p.Items = make([]ItemState, len(s.Open))
	}
	for i, it := range s.Open {
		p.Items[i] = ItemState{
			Invoice: &Invoice{Account: code, Number: it.Number, Issued: it.Issued, Due: it.Due,
				Amount: it.Amount, Currency: cur},
			Outstanding: it.Outstanding,
			DaysPastDue: asOf.DaysSince(it.Due),
		}
		p.Total = p.Total.Add(it.Outstanding)
	}
	return p
}

// SalesIn sums what was invoiced in [from, to]; from must lie in the window.
func (s *Standing) SalesIn(from, to Date) decimal.Decimal {
	sum := decimal.Zero
	for _, d := range s.Sales {
		if d.On >= from && d.On <= to {
			sum = sum.Add(d.Amount)
		}
	}
	return sum
}

// AccountPosition is an account with its receivable as of a date: what the
// aging and DSO reports read, without the rest of the account's file.
type AccountPosition struct {
	Account Account
	// Position's Items are the open items only; a store may fill their
	// invoices with the account, number, dates, amount and currency alone.
	Position Position
	Sales    decimal.Decimal // invoiced in the DSO period ending at Position.AsOf
}

// BookPositions is every account's position as of one date, by account code.
type BookPositions struct {
	Settings Settings
	AsOf     Date
	Accounts []AccountPosition
}

// AccountPositionOf is the exact computation from an account's documents.
func AccountPositionOf(f *AccountFile, asOf Date, period int) AccountPosition {
	p := PositionOf(f, asOf)
	var open []ItemState
	for _, it := range p.Items {
		if it.Outstanding.IsPositive() {
			open = append(open, it)
		}
	}
	p.Items = open
	return AccountPosition{Account: f.Account, Position: p,
		Sales: SalesIn(f.Invoices, asOf.AddDays(-period+1), asOf)}
}

// AccountPosition is the position as of asOf from the standing; Covers(asOf,
// period) must hold.
func (s *Standing) AccountPosition(a Account, asOf Date, period int) AccountPosition {
	return AccountPosition{Account: a, Position: s.PositionAt(asOf, a.Code, a.Currency),
		Sales: s.SalesIn(asOf.AddDays(-period+1), asOf)}
}

// PositionsOf computes every account's position from a loaded book.
func PositionsOf(b *Book, asOf Date) *BookPositions {
	out := &BookPositions{Settings: b.Settings, AsOf: asOf, Accounts: make([]AccountPosition, len(b.Accounts))}
	for i, f := range b.Accounts {
		out.Accounts[i] = AccountPositionOf(f, asOf, b.Settings.DSOPeriodDays)
	}
	return out
}
