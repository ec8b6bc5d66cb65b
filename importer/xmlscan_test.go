package importer

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"
)

// tokens is the XML read by encoding/xml or by xmlScanner as one line per
// token — start tags with their attributes, end tags, text (adjacent text
// and CDATA as one) — leaving out comments and processing instructions;
// ok is false when the reader refused the XML.
func stdTokens(data []byte) (string, bool) {
	var b strings.Builder
	var text bytes.Buffer
	flush := func() {
		if text.Len() > 0 {
			fmt.Fprintf(&b, "t %q\n", text.String())
			text.Reset()
		}
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			flush()
			return b.String(), true
		}
		if err != nil {
			return "", false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			flush()
			fmt.Fprintf(&b, "s %s", t.Name.Local)
			for _, a := range t.Attr {
				fmt.Fprintf(&b, " %s=%q", a.Name.Local, a.Value)
			}
			b.WriteString("\n")
		case xml.EndElement:
			flush()
			fmt.Fprintf(&b, "e %s\n", t.Name.Local)
		case xml.CharData:
			text.Write(t)
		case xml.Directive:
			return "", false // a DOCTYPE: the scanner refuses it
		}
	}
}

func scanTokens(data []byte) (string, bool) {
	var b strings.Builder
	var text bytes.Buffer
	flush := func() {
		if text.Len() > 0 {
			fmt.Fprintf(&b, "t %q\n", text.String())
			text.Reset()
		}
	}
	x := newXMLScanner(bytes.NewReader(data))
	for {
		err := x.next()
		if err == io.EOF {
			flush()
			return b.String(), true
		}
		if err != nil {
			return "", false
		}
		switch x.kind {
		case 's':
			flush()
			fmt.Fprintf(&b, "s %s", x.name)
			for _, a := range x.attrs {
				fmt.Fprintf(&b, " %s=%q", x.abuf[a.name[0]:a.name[1]], x.abuf[a.value[0]:a.value[1]])
			}
			b.WriteString("\n")
		case 'e':
			flush()
			fmt.Fprintf(&b, "e %s\n", x.name)
		case 't':
			text.Write(x.text)
		}
	}
}

var xmlSeeds = []string{
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="m" xmlns:r="r"><sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"><v>80.069999999999993</v></c></row></sheetData></worksheet>`,
	`<x:row r='2'><x:c t="inlineStr"><x:is><x:r><x:t xml:space="preserve"> a&amp;b &lt;&gt; &quot;&apos; &#65;&#x42;</x:t></x:r></x:is></x:c><c/><c t="str"><f>"I"&amp;1</f><v>I1</v></c></x:row>`,
	"<a>line\r\nbreak\rhere<!-- a comment --><![CDATA[<raw> & \r\n]]>tail</a>",
	`<a b = "1" c="x&#10;y"><b/></a>`,
}

// TestXMLScannerMatchesEncodingXML: on the XML a worksheet holds the
// scanner reads what encoding/xml reads.
func TestXMLScannerMatchesEncodingXML(t *testing.T) {
	for _, s := range xmlSeeds {
		want, ok1 := stdTokens([]byte(s))
		got, ok2 := scanTokens([]byte(s))
		if !ok1 || !ok2 || got != want {
			t.Errorf("%s\nscanner (%v):\n%s\nencoding/xml (%v):\n%s", s, ok2, got, ok1, want)
		}
	}
	for _, bad := range []string{"<a>&nbsp;</a>", "<a>\x01</a>", "<a>\xff</a>", "<!DOCTYPE a><a/>", `<a b="1`, "<a>&#0;</a>"} {
		if got, ok := scanTokens([]byte(bad)); ok {
			t.Errorf("%q read as %s", bad, got)
		}
	}
}

// FuzzXMLScanner: whatever both readers accept, they read alike; the
// scanner never panics.
func FuzzXMLScanner(f *testing.F) {
	for _, s := range xmlSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, ok2 := scanTokens(data)
		want, ok1 := stdTokens(data)
		if ok1 && ok2 && got != want {
			t.Fatalf("scanner:\n%s\nencoding/xml:\n%s", got, want)
		}
	})
}
