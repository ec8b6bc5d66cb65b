package account

import "acctdesk/ui/common"

// HandleMouse gives the account's tab lists the mouse the other lists have
// (issue 10, item 22): a click selects the row, a double-click opens it
// whole (the root then sends enter), the wheel scrolls the list, or the
// entry shown whole.
func (p *Page) HandleMouse(msg common.MouseMsg) bool {
	n := common.WheelLines
	switch msg.Kind {
	case common.WheelUp:
		n = -n
		fallthrough
	case common.WheelDown:
		if p.detail != nil {
			before := p.detail.view.Offset
			p.detail.view = p.detail.view.ScrollBy(n)
			return p.detail.view.Offset != before
		}
		off, cur := p.scroll.Offset, p.scroll.Cursor
		p.scroll = p.scroll.ScrollBy(n)
		return p.scroll.Offset != off || p.scroll.Cursor != cur
	}
	if p.detail != nil || p.typing {
		return false // the entry shown whole, or the search being typed, keeps the keys
	}
	i, ok := p.scroll.LineAt(msg.Screen, msg.Y)
	if !ok {
		return false
	}
	p.scroll, ok = p.scroll.At(i)
	return ok
}
