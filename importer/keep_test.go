package importer

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"acctdesk/domain"
	"acctdesk/store"
	"acctdesk/store/bolt"
	"acctdesk/store/memstore"
)

// Both stores: what a file says must come back from either.
func stores(t *testing.T) map[string]store.Store {
	t.Helper()
	b, err := bolt.Open(filepath.Join(t.TempDir(), "book.db"), bolt.Options{Now: func() time.Time {
		return time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)
	}})
	if err != nil {
		t.Fatal(err)
	}
	return map[string]store.Store{"bolt": b, "memstore": memstore.New()}
}

var importCtx = store.WithAuthor(context.Background(), "tester")

func importInto(t *testing.T, s store.Store, kind, src string, opt Options) store.Result {
	t.Helper()
	b, err := readAll(kind, strings.NewReader(src), opt)
	if err != nil {
		t.Fatalf("%s: %v", kind, err)
	}
	res, err := s.Apply(importCtx, b)
	if err != nil {
		t.Fatalf("%s: Apply: %v", kind, err)
	}
	return res
}

// TestStatusSinceKept: an account's status date (when it churned, when it
// went on hold) is read from status_since in the file's date layout, kept
// by the store and read back; an account without one has none.
func TestStatusSinceKept(t *testing.T) {
	src := "code,name,status,status_since,currency\n" +
		"OLD,Old Haulage Ltd,churned,3/31/2026,NGN\n" +
		"HOLD,Held Ltd,On-Hold,1/15/2026,NGN\n" +
		"NEW,New Ltd,active,,NGN\n"
	for name, s := range stores(t) {
		res := importInto(t, s, "accounts", src, Options{DateLayout: "1/2/2006"})
		if res.ByKind[store.KindAccounts].Added != 3 {
			t.Errorf("%s: %v; want 3 accounts added", name, res)
		}
		for code, want := range map[string]domain.Date{"OLD": domain.MustDate("2026-03-31"), "HOLD": domain.MustDate("2026-01-15"), "NEW": 0} {
			f, err := s.LoadAccount(code)
			if err != nil {
				t.Fatalf("%s: %s: %v", name, code, err)
			}
			if f.Account.StatusSince != want {
				t.Errorf("%s: %s status_since %v, want %v", name, code, f.Account.StatusSince, want)
			}
		}
		if f, _ := s.LoadAccount("OLD"); f.Account.Status != domain.StatusChurned {
			t.Errorf("%s: OLD status %q", name, f.Account.Status)
		}
		// The same file again changes nothing; a new date is an update.
		if res := importInto(t, s, "accounts", src, Options{DateLayout: "1/2/2006"}); res.Changed() {
			t.Errorf("%s: re-import: %v", name, res)
		}
		res = importInto(t, s, "accounts", strings.Replace(src, "3/31/2026", "4/30/2026", 1), Options{DateLayout: "1/2/2006"})
		if res.ByKind[store.KindAccounts].Updated != 1 {
			t.Errorf("%s: a new status date: %v; want 1 account updated", name, res)
		}
		if f, _ := s.LoadAccount("OLD"); f.Account.StatusSince != domain.MustDate("2026-04-30") {
			t.Errorf("%s: OLD status_since after the update %v", name, f.Account.StatusSince)
		}
	}
	_, err := readAll("accounts", strings.NewReader("code,name,status,status_since\nX,X Ltd,churned,2026-02-30\n"), Options{})
	var rows store.RowErrors
	if !asRows(err, &rows) || len(rows) != 1 || rows[0].Line != 2 || rows[0].Field != "status_since" {
		t.Errorf("a bad status_since: %v", err)
	}
}

func asRows(err error, rows *store.RowErrors) bool {
	r, ok := err.(store.RowErrors)
	*rows = r
	return ok
}

// spec104 are the rebate examples of SPEC §10.4, as the cell is written.
var spec104 = []string{
	"quantity/quarter:0=0%,10000=1%,50000=2.5%",
	"amount/month:0=0%,5000000=0.5%",
	"quantity/month:20000=1.50/unit",
}

