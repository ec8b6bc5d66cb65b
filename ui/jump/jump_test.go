package jump

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/ui/common"
	"acctdesk/ui/internal/sample"
	"acctdesk/ui/keymap"
	"acctdesk/ui/styles"
)

func TestMatch(t *testing.T) {
	v, err := desk.New(sample.Store(), desk.Options{AsOf: sample.AsOf}).View()
	if err != nil {
		t.Fatal(err)
	}
	cs := prepare(1, v, common.AccountRows[Candidate]{})().(prepared).cands.Rows
	first := func(q string) string {
		m := Match(cs, q, 10)
		if len(m) == 0 {
			return ""
		}
		return cs[m[0]].Code
	}
	for q, want := range map[string]string{
		"acc010":   "ACC010", // exact code first, before ACC0100…
		"ACC01":    "ACC010", // code prefix, ties by code
		"lekki":    "ACC010",
		"haulage":  "ACC001",
		"fleet":    "ACC003", // a word start at the same place in "Sahel Fleet…" and "Benin Fleet…": by code
		"oyo":      "ACC002", // accents are ignored: "Ọ̀yọ́ Transport" is a prefix match
		"xyzzy":    "",
		"":         "ACC001",
		"cement":   "ACC008",
		"abuja lo": "ACC005",
	} {
		if got := first(q); got != want {
			t.Errorf("first match of %q = %q, want %q", q, got, want)
		}
	}
	if n := len(Match(cs, "", 5)); n != 5 {
		t.Errorf("limit: %d", n)
	}
}

// TestEnterBeforeTheAccountsAreListed: a code typed and entered while the
// prompt is still listing the accounts opens the account once they are in
// (over SSH the keys can come before the listing; before, the enter was
// dropped and the prompt stayed open on "No account matches").
func TestEnterBeforeTheAccountsAreListed(t *testing.T) {
	v, err := desk.New(sample.Store(), desk.Options{AsOf: sample.AsOf}).View()
	if err != nil {
		t.Fatal(err)
	}
	m := New(common.Common{Width: 80, Height: 22, Styles: styles.DefaultStyles(), Keys: keymap.DefaultKeyMap()})
	listing := m.Update(common.ViewMsg{View: v})
	m.Open()
	for _, r := range "acc010" {
		m.Key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	if !strings.Contains(m.View(), "Listing the accounts") {
		t.Errorf("while listing, the prompt says:\n%s", m.View())
	}
	if cmd, done := m.Key(tea.KeyMsg{Type: tea.KeyEnter}); cmd != nil || done {
		t.Fatalf("enter with nothing listed yet closed the prompt or opened something")
	}
	cmd := m.Update(listing())
	if cmd == nil {
		t.Fatal("the listing came and the pending enter opened nothing")
	}
	if got, ok := cmd().(ChosenMsg); !ok || got.Code != "ACC010" {
		t.Fatalf("the pending enter chose %#v, want ACC010", got)
	}

	// Without a listing under way, enter on no match does nothing, as before.
	m.Open()
	for _, r := range "xyzzy" {
		m.Key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	if cmd, done := m.Key(tea.KeyMsg{Type: tea.KeyEnter}); cmd != nil || done {
		t.Fatal("enter on no match did something")
	}
	if !strings.Contains(m.View(), "No account matches") {
		t.Errorf("no match reads:\n%s", m.View())
	}
}
