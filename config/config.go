// Package config reads the user's file, $XDG_CONFIG_HOME/acctdesk/config.toml
// (SPEC §6): the user's name, the theme, the mouse, the clipboard and key
// remaps. A missing file is the defaults; a bad one is the defaults too, and
// one line that names the line and the key at fault.
//
//	user = "ada"            # the author of writes unless --user or $ACCTDESK_USER says
//	theme = "light"         # auto (ask the terminal), dark or light
//	mouse = false           # clicks, double-clicks and the wheel (on by default)
//	clipboard = "file"      # y: auto, osc52 (the terminal takes it) or file
//	documents_dir = "~/Documents/acctdesk"  # where S writes statements (default
//	                        # $XDG_DOCUMENTS_DIR/acctdesk, else ~/Documents/acctdesk)
//	statement_format = "pdf" # S on an account: text, md, html or pdf (default pdf)
//
//	[keys]                  # an action = a key or a list of keys (keymap.Actions)
//	call = "l"
//	quit = ["q", "ctrl+q"]
//	page1 = ["1", "f1"]
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"acctdesk/docs"
	"acctdesk/domain"
	"acctdesk/ui/keymap"
)

// Themes and clipboard modes.
const (
	ThemeAuto  = "auto"
	ThemeDark  = "dark"
	ThemeLight = "light"

	ClipboardAuto  = "auto"  // OSC 52 when the terminal is known to take it, else a file
	ClipboardOSC52 = "osc52" // always OSC 52
	ClipboardFile  = "file"  // always a file
)

// Config is what the file says, with the defaults for what it does not.
type Config struct {
	User      string // "" when the file names no one
	Theme     string
	Mouse     bool
	Clipboard string
	// DocumentsDir is where the workstation writes documents (S: the
	// statement of account); "" for docs.DefaultDir. A leading ~/ is the
	// home directory (Documents resolves it).
	DocumentsDir string
	// StatementFormat is the format S writes: text, md, html or pdf.
	StatementFormat string
	Keys            *keymap.KeyMap // the default keymap with the file's remaps
}

// Documents is the directory documents are written to: the file's
// documents_dir (~/ read as $HOME/), else docs.DefaultDir.
func (c Config) Documents(getenv func(string) string) string {
	d := c.DocumentsDir
	if d == "" {
		return docs.DefaultDir(getenv)
	}
	if rest, ok := strings.CutPrefix(d, "~/"); ok {
		if h := getenv("HOME"); h != "" {
			return filepath.Join(h, rest)
		}
	}
	return d
}

// Default is the configuration without a file.
func Default() Config {
	return Config{Theme: ThemeAuto, Mouse: true, Clipboard: ClipboardAuto, StatementFormat: "pdf", Keys: keymap.DefaultKeyMap()}
}

// Path is $XDG_CONFIG_HOME/acctdesk/config.toml, $HOME/.config/… when
// XDG_CONFIG_HOME is not set, "" when neither is.
func Path(getenv func(string) string) string {
	dir := getenv("XDG_CONFIG_HOME")
	if dir == "" || !filepath.IsAbs(dir) { // the XDG spec: a relative value is ignored
		home := getenv("HOME")
		if home == "" {
			return ""
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "acctdesk", "config.toml")
}

// Load reads the file at path. A missing file (or path "") is the defaults
// and no error; a file that cannot be read or is wrong anywhere is the
// defaults and an error of one line: "PATH line 3: theme: … ; using the
// defaults".
func Load(path string) (Config, error) {
	if path == "" {
		return Default(), nil
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return Default(), nil
	}
	if err != nil {
		return Default(), fmt.Errorf("%s: %v; using the defaults", path, err)
	}
	c, err := Parse(string(b))
	if err != nil {
		return Default(), fmt.Errorf("%s %v; using the defaults", path, err)
	}
	return c, nil
}

// Error is what is wrong with a file: the line (0 when not known), the key
// and why.
type Error struct {
	Line int
	Key  string
	Why  string
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d", e.Line)
	}
	if e.Key != "" {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(e.Key)
	}
	if b.Len() == 0 {
		return oneLine(e.Why)
	}
	return b.String() + ": " + oneLine(e.Why)
}

func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return domain.Safe(s)
}

// Parse reads a file's text: the defaults and an *Error when anything in
// it is wrong.
func Parse(text string) (Config, error) {
	c, err := parse(text)
	if err != nil {
		return Default(), err
	}
	return c, nil
}

