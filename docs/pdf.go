package docs

import (
	"fmt"
	"io"
	"time"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// The PDF is A4, in the Go fonts (embedded, UTF-8: Latin, Greek and
// Cyrillic names print as they are). Amounts carry the currency's code,
// never its sign (the fonts have no ₦). Every page repeats the document's
// title and header and says "page N of M"; a table cut by a page break
// repeats its column titles. With 5.5 mm rows a page holds about 40 rows
// of a table under the header.
const (
	pdfMargin = 15.0  // left, right and top, mm
	pdfBottom = 20.0  // room kept for the page number
	pdfRow    = 5.5   // height of a table row or a line, mm
	pdfWidth  = 180.0 // A4's 210 mm less the margins
	pdfFont   = "go"
	pdfSize   = 9.0
	pageAlias = "{nb}"
)

func writePDF(w io.Writer, d Doc) error {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(pdfMargin, pdfMargin, pdfMargin)
	pdf.SetAutoPageBreak(true, pdfBottom)
	pdf.AddUTF8FontFromBytes(pdfFont, "", goregular.TTF)
	pdf.AddUTF8FontFromBytes(pdfFont, "B", gobold.TTF)
	pdf.SetTitle(plain(d.Title), true)
	pdf.SetCreator("acctdesk", true)
	pdf.SetCatalogSort(true)
	created := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if t, err := time.Parse("2006-01-02", d.Created); err == nil {
		created = t
	}
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.AliasNbPages(pageAlias)
	pdf.SetHeaderFunc(func() {
		pdf.SetFont(pdfFont, "B", 14)
		pdf.CellFormat(0, 8, plain(d.Title), "", 1, "L", false, 0, "")
		pdf.SetFont(pdfFont, "", pdfSize)
		for _, l := range d.Header {
			pdf.CellFormat(0, 4.5, plain(l), "", 1, "L", false, 0, "")
		}
		y := pdf.GetY() + 1.5
		pdf.SetDrawColor(150, 150, 150)
		pdf.Line(pdfMargin, y, pdfMargin+pdfWidth, y)
		pdf.SetY(y + 3)
	})
	pdf.SetFooterFunc(func() {
		pdf.SetY(-12)
		pdf.SetFont(pdfFont, "", 8)
		pdf.CellFormat(0, 5, fmt.Sprintf("page %d of %s", pdf.PageNo(), pageAlias), "", 0, "R", false, 0, "")
	})
	pdf.AddPage()
	_, pageH := pdf.GetPageSize()
	limit := pageH - pdfBottom
	room := func(h float64) {
		if pdf.GetY()+h > limit {
			pdf.AddPage()
		}
	}
	for _, bl := range d.Blocks {
		if bl.Heading != "" {
			room(3 + 7 + 2*pdfRow) // a heading is never the last line of a page
			pdf.Ln(3)
			pdf.SetFont(pdfFont, "B", 11)
			pdf.CellFormat(0, 7, plain(bl.Heading), "", 1, "L", false, 0, "")
		}
		pdf.SetFont(pdfFont, "", pdfSize)
		for _, l := range bl.Lines {
			room(pdfRow)
			pdf.CellFormat(0, pdfRow, plain(l), "", 1, "L", false, 0, "")
		}
		if bl.Table != nil {
			pdfTable(pdf, bl.Table, limit)
		}
	}
	if err := pdf.Error(); err != nil {
		return err
	}
	return pdf.Output(w)
}

func pdfTable(pdf *fpdf.Fpdf, t *Table, limit float64) {
	if len(t.Rows) == 0 && len(t.Foot) == 0 {
		if t.Empty != "" {
			pdf.SetFont(pdfFont, "", pdfSize)
			pdf.CellFormat(0, pdfRow, plain(t.Empty), "", 1, "L", false, 0, "")
		}
		return
	}
	// Each column as wide as its widest value (bold for the titles and
	// totals), then all of them widened, or narrowed, to the page.
	ws := make([]float64, len(t.Cols))
	measure := func(style string, rows [][]string) {
		pdf.SetFont(pdfFont, style, pdfSize)
		for _, r := range rows {
			for i := range min(len(r), len(ws)) {
				ws[i] = max(ws[i], pdf.GetStringWidth(plain(r[i]))+3)
			}
		}
	}
	titles := make([]string, len(t.Cols))
	for i, c := range t.Cols {
		titles[i] = c.Title
	}
	measure("B", [][]string{titles})
	measure("", t.Rows)
	measure("B", t.Foot)
	fitColumns(ws, pdfWidth)
	// A cell wider than its column wraps: a row is as tall as its
	// longest cell (a contract's SLA, an issue's summary).
	aligns := make([]string, len(t.Cols))
	for i, c := range t.Cols {
		aligns[i] = "L"
		if c.Right {
			aligns[i] = "R"
		}
	}
	lay := func(cells []string, style string) ([][]string, float64) {
		pdf.SetFont(pdfFont, style, pdfSize)
		lines := make([][]string, len(t.Cols))
		n := 1
		for i := range t.Cols {
			v := ""
			if i < len(cells) {
				v = plain(cells[i])
			}
			ls := pdf.SplitText(v, ws[i]) // it keeps the cell margins itself
			if len(ls) == 0 {
				ls = []string{""}
			}
			lines[i], n = ls, max(n, len(ls))
		}
		return lines, float64(n) * pdfRow
	}
	row := func(lines [][]string, h float64, style string, fill bool) {
		pdf.SetFont(pdfFont, style, pdfSize)
		x0, y0 := pdf.GetX(), pdf.GetY()
		x := x0
		for i := range t.Cols {
			for j := range int(h/pdfRow + 0.5) {
				v := ""
				if j < len(lines[i]) {
					v = lines[i][j]
				}
				pdf.SetXY(x, y0+float64(j)*pdfRow)
				pdf.CellFormat(ws[i], pdfRow, v, "", 0, aligns[i], fill, 0, "")
			}
			x += ws[i]
		}
		if !fill {
			pdf.Line(x0, y0+h, x, y0+h)
		}
		pdf.SetXY(x0, y0+h)
	}
	head := func() {
		pdf.SetFillColor(235, 235, 235)
		pdf.SetDrawColor(200, 200, 200)
		ls, h := lay(titles, "B")
		row(ls, h, "B", true)
	}
	_, titleH := lay(titles, "B")
	body := func(cells []string, style string) {
		ls, h := lay(cells, style)
		if pdf.GetY()+h > limit {
			pdf.AddPage()
			head()
		}
		row(ls, h, style, false)
	}
	if pdf.GetY()+titleH+pdfRow > limit {
		pdf.AddPage()
	}
	head()
	for _, r := range t.Rows {
		body(r, "")
	}
	for _, r := range t.Foot {
		body(r, "B")
	}
}

// fitColumns fits natural column widths to the page: a table narrower
// than the page with more than three columns is widened in proportion; a
// wider one keeps every column that fits its fair share as it is and
// shares what is left among the wide ones (which wrap), so a long text
// never squeezes the dates and amounts beside it.
func fitColumns(ws []float64, width float64) {
	total := 0.0
	for _, w := range ws {
		total += w
	}
	switch {
	case total <= 0:
	case total <= width:
		if len(ws) > 3 {
			for i := range ws {
				ws[i] *= width / total
			}
		}
	default:
		wide := make([]bool, len(ws))
		for i := range wide {
			wide[i] = true
		}
		left, n := width, len(ws)
		for n > 0 {
			share, fixed := left/float64(n), false
			for i, w := range ws {
				if wide[i] && w <= share {
					wide[i], left, n, fixed = false, left-w, n-1, true
				}
			}
			if !fixed {
				for i := range ws {
					if wide[i] {
						ws[i] = share
					}
				}
				break
			}
		}
	}
}
