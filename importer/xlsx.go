package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"acctdesk/domain"
)

// cellKind is what a workbook cell holds, as its XML says (its t attribute,
// a formula without a saved value, a shared string that is not there). A CSV
// field is text: the zero kind.
type cellKind uint8

const (
	cellText   cellKind = iota // t="s", "str", "inlineStr"; every CSV field
	cellNumber                 // t="n" or none: the value is the stored double
	cellDated                  // a number cell whose format shows a date (its serial)
	cellTime                   // a number cell whose format shows only a time: a number
	cellBool                   // t="b": "1" or "0"
	cellError                  // t="e": "#N/A", …
	cellISO                    // t="d": an ISO 8601 date
	cellBad                    // unreadable: the value is the reason, naming the cell
)

// Limits against a zip bomb: a part is read up to maxPart bytes
// uncompressed, and a workbook's shared strings up to maxSharedStrings
// (variables for the tests).
var (
	maxPart          int64 = 1 << 30
	maxSharedStrings       = 1 << 24
)

const (
	maxRow = 1048576 // a sheet's last row
	maxCol = 16384   // XFD
)

// xlsxSource reads one sheet of a workbook, row by row, as typed cells: it
// opens the zip itself and streams the sheet's XML (excelize's streaming
// reader drops each cell's type). The column readers (values.go) read each
// cell by its kind: a text cell exactly as a CSV field, a number cell as
// its shortest decimal, a date cell as a date, a boolean never as an
// amount, a date or a code.
type xlsxSource struct {
	name     string
	date1904 bool
	ss       []string   // shared strings
	numXf    []numClass // by style index: the number format shows a date, a time or a number
	part     io.ReadCloser
	cnt      *countingReader
	total    int64 // the sheet part's uncompressed size
	start    int64 // bytes read when the header was
	sc       *xmlScanner
	row      int // the last row read
	header   bool
	rec      []string
	kinds    []cellKind
	vb, ib   []byte // a cell's <v> and inline text, reused
	// Once the header is read, a row is kept to its last name (keep): the
	// cells beyond are under no name (ignored) up to its last cell (names),
	// and beyond that a value is refused — a styled empty cell at XFD on
	// every row must not make each row 16,384 cells.
	keep, names int
	// headerNote is said after a header problem: the first sheet was read
	// and the workbook has others, which --sheet picks.
	headerNote string
}

