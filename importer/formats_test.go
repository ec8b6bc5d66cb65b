package importer

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"

	"golang.org/x/text/encoding/unicode"
)

// inv is what a test expects of an invoice row: its line, number, amount
// (decimal.String) and issue date.
type inv struct {
	line           int
	number, amount string
	issued         string
}

func invoicesOf(b *store.Batch) []inv {
	var out []inv
	for _, r := range b.Invoices {
		out = append(out, inv{r.Line, r.V.Number, r.V.Amount.String(), r.V.Issued.String()})
	}
	return out
}

func utf16(t *testing.T, s string, be bool) string {
	t.Helper()
	order := unicode.LittleEndian
	if be {
		order = unicode.BigEndian
	}
	out, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCSVShapes: the same invoices written the ways ERPs and spreadsheets
// write them all read alike, with the right line numbers.
func TestCSVShapes(t *testing.T) {
	const hdr = "account,number,issue_date,amount"
	cases := []struct {
		name string
		src  string
		opt  Options
		want []inv
	}{
		{"BOM", "\ufeff" + hdr + "\nA,I1,2026-01-05,1500.50\n", Options{}, []inv{{2, "I1", "1500.5", "2026-01-05"}}},
		{"semicolons, grouped amount unquoted", "account;number;issue_date;amount\nA;I1;2026-01-05;1,234.56\n", Options{},
			[]inv{{2, "I1", "1234.56", "2026-01-05"}}},
		{"tabs", "account\tnumber\tissue_date\tamount\nA\tI1\t2026-01-05\t100\nA\tI2\t2026-01-06\t7\n", Options{},
			[]inv{{2, "I1", "100", "2026-01-05"}, {3, "I2", "7", "2026-01-06"}}},
		{"CRLF", hdr + "\r\nA,I1,2026-01-05,1\r\nA,I2,2026-01-06,2\r\n", Options{},
			[]inv{{2, "I1", "1", "2026-01-05"}, {3, "I2", "2", "2026-01-06"}}},
		{"CR only", hdr + "\rA,I1,2026-01-05,1\rA,I2,2026-01-06,2\r", Options{},
			[]inv{{2, "I1", "1", "2026-01-05"}, {3, "I2", "2", "2026-01-06"}}},
		// The header's quoted "note, free" holds a comma: 4 semicolons outside quotes against 1 comma inside.
		{"quoted separators", "\"account\";\"number\";\"issue_date\";\"amount\";\"note, free\"\nA;\"I;1\";2026-01-05;\"1.00\";\"x;y,z\"\n", Options{},
			[]inv{{2, "I;1", "1", "2026-01-05"}}},
		{"quoted comma amount", hdr + "\nA,I1,2026-01-05,\"1,234.56\"\nA,I2,2026-01-05,\"1,000,000.00\"\n", Options{},
			[]inv{{2, "I1", "1234.56", "2026-01-05"}, {3, "I2", "1000000", "2026-01-05"}}},
		{"empty trailing lines", hdr + "\nA,I1,2026-01-05,1\n\n\n", Options{}, []inv{{2, "I1", "1", "2026-01-05"}}},
		{"empty trailing CRLF line", hdr + "\r\nA,I1,2026-01-05,1\r\n\r\n", Options{}, []inv{{2, "I1", "1", "2026-01-05"}}},
		{"no final line end", hdr + "\nA,I1,2026-01-05,1", Options{}, []inv{{2, "I1", "1", "2026-01-05"}}},
		{"US dates", hdr + "\nA,I1,1/5/2026,1\nA,I2,12/31/2025,1\n", Options{DateLayout: "1/2/2006"},
			[]inv{{2, "I1", "1", "2026-01-05"}, {3, "I2", "1", "2025-12-31"}}},
		{"European dates", "account;number;issue_date;amount\nA;I1;5.1.2026;1\nA;I2;31.12.2025;1\n", Options{DateLayout: "2.1.2006"},
			[]inv{{2, "I1", "1", "2026-01-05"}, {3, "I2", "1", "2025-12-31"}}},
		// 1.234,56 = 1234.56; 1234,5 = 1234.5; 1.000.000 = 1000000; 0,07 = 0.07.
		{"decimal comma", "account;number;issue_date;amount\nA;I1;2026-01-05;1.234,56\nA;I2;2026-01-05;1234,5\nA;I3;2026-01-05;1.000.000\nA;I4;2026-01-05;0,07\n",
			Options{DecimalComma: true},
			[]inv{{2, "I1", "1234.56", "2026-01-05"}, {3, "I2", "1234.5", "2026-01-05"}, {4, "I3", "1000000", "2026-01-05"}, {5, "I4", "0.07", "2026-01-05"}}},
		{"mapped headers", "Customer,Inv No,Date,Total,countryCode\nA,I1,2026-01-05,9.99,391\n",
			Options{Map: map[string]string{"customer": "account", "inv no": "number", "date": "issue_date", "total": "amount"}},
			[]inv{{2, "I1", "9.99", "2026-01-05"}}},
		{"UTF-16 LE with BOM", utf16(t, hdr+"\r\nA,I1,2026-01-05,3\r\n", false), Options{}, []inv{{2, "I1", "3", "2026-01-05"}}},
		{"UTF-16 BE with BOM", utf16(t, hdr+"\nA,I1,2026-01-05,3\n", true), Options{}, []inv{{2, "I1", "3", "2026-01-05"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := Read("invoices", strings.NewReader(c.src), c.opt)
			if err != nil {
				t.Fatal(err)
			}
			if f.Err() != nil {
				t.Fatal(f.Err())
			}
			got := invoicesOf(f.Batch)
			if len(got) != len(c.want) {
				t.Fatalf("got %+v, want %+v", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("row %d: got %+v, want %+v", i, got[i], c.want[i])
				}
			}
		})
	}
}

// TestQuotedLineBreaks: a note keeps its line break, a code never does, and
// the rows after it keep their line numbers.
func TestQuotedLineBreaks(t *testing.T) {
	src := "account,number,issue_date,amount,dispute_reason\n" +
		"A,I1,2026-01-05,1,\"short\r\ndelivery, 300 l\"\n" + // lines 2–3
		"A,\"I\n2\",2026-01-05,1,\n" + // lines 4–5: a number with a line break
		"A,I3,2026-01-05,1,\n" // line 6
	f, err := Read("invoices", strings.NewReader(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b := f.Batch
	if len(b.Invoices) != 2 || b.Invoices[0].V.DisputeReason != "short\ndelivery, 300 l" || b.Invoices[1].Line != 6 {
		t.Fatalf("invoices %+v", b.Invoices)
	}
	if len(f.Errors) != 1 || f.Errors[0].Line != 4 || f.Errors[0].Field != "number" || !strings.Contains(f.Errors[0].Reason, "control character (U+000A)") {
		t.Fatalf("errors %v", f.Errors)
	}
}

// TestRowWidth: a row with more or fewer fields than the header is refused
// whole — an unquoted 1,500.00 never becomes 1.00 — and the others are read.
func TestRowWidth(t *testing.T) {
	src := "account,number,issue_date,amount\n" +
		"A,I1,2026-01-05,1,500.00\n" + // 5 fields: the amount split at its comma
		"A,I2,2026-01-05\n" + // 3 fields
		"A,I3,2026-01-05,7.00\n"
	f, err := Read("invoices", strings.NewReader(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := invoicesOf(f.Batch); len(got) != 1 || got[0] != (inv{4, "I3", "7", "2026-01-05"}) {
		t.Fatalf("invoices %+v", got)
	}
	if len(f.Errors) != 2 {
		t.Fatalf("errors %v", f.Errors)
	}
	wide, short := f.Errors[0].Error(), f.Errors[1].Error()
	if !strings.HasPrefix(wide, "line 2: 5 fields where the header has 4") || !strings.Contains(wide, `"1,500.00"`) {
		t.Errorf("too wide: %q", wide)
	}
	if !strings.HasPrefix(short, "line 3: 3 fields where the header has 4") {
		t.Errorf("too short: %q", short)
	}
}

// TestAmountForms: formatted, parenthesised and signed amounts; negatives
// only in balances; places by the row's currency.
func TestAmountForms(t *testing.T) {
	bal := "account,date,balance,currency\n" +
		"A,2026-01-31,\"(1,234.56)\",USD\n" + // (1,234.56) = −1234.56
		"B,2026-01-31,\"-1,234.56\",USD\n" +
		"C,2026-01-31,0,USD\n" +
		"D,2026-01-31,\"1,000\",XOF\n"
	f, err := Read("balances", strings.NewReader(bal), Options{})
	if err != nil || f.Err() != nil {
		t.Fatal(err, f.Err())
	}
	want := []string{"-1234.56", "-1234.56", "0", "1000"}
	for i, r := range f.Batch.Balances {
		if r.V.Balance.String() != want[i] || r.Line != i+2 {
			t.Errorf("balance %d: %v on line %d, want %s", i, r.V.Balance, r.Line, want[i])
		}
	}
	bad := "account,number,issue_date,amount,currency\n" +
		"A,I1,2026-01-05,\"(1,234.56)\",USD\n" + // line 2: negative invoice
		"A,I2,2026-01-05,0.005,USD\n" + // line 3: 3 places, USD has 2
		"A,I3,2026-01-05,0.5,XOF\n" + // line 4: XOF has none
		"A,I4,2026-01-05,\"1,50\",USD\n" + // line 5: a decimal comma without --decimal-comma
		"A,I5,2026-01-05,100.00,XOF\n" + // line 6: 100.00 is 100, fine in XOF
		"A,I6,2026-01-05,\"1.234,56\",USD\n" // line 7: European grouping without --decimal-comma
	f, err = Read("invoices", strings.NewReader(bad), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Batch.Invoices) != 1 || f.Batch.Invoices[0].V.Amount.String() != "100" {
		t.Fatalf("invoices %+v", f.Batch.Invoices)
	}
	reasons := []string{"must be more than zero", "more decimal places than USD allows (2)", "more decimal places than XOF allows (0)", "--decimal-comma", "--decimal-comma"}
	if len(f.Errors) != 5 {
		t.Fatalf("errors %v", f.Errors)
	}
	for i, e := range f.Errors {
		line := i + 2
		if i == 4 {
			line = 7 // line 6 is good
		}
		if e.Line != line || e.Field != "amount" || !strings.Contains(e.Reason, reasons[i]) {
			t.Errorf("error %d: %v, want line %d amount: …%s…", i, e, line, reasons[i])
		}
	}
}

// TestDateSuggestions: an ISO parse that fails on a US or European date
// names the --date-format that reads it.
func TestDateSuggestions(t *testing.T) {
	src := "account,number,issue_date,amount\n" +
		"A,I1,13/01/2026,1\n" + // 13 cannot be a month: D/M/YYYY
		"A,I2,01/13/2026,1\n" + // 13 cannot be a day: M/D/YYYY
		"A,I3,05.01.2026,1\n" + // points: D.M.YYYY
		"A,I4,05/01/2026,1\n" // either: both named
	f, err := Read("invoices", strings.NewReader(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"use --date-format 2/1/2006 (D/M/YYYY)", "use --date-format 1/2/2006 (M/D/YYYY)",
		"use --date-format 2.1.2006 (D.M.YYYY)", "use --date-format 1/2/2006 (M/D/YYYY) or 2/1/2006 (D/M/YYYY)"}
	if len(f.Errors) != len(want) {
		t.Fatalf("errors %v", f.Errors)
	}
	for i, e := range f.Errors {
		if e.Field != "issue_date" || !strings.Contains(e.Reason, want[i]) {
			t.Errorf("line %d: %q, want …%s", e.Line, e.Reason, want[i])
		}
	}
}

// TestEncodings: Windows-1252 with --encoding; without it the file is
// refused at the line that is not UTF-8, with the cure.
func TestEncodings(t *testing.T) {
	src := "code,name\nA,Acme\nB,Soci\xe9t\xe9 G\xe9n\xe9rale \x80\n" // é is 0xE9, € is 0x80 in Windows-1252
	f, err := Read("accounts", strings.NewReader(src), Options{Encoding: "Windows-1252", Currency: "NGN"})
	if err != nil || f.Err() != nil {
		t.Fatal(err, f.Err())
	}
	if got := f.Batch.Accounts[1].V.Name; got != "Société Générale €" {
		t.Errorf("name %q", got)
	}
	f, err = Read("accounts", strings.NewReader(src), Options{Encoding: "latin1", Currency: "NGN"})
	if err != nil {
		t.Fatal(err)
	}
	// In ISO-8859-1, 0x80 is a C1 control character: refused as one.
	if len(f.Errors) != 1 || !strings.Contains(f.Errors[0].Reason, "control character (U+0080)") {
		t.Errorf("latin1: %v", f.Errors)
	}
	f, err = Read("accounts", strings.NewReader(src), Options{Currency: "NGN"})
	if err != nil || len(f.Errors) != 1 || f.Errors[0].Error() != "line 3: name: the file is not UTF-8 (byte 0xE9); a file saved by Excel on Windows is usually windows-1252: import it with --encoding windows-1252" {
		t.Errorf("not UTF-8: %v %v", err, f.Errors)
	}
	if _, err := Read("accounts", strings.NewReader(src), Options{Encoding: "ebcdic"}); err == nil || !strings.Contains(err.Error(), "windows-1252") {
		t.Errorf("unknown encoding: %v", err)
	}
	// UTF-16 without a BOM: named, not read as garbage.
	le, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().String("code,name\nA,B\n")
	if _, err := Read("accounts", strings.NewReader(le), Options{}); err == nil || !strings.Contains(err.Error(), "--encoding utf-16le") {
		t.Errorf("UTF-16 without BOM: %v", err)
	}
	if f, err := Read("accounts", strings.NewReader(le), Options{Encoding: "UTF-16LE", Currency: "NGN"}); err != nil || f.Err() != nil || f.Batch.Accounts[0].V.Name != "B" {
		t.Errorf("UTF-16LE by flag: %v %v", err, f)
	}
}

// TestMappedLabelsAndIgnored: a mapped column is named with the file's
// header, unknown columns are listed once, and a --map naming a column the
// file lacks is refused.
func TestMappedLabelsAndIgnored(t *testing.T) {
	m := map[string]string{"customerid": "account", "invoicenumber": "number", "invoicedate": "issue_date", "invoiceamount": "amount"}
	src := "countryCode,customerID,invoiceNumber,InvoiceDate,InvoiceAmount,PaperlessBill\n391,C1,I1,2026-01-05,12x,Paper\n"
	f, err := Read("invoices", strings.NewReader(src), Options{Map: m})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(f.Ignored, ",") != "countryCode,PaperlessBill" {
		t.Errorf("ignored %q", f.Ignored)
	}
	if len(f.Errors) != 1 || f.Errors[0].Error() != `line 2: amount (InvoiceAmount): "12x" is not an amount (digits and one '.' only)` {
		t.Errorf("errors %v", f.Errors)
	}
	if f.Label("account") != "account (customerID)" || f.Label("currency") != "currency" {
		t.Errorf("labels %q %q", f.Label("account"), f.Label("currency"))
	}
	m["settleddate"] = "paid_on"
	if _, err := Read("invoices", strings.NewReader(src), Options{Map: m}); err == nil || !strings.Contains(err.Error(), "--map names settleddate") {
		t.Errorf("a --map of a missing column: %v", err)
	}
	if _, err := Read("invoices", strings.NewReader(src), Options{Map: map[string]string{"x": "amout"}}); err == nil || !strings.Contains(err.Error(), "amout is not a column of invoices") {
		t.Errorf("a --map to no column: %v", err)
	}
}

// TestNewKinds: contracts, surveys, targets and balances with their
// validation.
func TestNewKinds(t *testing.T) {
	contracts := "account,number,start,end,notice_days,sla,status,rebate\n" +
		"A,C-2026-001,2026-01-01,2026-12-31,90,\"4h delivery\nin Lagos\",active,\"quantity/quarter:0=0%,10000=1%,50000=2.5%\"\n" + // lines 2–3
		"A,4711,2026-01-01,2026-12-31,,,Renewed,quantity/month:20000=1.50/unit\n" + // line 4
		"A,C3,2026-01-01,2026-12-31,,,sleeping,\n" + // line 5: status
		"A,C4,2026-01-01,2026-12-31,,,,\"0=0%,10000=1%\"\n" + // line 6: a bare tier list, without BASIS/PERIOD:
		"A,C5,2026-01-01,2026-12-31,,,,\"quantity/quarter:10000=1%,5000=2%\"\n" // line 7: falling thresholds
	f, err := Read("contracts", strings.NewReader(contracts), Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := f.Batch.Contracts
	if len(cs) != 2 || cs[0].V.ID != "C-2026-001" || cs[0].V.SLA != "4h delivery\nin Lagos" || cs[0].V.NoticeDays != 90 ||
		domain.FormatRebate(cs[0].V.Rebate) != "quantity/quarter:0=0%,10000=1%,50000=2.5%" ||
		cs[1].Line != 4 || cs[1].V.Status != "renewed" || cs[1].V.Rebate.Basis != "quantity" || cs[1].V.Rebate.Period != "month" ||
		len(cs[1].V.Rebate.Tiers) != 1 || cs[1].V.Rebate.Tiers[0].PerUnit.String() != "1.5" || !cs[1].V.Rebate.Tiers[0].Percent.IsZero() {
		t.Fatalf("contracts %+v", cs)
	}
	if len(f.Errors) != 3 || f.Errors[0].Line != 5 || f.Errors[0].Field != "status" || f.Errors[1].Line != 6 || f.Errors[1].Field != "rebate" ||
		!strings.Contains(f.Errors[1].Reason, "has no BASIS/PERIOD: before its tiers") || !strings.Contains(f.Errors[1].Reason, "quantity/quarter:0=0%,10000=1%,50000=2.5%") ||
		f.Errors[2].Line != 7 || !strings.Contains(f.Errors[2].Reason, "rise") {
		t.Fatalf("contract errors %v", f.Errors)
	}

	surveys := "account,date,kind,score,comment\n" +
		"A,2026-03-01,NPS,10,\"great\nservice\"\n" + // lines 2–3
		"A,2026-03-01,csat,1,\n" + // line 4
		"A,2026-03-01,nps,11,\n" + // line 5: NPS is 0–10
		"A,2026-03-01,csat,0,\n" + // line 6: CSAT is 1–5
		"A,2026-03-01,ces,3,\n" // line 7: no such kind
	f, err = Read("surveys", strings.NewReader(surveys), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ss := f.Batch.Surveys
	if len(ss) != 2 || ss[0].V.Kind != "nps" || ss[0].V.Score != 10 || ss[0].V.Comment != "great\nservice" || ss[1].V.Kind != "csat" || ss[1].Line != 4 {
		t.Fatalf("surveys %+v", ss)
	}
	if len(f.Errors) != 3 || f.Errors[0].Line != 5 || !strings.Contains(f.Errors[0].Reason, "0 to 10") ||
		f.Errors[1].Line != 6 || !strings.Contains(f.Errors[1].Reason, "1 to 5") || f.Errors[2].Field != "kind" {
		t.Fatalf("survey errors %v", f.Errors)
	}

	targets := "account,month,product,quantity,amount\n" +
		"A,2026-11,AGO,\"20,000\",\"15,000,000.00\"\n" +
		"A,2026-12,,,500\n" +
		"A,2026-12-15,,1,\n" + // line 4: not a month
		"A,2026-12,PMS,,\n" // line 5: neither
	f, err = Read("targets", strings.NewReader(targets), Options{Currency: "NGN"})
	if err != nil {
		t.Fatal(err)
	}
	ts := f.Batch.Targets
	if len(ts) != 2 || ts[0].V.Month != domain.MustDate("2026-11-01") || ts[0].V.Quantity.String() != "20000" || ts[0].V.Amount.String() != "15000000" ||
		ts[0].V.Currency != "NGN" || ts[1].V.Product != "" || !ts[1].V.Quantity.IsZero() {
		t.Fatalf("targets %+v", ts)
	}
	if len(f.Errors) != 2 || f.Errors[0].Line != 4 || f.Errors[0].Field != "month" || f.Errors[1].Line != 5 {
		t.Fatalf("target errors %v", f.Errors)
	}
	if _, err := Read("balances", strings.NewReader("account,date,balance\nA,2026-01-31,\n"), Options{}); err != nil {
		t.Fatal(err)
	} else if f, _ := Read("balances", strings.NewReader("account,date,balance\nA,2026-01-31,\n"), Options{}); len(f.Errors) != 1 || !strings.Contains(f.Errors[0].Reason, "is empty") {
		t.Fatalf("an empty balance: %v", f.Errors)
	}
}

// TestPaidOnSettled: every invoice row of a file with paid_on is a
// settlement, empty ones included (the store removes an earlier payment).
func TestPaidOnSettled(t *testing.T) {
	src := "account,number,issue_date,amount,paid_on\nA,I1,2026-01-05,1,2026-01-20\nA,I2,2026-01-05,1,\nA,I3,2026-01-05,x,2026-01-20\n"
	f, err := Read("invoices", strings.NewReader(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := f.Batch.Settled
	if len(s) != 2 || s[0].V != (store.Settled{Account: "A", Invoice: "I1", On: domain.MustDate("2026-01-20")}) ||
		s[1].V != (store.Settled{Account: "A", Invoice: "I2"}) || s[1].Line != 3 || len(f.Batch.Payments) != 0 {
		t.Fatalf("settled %+v", s)
	}
	f, _ = Read("invoices", strings.NewReader("account,number,issue_date,amount\nA,I1,2026-01-05,1\n"), Options{})
	if len(f.Batch.Settled) != 0 {
		t.Fatalf("no paid_on column, yet %+v", f.Batch.Settled)
	}
}

func TestSheetOnlyForWorkbooks(t *testing.T) {
	_, err := Read("invoices", bytes.NewReader([]byte("account\n")), Options{Sheet: "x"})
	if err == nil || !strings.Contains(err.Error(), "--sheet is for workbooks") {
		t.Fatalf("err = %v", err)
	}
	var rows store.RowErrors
	if errors.As(err, &rows) {
		t.Fatal("not a row error")
	}
}

// TestColumnTwice: a canonical column met twice names both of the file's
// columns that became it.
func TestColumnTwice(t *testing.T) {
	src := "Customer,account,number,issue_date,amount\nA,B,I1,2026-01-05,1\n"
	_, err := Read("invoices", strings.NewReader(src), Options{Map: map[string]string{"customer": "account"}})
	if err == nil || err.Error() != `line 1: column "account" appears twice: as "Customer" and as "account" (one of them through --map?)` {
		t.Fatalf("err = %v", err)
	}
}
