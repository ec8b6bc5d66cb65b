package account

import (
	"fmt"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
	"acctdesk/ui/common"
	"acctdesk/ui/styles"
)

// Tone is how a cell reads: plain, muted, warning, bad or good.
type Tone int

// Tones.
const (
	Plain Tone = iota
	Muted
	Warn
	Bad
	Good
)

// Cell is a cell's text and tone; Alt is a shorter form used when Text does
// not fit (amounts).
type Cell struct {
	Text string
	Alt  string
	Tone Tone
}

// amount is a money cell: the full amount, or the short form when narrow.
func amount(d decimal.Decimal, c domain.Currency, t Tone) Cell {
	return Cell{Text: common.Money(d, c), Alt: common.ShortMoney(d, c), Tone: t}
}

// Section is a titled table inside a tab.
type Section struct {
	Title string
	Cols  []common.Column
	Rows  [][]Cell
	Empty string // shown when there are no rows
	// More are a row's lines beyond its cells, shown in its detail (enter):
	// an activity's written recap. Optional, indexed as Rows.
	More [][]string
	// Find is each row's text folded for search (/), made once per load.
	Find []string
	// Chart, when set, draws lines between the title and the rows at a
	// width (the Volume tab's chart, volume.go).
	Chart func(width int, s *styles.Styles) []string
}

// Tab is one tab of the page.
type Tab struct {
	Name, Short string
	Sections    []Section
}

// Data is one account as of a date, formatted once per load: everything
// the page draws, and nothing it would have to work out.
type Data struct {
	Code, Name string
	AsOf       domain.Date
	Past       string   // "as of Sat 17 Oct 2026, not today" when AsOf is not the workstation's date
	Recap      string   // the latest written recap on the timeline (y copies it)
	Head       []string // identity, money, contacts, contract
	Util       decimal.Decimal
	HasUtil    bool
	UtilLevel  domain.UtilLevel
	LimitText  string
	Tabs       []Tab
	// Items are the open items tab's rows as D needs them (Tabs[0]'s one
	// section, row for row).
	Items []Item
	// Issues are the service issues section's rows as i needs them: each
	// row's issue (issues.go).
	Issues []domain.ServiceIssue
	// Contracts are the contracts tab's rows as r needs them (contract.go).
	Contracts ContractRows
}

// Item is an open invoice as the dispute form needs it.
type Item struct {
	Number      string
	Outstanding decimal.Decimal
	Disputed    bool
	Reason      string // the open dispute's reason
}

// Prepare formats an account's file as of asOf with the book's settings;
// today is the workstation's business date (the header says so plainly
// when they differ, as after a drill from the aging moved to another month).
// The figures are the domain's: the account's facts summarised, and its
// position invoice by invoice.
func Prepare(f *domain.AccountFile, set domain.Settings, asOf, today domain.Date) (*Data, error) {
	x, err := domain.FactsOf(f)
	if err != nil {
		return nil, err
	}
	pos, err := domain.PositionOf(f, asOf)
	if err != nil {
		return nil, err
	}
	sum := domain.Summarize(&x, asOf, set)
	a := f.Account
	d := &Data{Code: common.Clean(a.Code), Name: common.Clean(a.Name), AsOf: asOf,
		Util: sum.Util(), HasUtil: sum.HasUtil && !sum.AR().IsNegative(), UtilLevel: sum.UtilLevel(set.Thresholds), LimitText: limitText(a, asOf)}
	if !today.IsZero() && asOf != today {
		d.Past = fmt.Sprintf("as of %s, not %s", common.LongDay(asOf), common.WeekDay(today, today))
	}
	d.Head = []string{identity(a), figures(&sum), peopleLine(f, asOf), contractLine(f.Contracts, asOf)}
	d.Recap = latestRecap(f, asOf)
	d.Tabs = []Tab{
		openItems(&sum, pos, set, asOf, f.Disputes),
		paymentsTab(f, asOf),
		activityTab(f, asOf),
		promisesTab(f, &x.Ledger, set, asOf),
		escalationsTab(f, asOf),
		contractsTab(f, &x, set.Thresholds, asOf, &d.Contracts),
		volumeTab(f, asOf),
		openingTab(f, set, asOf),
		contactsTab(f),
	}
	d.Issues = issueRows(f, asOf)
	for _, it := range pos.Open() {
		item := Item{Number: it.Invoice.Number, Outstanding: it.Outstanding, Disputed: it.Invoice.Disputed}
		if o := domain.OpenDisputeOf(f.Disputes, it.Invoice.Number); o != nil && it.Invoice.Disputed {
			item.Reason = o.Reason
		}
		d.Items = append(d.Items, item)
	}
	for ti := range d.Tabs {
		for si := range d.Tabs[ti].Sections {
			sec := &d.Tabs[ti].Sections[si]
			sec.Find = make([]string, len(sec.Rows))
			for ri, r := range sec.Rows {
				var b strings.Builder
				for _, c := range r {
					b.WriteString(c.Text + "\n")
				}
				if ri < len(sec.More) {
					b.WriteString(strings.Join(sec.More[ri], "\n"))
				}
				sec.Find[ri] = common.Fold(common.Clean(b.String()))
			}
		}
	}
	return d, nil
}

