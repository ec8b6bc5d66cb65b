package report_test

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"acctdesk/demo"
	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/report"
	"acctdesk/store"
	"acctdesk/store/memstore"

	"github.com/shopspring/decimal"
)

// TestManagementReportsOnTheDemo: on a demo book, collections, credits and
// term-vs-cash — made from the facts — say what a plain computation from
// every account's documents says (SPEC §11.2, §2: each invoice's
// outstanding from domain.PositionOf as of each day asked), for several
// periods, intervals and as-of dates.
func TestManagementReportsOnTheDemo(t *testing.T) {
	made := domain.MustDate("2026-11-17")
	st := memstore.New()
	ctx := store.WithAuthor(context.Background(), "ada")
	err := demo.Generate(demo.Options{AsOf: made, Seed: 5, Accounts: 40, Author: "ada"}, func(b *store.Batch) error {
		_, err := st.Apply(ctx, b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	page, err := st.Facts("", 1000)
	if err != nil {
		t.Fatal(err)
	}
	var files []*domain.AccountFile
	rows := 0
	for _, x := range page.Facts {
		f, err := st.LoadAccount(x.Account.Code)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	for _, on := range []string{"2026-11-17", "2026-08-12"} {
		asOf := domain.MustDate(on)
		d := desk.New(st, desk.Options{AsOf: asOf})
		for _, period := range []string{"", "2026-Q3", "2026-07", "2026"} {
			p, err := domain.ParsePeriod(period, asOf)
			if err != nil {
				t.Fatal(err)
			}
			to := min(p.To, asOf)
			for _, by := range []string{"day", "week", "month"} {
				got := runAt(t, d, asOf, "collections", period, by)
				rows += strings.Count(got, "\n") - 1
				if want := plainCollections(t, files, p.From, to, by); got != want {
					t.Errorf("as of %s, collections --period %q --by %s:\n%s\nwant\n%s", on, period, by, got, want)
				}
			}
			if got, want := runAt(t, d, asOf, "credits", period, ""), plainCredits(files, p.From, to); got != want {
				t.Errorf("as of %s, credits --period %q:\n%s\nwant\n%s", on, period, got, want)
			}
			if got, want := runAt(t, d, asOf, "term-vs-cash", period, ""), plainTermVsCash(files, p.From, to); got != want {
				t.Errorf("as of %s, term-vs-cash --period %q:\n%s\nwant\n%s", on, period, got, want)
			}
		}
	}
	if rows < 100 {
		t.Errorf("only %d collections rows compared: the demo book gives too little to check", rows)
	}
}

func runAt(t *testing.T, d *desk.Desk, asOf domain.Date, name, period, by string) string {
	t.Helper()
	in := report.Input{AsOf: asOf, By: by}
	var err error
	if in.Period, err = domain.ParsePeriod(period, asOf); err != nil {
		t.Fatal(err)
	}
	tab, err := d.Report(name, in)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := tab.Write(&b, "csv"); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// outstandingOf is what invoice number owes as of d (zero when not issued).
func outstandingOf(t *testing.T, f *domain.AccountFile, number string, d domain.Date) decimal.Decimal {
	k := positionKey{f.Account.Code, d}
	p, ok := positions[k]
	if !ok {
		var err error
		if p, err = domain.PositionOf(f, d); err != nil {
			t.Fatal(err)
		}
		positions[k] = p
	}
	for _, it := range p.Items {
		if it.Invoice.Number == number {
			return it.Outstanding
		}
	}
	return decimal.Zero
}

type positionKey struct {
	code string
	on   domain.Date
}

// positions are the accounts' positions already worked out (the demo's
// documents do not change during the test).
var positions = map[positionKey]domain.Position{}

func plainCollections(t *testing.T, files []*domain.AccountFile, from, to domain.Date, by string) string {
	type key struct {
		start       domain.Date
		owner, name string
		cur         domain.Currency
	}
	type sums struct{ fell, onTime, paid decimal.Decimal }
	all := map[key]*sums{}
	for _, f := range files {
		for _, inv := range f.Invoices {
			if inv.Due < from || inv.Due > to || inv.Issued > to {
				continue
			}
			var start, end domain.Date
			var name string
			switch by {
			case "day":
				start, end, name = inv.Due, inv.Due, inv.Due.String()
			case "week":
				start = inv.Due.AddDays(-((int(inv.Due.Weekday()) + 6) % 7))
				end, name = start.AddDays(6), start.String()
			default:
				start = inv.Due.MonthStart()
				end, name = start.AddMonths(1).AddDays(-1), domain.MonthName(start)
			}
			end = min(end, to)
			k := key{start, f.Account.Owner, name, f.Account.Currency}
			s := all[k]
			if s == nil {
				s = &sums{}
				all[k] = s
			}
			s.fell = s.fell.Add(inv.Amount)
			if inv.Issued <= inv.Due {
				s.onTime = s.onTime.Add(inv.Amount.Sub(outstandingOf(t, f, inv.Number, inv.Due)))
			}
			s.paid = s.paid.Add(inv.Amount.Sub(outstandingOf(t, f, inv.Number, end)))
		}
	}
	keys := make([]key, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.start, b.start), strings.Compare(a.owner, b.owner), strings.Compare(string(a.cur), string(b.cur)))
	})
	var b strings.Builder
	b.WriteString("interval,owner,currency,fell_due,paid_on_time,paid,rate_pct\n")
	for _, k := range keys {
		s := all[k]
		rate := ""
		if !s.fell.IsZero() {
			rate = s.onTime.Mul(decimal.NewFromInt(100)).Div(s.fell).Round(1).StringFixed(1)
		}
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s,%s,%s\n", k.name, k.owner, k.cur, domain.Plain(s.fell, k.cur), domain.Plain(s.onTime, k.cur),
			domain.Plain(s.paid, k.cur), rate)
	}
	return b.String()
}

func plainCredits(files []*domain.AccountFile, from, to domain.Date) string {
	type row struct {
		month        domain.Date
		reason, code string
		cur          domain.Currency
		count        int
		amount       decimal.Decimal
	}
	var rows []*row
	for _, f := range files {
		mine := map[string]*row{}
		for _, c := range f.Credits {
			if c.Date < from || c.Date > to {
				continue
			}
			k := domain.MonthName(c.Date) + " " + c.Reason
			r := mine[k]
			if r == nil {
				r = &row{month: c.Date.MonthStart(), reason: c.Reason, code: f.Account.Code, cur: f.Account.Currency}
				mine[k] = r
				rows = append(rows, r)
			}
			r.count++
			r.amount = r.amount.Add(c.Amount)
		}
	}
	slices.SortFunc(rows, func(a, b *row) int {
		return cmp.Or(cmp.Compare(a.month, b.month), strings.Compare(a.reason, b.reason), strings.Compare(a.code, b.code))
	})
	var b strings.Builder
	b.WriteString("month,reason,account,count,amount,currency\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%s,%s,%s,%d,%s,%s\n", domain.MonthName(r.month), r.reason, r.code, r.count, domain.Plain(r.amount, r.cur), r.cur)
	}
	return b.String()
}

