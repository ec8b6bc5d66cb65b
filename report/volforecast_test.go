package report

import (
	"bytes"
	"testing"

	"acctdesk/domain"
)

// TestVolumeForecastChurned: an account churned by the as-of date is
// forecast nothing, as cross-sell shows it nothing; one that churns after
// the date (the report asked of an earlier day) still is. C-GONE sold Fleet
// on 2026-01-05 (2 units): as of 2026-06-30, May from Feb, Mar, Apr
// (0 + 0 + 0) ÷ 3 = 0, actual 0; June … August from Mar, Apr, May: 0.
func TestVolumeForecastChurned(t *testing.T) {
	r, _ := Lookup("forecast")
	asOf := domain.MustDate("2026-06-30")
	gone := "C-GONE,Fleet,2026-05,0,0,average,\n" +
		"C-GONE,Fleet,2026-06,0,0,average,\n" +
		"C-GONE,Fleet,2026-07,,0,average,\n" +
		"C-GONE,Fleet,2026-08,,0,average,\n"
	for _, c := range []struct {
		name   string
		status string
		since  string // "" unknown
		shown  bool
	}{
		{"churned, day not known", domain.StatusChurned, "", false},
		{"churned before the date", domain.StatusChurned, "2026-03-31", false},
		{"churned on the date", domain.StatusChurned, "2026-06-30", false},
		{"churned after the date", domain.StatusChurned, "2026-07-01", true},
		{"on hold", domain.StatusOnHold, "2026-03-31", true},
	} {
		b := crossBook(t)
		var only []*domain.Facts
		for _, x := range b.Accounts {
			if x.Account.Code == "C-GONE" {
				x.Account.Status = c.status
				if c.since != "" {
					x.Account.StatusSince = domain.MustDate(c.since)
				}
				only = append(only, x)
			}
		}
		var buf bytes.Buffer
		if err := Of(r, Input{AsOf: asOf}, b.Settings, only).Write(&buf, "csv"); err != nil {
			t.Fatal(err)
		}
		want := "account,product,month,actual,forecast,method,error_pct\n"
		if c.shown {
			want += gone
		}
		if got := buf.String(); got != want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, want)
		}
	}
}
