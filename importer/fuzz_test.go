package importer

import (
	"bytes"
	"testing"
)

// FuzzRead: any bytes as any kind of file give a batch or an error, never a
// panic; every record in a batch passes the text rules, so nothing with a
// control character can reach the store or a terminal.
func FuzzRead(f *testing.F) {
	f.Add("invoices", []byte("account,number,issue_date,amount\nACME,I1,2026-01-05,100\n"))
	f.Add("accounts", []byte("\ufeffcode;name;products\nA;B;AGO; PMS\n"))
	f.Add("payments", []byte("account,reference,date,amount,invoice\n\"A\nB\",R,2026-01-01,1,\n"))
	f.Add("credit-notes", []byte("account,number,date,amount,reason\nA,C,2026-01-01,1,Short Delivery\n"))
	f.Add("contacts", []byte("account,name,primary\nA,\"x\x1b[2J\",yes\n"))
	f.Fuzz(func(t *testing.T, kind string, data []byte) {
		b, err := Read(kind, bytes.NewReader(data), Options{})
		if err != nil {
			return
		}
		for _, a := range b.Accounts {
			if a.V.Name != "" && a.V.Validate() == nil && bytes.ContainsAny([]byte(a.V.Name), "\x1b\x07") {
				t.Fatalf("control character accepted in %q", a.V.Name)
			}
		}
		for _, c := range b.Contacts {
			if bytes.ContainsAny([]byte(c.V.Name), "\x1b\x07\n") {
				t.Fatalf("control character accepted in contact %q", c.V.Name)
			}
		}
	})
}