func openXLSX(r io.Reader, opt Options) (source, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("the file is a zip archive but not a workbook (%s); save it as .xlsx or CSV", domain.Safe(err.Error()))
	}
	notBook := func(what string) error {
		return fmt.Errorf("the file is a zip archive but not a workbook (%s); save it as .xlsx or CSV", domain.Safe(what))
	}
	wbPath := "xl/workbook.xml"
	if rels, err := readRels(zr, "_rels/.rels", ""); err == nil {
		for _, rl := range rels {
			if strings.HasSuffix(rl.typ, "/officeDocument") {
				wbPath = rl.target
			}
		}
	}
	wb, err := readPart(zr, wbPath)
	if err != nil {
		return nil, notBook(err.Error())
	}
	type sheetRef struct {
		name, id, state string
		typ             string // its relationship's type: worksheet, chartsheet, …
	}
	var sheets []sheetRef
	s := &xlsxSource{}
	d := xml.NewDecoder(bytes.NewReader(wb))
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, notBook(wbPath + ": " + err.Error())
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "workbookPr":
			v := attr(se, "date1904")
			s.date1904 = v == "1" || strings.EqualFold(v, "true")
		case "sheet":
			ref := sheetRef{name: attr(se, "name"), state: attr(se, "state")}
			for _, a := range se.Attr {
				if a.Name.Local == "id" && a.Name.Space != "" {
					ref.id = a.Value
				}
			}
			sheets = append(sheets, ref)
		}
	}
	if len(sheets) == 0 {
		return nil, errors.New("the workbook has no sheet")
	}
	relsPath := path.Join(path.Dir(wbPath), "_rels", path.Base(wbPath)+".rels")
	rels, err := readRels(zr, relsPath, path.Dir(wbPath))
	if err != nil {
		return nil, notBook(err.Error())
	}
	var ssPath, stylesPath string
	parts := map[string]rel{}
	for _, rl := range rels {
		parts[rl.id] = rl
		switch {
		case strings.HasSuffix(rl.typ, "/sharedStrings"):
			ssPath = rl.target
		case strings.HasSuffix(rl.typ, "/styles"):
			stylesPath = rl.target
		}
	}
	// A sheet of cells is a worksheet; a sheet without a part is left to
	// be refused when chosen.
	cells := func(sh sheetRef) bool {
		return !strings.Contains(sh.typ, "sheet") || strings.HasSuffix(sh.typ, "/worksheet")
	}
	hidden := func(sh sheetRef) bool {
		return strings.EqualFold(sh.state, "hidden") || strings.EqualFold(sh.state, "veryHidden")
	}
	var named []string // the sheets, quoted, said what they are
	var ofCells []string
	for i := range sheets {
		sh := &sheets[i]
		if rl, ok := parts[sh.id]; ok {
			sh.typ = rl.typ
		}
		q := fmt.Sprintf("%q", domain.Safe(sh.name))
		if cells(*sh) {
			ofCells = append(ofCells, q)
		}
		switch {
		case strings.HasSuffix(sh.typ, "/chartsheet"):
			q += " (a chart)"
		case !cells(*sh):
			q += " (not a sheet of cells)"
		case hidden(*sh):
			q += " (hidden)"
		}
		named = append(named, q)
	}
	chosen := -1
	if opt.Sheet != "" {
		for i, sh := range sheets {
			if strings.EqualFold(strings.TrimSpace(sh.name), strings.TrimSpace(opt.Sheet)) {
				chosen = i
			}
		}
		if chosen < 0 {
			safe := make([]string, len(sheets))
			for i, sh := range sheets {
				safe[i] = fmt.Sprintf("%q", domain.Safe(sh.name))
			}
			return nil, fmt.Errorf("--sheet %q: the workbook has no such sheet (its sheets: %s)", domain.Safe(opt.Sheet), strings.Join(safe, ", "))
		}
		if sh := sheets[chosen]; !cells(sh) {
			what := "a chart"
			if !strings.HasSuffix(sh.typ, "/chartsheet") {
				what = "a dialog or macro sheet"
			}
			return nil, fmt.Errorf("--sheet %q: that sheet is %s, not a sheet of cells (the workbook's sheets of cells: %s)", domain.Safe(opt.Sheet), what, strings.Join(ofCells, ", "))
		}
	} else {
		// The first visible worksheet (a chart or a hidden lookup sheet may
		// come first).
		for i, sh := range sheets {
			if cells(sh) && !hidden(sh) {
				chosen = i
				break
			}
		}
		if chosen < 0 {
			if len(ofCells) == 0 {
				return nil, fmt.Errorf("the workbook has no sheet of cells (its sheets: %s)", strings.Join(named, ", "))
			}
			return nil, fmt.Errorf("the workbook has no visible sheet of cells (its sheets: %s): pick one with --sheet NAME", strings.Join(named, ", "))
		}
		if len(sheets) > 1 {
			if chosen == 0 {
				s.headerNote = fmt.Sprintf("; that is the first sheet, %s, of the workbook's %s: pick another with --sheet NAME",
					named[0], strings.Join(named, ", "))
			} else {
				s.headerNote = fmt.Sprintf("; that is %q, the first visible sheet of cells of the workbook's %s: pick another with --sheet NAME",
					domain.Safe(sheets[chosen].name), strings.Join(named, ", "))
			}
		}
	}
	s.name = sheets[chosen].name
	sheetPath := ""
	if rl, ok := parts[sheets[chosen].id]; ok {
		sheetPath = rl.target
	}
	if sheetPath == "" {
		return nil, notBook(fmt.Sprintf("sheet %q has no part in %s", sheets[chosen].name, relsPath))
	}
	if ssPath != "" {
		if s.ss, err = readSharedStrings(zr, ssPath); err != nil {
			return nil, err
		}
	}
	if stylesPath != "" {
		s.numXf = readNumStyles(zr, stylesPath) // without it, number cells are numbers
	}
	zf := findPart(zr, sheetPath)
	if zf == nil {
		return nil, notBook("no part " + sheetPath)
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, notBook(sheetPath + ": " + err.Error())
	}
	s.part = rc
	s.total = min(int64(min(zf.UncompressedSize64, 1<<62)), maxPart)
	s.cnt = &countingReader{r: &capReader{r: rc, left: maxPart, part: sheetPath}}
	s.sc = newXMLScanner(s.cnt)
	return s, nil
}

