package importer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"acctdesk/domain"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// csvSource reads a CSV file: its encoding decoded to UTF-8, its line ends
// made LF, its separator found from the header line.
type csvSource struct {
	r       *csv.Reader
	raw     *countingReader
	size    int64
	start   int64 // offset after the header
	header  bool  // the header has been read
	check   bool  // the text is UTF-8 as it is, so check it is valid
	sep     rune
	scaleOK bool // decoded offsets are the file's (UTF-8, one-byte codes)
	// headerNote is said after a header problem: the header is not UTF-8.
	headerNote string
}

// encodings are the names --encoding accepts (lower case).
var encodings = map[string]encoding.Encoding{
	"utf-8": nil, "utf8": nil,
	"utf-16le": unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "utf-16be": unicode.UTF16(unicode.BigEndian, unicode.UseBOM),
	"windows-1252": charmap.Windows1252, "cp1252": charmap.Windows1252,
	"latin1": charmap.ISO8859_1, "latin-1": charmap.ISO8859_1, "iso-8859-1": charmap.ISO8859_1,
}

// EncodingNames are the encodings --encoding accepts, for help and messages.
const EncodingNames = "utf-8, utf-16le, utf-16be, windows-1252, latin1 (iso-8859-1)"

func openCSV(br *bufio.Reader, opt Options) (source, error) {
	s := &csvSource{size: opt.Size}
	name := strings.ToLower(strings.TrimSpace(opt.Encoding))
	enc, known := encodings[name]
	if name != "" && !known {
		return nil, fmt.Errorf("--encoding %q: not one of %s", domain.Safe(opt.Encoding), EncodingNames)
	}
	head, _ := br.Peek(4)
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		if enc != nil {
			return nil, fmt.Errorf("--encoding %s: the file begins with a UTF-8 byte-order mark: it is UTF-8 (drop --encoding)", name)
		}
		br.Discard(3)
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}) && (enc == nil || strings.HasPrefix(name, "utf-16")):
		enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}) && (enc == nil || strings.HasPrefix(name, "utf-16")):
		enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	case enc == nil && len(head) == 4 && (head[1] == 0 && head[3] == 0 || head[0] == 0 && head[2] == 0):
		return nil, errors.New("line 1: the file looks like UTF-16 without a byte-order mark: import it with --encoding utf-16le (or utf-16be)")
	}
	s.raw = &countingReader{r: br}
	var in io.Reader = s.raw
	if enc != nil {
		in = transform.NewReader(in, enc.NewDecoder())
	} else {
		s.check, s.scaleOK = true, true
	}
	dec := bufio.NewReaderSize(in, 1<<20)
	peek, _ := dec.Peek(64 << 10)
	sep, cr := sniff(peek)
	var text io.Reader = dec
	if cr {
		text = &crReader{r: dec}
	}
	s.sep = sep
	s.r = csv.NewReader(text)
	s.r.Comma = sep
	s.r.FieldsPerRecord = -1
	s.r.ReuseRecord = true
	return s, nil
}

// sniff finds the separator of the header line — the one of comma,
// semicolon and tab it has most of outside quotes (comma on a tie) — and
// whether the file ends its lines with CR alone.
func sniff(b []byte) (sep rune, crOnly bool) {
	counts := map[byte]int{}
	quoted := false
scan:
	for i, c := range b {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == ',' || c == ';' || c == '\t':
			counts[c]++
		case c == '\n':
			break scan
		case c == '\r':
			// CR alone ends the line only in a file with no LF at all: a
			// stray CR in an LF file is a character of its field.
			crOnly = (i+1 == len(b) || b[i+1] != '\n') && bytes.IndexByte(b, '\n') < 0
			break scan
		}
	}
	sep = ','
	if counts[';'] > counts[','] {
		sep = ';'
	}
	if counts['\t'] > counts[byte(sep)] {
		sep = '\t'
	}
	return sep, crOnly
}

func (s *csvSource) next() ([]string, int, error) {
	rec, err := s.r.Read()
	if err == io.EOF {
		return nil, 0, io.EOF
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, pe.Line, &rowProblem{line: pe.Line, field: -1, reason: csvReason(pe)}
		}
		return nil, 0, err
	}
	line, _ := s.r.FieldPos(0)
	if !s.header {
		s.header = true
		s.start = s.r.InputOffset()
	}
	if s.check {
		for i, f := range rec {
			if line == 1 && !utf8.ValidString(f) {
				// The header is read all the same (its names are shown
				// safely); the cure is named should a column be missing.
				s.headerNote = fmt.Sprintf("; the header is not UTF-8 (byte 0x%02X): a file saved by Excel on Windows is usually windows-1252: import it with --encoding windows-1252", badByte(f))
				break
			}
			if !utf8.ValidString(f) {
				l, _ := s.r.FieldPos(i)
				return nil, l, &rowProblem{line: l, field: i, reason: fmt.Sprintf(
					"the file is not UTF-8 (byte 0x%02X); a file saved by Excel on Windows is usually windows-1252: import it with --encoding windows-1252",
					badByte(f))}
			}
		}
	}
	return rec, line, nil
}

func badByte(s string) byte {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return s[i]
		}
		i += n
	}
	return 0
}

func csvReason(pe *csv.ParseError) string {
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return fmt.Sprintf("column %d: a quote (\") inside a value that does not begin with one; write the value in quotes and the quote twice (\"\")", pe.Column)
	case errors.Is(pe.Err, csv.ErrQuote):
		return fmt.Sprintf("column %d: a quoted value is not closed, or text follows its closing quote", pe.Column)
	}
	return domain.Safe(pe.Err.Error())
}

func (s *csvSource) width(rec []string, width int) string {
	switch {
	case len(rec) > width:
		hint := ""
		switch s.sep {
		case ',':
			hint = `: a comma inside an unquoted value splits it (1,500.00 reads as 1 and 500.00); quote such values ("1,500.00")`
		case ';':
			hint = ": a semicolon inside an unquoted value splits it; quote such values"
		}
		return fmt.Sprintf("%d fields where the header has %d%s", len(rec), width, hint)
	case len(rec) < width:
		return fmt.Sprintf("%d fields where the header has %d: a field is missing", len(rec), width)
	}
	return ""
}

func (s *csvSource) typed() bool          { return false }
func (s *csvSource) cell(int, int) string { return "" }
func (s *csvSource) format() string       { return "csv" }
func (s *csvSource) sheet() string        { return "" }
func (s *csvSource) close()               {}

func (s *csvSource) progress() float64 {
	if s.size <= 0 {
		return -1
	}
	return min(float64(s.raw.n)/float64(s.size), 1)
}

func (s *csvSource) scale(size int64) float64 {
	read := s.r.InputOffset() - s.start
	if !s.scaleOK || read <= 0 {
		return 0
	}
	return float64(size-s.start) / float64(read)
}

// crReader turns the CR line ends of an old Mac file into LF.
type crReader struct{ r io.Reader }

func (c *crReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	for i := range b[:n] {
		if b[i] == '\r' {
			b[i] = '\n'
		}
	}
	return n, err
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n += int64(n)
	return n, err
}
