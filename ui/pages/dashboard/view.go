package dashboard

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/shopspring/decimal"

	"acctdesk/domain"
	"acctdesk/ui/common"
	"acctdesk/ui/components"
)

// Glyphs of a headline against its target: they differ in shape, so the
// row reads the same without colour.
const (
	MetGlyph    = "✓"
	MissedGlyph = "✗"
	NoneGlyph   = "·" // no figure, or no target
)

// View draws the page: the title, the headlines against their targets,
// then two bands of two panels, the aging beside the DSO and the forecast
// beside this month.
func (p *Page) View() string {
	s, w, h := p.Styles, p.Width, p.Height
	if p.data == nil {
		return common.Lines([]string{s.Title.Render("Dashboard"), s.Muted.Render("  Working out the dashboard…")}, w, h)
	}
	sc := p.scope()
	i := p.curIndex(sc)
	title := "Dashboard · " + p.scopeName()
	keys := "m: " + p.nextName()
	if i < 0 {
		lines := []string{common.Spread(s.Title.Render(common.Clean(title)), s.Muted.Render(keys), w),
			s.Muted.Render("  Nothing to show: no account has an invoice, a payment or a promise yet.")}
		return common.Lines(lines, w, h)
	}
	f := &sc.curs[i]
	title += " · " + string(f.cur)
	if len(sc.curs) > 1 {
		title += fmt.Sprintf(" %d/%d", i+1, len(sc.curs))
		keys += " · ↑↓: currency"
	}
	title += " · " + common.Count(f.accounts, "account")
	lines := []string{common.Spread(s.Title.Render(common.Clean(title)), s.Muted.Render(keys), w)}
	lines = append(lines, p.headlines(sc, f, w)...)
	// The aging's year (a heading, 12 bars, a legend) on top; the rest
	// shared out, the top band a little taller.
	rest := h - len(lines)
	top := min(rest-6, max(Months+2, rest*11/20))
	bottom := rest - top
	left := (w - 1) / 2
	right := w - left - 1
	lines = append(lines, beside(p.agingPanel(f, left, top), p.dsoPanel(f, right, top), left, right)...)
	lines = append(lines, beside(p.forecastPanel(f, left, bottom), p.monthPanel(f, right, bottom), left, right)...)
	return common.Lines(lines, w, h)
}

// nextName is what m shows next.
func (p *Page) nextName() string {
	next := nextOwner(p.data.owners, p.owner)
	switch {
	case next == nil:
		return "the book"
	case *next == "":
		return "no owner"
	}
	return common.Clean(*next)
}

// beside puts two panels side by side, each line cut or padded to its width.
func beside(a, b []string, wa, wb int) []string {
	n := max(len(a), len(b))
	out := make([]string, n)
	for i := range out {
		var l, r string
		if i < len(a) {
			l = a[i]
		}
		if i < len(b) {
			r = b[i]
		}
		out[i] = common.Fit(l, wa) + " " + common.Fit(r, wb)
	}
	return out
}

// panel is a panel's lines: its heading, then body, padded to h lines.
func panel(heading string, body []string, h int) []string {
	out := append([]string{heading}, body...)
	for len(out) < h {
		out = append(out, "")
	}
	return out[:min(len(out), h)]
}

// target is one headline against its target.
type target struct {
	name, short string // "Logo churn", "Churn"
	value       string // "6.1 %", "" without a figure
	goal        string // "< 5 %", "" without a target
	met, judged bool
}

