package desk

import (
	"errors"
	"strings"
	"testing"

	"acctdesk/domain"
	"acctdesk/domain/queue"
	"acctdesk/store"
)

func mustRebate(t *testing.T, s string) domain.RebateScheme {
	t.Helper()
	sc, err := domain.ParseRebate(s)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// contractBook is teamBook with contracts, as of 22 Nov 2026: OKAF01's K1
// ends in 18 days (due for renewal), K3 is terminated; KANO01's K2 ends in
// 38 days (on another account: K1's renewal, starting later and ending
// later, would renew it too).
func contractBook(t *testing.T) *Desk {
	t.Helper()
	st := teamBook(t)
	k := func(id, start, end, status string, notice int, rebate string) store.Rec[domain.Contract] {
		code := "OKAF01"
		if id == "K2" {
			code = "KANO01"
		}
		return store.Rec[domain.Contract]{V: domain.Contract{Account: code, ID: id, Start: domain.MustDate(start), End: domain.MustDate(end),
			NoticeDays: notice, SLA: "AGO within 24h", Rebate: mustRebate(t, rebate), Status: status}}
	}
	if _, err := st.Apply(ada, &store.Batch{Contracts: []store.Rec[domain.Contract]{
		k("K1", "2025-12-11", "2026-12-10", "active", 30, "quantity/quarter:0=1%"),
		k("K2", "2025-12-11", "2026-12-30", "", 0, ""),
		k("K3", "2025-12-11", "2026-12-20", domain.ContractTerminated, 0, ""),
	}}); err != nil {
		t.Fatal(err)
	}
	return New(st, Options{AsOf: asOf})
}

func renewalItems(t *testing.T, d *Desk) []string {
	t.Helper()
	v, err := d.Refresh()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, it := range v.Queue {
		if it.Reason == queue.Renewal {
			out = append(out, strings.Split(it.Key, ":")[2])
		}
	}
	return out
}

func TestAddContract(t *testing.T) {
	d := contractBook(t)
	k := domain.Contract{Start: domain.MustDate("2027-01-01"), End: domain.MustDate("2027-12-31"), NoticeDays: 45,
		SLA: " Rescue within 2h ", Rebate: mustRebate(t, "amount/month:0=0%,5000000=0.5%")}
	got, err := d.AddContract(ada, "OKAF01", k)
	if err != nil {
		t.Fatal(err)
	}
	// Two contracts already: the first free number from 3.
	c := got.Contract
	if c.ID != "OKAF01-C3" || c.Account != "OKAF01" || c.Status != domain.ContractActive || c.SLA != "Rescue within 2h" || c.Stamp.By != "ada" {
		t.Fatalf("added %+v", c)
	}
	e := got.Entry
	if e.Kind != domain.KindContract || e.On != asOf || e.Stamp.By != "ada" ||
		e.Text != "contract OKAF01-C3 added: 2027-01-01 to 2027-12-31, notice 45 days, rebate amount/month:0=0%,5000000=0.5%" {
		t.Fatalf("entry %+v", e)
	}
	f, _ := d.Account("OKAF01")
	if len(f.Contracts) != 3 {
		t.Fatalf("%d contracts", len(f.Contracts))
	}

	// Refused, by field: a number the account has (in any case), an end before the start; and a collector.
	k.ID = "k1"
	if _, err := d.AddContract(ada, "OKAF01", k); !fieldIs(err, "number", "already has contract K1") {
		t.Errorf("a taken number: %v", err)
	}
	k.ID, k.End = "K9", domain.MustDate("2026-12-31")
	if _, err := d.AddContract(ada, "OKAF01", k); !fieldIs(err, "end", "ends before it starts") {
		t.Errorf("an end before the start: %v", err)
	}
	k.End = domain.MustDate("2027-12-31")
	if _, err := d.AddContract(WithRole(bisi, Collector), "OKAF01", k); !errors.Is(err, ErrNotPermitted) || !strings.Contains(err.Error(), "adding a contract needs a lead") {
		t.Errorf("a collector: %v", err)
	}
}

// fieldIs reports whether err is a validation error of field whose reason holds reason.
func fieldIs(err error, field, reason string) bool {
	var ve domain.ValidationError
	if !errors.As(err, &ve) {
		return false
	}
	for _, fe := range ve {
		if fe.Field == field && strings.Contains(fe.Reason, reason) {
			return true
		}
	}
	return false
}

func TestRenew(t *testing.T) {
	d := contractBook(t)
	// K1 (18 days) and K2 (38) are due; K3 is terminated.
	if got := renewalItems(t, d); strings.Join(got, " ") != "K1 K2" {
		t.Fatalf("renewal items before: %v", got)
	}
	got, err := d.Renew(ada, "OKAF01", Renewal{Contract: "k1", End: domain.MustDate("2027-12-10")})
	if err != nil {
		t.Fatal(err)
	}
	// The new contract starts the day after K1 ends, with K1's notice, SLA and rebate.
	n := got.Contract
	if n.ID != "K1-R1" || n.Start != domain.MustDate("2026-12-11") || n.End != domain.MustDate("2027-12-10") || n.NoticeDays != 30 ||
		n.SLA != "AGO within 24h" || domain.FormatRebate(n.Rebate) != "quantity/quarter:0=1%" || n.Status != domain.ContractActive || n.Stamp.By != "ada" {
		t.Fatalf("renewal %+v", n)
	}
	if got.Renewed == nil || got.Renewed.ID != "K1" || got.Renewed.Status != domain.ContractRenewed {
		t.Fatalf("old %+v", got.Renewed)
	}
	if e := got.Entry; e.Kind != domain.KindContract || e.ID == 0 ||
		e.Text != "contract K1 renewed as K1-R1: 2026-12-11 to 2027-12-10, notice 30 days, rebate quantity/quarter:0=1% (rebate carried over)" {
		t.Fatalf("entry %+v", e)
	}
	// The queue follows: K1's item is gone, K1-R1 ends in more than 90 days.
	if got := renewalItems(t, d); strings.Join(got, " ") != "K2" {
		t.Fatalf("renewal items after: %v", got)
	}

	// K1 again: renewed already. K3: terminated. An end not after K1-R1's. A taken number.
	for _, c := range []struct {
		r    Renewal
		want string
	}{
		{Renewal{Contract: "K1", End: domain.MustDate("2028-12-10")}, "contract K1 is already renewed: it cannot be renewed"},
		{Renewal{Contract: "K3", End: domain.MustDate("2028-12-10")}, "contract K3 is terminated: it cannot be renewed"},
		{Renewal{Contract: "K1-R1", End: domain.MustDate("2027-12-10")}, "end: the renewal starts 2027-12-11 (the day after K1-R1 ends): it must end after that"},
		{Renewal{Contract: "K1-R1", ID: "k1", End: domain.MustDate("2028-12-30")}, "number: the account already has contract K1 (2025-12-11 to 2026-12-10)"},
		{Renewal{Contract: "K7", End: domain.MustDate("2027-12-30")}, `contract "K7" is not on account OKAF01`},
	} {
		if _, err := d.Renew(ada, "OKAF01", c.r); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.r, err, c.want)
		}
	}

	// A renewal of the renewal, with a new notice and no rebate: K1-R2.
	notice, none := 60, domain.RebateScheme{}
	got, err = d.Renew(ada, "OKAF01", Renewal{Contract: "K1-R1", End: domain.MustDate("2028-12-10"), NoticeDays: &notice, Rebate: &none})
	if err != nil || got.Contract.ID != "K1-R2" || got.Contract.NoticeDays != 60 || !got.Contract.Rebate.IsZero() ||
		got.Entry.Text != "contract K1-R1 renewed as K1-R2: 2027-12-11 to 2028-12-10, notice 60 days" {
		t.Fatalf("renewal of the renewal: %+v, %v", got, err)
	}
	if _, err := d.Renew(WithRole(bisi, Viewer), "KANO01", Renewal{Contract: "K2", End: domain.MustDate("2027-12-30")}); !errors.Is(err, ErrNotPermitted) {
		t.Errorf("a viewer renewed: %v", err)
	}
}

