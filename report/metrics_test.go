package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"acctdesk/domain"

	"github.com/xuri/excelize/v2"
)

// metricsBook, for period 2026-Q3 as of 2026-11-30: S = 1 Jul, E = 30 Sep.
//   - A (ada, tier 1, fleet, NGN): K1 2000 issued 1 Jun due 1 Jul, K2 3000
//     issued 1 Aug due 31 Aug, K3 1000 issued 20 Sep due 20 Oct; P1 2000 on
//     5 Jul (pays K1, 4 days late), P2 1000 on 1 Sep (1000 of K2). As of
//     E: AR 3000, current 1000 (K3). NPS 10 and 3, CSAT 4.
//   - B (bob, tier 2, retail, NGN): Z1 1000 issued 1 Mar due 31 Mar, never
//     paid: no sales in the DSO period. NPS 9.
//   - C (ada, tier 2, fleet, XOF): churned 15 Aug; C1 10000 issued 10 Jul
//     due 9 Aug, 250 written off 15 Sep.
func metricsBook() []*domain.AccountFile {
	acct := func(code, owner string, tier int, segment string, cur domain.Currency) *domain.AccountFile {
		return &domain.AccountFile{Account: domain.Account{Code: code, Name: code + " Ltd", Tier: tier, Owner: owner, Segment: segment,
			Status: "active", OpenedOn: domain.MustDate("2024-01-01"), Terms: "term", TermsDays: 30, Currency: cur}}
	}
	inv := func(f *domain.AccountFile, num, issued, due, amount string) {
		f.Invoices = append(f.Invoices, domain.Invoice{Account: f.Account.Code, Number: num, Issued: domain.MustDate(issued),
			Due: domain.MustDate(due), Amount: dec(amount), Currency: f.Account.Currency})
	}
	pay := func(f *domain.AccountFile, ref, on, amount string) {
		f.Payments = append(f.Payments, domain.Payment{Account: f.Account.Code, Reference: ref, Received: domain.MustDate(on),
			Amount: dec(amount), Currency: f.Account.Currency})
	}
	survey := func(f *domain.AccountFile, on, kind string, score int) {
		f.Surveys = append(f.Surveys, domain.Survey{ID: uint64(len(f.Surveys) + 1), Account: f.Account.Code, On: domain.MustDate(on), Kind: kind, Score: score})
	}
	a := acct("A", "ada", 1, "fleet", "NGN")
	inv(a, "K1", "2026-06-01", "2026-07-01", "2000")
	inv(a, "K2", "2026-08-01", "2026-08-31", "3000")
	inv(a, "K3", "2026-09-20", "2026-10-20", "1000")
	pay(a, "P1", "2026-07-05", "2000")
	pay(a, "P2", "2026-09-01", "1000")
	survey(a, "2026-07-01", domain.SurveyNPS, 10)
	survey(a, "2026-08-01", domain.SurveyNPS, 3)
	survey(a, "2026-08-01", domain.SurveyCSAT, 4)
	b := acct("B", "bob", 2, "retail", "NGN")
	inv(b, "Z1", "2026-03-01", "2026-03-31", "1000")
	survey(b, "2026-09-01", domain.SurveyNPS, 9)
	c := acct("C", "ada", 2, "fleet", "XOF")
	c.Account.Status, c.Account.StatusSince = domain.StatusChurned, domain.MustDate("2026-08-15")
	inv(c, "C1", "2026-07-10", "2026-08-09", "10000")
	c.Credits = []domain.CreditNote{{Account: "C", Number: "WO1", Date: domain.MustDate("2026-09-15"), Amount: dec("250"), Currency: "XOF", Reason: "write-off"}}
	return []*domain.AccountFile{a, b, c}
}

func metricsOut(t *testing.T, by, owner, format string) (*Table, string) {
	t.Helper()
	book, err := domain.BookOf(domain.DefaultSettings(), metricsBook())
	if err != nil {
		t.Fatal(err)
	}
	r, err := Lookup("metrics")
	if err != nil {
		t.Fatal(err)
	}
	asOf := domain.MustDate("2026-11-30")
	p, err := domain.ParsePeriod("2026-Q3", asOf)
	if err != nil {
		t.Fatal(err)
	}
	tab := Of(r, Input{AsOf: asOf, Period: p, By: by, Owner: owner}, book.Settings, book.Accounts)
	var buf bytes.Buffer
	if err := tab.Write(&buf, format); err != nil {
		t.Fatal(err)
	}
	return tab, buf.String()
}

const metricsHeader = "group,currency,revenue,nrr_pct,grr_pct,logo_churn_pct,cross_sell_conversion_pct,bad_debt_pct,dso," +
	"countback_dso,best_possible_dso,add,cei_pct,avg_days_late,promise_kept_pct,nps,csat\n"