// attr is the value of se's attribute named local (any prefix).
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// findPart is the zip entry of a part, matched exactly or in any case.
func findPart(zr *zip.Reader, name string) *zip.File {
	name = strings.TrimPrefix(name, "/")
	for _, f := range zr.File {
		if f.Name == name {
			return f
		}
	}
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, name) {
			return f
		}
	}
	return nil
}

// readPart reads a whole (small) part, up to maxPart bytes.
func readPart(zr *zip.Reader, name string) ([]byte, error) {
	f := findPart(zr, name)
	if f == nil {
		return nil, fmt.Errorf("no part %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	defer rc.Close()
	return io.ReadAll(&capReader{r: rc, left: maxPart, part: name})
}

// capReader refuses a part longer than left bytes (a zip bomb).
type capReader struct {
	r    io.Reader
	left int64
	part string
}

func (c *capReader) Read(b []byte) (int, error) {
	if c.left <= 0 {
		return 0, fmt.Errorf("the workbook's part %s is larger than %s uncompressed (a zip bomb?): not read", domain.Safe(c.part), size(maxPart))
	}
	if int64(len(b)) > c.left {
		b = b[:c.left]
	}
	n, err := c.r.Read(b)
	c.left -= int64(n)
	return n, err
}

func size(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

type rel struct{ id, typ, target string }

// readRels reads a relationships part; targets are made paths in the zip
// (relative to dir, or absolute from its root).
func readRels(zr *zip.Reader, name, dir string) ([]rel, error) {
	b, err := readPart(zr, name)
	if err != nil {
		return nil, err
	}
	var out []rel
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" || strings.EqualFold(attr(se, "TargetMode"), "External") {
			continue
		}
		t := attr(se, "Target")
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(dir, t)
		}
		out = append(out, rel{id: attr(se, "Id"), typ: attr(se, "Type"), target: t})
	}
}

// readSharedStrings reads each <si>: its <t>, or the <t> of its rich-text
// runs <r> (not the phonetic <rPh>), as written (xml:space is kept by
// keeping every character), each <t> with its _xHHHH_ escapes decoded.
func readSharedStrings(zr *zip.Reader, name string) ([]string, error) {
	f := findPart(zr, name)
	if f == nil {
		return nil, nil // a workbook without text
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("the workbook's shared strings cannot be read: %s", domain.Safe(err.Error()))
	}
	defer rc.Close()
	d := xml.NewDecoder(&capReader{r: rc, left: maxPart, part: name})
	var out []string
	var b strings.Builder
	var run []byte // one <t>'s text, decoded at its end (unescapeX)
	inSI, inT, phonetic := false, false, 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("the workbook's shared strings cannot be read: %s", domain.Safe(err.Error()))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI = true
				b.Reset()
			case "rPh":
				phonetic++
			case "t":
				inT, run = inSI && phonetic == 0, run[:0]
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				if len(out) >= maxSharedStrings {
					return nil, fmt.Errorf("the workbook has more than %d shared strings: not read", maxSharedStrings)
				}
				out = append(out, b.String())
				inSI = false
			case "rPh":
				phonetic--
			case "t":
				if inT {
					b.Write(unescapeX(run))
				}
				inT = false
			}
		case xml.CharData:
			if inT {
				run = append(run, t...)
			}
		}
	}
}

// numClass is what a number format shows: a number, a date (a date and
// time too: its day counts) or only a time (a time of day or a duration).
type numClass uint8

const (
	numPlain numClass = iota
	numDate
	numTime
)

