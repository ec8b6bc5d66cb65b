// Package components holds what the root draws around and over the pages:
// the top bar, the status line, the help screen and the recap overlay.
package components

import (
	"strings"

	"acctdesk/domain"
	"acctdesk/ui/common"
)

// TopBar is the line above the pages: the brand, the tabs (active is the
// tab shown, -1 for none), the book's name and the business date, in the
// longest form that fits w (the other tabs by their keys alone when their
// labels do not fit). today is the real date, shown when it is not asOf.
func TopBar(c common.Common, tabs []string, active int, name string, asOf, today domain.Date, w int) string {
	s := c.Styles
	parts := make([]string, len(tabs))
	keys := make([]string, len(tabs)) // too narrow for every label: the others' keys only
	for i, label := range tabs {
		label = common.Clean(label) // "Account CODE": the code is the book's
		if i == active {
			parts[i] = s.TabActive.Render("[" + label + "]")
			keys[i] = parts[i]
		} else {
			parts[i] = s.TabInactive.Render(" " + label + " ")
			k, _, _ := strings.Cut(label, " ")
			keys[i] = s.TabInactive.Render(" " + k + " ")
		}
	}
	tabLine := strings.Join(parts, s.TopBar.Render(" "))
	keyLine := strings.Join(keys, s.TopBar.Render(" "))
	name = common.Clean(name)
	when := ""
	if !today.IsZero() && today != asOf {
		when = " (today " + common.Day(today, asOf) + ")"
	}
	// The longest form that fits: brand, tabs, book name and the long date;
	// the brand goes first, then the weekday, then the name.
	brand := s.Brand.Render(" acctdesk ")
	type form struct{ left, right string }
	var forms []form
	for _, r := range []string{
		name + " · as of " + common.LongDay(asOf) + when,
		name + " · as of " + common.LongDay(asOf),
		name + " · as of " + asOf.Format("2 Jan 2006"),
	} {
		forms = append(forms, form{brand + tabLine, r})
	}
	for _, line := range []string{tabLine, keyLine} {
		for _, r := range []string{
			name + " · as of " + asOf.Format("2 Jan 2006"),
			name + " · " + asOf.Format("2 Jan 2006"),
			asOf.Format("2 Jan 2006"),
		} {
			forms = append(forms, form{" " + line, r})
		}
	}
	for _, f := range forms {
		lw, rw := common.Width(f.left), common.Width(f.right)
		if lw+rw+2 <= w {
			return f.left + s.TopBar.Render(strings.Repeat(" ", w-lw-rw-1)+f.right+" ")
		}
	}
	return s.TopBar.Render(common.Fit(" "+keyLine, w))
}
