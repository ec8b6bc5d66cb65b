package aging

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/shopspring/decimal"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
	"acctdesk/ui/components"
)

// forecast is the book's cash forecast as of a date (SPEC §9.4), per
// currency: the weeks, then later and disputed, as report cash-forecast
// has them.
type forecast struct {
	start domain.Date // the Monday of the week holding the date
	weeks int
	curs  []domain.Currency // in code order
	rows  map[domain.Currency][]fcRow
	open  map[domain.Currency]int // open invoices
}

// fcRow is one row of a currency's forecast.
type fcRow struct {
	expected, promised domain.Sum
	invoices           int
}

// forecastOf works out the forecast from every account's facts.
func forecastOf(v *desk.View, asOf domain.Date) *forecast {
	weeks := domain.ForecastWeeks
	f := &forecast{start: domain.WeekOf(asOf), weeks: weeks, rows: map[domain.Currency][]fcRow{}, open: map[domain.Currency]int{}}
	grace := v.Settings.Thresholds.PromiseGraceDays
	for i := range v.Sums {
		x := v.Sums[i].Facts
		fc := domain.ForecastOf(x, asOf, weeks, grace)
		if len(fc.Parts) == 0 {
			continue
		}
		cur := x.Account.Currency
		rows, ok := f.rows[cur]
		if !ok {
			rows = make([]fcRow, weeks+2)
			f.curs = append(f.curs, cur)
		}
		counted, open := map[[2]int]bool{}, map[int]bool{}
		for _, p := range fc.Parts {
			if !open[p.Invoice] {
				open[p.Invoice] = true
				f.open[cur]++
			}
			r := fc.Row(p)
			rows[r].expected.Add(p.Amount)
			if p.Promise >= 0 {
				rows[r].promised.Add(p.Amount)
			}
			if k := [2]int{r, p.Invoice}; !counted[k] {
				counted[k] = true
				rows[r].invoices++
			}
		}
		f.rows[cur] = rows
	}
	slices.Sort(f.curs)
	return f
}

// chartCurrency is the currency the chart shows: the one chosen with ↑ ↓,
// else the base currency when the forecast has it, else the first.
func (p *Page) chartCurrency() (domain.Currency, int) {
	fc := p.data.fc
	if len(fc.curs) == 0 {
		return "", -1
	}
	i := p.curIdx
	if i < 0 || i >= len(fc.curs) {
		i = max(slices.Index(fc.curs, p.view.Settings.BaseCurrency), 0)
	}
	return fc.curs[i], i
}

// chartView draws the forecast of one currency as bars, a line a week: the
// promised part in one glyph, the rest in another (legible without colour).
func (p *Page) chartView() string {
	s := p.Styles
	w := p.Width
	when := common.LongDay(p.data.asOf)
	if p.pending != 0 {
		when += " (computing " + common.LongDay(p.pending) + "…)"
	}
	lines := make([]string, 0, p.Height)
	fc := p.data.fc
	if fc == nil {
		lines = append(lines, p.TitleLine("Cash forecast as of "+when+" · w: list"), s.Muted.Render("  Computing the forecast…"))
		return common.Lines(lines, w, p.Height)
	}
	cur, idx := p.chartCurrency()
	title := "Cash forecast as of " + when + " (< >)"
	if cur != "" {
		title += " · " + string(cur)
	}
	if len(fc.curs) > 1 {
		title += fmt.Sprintf(" %d/%d (↑↓)", idx+1, len(fc.curs))
	}
	lines = append(lines, p.TitleLine(title+" · w: list"))
	if cur == "" {
		lines = append(lines, s.Muted.Render("  Nothing outstanding as of this date."))
		return common.Lines(lines, w, p.Height)
	}
	lines = append(lines, s.Muted.Render("  "+components.BarPartGlyph+" promised   "+components.BarRestGlyph+
		" on terms (due + the account's days late) · weeks from Monday"))
	rows := fc.rows[cur]
	bars := make([]components.Bar, 0, len(rows))
	var total, promised domain.Sum
	for r, x := range rows {
		label := ""
		switch {
		case r < fc.weeks:
			label = common.Day(fc.start.AddDays(7*r), p.data.asOf)
		case r == fc.weeks:
			label = "later"
		default:
			label = "disputed"
		}
		e, pr := x.expected.Decimal(), x.promised.Decimal()
		text := amountOrDash(e, cur)
		if pr.IsPositive() {
			text += " (" + common.ShortMoney(pr, cur) + " promised)"
		}
		bars = append(bars, components.Bar{Label: label, Value: domain.Float(e), Part: domain.Float(pr), Text: text})
		total.Add(e)
		promised.Add(pr)
	}
	// Room: the title, the legend, the bars, the rule and the total.
	if n := p.Height - 4; len(bars) > n {
		// Too short for every week: the first weeks, then later and
		// disputed, which are always shown.
		bars = append(bars[:max(n-2, 0)], bars[len(bars)-2:]...)
	}
	st := components.BarStyles{Part: s.Good, Rest: s.Warn, Text: lipgloss.NewStyle(), Label: s.Muted}
	for _, b := range components.Bars(bars, w-2, st) {
		lines = append(lines, "  "+b)
	}
	for len(lines) < p.Height-2 {
		lines = append(lines, "")
	}
	lines = append(lines, s.Muted.Render(strings.Repeat("─", w)))
	lines = append(lines, s.Total.Render(fmt.Sprintf("  %s total %s (the aging's) · promised %s · %s",
		cur, common.Money(total.Decimal(), cur), common.ShortMoney(promised.Decimal(), cur), common.Count(fc.open[cur], "open invoice"))))
	return common.Lines(lines, w, p.Height)
}

func amountOrDash(d decimal.Decimal, c domain.Currency) string {
	if d.IsZero() {
		return "-"
	}
	return common.ShortMoney(d, c)
}
