// Package importer reads the import files of SPEC §5 — CSV in any of the
// encodings, separators and line ends an ERP or a spreadsheet writes, and
// XLSX workbooks with typed cells — into a store.Batch. It never writes: the
// caller applies the batch in one transaction, so a bad row means nothing is
// stored.
//
// Both file formats are a source of rows (source); the parser of each kind
// reads its fields through one set of column readers (code, text, amount,
// date, …), so a workbook's typed cells and a CSV file's text meet the same
// validation.
package importer

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"acctdesk/domain"
	"acctdesk/store"
)

// Kinds of import file.
var Kinds = []string{"accounts", "contacts", "invoices", "payments", "credit-notes", "contracts", "surveys", "targets", "balances"}

// columns are the canonical columns of each kind (SPEC §5), in the order help shows them.
var columns = map[string][]column{
	"accounts": {{"code", true}, {"name", true}, {"tier", false}, {"segment", false}, {"owner", false},
		{"salesperson", false}, {"status", false}, {"status_since", false}, {"terms", false}, {"payment_terms_days", false},
		{"credit_limit", false}, {"currency", false}, {"products", false}, {"opened_on", false}, {"live_on", false}},
	"contacts": {{"account", true}, {"name", true}, {"role", false}, {"phone", false}, {"email", false}, {"primary", false}},
	"invoices": {{"account", true}, {"number", true}, {"issue_date", true}, {"due_date", false}, {"amount", true},
		{"currency", false}, {"product", false}, {"quantity", false}, {"unit", false}, {"disputed", false},
		{"dispute_reason", false}, {"paid_on", false}},
	"payments":     {{"account", true}, {"reference", true}, {"date", true}, {"amount", true}, {"currency", false}, {"invoice", false}},
	"credit-notes": {{"account", true}, {"number", true}, {"date", true}, {"amount", true}, {"reason", false}, {"invoice", false}, {"currency", false}},
	"contracts": {{"account", true}, {"number", true}, {"start", true}, {"end", true}, {"notice_days", false},
		{"sla", false}, {"status", false}, {"rebate", false}},
	"surveys":  {{"account", true}, {"date", true}, {"kind", true}, {"score", true}, {"comment", false}},
	"targets":  {{"account", true}, {"month", true}, {"product", false}, {"quantity", false}, {"amount", false}, {"currency", false}},
	"balances": {{"account", true}, {"date", true}, {"balance", true}, {"currency", false}},
}

type column struct {
	name     string
	required bool
}

// Columns lists a kind's canonical columns as help shows them, the
// required ones marked with *: "account*, number*, issue_date*, …".
func Columns(kind string) string {
	var out []string
	for _, c := range columns[kind] {
		if c.required {
			out = append(out, c.name+"*")
		} else {
			out = append(out, c.name)
		}
	}
	return strings.Join(out, ", ")
}

// Options shape how a file is read.
type Options struct {
	Map        map[string]string // source header (any case) → canonical column
	DateLayout string            // Go layout; ISO when empty
	Currency   domain.Currency   // currency of rows that name none; "" leaves it to the account
	// DecimalComma reads amounts written 1.234,56 (a comma before the
	// decimals, points or spaces between thousands).
	DecimalComma bool
	// Encoding of a CSV file: "" (UTF-8, or UTF-16 with a BOM), utf-8,
	// utf-16le, utf-16be, windows-1252, latin1 (iso-8859-1); any case.
	Encoding string
	// Sheet is the workbook's sheet to read; "" is the first.
	Sheet string
	// Size is the file's length in bytes when known: the batch is then sized
	// up front from the first rows, instead of growing a million-row slice,
	// and progress is shown as a share of it.
	Size int64
	// Progress, when set, is called every ProgressEvery rows and at the end
	// with the rows read so far and the share of the file read (of a
	// workbook, the share of its sheet's XML; -1 when unknown).
	Progress func(rows int, frac float64)
}

// ProgressEvery is how many rows Read reads between calls to Options.Progress.
const ProgressEvery = 10_000

// sampleRows is how many rows Read reads before it sizes the batch.
const sampleRows = 1000