// readNumStyles reads what the cell styles (cellXfs, by index) show: a
// built-in format (14–17, 22, 27–31, 34–36, 50–58 are dates; 18–21, 32–33
// and 45–47 are times) or a custom one (formatClass).
func readNumStyles(zr *zip.Reader, name string) []numClass {
	b, err := readPart(zr, name)
	if err != nil {
		return nil
	}
	custom := map[int]numClass{}
	var out []numClass
	inXfs := false
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.RawToken()
		if err != nil {
			return out
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "numFmt":
				id, _ := strconv.Atoi(attr(t, "numFmtId"))
				custom[id] = formatClass(attr(t, "formatCode"))
			case "cellXfs":
				inXfs = true
			case "xf":
				if inXfs {
					id, _ := strconv.Atoi(attr(t, "numFmtId"))
					c, ok := custom[id]
					if !ok {
						c = builtinClass(id)
					}
					out = append(out, c)
				}
			}
		case xml.EndElement:
			if t.Name.Local == "cellXfs" {
				inXfs = false
			}
		}
	}
}

// builtinClass is what a built-in number format shows. 27–36 and 50–58
// depend on the locale (East Asian dates and times): 32 and 33 are times
// in all of them, the others dates in some.
func builtinClass(id int) numClass {
	switch {
	case id >= 18 && id <= 21, id == 32 || id == 33, id >= 45 && id <= 47:
		return numTime
	case id >= 14 && id <= 22, id >= 27 && id <= 36, id >= 50 && id <= 58:
		return numDate
	}
	return numPlain
}

// formatClass: a number format shows a date when it has a day or a year,
// or months without hours or seconds (in "hh:mm" and "mm:ss" m is
// minutes); it shows a time when it has hours, minutes or seconds and no
// date: h, s, AM/PM or A/P, or elapsed time in brackets ([h]:mm, [mm]:ss).
// Quoted text, escaped (\x) and padding (_x, *x) characters and the other
// brackets (colours, conditions, locales) are not the format's.
func formatClass(code string) numClass {
	quoted := false
	var day, month, clock bool
	for i := 0; i < len(code); i++ {
		c := code[i] | 0x20 // lower case (for letters)
		switch {
		case code[i] == '"':
			quoted = !quoted
		case quoted:
		case code[i] == '\\' || code[i] == '_' || code[i] == '*':
			i++
		case code[i] == '[':
			end := strings.IndexByte(code[i:], ']')
			if end < 0 {
				end = len(code) - i
			}
			if elapsed(code[i+1 : i+end]) {
				clock = true
			}
			i += end
		case c == 'a' && (hasFold(code[i:], "am/pm") || hasFold(code[i:], "a/p")):
			clock = true
			if hasFold(code[i:], "am/pm") {
				i += 4
			} else {
				i += 2
			}
		case c == 'd' || c == 'y':
			day = true
		case c == 'm':
			month = true
		case c == 'h' || c == 's':
			clock = true
		}
	}
	switch {
	case day || month && !clock:
		return numDate
	case clock:
		return numTime
	}
	return numPlain
}

// elapsed: a bracket of one letter repeated, h, m or s ([h], [mm], [ss]).
func elapsed(b string) bool {
	if b == "" {
		return false
	}
	for i := 0; i < len(b); i++ {
		if c := b[i] | 0x20; c != b[0]|0x20 || c != 'h' && c != 'm' && c != 's' {
			return false
		}
	}
	return true
}

func hasFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// next returns the next row (the header: the first row that is not blank)
// with its cells' kinds in s.kinds.
func (s *xlsxSource) next() ([]string, int, error) {
	for {
		rec, line, err := s.readRow()
		if err != nil || s.header {
			return rec, line, err
		}
		if !blank(rec) {
			s.header = true
			s.start = s.cnt.n
			for i, k := range s.kinds {
				// The header's names are text whatever their cells hold.
				switch k {
				case cellNumber, cellDated, cellTime:
					if v, err := cellDecimal(rec[i]); err == nil {
						rec[i] = v
					}
				case cellBool:
					rec[i] = boolText(rec[i])
				case cellBad:
					return nil, line, &rowProblem{line: line, field: -1, reason: rec[i], fatal: true}
				}
			}
			s.names = len(rec)
			for i, v := range rec {
				if strings.TrimSpace(v) != "" {
					s.keep = i + 1
				}
			}
			return rec, line, nil
		}
	}
}

