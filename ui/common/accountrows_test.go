package common

import (
	"slices"
	"testing"

	"acctdesk/domain"
)

func facts(codes ...string) []domain.Summary {
	out := make([]domain.Summary, len(codes))
	for i, c := range codes {
		out[i] = domain.Summary{Facts: &domain.Facts{Account: domain.Account{Code: c}}}
	}
	return out
}

// A row is made again only for an account that changed: one touched, one
// new, one whose facts are new (a view never seen), or all of them when the
// view says nothing, or the settings or the date are not the rows'.
func TestAccountRowsNext(t *testing.T) {
	set, asOf := domain.DefaultSettings(), domain.MustDate("2026-11-17")
	var made []string
	build := func(s *domain.Summary) string { made = append(made, s.Facts.Account.Code); return s.Facts.Account.Code }
	sums := facts("A", "B", "C", "D")
	rows := AccountRows[string]{}.Next(sums, nil, set, asOf, build)
	if !slices.Equal(made, []string{"A", "B", "C", "D"}) {
		t.Fatalf("first view made %v", made)
	}
	next := slices.Clone(sums)
	next[2].Facts = &domain.Facts{Account: domain.Account{Code: "C"}}                                        // C changed in a view not seen
	next = slices.Insert(next, 1, domain.Summary{Facts: &domain.Facts{Account: domain.Account{Code: "AB"}}}) // a new account
	made = nil
	got := rows.Next(next, []string{"D"}, set, asOf, build)
	slices.Sort(made)
	if !slices.Equal(made, []string{"AB", "C", "D"}) {
		t.Fatalf("made %v, want AB C D", made)
	}
	if got.Rows[0] != rows.Rows[0] || got.Rows[2] != rows.Rows[1] || *got.Rows[1] != "AB" {
		t.Fatal("A and B were not kept, or AB is not in its place")
	}
	for _, c := range []struct {
		name    string
		touched []string
		set     domain.Settings
		asOf    domain.Date
	}{
		{"nothing said", nil, set, asOf},
		{"settings", []string{}, func() domain.Settings { s := set; s.Thresholds.StaleContactDays++; return s }(), asOf},
		{"date", []string{}, set, asOf - 30},
	} {
		made = nil
		got.Next(next, c.touched, c.set, c.asOf, build)
		if len(made) != len(next) {
			t.Errorf("%s: made %v, want every row", c.name, made)
		}
	}
}
