// Command toxlsx writes a canonical import CSV as an Excel workbook the way
// a spreadsheet keeps it — dates as date cells, amounts as numbers — so that
// imports of workbooks can be timed and compared with the CSV's:
//
//	go run ./bench/toxlsx --in invoices.csv --out invoices.xlsx
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

func main() {
	in := flag.String("in", "", "the CSV `FILE`")
	out := flag.String("out", "", "the workbook `FILE`")
	layout := flag.String("date-format", "2006-01-02", "the Go `LAYOUT` of the CSV's dates")
	flag.Parse()
	if err := convert(*in, *out, *layout); err != nil {
		fmt.Fprintln(os.Stderr, "toxlsx:", err)
		os.Exit(1)
	}
}

func convert(in, out, layout string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		return err
	}
	wb := excelize.NewFile()
	defer wb.Close()
	sw, err := wb.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	dateStyle, err := wb.NewStyle(&excelize.Style{NumFmt: 14}) // m/d/yyyy, as Excel shows a date
	if err != nil {
		return err
	}
	row := make([]any, len(header))
	for i, h := range header {
		row[i] = h
	}
	if err := sw.SetRow("A1", row); err != nil {
		return err
	}
	for n := 2; ; n++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		for i, v := range rec {
			row[i] = cell(header[i], v, layout, dateStyle)
		}
		axis, _ := excelize.CoordinatesToCellName(1, n)
		if err := sw.SetRow(axis, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return wb.SaveAs(out)
}

// cell is a value as a spreadsheet holds it: a date column's dates as
// dates, numbers as numbers, the rest as text.
func cell(col, v, layout string, dateStyle int) any {
	if v == "" {
		return nil
	}
	lc := strings.ToLower(col)
	if strings.Contains(lc, "date") || strings.HasSuffix(lc, "_on") {
		if t, err := time.Parse(layout, v); err == nil {
			return excelize.Cell{StyleID: dateStyle, Value: t}
		}
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil && !strings.ContainsAny(v, "eE") {
		return f
	}
	return v
}