func identity(a domain.Account) string {
	id := fmt.Sprintf(" · tier %d · %s", a.Tier, a.Status)
	if a.Owner != "" {
		id += " · owner " + common.Clean(a.Owner)
	}
	if a.Segment != "" {
		id += " · " + common.Clean(a.Segment)
	}
	if len(a.Products) > 0 {
		id += " · " + common.Clean(strings.Join(a.Products, ", "))
	}
	return id
}

func limitText(a domain.Account, asOf domain.Date) string {
	money := func(d decimal.Decimal) string { return common.Money(d, a.Currency) }
	terms := "cash"
	if a.Terms == "term" {
		terms = fmt.Sprintf("%d days", a.TermsDays)
	}
	if !a.HasLimit() {
		return "Terms " + terms + " · no credit limit"
	}
	s := "Terms " + terms + " · limit " + money(a.CreditLimit)
	if od := a.OverdraftAt(asOf); od.IsPositive() {
		s += fmt.Sprintf(" + overdraft %s to %s", money(od), common.Day(a.Overdraft.Expires, asOf))
	}
	return s
}

func figures(sum *domain.Summary) string {
	cur, asOf := sum.Account().Currency, sum.AsOf
	money := func(d decimal.Decimal) string { return common.Money(d, cur) }
	s := fmt.Sprintf("AR %s · overdue %s", money(sum.AR()), money(sum.Overdue()))
	if sum.AR().IsNegative() { // in credit: no negative AR, utilisation or DSO (issue 10, item 14)
		s = fmt.Sprintf("credit %s · overdue %s", money(sum.AR().Neg()), money(sum.Overdue()))
	}
	if sum.Aging.Unapplied.IsPositive() {
		s += " · unapplied " + money(sum.Aging.Unapplied)
	}
	if dso := sum.DSO(); dso.Valid && !sum.AR().IsNegative() {
		s += " · DSO " + dso.Days.Round(0).String() + " days"
	}
	if !sum.LastContact.IsZero() {
		s += fmt.Sprintf(" · last contact %s (%d days)", common.Day(sum.LastContact, asOf), asOf.DaysSince(sum.LastContact))
	} else {
		s += " · never contacted"
	}
	if sum.LastAttempt > sum.LastContact { // a call that reached nobody is not contact (issue 10)
		s += " · last attempt " + common.Day(sum.LastAttempt, asOf)
	}
	if !sum.NextFollowUp.IsZero() {
		s += " · next follow-up " + common.Day(sum.NextFollowUp, asOf)
	}
	return s
}

func contactsLine(f *domain.AccountFile) string {
	if len(f.Contacts) == 0 {
		return "Contacts: none on file"
	}
	cs := make([]domain.Contact, len(f.Contacts))
	copy(cs, f.Contacts)
	primary := f.PrimaryContact()
	rank := func(c domain.Contact) int {
		switch {
		case c.Name == primary:
			return 0
		case c.Primary:
			return 1
		}
		return 2
	}
	sort.SliceStable(cs, func(i, j int) bool { return rank(cs[i]) < rank(cs[j]) })
	var parts []string
	for _, c := range cs {
		s := common.ContactName(c)
		if c.Phone != "" {
			s += " " + common.Clean(c.Phone)
		}
		if c.Email != "" {
			s += " " + common.Clean(c.Email)
		}
		parts = append(parts, s)
	}
	return "Contacts: " + strings.Join(parts, " · ")
}

func contractLine(cs []domain.Contract, asOf domain.Date) string {
	cur, ok := domain.ContractInForce(cs, asOf)
	if !ok {
		if next, ok := domain.NextContract(cs, asOf); ok {
			return fmt.Sprintf("Contract %s starts %s", common.Clean(next.ID), common.Day(next.Start, asOf))
		}
		if len(cs) > 0 {
			return "No contract in force (the last one has ended)"
		}
		return "No contract on file"
	}
	s := fmt.Sprintf("Contract %s ends %s — %d days left", common.Clean(cur.ID), common.Day(cur.End, asOf), cur.End.DaysSince(asOf))
	if cur.NoticeDays > 0 {
		if by := cur.End.AddDays(-cur.NoticeDays); by >= asOf {
			s += fmt.Sprintf(" · notice by %s", common.Day(by, asOf))
		} else {
			s += " · notice date passed"
		}
	}
	if cur.Status != "" {
		s += " · " + cur.Status
	}
	return s
}

// latestRecap is the recap of the latest activity (on or before asOf) that
// has one: what y copies on the activity tab.
func latestRecap(f *domain.AccountFile, asOf domain.Date) string {
	var best *domain.Activity
	for i := range f.Activities {
		a := &f.Activities[i]
		if a.Recap == "" || a.On > asOf {
			continue
		}
		if best == nil || a.On > best.On || (a.On == best.On && (a.Stamp.At.After(best.Stamp.At) ||
			(a.Stamp.At.Equal(best.Stamp.At) && a.ID > best.ID))) {
			best = a
		}
	}
	if best == nil {
		return ""
	}
	return best.Recap
}
