package reports

import (
	"fmt"
	"strings"

	"acctdesk/desk"
	"acctdesk/domain"
	"acctdesk/report"
	"acctdesk/ui/common"
)

// sheet is a report made for the screen: its table (what x writes), and
// each cell as a line of the screen with each column's width, worked out
// once in the command that made it.
type sheet struct {
	name   string
	period string // the period it was made over ("" for a report without one)
	asOf   domain.Date
	table  *report.Table
	err    string // why the report could not be made
	cols   []column
	cells  [][]string
	rows   common.List // the cursor on the rows
	first  int         // the first column shown after the first (← →)
}

// column is a report column as the screen draws it.
type column struct {
	title string
	width int
	right bool // a number: aligned right, never cut
}

// The widest a text column is drawn; the rest is cut with an ellipsis.
const maxText = 36

// tableHead are the lines above the rows: the title, what the report is,
// the column headings.
const tableHead = 3

// sheetOf makes a report over the view's facts.
func sheetOf(name string, v *desk.View, period string) *sheet {
	s := &sheet{name: name, asOf: v.AsOf}
	if report.UsesPeriod[name] {
		s.period = period
	}
	r, err := report.Lookup(name)
	if err != nil {
		s.err = err.Error()
		return s
	}
	facts := make([]*domain.Facts, len(v.Sums))
	for i := range v.Sums {
		facts[i] = v.Sums[i].Facts
	}
	t := report.Of(r, Input(v, period), v.Settings, facts)
	if t.Name == "" {
		t.Name = name
	}
	s.table = t
	s.cols = make([]column, len(t.Columns))
	for i, c := range t.Columns {
		title := c.Title
		if title == "" {
			title = strings.ToUpper(strings.ReplaceAll(c.Key, "_", " "))
		}
		title = common.Clean(title)
		s.cols[i] = column{title: title, width: common.Width(title), right: c.Kind.Numeric()}
	}
	s.cells = make([][]string, len(t.Rows))
	for ri, row := range t.Rows {
		s.cells[ri] = make([]string, len(row))
		for i, c := range row {
			text := common.Clean(c.Human)
			s.cells[ri][i] = text
			if i < len(s.cols) {
				s.cols[i].width = max(s.cols[i].width, common.Width(text))
			}
		}
	}
	for i := range s.cols {
		if !s.cols[i].right {
			s.cols[i].width = min(s.cols[i].width, maxText)
		}
	}
	s.rows = common.List{Len: len(s.cells)}
	return s
}

func (s *sheet) resize(h int) { s.rows = s.rows.Resize(max(h, 1)) }

// shown are the columns on screen in w cells: the first always, then from
// first on as many as fit (a text column cut to what is left, when that is
// at least 6 cells), with their widths.
func (s *sheet) shown(w int) (idx, widths []int) {
	if len(s.cols) == 0 {
		return nil, nil
	}
	room := w
	add := func(i int) bool {
		c := s.cols[i]
		need := c.width
		if len(idx) > 0 {
			need += 2
		}
		switch {
		case need <= room:
			idx, widths = append(idx, i), append(widths, c.width)
			room -= need
			return true
		case !c.right && room-2 >= 6 && len(idx) > 0:
			idx, widths = append(idx, i), append(widths, room-2)
			room = 0
		case len(idx) == 0:
			idx, widths = append(idx, i), append(widths, room)
			room = 0
		}
		return false
	}
	add(0)
	for i := 1 + s.first; i < len(s.cols) && room > 0; i++ {
		if !add(i) {
			break
		}
	}
	return idx, widths
}

// line draws one row (or the headings) in the columns shown.
func (s *sheet) line(cells []string, idx, widths []int) string {
	var b strings.Builder
	for k, i := range idx {
		if k > 0 {
			b.WriteString("  ")
		}
		text := ""
		if i < len(cells) {
			text = cells[i]
		}
		if s.cols[i].right {
			b.WriteString(common.FitRight(text, widths[k]))
		} else {
			b.WriteString(common.Fit(text, widths[k]))
		}
	}
	return b.String()
}

// span says which columns are shown: "columns 1–7 of 11".
func span(idx []int, n int) string {
	if len(idx) == n {
		return common.Count(n, "column")
	}
	switch {
	case len(idx) == 1:
		return fmt.Sprintf("column 1 of %d", n)
	case idx[1] == 1:
		return fmt.Sprintf("columns 1–%d of %d", idx[len(idx)-1]+1, n)
	case len(idx) == 2:
		return fmt.Sprintf("columns 1, %d of %d", idx[1]+1, n)
	}
	return fmt.Sprintf("columns 1, %d–%d of %d", idx[1]+1, idx[len(idx)-1]+1, n)
}
