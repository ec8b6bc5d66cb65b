package account

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"acctdesk/domain"
	"acctdesk/ui/common"
)

// The Contracts tab (SPEC §10.1, §10.4): the account's contracts, latest
// end first, each with its days left, notice-by date and state; then the
// rebate lines of each contract's current and previous scheme period, with
// what is still due and the draft credit note that r records.

const contractsTabName = "Contracts"

// ContractRows are the contracts tab's rows as r needs them: section 0's
// contracts and section 1's rebate lines, row for row.
type ContractRows struct {
	Contracts []ContractRow
	Rebates   []RebateRow
}

// ContractRow is a contract with its state as of the tab's date, and the
// number its renewal gets by default.
type ContractRow struct {
	K       domain.Contract
	State   domain.ContractState
	Renewal string
}

// RebateRow is a rebate line and, when something is due, its draft credit note.
type RebateRow struct {
	Line    domain.RebateLine
	Note    domain.CreditNote
	HasNote bool
}

func contractsTab(f *domain.AccountFile, x *domain.Facts, th domain.Thresholds, asOf domain.Date, refs *ContractRows) Tab {
	ks := make([]domain.Contract, len(f.Contracts))
	copy(ks, f.Contracts)
	sort.SliceStable(ks, func(i, j int) bool { return ks[i].End > ks[j].End })
	sec := Section{
		Cols: []common.Column{
			{Title: "Contract", Width: 12, Max: 18},
			{Title: "Start", Width: common.DateWidth, Drop: 4},
			{Title: "End", Width: common.DateWidth},
			{Title: "Days left", Width: 9, Min: 5, Right: true},
			{Title: "Notice by", Width: common.DateWidth, Drop: 3},
			{Title: "Status", Width: 10},
			{Title: "Rebate · SLA", Width: 12, Min: 6, Max: 200, Drop: 1, Fill: true},
		},
		Empty: "No contracts on file · a adds one.",
	}
	taken := func(id string) bool { return contractIn(f.Contracts, id) }
	for _, k := range ks {
		st := domain.StateOf(k, f.Contracts, asOf)
		row := ContractRow{K: k, State: st}
		if st.Status != domain.ContractRenewed && st.Status != domain.ContractTerminated {
			row.Renewal = domain.RenewalNumber(k.ID, taken)
		}
		refs.Contracts = append(refs.Contracts, row)
		tone := Plain
		switch {
		case st.DueForRenewal(th.RenewalDays):
			tone = Warn
		case st.Status == domain.ContractLapsed:
			tone = Bad
		case st.Status == domain.ContractRenewed:
			tone = Good
		case st.Status == domain.ContractTerminated:
			tone = Muted
		}
		noticeTone := Plain
		if tone == Warn && st.NoticeBy < asOf {
			noticeTone = Bad // due, and the notice date is behind
		}
		var terms []string
		if !k.Rebate.IsZero() {
			terms = append(terms, domain.FormatRebate(k.Rebate))
		}
		if k.SLA != "" {
			terms = append(terms, k.SLA)
		}
		status := st.Status
		if st.RenewedBy != "" {
			status += " (" + st.RenewedBy + ")"
		}
		sec.Rows = append(sec.Rows, []Cell{
			{Text: common.Clean(k.ID), Alt: keepEnds(common.Clean(k.ID), 12)}, {Text: common.Day(k.Start, asOf)}, {Text: common.Day(k.End, asOf)},
			{Text: strconv.Itoa(st.DaysLeft), Tone: tone}, {Text: common.Day(st.NoticeBy, asOf), Tone: noticeTone},
			{Text: common.Clean(status), Tone: tone}, {Text: common.Clean(strings.Join(terms, " · "))},
		})
		sec.More = append(sec.More, contractMore(k, st, row.Renewal))
	}
	if len(ks) > 0 {
		sec.Title = "r records a renewal or a lapse · a adds a contract"
	}
	secs := []Section{sec}
	if len(ks) > 0 {
		secs = append(secs, rebatesSection(f, x, ks, asOf, refs))
	}
	return Tab{Name: contractsTabName, Short: "Contracts", Sections: secs}
}

// contractMore is what a contract's detail (enter) shows beyond its cells.
func contractMore(k domain.Contract, st domain.ContractState, renewal string) []string {
	out := []string{fmt.Sprintf("Notice: %d days, by %s", k.NoticeDays, st.NoticeBy)}
	if k.Status != "" && k.Status != st.Status {
		out = append(out, "Recorded status: "+k.Status)
	}
	if st.RenewedBy != "" {
		out = append(out, "Renewed by contract "+common.Clean(st.RenewedBy)+" (it starts later and ends later)")
	}
	if k.Rebate.IsZero() {
		out = append(out, "Rebate: none")
	} else {
		out = append(out, "Rebate: "+domain.FormatRebate(k.Rebate))
	}
	if k.SLA != "" {
		out = append(out, "SLA:")
		for _, l := range strings.Split(k.SLA, "\n") {
			out = append(out, "  "+common.Clean(l))
		}
	}
	if renewal != "" {
		out = append(out, "r records its renewal (default number "+common.Clean(renewal)+") or its lapse")
	}
	return out
}

