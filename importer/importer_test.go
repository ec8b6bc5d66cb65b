package importer

import (
	"errors"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"
)

func TestReadInvoicesCanonical(t *testing.T) {
	src := "\ufeffAccount;Number;Issue_Date;Due_Date;Amount;Disputed\n" +
		"ACME;INV-1;2026-01-05;;1500.50;no\n" +
		"\n" +
		"ACME;INV-2;2026-02-05;2026-03-07;200;yes\n"
	b, err := readAll("invoices", strings.NewReader(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Invoices) != 2 {
		t.Fatalf("%d invoices", len(b.Invoices))
	}
	i1, i2 := b.Invoices[0], b.Invoices[1]
	if i1.Line != 2 || i1.V.Number != "INV-1" || i1.V.Amount.String() != "1500.5" || !i1.V.Due.IsZero() {
		t.Errorf("first: %+v", i1)
	}
	if i2.Line != 4 || !i2.V.Disputed || i2.V.Due.String() != "2026-03-07" {
		t.Errorf("second: %+v", i2)
	}
}

func TestReadERPExportWithMap(t *testing.T) {
	// The IBM sample's shape: its own headers, US dates, a settled date.
	src := "countryCode,customerID,PaperlessDate,invoiceNumber,InvoiceDate,DueDate,InvoiceAmount,Disputed,SettledDate\n" +
		"391,0379-NEVHP,4/6/2013,611365,1/2/2013,2/1/2013,55.94,No,1/15/2013\n"
	m, err := ParseMap("customerID=account,invoiceNumber=number,InvoiceDate=issue_date,DueDate=due_date,InvoiceAmount=amount,SettledDate=paid_on")
	if err != nil {
		t.Fatal(err)
	}
	b, err := readAll("invoices", strings.NewReader(src), Options{Map: m, DateLayout: "1/2/2006", Currency: "USD"})
	if err != nil {
		t.Fatal(err)
	}
	inv := b.Invoices[0].V
	if inv.Account != "0379-NEVHP" || inv.Issued.String() != "2013-01-02" || inv.Due.String() != "2013-02-01" || inv.Currency != "USD" {
		t.Errorf("invoice %+v", inv)
	}
	// The settled date goes to the store, which makes the payment PAID-611365.
	if len(b.Payments) != 0 || len(b.Settled) != 1 || b.Settled[0].Line != 2 ||
		b.Settled[0].V != (store.Settled{Account: "0379-NEVHP", Invoice: "611365", On: domain.MustDate("2013-01-15")}) {
		t.Errorf("paid_on: payments %+v, settled %+v", b.Payments, b.Settled)
	}
}

func TestReadReportsEveryBadRow(t *testing.T) {
	src := "account,number,issue_date,amount\n" +
		"ACME,I1,2026-01-05,100\n" +
		"ACME,I2,2026-01-05,12x\n" + // line 3: bad amount
		"ACME,I3,05/01/2026,100\n" + // line 4: bad date
		"AC\x1b[31mME,I4,2026-01-05,100\n" // line 5: a control character in the account code
	_, err := readAll("invoices", strings.NewReader(src), Options{})
	var rows store.RowErrors
	if !errors.As(err, &rows) {
		t.Fatalf("err = %v", err)
	}
	if len(rows) != 3 || rows[0].Line != 3 || rows[0].Field != "amount" || rows[1].Line != 4 || rows[1].Field != "issue_date" ||
		rows[2].Line != 5 || rows[2].Field != "account" {
		t.Fatalf("rows = %#v", rows)
	}
	if !strings.Contains(rows[0].Error(), "line 3: amount:") {
		t.Errorf("message %q", rows[0].Error())
	}
}

func TestReadRejectsControlCharactersInText(t *testing.T) {
	src := "code,name\nACME,\"Acme \x1b]0;pwned\x07 Ltd\"\n"
	_, err := readAll("accounts", strings.NewReader(src), Options{Currency: "NGN"})
	if err == nil || !strings.Contains(err.Error(), "line 2: name: contains a control character") {
		t.Fatalf("err = %v", err)
	}
}

func TestReadMissingColumnAndQuotedMultiline(t *testing.T) {
	if _, err := readAll("payments", strings.NewReader("account,reference,amount\n"), Options{}); err == nil || !strings.Contains(err.Error(), "missing required column date") {
		t.Fatalf("err = %v", err)
	}
	// A quoted field spanning two lines: the next record's line number is still right.
	src := "account,name,role\nACME,\"Ada\nObi\",finance\nACME,Bola,\n"
	b, err := readAll("contacts", strings.NewReader(src), Options{})
	if err == nil {
		t.Fatal("a line break in a name must be refused")
	}
	_ = b
	src = "account,name,role,primary\nACME,\"Obi, Ada\",finance,yes\nACME,Bola,,\n"
	b, err = readAll("contacts", strings.NewReader(src), Options{})
	if err != nil || len(b.Contacts) != 2 || b.Contacts[0].V.Name != "Obi, Ada" || !b.Contacts[0].V.Primary || b.Contacts[1].Line != 3 {
		t.Fatalf("%v %+v", err, b)
	}
}

func TestAccountsDefaults(t *testing.T) {
	src := "code,name,terms,products,credit_limit,currency\nA1,One,cash,AGO; PMS,1000000,\nX1,Two,,Fleet,500000,XOF\n"
	b, err := readAll("accounts", strings.NewReader(src), Options{Currency: "NGN"})
	if err != nil {
		t.Fatal(err)
	}
	a, x := b.Accounts[0].V, b.Accounts[1].V
	if a.Terms != "cash" || a.TermsDays != 0 || a.Currency != "NGN" || len(a.Products) != 2 || a.Products[1] != "PMS" || a.Status != "active" {
		t.Errorf("%+v", a)
	}
	if x.Terms != "term" || x.TermsDays != 30 || x.Currency != "XOF" {
		t.Errorf("%+v", x)
	}
}
