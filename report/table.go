// Package report builds the reports of SPEC §4 from a book as of a date and
// prints them as a table for people, as csv or json for other programs, or
// as an xlsx workbook (xlsx.go).
package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"acctdesk/domain"

	"github.com/charmbracelet/x/ansi"
)

// Kind tells how a cell prints in json, aligns in a table and is typed in a
// workbook. Every numeric kind prints in json as a number (null when empty)
// and aligns right; Date and Time print as Text does (json strings, left),
// and are date cells in a workbook.
type Kind int

const (
	Text    Kind = iota // a json string, left-aligned
	Number              // a number of no particular kind, with the places its text has (a score)
	Money               // an amount in the cell's currency (Cell.Cur): its places
	Count               // a whole number: a tier, a rank, a period's days
	Days                // days to one decimal (DSO, ADD)
	Percent             // a percentage to one decimal: 65.0 is 65 %
	Date                // a business date, YYYY-MM-DD
	Time                // an instant in UTC, RFC 3339
)

// Numeric reports whether cells of the kind are numbers.
func (k Kind) Numeric() bool { return k >= Number && k <= Percent }

// Column is a report column: its csv/json key and how its cells print.
type Column struct {
	Key   string
	Kind  Kind
	Title string // heading in the table form; derived from Key when empty
}

// Cell is one value: Plain for csv/json (and what a workbook's typed cell
// is read from), Human for the table; Cur is the currency of an amount.
type Cell struct {
	Plain string
	Human string
	Cur   domain.Currency
}

// T is a cell whose two forms are the same.
func T(s string) Cell { return Cell{Plain: s, Human: s} }

// Table is a report ready to print.
type Table struct {
	Name    string // the report's name: a workbook's sheet
	Columns []Column
	Rows    [][]Cell
	Totals  int // the last Totals rows are TOTAL rows (bold in a workbook)

	// PartColumns and Parts, when set, are what each row is made of, for
	// json only: each row's object ends with "parts", an array of objects
	// with PartColumns' keys (Parts(row), one cell per column), made only
	// when json asks. csv, the table and a workbook leave them out.
	PartColumns []Column
	Parts       func(row int) [][]Cell

	// Footer are lines the table form ends with, after a blank line (a
	// summary for people); csv, json and a workbook leave them out.
	Footer []string
}

// Formats a report can be printed in as text, on a terminal or a pipe.
var Formats = []string{"table", "csv", "json"}

// AllFormats are the text formats and xlsx, a binary workbook.
var AllFormats = append(append([]string{}, Formats...), "xlsx")

// Write prints the table in a format. Every cell, key and title goes
// through domain.Safe in every format: csv and json are printed on
// terminals too, and encoding/json escapes C0 controls but leaves C1
// controls (CSI), bidi and zero-width characters as they are. A book
// validates its text, so this changes nothing but what a hand-edited file
// holds, which then reads as visible escapes (\x1b) instead of driving
// the terminal.
func (t *Table) Write(w io.Writer, format string) error {
	switch format {
	case "csv":
		return t.csv(w)
	case "json":
		return t.json(w)
	case "table", "":
		return t.table(w)
	case "xlsx":
		return t.xlsx(w)
	}
	return fmt.Errorf("unknown format %q (use table, csv, json or xlsx)", format)
}

func (t *Table) csv(w io.Writer) error {
	cw := csv.NewWriter(w)
	keys := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		keys[i] = domain.Safe(c.Key)
	}
	cw.Write(keys)
	rec := make([]string, len(t.Columns))
	for _, r := range t.Rows {
		for i, c := range r {
			rec[i] = domain.Safe(c.Plain)
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

// json writes an array of objects with the csv keys, in column order; numbers
// keep their exact decimal text.
func (t *Table) json(w io.Writer) error {
	var b bytes.Buffer
	b.WriteString("[")
	for ri, r := range t.Rows {
		if ri > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		jsonFields(&b, t.Columns, r)
		if t.Parts != nil {
			b.WriteString(`, "parts": [`)
			parts := t.Parts(ri)
			for pi, part := range parts {
				if pi > 0 {
					b.WriteString(",")
				}
				b.WriteString("\n    {")
				jsonFields(&b, t.PartColumns, part)
				b.WriteString("}")
			}
			if len(parts) > 0 {
				b.WriteString("\n  ")
			}
			b.WriteString("]")
		}
		b.WriteString("}")
	}
	if len(t.Rows) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	_, err := w.Write(b.Bytes())
	return err
}

// jsonFields writes a row's cells as the fields of a json object, keyed by
// the columns' keys.
func jsonFields(b *bytes.Buffer, cols []Column, r []Cell) {
	for i, c := range r {
		if i > 0 {
			b.WriteString(", ")
		}
		k, _ := json.Marshal(domain.Safe(cols[i].Key))
		b.Write(k)
		b.WriteString(": ")
		plain := domain.Safe(c.Plain)
		switch {
		case cols[i].Kind.Numeric() && plain == "":
			b.WriteString("null")
		case cols[i].Kind.Numeric():
			b.WriteString(plain)
		default:
			v, _ := json.Marshal(plain)
			b.Write(v)
		}
	}
}

// table aligns columns for people: numbers right, text left, by the width
// each cell takes on a terminal (a CJK character or an emoji takes two
// columns, a combining accent none), as the workstation measures it. Each
// cell is Safe and on one line (a newline or tab in a note reads as a
// space), so no row can break in two or look like another.
func (t *Table) table(w io.Writer) error {
	width := make([]int, len(t.Columns))
	for i, c := range t.Columns {
		width[i] = max(cellWidth(c.Key), cellWidth(c.Title))
	}
	rows := make([][]string, len(t.Rows))
	for ri, r := range t.Rows {
		rows[ri] = make([]string, len(r))
		for i, c := range r {
			rows[ri][i] = oneLine(c.Human)
			if n := cellWidth(rows[ri][i]); n > width[i] {
				width[i] = n
			}
		}
	}
	var b strings.Builder
	line := func(cells []string) {
		for i, s := range cells {
			pad := strings.Repeat(" ", width[i]-cellWidth(s))
			if i > 0 {
				b.WriteString("  ")
			}
			if t.Columns[i].Kind.Numeric() {
				b.WriteString(pad + s)
			} else if i < len(cells)-1 {
				b.WriteString(s + pad)
			} else {
				b.WriteString(s)
			}
		}
		b.WriteString("\n")
	}
	head := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = c.Title
		if head[i] == "" {
			head[i] = strings.ToUpper(strings.ReplaceAll(c.Key, "_", " "))
		}
		head[i] = oneLine(head[i])
	}
	line(head)
	for _, r := range rows {
		line(r)
	}
	if len(t.Footer) > 0 {
		b.WriteString("\n")
		for _, f := range t.Footer {
			b.WriteString(oneLine(f) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cellWidth is how many terminal columns s takes (s is Safe: no control
// sequence is left in it to take none).
func cellWidth(s string) int { return ansi.StringWidth(s) }

// oneLine is a table cell: Safe, with newlines and tabs as spaces.
func oneLine(s string) string {
	s = domain.Safe(s)
	if !strings.ContainsAny(s, "\n\t") {
		return s
	}
	return strings.NewReplacer("\n", " ", "\t", " ").Replace(s)
}
