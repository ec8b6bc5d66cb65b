package book

import (
	"strconv"
	"strings"

	"acctdesk/domain"
	"acctdesk/ui/common"
)

// The account manager's columns (SPEC §3), shown or hidden with o:
// revenue of the last 12 months, the margin proxy (each invoice's amount
// × its product's margin rate, book settings, over the same months), the
// latest NPS and CSAT with their trend, and the expansion notes. Each sorts
// with s like the others.

// managerFigures are what the columns sort by.
type managerFigures struct {
	revenue, margin       float64
	hasRevenue, hasMargin bool // invoiced in the 12 months; a margin rate applies
	nps, csat             int
	hasNPS, hasCSAT       bool
	expansion             string // folded
}

// managerColumns fills the row's manager columns from the account's facts.
func (r *Row) managerColumns(s *domain.Summary, set domain.Settings) {
	x, asOf, cur := s.Facts, s.AsOf, s.Account().Currency
	m := &r.manager
	rev := x.Ledger.Revenue12m(asOf)
	m.revenue, m.hasRevenue = domain.Float(rev), rev.IsPositive()
	if m.hasRevenue {
		r.Revenue = common.ShortMoney(rev, cur)
	}
	if mg, ok := domain.MarginProxy(&x.Ledger, set.MarginRates, cur, asOf); ok {
		m.margin, m.hasMargin = domain.Float(mg), true
		r.Margin = common.ShortMoney(mg, cur)
	}
	sv := domain.LatestSurveys(x.Surveys, asOf)
	if sv.NPS.Has {
		m.nps, m.hasNPS = sv.NPS.Latest.Score, true
		r.NPS = scoreText(sv.NPS)
	}
	if sv.CSAT.Has {
		m.csat, m.hasCSAT = sv.CSAT.Latest.Score, true
		r.CSAT = scoreText(sv.CSAT)
	}
	r.Expansion = common.Clean(strings.Join(strings.Fields(x.Account.ExpansionNotes), " "))
	m.expansion = common.Fold(r.Expansion)
}

// scoreText is a score and its trend: "9 ↑", "4".
func scoreText(s domain.SurveyScore) string {
	t := strconv.Itoa(s.Latest.Score)
	if tr := s.Trend(); tr != "" {
		t += " " + tr
	}
	return t
}

// firstManagerSort is the index in Sorts of the first manager column's
// sort (revenue 12m, margin, NPS, CSAT, expansion notes).
const firstManagerSort = 9

// managerLacks reports a row without the figure of a manager sort (no
// margin rate, no survey, no notes): listed last either way round.
func managerLacks(r *Row, mode int) bool {
	m := &r.manager
	switch mode - firstManagerSort {
	case 0:
		return !m.hasRevenue
	case 1:
		return !m.hasMargin
	case 2:
		return !m.hasNPS
	case 3:
		return !m.hasCSAT
	case 4:
		return m.expansion == ""
	}
	return false
}

// managerOrder compares two rows by a manager sort, in the sort's own
// order (-1, 0, 1); money within a currency only (currencies in code order).
func managerOrder(a, b *Row, mode int) int {
	x, y := &a.manager, &b.manager
	num := func(p, q float64, hp, hq bool) int { // highest first, rows without last
		switch {
		case hp != hq:
			if hp {
				return -1
			}
			return 1
		case p > q:
			return -1
		case p < q:
			return 1
		}
		return 0
	}
	switch mode - firstManagerSort {
	case 0, 1:
		if a.Cur != b.Cur {
			return strings.Compare(string(a.Cur), string(b.Cur))
		}
		if mode == firstManagerSort {
			return num(x.revenue, y.revenue, x.hasRevenue, y.hasRevenue)
		}
		return num(x.margin, y.margin, x.hasMargin, y.hasMargin)
	case 2:
		return num(float64(x.nps), float64(y.nps), x.hasNPS, y.hasNPS)
	case 3:
		return num(float64(x.csat), float64(y.csat), x.hasCSAT, y.hasCSAT)
	case 4:
		switch ex, ey := x.expansion == "", y.expansion == ""; {
		case ex != ey:
			if ey {
				return -1
			}
			return 1
		}
		return strings.Compare(x.expansion, y.expansion)
	}
	return 0
}

// managerColumnsOf are the book's columns with the manager's: these keep
// their place before the later of the others (utilisation, DSO, the dates)
// as the screen narrows, so that o shows them at 80 columns.
var managerColumnsOf = []common.Column{
	{Title: "Account", Width: 8, Max: 10},
	{Title: "Name", Width: 18, Min: 13, Max: 36, Fill: true},
	{Title: "T", Width: 2, Drop: 12, Right: true},
	{Title: "Owner", Width: 10, Max: 14, Drop: 11},
	{Title: "Products", Width: 12, Max: 30, Drop: 15, Fill: true},
	{Title: "AR", Width: 9, Max: 14, Right: true},
	{Title: "Overdue", Width: 9, Right: true, Drop: 8},
	{Title: "Util", Width: 5, Right: true, Drop: 9},
	{Title: "DSO", Width: 4, Right: true, Drop: 13},
	{Title: "Last", Width: common.DateWidth, Drop: 10},
	{Title: "Next", Width: common.DateWidth, Drop: 14},
	{Title: "Rev 12m", Width: 9, Right: true, Drop: 3},
	{Title: "Margin", Width: 8, Right: true, Drop: 4},
	{Title: "NPS", Width: 4, Right: true, Drop: 2},
	{Title: "CSAT", Width: 4, Right: true, Drop: 1},
	{Title: "Expansion", Width: 18, Min: 16, Max: 60, Drop: 5, Fill: true},
}
