package domain

import (
	"strconv"
	"testing"
)

func TestBucketEdges(t *testing.T) {
	edges := []int{30, 60, 90, 120}
	// days past due → bucket: ≤0 current, 1–30, 31–60, 61–90, 91–120, 121+.
	cases := map[int]int{-5: 0, 0: 0, 1: 1, 30: 1, 31: 2, 60: 2, 61: 3, 90: 3, 91: 4, 120: 4, 121: 5, 400: 5}
	for days, want := range cases {
		if got := BucketOf(days, edges); got != want {
			t.Errorf("BucketOf(%d) = %d, want %d", days, got, want)
		}
	}
	// Custom edges: 15/45 → current, 1–15, 16–45, 45+.
	if got := BucketOf(16, []int{15, 45}); got != 2 {
		t.Errorf("BucketOf(16, 15/45) = %d, want 2", got)
	}
	if got := BucketLabels([]int{15, 45}); len(got) != 4 || got[3] != "45+" || got[2] != "16–45" {
		t.Errorf("labels = %v", got)
	}
	if got := BucketKeys(edges); got[1] != "d1_30" || got[5] != "d120_plus" {
		t.Errorf("keys = %v", got)
	}
}

func TestAgingOfBoundaryDays(t *testing.T) {
	asOf := MustDate("2026-06-30")
	due := func(days int) string { return asOf.AddDays(-days).String() }
	// One invoice of 100 at each boundary; amounts tell the buckets apart:
	// current: 0 days (1) + −1 day (2)        = 3
	// 1–30:    1 day (4) + 30 days (8)        = 12
	// 31–60:   31 (16) + 60 (32)              = 48
	// 61–90:   61 (64) + 90 (128)             = 192
	// 91–120:  91 (256) + 120 (512)           = 768
	// 120+:    121 (1024)                     = 1024
	days := []int{0, -1, 1, 30, 31, 60, 61, 90, 91, 120, 121}
	var invs []Invoice
	amt := 1
	for i, dd := range days {
		invs = append(invs, inv(string(rune('a'+i)), "2026-01-01", due(dd), strconv.Itoa(amt)))
		amt *= 2
	}
	// Issue dates must not be after due dates for the not-yet-due one; 2026-01-01 is fine.
	a := AgingOf(mustPosition(t, file(invs, nil, nil), asOf), []int{30, 60, 90, 120})
	want := []string{"3", "12", "48", "192", "768", "1024"}
	for i, w := range want {
		if a.Buckets[i].String() != w {
			t.Errorf("bucket %d = %s, want %s", i, a.Buckets[i], w)
		}
	}
	if a.Total.String() != "2047" { // 2^11 − 1
		t.Errorf("total %s, want 2047", a.Total)
	}
}

func TestAgingZeroDecimalCurrency(t *testing.T) {
	// XOF has no minor unit: 150000 invoiced, 49999 paid → 100001 in 1–30.
	f := &AccountFile{Account: Account{Code: "X", Currency: "XOF"},
		Invoices: []Invoice{{Account: "X", Number: "F1", Issued: MustDate("2026-05-01"), Due: MustDate("2026-06-15"), Amount: d("150000"), Currency: "XOF"}},
		Payments: []Payment{{Account: "X", Reference: "R1", Received: MustDate("2026-06-20"), Amount: d("49999"), Currency: "XOF"}}}
	a := AgingOf(mustPosition(t, f, MustDate("2026-06-30")), []int{30, 60, 90, 120})
	if got := Plain(a.Buckets[1], "XOF"); got != "100001" {
		t.Fatalf("1–30 = %s, want 100001", got)
	}
	if got := Plain(a.Net(), "XOF"); got != "100001" {
		t.Fatalf("net = %s", got)
	}
}

func TestAgingLeapDay(t *testing.T) {
	// Issued 2024-02-29, due +30 = 2024-03-30; as of 2024-04-30 it is 31 days past due.
	issued := MustDate("2024-02-29")
	due := issued.AddDays(30)
	if due != MustDate("2024-03-30") {
		t.Fatalf("due %s", due)
	}
	f := file([]Invoice{{Account: "A", Number: "L", Issued: issued, Due: due, Amount: d("10.50"), Currency: "NGN"}}, nil, nil)
	a := AgingOf(mustPosition(t, f, MustDate("2024-04-30")), []int{30, 60, 90, 120})
	if !a.Buckets[2].Equal(d("10.50")) {
		t.Fatalf("buckets %v", a.Buckets)
	}
}

func TestBucketLabel(t *testing.T) {
	edges := []int{30, 60, 90, 120}
	for k, want := range BucketLabels(edges) {
		if got := BucketLabel(k, edges); got != want {
			t.Errorf("bucket %d: %q, want %q", k, got, want)
		}
	}
}