func plainTermVsCash(files []*domain.AccountFile, from, to domain.Date) string {
	type key struct {
		month domain.Date
		terms string
		cur   domain.Currency
	}
	type sums struct {
		accounts map[string]bool
		revenue  decimal.Decimal
	}
	all := map[key]*sums{}
	for _, f := range files {
		for _, inv := range f.Invoices {
			if inv.Issued < from || inv.Issued > to {
				continue
			}
			k := key{inv.Issued.MonthStart(), f.Account.Terms, f.Account.Currency}
			s := all[k]
			if s == nil {
				s = &sums{accounts: map[string]bool{}}
				all[k] = s
			}
			s.accounts[f.Account.Code] = true
			s.revenue = s.revenue.Add(inv.Amount)
		}
	}
	keys := make([]key, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.month, b.month), strings.Compare(a.terms, b.terms), strings.Compare(string(a.cur), string(b.cur)))
	})
	var b strings.Builder
	b.WriteString("month,terms,accounts,revenue,currency\n")
	for _, k := range keys {
		s := all[k]
		fmt.Fprintf(&b, "%s,%s,%d,%s,%s\n", domain.MonthName(k.month), k.terms, len(s.accounts), domain.Plain(s.revenue, k.cur), k.cur)
	}
	return b.String()
}
