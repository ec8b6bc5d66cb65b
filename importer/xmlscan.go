package importer

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// xmlScanner reads a sheet's XML as start tags, end tags and text, in
// buffers reused from token to token (encoding/xml allocates every token,
// two thirds of a workbook import). It reads what a worksheet holds:
// elements, attributes, text with the five entities and character
// references, CDATA, comments and processing instructions; line ends are
// made LF as XML says. A DOCTYPE (no workbook has one), an unknown entity,
// a character XML does not allow or text that is not UTF-8 is an error.
// Element and attribute names are local (the prefix dropped); it does not
// check that end tags match their start.
type xmlScanner struct {
	r       *bufio.Reader
	kind    byte // 's' start, 'e' end, 't' text
	name    []byte
	self    bool // the start tag closes itself: an end token follows
	pending bool
	attrs   []xmlAttr
	abuf    []byte // the attributes' names and values
	text    []byte
}

type xmlAttr struct{ name, value [2]int } // offsets in abuf

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: bufio.NewReaderSize(r, 64<<10)}
}

// attr is the value of the current start tag's attribute (local name), or nil.
func (x *xmlScanner) attr(name string) []byte {
	for _, a := range x.attrs {
		if string(x.abuf[a.name[0]:a.name[1]]) == name {
			return x.abuf[a.value[0]:a.value[1]]
		}
	}
	return nil
}

var errXMLEOF = errors.New("the XML ends inside a tag")

// next reads the next token: io.EOF after the last.
func (x *xmlScanner) next() error {
	if x.pending {
		x.pending, x.kind, x.self = false, 'e', false
		return nil
	}
	for {
		c, err := x.r.ReadByte()
		if err != nil {
			return err
		}
		if c != '<' {
			x.r.UnreadByte()
			x.kind, x.text = 't', x.text[:0]
			return x.readText()
		}
		c, err = x.r.ReadByte()
		if err != nil {
			return x.eof(err)
		}
		switch c {
		case '/':
			x.kind = 'e'
			if err := x.readName(); err != nil {
				return err
			}
			if err := x.skipSpace(); err != nil {
				return err
			}
			if c, err := x.r.ReadByte(); err != nil || c != '>' {
				return fmt.Errorf("an end tag </%s is not closed by >", x.safeName())
			}
			return nil
		case '?':
			if err := x.skipPast("?>"); err != nil {
				return err
			}
		case '!':
			head, _ := x.r.Peek(7)
			switch {
			case bytes.HasPrefix(head, []byte("--")):
				x.r.Discard(2)
				if err := x.skipPast("-->"); err != nil {
					return err
				}
			case bytes.Equal(head, []byte("[CDATA[")):
				x.r.Discard(7)
				x.kind, x.text = 't', x.text[:0]
				return x.readCDATA()
			default:
				return errors.New("the XML has a DOCTYPE or a declaration a workbook does not have")
			}
		default:
			x.r.UnreadByte()
			x.kind, x.self = 's', false
			return x.readStart()
		}
	}
}

func (x *xmlScanner) safeName() string { return strconv.Quote(string(x.name)) }

func nameByte(c byte) bool {
	return !(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '>' || c == '=' || c == '<' || c == '"' || c == '\'')
}

// local is a name without its prefix: what follows its one colon, when
// there is one with a name either side (as encoding/xml reads it).
func local(name []byte) []byte {
	if i := bytes.IndexByte(name, ':'); i > 0 && i < len(name)-1 && bytes.IndexByte(name[i+1:], ':') < 0 {
		return name[i+1:]
	}
	return name
}

// readName reads a tag's name, keeping its local part.
func (x *xmlScanner) readName() error {
	x.name = x.name[:0]
	for {
		c, err := x.r.ReadByte()
		if err != nil {
			return x.eof(err)
		}
		if !nameByte(c) {
			x.r.UnreadByte()
			break
		}
		x.name = append(x.name, c)
	}
	x.name = local(x.name)
	if len(x.name) == 0 {
		return errors.New("a tag has no name")
	}
	return nil
}

func (x *xmlScanner) skipSpace() error {
	for {
		c, err := x.r.ReadByte()
		if err != nil {
			return x.eof(err)
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			x.r.UnreadByte()
			return nil
		}
	}
}

func (x *xmlScanner) skipPast(end string) error {
	matched := 0
	for {
		c, err := x.r.ReadByte()
		if err != nil {
			return x.eof(err)
		}
		switch {
		case c == end[matched]:
			if matched++; matched == len(end) {
				return nil
			}
		case c == end[0]:
			matched = 1
		default:
			matched = 0
		}
	}
}

