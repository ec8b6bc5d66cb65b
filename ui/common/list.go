package common

// List is the pure state of a scrolling list: how many lines, which one the
// cursor is on, the first line shown and how many fit. Navigation functions
// return a new state; they are tested without Bubble Tea.
type List struct {
	Len, Cursor, Offset, Height int
	// Skip marks lines the cursor cannot rest on (group headings); nil for none.
	Skip func(i int) bool
}

func (l List) skip(i int) bool { return l.Skip != nil && l.Skip(i) }

// Move moves the cursor by delta lines, over lines it cannot rest on, and
// keeps it on screen.
func (l List) Move(delta int) List {
	if l.Len == 0 {
		l.Cursor, l.Offset = 0, 0
		return l
	}
	c := l.Cursor + delta
	if c < 0 {
		c = 0
	}
	if c >= l.Len {
		c = l.Len - 1
	}
	dir := 1
	if delta < 0 {
		dir = -1
	}
	c = l.settle(c, dir)
	l.Cursor = c
	return l.Scroll()
}

// settle finds the nearest line at or after c (in dir) the cursor can rest on,
// looking the other way if there is none.
func (l List) settle(c, dir int) int {
	for i := c; i >= 0 && i < l.Len; i += dir {
		if !l.skip(i) {
			return i
		}
	}
	for i := c; i >= 0 && i < l.Len; i -= dir {
		if !l.skip(i) {
			return i
		}
	}
	return c
}

// Top puts the cursor on the first line.
func (l List) Top() List { l.Cursor = 0; return l.Move(0) }

// Bottom puts the cursor on the last line.
func (l List) Bottom() List { l.Cursor = l.Len - 1; return l.Move(0) }

// Page moves a screen up (n<0) or down (n>0).
func (l List) Page(n int) List {
	h := l.Height
	if h < 1 {
		h = 1
	}
	return l.Move(n * h)
}

// Scroll keeps the cursor within the window and the window within the list.
func (l List) Scroll() List {
	h := l.Height
	if h < 1 {
		h = 1
	}
	if l.Cursor < l.Offset {
		l.Offset = l.Cursor
	}
	if l.Cursor >= l.Offset+h {
		l.Offset = l.Cursor - h + 1
	}
	// a heading just above the cursor stays in view
	if l.Offset > 0 && l.Offset == l.Cursor && l.skip(l.Cursor-1) {
		l.Offset--
	}
	if max := l.Len - h; l.Offset > max {
		l.Offset = max
	}
	if l.Offset < 0 {
		l.Offset = 0
	}
	return l
}

// Resize sets the window height and keeps the cursor in view.
func (l List) Resize(h int) List { l.Height = h; return l.Scroll() }

// SetLen changes the number of lines, keeping the cursor where it can be.
func (l List) SetLen(n int) List {
	l.Len = n
	if l.Cursor >= n {
		l.Cursor = n - 1
	}
	if l.Cursor < 0 {
		l.Cursor = 0
	}
	return l.Move(0)
}

// Window is the range of lines to draw: [from, to).
func (l List) Window() (from, to int) {
	h := l.Height
	if h < 0 {
		h = 0
	}
	to = l.Offset + h
	if to > l.Len {
		to = l.Len
	}
	return l.Offset, to
}