// File is what Read made of a file: the batch of its good rows, and every
// bad row, so that a caller can check the good rows against the book too
// and list every problem of the file in one run.
type File struct {
	Batch  *store.Batch
	Errors store.RowErrors // sorted by line; each is Safe
	// Ignored are the file's columns the kind does not know, as its header
	// names them (Safe), in the file's order.
	Ignored []string
	Rows    int    // data rows read, blank ones included
	Format  string // "csv" or "xlsx"
	Sheet   string // the sheet read, for a workbook
	h       header
}

// Err is the file's bad rows as one error (a store.RowErrors), or nil.
func (f *File) Err() error {
	if len(f.Errors) == 0 {
		return nil
	}
	return f.Errors
}

// Label is how a message names a canonical column of this file: the
// canonical name, with the file's own header when --map renamed it
// ("amount (InvoiceAmount)"). Other names are returned as they are.
func (f *File) Label(col string) string { return f.h.label(col) }

// Columns are the canonical columns the file has (after --map), in the
// file's order: a store keeps, on a re-import, every field of a stored
// record that none of them gives (store.Batch.Columns).
func (f *File) Columns() []string {
	cols := make([]string, 0, len(f.h.idx))
	for c := range f.h.idx {
		cols = append(cols, c)
	}
	sort.Slice(cols, func(i, j int) bool { return f.h.idx[cols[i]] < f.h.idx[cols[j]] })
	return cols
}

// ParseMap reads "SRC=DST,SRC=DST".
func ParseMap(s string) (map[string]string, error) {
	m := map[string]string{}
	if strings.TrimSpace(s) == "" {
		return m, nil
	}
	for _, pair := range strings.Split(s, ",") {
		src, dst, ok := strings.Cut(pair, "=")
		src, dst = strings.TrimSpace(src), strings.TrimSpace(dst)
		if !ok || src == "" || dst == "" {
			return nil, fmt.Errorf("--map %q: write SRC=DST pairs separated by commas", domain.Safe(pair))
		}
		// A column name is named back in messages: it must read as itself.
		for _, name := range []string{src, dst} {
			if err := domain.CheckCode(name); err != nil {
				return nil, fmt.Errorf("--map %q: column %q %v", domain.Safe(pair), domain.Safe(name), err)
			}
		}
		m[strings.ToLower(src)] = strings.ToLower(dst)
	}
	return m, nil
}

