package main

import (
	"strings"
	"testing"
)

// TestReportBy: --by reaches report collections in any case, and is
// refused for a report that does not group, or with a word it does not take.
// As of 2026-12-01: TOGO's T-1 (150,001, due Saturday 10-31, paid 50,001 on
// 11-01) falls due in the week of Monday 10-26: unpaid by its due date,
// 50,001 paid by the week's end (Sunday 11-01), nothing by October's end;
// ACME's A-3 (400,000.00, due Tuesday 12-01) in the week
// of 11-30, cut at the as-of date: nothing paid of it (P-2's 50,000.25 goes
// to A-2, due 2024).
func TestReportBy(t *testing.T) {
	db := reconcileBook(t)
	got := must(t, db, "report", "collections", "--by", "WEEK", "--period", "2026-q4", "--format", "csv", "--as-of", "2026-12-01")
	want := "interval,owner,currency,fell_due,paid_on_time,paid,rate_pct\n" +
		"2026-10-26,tunde,XOF,150001,0,50001,0.0\n" +
		"2026-11-30,ada,NGN,400000.00,0.00,0.00,0.0\n"
	if got != want {
		t.Errorf("collections by week:\n%s\nwant\n%s", got, want)
	}
	// By month (the default): October and December.
	got = must(t, db, "report", "collections", "--period", "2026-Q4", "--format", "csv", "--as-of", "2026-12-01")
	if !strings.Contains(got, "\n2026-10,tunde,XOF,150001,0,0,0.0\n2026-12,ada,NGN,400000.00,0.00,0.00,0.0\n") {
		t.Errorf("collections by month:\n%s", got)
	}
	// The reports that take --by are named (collections among them).
	if _, err := acctdesk(t, db, "report", "aging", "--by", "week"); err == nil ||
		!strings.Contains(err.Error(), "--by is not for report aging (it is for ") || !strings.Contains(err.Error(), "collections") {
		t.Errorf("report aging --by week: %v", err)
	}
	if _, err := acctdesk(t, db, "report", "collections", "--by", "wek"); err == nil ||
		!strings.Contains(err.Error(), `--by "wek": did you mean week? (day, week, month)`) {
		t.Errorf("report collections --by wek: %v", err)
	}
}

// TestHelpManagementReports: acctdesk help report lists the management
// reports with their columns, and help report NAME explains each column.
func TestHelpManagementReports(t *testing.T) {
	all := helpText(t, "report")
	for _, want := range []string{
		"term-vs-cash", "month,terms,accounts,revenue,currency",
		"week,account,invoice,due_date,outstanding,currency",
		"interval,owner,currency,fell_due,paid_on_time,paid,rate_pct",
		"month,reason,account,count,amount,currency",
		"account,currency,date,ours,theirs,difference,status,reconciled_on",
		"user,calls,reached,promises,promised,kept,kept_amount,escalations_opened,escalations_resolved,disputes_resolved,currency",
		"account,product,month,target_quantity,actual_quantity,quantity_variance_pct,target_amount,actual_amount,amount_variance_pct,currency",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("help report: no %q", want)
		}
	}
	if one := helpText(t, "report", "collections"); !strings.Contains(one, "credit notes applied to an invoice count as payments do") ||
		!strings.Contains(one, "rate_pct      paid_on_time ÷ fell_due × 100") {
		t.Errorf("help report collections:\n%s", one)
	}
}

// helpText is what acctdesk help WORDS... prints.
func helpText(t *testing.T, words ...string) string {
	t.Helper()
	_, err := acctdesk(t, t.TempDir()+"/none.db", append([]string{"help"}, words...)...)
	h, ok := err.(helpRequested)
	if !ok {
		t.Fatalf("help %v: %v", words, err)
	}
	text, err := h.text()
	if err != nil {
		t.Fatal(err)
	}
	return text
}
