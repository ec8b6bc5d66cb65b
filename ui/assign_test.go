package ui

import (
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/store/memstore"
	"acctdesk/ui/common"
	"acctdesk/ui/internal/sample"
)

// bookCodes are the codes of the rows the book page lists, in order.
func bookCodes(m *Model) []string {
	p := bookOf(m)
	rows := p.Rows()
	var out []string
	for _, ln := range p.Lines() {
		if ln.Row >= 0 {
			out = append(out, rows[ln.Row].Code)
		}
	}
	return out
}

// owners are the owners of codes in st.
func owners(t *testing.T, st *memstore.Store, codes []string) []string {
	t.Helper()
	out := make([]string, len(codes))
	for i, c := range codes {
		f, err := st.LoadAccount(c)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = f.Account.Owner
	}
	return out
}

// mineCodes are the accounts of the queue's rows, each once, in order.
func mineCodes(m *Model) []string {
	var out []string
	for _, it := range queueOf(m).Items() {
		if !slices.Contains(out, it.Account) {
			out = append(out, it.Account)
		}
	}
	return out
}

// Issue 11 item 4: a on the book assigns the selected account; the form
// names it, the desk saves it in a command, the status line says what was
// done, and the account's Activity tab shows the stamped change.
func TestAssignSelectedAccount(t *testing.T) {
	m, st := loaded(t, 120, 30)
	press(m, "2")
	code, _ := bookOf(m).Selected()
	if code != "ACC001" {
		t.Fatalf("the book's first account is %q", code)
	}
	press(m, "a")
	if m.form() == nil || !strings.Contains(m.View(), "Assign ACC001 Dangote Haulage Ltd to:") {
		t.Fatalf("a opened no assignment form:\n%s", m.View())
	}
	press(m, "tunde", "enter")
	if m.form() != nil {
		t.Fatalf("the form is still open:\n%s", m.View())
	}
	if got := m.Status(); got != "✓ assigned 1 account to tunde (ACC001)" {
		t.Errorf("status %q", got)
	}
	if got := owners(t, st, []string{"ACC001", "ACC003"}); !slices.Equal(got, []string{"tunde", "Ada Obi"}) {
		t.Errorf("owners %v; want only ACC001 assigned", got)
	}
	if !strings.Contains(m.View(), "tunde") {
		t.Errorf("the book does not show the new owner:\n%s", m.View())
	}
	press(m, "enter", "tab", "tab") // the account, its Activity tab
	if v := m.View(); !strings.Contains(v, "assignment") || !strings.Contains(v, "assigned to tunde (was Ada Obi) by ada") {
		t.Errorf("the Activity tab does not show the assignment:\n%s", v)
	}
}

