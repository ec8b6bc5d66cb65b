// Package form holds the keyboard forms of SPEC §8: the call form, the
// escalation form, the note form, the follow-up form and the snooze prompt.
// A form only edits and checks what it can on the spot; it hands a
// Submission to the root, which writes it through the desk's use case in a
// tea.Cmd (Submission.Save) and reports back. The desk has the last word:
// what it refuses is shown next to its field. Nothing typed is lost on a
// bad value: the field keeps its text and says what is wrong.
package form

import (
	"context"
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/domain"
	dq "acctdesk/domain/queue"
	"acctdesk/store"
	"acctdesk/ui/common"
	"acctdesk/ui/keymap"

	"github.com/shopspring/decimal"
)

// Kind is what a form records.
type Kind int

// Form kinds.
const (
	Call Kind = iota
	Escalation
	Note
	Snooze
	FollowUp
	Assign
	Plan
	Dispute
	Resolve
	// Custom is a form whose body names what it records (Noun) and saves
	// itself (Submission.Do): the account manager's forms (credit
	// decision, service issue, account edit, contacts, objectives, survey,
	// contract, renewal) each live in their own file.
	Custom
)

func (k Kind) String() string {
	return [...]string{"call", "escalation", "note", "snooze", "follow-up", "assignment", "plan", "dispute", "resolution", "change"}[k]
}

// customBody is a body of kind Custom: it names what it records, e.g.
// "credit decision", for the status line ("saved credit decision on …").
type customBody interface{ noun() string }

// Target is the account a form works on, captured by value when it opens.
type Target struct {
	Code, Name string
	Currency   domain.Currency
	Contacts   []string // names, the preselected one first
	Primary    string   // the primary finance contact, preselected
	Today      domain.Date
	ItemKey    string   // the queue item the form was opened from, if any
	Item       *dq.Item // for snooze
	// People are the account's contacts whole (phone, email, role), to show
	// the one picked and to check a typed name against; the names in
	// Contacts when nil.
	People []domain.Contact
	// Brief is what the call form shows of the account (overdue, the oldest
	// overdue invoice, the last promise); HasBrief when it is known.
	Brief    domain.CallBrief
	HasBrief bool
	// An assignment's accounts (Codes), the filter they match ("" for the
	// selected account, in Code) and the users the book knows.
	Codes  []string
	Filter string
	Users  []string
	// A payment plan's: what the account owes (net AR) and its open plan,
	// which a new one replaces.
	Outstanding decimal.Decimal
	OpenPlan    *domain.PaymentPlan
}

// people are the target's contacts, whole when known.
func (t Target) people() []domain.Contact {
	if t.People != nil {
		return t.People
	}
	out := make([]domain.Contact, len(t.Contacts))
	for i, n := range t.Contacts {
		out[i] = domain.Contact{Name: n}
	}
	return out
}

// Submission is a form checked on the spot, ready for the desk.
type Submission struct {
	Kind        Kind
	Code        string
	ItemKey     string
	Call        domain.Call         // a call
	Escalation  domain.Escalation   // an escalation
	Text        string              // a note
	Next        domain.Date         // a note's next follow-up (zero: none)
	Due         domain.Date         // a follow-up's date
	Reason      string              // a follow-up's reason
	Item        dq.Item             // the queue item snoozed
	Until       domain.Date         // the end of a snooze
	Codes       []string            // the accounts assigned
	Owner       string              // the user they are assigned to
	Instalments []domain.Instalment // a payment plan's
	Replace     bool                // the plan replaces the account's open plan
	Dispute     desk.DisputeRequest // a dispute raised
	Resolution  desk.Resolution     // a dispute resolved
	What        string              // what was recorded, in words, for the status line
	Confirmed   bool                // saved again after the desk found it unlikely (domain.Unlikely)
	// Noun and Do are a Custom form's: what it records, and how it is
	// written through the desk (confirmed: saved again after the desk asked
	// for a confirmation, as Confirmed). Do blocks on the store.
	Noun string
	Do   func(ctx context.Context, d *desk.Desk, confirmed bool) (Saved, error)
}

// Outcome is what a key press did to the form.
type Outcome struct {
	Close  bool
	Submit *Submission
}