// Read parses a whole file of the kind: a workbook when its content is one
// (whatever its name), else CSV. The error is for a file that cannot be read
// at all (empty, a required column missing, the wrong encoding, an unknown
// sheet); bad rows are in File.Errors, and the good rows in File.Batch.
// What it returns is safe to print, whatever the file holds: a value is
// quoted with its control characters escaped, every reason and column name
// is domain.Safe, and no field holding a control character (or, in a code,
// number or reference, an invisible one) gets into the batch.
func Read(kind string, r io.Reader, opt Options) (*File, error) {
	cols, ok := columns[kind]
	if !ok {
		return nil, fmt.Errorf("unknown import kind %q (use %s)", domain.Safe(kind), strings.Join(Kinds, ", "))
	}
	if opt.DateLayout != "" {
		if err := domain.CheckCode(opt.DateLayout); err != nil {
			return nil, fmt.Errorf("date format %q %v", domain.Safe(opt.DateLayout), err)
		}
	}
	for src, dst := range opt.Map {
		if !slices.ContainsFunc(cols, func(c column) bool { return c.name == dst }) {
			return nil, fmt.Errorf("--map %s=%s: %s is not a column of %s (its columns: %s)",
				domain.Safe(src), domain.Safe(dst), domain.Safe(dst), kind, Columns(kind))
		}
	}
	br := bufio.NewReaderSize(r, 1<<20)
	var src source
	var err error
	if magic, _ := br.Peek(4); bytes.Equal(magic, []byte("PK\x03\x04")) {
		if opt.Encoding != "" {
			return nil, errors.New("--encoding is for CSV files: this file is a workbook (XLSX), whose text is Unicode")
		}
		src, err = openXLSX(br, opt)
	} else {
		if opt.Sheet != "" {
			return nil, errors.New("--sheet is for workbooks: this file is not an XLSX workbook")
		}
		src, err = openCSV(br, opt)
	}
	if err != nil {
		return nil, err
	}
	defer src.close()
	f := &File{Format: src.format(), Sheet: src.sheet()}
	names, _, err := src.next()
	if err == io.EOF {
		if xs, ok := src.(*xlsxSource); ok {
			return nil, fmt.Errorf("sheet %q is empty%s", domain.Safe(xs.name), xs.headerNote)
		}
		return nil, errors.New("the file is empty")
	}
	if err != nil {
		var rp *rowProblem
		if errors.As(err, &rp) {
			return nil, fmt.Errorf("line %d: %s", max(rp.line, 1), rp.reason)
		}
		return nil, err
	}
	names = slices.Clone(names) // a CSV source reuses its record
	f.h, f.Ignored, err = mapHeader(names, cols, opt.Map)
	if err != nil {
		if cs, ok := src.(*csvSource); ok && cs.headerNote != "" {
			return nil, fmt.Errorf("%w%s", err, cs.headerNote)
		}
		if xs, ok := src.(*xlsxSource); ok && xs.headerNote != "" {
			return nil, fmt.Errorf("%w%s", err, xs.headerNote)
		}
		return nil, err
	}
	width := len(names)
	p := &parser{kind: kind, opt: opt, h: f.h, src: src, typed: src.typed(), b: &store.Batch{}}
	p.settled = f.h.has("paid_on")
	xs, _ := src.(*xlsxSource)
	for {
		rec, line, err := src.next()
		if err == io.EOF {
			break
		}
		f.Rows++
		if f.Rows == sampleRows && opt.Size > 0 {
			if scale := src.scale(opt.Size); scale > 0 {
				p.reserve(scale)
			}
		}
		if opt.Progress != nil && f.Rows%ProgressEvery == 0 {
			opt.Progress(f.Rows, src.progress())
		}
		if err != nil {
			var rp *rowProblem
			if errors.As(err, &rp) {
				p.errs = append(p.errs, store.RowError{Line: rp.line, Field: f.h.labelAt(rp.field), Reason: rp.reason})
				if rp.fatal {
					return nil, p.errs[len(p.errs)-1]
				}
				continue
			}
			return nil, err
		}
		if blank(rec) {
			continue
		}
		if reason := src.width(rec, width); reason != "" {
			p.errs = append(p.errs, store.RowError{Line: line, Reason: reason})
			continue
		}
		if xs != nil {
			p.kinds = xs.kinds
		}
		p.row(line, rec)
	}
	if opt.Progress != nil {
		opt.Progress(f.Rows, 1)
	}
	sort.SliceStable(p.errs, func(i, j int) bool { return p.errs[i].Line < p.errs[j].Line })
	f.Batch, f.Errors = p.b, p.errs
	return f, nil
}

// reserve grows the batch for the whole file: what the first rows made,
// times how many times larger the file is than those rows, with a margin.
func (p *parser) reserve(scale float64) {
	b := p.b
	grow := func(have int) int {
		want := min(float64(have)*scale*1.05+16, 1<<26) // a wrong Size must not ask for gigabytes
		return max(int(want)-have, 0)
	}
	b.Accounts = slices.Grow(b.Accounts, grow(len(b.Accounts)))
	b.Contacts = slices.Grow(b.Contacts, grow(len(b.Contacts)))
	b.Invoices = slices.Grow(b.Invoices, grow(len(b.Invoices)))
	b.Settled = slices.Grow(b.Settled, grow(len(b.Settled)))
	b.Payments = slices.Grow(b.Payments, grow(len(b.Payments)))
	b.Credits = slices.Grow(b.Credits, grow(len(b.Credits)))
	b.Targets = slices.Grow(b.Targets, grow(len(b.Targets)))
	b.Balances = slices.Grow(b.Balances, grow(len(b.Balances)))
}

// header maps canonical column → field index, and remembers the source names.
type header struct {
	idx    map[string]int
	source map[string]string
	names  []string // the file's header, Safe, by field index
}

func (h header) has(col string) bool { _, ok := h.idx[col]; return ok }

