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

// rowsOf is the rows of items, as prepare makes them from a view's queue.
func rowsOf(items []dq.Item) []*row {
	out := make([]*row, len(items))
	for i := range items {
		out[i] = &row{item: &items[i], code: common.Fold(items[i].Account), name: common.Fold(items[i].Name)}
	}
	return out
}

func dataOf(items []dq.Item, owner string) *data {
	return &data{asOf: asOf, rows: rowsOf(items), owner: owner}
}

func TestScope(t *testing.T) {
	items := sample()
	var got []string
	for _, r := range scope(rowsOf(items), "ada") {
		got = append(got, r.item.Key)
	}
	if want := []string{items[0].Key, items[2].Key, items[3].Key}; !reflect.DeepEqual(got, want) {
		t.Errorf("ada: %v", got)
	}
	if p := page(items, ""); p.Count() != len(items) {
		t.Errorf("everyone: %d", p.Count())
	}
}

func TestGroup(t *testing.T) {
	items := sample()
	order := []int{0, 1, 2, 3, 4, 5, 6}
	// By reason, in the order of SPEC §7; rank order kept within a group.
	rows := rowsOf(items)
	got := Group(rows, order, 1)
	want := []common.Line{
		{Row: -1, Heading: "Broken promises · 1 item · ₦4.2M at stake"}, {Row: 0, Heading: ""},
		{Row: -1, Heading: "Promises due · 1 item · ₦3.4M at stake"}, {Row: 5, Heading: ""},
		// ₦11.2M + CFA 20.0M, currencies in code order
		{Row: -1, Heading: "Overdue · 2 items · ₦11.2M + CFA 20.0M at stake"}, {Row: 1, Heading: ""}, {Row: 2, Heading: ""},
		{Row: -1, Heading: "Credit warnings · 1 item"}, {Row: 3, Heading: ""},
		{Row: -1, Heading: "No recent contact · 1 item · ₦2.8M at stake"}, {Row: 4, Heading: ""},
		{Row: -1, Heading: "overduex · 1 item · ₦1 at stake"}, {Row: 6, Heading: ""},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("by reason:\n got %v\nwant %v", got, want)
	}
	// By owner, A–Z, the unowned last; 4.2M + 0 for ada's NGN.
	got = Group(rows, order, 2)
	var heads []string
	for _, l := range got {
		if l.Row < 0 {
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
	if got := Group(rows, []int{2, 0}, 0); !reflect.DeepEqual(got, []common.Line{{Row: 2, Heading: ""}, {Row: 0, Heading: ""}}) {
		t.Errorf("none: %v", got)
	}
}

func page(items []dq.Item, owner string) *Page {
	c := common.Common{Width: 100, Height: 30, Styles: styles.DefaultStyles(), Keys: keymap.DefaultKeyMap(), User: "ada"}
	p := New(c)
	p.SetSize(100, 30)
	p.setData(dataOf(items, owner))
	return p
}

func press(p *Page, ks ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range ks {
		cmd = p.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
	}
	return cmd
}

// The cursor skips headings, the rank stays the item's rank in its scope,
// and Advance works across the end of a group.
func TestPaneScopeGroupAdvance(t *testing.T) {
	p := page(sample(), "ada")
	if !p.Mine() || p.Shown() != 3 {
		t.Fatalf("mine by default: %v, %d items", p.Mine(), p.Shown())
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
	p.setData(dataOf(items[1:], "ada"))
	if _, k := p.Selected(); k != "overdue:A2" {
		t.Fatalf("after a reload the cursor is on %q", k)
	}
	press(p, "m")
	if p.Mine() || p.Shown() != 6 {
		t.Fatalf("everyone's: %d", p.Shown())
	}
	if _, k := p.Selected(); k != "overdue:A2" {
		t.Fatalf("m lost the cursor: %q", k)
	}
	p.data.progress = [2]Progress{{Handled: 1, Total: 7}, {Handled: 1, Total: 3}}
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
	p := page(sample(), "")
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
