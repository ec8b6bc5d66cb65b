package docs

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
)

// QBRPack is what a quarterly business review pack says about an account
// as of a date (SPEC §10.7); desk.QBR works it out from the account's file
// and facts, QBR makes the document of it. Text is as the book holds it.
type QBRPack struct {
	From       string // our name (the book's settings)
	Account    domain.Account
	Contact    domain.Contact
	HasContact bool
	AsOf       domain.Date

	// Volumes are each product's quantities and forecast, by name.
	Volumes []QBRVolume
	// Months are the 12 complete months before the as-of month, oldest
	// first (the months of each product's Months).
	Months []domain.Date

	// Issues are the service issues opened in the 12 months ending AsOf or
	// still open, newest first, with whether each met its SLA.
	Issues []QBRIssue
	SLA    QBRCount // of Issues: met, missed, not decided yet

	DSO         domain.DSO
	DaysLate    decimal.Decimal // amount-weighted, over the 365 days ending AsOf
	HasDaysLate bool
	Promises    QBRCount // promises due in the 12 months ending AsOf − grace: kept, not kept (partly kept or broken)

	Statement domain.Statement // open items, aging and total due

	Util      decimal.Decimal // per cent; HasUtil false without a limit
	HasUtil   bool
	Overdraft decimal.Decimal // in force as of AsOf

	Contracts  []domain.Contract // latest end first
	Renewal    domain.Contract   // the contract in force, when HasRenewal
	HasRenewal bool

	Surveys []domain.Survey // by date, oldest first

	Bought        []string // the products of the 12 months ending AsOf
	Opportunities []string // the products the book sells that the account does not buy

	Objectives []domain.Objective // the open ones, by due date
}

// QBRVolume is one product's quantities in the 12 complete months before
// the as-of month, and its forecast rows (domain.VolumeForecast): the last
// complete month against its actual, the as-of month and the two after.
type QBRVolume struct {
	Product  string
	Unit     string            // as the invoices name it; "" when they do not
	Months   []decimal.Decimal // as QBRPack.Months
	Last12   decimal.Decimal   // the 12 complete months
	Prior12  decimal.Decimal   // the 12 months before them
	Forecast [1 + domain.ForecastAhead]domain.VolumeMonth
}

// Change is Last12 against Prior12 in per cent, one decimal; ok is false
// when nothing was invoiced in the prior 12 months.
func (v QBRVolume) Change() (decimal.Decimal, bool) {
	if v.Prior12.IsZero() {
		return decimal.Zero, false
	}
	return v.Last12.Sub(v.Prior12).Mul(decimal.NewFromInt(100)).Div(v.Prior12).Round(1), true
}

// QBRIssue is a service issue with whether it met its SLA: SLAMet, SLAMissed
// or SLAPending.
type QBRIssue struct {
	domain.ServiceIssue
	SLA string
}

// What an issue's SLA came to (QBRIssue.SLA).
const (
	SLAMet     = "met"
	SLAMissed  = "missed"
	SLAPending = "pending"
)

// QBRCount is how many things went well and how many did not, of those
// decided; Pending are not decided yet.
type QBRCount struct {
	Good, Bad, Pending int
}

// Pct is Good ÷ (Good + Bad) × 100, one decimal; ok is false when none is decided.
func (c QBRCount) Pct() (decimal.Decimal, bool) {
	n := c.Good + c.Bad
	if n == 0 {
		return decimal.Zero, false
	}
	return decimal.NewFromInt(int64(c.Good)).Mul(decimal.NewFromInt(100)).Div(decimal.NewFromInt(int64(n))).Round(1), true
}

// QBRFormats are the formats a QBR pack is written in.
var QBRFormats = []string{"md", "html", "pdf"}

