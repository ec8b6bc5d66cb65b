package desk

import (
	"context"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/store"
)

// TestQBRRenewalAfterARenewal: once K-1 (ends 8 Dec 2026) is renewed to
// 8 Dec 2028, the pack's renewal date is the new contract's, not K-1's.
// From Tue 17 Nov 2026: 365 days to 17 Nov 2027, 366 to 17 Nov 2028 (29 Feb
// 2028 between), 21 to 8 Dec 2028: 752 days; notice 30 days (K-1's,
// carried over) before: 8 Nov 2028.
func TestQBRRenewalAfterARenewal(t *testing.T) {
	d := New(qbrStore(), Options{AsOf: qbrAsOf})
	ctx := store.WithAuthor(context.Background(), "ada")
	if _, err := d.Renew(ctx, "IKJ01", Renewal{Contract: "K-1", End: domain.MustDate("2028-12-08")}); err != nil {
		t.Fatal(err)
	}
	b, q, err := d.QBRBytes("IKJ01", 0, "md")
	if err != nil {
		t.Fatal(err)
	}
	if q.Renewal.ID != "K-1-R1" {
		t.Errorf("renewal contract %q, want K-1-R1", q.Renewal.ID)
	}
	if want := "Renewal date: 2028-12-08 (contract K-1-R1, 752 days from now); notice by 2028-11-08."; !strings.Contains(string(b), want) {
		t.Errorf("the md has no %q:\n%s", want, b)
	}
}

// TestRenewalContract: the contract whose end is the renewal date, by hand.
func TestRenewalContract(t *testing.T) {
	d := domain.MustDate
	asOf := d("2026-11-17")
	k := func(id, start, end, status string) domain.Contract {
		return domain.Contract{Account: "A", ID: id, Start: d(start), End: d(end), Status: status}
	}
	for _, c := range []struct {
		name string
		cs   []domain.Contract
		want string // "" none
	}{
		{"in force only", []domain.Contract{k("K-0", "2022-12-09", "2024-12-08", "renewed"), k("K-1", "2024-12-09", "2026-12-08", "active")}, "K-1"},
		{"renewed: the new one, not yet started", []domain.Contract{k("K-1", "2024-12-09", "2026-12-08", "renewed"), k("K-1-R1", "2026-12-09", "2028-12-08", "active")}, "K-1-R1"},
		{"ended on the day is not ended", []domain.Contract{k("K-1", "2024-11-18", "2026-11-17", "active")}, "K-1"},
		{"ended the day before", []domain.Contract{k("K-1", "2024-11-17", "2026-11-16", "active")}, ""},
		{"terminated is no renewal", []domain.Contract{k("K-1", "2024-12-09", "2026-12-08", "active"), k("K-2", "2025-01-01", "2027-12-31", "terminated")}, "K-1"},
		{"none", nil, ""},
	} {
		got, ok := renewalContract(c.cs, asOf)
		if (c.want == "") == ok || (ok && got.ID != c.want) {
			t.Errorf("%s: %q %v, want %q", c.name, got.ID, ok, c.want)
		}
	}
}
