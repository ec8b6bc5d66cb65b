// Package keymap holds the workstation's one KeyMap (SPEC §8). It is built once
// at start and passed down; every binding carries its help text, so the help
// screen (`?`) shows the truth.
package keymap

import (
	"slices"
	"strconv"

	"github.com/charmbracelet/bubbles/key"
)

// KeyMap is every binding of the workstation.
type KeyMap struct {
	// Global, outside a text field. Pages are the number keys, 1 for the
	// first page of the registry (ui/pages.go); NamePages makes them.
	Pages []key.Binding
	Jump  key.Binding
	Help  key.Binding
	Quit  key.Binding
	Back  key.Binding

	// Lists.
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding
	Open     key.Binding
	Filter   key.Binding
	Sort     key.Binding
	Reverse  key.Binding
	Group    key.Binding

	// On an account (any pane).
	Call     key.Binding
	Escalate key.Binding
	Note     key.Binding
	FollowUp key.Binding

	// After a promise or an escalation is saved (and on the activity tab).
	Recap key.Binding

	// Queue.
	Done       key.Binding
	Snooze     key.Binding
	Undo       key.Binding // take back the last done or snooze
	Marks      key.Binding // the done and snoozed items
	Scope      key.Binding // my accounts / everyone's
	QueueGroup key.Binding // g in the queue: reason, owner, none

	// Book.
	Assign key.Binding // a lead gives the selected or filtered accounts to a user

	// Account.
	NextTab   key.Binding
	PrevTab   key.Binding
	Statement key.Binding // write the account's statement of account (SPEC §9.5)
	Plan      key.Binding // agree a payment plan (SPEC §9.2)
	Dispute   key.Binding // dispute the selected open item, or resolve its dispute (SPEC §9.1)
	Remind    key.Binding // preview and write a reminder letter (SPEC §9.3)
	QBR       key.Binding // write the QBR pack (SPEC §10.7)
	Issue     key.Binding // open a service issue, or update the selected one (SPEC §10.3)
	Credit    key.Binding // a credit decision: limit or overdraft (SPEC §10.2)
	Edit      key.Binding // edit the account (SPEC §10.10)
	Contacts  key.Binding // add, edit or remove contacts (SPEC §10.10)
	Plans     key.Binding // the account plan's objectives (SPEC §10.9)
	Survey    key.Binding // enter an NPS or CSAT score (SPEC §10.8)
	Add       key.Binding // add a contract on the contracts tab (SPEC §10.1)

	// Renewals.
	Renew key.Binding // record the selected contract's renewal or lapse (SPEC §10.1)

	// Book.
	Columns key.Binding // show or hide the account manager's columns (SPEC §3)

	// Reports (SPEC §11.2): export the report shown.
	Export key.Binding

	// Aging.
	PrevMonth key.Binding
	NextMonth key.Binding
	Forecast  key.Binding // the cash forecast by week, as bars (SPEC §9.4)

	// Forms and prompts.
	Save      key.Binding
	Cancel    key.Binding
	NextField key.Binding
	PrevField key.Binding
	Choose    key.Binding // up/down through choices (contacts, matches)
	Confirm   key.Binding // y in "discard?"

	// One-key choices of the forms.
	Outcomes   []Choice
	Categories []Choice
	Severities []Choice
	Teams      []Choice
	Intervals  []Choice // a payment plan's (domain.PlanIntervals)
	NoteKinds  []Choice // what the note form logs: a note, a visit, a QBR, a meeting, an e-mail

	pageKeys map[int][]string // the pages' keys a config gave (remap.go), by page
	remapped map[string]bool  // the actions a config remapped
}

// Choice is a one-key answer of a form field: the key, the word stored and on
// the command line, and the label people read.
type Choice struct {
	Key, Value, Label string
}

// Find returns the choice for a key.
func Find(cs []Choice, k string) (Choice, bool) {
	for _, c := range cs {
		if c.Key == k {
			return c, true
		}
	}
	return Choice{}, false
}

