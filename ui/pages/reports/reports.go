// Package reports is the Reports page (SPEC §11.2): every report of
// `acctdesk report` with what it is, enter to see its table over the
// view's facts as of the workstation's date (over the 12 months ending it
// where a period is needed, or, with p, this or last month, quarter or
// year), scrolled with the list keys and ← →, and x to write it as a
// workbook into the documents directory.
package reports

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"acctdesk/desk"
	"acctdesk/docs"
	"acctdesk/domain"
	"acctdesk/report"
	"acctdesk/ui/common"
)

// Page is the reports page: the list of reports, or one report's table.
type Page struct {
	common.Common
	view  *desk.View
	list  common.List // the cursor on report.Names
	sheet *sheet      // the report shown; nil on the list
	// want is the report asked for with enter and not yet shown; seq
	// numbers the makings, so that the answer for an older view or
	// another report is dropped.
	want string
	seq  int
	// made are the tables of the view shown, by report and period: made
	// once a view.
	made map[string]*sheet
	// periods are the view's Periods, and period the index of the one the
	// reports that need one are made over (p steps through them).
	periods []string
	period  int
}

// New makes the reports page.
func New(c common.Common) *Page {
	return &Page{Common: c, list: common.List{Len: len(report.Names)}, made: map[string]*sheet{}}
}

// Info declares the page: its number key is 8.
func (p *Page) Info() common.PageInfo {
	return common.PageInfo{Name: "Reports", KeyHelp: "reports", Number: 8}
}

// Tab is the page's label in the top bar.
func (p *Page) Tab() string { return "Reports" }

// SetSize sets the page's size.
func (p *Page) SetSize(w, h int) {
	p.Width, p.Height = w, h
	p.list = p.list.Resize(h - 2)
	if p.sheet != nil {
		p.sheet.resize(h - tableHead)
	}
}

// madeMsg is the answer to the making numbered seq.
type madeMsg struct {
	seq   int
	view  *desk.View
	sheet *sheet
}

// exported says where a report was written, or why it was not.
type exported struct {
	path string
	rows int
	err  error
}

// Update makes the report asked for (and the one shown, again, for each
// new view) in a command, and handles the keys.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.ViewMsg:
		p.view = msg.View
		p.periods = Periods(msg.View.AsOf)
		p.made = map[string]*sheet{}
		if p.sheet != nil {
			return p.make(p.sheet.name)
		}
	case madeMsg:
		if msg.seq != p.seq || msg.view != p.view {
			return nil
		}
		p.made[madeKey(msg.sheet.name, msg.sheet.period)] = msg.sheet
		if p.want == msg.sheet.name && msg.sheet.period == p.periodFor(msg.sheet.name) {
			p.show(msg.sheet)
		}
	case exported:
		if msg.err != nil {
			return common.ErrorCmd("No workbook: " + common.Clean(msg.err.Error()))
		}
		// The file's name first, then its directory: a narrow status line
		// cuts the end, not the name (as S says where a statement went).
		dir, name := filepath.Split(msg.path)
		if home, err := os.UserHomeDir(); err == nil && home != "" && strings.HasPrefix(dir, home+string(os.PathSeparator)) {
			dir = "~" + dir[len(home):]
		}
		return common.InfoCmd(fmt.Sprintf("Wrote %s in %s (%s)", common.Clean(name), common.Clean(dir), common.Count(msg.rows, "row")))
	case tea.KeyMsg:
		return p.key(msg)
	}
	return nil
}

// show puts a table on screen, where the one it replaces was scrolled to
// when it is the same report.
func (p *Page) show(s *sheet) {
	if old := p.sheet; old != nil && old.name == s.name {
		s.first, s.rows.Cursor, s.rows.Offset = old.first, old.rows.Cursor, old.rows.Offset
	}
	s.resize(p.Height - tableHead)
	p.sheet = s
}

// make makes a report over the view's facts as of the view's date, in a
// command: at once when the view already has it.
func (p *Page) make(name string) tea.Cmd {
	p.want = name
	period := p.periodFor(name)
	if s, ok := p.made[madeKey(name, period)]; ok {
		p.show(s)
		return nil
	}
	if p.view == nil {
		return nil
	}
	p.seq++
	seq, v := p.seq, p.view
	return func() tea.Msg { return madeMsg{seq, v, sheetOf(name, v, period)} }
}

func madeKey(name, period string) string { return name + " " + period }

// periodFor is the period a report is made over: the one chosen, "" for
// a report that needs none.
func (p *Page) periodFor(name string) string {
	if !report.UsesPeriod[name] {
		return ""
	}
	return p.chosen()
}