// headlines are the line (or two) of the headline figures against their
// targets, the longest form that fits.
func (p *Page) headlines(sc *scope, f *figures, w int) []string {
	tg := p.view.Settings.Targets
	if tg == (domain.Targets{}) {
		tg = domain.DefaultTargets()
	}
	h, have := sc.head.rows[f.cur]
	pct := func(x figure) string {
		if !x.ok {
			return ""
		}
		return x.v.StringFixed(1) + " %"
	}
	dso := h.dso
	if !have || !dso.ok {
		dso = figure{domain.RoundDays(f.today.Days), f.today.Valid}
	}
	ts := []target{
		{name: "NRR", short: "NRR", value: pct(h.nrr), goal: fmt.Sprintf("≥ %d %%", tg.NRRPct),
			met: h.nrr.ok && h.nrr.v.GreaterThanOrEqual(decimal.NewFromInt(int64(tg.NRRPct))), judged: h.nrr.ok},
		{name: "Logo churn", short: "Churn", value: pct(h.churn), goal: fmt.Sprintf("< %d %%", tg.LogoChurnPct),
			met: h.churn.ok && h.churn.v.LessThan(decimal.NewFromInt(int64(tg.LogoChurnPct))), judged: h.churn.ok},
		{name: "Bad debt", short: "Bad debt", value: pct(h.badDebt), goal: fmt.Sprintf("< %d %%", tg.BadDebtPct),
			met: h.badDebt.ok && h.badDebt.v.LessThan(decimal.NewFromInt(int64(tg.BadDebtPct))), judged: h.badDebt.ok},
	}
	d := target{name: "DSO", short: "DSO"}
	if dso.ok {
		d.value = dso.v.StringFixed(1) + " days"
	}
	if tg.DSODays > 0 {
		d.goal = fmt.Sprintf("≤ %d", tg.DSODays)
		d.judged = dso.ok
		d.met = dso.ok && dso.v.LessThanOrEqual(decimal.NewFromInt(int64(tg.DSODays)))
	}
	if sc.head.missing != "" {
		// Without report metrics only the DSO is there to judge.
		for _, compact := range []bool{false, true} {
			line := p.target(d, compact) + p.Styles.Muted.Render("   ·   NRR, logo churn and bad debt: "+sc.head.missing)
			if compact {
				line = p.target(d, compact) + p.Styles.Muted.Render(" · NRR, churn, bad debt: "+sc.head.missing)
			}
			if common.Width(line) <= w || compact {
				return []string{line}
			}
		}
	}
	ts = append(ts, d)
	for _, compact := range []bool{false, true} {
		parts := make([]string, len(ts))
		for i, t := range ts {
			parts[i] = p.target(t, compact)
		}
		if line := strings.Join(parts, "   "); common.Width(line) <= w || compact {
			if common.Width(line) > w {
				return []string{strings.Join(parts[:2], "   "), strings.Join(parts[2:], "   ")}
			}
			return []string{line}
		}
	}
	return nil
}

// target draws a headline: its glyph and colour, name, figure and target.
func (p *Page) target(t target, compact bool) string {
	s := p.Styles
	glyph, style := NoneGlyph, s.Muted
	switch {
	case t.judged && t.met:
		glyph, style = MetGlyph, s.Good
	case t.judged:
		glyph, style = MissedGlyph, s.Bad
	}
	value, goal := t.value, t.goal
	if value == "" {
		value = "–"
	}
	if compact {
		value = strings.ReplaceAll(strings.ReplaceAll(value, " %", "%"), " days", "d")
		goal = strings.ReplaceAll(strings.ReplaceAll(goal, " %", "%"), " ", "")
		text := glyph + " " + t.short + " " + value
		if goal != "" {
			text += " " + goal
		}
		return style.Render(text)
	}
	switch {
	case goal == "":
		goal = "no target"
	case t.judged && t.met:
		goal += ", met"
	case t.judged:
		goal += ", not met"
	}
	return style.Render(glyph+" "+t.name+" "+value) + s.Muted.Render(" ("+goal+")")
}

// monthLabel names a month end on an axis: "Oct", "Dec'25" in another year
// than today's.
func monthLabel(d, asOf domain.Date) string {
	y, _, _ := d.Parts()
	if ay, _, _ := asOf.Parts(); y == ay {
		return d.Format("Jan")
	}
	return d.Format("Jan'06")
}

// agingPanel is the aging at each month end as stacked bars, one a month,
// the buckets lightest (current) to darkest (the oldest), each line saying
// the total and the share past due.
func (p *Page) agingPanel(f *figures, w, h int) []string {
	s := p.Styles
	edges := p.data.frame.edges
	heading := s.Title.Render(common.Cut("Aging at month ends", w)) + s.Muted.Render(common.Cut(" · total, % past due", max(w-19, 0)))
	legend := p.agingLegend(edges, w)
	room := h - 2
	months := f.months
	if room < len(months) {
		months = months[len(months)-max(room, 0):]
	}
	stacks := make([]components.Stack, len(months))
	wide := w >= 60
	for i, m := range months {
		parts := make([]float64, len(m.aging.Buckets))
		for b, x := range m.aging.Buckets {
			parts[b] = domain.Float(x)
		}
		text := common.ShortMoney(m.aging.Total, f.cur) + " " + pastDue(m.aging, wide)
		if m.aging.Total.IsZero() {
			text = "-"
		}
		stacks[i] = components.Stack{Label: monthLabel(m.end, p.data.frame.asOf), Parts: parts, Text: text}
	}
	body := components.Stacked(stacks, w, components.StackStyles{Parts: p.bucketStyles(), Label: s.Muted})
	return panel(heading, append(body, legend), h)
}

