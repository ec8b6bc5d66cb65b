// Package account is the Account pane: a header (terms, limit and a
// utilisation gauge, contacts, contract countdown) and tabs — open items with
// their aging, payments and credit notes, the activity timeline, promises and
// plans, escalations and issues, contracts, volume by product by month.
package account

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
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
}

// Tab is one tab of the pane.
type Tab struct {
	Name, Short string
	Sections    []Section
}

// Data is one account, formatted once per data change.
type Data struct {
	Code, Name string
	AsOf       domain.Date
	Past       string   // "as of Sat 17 Oct 2026, not today" when AsOf is not the workstation's date
	Recap      string   // the latest written recap on the timeline (y copies it)
	Head       []string // identity, money, contacts, contract
	Util       decimal.Decimal
	HasUtil    bool
	UtilLevel  int // 0 fine, 1 warning, 2 over
	LimitText  string
	Tabs       []Tab
}

// Prepare formats an account's file and summary as of asOf; today is the
// workstation's business date (the header says so plainly when they differ,
// as after a drill from the aging moved to another month).
func Prepare(f *domain.AccountFile, sum *domain.Summary, set domain.Settings, asOf, today domain.Date) *Data {
	a := f.Account
	cur := a.Currency
	money := func(d decimal.Decimal) string { return common.Money(d, cur) }
	d := &Data{Code: common.Clean(a.Code), Name: common.Clean(a.Name), AsOf: asOf}
	if !today.IsZero() && asOf != today {
		d.Past = fmt.Sprintf("as of %s, not %s", common.LongDay(asOf), common.WeekDay(today, today))
	}

	// Header.
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
	terms := "cash"
	if a.Terms == "term" {
		terms = fmt.Sprintf("%d days", a.TermsDays)
	}
	d.LimitText = "Terms " + terms + " · no credit limit"
	if a.HasLimit() {
		d.LimitText = "Terms " + terms + " · limit " + money(a.CreditLimit)
		if od := a.OverdraftAt(asOf); od.IsPositive() {
			d.LimitText += fmt.Sprintf(" + overdraft %s to %s", money(od), common.Day(a.Overdraft.Expires, asOf))
		}
	}
	d.Util, d.HasUtil = sum.Util, sum.HasUtil
	th := set.Thresholds
	if sum.HasUtil {
		switch {
		case sum.Util.GreaterThan(decimal.NewFromInt(int64(th.UtilBreachPct))):
			d.UtilLevel = 2
		case sum.Util.GreaterThanOrEqual(decimal.NewFromInt(int64(th.UtilWarnPct))):
			d.UtilLevel = 1
		}
	}
	figures := fmt.Sprintf("AR %s · overdue %s", money(sum.AR()), money(sum.Overdue()))
	if sum.Aging.Unapplied.IsPositive() {
		figures += " · unapplied " + money(sum.Aging.Unapplied)
	}
	if sum.DSO.Valid {
		figures += " · DSO " + sum.DSO.Days.Round(0).String() + " days"
	}
	if !sum.LastContact.IsZero() {
		figures += fmt.Sprintf(" · last contact %s (%d days)", common.Day(sum.LastContact, asOf), asOf.DaysSince(sum.LastContact))
	} else {
		figures += " · never contacted"
	}
	if !sum.NextFollowUp.IsZero() {
		figures += " · next follow-up " + common.Day(sum.NextFollowUp, asOf)
	}
	d.Head = []string{id, figures, contactsLine(f), contractLine(f, asOf)}
	d.Recap = latestRecap(f, asOf)

	d.Tabs = []Tab{
		openItems(sum, set, asOf),
		paymentsTab(f, asOf),
		activityTab(f, asOf),
		promisesTab(f, set, asOf),
		escalationsTab(f, asOf),
		contractsTab(f, asOf),
		volumeTab(f, asOf),
	}
	return d
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
		s := common.Clean(c.Name)
		var tags []string
		if c.Role != "" {
			tags = append(tags, c.Role)
		}
		if c.Primary {
			tags = append(tags, "primary")
		}
		if len(tags) > 0 {
			s += " (" + strings.Join(tags, ", ") + ")"
		}
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

func contractLine(f *domain.AccountFile, asOf domain.Date) string {
	var cur *domain.Contract
	for i := range f.Contracts {
		k := &f.Contracts[i]
		if k.End < asOf || k.Start > asOf {
			continue
		}
		if cur == nil || k.End > cur.End {
			cur = k
		}
	}
	if cur == nil {
		var next *domain.Contract
		for i := range f.Contracts {
			k := &f.Contracts[i]
			if k.Start > asOf && (next == nil || k.Start < next.Start) {
				next = k
			}
		}
		if next != nil {
			return fmt.Sprintf("Contract %s starts %s", common.Clean(next.ID), common.Day(next.Start, asOf))
		}
		if len(f.Contracts) > 0 {
			return "No contract in force (the last one has ended)"
		}
		return "No contract on file"
	}
	days := cur.End.DaysSince(asOf)
	s := fmt.Sprintf("Contract %s ends %s — %d days left", common.Clean(cur.ID), common.LongDay(cur.End), days)
	if cur.NoticeDays > 0 {
		by := cur.End.AddDays(-cur.NoticeDays)
		if by >= asOf {
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

func dpdTone(days int) Tone {
	switch {
	case days > 60:
		return Bad
	case days > 0:
		return Warn
	}
	return Plain
}

func openItems(sum *domain.Summary, set domain.Settings, asOf domain.Date) Tab {
	cur := sum.File.Account.Currency
	labels := domain.BucketLabels(set.AgingEdges)
	var parts []string
	for i, b := range sum.Aging.Buckets {
		parts = append(parts, labels[i]+" "+common.ShortMoney(b, cur))
	}
	if sum.Aging.Unapplied.IsPositive() {
		parts = append(parts, "unapplied "+common.ShortMoney(sum.Aging.Unapplied, cur))
	}
	sec := Section{
		Title: "Aging: " + strings.Join(parts, " · "),
		Cols: []common.Column{
			{Title: "Invoice", Width: 15, Min: 12, Max: 20},
			{Title: "Issued", Width: 8, Drop: 4},
			{Title: "Due", Width: 8},
			{Title: "Days", Width: 4, Right: true},
			{Title: "Bucket", Width: 7, Drop: 3},
			{Title: "Amount", Width: 15, Max: 18, Right: true, Drop: 2},
			{Title: "Outstanding", Width: 15, Max: 18, Right: true},
			{Title: "Product", Width: 8, Max: 12, Drop: 5},
			{Title: "Note", Width: 12, Min: 6, Max: 60, Drop: 1, Fill: true},
		},
		Empty: "Nothing outstanding.",
	}
	for _, it := range sum.Position.Items {
		if !it.Outstanding.IsPositive() {
			continue
		}
		inv := it.Invoice
		var note []string
		if inv.Disputed {
			n := "disputed"
			if inv.DisputeReason != "" {
				n += ": " + common.Clean(inv.DisputeReason)
			}
			note = append(note, n)
		}
		if inv.Excluded {
			note = append(note, "excluded from follow-up")
		}
		days := ""
		if it.DaysPastDue > 0 {
			days = strconv.Itoa(it.DaysPastDue)
		}
		sec.Rows = append(sec.Rows, []Cell{
			{Text: common.Clean(inv.Number)}, {Text: common.Day(inv.Issued, asOf)}, {Text: common.Day(inv.Due, asOf)},
			{Text: days, Tone: dpdTone(it.DaysPastDue)},
			{Text: labels[domain.BucketOf(it.DaysPastDue, set.AgingEdges)], Tone: dpdTone(it.DaysPastDue)},
			amount(inv.Amount, cur, Plain), amount(it.Outstanding, cur, Plain),
			{Text: common.Clean(inv.Product)}, {Text: strings.Join(note, "; "), Tone: Warn},
		})
	}
	return Tab{Name: "Open items", Short: "Items", Sections: []Section{sec}}
}

func paymentsTab(f *domain.AccountFile, asOf domain.Date) Tab {
	cur := f.Account.Currency
	type entry struct {
		date      domain.Date
		kind, ref string
		amount    decimal.Decimal
		applies   string
		afterAsOf bool
	}
	var es []entry
	for _, p := range f.Payments {
		ap := "balance forward"
		if p.Invoice != "" {
			ap = "invoice " + p.Invoice
		}
		es = append(es, entry{p.Received, "payment", p.Reference, p.Amount, ap, p.Received > asOf})
	}
	for _, c := range f.Credits {
		ap := c.Reason
		if c.Invoice != "" {
			ap += ", invoice " + c.Invoice
		}
		es = append(es, entry{c.Date, "credit note", c.Number, c.Amount, ap, c.Date > asOf})
	}
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].date != es[j].date {
			return es[i].date > es[j].date
		}
		return es[i].ref > es[j].ref
	})
	sec := Section{
		Cols: []common.Column{
			{Title: "Date", Width: 8},
			{Title: "Kind", Width: 11, Min: 7},
			{Title: "Reference", Width: 14, Min: 8, Max: 20},
			{Title: "Amount", Width: 15, Max: 18, Right: true},
			{Title: "Applied to / reason", Width: 20, Min: 10, Max: 60, Drop: 1, Fill: true},
		},
		Empty: "No payments or credit notes.",
	}
	for _, e := range es {
		tone := Plain
		kind := e.kind
		if e.afterAsOf {
			tone, kind = Muted, kind+" (later)"
		}
		sec.Rows = append(sec.Rows, []Cell{
			{Text: common.Day(e.date, asOf), Tone: tone}, {Text: kind, Tone: tone}, {Text: common.Clean(e.ref), Tone: tone},
			amount(e.amount, cur, tone), {Text: common.Clean(e.applies), Tone: tone},
		})
	}
	return Tab{Name: "Payments & credits", Short: "Payments", Sections: []Section{sec}}
}

const activityTabName = "Activity"

func activityTab(f *domain.AccountFile, asOf domain.Date) Tab {
	acts := make([]domain.Activity, len(f.Activities))
	copy(acts, f.Activities)
	sort.SliceStable(acts, func(i, j int) bool {
		if acts[i].On != acts[j].On {
			return acts[i].On > acts[j].On
		}
		if !acts[i].Stamp.At.Equal(acts[j].Stamp.At) {
			return acts[i].Stamp.At.After(acts[j].Stamp.At)
		}
		return acts[i].ID > acts[j].ID
	})
	promised := map[uint64]domain.Promise{}
	for _, p := range f.Promises {
		promised[p.Activity] = p
	}
	sec := Section{
		Cols: []common.Column{
			{Title: "Date", Width: 8},
			{Title: "Kind", Width: 10, Min: 4},
			{Title: "Outcome", Width: 12, Min: 7, Drop: 3},
			{Title: "Contact", Width: 14, Min: 8, Max: 20, Drop: 2},
			{Title: "By", Width: 10, Min: 6, Max: 14, Drop: 4},
			{Title: "What was said", Width: 20, Min: 12, Max: 200, Fill: true},
		},
		Empty: "No activity yet. c logs a call, n adds a note.",
	}
	for _, a := range acts {
		text := common.Clean(a.Text)
		if p, ok := promised[a.ID]; ok && a.ID != 0 {
			pm := fmt.Sprintf("promised %s by %s", common.Money(p.Amount, f.Account.Currency), common.Day(p.DueOn, asOf))
			text = strings.TrimSpace(pm + ". " + text)
		}
		if !a.NextFollow.IsZero() {
			text = strings.TrimSpace(text + " → next " + common.Day(a.NextFollow, asOf))
		}
		if a.Corrects != 0 {
			text = fmt.Sprintf("(corrects #%d) %s", a.Corrects, text)
		}
		if a.Recap != "" {
			text = "[recap] " + text
		}
		kind := a.Kind
		if kind == "qbr" {
			kind = "QBR"
		}
		tone := Plain
		if a.On > asOf {
			tone = Muted
		}
		sec.Rows = append(sec.Rows, []Cell{
			{Text: common.Day(a.On, asOf), Tone: tone}, {Text: kind, Tone: tone},
			{Text: strings.ReplaceAll(a.Outcome, "-", " "), Tone: tone},
			{Text: common.Clean(a.Contact), Tone: tone}, {Text: common.Clean(a.Stamp.By), Tone: Muted},
			{Text: text, Tone: tone},
		})
	}
	if r := latestRecap(f, asOf); r != "" {
		sec.Title = "Timeline · y copies the latest recap"
	}
	return Tab{Name: activityTabName, Short: "Activity", Sections: []Section{sec}}
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

func statusTone(s string) Tone {
	switch s {
	case domain.PromiseKept, "resolved":
		return Good
	case domain.PromisePartlyKept, domain.InstalmentLate:
		return Warn
	case domain.PromiseBroken, domain.InstalmentMissed:
		return Bad
	}
	return Plain
}

func promisesTab(f *domain.AccountFile, set domain.Settings, asOf domain.Date) Tab {
	cur := f.Account.Currency
	ps := make([]domain.Promise, 0, len(f.Promises))
	for _, p := range f.Promises {
		if p.GivenOn <= asOf {
			ps = append(ps, p)
		}
	}
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].DueOn != ps[j].DueOn {
			return ps[i].DueOn > ps[j].DueOn
		}
		return ps[i].ID > ps[j].ID
	})
	prom := Section{
		Title: "Promises to pay",
		Cols: []common.Column{
			{Title: "Given", Width: 8, Drop: 3},
			{Title: "Due", Width: 8},
			{Title: "Amount", Width: 15, Max: 18, Right: true},
			{Title: "Paid", Width: 15, Max: 18, Right: true, Drop: 2},
			{Title: "Status", Width: 11},
			{Title: "Contact", Width: 14, Min: 8, Max: 30, Drop: 1},
		},
		Empty: "No promises.",
	}
	for _, p := range ps {
		st := domain.PromiseStatus(p, f.Payments, asOf, set.Thresholds.PromiseGraceDays)
		prom.Rows = append(prom.Rows, []Cell{
			{Text: common.Day(p.GivenOn, asOf)}, {Text: common.Day(p.DueOn, asOf)},
			amount(p.Amount, cur, Plain), amount(st.Paid, cur, Plain),
			{Text: strings.ReplaceAll(st.Status, "-", " "), Tone: statusTone(st.Status)},
			{Text: common.Clean(p.Contact)},
		})
	}
	secs := []Section{prom}
	if len(f.Plans) == 0 {
		secs = append(secs, Section{Title: "Payment plans", Empty: "No payment plan."})
	}
	for _, pl := range f.Plans {
		sts := domain.InstalmentStatuses(pl, f.Payments, asOf, 0)
		total := decimal.Zero
		for _, in := range pl.Instalments {
			total = total.Add(in.Amount)
		}
		sec := Section{
			Title: fmt.Sprintf("Payment plan #%d agreed %s · %d instalments · %s", pl.ID, common.Day(pl.Agreed, asOf), len(pl.Instalments), common.Money(total, cur)),
			Cols: []common.Column{
				{Title: "#", Width: 3, Right: true},
				{Title: "Due", Width: 8},
				{Title: "Amount", Width: 15, Max: 18, Right: true},
				{Title: "Status", Width: 8},
			},
		}
		for i, in := range pl.Instalments {
			sec.Rows = append(sec.Rows, []Cell{
				{Text: strconv.Itoa(i + 1)}, {Text: common.Day(in.Due, asOf)}, amount(in.Amount, cur, Plain),
				{Text: sts[i], Tone: statusTone(sts[i])},
			})
		}
		secs = append(secs, sec)
	}
	return Tab{Name: "Promises & plans", Short: "Promises", Sections: secs}
}

