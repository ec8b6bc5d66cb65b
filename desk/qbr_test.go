package desk

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"acctdesk/docs"
	"acctdesk/domain"
	"acctdesk/store/memstore"
)

var qbrAsOf = domain.MustDate("2026-11-17")

// qbrStore is a book of two accounts as of Tue 17 Nov 2026. IKJ01, tier 1,
// limit ₦10,000,000.00 and an overdraft of ₦2,000,000.00 to 31 Dec:
//   - AGO every 5th of the month from Nov 2024, ₦1,000,000.00 each, due 30
//     days later: 1,000 litres a month to Oct 2025, 1,100 from Nov 2025, 600
//     in Nov 2026 so far. Each paid on its due date (named), except Sep 2026's
//     (due 5 Oct, paid 15 Oct: 10 days late); Oct's (due 4 Nov) and Nov's are open.
//   - PMS once, 500 litres on 10 Jun 2026, ₦500,000.00, paid on its due date.
//   - promises, issues, contracts, surveys and objectives as each test says.
//
// OTH01 buys Fleet and Rescue: the book sells AGO, Fleet, PMS and Rescue.
func qbrStore() *memstore.Store {
	a := &domain.AccountFile{Account: domain.Account{Code: "IKJ01", Name: "Ikeja Haulage Ltd", Tier: 1, Segment: "haulage", Owner: "ada",
		Status: domain.StatusActive, Terms: "term", TermsDays: 30, Currency: "NGN", CreditLimit: decimal.RequireFromString("10000000"),
		Overdraft:      domain.Overdraft{Amount: decimal.RequireFromString("2000000"), Expires: domain.MustDate("2026-12-31"), ApprovedBy: "bola"},
		ExpansionNotes: "Fleet cards for 40 trucks"},
		Contacts: []domain.Contact{{Account: "IKJ01", Name: "Ngozi Eze", Role: "finance", Primary: true, Email: "ngozi@ikeja.ng"}}}
	for m := domain.MustDate("2024-11-05"); m <= qbrAsOf; m = m.AddMonths(1) {
		qty := "1000"
		switch {
		case m >= domain.MustDate("2026-11-01"):
			qty = "600"
		case m >= domain.MustDate("2025-11-01"):
			qty = "1100"
		}
		num := "A-" + m.Format("0601")
		inv := domain.Invoice{Account: "IKJ01", Number: num, Issued: m, Due: m.AddDays(30), Amount: decimal.RequireFromString("1000000"),
			Currency: "NGN", Product: "AGO", Quantity: decimal.RequireFromString(qty), Unit: "litres"}
		a.Invoices = append(a.Invoices, inv)
		paid := inv.Due
		switch num {
		case "A-2609":
			paid = domain.MustDate("2026-10-15")
		case "A-2610", "A-2611":
			continue
		}
		a.Payments = append(a.Payments, domain.Payment{Account: "IKJ01", Reference: "PAY-" + num, Received: paid, Amount: inv.Amount, Currency: "NGN", Invoice: num})
	}
	a.Invoices = append(a.Invoices, domain.Invoice{Account: "IKJ01", Number: "P-1", Issued: domain.MustDate("2026-06-10"), Due: domain.MustDate("2026-07-10"),
		Amount: decimal.RequireFromString("500000"), Currency: "NGN", Product: "PMS", Quantity: decimal.RequireFromString("500"), Unit: "litres"})
	a.Payments = append(a.Payments, domain.Payment{Account: "IKJ01", Reference: "PAY-P-1", Received: domain.MustDate("2026-07-10"), Amount: decimal.RequireFromString("500000"), Currency: "NGN", Invoice: "P-1"})

	promise := func(id uint64, given, due, amount string) domain.Promise {
		return domain.Promise{ID: id, Account: "IKJ01", Amount: decimal.RequireFromString(amount), Currency: "NGN", GivenOn: domain.MustDate(given), DueOn: domain.MustDate(due)}
	}
	a.Promises = []domain.Promise{
		promise(1, "2025-10-01", "2025-10-10", "100000"), // due before the 365 days
		promise(2, "2026-08-20", "2026-09-01", "500000"), // A-2608's payment of 4 Sep is within the grace: kept
		promise(3, "2026-10-10", "2026-10-12", "300000"), // A-2609's of 15 Oct: kept
		promise(4, "2026-10-20", "2026-10-25", "400000"), // nothing paid 20–28 Oct: broken
		promise(5, "2026-11-10", "2026-11-16", "200000"), // due after 17 Nov − 3: not decided yet
	}
	issue := func(id uint64, kind, opened, sla, status, resolved, summary string) domain.ServiceIssue {
		s := domain.ServiceIssue{ID: id, Account: "IKJ01", Kind: kind, Opened: domain.MustDate(opened), SLADeadline: domain.MustDate(sla), Status: status, Summary: summary}
		if resolved != "" {
			s.ResolvedOn, s.Resolution = domain.MustDate(resolved), "done"
		}
		return s
	}
	a.Issues = []domain.ServiceIssue{
		issue(1, "late-delivery", "2026-03-01", "2026-03-05", domain.IssueResolved, "2026-03-04", "Late AGO delivery at Apapa"), // met
		issue(2, "short-volume", "2026-06-01", "2026-06-03", domain.IssueResolved, "2026-06-10", "Short by 400 litres"),         // missed
		issue(3, "quality", "2026-11-10", "2026-11-20", domain.IssueOpen, "", "Water in the tank"),                              // pending
		issue(4, "billing-error", "2025-06-01", "2025-06-05", domain.IssueResolved, "2025-06-02", "Old"),                        // before the 365 days, resolved: left out
		issue(5, "fleet-incident", "2025-09-01", "2025-09-10", domain.IssueInProgress, "", "Truck 12 off the road"),             // still open, past its SLA: missed
	}
	a.Contracts = []domain.Contract{
		{Account: "IKJ01", ID: "K-0", Start: domain.MustDate("2022-12-09"), End: domain.MustDate("2024-12-08"), Status: domain.ContractRenewed},
		{Account: "IKJ01", ID: "K-1", Start: domain.MustDate("2024-12-09"), End: domain.MustDate("2026-12-08"), NoticeDays: 30, SLA: "AGO within 48h", Status: domain.ContractActive},
	}
	a.Surveys = []domain.Survey{
		{ID: 1, Account: "IKJ01", On: domain.MustDate("2025-06-01"), Kind: "nps", Score: 5},
		{ID: 2, Account: "IKJ01", On: domain.MustDate("2026-04-01"), Kind: "nps", Score: 7},
		{ID: 3, Account: "IKJ01", On: domain.MustDate("2026-10-01"), Kind: "nps", Score: 9, Comment: "Deliveries on time"},
		{ID: 4, Account: "IKJ01", On: domain.MustDate("2026-10-01"), Kind: "csat", Score: 4},
		{ID: 5, Account: "IKJ01", On: domain.MustDate("2026-12-01"), Kind: "nps", Score: 2}, // after the as-of date
	}
	a.Objectives = []domain.Objective{
		{ID: 1, Account: "IKJ01", Kind: "cross-sell", Measure: "Fleet cards live", Target: "40 trucks", Due: domain.MustDate("2027-01-31"), Owner: "ada", Status: domain.ObjectiveOpen,
			Steps: []domain.Step{{Text: "Pricing", Due: domain.MustDate("2026-11-01"), Done: true}, {Text: "Demo to ops", Due: domain.MustDate("2026-11-30")}}},
		{ID: 2, Account: "IKJ01", Kind: "volume", Measure: "AGO 1,000 litres a month", Due: domain.MustDate("2026-06-30"), Status: "met"},
	}
	o := &domain.AccountFile{Account: domain.Account{Code: "OTH01", Name: "Other Ltd", Tier: 3, Status: domain.StatusActive, Terms: "cash", Currency: "NGN"},
		Invoices: []domain.Invoice{
			{Account: "OTH01", Number: "O-1", Issued: domain.MustDate("2025-01-01"), Due: domain.MustDate("2025-01-01"), Amount: decimal.RequireFromString("10"), Currency: "NGN", Product: "Rescue"},
			{Account: "OTH01", Number: "O-2", Issued: domain.MustDate("2026-05-01"), Due: domain.MustDate("2026-05-01"), Amount: decimal.RequireFromString("10"), Currency: "NGN", Product: "Fleet"},
		}}
	set := domain.DefaultSettings()
	set.Name = "Delta Fuels Ltd"
	return memstore.From(set, []*domain.AccountFile{a, o})
}