func parse(text string) (Config, error) {
	c := Default()
	var raw map[string]any
	md, err := toml.Decode(text, &raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return c, &Error{Line: pe.Position.Line, Key: pe.LastKey, Why: pe.Message}
		}
		return c, &Error{Why: strings.TrimPrefix(err.Error(), "toml: ")}
	}
	lines := keyLines(text)
	bad := func(key, why string, args ...any) error {
		return &Error{Line: lines[key], Key: key, Why: fmt.Sprintf(why, args...)}
	}
	for _, k := range md.Keys() {
		name := k.String()
		switch {
		case len(k) == 1:
		case len(k) == 2 && k[0] == "keys":
			continue // below, in the file's order
		default:
			return c, bad(name, "no such setting (user, theme, mouse, clipboard, documents_dir, statement_format, [keys])")
		}
		v := raw[k[0]]
		switch k[0] {
		case "user":
			s, ok := v.(string)
			if !ok {
				return c, bad(name, "give a name in quotes")
			}
			if err := domain.CheckCode(s); err != nil || s == "" {
				return c, bad(name, "%q does not read as a name", s)
			}
			c.User = s
		case "theme":
			s, _ := v.(string)
			if !slices.Contains([]string{ThemeAuto, ThemeDark, ThemeLight}, s) {
				return c, bad(name, "%s is not auto, dark or light", show(v))
			}
			c.Theme = s
		case "mouse":
			b, ok := v.(bool)
			if !ok {
				return c, bad(name, "%s is not true or false", show(v))
			}
			c.Mouse = b
		case "clipboard":
			s, _ := v.(string)
			if !slices.Contains([]string{ClipboardAuto, ClipboardOSC52, ClipboardFile}, s) {
				return c, bad(name, "%s is not auto, osc52 or file", show(v))
			}
			c.Clipboard = s
		case "documents_dir":
			s, ok := v.(string)
			if !ok || s == "" || !(filepath.IsAbs(s) || strings.HasPrefix(s, "~/")) {
				return c, bad(name, "give a directory in quotes, from / or ~/: \"~/Documents/acctdesk\"")
			}
			if err := domain.CheckText(s, true, 1000); err != nil {
				return c, bad(name, "the directory %v", err)
			}
			c.DocumentsDir = s
		case "statement_format":
			s, _ := v.(string)
			if !docs.ValidFormat(s) {
				return c, bad(name, "%s is not %s", show(v), strings.Join(docs.Formats, ", "))
			}
			c.StatementFormat = s
		case "keys":
			if _, ok := v.(map[string]any); !ok {
				return c, bad(name, "keys is a table: [keys] then lines like call = \"c\"")
			}
		default:
			return c, bad(name, "no such setting (user, theme, mouse, clipboard, documents_dir, statement_format, [keys])")
		}
	}
	km := c.Keys
	for _, k := range md.Keys() {
		if len(k) != 2 || k[0] != "keys" {
			continue
		}
		name := k.String()
		keys, ok := keyList(raw["keys"].(map[string]any)[k[1]])
		if !ok {
			return c, bad(name, "give a key in quotes, or a list of them: [\"q\", \"ctrl+c\"]")
		}
		if err := km.Remap(k[1], keys); err != nil {
			return c, bad(name, "%v", err)
		}
	}
	if a, key, other, ok := km.Conflict(); ok {
		return c, bad("keys."+a, "%s is also %s's key", keymap.HelpKeys([]string{key}), other)
	}
	return c, nil
}

// keyList is a key or a list of keys.
func keyList(v any) ([]string, bool) {
	switch v := v.(type) {
	case string:
		return []string{v}, true
	case []any:
		out := make([]string, len(v))
		for i, x := range v {
			s, ok := x.(string)
			if !ok {
				return nil, false
			}
			out[i] = s
		}
		return out, true
	}
	return nil, false
}

func show(v any) string {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprint(v)
}

// keyLines is the line each key is set on, "keys.call" for call under
// [keys] or keys.call at the top: the TOML library tells where a parse
// failed, not where a well-formed key is. Only for messages: a line it
// cannot read is skipped.
func keyLines(text string) map[string]int {
	out := map[string]int{}
	table := ""
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(l, "["):
			table = unquote(strings.Trim(strings.SplitN(l, "]", 2)[0], "[] \t"))
			if _, ok := out[table]; !ok {
				out[table] = i + 1
			}
		case strings.Contains(l, "=") && !strings.HasPrefix(l, "#") && !strings.HasPrefix(l, "\""+"\"\""):
			k := unquote(strings.TrimSpace(l[:strings.Index(l, "=")]))
			if table != "" {
				k = table + "." + k
			}
			if _, ok := out[k]; !ok {
				out[k] = i + 1
			}
		}
	}
	return out
}

// unquote is a dotted key without quotes and spaces: `"a" . b` is a.b.
func unquote(k string) string {
	parts := strings.Split(k, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}