func TestLapse(t *testing.T) {
	d := contractBook(t)
	got, err := d.Lapse(ada, "KANO01", "K2")
	if err != nil {
		t.Fatal(err)
	}
	if got.Contract.Status != domain.ContractLapsed || got.Entry.Text != "contract K2 lapses without a renewal (it ends 2026-12-30)" || got.Entry.Kind != domain.KindContract {
		t.Fatalf("lapse %+v", got)
	}
	// K2 lapses: no renewal item for it any more; K1's stays.
	if got := renewalItems(t, d); strings.Join(got, " ") != "K1" {
		t.Fatalf("renewal items after the lapse: %v", got)
	}
	for id, want := range map[string]string{"K2": "contract K2's lapse is already recorded", "K3": "contract K3 is terminated: it cannot lapse"} {
		code := map[string]string{"K2": "KANO01", "K3": "OKAF01"}[id]
		if _, err := d.Lapse(ada, code, id); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %q", id, err, want)
		}
	}
	if _, err := d.Renew(ada, "OKAF01", Renewal{Contract: "K1", End: domain.MustDate("2027-12-10")}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Lapse(ada, "OKAF01", "K1"); err == nil || err.Error() != "contract K1 is already renewed: it cannot lapse" {
		t.Errorf("a renewed contract lapsed: %v", err)
	}
	// Each write has its stamped entry on its account's timeline.
	for _, code := range []string{"OKAF01", "KANO01"} {
		f, _ := d.Account(code)
		n := 0
		for _, a := range f.Activities {
			if a.Kind == domain.KindContract && a.Stamp.By == "ada" && !a.Stamp.At.IsZero() {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: %d contract entries, want 1", code, n)
		}
	}
}
