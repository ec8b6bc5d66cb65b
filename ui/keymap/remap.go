package keymap

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/domain"
)

// Remapping (SPEC §6, the config file's [keys]): every binding of the
// KeyMap is an action named after its field in snake case (Call is "call",
// PageDown "page_down", QueueGroup "queue_group"), found by reflection, so a
// binding added to the KeyMap can be remapped without a line here; the pages'
// number keys are "page1", "page2", …. An action gets exactly the keys given,
// and its help shows them.

// MaxPages is how many page actions (page1 … page9) a config may name.
const MaxPages = 9

// Actions are the names of every action that can be remapped, in the
// KeyMap's order, the pages' last.
func Actions() []string {
	var out []string
	t := reflect.TypeFor[KeyMap]()
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() && f.Type == reflect.TypeFor[key.Binding]() && !slices.Contains(fixedActions, snake(f.Name)) {
			out = append(out, snake(f.Name))
		}
	}
	for i := 1; i <= MaxPages; i++ {
		out = append(out, "page"+strconv.Itoa(i))
	}
	return out
}

// snake is "PageDown" as "page_down".
func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// binding is the binding an action names, nil for a page or no such action.
func (k *KeyMap) binding(action string) *key.Binding {
	v := reflect.ValueOf(k).Elem()
	t := v.Type()
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() && f.Type == reflect.TypeFor[key.Binding]() && snake(f.Name) == action {
			return v.Field(i).Addr().Interface().(*key.Binding)
		}
	}
	return nil
}

// page is the page number (from 1) of a page action, 0 if it is not one.
func page(action string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(action, "page"))
	if !strings.HasPrefix(action, "page") || err != nil || n < 1 || n > MaxPages || strconv.Itoa(n) != action[4:] {
		return 0
	}
	return n
}

// Remap gives an action the keys given (at least one), and help that names
// them. A key is a single character ("c", "G", "?"), "space", or a key name
// as Bubble Tea spells it ("enter", "ctrl+s", "alt+x", "f1", "pgdown").
func (k *KeyMap) Remap(action string, keys []string) error {
	if len(keys) == 0 {
		return fmt.Errorf("give at least one key")
	}
	norm := make([]string, len(keys))
	for i, s := range keys {
		n, ok := KeyName(s)
		if !ok {
			return fmt.Errorf("%q is not a key (a character, space, enter, tab, esc, ctrl+s, alt+x, f1, up, pgdown…)", s)
		}
		if slices.Contains(norm[:i], n) {
			return fmt.Errorf("%q is given twice", s)
		}
		norm[i] = n
	}
	if slices.Contains(fixedActions, action) {
		return fmt.Errorf("%s cannot be remapped: forms, prompts and the search keep esc and ↑/↓", action)
	}
	if slices.Contains(formActions, action) {
		for i, n := range norm {
			if utf8.RuneCountInString(n) == 1 { // a character, or space
				return fmt.Errorf("%q would be typed into a form's fields, not %s: give a key such as ctrl+s, enter or tab", keys[i], strings.ReplaceAll(action, "_", " "))
			}
		}
	}
	if n := page(action); n > 0 {
		if k.pageKeys == nil {
			k.pageKeys = map[int][]string{}
		}
		k.pageKeys[n-1] = norm
		if n <= len(k.Pages) {
			k.Pages[n-1] = remapped(k.Pages[n-1], norm)
		}
	} else {
		b := k.binding(action)
		if b == nil {
			return fmt.Errorf("no such action (%s)", near(action))
		}
		*b = remapped(*b, norm)
	}
	if k.remapped == nil {
		k.remapped = map[string]bool{}
	}
	k.remapped[action] = true
	return nil
}

func remapped(b key.Binding, keys []string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(HelpKeys(keys), b.Help().Desc))
}

