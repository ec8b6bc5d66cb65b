package demo

import (
	"fmt"
	"slices"
	"testing"

	"github.com/shopspring/decimal"

	"acctdesk/domain"
	"acctdesk/store"
)

// TestDefaultBookSituations checks that the default book sets up the SPEC §7
// queue situations on the accounts meant to show them, for several as-of
// dates (a weekday, a Sunday near a quarter end, New Year's Day, a leap day)
// and seeds. Positions use the simple rule documented on ledger.
func TestDefaultBookSituations(t *testing.T) {
	for _, day := range []string{"2025-11-19", "2026-03-29", "2026-01-01", "2028-02-29"} {
		for seed := uint64(1); seed <= 3; seed++ {
			t.Run(fmt.Sprintf("%s/seed%d", day, seed), func(t *testing.T) {
				A := domain.MustDate(day)
				checkSituations(t, A, book(t, Options{AsOf: A, Seed: seed}))
			})
		}
	}
}

func checkSituations(t *testing.T, A domain.Date, b *store.Batch) {
	ls := ledgers(b, A)
	acc := func(code string) *ledger {
		l := ls[code]
		if l == nil {
			t.Fatalf("no account %s", code)
		}
		return l
	}
	calls := map[string][]domain.Activity{}
	var lastAct = map[string]domain.Activity{}
	for _, e := range b.Activities {
		a := e.Activity
		if a.Kind == "call" {
			calls[a.Account] = append(calls[a.Account], a)
		}
		if domain.IsContact(a.Kind) && a.On >= lastAct[a.Account].On {
			lastAct[a.Account] = a // the last contact (an issue or a decision logged since is none)
		}
	}
	callAfter := func(code string, d domain.Date) bool {
		for _, c := range calls[code] {
			if c.On > d {
				return true
			}
		}
		return false
	}
	promise := func(code, status string, due domain.Date) *domain.Promise {
		for _, p := range acc(code).promises {
			if acc(code).promiseStatus(p) == status && (due == 0 || p.DueOn == due) {
				return &p
			}
		}
		t.Errorf("%s: no %s promise due %s", code, status, due)
		return nil
	}
	util := func(code string, lo, hi float64) {
		if u := acc(code).utilPct(); u < lo || u > hi {
			t.Errorf("%s: utilisation %.1f%%, want %v–%v", code, u, lo, hi)
		}
	}
	stale := func(code string, min int) {
		if d := A.DaysSince(acc(code).lastContact); d < min {
			t.Errorf("%s: last contact %d days ago, want at least %d", code, d, min)
		}
	}

	// broken-promise: broken, nobody called since.
	if p := promise("OKAF01", "broken", 0); p != nil && callAfter("OKAF01", p.GivenOn) {
		t.Errorf("OKAF01: a call was logged after the broken promise")
	}
	if p := promise("IBAD01", "partly kept", 0); p != nil && callAfter("IBAD01", p.GivenOn) {
		t.Errorf("IBAD01: a call was logged after the partly kept promise")
	}
	if p := promise("PORT01", "broken", 0); p != nil && !callAfter("PORT01", p.GivenOn) {
		t.Errorf("PORT01: the broken promise should have been followed up")
	}
	// promise-due today and tomorrow; one next week.
	promise("ADEY01", "open", A)
	promise("ABAT01", "open", A.AddDays(1))
	promise("BENI01", "open", A.AddDays(7))
	kept := 0
	for _, l := range ls {
		for _, p := range l.promises {
			if l.promiseStatus(p) == "kept" {
				kept++
			}
		}
	}
	if kept < 5 {
		t.Errorf("%d kept promises, want several", kept)
	}

	// credit-breach, credit-warning, overdraft-expiring.
	util("OKAF01", 100.5, 200)
	util("KANO01", 100.5, 200)
	for _, c := range []string{"ADEY01", "ABAT01", "CROS01", "EKOC01", "CALA01"} {
		util(c, 80, 99.5)
	}
	ekoc := acc("EKOC01")
	if od := ekoc.acct.Overdraft; od.Expires < A || od.Expires > A.AddDays(7) || !ekoc.net.GreaterThan(ekoc.acct.CreditLimit) {
		t.Errorf("EKOC01: overdraft %+v should expire within 7 days and cover a breach of %s", od, ekoc.acct.CreditLimit)
	}
	if od := acc("MAID01").acct.Overdraft; od.Expires <= A.AddDays(7) {
		t.Errorf("MAID01: overdraft expires %s, want a month or more ahead", od.Expires)
	}
	for code, l := range ls {
		switch code {
		case "OKAF01", "KANO01", "ADEY01", "ABAT01", "CROS01", "EKOC01", "CALA01":
		default:
			if u := l.utilPct(); u >= 76 {
				t.Errorf("%s: utilisation %.1f%% but it is not meant to be near its limit", code, u)
			}
		}
	}

	// overdue: 120+ days at the delinquent account, with a missed plan instalment.
	if d := acc("KANO01").maxDays; d <= 120 {
		t.Errorf("KANO01: oldest item %d days past due, want 120+", d)
	}
	// Two plans: KANO01's with a missed instalment, CROS01's kept so far.
	if len(b.Plans) != 2 || b.Plans[0].V.Account != "KANO01" || b.Plans[1].V.Account != "CROS01" {
		t.Fatalf("want two payment plans, for KANO01 and CROS01")
	}
	plan := b.Plans[0].V
	paid := decimal.Zero
	for _, p := range acc("KANO01").payments {
		if p.Received >= plan.Agreed {
			paid = paid.Add(p.Amount)
		}
	}
	in := plan.Instalments
	if !paid.Equal(in[0].Amount) || in[1].Due >= A || in[0].Due >= A {
		t.Errorf("KANO01 plan: paid %s since agreed, instalments %+v: want the first paid and the second missed", paid, in)
	}

	// disputes: nothing applied to disputed invoices.
	disputed := map[string]bool{}
	for _, r := range b.Invoices {
		if r.V.Disputed {
			disputed[r.V.Number] = true
			if r.V.Account != "JOSP01" && r.V.Account != "UNIT01" { // UNIT01: the quiet account's stale dispute
				t.Errorf("%s disputed on %s", r.V.Number, r.V.Account)
			}
		}
	}
	if len(disputed) == 0 {
		t.Errorf("no disputed invoices")
	}
	for _, p := range acc("JOSP01").payments {
		if p.Invoice == "" || disputed[p.Invoice] {
			t.Errorf("JOSP01 payment %s names %q: it should name an undisputed invoice", p.Reference, p.Invoice)
		}
	}
	if !acc("SAHE01").unapplied.IsPositive() {
		t.Errorf("SAHE01: the prepaying account holds no unapplied credit")
	}

	// escalation-due, service-sla.
	var escDue, escDone, slaLate, confirmed int
	for _, r := range b.Escalations {
		e := r.V
		if e.Status == "open" && e.Due < A && e.Account == "OKAF01" {
			escDue++
		}
		if e.Status == "resolved" && e.Resolution != "" {
			escDone++
		}
	}
	var unconfirmed int
	for _, r := range b.Issues {
		s := r.V
		if s.IsOpen() && s.SLADeadline <= A.AddDays(1) {
			slaLate++
		}
		// The two set up resolved (the history of every account adds more).
		if s.Status == "resolved" && s.Account == "IKEJ01" && s.ConfirmedInWriting && s.ResolvedOn <= s.SLADeadline {
			confirmed++
		}
		if s.Status == "resolved" && s.Account == "NNEW01" && !s.ConfirmedInWriting && s.ResolvedOn > s.SLADeadline {
			unconfirmed++
		}
	}
	if escDue != 1 || escDone != 1 || slaLate != 2 || confirmed < 1 || unconfirmed < 1 {
		t.Errorf("escalations past due %d, resolved %d; service issues at SLA %d, confirmed in time %d, late and unconfirmed %d: want 1, 1, 2, 1+, 1+",
			escDue, escDone, slaLate, confirmed, unconfirmed)
	}

	// follow-up: manual ones today and past, and calls whose next date has come.
	fu := map[string]domain.FollowUp{}
	for _, r := range b.FollowUps {
		fu[r.V.Account] = r.V
	}
	if f := fu["IKEJ01"]; f.Due != A || f.Status != domain.FollowOpen {
		t.Errorf("IKEJ01 follow-up %+v, want open and due today", f)
	}
	if f := fu["PORT01"]; f.Due >= A || f.Status != domain.FollowOpen {
		t.Errorf("PORT01 follow-up %+v, want open and past", f)
	}
	if f := fu["ONIT01"]; f.Status != domain.FollowSnoozed || f.Until <= A {
		t.Errorf("ONIT01 follow-up %+v, want snoozed past today", f)
	}
	if a := lastAct["ZARI01"]; a.Kind != "call" || a.NextFollow >= A || a.NextFollow.IsZero() {
		t.Errorf("ZARI01 last activity %+v, want a call with a past next follow-up", a)
	}
	if a := lastAct["ONIT01"]; a.Kind != "call" || a.NextFollow != A {
		t.Errorf("ONIT01 last activity %+v, want a call with next follow-up today", a)
	}

	// renewal: contracts ending within 90 days; one renewed, one lapsed.
	ends := map[string][]domain.Contract{}
	for _, r := range b.Contracts {
		ends[r.V.Account] = append(ends[r.V.Account], r.V)
	}
	for _, c := range []string{"LEKK01", "PORT01", "TOWE01"} {
		if k := ends[c][0]; k.End < A || k.End > A.AddDays(90) || k.Status != "active" {
			t.Errorf("%s contract %+v, want active and ending within 90 days", c, k)
		}
	}
	if w := ends["WARR01"]; len(w) != 2 || w[0].Status != "renewed" || w[1].Start != w[0].End.AddDays(1) {
		t.Errorf("WARR01 contracts %+v, want one renewed into the next", w)
	}
	if k := ends["OGUN01"][0]; k.End >= A {
		t.Errorf("OGUN01 contract %+v, want lapsed", k)
	}

	// go-live-late, stale-contact.
	if g := acc("GREE01").acct; g.Status != domain.StatusOnboarding || !g.LiveOn.IsZero() || A.DaysSince(g.OpenedOn) <= 14 {
		t.Errorf("GREE01 %+v, want onboarding, signed over 14 days ago, not live", g)
	}
	if g := acc("ENUG01").acct; g.Status != domain.StatusOnboarding || A.DaysSince(g.OpenedOn) > 14 {
		t.Errorf("ENUG01 %+v, want onboarding and signed within 14 days", g)
	}
	stale("UNIT01", 40)
	stale("NNEW01", 40)
	stale("OGUN01", 40)
	for code, l := range ls {
		switch code {
		case "UNIT01", "NNEW01", "OGUN01":
			continue
		}
		if l.acct.Status == domain.StatusActive && A.DaysSince(l.lastContact) > 30 {
			t.Errorf("%s: no contact for %d days but it is not meant to be stale", code, A.DaysSince(l.lastContact))
		}
	}

	// qbr: every tier-1 had one last quarter; two had one this quarter (unless it started today).
	qbr := map[string]int{}
	for _, e := range b.Activities {
		if e.Activity.Kind == "qbr" && e.Activity.On >= A.QuarterStart() {
			qbr[e.Activity.Account]++
		}
	}
	for _, c := range []string{"LEKK01", "EKOC01"} {
		if qbr[c] != 1 {
			t.Errorf("%s: %d QBRs this quarter, want 1", c, qbr[c])
		}
	}
	for _, c := range []string{"OKAF01", "SAHE01", "PORT01", "TOWE01"} {
		if qbr[c] != 0 {
			t.Errorf("%s: a QBR this quarter; it is meant to be due", c)
		}
	}

	// The rest of the cast.
	if acc("LOME01").acct.Currency != "XOF" {
		t.Errorf("LOME01 does not trade in XOF")
	}
	xof := 0
	for _, l := range ls {
		if l.acct.Currency != "NGN" {
			xof++
		}
	}
	if xof != 1 {
		t.Errorf("%d accounts outside NGN, want exactly one", xof)
	}
	if m := acc("MAMA01").acct; m.Terms != "cash" || m.HasLimit() {
		t.Errorf("MAMA01 %+v, want a cash account without a limit", m)
	}
	wo := 0
	for _, r := range b.Credits {
		if r.V.Reason == "write-off" {
			wo++
			if r.V.Account != "SOKO01" {
				t.Errorf("write-off on %s", r.V.Account)
			}
		}
	}
	if wo != 1 || acc("SOKO01").acct.Status != domain.StatusChurned || !acc("SOKO01").net.IsZero() {
		t.Errorf("want one write-off clearing the churned SOKO01")
	}
	if acc("CALA01").acct.Status != domain.StatusOnHold {
		t.Errorf("CALA01 is not on hold")
	}
}