// qbrFigures are the pack's figures, worked by hand from qbrStore, as the md
// and the pdf's text both must show them.
var qbrFigures = []string{
	// The account.
	"Ikeja Haulage Ltd (IKJ01)", "As of 2026-11-17", "Contact: Ngozi Eze (finance)",
	// Volume: the 12 months Nov 2025 … Oct 2026 at 1,100 = 13,200 against Nov 2024 … Oct 2025
	// at 1,000 = 12,000: (13,200 − 12,000) ÷ 12,000 × 100 = +10.0 %.
	"AGO: 13,200 litres in the 12 months to Oct 2026, +10.0 % on the 12 months before (12,000)",
	"PMS: 500 litres in the 12 months to Oct 2026, nothing the 12 months before",
	// The forecast: AGO has 24 months of history before November: seasonal,
	// Nov ← Nov 2025 1,100 (600 so far), Dec ← 1,100, Jan ← 1,100; October
	// from 23 months: ← Oct 2025 1,000, actual 1,100: (1,000 − 1,100) ÷ 1,100 × 100 = −9.1.
	// PMS from June: 5 months, average of Aug, Sep, Oct = 0; October from
	// Jul, Aug, Sep = 0 against 0 (no error).
	"Volume forecast",
	// Service: issues 3, 2, 1 and 5 (4 is resolved and older); open now 3 and
	// 5; met 1 (issue 1), missed 2 (2 resolved late, 5 open past its SLA): 1 ÷ 3 = 33.3 %.
	"Service issues: 4 in the 12 months or still open, 2 open now; SLA met 33.3 % (1 of 3 decided).",
	"Water in the tank", "Truck 12 off the road",
	// Payment: net AR A-2610 + A-2611 = 2,000,000.00; sales of 20 Aug … 17 Nov:
	// Sep, Oct, Nov = 3,000,000.00: DSO 2 ÷ 3 × 90 = 60.0; best (current
	// A-2611 only) 1 ÷ 3 × 90 = 30.0. Days late: settled in the 365 days
	// A-2511 … A-2608 (10 × 1,000,000 at 0), A-2609 (1,000,000 at 10), P-1
	// (500,000 at 0), open overdue A-2610 (1,000,000 at 13):
	// (10,000,000 + 13,000,000) ÷ 12,500,000 = 1.84 → 1.8. Promises 2, 3 kept,
	// 4 broken: 2 ÷ 3 = 66.7 %.
	"DSO (90 days)", "60.0 days", "30.0 days", "1.8 days", "66.7 % (2 of 3)",
	// Open items and aging: A-2610 13 days late, A-2611 current.
	"A-2610", "2026-11-04", "A-2611", "1,000,000.00", "2,000,000.00",
	// Credit: 2,000,000 ÷ (10,000,000 + 2,000,000) = 16.67 → 16.7 %; headroom 10,000,000.00.
	"Utilisation 16.7 % of the limit.", "Temporary overdraft to 2026-12-31", "10,000,000.00",
	// Contracts: K-1 ends 8 Dec 2026, 21 days on, notice 30 days before.
	"Renewal date: 2026-12-08 (contract K-1, 21 days from now); notice by 2026-11-08.", "K-0",
	// Surveys by 17 Nov (the score of 1 Dec does not exist yet).
	"Latest NPS: 9 on 2026-10-01, up from 7 on 2026-04-01", "Latest CSAT: 4 on 2026-10-01 (the first)", "Deliveries on time",
	// Expansion: bought in the 12 months AGO and PMS; the book sells Fleet and Rescue too.
	"Buys (12 months): AGO, PMS", "Not yet bought: Fleet, Rescue", "Notes: Fleet cards for 40 trucks",
	// The open objective, with its step still to do.
	"Fleet cards live", "40 trucks", "2027-01-31", "Demo to ops by 2026-11-30",
	"Agreed actions",
}