// body is one kind of form.
type body interface {
	title() string
	core() *core
	// changed recomputes hints and which fields apply after an edit.
	changed()
	// choose handles a one-key choice on the focused choice field.
	choose(k string) bool
	// validate sets the fields' errors and returns the submission when all is well.
	validate() (*Submission, bool)
	// fieldOf maps a record field name (from domain validation) to a form field.
	fieldOf(name string) int
}

// previewer is a form that shows what its fields come to below them (the
// plan form: its instalments and total), in at most room lines.
type previewer interface {
	preview(cm common.Common, w, room int) []string
}

// briefer is a form that shows what it works on above its fields (the call
// form: the account's overdue, its last promise, the contact's phone).
type briefer interface {
	brief(cm common.Common, w int) []string
}

// Model wraps a form body with what every form does: esc asks before
// discarding typed text, enter and ctrl+s validate and submit, the store's
// answer is shown.
type Model struct {
	common.Common
	b       body
	t       Target
	confirm bool // "discard what you typed?" is asked
	// unlikely: the desk found the last submission unlikely (a promise over
	// ten times the AR, a date a year away); enter again saves it anyway,
	// an edit takes that back.
	unlikely bool
	saving   bool   // submitted, waiting for the store
	err      string // a problem that belongs to no field
}

func newModel(c common.Common, t Target, b body) *Model {
	b.changed()
	return &Model{Common: c, b: b, t: t}
}

// Kind is the form's kind.
func (m *Model) Kind() Kind {
	switch m.b.(type) {
	case *callBody:
		return Call
	case *escBody:
		return Escalation
	case *noteBody:
		return Note
	case *followBody:
		return FollowUp
	case *assignBody:
		return Assign
	case *planBody:
		return Plan
	case *disputeBody:
		return Dispute
	case *resolveBody:
		return Resolve
	case customBody:
		return Custom
	}
	return Snooze
}

// Saving reports whether the form waits for the store.
func (m *Model) Saving() bool { return m.saving }

// Dirty reports whether anything was typed or chosen.
func (m *Model) Dirty() bool { return m.b.core().dirty() }

// SetSize sets the size.
func (m *Model) SetSize(w, h int) { m.Width, m.Height = w, h }

// Key applies a key press. The form holds the keyboard: no key reaches the
// panes or the global keys while it is open.
func (m *Model) Key(km tea.KeyMsg) Outcome {
	k := m.Keys
	if m.saving {
		return Outcome{}
	}
	if m.confirm {
		if key.Matches(km, k.Confirm) {
			return Outcome{Close: true}
		}
		m.confirm = false
		return Outcome{}
	}
	c := m.b.core()
	if !key.Matches(km, k.Save) {
		m.unlikely = false // what was confirmed may change
	}
	switch {
	case km.Type == tea.KeyEsc || km.Type == tea.KeyCtrlC:
		if c.dirty() {
			m.confirm = true
			return Outcome{}
		}
		return Outcome{Close: true}
	case key.Matches(km, k.Save):
		m.err = ""
		sub, ok := m.b.validate()
		if !ok {
			c.focusFirstError()
			return Outcome{}
		}
		sub.Code, sub.ItemKey, sub.Confirmed = m.t.Code, m.t.ItemKey, m.unlikely
		m.saving = true
		return Outcome{Submit: sub}
	case key.Matches(km, k.NextField):
		c.move(1)
	case key.Matches(km, k.PrevField):
		c.move(-1)
	default:
		f := c.focused()
		switch f.kind {
		case choiceField:
			if km.Type == tea.KeyRunes && len(km.Runes) == 1 && m.b.choose(string(km.Runes)) {
				f.err = ""
				m.b.changed()
			}
		case textField:
			if (km.Type == tea.KeyUp || km.Type == tea.KeyDown) && len(f.options) > 0 {
				f.cycle(km.Type == tea.KeyDown)
				f.err = ""
				m.b.changed()
			} else if f.text.Key(km) {
				f.err = ""
				m.b.changed()
			}
		}
	}
	return Outcome{}
}

