// Package styles holds the workstation's one Styles value. Colours are
// lipgloss.AdaptiveColor pairs so the screen reads on dark and light
// terminals; nothing depends on colour alone (the cursor row has a marker,
// the focused field a pointer), so an ASCII terminal works too.
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

// DefaultStyles builds the styles once, at start.
func DefaultStyles() *Styles {
	s := &Styles{}
	s.App = lipgloss.NewStyle().Foreground(fg)
	s.TopBar = lipgloss.NewStyle().Background(barBg).Foreground(fg)
	s.Brand = lipgloss.NewStyle().Bold(true).Foreground(accent).Background(barBg)
	s.TabActive = lipgloss.NewStyle().Bold(true).Foreground(selFg).Background(selBg)
	s.TabInactive = lipgloss.NewStyle().Foreground(muted).Background(barBg)
	s.Status = lipgloss.NewStyle().Background(barBg).Foreground(fg)
	s.StatusOK = lipgloss.NewStyle().Background(barBg).Foreground(good).Bold(true)
	s.StatusErr = lipgloss.NewStyle().Background(barBg).Foreground(bad).Bold(true)
	s.StatusBusy = lipgloss.NewStyle().Background(barBg).Foreground(warn)

	s.Title = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.ColHeader = lipgloss.NewStyle().Bold(true).Foreground(muted).Underline(true)
	s.Selected = lipgloss.NewStyle().Background(selBg).Foreground(selFg)
	s.GroupHeader = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Total = lipgloss.NewStyle().Bold(true)
	s.Muted = lipgloss.NewStyle().Foreground(muted)
	s.Good = lipgloss.NewStyle().Foreground(good)
	s.Warn = lipgloss.NewStyle().Foreground(warn)
	s.Bad = lipgloss.NewStyle().Foreground(bad).Bold(true)
	s.Key = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Desc = lipgloss.NewStyle().Foreground(fg)

	s.Label = lipgloss.NewStyle().Foreground(muted)
	s.LabelFocus = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Input = lipgloss.NewStyle().Foreground(fg)
	s.InputFocus = lipgloss.NewStyle().Foreground(fg).Background(accentB)
	s.Cursor = lipgloss.NewStyle().Reverse(true)
	s.Placeholder = lipgloss.NewStyle().Foreground(muted).Italic(true)
	s.FieldError = lipgloss.NewStyle().Foreground(bad).Bold(true)
	s.Chosen = lipgloss.NewStyle().Bold(true).Foreground(selFg).Background(selBg)

	s.GaugeFull = lipgloss.NewStyle().Foreground(good)
	s.GaugeWarn = lipgloss.NewStyle().Foreground(warn)
	s.GaugeBad = lipgloss.NewStyle().Foreground(bad)
	s.GaugeEmpty = lipgloss.NewStyle().Foreground(muted)
	return s
}
