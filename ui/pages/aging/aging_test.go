package aging

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/ui/common"
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