// rebatesSection is the rebate lines of each contract's current and
// previous scheme period (the one holding the date and the one before),
// by contract, then period.
func rebatesSection(f *domain.AccountFile, x *domain.Facts, ks []domain.Contract, asOf domain.Date, refs *ContractRows) Section {
	cur := f.Account.Currency
	sec := Section{
		Title: "Rebates · this period and the last · r records a due line's credit note",
		// At 80 columns the invoiced amount goes first (the basis says it
		// for an amount scheme), then the basis, the tier, what is credited.
		Cols: []common.Column{
			{Title: "Contract", Width: 12, Max: 18},
			{Title: "Period", Width: 8},
			{Title: "Basis", Width: 11, Min: 7, Max: 16, Right: true, Drop: 5},
			{Title: "Invoiced", Width: 15, Min: 9, Max: 18, Right: true, Drop: 6},
			{Title: "Tier", Width: 10, Min: 6, Max: 16, Right: true, Drop: 4},
			{Title: "Rate", Width: 9, Min: 5, Max: 12, Drop: 2},
			{Title: "Rebate", Width: 14, Min: 11, Max: 18, Right: true, Drop: 1},
			{Title: "Credited", Width: 14, Min: 9, Max: 18, Right: true, Drop: 3},
			{Title: "Due", Width: 14, Min: 11, Max: 18, Right: true},
		},
		Empty: "No rebate scheme on the contracts.",
	}
	numbers := make(map[string]bool, len(f.Credits))
	for _, c := range f.Credits {
		numbers[c.Number] = true
	}
	byID := make([]domain.Contract, len(ks))
	copy(byID, ks)
	sort.SliceStable(byID, func(i, j int) bool { return byID[i].ID < byID[j].ID })
	for _, k := range byID {
		if k.Rebate.IsZero() {
			continue
		}
		now := domain.PeriodOf(k.Rebate.Period, asOf)
		last := domain.PeriodOf(k.Rebate.Period, now.From.AddDays(-1))
		span := domain.Period{Name: last.Name + ".." + now.Name, From: last.From, To: now.To}
		for _, l := range domain.ContractRebates(x, k, span, asOf) {
			row := RebateRow{Line: l}
			if notes := domain.RebateDrafts([]domain.RebateLine{l}, func(n string) bool { return numbers[n] }); len(notes) == 1 {
				row.Note, row.HasNote = notes[0], true
			}
			refs.Rebates = append(refs.Rebates, row)
			basis := domain.Grouped(domain.Plainest(l.Value).String())
			if l.Basis == domain.RebateAmount {
				basis = common.ShortMoney(l.Value, cur)
			}
			tier, rate := Cell{Text: "—", Tone: Muted}, Cell{Text: "—", Tone: Muted} // below every threshold
			if l.HasTier {
				short := domain.Short(l.Tier.From)
				if l.Basis == domain.RebateAmount {
					short = common.ShortMoney(l.Tier.From, cur)
				}
				tier, rate = Cell{Text: domain.Grouped(l.Tier.ThresholdText()), Alt: short}, Cell{Text: l.Tier.RateText()}
			}
			period := l.Period
			if l.To > asOf {
				period += "…" // still running
			}
			dueTone := Muted
			if l.Due.IsPositive() {
				dueTone = Warn
			}
			sec.Rows = append(sec.Rows, []Cell{
				{Text: common.Clean(l.Contract), Alt: keepEnds(common.Clean(l.Contract), 12)}, {Text: period}, {Text: basis}, amount(l.Invoiced, cur, Plain), tier, rate,
				amount(l.Rebate, cur, Plain), amount(l.Credited, cur, Plain), amount(l.Due, cur, dueTone),
			})
			sec.More = append(sec.More, rebateMore(row, asOf))
		}
	}
	return sec
}

// rebateMore is what a rebate line's detail (enter) shows beyond its cells.
func rebateMore(r RebateRow, asOf domain.Date) []string {
	l := r.Line
	out := []string{fmt.Sprintf("Period %s: %s to %s, invoices issued within the contract and on or before %s", l.Period, l.From, l.To, asOf)}
	if r.HasNote {
		out = append(out, fmt.Sprintf("Draft credit note %s: %s dated %s, reason rebate · r records it",
			common.Clean(r.Note.Number), common.Money(r.Note.Amount, l.Currency), r.Note.Date))
	} else {
		out = append(out, "Nothing due: no credit note to record")
	}
	return out
}

func contractIn(cs []domain.Contract, id string) bool {
	for _, k := range cs {
		if k.ID == id {
			return true
		}
	}
	return false
}

// keepEnds is a contract's number kept to w cells by its start and its end
// (CTR-…01-1-R1), as the Renewals pane keeps it: renewals differ at the end.
func keepEnds(s string, w int) string {
	r := []rune(s)
	if len(r) <= w || w < 5 {
		return s
	}
	head := w / 3
	return string(r[:head]) + "…" + string(r[len(r)-(w-head-1):])
}
