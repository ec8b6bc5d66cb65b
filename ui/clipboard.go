package ui

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	osc52 "github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/config"
	"acctdesk/domain"
	"acctdesk/ui/common"
	"acctdesk/ui/components"
)

// The clipboard is the terminal's: an OSC 52 sequence asks the terminal (over
// ssh too) to set its clipboard. Bubble Tea v1 has no command for it (v2 has
// tea.SetClipboard), and tea.Printf is no way either: it prints lines above
// the program and nothing at all in the alternate screen. So the sequence is
// written, in one Write call, to the writer the renderer draws on (os.Stdout
// unless Options.Clipboard says otherwise). Writes to one *os.File are
// serialised by Go, and the renderer draws each frame with one Write, so the
// sequence never lands inside a frame; an OSC sequence moves no cursor, so
// the frame after it is still right.

// clipEnv is what the sequence depends on: TERM and TMUX.
type clipEnv struct {
	term, tmux string
	home       string // $HOME, to write the recap file's path short
}

// OSC52 is the byte sequence that puts text on the terminal's clipboard.
// Inside tmux it is sent twice: plain, which tmux takes when its
// set-clipboard option is on (and passes on to the outer terminal), and
// wrapped for tmux's passthrough (allow-passthrough on), which reaches the
// outer terminal directly; a terminal that gets both sets the same text
// twice. Under GNU screen (TERM=screen… outside tmux) it is wrapped in DCS
// strings that screen passes through. The text is domain.Safe first: what
// is copied is pasted somewhere later, into a mail or another terminal, and
// must carry no escape sequence there either (its lines and tabs stay).
func OSC52(text string, env clipEnv) string {
	s := osc52.New(domain.Safe(text))
	switch {
	case env.tmux != "":
		return s.String() + s.Tmux().String()
	case strings.HasPrefix(env.term, "screen"):
		return s.Screen().String()
	}
	return s.String()
}

// TakesOSC52 reports whether the terminal is known to take OSC 52 copies
// by default, from its environment: kitty, WezTerm, Ghostty, foot,
// Alacritty and Windows Terminal do. Others may not (xterm, GNOME's and
// Apple's terminals by default, iTerm2 unless allowed), and inside tmux or
// screen it depends on their settings and on the terminal outside (whose
// variables, inherited by the tmux server, may be stale): not known.
func TakesOSC52(getenv func(string) string) bool {
	term := getenv("TERM")
	if getenv("TMUX") != "" || getenv("STY") != "" || strings.HasPrefix(term, "screen") || strings.HasPrefix(term, "tmux") {
		return false
	}
	switch {
	case term == "xterm-kitty", getenv("KITTY_WINDOW_ID") != "",
		getenv("TERM_PROGRAM") == "WezTerm", term == "wezterm",
		term == "xterm-ghostty", getenv("TERM_PROGRAM") == "ghostty",
		term == "foot" || strings.HasPrefix(term, "foot-"),
		term == "alacritty", getenv("ALACRITTY_WINDOW_ID") != "",
		getenv("WT_SESSION") != "":
		return true
	}
	return false
}

// RecapDir is where y writes recaps under a config's clipboard mode: ""
// (OSC 52 alone, "copied") for osc52, or for auto on a terminal known to
// take it; else $XDG_STATE_HOME/acctdesk ($HOME/.local/state/acctdesk).
func RecapDir(mode string, getenv func(string) string) string {
	if mode == config.ClipboardOSC52 || mode != config.ClipboardFile && TakesOSC52(getenv) {
		return ""
	}
	state := getenv("XDG_STATE_HOME")
	if state == "" || !filepath.IsAbs(state) {
		home := getenv("HOME")
		if home == "" {
			return filepath.Join(os.TempDir(), "acctdesk")
		}
		state = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(state, "acctdesk")
}

// copiedMsg reports a copy to the clipboard, or the file the recap was
// written to.
type copiedMsg struct {
	file string // the recap's file, when written to one
	err  error
}

// copyCmd writes the sequence in a command, off the Update path.
func copyCmd(w io.Writer, text string, env clipEnv) tea.Cmd {
	seq := OSC52(text, env)
	return func() tea.Msg {
		_, err := io.WriteString(w, seq)
		return copiedMsg{err: err}
	}
}

// recapFile is where a recap is written in dir: recap-CODE-KIND.txt, the
// book's code kept to letters, digits and - _ . (a code may hold anything
// a file name must not).
func recapFile(dir string, r common.Recap) string {
	safe := func(s string) string {
		return strings.Map(func(c rune) rune {
			if c < 128 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
				return c
			}
			return '_'
		}, s)
	}
	return filepath.Join(dir, "recap-"+strings.TrimLeft(safe(r.Code), ".")+"-"+safe(r.Kind)+".txt")
}

// fileCmd writes the recap (made safe, as for the clipboard) to its file in
// dir, in a command, then sends the OSC 52 sequence all the same: a
// terminal not known to take it may.
func fileCmd(dir string, r common.Recap, w io.Writer, env clipEnv) tea.Cmd {
	path, text, seq := recapFile(dir, r), domain.Safe(r.Text), OSC52(r.Text, env)
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	return func() tea.Msg {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return copiedMsg{file: path, err: err}
		}
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			return copiedMsg{file: path, err: err}
		}
		_, _ = io.WriteString(w, seq)
		return copiedMsg{file: path}
	}
}

// copied reports the copy on the status line and on the recap shown.
func (m *Model) copied(msg copiedMsg) {
	rv, _ := m.top().(*components.RecapView)
	switch {
	case msg.err != nil && msg.file != "":
		m.setStatus(components.Problem, fmt.Sprintf("Recap not written to %s: %v", msg.file, msg.err))
	case msg.err != nil:
		m.setStatus(components.Problem, "Recap not copied: "+msg.err.Error())
	case msg.file != "":
		// The path first and short: at 80 columns it is what must show.
		m.setStatus(components.OK, "✓ Recap written to "+homeShort(msg.file, m.clipEnv.home)+" · esc closes")
		if rv != nil {
			rv.SetDone("written to " + homeShort(msg.file, m.clipEnv.home))
		}
	default:
		m.setStatus(components.OK, "✓ Recap copied to the clipboard · esc closes it")
		if rv != nil {
			rv.SetDone("copied")
		}
	}
}

// homeShort writes a path under home as ~/…, as people read it.
func homeShort(path, home string) string {
	if home != "" && strings.HasPrefix(path, home+string(os.PathSeparator)) {
		return "~" + path[len(home):]
	}
	return path
}