// The accounts' rows, each as its own group (domain's TestKPIFigures works
// A's and B's out; C below).
const (
	// A: revenue K2 + K3 = 4000; DSO 3000 ÷ 4000 × 90 = 67.5, best 1000 ÷
	// 4000 × 90 = 22.5, ADD 45.0; countback 30 + 2000 ÷ 3000 × 31 = 50.7;
	// CEI (2000 + 4000 − 3000) ÷ (2000 + 4000 − 1000) = 60.0; days late
	// (4 × 2000 + 30 × 3000) ÷ 5000 = 19.6; NPS (1 − 1) ÷ 2 = 0.0; CSAT 4.0.
	rowA = "4000.00,,,0.0,,0.0,67.5,50.7,22.5,45.0,60.0,19.6,,0.0,4.0\n"
	// B: no sales in the DSO period; countback 214.0, CEI 0.0, 183 days
	// late; NPS one promoter: 100.0.
	rowB = "0.00,,,0.0,,,,214.0,,,0.0,183.0,,100.0,\n"
	// C: active on S, churned 15 Aug: 1 ÷ 1 = 100.0; bad debt 250 ÷ 10000 =
	// 2.5; AR 9750, overdue: DSO 9750 ÷ 10000 × 90 = 87.75 → 87.8 (half away
	// from zero), best 0.0, ADD 87.8; countback Sep 30 + Aug 31 + 9750 ÷
	// 10000 × Jul 31 = 91.225 → 91.2; CEI (0 + 10000 − 9750) ÷ 10000 = 2.5;
	// days late 9 Aug → 30 Sep = 52.0. XOF has no places.
	rowC = "10000,,,100.0,,2.5,87.8,91.2,0.0,87.8,2.5,52.0,,,\n"
)

func TestMetricsCSV(t *testing.T) {
	for _, c := range []struct {
		by, owner, want string
	}{
		// The book, NGN = A + B: AR 4000, current 1000, sales 4000: DSO 90.0,
		// best 22.5, ADD 67.5; countback 30 (Sep's 1000) + 31 (Aug's 3000) =
		// 61.0; CEI (3000 + 4000 − 4000) ÷ (3000 + 4000 − 1000) = 50.0; days
		// late (98000 + 183000) ÷ 6000 = 46.8; NPS 10, 3, 9: (2 − 1) ÷ 3 =
		// 33.3; CSAT 4.0.
		{"", "", "book,NGN,4000.00,,,0.0,,0.0,90.0,61.0,22.5,67.5,50.0,46.8,,33.3,4.0\n" + "book,XOF," + rowC},
		{"owner", "", "owner:ada,NGN," + rowA + "owner:ada,XOF," + rowC + "owner:bob,NGN," + rowB},
		{"tier", "", "tier:1,NGN," + rowA + "tier:2,NGN," + rowB + "tier:2,XOF," + rowC},
		{"segment", "", "segment:fleet,NGN," + rowA + "segment:fleet,XOF," + rowC + "segment:retail,NGN," + rowB},
		{"", "BOB", "book,NGN," + rowB}, // --owner: that owner's accounts only
	} {
		if _, got := metricsOut(t, c.by, c.owner, "csv"); got != metricsHeader+c.want {
			t.Errorf("--by %q --owner %q:\n%s\nwant\n%s", c.by, c.owner, got, metricsHeader+c.want)
		}
	}
}

func TestMetricsEmptyBook(t *testing.T) {
	// No account, no row: there is no currency to report in.
	r, _ := Lookup("metrics")
	tab := Of(r, Input{AsOf: domain.MustDate("2026-11-30")}, domain.DefaultSettings(), nil)
	var buf bytes.Buffer
	if err := tab.Write(&buf, "csv"); err != nil || buf.String() != metricsHeader {
		t.Fatalf("%q %v", buf.String(), err)
	}
}

func TestMetricsJSONAndTable(t *testing.T) {
	_, out := metricsOut(t, "", "", "json")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// Numbers as numbers, undefined figures as null.
	if len(rows) != 2 || rows[0]["group"] != "book" || rows[0]["dso"] != 90.0 || rows[0]["nrr_pct"] != nil || rows[1]["revenue"] != 10000.0 {
		t.Fatalf("%s", out)
	}
	_, table := metricsOut(t, "", "", "table")
	lines := strings.Split(table, "\n")
	if !strings.HasPrefix(lines[0], "GROUP  CURRENCY  ") || !strings.Contains(lines[1], "4,000.00") || !strings.HasPrefix(lines[2], "book   XOF ") {
		t.Fatalf("%s", table)
	}
}

func TestMetricsXLSX(t *testing.T) {
	tab, out := metricsOut(t, "owner", "", "xlsx")
	f, err := excelize.OpenReader(strings.NewReader(out))
	if err != nil {
		t.Fatalf("the workbook does not read back: %v", err)
	}
	defer f.Close()
	rows, err := f.GetRows("metrics")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(tab.Rows) || strings.Join(rows[0], ",")+"\n" != metricsHeader {
		t.Fatalf("rows %q", rows)
	}
	if got := rows[1][0] + " " + rows[1][8]; got != "owner:ada 67.5" {
		t.Fatalf("ada's DSO cell %q", got)
	}
}

func TestMetricsHelp(t *testing.T) {
	cols, err := Columns("metrics")
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, c := range cols {
		keys = append(keys, c.Key)
		if c.Means == "" {
			t.Errorf("column %s has no meaning", c.Key)
		}
	}
	if strings.Join(keys, ",")+"\n" != metricsHeader {
		t.Fatalf("columns %v", keys)
	}
	if !strings.Contains(About("metrics"), "sorted by group then currency") {
		t.Fatalf("about: %s", About("metrics"))
	}
	if got := strings.Join(ByWords("metrics"), ","); got != "owner,tier,segment" || ByWords("dso") != nil {
		t.Fatalf("--by words %q", got)
	}
}
