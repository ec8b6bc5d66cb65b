package report

import (
	"bytes"
	"strings"
	"testing"

	"acctdesk/domain"
)

// report contacts: one row per contact, by account, the primary first,
// then by name; --owner keeps one owner's accounts; text is made safe.
func TestContactsReport(t *testing.T) {
	facts := []*domain.Facts{
		{Account: domain.Account{Code: "KANO01", Owner: "ada"}, Contacts: []domain.Contact{
			{Account: "KANO01", Name: "Zainab Bello", Role: "operations", Phone: "+234 2"},
			{Account: "KANO01", Name: "Musa Garba", Role: "finance", Phone: "+234 1", Email: "musa@kano.ng"},
			{Account: "KANO01", Name: "Yusuf Ali", Phone: "+234 3", Primary: true},
		}},
		{Account: domain.Account{Code: "LAGO01", Owner: "tunde"}},
		{Account: domain.Account{Code: "OKAF01", Owner: "tunde"}, Contacts: []domain.Contact{
			{Account: "OKAF01", Name: "Ngozi \x1b[31mEze", Phone: "+234 4"},
		}},
	}
	r, err := Lookup("Contacts")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Of(r, Input{}, domain.DefaultSettings(), facts).Write(&b, "csv"); err != nil {
		t.Fatal(err)
	}
	want := "account,name,role,phone,email,primary\n" +
		"KANO01,Yusuf Ali,,+234 3,,yes\n" +
		"KANO01,Musa Garba,finance,+234 1,musa@kano.ng,no\n" +
		"KANO01,Zainab Bello,operations,+234 2,,no\n" +
		"OKAF01,Ngozi \\x1b[31mEze,,+234 4,,no\n"
	if got := strings.ReplaceAll(b.String(), "\r\n", "\n"); got != want {
		t.Fatalf("csv:\n%s\nwant:\n%s", got, want)
	}
	b.Reset()
	if err := Of(r, Input{Owner: "TUNDE"}, domain.DefaultSettings(), facts).Write(&b, "csv"); err != nil {
		t.Fatal(err)
	}
	if lines := strings.Split(strings.TrimSpace(b.String()), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[1], "OKAF01,") {
		t.Fatalf("tunde's contacts:\n%s", b.String())
	}
	cols, err := Columns("contacts")
	if err != nil || len(cols) != 6 || cols[5].Means == "" {
		t.Fatalf("columns %+v %v", cols, err)
	}
}
