package report_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/report"
	"acctdesk/store"
	"acctdesk/store/memstore"

	"github.com/shopspring/decimal"
)

// The management reports (SPEC §11.2) on a book in the memory store, read
// the way the command line reads it (desk.Report: the store's facts).

var asOf = domain.MustDate("2026-11-17") // a Tuesday

func day(s string) domain.Date     { return domain.MustDate(s) }
func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }
func by(who, on string) domain.Stamp {
	return domain.Stamp{By: who, At: day(on).Time().Add(9 * time.Hour)}
}

// mgmtBook, as of 2026-11-17:
//
//	ACME  NGN term 30, owner ada
//	  A1 issued 07-05 due 08-04  1000.00 AGO  500
//	  A2 issued 07-20 due 08-19  2000.00 AGO 1000
//	  A3 issued 08-10 due 09-09  3000.00 PMS 1200
//	  A4 issued 11-03 due 12-03   500.00 AGO  250
//	  A5 issued 11-18 due 12-18   600.00 AGO  300   (after the date: does not exist)
//	  P1 08-04 1000.00, P2 08-25 1500.00, P3 09-09 800.00 naming A3,
//	  C1 09-15 discount 200.00, C2 11-02 write-off 300.00
//	CORE  NGN term 30, owner bisi: K1 issued 07-10 due 08-09 250.50 AGO 100, unpaid
//	BETA  NGN cash, owner bisi
//	  B1 issued = due 08-15 400.00 PMS 200, B2 issued = due 09-30 100.00 PMS 50
//	  BP1 08-15 400.00, BC1 09-03 rebate 50.00, BP2 10-02 30.00
//	TOGO  XOF term 30, owner ada: T1 issued 07-01 due 07-31 150000 AGO 100,
//	  TP1 08-10 150000, TC1 09-05 discount 5000, TC2 09-25 discount 2500
func mgmtBook(t *testing.T) *desk.Desk {
	t.Helper()
	st := memstore.New()
	ctx := store.WithAuthor(context.Background(), "admin")
	acct := func(code, owner, terms string, cur domain.Currency) store.Rec[domain.Account] {
		a := domain.Account{Code: code, Name: code + " Ltd", Tier: 2, Owner: owner, Status: "active", Terms: terms, Currency: cur,
			OpenedOn: day("2025-01-02"), LiveOn: day("2025-01-10")}
		if terms == "term" {
			a.TermsDays = 30
		}
		return store.Rec[domain.Account]{V: a}
	}
	inv := func(acct, number, issued, due, amount, product, qty string) store.Rec[domain.Invoice] {
		cur := domain.Currency("NGN")
		if acct == "TOGO" {
			cur = "XOF"
		}
		return store.Rec[domain.Invoice]{V: domain.Invoice{Account: acct, Number: number, Issued: day(issued), Due: day(due),
			Amount: dec(amount), Currency: cur, Product: product, Quantity: dec(qty)}}
	}
	pay := func(acct, ref, on, amount, invoice string) store.Rec[domain.Payment] {
		return store.Rec[domain.Payment]{V: domain.Payment{Account: acct, Reference: ref, Received: day(on), Amount: dec(amount), Invoice: invoice}}
	}
	credit := func(acct, number, on, amount, reason string) store.Rec[domain.CreditNote] {
		return store.Rec[domain.CreditNote]{V: domain.CreditNote{Account: acct, Number: number, Date: day(on), Amount: dec(amount), Reason: reason}}
	}
	call := func(acct, on, outcome, who string) store.ActivityEntry {
		return store.ActivityEntry{Activity: domain.Activity{Account: acct, On: day(on), Kind: "call", Outcome: outcome, Stamp: by(who, on)}}
	}
	promise := func(e store.ActivityEntry, amount, due string) store.ActivityEntry {
		e.Promise = &domain.Promise{Account: e.Activity.Account, Amount: dec(amount), Currency: "NGN", GivenOn: e.Activity.On,
			DueOn: day(due), Stamp: e.Activity.Stamp}
		return e
	}
	b := &store.Batch{
		Accounts: []store.Rec[domain.Account]{acct("ACME", "ada", "term", "NGN"), acct("CORE", "bisi", "term", "NGN"),
			acct("BETA", "bisi", "cash", "NGN"), acct("TOGO", "ada", "term", "XOF")},
		Invoices: []store.Rec[domain.Invoice]{
			inv("ACME", "A1", "2026-07-05", "2026-08-04", "1000.00", "AGO", "500"),
			inv("ACME", "A2", "2026-07-20", "2026-08-19", "2000.00", "AGO", "1000"),
			inv("ACME", "A3", "2026-08-10", "2026-09-09", "3000.00", "PMS", "1200"),
			inv("ACME", "A4", "2026-11-03", "2026-12-03", "500.00", "AGO", "250"),
			inv("ACME", "A5", "2026-11-18", "2026-12-18", "600.00", "AGO", "300"),
			inv("CORE", "K1", "2026-07-10", "2026-08-09", "250.50", "AGO", "100"),
			inv("BETA", "B1", "2026-08-15", "2026-08-15", "400.00", "PMS", "200"),
			inv("BETA", "B2", "2026-09-30", "2026-09-30", "100.00", "PMS", "50"),
			inv("TOGO", "T1", "2026-07-01", "2026-07-31", "150000", "AGO", "100"),
		},
		Payments: []store.Rec[domain.Payment]{
			pay("ACME", "P1", "2026-08-04", "1000.00", ""), pay("ACME", "P2", "2026-08-25", "1500.00", ""),
			pay("ACME", "P3", "2026-09-09", "800.00", "A3"),
			pay("BETA", "BP1", "2026-08-15", "400.00", ""), pay("BETA", "BP2", "2026-10-02", "30.00", ""),
			pay("TOGO", "TP1", "2026-08-10", "150000", ""),
		},
		Credits: []store.Rec[domain.CreditNote]{
			credit("ACME", "C1", "2026-09-15", "200.00", "discount"), credit("ACME", "C2", "2026-11-02", "300.00", "write-off"),
			credit("BETA", "BC1", "2026-09-03", "50.00", "rebate"),
			credit("TOGO", "TC1", "2026-09-05", "5000", "discount"), credit("TOGO", "TC2", "2026-09-25", "2500", "discount"),
		},
		Activities: []store.ActivityEntry{
			promise(call("ACME", "2026-08-20", "promise", "ada"), "500.00", "2026-08-25"),
			call("ACME", "2026-09-10", "no-answer", "ada"),
			promise(call("ACME", "2026-09-12", "promise", "bisi"), "1000.00", "2026-09-20"),
			call("BETA", "2026-09-01", "reached", "bisi"),
			{Activity: domain.Activity{Account: "BETA", On: day("2026-09-05"), Kind: domain.KindDisputeResolved, Text: "settled", Stamp: by("ada", "2026-09-05")}},
			call("TOGO", "2026-07-15", "voicemail", "ada"),
			call("TOGO", "2026-10-01", "reached", "ada"),
		},
		Escalations: []store.Rec[domain.Escalation]{
			{V: domain.Escalation{Account: "ACME", Opened: day("2026-08-21"), Category: "overdue", Severity: "high", To: "finance",
				Summary: "chase", Due: day("2026-08-28"), Status: "resolved", Resolution: "paid", ResolvedBy: "bisi",
				ResolvedOn: day("2026-09-02"), Stamp: by("ada", "2026-08-21")}},
			{V: domain.Escalation{Account: "BETA", Opened: day("2026-09-28"), Category: "overdue", Severity: "low", To: "finance",
				Summary: "late", Due: day("2026-10-05"), Status: "open", Stamp: by("bisi", "2026-09-28")}},
		},
		Balances: []store.Rec[domain.Balance]{
			{V: domain.Balance{Account: "ACME", On: day("2026-08-31"), Balance: dec("2500.00")}},
			{V: domain.Balance{Account: "ACME", On: day("2026-09-30"), Balance: dec("2500.00")}},
			{V: domain.Balance{Account: "BETA", On: day("2026-09-30"), Balance: dec("50.00")}},
			{V: domain.Balance{Account: "TOGO", On: day("2026-10-31"), Balance: dec("-7500")}},
			{V: domain.Balance{Account: "CORE", On: day("2026-11-10"), Balance: dec("250.50")}},
		},
		Reconciled: []store.Rec[domain.Reconciliation]{
			{V: domain.Reconciliation{Account: "ACME", AsOf: day("2026-10-05")}},
			{V: domain.Reconciliation{Account: "ACME", AsOf: day("2026-11-16")}},
			{V: domain.Reconciliation{Account: "BETA", AsOf: day("2026-10-06")}},
			{V: domain.Reconciliation{Account: "TOGO", AsOf: day("2026-11-16")}},
			{V: domain.Reconciliation{Account: "CORE", AsOf: day("2026-11-20")}}, // after the date
		},
		Targets: []store.Rec[domain.Target]{
			{V: domain.Target{Account: "ACME", Month: day("2026-06-01"), Product: "AGO", Quantity: dec("10")}},
			{V: domain.Target{Account: "ACME", Month: day("2026-07-01"), Product: "AGO", Quantity: dec("1200"), Amount: dec("2500.00")}},
			{V: domain.Target{Account: "ACME", Month: day("2026-08-01"), Amount: dec("4000.00")}},
			{V: domain.Target{Account: "ACME", Month: day("2026-09-01"), Product: "PMS", Quantity: dec("300")}},
			{V: domain.Target{Account: "ACME", Month: day("2026-11-01"), Product: "AGO", Amount: dec("1000.00")}},
			{V: domain.Target{Account: "TOGO", Month: day("2026-07-01"), Product: "AGO", Quantity: dec("90"), Amount: dec("160000")}},
		},
	}
	if _, err := st.Apply(ctx, b); err != nil {
		t.Fatal(err)
	}
	return desk.New(st, desk.Options{AsOf: asOf})
}