// pastDue is the share of the aging past due: "38%", or "38 % past due".
func pastDue(a domain.Aging, wide bool) string {
	if !a.Total.IsPositive() {
		return ""
	}
	pct := a.Overdue().Mul(decimal.NewFromInt(100)).Div(a.Total).Round(0).String()
	if wide {
		return pct + " % past due"
	}
	return pct + "%"
}

// bucketStyles colour the buckets: current good, then warmer the later.
func (p *Page) bucketStyles() []lipgloss.Style {
	s := p.Styles
	return []lipgloss.Style{s.Good, s.Desc, s.Warn, s.GaugeBad, s.GaugeBad}
}

// agingLegend names each glyph's buckets; the last glyph takes the buckets
// past it ("90+").
func (p *Page) agingLegend(edges []int, w int) string {
	labels := domain.BucketLabels(edges)
	labels[0] = "current"
	n := len(components.StackGlyphs)
	if len(labels) > n {
		labels = append(labels[:n-1], fmt.Sprintf("%d+", edges[n-3]))
	}
	styles := p.bucketStyles()
	parts := make([]string, len(labels))
	for k, l := range labels {
		parts[k] = styles[min(k, len(styles)-1)].Render(components.StackGlyph(k)) + " " + p.Styles.Muted.Render(l)
	}
	line := strings.Join(parts, " ")
	if common.Width(line) > w {
		for k, l := range labels {
			parts[k] = styles[min(k, len(styles)-1)].Render(components.StackGlyph(k)) + p.Styles.Muted.Render(strings.ReplaceAll(l, "current", "cur"))
		}
		line = strings.Join(parts, " ")
	}
	return line
}

// dsoPanel is the DSO at each month end as a line, the target (when the
// book has one) a dotted rule.
func (p *Page) dsoPanel(f *figures, w, h int) []string {
	s := p.Styles
	tg := p.view.Settings.Targets.DSODays
	// The longest heading that fits: today's DSO, and the target's rule.
	var heading string
	for _, form := range []struct{ title, today, days, target string }{
		{"DSO at month ends", " · today ", " days", " · %s target ≤ %d"},
		{"DSO at month ends", " · today ", "", " · %s ≤ %d"},
		{"DSO", " · today ", "", " · %s ≤ %d"},
	} {
		heading = s.Title.Render(form.title)
		if f.today.Valid {
			heading += s.Muted.Render(form.today + domain.RoundDays(f.today.Days).StringFixed(1) + form.days)
		}
		if tg > 0 {
			heading += s.Muted.Render(fmt.Sprintf(form.target, components.TargetGlyph, tg))
		}
		if common.Width(heading) <= w {
			break
		}
	}
	asOf := p.data.frame.asOf
	pts := make([]components.LinePoint, len(f.months))
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, m := range f.months {
		pts[i] = components.LinePoint{Label: monthLabel(m.end, asOf), Pinned: i == len(f.months)-1, Valid: m.dso.Valid}
		if m.dso.Valid {
			pts[i].Value = domain.Float(domain.RoundDays(m.dso.Days))
			lo, hi = math.Min(lo, pts[i].Value), math.Max(hi, pts[i].Value)
		}
	}
	chartH := h - 3
	places := 0
	if hi-lo < float64(chartH) {
		places = 1 // a flat line: its steps in tenths
	}
	scale := func(v float64) string { return strconv.FormatFloat(v, 'f', places, 64) }
	body := components.Line(pts, w, chartH, scale, float64(tg), tg > 0,
		components.LineStyles{Line: s.Title, Target: s.Warn, Axis: s.Muted, Label: s.Muted})
	if math.IsInf(lo, 1) {
		body = []string{s.Muted.Render("  No sales in any DSO period: no DSO to draw.")}
	}
	return panel(common.Cut(heading, w), body, h)
}