func boolText(v string) string {
	if v == "1" || strings.EqualFold(v, "true") {
		return "TRUE"
	}
	return "FALSE"
}

// readRow reads the sheet's XML up to the end of the next <row>.
func (s *xlsxSource) readRow() ([]string, int, error) {
	s.rec, s.kinds = s.rec[:0], s.kinds[:0]
	x := s.sc
	fatal := func(reason string) ([]string, int, error) {
		return nil, s.row, &rowProblem{line: s.row, field: -1, reason: reason, fatal: true}
	}
	broken := func(err error) ([]string, int, error) {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return fatal(fmt.Sprintf("sheet %q, row %d cannot be read: %s", domain.Safe(s.name), s.row, domain.Safe(err.Error())))
	}
	// Find the row.
	for {
		err := x.next()
		if err == io.EOF {
			return nil, 0, io.EOF
		}
		if err != nil {
			return fatal(fmt.Sprintf("sheet %q after row %d cannot be read: %s", domain.Safe(s.name), s.row, domain.Safe(err.Error())))
		}
		if x.kind == 'e' && string(x.name) == "sheetData" {
			return nil, 0, io.EOF // what follows is the sheet's settings
		}
		if x.kind != 's' || string(x.name) != "row" {
			continue
		}
		n := s.row + 1
		if r := x.attr("r"); r != nil {
			v, ok := index(r)
			if !ok || v < 1 {
				return fatal(fmt.Sprintf("sheet %q: the row after row %d is numbered %q, not a row number", domain.Safe(s.name), s.row, domain.Safe(string(r))))
			}
			n = v
		}
		if n > maxRow {
			s.row = n
			return fatal(fmt.Sprintf("row %d is beyond a sheet's last row (%d): the workbook is damaged; open and save it in a spreadsheet", n, maxRow))
		}
		if n <= s.row {
			prev := s.row
			s.row = n
			return fatal(fmt.Sprintf("row %d comes after row %d: the sheet's rows are out of order (a workbook a spreadsheet did not write); open and save it in a spreadsheet", n, prev))
		}
		s.row = n
		break
	}
	var problem *rowProblem
	beyond := 0 // the first cell beyond the header's last that holds a value
	col := 0    // the last cell's column, 1-based
	for {
		if err := x.next(); err != nil {
			return broken(err)
		}
		if x.kind == 'e' && string(x.name) == "row" {
			if problem == nil && beyond > 0 {
				problem = s.rowProblem(fmt.Sprintf("cell %s holds a value beyond the header's last column (%d columns)", s.cell(beyond-1, s.row), s.names))
			}
			if problem != nil {
				return nil, s.row, problem
			}
			return s.rec, s.row, nil
		}
		if x.kind != 's' || string(x.name) != "c" {
			continue
		}
		c := col + 1
		if ref := x.attr("r"); ref != nil {
			cc, rr, ok := splitRef(ref)
			switch {
			case !ok:
				problem = s.rowProblem(fmt.Sprintf("a cell of row %d is named %q, not a cell like B%d", s.row, domain.Safe(string(ref)), s.row))
			case rr != s.row:
				problem = s.rowProblem(fmt.Sprintf("cell %s is inside row %d: the sheet's cells are out of order; open and save the workbook in a spreadsheet", s.cell(cc-1, rr), s.row))
			case cc <= col:
				problem = s.rowProblem(fmt.Sprintf("cell %s comes after cell %s: the row's cells are out of order; open and save the workbook in a spreadsheet", s.cell(cc-1, rr), s.cell(col-1, s.row)))
			}
			c = cc
		}
		if c > maxCol {
			problem = s.rowProblem(fmt.Sprintf("row %d has a cell beyond a sheet's last column (XFD)", s.row))
		}
		v, k, err := s.readCell(c)
		if err != nil {
			return broken(err)
		}
		if problem != nil {
			continue
		}
		col = c
		if s.keep > 0 && c > s.keep {
			if c > s.names && beyond == 0 && strings.TrimSpace(v) != "" {
				beyond = c
			}
			continue
		}
		for len(s.rec) < c-1 {
			s.rec = append(s.rec, "")
			s.kinds = append(s.kinds, cellText)
		}
		s.rec = append(s.rec, v)
		s.kinds = append(s.kinds, k)
	}
}