// Label returns the label of a stored value, or the value.
func Label(cs []Choice, v string) string {
	for _, c := range cs {
		if c.Value == v {
			return c.Label
		}
	}
	return v
}

// DefaultKeyMap is the keymap of SPEC §8.
func DefaultKeyMap() *KeyMap {
	return &KeyMap{
		Jump: key.NewBinding(key.WithKeys(":"), key.WithHelp(":", "jump to an account")),
		Help: key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit: key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q/ctrl+c", "quit")),
		Back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close form/filter, or back")),

		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+b"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+f", " "), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("home"), key.WithHelp("home", "first")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("end/G", "last")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open the account")),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter (code, name)")),
		Sort:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "cycle sort")),
		Reverse:  key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "reverse the sort")),
		Group:    key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "group: owner, tier, none")),

		Call:     key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "log a call")),
		Escalate: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "escalate")),
		Note:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "add a note")),
		FollowUp: key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "schedule a follow-up")),

		Recap: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy the recap")),

		Done:       key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "mark done")),
		Snooze:     key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "snooze (+1 default)")),
		Undo:       key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo last done/snooze")),
		Marks:      key.NewBinding(key.WithKeys("Z"), key.WithHelp("Z", "done and snoozed items")),
		Scope:      key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "mine / everyone's")),
		QueueGroup: key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "group: reason, owner")),

		Assign: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "assign to a user (lead)")),

		NextTab:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next tab")),
		PrevTab:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous tab")),
		Statement: key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "write the statement")),
		Plan:      key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "agree a payment plan")),
		Dispute:   key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "dispute an invoice")),
		Remind:    key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "preview a reminder letter")),
		QBR:       key.NewBinding(key.WithKeys("Q"), key.WithHelp("Q", "write the QBR pack (md, to fill in)")),
		Issue:     key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "service issue: open, or update the selected")),
		Credit:    key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "credit decision (limit, overdraft)")),
		Edit:      key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "edit the account")),
		Contacts:  key.NewBinding(key.WithKeys("C"), key.WithHelp("C", "contacts: add, edit, remove")),
		Plans:     key.NewBinding(key.WithKeys("O"), key.WithHelp("O", "objectives (account plan)")),
		Survey:    key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "enter a survey score")),
		Add:       key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add a contract (contracts tab)")),

		Renew: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "record a renewal or a lapse")),

		Columns: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "account manager's columns")),

		Export: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "write the report as a workbook (xlsx)")),

		PrevMonth: key.NewBinding(key.WithKeys("<"), key.WithHelp("<", "as-of a month back")),
		NextMonth: key.NewBinding(key.WithKeys(">"), key.WithHelp(">", "as-of a month forward")),
		Forecast:  key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "cash forecast by week")),

		Save:      key.NewBinding(key.WithKeys("enter", "ctrl+s"), key.WithHelp("enter/ctrl+s", "save")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		NextField: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		PrevField: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous field")),
		Choose:    key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "other contact / match")),
		Confirm:   key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "discard what was typed")),

		Outcomes: []Choice{
			{"r", "reached", "reached"}, {"n", "no-answer", "no answer"}, {"v", "voicemail", "voicemail"},
			{"p", "promise", "promise to pay"}, {"d", "dispute", "dispute raised"},
			{"b", "call-back", "call back requested"}, {"x", "refused", "refused"}, {"w", "wrong-number", "wrong number"},
		},
		Categories: []Choice{
			{"b", "credit-breach", "credit breach"}, {"o", "overdue", "overdue"}, {"d", "dispute", "dispute"},
			{"s", "service-incident", "service incident"}, {"c", "contract", "contract"}, {"x", "other", "other"},
		},
		Severities: []Choice{{"1", "low", "low"}, {"2", "medium", "medium"}, {"3", "high", "high"}, {"4", "critical", "critical"}},
		Teams: []Choice{
			{"f", "finance", "finance"}, {"o", "operations", "operations"}, {"m", "management", "management"}, {"l", "legal", "legal"},
		},
		Intervals: []Choice{{"w", "weekly", "weekly"}, {"f", "fortnightly", "fortnightly"}, {"m", "monthly", "monthly"}},
		NoteKinds: []Choice{
			{"n", "note", "note"}, {"v", "visit", "visit"}, {"q", "qbr", "QBR"}, {"m", "meeting", "meeting"}, {"e", "email", "e-mail"},
		},
	}
}