// Failed shows the store's refusal: field problems go next to their fields,
// the rest above the form. Everything typed stays.
func (m *Model) Failed(err error) {
	m.saving = false
	c := m.b.core()
	var ve domain.ValidationError
	var re store.RowErrors
	var unlikely domain.Unlikely
	var general []string
	switch {
	case errors.As(err, &unlikely):
		m.unlikely = true
		m.err = "Unlikely: " + strings.Join(unlikely, "; ")
		return
	case errors.As(err, &ve):
		for _, fe := range ve {
			if i := m.b.fieldOf(fe.Field); i >= 0 {
				c.fields[i].err = fe.Reason
			} else {
				general = append(general, fe.Error())
			}
		}
	case errors.As(err, &re):
		for _, e := range re {
			if i := m.b.fieldOf(e.Field); i >= 0 && e.Field != "" {
				c.fields[i].err = e.Reason
			} else {
				general = append(general, e.Error())
			}
		}
	default:
		general = append(general, err.Error())
	}
	if len(general) > 0 {
		m.err = "Not saved: " + strings.Join(general, "; ")
	} else {
		m.err = "Not saved: see the fields marked !"
	}
	c.focusFirstError()
}

// View draws the form in the body area.
func (m *Model) View() string {
	s := m.Styles
	w := m.Width
	// The title names the account, and the store's refusals quote what was
	// typed or stored: both are drawn Clean.
	lines := []string{s.Title.Render(common.Cut(common.Clean(m.b.title()), w))}
	if m.err != "" {
		lines = append(lines, s.FieldError.Render(common.Cut(common.Clean(m.err), w)))
	} else {
		lines = append(lines, "")
	}
	if br, ok := m.b.(briefer); ok {
		lines = append(lines, br.brief(m.Common, w)...)
	}
	lines = append(lines, m.b.core().lines(m.Common, w)...)
	if pv, ok := m.b.(previewer); ok {
		// What the fields come to, below them, in the rows that are left
		// (the title, the error line, the fields, the footer and its gap).
		room := m.Height - len(lines) - 3
		lines = append(lines, "")
		lines = append(lines, pv.preview(m.Common, w, room)...)
	}
	lines = append(lines, "")
	var foot string
	switch {
	case m.saving:
		lines = append(lines, s.StatusBusy.Render("Saving…"))
	case m.confirm:
		lines = append(lines, s.FieldError.Render(common.Cut("Discard what you typed?  y discard · any other key keeps editing", w)))
	case m.unlikely:
		lines = append(lines, s.FieldError.Render(common.Cut("enter saves it anyway · an edit takes the warning back · esc cancels", w)))
	default:
		foot = "enter or ctrl+s saves · tab / shift+tab move between fields · esc cancels"
		lines = append(lines, s.Muted.Render(common.Cut(foot, w)))
	}
	return common.Lines(lines, w, m.Height)
}

// ---- fields ----

type fieldKind int

const (
	choiceField fieldKind = iota
	textField
)

type field struct {
	label    string
	kind     fieldKind
	choices  []keymap.Choice
	choice   string // the chosen value
	text     common.Field
	initial  string   // the text it opened with (a preselected contact)
	options  []string // ↑/↓ cycles through these (contacts)
	prefix   string   // shown before the input (a currency symbol)
	hint     string   // shown after the input (a resolved date)
	example  string   // shown after an empty input (an example, the default)
	err      string
	disabled bool
	hidden   bool // not drawn while disabled (a field that only sometimes applies)
}

func (f *field) cycle(down bool) {
	cur := f.text.String()
	i := -1
	for k, o := range f.options {
		if o == cur {
			i = k
		}
	}
	if down {
		i = (i + 1) % len(f.options)
	} else {
		i = (i - 1 + len(f.options)) % len(f.options)
		if i < 0 {
			i = len(f.options) - 1
		}
	}
	f.text.Set(f.options[i])
}

type core struct {
	fields []*field
	focus  int
}

func (c *core) focused() *field { return c.fields[c.focus] }

// text is field i's text, trimmed.
func (c *core) text(i int) string { return strings.TrimSpace(c.fields[i].text.String()) }

// clearErrors forgets every field's error before a new validation.
func (c *core) clearErrors() {
	for _, x := range c.fields {
		x.err = ""
	}
}

func (c *core) dirty() bool {
	for _, f := range c.fields {
		if f.choice != "" || f.text.String() != f.initial {
			return true
		}
	}
	return false
}

