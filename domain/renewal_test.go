package domain

import "testing"

func TestContractState(t *testing.T) {
	asOf := MustDate("2026-11-17") // a Tuesday
	k := func(id, start, end string, notice int, status string) Contract {
		return Contract{Account: "A", ID: id, Start: MustDate(start), End: MustDate(end), NoticeDays: notice, Status: status}
	}
	// K1 is renewed by K2 (starts after K1 starts, ends after K1 ends);
	// K3 lies inside K1 (starts later, ends earlier): it renews nothing.
	k1 := k("K1", "2025-01-01", "2026-12-31", 60, "")
	k2 := k("K2", "2027-01-01", "2028-12-31", 30, "")
	k3 := k("K3", "2026-06-01", "2026-12-01", 0, "active")
	cases := []struct {
		name      string
		k         Contract
		all       []Contract
		status    string
		daysLeft  int
		noticeBy  string
		renewedBy string
		due       bool // at the default 90-day horizon
	}{
		// 30 Nov − 17 Nov = 13 days; notice 30 days: 30 Nov − 30 = 31 Oct.
		{"active, ending soon", k("A1", "2025-12-01", "2026-11-30", 30, ""), nil, ContractActive, 13, "2026-10-31", "", true},
		// 17 Nov + 90: 13 to 30 Nov, +31 Dec = 44, +31 Jan = 75, +15 = 15 Feb 2027.
		{"ends in exactly 90 days", k("A2", "2025-02-16", "2027-02-15", 0, ""), nil, ContractActive, 90, "2027-02-15", "", true},
		{"ends in 91 days", k("A3", "2025-02-17", "2027-02-16", 0, ""), nil, ContractActive, 91, "2027-02-16", "", false},
		{"ends today", k("A4", "2025-11-18", "2026-11-17", 10, "active"), nil, ContractActive, 0, "2026-11-07", "", true},
		// Ended yesterday, nobody renewed it: lapsed (even though its status still says active).
		{"ended yesterday", k("A5", "2025-11-17", "2026-11-16", 0, "active"), nil, ContractLapsed, -1, "2026-11-16", "", false},
		{"status renewed", k("A6", "2025-12-01", "2026-12-01", 0, ContractRenewed), nil, ContractRenewed, 14, "2026-12-01", "", false},
		// K1: 31 Dec − 17 Nov = 13 + 31 = 44 days; notice 60: 31 Dec − 60 = 1 Nov.
		{"renewed by a later contract", k1, []Contract{k1, k2, k3}, ContractRenewed, 44, "2026-11-01", "K2", false},
		// K3 ends 1 Dec (14 days) and K1 does not renew it (K1 started first).
		{"a later start alone is no renewal", k3, []Contract{k1, k3}, ContractActive, 14, "2026-12-01", "", true},
		// K2: 17 Nov 2026 → 17 Nov 2028 is 365 + 366 (29 Feb 2028) = 731, + 30 to 17 Dec, + 14 = 775.
		{"the renewal itself", k2, []Contract{k1, k2, k3}, ContractActive, 775, "2028-12-01", "", false},
		{"lapse recorded before the end", k("A7", "2025-12-01", "2026-12-10", 0, ContractLapsed), nil, ContractLapsed, 23, "2026-12-10", "", false},
		{"terminated", k("A8", "2025-12-01", "2026-12-10", 0, ContractTerminated), nil, ContractTerminated, 23, "2026-12-10", "", false},
		// A person's "lapsed" wins over a later contract (a win-back is a new contract, not a renewal).
		{"recorded lapse, then a new contract", k("A9", "2025-01-01", "2025-12-31", 0, ContractLapsed),
			[]Contract{k("A9", "2025-01-01", "2025-12-31", 0, ContractLapsed), k("B1", "2026-06-01", "2027-05-31", 0, "")}, ContractLapsed, -321, "2025-12-31", "", false},
		{"not started yet", k("A10", "2027-01-01", "2027-03-31", 0, ""), nil, ContractActive, 134, "2027-03-31", "", false},
		// A Fleet contract signed beside the fuel supply mid-term (starts 1 Jun, long before
		// F1 ends 31 Dec) renews nothing: F1 is still due for renewal (44 days).
		{"a contract beside it is no renewal", k("F1", "2025-01-01", "2026-12-31", 0, ""),
			[]Contract{k("F1", "2025-01-01", "2026-12-31", 0, ""), k("F2", "2026-06-01", "2027-05-31", 0, "")}, ContractActive, 44, "2026-12-31", "", true},
		// A renewal may take over a little early or late: from 31 days before the day after
		// the end (1 Jan − 31 = 1 Dec) to 31 days after it (1 Feb).
		{"a renewal starting a month early", k("G1", "2025-01-01", "2026-12-31", 0, ""),
			[]Contract{k("G1", "2025-01-01", "2026-12-31", 0, ""), k("G2", "2026-12-01", "2028-11-30", 0, "")}, ContractRenewed, 44, "2026-12-31", "G2", false},
		{"a day more than a month early", k("H1", "2025-01-01", "2026-12-31", 0, ""),
			[]Contract{k("H1", "2025-01-01", "2026-12-31", 0, ""), k("H2", "2026-11-30", "2028-11-30", 0, "")}, ContractActive, 44, "2026-12-31", "", true},
		{"a renewal starting a month late", k("J1", "2025-01-01", "2026-11-01", 0, ""),
			[]Contract{k("J1", "2025-01-01", "2026-11-01", 0, ""), k("J2", "2026-12-02", "2028-11-30", 0, "")}, ContractRenewed, -16, "2026-11-01", "J2", false},
	}
	for _, c := range cases {
		all := c.all
		if all == nil {
			all = []Contract{c.k}
		}
		st := StateOf(c.k, all, asOf)
		if st.Status != c.status || st.DaysLeft != c.daysLeft || st.NoticeBy != MustDate(c.noticeBy) || st.RenewedBy != c.renewedBy {
			t.Errorf("%s: %+v (notice by %s), want %s, %d days, notice by %s, renewed by %q", c.name, st, st.NoticeBy, c.status, c.daysLeft, c.noticeBy, c.renewedBy)
		}
		if got := st.DueForRenewal(90); got != c.due {
			t.Errorf("%s: due %v, want %v", c.name, got, c.due)
		}
	}
}