func (s *xlsxSource) rowProblem(reason string) *rowProblem {
	return &rowProblem{line: s.row, field: -1, reason: reason}
}

// Cell types (the t attribute).
const (
	tNumber = iota
	tShared
	tStr
	tInline
	tBool
	tError
	tDate
)

// readCell reads one <c> (its start tag the scanner's token) to its end:
// the value and kind.
func (s *xlsxSource) readCell(col int) (string, cellKind, error) {
	x := s.sc
	var t int
	switch string(x.attr("t")) {
	case "s":
		t = tShared
	case "str":
		t = tStr
	case "inlineStr":
		t = tInline
	case "b":
		t = tBool
	case "e":
		t = tError
	case "d":
		t = tDate
	}
	style := -1
	if st := x.attr("s"); st != nil {
		if n, ok := index(st); ok {
			style = n
		}
	}
	v, inline := s.vb[:0], s.ib[:0]
	defer func() { s.vb, s.ib = v, inline }() // reused, cell after cell
	hasV, hasF, hasIS := false, false, false
	in := ""    // the element whose text is read: v, is
	tStart := 0 // where the inline <t> being read starts in inline
	depth := 0
	for {
		if err := x.next(); err != nil {
			return "", 0, err
		}
		if x.kind == 'e' && depth == 0 {
			break
		}
		switch x.kind {
		case 's':
			depth++
			switch string(x.name) {
			case "v":
				hasV, in = true, "v"
			case "f":
				hasF = true
			case "is":
				hasIS = true
			case "t":
				if hasIS && in != "rPh" {
					in, tStart = "is", len(inline)
				}
			case "rPh":
				in = "rPh"
			}
		case 'e':
			depth--
			switch string(x.name) {
			case "t":
				if in == "is" {
					// Decoded in place: an escape is longer than what it stands for.
					inline = append(inline[:tStart], unescapeX(inline[tStart:])...)
				}
				in = ""
			case "v", "rPh":
				in = ""
			}
		case 't':
			switch in {
			case "v":
				v = append(v, x.text...)
			case "is":
				inline = append(inline, x.text...)
			}
		}
	}
	// An empty <v> without a formula is an empty cell, whatever its type
	// (a blank <v> too, but for text: t="str").
	if hasV && !hasF && (len(v) == 0 || t != tStr && len(bytes.TrimSpace(v)) == 0) {
		hasV = false
	}
	switch t {
	case tInline:
		return string(inline), cellText, nil
	case tShared:
		if !hasV && !hasF {
			return "", cellText, nil
		}
		i, ok := index(bytes.TrimSpace(v))
		if !ok || i >= len(s.ss) {
			return fmt.Sprintf("cell %s refers to shared string %q, which the workbook does not have: the workbook is damaged; open and save it in a spreadsheet", s.cell(col-1, s.row), domain.Safe(string(v))), cellBad, nil
		}
		return s.ss[i], cellText, nil
	}
	// A formula's saved value is its <v>: an empty one is none (openpyxl
	// writes <v></v>), but for a formula of text result (t="str") it is
	// the empty text.
	if hasF && (!hasV || len(v) == 0 && t != tStr) {
		return fmt.Sprintf("cell %s holds a formula with no saved value: open and save the workbook in a spreadsheet, or paste values", s.cell(col-1, s.row)), cellBad, nil
	}
	if !hasV {
		if hasIS {
			return string(inline), cellText, nil
		}
		return "", cellText, nil
	}
	switch t {
	case tStr:
		return string(v), cellText, nil
	case tBool:
		return string(bytes.TrimSpace(v)), cellBool, nil
	case tError:
		return string(bytes.TrimSpace(v)), cellError, nil
	case tDate:
		return string(bytes.TrimSpace(v)), cellISO, nil
	}
	k := cellNumber
	if style >= 0 && style < len(s.numXf) {
		switch s.numXf[style] {
		case numDate:
			k = cellDated
		case numTime:
			k = cellTime
		}
	}
	return string(bytes.TrimSpace(v)), k, nil
}