// chosen is the period chosen with p ("" before a view has come).
func (p *Page) chosen() string {
	if len(p.periods) == 0 {
		return ""
	}
	return p.periods[p.period%len(p.periods)]
}

// Periods are the periods p steps through, as --period writes them: the
// 12 months ending the date, its month and the one before, its quarter
// and the one before, its year and the one before.
func Periods(asOf domain.Date) []string {
	y, _, _ := asOf.Parts()
	return []string{"12m", domain.MonthName(asOf), domain.MonthName(asOf.MonthStart().AddDays(-1)),
		domain.QuarterName(asOf), domain.QuarterName(asOf.QuarterStart().AddDays(-1)), strconv.Itoa(y), strconv.Itoa(y - 1)}
}

// Input is what the page asks every report for: the view's date, the
// period (12m when "" or not a period), everyone's accounts.
func Input(v *desk.View, period string) report.Input {
	in := report.Input{AsOf: v.AsOf}
	var err error
	if in.Period, err = domain.ParsePeriod(period, v.AsOf); err != nil {
		in.Period, _ = domain.ParsePeriod("12m", v.AsOf)
	}
	return in
}

func (p *Page) key(km tea.KeyMsg) tea.Cmd {
	k := p.Keys
	if key.Matches(km, period) {
		p.period++
		if p.sheet != nil && report.UsesPeriod[p.sheet.name] {
			return p.make(p.sheet.name)
		}
		return nil
	}
	if p.sheet == nil {
		if l, ok := common.NavKey(p.list, km, k); ok {
			p.list = l
			return nil
		}
		switch {
		case key.Matches(km, k.Open):
			return p.make(report.Names[p.list.Cursor])
		case key.Matches(km, k.Export):
			name := report.Names[p.list.Cursor]
			if s, ok := p.made[name]; ok {
				return p.export(s)
			}
			if p.view == nil {
				return nil
			}
			dir, v, period := p.DocsDir, p.view, p.periodFor(name)
			return func() tea.Msg { return write(dir, sheetOf(name, v, period)) }
		}
		return nil
	}
	s := p.sheet
	if l, ok := common.NavKey(s.rows, km, k); ok {
		s.rows = l
		return nil
	}
	switch {
	case key.Matches(km, k.Back):
		p.sheet, p.want = nil, ""
	case key.Matches(km, k.Export):
		return p.export(s)
	case key.Matches(km, k.NextTab), key.Matches(km, right):
		s.first = min(s.first+1, max(len(s.cols)-1, 0))
	case key.Matches(km, k.PrevTab), key.Matches(km, left):
		s.first = max(s.first-1, 0)
	}
	return nil
}

// The columns scroll with the arrows too (and tab, shift+tab, as the
// account's tabs do).
var (
	left   = key.NewBinding(key.WithKeys("left"), key.WithHelp("←", "columns left"))
	right  = key.NewBinding(key.WithKeys("right"), key.WithHelp("→", "columns right"))
	period = key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "next period"))
)

// export writes the report shown as a workbook, in a command (write).
func (p *Page) export(s *sheet) tea.Cmd {
	dir := p.DocsDir
	return func() tea.Msg { return write(dir, s) }
}

// write writes a report as a workbook into the documents directory (made
// when missing), whole and durably (docs.WriteFile), as
// report-NAME-DATE.xlsx.
func write(dir string, s *sheet) exported {
	switch {
	case s.err != "":
		return exported{err: errors.New(s.err)}
	case dir == "":
		return exported{err: errors.New("no documents directory: set documents_dir in the config file")}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return exported{err: err}
	}
	t := s.table
	name := t.Name
	if s.period != "" {
		name += "-" + s.period
	}
	path := filepath.Join(dir, docs.FileName("report", name, s.asOf, "xlsx"))
	if err := docs.WriteFile(path, func(w io.Writer) error { return t.Write(w, "xlsx") }); err != nil {
		return exported{err: err}
	}
	return exported{path: path, rows: len(t.Rows)}
}

// ShortHelp is the page's key summary.
func (p *Page) ShortHelp() []key.Binding {
	k := p.Keys
	if p.sheet == nil {
		return []key.Binding{help(k.Open.Help().Key, "show the report"), k.Export, period}
	}
	return []key.Binding{help("←/→", "columns"), k.Export, period, help(k.Back.Help().Key, "the reports")}
}

// FullHelp is every key of the page.
func (p *Page) FullHelp() [][]key.Binding {
	k := p.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, p.ShortHelp()}
}

func help(keys, text string) key.Binding {
	return key.NewBinding(key.WithKeys(), key.WithHelp(keys, text))
}
