package common

import "strings"

// The mouse (k9s, lazygit): a click selects a row, a double-click opens it,
// the wheel scrolls. The root turns Bubble Tea's mouse events into a
// MouseMsg in the page's coordinates and hands it to the page's
// HandleMouse (the list pages have it from ListPage), or to its Update.

// MouseKind is what the mouse did.
type MouseKind int

// Mouse actions.
const (
	Click       MouseKind = iota // the left button pressed
	DoubleClick                  // pressed again on the same line, soon after
	WheelUp
	WheelDown
)

// MouseMsg is a click, a double-click or a turn of the wheel on a page.
type MouseMsg struct {
	Kind MouseKind
	X, Y int // the cell, from the page's top left corner
	// Screen is the page's lines as last drawn, without styling: a list
	// finds its rows on it.
	Screen []string
}

// MouseHandler is a page that takes the mouse; handled says it did
// something (a double-click on a row then opens it, as enter would).
type MouseHandler interface {
	HandleMouse(msg MouseMsg) (handled bool)
}

// WheelLines is how far one turn of the wheel scrolls a list.
const WheelLines = 3

// cursorMark begins the cursor's row as ListPage.Window draws it.
const cursorMark = "▸ "

// ScrollBy moves the window n lines down (up when n < 0), within the list,
// and the cursor with it only as far as it must to stay in the window.
func (l List) ScrollBy(n int) List {
	h := max(l.Height, 1)
	l.Offset = max(0, min(l.Offset+n, l.Len-h))
	switch {
	case l.Len == 0:
		return l
	case l.Cursor < l.Offset:
		l.Cursor = l.settle(l.Offset, 1)
	case l.Cursor >= l.Offset+h:
		l.Cursor = l.settle(min(l.Offset+h, l.Len)-1, -1)
	}
	return l
}

// At puts the cursor on line i when it is in the window and a line the
// cursor can rest on; ok says it did.
func (l List) At(i int) (List, bool) {
	from, to := l.Window()
	if i < from || i >= to || l.skip(i) {
		return l, false
	}
	l.Cursor = i
	return l, true
}

// LineAt is the list's line at row y of screen (the page as drawn), found
// from the cursor's row: the only line that begins with the cursor's
// marker. ok is false when y is not on one of the list's lines.
func (l List) LineAt(screen []string, y int) (int, bool) {
	cy := -1
	for i, s := range screen {
		if strings.HasPrefix(s, cursorMark) {
			if cy >= 0 {
				return 0, false // not the list's alone: no telling
			}
			cy = i
		}
	}
	if cy < 0 {
		return 0, false
	}
	i := l.Cursor + y - cy
	from, to := l.Window()
	if i < from || i >= to {
		return 0, false
	}
	return i, true
}

// HandleMouse selects the row clicked (or double-clicked) and scrolls for
// the wheel.
func (l *ListPage[R]) HandleMouse(msg MouseMsg) bool {
	switch msg.Kind {
	case WheelUp, WheelDown:
		n := WheelLines
		if msg.Kind == WheelUp {
			n = -n
		}
		off, cur := l.nav.Offset, l.nav.Cursor
		l.nav = l.nav.ScrollBy(n)
		return l.nav.Offset != off || l.nav.Cursor != cur
	}
	i, ok := l.nav.LineAt(msg.Screen, msg.Y)
	if !ok {
		return false
	}
	l.nav, ok = l.nav.At(i)
	return ok
}