// TestDemoKeepsStatusDatesAndRebateSchemes: the churned account says when
// it churned (its contract ended 150 days before the as-of date), and every
// contract with rebate steps counts a quarter's litres (an account buying
// fuel only) or its invoiced amount (one that also buys Rescue or Fleet,
// whose units do not add up with litres), from a 0 % step, in a form the
// importer reads back.
func TestDemoKeepsStatusDatesAndRebateSchemes(t *testing.T) {
	A := domain.MustDate("2026-03-29")
	b := book(t, Options{AsOf: A, Seed: 2})
	for _, r := range b.Accounts {
		a := r.V
		switch {
		case a.Status == domain.StatusChurned && a.StatusSince != A.AddDays(-150):
			t.Errorf("%s churned since %v, want %v (2026-03-29 − 150 days = 2025-10-30)", a.Code, a.StatusSince, A.AddDays(-150))
		case a.Status != domain.StatusChurned && !a.StatusSince.IsZero():
			t.Errorf("%s (%s) has a status date %v", a.Code, a.Status, a.StatusSince)
		}
	}
	schemes := 0
	for _, r := range b.Contracts {
		c := r.V
		if err := c.Validate(); err != nil {
			t.Errorf("contract %s: %v", c.ID, err)
		}
		if c.Rebate.IsZero() {
			continue
		}
		schemes++
		basis := domain.RebateQuantity
		for _, a := range b.Accounts {
			if a.V.Code == c.Account && (slices.Contains(a.V.Products, "Rescue") || slices.Contains(a.V.Products, "Fleet")) {
				basis = domain.RebateAmount
			}
		}
		if c.Rebate.Basis != basis || c.Rebate.Period != domain.RebateQuarter || !c.Rebate.Tiers[0].From.IsZero() || len(c.Rebate.Tiers) != 3 {
			t.Errorf("contract %s rebate %s, want %s/quarter from 0 in three steps", c.ID, domain.FormatRebate(c.Rebate), basis)
		}
		back, err := domain.ParseRebate(domain.FormatRebate(c.Rebate))
		if err != nil || domain.FormatRebate(back) != domain.FormatRebate(c.Rebate) {
			t.Errorf("contract %s: %q reads back as %q, %v", c.ID, domain.FormatRebate(c.Rebate), domain.FormatRebate(back), err)
		}
	}
	if schemes == 0 {
		t.Error("no contract has a rebate scheme")
	}
}
