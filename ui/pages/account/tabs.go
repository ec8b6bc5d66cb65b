package account

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
	"acctdesk/ui/common"
)

// The tabs, in order: each a pure function of the account's file as of a date.

func dpdTone(days int) Tone {
	switch {
	case days > 60:
		return Bad
	case days > 0:
		return Warn
	}
	return Plain
}

func openItems(sum *domain.Summary, pos domain.Position, set domain.Settings, asOf domain.Date, disputes []domain.Dispute) Tab {
	cur := pos.Currency
	labels := domain.BucketLabels(set.AgingEdges)
	var parts []string
	for i, b := range sum.Aging.Buckets {
		parts = append(parts, labels[i]+" "+common.ShortMoney(b, cur))
	}
	if sum.Aging.Unapplied.IsPositive() {
		parts = append(parts, "unapplied "+common.ShortMoney(sum.Aging.Unapplied, cur))
	}
	// Disputes, when the account has any, first (the title is cut on a
	// narrow screen): how many are open, and the average days open of
	// those resolved in the last 365 days (SPEC §9.1).
	title := "Aging: "
	if len(disputes) > 0 {
		open := 0
		for _, d := range disputes {
			if d.IsOpen() && d.OpenedOn <= asOf {
				open++
			}
		}
		dp := fmt.Sprintf("Disputes %d open", open)
		if mean, n, ok := domain.AverageDisputeDays(disputes, asOf); ok {
			dp += fmt.Sprintf(", avg %s days (%d resolved)", mean.StringFixed(1), n)
		}
		title = dp + " · " + title
	}
	sec := Section{
		Title: title + strings.Join(parts, " · "),
		Cols: []common.Column{
			{Title: "Invoice", Width: 15, Min: 12, Max: 20},
			{Title: "Issued", Width: common.DateWidth, Drop: 4},
			{Title: "Due", Width: common.DateWidth},
			{Title: "Days", Width: 4, Right: true},
			{Title: "Bucket", Width: 7, Drop: 3},
			{Title: "Amount", Width: 15, Max: 18, Right: true, Drop: 2},
			{Title: "Outstanding", Width: 15, Max: 18, Right: true},
			{Title: "Product", Width: 8, Max: 12, Drop: 5},
			{Title: "Note", Width: 12, Min: 6, Max: 60, Drop: 1, Fill: true},
		},
		Empty: "Nothing outstanding.",
	}
	for _, it := range pos.Open() {
		inv := it.Invoice
		var note []string
		if inv.Disputed {
			n := "disputed"
			if o := domain.OpenDisputeOf(disputes, inv.Number); o != nil {
				n += fmt.Sprintf(" %s (%s): %s", common.Day(o.OpenedOn, asOf), common.Clean(o.Owner), common.Clean(o.Reason))
			} else if inv.DisputeReason != "" {
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
			{Title: "Date", Width: common.DateWidth},
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
			{Title: "Date", Width: common.DateWidth},
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
		kind := kindLabel(a.Kind) // people.go
		tone := Plain
		if a.On > asOf {
			tone = Muted
		}
		var more []string
		if a.Recap != "" {
			more = append(more, "Recap:")
			for _, l := range strings.Split(a.Recap, "\n") {
				more = append(more, common.Clean(l))
			}
		}
		sec.More = append(sec.More, more)
		sec.Rows = append(sec.Rows, []Cell{
			{Text: common.Day(a.On, asOf), Tone: tone}, {Text: kind, Tone: tone},
			{Text: strings.ReplaceAll(a.Outcome, "-", " "), Tone: tone},
			{Text: common.Clean(a.Contact), Tone: tone}, {Text: common.Clean(a.Stamp.By), Tone: Muted},
			{Text: text, Tone: tone},
		})
	}
	if latestRecap(f, asOf) != "" {
		sec.Title = "Timeline · y shows the latest recap"
	}
	return Tab{Name: activityTabName, Short: "Activity", Sections: []Section{sec}}
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

func promisesTab(f *domain.AccountFile, l *domain.Ledger, set domain.Settings, asOf domain.Date) Tab {
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
			{Title: "Given", Width: common.DateWidth, Drop: 3},
			{Title: "Due", Width: common.DateWidth},
			{Title: "Amount", Width: 15, Max: 18, Right: true},
			{Title: "Paid", Width: 15, Max: 18, Right: true, Drop: 2},
			{Title: "Status", Width: 11},
			{Title: "Contact", Width: 14, Min: 8, Max: 30, Drop: 1},
		},
		Empty: "No promises.",
	}
	for _, p := range ps {
		st := domain.PromiseStatus(p, l, asOf, set.Thresholds.PromiseGraceDays)
		prom.Rows = append(prom.Rows, []Cell{
			{Text: common.Day(p.GivenOn, asOf)}, {Text: common.Day(p.DueOn, asOf)},
			amount(p.Amount, cur, Plain), amount(st.Paid, cur, Plain),
			{Text: strings.ReplaceAll(st.Status, "-", " "), Tone: statusTone(st.Status)},
			{Text: common.Clean(p.Contact)},
		})
	}
	secs := []Section{prom}
	if len(f.Plans) == 0 {
		secs = append(secs, Section{Title: "Payment plans", Empty: "No payment plan · P agrees one."})
	}
	// The open plan first, then the others, latest agreed first.
	open := domain.OpenPlan(f.Plans, asOf)
	pls := make([]domain.PaymentPlan, 0, len(f.Plans))
	for _, pl := range f.Plans {
		if pl.Agreed <= asOf {
			pls = append(pls, pl)
		}
	}
	sort.SliceStable(pls, func(i, j int) bool {
		if oi, oj := open != nil && pls[i].ID == open.ID, open != nil && pls[j].ID == open.ID; oi != oj {
			return oi
		}
		if pls[i].Agreed != pls[j].Agreed {
			return pls[i].Agreed > pls[j].Agreed
		}
		return pls[i].ID > pls[j].ID
	})
	for _, pl := range pls {
		state := "open"
		if open == nil || pl.ID != open.ID {
			state = "closed"
			if !pl.Closed.IsZero() && pl.Closed <= asOf {
				state = "closed " + common.Day(pl.Closed, asOf)
			}
		}
		sec := Section{
			Title: fmt.Sprintf("Payment plan #%d %s · agreed %s · %d instalments · %s", pl.ID, state, common.Day(pl.Agreed, asOf), len(pl.Instalments), common.Money(pl.Total(), cur)),
			Cols: []common.Column{
				{Title: "#", Width: 3, Right: true},
				{Title: "Due", Width: common.DateWidth},
				{Title: "Amount", Width: 15, Max: 18, Right: true},
				{Title: "Paid", Width: 15, Max: 18, Right: true, Drop: 1},
				{Title: "Status", Width: 8},
			},
		}
		for i, st := range domain.PlanStatus(pl, l, asOf, set.Thresholds.PromiseGraceDays) {
			sec.Rows = append(sec.Rows, []Cell{
				{Text: strconv.Itoa(i + 1)}, {Text: common.Day(st.Due, asOf)}, amount(st.Amount, cur, Plain),
				amount(st.Paid, cur, Plain), {Text: st.Status, Tone: statusTone(st.Status)},
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
			{Title: "#", Width: 4, Min: 3, Max: 6, Right: true, Drop: 2}, // the ID resolve escalation takes
			{Title: "Opened", Width: common.DateWidth},
			{Title: "Category", Width: 16, Min: 8, Drop: 4},
			{Title: "Severity", Width: 8, Min: 4},
			{Title: "To", Width: 10, Min: 5, Drop: 3},
			{Title: "Due", Width: common.DateWidth, Drop: 2},
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
			{Text: strconv.FormatUint(e.ID, 10)}, {Text: common.Day(e.Opened, asOf)}, {Text: strings.ReplaceAll(e.Category, "-", " ")},
			{Text: e.Severity, Tone: sevTone}, {Text: e.To}, {Text: common.Day(e.Due, asOf), Tone: dueTone},
			{Text: e.Status, Tone: statusTone(e.Status)}, {Text: summary},
		})
	}
	// The service issues and the credit decisions: issues.go.
	return Tab{Name: escalationsTabName, Short: "Escalations", Sections: []Section{esc, issuesSection(f, asOf), creditSection(f, asOf)}}
}

// contactsTab is every contact of the account, whole: name, role, phone,
// email (the header's contacts line is cut on a narrow screen).
func contactsTab(f *domain.AccountFile) Tab {
	primary := f.PrimaryContact()
	sec := Section{
		Cols: []common.Column{
			{Title: "Name", Width: 16, Min: 10, Max: 30},
			{Title: "Role", Width: 18, Min: 7, Max: 24, Drop: 1},
			{Title: "Phone", Width: 17, Min: 12, Max: 24},
			{Title: "Email", Width: 26, Min: 20, Max: 60, Fill: true},
		},
		Empty: "No contacts on file.",
	}
	for _, c := range f.Contacts {
		role := c.Role
		if c.Primary {
			role = strings.TrimPrefix(role+", primary", ", ")
		}
		if c.Name == primary {
			role += " ☎" // the one the call form preselects
		}
		sec.Rows = append(sec.Rows, []Cell{
			{Text: common.Clean(c.Name)}, {Text: role}, {Text: common.Clean(c.Phone)}, {Text: common.Clean(c.Email)},
		})
	}
	return Tab{Name: "Contacts", Short: "Contacts", Sections: []Section{sec}}
}