// mapHeader matches the file's header to the kind's columns; it returns
// the columns it ignores, as the file names them.
// named lists the header's columns for a message: its names, blank cells
// (a styled cell far to the right, say) left out.
func (h header) named() string {
	var out []string
	for _, n := range h.names {
		if n != "" {
			out = append(out, n)
		}
	}
	return strings.Join(out, ", ")
}

func mapHeader(names []string, cols []column, rename map[string]string) (header, []string, error) {
	h := header{idx: map[string]int{}, source: map[string]string{}}
	known := map[string]bool{}
	for _, c := range cols {
		known[c.name] = true
	}
	var ignored []string
	seen := map[string]bool{}
	for i, raw := range names {
		h.names = append(h.names, domain.Safe(strings.TrimSpace(raw)))
		name := strings.ToLower(strings.TrimSpace(raw))
		seen[name] = true
		if dst, ok := rename[name]; ok {
			name = dst
		}
		if !known[name] {
			if s := domain.Safe(strings.TrimSpace(raw)); s != "" {
				ignored = append(ignored, s) // extra columns of an ERP export are ignored, and named
			}
			continue
		}
		if _, dup := h.idx[name]; dup {
			// Name both of the file's columns: one may be a --map's.
			return h, nil, fmt.Errorf("line 1: column %q appears twice: as %q and as %q (one of them through --map?)",
				name, h.source[name], domain.Safe(strings.TrimSpace(raw)))
		}
		h.idx[name] = i
		h.source[name] = domain.Safe(strings.TrimSpace(raw))
	}
	var unmapped []string
	for src := range rename {
		if !seen[src] {
			unmapped = append(unmapped, domain.Safe(src))
		}
	}
	if len(unmapped) > 0 {
		sort.Strings(unmapped)
		return h, nil, fmt.Errorf("line 1: --map names %s, which the header does not have (its columns: %s)",
			strings.Join(unmapped, ", "), h.named())
	}
	var missing []string
	for _, c := range cols {
		if _, ok := h.idx[c.name]; c.required && !ok {
			missing = append(missing, c.name)
		}
	}
	if len(missing) > 0 {
		return h, nil, fmt.Errorf("line 1: missing required column %s (use --map SRC=DST to rename a column; the header has: %s)",
			strings.Join(missing, ", "), h.named())
	}
	return h, ignored, nil
}

// label is how an error names a column: the canonical name, with the file's own
// header when it differs (Safe: it is the file's text).
func (h header) label(col string) string {
	if src, ok := h.source[col]; ok && !strings.EqualFold(src, col) {
		return fmt.Sprintf("%s (%s)", col, src)
	}
	return col
}

// labelAt names the field at index i: its canonical column when it has
// one, else the file's header; "" for none (i < 0).
func (h header) labelAt(i int) string {
	if i < 0 {
		return ""
	}
	for col, j := range h.idx {
		if j == i {
			return h.label(col)
		}
	}
	if i < len(h.names) && h.names[i] != "" {
		return h.names[i]
	}
	return fmt.Sprintf("field %d", i+1)
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// source is a file of rows: a CSV file or a workbook's sheet.
type source interface {
	// next returns the next row's fields and its line (CSV: the line it
	// starts on; XLSX: the row number), io.EOF after the last. A
	// *rowProblem is one bad row: it is reported and reading goes on
	// (unless it is fatal).
	next() (fields []string, line int, err error)
	// width says what is wrong with a row of n fields under a header of
	// width fields, or "".
	width(rec []string, width int) string
	// typed reports whether fields are a workbook's typed cells (their
	// kinds in xlsxSource.kinds) rather than text.
	typed() bool
	// cell names field i of line for messages ("C12"), or "".
	cell(i, line int) string
	progress() float64        // the share read, -1 when unknown
	scale(size int64) float64 // how many times what was read the whole is, 0 when unknown
	format() string           // csv, xlsx
	sheet() string            // the sheet read, or ""
	close()
}

// rowProblem is a bad row found by a source (a quote out of place, bytes
// that are not UTF-8).
type rowProblem struct {
	line   int
	field  int // -1: the row
	reason string
	fatal  bool // the rest of the file cannot be read either
}

func (r *rowProblem) Error() string { return fmt.Sprintf("line %d: %s", r.line, r.reason) }
