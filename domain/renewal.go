package domain

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// A contract's standing as of a date (SPEC §10.1): what the Renewals pane,
// the renewals report and the queue's renewal rule read. The stored status
// says what a person recorded; the rest is derived from the dates and from
// the account's other contracts.

// ContractState is a contract as of a date.
type ContractState struct {
	Status   string // ContractActive, ContractRenewed, ContractLapsed or ContractTerminated
	DaysLeft int    // End − the date: negative once the contract has ended
	NoticeBy Date   // End − NoticeDays: the last day to give notice
	// RenewedBy is the contract that renews it when the renewal is derived
	// (another contract starts after it and ends later); "" otherwise.
	RenewedBy string
}

// StateOf is contract k's state as of asOf, among all the account's
// contracts (k among them or not). A status a person recorded wins:
// terminated, lapsed or renewed. Otherwise the contract is renewed when
// another contract of the account takes over around its end (RenewalOf);
// lapsed when it ended before asOf without such a renewal; else
// active (including a contract that has not started yet).
func StateOf(k Contract, all []Contract, asOf Date) ContractState {
	st := ContractState{DaysLeft: k.End.DaysSince(asOf), NoticeBy: k.End.AddDays(-k.NoticeDays)}
	next, renewed := RenewalOf(k, all)
	switch {
	case k.Status == ContractTerminated, k.Status == ContractLapsed, k.Status == ContractRenewed:
		st.Status = k.Status
	case renewed:
		st.Status, st.RenewedBy = ContractRenewed, next.ID
	case k.End < asOf:
		st.Status = ContractLapsed
	default:
		st.Status = ContractActive
	}
	return st
}

// renewalWindow is how far from the day after a contract ends another may
// start and still be its renewal: a renewal takes over around the end; a
// contract signed beside it mid-term (Fleet next to the fuel supply) does
// not renew it.
const renewalWindow = 31

// RenewalOf is the contract that renews k: of the account's other
// contracts that start after k starts, end after k ends, and start within
// renewalWindow days of the day after k ends (either side), the one that
// starts first (then ends first, then by id). False when there is none.
func RenewalOf(k Contract, all []Contract) (Contract, bool) {
	var best *Contract
	takeover := k.End.AddDays(1)
	for i := range all {
		o := &all[i]
		if o.ID == k.ID || o.Start <= k.Start || o.End <= k.End ||
			o.Start < takeover.AddDays(-renewalWindow) || o.Start > takeover.AddDays(renewalWindow) {
			continue
		}
		if best == nil || cmp.Or(cmp.Compare(o.Start, best.Start), cmp.Compare(o.End, best.End), cmp.Compare(o.ID, best.ID)) < 0 {
			best = o
		}
	}
	if best == nil {
		return Contract{}, false
	}
	return *best, true
}

// DueForRenewal reports whether the state is of a contract due for
// renewal: active (no renewal, lapse or termination recorded or derived)
// and ending within the horizon, 0 ≤ days left ≤ horizon days.
func (st ContractState) DueForRenewal(horizon int) bool {
	return st.Status == ContractActive && st.DaysLeft >= 0 && st.DaysLeft <= horizon
}

// LapsedUnrenewed reports whether the state is a lapse nobody renewed: what
// the renewals report lists beside the contracts due.
func (st ContractState) LapsedUnrenewed() bool { return st.Status == ContractLapsed }

// RenewalsDue are the account's contracts due for renewal as of asOf
// (DueForRenewal with the thresholds' horizon), soonest end first.
func RenewalsDue(cs []Contract, asOf Date, th Thresholds) []Contract {
	var out []Contract
	for _, k := range cs {
		if StateOf(k, cs, asOf).DueForRenewal(th.RenewalDays) {
			out = append(out, k)
		}
	}
	sortContracts(out)
	return out
}

func sortContracts(cs []Contract) {
	slices.SortStableFunc(cs, func(a, b Contract) int { return cmp.Or(cmp.Compare(a.End, b.End), cmp.Compare(a.ID, b.ID)) })
}

// RenewalNumber is the default number of the contract renewing old:
// <old>-R1, or, when old is itself a renewal <base>-R<n>, <base>-R<n+1>;
// the next number up while taken reports it used by the account.
func RenewalNumber(old string, taken func(string) bool) string {
	base, n := old, 1
	if i := strings.LastIndex(old, "-R"); i > 0 {
		if k, err := strconv.Atoi(old[i+2:]); err == nil && k > 0 && strconv.Itoa(k) == old[i+2:] {
			base, n = old[:i], k+1
		}
	}
	for {
		id := base + "-R" + strconv.Itoa(n)
		if !taken(id) {
			return id
		}
		n++
	}
}

// ContractNumber is the number a new contract of an account gets when none
// is given: <ACCOUNT>-C<n>, the first n from the count of its contracts
// plus one that none of them has.
func ContractNumber(code string, cs []Contract) string {
	for n := len(cs) + 1; ; n++ {
		id := code + "-C" + strconv.Itoa(n)
		if !slices.ContainsFunc(cs, func(k Contract) bool { return k.ID == id }) {
			return id
		}
	}
}
