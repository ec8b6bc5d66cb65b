package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"acctdesk/domain"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// xlsx writes the table as a workbook of one sheet named after the report:
// a bold header row of the csv keys, frozen, with an autofilter over the
// header and the data rows (not the TOTAL rows, which stay rows under them,
// in bold), columns as wide as their widest cell. Every cell is typed by its
// column's kind: amounts, counts, days and percentages are number cells
// (an amount with its currency's places as the number format, #,##0.00 or
// #,##0), dates are date cells (yyyy-mm-dd), instants date-time cells in UTC,
// an empty cell is no cell. Text is a string cell, through domain.Safe; no
// cell is ever a formula, so text beginning with = + - @ stays text.
//
// Rows go through excelize's StreamWriter, which writes each row out as it
// comes instead of keeping a cell tree of the sheet: a book of 10,000
// accounts is a few MB at most.
//
// A number cell is a binary double, as Excel and every reader keep it: the
// value written is the double nearest the exact decimal, written in its
// shortest form, which is the decimal's own text for any amount of up to 15
// significant digits (Excel's own precision).
func (t *Table) xlsx(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := sheetName(t.Name)
	if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
		return err
	}
	ncol := max(len(t.Columns), 1)
	last, err := excelize.ColumnNumberToName(ncol)
	if err != nil {
		return err
	}
	data := max(len(t.Rows)-t.Totals, 0)
	// The autofilter is set on the sheet before the stream writer takes it
	// over: the writer keeps what the sheet already has and writes it out
	// after the rows.
	if err := f.AutoFilter(sheet, "A1:"+last+strconv.Itoa(1+data), nil); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	st := &styles{f: f, ids: map[styleKey]int{}}
	for i, width := range t.widths() {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	head := make([]any, len(t.Columns))
	bold, err := st.id(styleKey{bold: true})
	if err != nil {
		return err
	}
	for i, c := range t.Columns {
		head[i] = excelize.Cell{StyleID: bold, Value: domain.Safe(c.Key)}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	vals := make([]any, len(t.Columns))
	for ri, r := range t.Rows {
		total := ri >= data
		for i := range vals {
			vals[i] = nil
			if i < len(r) {
				if vals[i], err = st.cell(t.Columns[i].Kind, r[i], total); err != nil {
					return err
				}
			}
		}
		if err := sw.SetRow("A"+strconv.Itoa(ri+2), vals); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// sheetName is the report's name as a sheet may be named: at most 31
// characters, none of : \ / ? * [ ].
func sheetName(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '-'
		}
		return r
	}, domain.Safe(name))
	if name == "" {
		return "report"
	}
	if r := []rune(name); len(r) > 31 {
		name = string(r[:31])
	}
	return name
}

// widths are the columns' widths in characters: the widest of the key and
// the cells as the table shows them (grouped amounts), a date's or an
// instant's display, plus a margin; at most 60.
func (t *Table) widths() []float64 {
	out := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		n := cellWidth(oneLine(c.Key))
		switch c.Kind {
		case Date:
			n = max(n, len("2006-01-02"))
		case Time:
			n = max(n, len("2006-01-02 15:04:05"))
		}
		for _, r := range t.Rows {
			if i < len(r) && c.Kind != Date && c.Kind != Time {
				n = max(n, cellWidth(oneLine(r[i].Human)))
			}
		}
		out[i] = float64(min(n+2, 60))
	}
	return out
}

// styleKey is a cell style: bold or not, and a number format ("" for none).
type styleKey struct {
	bold   bool
	numFmt string
}

// styles makes each style the workbook needs once.
type styles struct {
	f   *excelize.File
	ids map[styleKey]int
}

func (s *styles) id(k styleKey) (int, error) {
	if id, ok := s.ids[k]; ok {
		return id, nil
	}
	st := &excelize.Style{}
	if k.bold {
		st.Font = &excelize.Font{Bold: true}
	}
	if k.numFmt != "" {
		nf := k.numFmt
		st.CustomNumFmt = &nf
	}
	id, err := s.f.NewStyle(st)
	if err != nil {
		return 0, err
	}
	s.ids[k] = id
	return id, nil
}

// cell is a report cell as a typed workbook cell: nil when empty; a string
// cell when its text does not read as its kind (it always does from the
// reports; a hand-made Table may differ).
func (s *styles) cell(k Kind, c Cell, bold bool) (any, error) {
	plain := domain.Safe(c.Plain)
	if plain == "" {
		return nil, nil
	}
	var v any
	numFmt := ""
	switch k {
	case Money, Number, Days, Percent:
		d, err := decimal.NewFromString(plain)
		if err != nil {
			break
		}
		f, err := strconv.ParseFloat(d.String(), 64)
		if err != nil {
			break
		}
		v = f
		switch k {
		case Money:
			places := int(-d.Exponent())
			if c.Cur != "" {
				places = int(c.Cur.Places())
			}
			numFmt = "#,##0" + fraction(places)
		case Days, Percent:
			numFmt = "0.0"
		default:
			numFmt = "0" + fraction(int(-d.Exponent()))
		}
	case Count:
		if n, err := strconv.ParseInt(plain, 10, 64); err == nil {
			v, numFmt = n, "0"
		}
	case Date:
		if d, err := time.Parse(time.DateOnly, plain); err == nil {
			v, numFmt = d, "yyyy-mm-dd"
		}
	case Time:
		if d, err := time.Parse(time.RFC3339, plain); err == nil {
			v, numFmt = d.UTC(), "yyyy-mm-dd hh:mm:ss"
		}
	}
	if v == nil {
		v = plain // text, or a value that is not of its column's kind
	}
	if !bold && numFmt == "" {
		return v, nil
	}
	id, err := s.id(styleKey{bold, numFmt})
	if err != nil {
		return nil, fmt.Errorf("workbook style: %w", err)
	}
	return excelize.Cell{StyleID: id, Value: v}, nil
}

// fraction is the part of a number format after the units: ".00" for 2 places.
func fraction(places int) string {
	if places <= 0 {
		return ""
	}
	return "." + strings.Repeat("0", places)
}
