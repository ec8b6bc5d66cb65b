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
	total := 0.0
	for _, w := range ws {
		total += w
	}
	if total > 0 && (total > pdfWidth || len(t.Cols) > 3) {
		for i := range ws {
			ws[i] *= pdfWidth / total
		}
	}
	row := func(cells []string, style string, fill bool) {
		pdf.SetFont(pdfFont, style, pdfSize)
		for i, c := range t.Cols {
			v, align := "", "L"
			if i < len(cells) {
				v = plain(cells[i])
			}
			if c.Right {
				align = "R"
			}
			border := "B"
			if fill {
				border = ""
			}
			pdf.CellFormat(ws[i], pdfRow, v, border, 0, align, fill, 0, "")
		}
		pdf.Ln(pdfRow)
	}
	head := func() {
		pdf.SetFillColor(235, 235, 235)
		pdf.SetDrawColor(200, 200, 200)
		row(titles, "B", true)
	}
	room := func() bool {
		if pdf.GetY()+pdfRow > limit {
			pdf.AddPage()
			return true
		}
		return false
	}
	if pdf.GetY()+2*pdfRow > limit {
		pdf.AddPage()
	}
	head()
	for _, r := range t.Rows {
		if room() {
			head()
		}
		row(r, "", false)
	}
	for _, r := range t.Foot {
		if room() {
			head()
		}
		row(r, "B", false)
	}
}