func escalationsTab(f *domain.AccountFile, asOf domain.Date) Tab {
	es := make([]domain.Escalation, len(f.Escalations))
	copy(es, f.Escalations)
	sort.SliceStable(es, func(i, j int) bool {
		if (es[i].Status == "open") != (es[j].Status == "open") {
			return es[i].Status == "open"
		}
		return es[i].Opened > es[j].Opened
	})
	esc := Section{
		Title: "Escalations",
		Cols: []common.Column{
			{Title: "Opened", Width: 8},
			{Title: "Category", Width: 16, Min: 8, Drop: 4},
			{Title: "Severity", Width: 8, Min: 4},
			{Title: "To", Width: 10, Min: 5, Drop: 3},
			{Title: "Due", Width: 8, Drop: 2},
			{Title: "Status", Width: 8},
			{Title: "Summary", Width: 16, Min: 10, Max: 200, Fill: true},
		},
		Empty: "No escalations. e escalates.",
	}
	for _, e := range es {
		dueTone := Plain
		if e.Status == "open" && !e.Due.IsZero() && e.Due < asOf {
			dueTone = Bad
		}
		sevTone := Plain
		if e.Severity == "critical" || e.Severity == "high" {
			sevTone = Bad
		}
		summary := common.Clean(e.Summary)
		if e.Status == "resolved" && e.Resolution != "" {
			summary += " — " + common.Clean(e.Resolution)
		}
		esc.Rows = append(esc.Rows, []Cell{
			{Text: common.Day(e.Opened, asOf)}, {Text: strings.ReplaceAll(e.Category, "-", " ")},
			{Text: e.Severity, Tone: sevTone}, {Text: e.To}, {Text: common.Day(e.Due, asOf), Tone: dueTone},
			{Text: e.Status, Tone: statusTone(e.Status)}, {Text: summary},
		})
	}
	iss := Section{
		Title: "Service issues",
		Cols: []common.Column{
			{Title: "Opened", Width: 8},
			{Title: "Kind", Width: 14, Min: 8},
			{Title: "SLA", Width: 8},
			{Title: "Owner", Width: 10, Min: 6, Max: 16, Drop: 3},
			{Title: "Status", Width: 8},
			{Title: "In writing", Width: 10, Drop: 2},
			{Title: "Resolution", Width: 12, Min: 8, Max: 200, Drop: 1, Fill: true},
		},
		Empty: "No service issues.",
	}
	for _, s := range f.Issues {
		slaTone := Plain
		if s.Status != "resolved" && !s.SLADeadline.IsZero() && s.SLADeadline <= asOf {
			slaTone = Bad
		}
		wr := "no"
		if s.ConfirmedInWriting {
			wr = "yes"
		}
		iss.Rows = append(iss.Rows, []Cell{
			{Text: common.Day(s.Opened, asOf)}, {Text: strings.ReplaceAll(s.Kind, "-", " ")},
			{Text: common.Day(s.SLADeadline, asOf), Tone: slaTone}, {Text: common.Clean(s.Owner)},
			{Text: s.Status, Tone: statusTone(s.Status)}, {Text: wr}, {Text: common.Clean(s.Resolution)},
		})
	}
	return Tab{Name: "Escalations & issues", Short: "Escalations", Sections: []Section{esc, iss}}
}