// forecastPanel is each of the last weeks' forecast (as of its Monday)
// beside what came in, as pairs of columns.
func (p *Page) forecastPanel(f *figures, w, h int) []string {
	s := p.Styles
	heading := s.Title.Render("Forecast vs came in") + s.Muted.Render(fmt.Sprintf(" · last %d weeks", Weeks))
	legend := s.Muted.Render(components.ForecastGlyph+" forecast as of the Monday  ") + s.Good.Render(components.ColumnGlyph) + s.Muted.Render(" came in")
	if f.weeks == nil {
		return panel(common.Cut(heading, w), []string{s.Muted.Render("  Working out each week's forecast…")}, h)
	}
	asOf := p.data.frame.asOf
	var cols []components.Column
	var fc, came domain.Sum
	for i, wk := range f.weeks {
		cols = append(cols,
			components.Column{Label: common.Day(wk.monday, asOf), Pinned: i == len(f.weeks)-1, Forecast: domain.Float(wk.forecast), HasForecast: true},
			components.Column{Value: domain.Float(wk.came)})
		fc.Add(wk.forecast)
		came.Add(wk.came)
	}
	total := "forecast " + common.ShortMoney(fc.Decimal(), f.cur) + " · came in " + common.ShortMoney(came.Decimal(), f.cur)
	if fc.Decimal().IsPositive() {
		total += " (" + came.Decimal().Mul(decimal.NewFromInt(100)).Div(fc.Decimal()).Round(0).String() + " %)"
	}
	if common.Width(total) > w {
		total = strings.Replace(total, " · came in ", ", in ", 1)
	}
	scale := func(v float64) string { return common.ShortMoney(decimal.NewFromFloat(v), f.cur) }
	chartH := h - 4 // the heading, the axis, the labels and the totals
	if h >= 8 {
		chartH-- // and a legend
	}
	body := components.Columns(cols, w, max(chartH, 1), scale,
		components.ColumnStyles{Value: s.Good, Forecast: s.Muted, Axis: s.Muted, Label: s.Muted})
	if h >= 8 {
		body = append([]string{legend}, body...)
	}
	body = append(body, s.Total.Render(common.Cut(total, w)))
	if h < 8 {
		heading = s.Title.Render("Forecast ") + s.Muted.Render(components.ForecastGlyph) + s.Title.Render(" vs came in ") + s.Good.Render(components.ColumnGlyph) +
			s.Muted.Render(fmt.Sprintf(" · %d weeks", Weeks))
	}
	return panel(common.Cut(heading, w), body, h)
}

// monthPanel is this month's collections against what fell due, and the
// promises kept.
func (p *Page) monthPanel(f *figures, w, h int) []string {
	s := p.Styles
	fr := p.data.frame
	heading := s.Title.Render("This month") + s.Muted.Render(" · due "+fr.month.Format("2")+"–"+fr.asOf.Format("2 Jan"))
	rate := ""
	if f.fellDue.IsPositive() {
		rate = " (" + f.settled.Mul(decimal.NewFromInt(100)).Div(f.fellDue).Round(0).String() + " %)"
	}
	bars := []components.Bar{
		{Label: "fell due", Value: domain.Float(f.fellDue), Text: common.ShortMoney(f.fellDue, f.cur)},
		{Label: "settled", Value: domain.Float(f.settled), Part: domain.Float(f.settled), Text: common.ShortMoney(f.settled, f.cur) + rate},
	}
	body := components.Bars(bars, w, components.BarStyles{Part: s.Good, Rest: s.Warn, Label: s.Muted})
	body = append(body, s.Muted.Render(common.Cut("still due later this month "+common.ShortMoney(f.dueLater, f.cur), w)))
	kept := []components.Bar{promiseBar("kept, 12m", f.year), promiseBar("this month", f.month)}
	body = append(body, components.Bars(kept, w, components.BarStyles{Part: s.Good, Rest: s.Bad, Label: s.Muted})...)
	if h >= 10 {
		// Room to say what the promise bars are.
		body = append(body[:3], append([]string{s.Muted.Render(common.Cut("Promises fallen due: "+components.BarPartGlyph+" kept "+
			components.BarRestGlyph+" partly kept or broken", w))}, body[3:]...)...)
	}
	return panel(common.Cut(heading, w), body, h)
}

// promiseBar is promises kept of those fallen due: "64 % of 120".
func promiseBar(label string, c promises) components.Bar {
	n := c.kept + c.partly + c.broken
	text := "none due"
	if n > 0 {
		text = strconv.Itoa(int(math.Round(float64(c.kept)*100/float64(n)))) + " % of " + strconv.Itoa(n)
	}
	return components.Bar{Label: label, Value: float64(n), Part: float64(c.kept), Text: text}
}
