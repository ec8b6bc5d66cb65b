package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"acctdesk/domain"
)

// managerFiles are testFiles with credit decisions and service issues.
func managerFiles() []*domain.AccountFile {
	fs := testFiles()
	at := func(s string) domain.Stamp {
		t, _ := time.Parse(time.RFC3339, s)
		return domain.Stamp{By: "bisi", At: t}
	}
	day := domain.MustDate
	for _, f := range fs {
		switch f.Account.Code {
		case "B-ACME":
			f.Decisions = []domain.CreditDecision{
				{ID: 2, Account: "B-ACME", On: day("2026-06-20"), Field: domain.FieldCreditLimit, Old: dec("10000"), New: dec("5000"),
					Currency: "NGN", Reason: "slow payer", ApprovedBy: "cfo", UtilisationAfter: dec("130.0"), HasUtilisation: true,
					ConfirmedOver: true, Stamp: at("2026-06-20T09:00:00+01:00")},
				{ID: 3, Account: "B-ACME", On: day("2026-06-20"), Field: domain.FieldOverdraft, Old: dec("0"), New: dec("500.5"),
					NewExpires: day("2026-07-31"), Currency: "NGN", Reason: "slow payer", ApprovedBy: "cfo", UtilisationAfter: dec("130.0"),
					HasUtilisation: true, ConfirmedOver: true, Stamp: at("2026-06-20T09:00:00+01:00")},
				// Decided after the report's date: not in it.
				{ID: 4, Account: "B-ACME", On: day("2026-07-01"), Field: domain.FieldCreditLimit, Old: dec("5000"), New: dec("0"),
					Currency: "NGN", Reason: "closed", ApprovedBy: "cfo", Stamp: at("2026-07-01T09:00:00Z")},
			}
			f.Issues = []domain.ServiceIssue{
				{ID: 5, Account: "B-ACME", Kind: "late-delivery", Opened: day("2026-06-01"), SLADeadline: day("2026-06-05"), Owner: "ops",
					Status: domain.IssueResolved, ResolvedOn: day("2026-06-04"), Resolution: "r", ConfirmedInWriting: true, Summary: "AGO late"},
				{ID: 6, Account: "B-ACME", Kind: "quality", Opened: day("2026-06-10"), SLADeadline: day("2026-06-12"), Owner: "ops",
					Status: domain.IssueOpen, Summary: "bad fuel"},
				{ID: 7, Account: "B-ACME", Kind: "fleet-incident", Opened: day("2026-06-28"), SLADeadline: day("2026-07-02"), Owner: "ops",
					Status: domain.IssueInProgress, Summary: "truck down"},
				// Resolved after the date: open as of it, no deadline.
				{ID: 8, Account: "B-ACME", Kind: "other", Opened: day("2026-06-15"), Owner: "ops", Status: domain.IssueResolved,
					ResolvedOn: day("2026-07-03"), Resolution: "fixed", ConfirmedInWriting: true, Summary: "meter"},
				{ID: 9, Account: "B-ACME", Kind: "other", Opened: day("2026-07-01"), Owner: "ops", Status: domain.IssueOpen, Summary: "later"},
			}
		case "X-TOGO":
			d := at("2026-06-10T15:30:00Z")
			d.By = "ada"
			f.Decisions = []domain.CreditDecision{{ID: 1, Account: "X-TOGO", On: day("2026-06-10"), Field: domain.FieldCreditLimit,
				Old: dec("0"), New: dec("200000"), Currency: "XOF", Reason: "first limit", ApprovedBy: "ada",
				UtilisationAfter: dec("75"), HasUtilisation: true, Stamp: d}}
			f.Issues = []domain.ServiceIssue{{ID: 4, Account: "X-TOGO", Kind: "billing-error", Opened: day("2026-06-10"),
				SLADeadline: day("2026-06-11"), Owner: "ada", Status: domain.IssueResolved, ResolvedOn: day("2026-06-14"),
				Resolution: "credited", Summary: "wrong price, twice"}}
		case "C-ZERO":
			// A limit removed: no utilisation after.
			f.Decisions = []domain.CreditDecision{{ID: 10, Account: "C-ZERO", On: day("2026-06-20"), Field: domain.FieldCreditLimit,
				Old: dec("10000"), New: dec("0"), Currency: "NGN", Reason: "dormant", ApprovedBy: "bisi", Stamp: at("2026-06-20T08:00:00Z")}}
		}
	}
	return fs
}

func renderManager(t *testing.T, name, format string) string {
	t.Helper()
	r, err := Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	b, err := domain.BookOf(domain.DefaultSettings(), managerFiles())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Of(r, Input{AsOf: domain.MustDate("2026-06-30")}, b.Settings, b.Accounts).Write(&buf, format); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestCreditDecisionsReport: by the instant written (09:00+01:00 is 08:00
// UTC, with C-ZERO's 08:00 UTC: then by account), amounts at the currency's
// places, utilisation to one decimal or empty, confirmed_over yes/no.
func TestCreditDecisionsReport(t *testing.T) {
	want := "account,decided_at,by,approved_by,field,old,new,reason,utilisation_after_pct,confirmed_over\n" +
		"X-TOGO,2026-06-10T15:30:00Z,ada,ada,credit_limit,0,200000,first limit,75.0,no\n" +
		"B-ACME,2026-06-20T08:00:00Z,bisi,cfo,credit_limit,10000.00,5000.00,slow payer,130.0,yes\n" +
		"B-ACME,2026-06-20T08:00:00Z,bisi,cfo,overdraft,0.00,500.50,slow payer,130.0,yes\n" +
		"C-ZERO,2026-06-20T08:00:00Z,bisi,bisi,credit_limit,10000.00,0.00,dormant,,no\n"
	if got := renderManager(t, "credit-decisions", "csv"); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := renderManager(t, "credit-decisions", "json"); !strings.Contains(got, `"utilisation_after_pct": null, "confirmed_over": "no"`) ||
		!strings.Contains(got, `"old": 10000.00, "new": 5000.00`) {
		t.Errorf("json:\n%s", got)
	}
}

// TestIssuesReport: every issue opened by 06-30, as it stood then, by
// opened date, account, id; sla_met by the rule of the help.
func TestIssuesReport(t *testing.T) {
	want := "account,id,kind,opened_on,sla,owner,status,sla_met,resolved_on,confirmed_in_writing,summary\n" +
		// Resolved 06-04, deadline 06-05: met.
		"B-ACME,5,late-delivery,2026-06-01,2026-06-05,ops,resolved,yes,2026-06-04,yes,AGO late\n" +
		// Open, deadline 06-12 < 06-30: not met.
		"B-ACME,6,quality,2026-06-10,2026-06-12,ops,open,no,,no,bad fuel\n" +
		// Resolved 06-14, deadline 06-11: not met.
		"X-TOGO,4,billing-error,2026-06-10,2026-06-11,ada,resolved,no,2026-06-14,no,\"wrong price, twice\"\n" +
		// Resolved 07-03, after the date: open then; no deadline: empty.
		"B-ACME,8,other,2026-06-15,,ops,open,,,no,meter\n" +
		// In progress, deadline 07-02 not yet passed: empty.
		"B-ACME,7,fleet-incident,2026-06-28,2026-07-02,ops,in-progress,,,no,truck down\n"
	if got := renderManager(t, "issues", "csv"); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