// move goes to the next (or previous) field that applies, wrapping around.
func (c *core) move(dir int) {
	n := len(c.fields)
	for i := 1; i <= n; i++ {
		j := ((c.focus+dir*i)%n + n) % n
		if !c.fields[j].disabled {
			c.focus = j
			return
		}
	}
}

// to focuses field i, or the next one that applies.
func (c *core) to(i int) {
	c.focus = i
	if c.fields[i].disabled {
		c.move(1)
	}
}

func (c *core) focusFirstError() {
	for i, f := range c.fields {
		if f.err != "" && !f.disabled {
			c.focus = i
			return
		}
	}
}

const labelW = 16

func (c *core) lines(cm common.Common, w int) []string {
	s := cm.Styles
	inW := w - labelW - 2 - 28
	if inW > 40 {
		inW = 40
	}
	if inW < 12 {
		inW = 12
	}
	var out []string
	for i, f := range c.fields {
		focused := i == c.focus
		pointer := "  "
		label := s.Label.Render(common.Fit(f.label, labelW))
		if focused {
			pointer = s.LabelFocus.Render("▸ ")
			label = s.LabelFocus.Render(common.Fit(f.label, labelW))
		}
		if f.disabled && f.hidden {
			continue
		}
		if f.disabled {
			out = append(out, "  "+s.Muted.Render(common.Fit(f.label, labelW)+"—"))
			continue
		}
		head := pointer + label
		switch f.kind {
		case choiceField:
			out = append(out, chooser(cm, head, f, w)...)
		case textField:
			pre := ""
			if f.prefix != "" {
				pre = strings.TrimSpace(f.prefix) + " "
			}
			in := f.text.View(inW-2-common.Width(pre), focused, s.Input, s.Cursor, s.Placeholder)
			if focused {
				in = s.InputFocus.Render(in)
			}
			line := head + "[" + pre + in + "]"
			hint := f.hint
			if hint == "" && f.text.String() == "" {
				hint = f.example
			}
			if hint != "" {
				line += " " + s.Muted.Render(common.Cut(common.Clean(hint), w-common.Width(line)-1))
			}
			out = append(out, line)
		}
		if f.err != "" {
			out = append(out, strings.Repeat(" ", labelW+2)+s.FieldError.Render(common.Cut("! "+common.Clean(f.err), w-labelW-2)))
		}
	}
	return out
}

// chooser draws a one-key field: the choice made, then the keys, wrapped.
func chooser(cm common.Common, head string, f *field, w int) []string {
	s := cm.Styles
	pad := strings.Repeat(" ", labelW+2)
	var items []string
	for _, ch := range f.choices {
		it := ch.Key + " " + ch.Label
		if ch.Value == f.choice {
			it = s.Chosen.Render("[" + it + "]")
		} else {
			it = " " + it + " "
		}
		items = append(items, it)
	}
	var out []string
	line := head
	room := w
	for _, it := range items {
		if common.Width(line)+common.Width(it)+1 > room && common.Width(line) > labelW+2 {
			out = append(out, line)
			line = pad
		}
		line += it + " "
	}
	return append(out, line)
}

// resolveDate reads a date as people type it.
func resolveDate(s string, today domain.Date) (domain.Date, error) {
	return domain.ParseRelative(s, today)
}

// wrapParts joins parts with " · " into lines no wider than w, starting a
// new line rather than cutting a part (a part wider than w is cut).
func wrapParts(parts []string, w int) []string {
	var out []string
	line := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		switch {
		case line == "":
			line = p
		case common.Width(line)+3+common.Width(p) <= w:
			line += " · " + p
		default:
			out = append(out, common.Cut(line, w))
			line = p
		}
	}
	if line != "" {
		out = append(out, common.Cut(line, w))
	}
	return out
}

// OpenMsg asks the root to open a form on an account: New makes it from the
// account's target (form.TargetOf, as of the workstation's date), so a page
// can open any form without the root knowing it. ReadOnly: the form writes
// nothing (a viewer may open it).
type OpenMsg struct {
	Code, Item string
	New        func(c common.Common, t Target) *Model
	ReadOnly   bool
}

// Open opens a form made by newForm on an account: at once, within the
// Update that asks (common.Common.Ask), so that the keys typed next go to it.
func Open(c common.Common, code string, newForm func(c common.Common, t Target) *Model) tea.Cmd {
	return c.Ask(OpenMsg{Code: code, New: newForm})
}
