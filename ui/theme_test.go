package ui

import (
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"acctdesk/config"
	"acctdesk/ui/internal/sample"
)

// trueColor is a renderer that draws in 24-bit colour and believes the
// background dark, as lipgloss does when the terminal does not answer its
// query (inside tmux, often).
func trueColor() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	r.SetHasDarkBackground(true)
	return r
}

// Item 23: theme = "light" draws the light palette even when the terminal's
// background was not found (the dark guess); auto follows the guess.
func TestThemeLight(t *testing.T) {
	const lightFg, darkFg = "38;2;175;0;0", "38;2;255;95;95" // #af0000, #ff5f5f: what is late
	opt := testOptions()
	opt.Renderer = trueColor()
	v := loadedWith(t, 100, 30, sample.Store(), opt).View()
	if !strings.Contains(v, darkFg) || strings.Contains(v, lightFg) {
		t.Fatal("auto on a dark guess is not the dark palette")
	}
	opt.Renderer, opt.Theme = trueColor(), config.ThemeLight
	v = loadedWith(t, 100, 30, sample.Store(), opt).View()
	if !strings.Contains(v, lightFg) || strings.Contains(v, darkFg) {
		t.Fatal("theme light is not the light palette")
	}
	opt.Renderer, opt.Theme = trueColor(), config.ThemeDark
	if v := loadedWith(t, 100, 30, sample.Store(), opt).View(); !strings.Contains(v, darkFg) {
		t.Fatal("theme dark is not the dark palette")
	}
}

var sgr = regexp.MustCompile(`\x1b\[([0-9;]*)m`)

// Item 23: NO_COLOR draws no colour at all, and the cursor row is in
// reverse video, not told by ▸ alone.
func TestNoColorReverseSelection(t *testing.T) {
	opt := testOptions()
	opt.NoColor = true
	m := loadedWith(t, 100, 30, sample.Store(), opt)
	for _, v := range []string{m.View(), func() string { press(m, "2"); return m.View() }()} {
		for _, p := range sgr.FindAllStringSubmatch(v, -1) {
			for _, n := range strings.Split(p[1], ";") {
				c, _ := strconv.Atoi(n)
				if c >= 30 && c <= 49 || c >= 90 && c <= 107 {
					t.Fatalf("a colour (SGR %s) under NO_COLOR", p[1])
				}
			}
		}
		found := false
		for _, l := range strings.Split(v, "\n") {
			if i := strings.Index(l, "▸"); i >= 0 {
				found = true
				if !strings.Contains(l[:i], "7") || !sgr.MatchString(l[:i]) {
					t.Fatalf("the cursor row is not in reverse video: %q", l)
				}
			}
		}
		if !found {
			t.Fatalf("no cursor row:\n%s", v)
		}
	}
}

// Item 23: remapped keys work, the old ones do not, and ? shows the keys
// in force (the status line's hint too).
func TestRemappedKeysShownByHelp(t *testing.T) {
	cfg, err := config.Parse("[keys]\ncall = [\"l\", \"ctrl+l\"]\nhelp = \"h\"\npage2 = \"b\"\n")
	if err != nil {
		t.Fatal(err)
	}
	opt := testOptions()
	opt.Keys = cfg.Keys
	m := loadedWith(t, 120, 40, sample.Store(), opt)
	if l := statusLine(m); !strings.HasSuffix(l, "you: ada · h help · q quit") {
		t.Fatalf("status line %q", l)
	}
	if top := strings.Split(m.View(), "\n")[0]; !strings.Contains(top, "b Book") {
		t.Fatalf("top bar %q", top)
	}
	press(m, "?")
	if m.top() != nil {
		t.Fatal("? still opens the help")
	}
	press(m, "h")
	v := m.View()
	if m.top() == nil || !regexp.MustCompile(`l/ctrl\+l +log a call`).MatchString(v) || !regexp.MustCompile(`b +book`).MatchString(v) ||
		!regexp.MustCompile(`h +help`).MatchString(v) {
		t.Fatalf("the help does not show the keys in force:\n%s", v)
	}
	press(m, "esc", "c")
	if m.form() != nil {
		t.Fatal("c still opens the call form")
	}
	press(m, "l")
	if m.form() == nil {
		t.Fatal("l does not open the call form")
	}
	press(m, "esc", "b")
	if m.Current() != "Book" {
		t.Fatalf("b showed %s", m.Current())
	}
}

// Item 23: a bad config file's line is on the status line at start, until
// a key.
func TestNoticeAtStart(t *testing.T) {
	opt := testOptions()
	opt.Notice = "config.toml line 2, theme: \"blue\" is not auto, dark or light; using the defaults"
	m := loadedWith(t, 120, 40, sample.Store(), opt)
	if l := statusLine(m); !strings.Contains(l, "line 2, theme") {
		t.Fatalf("status line %q", l)
	}
	press(m, "j")
	if strings.Contains(statusLine(m), "theme") {
		t.Fatal("the notice stayed after a key")
	}
}