func TestRenewalsDue(t *testing.T) {
	asOf := MustDate("2026-11-17")
	k := func(id, start, end, status string) Contract {
		return Contract{Account: "A", ID: id, Start: MustDate(start), End: MustDate(end), Status: status}
	}
	// All start the same day: none renews another (a renewal starts later).
	cs := []Contract{
		k("LATE", "2024-01-01", "2027-02-15", ""), // 90 days: due
		k("SOON", "2024-01-01", "2026-11-30", ""), // 13 days: due
		k("FAR", "2024-01-01", "2027-02-16", ""),  // 91 days: not
		k("OLD", "2024-01-01", "2026-11-16", ""),  // ended: lapsed
		k("DONE", "2024-01-01", "2026-12-01", "renewed"),
	}
	th := DefaultSettings().Thresholds
	if th.RenewalDays != 90 {
		t.Fatalf("default horizon %d, want 90", th.RenewalDays)
	}
	got := RenewalsDue(cs, asOf, th)
	if len(got) != 2 || got[0].ID != "SOON" || got[1].ID != "LATE" {
		t.Fatalf("due %+v, want SOON then LATE", got)
	}
	th.RenewalDays = 91
	if got := RenewalsDue(cs, asOf, th); len(got) != 3 || got[2].ID != "FAR" {
		t.Fatalf("at 91 days: %+v, want FAR too", got)
	}
}

func TestRenewalNumber(t *testing.T) {
	taken := map[string]bool{"K1-R2": true, "X-R1": true}
	for _, c := range [][2]string{
		{"K1", "K1-R1"},       // a first renewal
		{"K1-R1", "K1-R3"},    // the renewal of a renewal: R2, taken, so R3
		{"K1-R9", "K1-R10"},   //
		{"X", "X-R2"},         // X-R1 is taken
		{"K-R", "K-R-R1"},     // no number after -R
		{"K-R01", "K-R01-R1"}, // not a plain number
		{"-R1", "-R1-R1"},     // nothing before -R
	} {
		if got := RenewalNumber(c[0], func(s string) bool { return taken[s] }); got != c[1] {
			t.Errorf("%s: %s, want %s", c[0], got, c[1])
		}
	}
}

func TestContractNumber(t *testing.T) {
	cs := []Contract{{ID: "A-C2"}, {ID: "X"}}
	// Two contracts: from 3. A-C3 is free.
	if got := ContractNumber("A", cs); got != "A-C3" {
		t.Errorf("%s, want A-C3", got)
	}
	// A-C3 taken too: A-C4.
	if got := ContractNumber("A", append(cs, Contract{ID: "A-C3"})); got != "A-C4" {
		t.Errorf("%s, want A-C4", got)
	}
	if got := ContractNumber("A", nil); got != "A-C1" {
		t.Errorf("%s, want A-C1", got)
	}
}