// TestContractRebatesKept: a contract with each rebate of SPEC §10.4 is
// imported, kept by the store with its basis, period and tiers, and read
// back as the cell was written; the same file again changes nothing.
func TestContractRebatesKept(t *testing.T) {
	var src strings.Builder
	src.WriteString("account,number,start,end,rebate\n")
	for i, r := range spec104 {
		src.WriteString("ACME,C" + string(rune('1'+i)) + ",2026-01-01,2026-12-31,\"" + r + "\"\n")
	}
	src.WriteString("ACME,C4,2026-01-01,2026-12-31,\n") // no rebate
	for name, s := range stores(t) {
		importInto(t, s, "accounts", "code,name,currency\nACME,Acme Ltd,NGN\n", Options{})
		res := importInto(t, s, "contracts", src.String(), Options{})
		if res.ByKind[store.KindContracts].Added != 4 {
			t.Errorf("%s: %v; want 4 contracts added", name, res)
		}
		f, err := s.LoadAccount("ACME")
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]domain.RebateScheme{}
		for _, c := range f.Contracts {
			got[c.ID] = c.Rebate
		}
		for i, want := range spec104 {
			id := "C" + string(rune('1'+i))
			if w := domain.FormatRebate(got[id]); w != want {
				t.Errorf("%s: contract %s rebate %q, want %q", name, id, w, want)
			}
		}
		// quantity/month:20000=1.50/unit is one tier, from 20000, 1.50 a unit and no percentage.
		if r := got["C3"]; r.Basis != "quantity" || r.Period != "month" || len(r.Tiers) != 1 ||
			r.Tiers[0].From.String() != "20000" || r.Tiers[0].PerUnit.String() != "1.5" || !r.Tiers[0].Percent.IsZero() {
			t.Errorf("%s: C3 %+v", name, r)
		}
		if r := got["C2"]; r.Basis != "amount" || len(r.Tiers) != 2 || r.Tiers[1].From.String() != "5000000" || r.Tiers[1].Percent.String() != "0.5" {
			t.Errorf("%s: C2 %+v", name, r)
		}
		if !got["C4"].IsZero() {
			t.Errorf("%s: C4 has a rebate %+v", name, got["C4"])
		}
		if res := importInto(t, s, "contracts", src.String(), Options{}); res.Changed() {
			t.Errorf("%s: re-import: %v", name, res)
		}
	}
}

// TestBadRebateCell: a rebate cell that is not the SPEC's form is refused
// with its line, its column (as the file names it, and its cell in a
// workbook), what is wrong and the form to write; every bad row is listed.
func TestBadRebateCell(t *testing.T) {
	src := "Account,Number,Start,End,Rebate Scheme\n" +
		"ACME,C1,2026-01-01,2026-12-31,\"0=0%,10000=1%\"\n" + // line 2: bare tiers
		"ACME,C2,2026-01-01,2026-12-31,quantity/year:0=0%\n" + // line 3: no such period
		"ACME,C3,2026-01-01,2026-12-31,\"amount/month:0=0%,5000000=0.5\"\n" + // line 4: a rate without % or /unit
		"ACME,C4,2026-01-01,2026-12-31,quantity/month:20000=1.50/unit\n" // line 5: good
	f, err := Read("contracts", strings.NewReader(src), Options{Map: map[string]string{"rebate scheme": "rebate"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		line   int
		reason string
	}{
		{2, `"0=0%,10000=1%" has no BASIS/PERIOD: before its tiers`},
		{3, `the period "year" is not month or quarter`},
		{4, `the rate "0.5" needs % (of the invoiced amount) or /unit`},
	}
	if len(f.Errors) != len(want) || len(f.Batch.Contracts) != 1 {
		t.Fatalf("errors %v, contracts %d", f.Errors, len(f.Batch.Contracts))
	}
	for i, w := range want {
		e := f.Errors[i]
		if e.Line != w.line || e.Field != "rebate (Rebate Scheme)" || !strings.Contains(e.Reason, w.reason) ||
			!strings.Contains(e.Reason, "BASIS/PERIOD:THRESHOLD=RATE") || !strings.Contains(e.Reason, "quantity/quarter:0=0%,10000=1%,50000=2.5%") {
			t.Errorf("error %d: %+v\n  want line %d, rebate (Rebate Scheme), %q and the form", i, e, w.line, w.reason)
		}
	}

	// In a workbook the message names the cell too: E2.
	wb := workbook(t, [][2]any{{"Contracts", [][]any{
		{"account", "number", "start", "end", "rebate"},
		{"ACME", "C1", day("2026-01-01"), day("2026-12-31"), "0=0%,10000=1%"},
	}}}, nil)
	f, err = Read("contracts", bytes.NewReader(wb), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Errors) != 1 || f.Errors[0].Line != 2 || f.Errors[0].Field != "rebate" || !strings.Contains(f.Errors[0].Reason, "(cell E2)") ||
		!strings.Contains(f.Errors[0].Reason, "has no BASIS/PERIOD:") {
		t.Errorf("workbook errors %v", f.Errors)
	}
}
