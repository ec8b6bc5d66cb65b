package aging

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/shopspring/decimal"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
	"acctdesk/ui/components"
	"acctdesk/ui/internal/sample"
	"acctdesk/ui/keymap"
	"acctdesk/ui/styles"
)

// < asks for a month back at once; the reply to what was under way is
// dropped (it is stale), the month asked for is shown.
func TestStaleReplyDropped(t *testing.T) {
	v, err := desk.New(sample.Store(), desk.Options{AsOf: sample.AsOf}).View()
	if err != nil {
		t.Fatal(err)
	}
	c := common.Common{Width: 120, Height: 30, Styles: styles.DefaultStyles(), Keys: keymap.DefaultKeyMap()}
	p := New(c)
	p.SetSize(120, 30)
	p.Update(p.Update(common.ViewMsg{View: v})()) // shown as of 17 Nov
	again := p.Update(common.ViewMsg{View: v})
	back := p.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("<")})
	if p.AsOf() != domain.MustDate("2026-10-17") {
		t.Fatalf("asked for %s", p.AsOf())
	}
	p.Update(back())
	p.Update(again()) // the older reply, late
	if p.data.asOf != domain.MustDate("2026-10-17") || p.pending != 0 {
		t.Fatalf("shows %s (pending %s)", p.data.asOf, p.pending)
	}
}

// w shows the cash forecast as bars, worked out in a command; ↑ ↓ change
// the currency (the base one first); each currency's forecast adds up to
// its aging total; < moves the date with the chart kept; w goes back.
func TestForecastChart(t *testing.T) {
	v, err := desk.New(sample.Store(), desk.Options{AsOf: sample.AsOf}).View()
	if err != nil {
		t.Fatal(err)
	}
	c := common.Common{Width: 80, Height: 22, Styles: styles.DefaultStyles(), Keys: keymap.DefaultKeyMap()}
	p := New(c)
	p.SetSize(80, 22)
	p.Update(p.Update(common.ViewMsg{View: v})())
	press := func(s string) tea.Cmd { return p.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}) }
	down := func() tea.Cmd { return p.Update(tea.KeyMsg{Type: tea.KeyDown}) }
	cmd := press("w")
	if cmd == nil || !strings.Contains(p.View(), "Computing the forecast") {
		t.Fatalf("w computes the forecast in a command:\n%s", p.View())
	}
	p.Update(cmd())
	if !strings.Contains(p.View(), "NGN 1/3 (↑↓)") {
		t.Fatalf("the base currency first:\n%s", p.View())
	}
	for i, cur := range []domain.Currency{"NGN", "USD", "XOF"} {
		var rows, promised decimal.Decimal
		for _, r := range p.data.fc.rows[cur] {
			rows = rows.Add(r.expected.Decimal())
			promised = promised.Add(r.promised.Decimal())
		}
		var aging decimal.Decimal
		for _, tot := range v.Totals {
			if tot.Currency == cur {
				aging = tot.Aging.Total
			}
		}
		if !rows.Equal(aging) || aging.IsZero() {
			t.Errorf("%s: the chart's rows add up to %s, the aging total is %s", cur, rows, aging)
		}
		view := p.View()
		if got := p.data.fc.curs[i]; got != cur || !strings.Contains(view, string(cur)+" total "+common.Money(aging, cur)) {
			t.Errorf("currency %d: %s, want %s:\n%s", i+1, got, cur, view)
		}
		// The promised part is drawn in its own glyph, the rest in another.
		if promised.IsPositive() != strings.Contains(view, "│"+components.BarPartGlyph) {
			t.Errorf("%s: promised %s, drawn %v:\n%s", cur, promised, !promised.IsPositive(), view)
		}
		down()
	}
	if !strings.Contains(p.View(), "NGN 1/3") {
		t.Errorf("↓ after the last currency is the first again:\n%s", p.View())
	}
	back := press("<")
	p.Update(back())
	if p.data.asOf != domain.MustDate("2026-10-17") || p.data.fc == nil || !strings.Contains(p.View(), "Cash forecast as of Sat 17 Oct 2026") {
		t.Fatalf("< keeps the chart:\n%s", p.View())
	}
	if press("w"); strings.Contains(p.View(), "Cash forecast") {
		t.Fatalf("w goes back to the list:\n%s", p.View())
	}
}