func contractsTab(f *domain.AccountFile, asOf domain.Date) Tab {
	ks := make([]domain.Contract, len(f.Contracts))
	copy(ks, f.Contracts)
	sort.SliceStable(ks, func(i, j int) bool { return ks[i].End > ks[j].End })
	sec := Section{
		Cols: []common.Column{
			{Title: "Contract", Width: 10, Min: 6, Max: 16},
			{Title: "Start", Width: 8},
			{Title: "End", Width: 8},
			{Title: "Days left", Width: 9, Right: true},
			{Title: "Notice", Width: 6, Right: true, Drop: 3},
			{Title: "Status", Width: 8, Drop: 2},
			{Title: "SLA", Width: 12, Min: 6, Max: 200, Drop: 1, Fill: true},
		},
		Empty: "No contracts on file.",
	}
	for _, k := range ks {
		left := ""
		tone := Plain
		if k.End >= asOf {
			n := k.End.DaysSince(asOf)
			left = strconv.Itoa(n)
			if n <= 90 {
				tone = Warn
			}
		}
		notice := ""
		if k.NoticeDays > 0 {
			notice = strconv.Itoa(k.NoticeDays) + "d"
		}
		sec.Rows = append(sec.Rows, []Cell{
			{Text: common.Clean(k.ID)}, {Text: common.Day(k.Start, asOf)}, {Text: common.Day(k.End, asOf)},
			{Text: left, Tone: tone}, {Text: notice}, {Text: k.Status}, {Text: common.Clean(k.SLA)},
		})
	}
	return Tab{Name: "Contracts", Short: "Contracts", Sections: []Section{sec}}
}

