package importer

import (
	"fmt"
	"io"
	"strings"

	"acctdesk/domain"

	"github.com/xuri/excelize/v2"
)

// xlsxSource reads one sheet of a workbook, row by row (excelize streams
// the sheet's XML), as the raw cell values: a number as stored ("80.06999999999999"),
// a date as its serial, a boolean as 1 or 0, a formula as its cached value.
// The column readers interpret them by what the column holds.
type xlsxSource struct {
	f        *excelize.File
	rows     *excelize.Rows
	name     string
	row      int
	date1904 bool
	// headerNote is said after a header problem: the first sheet was read
	// and the workbook has others, which --sheet picks.
	headerNote string
}

func openXLSX(r io.Reader, opt Options) (source, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, fmt.Errorf("the file is a zip archive but not a workbook excelize can open (%s); save it as .xlsx or CSV", domain.Safe(err.Error()))
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		f.Close()
		return nil, fmt.Errorf("the workbook has no sheet")
	}
	name := sheets[0]
	if opt.Sheet != "" {
		name = ""
		for _, s := range sheets {
			if strings.EqualFold(strings.TrimSpace(s), strings.TrimSpace(opt.Sheet)) {
				name = s
			}
		}
		if name == "" {
			safe := make([]string, len(sheets))
			for i, s := range sheets {
				safe[i] = fmt.Sprintf("%q", domain.Safe(s))
			}
			f.Close()
			return nil, fmt.Errorf("--sheet %q: the workbook has no such sheet (its sheets: %s)", domain.Safe(opt.Sheet), strings.Join(safe, ", "))
		}
	}
	s := &xlsxSource{f: f, name: name}
	if opt.Sheet == "" && len(sheets) > 1 {
		quoted := make([]string, len(sheets))
		for i, sh := range sheets {
			quoted[i] = fmt.Sprintf("%q", domain.Safe(sh))
		}
		s.headerNote = fmt.Sprintf("; that is the first sheet, %s, of the workbook's %s: pick another with --sheet NAME",
			quoted[0], strings.Join(quoted, ", "))
	}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		s.date1904 = *props.Date1904
	}
	if s.rows, err = f.Rows(name); err != nil {
		f.Close()
		return nil, fmt.Errorf("sheet %q: %s", domain.Safe(name), domain.Safe(err.Error()))
	}
	return s, nil
}

func (s *xlsxSource) next() ([]string, int, error) {
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return nil, 0, fmt.Errorf("sheet %q, row %d: %s", domain.Safe(s.name), s.row+1, domain.Safe(err.Error()))
		}
		return nil, 0, io.EOF
	}
	s.row++
	cells, err := s.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, s.row, &rowProblem{line: s.row, field: -1, reason: domain.Safe(err.Error())}
	}
	return cells, s.row, nil
}

// width: a sheet's rows end at their last cell, so a short row is only
// empty cells; a cell beyond the header's last column holds a value that
// belongs to no column.
func (s *xlsxSource) width(rec []string, width int) string {
	for i := width; i < len(rec); i++ {
		if strings.TrimSpace(rec[i]) != "" {
			return fmt.Sprintf("cell %s holds a value beyond the header's last column (%d columns)", s.cell(i, s.row), width)
		}
	}
	return ""
}

func (s *xlsxSource) typed() bool { return true }

func (s *xlsxSource) cell(i, line int) string {
	name, err := excelize.CoordinatesToCellName(i+1, line)
	if err != nil {
		return ""
	}
	return name
}

func (s *xlsxSource) progress() float64   { return -1 }
func (s *xlsxSource) scale(int64) float64 { return 0 }
func (s *xlsxSource) format() string      { return "xlsx" }
func (s *xlsxSource) sheet() string       { return s.name }

func (s *xlsxSource) close() {
	s.rows.Close()
	s.f.Close()
}