// PageKey is a page's number (its key, unless a config gave others) and
// what the help says it shows.
type PageKey struct {
	Number int
	Help   string
}

// NamePages makes the keys of the pages, in the registry's order: page n's
// key is n unless a config gave other keys, and the help says what each
// shows.
func (k *KeyMap) NamePages(pages []PageKey) {
	k.Pages = make([]key.Binding, len(pages))
	for i, p := range pages {
		keys := []string{strconv.Itoa(p.Number)}
		if ks, ok := k.pageKeys[p.Number-1]; ok {
			keys = ks
		}
		k.Pages[i] = key.NewBinding(key.WithKeys(keys...), key.WithHelp(HelpKeys(keys), p.Help))
	}
}

// Section is a titled group of bindings for the help screen.
type Section struct {
	Title    string
	Bindings []key.Binding
}

// Sections lists every binding by where it works, for `?`.
func (k *KeyMap) Sections() []Section {
	return []Section{
		{"Anywhere", append(slices.Clone(k.Pages), k.Jump, k.Recap, k.Help, k.Back, k.Quit)},
		{"Lists", []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Open, k.Filter, k.Sort, k.Reverse, k.Group}},
		{"On an account", []key.Binding{k.Call, k.Escalate, k.Note, k.FollowUp}},
		{"Queue", []key.Binding{k.Done, k.Snooze, k.Undo, k.Marks, k.Scope, k.QueueGroup, help(k.Call.Help().Key, "top line: what changed")}},
		{"Book", []key.Binding{k.Assign, k.Columns}},
		{"Account", []key.Binding{k.NextTab, k.PrevTab, help(k.Open.Help().Key, "show the entry whole"), help(k.Filter.Help().Key, "search the lists"), k.Statement, k.Plan, k.Dispute, k.Remind,
			k.QBR, k.Issue, k.Credit, k.Edit, k.Contacts, k.Plans, k.Survey, k.Add}},
		{"Renewals", []key.Binding{k.Renew}},
		{"Dashboard", []key.Binding{help(k.Scope.Help().Key, "the book / each owner's"), help("↑/↓", "currency")}},
		{"Reports", []key.Binding{help(k.Open.Help().Key, "show the report"), k.Export, help("←/→", "columns"), help(k.Back.Help().Key, "back to the reports")}},
		{"Aging", []key.Binding{k.PrevMonth, k.NextMonth, k.Forecast}},
		{"Forms", []key.Binding{k.Save, k.NextField, k.PrevField, k.Choose, k.Cancel, k.Confirm}},
		{"Call outcome", choiceHelp(k.Outcomes)},
		{"Escalation category", choiceHelp(k.Categories)},
		{"Severity", choiceHelp(k.Severities)},
		{"Escalate to", choiceHelp(k.Teams)},
		{"Plan interval", choiceHelp(k.Intervals)},
		{"Note kind", choiceHelp(k.NoteKinds)},
		{"Dates", []key.Binding{help("+3", "in 3 days"), help("mon…sun", "the next such day"),
			help("today", "or tomorrow"), help("2026-12-01", "a date")}},
	}
}

func choiceHelp(cs []Choice) []key.Binding {
	out := make([]key.Binding, len(cs))
	for i, c := range cs {
		out[i] = help(c.Key, c.Label)
	}
	return out
}

func help(k, d string) key.Binding { return key.NewBinding(key.WithKeys(), key.WithHelp(k, d)) }