// volumeTab is invoiced amount by product for the six months ending asOf.
func volumeTab(f *domain.AccountFile, asOf domain.Date) Tab {
	y, m, _ := asOf.Parts()
	first := domain.NewDate(y, m, 1).AddMonths(-5)
	type key struct {
		product string
		month   int
	}
	sums := map[key]decimal.Decimal{}
	products := map[string]bool{}
	for _, inv := range f.Invoices {
		if inv.Issued < first || inv.Issued > asOf {
			continue
		}
		iy, im, _ := inv.Issued.Parts()
		k := key{inv.Product, (iy-y)*12 + int(im-m) + 5}
		sums[k] = sums[k].Add(inv.Amount)
		products[inv.Product] = true
	}
	cols := []common.Column{{Title: "Product", Width: 10, Min: 6, Max: 16}}
	for i := 0; i < 6; i++ {
		d := first.AddMonths(i)
		drop := 0
		if i < 3 {
			drop = 3 - i
		}
		cols = append(cols, common.Column{Title: d.Format("Jan 06"), Width: 9, Min: 7, Max: 14, Right: true, Drop: drop})
	}
	sec := Section{Title: "Invoiced by product, last six months", Cols: cols, Empty: "Nothing invoiced in the last six months."}
	names := make([]string, 0, len(products))
	for p := range products {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		row := []Cell{{Text: common.Clean(p)}}
		if p == "" {
			row[0] = Cell{Text: "(none)", Tone: Muted}
		}
		for i := 0; i < 6; i++ {
			v := sums[key{p, i}]
			if v.IsZero() {
				row = append(row, Cell{Text: "-", Tone: Muted})
			} else {
				row = append(row, Cell{Text: common.ShortMoney(v, f.Account.Currency)})
			}
		}
		sec.Rows = append(sec.Rows, row)
	}
	return Tab{Name: "Volume", Short: "Volume", Sections: []Section{sec}}
}