// QBR is the QBR pack as a document.
func QBR(q QBRPack) Doc {
	cur := q.Account.Currency
	money := func(d decimal.Decimal) string { return domain.Human(d, cur) }
	day := func(d domain.Date) string {
		if d.IsZero() {
			return ""
		}
		return d.String()
	}
	from := q.From
	if from == "" || from == "book" {
		from = "Account management"
	}
	a := q.Account
	d := Doc{
		Title:   "Quarterly business review",
		Created: q.AsOf.String(),
		Header: []string{
			"From: " + from,
			fmt.Sprintf("For: %s (%s)", a.Name, a.Code),
			fmt.Sprintf("As of %s · amounts in %s", day(q.AsOf), cur),
		},
	}

	// The account.
	acct := Block{Heading: "Account", Lines: []string{fmt.Sprintf("Account %s: %s · tier %d · %s", a.Code, a.Name, a.Tier, a.Status)}}
	var who []string
	if a.Segment != "" {
		who = append(who, "segment "+a.Segment)
	}
	if a.Owner != "" {
		who = append(who, "account manager "+a.Owner)
	}
	terms := "cash"
	if a.Terms == "term" {
		terms = fmt.Sprintf("%d days", a.TermsDays)
	}
	who = append(who, "terms "+terms)
	acct.Lines = append(acct.Lines, strings.Join(who, " · "))
	if q.HasContact {
		c := q.Contact
		line := "Contact: " + c.Name
		if c.Role != "" {
			line += " (" + c.Role + ")"
		}
		for _, s := range []string{c.Phone, c.Email} {
			if s != "" {
				line += " · " + s
			}
		}
		acct.Lines = append(acct.Lines, line)
	}
	d.Blocks = append(d.Blocks, acct)

	d.Blocks = append(d.Blocks, qbrVolume(q)...)
	d.Blocks = append(d.Blocks, qbrService(q, day))
	d.Blocks = append(d.Blocks, qbrPayment(q))

	// Open items and aging, as the statement has them.
	s := q.Statement
	open := &Table{
		Cols: []Col{{Title: "Invoice"}, {Title: "Issued"}, {Title: "Due"}, {Title: "Amount", Right: true},
			{Title: "Outstanding", Right: true}, {Title: "Days late", Right: true}},
		Empty: "No open invoices.",
	}
	for _, x := range s.Open {
		num := x.Number
		if x.Disputed {
			num += " (disputed)"
		}
		late := ""
		if x.DaysPastDue > 0 {
			late = strconv.Itoa(x.DaysPastDue)
		}
		open.Rows = append(open.Rows, []string{num, day(x.Issued), day(x.Due), money(x.Amount), money(x.Outstanding), late})
	}
	if len(s.Open) > 0 {
		open.Foot = [][]string{{fmt.Sprintf("%d open", len(s.Open)), "", "", "", money(s.Total()), ""}}
	}
	d.Blocks = append(d.Blocks, Block{Heading: "Open items", Table: open})
	aging := &Table{Cols: []Col{{Title: "Days past due"}, {Title: "Outstanding", Right: true}}}
	for i, b := range s.Aging.Buckets {
		aging.Rows = append(aging.Rows, []string{s.Labels[i], money(b)})
	}
	aging.Foot = [][]string{{"Total outstanding", money(s.Total())}}
	agingBlock := Block{Heading: "Aging", Table: aging}
	if s.Unapplied().IsPositive() {
		agingBlock.Lines = append(agingBlock.Lines, fmt.Sprintf("Unapplied credit %s %s; total due %s %s.", cur, money(s.Unapplied()), cur, money(s.TotalDue())))
	}
	d.Blocks = append(d.Blocks, agingBlock)

	// Credit use.
	credit := &Table{Cols: []Col{{Title: ""}, {Title: string(cur), Right: true}}}
	ar := s.TotalDue()
	if a.HasLimit() {
		credit.Rows = append(credit.Rows, []string{"Credit limit", money(a.CreditLimit)})
		if q.Overdraft.IsPositive() {
			credit.Rows = append(credit.Rows, []string{"Temporary overdraft to " + day(a.Overdraft.Expires), money(q.Overdraft)})
		}
	}
	credit.Rows = append(credit.Rows, []string{"Net AR", money(ar)})
	cb := Block{Heading: "Credit use", Table: credit}
	if q.HasUtil {
		limit := a.CreditLimit.Add(q.Overdraft)
		credit.Foot = [][]string{{"Headroom", money(limit.Sub(ar))}}
		cb.Lines = []string{fmt.Sprintf("Utilisation %s %% of the limit.", q.Util.Round(1).StringFixed(1))}
	} else {
		cb.Lines = []string{"No credit limit."}
	}
	d.Blocks = append(d.Blocks, cb)

	// Contracts.
	kt := &Table{Cols: []Col{{Title: "Contract"}, {Title: "Start"}, {Title: "End"}, {Title: "Notice", Right: true}, {Title: "Status"}, {Title: "SLA"}},
		Empty: "No contract on file."}
	for _, k := range q.Contracts {
		notice := ""
		if k.NoticeDays > 0 {
			notice = fmt.Sprintf("%d days", k.NoticeDays)
		}
		st := k.Status
		if st == "" {
			st = domain.ContractActive
		}
		kt.Rows = append(kt.Rows, []string{k.ID, day(k.Start), day(k.End), notice, st, k.SLA})
	}
	kb := Block{Heading: "Contracts and renewal", Table: kt}
	if q.HasRenewal {
		k := q.Renewal
		line := fmt.Sprintf("Renewal date: %s (contract %s, %d days from now)", day(k.End), k.ID, k.End.DaysSince(q.AsOf))
		if k.NoticeDays > 0 {
			line += fmt.Sprintf("; notice by %s", day(k.End.AddDays(-k.NoticeDays)))
		}
		kb.Lines = []string{line + "."}
	} else if len(q.Contracts) > 0 {
		kb.Lines = []string{"No contract in force."}
	}
	d.Blocks = append(d.Blocks, kb)

	d.Blocks = append(d.Blocks, qbrSurveys(q, day))

	// Expansion.
	ex := Block{Heading: "Expansion opportunities"}
	bought := "nothing in the 12 months"
	if len(q.Bought) > 0 {
		bought = strings.Join(q.Bought, ", ")
	}
	ex.Lines = append(ex.Lines, "Buys (12 months): "+bought)
	if len(q.Opportunities) > 0 {
		ex.Lines = append(ex.Lines, "Not yet bought: "+strings.Join(q.Opportunities, ", "))
	} else {
		ex.Lines = append(ex.Lines, "Buys every product the book sells.")
	}
	if strings.TrimSpace(a.ExpansionNotes) != "" {
		ex.Lines = append(ex.Lines, "Notes: "+a.ExpansionNotes)
	}
	d.Blocks = append(d.Blocks, ex)

	// Open objectives.
	ot := &Table{Cols: []Col{{Title: "Kind"}, {Title: "Measure"}, {Title: "Target"}, {Title: "Due"}, {Title: "Owner"}, {Title: "Steps to do"}},
		Empty: "No open objectives."}
	for _, o := range q.Objectives {
		var steps []string
		for _, st := range o.Steps {
			if !st.Done {
				steps = append(steps, st.Text+" by "+day(st.Due))
			}
		}
		ot.Rows = append(ot.Rows, []string{o.Kind, o.Measure, o.Target, day(o.Due), o.Owner, strings.Join(steps, "; ")})
	}
	d.Blocks = append(d.Blocks, Block{Heading: "Open objectives", Table: ot})

	// Agreed actions: left for the review to fill in.
	act := &Table{Cols: []Col{{Title: "#", Right: true}, {Title: "Action"}, {Title: "Owner"}, {Title: "Due"}}}
	for i := 1; i <= 5; i++ {
		act.Rows = append(act.Rows, []string{strconv.Itoa(i), "", "", ""})
	}
	d.Blocks = append(d.Blocks, Block{Heading: "Agreed actions", Lines: []string{"To fill in at the review: what is agreed, who does it, by when."}, Table: act})
	return d
}