// near names the actions closest to a mistyped one, or says where the list is.
func near(action string) string {
	var close []string
	for _, a := range Actions() {
		if domain.EditDistance(a, action) <= 2 || len(action) >= 3 && strings.HasPrefix(a, action) {
			close = append(close, a)
		}
	}
	if len(close) == 0 {
		return "the actions are " + strings.Join(Actions()[:len(Actions())-MaxPages], ", ") + ", page1…page9"
	}
	return "did you mean " + strings.Join(close, " or ") + "?"
}

// fixedActions are the form and prompt actions whose keys are built into
// the text fields (esc leaves, ↑/↓ choose): a remap would show in the help
// and do nothing, so the config may not give one.
var fixedActions = []string{"cancel", "choose"}

// formActions are the actions of the forms and prompts, which hold the
// keyboard: their keys are a world apart from the others' (enter saves in
// a form and opens in a list).
var formActions = []string{"save", "cancel", "next_field", "prev_field", "choose", "confirm"}

// samePlace are pairs of actions that share a key on purpose: they work on
// different pages (g groups the book and the aging, and the queue; S
// reverses a list's sort, and writes a statement on the account page,
// which has no sort).
var samePlace = [][2]string{{"group", "queue_group"}, {"reverse", "statement"}}

// Conflict reports a remapped action that shares a key with another action
// that works in the same place; ok is false when there is none.
func (k *KeyMap) Conflict() (action, keyName, other string, ok bool) {
	all := Actions()
	for _, a := range all {
		if !k.remapped[a] {
			continue
		}
		for _, o := range all {
			if o == a || slices.Contains(formActions, a) != slices.Contains(formActions, o) ||
				slices.Contains(samePlace, [2]string{a, o}) || slices.Contains(samePlace, [2]string{o, a}) {
				continue
			}
			for _, ka := range k.keysOf(a) {
				if slices.Contains(k.keysOf(o), ka) {
					return a, ka, o, true
				}
			}
		}
	}
	return "", "", "", false
}

// keysOf is the keys of an action: a page's as remapped or its number.
func (k *KeyMap) keysOf(action string) []string {
	if n := page(action); n > 0 {
		if ks, ok := k.pageKeys[n-1]; ok {
			return ks
		}
		return []string{strconv.Itoa(n)}
	}
	if b := k.binding(action); b != nil {
		return b.Keys()
	}
	return nil
}

// keyNames are the names Bubble Tea gives keys (tea.KeyMsg's String).
var keyNames = func() map[string]tea.KeyType {
	m := map[string]tea.KeyType{}
	for t := tea.KeyType(-200); t <= 127; t++ {
		if s := t.String(); s != "" && s != " " {
			m[s] = t
		}
	}
	return m
}()

// KeyName is a key as key.Matches sees it ("space" is " "), and whether it
// is one.
func KeyName(s string) (string, bool) {
	if s == "space" || s == " " {
		return " ", true
	}
	base := strings.TrimPrefix(s, "alt+")
	if _, ok := keyNames[base]; ok {
		return s, true
	}
	if r := []rune(base); len(r) == 1 && unicode.IsPrint(r[0]) && r[0] != ' ' {
		return s, true
	}
	return "", false
}

// Msg is the key message of a key name, as a terminal would send it.
func Msg(name string) (tea.KeyMsg, bool) {
	name, ok := KeyName(name)
	if !ok {
		return tea.KeyMsg{}, false
	}
	alt := strings.HasPrefix(name, "alt+")
	base := strings.TrimPrefix(name, "alt+")
	if base == " " {
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}, Alt: alt}, true
	}
	if t, ok := keyNames[base]; ok {
		return tea.KeyMsg{Type: t, Alt: alt}, true
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(base), Alt: alt}, true
}

// HelpKeys is how the help writes keys: "↑/k", "pgdn", "space".
func HelpKeys(keys []string) string {
	out := make([]string, len(keys))
	for i, s := range keys {
		switch s {
		case "up":
			s = "↑"
		case "down":
			s = "↓"
		case "left":
			s = "←"
		case "right":
			s = "→"
		case "pgdown":
			s = "pgdn"
		case " ":
			s = "space"
		}
		out[i] = s
	}
	return strings.Join(out, "/")
}