// Pane is the account pane.
type Pane struct {
	common.Common
	data   *Data
	tab    int
	lines  []string // the current tab drawn at the current width
	scroll common.List
	drawnW int
}

// New makes an empty account pane.
func New(c common.Common) *Pane { return &Pane{Common: c} }

// Code is the account shown, or "".
func (p *Pane) Code() string {
	if p.data == nil {
		return ""
	}
	return p.data.Code
}

// Data is what the pane shows.
func (p *Pane) Data() *Data { return p.data }

// SetData shows an account; the tab is kept, the scroll resets for a new account.
func (p *Pane) SetData(d *Data) {
	if p.data == nil || d == nil || p.data.Code != d.Code {
		p.scroll = common.List{}
	}
	p.data = d
	p.draw()
}

// Tab is the index of the current tab.
func (p *Pane) Tab() int { return p.tab }

// AsOf is the date the account is shown as of, or zero.
func (p *Pane) AsOf() domain.Date {
	if p.data == nil {
		return 0
	}
	return p.data.AsOf
}

// ActivityRecap is the latest recap on the timeline when the activity tab is
// shown (what y copies there).
func (p *Pane) ActivityRecap() (string, bool) {
	if p.data == nil || p.data.Tabs[p.tab].Name != activityTabName || p.data.Recap == "" {
		return "", false
	}
	return p.data.Recap, true
}