func (x *xmlScanner) readStart() error {
	if err := x.readName(); err != nil {
		return err
	}
	x.attrs, x.abuf = x.attrs[:0], x.abuf[:0]
	for {
		if err := x.skipSpace(); err != nil {
			return err
		}
		c, err := x.r.ReadByte()
		if err != nil {
			return x.eof(err)
		}
		switch c {
		case '>':
			return nil
		case '/':
			if c, err := x.r.ReadByte(); err != nil || c != '>' {
				return fmt.Errorf("tag <%s: a / not followed by >", x.safeName())
			}
			x.self, x.pending = true, true
			return nil
		}
		x.r.UnreadByte()
		var a xmlAttr
		a.name[0] = len(x.abuf)
		for {
			c, err := x.r.ReadByte()
			if err != nil {
				return x.eof(err)
			}
			if !nameByte(c) {
				x.r.UnreadByte()
				break
			}
			x.abuf = append(x.abuf, c)
		}
		a.name[1] = len(x.abuf)
		if l := local(x.abuf[a.name[0]:]); len(l) < a.name[1]-a.name[0] {
			a.name[0] = a.name[1] - len(l)
		}
		if a.name[1] == a.name[0] {
			return fmt.Errorf("tag <%s: an attribute has no name", x.safeName())
		}
		if err := x.skipSpace(); err != nil {
			return err
		}
		if c, err := x.r.ReadByte(); err != nil || c != '=' {
			return fmt.Errorf("tag <%s: an attribute without =", x.safeName())
		}
		if err := x.skipSpace(); err != nil {
			return err
		}
		q, err := x.r.ReadByte()
		if err != nil || q != '"' && q != '\'' {
			return fmt.Errorf("tag <%s: an attribute's value is not quoted", x.safeName())
		}
		a.value[0] = len(x.abuf)
		for {
			c, err := x.r.ReadByte()
			if err != nil {
				return x.eof(err)
			}
			if c == q {
				break
			}
			if c == '<' {
				return fmt.Errorf("tag <%s: a < inside an attribute's value", x.safeName())
			}
			if x.abuf, err = x.char(x.abuf, c); err != nil {
				return err
			}
		}
		a.value[1] = len(x.abuf)
		if !utf8.Valid(x.abuf[a.value[0]:a.value[1]]) {
			return errors.New("an attribute's value is not UTF-8")
		}
		x.attrs = append(x.attrs, a)
	}
}

// char appends c, or the entity it begins, or LF for a line end.
func (x *xmlScanner) char(b []byte, c byte) ([]byte, error) {
	switch {
	case c == '&':
		return x.entity(b)
	case c == '\r':
		if n, err := x.r.Peek(1); err == nil && n[0] == '\n' {
			x.r.Discard(1)
		}
		return append(b, '\n'), nil
	case c < 0x20 && c != '\t' && c != '\n':
		return b, fmt.Errorf("the XML holds the character U+%04X, which XML does not allow", c)
	}
	return append(b, c), nil
}

func (x *xmlScanner) entity(b []byte) ([]byte, error) {
	var name [12]byte
	n := 0
	for {
		c, err := x.r.ReadByte()
		if err != nil {
			return b, x.eof(err)
		}
		if c == ';' {
			break
		}
		if n == len(name) {
			return b, errors.New("an & that does not begin an entity (write &amp;)")
		}
		name[n] = c
		n++
	}
	e := name[:n]
	switch string(e) {
	case "lt":
		return append(b, '<'), nil
	case "gt":
		return append(b, '>'), nil
	case "amp":
		return append(b, '&'), nil
	case "quot":
		return append(b, '"'), nil
	case "apos":
		return append(b, '\''), nil
	}
	if len(e) > 1 && e[0] == '#' {
		var v uint64
		var err error
		if e[1] == 'x' {
			v, err = strconv.ParseUint(string(e[2:]), 16, 32)
		} else {
			v, err = strconv.ParseUint(string(e[1:]), 10, 32)
		}
		r := rune(v)
		if err == nil && utf8.ValidRune(r) && (r >= 0x20 || r == '\t' || r == '\n' || r == '\r') && r != 0xFFFE && r != 0xFFFF {
			return utf8.AppendRune(b, r), nil
		}
		return b, fmt.Errorf("the character reference &%s; is not a character XML allows", strconv.Quote(string(e)))
	}
	return b, fmt.Errorf("the entity &%s; is not one of XML's (&lt; &gt; &amp; &quot; &apos;)", strconv.Quote(string(e)))
}

func (x *xmlScanner) readText() error {
	for {
		c, err := x.r.ReadByte()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if c == '<' {
			x.r.UnreadByte()
			break
		}
		if x.text, err = x.char(x.text, c); err != nil {
			return err
		}
	}
	if !utf8.Valid(x.text) {
		return errors.New("the XML's text is not UTF-8")
	}
	return nil
}

func (x *xmlScanner) readCDATA() error {
	for {
		c, err := x.r.ReadByte()
		if err != nil {
			return x.eof(err)
		}
		x.text = append(x.text, c)
		if c == '>' && bytes.HasSuffix(x.text, []byte("]]>")) {
			x.text = x.text[:len(x.text)-3]
			break
		}
	}
	x.text = bytes.ReplaceAll(x.text, []byte("\r\n"), []byte("\n"))
	x.text = bytes.ReplaceAll(x.text, []byte("\r"), []byte("\n"))
	for _, c := range x.text {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return fmt.Errorf("the XML holds the character U+%04X, which XML does not allow", c)
		}
	}
	if !utf8.Valid(x.text) {
		return errors.New("the XML's text is not UTF-8")
	}
	return nil
}

// eof is a read error inside a token: the end of the XML, or the reader's.
func (x *xmlScanner) eof(err error) error {
	if err == io.EOF {
		return errXMLEOF
	}
	return err
}
