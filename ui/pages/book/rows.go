package book

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/shopspring/decimal"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
)

// Row is one account, formatted once per change of the account.
type Row struct {
	Code, Name, Owner, Status string
	Products                  string
	Tier                      int
	Cur                       domain.Currency
	AR, Overdue, Util, DSO    string
	ARShort                   string // AR where "credit ₦14.5M" does not fit: -₦14.5M
	Last, Next                string
	UtilLevel                 domain.UtilLevel
	NextLate                  bool // the follow-up date has passed
	StaleLast                 bool // no contact for longer than the threshold
	// The account manager's columns (o, SPEC §3): revenue of the last 12
	// months, the margin proxy, the latest NPS and CSAT with their trend,
	// the expansion notes.
	Revenue, Margin, NPS, CSAT, Expansion string

	code, name          string // folded for the filter
	ar, overdue, u, dso float64
	arAmount, owed      decimal.Decimal // AR and overdue, for the group headings
	aging               domain.Aging    // for the totals of the rows shown
	sales               decimal.Decimal
	hasUtil, hasDSO     bool
	last, next          domain.Date
	manager             managerFigures
}

// data is the book of one view, ready to show.
type data struct {
	asOf   domain.Date
	set    domain.Settings
	rows   common.AccountRows[Row]
	totals []domain.CurrencyTotal
	// totalText is each currency's total line, in a long and a short form.
	totalText [][2]string
}

// prepared is the answer to the preparation numbered seq.
type prepared struct {
	seq  int
	data *data
}

// prepare formats a view's accounts, keeping the rows of old whose account
// did not change, and its totals. Everything it reads is passed in; the view
// and old are never changed.
func prepare(seq int, v *desk.View, old common.AccountRows[Row]) tea.Cmd {
	return func() tea.Msg {
		set, asOf := v.Settings, v.AsOf
		d := &data{asOf: asOf, set: set, totals: v.Totals, totalText: totalText(v.Totals, set)}
		d.rows = old.Next(v.Sums, v.Touched, set, asOf, func(s *domain.Summary) Row { return rowOf(s, set) })
		return prepared{seq, d}
	}
}

func totalText(totals []domain.CurrencyTotal, set domain.Settings) [][2]string {
	var out [][2]string
	for _, t := range totals {
		ar, ov := t.Aging.Net(), t.Aging.Overdue()
		dso := t.DSO(set.DSOPeriodDays)
		dsoText := "—"
		if dso.Valid && !ar.IsNegative() {
			dsoText = dso.Days.Round(0).String() + " days"
		}
		arLong, arShort := "AR "+common.Money(ar, t.Currency), "AR "+common.ShortMoney(ar, t.Currency)
		if ar.IsNegative() { // in credit: no negative AR or DSO
			arLong, arShort = "credit "+common.Money(ar.Neg(), t.Currency), "credit "+common.ShortMoney(ar.Neg(), t.Currency)
		}
		acc := "accounts"
		if t.Accounts == 1 {
			acc = "account"
		}
		out = append(out, [2]string{
			fmt.Sprintf("%s · %d %s · %s · overdue %s (%s) · DSO %s", t.Currency, t.Accounts, acc,
				arLong, common.Money(ov, t.Currency), pctOf(ov, ar), dsoText),
			fmt.Sprintf("%s · %d acc · %s · overdue %s · DSO %s", t.Currency, t.Accounts,
				arShort, common.ShortMoney(ov, t.Currency), dsoText),
		})
	}
	return out
}

// totalsOf are the totals of some rows (those a filter shows), as the
// book's totals are made.
func totalsOf(rows []*Row, idx []int, set domain.Settings) []domain.CurrencyTotal {
	t := domain.NewCurrencyTotals(set.AgingEdges)
	for _, i := range idx {
		t.Add(rows[i].Cur, rows[i].aging, rows[i].sales)
	}
	return t.Totals()
}

func pctOf(part, whole decimal.Decimal) string {
	if !whole.IsPositive() {
		return "—"
	}
	return part.Mul(decimal.NewFromInt(100)).Div(whole).Round(0).String() + " %"
}

// rowOf formats one account's summary.
func rowOf(s *domain.Summary, set domain.Settings) Row {
	th := set.Thresholds
	a := s.Account()
	r := Row{
		Code: common.Clean(a.Code), Name: common.Clean(a.Name), Owner: common.Clean(a.Owner),
		Status: a.Status, Products: common.Clean(strings.Join(a.Products, ",")), Tier: a.Tier, Cur: a.Currency,
		last: s.LastContact, next: s.NextFollowUp, UtilLevel: s.UtilLevel(th), StaleLast: s.ContactStale(th),
	}
	r.code, r.name = common.Fold(r.Code), common.Fold(r.Name)
	r.managerColumns(s, set) // columns.go
	ar, ov := s.AR(), s.Overdue()
	r.arAmount, r.owed, r.aging, r.sales = ar, ov, s.Aging, s.Sales
	r.ar, r.overdue = domain.Float(ar), domain.Float(ov)
	r.AR = common.ShortMoney(ar, a.Currency)
	if !ov.IsZero() {
		r.Overdue = common.ShortMoney(ov, a.Currency)
	}
	if ar.IsNegative() {
		// A credit balance: the customer is owed. A negative utilisation
		// or DSO means nothing; the AR cell says what it is.
		r.AR, r.ARShort = "credit "+common.ShortMoney(ar.Neg(), a.Currency), r.AR
		return r.dates(s)
	}
	if s.HasUtil {
		util := s.Util()
		r.hasUtil, r.u = true, domain.Float(util)
		r.Util = common.Pct(util)
	}
	if dso := s.DSO(); dso.Valid {
		r.hasDSO, r.dso = true, domain.Float(dso.Days)
		r.DSO = dso.Days.Round(0).String()
	} else {
		r.DSO = "—"
	}
	return r.dates(s)
}

// dates fills the row's last contact and next follow-up.
func (r Row) dates(s *domain.Summary) Row {
	asOf := s.AsOf
	r.Last = common.Day(s.LastContact, asOf)
	if s.LastContact.IsZero() {
		r.Last = "never"
	}
	r.Next = common.Day(s.NextFollowUp, asOf)
	r.NextLate = !s.NextFollowUp.IsZero() && s.NextFollowUp <= asOf
	return r
}