// Selected is the account shown.
func (p *Pane) Selected() (code, itemKey string) { return p.Code(), "" }

const headLines = 6 // identity, limit+gauge, figures, contacts, contract, tabs

// SetSize sets the pane's size.
func (p *Pane) SetSize(w, h int) {
	p.Width, p.Height = w, h
	if w != p.drawnW {
		p.draw()
	}
	p.scroll = p.scroll.Resize(p.bodyHeight())
}

func (p *Pane) bodyHeight() int {
	h := p.Height - headLines
	if h < 1 {
		h = 1
	}
	return h
}

// draw renders the current tab at the current width into cached lines.
func (p *Pane) draw() {
	p.drawnW = p.Width
	if p.data == nil {
		p.lines = nil
		return
	}
	s := p.Styles
	w := p.Width
	var out []string
	tab := p.data.Tabs[p.tab]
	for si, sec := range tab.Sections {
		if si > 0 {
			out = append(out, "")
		}
		if sec.Title != "" {
			out = append(out, s.GroupHeader.Render(common.Cut(sec.Title, w)))
		}
		if len(sec.Rows) == 0 {
			if sec.Empty != "" {
				out = append(out, s.Muted.Render(common.Cut(sec.Empty, w)))
			}
			continue
		}
		widths := common.Layout(sec.Cols, w)
		out = append(out, s.ColHeader.Render(common.Header(sec.Cols, widths)))
		for _, r := range sec.Rows {
			cells := make([]common.Cell, len(r))
			for i, c := range r {
				cells[i] = common.Cell{Text: c.Text, Alt: c.Alt, Style: p.tone(c.Tone)}
			}
			out = append(out, common.Row(sec.Cols, widths, cells, false))
		}
	}
	p.lines = out
	p.scroll = p.scroll.Resize(p.bodyHeight())
	p.scroll = p.scroll.SetLen(len(out))
}