// With a filter, a assigns every account the filter shows, and says so in
// the prompt. The assignee's session (the same desk, as over SSH) then has
// them in "my queue" (m), read from the refreshed facts.
func TestAssignFilteredAccountsFollowMyQueue(t *testing.T) {
	st := sample.Store()
	d := newDesk(st)
	lead := New(d, testOptions())
	drive(lead, windowSize(120, 30), firstLoad(d)())
	opt := testOptions()
	opt.User = "tunde"
	collector := New(d, opt)
	drive(collector, windowSize(120, 30), firstLoad(d)())
	press(collector, "1", "m")
	if items := queueOf(collector).Items(); !queueOf(collector).Mine() || len(items) != 0 {
		t.Fatalf("tunde owns nothing yet, but mine (%v) lists %d items", queueOf(collector).Mine(), len(items))
	}

	press(lead, "2", "/", "fleet", "enter")
	codes := bookCodes(lead)
	if len(codes) < 2 || len(codes) == len(d.Current().Sums) {
		t.Fatalf("the filter shows %v", codes)
	}
	press(lead, "a")
	want := `Assign ` + countWord(len(codes)) + ` matching "fleet" to:`
	if !strings.Contains(lead.View(), want) {
		t.Fatalf("the prompt does not say %q:\n%s", want, lead.View())
	}
	press(lead, "tunde", "enter")
	if got := lead.Status(); !strings.HasPrefix(got, "✓ assigned "+countWord(len(codes))+" to tunde (") {
		t.Errorf("status %q", got)
	}
	for i, o := range owners(t, st, codes) {
		if o != "tunde" {
			t.Errorf("%s is %q's", codes[i], o)
		}
	}
	if touched := d.Current().Touched; !slices.Equal(touched, slices.Sorted(slices.Values(codes))) {
		t.Errorf("the view refreshed %v; want only %v", touched, codes)
	}

	// The collector's session hears of the new view (its subscription).
	drive(collector, changedMsg{})
	var queued []string
	for _, it := range d.Current().Queue {
		if slices.Contains(codes, it.Account) && !slices.Contains(queued, it.Account) {
			queued = append(queued, it.Account)
		}
	}
	if len(queued) == 0 {
		t.Fatalf("none of %v has a queue item: pick another filter", codes)
	}
	t.Logf("assigned %v; in the queue %v", codes, queued)
	if got := mineCodes(collector); !slices.Equal(got, queued) {
		t.Errorf("tunde's queue lists %v; want %v", got, queued)
	}
	for _, it := range queueOf(collector).Items() {
		if it.Owner != "tunde" {
			t.Errorf("tunde's queue lists %s, %q's", it.Account, it.Owner)
		}
	}
	press(collector, "m", "m") // everyone's, and back to mine
	if got := mineCodes(collector); !slices.Equal(got, queued) {
		t.Errorf("after m m tunde's queue lists %v; want %v", got, queued)
	}
	// Assignments are not work: none of tunde's items is marked worked.
	for _, it := range queueOf(collector).Items() {
		if it.Worked() {
			t.Errorf("%s shows as worked after an assignment: %+v", it.Account, it.Work)
		}
	}
}

// countWord is n accounts, as the prompt and the status line count them.
func countWord(n int) string { return common.Count(n, "account") }

// Only a lead assigns: a collector (or a viewer) pressing a is told so on
// the status line, no form opens, nothing is stored.
func TestAssignNeedsALeadSession(t *testing.T) {
	for _, role := range []desk.Role{desk.Collector, desk.Viewer} {
		st := sample.Store()
		opt := testOptions()
		opt.Role = role
		m := New(newDesk(st), opt)
		drive(m, windowSize(120, 30), firstLoad(m.c.Desk)())
		n, _ := st.Changes()
		press(m, "2", "a")
		if m.top() != nil {
			t.Errorf("%s: a opened %T", role, m.top())
		}
		want := "assigning accounts needs a lead"
		if role == desk.Viewer {
			want = ReadOnly // a viewer's every write key says so
		}
		if got := m.Status(); got != want {
			t.Errorf("%s: status %q, want %q", role, got, want)
		}
		if after, _ := st.Changes(); after != n {
			t.Errorf("%s: the book changed", role)
		}
		if got := owners(t, st, []string{"ACC001"}); got[0] != "Ada Obi" {
			t.Errorf("%s: ACC001 is %q's", role, got[0])
		}
	}
}

// The form checks the name on the spot: empty, or not a name that reads as
// itself, it says why and keeps the form open; esc cancels with nothing
// stored.
func TestAssignFormChecksTheName(t *testing.T) {
	m, st := loaded(t, 120, 30)
	n, _ := st.Changes()
	press(m, "2", "a", "enter")
	if m.form() == nil || !strings.Contains(m.View(), "whom to? a user's name") {
		t.Fatalf("an empty name was not refused:\n%s", m.View())
	}
	drive(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("tu\u200bnde")})
	press(m, "enter")
	if m.form() == nil || !strings.Contains(m.View(), "invisible character") {
		t.Fatalf("a name with an invisible character was not refused:\n%s", m.View())
	}
	press(m, "esc", "y")
	if m.form() != nil {
		t.Fatal("esc y did not close the form")
	}
	if after, _ := st.Changes(); after != n {
		t.Error("a refused or cancelled assignment changed the book")
	}
}
