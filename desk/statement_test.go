package desk

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"acctdesk/docs"
	"acctdesk/domain"
	"acctdesk/report"
)

// TestStatementTotalIsAgingNet: for every account of a demo book, at two
// as-of dates, the statement's total due is the aging report's net, and its
// buckets the report's; an account the report leaves out (nothing owed,
// no credit) has a total due of zero.
func TestStatementTotalIsAgingNet(t *testing.T) {
	st := demoStore(t, 40)
	d := New(st, Options{AsOf: asOf})
	for _, on := range []domain.Date{asOf, asOf.AddDays(-75)} {
		tbl, err := d.Report("aging", report.Input{AsOf: on})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := tbl.Write(&b, "csv"); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		// account,currency,current,d1_30,…,d120_plus,total,unapplied,net
		byCode := map[string][]string{}
		for _, r := range rows[1:] {
			if r[0] != "TOTAL" {
				byCode[r[0]] = r
			}
		}
		v, err := d.View()
		if err != nil {
			t.Fatal(err)
		}
		seen := 0
		for _, s := range v.Sums {
			code := s.Facts.Account.Code
			stmt, err := d.Statement(code, on)
			if err != nil {
				t.Fatal(err)
			}
			c := stmt.Currency
			r, ok := byCode[code]
			if !ok {
				if !stmt.TotalDue().IsZero() {
					t.Errorf("%s as of %s: not in the aging report, total due %s", code, on, stmt.TotalDue())
				}
				continue
			}
			seen++
			if got, want := domain.Plain(stmt.TotalDue(), c), r[len(r)-1]; got != want {
				t.Errorf("%s as of %s: total due %s, aging net %s", code, on, got, want)
			}
			for i, bk := range stmt.Aging.Buckets {
				if got := domain.Plain(bk, c); got != r[2+i] {
					t.Errorf("%s as of %s: bucket %d %s, aging %s", code, on, i, got, r[2+i])
				}
			}
		}
		if seen < 10 {
			t.Fatalf("as of %s only %d accounts owe anything: the test proves little", on, seen)
		}
	}
}

// TestWriteStatement: the code is matched without regard to case, the
// file is statement-<CODE>-<as-of>.<ext> in the directory (made when
// missing), and it holds the account's total due.
func TestWriteStatement(t *testing.T) {
	st := demoStore(t, 5)
	d := New(st, Options{AsOf: asOf})
	v, err := d.View()
	if err != nil {
		t.Fatal(err)
	}
	s := v.Sums[0]
	code := s.Facts.Account.Code
	dir := filepath.Join(t.TempDir(), "docs", "acctdesk")
	path, err := d.WriteStatement(strings.ToLower(code), 0, "md", dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, docs.FileName("statement", code, asOf, "md")); path != want {
		t.Fatalf("wrote %s, want %s", path, want)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	due := "| **Total due** | **" + domain.Human(s.AR(), s.Facts.Account.Currency) + "** |"
	if !strings.Contains(string(b), due) {
		t.Fatalf("no %q in:\n%s", due, b)
	}
	if _, err := d.WriteStatement("NO-SUCH", 0, "md", dir); err == nil {
		t.Fatal("a statement of no account")
	}
	if _, err := d.WriteStatement(code, 0, "docx", dir); err == nil {
		t.Fatal("a statement in no format")
	}
}