// index reads a shared string's index or a row number: digits only.
func index(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// splitRef splits a cell reference "AB12" into column 28 and row 12.
func splitRef(ref []byte) (col, row int, ok bool) {
	i := 0
	for i < len(ref) && (ref[i] >= 'A' && ref[i] <= 'Z' || ref[i] >= 'a' && ref[i] <= 'z') {
		c := int(ref[i]|0x20) - 'a' + 1
		col = col*26 + c
		if col > maxCol {
			return 0, 0, false
		}
		i++
	}
	if i == 0 || i == len(ref) {
		return 0, 0, false
	}
	row, ok = index(ref[i:])
	if !ok || row < 1 {
		return 0, 0, false
	}
	return col, row, true
}

// width: a sheet's rows end at their last cell, so a short row is only
// empty cells; a cell beyond the header's last column holds a value that
// belongs to no column (readRow refuses those beyond the header's last
// cell, which it does not keep).
func (s *xlsxSource) width(rec []string, width int) string {
	for i := width; i < len(rec); i++ {
		if strings.TrimSpace(rec[i]) != "" {
			return fmt.Sprintf("cell %s holds a value beyond the header's last column (%d columns)", s.cell(i, s.row), width)
		}
	}
	return ""
}

func (s *xlsxSource) typed() bool { return true }

// cellKinds are the kinds of the last row's cells.
func (s *xlsxSource) cellKinds() []cellKind { return s.kinds }

// cell names field i (0-based) of row line: "C12".
func (s *xlsxSource) cell(i, line int) string {
	if i < 0 {
		return ""
	}
	var b [8]byte
	n := len(b)
	for c := i + 1; c > 0; c = (c - 1) / 26 {
		n--
		b[n] = byte('A' + (c-1)%26)
	}
	return string(b[n:]) + strconv.Itoa(line)
}

func (s *xlsxSource) progress() float64 {
	if s.total <= 0 {
		return -1
	}
	return min(float64(s.cnt.n)/float64(s.total), 1)
}

func (s *xlsxSource) scale(int64) float64 {
	read := s.cnt.n - s.start
	if read <= 0 || s.total <= 0 {
		return 0
	}
	return float64(s.total-s.start) / float64(read)
}

func (s *xlsxSource) format() string { return "xlsx" }
func (s *xlsxSource) sheet() string  { return s.name }

func (s *xlsxSource) close() {
	if s.part != nil {
		s.part.Close()
	}
}

// unescapeX decodes Excel's escapes in a cell's text: _xHHHH_ (four hex
// digits, any case) is the UTF-16 code unit HHHH — Excel writes a CR as
// _x000D_ and characters XML cannot hold this way — and _x005F_ is a
// literal underscore, which is how Excel writes a text that itself reads
// "_x0041_" (_x005F_x0041_). A surrogate pair is two escapes; a lone
// surrogate is kept as written. b is returned when it has no escape, else
// b decoded in place (what an escape stands for is shorter than it).
func unescapeX(b []byte) []byte {
	i := bytes.Index(b, []byte("_x"))
	if i < 0 {
		return b
	}
	out := b[:i]
	for i < len(b) {
		u, ok := escapeAt(b, i)
		if !ok {
			out = append(out, b[i])
			i++
			continue
		}
		r, n := rune(u), 7
		if u >= 0xD800 && u <= 0xDFFF {
			if lo, ok := escapeAt(b, i+7); ok && u < 0xDC00 && lo >= 0xDC00 && lo <= 0xDFFF {
				r, n = 0x10000+(rune(u)-0xD800)<<10+(rune(lo)-0xDC00), 14
			} else {
				out = append(out, b[i:i+7]...) // a lone surrogate is no character
				i += 7
				continue
			}
		}
		out = utf8.AppendRune(out, r)
		i += n
	}
	return out
}

// escapeAt reads an escape _xHHHH_ at b[i:].
func escapeAt(b []byte, i int) (uint16, bool) {
	if i+7 > len(b) || b[i] != '_' || b[i+1] != 'x' || b[i+6] != '_' {
		return 0, false
	}
	var u uint16
	for _, c := range b[i+2 : i+6] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		u = u<<4 | uint16(c)
	}
	return u, true
}
