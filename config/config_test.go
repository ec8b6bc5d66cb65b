package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/ui/keymap"
)

func TestPath(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if got := Path(env(map[string]string{"XDG_CONFIG_HOME": "/x", "HOME": "/h"})); got != "/x/acctdesk/config.toml" {
		t.Errorf("XDG: %s", got)
	}
	if got := Path(env(map[string]string{"XDG_CONFIG_HOME": "rel", "HOME": "/h"})); got != "/h/.config/acctdesk/config.toml" {
		t.Errorf("relative XDG is ignored: %s", got)
	}
	if got := Path(env(nil)); got != "" {
		t.Errorf("no home: %q", got)
	}
}

func press(s string) tea.KeyMsg {
	m, ok := keymap.Msg(s)
	if !ok {
		panic(s)
	}
	return m
}

// Every setting of SPEC §6 is read; a remap replaces the action's keys
// (several allowed), its help names them, and the pages' keys too.
func TestLoadEverySetting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(path, []byte(`# mine
user = "ada"
theme = "light"
mouse = false
clipboard = "file"

[keys]
call = ["l", "ctrl+l"]
quit = "ctrl+q"
page_down = ["space", "pgdown"]
page2 = ["2", "f2"]
`), 0o600)
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if c.User != "ada" || c.Theme != ThemeLight || c.Mouse || c.Clipboard != ClipboardFile {
		t.Fatalf("config %+v", c)
	}
	k := c.Keys
	if !key.Matches(press("l"), k.Call) || !key.Matches(press("ctrl+l"), k.Call) || key.Matches(press("c"), k.Call) {
		t.Errorf("call keys %v", k.Call.Keys())
	}
	if got := k.Call.Help(); got.Key != "l/ctrl+l" || got.Desc != "log a call" {
		t.Errorf("call help %+v", got)
	}
	if key.Matches(press("q"), k.Quit) || !key.Matches(press("ctrl+q"), k.Quit) {
		t.Errorf("quit keys %v", k.Quit.Keys())
	}
	if !key.Matches(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}, k.PageDown) || k.PageDown.Help().Key != "space/pgdn" {
		t.Errorf("page down %v %q", k.PageDown.Keys(), k.PageDown.Help().Key)
	}
	k.NamePages([]keymap.PageKey{{Number: 1, Help: "queue"}, {Number: 2, Help: "book"}})
	if !key.Matches(press("f2"), k.Pages[1]) || k.Pages[1].Help().Key != "2/f2" || k.Pages[1].Help().Desc != "book" || k.Pages[0].Help().Key != "1" {
		t.Errorf("pages %v %+v", k.Pages[1].Keys(), k.Pages[1].Help())
	}
}

func TestMissingFileIsDefaults(t *testing.T) {
	c, err := Load(filepath.Join(t.TempDir(), "none.toml"))
	if err != nil || c.Theme != ThemeAuto || !c.Mouse || c.User != "" || !key.Matches(press("c"), c.Keys.Call) {
		t.Fatalf("%+v %v", c, err)
	}
}

// A bad file is one line naming the line and the key, and the defaults.
func TestBadFile(t *testing.T) {
	cases := []struct{ text, want string }{
		{"user = \"ada\"\ntheme = \"blue\"\n", `line 2, theme: "blue" is not auto, dark or light`},
		{"mouse = \"no\"\n", `line 1, mouse: "no" is not true or false`},
		{"\n\n[keys]\ncal = \"l\"\n", `line 4, keys.cal: no such action (did you mean call?)`},
		{"[keys]\ncall = \"\"\n", `line 2, keys.call: "" is not a key`},
		{"[keys]\ncall = 3\n", `line 2, keys.call: give a key in quotes`},
		{"[keys]\nhelp = \"h\"\ncall = \"d\"\n", `line 3, keys.call: d is also done's key`},
		{"colour = \"red\"\n", `line 1, colour: no such setting`},
		{"user = \"ada\"\ntheme = \n", `line 2`},
		{"user = \" ada\"\n", `line 1, user: " ada" does not read as a name`},
	}
	for _, c := range cases {
		path := filepath.Join(t.TempDir(), "config.toml")
		os.WriteFile(path, []byte(c.text), 0o600)
		cfg, err := Load(path)
		if err == nil {
			t.Errorf("%q: no error", c.text)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, path+" "+c.want) || !strings.HasSuffix(msg, "; using the defaults") || strings.Contains(msg, "\n") {
			t.Errorf("%q:\n got %s\nwant %s %s…; using the defaults", c.text, msg, path, c.want)
		}
		if cfg.User != "" || cfg.Theme != ThemeAuto || !cfg.Mouse || !key.Matches(press("c"), cfg.Keys.Call) || !key.Matches(press("d"), cfg.Keys.Done) {
			t.Errorf("%q: not the defaults: %+v", c.text, cfg)
		}
	}
}

