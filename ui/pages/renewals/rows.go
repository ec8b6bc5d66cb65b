package renewals

import (
	"strconv"

	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
)

// Row is one contract, formatted once per change of its account.
type Row struct {
	Code, Name, Owner string
	Contract          string // the contract's number, Clean
	ContractAlt       string // the same kept to 12 cells by its ends (Ends)
	Ends, NoticeBy    string
	Days              string // days left: negative once ended
	Status            string // the state: active, renewed, lapsed, terminated
	Due               bool   // active and ending within the horizon
	NoticePassed      bool   // due, and the notice date is behind
	Cur               domain.Currency
	Revenue, Util     string
	UtilLevel         domain.UtilLevel
	Issues            int // open service issues of the account

	// K is the contract as stored and Renewal the number its renewal gets
	// by default: what the renewal form opens with.
	K       domain.Contract
	Renewal string

	st                domain.ContractState
	horizon           int    // the renewal horizon (book settings), for the headings
	code, name, owner string // folded for the filter
	revenue, u        float64
	hasUtil           bool
}

// acctRows are one account's rows, made together from its summary.
type acctRows []Row

// data is the contracts of one view, ready to show.
type data struct {
	accounts common.AccountRows[acctRows]
	rows     []*Row // every account's rows, in code order
	due      int    // rows due for renewal
	lapsed   int    // rows lapsed without a renewal
}

// prepared is the answer to the preparation numbered seq.
type prepared struct {
	seq  int
	data *data
}

// prepare formats a view's contracts, keeping the rows of old whose account
// did not change. Everything it reads is passed in; the view and old are
// never changed.
func prepare(seq int, v *desk.View, old common.AccountRows[acctRows]) tea.Cmd {
	return func() tea.Msg {
		set, asOf := v.Settings, v.AsOf
		d := &data{}
		d.accounts = old.Next(v.Sums, v.Touched, set, asOf, func(s *domain.Summary) acctRows { return rowsOf(s, set.Thresholds) })
		for _, rs := range d.accounts.Rows {
			for i := range *rs {
				r := &(*rs)[i]
				d.rows = append(d.rows, r)
				switch {
				case r.Due:
					d.due++
				case r.st.LapsedUnrenewed():
					d.lapsed++
				}
			}
		}
		return prepared{seq, d}
	}
}

// rowsOf formats an account's contracts as of the summary's date.
func rowsOf(s *domain.Summary, th domain.Thresholds) acctRows {
	x := s.Facts
	if len(x.Contracts) == 0 {
		return nil
	}
	a, asOf := x.Account, s.AsOf
	issues := 0
	for _, is := range x.Issues {
		if is.IsOpen() && is.Opened <= asOf {
			issues++
		}
	}
	rev := x.Ledger.Revenue12m(asOf)
	util, hasUtil := "", s.HasUtil && !s.AR().IsNegative()
	if hasUtil {
		util = common.Pct(s.Util())
	}
	taken := func(id string) bool {
		for _, k := range x.Contracts {
			if k.ID == id {
				return true
			}
		}
		return false
	}
	out := make(acctRows, 0, len(x.Contracts))
	for _, k := range x.Contracts {
		st := domain.StateOf(k, x.Contracts, asOf)
		r := Row{
			Code: common.Clean(a.Code), Name: common.Clean(a.Name), Owner: common.Clean(a.Owner), Contract: common.Clean(k.ID),
			Ends: common.Day(k.End, asOf), NoticeBy: common.Day(st.NoticeBy, asOf), Days: strconv.Itoa(st.DaysLeft), Status: st.Status,
			Due: st.DueForRenewal(th.RenewalDays), Cur: a.Currency, Revenue: common.ShortMoney(rev, a.Currency),
			Util: util, UtilLevel: s.UtilLevel(th), Issues: issues, K: k, st: st, horizon: th.RenewalDays,
			revenue: domain.Float(rev), hasUtil: hasUtil,
		}
		if hasUtil {
			r.u = domain.Float(s.Util())
		}
		r.NoticePassed = r.Due && st.NoticeBy < asOf
		if st.Status != domain.ContractRenewed && st.Status != domain.ContractTerminated {
			r.Renewal = domain.RenewalNumber(k.ID, taken)
		}
		r.ContractAlt = Ends(r.Contract, contractWidth)
		r.code, r.name, r.owner = common.Fold(r.Code), common.Fold(r.Name), common.Fold(r.Owner)
		out = append(out, r)
	}
	return out
}

// Ends is a number kept to w cells by its start and its end, the middle
// left out (CTR-…01-1-R1): a contract's number tells renewals apart by
// its end, which a cut at the right would lose. Narrow runes only (codes).
func Ends(s string, w int) string {
	r := []rune(s)
	if len(r) <= w || w < 5 {
		return s
	}
	head := w / 3
	return string(r[:head]) + "…" + string(r[len(r)-(w-head-1):])
}
