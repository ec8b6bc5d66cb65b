package docs

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
)

// Statement is the statement of account (SPEC §9.5) as a document: from
// us to the customer and its finance contact, as of a date — the open
// invoices, the payments and credit notes of the last 90 days, the aging,
// unapplied credit and the total due (the aging report's net), and any
// open promise or payment plan. Amounts have the currency's places,
// grouped, in the currency the header names.
func Statement(s domain.Statement) Doc {
	cur := s.Currency
	money := func(d decimal.Decimal) string { return domain.Human(d, cur) }
	day := func(d domain.Date) string { return d.String() }
	from := s.From
	if from == "" || from == "book" {
		from = "Accounts receivable"
	}
	d := Doc{
		Title:   "Statement of account",
		Created: s.AsOf.String(),
		Header: []string{
			"From: " + from,
			fmt.Sprintf("To: %s (%s)", s.Account.Name, s.Account.Code),
			fmt.Sprintf("As of %s · amounts in %s", day(s.AsOf), cur),
		},
	}

	cust := Block{Heading: "Customer", Lines: []string{fmt.Sprintf("Account %s: %s", s.Account.Code, s.Account.Name)}}
	if s.HasContact {
		c := s.Contact
		who := "Attention: " + c.Name
		if c.Role != "" {
			who += " (" + c.Role + ")"
		}
		cust.Lines = append(cust.Lines, who)
		if c.Phone != "" {
			cust.Lines = append(cust.Lines, "Phone: "+c.Phone)
		}
		if c.Email != "" {
			cust.Lines = append(cust.Lines, "Email: "+c.Email)
		}
	}
	d.Blocks = append(d.Blocks, cust)

	open := &Table{
		Cols: []Col{{Title: "Invoice"}, {Title: "Issued"}, {Title: "Due"}, {Title: "Amount", Right: true},
			{Title: "Outstanding", Right: true}, {Title: "Days late", Right: true}},
		Empty: "No open invoices.",
	}
	invoiced := decimal.Zero
	for _, x := range s.Open {
		num := x.Number
		if x.Disputed {
			num += " (disputed)"
		}
		days := ""
		if x.DaysPastDue > 0 {
			days = strconv.Itoa(x.DaysPastDue)
		}
		open.Rows = append(open.Rows, []string{num, day(x.Issued), day(x.Due), money(x.Amount), money(x.Outstanding), days})
		invoiced = invoiced.Add(x.Amount)
	}
	if len(s.Open) > 0 {
		open.Foot = [][]string{{fmt.Sprintf("%d open", len(s.Open)), "", "", money(invoiced), money(s.Total()), ""}}
	}
	d.Blocks = append(d.Blocks, Block{Heading: "Open invoices", Table: open})

	paid := &Table{
		Cols:  []Col{{Title: "Date"}, {Title: "Kind"}, {Title: "Reference"}, {Title: "Applied to"}, {Title: "Amount", Right: true}},
		Empty: "None in these 90 days.",
	}
	for _, c := range s.Credits {
		to := "balance forward"
		if c.Invoice != "" {
			to = "invoice " + c.Invoice
		}
		kind := c.Kind
		if c.Reason != "" {
			kind += ", " + strings.ReplaceAll(c.Reason, "-", " ")
		}
		paid.Rows = append(paid.Rows, []string{day(c.On), kind, c.Reference, to, money(c.Amount)})
	}
	d.Blocks = append(d.Blocks, Block{Heading: fmt.Sprintf("Payments and credit notes, %s to %s", day(s.Since), day(s.AsOf)), Table: paid})

	aging := &Table{Cols: []Col{{Title: "Days past due"}, {Title: "Outstanding", Right: true}}}
	for i, b := range s.Aging.Buckets {
		aging.Rows = append(aging.Rows, []string{s.Labels[i], money(b)})
	}
	aging.Foot = [][]string{{"Total outstanding", money(s.Total())}}
	d.Blocks = append(d.Blocks, Block{Heading: "Aging", Table: aging})

	sum := &Table{Cols: []Col{{Title: ""}, {Title: string(cur), Right: true}}}
	sum.Rows = [][]string{{"Total outstanding", money(s.Total())}, {"Unapplied credit", money(s.Unapplied())}}
	sum.Foot = [][]string{{"Total due", money(s.TotalDue())}}
	total := Block{Heading: "Total due", Table: sum}
	if s.TotalDue().IsNegative() {
		total.Lines = []string{fmt.Sprintf("The account is in credit by %s %s.", cur, money(s.TotalDue().Neg()))}
	} else {
		total.Lines = []string{fmt.Sprintf("Total due: %s %s.", cur, money(s.TotalDue()))}
	}
	d.Blocks = append(d.Blocks, total)

	if len(s.Promises) > 0 {
		pt := &Table{Cols: []Col{{Title: "Promised on"}, {Title: "To pay by"}, {Title: "Amount", Right: true}, {Title: "Paid so far", Right: true}}}
		for _, p := range s.Promises {
			pt.Rows = append(pt.Rows, []string{day(p.GivenOn), day(p.DueOn), money(p.Amount), money(p.Paid)})
		}
		d.Blocks = append(d.Blocks, Block{Heading: "Promises to pay", Table: pt})
	}
	if s.Plan != nil {
		pl := &Table{Cols: []Col{{Title: "No.", Right: true}, {Title: "Due"}, {Title: "Amount", Right: true}, {Title: "Status"}}}
		for i, in := range s.Plan.Instalments {
			pl.Rows = append(pl.Rows, []string{strconv.Itoa(i + 1), day(in.Due), money(in.Amount), in.Status})
		}
		d.Blocks = append(d.Blocks, Block{Heading: "Payment plan agreed " + day(s.Plan.Agreed), Table: pl})
	}
	return d
}
