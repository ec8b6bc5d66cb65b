package importer

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"acctdesk/store"
)

// FuzzRead: any bytes as any kind of file give a batch or an error, never a
// panic. The error is safe to print (no raw control, bidi or zero-width
// character, no byte that is not UTF-8) and names each bad row on one line;
// every record in a batch passes the text rules, and its codes, numbers and
// references hold no invisible character, so nothing that could drive a
// terminal reaches the store or, from there, a terminal.
func FuzzRead(f *testing.F) {
	f.Add("invoices", []byte("account,number,issue_date,amount\nACME,I1,2026-01-05,100\n"))
	f.Add("accounts", []byte("\ufeffcode;name;products\nA;B;AGO; PMS\n"))
	f.Add("payments", []byte("account,reference,date,amount,invoice\n\"A\nB\",R,2026-01-01,1,\n"))
	f.Add("credit-notes", []byte("account,number,date,amount,reason\nA,C,2026-01-01,1,Short Delivery\n"))
	f.Add("contacts", []byte("account,name,primary\nA,\"x\x1b[2J\",yes\n"))
	f.Add("payments", []byte("account,reference,date,amount,invoice\nA,R,2026-01-01,1,\"I\x1b]52;c;aGk=\x07\"\n"))
	f.Add("invoices", []byte("account,number,issue_date,amount,Montant\u009b\nA\u202e,I\u200b1,2026-01-05\x1b[2J,1\xff,x\n"))
	f.Add("accounts", []byte("code,name,tier,status,terms,products,currency\nA,B,\x1b[2J,\u009b,x\ry,AGO;\x07,NGN\u202e\n"))
	f.Add("contracts", []byte("account;number;start;end;sla;rebate\rA;C1;2026-01-01;2026-12-31;\"a\rb\";\"quantity/month:0=0%,10=1.5/unit\"\r"))
	f.Add("surveys", []byte("account\tdate\tkind\tscore\tcomment\nA\t2026-01-01\tNPS\t9\t\"x\ny\"\n"))
	f.Add("targets", []byte("account,month,product,quantity,amount\nA,2026-11,,\"1,000\",\"(5)\"\n"))
	f.Add("balances", []byte("\xff\xfea\x00c\x00c\x00o\x00u\x00n\x00t\x00,\x00d\x00a\x00t\x00e\x00,\x00b\x00a\x00l\x00a\x00n\x00c\x00e\x00\n\x00"))
	f.Add("invoices", []byte("account,number,issue_date,amount\nA,I1,2026-01-05,1,500.00\nA,I2\n"))
	// A workbook written by hand: inline and shared strings, a cell
	// without r, a formula with and one without a saved value, a boolean,
	// an error cell, a shared string that is not there.
	book, err := zipParts(handParts(`<row>`+is("account")+`<c t="s"><v>0</v></c>`+is("issue_date")+is("amount")+is("paid_on")+`</row>`+
		`<row r="2"><c r="A2" t="s"><v>1</v></c><c t="str"><f>"I"</f><v>I1</v></c><c><v>46027</v></c><c><f>1+1</f><v>2</v></c><c><f>C2+1</f></c></row>`+
		`<row><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="s"><v>9</v></c><c t="inlineStr"><is><r><t>1e3</t></r></is></c></row>`,
		`<si><t>number</t></si><si><r><t>AC</t></r><r><t>ME</t></r></si>`))
	if err != nil {
		f.Fatal(err)
	}
	f.Add("invoices", book)
	f.Fuzz(func(t *testing.T, kind string, data []byte) {
		// (a --map naming a column the header lacks refuses the file: one option has it)
		for _, opt := range []Options{{}, {DateLayout: "1/2/2006", Currency: "NGN"},
			{Map: map[string]string{"montant": "amount"}, DecimalComma: true, Encoding: "windows-1252", Currency: "XOF"}} {
			b, err := readAll(kind, bytes.NewReader(data), opt)
			if err != nil {
				assertSafe(t, "error", err.Error())
				var rows store.RowErrors
				if errors.As(err, &rows) {
					for _, r := range rows {
						if strings.Contains(r.Error(), "\n") {
							t.Fatalf("a row's error breaks the line: %q", r.Error())
						}
					}
				}
				continue
			}
			checkBatch(t, "batch", b)
		}
	})
}
