// Package styles holds the workstation's one Styles value. Colours are
// lipgloss.AdaptiveColor pairs so the screen reads on dark and light
// terminals (or one of the pair, when the config names the theme); nothing
// depends on colour alone (the cursor row has a marker, the focused field a
// pointer), so an ASCII terminal works too, and under NO_COLOR the cursor
// row is in reverse video as well.
package styles

import "github.com/charmbracelet/lipgloss"

// Styles is every style the panes use.
type Styles struct {
	App         lipgloss.Style
	TopBar      lipgloss.Style
	Brand       lipgloss.Style
	TabActive   lipgloss.Style
	TabInactive lipgloss.Style
	Status      lipgloss.Style
	StatusOK    lipgloss.Style
	StatusErr   lipgloss.Style
	StatusBusy  lipgloss.Style

	Title       lipgloss.Style // pane titles
	ColHeader   lipgloss.Style // column headings
	Selected    lipgloss.Style // the cursor row
	GroupHeader lipgloss.Style
	Total       lipgloss.Style
	Muted       lipgloss.Style
	Good        lipgloss.Style
	Warn        lipgloss.Style
	Bad         lipgloss.Style
	Key         lipgloss.Style // a key in help text
	Desc        lipgloss.Style

	Label       lipgloss.Style // form labels
	LabelFocus  lipgloss.Style
	Input       lipgloss.Style
	InputFocus  lipgloss.Style
	Cursor      lipgloss.Style
	Placeholder lipgloss.Style
	FieldError  lipgloss.Style
	Chosen      lipgloss.Style // a chosen one-key option

	GaugeFull  lipgloss.Style
	GaugeWarn  lipgloss.Style
	GaugeBad   lipgloss.Style
	GaugeEmpty lipgloss.Style
}

var (
	fg      = lipgloss.AdaptiveColor{Light: "#1c1c1c", Dark: "#e4e4e4"}
	muted   = lipgloss.AdaptiveColor{Light: "#6c6c6c", Dark: "#9e9e9e"}
	accent  = lipgloss.AdaptiveColor{Light: "#005f87", Dark: "#5fafff"}
	accentB = lipgloss.AdaptiveColor{Light: "#d7e9f7", Dark: "#1f3a5f"}
	good    = lipgloss.AdaptiveColor{Light: "#005f00", Dark: "#5fd75f"}
	warn    = lipgloss.AdaptiveColor{Light: "#875f00", Dark: "#ffd75f"}
	bad     = lipgloss.AdaptiveColor{Light: "#af0000", Dark: "#ff5f5f"}
	barBg   = lipgloss.AdaptiveColor{Light: "#e4e4e4", Dark: "#262626"}
	selBg   = lipgloss.AdaptiveColor{Light: "#bcd9f0", Dark: "#264f78"}
	selFg   = lipgloss.AdaptiveColor{Light: "#000000", Dark: "#ffffff"}
)

// Options choose the palette.
type Options struct {
	// Theme is "dark" or "light" for that palette, else (auto) the
	// renderer's guess of the terminal's background. Inside tmux the
	// terminal's answer is often lost and the guess is dark: a light
	// terminal needs theme = "light".
	Theme string
	// NoColor ($NO_COLOR) draws without colour: the cursor row, the active
	// tab and a chosen option in reverse video, the focused field
	// underlined. The renderer must keep attributes (an ANSI profile, not
	// Ascii) for them to show.
	NoColor bool
}

// DefaultStyles are the styles of the default renderer, auto theme.
func DefaultStyles() *Styles { return New(lipgloss.DefaultRenderer(), Options{}) }

// New builds the styles once per session, at start, on the session's
// renderer.
func New(r *lipgloss.Renderer, o Options) *Styles {
	pick := func(c lipgloss.AdaptiveColor) lipgloss.TerminalColor {
		switch {
		case o.NoColor:
			return lipgloss.NoColor{}
		case o.Theme == "dark":
			return lipgloss.Color(c.Dark)
		case o.Theme == "light":
			return lipgloss.Color(c.Light)
		}
		return c
	}
	fg, muted, accent, accentB, good, warn, bad, barBg, selBg, selFg :=
		pick(fg), pick(muted), pick(accent), pick(accentB), pick(good), pick(warn), pick(bad), pick(barBg), pick(selBg), pick(selFg)
	s := &Styles{}
	s.App = r.NewStyle().Foreground(fg)
	s.TopBar = r.NewStyle().Background(barBg).Foreground(fg)
	s.Brand = r.NewStyle().Bold(true).Foreground(accent).Background(barBg)
	s.TabActive = r.NewStyle().Bold(true).Foreground(selFg).Background(selBg)
	s.TabInactive = r.NewStyle().Foreground(muted).Background(barBg)
	s.Status = r.NewStyle().Background(barBg).Foreground(fg)
	s.StatusOK = r.NewStyle().Background(barBg).Foreground(good).Bold(true)
	s.StatusErr = r.NewStyle().Background(barBg).Foreground(bad).Bold(true)
	s.StatusBusy = r.NewStyle().Background(barBg).Foreground(warn)

	s.Title = r.NewStyle().Bold(true).Foreground(accent)
	s.ColHeader = r.NewStyle().Bold(true).Foreground(muted).Underline(true)
	s.Selected = r.NewStyle().Background(selBg).Foreground(selFg)
	s.GroupHeader = r.NewStyle().Bold(true).Foreground(accent)
	s.Total = r.NewStyle().Bold(true)
	s.Muted = r.NewStyle().Foreground(muted)
	s.Good = r.NewStyle().Foreground(good)
	s.Warn = r.NewStyle().Foreground(warn)
	s.Bad = r.NewStyle().Foreground(bad).Bold(true)
	s.Key = r.NewStyle().Bold(true).Foreground(accent)
	s.Desc = r.NewStyle().Foreground(fg)

	s.Label = r.NewStyle().Foreground(muted)
	s.LabelFocus = r.NewStyle().Bold(true).Foreground(accent)
	s.Input = r.NewStyle().Foreground(fg)
	s.InputFocus = r.NewStyle().Foreground(fg).Background(accentB)
	s.Cursor = r.NewStyle().Reverse(true)
	s.Placeholder = r.NewStyle().Foreground(muted).Italic(true)
	s.FieldError = r.NewStyle().Foreground(bad).Bold(true)
	s.Chosen = r.NewStyle().Bold(true).Foreground(selFg).Background(selBg)

	s.GaugeFull = r.NewStyle().Foreground(good)
	s.GaugeWarn = r.NewStyle().Foreground(warn)
	s.GaugeBad = r.NewStyle().Foreground(bad)
	s.GaugeEmpty = r.NewStyle().Foreground(muted)
	if o.NoColor {
		s.Selected = s.Selected.Reverse(true)
		s.TabActive = s.TabActive.Reverse(true)
		s.Chosen = s.Chosen.Reverse(true)
		s.InputFocus = s.InputFocus.Underline(true)
	}
	return s
}