// Every binding of the KeyMap can be remapped, by its snake-case name.
func TestEveryBindingRemaps(t *testing.T) {
	for _, a := range keymap.Actions() {
		c, err := Parse("[keys]\n" + a + " = [\"f12\", \"alt+z\"]\n")
		if err != nil {
			t.Errorf("%s: %v", a, err)
			continue
		}
		k := c.Keys
		pages := make([]keymap.PageKey, keymap.MaxPages)
		for i := range pages {
			pages[i].Number = i + 1
		}
		k.NamePages(pages)
		found := 0
		for _, sec := range k.Sections() {
			for _, b := range sec.Bindings {
				if b.Help().Key == "f12/alt+z" && key.Matches(press("alt+z"), b) {
					found++
				}
			}
		}
		if found != 1 {
			t.Errorf("%s: %d bindings in the help with the new keys, want 1", a, found)
		}
	}
	if n := len(keymap.Actions()); n < 30 {
		t.Fatalf("only %d actions", n)
	}
}

// TestFormKeysThatWouldBeTyped (issue 10, item 23): a form's save or
// next-field key that is a character would fire while a note is typed, and
// cancel and choose are built into the fields: the config refuses them.
func TestFormKeysThatWouldBeTyped(t *testing.T) {
	for _, bad := range []string{`save = ["enter", "s"]`, `next_field = "j"`, `prev_field = "space"`, `cancel = "ctrl+g"`, `choose = ["j", "k"]`} {
		if _, err := Parse("[keys]\n" + bad + "\n"); err == nil {
			t.Errorf("%s was accepted", bad)
		}
	}
	if _, err := Parse("[keys]\nsave = [\"ctrl+s\", \"f2\"]\n"); err != nil {
		t.Errorf("a save key that cannot be typed was refused: %v", err)
	}
}

// The documents settings (S writes a statement): the directory, ~/ read as
// the home, and the format; the defaults docs.DefaultDir and pdf.
func TestDocumentsSettings(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	home := env(map[string]string{"HOME": "/home/ada"})
	c := Default()
	if c.StatementFormat != "pdf" || c.Documents(home) != "/home/ada/Documents/acctdesk" {
		t.Fatalf("defaults: %q %q", c.StatementFormat, c.Documents(home))
	}
	if got := c.Documents(env(map[string]string{"HOME": "/home/ada", "XDG_DOCUMENTS_DIR": "/data/docs"})); got != "/data/docs/acctdesk" {
		t.Fatalf("XDG_DOCUMENTS_DIR: %q", got)
	}
	c, err := Parse("documents_dir = \"~/statements\"\nstatement_format = \"md\"\n")
	if err != nil || c.StatementFormat != "md" || c.Documents(home) != "/home/ada/statements" {
		t.Fatalf("%v %q %q", err, c.StatementFormat, c.Documents(home))
	}
	for text, want := range map[string]string{
		"statement_format = \"docx\"\n": `line 1, statement_format: "docx" is not text, md, html, pdf`,
		"documents_dir = \"docs\"\n":    `line 1, documents_dir: give a directory in quotes, from / or ~/`,
		"documents_dir = 3\n":           `line 1, documents_dir: give a directory`,
	} {
		if _, err := Parse(text); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%q: %v, want %s", text, err, want)
		}
	}
}
