package ui

import (
	"strings"
	"testing"
)

// screen is the model's view after the keys, as lines.
func screen(m *Model, seq ...string) []string {
	press(m, seq...)
	return strings.Split(m.View(), "\n")
}

// lineWith is the first line of the screen that holds every part, or "".
func lineWith(lines []string, parts ...string) string {
next:
	for _, l := range lines {
		for _, p := range parts {
			if !strings.Contains(l, p) {
				continue next
			}
		}
		return l
	}
	return ""
}

// Item 11: one date style, the day always and the year whenever it is not
// the as-of year (2026). ACC006's contract runs 1 Jul 2025 – 30 Jun 2027
// with 60 days' notice: notice by 1 May 2027. It showed "Jul'25", "Jun'27"
// and "notice by May'27".
func TestDatesKeepTheDay(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		m, _ := loaded(t, sz[0], sz[1])
		lines := screen(m, ":", "ACC006", "enter")
		if l := lineWith(lines, "notice by 01 May'27"); l == "" {
			t.Errorf("%dx%d: no \"notice by 01 May'27\" in the header:\n%s", sz[0], sz[1], strings.Join(lines, "\n"))
		}
		for i := 0; i < 8 && lineWith(lines, "K-TT-2025", "01 Jul'25") == ""; i++ {
			lines = screen(m, "tab")
		}
		if l := lineWith(lines, "K-TT-2025", "01 Jul'25", "30 Jun'27"); l == "" {
			t.Errorf("%dx%d: the contracts tab lacks 01 Jul'25 – 30 Jun'27:\n%s", sz[0], sz[1], strings.Join(lines, "\n"))
		}
	}
}