// quantity is a quantity, grouped, with its own places.
func quantity(q decimal.Decimal) string { return domain.Grouped(q.String()) }

func qbrVolume(q QBRPack) []Block {
	trend := Block{Heading: "Volume trend by product, 12 months"}
	if len(q.Volumes) == 0 {
		trend.Lines = []string{"Nothing invoiced by product in the last 13 months."}
		return []Block{trend}
	}
	last := q.Months[len(q.Months)-1]
	for _, v := range q.Volumes {
		unit := ""
		if v.Unit != "" {
			unit = " " + v.Unit
		}
		line := fmt.Sprintf("%s: %s%s in the 12 months to %s", v.Product, quantity(v.Last12), unit, last.Format("Jan 2006"))
		if ch, ok := v.Change(); ok {
			sign := ""
			if ch.IsPositive() {
				sign = "+"
			}
			line += fmt.Sprintf(", %s%s %% on the 12 months before (%s)", sign, ch.StringFixed(1), quantity(v.Prior12))
		} else {
			line += ", nothing the 12 months before"
		}
		trend.Lines = append(trend.Lines, line)
	}
	t := &Table{Cols: []Col{{Title: "Month"}}}
	for _, v := range q.Volumes {
		t.Cols = append(t.Cols, Col{Title: v.Product, Right: true})
	}
	for i, m := range q.Months {
		row := []string{m.Format("Jan 2006")}
		for _, v := range q.Volumes {
			row = append(row, quantity(v.Months[i]))
		}
		t.Rows = append(t.Rows, row)
	}
	foot := []string{"12 months"}
	for _, v := range q.Volumes {
		foot = append(foot, quantity(v.Last12))
	}
	t.Foot = [][]string{foot}
	trend.Table = t

	// The forecast: the last complete month against its actual, then the three months ahead.
	m0 := q.AsOf.MonthStart()
	fc := &Table{Cols: []Col{{Title: "Product"}, {Title: "Method"}, {Title: last.Format("Jan") + " forecast", Right: true},
		{Title: last.Format("Jan") + " actual", Right: true}, {Title: "Error %", Right: true}}}
	for i := 0; i < domain.ForecastAhead; i++ {
		title := m0.AddMonths(i).Format("Jan 2006")
		if i == 0 {
			title += " (so far)"
		}
		fc.Cols = append(fc.Cols, Col{Title: title, Right: true})
	}
	for _, v := range q.Volumes {
		rows := v.Forecast
		method := rows[1].Method
		if method == "" {
			method = "none (no history)"
		}
		row := []string{v.Product, method, "", quantity(rows[0].Actual), ""}
		if rows[0].Method != "" {
			row[2] = quantity(rows[0].Forecast)
		}
		if rows[0].HasError {
			row[4] = rows[0].ErrorPct.StringFixed(1)
		}
		for i, r := range rows[1:] {
			cell := "–"
			if r.Method != "" {
				cell = quantity(r.Forecast)
			}
			if i == 0 {
				cell += " (" + quantity(r.Actual) + ")"
			}
			row = append(row, cell)
		}
		fc.Rows = append(fc.Rows, row)
	}
	forecast := Block{Heading: "Volume forecast",
		Lines: []string{"Seasonal: the same month a year before; average: the mean of the last 3 complete months.",
			"The as-of month shows its forecast, then what is invoiced so far."},
		Table: fc}
	return []Block{trend, forecast}
}

