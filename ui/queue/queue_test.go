package queue

import (
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/domain"
	dq "acctdesk/domain/queue"
	"acctdesk/ui/common"
	"acctdesk/ui/keymap"
	"acctdesk/ui/styles"
)

var asOf = domain.MustDate("2026-11-17")

func item(acct, owner, reason string, stake string, cur domain.Currency) dq.Item {
	it := dq.Item{Account: acct, Name: acct + " Ltd", Owner: owner, Reason: reason, Key: reason + ":" + acct}
	if stake != "" {
		it.Stake = domain.M(stake, cur)
	}
	return it
}

// In rank order, as Build returns them.
func sample() []dq.Item {
	return []dq.Item{
		item("A1", "ada", dq.BrokenPromise, "4200000", "NGN"), // 0
		item("B1", "bola", dq.Overdue, "11200000", "NGN"),     // 1
		item("A2", "ada", dq.Overdue, "20000000", "XOF"),      // 2
		item("A1", "ada", dq.CreditWarning, "", ""),           // 3
		item("N1", "", dq.StaleContact, "2750000", "NGN"),     // 4
		item("B2", "bola", dq.PromiseDue, "3400000", "NGN"),   // 5
		item("B1", "bola", dq.Overdue+"x", "1", "NGN"),        // 6: an unknown reason goes last
	}
}

func TestScope(t *testing.T) {
	items := sample()
	ada := "ada"
	if got := Scope(items, &ada); !reflect.DeepEqual(got, []int{0, 2, 3}) {
		t.Errorf("ada: %v", got)
	}
	if got := Scope(items, nil); len(got) != len(items) {
		t.Errorf("everyone: %v", got)
	}
}

func TestGroup(t *testing.T) {
	items := sample()
	order := []int{0, 1, 2, 3, 4, 5, 6}
	// By reason, in the order of SPEC §7; rank order kept within a group.
	got := Group(items, order, 1)
	want := []Line{
		{-1, "Broken promises · 1 item · ₦4.2M at stake"}, {0, ""},
		{-1, "Promises due · 1 item · ₦3.4M at stake"}, {5, ""},
		// ₦11.2M + CFA 20.0M, currencies in code order
		{-1, "Overdue · 2 items · ₦11.2M + CFA 20.0M at stake"}, {1, ""}, {2, ""},
		{-1, "Credit warnings · 1 item"}, {3, ""},
		{-1, "No recent contact · 1 item · ₦2.8M at stake"}, {4, ""},
		{-1, "overduex · 1 item · ₦1 at stake"}, {6, ""},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("by reason:\n got %v\nwant %v", got, want)
	}
	// By owner, A–Z, the unowned last; 4.2M + 0 for ada's NGN.
	got = Group(items, order, 2)
	var heads []string
	for _, l := range got {
		if l.Item < 0 {
			heads = append(heads, l.Heading)
		}
	}
	if !reflect.DeepEqual(heads, []string{
		"Owner: ada · 3 items · ₦4.2M + CFA 20.0M at stake",
		"Owner: bola · 3 items · ₦14.6M at stake",
		"No owner · 1 item · ₦2.8M at stake",
	}) {
		t.Errorf("by owner: %q", heads)
	}
	if got := Group(items, []int{2, 0}, 0); !reflect.DeepEqual(got, []Line{{2, ""}, {0, ""}}) {
		t.Errorf("none: %v", got)
	}
}

func pane(items []dq.Item, owner string) *Pane {
	c := common.Common{Width: 100, Height: 30, Styles: styles.DefaultStyles(), Keys: keymap.DefaultKeyMap()}
	p := New(c)
	p.SetSize(100, 30)
	p.SetOwner("ada", owner)
	p.SetData(Prepare(items, asOf))
	return p
}

func press(p *Pane, ks ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range ks {
		cmd = p.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
	}
	return cmd
}

// The cursor skips headings, the rank stays the item's rank in its scope,
// and Advance works across the end of a group.
func TestPaneScopeGroupAdvance(t *testing.T) {
	p := pane(sample(), "ada")
	if !p.Mine() || p.Len() != 3 {
		t.Fatalf("mine by default: %v, %d items", p.Mine(), p.Len())
	}
	press(p, "g") // reason: [BP A1] [Overdue A2] [Warning A1]
	if _, k := p.Selected(); k != "broken-promise:A1" {
		t.Fatalf("cursor on %q", k)
	}
	p.Advance("broken-promise:A1")
	if _, k := p.Selected(); k != "overdue:A2" {
		t.Fatalf("advance crossed the heading to %q", k)
	}
	v := p.View()
	// A2's overdue is the second of ada's items by rank.
	if !strings.Contains(v, "▸   2 A2") || !strings.Contains(v, "Queue · mine (ada) · 3 to act on") || !strings.Contains(v, "group: reason") {
		t.Fatalf("view:\n%s", v)
	}
	// The done item leaves: the cursor stays on the item it was on.
	items := sample()
	p.SetData(Prepare(append(items[:0:0], items[1:]...), asOf))
	if _, k := p.Selected(); k != "overdue:A2" {
		t.Fatalf("after a reload the cursor is on %q", k)
	}
	press(p, "m")
	if p.Mine() || p.Len() != 6 {
		t.Fatalf("everyone's: %d", p.Len())
	}
	if _, k := p.Selected(); k != "overdue:A2" {
		t.Fatalf("m lost the cursor: %q", k)
	}
	p.SetProgress(Progress{Handled: 1, Total: 7, Known: true}, Progress{Handled: 1, Total: 3, Known: true})
	if v := p.View(); !strings.Contains(v, "Queue · everyone's · 6 to act on · 1 of 7 handled today") {
		t.Fatalf("view:\n%s", v)
	}
	press(p, "m")
	if v := p.View(); !strings.Contains(v, "1 of 3 handled today") {
		t.Fatalf("view:\n%s", v)
	}
}

// Every key the pane answers to is in its help.
func TestPaneHelp(t *testing.T) {
	p := pane(sample(), "")
	var keys []string
	for _, g := range p.FullHelp() {
		for _, b := range g {
			keys = append(keys, b.Help().Key)
		}
	}
	for _, b := range []key.Binding{p.Keys.Scope, p.Keys.QueueGroup, p.Keys.Done, p.Keys.Snooze, p.Keys.FollowUp} {
		found := false
		for _, k := range keys {
			found = found || k == b.Help().Key
		}
		if !found {
			t.Errorf("%s is not in the pane's help", b.Help().Key)
		}
	}
	if p.Mine() {
		t.Fatal("no owner: everyone's by default")
	}
}
