package account

import (
	"fmt"
	"strings"

	"acctdesk/ui/common"
)

// tabsWindow is the tab bar when even the short names do not all fit: as
// many short names as fit around the current tab, ‹ and › saying that
// more lie to the left and to the right. ok is false when not even the
// current tab and its neighbours' marks fit.
func (p *Page) tabsWindow(w int) (string, bool) {
	tabs := p.data.Tabs
	segs := make([]string, len(tabs))
	for i, t := range tabs {
		name := t.Short
		if p.query != "" && i < len(p.matches) {
			name += fmt.Sprintf(" %d", p.matches[i])
		}
		segs[i] = " " + name + " "
		if i == p.tab {
			segs[i] = "[" + name + "]"
		}
	}
	lo, hi := p.tab, p.tab
	width := func(lo, hi int) int {
		n := 0
		for _, s := range segs[lo : hi+1] {
			n += common.Width(s)
		}
		if lo > 0 {
			n++ // ‹
		}
		if hi < len(segs)-1 {
			n++ // ›
		}
		return n
	}
	if width(lo, hi) > w {
		return "", false
	}
	// Grow to the right first (where tab goes next), then to the left.
	for grown := true; grown; {
		grown = false
		if hi+1 < len(segs) && width(lo, hi+1) <= w {
			hi, grown = hi+1, true
		}
		if lo > 0 && width(lo-1, hi) <= w {
			lo, grown = lo-1, true
		}
	}
	s := p.Styles
	var b strings.Builder
	if lo > 0 {
		b.WriteString(s.Muted.Render("‹"))
	}
	for i := lo; i <= hi; i++ {
		if i == p.tab {
			b.WriteString(s.TabActive.Render(segs[i]))
		} else {
			b.WriteString(s.Muted.Render(segs[i]))
		}
	}
	if hi < len(segs)-1 {
		b.WriteString(s.Muted.Render("›"))
	}
	return b.String(), true
}