func qbrService(q QBRPack, day func(domain.Date) string) Block {
	b := Block{Heading: "Service levels"}
	open := 0
	for _, s := range q.Issues {
		if s.IsOpen() {
			open++
		}
	}
	line := fmt.Sprintf("Service issues: %d in the 12 months or still open, %d open now", len(q.Issues), open)
	if pct, ok := q.SLA.Pct(); ok {
		line += fmt.Sprintf("; SLA met %s %% (%d of %d decided)", pct.StringFixed(1), q.SLA.Good, q.SLA.Good+q.SLA.Bad)
	}
	b.Lines = []string{line + "."}
	t := &Table{Cols: []Col{{Title: "Opened"}, {Title: "Kind"}, {Title: "SLA by"}, {Title: "Status"}, {Title: "Resolved"}, {Title: "SLA"}, {Title: "Summary"}},
		Empty: "No service issues."}
	for _, s := range q.Issues {
		t.Rows = append(t.Rows, []string{day(s.Opened), strings.ReplaceAll(s.Kind, "-", " "), day(s.SLADeadline), s.Status, day(s.ResolvedOn), s.SLA, s.Summary})
	}
	b.Table = t
	return b
}

func qbrPayment(q QBRPack) Block {
	t := &Table{Cols: []Col{{Title: "Measure"}, {Title: "Value", Right: true}}}
	dso, best := "no sales in the period", ""
	if q.DSO.Valid {
		dso = domain.RoundDays(q.DSO.Days).StringFixed(1) + " days"
		best = domain.RoundDays(q.DSO.Best).StringFixed(1) + " days"
	}
	t.Rows = append(t.Rows, []string{fmt.Sprintf("DSO (%d days)", q.DSO.PeriodDays), dso})
	if best != "" {
		t.Rows = append(t.Rows, []string{"Best possible DSO", best})
	}
	late := "nothing settled or overdue"
	if q.HasDaysLate {
		late = domain.RoundDays(q.DaysLate).StringFixed(1) + " days"
	}
	t.Rows = append(t.Rows, []string{"Average days late (365 days)", late})
	kept := "none due"
	if pct, ok := q.Promises.Pct(); ok {
		kept = fmt.Sprintf("%s %% (%d of %d)", pct.StringFixed(1), q.Promises.Good, q.Promises.Good+q.Promises.Bad)
	}
	t.Rows = append(t.Rows, []string{"Promises to pay kept (12 months)", kept})
	return Block{Heading: "Payment behaviour", Table: t}
}

