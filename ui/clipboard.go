package ui

import (
	"io"
	"strings"

	osc52 "github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/domain"
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

// copiedMsg reports a copy to the clipboard.
type copiedMsg struct {
	err error
}

// copyCmd writes the sequence in a command, off the Update path.
func copyCmd(w io.Writer, text string, env clipEnv) tea.Cmd {
	seq := OSC52(text, env)
	return func() tea.Msg {
		_, err := io.WriteString(w, seq)
		return copiedMsg{err: err}
	}
}
