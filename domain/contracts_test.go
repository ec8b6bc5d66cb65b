package domain

import "testing"

func TestContractInForce(t *testing.T) {
	k := func(id, start, end string) Contract {
		return Contract{Account: "A", ID: id, Start: MustDate(start), End: MustDate(end)}
	}
	old := k("K1", "2024-01-01", "2025-12-31")
	cur := k("K2", "2026-01-01", "2026-12-31")
	overlap := k("K3", "2026-06-01", "2027-05-31") // in force too, and ends later
	next := k("K4", "2027-06-01", "2028-05-31")
	later := k("K5", "2028-06-01", "2029-05-31")
	cases := []struct {
		name      string
		cs        []Contract
		asOf      string
		force, nx string // ids, "" for none
	}{
		{"one in force", []Contract{old, cur}, "2026-11-17", "K2", ""},
		{"the one that ends last", []Contract{cur, overlap}, "2026-11-17", "K3", ""},
		{"its first and last days count", []Contract{cur}, "2026-12-31", "K2", ""},
		{"between contracts", []Contract{old, next, later}, "2027-01-15", "", "K4"},
		{"all ended", []Contract{old}, "2026-11-17", "", ""},
		{"none on file", nil, "2026-11-17", "", ""},
	}
	for _, c := range cases {
		asOf := MustDate(c.asOf)
		f, ok := ContractInForce(c.cs, asOf)
		if got := map[bool]string{true: f.ID}[ok]; got != c.force {
			t.Errorf("%s: in force %q, want %q", c.name, got, c.force)
		}
		n, ok := NextContract(c.cs, asOf)
		if got := map[bool]string{true: n.ID}[ok]; got != c.nx {
			t.Errorf("%s: next %q, want %q", c.name, got, c.nx)
		}
	}
}