func qbrSurveys(q QBRPack, day func(domain.Date) string) Block {
	b := Block{Heading: "Surveys"}
	for _, kind := range []string{"nps", "csat"} {
		var last, prev *domain.Survey
		for i := range q.Surveys {
			if s := &q.Surveys[i]; s.Kind == kind {
				last, prev = s, last
			}
		}
		name := strings.ToUpper(kind)
		if last == nil {
			b.Lines = append(b.Lines, "No "+name+" score yet.")
			continue
		}
		line := fmt.Sprintf("Latest %s: %d on %s", name, last.Score, day(last.On))
		switch {
		case prev == nil:
			line += " (the first)"
		case last.Score > prev.Score:
			line += fmt.Sprintf(", up from %d on %s", prev.Score, day(prev.On))
		case last.Score < prev.Score:
			line += fmt.Sprintf(", down from %d on %s", prev.Score, day(prev.On))
		default:
			line += fmt.Sprintf(", as on %s", day(prev.On))
		}
		b.Lines = append(b.Lines, line)
	}
	t := &Table{Cols: []Col{{Title: "Date"}, {Title: "Kind"}, {Title: "Score", Right: true}, {Title: "Comment"}}}
	for i := len(q.Surveys) - 1; i >= 0; i-- {
		s := q.Surveys[i]
		if s.On <= q.AsOf.AddDays(-365) {
			break
		}
		t.Rows = append(t.Rows, []string{day(s.On), strings.ToUpper(s.Kind), strconv.Itoa(s.Score), s.Comment})
	}
	if len(t.Rows) > 0 {
		b.Table = t
	}
	return b
}