// run is a report of the book in a format.
func run(t *testing.T, d *desk.Desk, name, period, by, format string) string {
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
	var b bytes.Buffer
	if err := tab.Write(&b, format); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func csvIs(t *testing.T, d *desk.Desk, name, period, by, want string) {
	t.Helper()
	if got := run(t, d, name, period, by, "csv"); got != want {
		t.Errorf("report %s --period %s --by %q:\n%s\nwant\n%s", name, period, by, got, want)
	}
}

func TestTermVsCash(t *testing.T) {
	d := mgmtBook(t)
	csvIs(t, d, "term-vs-cash", "2026-Q3", "", "month,terms,accounts,revenue,currency\n"+
		// July: ACME A1 1000.00 + A2 2000.00 and CORE K1 250.50, both on term: 2 accounts, 3250.50;
		// TOGO T1 150000 XOF apart.
		"2026-07,term,2,3250.50,NGN\n"+
		"2026-07,term,1,150000,XOF\n"+
		// August: BETA (cash) B1 400.00; ACME A3 3000.00.
		"2026-08,cash,1,400.00,NGN\n"+
		"2026-08,term,1,3000.00,NGN\n"+
		// September: BETA B2 100.00 (credit notes are not deducted).
		"2026-09,cash,1,100.00,NGN\n")
	// November so far: A4 (11-03) 500.00; A5, issued the day after the date, does not exist yet.
	csvIs(t, d, "term-vs-cash", "2026-11", "", "month,terms,accounts,revenue,currency\n2026-11,term,1,500.00,NGN\n")
	// A period that starts after the date has nothing.
	csvIs(t, d, "term-vs-cash", "2027", "", "month,terms,accounts,revenue,currency\n")
}

func TestDue(t *testing.T) {
	d := mgmtBook(t)
	// As of 11-17. ACME: P3 800.00 pays A3 first (it names it); the rest, P1 1000 + P2 1500 + C1 200 + C2 300
	// = 3000, pays A1 (1000) and A2 (2000) in due order: A3 owes 2200.00, A4 500.00. CORE: K1 250.50.
	// BETA: BP1 400 + BC1 50 + BP2 30 = 480 pay B1 400, then B2 80 of 100: 20.00. TOGO: paid.
	// Weeks (Mondays): 08-09 is a Sunday (week 08-03), 09-09 a Wednesday (09-07), 09-30 a Wednesday
	// (09-28), 12-03 a Thursday (11-30). The period does not apply.
	want := "week,account,invoice,due_date,outstanding,currency\n" +
		"2026-08-03,CORE,K1,2026-08-09,250.50,NGN\n" +
		"2026-09-07,ACME,A3,2026-09-09,2200.00,NGN\n" +
		"2026-09-28,BETA,B2,2026-09-30,20.00,NGN\n" +
		"2026-11-30,ACME,A4,2026-12-03,500.00,NGN\n"
	csvIs(t, d, "due", "", "", want)
	csvIs(t, d, "due", "2026-01", "", want)
}

func TestCollections(t *testing.T) {
	d := mgmtBook(t)
	head := "interval,owner,currency,fell_due,paid_on_time,paid,rate_pct\n"
	csvIs(t, d, "collections", "2026-Q3", "", head+
		// July, ada, XOF: T1 150000 due 07-31, paid 08-10: nothing by its due date nor by 07-31.
		"2026-07,ada,XOF,150000,0,0,0.0\n"+
		// August, ada: A1 1000 due 08-04 — P1 1000 that day pays it (on time). A2 2000 due 08-19:
		// as of 08-19 only P1 exists, and A1 takes it: 0 on time; by 08-31 P2 1500 pays A2 1500.
		// 1000 ÷ 3000 = 33.33 %.
		"2026-08,ada,NGN,3000.00,1000.00,2500.00,33.3\n"+
		// August, bisi: CORE K1 250.50 unpaid; BETA B1 400 paid by BP1 on its due date.
		// 400 ÷ 650.50 = 61.49 %.
		"2026-08,bisi,NGN,650.50,400.00,400.00,61.5\n"+
		// September, ada: A3 3000 due 09-09: P3 800 names it; the rest (2500) goes to A1 and A2. C1 (09-15)
		// also goes to A2: still 800 by 09-30. 800 ÷ 3000 = 26.67 %.
		"2026-09,ada,NGN,3000.00,800.00,800.00,26.7\n"+
		// September, bisi: B2 100 due 09-30: BC1 50 (a credit note, 09-03), unapplied until B2 was
		// issued, pays half of it on its due date; BP2 (10-02) is after the interval (and the period).
		"2026-09,bisi,NGN,100.00,50.00,50.00,50.0\n")
	csvIs(t, d, "collections", "2026-08", "week", head+
		// Week of 08-03: A1 (08-04, ada) paid that day; by the week's end 08-09 still paid.
		"2026-08-03,ada,NGN,1000.00,1000.00,1000.00,100.0\n"+
		// K1 (08-09, bisi) unpaid.
		"2026-08-03,bisi,NGN,250.50,0.00,0.00,0.0\n"+
		// Week of 08-10: B1 (08-15) paid on time.
		"2026-08-10,bisi,NGN,400.00,400.00,400.00,100.0\n"+
		// Week of 08-17: A2 (08-19): nothing by 08-19 nor by 08-23 (P2 comes on 08-25).
		"2026-08-17,ada,NGN,2000.00,0.00,0.00,0.0\n")
	csvIs(t, d, "collections", "2026-08", "day", head+
		"2026-08-04,ada,NGN,1000.00,1000.00,1000.00,100.0\n"+
		"2026-08-09,bisi,NGN,250.50,0.00,0.00,0.0\n"+
		"2026-08-15,bisi,NGN,400.00,400.00,400.00,100.0\n"+
		"2026-08-19,ada,NGN,2000.00,0.00,0.00,0.0\n")
	// The last week of 2026-Q3 (09-28 … 10-04) is cut at 09-30: BP2 (10-02) is not counted for B2.
	got := run(t, d, "collections", "2026-Q3", "week", "csv")
	if !strings.Contains(got, "\n2026-09-28,bisi,NGN,100.00,50.00,50.00,50.0\n") || !strings.Contains(got, "\n2026-07-27,ada,XOF,150000,0,0,0.0\n") {
		t.Errorf("collections 2026-Q3 by week:\n%s", got)
	}
}

func TestCredits(t *testing.T) {
	d := mgmtBook(t)
	head := "month,reason,account,count,amount,currency\n"
	csvIs(t, d, "credits", "2026-Q3", "", head+
		"2026-09,discount,ACME,1,200.00,NGN\n"+
		// TC1 5000 + TC2 2500.
		"2026-09,discount,TOGO,2,7500,XOF\n"+
		"2026-09,rebate,BETA,1,50.00,NGN\n")
	// 12m: 2025-11-18 … 2026-11-17 adds C2, November's write-off.
	csvIs(t, d, "credits", "", "", head+
		"2026-09,discount,ACME,1,200.00,NGN\n"+
		"2026-09,discount,TOGO,2,7500,XOF\n"+
		"2026-09,rebate,BETA,1,50.00,NGN\n"+
		"2026-11,write-off,ACME,1,300.00,NGN\n")
}

func TestReconciliation(t *testing.T) {
	d := mgmtBook(t)
	csvIs(t, d, "reconciliation", "", "", "account,currency,date,ours,theirs,difference,status,reconciled_on\n"+
		// ACME as of 08-31: invoiced A1 + A2 + A3 = 6000.00, less P1 1000 and P2 1500: 3500.00; accounting says 2500.00.
		// Its first mark on or after 08-31: 10-05.
		"ACME,NGN,2026-08-31,3500.00,2500.00,1000.00,differs,2026-10-05\n"+
		// ACME as of 09-30: 6000.00 − (2500 + P3 800 + C1 200) = 2500.00.
		"ACME,NGN,2026-09-30,2500.00,2500.00,0.00,match,2026-10-05\n"+
		// BETA as of 09-30: 500.00 − (400 + 50) = 50.00.
		"BETA,NGN,2026-09-30,50.00,50.00,0.00,match,2026-10-06\n"+
		// CORE: its mark (11-20) is after the date: none yet.
		"CORE,NGN,2026-11-10,250.50,250.50,0.00,match,\n"+
		// TOGO as of 10-31: 150000 − 150000 − 5000 − 2500 = −7500: in credit, as accounting says.
		"TOGO,XOF,2026-10-31,-7500,-7500,0,match,2026-11-16\n")
	// 2026-Q3 has the balances dated in it; the marks still count up to the date.
	csvIs(t, d, "reconciliation", "2026-Q3", "", "account,currency,date,ours,theirs,difference,status,reconciled_on\n"+
		"ACME,NGN,2026-08-31,3500.00,2500.00,1000.00,differs,2026-10-05\n"+
		"ACME,NGN,2026-09-30,2500.00,2500.00,0.00,match,2026-10-05\n"+
		"BETA,NGN,2026-09-30,50.00,50.00,0.00,match,2026-10-06\n")
	// The table ends with the accounts marked per week and month: ACME (10-05) and BETA (10-06) in the
	// week of Monday 10-05; ACME and TOGO (11-16) in the week of 11-16; CORE's is after the date.
	table := run(t, d, "reconciliation", "", "", "table")
	wantEnd := "\naccounts marked reconciled from 2025-11-18 to 2026-11-17, per week (its Monday):\n" +
		"  2026-10-05  2\n" +
		"  2026-11-16  2\n" +
		"per month:\n" +
		"  2026-10     2\n" +
		"  2026-11     2\n"
	if !strings.HasSuffix(table, wantEnd) || !strings.Contains(table, "ACME     NGN       2026-08-31  3,500.00  2,500.00    1,000.00  differs") {
		t.Errorf("reconciliation table:\n%s", table)
	}
	if csv := run(t, d, "reconciliation", "", "", "csv"); strings.Contains(csv, "marked") {
		t.Errorf("the csv has the table's footer:\n%s", csv)
	}
	if q3 := run(t, d, "reconciliation", "2026-Q3", "", "table"); !strings.HasSuffix(q3, "\nno account marked reconciled from 2026-07-01 to 2026-09-30\n") {
		t.Errorf("reconciliation 2026-Q3 table:\n%s", q3)
	}
}

func TestTeam(t *testing.T) {
	d := mgmtBook(t)
	csvIs(t, d, "team", "2026-Q3", "", "user,calls,reached,promises,promised,kept,kept_amount,escalations_opened,escalations_resolved,disputes_resolved,currency\n"+
		// ada on NGN accounts: ACME 08-20 (promise: reached) and 09-10 (no answer): 2 calls, 1 reached; the promise of
		// 500.00 due 08-25 is kept by P2 (1500.00 on 08-25); she opened ACME's escalation (08-21) and logged BETA's
		// dispute resolution (09-05).
		"ada,2,1,1,500.00,1,500.00,1,0,1,NGN\n"+
		// ada on TOGO (XOF): a voicemail on 07-15 (10-01 is after the quarter).
		"ada,1,0,0,0,0,0,0,0,0,XOF\n"+
		// bisi: ACME 09-12 (promise) and BETA 09-01 (reached); the promise of 1000.00 due 09-20 saw no payment by
		// 09-23 (C1 is a credit note): broken; BETA's escalation opened 09-28, ACME's resolved 09-02.
		"bisi,2,2,1,1000.00,0,0.00,1,1,0,NGN\n")
}

func TestPlan(t *testing.T) {
	d := mgmtBook(t)
	head := "account,product,month,target_quantity,actual_quantity,quantity_variance_pct,target_amount,actual_amount,amount_variance_pct,currency\n"
	csvIs(t, d, "plan", "2026-Q3", "", head+
		// August, every product: A3 3000.00 (1200 units) against 4000.00: −25.0 %; no quantity planned.
		"ACME,,2026-08,,1200,,4000.00,3000.00,-25.0,NGN\n"+
		// July AGO: A1 + A2 = 1500 units, 3000.00, against 1200 and 2500.00: +25.0 %, +20.0 %.
		"ACME,AGO,2026-07,1200,1500,25.0,2500.00,3000.00,20.0,NGN\n"+
		// September PMS: nothing sold against 300: −100.0 %; no amount planned.
		"ACME,PMS,2026-09,300,0,-100.0,,0.00,,NGN\n"+
		// TOGO July AGO: 100 against 90 = +11.1 %; 150000 against 160000 = −6.25 → −6.3 (half away from zero).
		"TOGO,AGO,2026-07,90,100,11.1,160000,150000,-6.3,XOF\n")
	// November so far: A4 (500.00) against 1000.00; A5 (11-18) is after the date.
	csvIs(t, d, "plan", "2026-11", "", head+"ACME,AGO,2026-11,,250,,1000.00,500.00,-50.0,NGN\n")
}

// TestManagementReportsWithoutData: an empty book gives each report its
// header and no rows, in every format (csv, json, table, xlsx).
func TestManagementReportsWithoutData(t *testing.T) {
	d := desk.New(memstore.New(), desk.Options{AsOf: asOf})
	for _, name := range []string{"term-vs-cash", "due", "collections", "credits", "reconciliation", "team", "plan"} {
		cols, err := report.Columns(name)
		if err != nil || len(cols) == 0 {
			t.Fatalf("%s: columns %v, %v", name, cols, err)
		}
		for _, c := range cols {
			if c.Means == "" {
				t.Errorf("%s: column %s is not explained", name, c.Key)
			}
		}
		if got := run(t, d, name, "", "", "json"); got != "[]\n" {
			t.Errorf("%s json: %q", name, got)
		}
		if got := run(t, d, name, "", "", "csv"); strings.Count(got, "\n") != 1 {
			t.Errorf("%s csv: %q", name, got)
		}
		if got := run(t, d, name, "", "", "xlsx"); !strings.HasPrefix(got, "PK") {
			t.Errorf("%s xlsx: not a workbook", name)
		}
	}
}

// TestManagementReportsJSON: numbers are json numbers, empty ones null.
func TestManagementReportsJSON(t *testing.T) {
	d := mgmtBook(t)
	got := run(t, d, "plan", "2026-11", "", "json")
	want := `[
  {"account": "ACME", "product": "AGO", "month": "2026-11", "target_quantity": null, "actual_quantity": 250, "quantity_variance_pct": null, "target_amount": 1000.00, "actual_amount": 500.00, "amount_variance_pct": -50.0, "currency": "NGN"}
]
`
	if got != want {
		t.Errorf("plan json:\n%s\nwant\n%s", got, want)
	}
}