func (p *Pane) tone(t Tone) *lipgloss.Style {
	s := p.Styles
	switch t {
	case Muted:
		return &s.Muted
	case Warn:
		return &s.Warn
	case Bad:
		return &s.Bad
	case Good:
		return &s.Good
	}
	return nil
}

// Update handles keys for the pane.
func (p *Pane) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok || p.data == nil {
		return nil
	}
	k := p.Keys
	// The scroll moves the window, not a cursor: put the cursor at the edge.
	move := func(n int) {
		l := p.scroll
		if n < 0 {
			l.Cursor = l.Offset
		} else {
			l.Cursor = l.Offset + l.Height - 1
		}
		p.scroll = l.Move(n)
	}
	switch {
	case key.Matches(km, k.NextTab):
		p.tab = (p.tab + 1) % len(p.data.Tabs)
		p.scroll = common.List{}
		p.draw()
	case key.Matches(km, k.PrevTab):
		p.tab = (p.tab + len(p.data.Tabs) - 1) % len(p.data.Tabs)
		p.scroll = common.List{}
		p.draw()
	case key.Matches(km, k.Up):
		move(-1)
	case key.Matches(km, k.Down):
		move(1)
	case key.Matches(km, k.PageUp):
		move(-p.bodyHeight())
	case key.Matches(km, k.PageDown):
		move(p.bodyHeight())
	case key.Matches(km, k.Top):
		p.scroll = p.scroll.Top()
	case key.Matches(km, k.Bottom):
		p.scroll = p.scroll.Bottom()
	}
	return nil
}

