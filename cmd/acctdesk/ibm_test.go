package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

const ibmMap = "customerID=account,invoiceNumber=number,InvoiceDate=issue_date,DueDate=due_date," +
	"InvoiceAmount=amount,Disputed=disputed,SettledDate=paid_on"

// TestIBMSampleAging imports the IBM export as it is and checks the aging as of
// 2013-06-30 against a computation written here from the raw file: each invoice
// is settled whole on its SettledDate, so as of D it is outstanding when issued
// ≤ D and settled after D, and falls in a bucket by D − DueDate.
func TestIBMSampleAging(t *testing.T) {
	src := filepath.Join("..", "..", "testdata", "ibm-ar-sample.csv")
	db := filepath.Join(t.TempDir(), "book.db")
	out := must(t, db, "import", "invoices", src, "--map", ibmMap, "--date-format", "1/2/2006",
		"--currency", "USD", "--create-accounts")
	// Every invoice, a payment made from each settled date, the customers;
	// the columns the book has no place for named once.
	if !strings.Contains(out, ": 2,466 invoices added, 2,466 payments added (from paid_on), 561 disputes added, 100 accounts created\n"+
		"ignored columns: countryCode, PaperlessDate, PaperlessBill, DaysToSettle, DaysLate\n") {
		t.Fatalf("import said %q", out)
	}
	again := must(t, db, "import", "invoices", src, "--map", ibmMap, "--date-format", "1/2/2006", "--currency", "USD", "--create-accounts")
	if !strings.Contains(again, ": 2,466 invoices unchanged, 2,466 payments unchanged (from paid_on)\n") {
		t.Fatalf("re-import said %q", again)
	}

	asOf, _ := time.Parse("2006-01-02", "2013-06-30")
	f, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	us := func(s string) time.Time { d, _ := time.Parse("1/2/2006", s); return d }
	type agingRow [6]decimal.Decimal
	want := map[string]*agingRow{}
	total := agingRow{}
	for _, r := range rows[1:] {
		issued, due, settled := us(r[4]), us(r[5]), us(r[8])
		if issued.After(asOf) || !settled.After(asOf) {
			continue
		}
		days := int(asOf.Sub(due).Hours() / 24)
		k := 0
		switch {
		case days <= 0:
		case days <= 30:
			k = 1
		case days <= 60:
			k = 2
		case days <= 90:
			k = 3
		case days <= 120:
			k = 4
		default:
			k = 5
		}
		amt := decimal.RequireFromString(r[6])
		if want[r[1]] == nil {
			want[r[1]] = &agingRow{}
		}
		want[r[1]][k] = want[r[1]][k].Add(amt)
		total[k] = total[k].Add(amt)
	}
	var lines []string
	line := func(code string, a *agingRow) string {
		sum := decimal.Zero
		cells := []string{code, "USD"}
		for _, b := range a {
			cells = append(cells, b.StringFixed(2))
			sum = sum.Add(b)
		}
		return strings.Join(append(cells, sum.StringFixed(2), "0.00", sum.StringFixed(2)), ",")
	}
	for code, a := range want {
		lines = append(lines, line(code, a))
	}
	sort.Strings(lines)
	expect := "account,currency,current,d1_30,d31_60,d61_90,d91_120,d120_plus,total,unapplied,net\n" +
		strings.Join(lines, "\n") + "\n" + line("TOTAL", &total) + "\n"
	got := must(t, db, "report", "aging", "--format", "csv", "--as-of", "2013-06-30")
	if got != expect {
		t.Fatalf("aging as of 2013-06-30:\n%s\nindependent computation:\n%s", got, expect)
	}
	if len(want) < 10 {
		t.Fatalf("only %d accounts open as of 2013-06-30: the check is too weak", len(want))
	}
}