func TestQBRMarkdown(t *testing.T) {
	d := New(qbrStore(), Options{AsOf: qbrAsOf})
	b, q, err := d.QBRBytes("ikj01", 0, "md") // any case
	if err != nil {
		t.Fatal(err)
	}
	md := string(b)
	for _, w := range qbrFigures {
		if !strings.Contains(md, w) {
			t.Errorf("the md has no %q", w)
		}
	}
	for _, w := range []string{
		"## Volume trend by product, 12 months", "## Volume forecast", "## Service levels", "## Payment behaviour", "## Open items",
		"## Aging", "## Credit use", "## Contracts and renewal", "## Surveys", "## Expansion opportunities", "## Open objectives", "## Agreed actions",
		// The monthly table: Nov 2025 … Oct 2026 at 1,100, PMS in June.
		"| Nov 2025 | 1,100 | 0 |", "| Jun 2026 | 1,100 | 500 |", "| **12 months** | **13,200** | **500** |",
		// The forecast table (mdEscape leaves “(” alone).
		"| AGO | seasonal | 1,000 | 1,100 | -9.1 | 1,100 (600) | 1,100 | 1,100 |",
		"| PMS | average | 0 | 0 |  | 0 (0) | 0 | 0 |",
		"| Promises to pay kept (12 months) | 66.7 % (2 of 3) |", "| Average days late (365 days) | 1.8 days |",
		"| A-2610 | 2026-10-05 | 2026-11-04 | 1,000,000.00 | 1,000,000.00 | 13 |",
		"| 1–30 | 1,000,000.00 |", "| **Headroom** | **10,000,000.00** |",
		"| 2026-06-01 | short volume | 2026-06-03 | resolved | 2026-06-10 | missed | Short by 400 litres |",
		"| 2025-09-01 | fleet incident | 2025-09-10 | in-progress |  | missed | Truck 12 off the road |",
		"| cross-sell | Fleet cards live | 40 trucks | 2027-01-31 | ada | Demo to ops by 2026-11-30 |",
		"| 1 |  |  |  |", "| 5 |  |  |  |", // the actions, to fill in
	} {
		if !strings.Contains(md, w) {
			t.Errorf("the md has no %q", w)
		}
	}
	for _, not := range []string{"Old", "AGO 1,000 litres a month", "| 2026-12-01 |"} {
		if strings.Contains(md, not) {
			t.Errorf("the md has %q (a resolved old issue, a met objective, a survey after the date)", not)
		}
	}
	if q.SLA != (docs.QBRCount{Good: 1, Bad: 2, Pending: 1}) || q.Promises != (docs.QBRCount{Good: 2, Bad: 1}) {
		t.Errorf("SLA %+v, promises %+v", q.SLA, q.Promises)
	}
	if t.Failed() {
		t.Logf("md:\n%s", md)
	}
}

func TestQBRPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext (poppler-utils) is needed in CI")
		}
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	d := New(qbrStore(), Options{AsOf: qbrAsOf})
	dir := t.TempDir()
	path, err := d.WriteQBR("IKJ01", 0, "pdf", dir)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(path) != "qbr-IKJ01-2026-11-17.pdf" {
		t.Errorf("written to %s", path)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ") // lines and columns as single spaces
	for _, w := range qbrFigures {
		if !strings.Contains(text, strings.Join(strings.Fields(w), " ")) {
			t.Errorf("the pdf has no %q", w)
		}
	}
	for _, w := range []string{"AGO seasonal 1,000 1,100 -9.1 1,100 (600) 1,100 1,100", "Promises to pay kept (12 months) 66.7 % (2 of 3)"} {
		if !strings.Contains(text, w) {
			t.Errorf("the pdf has no %q", w)
		}
	}
	if t.Failed() {
		t.Logf("pdftotext:\n%s", out)
	}
	if _, _, err := d.QBRBytes("IKJ01", 0, "text"); err == nil || !strings.Contains(err.Error(), "md, html, pdf") {
		t.Errorf("a text pack: %v", err)
	}
	if _, err := d.QBR("NOPE", 0); err == nil {
		t.Error("an unknown account gives a pack")
	}
	b, _, err := d.QBRBytes("IKJ01", 0, "html")
	if err != nil || !strings.Contains(string(b), "<h2>Agreed actions</h2>") || !strings.Contains(string(b), "Renewal date: 2026-12-08") {
		t.Errorf("html: %v\n%s", err, b)
	}
}

// TestQBROpportunitiesOwnProducts: what the account itself was sold once
// (Rescue, two years ago) is an opportunity whatever the book's list says.
func TestQBROpportunitiesOwnProducts(t *testing.T) {
	f := &domain.AccountFile{Account: domain.Account{Code: "R1", Name: "R1 Ltd", Tier: 2, Status: domain.StatusActive, Terms: "cash", Currency: "NGN"},
		Invoices: []domain.Invoice{
			{Account: "R1", Number: "1", Issued: domain.MustDate("2024-10-01"), Due: domain.MustDate("2024-10-01"), Amount: decimal.RequireFromString("10"), Currency: "NGN", Product: "Rescue"},
			{Account: "R1", Number: "2", Issued: domain.MustDate("2026-10-01"), Due: domain.MustDate("2026-10-01"), Amount: decimal.RequireFromString("10"), Currency: "NGN", Product: "AGO"},
		}}
	q, err := QBROf(f, domain.DefaultSettings(), qbrAsOf, []string{"PMS"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(q.Bought, ",") != "AGO" || strings.Join(q.Opportunities, ",") != "PMS,Rescue" {
		t.Fatalf("bought %v, opportunities %v", q.Bought, q.Opportunities)
	}
}