// View draws the pane.
func (p *Pane) View() string {
	s := p.Styles
	w := p.Width
	if p.data == nil {
		return common.Lines([]string{
			s.Muted.Render("No account open yet."),
			s.Muted.Render("Press enter on the queue, the book or the aging, or : to jump to an account."),
		}, w, p.Height)
	}
	d := p.data
	lines := make([]string, 0, p.Height)
	lines = append(lines, p.identLine(w))
	lines = append(lines, p.limitLine(w))
	lines = append(lines, common.Cut(d.Head[1], w))
	lines = append(lines, s.Muted.Render(common.Cut(d.Head[2], w)))
	lines = append(lines, common.Cut(d.Head[3], w))
	lines = append(lines, p.tabsLine(w))
	from, to := p.scroll.Window()
	lines = append(lines, p.lines[from:to]...)
	if to < len(p.lines) && len(lines) == p.Height {
		lines[len(lines)-1] = s.Muted.Render(common.Cut(fmt.Sprintf("↓ %d more lines (j/pgdn)", len(p.lines)-to), w))
	}
	return common.Lines(lines, w, p.Height)
}

// identLine is the code and name, then (when the account is shown as of
// another date than the workstation's) that date, then the rest.
func (p *Pane) identLine(w int) string {
	s := p.Styles
	d := p.data
	line := s.Title.Render(d.Code + "  " + d.Name)
	if d.Past != "" {
		line += " " + s.Warn.Render("["+d.Past+"]")
	}
	return common.Cut(line+s.Title.Render(d.Head[0]), w)
}

func (p *Pane) limitLine(w int) string {
	s := p.Styles
	d := p.data
	if !d.HasUtil {
		return common.Cut(d.LimitText, w)
	}
	pct := common.Pct(d.Util)
	room := w - common.Width(d.LimitText) - 3 - common.Width(pct) - 1 - 2
	cells := 20
	if room < cells {
		cells = room
	}
	if cells < 5 {
		return common.Cut(d.LimitText+" · "+pct+" used", w)
	}
	return common.Cut(d.LimitText, w) + " · " + Gauge(s, d.Util, d.UtilLevel, cells) + " " + pct
}

// Gauge draws a utilisation bar of n cells between brackets.
func Gauge(s *styles.Styles, util decimal.Decimal, level, n int) string {
	f := util.InexactFloat64()
	filled := int(f/100*float64(n) + 0.5)
	if filled > n {
		filled = n
	}
	if filled < 0 {
		filled = 0
	}
	st := s.GaugeFull
	switch level {
	case 1:
		st = s.GaugeWarn
	case 2:
		st = s.GaugeBad
	}
	return "[" + st.Render(strings.Repeat("█", filled)) + s.GaugeEmpty.Render(strings.Repeat("░", n-filled)) + "]"
}

func (p *Pane) tabsLine(w int) string {
	s := p.Styles
	build := func(short bool) (string, int) {
		var b strings.Builder
		width := 0
		for i, t := range p.data.Tabs {
			name := t.Name
			if short {
				name = t.Short
			}
			if i == p.tab {
				seg := "[" + name + "]"
				b.WriteString(s.TabActive.Render(seg))
				width += common.Width(seg)
			} else {
				seg := " " + name + " "
				b.WriteString(s.Muted.Render(seg))
				width += common.Width(seg)
			}
		}
		return b.String(), width
	}
	line, n := build(false)
	if n > w {
		line, n = build(true)
	}
	if n > w {
		return s.TabActive.Render(common.Cut(fmt.Sprintf("[%s] %d/%d · tab/shift+tab", p.data.Tabs[p.tab].Name, p.tab+1, len(p.data.Tabs)), w))
	}
	return line
}

// ShortHelp is the pane's key summary.
func (p *Pane) ShortHelp() []key.Binding {
	k := p.Keys
	return []key.Binding{k.NextTab, k.PrevTab, k.Call, k.Escalate, k.Note, k.FollowUp, k.Recap, k.Back}
}

// FullHelp is every key of the pane.
func (p *Pane) FullHelp() [][]key.Binding {
	k := p.Keys
	return [][]key.Binding{{k.NextTab, k.PrevTab, k.Up, k.Down, k.PageUp, k.PageDown}, {k.Call, k.Escalate, k.Note, k.FollowUp, k.Recap, k.Back}}
}
